// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartsPage.h"

#include "ui_ChartsPage.h"

#include "MessageBox.h"
#include "MetricChart.h"
#include "ParallelCoordinatesChart.h"
#include "QCustomPlotInclude.h"
#include "cache/Cache.h"
#include "core/Settings.h"
#include "sync/HistoryLoader.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// The param a scatter chart starts with: of those whose values differ between the runs, the one
/// most runs logged (the first by name on a tie); else the first by name. Empty without params.
QString defaultScatterParam(const QList<Run> &runs, const QStringList &sortedParams)
{
    QString best;
    qsizetype bestCount = 0;
    for (const QString &key : sortedParams) {
        QStringList values;
        for (const Run &r : runs)
            for (const KeyValue &kv : r.params)
                if (kv.key == key)
                    values.append(kv.value);
        const qsizetype count = values.size();
        values.removeDuplicates();
        if (values.size() > 1 && count > bestCount) {
            best = key;
            bestCount = count;
        }
    }
    return best.isEmpty() ? sortedParams.value(0) : best;
}

} // namespace

ChartsPage::ChartsPage(Cache *cache, QString cachePath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChartsPage>())
    , m_cache(cache)
    , m_cachePath(std::move(cachePath))
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);

    m_chart = new MetricChart(m_ui->chartPage);
    m_chart->setObjectName(u"metricChart"_s);
    m_ui->chartLayout->addWidget(m_chart);
    m_parallel = new ParallelCoordinatesChart(m_ui->chartPage);
    m_parallel->setObjectName(u"parallelChart"_s);
    m_parallel->setToolTip(QString());
    m_parallel->hide();
    m_ui->chartLayout->addWidget(m_parallel);

    m_ui->resetButton->setText(tr("&Reset View"));
    m_ui->resetButton->setToolTip(tr("Fit the chart to the data again (Ctrl+0)"));
    connect(m_ui->resetButton, &QToolButton::clicked, m_chart, &MetricChart::resetView);
    connect(m_ui->resetButton, &QToolButton::clicked, m_parallel, &ParallelCoordinatesChart::clearBrushes);
    connect(m_parallel, &ParallelCoordinatesChart::brushesChanged, this, &ChartsPage::updateParallelInfo);
    connect(m_parallel, &ParallelCoordinatesChart::runSelected, this,
            [this](int, const QString &runId) { Q_EMIT runSelected(runId); });
    connect(m_chart->plot(), &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *, int, QMouseEvent *event) {
        // QCustomPlot reports a click only when the mouse did not move (a drag zooms into a box).
        if (event->button() != Qt::LeftButton)
            return;
        if (const int run = runAt(event->position().toPoint()); run >= 0)
            Q_EMIT runSelected(m_runs.ids.at(run));
    });
    connect(m_ui->axesButton, &QToolButton::clicked, this, &ChartsPage::chooseParallelAxes);
    connect(m_ui->flipCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updatingControls)
            return;
        if (m_useSettings)
            Settings::instance().setValue(Settings::Key::ParallelUpIsBetter, on);
        if (kind() == Kind::Parallel)
            showChart();
    });
    connect(m_ui->colourCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto mode = index == 1 ? ParallelCoordinatesChart::ColourMode::Run : ParallelCoordinatesChart::ColourMode::LastAxis;
        m_parallel->setColourMode(mode);
        if (!m_updatingControls && m_useSettings)
            Settings::instance().setValue(Settings::Key::ParallelColour,
                                          mode == ParallelCoordinatesChart::ColourMode::Run ? u"run"_s : u"lastAxis"_s);
    });

    auto *exportMenu = new QMenu(m_ui->exportButton);
    exportMenu->addAction(tr("PNG Image…"), this, [this] { chooseExportFile(u"png"_s, tr("PNG images (*.png)")); });
    exportMenu->addAction(tr("SVG Drawing…"), this, [this] { chooseExportFile(u"svg"_s, tr("SVG drawings (*.svg)")); });
    exportMenu->addAction(tr("PDF Document…"), this, [this] { chooseExportFile(u"pdf"_s, tr("PDF documents (*.pdf)")); });
    m_ui->exportButton->setMenu(exportMenu);

    connect(m_ui->metricCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls)
            showChart();
    });
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls)
            showChart();
    });
    connect(m_ui->paramCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls)
            showChart();
    });
    connect(m_ui->xModeCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_chart->setXMode(ChartXMode(std::max(0, index))); });
    connect(m_ui->logYCheck, &QCheckBox::toggled, m_chart, &MetricChart::setLogY);
    connect(m_ui->smoothingSlider, &QSlider::valueChanged, this, [this](int value) {
        const double s = value / 100.0;
        m_ui->smoothingValue->setText(QLocale().toString(s, 'f', 2));
        m_chart->setSmoothing(s);
    });

    m_ui->smoothingValue->setText(QLocale().toString(m_ui->smoothingSlider->value() / 100.0, 'f', 2));
    m_ui->emptyLabel->setText(
        tr("Nothing to chart yet.\n\nOn the Runs tab, select two or more runs and press Compare Selected "
           "(Ctrl+Return): their metrics show here."));
    setUseSettings(true);
    clear();
}

