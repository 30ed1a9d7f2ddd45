// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelsPage.h"

#include "ui_ModelsPage.h"

#include "ElidingHeaderView.h"
#include "TimelineWidget.h"
#include "cache/Cache.h"
#include "models/TimelineData.h"
#include "models/VersionsModel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QStandardItemModel>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

/// The key metric of each version as a small line chart (x = version), painted by hand.
class KeyMetricChart : public QWidget {
public:
    explicit KeyMetricChart(QWidget *parent) : QWidget(parent)
    {
        setMinimumSize(180, 120);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    }
    void setSeries(const QString &metric, const QList<QPair<qint64, double>> &series)
    {
        m_metric = metric;
        m_series = series;
        m_series.removeIf([](const QPair<qint64, double> &p) { return !std::isfinite(p.second); });
        setToolTip(m_metric.isEmpty() ? ModelsPage::tr("No key metric")
                                      : ModelsPage::tr("%1 of each version's source run").arg(m_metric));
        update();
    }
    const QList<QPair<qint64, double>> &series() const { return m_series; }
    QSize sizeHint() const override { return {260, 160}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QPalette &pal = palette();
        p.fillRect(rect(), pal.color(QPalette::Base));
        const QFontMetrics fm = fontMetrics();
        p.setPen(pal.color(QPalette::Text));
        const QString title = m_metric.isEmpty() ? ModelsPage::tr("Key metric") : m_metric;
        p.drawText(QRect(6, 4, width() - 12, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(ModelsPage::tr("%1 by version").arg(title), Qt::ElideRight, width() - 12));
        if (m_series.isEmpty()) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(rect().adjusted(8, fm.height() + 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                       ModelsPage::tr("No key metric values"));
            return;
        }
        double lo = m_series.first().second, hi = lo;
        for (const auto &pt : m_series) {
            lo = std::min(lo, pt.second);
            hi = std::max(hi, pt.second);
        }
        if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        const QString loText = QString::number(lo, 'g', 4), hiText = QString::number(hi, 'g', 4);
        const int left = 8 + std::max(fm.horizontalAdvance(loText), fm.horizontalAdvance(hiText));
        const QRectF plot(left + 16, fm.height() + 14, width() - left - 32, height() - 2 * fm.height() - 26);
        if (plot.width() < 10 || plot.height() < 10)
            return;
        const qint64 v0 = m_series.first().first, v1 = m_series.last().first;
        auto xOf = [&](qint64 v) {
            return v1 == v0 ? plot.center().x() : plot.left() + plot.width() * double(v - v0) / double(v1 - v0);
        };
        auto yOf = [&](double y) { return plot.bottom() - plot.height() * (y - lo) / (hi - lo); };
        p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()));
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(4, plot.top() - fm.height() / 2.0, left, fm.height()), Qt::AlignRight | Qt::AlignVCenter, hiText);
        p.drawText(QRectF(4, plot.bottom() - fm.height() / 2.0, left, fm.height()), Qt::AlignRight | Qt::AlignVCenter, loText);
        QPainterPath line;
        for (qsizetype i = 0; i < m_series.size(); ++i) {
            const QPointF pt(xOf(m_series.at(i).first), yOf(m_series.at(i).second));
            i == 0 ? line.moveTo(pt) : line.lineTo(pt);
        }
        const QColor accent = pal.color(QPalette::Highlight);
        p.setPen(QPen(accent, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        p.setBrush(accent);
        for (const auto &pt : m_series) {
            const QPointF c(xOf(pt.first), yOf(pt.second));
            p.setPen(QPen(pal.color(QPalette::Base), 1.5));
            p.drawEllipse(c, 4, 4);
            p.setPen(pal.color(QPalette::PlaceholderText));
            const QString label = ModelsPage::tr("v%1").arg(pt.first);
            const int w = fm.horizontalAdvance(label);
            p.drawText(QRectF(c.x() - w / 2.0 - 2, plot.bottom() + 4, w + 4, fm.height()), Qt::AlignCenter, label);
        }
    }

private:
    QString m_metric;
    QList<QPair<qint64, double>> m_series;
};

