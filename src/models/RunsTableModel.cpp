// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsTableModel.h"

#include "Resources.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// A row that fails at the cache would stop the whole table; parents beyond this many are shown by
// id instead of being looked up one by one.
constexpr int kMaxParentLookups = 200;

// Local time, ISO order: compact, unambiguous in every locale and sorts as text.
QString formatTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString fullPrecision(double v)
{
    if (std::isnan(v) || std::isinf(v))
        return RunsTableModel::formatNumber(v);
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

} // namespace

RunsTableModel::RunsTableModel(Cache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{
    ensureResources();
}

RunsTableModel::~RunsTableModel() = default;

Status RunsTableModel::load(const RunQuery &query)
{
    if (!m_cache || !m_cache->isOpen())
        return makeError(ErrorCategory::Internal, tr("The cache is not open."));
    RunQuery q = query;
    q.withData = true;
    auto result = m_cache->runs(q);
    if (!result)
        return result.error();
    const QList<RunRow> &runs = result.value();

    // Key sets first, so that every cell has a fixed slot: one pass over the runs, then one fill.
    QSet<QString> metricSet;
    QSet<QString> paramSet;
    for (const RunRow &r : runs) {
        for (const MetricPoint &m : r.run.latestMetrics)
            metricSet.insert(m.key);
        for (const KeyValue &p : r.run.params)
            paramSet.insert(p.key);
    }
    QStringList metricKeys(metricSet.cbegin(), metricSet.cend());
    QStringList paramKeys(paramSet.cbegin(), paramSet.cend());
    std::sort(metricKeys.begin(), metricKeys.end());
    std::sort(paramKeys.begin(), paramKeys.end());
    QHash<QString, int> metricIndex;
    QHash<QString, int> paramIndex;
    metricIndex.reserve(metricKeys.size());
    paramIndex.reserve(paramKeys.size());
    for (int i = 0; i < metricKeys.size(); ++i)
        metricIndex.insert(metricKeys.at(i), i);
    for (int i = 0; i < paramKeys.size(); ++i)
        paramIndex.insert(paramKeys.at(i), i);

    const size_t nm = size_t(metricKeys.size());
    const size_t np = size_t(paramKeys.size());
    std::vector<Row> rows;
    rows.reserve(size_t(runs.size()));
    std::vector<MetricCell> metrics(size_t(runs.size()) * nm);
    std::vector<QString> params(size_t(runs.size()) * np);
    QHash<QString, QString> nameById;
    nameById.reserve(runs.size());
    bool nested = false;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Run &run = runs.at(i).run;
        Row row;
        row.rowId = runs.at(i).rowId;
        row.runId = run.runId;
        row.name = run.runName;
        row.parentRunId = run.parentRunId();
        row.status = run.status;
        row.user = run.userId;
        row.startTime = run.startTime;
        row.endTime = run.endTime;
        row.deleted = run.lifecycleStage == kDeleted;
        nested = nested || !row.parentRunId.isEmpty();
        nameById.insert(run.runId, run.runName);
        rows.push_back(std::move(row));
        for (const MetricPoint &m : run.latestMetrics) {
            MetricCell &cell = metrics[size_t(i) * nm + size_t(metricIndex.value(m.key))];
            cell = MetricCell{m.value, m.step, m.timestamp, true};
        }
        for (const KeyValue &p : run.params)
            params[size_t(i) * np + size_t(paramIndex.value(p.key))] = p.value;
    }

    // A filter may hide a parent: look those up by id, once each.
    int lookups = 0;
    for (Row &row : rows) {
        if (row.parentRunId.isEmpty())
            continue;
        auto it = nameById.constFind(row.parentRunId);
        if (it == nameById.cend() && lookups < kMaxParentLookups) {
            ++lookups;
            auto parent = m_cache->run(row.parentRunId, q.sourceId);
            it = nameById.insert(row.parentRunId, parent ? parent->run.runName : QString());
        }
        row.parentName = it != nameById.cend() && !it->isEmpty() ? *it : row.parentRunId;
    }

    beginResetModel();
    m_query = q;
    m_rows = std::move(rows);
    m_metricKeys = std::move(metricKeys);
    m_paramKeys = std::move(paramKeys);
    m_metricIndex = std::move(metricIndex);
    m_paramIndex = std::move(paramIndex);
    m_metrics = std::move(metrics);
    m_params = std::move(params);
    m_hasNestedRuns = nested;
    endResetModel();
    return {};
}