ChartsPage::~ChartsPage() = default;

QComboBox *ChartsPage::metricCombo() const { return m_ui->metricCombo; }
QComboBox *ChartsPage::kindCombo() const { return m_ui->kindCombo; }
QComboBox *ChartsPage::paramCombo() const { return m_ui->paramCombo; }
QComboBox *ChartsPage::xModeCombo() const { return m_ui->xModeCombo; }
QCheckBox *ChartsPage::logYCheck() const { return m_ui->logYCheck; }
QSlider *ChartsPage::smoothingSlider() const { return m_ui->smoothingSlider; }
QLabel *ChartsPage::infoLabel() const { return m_ui->infoLabel; }
QLabel *ChartsPage::emptyLabel() const { return m_ui->emptyLabel; }
QAbstractButton *ChartsPage::exportButton() const { return m_ui->exportButton; }
QAbstractButton *ChartsPage::axesButton() const { return m_ui->axesButton; }
QCheckBox *ChartsPage::flipCheck() const { return m_ui->flipCheck; }
QComboBox *ChartsPage::colourCombo() const { return m_ui->colourCombo; }

void ChartsPage::setUseSettings(bool use)
{
    m_useSettings = use;
    m_updatingControls = true;
    m_chosenAxes.clear();
    if (use) {
        const Settings &settings = Settings::instance();
        for (const QString &name : settings.value(Settings::Key::ParallelAxes).toStringList())
            if (const auto key = ParallelAxisKey::fromQualified(name); key && !m_chosenAxes.contains(*key))
                m_chosenAxes.append(*key);
        m_ui->flipCheck->setChecked(settings.value(Settings::Key::ParallelUpIsBetter).toBool());
        const bool byRun = settings.value(Settings::Key::ParallelColour).toString() == u"run"_s;
        m_ui->colourCombo->setCurrentIndex(byRun ? 1 : 0);
    } else {
        m_ui->flipCheck->setChecked(true);
        m_ui->colourCombo->setCurrentIndex(0);
    }
    m_parallel->setColourMode(m_ui->colourCombo->currentIndex() == 1 ? ParallelCoordinatesChart::ColourMode::Run
                                                                       : ParallelCoordinatesChart::ColourMode::LastAxis);
    m_updatingControls = false;
    if (!m_runs.isEmpty() && kind() == Kind::Parallel)
        showChart();
}

void ChartsPage::setParallelAxes(const QList<ParallelAxisKey> &axes)
{
    m_chosenAxes.clear();
    for (const ParallelAxisKey &k : axes)
        if (!m_chosenAxes.contains(k))
            m_chosenAxes.append(k);
    if (m_useSettings) {
        QStringList names;
        for (const ParallelAxisKey &k : std::as_const(m_chosenAxes))
            names.append(k.qualified());
        Settings &settings = Settings::instance();
        if (names.isEmpty())
            settings.remove(Settings::Key::ParallelAxes);
        else
            settings.setValue(Settings::Key::ParallelAxes, names);
    }
    if (kind() == Kind::Parallel)
        showChart();
}

