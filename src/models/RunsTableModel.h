// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunsTableReader.h"
#include "cache/Cache.h"
#include "core/Error.h"
#include "core/TimeFormat.h"

#include <QAbstractTableModel>
#include <QCollatorSortKey>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace md {

/// The runs of one query (usually one experiment) as a flat table over the cache, read lazily.
///
/// Columns: the fixed ones of `Columns`, then one per metric key (latest value), then one per
/// param key, both sorted by key: the keys of the queried experiments' runs (Cache::runKeys),
/// whatever the filter keeps, so columns stay put while a person edits the filter. Child runs
/// show their parent's name in ParentColumn.
///
/// A load reads only the runs' row ids and start times (one index walk, O(runs), no strings);
/// names, statuses and the metric and param cells are read a block of rows at a time when a view
/// first asks for them, on the model's worker thread: until a row's block arrives, data() answers
/// with a loading state (LoadingRole true, a greyed "Loading…" in the name column, only the start
/// time known) and the row is repainted (dataChanged) when it has arrived. While a view scrolls
/// fast, the blocks it asked for longest ago and that are not read yet are dropped. A bounded
/// number of rows is kept, those used longest ago leaving first.
///
/// The model sorts itself (sort(), for a view with sorting enabled): numbers as numbers, text by
/// the locale's collation, NaN then missing values last in both directions, ties in the cache's
/// order (newest start first). A metric or param column is sorted from one query over that key,
/// and any column but the start time on the worker: the view shows the old order until the new
/// one arrives, then the rows move (layoutChanged) with persistent indexes, so selections and the
/// current index stay on their runs.
///
/// Lives on the GUI thread. Reads through the Cache given to it (which must outlive the model and
/// be used from this thread only) in load() and refresh() (the synchronous forms); everything else is read on
/// the worker, through its own connection to the cache's file.
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        ParentColumn,
        StatusColumn,
        StartedColumn,
        DurationColumn,
        UserColumn,
        RunIdColumn,
        FixedColumnCount  ///< first metric column
    };
    enum Roles {
        /// Raw value for sorting: double for metrics, times and durations (NaN for NaN, an
        /// invalid QVariant when a run lacks the value), double or QString for params, QString else.
        SortRole = Qt::UserRole + 1,
        RunIdRole,       ///< QString, MLflow run id (every column)
        RunRowIdRole,    ///< qint64, the cache's row id (every column)
        DeletedRole,     ///< bool, lifecycle stage "deleted" (every column)
        ColumnKindRole,  ///< ColumnKind as int; also in headerData
        ColumnKeyRole,   ///< QString, the metric or param key; also in headerData (empty for fixed)
        /// bool, true while the row's values are being read (every column). Until then the row
        /// answers only RunRowIdRole, the start time and this loading state.
        LoadingRole,
    };
    enum class ColumnKind { Fixed, Metric, Param };

    /// What loadInBackground() reports when its result was applied, or failed.
    struct LoadResult {
        qint64 request = 0;  ///< what loadInBackground() returned
        RunQuery query;
        /// Set when the load failed (e.g. a BadInput error for a malformed filter, whose `where`
        /// names the column); the model then kept what it showed.
        std::optional<Error> error;
        /// With a BadInput error: how many runs the query selects without its filter.
        std::optional<qsizetype> unfilteredRuns;
        /// The filter's keys that no run in the query's scope has (Cache::unknownFilterKeys);
        /// empty without a filter or when they could not be read.
        QList<UnknownSearchKey> unknownKeys;
    };

    explicit RunsTableModel(Cache *cache, QObject *parent = nullptr);
    ~RunsTableModel() override;

    /// Replaces the contents with the runs `query` selects, sorted by the current sort column,
    /// reading the order and the sort keys on this thread (the cells are read when shown, on the
    /// worker). On error (e.g. a BadInput error for a malformed filter, whose `where` names the
    /// column) the model keeps what it showed.
    Status load(const RunQuery &query);
    /// load() with everything read on the worker: the order, the keys, the sort, and the cells
    /// of displayed rows `firstRow`…`firstRow + rows - 1` (moved up to fit the new row count; the
    /// rows a view will show), so that the view paints them with the reset. The model shows what
    /// it showed until then; then resets and emits loaded(), or only emits loaded() with the
    /// error. A newer loadInBackground(), load() or clear() drops the result (no loaded()).
    /// Returns the request's number (LoadResult::request).
    qint64 loadInBackground(const RunQuery &query, int firstRow = 0, int rows = 64);
    /// Re-reads the runs of the current query in place, for a live update: new runs are inserted
    /// (rowsInserted), runs gone are removed (rowsRemoved), new metric or param keys become
    /// columns (columnsInserted), the rows are re-sorted by the current sort keeping persistent
    /// indexes (so the view's selection and current index stay on their runs, and its scroll
    /// position stays), and every cell is read again (dataChanged). Never resets the model,
    /// except when a key disappeared (then as load()). On error the model keeps what it showed.
    /// Does nothing after clear() (nothing shown, nothing to refresh).
    Status refresh();
    /// refresh() for a live update with the reading done on a worker thread (its own connection
    /// to the cache's file): the GUI thread only applies the result. Only the rows of
    /// `changedRunIds` are read again and repainted (their cells are read on the worker when the
    /// model holds them). A result that a load(), sort() or clear() made stale is dropped; a call
    /// while one is in flight runs after it. Emits refreshed() when applied. When a key
    /// disappeared, loads the query again in the background (a reset, then loaded()).
    void refreshInBackground(const QStringList &changedRunIds);
    /// Empties the model (no columns but the fixed ones, no rows).
    void clear();
    /// True while the worker reads something for the model: a loadInBackground(), a sort, a
    /// refreshInBackground(), or blocks of rows asked for (by a view or prefetch()) that have not
    /// arrived. idle() says when it turns false.
    bool isLoading() const;
    /// The MLflow ids of displayed rows, in that order, for an action on a selection: `done` is
    /// called with them on this thread, at once when every row is held, else when the worker
    /// has read the others (one query). The runs are those the rows showed at the call, whatever
    /// moves meanwhile. Not called when `context` is gone by then.
    void runIdsInBackground(const QList<int> &rows, QObject *context, std::function<void(const QStringList &)> done);

    const RunQuery &query() const { return m_query; }
    /// The column of a metric or param key, -1 when no loaded run has it.
    int metricColumn(const QString &key) const;
    int paramColumn(const QString &key) const;
    const QStringList &metricKeys() const { return m_metricKeys; }
    const QStringList &paramKeys() const { return m_paramKeys; }
    /// True when at least one loaded run is a child run (has mlflow.parentRunId).
    bool hasNestedRuns() const { return m_hasNestedRuns; }
    ColumnKind columnKind(int column) const;
    /// A stable name of a column in MLflow's search syntax, for remembering hidden columns:
    /// "attributes.run_name", "attributes.status", … ("attributes.parent" for the parent column),
    /// "metrics.<key>", "params.<key>".
    QString columnId(int column) const;

    /// "0.82", "1.23457e+06", "NaN", "∞", "−∞": up to 6 significant digits in the default locale.
    static QString formatNumber(double value);
    /// "350 ms", "4.2 s", "3 min 05 s", "2 h 07 min".
    static QString formatDuration(qint64 ms);
    /// The icon of an MLflow run status (FINISHED, FAILED, …); null for an unknown one.
    static QIcon statusIcon(const QString &status);
    /// The translated name of an MLflow run status.
    static QString statusText(const QString &status);

    /// Asks the worker for the cells of displayed rows `first`…`last` (clamped to the table, and
    /// to a quarter of the rows kept) that are neither held nor asked for, those nearest the
    /// middle first, after the blocks a view waits for; replaces what an earlier call asked for
    /// and the worker has not read yet. The view calls it when idle after a scroll, with the
    /// page above, the rows shown and the page below, so that the next step finds its rows ready
    /// instead of waiting for the cache.
    void prefetch(int first, int last);
    /// Asks the worker, before anything else, for the rows `first`…`last` (displayed rows) not
    /// held or asked for: a view calls it as soon as it scrolled, so that the rows of the whole
    /// screenful are read while it paints, not block by block as its paint reaches them. Rows
    /// that arrive before the paint are painted once, with their values.
    void fetchNow(int first, int last);
    /// The columns a view shows (logical indexes): rows it asks for are read with the values of
    /// these columns first (the span of their keys, a Pick), then whole when the worker is idle,
    /// so that a jump to far rows waits for a few values a run instead of 200. A cell of a row
    /// not read whole yet shows "Loading…" until it is. Forgotten when the columns change.
    void setColumnsInView(const QList<int> &columns);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts all rows (see the class comment); keeps selections and persistent indexes.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// The last error reading cells or sort keys from the cache (empty when none): the affected
    /// cells stay empty rather than stopping the table.
    const QString &readError() const { return m_readError; }
    /// Rows whose metric and param cells are held in memory (for tests and benchmarks).
    int cachedRowCount() const { return int(m_cells.size()); }

