// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionsModel.h"

#include "PlainToolTip.h"

#include "cache/Cache.h"
#include "core/MetricDirection.h"
#include "core/NumberFormat.h"
#include "core/TagNames.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QString kDefaultKeyMetric = u"val_r2_score"_s;

QString formatTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString formatMetric(double v)
{
    return std::isnan(v) ? QString() : localNumber(v, QLocale::FloatingPointShortest);
}

QString joinTags(const QList<KeyValue> &tags)
{
    QStringList parts;
    for (const KeyValue &t : tags)
        parts.append(t.key + u'=' + t.value);
    return parts.join(u", "_s);
}

} // namespace

VersionsModel::VersionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void VersionsModel::clear()
{
    beginResetModel();
    m_model = {};
    m_rows.clear();
    m_keyMetric.clear();
    endResetModel();
}

Status VersionsModel::load(Cache &cache, qint64 sourceId, const QString &name, const QList<JournalEntry> &journal)
{
    auto model = cache.registeredModel(name, sourceId);
    if (!model)
        return model.error();
    QStringList runIds;
    for (const ModelVersion &v : std::as_const(model->versions))
        if (!v.runId.isEmpty())
            runIds.append(v.runId);
    QHash<QString, QList<MetricPoint>> metrics;
    if (!runIds.isEmpty()) {
        RunQuery q;
        q.sourceId = sourceId;
        q.runIds = runIds;
        q.includeDeleted = true;
        auto runs = cache.runs(q);
        if (!runs)
            return runs.error();
        for (const RunRow &r : std::as_const(*runs))
            metrics.insert(r.run.runId, r.run.latestMetrics);
    }
    setRegisteredModel(*model, metrics, journal);
    return {};
}

void VersionsModel::setRegisteredModel(const RegisteredModel &model, const QHash<QString, QList<MetricPoint>> &runMetrics,
                                       const QList<JournalEntry> &journal)
{
    beginResetModel();
    m_model = model;
    m_rows.clear();

    // Which metric is key.
    m_keyMetric.clear();
    for (const KeyValue &t : std::as_const(m_model.tags))
        if (t.key == tags::kKeyMetric && !t.value.trimmed().isEmpty())
            m_keyMetric = t.value.trimmed();
    QSet<QString> logged;
    for (const ModelVersion &v : std::as_const(m_model.versions))
        for (const MetricPoint &p : runMetrics.value(v.runId))
            logged.insert(p.key);
    if (m_keyMetric.isEmpty() && logged.contains(kDefaultKeyMetric))
        m_keyMetric = kDefaultKeyMetric;
    if (m_keyMetric.isEmpty()) {
        QStringList keys(logged.cbegin(), logged.cend());
        keys.sort();
        for (const QString &k : std::as_const(keys)) {
            if (inferMetricDirection(k) != MetricDirection::Unknown) {
                m_keyMetric = k;
                break;
            }
        }
    }

    for (qsizetype i = 0; i < m_model.versions.size(); ++i) {
        const ModelVersion &v = m_model.versions.at(i);
        Row row;
        row.index = i;
        for (const MetricPoint &p : runMetrics.value(v.runId))
            if (p.key == m_keyMetric)
                row.keyMetric = p.value;
        if (!m_model.isPrompt())
            row.review = ReviewState::of(v, journal);
        m_rows.append(row);
    }
    endResetModel();
    if (m_sortColumn != VersionColumn || m_sortOrder != Qt::AscendingOrder)
        sort(m_sortColumn, m_sortOrder);
}

int VersionsModel::rowOfVersion(qint64 version) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_model.versions.at(m_rows.at(r).index).version == version)
            return r;
    return -1;
}