QList<ParallelAxisKey> ChartsPage::parallelAxes() const
{
    const QList<ParallelAxisKey> available = availableParallelAxes(m_runs.runs);
    QList<ParallelAxisKey> axes;
    for (const ParallelAxisKey &k : m_chosenAxes)
        if (available.contains(k))
            axes.append(k);
    return axes.isEmpty() ? defaultParallelAxes(m_runs.runs, metric()) : axes;
}

QColor ChartsPage::runColour(int index, const QPalette &palette)
{
    // Tableau 10: distinct for the usual handful of runs, readable on light and dark.
    static const QRgb colours[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    QColor c = QColor::fromRgb(colours[std::max(0, index) % int(std::size(colours))]);
    if (palette.color(QPalette::Base).lightness() < 128)
        c = c.lighter(125);
    return c;
}

Status ChartsPage::setRuns(const QStringList &runIds, std::optional<qint64> sourceId)
{
    return load(runIds, sourceId);
}

void ChartsPage::reload()
{
    if (m_runs.isEmpty())
        return;
    m_histories.clear();
    if (Status s = load(m_runs.ids, m_runs.sourceId); !s)
        setInfo(s.error().toString());
}

Status ChartsPage::load(const QStringList &runIds, std::optional<qint64> sourceId)
{
    auto runs = ComparedRuns::read(m_cache, runIds, sourceId);
    if (!runs)
        return runs.error();
    if (runs->isEmpty()) {
        clear();
        return {};
    }
    if (runs->ids != m_runs.ids)
        m_histories.clear();
    m_runs = std::move(*runs);
    updateControls();
    showChart();
    return {};
}

void ChartsPage::clear()
{
    m_historyJob.discard();
    m_liveJob.discard();
    m_runs = {};
    m_histories.clear();
    m_chart->clear();
    m_parallel->clear();
    setInfo({});
    updateControls();
}

void ChartsPage::updateControls()
{
    m_updatingControls = true;
    const QString current = m_ui->metricCombo->currentText();
    const QString currentParam = m_ui->paramCombo->currentText();
    QStringList params;
    for (const Run &r : std::as_const(m_runs.runs))
        for (const KeyValue &kv : r.params)
            if (!params.contains(kv.key))
                params.append(kv.key);
    params.sort(Qt::CaseInsensitive);
    m_ui->paramCombo->clear();
    m_ui->paramCombo->addItems(params);
    const qsizetype keepParam = params.indexOf(currentParam);
    m_ui->paramCombo->setCurrentIndex(keepParam >= 0 ? int(keepParam) : int(params.indexOf(defaultScatterParam(m_runs.runs, params))));
    QStringList keys;
    for (const Run &r : std::as_const(m_runs.runs))
        for (const MetricPoint &p : r.latestMetrics)
            if (!keys.contains(p.key))
                keys.append(p.key);
    keys.sort(Qt::CaseInsensitive);
    m_ui->metricCombo->clear();
    m_ui->metricCombo->addItems(keys);
    const qsizetype keep = keys.indexOf(current);
    m_ui->metricCombo->setCurrentIndex(keep >= 0 ? int(keep) : (keys.isEmpty() ? -1 : 0));
    const bool any = !m_runs.isEmpty() && !keys.isEmpty();
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->metricCombo, m_ui->kindCombo, m_ui->paramCombo, m_ui->xModeCombo,
                                                        m_ui->logYCheck, m_ui->smoothingSlider, m_ui->exportButton, m_ui->resetButton,
                                                        m_ui->axesButton, m_ui->flipCheck, m_ui->colourCombo})
        w->setEnabled(any);
    if (m_runs.isEmpty())
        m_ui->emptyLabel->setText(
            tr("Nothing to chart yet.\n\nOn the Runs tab, select two or more runs and press Compare Selected "
               "(Ctrl+Return): their metrics show here."));
    else if (keys.isEmpty())
        m_ui->emptyLabel->setText(tr("None of the %n compared runs logged a metric.", nullptr, int(m_runs.size())));
    m_ui->stack->setCurrentWidget(any ? m_ui->chartPage : m_ui->emptyPage);
    m_ui->titleLabel->setText(m_runs.isEmpty() ? tr("Charts") : tr("Charts of %n runs", nullptr, int(m_runs.size())));
    updateKindControls();
    m_updatingControls = false;
}

