// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlite/Database.h"
#include "FilterSql.h"
#include "core/Domain.h"
#include "core/Error.h"
#include "core/SearchFilter.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <array>
#include <functional>
#include <map>
#include <optional>

namespace md {

/// A source the cache holds data of.
struct SourceInfo {
    qint64 id = 0;
    QString uri;
    QString kind;  ///< sourceKindName(): "file", "sqlite", "folder", "http"
    qint64 addedMs = 0;
    std::optional<qint64> lastSyncMs;
    QString lastError;
    qint64 experimentCount = 0; ///< active ones
    qint64 runCount = 0; ///< active ones; counted only when asked (Cache::RunCounts::Count)
    qint64 modelCount = 0;
};

struct ExperimentInfo {
    qint64 sourceId = 0;
    Experiment experiment;
    qint64 runCount = 0;         ///< active runs
    qint64 deletedRunCount = 0;
};

/// What `runs()` returns: a cache row id plus the run without its history.
struct RunRow {
    qint64 rowId = 0;
    qint64 sourceId = 0;
    Run run;
};

/// What a runs table shows of a run without reading its values (Cache::runSummaries).
struct RunSummary {
    qint64 rowId = 0;
    QString runId;
    QString runName;
    QString userId;
    QString status;
    qint64 startTime = 0;
    std::optional<qint64> endTime;
    bool deleted = false;
    QString parentRunId;
    QString parentName;  ///< the parent's name, or its id when the cache lacks it or it has none
};

/// Where a run goes in a table before anything else about it is read (Cache::runOrder).
struct RunOrderKey {
    qint64 rowId = 0;
    qint64 startTime = 0;
    bool hasParent = false;
};

/// The metric and param keys of a set of runs, each list sorted.
struct RunKeys {
    QStringList metrics;
    QStringList params;
};

/// A run's latest metric values and params, for a table that reads them a few rows at a time.
struct RunValues {
    QList<MetricPoint> latestMetrics;  ///< sorted by key
    QList<KeyValue> params;            ///< sorted by key
};

/// Which keys of one kind (metrics or params) a read takes: all of them, none, or those from
/// `from` to `to` inclusive, UTF-8 in SQLite's BINARY order (bytewise).
struct KeySpan {
    enum Which { All, None, Between };
    Which which = All;
    QByteArray from;
    QByteArray to;
};

/// Selects runs. All conditions are ANDed.
struct RunQuery {
    std::optional<qint64> sourceId;
    /// MLflow experiment ids, or names (matched when no id matches).
    QStringList experiments;
    /// MLflow run ids; empty = any.
    QStringList runIds;
    /// When set: only this run and its direct child runs (mlflow.parentRunId).
    QString parentRunId;
    /// MLflow search filter, e.g. "metrics.rmse < 1 and params.model = 'xgb'".
    QString filter;
    /// MLflow order-by clauses, e.g. {"metrics.val_r2_score DESC", "start_time"}.
    QStringList orderBy;
    bool includeDeleted = false;  ///< include runs and experiments in lifecycle stage "deleted"
    bool onlyDeleted = false;
    qint64 limit = -1;
    bool withData = true;  ///< load params, tags and latest metrics too
};

/// A run that other runs of its experiment name as their parent (mlflow.parentRunId).
struct RunGroup {
    qint64 sourceId = 0;
    QString experimentId;     ///< MLflow id of the children's experiment
    QString parentRunId;
    QString parentName;       ///< empty when the parent run is not in the cache
    QString grandparentRunId; ///< the parent's own parent, empty for a top-level parent
    qint64 childCount = 0;
};

/// A change of the registry that a sync saw between the cached state and the source's.
struct RegistryChange {
    QString model;
    qint64 version = 0;     ///< 0 for model-level changes (aliases)
    QString field;          ///< "stage", "alias", "tag", "description", "registered", "deleted"
    QString oldValue;
    QString newValue;
    qint64 windowStartMs = 0;  ///< the previous sync: the change happened after this …
    qint64 windowEndMs = 0;    ///< … and before this
};

/// The local SQLite cache. Rebuildable from its sources. One object per thread; every public
/// function either fully applies or leaves the file unchanged (one savepoint per call).
class Cache {
public:
    Cache() = default;