void RunsTableModel::clear()
{
    beginResetModel();
    m_query = RunQuery{};
    m_rows.clear();
    m_metricKeys.clear();
    m_paramKeys.clear();
    m_metricIndex.clear();
    m_paramIndex.clear();
    m_metrics.clear();
    m_params.clear();
    m_hasNestedRuns = false;
    endResetModel();
}

int RunsTableModel::metricColumn(const QString &key) const
{
    const auto it = m_metricIndex.constFind(key);
    return it == m_metricIndex.cend() ? -1 : FixedColumnCount + *it;
}

int RunsTableModel::paramColumn(const QString &key) const
{
    const auto it = m_paramIndex.constFind(key);
    return it == m_paramIndex.cend() ? -1 : FixedColumnCount + int(m_metricKeys.size()) + *it;
}

RunsTableModel::ColumnKind RunsTableModel::columnKind(int column) const
{
    if (column < FixedColumnCount)
        return ColumnKind::Fixed;
    return column < FixedColumnCount + m_metricKeys.size() ? ColumnKind::Metric : ColumnKind::Param;
}

QString RunsTableModel::columnId(int column) const
{
    switch (columnKind(column)) {
    case ColumnKind::Metric: return u"metrics."_s + m_metricKeys.at(column - FixedColumnCount);
    case ColumnKind::Param: return u"params."_s + m_paramKeys.at(column - FixedColumnCount - int(m_metricKeys.size()));
    case ColumnKind::Fixed: break;
    }
    switch (column) {
    case NameColumn: return u"attributes.run_name"_s;
    case ParentColumn: return u"attributes.parent"_s;
    case StatusColumn: return u"attributes.status"_s;
    case StartedColumn: return u"attributes.start_time"_s;
    case DurationColumn: return u"attributes.duration"_s;
    case UserColumn: return u"attributes.user_id"_s;
    case RunIdColumn: return u"attributes.run_id"_s;
    default: return {};
    }
}

QString RunsTableModel::formatNumber(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"∞"_s : u"−∞"_s;
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, 'g', 6);
}

QString RunsTableModel::formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 24 * 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QIcon RunsTableModel::statusIcon(const QString &status)
{
    ensureResources();
    static QHash<QString, QIcon> icons;
    auto it = icons.find(status);
    if (it == icons.end()) {
        QString file;
        if (status == QLatin1String("FINISHED"))
            file = u":/icons/status-finished.svg"_s;
        else if (status == QLatin1String("FAILED"))
            file = u":/icons/status-failed.svg"_s;
        else if (status == QLatin1String("KILLED"))
            file = u":/icons/status-killed.svg"_s;
        else if (status == QLatin1String("RUNNING"))
            file = u":/icons/status-running.svg"_s;
        else if (status == QLatin1String("SCHEDULED"))
            file = u":/icons/status-scheduled.svg"_s;
        it = icons.insert(status, file.isEmpty() ? QIcon() : QIcon(file));
    }
    return *it;
}

QString RunsTableModel::statusText(const QString &status)
{
    if (status == QLatin1String("FINISHED"))
        return tr("Finished");
    if (status == QLatin1String("FAILED"))
        return tr("Failed");
    if (status == QLatin1String("KILLED"))
        return tr("Killed");
    if (status == QLatin1String("RUNNING"))
        return tr("Running");
    if (status == QLatin1String("SCHEDULED"))
        return tr("Scheduled");
    return status;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(m_metricKeys.size() + m_paramKeys.size());
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case RunIdRole:
        return row.runId;
    case RunRowIdRole:
        return row.rowId;
    case DeletedRole:
        return row.deleted;
    case ColumnKindRole:
        return int(columnKind(column));
    case ColumnKeyRole:
        return headerData(column, Qt::Horizontal, ColumnKeyRole);
    case Qt::FontRole:
        if (row.deleted) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    default:
        break;
    }
    if (column < FixedColumnCount)
        return fixedData(row, column, role);
    if (column < FixedColumnCount + m_metricKeys.size())
        return metricData(index.row(), column - FixedColumnCount, role);
    return paramData(index.row(), column - FixedColumnCount - int(m_metricKeys.size()), role);
}

