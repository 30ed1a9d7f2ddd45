// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonPage.h"

#include "ui_ComparisonPage.h"

#include "ComparisonDelegate.h"
#include "MessageBox.h"
#include "PlaceholderTableView.h"
#include "cache/Cache.h"
#include "core/Settings.h"
#include "models/ComparisonModel.h"
#include "models/RunsProxyModel.h"
#include "sync/HistoryLoader.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// Run ids and long params elide (their tooltip has them), so that four runs with deltas fit.
constexpr int kMaxKeyColumnWidth = 240;
constexpr int kMaxValueColumnWidth = 200;

struct HistoryResult {
    QList<HistoryLoader::Request> requests;
    QList<QList<MetricPoint>> series;
    std::optional<Error> error;
};

} // namespace

ComparisonPage::ComparisonPage(Cache *cache, QString cachePath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComparisonPage>())
    , m_cache(cache)
    , m_cachePath(std::move(cachePath))
    , m_model(new ComparisonModel(this))
    , m_proxy(new RunsProxyModel(this))
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);

    m_proxy->setSortRole(ComparisonModel::SortRole);
    m_proxy->setSourceModel(m_model);
    PlaceholderTableView *view = m_ui->comparisonTable;
    view->setModel(m_proxy);
    view->setItemDelegate(new ComparisonDelegate(view));
    QHeaderView *header = view->horizontalHeader();
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Click to sort (a third click restores the order); right-click a metric to set its direction"));
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setPlaceholderText(
        tr("Nothing to compare yet.\n\nOn the Runs tab, select two or more runs (Ctrl+click, Shift+click) and press "
           "Compare Selected (Ctrl+Return)."));
    connect(view, &QWidget::customContextMenuRequested, this, &ComparisonPage::showContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ComparisonPage::showHeaderMenu);

    m_copyTsv = new QAction(tr("&Copy"), this);
    m_copyTsv->setToolTip(tr("Copy the comparison as shown, tab-separated, for a spreadsheet (Ctrl+C)"));
    m_copyTsv->setShortcut(QKeySequence::Copy);
    m_copyTsv->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyMarkdown = new QAction(tr("Copy as &Markdown"), this);
    m_copyMarkdown->setToolTip(tr("Copy the comparison as a Markdown table, with deltas, for notes and reviews"));
    m_copyMarkdown->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyMarkdown->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportCsv = new QAction(tr("&Export CSV…"), this);
    m_exportCsv->setToolTip(tr("Save the comparison as shown to a CSV file"));
    addAction(m_copyTsv);
    addAction(m_copyMarkdown);
    addAction(m_exportCsv);
    connect(m_copyTsv, &QAction::triggered, this, &ComparisonPage::copyTsv);
    connect(m_copyMarkdown, &QAction::triggered, this, &ComparisonPage::copyMarkdown);
    connect(m_exportCsv, &QAction::triggered, this, &ComparisonPage::chooseExportFile);
    m_ui->copyButton->setDefaultAction(m_copyTsv);
    auto *copyMenu = new QMenu(m_ui->copyButton);
    copyMenu->addAction(m_copyTsv);
    copyMenu->addAction(m_copyMarkdown);
    m_ui->copyButton->setMenu(copyMenu);
    m_ui->exportButton->setDefaultAction(m_exportCsv);

    connect(m_ui->baselineCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_updatingControls && index >= 0)
            setBaseline(index);
    });
    const auto stepChanged = [this] {
        if (m_updatingControls)
            return;
        setStepSelection(StepSelection{StepSelection::Mode(m_ui->stepCombo->currentIndex()), m_ui->stepSpin->value()});
    };
    connect(m_ui->stepCombo, &QComboBox::currentIndexChanged, this, stepChanged);
    connect(m_ui->stepSpin, &QSpinBox::valueChanged, this, stepChanged);
    connect(m_ui->differencesCheck, &QCheckBox::toggled, this, [this](bool only) {
        m_model->setDifferencesOnly(only);
        adjustColumns();
    });
    connect(m_ui->transposeButton, &QToolButton::toggled, this, [this](bool transposed) {
        m_ui->comparisonTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_model->setTransposed(transposed);
        adjustColumns();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setRowFilter(text);
        adjustColumns();
    });

    setUseSettings(true);
    updatePalette();
    clear();
}

