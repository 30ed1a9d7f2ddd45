// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsTableModel.h"

#include "PlainToolTip.h"
#include "Resources.h"
#include "core/NumberFormat.h"

#include <QCollator>
#include <QDateTime>
#include <QFont>
#include <QFutureWatcher>
#include <QLocale>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// Rows read per cache query when a view first shows a cell, and the most rows kept in memory:
// 8,192 rows × 200 columns stay around 30 MB.
constexpr int kCellBlockRows = 32;
constexpr int kMaxCachedRows = 8192;

// Local time, ISO order: compact, unambiguous in every locale and sorts as text.
QString formatTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString fullPrecision(double v)
{
    return localNumber(v, QLocale::FloatingPointShortest);
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
    q.withData = false;
    auto result = m_cache->runOrder(q);
    if (!result)
        return result.error();
    auto keys = m_cache->runKeys(q);
    if (!keys)
        return keys.error();

    QHash<QString, int> metricIndex;
    QHash<QString, int> paramIndex;
    metricIndex.reserve(keys->metrics.size());
    paramIndex.reserve(keys->params.size());
    for (int i = 0; i < keys->metrics.size(); ++i)
        metricIndex.insert(keys->metrics.at(i), i);
    for (int i = 0; i < keys->params.size(); ++i)
        paramIndex.insert(keys->params.at(i), i);

    std::vector<OrderRow> rows;
    rows.reserve(size_t(result->size()));
    bool nested = false;
    for (const RunOrderKey &r : std::as_const(*result)) {
        rows.push_back(OrderRow{r.rowId, r.startTime});
        nested = nested || r.hasParent;
    }

    ++m_refreshGeneration;
    beginResetModel();
    m_query = q;
    m_loaded = true;
    m_rows = std::move(rows);
    m_metricKeys = std::move(keys->metrics);
    m_paramKeys = std::move(keys->params);
    m_metricIndex = std::move(metricIndex);
    m_paramIndex = std::move(paramIndex);
    m_cells.clear();
    m_readError.clear();
    m_hasNestedRuns = nested;
    applySort();
    endResetModel();
    return {};
}

Status RunsTableModel::refresh()
{
    if (!m_cache || !m_cache->isOpen())
        return makeError(ErrorCategory::Internal, tr("The cache is not open."));
    if (!m_loaded)
        return {};
    ++m_refreshGeneration;
    const QString key = headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString();
    return applySnapshot(readSnapshot(*m_cache, m_query, columnKind(m_sortColumn), m_sortColumn, key, {}), nullptr);
}

void RunsTableModel::refreshInBackground(const QStringList &changedRunIds)
{
    if (!m_loaded)
        return;
    m_pendingChanged.unite(QSet<QString>(changedRunIds.cbegin(), changedRunIds.cend()));
    m_refreshPending = true;
    if (!m_refreshing)
        startBackgroundRefresh();
}