    /// Opens or creates the file, applies pending migrations. A file from a newer ModelDesk
    /// (user_version above ours) is refused with a clear error.
    Status open(const QString &path);
    bool isOpen() const { return m_db.isOpen(); }
    const QString &path() const { return m_db.path(); }
    Database &database() { return m_db; }
    /// Sets the most memory SQLite's page cache of this connection keeps, in KiB (64 MiB after
    /// open()).
    Status setPageCacheKib(int kib);

    static int schemaVersion();
    /// Default location: $XDG_DATA_HOME/modeldesk/cache.sqlite (via QStandardPaths).
    static QString defaultPath();

    // ---- sources
    Result<qint64> ensureSource(const QString &uri, const QString &kind);
    /// Whether sources() counts each source's runs, through `runs_order`: 100,000 index entries
    /// (about 3 MB of page cache on each connection) for a source of 100,000 runs. Its
    /// experiments and registered models are always counted (small tables).
    enum class RunCounts { Skip, Count };
    Result<QList<SourceInfo>> sources(RunCounts runs = RunCounts::Skip);
    /// Without run counts.
    Result<std::optional<SourceInfo>> sourceByUri(const QString &uri);
    /// When the source last synced without error; unset before its first good sync. Unlike
    /// sources(), reads nothing but the source (counting scanned every run of the cache before
    /// each sync).
    Result<std::optional<qint64>> lastSyncMs(qint64 sourceId);
    Status recordSync(qint64 sourceId, qint64 whenMs, const QString &error);
    /// Removes a source and all it holds (never the journal).
    Status removeSource(qint64 sourceId);

    // ---- writing (used by the importer; each call is one atomic unit)
    /// Groups many units into one SQLite transaction: a commit per run would cost more than the
    /// run itself. Each unit stays atomic inside the batch (its own savepoint); a crash loses the
    /// whole units of the open batch, never part of one. The params, tags, metrics and inputs of
    /// runs new to the cache go in together, a few dozen runs at a time: a write that fails
    /// (writeRun() or commitBatch()) may also take back the last few new runs written before it,
    /// each whole.
    Status beginBatch();
    Status commitBatch();
    bool inBatch() const { return m_inBatch; }
    Status writeExperiment(qint64 sourceId, const Experiment &e);
    /// Inserts or replaces the run with its params, tags, inputs, latest metrics and (when
    /// run.hasHistory) its full history. The experiment must have been written before.
    /// `changed` (when given) tells whether the cache held the run otherwise (false: the run was
    /// already there as delivered, and nothing was written).
    Status writeRun(qint64 sourceId, const Run &run, bool *changed = nullptr);
    /// Inserts or replaces the model and its versions; appends what changed compared with the
    /// cached state to `changes` (not for a model seen for the first time, except "registered").
    Status writeRegisteredModel(qint64 sourceId, const RegisteredModel &m, QList<RegistryChange> *changes);
    /// Inserts or replaces an MLflow 3 LoggedModel with its params, tags and metrics. Its
    /// experiment must have been written before.
    Status writeLoggedModel(qint64 sourceId, const LoggedModel &model);
    /// After a complete read: deletes what the source no longer has (LoggedModels are always
    /// delivered whole). Without `runIds` (an
    /// incremental read) runs are kept, except those of removed experiments.
    Status removeMissing(qint64 sourceId, const QSet<QString> &experimentIds, const std::optional<QSet<QString>> &runIds,
                         const QSet<QString> &modelNames, const QSet<QString> &loggedModelIds,
                         QList<RegistryChange> *changes);