ComparisonPage::~ComparisonPage() = default;

QTableView *ComparisonPage::table() const
{
    return m_ui->comparisonTable;
}

QComboBox *ComparisonPage::baselineCombo() const
{
    return m_ui->baselineCombo;
}

QComboBox *ComparisonPage::stepCombo() const
{
    return m_ui->stepCombo;
}

QSpinBox *ComparisonPage::stepSpin() const
{
    return m_ui->stepSpin;
}

QCheckBox *ComparisonPage::differencesOnlyCheck() const
{
    return m_ui->differencesCheck;
}

QAbstractButton *ComparisonPage::transposeButton() const
{
    return m_ui->transposeButton;
}

QLineEdit *ComparisonPage::searchEdit() const
{
    return m_ui->searchEdit;
}

QLabel *ComparisonPage::infoLabel() const
{
    return m_ui->infoLabel;
}

QString ComparisonPage::shortTitle() const
{
    return m_runs.isEmpty() ? tr("Compare") : tr("Compare (%1)").arg(m_runs.size());
}

void ComparisonPage::setUseSettings(bool use)
{
    m_useSettings = use;
    m_directions = use ? MetricDirections::fromVariantMap(
                             Settings::instance().value(Settings::Key::MetricDirections).toMap())
                       : MetricDirections();
    if (!m_runs.isEmpty())
        rebuild();
}

Status ComparisonPage::compare(const QStringList &runIds, std::optional<qint64> sourceId)
{
    return load(runIds, sourceId, false);
}

void ComparisonPage::reload()
{
    if (m_runs.isEmpty())
        return;
    if (Status s = load(m_runs.ids, m_runs.sourceId, true); !s)
        setInfo(s.error().toString());
}

Status ComparisonPage::load(const QStringList &runIds, std::optional<qint64> sourceId, bool keepOptions)
{
    auto runs = ComparedRuns::read(m_cache, runIds, sourceId);
    if (!runs)
        return runs.error();
    if (runs->isEmpty()) {
        clear();
        return {};
    }

    const bool sameRuns = runs->ids == m_runs.ids;
    m_runs = std::move(*runs);
    if (!keepOptions || !sameRuns) {
        m_historyJob.discard();
        m_histories.clear();
        m_historiesComplete = false;
        auto models = m_cache->registeredModels(sourceId);
        m_baseline = models ? defaultBaselineIndex(m_runs.ids, *models) : 0;
    } else {
        m_baseline = std::clamp(m_baseline, 0, int(m_runs.size()) - 1);
    }
    setInfo({});
    rebuild();
    return {};
}

void ComparisonPage::clear()
{
    m_historyJob.discard();
    m_runs = {};
    m_histories.clear();
    m_historiesComplete = false;
    m_baseline = 0;
    m_model->setComparison(RunComparison());
    setInfo({});
    updateControls();
    Q_EMIT comparisonChanged();
}

void ComparisonPage::setBaseline(int run)
{
    if (m_runs.isEmpty())
        return;
    run = std::clamp(run, 0, int(m_runs.size()) - 1);
    if (run == m_baseline && m_model->comparison().baseline() == run)
        return;
    m_baseline = run;
    rebuild();
}

int ComparisonPage::baseline() const
{
    return m_baseline;
}