void RunsTableModel::startBackgroundRefresh()
{
    if (!m_cache || !m_cache->isOpen()) {
        m_refreshPending = false;
        m_pendingChanged.clear();
        return;
    }
    auto changed = std::make_shared<QSet<QString>>(std::exchange(m_pendingChanged, {}));
    const bool all = std::exchange(m_pendingAll, false);
    m_refreshPending = false;
    m_refreshing = true;
    const qint64 generation = ++m_refreshGeneration;
    // The held rows of the changed runs: read on the worker, so that the repaint finds them.
    QList<qint64> cellRowIds;
    if (!all)
        for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it)
            if (changed->contains(it->row.runId))
                cellRowIds.append(it->row.rowId);
    const ColumnKind kind = columnKind(m_sortColumn);
    const QString key = headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString();

    QPromise<Snapshot> promise;
    auto *watcher = new QFutureWatcher<Snapshot>(this);
    watcher->setFuture(promise.future());
    connect(watcher, &QFutureWatcher<Snapshot>::finished, this, [this, watcher, generation, changed, all] {
        watcher->deleteLater();
        m_refreshing = false;
        if (generation == m_refreshGeneration) {
            const Status s = applySnapshot(watcher->result(), all ? nullptr : changed.get());
            Q_EMIT refreshed(s ? QString() : s.error().toString());
        } else {
            // Stale (the query or the sort changed): those runs may still have moved on.
            m_pendingChanged.unite(*changed);
            m_pendingAll = m_pendingAll || all;
            m_refreshPending = true;
        }
        if (m_refreshPending)
            startBackgroundRefresh();
    });
    QThreadPool::globalInstance()->start(
        [promise = std::make_shared<QPromise<Snapshot>>(std::move(promise)), path = m_cache->path(), query = m_query, kind,
         column = m_sortColumn, key, cellRowIds] {
            promise->start();
            // A connection of this thread's own: the model's Cache belongs to the GUI thread.
            Cache cache;
            Snapshot snapshot;
            if (Status s = cache.open(path); !s)
                snapshot.error = s.error();
            else
                snapshot = readSnapshot(cache, query, kind, column, key, cellRowIds);
            promise->addResult(std::move(snapshot));
            promise->finish();
        });
}

RunsTableModel::Snapshot RunsTableModel::readSnapshot(Cache &cache, const RunQuery &query, ColumnKind kind, int column,
                                                      const QString &key, const QList<qint64> &cellRowIds)
{
    Snapshot s;
    auto order = cache.runOrder(query);
    if (!order) {
        s.error = order.error();
        return s;
    }
    auto keys = cache.runKeys(query);
    if (!keys) {
        s.error = keys.error();
        return s;
    }
    s.order = std::move(*order);
    s.keys = std::move(*keys);
    if (kind != ColumnKind::Fixed || column != StartedColumn) {
        QList<qint64> ids;
        ids.reserve(s.order.size());
        for (const RunOrderKey &r : std::as_const(s.order))
            ids.append(r.rowId);
        s.sortKeys = readSortKeys(cache, query, kind, column, key, ids);
    }
    if (!cellRowIds.isEmpty()) {
        // Errors here only leave the cells to be read when shown.
        if (auto values = cache.runValues(cellRowIds))
            s.values = std::move(*values);
        if (auto summaries = cache.runSummariesById(cellRowIds))
            s.summaries = std::move(*summaries);
    }
    return s;
}