    // ---- reading
    Result<QList<ExperimentInfo>> experiments(std::optional<qint64> sourceId, bool includeDeleted);
    Result<QList<RunRow>> runs(const RunQuery &q);
    /// The runs `q` selects as a table needs them first (no artifact URI, data or experiment),
    /// newest start first; `q.orderBy`, `q.limit` and `q.withData` are ignored. About twice as
    /// fast as runs() for 100,000 runs.
    Result<QList<RunSummary>> runSummaries(const RunQuery &q);
    /// The same for these runs (row ids), as a table reads them a block at a time.
    Result<QHash<qint64, RunSummary>> runSummariesById(const QList<qint64> &runRowIds);
    /// Only the row ids, start times and whether each run is nested, newest start first: what a
    /// table needs to open (one index walk, no strings).
    Result<QList<RunOrderKey>> runOrder(const RunQuery &q);
    /// The parent runs of nested runs, per experiment, with their child counts (active children,
    /// plus deleted ones when `includeDeleted`), ordered by experiment then parent name.
    Result<QList<RunGroup>> runGroups(std::optional<qint64> sourceId, bool includeDeleted);
    /// The runs with these MLflow run ids, in the order given, duplicates dropped; deleted runs
    /// included. Fails with NotFound naming the ids the cache does not hold.
    Result<QList<RunRow>> runsByIds(const QStringList &runIds, std::optional<qint64> sourceId = {});
    /// One run by MLflow run id, with params, tags, latest metrics and inputs (no history).
    Result<RunRow> run(const QString &runId, std::optional<qint64> sourceId = {});
    /// The full history of one metric, ordered by step then timestamp; empty when not cached.
    Result<QList<MetricPoint>> history(qint64 runRowId, const QString &key);
    /// Replaces the cached history of one metric of a run (one atomic statement).
    Status writeSeries(qint64 runRowId, const QString &key, const QList<MetricPoint> &points);
    Result<QStringList> metricKeys(const QList<qint64> &runRowIds);
    /// A run's metric series, with the step of its latest point: a hint of its length.
    struct SeriesRow {
        qint64 runRowId = 0;
        QString key;
        qint64 latestStep = 0;
        friend bool operator==(const SeriesRow &, const SeriesRow &) = default;
    };
    /// Every metric series of the source's runs `runIds` (MLflow ids, deleted runs too) in run
    /// then key order: what a sync fetches full histories for. Reads only those runs' latest
    /// metrics, not every run of the source.
    Result<QList<SeriesRow>> metricSeries(qint64 sourceId, const QSet<QString> &runIds);
    /// The metric and param keys that the runs of the experiments `q` selects have (its
    /// sourceId and experiments; not its filter), read from a per-experiment list kept while
    /// writing, so it costs the same for 10 runs and 100,000. When `q.runIds` is set, the keys
    /// of exactly those runs.
    Result<RunKeys> runKeys(const RunQuery &q);
    /// The metric, param and tag keys of `q.filter` that no run of the experiments `q` selects has
    /// (its sourceId and experiments, deleted runs included, as runKeys()), each with the key
    /// probably meant (see unknownSearchKeys()). While every key is known it costs one index
    /// lookup per tag key of the filter; only then are the cache's tag keys listed (an index probe
    /// each) and those close to the filter's keys looked for in scope. Errors of a malformed
    /// filter as filterToSql's.
    Result<QList<UnknownSearchKey>> unknownFilterKeys(const RunQuery &q);
    /// Latest metrics and params of these runs (row ids), without tags, inputs or histories.
    Result<QHash<qint64, RunValues>> runValues(const QList<qint64> &runRowIds);
    /// What runValues() reads, handed over row by row for a caller that places the values
    /// itself (the runs table: 200 values a run, no key string made): `metric(run row id, key,
    /// value (NaN for NaN), timestamp, step)` and `param(run row id, key, value)`, keys and
    /// values as UTF-8 valid during the call only; a null param value is a null view.
    /// `metricKeys` and `paramKeys` limit the keys read of each kind (KeySpan): a span of keys
    /// costs one seek a run, so that the columns a view shows come first, 6 × faster than whole
    /// rows of 200 values.
    Status forEachRunValue(const QList<qint64> &runRowIds,
                           const std::function<void(qint64, QByteArrayView, double, qint64, qint64)> &metric,
                           const std::function<void(qint64, QByteArrayView, QByteArrayView)> &param,
                           const KeySpan &metricKeys = {}, const KeySpan &paramKeys = {});
    /// One metric's latest value for each of these runs that has it (row id -> value, NaN kept).
    Result<QHash<qint64, double>> latestMetricValues(const QString &key, const QList<qint64> &runRowIds);
    /// One param's value for each of these runs that has it (row id -> value).
    Result<QHash<qint64, QString>> paramValues(const QString &key, const QList<qint64> &runRowIds);
    Result<QList<RegisteredModel>> registeredModels(std::optional<qint64> sourceId);
    Result<RegisteredModel> registeredModel(const QString &name, std::optional<qint64> sourceId = {});
    /// The LoggedModels of a source (all sources when unset), with params, tags and metrics, by
    /// experiment then creation time; `experimentId` narrows to one MLflow experiment id.
    Result<QList<LoggedModel>> loggedModels(std::optional<qint64> sourceId, const QString &experimentId = {});
    /// One LoggedModel by its id ("m-…"); NotFound naming the id when the cache lacks it.
    Result<LoggedModel> loggedModel(const QString &modelId, std::optional<qint64> sourceId = {});