bool ComparisonPage::selectRun(const QString &runId)
{
    const qsizetype run = m_runs.indexOf(runId);
    if (run < 0)
        return false;
    QTableView *view = m_ui->comparisonTable;
    view->clearSelection();
    // The proxy only sorts: a run's column is the model's; a transposed run's row moves with the sort.
    if (m_model->isTransposed()) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(int(run), ComparisonModel::RunColumn));
        view->selectRow(index.row());
        view->scrollTo(index);
    } else {
        const int column = ComparisonModel::FirstRunColumn + int(run);
        view->selectColumn(column);
        if (m_proxy->rowCount() > 0)
            view->scrollTo(m_proxy->index(view->rowAt(0) < 0 ? 0 : view->rowAt(0), column));
    }
    return true;
}

void ComparisonPage::setStepSelection(const StepSelection &step)
{
    if (step == m_step)
        return;
    m_step = step;
    if (!m_runs.isEmpty())
        rebuild();
    else
        updateControls();
}

void ComparisonPage::setMetricDirection(const QString &metricKey, std::optional<MetricDirection> direction)
{
    if (direction)
        m_directions.setOverride(metricKey, *direction);
    else
        m_directions.clearOverride(metricKey);
    if (m_useSettings) {
        // Another window may have remembered other metrics meanwhile: merge, do not overwrite.
        Settings &settings = Settings::instance();
        MetricDirections stored =
            MetricDirections::fromVariantMap(settings.value(Settings::Key::MetricDirections).toMap());
        if (direction)
            stored.setOverride(metricKey, *direction);
        else
            stored.clearOverride(metricKey);
        settings.setValue(Settings::Key::MetricDirections, stored.toVariantMap());
    }
    rebuild();
}

void ComparisonPage::rebuild()
{
    if (m_step.needsHistory() && !m_historiesComplete && !m_runs.isEmpty())
        startLoadingHistories();
    RunComparison::Options options;
    options.baseline = m_baseline;
    options.step = m_step;
    options.directions = m_directions;
    options.histories = m_histories;
    m_model->setComparison(RunComparison::build(m_runs.runs, options));
    updateControls();
    adjustColumns();
    Q_EMIT comparisonChanged();
}

void ComparisonPage::startLoadingHistories()
{
    if (m_historyJob.isRunning())
        return;
    QList<HistoryLoader::Request> requests;
    for (qsizetype i = 0; i < m_runs.size(); ++i)
        for (const MetricPoint &p : m_runs.runs.at(i).latestMetrics)
            requests.append({ m_runs.rowIds.at(i), p.key, p.step });
    setInfo(tr("Loading metric histories…"));
    const auto load = [path = m_cachePath, requests](const JobToken &token) -> HistoryResult {
        HistoryResult out;
        out.requests = requests;
        // A connection of this thread's own: the GUI's Cache is not thread-safe.
        Cache cache;
        if (Status s = cache.open(path); !s) {
            out.error = s.error();
            return out;
        }
        HistoryLoader loader(cache);
        auto loaded = loader.load(requests, token.cancelFlag());
        if (token.isCancelled())
            out.error = makeError(ErrorCategory::Cancelled, QString());
        else if (!loaded)
            out.error = loaded.error();
        else
            out.series = *loaded;
        return out;
    };
    m_historyJob.start(load, [this](const HistoryResult &result) {
        if (result.error) {
            if (result.error->category != ErrorCategory::Cancelled)
                setInfo(tr("The metric histories could not be loaded: %1").arg(result.error->toString()));
            Q_EMIT historiesLoaded(false);
            return;
        }
        QHash<qint64, QString> runIdOfRow;
        for (qsizetype i = 0; i < m_runs.size(); ++i)
            runIdOfRow.insert(m_runs.rowIds.at(i), m_runs.runs.at(i).runId);
        for (qsizetype i = 0; i < result.requests.size(); ++i)
            m_histories[runIdOfRow.value(result.requests.at(i).runRowId)][result.requests.at(i).key] = result.series.at(i);
        m_historiesComplete = true;
        setInfo({});
        rebuild();
        Q_EMIT historiesLoaded(true);
    });
}