Q_SIGNALS:
    /// A refreshInBackground() was applied; `error` is empty unless it failed (the model then
    /// keeps what it showed).
    void refreshed(const QString &error);
    /// A loadInBackground() was applied (after the reset), or failed.
    void loaded(const md::RunsTableModel::LoadResult &result);
    /// Something read on the worker was applied and nothing more is being read: every block of
    /// rows asked for has arrived (isLoading() is false).
    void idle();

private:
    using MetricCell = RunsTableReader::MetricCell;
    using RowCells = RunsTableReader::Row;

    /// What a load reads of every run: where it goes.
    struct OrderRow {
        qint64 rowId = 0;
        qint64 startTime = 0;
    };

    /// Where a row goes in a sort: 0 = number, 1 = text, 2 = NaN, 3 = missing.
    struct SortKey {
        int cls = 3;
        double number = 0;
        int text = -1;  ///< index into SortKeys::texts
    };
    /// The sort keys of some runs, in the order of the row ids they were read for.
    struct SortKeys {
        std::vector<SortKey> keys;
        std::vector<QCollatorSortKey> texts;
        std::optional<Error> error;
    };
    /// What a load reads: from any thread, through any connection.
    struct Loaded {
        LoadResult result;
        std::vector<OrderRow> rows;
        bool nested = false;
        RunKeys keys;
        int sortColumn = StartedColumn;
        Qt::SortOrder sortOrder = Qt::DescendingOrder;
        std::vector<int> order;  ///< displayed row -> index in `rows`
        std::optional<Error> sortError;
        std::shared_ptr<const RunsTableReader::Layout> layout;  ///< of `keys`
        /// The rows asked for with the load.
        QHash<qint64, RowCells> cells;
    };
    /// A sort read on the worker.
    struct Sorted {
        qint64 generation = 0;      ///< of the sort() it answers
        qint64 rowsGeneration = 0;  ///< of the rows it sorted
        std::vector<int> order;
        std::optional<Error> error;
    };
    /// What refresh() reads: from any thread, through any connection.
    struct Snapshot {
        QList<RunOrderKey> order;
        RunKeys keys;
        /// By row id in `order`; only when the sort column is not the start time.
        std::optional<SortKeys> sortKeys;
        /// The attributes and values of runs whose cells the model held and that changed.
        QHash<qint64, RunSummary> summaries;
        QHash<qint64, RunValues> values;
        std::optional<Error> error;
    };

    /// The kind of column `column` with these many metric keys.
    static ColumnKind kindOf(int column, qsizetype metricCount);
    /// Reads the sort keys of column `column` (of `kind`, for `key`) for these runs.
    static SortKeys readSortKeys(Cache &cache, const RunQuery &query, ColumnKind kind, int column, const QString &key,
                                 const QList<qint64> &rowIds);
    /// The start times of `rows` as sort keys.
    static std::vector<SortKey> startKeys(const std::vector<OrderRow> &rows);
    /// Indexes into `keys` in display order (see the class comment).
    static std::vector<int> sortedOrder(const std::vector<SortKey> &keys, const std::vector<QCollatorSortKey> &texts,
                                        Qt::SortOrder order);
    /// Reads what load() shows, sorted by `sortColumn` of the keys read, with the cells of
    /// displayed rows `firstRow`…`firstRow + rows - 1`; `report`: the filter's unknown keys too.
    static Loaded readLoad(Cache &cache, const RunQuery &query, int sortColumn, Qt::SortOrder sortOrder, int firstRow,
                           int rows, bool report);
    static Snapshot readSnapshot(Cache &cache, const RunQuery &query, ColumnKind kind, int column, const QString &key,
                                 const QList<qint64> &cellRowIds);
    /// Replaces the contents with a load's (a reset).
    void applyLoaded(Loaded read);
    void applyBackgroundLoad(Loaded read);
    /// Applies a snapshot in place (see refresh()). `changed`: the runs whose cells may have
    /// changed, nullptr for all. False when a key disappeared: the caller loads again.
    [[nodiscard]] bool applySnapshot(Snapshot snapshot, const QSet<QString> *changed);
    void startBackgroundRefresh();
    /// Reads the sort keys of the current sort column on the worker, for the current rows.
    void startSort();
    void applySorted(Sorted sorted);
    /// Re-sorts by the start time or by keys read with a snapshot (by row id, at `at`).
    void resort(const SortKeys *read, const QHash<qint64, qsizetype> *at);
    /// Shows the rows in `order` (displayed row -> index in m_rows), moving persistent indexes.
    void applyOrder(std::vector<int> order);
    void updateDisplayOf();
    /// m_layout from m_metricKeys and m_paramKeys.
    void updateLayout();
    RowCells makeCells(qint64 rowId, const RunSummary *summary, const RunValues *values) const;
    QVariant fixedData(const RunSummary &row, int column, int role) const;
    QVariant metricData(const RowCells &cells, int metric, int role) const;
    QVariant paramData(const RowCells &cells, int param, int role) const;
    /// A row's cells, looked up on the first role that needs them (the roles only read m_cells,
    /// so the pointer stays valid through them).
    struct CellLookup {
        bool done = false;
        const RowCells *cells = nullptr;
    };
    QVariant dataAt(const QModelIndex &index, int role, CellLookup &lookup) const;
    QVariant loadingData(int row, int column, int role) const;
    /// The cells of a displayed row, or nullptr after asking the worker for its block.
    const RowCells *cellsOf(int displayRow) const;
    /// Which rows of a block are read: those not held (with the columns in view first), or those
    /// held without every column (read whole: a column scrolled into view before they were).
    enum class BlockRows { NotHeld, HeldInPart };
    /// A block of displayed rows `first`…`last - 1` of `which` rows not asked for yet (no rows:
    /// none), marked asked for.
    RunsTableReader::Block blockOf(int first, int last, BlockRows which) const;
    /// Asks the worker, before anything else, for the block of a displayed row a view shows.
    void askUrgently(int displayRow, BlockRows which) const;
    /// False for a metric or param cell of a row read with a pick that left it out.
    bool cellRead(const RowCells &cells, int column) const;
    /// Asks the worker to read whole, when idle, the rows of `blocks` that were read with a pick.
    void completeLater(const QList<RunsTableReader::Block> &blocks);
    void applyBlocks(RunsTableReader::BlockRead read);
    /// Blocks the worker dropped unread: asked for again when shown (repainted in the next turn
    /// of the event loop, never from inside data()).
    void forgetBlocks(const QList<RunsTableReader::Block> &blocks) const;
    void repaintForgotten();
    /// Holds these cells, evicting the rows used longest ago when too many are held.
    void holdCells(qint64 rowId, RowCells cells);
    /// Drops every held row and every read not yet applied (the data changed).
    void invalidateCells();
    /// Frees rows no longer held, on the worker (at once when there is none).
    void letGo(QHash<qint64, RowCells> cells);
    void letGo(std::vector<RowCells> rows);
    /// The worker, started for the cache's file; null when the cache is not open.
    RunsTableReader *reader();
    void emitIdleIfDone();

    Cache *m_cache;
    RunQuery m_query;
    /// In the cache's order; m_order maps displayed rows to indexes in here, m_displayOf back.
    std::vector<OrderRow> m_rows;
    std::vector<int> m_order;
    std::vector<int> m_displayOf;
    QStringList m_metricKeys;
    QStringList m_paramKeys;
    /// Where each key's column is; shared with the worker, which places the values it reads.
    /// Replaced (never changed) when the keys change.
    std::shared_ptr<const RunsTableReader::Layout> m_layout;
    /// Cells by row id, at most a few thousand rows.
    mutable QHash<qint64, RowCells> m_cells;
    mutable quint64 m_useClock = 0;
    mutable QString m_readError;
    /// Start and end times as shown: local time, ISO order (compact, unambiguous in every locale,
    /// sorts as text), in the time zone of the last load, so that a change of the system's zone
    /// shows at the next one.
    LocalDateTimes m_localTimes { LocalDateTimes::Precision::Minutes };
    int m_sortColumn = StartedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_hasNestedRuns = false;

    // The worker and what it reads. Its replies carry the generation they were asked in: a reply
    // of an older one is dropped (cells: data that changed since; rows: indexes that moved).
    std::unique_ptr<RunsTableReader> m_reader;
    /// Row ids of the blocks asked for and not arrived: true once a view painted it "Loading…".
    mutable QHash<qint64, bool> m_requested;
    mutable qint64 m_lastBlockId = 0;
    /// Blocks dropped unread, with only their rows a view painted "Loading…": repainted next turn.
    mutable QList<RunsTableReader::Block> m_forgotten;
    /// The columns in view (see setColumnsInView()), for m_layout; null: whole rows.
    std::shared_ptr<const RunsTableReader::Pick> m_pick;
    /// Row ids held with a pick that the worker is to read whole.
    QSet<qint64> m_completing;
    qint64 m_cellsGeneration = 0;
    qint64 m_rowsGeneration = 0;
    /// The newest loadInBackground(); m_loadPending until it arrives.
    qint64 m_loadRequest = 0;
    bool m_loadPending = false;
    /// The newest sort(); m_sorting while its order is read.
    qint64 m_sortGeneration = 0;
    bool m_sorting = false;
    /// Background refreshes: a result of an older generation is dropped.
    qint64 m_refreshGeneration = 0;
    /// A query was loaded and not cleared since: a refresh of a cleared model (its query empty)
    /// would otherwise read every run of the cache.
    bool m_loaded = false;
    bool m_refreshing = false;
    /// Asked for while one was in flight: the runs changed since (`m_pendingAll`: every run).
    bool m_refreshPending = false;
    bool m_pendingAll = false;
    QSet<QString> m_pendingChanged;
};

} // namespace md