void ChartsPage::updateKindControls()
{
    const Kind k = kind();
    m_ui->paramLabel->setVisible(k == Kind::Scatter);
    m_ui->paramCombo->setVisible(k == Kind::Scatter);
    const bool parallel = k == Kind::Parallel;
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->axesButton, m_ui->flipCheck, m_ui->colourLabel, m_ui->colourCombo})
        w->setVisible(parallel);
    // The history's own controls make no sense in the other charts, and the toolbar needs their room.
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->xModeLabel, m_ui->xModeCombo, m_ui->logYCheck, m_ui->smoothingLabel,
                                                        m_ui->smoothingSlider, m_ui->smoothingValue})
        w->setVisible(k == Kind::History);
    m_ui->resetButton->setText(parallel ? tr("Clear &Brushes") : tr("&Reset View"));
    m_ui->resetButton->setToolTip(parallel ? tr("Show every line again (Esc on the chart)")
                                           : tr("Fit the chart to the data again (Ctrl+0)"));
    m_chart->setVisible(!parallel);
    m_parallel->setVisible(parallel);
}

bool ChartsPage::selectText(QComboBox *combo, const QString &key)
{
    const int index = combo->findText(key);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

bool ChartsPage::setMetric(const QString &key)
{
    return selectText(m_ui->metricCombo, key);
}

QString ChartsPage::metric() const
{
    return m_ui->metricCombo->currentText();
}

void ChartsPage::setKind(Kind kind)
{
    m_ui->kindCombo->setCurrentIndex(int(kind));
}

ChartsPage::Kind ChartsPage::kind() const
{
    switch (m_ui->kindCombo->currentIndex()) {
    case int(Kind::Bar):
        return Kind::Bar;
    case int(Kind::Scatter):
        return Kind::Scatter;
    case int(Kind::Parallel):
        return Kind::Parallel;
    default:
        return Kind::History;
    }
}

bool ChartsPage::setParam(const QString &key)
{
    return selectText(m_ui->paramCombo, key);
}

QString ChartsPage::param() const
{
    return m_ui->paramCombo->currentText();
}

int ChartsPage::runAt(const QPoint &pos) const
{
    if (m_runs.isEmpty() || kind() == Kind::Parallel)
        return -1;
    QCustomPlot *plot = m_chart->plot();
    const double tolerance = plot->selectionTolerance();
    if (m_chart->isBarChart()) {
        for (int i = 0; i < plot->plottableCount(); ++i) {
            auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
            if (!bars || bars->data()->isEmpty())
                continue;
            const double d = bars->selectTest(pos, false);
            // Each run's bar stands at x = its index + 1 (MetricChart::setBars).
            if (d >= 0 && d < tolerance)
                return int(std::lround(bars->data()->constBegin()->key)) - 1;
        }
        return -1;
    }
    int best = -1;
    double bestDistance = tolerance;
    const auto consider = [&](const QCPGraph *g, int run) {
        if (!g || !g->visible())
            return;
        const double d = g->selectTest(pos, false);
        if (d >= 0 && d < bestDistance) {
            bestDistance = d;
            best = run;
        }
    };
    if (m_chart->isScatterChart()) {
        for (int k = 0; k < m_scatterRuns.size() && k < plot->graphCount(); ++k)
            consider(plot->graph(k), m_scatterRuns.at(k));
    } else {
        for (int i = 0; i < m_runs.size(); ++i)
            consider(m_chart->graph(m_runs.ids.at(i)), i);
    }
    return best;
}

QString ChartsPage::runLabel(int index) const
{
    return m_runs.label(index);
}

void ChartsPage::updateLive(const QStringList &runIds)
{
    QStringList shown;
    for (const QString &id : runIds)
        if (m_runs.indexOf(id) >= 0)
            shown.append(id);
    if (shown.isEmpty() || isLoading())
        return;
    // Read on a worker; dropped when the chart changed meanwhile (showChart() discards it).
    const auto read
        = [path = m_cachePath, shown, sourceId = m_runs.sourceId](const JobToken &) -> Result<ComparedRuns> {
        // A connection of this thread's own: the GUI's Cache is not thread-safe.
        Cache cache;
        if (Status s = cache.open(path); !s)
            return s.error();
        return ComparedRuns::read(&cache, shown, sourceId);
    };
    m_liveJob.start(read, [this](const Result<ComparedRuns> &fresh) {
        if (isLoading() || !fresh)
            return;
        for (qsizetype i = 0; i < fresh->size(); ++i) {
            const qsizetype at = m_runs.indexOf(fresh->ids.at(i));
            if (at < 0)
                continue;
            m_runs.runs[at] = fresh->runs.at(i);
            m_runs.rowIds[at] = fresh->rowIds.at(i);
            for (auto &byRun : m_histories)
                byRun.remove(fresh->ids.at(i));
        }
        if (kind() == Kind::History && !metric().isEmpty())
            startLoading();
        else
            showChart();
    });
}

void ChartsPage::showChart()
{
    m_historyJob.discard();
    m_liveJob.discard();
    const QString key = metric();
    updateKindControls();
    m_ui->xModeCombo->setEnabled(!key.isEmpty() && kind() == Kind::History);
    m_ui->logYCheck->setEnabled(!key.isEmpty() && kind() == Kind::History);
    m_ui->smoothingSlider->setEnabled(!key.isEmpty() && kind() == Kind::History);
    if (key.isEmpty()) {
        m_chart->clear();
        setInfo({});
        return;
    }
    m_chart->setValueTitle(key);
    const QPalette pal = palette();
    if (kind() == Kind::Bar) {
        QStringList labels;
        QList<QColor> colours;
        QList<std::optional<double>> values;
        for (int i = 0; i < m_runs.size(); ++i) {
            labels.append(runLabel(i));
            colours.append(runColour(i, pal));
            values.append(latestFiniteValue(m_runs.runs.at(i), key));
        }
        m_chart->setBars(labels, colours, values);
        setInfo({});
        return;
    }
    if (kind() == Kind::Scatter) {
        showScatter(key);
        return;
    }
    if (kind() == Kind::Parallel) {
        showParallel(key);
        return;
    }
    m_chart->clear();
    const auto &loaded = m_histories.value(key);
    for (int i = 0; i < m_runs.size(); ++i) {
        const auto it = loaded.constFind(m_runs.runs.at(i).runId);
        if (it != loaded.cend())
            m_chart->setSeries(m_runs.runs.at(i).runId, runLabel(i), runColour(i, pal), it.value());
    }
    startLoading();
}

void ChartsPage::showScatter(const QString &key)
{
    const QString xKey = param();
    if (xKey.isEmpty()) {
        m_chart->clear();
        setInfo(tr("None of the compared runs logged a param."));
        return;
    }
    const ScatterData data = scatterData(m_runs.runs, xKey, key);
    const QPalette pal = palette();
    QStringList labels;
    QList<QColor> colours;
    for (int run : data.runs) {
        labels.append(runLabel(run));
        colours.append(runColour(run, pal));
    }
    m_chart->setScatter(xKey, labels, colours, data.x, data.y, data.categories, data.xTexts);
    m_scatterRuns = data.runs;
    QStringList info;
    // The singular on its own: without an English translation file %n alone would read "1 runs".
    if (data.withoutParam == 1)
        info.append(tr("1 run without params.%1 is not shown").arg(xKey));
    else if (data.withoutParam > 1)
        info.append(tr("%n runs without params.%1 are not shown", nullptr, data.withoutParam).arg(xKey));
    if (data.withoutMetric == 1)
        info.append(tr("1 run without %1 is not shown").arg(key));
    else if (data.withoutMetric > 1)
        info.append(tr("%n runs without %1 are not shown", nullptr, data.withoutMetric).arg(key));
    setInfo(info.join(u"; "_s));
}

void ChartsPage::showParallel(const QString &key)
{
    Q_UNUSED(key)
    // The directions the person chose on the Compare tab.
    const MetricDirections directions =
        m_useSettings ? MetricDirections::fromVariantMap(
                            Settings::instance().value(Settings::Key::MetricDirections).toMap())
                      : MetricDirections();
    const ParallelData data = parallelData(m_runs.runs, parallelAxes(), directions, m_ui->flipCheck->isChecked());
    const QPalette pal = palette();
    QStringList labels;
    QList<QColor> colours;
    for (int i = 0; i < m_runs.size(); ++i) {
        labels.append(runLabel(i));
        colours.append(runColour(i, pal));
    }
    m_parallel->setData(data, labels, m_runs.ids, colours);
    updateParallelInfo();
}

void ChartsPage::updateParallelInfo()
{
    if (kind() != Kind::Parallel || m_runs.isEmpty())
        return;
    const ParallelData &data = m_parallel->data();
    QStringList info;
    if (m_parallel->hasBrushes())
        info.append(tr("%1 of %2 runs inside the brushed ranges (Esc shows all)").arg(m_parallel->activeCount()).arg(data.runCount));
    // The singular on its own: without an English translation file %n alone would read "1 runs".
    if (data.runsWithGaps == 1)
        info.append(tr("1 run without a value on some axis (marker below the axis)"));
    else if (data.runsWithGaps > 1)
        info.append(tr("%n runs without a value on some axis (markers below the axes)", nullptr, data.runsWithGaps));
    setInfo(info.join(u"; "_s));
}

void ChartsPage::chooseParallelAxes()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"parallelAxesDialog"_s);
    dialog->setWindowTitle(tr("Axes of the Parallel Coordinates"));
    auto *layout = new QVBoxLayout(dialog);
    auto *hint = new QLabel(tr("Tick the params and metrics to show, drag them (or use the buttons) into the order "
                               "of the axes from left to right. Lines are coloured by the last axis."),
                            dialog);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *list = new QListWidget(dialog);
    list->setObjectName(u"axesList"_s);
    list->setDragDropMode(QAbstractItemView::InternalMove);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    const auto fill = [this, list](const QList<ParallelAxisKey> &shown) {
        list->clear();
        QList<ParallelAxisKey> order = shown;
        for (const ParallelAxisKey &k : availableParallelAxes(m_runs.runs))
            if (!order.contains(k))
                order.append(k);
        for (const ParallelAxisKey &k : std::as_const(order)) {
            auto *item = new QListWidgetItem(k.kind == ParallelAxisKind::Param ? tr("%1 (param)").arg(k.key)
                                                                               : tr("%1 (metric)").arg(k.key),
                                             list);
            item->setData(Qt::UserRole, k.qualified());
            item->setFlags((item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled) & ~Qt::ItemIsDropEnabled);
            item->setCheckState(shown.contains(k) ? Qt::Checked : Qt::Unchecked);
        }
    };
    fill(parallelAxes());
    auto *row = new QHBoxLayout;
    row->addWidget(list, 1);
    auto *buttons = new QVBoxLayout;
    auto *up = new QPushButton(tr("Move &Up"), dialog);
    auto *down = new QPushButton(tr("Move &Down"), dialog);
    auto *defaults = new QPushButton(tr("De&faults"), dialog);
    defaults->setToolTip(tr("The params whose values differ between the runs, then the chosen metric"));
    for (QPushButton *b : {up, down, defaults})
        buttons->addWidget(b);
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row, 1);
    const auto move = [list](int by) {
        const int from = list->currentRow();
        const int to = from + by;
        if (from < 0 || to < 0 || to >= list->count())
            return;
        QListWidgetItem *item = list->takeItem(from);
        list->insertItem(to, item);
        list->setCurrentRow(to);
    };
    connect(up, &QPushButton::clicked, list, [move] { move(-1); });
    connect(down, &QPushButton::clicked, list, [move] { move(1); });
    connect(defaults, &QPushButton::clicked, list, [this, fill] { fill(defaultParallelAxes(m_runs.runs, metric())); });
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, list] {
        QList<ParallelAxisKey> axes;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                if (const auto k = ParallelAxisKey::fromQualified(list->item(i)->data(Qt::UserRole).toString()))
                    axes.append(*k);
        // The defaults chosen as they are stay "the defaults", so that they follow the metric.
        setParallelAxes(axes == defaultParallelAxes(m_runs.runs, metric()) ? QList<ParallelAxisKey>{} : axes);
    });
    dialog->resize(420, 460);
    dialog->open();
}