ModelsPage::ModelsPage(Cache *cache, const QString &journalPath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ModelsPage>())
    , m_cache(cache)
    , m_journalPath(journalPath)
    , m_models(new QStandardItemModel(this))
    , m_versions(new VersionsModel(this))
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->descriptionLabel->hide();

    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
    m_ui->modelsView->setModel(m_models);
    m_ui->modelsView->header()->setStretchLastSection(false);
    m_ui->modelsView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->modelsView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_ui->modelsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString name = current.siblingAtColumn(0).data(ModelNameRole).toString();
                if (name != m_modelName)
                    showModel(name);
            });

    m_ui->versionsTable->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_ui->versionsTable));
    m_ui->versionsTable->horizontalHeader()->setSectionsClickable(true);
    m_ui->versionsTable->horizontalHeader()->setHighlightSections(false);
    m_ui->versionsTable->horizontalHeader()->setSortIndicatorShown(true);
    m_ui->versionsTable->verticalHeader()->hide();
    m_ui->versionsTable->setModel(m_versions);
    m_ui->versionsTable->sortByColumn(VersionsModel::VersionColumn, Qt::AscendingOrder);
    m_ui->versionsTable->horizontalHeader()->setStretchLastSection(true);

    m_timeline = new TimelineWidget(m_ui->historyPane);
    m_timeline->setObjectName(u"timeline"_s);
    m_chart = new KeyMetricChart(m_ui->historyPane);
    m_chart->setObjectName(u"keyMetricChart"_s);
    m_ui->historyLayout->addWidget(m_timeline, 3);
    m_ui->historyLayout->addWidget(m_chart, 1);
    connect(m_timeline, &TimelineWidget::versionClicked, this, [this](qint64 version) { selectVersion(version); });

    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({220, 800});
    // Extra height goes to the table; the timeline keeps what its lanes need.
    m_ui->detailSplitter->setStretchFactor(0, 1);
    m_ui->detailSplitter->setStretchFactor(1, 0);
    m_ui->detailSplitter->setSizes({400, 240});
    setTabOrder(m_ui->modelsView, m_ui->versionsTable);
    setTabOrder(m_ui->versionsTable, m_timeline);
    showSource(std::nullopt, {});
}

ModelsPage::~ModelsPage() = default;

QTreeView *ModelsPage::modelsView() const
{
    return m_ui->modelsView;
}

QTableView *ModelsPage::versionsTable() const
{
    return m_ui->versionsTable;
}

QWidget *ModelsPage::keyMetricChart() const
{
    return m_chart;
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
        reload();
    }
    QWidget::changeEvent(event);
}

void ModelsPage::showSource(std::optional<qint64> sourceId, const QString &sourceUri)
{
    if (sourceId == m_sourceId && sourceUri == m_sourceUri && sourceId)
        return;
    m_sourceId = sourceId;
    m_sourceUri = sourceUri;
    m_modelName.clear();
    loadModels();
}

void ModelsPage::reload()
{
    const QString keep = m_modelName;
    const QModelIndex current = m_ui->versionsTable->currentIndex();
    const qint64 version = current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0;
    m_modelName.clear();
    loadModels();
    if (!keep.isEmpty() && selectModel(keep) && version)
        selectVersion(version);
}

void ModelsPage::loadModels()
{
    const QSignalBlocker blocker(m_ui->modelsView->selectionModel());
    m_models->removeRows(0, m_models->rowCount());
    if (!m_sourceId) {
        m_ui->modelsView->setPlaceholderText(tr("Select a source on the left to see its registered models."));
        showModel({});
        return;
    }
    auto models = m_cache->registeredModels(m_sourceId);
    if (!models) {
        m_ui->modelsView->setPlaceholderText(tr("Cannot read the cache: %1").arg(models.error().toString()));
        showModel({});
        return;
    }
    m_ui->modelsView->setPlaceholderText(tr("This source has no registered models."));
    for (const RegisteredModel &m : std::as_const(*models)) {
        auto *name = new QStandardItem(m.name);
        name->setData(m.name, ModelNameRole);
        name->setData(qint64(m.versions.size()), VersionCountRole);
        name->setToolTip(m.description.isEmpty() ? m.name : m.name + u"\n"_s + m.description);
        name->setEditable(false);
        auto *count = new QStandardItem(QString::number(m.versions.size()));
        count->setData(m.name, ModelNameRole);
        count->setData(qint64(m.versions.size()), VersionCountRole);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setToolTip(m.versions.size() == 1 ? tr("1 version") : tr("%1 versions").arg(m.versions.size()));
        count->setEditable(false);
        m_models->appendRow({name, count});
    }
    showModel({});
}