Status RunsTableModel::applySnapshot(Snapshot snapshot, const QSet<QString> *changed)
{
    if (snapshot.error)
        return *snapshot.error;
    const QList<RunOrderKey> &result = snapshot.order;
    const RunKeys &keys = snapshot.keys;
    const auto contains = [](const QStringList &all, const QStringList &some) {
        return std::all_of(some.cbegin(), some.cend(), [&all](const QString &k) { return all.contains(k); });
    };
    if (!contains(keys.metrics, m_metricKeys) || !contains(keys.params, m_paramKeys))
        return load(m_query);

    m_readError.clear();
    // Cells hold one entry per key: new keys make every held row stale.
    if (keys.metrics.size() != m_metricKeys.size() || keys.params.size() != m_paramKeys.size())
        m_cells.clear();
    // New keys: one column at a time, where the sorted order puts it.
    auto insertKeys = [this](const QStringList &now, bool metric) {
        for (int i = 0; i < now.size(); ++i) {
            QStringList &keys = metric ? m_metricKeys : m_paramKeys;
            if (i < keys.size() && keys.at(i) == now.at(i))
                continue;
            const int column = FixedColumnCount + (metric ? 0 : int(m_metricKeys.size())) + i;
            beginInsertColumns({}, column, column);
            keys.insert(i, now.at(i));
            QHash<QString, int> &index = metric ? m_metricIndex : m_paramIndex;
            index.clear();
            for (int k = 0; k < keys.size(); ++k)
                index.insert(keys.at(k), k);
            if (m_sortColumn >= column)
                ++m_sortColumn;
            endInsertColumns();
        }
    };
    insertKeys(keys.metrics, true);
    insertKeys(keys.params, false);

    QHash<qint64, qsizetype> now;
    now.reserve(result.size());
    bool nested = false;
    for (qsizetype i = 0; i < result.size(); ++i) {
        now.insert(result.at(i).rowId, i);
        nested = nested || result.at(i).hasParent;
    }
    m_hasNestedRuns = nested;
    // Runs gone: removed one displayed row at a time, from the bottom.
    std::vector<int> goneRows;
    for (size_t d = 0; d < m_order.size(); ++d)
        if (!now.contains(m_rows[size_t(m_order[d])].rowId))
            goneRows.push_back(int(d));
    if (!goneRows.empty())
        m_cells.clear();  // held by index in m_rows, which moves
    for (auto it = goneRows.rbegin(); it != goneRows.rend(); ++it) {
        const int d = *it;
        const int base = m_order[size_t(d)];
        beginRemoveRows({}, d, d);
        m_order.erase(m_order.begin() + d);
        m_rows.erase(m_rows.begin() + base);
        for (int &o : m_order)
            if (o > base)
                --o;
        endRemoveRows();
    }
    // New runs: appended, then moved to their place by the sort below.
    std::vector<OrderRow> added;
    if (qsizetype(m_rows.size()) != result.size()) {
        QSet<qint64> known;
        known.reserve(qsizetype(m_rows.size()));
        for (const OrderRow &r : m_rows)
            known.insert(r.rowId);
        for (const RunOrderKey &r : result)
            if (!known.contains(r.rowId))
                added.push_back(OrderRow{r.rowId, r.startTime});
    }
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const OrderRow &r : added) {
            m_order.push_back(int(m_rows.size()));
            m_rows.push_back(r);
        }
        endInsertRows();
    }
    // The start time orders rows by what load() read; any other column may have moved on.
    if (!added.empty() || m_sortColumn != StartedColumn)
        resort(snapshot.sortKeys ? &*snapshot.sortKeys : nullptr, &now);
    if (m_rows.empty())
        return {};
    if (!changed) {
        m_cells.clear();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return {};
    }
    // Only the changed runs' rows: those held get the cells read on the worker (or are read
    // again when shown), and are repainted; rows not held are read when shown anyway.
    std::vector<int> stale;
    for (auto it = m_cells.begin(); it != m_cells.end();) {
        if (!changed->contains(it->row.runId)) {
            ++it;
            continue;
        }
        const qint64 rowId = it->row.rowId;
        stale.push_back(it.key());
        const auto summary = snapshot.summaries.constFind(rowId);
        const auto values = snapshot.values.constFind(rowId);
        if (summary != snapshot.summaries.cend() && values != snapshot.values.cend()) {
            *it = makeCells(rowId, &*summary, &*values);
            ++it;
        } else {
            it = m_cells.erase(it);
        }
    }
    if (stale.empty())
        return {};
    std::vector<int> displayOf(m_order.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        displayOf[size_t(m_order[i])] = int(i);
    const int lastColumn = columnCount() - 1;
    for (int base : stale) {
        const int row = displayOf[size_t(base)];
        Q_EMIT dataChanged(index(row, 0), index(row, lastColumn));
    }
    return {};
}

void RunsTableModel::clear()
{
    ++m_refreshGeneration;
    m_loaded = false;
    beginResetModel();
    m_query = RunQuery{};
    m_rows.clear();
    m_order.clear();
    m_metricKeys.clear();
    m_paramKeys.clear();
    m_metricIndex.clear();
    m_paramIndex.clear();
    m_cells.clear();
    m_readError.clear();
    m_hasNestedRuns = false;
    endResetModel();
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    ++m_refreshGeneration;
    m_sortColumn = column;
    m_sortOrder = order;
    resort(nullptr, nullptr);
}

