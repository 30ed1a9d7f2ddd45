// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "core/Error.h"

#include <QAbstractTableModel>
#include <QCollatorSortKey>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QStringList>

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
/// load() reads only the runs' row ids and start times (one index walk, O(runs), no strings);
/// names, statuses and the metric and param cells are read from the cache a block of rows at a
/// time when a view first asks for them, and a bounded number of rows is kept. The model sorts itself (sort(), for a view with sorting
/// enabled): numbers as numbers, text by the locale's collation, NaN then missing values last in
/// both directions, ties in the cache's order (newest start first); a metric or param column is
/// sorted from one query over that key.
///
/// Lives on the GUI thread and reads through the Cache given to it (which must outlive the model
/// and be used from this thread only).
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
    };
    enum class ColumnKind { Fixed, Metric, Param };

    explicit RunsTableModel(Cache *cache, QObject *parent = nullptr);
    ~RunsTableModel() override;

    /// Replaces the contents with the runs `query` selects, sorted by the current sort column.
    /// On error (e.g. a BadInput error for a malformed filter, whose `where` names the column)
    /// the model keeps what it showed.
    Status load(const RunQuery &query);
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
    /// while one is in flight runs after it. Emits refreshed() when applied.
    void refreshInBackground(const QStringList &changedRunIds);
    /// Empties the model (no columns but the fixed ones, no rows).
    void clear();

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

    /// Reads the cells of displayed rows `first`…`last` now (clamped to the table) unless they
    /// are kept already: the view calls it when idle after a scroll, so that the next step finds
    /// the rows below and above ready instead of waiting for the cache.
    void prefetch(int first, int last) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
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

private:
    struct MetricCell {
        double value = 0;
        qint64 step = 0;
        qint64 timestamp = 0;
        bool present = false;
    };

    /// What load() reads of every run: where it goes.
    struct OrderRow {
        qint64 rowId = 0;
        qint64 startTime = 0;
    };
    struct RowCells {
        RunSummary row;                   ///< the run's attributes
        std::vector<MetricCell> metrics;  ///< one per metric key
        std::vector<QString> params;      ///< one per param key; null when the run lacks it
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

    /// Reads the sort keys of column `column` (of `kind`, for `key`) for these runs.
    static SortKeys readSortKeys(Cache &cache, const RunQuery &query, ColumnKind kind, int column, const QString &key,
                                 const QList<qint64> &rowIds);
    static Snapshot readSnapshot(Cache &cache, const RunQuery &query, ColumnKind kind, int column, const QString &key,
                                 const QList<qint64> &cellRowIds);
    /// Applies a snapshot in place (see refresh()). `changed`: the runs whose cells may have
    /// changed, nullptr for all.
    Status applySnapshot(Snapshot snapshot, const QSet<QString> *changed);
    void startBackgroundRefresh();
    /// sort() with the keys given (by row id, at `at`) when not null.
    void resort(const SortKeys *read, const QHash<qint64, qsizetype> *at);
    RowCells makeCells(qint64 rowId, const RunSummary *summary, const RunValues *values) const;
    QVariant fixedData(const RunSummary &row, int column, int role) const;
    QVariant metricData(const RowCells &cells, int metric, int role) const;
    QVariant paramData(const RowCells &cells, int param, int role) const;
    /// The cells of a displayed row, reading its block of rows from the cache when needed.
    const RowCells &cellsOf(int displayRow) const;
    /// Orders m_order by m_sortColumn / m_sortOrder (the cache's order when the column is gone).
    void applySort(const SortKeys *read = nullptr, const QHash<qint64, qsizetype> *at = nullptr);

    Cache *m_cache;
    RunQuery m_query;
    /// In the cache's order; m_order maps displayed rows to indexes in here.
    std::vector<OrderRow> m_rows;
    std::vector<int> m_order;
    QStringList m_metricKeys;
    QStringList m_paramKeys;
    QHash<QString, int> m_metricIndex;
    QHash<QString, int> m_paramIndex;
    /// Cells by index in m_rows, at most a few thousand rows; emptied when full.
    mutable QHash<int, RowCells> m_cells;
    mutable QString m_readError;
    int m_sortColumn = StartedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_hasNestedRuns = false;
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