QVariant RunsTableModel::fixedData(const Row &row, int column, int role) const
{
    const std::optional<qint64> duration =
        row.endTime && row.startTime > 0 && *row.endTime >= row.startTime ? std::optional<qint64>(*row.endTime - row.startTime)
                                                                         : std::nullopt;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return row.name;
        case ParentColumn: return row.parentName;
        case StatusColumn: return statusText(row.status);
        case StartedColumn: return formatTime(row.startTime);
        case DurationColumn: return duration ? formatDuration(*duration) : QString();
        case UserColumn: return row.user;
        case RunIdColumn: return row.runId;
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case StartedColumn: return row.startTime > 0 ? QVariant(double(row.startTime)) : QVariant();
        case DurationColumn: return duration ? QVariant(double(*duration)) : QVariant();
        case StatusColumn: return row.status;
        default: return fixedData(row, column, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && column == StatusColumn)
        return statusIcon(row.status);
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case NameColumn:
            return row.deleted ? tr("%1 (deleted)\nRun ID: %2").arg(row.name, row.runId)
                               : tr("%1\nRun ID: %2").arg(row.name, row.runId);
        case ParentColumn:
            return row.parentRunId.isEmpty() ? QVariant() : QVariant(tr("Child run of %1\nParent run ID: %2")
                                                                         .arg(row.parentName, row.parentRunId));
        case StatusColumn: return tr("Status: %1").arg(statusText(row.status));
        case StartedColumn:
            return row.startTime > 0
                ? QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.startTime), QLocale::LongFormat))
                : QVariant();
        case DurationColumn:
            if (!row.endTime)
                return row.status == QLatin1String("RUNNING") ? tr("Still running") : tr("No end time recorded");
            return tr("Ended %1").arg(formatTime(*row.endTime));
        case RunIdColumn: return row.runId;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (column == DurationColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunsTableModel::metricData(int row, int metric, int role) const
{
    const MetricCell &cell = m_metrics[size_t(row) * size_t(m_metricKeys.size()) + size_t(metric)];
    switch (role) {
    case Qt::DisplayRole:
        return cell.present ? formatNumber(cell.value) : QString();
    case SortRole:
        return cell.present ? QVariant(cell.value) : QVariant();
    case Qt::ToolTipRole:
        if (!cell.present)
            return tr("%1: not logged").arg(m_metricKeys.at(metric));
        return tr("%1 = %2\nstep %3, logged %4")
            .arg(m_metricKeys.at(metric), fullPrecision(cell.value))
            .arg(cell.step)
            .arg(formatTime(cell.timestamp));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunsTableModel::paramData(int row, int param, int role) const
{
    const QString &value = m_params[size_t(row) * size_t(m_paramKeys.size()) + size_t(param)];
    switch (role) {
    case Qt::DisplayRole:
        // Params can be thousands of characters long; the table shows the first line only.
        return value.size() > 200 ? QString(value.left(200) + u'…') : value;
    case SortRole: {
        if (value.isNull())
            return {};
        bool ok = false;
        const double d = value.toDouble(&ok);
        return ok ? QVariant(d) : QVariant(value);
    }
    case Qt::ToolTipRole:
        if (value.isNull())
            return tr("%1: not set").arg(m_paramKeys.at(param));
        return tr("%1 = %2").arg(m_paramKeys.at(param), value.size() > 2000 ? QString(value.left(2000) + u'…') : value);
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnKind kind = columnKind(section);
    const int nm = int(m_metricKeys.size());
    const QString key = kind == ColumnKind::Metric ? m_metricKeys.at(section - FixedColumnCount)
        : kind == ColumnKind::Param                ? m_paramKeys.at(section - FixedColumnCount - nm)
                                                   : QString();
    switch (role) {
    case ColumnKindRole:
        return int(kind);
    case ColumnKeyRole:
        return key;
    case Qt::TextAlignmentRole:
        return kind == ColumnKind::Metric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DisplayRole:
        switch (section) {
        case NameColumn: return tr("Run name");
        case ParentColumn: return tr("Parent");
        case StatusColumn: return tr("Status");
        case StartedColumn: return tr("Started");
        case DurationColumn: return tr("Duration");
        case UserColumn: return tr("User");
        case RunIdColumn: return tr("Run ID");
        default: return key;
        }
    case Qt::ToolTipRole:
        switch (kind) {
        case ColumnKind::Metric: return tr("Metric %1 (latest value)").arg(key);
        case ColumnKind::Param: return tr("Parameter %1").arg(key);
        case ColumnKind::Fixed:
            if (section == ParentColumn)
                return tr("The parent run of a nested (child) run");
            if (section == DurationColumn)
                return tr("End time minus start time");
            return {};
        }
        return {};
    case Qt::FontRole:
        if (kind == ColumnKind::Param) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return QAbstractTableModel::headerData(section, orientation, role);
    }
}

} // namespace md