void ComparisonPage::updateControls()
{
    m_updatingControls = true;
    const bool any = !m_runs.isEmpty();
    m_ui->baselineCombo->clear();
    for (int i = 0; i < m_runs.size(); ++i) {
        m_ui->baselineCombo->addItem(m_model->comparison().runLabel(i), m_runs.runs.at(i).runId);
        m_ui->baselineCombo->setItemData(i, m_runs.runs.at(i).runId, Qt::ToolTipRole);
    }
    m_ui->baselineCombo->setCurrentIndex(any ? m_baseline : -1);
    m_ui->stepCombo->setCurrentIndex(int(m_step.mode));
    m_ui->stepSpin->setValue(int(std::min<qint64>(m_step.step, m_ui->stepSpin->maximum())));
    m_ui->stepSpin->setEnabled(any && m_step.mode == StepSelection::Mode::AtStep);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->baselineCombo, m_ui->stepCombo, m_ui->differencesCheck,
                                                        m_ui->transposeButton, m_ui->searchEdit})
        w->setEnabled(any);
    m_copyTsv->setEnabled(any);
    m_copyMarkdown->setEnabled(any);
    m_exportCsv->setEnabled(any);
    m_ui->titleLabel->setText(any ? tr("Compare %1 runs").arg(m_runs.size()) : tr("Compare Runs"));
    m_updatingControls = false;
}

void ComparisonPage::setInfo(const QString &text)
{
    m_ui->infoLabel->setText(text);
}

void ComparisonPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updatePalette();
}

void ComparisonPage::updatePalette()
{
    // The page's own palette: in its PaletteChange the table below has not been given the new one yet.
    const QPalette pal = palette();
    m_model->setPalette(pal);
    const QString better = ComparisonModel::improvedColour(pal).name();
    const QString worse = ComparisonModel::regressedColour(pal).name();
    m_ui->legendLabel->setText(tr("<span style=\"color:%1\">■ better</span> or <span style=\"color:%2\">■ worse</span> "
                                  "than the baseline · <b>bold</b>: best of the row · ↑ higher is better, ↓ lower is "
                                  "better (right-click a metric to change)")
                                   .arg(better, worse));
}

void ComparisonPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_adjustColumnsOnShow)
        adjustColumns();
}

void ComparisonPage::adjustColumns()
{
    QTableView *view = m_ui->comparisonTable;
    m_adjustColumnsOnShow = !view->isVisible();
    view->resizeColumnsToContents();
    const int firstValue = m_model->isTransposed() ? int(ComparisonModel::FirstKeyColumn) : int(ComparisonModel::FirstRunColumn);
    // Capped columns first; then, while the view has room to spare, they get back what their
    // cells need (a delta like "1.08845E+07 (+7.74E+06, +247 %)" is wider than the cap),
    // smallest need first so that as many columns as possible show whole values.
    struct Capped {
        int column;
        int need;
    };
    QList<Capped> capped;
    int total = 0;
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        const int max = c < firstValue ? kMaxKeyColumnWidth : kMaxValueColumnWidth;
        const int content = view->columnWidth(c);
        if (content > max) {
            view->setColumnWidth(c, max);
            capped.append({c, content - max});
        }
        total += view->columnWidth(c);
    }
    int room = view->viewport()->width() - total;
    std::sort(capped.begin(), capped.end(), [](const Capped &a, const Capped &b) { return a.need < b.need; });
    for (qsizetype i = 0; i < capped.size() && room > 0; ++i) {
        const int share = room / int(capped.size() - i);
        const int grant = std::min(capped.at(i).need, share);
        view->setColumnWidth(capped.at(i).column, view->columnWidth(capped.at(i).column) + grant);
        room -= grant;
    }
}

void ComparisonPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_ui->comparisonTable->indexAt(pos);
    const QPoint global = m_ui->comparisonTable->viewport()->mapToGlobal(pos);
    const int row = index.isValid() ? index.data(ComparisonModel::ComparisonRowRole).toInt() : -1;
    if (row >= 0) {
        showDirectionMenu(row, global);
        return;
    }
    if (m_runs.isEmpty())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyTsv);
    menu->addAction(m_copyMarkdown);
    menu->addAction(m_exportCsv);
    menu->popup(global);
}

void ComparisonPage::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_ui->comparisonTable->horizontalHeader();
    const int column = header->logicalIndexAt(pos);
    if (column < 0)
        return;
    const int row = m_proxy->headerData(column, Qt::Horizontal, ComparisonModel::ComparisonRowRole).toInt();
    const QVariant run = m_proxy->headerData(column, Qt::Horizontal, ComparisonModel::RunIndexRole);
    if (row >= 0 && m_model->isTransposed()) {
        showDirectionMenu(row, header->mapToGlobal(pos));
    } else if (run.isValid() && run.toInt() >= 0) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        const int r = run.toInt();
        QAction *a = menu->addAction(tr("Use as &Baseline"));
        a->setEnabled(r != m_baseline);
        connect(a, &QAction::triggered, this, [this, r] { setBaseline(r); });
        menu->popup(header->mapToGlobal(pos));
    }
}

void ComparisonPage::showDirectionMenu(int comparisonRow, const QPoint &globalPos)
{
    const QList<ComparisonRow> &rows = m_model->comparison().rows();
    if (comparisonRow < 0 || comparisonRow >= rows.size())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const ComparisonRow &row = rows.at(comparisonRow);
    if (row.section == ComparisonSection::Metric) {
        const QString key = row.key;
        auto *group = new QActionGroup(menu);
        const auto add = [&](const QString &text, std::optional<MetricDirection> direction) {
            QAction *a = menu->addAction(text);
            a->setCheckable(true);
            a->setChecked(direction ? m_directions.isOverridden(key) && m_directions.direction(key) == *direction
                                    : !m_directions.isOverridden(key));
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, key, direction] { setMetricDirection(key, direction); });
        };
        menu->addSection(key);
        add(tr("&Higher Is Better"), MetricDirection::HigherIsBetter);
        add(tr("&Lower Is Better"), MetricDirection::LowerIsBetter);
        add(tr("&Automatic (%1)").arg(ComparisonModel::directionTitle(inferMetricDirection(key)).toLower()), std::nullopt);
        menu->addSeparator();
    }
    menu->addAction(m_copyTsv);
    menu->addAction(m_copyMarkdown);
    menu->addAction(m_exportCsv);
    menu->popup(globalPos);
}

void ComparisonPage::copyTsv()
{
    if (m_runs.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_model->comparison().toTsv(m_model->exportOptions()));
    setInfo(tr("Copied %1 rows as tab-separated text.").arg(m_model->shownKeyCount()));
}

void ComparisonPage::copyMarkdown()
{
    if (m_runs.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_model->comparison().toMarkdown(m_model->exportOptions()));
    setInfo(tr("Copied %1 rows as a Markdown table.").arg(m_model->shownKeyCount()));
}

void ComparisonPage::chooseExportFile()
{
    if (m_runs.isEmpty())
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Export Comparison as CSV"), dir, tr("CSV files (*.csv);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->selectFile(tr("comparison.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (Status s = exportCsv(path); !s)
            MessageBox::error(this, tr("Export Failed"), tr("The comparison could not be saved."), s.error().toString());
        else
            setInfo(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

Status ComparisonPage::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCategory::Storage, file.errorString(), path);
    file.write(m_model->comparison().toCsv(m_model->exportOptions()).toUtf8());
    if (!file.commit())
        return makeError(ErrorCategory::Storage, file.errorString(), path);
    return {};
}

} // namespace md