void RunsTableModel::resort(const SortKeys *read, const QHash<qint64, qsizetype> *at)
{
    if (m_rows.empty())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> baseOf;
    baseOf.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        baseOf.push_back(m_order[size_t(index.row())]);
    applySort(read, at);
    std::vector<int> displayOf(m_order.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        displayOf[size_t(m_order[i])] = int(i);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(displayOf[size_t(baseOf[size_t(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

RunsTableModel::SortKeys RunsTableModel::readSortKeys(Cache &cache, const RunQuery &query, ColumnKind kind, int column,
                                                      const QString &key, const QList<qint64> &rowIds)
{
    SortKeys out;
    const size_t n = size_t(rowIds.size());
    out.keys.resize(n);
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    auto setText = [&](SortKey &k, const QString &text) {
        if (text.isEmpty())
            return;
        k.cls = 1;
        k.text = int(out.texts.size());
        out.texts.push_back(collator.sortKey(text));
    };
    auto setNumber = [](SortKey &k, double v) {
        k.cls = std::isnan(v) ? 2 : 0;
        k.number = v;
    };

    if (kind == ColumnKind::Fixed) {
        // The attributes of every run, read once for this sort (load() read only the order).
        auto summaries = cache.runSummaries(query);
        if (!summaries) {
            out.error = summaries.error();
            return out;
        }
        QHash<qint64, qsizetype> at;
        at.reserve(summaries->size());
        for (qsizetype i = 0; i < summaries->size(); ++i)
            at.insert(summaries->at(i).rowId, i);
        for (size_t i = 0; i < n; ++i) {
            const auto found = at.constFind(rowIds[qsizetype(i)]);
            if (found == at.cend())
                continue;
            const RunSummary &row = summaries->at(*found);
            SortKey &k = out.keys[i];
            switch (column) {
            case StartedColumn:
                if (row.startTime > 0)
                    setNumber(k, double(row.startTime));
                break;
            case DurationColumn:
                if (row.endTime && row.startTime > 0 && *row.endTime >= row.startTime)
                    setNumber(k, double(*row.endTime - row.startTime));
                break;
            case NameColumn: setText(k, row.runName); break;
            case ParentColumn: setText(k, row.parentName); break;
            case StatusColumn: setText(k, row.status); break;
            case UserColumn: setText(k, row.userId); break;
            case RunIdColumn: setText(k, row.runId); break;
            default: break;
            }
        }
    } else if (kind == ColumnKind::Metric) {
        auto values = cache.latestMetricValues(key, rowIds);
        if (!values) {
            out.error = values.error();
            return out;
        }
        for (size_t i = 0; i < n; ++i) {
            const auto it = values->constFind(rowIds[qsizetype(i)]);
            if (it != values->cend())
                setNumber(out.keys[i], *it);
        }
    } else {
        auto values = cache.paramValues(key, rowIds);
        if (!values) {
            out.error = values.error();
            return out;
        }
        for (size_t i = 0; i < n; ++i) {
            const auto it = values->constFind(rowIds[qsizetype(i)]);
            if (it == values->cend())
                continue;
            bool ok = false;
            const double d = it->toDouble(&ok);
            if (ok)
                setNumber(out.keys[i], d);
            else
                setText(out.keys[i], *it);
        }
    }
    return out;
}

void RunsTableModel::applySort(const SortKeys *read, const QHash<qint64, qsizetype> *at)
{
    const size_t n = m_rows.size();
    m_order.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_order[i] = int(i);
    if (m_sortColumn < 0 || m_sortColumn >= columnCount() || n == 0)
        return;

    // Values first, NaN then missing last in both directions (as MLflow's UI does).
    std::vector<SortKey> keys;
    SortKeys readHere;
    const std::vector<QCollatorSortKey> *textKeys = nullptr;
    const ColumnKind kind = columnKind(m_sortColumn);
    if (kind == ColumnKind::Fixed && m_sortColumn == StartedColumn) {
        keys.resize(n);
        for (size_t i = 0; i < n; ++i)
            if (m_rows[i].startTime > 0)
                keys[i] = SortKey{0, double(m_rows[i].startTime), -1};
    } else if (read && at) {
        // Read on a worker for the rows of a snapshot: `at` says where each run is in it.
        if (read->error) {
            m_readError = read->error->toString();
            return;
        }
        keys.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const auto it = at->constFind(m_rows[i].rowId);
            if (it != at->cend() && size_t(*it) < read->keys.size())
                keys[i] = read->keys[size_t(*it)];
        }
        textKeys = &read->texts;
    } else {
        QList<qint64> ids;
        ids.reserve(qsizetype(n));
        for (const OrderRow &row : m_rows)
            ids.append(row.rowId);
        readHere = readSortKeys(*m_cache, m_query, kind, m_sortColumn,
                                headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString(), ids);
        if (readHere.error) {
            m_readError = readHere.error->toString();
            return;
        }
        keys = std::move(readHere.keys);
        textKeys = &readHere.texts;
    }

    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(m_order.begin(), m_order.end(), [&](int ia, int ib) {
        const SortKey &a = keys[size_t(ia)];
        const SortKey &b = keys[size_t(ib)];
        if (a.cls != b.cls) {
            if (a.cls >= 2 || b.cls >= 2)
                return a.cls < b.cls;
            return ascending ? a.cls < b.cls : a.cls > b.cls;
        }
        switch (a.cls) {
        case 0:
            return ascending ? a.number < b.number : a.number > b.number;
        case 1: {
            const int c = (*textKeys)[size_t(a.text)].compare((*textKeys)[size_t(b.text)]);
            return ascending ? c < 0 : c > 0;
        }
        default:
            return false;
        }
    });
}

RunsTableModel::RowCells RunsTableModel::makeCells(qint64 rowId, const RunSummary *summary, const RunValues *values) const
{
    RowCells cells;
    if (summary)
        cells.row = *summary;
    cells.row.rowId = rowId;
    cells.metrics.resize(size_t(m_metricKeys.size()));
    cells.params.resize(size_t(m_paramKeys.size()));
    if (values) {
        for (const MetricPoint &m : values->latestMetrics) {
            const auto k = m_metricIndex.constFind(m.key);
            if (k != m_metricIndex.cend())
                cells.metrics[size_t(*k)] = MetricCell{m.value, m.step, m.timestamp, true};
        }
        for (const KeyValue &p : values->params) {
            const auto k = m_paramIndex.constFind(p.key);
            if (k != m_paramIndex.cend())
                cells.params[size_t(*k)] = p.value;
        }
    }
    return cells;
}

const RunsTableModel::RowCells &RunsTableModel::cellsOf(int displayRow) const
{
    const int base = m_order[size_t(displayRow)];
    auto it = m_cells.constFind(base);
    if (it != m_cells.cend())
        return *it;

    // A view asks row by row; one query per block of rows keeps a scroll step to a few queries.
    const int first = displayRow - displayRow % kCellBlockRows;
    const int last = std::min(int(m_order.size()), first + kCellBlockRows);
    if (m_cells.size() + kCellBlockRows > kMaxCachedRows)
        m_cells.clear();
    QList<qint64> ids;
    QList<int> bases;
    for (int r = first; r < last; ++r) {
        const int b = m_order[size_t(r)];
        if (!m_cells.contains(b)) {
            ids.append(m_rows[size_t(b)].rowId);
            bases.append(b);
        }
    }
    auto values = m_cache->runValues(ids);
    if (!values)
        m_readError = values.error().toString();
    auto summaries = m_cache->runSummariesById(ids);
    if (!summaries)
        m_readError = summaries.error().toString();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const RunSummary summary = summaries ? summaries->value(ids[i]) : RunSummary{};
        const RunValues v = values ? values->value(ids[i]) : RunValues{};
        m_cells.insert(bases[i], makeCells(ids[i], summaries ? &summary : nullptr, values ? &v : nullptr));
    }
    return *m_cells.constFind(base);
}

void RunsTableModel::prefetch(int first, int last) const
{
    if (!m_cache || m_order.empty())
        return;
    first = std::max(0, first);
    last = std::min(int(m_order.size()) - 1, last);
    // Never more than the cache keeps, or prefetching would evict the rows on screen.
    last = std::min(last, first + kMaxCachedRows / 4);
    for (int r = first; r <= last; r += kCellBlockRows - r % kCellBlockRows)
        (void)cellsOf(r);
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
    return localNumber(value);
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
    return parent.isValid() ? 0 : int(m_order.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(m_metricKeys.size() + m_paramKeys.size());
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    switch (role) {
    case RunRowIdRole:
        return m_rows[size_t(m_order[size_t(index.row())])].rowId;
    case ColumnKindRole:
        return int(columnKind(column));
    case ColumnKeyRole:
        return headerData(column, Qt::Horizontal, ColumnKeyRole);
    case Qt::TextAlignmentRole:
        if (column >= FixedColumnCount)
            return column < FixedColumnCount + m_metricKeys.size() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        break;
    default:
        break;
    }
    const RowCells &cells = cellsOf(index.row());
    const RunSummary &row = cells.row;
    switch (role) {
    case RunIdRole:
        return row.runId;
    case DeletedRole:
        return row.deleted;
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
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    if (column < FixedColumnCount + m_metricKeys.size())
        return metricData(cells, column - FixedColumnCount, role);
    return paramData(cells, column - FixedColumnCount - int(m_metricKeys.size()), role);
}

QVariant RunsTableModel::fixedData(const RunSummary &row, int column, int role) const
{
    const std::optional<qint64> duration =
        row.endTime && row.startTime > 0 && *row.endTime >= row.startTime ? std::optional<qint64>(*row.endTime - row.startTime)
                                                                         : std::nullopt;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return row.runName;
        case ParentColumn: return row.parentName;
        case StatusColumn: return statusText(row.status);
        case StartedColumn: return formatTime(row.startTime);
        case DurationColumn: return duration ? formatDuration(*duration) : QString();
        case UserColumn: return row.userId;
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
        // Names come from the store: never rich text.
        return plainToolTip([&]() -> QVariant {
        switch (column) {
        case NameColumn:
            return row.deleted ? tr("%1 (deleted)\nRun ID: %2").arg(row.runName, row.runId)
                               : tr("%1\nRun ID: %2").arg(row.runName, row.runId);
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
        }());
    }
    if (role == Qt::TextAlignmentRole && (column == DurationColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunsTableModel::metricData(const RowCells &cells, int metric, int role) const
{
    const MetricCell &cell = cells.metrics[size_t(metric)];
    switch (role) {
    case Qt::DisplayRole:
        return cell.present ? formatNumber(cell.value) : QString();
    case SortRole:
        return cell.present ? QVariant(cell.value) : QVariant();
    case Qt::ToolTipRole:
        if (!cell.present)
            return plainToolTip(tr("%1: not logged").arg(m_metricKeys.at(metric)));
        return plainToolTip(tr("%1 = %2\nstep %3, logged %4")
                                .arg(m_metricKeys.at(metric), fullPrecision(cell.value))
                                .arg(cell.step)
                                .arg(formatTime(cell.timestamp)));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunsTableModel::paramData(const RowCells &cells, int param, int role) const
{
    const QString &value = cells.params[size_t(param)];
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
            return plainToolTip(tr("%1: not set").arg(m_paramKeys.at(param)));
        return plainToolTip(tr("%1 = %2").arg(m_paramKeys.at(param), value.size() > 2000 ? QString(value.left(2000) + u'…') : value));
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
        case ColumnKind::Metric: return plainToolTip(tr("Metric %1 (latest value)").arg(key));
        case ColumnKind::Param: return plainToolTip(tr("Parameter %1").arg(key));
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
