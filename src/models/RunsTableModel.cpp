// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsTableModel.h"

#include "PlainToolTip.h"
#include "Resources.h"
#include "core/NumberFormat.h"

#include <QCollator>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QPointer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// Rows asked for together when a view first shows a cell (a screenful spans two to four blocks,
// read in one query), and the most rows kept in memory: 8,192 rows × 200 columns stay around
// 30 MB.
constexpr int kCellBlockRows = 16;
constexpr int kMaxCachedRows = 8192;
// Blocks asked for and not read yet that the worker keeps, newest first: a few screenfuls. Older
// ones were scrolled past; reading them would only delay the rows shown now.
constexpr int kMaxWaitingBlocks = 24;
// Blocks read with a pick and waiting to be read whole: about two screenfuls; rows of older
// jumps are read whole only when a cell they lack is shown.
constexpr int kMaxCompletionBlocks = 8;

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
    updateLayout();
}

// The worker first: it stops and joins before the rest goes, and nothing it posted runs after.
RunsTableModel::~RunsTableModel()
{
    m_reader.reset();
}

RunsTableReader *RunsTableModel::reader()
{
    if (!m_cache || !m_cache->isOpen() || m_cache->path().isEmpty())
        return nullptr;
    if (!m_reader || m_reader->cachePath() != m_cache->path()) {
        // Another file: what the old reader had on its way is dropped with it, and the rows held
        // are let go to the new one.
        const bool another = m_reader != nullptr;
        m_reader.reset();
        m_reader = std::make_unique<RunsTableReader>(m_cache->path(), [this](RunsTableReader::BlockRead read) {
            QMetaObject::invokeMethod(
                this, [this, read = std::move(read)]() mutable { applyBlocks(std::move(read)); }, Qt::QueuedConnection);
        });
        if (another) {
            invalidateCells();
            m_loadPending = m_sorting = m_refreshing = false;
        }
    }
    return m_reader.get();
}

RunsTableModel::ColumnKind RunsTableModel::kindOf(int column, qsizetype metricCount)
{
    if (column < FixedColumnCount)
        return ColumnKind::Fixed;
    return column < FixedColumnCount + metricCount ? ColumnKind::Metric : ColumnKind::Param;
}

RunsTableModel::Loaded RunsTableModel::readLoad(Cache &cache, const RunQuery &query, int sortColumn,
                                                Qt::SortOrder sortOrder, int firstRow, int rows, bool report)
{
    Loaded out;
    out.result.query = query;
    out.result.query.withData = false;
    out.sortColumn = sortColumn;
    out.sortOrder = sortOrder;
    const RunQuery &q = out.result.query;
    if (report && !q.filter.trimmed().isEmpty()) {
        // Only a hint: when the keys cannot be read, the runs shown still stand.
        if (auto unknown = cache.unknownFilterKeys(q))
            out.result.unknownKeys = std::move(*unknown);
    }
    auto order = cache.runOrder(q);
    if (!order) {
        out.result.error = order.error();
        if (report && order.error().category == ErrorCategory::BadInput) {
            RunQuery unfiltered = q;
            unfiltered.filter.clear();
            if (auto all = cache.runOrder(unfiltered))
                out.result.unfilteredRuns = all->size();
        }
        return out;
    }
    auto keys = cache.runKeys(q);
    if (!keys) {
        out.result.error = keys.error();
        return out;
    }
    out.keys = std::move(*keys);
    out.layout = RunsTableReader::Layout::of(out.keys.metrics, out.keys.params);
    out.rows.reserve(size_t(order->size()));
    for (const RunOrderKey &r : std::as_const(*order)) {
        out.rows.push_back(OrderRow{r.rowId, r.startTime});
        out.nested = out.nested || r.hasParent;
    }

    const size_t n = out.rows.size();
    const int columns = FixedColumnCount + int(out.keys.metrics.size() + out.keys.params.size());
    if (sortColumn >= 0 && sortColumn < columns && n > 0) {
        const ColumnKind kind = kindOf(sortColumn, out.keys.metrics.size());
        if (kind == ColumnKind::Fixed && sortColumn == StartedColumn) {
            // Newest first is the cache's order already (ties by row id, no start time last).
            if (sortOrder == Qt::AscendingOrder)
                out.order = sortedOrder(startKeys(out.rows), {}, sortOrder);
        } else {
            const QString key = kind == ColumnKind::Metric ? out.keys.metrics.at(sortColumn - FixedColumnCount)
                : kind == ColumnKind::Param ? out.keys.params.at(sortColumn - FixedColumnCount - out.keys.metrics.size())
                                            : QString();
            QList<qint64> ids;
            ids.reserve(qsizetype(n));
            for (const OrderRow &row : out.rows)
                ids.append(row.rowId);
            const SortKeys read = readSortKeys(cache, q, kind, sortColumn, key, ids);
            if (read.error)
                out.sortError = read.error;
            else
                out.order = sortedOrder(read.keys, read.texts, sortOrder);
        }
    }
    if (out.order.size() != n) {
        out.order.resize(n);
        for (size_t i = 0; i < n; ++i)
            out.order[i] = int(i);
    }

    if (rows > 0 && n > 0) {
        // The rows the view shows after the reset: where it is scrolled to, moved up to fit.
        const int last = std::min(int(n), std::max(0, firstRow) + rows);
        const int first = std::max(0, std::min(firstRow, last - rows));
        QList<qint64> ids;
        ids.reserve(last - first);
        for (int r = first; r < last; ++r)
            ids.append(out.rows[size_t(out.order[size_t(r)])].rowId);
        // Errors here only leave the cells to be read when shown.
        if (auto cells = RunsTableReader::readRows(cache, ids, *out.layout))
            out.cells = std::move(*cells);
    }
    return out;
}