void ChartsPage::startLoading()
{
    const QString key = metric();
    const auto &loaded = m_histories.value(key);
    QList<HistoryLoader::Request> requests;
    QStringList requestRunIds;
    for (int i = 0; i < m_runs.size(); ++i) {
        if (loaded.contains(m_runs.runs.at(i).runId))
            continue;
        const QList<MetricPoint> &latest = m_runs.runs.at(i).latestMetrics;
        const auto ofKey
            = std::find_if(latest.cbegin(), latest.cend(), [&key](const MetricPoint &p) { return p.key == key; });
        if (ofKey == latest.cend())
            continue;
        requests.append({ m_runs.rowIds.at(i), key, ofKey->step });
        requestRunIds.append(m_runs.runs.at(i).runId);
    }
    if (requests.isEmpty()) {
        setInfo({});
        Q_EMIT historiesLoaded(true);
        return;
    }
    setInfo(tr("Loading histories of %1…").arg(key));

    // On the GUI thread, as each run's history arrives.
    const auto arrived = [this, key](const QString &runId, const QList<MetricPoint> &points) {
        m_histories[key][runId] = points;
        const qsizetype run = m_runs.indexOf(runId);
        if (run < 0 || key != metric() || kind() != Kind::History)
            return;
        m_chart->setSeries(runId, runLabel(int(run)), runColour(int(run), palette()), points);
        Q_EMIT seriesArrived(runId);
    };
    const auto load
        = [path = m_cachePath, requests, requestRunIds, arrived](const JobToken &token) -> std::optional<Error> {
        // A connection of this thread's own: the GUI's Cache is not thread-safe.
        Cache cache;
        if (Status s = cache.open(path); !s)
            return s.error();
        HistoryLoader loader(cache);
        // All runs in one call, so that a server answers up to 20 of them at once; the chart
        // draws each history as soon as it is there.
        Status s = loader.load(requests, token.cancelFlag(), [&](qsizetype i, const QList<MetricPoint> &points) {
            token.post([arrived, runId = requestRunIds.at(i), points] { arrived(runId, points); });
        });
        if (!s)
            return s.error();
        return std::nullopt;
    };
    m_historyJob.start(load, [this](const std::optional<Error> &error) {
        const bool failed = error && error->category != ErrorCategory::Cancelled;
        setInfo(failed ? tr("The histories could not be loaded: %1").arg(error->toString()) : QString());
        Q_EMIT historiesLoaded(!failed);
    });
}

Status ChartsPage::exportChart(const QString &path, QSize size)
{
    if (kind() == Kind::Parallel)
        return m_parallel->exportTo(path, size);
    return m_chart->exportTo(path, size);
}

void ChartsPage::chooseExportFile(const QString &suffix, const QString &filter)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Export Chart"), dir, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(suffix);
    QString name = metric();
    if (kind() == Kind::Scatter && !param().isEmpty())
        name = u"%1_vs_%2"_s.arg(name, param());
    else if (kind() == Kind::Parallel)
        name = u"parallel_coordinates"_s;
    name.replace(QRegularExpression(u"[^A-Za-z0-9_.-]+"_s), u"_"_s);
    dialog->selectFile((name.isEmpty() ? u"chart"_s : name) + u'.' + suffix);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (Status s = exportChart(path); !s)
            MessageBox::error(this, tr("Export Failed"), tr("The chart could not be saved."), s.error().toString());
        else
            setInfo(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

void ChartsPage::setInfo(const QString &text)
{
    m_ui->infoLabel->setText(text);
}

void ChartsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_runs.isEmpty() && !m_updatingControls)
        showChart();
}

} // namespace md