    /// Counts of what the cache holds for a source (tests, `sources`).
    struct Counts {
        qint64 experiments = 0, deletedExperiments = 0, runs = 0, metricPoints = 0, latestMetrics = 0, params = 0,
               runTags = 0, experimentTags = 0, models = 0, versions = 0, aliases = 0, versionTags = 0,
               modelTags = 0, loggedModels = 0;
    };
    Result<Counts> counts(qint64 sourceId);

    struct RunState {
        QString status;
        QString lifecycleStage;
    };
    struct RunInfo {
        qint64 sourceId = 0;
        QString runId;
        bool hasHistory = false;  ///< the source delivered every metric history of this run
    };
    Result<RunInfo> runInfo(qint64 runRowId);

    /// Every run of a source: run id -> status and lifecycle stage (for incremental syncs).
    Result<QHash<QString, RunState>> runStates(qint64 sourceId);
    /// The ids of a source's runs that are RUNNING and not deleted, in order.
    Result<QStringList> runningRunIds(qint64 sourceId);

private:
    Status migrate();
    Result<qint64> experimentRowId(qint64 sourceId, const QString &experimentId);
    Status loadRunData(QList<RunRow> &rows);
    /// Adds the run's metric and param keys to its experiment's key list (experiment_keys).
    Status noteRunKeys(qint64 experimentRowId, const Run &run);
    /// Rebuilds the key lists of a source's experiments (after runs were removed).
    Status rebuildRunKeys(qint64 sourceId);
    /// A prepared statement kept for the life of the connection, reset and unbound. The hot
    /// paths of an import run the same few statements hundreds of thousands of times.
    Statement &cached(const QString &sql);
    /// runOrder() of `q` without its filter, narrowed to the intersection of `sets` in memory.
    Result<QList<RunOrderKey>> runOrderNarrowed(const RunQuery &q, const QList<RunSetSql> &sets);
    /// Something that changes whenever the cache's data may have: SQLite's data_version (other
    /// connections' commits) and this connection's own changes.
    std::pair<qint64, qint64> dataStamp();

    /// The last unfiltered order runOrderNarrowed() read, in display order: a filter typed
    /// over the same runs only narrows it (reading 100,000 runs and sorting them again was
    /// most of a filter's time).
    struct OrderMemo {
        QString sql;
        QVariantList binds;
        std::pair<qint64, qint64> stamp;
        QList<RunOrderKey> rows;
        qint64 maxId = 0;
    };
    /// runOrderNarrowed() reserves room for at most this many runs up front (192 MB unused).
    static constexpr qint64 kMaxReservedOrderRows = 8'000'000;
    std::optional<OrderMemo> m_orderMemo;

    Database m_db;
    std::map<QString, Statement> m_statements;  // destroyed before m_db
    bool m_inBatch = false;
    /// Rolls the open batch back (a write in it failed and could not be undone on its own).
    void abortBatch();
    /// What experiment_keys already holds, per experiment row id: [0] metric keys, [1] param
    /// keys. Saves a statement per key and run; cleared whenever a write may have been undone.
    QHash<qint64, std::array<QSet<QString>, 2>> m_knownKeys;
    /// A run's rows besides its own (params, tags, latest metrics, inputs, models).
    struct RunRows {
        qint64 id = 0;
        QList<KeyValue> params, tags;
        QList<MetricPoint> latestMetrics;
        QList<DatasetInput> inputs;
        QList<ModelIo> modelInputs, modelOutputs;
    };
    /// Inserts the rows of `runs`, a multi-row INSERT per table for all of them.
    Status insertRunRows(const QList<RunRows> &runs);
    /// The rows of the last runs new to the cache that writeRun() wrote inside the batch, until
    /// there are kPendingRuns of them, a cached run is written or the batch is committed: SQLite
    /// journals each page a statement touches (twenty index pages for a run's twenty params), and
    /// one statement for many runs copies them once. A sync's writing thread: 136 -> 113 us a run.
    static constexpr qsizetype kPendingRuns = 32;
    QList<RunRows> m_pendingRuns;
    /// Inserts the pending rows. When that fails, their runs are removed again (whole units).
    Status flushPendingRuns();
};

} // namespace md