Status RunsTableModel::load(const RunQuery &query)
{
    if (!m_cache || !m_cache->isOpen())
        return makeError(ErrorCategory::Internal, tr("The cache is not open."));
    Loaded read = readLoad(*m_cache, query, m_sortColumn, m_sortOrder, 0, 0, false);
    if (read.result.error)
        return *read.result.error;
    ++m_loadRequest;  // what a loadInBackground() asked before is stale now
    m_loadPending = false;
    applyLoaded(std::move(read));
    return {};
}

qint64 RunsTableModel::loadInBackground(const RunQuery &query, int firstRow, int rows)
{
    const qint64 request = ++m_loadRequest;
    RunsTableReader *worker = reader();
    if (!worker) {
        LoadResult result;
        result.request = request;
        result.query = query;
        result.error = makeError(ErrorCategory::Internal, tr("The cache is not open."));
        // As from the worker: after the caller has returned.
        QMetaObject::invokeMethod(
            this, [this, result] {
                if (result.request == m_loadRequest)
                    Q_EMIT loaded(result);
            },
            Qt::QueuedConnection);
        return request;
    }
    m_loadPending = true;
    worker->post([this, request, query, column = m_sortColumn, order = m_sortOrder, firstRow,
                  rows](Cache &cache, const Status &opened) {
        Loaded read;
        if (opened) {
            read = readLoad(cache, query, column, order, firstRow, rows, true);
        } else {
            read.result.query = query;
            read.result.error = opened.error();
        }
        read.result.request = request;
        QMetaObject::invokeMethod(
            this, [this, read = std::move(read)]() mutable { applyBackgroundLoad(std::move(read)); },
            Qt::QueuedConnection);
    });
    return request;
}

void RunsTableModel::applyBackgroundLoad(Loaded read)
{
    if (read.result.request != m_loadRequest) {
        emitIdleIfDone();
        return;
    }
    m_loadPending = false;
    LoadResult result = read.result;
    const bool resort = read.sortColumn != m_sortColumn || read.sortOrder != m_sortOrder;
    if (!result.error) {
        applyLoaded(std::move(read));
        // Sorted by another column since it was asked for.
        if (resort)
            sort(m_sortColumn, m_sortOrder);
    }
    Q_EMIT loaded(result);
    emitIdleIfDone();
}

void RunsTableModel::applyLoaded(Loaded read)
{
    ++m_refreshGeneration;
    ++m_sortGeneration;
    m_sorting = false;
    (void)reader();  // the cells are read there
    beginResetModel();
    invalidateCells();
    ++m_rowsGeneration;
    m_query = std::move(read.result.query);
    m_loaded = true;
    m_rows = std::move(read.rows);
    m_order = std::move(read.order);
    updateDisplayOf();
    m_metricKeys = std::move(read.keys.metrics);
    m_paramKeys = std::move(read.keys.params);
    m_layout = std::move(read.layout);
    m_pick.reset();
    m_readError = read.sortError ? read.sortError->toString() : QString();
    m_hasNestedRuns = read.nested;
    for (auto it = read.cells.begin(); it != read.cells.end(); ++it)
        holdCells(it.key(), std::move(*it));
    endResetModel();
}

