// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "core/Error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QStringList>

#include <optional>
#include <vector>

namespace md {

/// The runs of one query (usually one experiment) as a flat table, read from the cache.
///
/// Columns: the fixed ones of `Columns`, then one per metric key (latest value), then one per
/// param key, both sorted by key and limited to the keys the loaded runs have. Rows are in the
/// cache's order (newest start first); sort through RunsProxyModel, which puts NaN and missing
/// values last. Child runs show their parent's name in ParentColumn.
///
/// Lives on the GUI thread and reads through the Cache given to it (which must outlive the model
/// and be used from this thread only). load() is synchronous and O(runs × keys).
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

    /// Replaces the contents with the runs `query` selects. On error (e.g. a BadInput error for a
    /// malformed filter, whose `where` names the column) the model keeps what it showed.
    Status load(const RunQuery &query);
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        qint64 rowId = 0;
        QString runId;
        QString name;
        QString parentRunId;
        QString parentName;
        QString status;
        QString user;
        qint64 startTime = 0;
        std::optional<qint64> endTime;
        bool deleted = false;
    };
    struct MetricCell {
        double value = 0;
        qint64 step = 0;
        qint64 timestamp = 0;
        bool present = false;
    };

    QVariant fixedData(const Row &row, int column, int role) const;
    QVariant metricData(int row, int metric, int role) const;
    QVariant paramData(int row, int param, int role) const;

    Cache *m_cache;
    RunQuery m_query;
    std::vector<Row> m_rows;
    QStringList m_metricKeys;
    QStringList m_paramKeys;
    QHash<QString, int> m_metricIndex;
    QHash<QString, int> m_paramIndex;
    /// Row-major: m_metrics[row * m_metricKeys.size() + metric].
    std::vector<MetricCell> m_metrics;
    /// Row-major like m_metrics; a null QString when the run lacks the param.
    std::vector<QString> m_params;
    bool m_hasNestedRuns = false;
};

} // namespace md