QList<QPair<qint64, double>> VersionsModel::keyMetricSeries() const
{
    QList<QPair<qint64, double>> series;
    for (const Row &r : m_rows)
        series.append({m_model.versions.at(r.index).version, r.keyMetric});
    std::sort(series.begin(), series.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return series;
}

ReviewState VersionsModel::reviewState(qint64 version) const
{
    const int row = rowOfVersion(version);
    return row < 0 ? ReviewState() : m_rows.at(row).review;
}

int VersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionsModel::sortValue(const Row &row, int column) const
{
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (column) {
    case VersionColumn: return v.version;
    case KeyMetricColumn: return row.keyMetric;
    case CreatedColumn: return v.creationTime;
    default: return displayText(row, column).toLower();
    }
}

QString VersionsModel::displayText(const Row &row, int column) const
{
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (column) {
    case VersionColumn: return tr("v%1").arg(v.version);
    case StageColumn: return v.currentStage;
    case AliasesColumn: return v.aliases.join(u", "_s);
    case RunColumn: return v.runId;
    case KeyMetricColumn: return formatMetric(row.keyMetric);
    case CreatedColumn: return formatTime(v.creationTime);
    case UserColumn: return v.userId;
    case StatusColumn: return v.status;
    case DescriptionColumn: return v.description;
    case TagsColumn: return joinTags(v.tags);
    case ApprovalColumn: {
        const QString summary = row.review.summary();
        return summary.isEmpty() ? tr("—") : summary;
    }
    default: return {};
    }
}

QVariant VersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (role) {
    case VersionRole: return v.version;
    case StageRole: return v.currentStage;
    case AliasesRole: return v.aliases;
    case RunIdRole: return v.runId;
    case KeyMetricRole: return row.keyMetric;
    case SortRole: return sortValue(row, index.column());
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ToolTipRole:
        // Descriptions and tags come from the store: never rich text, never 1 MB.
        return plainToolTip([&]() -> QVariant {
        switch (index.column()) {
        case VersionColumn: return tr("Version %1 of %2").arg(v.version).arg(m_model.name);
        case RunColumn: return v.runId.isEmpty() ? tr("No source run") : tr("Source run %1\n%2").arg(v.runId, v.source);
        case KeyMetricColumn:
            return m_keyMetric.isEmpty() ? tr("No key metric: the runs logged no metric with a known direction")
                                         : tr("%1 of the source run").arg(m_keyMetric);
        case CreatedColumn:
            return v.creationTime > 0
                ? QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.creationTime), QLocale::LongFormat))
                : QVariant();
        case StatusColumn: return v.statusMessage.isEmpty() ? QVariant() : QVariant(v.statusMessage);
        case DescriptionColumn: return v.description.isEmpty() ? QVariant() : QVariant(v.description);
        case TagsColumn: {
            QStringList lines;
            for (const KeyValue &t : v.tags)
                lines.append(t.key + u" = "_s + t.value);
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        case ApprovalColumn: {
            const QString details = row.review.details();
            return details.isEmpty() ? tr("No review asked for or decided") : details;
        }
        default: return {};
        }
        }());
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn || index.column() == KeyMetricColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant VersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case VersionColumn: return tr("Version");
        case StageColumn: return tr("Stage");
        case AliasesColumn: return tr("Aliases");
        case RunColumn: return tr("Source Run");
        case KeyMetricColumn: return m_keyMetric.isEmpty() ? tr("Key Metric") : m_keyMetric;
        case CreatedColumn: return tr("Created");
        case UserColumn: return tr("User");
        case StatusColumn: return tr("Status");
        case DescriptionColumn: return tr("Description");
        case TagsColumn: return tr("Tags");
        case ApprovalColumn: return tr("Review");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && section == KeyMetricColumn)
        return tr("The key metric: the model's modeldesk.key_metric tag, else val_r2_score, else the first metric "
                  "with a known direction");
    return QAbstractTableModel::headerData(section, orientation, role);
}

void VersionsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qsizetype> oldIndex;
    for (const QModelIndex &i : before)
        oldIndex.append(m_rows.at(i.row()).index);

    const bool asc = order == Qt::AscendingOrder;
    auto key = [&](const Row &r) { return sortValue(r, column); };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if (column == KeyMetricColumn) {
            const bool an = std::isnan(a.keyMetric), bn = std::isnan(b.keyMetric);
            if (an || bn)
                return !an && bn;  // NaN last in both orders
            return asc ? a.keyMetric < b.keyMetric : a.keyMetric > b.keyMetric;
        }
        const QVariant x = key(a), y = key(b);
        const auto c = QVariant::compare(x, y);
        return asc ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });

    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        int newRow = 0;
        for (int r = 0; r < m_rows.size(); ++r)
            if (m_rows.at(r).index == oldIndex.at(i))
                newRow = r;
        after.append(index(newRow, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace md