Status RunsTableModel::refresh()
{
    if (!m_cache || !m_cache->isOpen())
        return makeError(ErrorCategory::Internal, tr("The cache is not open."));
    if (!m_loaded)
        return {};
    ++m_refreshGeneration;
    const QString key = headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString();
    Snapshot snapshot = readSnapshot(*m_cache, m_query, columnKind(m_sortColumn), m_sortColumn, key, {});
    if (snapshot.error)
        return *snapshot.error;
    if (!applySnapshot(std::move(snapshot), nullptr))
        return load(m_query);
    return {};
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
    RunsTableReader *worker = reader();
    if (!worker) {
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
            if (changed->contains(it->run.runId))
                cellRowIds.append(it.key());
    const ColumnKind kind = columnKind(m_sortColumn);
    const QString key = headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString();

    auto apply = [this, generation, changed, all](Snapshot snapshot) {
        m_refreshing = false;
        if (generation == m_refreshGeneration) {
            if (snapshot.error) {
                Q_EMIT refreshed(snapshot.error->toString());
            } else {
                if (!applySnapshot(std::move(snapshot), all ? nullptr : changed.get()))
                    // A key disappeared: its column goes with a reset, the view's rows read again.
                    loadInBackground(m_query);
                Q_EMIT refreshed(QString());
            }
        } else {
            // Stale (the query or the sort changed): those runs may still have moved on.
            m_pendingChanged.unite(*changed);
            m_pendingAll = m_pendingAll || all;
            m_refreshPending = true;
        }
        if (m_refreshPending)
            startBackgroundRefresh();
        emitIdleIfDone();
    };
    worker->post([this, apply, query = m_query, kind, column = m_sortColumn, key, cellRowIds](Cache &cache,
                                                                                               const Status &opened) {
        Snapshot snapshot;
        if (!opened)
            snapshot.error = opened.error();
        else
            snapshot = readSnapshot(cache, query, kind, column, key, cellRowIds);
        QMetaObject::invokeMethod(
            this, [apply, snapshot = std::move(snapshot)]() mutable { apply(std::move(snapshot)); }, Qt::QueuedConnection);
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

bool RunsTableModel::applySnapshot(Snapshot snapshot, const QSet<QString> *changed)
{
    const QList<RunOrderKey> &result = snapshot.order;
    const RunKeys &keys = snapshot.keys;
    const auto contains = [](const QStringList &all, const QStringList &some) {
        return std::all_of(some.cbegin(), some.cend(), [&all](const QString &k) { return all.contains(k); });
    };
    if (!contains(keys.metrics, m_metricKeys) || !contains(keys.params, m_paramKeys))
        return false;

    m_readError.clear();
    // Cells hold one entry per key: new keys make every held row stale, and the blocks on their
    // way, made for the old columns, are asked for again when they arrive.
    if (keys.metrics.size() != m_metricKeys.size() || keys.params.size() != m_paramKeys.size())
        letGo(std::exchange(m_cells, {}));
    // New keys: one column at a time, where the sorted order puts it.
    auto insertKeys = [this](const QStringList &now, bool metric) {
        for (int i = 0; i < now.size(); ++i) {
            QStringList &keys = metric ? m_metricKeys : m_paramKeys;
            if (i < keys.size() && keys.at(i) == now.at(i))
                continue;
            const int column = FixedColumnCount + (metric ? 0 : int(m_metricKeys.size())) + i;
            beginInsertColumns({}, column, column);
            keys.insert(i, now.at(i));
            if (m_sortColumn >= column)
                ++m_sortColumn;
            updateLayout();
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
    for (auto it = goneRows.rbegin(); it != goneRows.rend(); ++it) {
        const int d = *it;
        const int base = m_order[size_t(d)];
        m_cells.remove(m_rows[size_t(base)].rowId);
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
    if (!goneRows.empty() || !added.empty()) {
        ++m_rowsGeneration;  // indexes into m_rows moved
        updateDisplayOf();
    }
    // The start time orders rows by what load() read; any other column may have moved on.
    if (!added.empty() || m_sortColumn != StartedColumn)
        resort(snapshot.sortKeys ? &*snapshot.sortKeys : nullptr, &now);
    if (m_rows.empty())
        return true;
    if (!changed) {
        invalidateCells();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return true;
    }
    // Only the changed runs' rows: those held get the cells read on the worker (or are read
    // again when shown), and are repainted; rows not held are read when shown anyway.
    QSet<qint64> stale;
    for (auto it = m_cells.begin(); it != m_cells.end();) {
        if (!changed->contains(it->run.runId)) {
            ++it;
            continue;
        }
        const qint64 rowId = it.key();
        stale.insert(rowId);
        const auto summary = snapshot.summaries.constFind(rowId);
        const auto values = snapshot.values.constFind(rowId);
        if (summary != snapshot.summaries.cend() && values != snapshot.values.cend()) {
            const quint64 used = it->used;
            *it = makeCells(rowId, &*summary, &*values);
            it->used = used;
            ++it;
        } else {
            it = m_cells.erase(it);
        }
    }
    if (stale.isEmpty())
        return true;
    const int lastColumn = columnCount() - 1;
    for (size_t base = 0; base < m_rows.size(); ++base) {
        if (stale.contains(m_rows[base].rowId)) {
            const int row = m_displayOf[base];
            Q_EMIT dataChanged(index(row, 0), index(row, lastColumn));
        }
    }
    return true;
}

void RunsTableModel::clear()
{
    ++m_refreshGeneration;
    ++m_loadRequest;
    m_loadPending = false;
    ++m_sortGeneration;
    m_sorting = false;
    m_loaded = false;
    beginResetModel();
    invalidateCells();
    ++m_rowsGeneration;
    m_query = RunQuery{};
    m_rows.clear();
    m_order.clear();
    m_displayOf.clear();
    m_metricKeys.clear();
    m_paramKeys.clear();
    updateLayout();
    m_readError.clear();
    m_hasNestedRuns = false;
    endResetModel();
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    ++m_refreshGeneration;
    ++m_sortGeneration;
    m_sorting = false;
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_rows.empty())
        return;
    if (column < 0 || column >= columnCount()) {
        std::vector<int> identity(m_rows.size());
        for (size_t i = 0; i < identity.size(); ++i)
            identity[i] = int(i);
        applyOrder(std::move(identity));
    } else if (columnKind(column) == ColumnKind::Fixed && column == StartedColumn) {
        // Known from the load: sorted here, at once.
        applyOrder(sortedOrder(startKeys(m_rows), {}, order));
    } else {
        startSort();
    }
}

void RunsTableModel::startSort()
{
    RunsTableReader *worker = reader();
    if (!worker)
        return;
    m_sorting = true;
    QList<qint64> ids;
    ids.reserve(qsizetype(m_rows.size()));
    for (const OrderRow &row : m_rows)
        ids.append(row.rowId);
    Sorted sorted;
    sorted.generation = m_sortGeneration;
    sorted.rowsGeneration = m_rowsGeneration;
    worker->post([this, sorted, ids = std::move(ids), query = m_query, kind = columnKind(m_sortColumn),
                  column = m_sortColumn, key = headerData(m_sortColumn, Qt::Horizontal, ColumnKeyRole).toString(),
                  order = m_sortOrder](Cache &cache, const Status &opened) mutable {
        if (!opened) {
            sorted.error = opened.error();
        } else {
            const SortKeys read = readSortKeys(cache, query, kind, column, key, ids);
            if (read.error)
                sorted.error = read.error;
            else
                sorted.order = sortedOrder(read.keys, read.texts, order);
        }
        QMetaObject::invokeMethod(
            this, [this, sorted = std::move(sorted)]() mutable { applySorted(std::move(sorted)); }, Qt::QueuedConnection);
    });
}

void RunsTableModel::applySorted(Sorted sorted)
{
    if (sorted.generation != m_sortGeneration) {
        emitIdleIfDone();
        return;
    }
    if (sorted.rowsGeneration != m_rowsGeneration) {
        // Runs came or went since (a live update): sort the rows there are now.
        startSort();
        return;
    }
    m_sorting = false;
    if (sorted.error)
        m_readError = sorted.error->toString();  // the rows stay as they were
    else
        applyOrder(std::move(sorted.order));
    emitIdleIfDone();
}

void RunsTableModel::resort(const SortKeys *read, const QHash<qint64, qsizetype> *at)
{
    const size_t n = m_rows.size();
    if (n == 0 || m_sortColumn < 0 || m_sortColumn >= columnCount())
        return;
    if (columnKind(m_sortColumn) == ColumnKind::Fixed && m_sortColumn == StartedColumn) {
        applyOrder(sortedOrder(startKeys(m_rows), {}, m_sortOrder));
        return;
    }
    if (!read || !at)
        return;
    // Read on a worker for the rows of a snapshot: `at` says where each run is in it.
    if (read->error) {
        m_readError = read->error->toString();
        return;
    }
    std::vector<SortKey> keys(n);
    for (size_t i = 0; i < n; ++i) {
        const auto it = at->constFind(m_rows[i].rowId);
        if (it != at->cend() && size_t(*it) < read->keys.size())
            keys[i] = read->keys[size_t(*it)];
    }
    applyOrder(sortedOrder(keys, read->texts, m_sortOrder));
}

void RunsTableModel::applyOrder(std::vector<int> order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> baseOf;
    baseOf.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        baseOf.push_back(m_order[size_t(index.row())]);
    m_order = std::move(order);
    updateDisplayOf();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(m_displayOf[size_t(baseOf[size_t(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RunsTableModel::updateLayout()
{
    m_layout = RunsTableReader::Layout::of(m_metricKeys, m_paramKeys);
    m_pick.reset();
}

void RunsTableModel::setColumnsInView(const QList<int> &columns)
{
    QList<int> metrics;
    QList<int> params;
    for (int column : columns) {
        if (column < FixedColumnCount || column >= columnCount())
            continue;
        const int metric = column - FixedColumnCount;
        if (metric < m_metricKeys.size())
            metrics.append(metric);
        else
            params.append(metric - int(m_metricKeys.size()));
    }
    m_pick = RunsTableReader::Pick::of(*m_layout, metrics, params);
}

bool RunsTableModel::cellRead(const RowCells &cells, int column) const
{
    if (!cells.pick || column < FixedColumnCount)
        return true;
    const int metric = column - FixedColumnCount;
    return metric < m_metricKeys.size() ? cells.hasMetric(metric) : cells.hasParam(metric - int(m_metricKeys.size()));
}

void RunsTableModel::completeLater(const QList<RunsTableReader::Block> &blocks)
{
    QList<RunsTableReader::Block> whole;
    for (const RunsTableReader::Block &block : blocks) {
        RunsTableReader::Block w = block;
        w.id = ++m_lastBlockId;
        w.pick.reset();
        w.completion = true;
        for (qint64 id : std::as_const(w.rowIds))
            m_completing.insert(id);
        whole.append(std::move(w));
    }
    // The newest first; those dropped stay read in part, and are read whole when a cell they lack
    // is shown.
    for (const RunsTableReader::Block &dropped : m_reader->putCompletion(std::move(whole), kMaxCompletionBlocks))
        for (qint64 id : dropped.rowIds)
            m_completing.remove(id);
}

void RunsTableModel::updateDisplayOf()
{
    m_displayOf.resize(m_order.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        m_displayOf[size_t(m_order[i])] = int(i);
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

std::vector<RunsTableModel::SortKey> RunsTableModel::startKeys(const std::vector<OrderRow> &rows)
{
    std::vector<SortKey> keys(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].startTime > 0)
            keys[i] = SortKey{0, double(rows[i].startTime), -1};
    return keys;
}

std::vector<int> RunsTableModel::sortedOrder(const std::vector<SortKey> &keys, const std::vector<QCollatorSortKey> &texts,
                                             Qt::SortOrder order)
{
    std::vector<int> out(keys.size());
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = int(i);
    // Values first, NaN then missing last in both directions (as MLflow's UI does).
    const bool ascending = order == Qt::AscendingOrder;
    std::stable_sort(out.begin(), out.end(), [&](int ia, int ib) {
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
            const int c = texts[size_t(a.text)].compare(texts[size_t(b.text)]);
            return ascending ? c < 0 : c > 0;
        }
        default:
            return false;
        }
    });
    return out;
}

RunsTableModel::RowCells RunsTableModel::makeCells(qint64 rowId, const RunSummary *summary, const RunValues *values) const
{
    return RunsTableReader::makeRow(rowId, summary, values, *m_layout);
}

const RunsTableModel::RowCells *RunsTableModel::cellsOf(int displayRow) const
{
    const qint64 rowId = m_rows[size_t(m_order[size_t(displayRow)])].rowId;
    const auto it = m_cells.find(rowId);
    if (it != m_cells.end()) {
        it->used = ++m_useClock;
        return &*it;
    }
    askUrgently(displayRow, BlockRows::NotHeld);
    return nullptr;
}

void RunsTableModel::askUrgently(int displayRow, BlockRows which) const
{
    const qint64 rowId = m_rows[size_t(m_order[size_t(displayRow)])].rowId;
    if (const auto asked = m_requested.find(rowId); asked != m_requested.end()) {
        *asked = true;  // painted "Loading…": repainted when it arrives
        return;
    }
    if (!m_reader)
        return;
    // A view asks row by row: the whole block is read in one query, on the worker.
    const int first = displayRow - displayRow % kCellBlockRows;
    RunsTableReader::Block block = blockOf(first, std::min(int(m_order.size()), first + kCellBlockRows), which);
    if (block.rowIds.isEmpty())
        return;
    m_requested[rowId] = true;
    forgetBlocks(m_reader->putUrgent({std::move(block)}, kMaxWaitingBlocks));
}

RunsTableReader::Block RunsTableModel::blockOf(int first, int last, BlockRows which) const
{
    RunsTableReader::Block block;
    for (int r = first; r < last; ++r) {
        const int base = m_order[size_t(r)];
        const qint64 rowId = m_rows[size_t(base)].rowId;
        if (m_requested.contains(rowId))
            continue;
        const auto held = m_cells.constFind(rowId);
        if (which == BlockRows::NotHeld ? held != m_cells.cend() : held == m_cells.cend() || !held->pick)
            continue;
        block.rowIds.append(rowId);
        block.bases.append(base);
        m_requested.insert(rowId, false);
    }
    if (!block.rowIds.isEmpty()) {
        block.id = ++m_lastBlockId;
        block.generation = m_cellsGeneration;
        block.rowsGeneration = m_rowsGeneration;
        block.layout = m_layout;
        // Rows held in part are read whole: a column they lack is in view.
        if (which == BlockRows::NotHeld)
            block.pick = m_pick;
    }
    return block;
}

void RunsTableModel::applyBlocks(RunsTableReader::BlockRead read)
{
    if (read.error)
        m_readError = read.error->toString();  // the rows show empty rather than stopping the table
    const int lastColumn = columnCount() - 1;
    bool moved = false;
    QList<RunsTableReader::Block> remade;
    QList<RunsTableReader::Block> partial;
    for (const RunsTableReader::Block &block : std::as_const(read.blocks)) {
        if (block.generation != m_cellsGeneration)
            continue;
        if (block.completion) {
            // Rows read with a pick, now whole: the cells shown do not change. Rows evicted or
            // read whole since are left alone, and so are rows on a read error.
            for (qint64 rowId : block.rowIds) {
                m_completing.remove(rowId);
                const auto held = m_cells.find(rowId);
                RowCells &whole = read.rows[rowId];
                if (read.error || block.layout != m_layout || held == m_cells.end() || !held->pick || whole.pick)
                    continue;
                whole.used = held->used;
                *held = std::move(whole);
            }
            continue;
        }
        if (block.layout != m_layout) {
            remade.append(block);  // made for columns that changed since: asked for again
            continue;
        }
        // Only the rows a view painted "Loading…" are repainted: rows read ahead were never shown.
        int top = std::numeric_limits<int>::max();
        int bottom = -1;
        for (qsizetype i = 0; i < block.rowIds.size(); ++i) {
            const qint64 rowId = block.rowIds[i];
            const bool shown = m_requested.take(rowId);
            holdCells(rowId, std::move(read.rows[rowId]));
            if (!shown)
                continue;
            if (block.rowsGeneration != m_rowsGeneration) {
                moved = true;
                continue;
            }
            const int row = m_displayOf[size_t(block.bases[i])];
            top = std::min(top, row);
            bottom = std::max(bottom, row);
        }
        if (bottom >= 0 && lastColumn >= 0)
            Q_EMIT dataChanged(index(top, 0), index(bottom, lastColumn));
        if (block.pick && !read.error)
            partial.append(block);
    }
    if (!partial.isEmpty() && m_reader)
        completeLater(partial);
    // Rows came or went since these were asked for: where they are now is not worth looking up.
    if (moved && !m_order.empty() && lastColumn >= 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, lastColumn));
    forgetBlocks(remade);
    emitIdleIfDone();
}

void RunsTableModel::forgetBlocks(const QList<RunsTableReader::Block> &blocks) const
{
    const bool posted = !m_forgotten.isEmpty();
    for (const RunsTableReader::Block &block : blocks) {
        if (block.generation != m_cellsGeneration)
            continue;
        // The rows painted "Loading…" are repainted, so that those still shown ask again.
        RunsTableReader::Block shown;
        shown.rowsGeneration = block.rowsGeneration;
        shown.generation = block.generation;
        for (qsizetype i = 0; i < block.rowIds.size(); ++i) {
            if (m_requested.take(block.rowIds[i])) {
                shown.rowIds.append(block.rowIds[i]);
                shown.bases.append(block.bases[i]);
            }
        }
        if (!shown.rowIds.isEmpty())
            m_forgotten.append(std::move(shown));
    }
    if (!posted && !m_forgotten.isEmpty())
        QMetaObject::invokeMethod(const_cast<RunsTableModel *>(this), &RunsTableModel::repaintForgotten,
                                  Qt::QueuedConnection);
}

void RunsTableModel::repaintForgotten()
{
    // Mostly rows scrolled past: repainting them costs nothing.
    const QList<RunsTableReader::Block> blocks = std::exchange(m_forgotten, {});
    const int lastColumn = columnCount() - 1;
    for (const RunsTableReader::Block &block : blocks) {
        if (block.generation != m_cellsGeneration || lastColumn < 0 || m_order.empty())
            continue;
        if (block.rowsGeneration != m_rowsGeneration) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, lastColumn));
            continue;
        }
        int top = std::numeric_limits<int>::max();
        int bottom = -1;
        for (int base : block.bases) {
            top = std::min(top, m_displayOf[size_t(base)]);
            bottom = std::max(bottom, m_displayOf[size_t(base)]);
        }
        if (bottom >= 0)
            Q_EMIT dataChanged(index(top, 0), index(bottom, lastColumn));
    }
    emitIdleIfDone();
}

void RunsTableModel::holdCells(qint64 rowId, RowCells cells)
{
    cells.used = ++m_useClock;
    m_cells.insert(rowId, std::move(cells));
    if (m_cells.size() <= kMaxCachedRows)
        return;
    // Keep the half used last: the rows on screen are used at every paint.
    std::vector<quint64> used;
    used.reserve(size_t(m_cells.size()));
    for (const RowCells &c : std::as_const(m_cells))
        used.push_back(c.used);
    const auto middle = used.begin() + std::ptrdiff_t(used.size() - kMaxCachedRows / 2);
    std::nth_element(used.begin(), middle, used.end());
    const quint64 keepFrom = *middle;
    std::vector<RowCells> evicted;
    evicted.reserve(size_t(m_cells.size()) - kMaxCachedRows / 2);
    m_cells.removeIf([&](const QHash<qint64, RowCells>::iterator &it) {
        if (it->used >= keepFrom)
            return false;
        evicted.push_back(std::move(*it));
        return true;
    });
    letGo(std::move(evicted));
}

void RunsTableModel::letGo(QHash<qint64, RowCells> cells)
{
    std::vector<RowCells> rows;
    rows.reserve(size_t(cells.size()));
    for (RowCells &row : cells)
        rows.push_back(std::move(row));
    letGo(std::move(rows));
}

void RunsTableModel::letGo(std::vector<RowCells> rows)
{
    // Freeing the 4,096 rows of an eviction took the GUI thread 20–25 ms when each row held a
    // hundred param strings; on a thread of the pool it competed with the reader for malloc's
    // lock and for the two cores. The reader frees them a few at a time between its reads.
    if (m_reader)
        m_reader->discard(std::move(rows));
}

void RunsTableModel::invalidateCells()
{
    m_localTimes = LocalDateTimes(LocalDateTimes::Precision::Minutes);
    ++m_cellsGeneration;
    letGo(std::exchange(m_cells, {}));
    m_requested.clear();
    m_forgotten.clear();
    m_completing.clear();
    if (m_reader)
        (void)m_reader->dropBlocks();
}

void RunsTableModel::prefetch(int first, int last)
{
    if (!m_reader || m_order.empty())
        return;
    first = std::max(0, first);
    last = std::min(int(m_order.size()) - 1, last);
    // Never more than the model keeps, or prefetching would evict the rows on screen.
    last = std::min(last, first + kMaxCachedRows / 4);
    // Whole blocks, as a view asks for them; those nearest the middle (the rows shown) first.
    std::vector<int> starts;
    for (int r = first - first % kCellBlockRows; r <= last; r += kCellBlockRows)
        starts.push_back(r);
    const int middle = (first + last) / 2;
    std::stable_sort(starts.begin(), starts.end(), [middle](int a, int b) {
        return std::abs(a + kCellBlockRows / 2 - middle) < std::abs(b + kCellBlockRows / 2 - middle);
    });
    QList<RunsTableReader::Block> blocks;
    for (int r : starts) {
        RunsTableReader::Block block = blockOf(r, std::min(int(m_order.size()), r + kCellBlockRows), BlockRows::NotHeld);
        if (!block.rowIds.isEmpty())
            blocks.append(std::move(block));
    }
    forgetBlocks(m_reader->setBackground(std::move(blocks)));
}

void RunsTableModel::fetchNow(int first, int last)
{
    if (!m_reader || m_order.empty())
        return;
    first = std::max(0, first);
    last = std::min({ int(m_order.size()) - 1, last, first + kMaxCachedRows / 4 });
    QList<RunsTableReader::Block> blocks;
    for (int r = first - first % kCellBlockRows; r <= last; r += kCellBlockRows) {
        RunsTableReader::Block block
            = blockOf(r, std::min(int(m_order.size()), r + kCellBlockRows), BlockRows::NotHeld);
        if (!block.rowIds.isEmpty())
            blocks.append(std::move(block));
    }
    if (!blocks.isEmpty())
        forgetBlocks(m_reader->putUrgent(std::move(blocks), kMaxWaitingBlocks));
}

bool RunsTableModel::isLoading() const
{
    return m_loadPending || m_sorting || m_refreshing || m_refreshPending || !m_requested.isEmpty()
        || !m_completing.isEmpty();
}

void RunsTableModel::emitIdleIfDone()
{
    if (!isLoading())
        Q_EMIT idle();
}

void RunsTableModel::runIdsInBackground(const QList<int> &rows, QObject *context,
                                        std::function<void(const QStringList &)> done)
{
    // Row ids now, in display order; the ids of held rows at once.
    QList<qint64> rowIds;
    QStringList ids;
    QList<qint64> missing;
    for (int r : rows) {
        if (r < 0 || r >= rowCount())
            continue;
        const qint64 rowId = m_rows[size_t(m_order[size_t(r)])].rowId;
        const auto held = m_cells.constFind(rowId);
        rowIds.append(rowId);
        ids.append(held != m_cells.cend() ? held->run.runId : QString());
        if (held == m_cells.cend())
            missing.append(rowId);
    }
    RunsTableReader *worker = missing.isEmpty() ? nullptr : reader();
    if (!worker) {
        ids.removeAll(QString());
        done(ids);
        return;
    }
    // The runs are named by row id: what the worker reads stays right whatever moves meanwhile.
    worker->post([this, rowIds, ids, missing, context = QPointer<QObject>(context),
                  done = std::move(done)](Cache &cache, const Status &opened) mutable {
        QHash<qint64, RunSummary> read;
        QString error;
        if (!opened) {
            error = opened.error().toString();
        } else if (auto summaries = cache.runSummariesById(missing)) {
            read = std::move(*summaries);
        } else {
            error = summaries.error().toString();
        }
        for (qsizetype i = 0; i < ids.size(); ++i)
            if (ids[i].isEmpty())
                ids[i] = read.value(rowIds[i]).runId;
        ids.removeAll(QString());
        QMetaObject::invokeMethod(
            this,
            [this, ids = std::move(ids), error, context, done = std::move(done)] {
                if (!error.isEmpty())
                    m_readError = error;
                if (context)
                    done(ids);
            },
            Qt::QueuedConnection);
    });
}

int RunsTableModel::metricColumn(const QString &key) const
{
    const auto it = m_layout->metricIndex.constFind(key);
    return it == m_layout->metricIndex.cend() ? -1 : FixedColumnCount + *it;
}

int RunsTableModel::paramColumn(const QString &key) const
{
    const auto it = m_layout->paramIndex.constFind(key);
    return it == m_layout->paramIndex.cend() ? -1 : FixedColumnCount + int(m_metricKeys.size()) + *it;
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
    CellLookup lookup;
    return dataAt(index, role, lookup);
}

// A delegate asks for seven roles of each cell it paints: the index is checked and the row's
// cells looked up once for all of them, not once a role.
void RunsTableModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    CellLookup lookup;
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(dataAt(index, roleData.role(), lookup));
}

QVariant RunsTableModel::dataAt(const QModelIndex &index, int role, CellLookup &lookup) const
{
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
    if (!lookup.done) {
        lookup.cells = cellsOf(index.row());
        lookup.done = true;
    }
    if (!lookup.cells)
        return loadingData(index.row(), column, role);
    const RowCells &cells = *lookup.cells;
    const RunSummary &row = cells.run;
    const bool read = cellRead(cells, column);
    switch (role) {
    case LoadingRole:
        if (!read)
            askUrgently(index.row(), BlockRows::HeldInPart);
        return !read;
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
    if (!read) {
        askUrgently(index.row(), BlockRows::HeldInPart);
        return loadingData(index.row(), column, role);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    if (column < FixedColumnCount + m_metricKeys.size())
        return metricData(cells, column - FixedColumnCount, role);
    return paramData(cells, column - FixedColumnCount - int(m_metricKeys.size()), role);
}

QVariant RunsTableModel::loadingData(int displayRow, int column, int role) const
{
    if (role == LoadingRole)
        return true;
    if (column == StartedColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)) {
        // Known from the load already.
        RunSummary row;
        row.startTime = m_rows[size_t(m_order[size_t(displayRow)])].startTime;
        return fixedData(row, column, role);
    }
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? tr("Loading…") : QString();
    case Qt::ToolTipRole:
        return tr("Loading…");
    case Qt::ForegroundRole:
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    default:
        return {};
    }
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
        case StartedColumn:
            return m_localTimes(row.startTime);
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
            return tr("Ended %1").arg(m_localTimes(*row.endTime));
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
                                .arg(m_localTimes(cell.timestamp)));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunsTableModel::paramData(const RowCells &cells, int param, int role) const
{
    const QString value = cells.params.at(param);
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