bool ModelsPage::selectModel(const QString &name)
{
    for (int r = 0; r < m_models->rowCount(); ++r) {
        const QModelIndex idx = m_models->index(r, 0);
        if (idx.data(ModelNameRole).toString() == name) {
            m_ui->modelsView->setCurrentIndex(idx);
            m_ui->modelsView->scrollTo(idx);
            if (m_modelName != name)
                showModel(name);
            return true;
        }
    }
    return false;
}

bool ModelsPage::selectVersion(qint64 version)
{
    const int row = m_versions->rowOfVersion(version);
    if (row < 0)
        return false;
    const QModelIndex idx = m_versions->index(row, VersionsModel::VersionColumn);
    m_ui->versionsTable->setCurrentIndex(idx);
    m_ui->versionsTable->selectRow(row);
    m_ui->versionsTable->scrollTo(idx);
    return true;
}

QList<JournalEntry> ModelsPage::journalEntries(const QString &model)
{
    if (m_journalPath.isEmpty() || m_sourceUri.isEmpty())
        return {};
    if (!m_journal.isOpen() && !m_journal.open(m_journalPath))
        return {};
    auto entries = m_journal.entries(m_sourceUri, model);
    if (!entries)
        return {};
    // The prefix also matches "model_b" for "model": keep this model's own.
    entries->removeIf([&](const JournalEntry &e) { return e.subject != model && !e.subject.startsWith(model + u'/'); });
    return *entries;
}

void ModelsPage::showModel(const QString &name)
{
    m_modelName = name;
    m_ui->descriptionLabel->hide();
    if (name.isEmpty() || !m_sourceId) {
        m_versions->clear();
        m_timeline->setTimeline({});
        m_chart->setSeries({}, {});
        m_ui->titleLabel->setText(tr("Models"));
        const bool none = m_sourceId && m_models->rowCount() == 0;
        m_ui->versionsTable->setPlaceholderText(
            !m_sourceId ? tr("Select a source on the left to see its registered models.")
                        : none ? tr("This source has no registered models.")
                               : tr("Select a model to see its versions, their timeline and key metric."));
        m_timeline->setPlaceholderText(QString());
        Q_EMIT modelShown(QString());
        return;
    }
    const QList<JournalEntry> journal = journalEntries(name);
    if (Status s = m_versions->load(*m_cache, *m_sourceId, name, journal); !s) {
        m_versions->clear();
        m_ui->versionsTable->setPlaceholderText(tr("Cannot read the model: %1").arg(s.error().toString()));
    }
    const RegisteredModel &model = m_versions->registeredModel();
    const qsizetype count = model.versions.size();
    m_ui->titleLabel->setText(count == 1 ? tr("%1 — 1 version").arg(name) : tr("%1 — %2 versions").arg(name).arg(count));
    QStringList details;
    if (!model.description.isEmpty())
        details.append(model.description);
    QStringList tags;
    for (const KeyValue &t : model.tags)
        tags.append(t.key + u" = "_s + t.value);
    if (!tags.isEmpty())
        details.append(tr("Tags: %1").arg(tags.join(u", "_s)));
    m_ui->descriptionLabel->setText(details.join(u"\n"_s));
    m_ui->descriptionLabel->setVisible(!details.isEmpty());
    m_ui->versionsTable->setPlaceholderText(tr("This model has no versions yet."));
    m_ui->versionsTable->resizeColumnsToContents();
    QHeaderView *header = m_ui->versionsTable->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::min(header->sectionSize(c), 260));

    m_timeline->setTimeline(TimelineData::build(model, journal, QDateTime::currentMSecsSinceEpoch()));
    m_timeline->setPlaceholderText(tr("No versions, so no timeline."));
    m_chart->setSeries(m_versions->keyMetric(), m_versions->keyMetricSeries());
    Q_EMIT modelShown(name);
}

} // namespace md
