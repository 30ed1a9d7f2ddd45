// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QHash>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace md {

enum class SourceKind { FileStore, MlflowDb, ModelFolder, TrackingServer };

/// "file", "sqlite", "folder", "http" — the scheme we print and store.
QString sourceKindName(SourceKind kind);

/// A problem found while reading one item of a source. The item is skipped, the rest goes on.
/// A warning skips nothing: it is a note about the whole source that the user must see once (an
/// mlflow.db of a newer MLflow, read as far as its schema is known and never written).
struct ReadProblem {
    Error error;
    bool warning = false;
};

/// What the cache already holds of a source, so that a source that can read incrementally (the
/// tracking server) fetches only what changed. Local stores ignore it and read everything.
struct SyncState {
    /// When the last complete sync started (epoch ms, the server's clock as far as we know); unset
    /// for a first sync, which reads everything.
    std::optional<qint64> lastSyncMs;
    /// Runs in the cache: run id -> status ("RUNNING" …) and lifecycle stage ("active"/"deleted").
    QHash<QString, QPair<QString, QString>> runs;
    bool full = false;       ///< the user asked for a full read (`sync --full`)
    bool histories = false;  ///< also fetch the full metric history of every run (`sync --histories`)
};

/// One metric series to fetch: run id and metric key.
struct SeriesKey {
    QString runId;
    QString key;
    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
};
inline size_t qHash(const SeriesKey &k, size_t seed = 0) { return qHashMulti(seed, k.runId, k.key); }

/// Receives what a source reads, one unit of work at a time, in this order: experiments (each
/// before its runs), runs, LoggedModels (MLflow 3; each after its experiment), registered models. Called on the reading thread. Each call is one
/// unit of work: the receiver stores it atomically or not at all.
class ImportSink {
public:
    virtual ~ImportSink() = default;
    /// Total number of runs the source will deliver, when known up front (for progress).
    virtual void expectRuns(qint64 total) { Q_UNUSED(total) }
    virtual Status experiment(const Experiment &experiment) = 0;
    /// `run.history` holds the full metric history when `run.hasHistory` is set.
    virtual Status run(const Run &run) = 0;
    /// An MLflow 3 LoggedModel. A sink that keeps none (a counter, a picker) need not override it.
    virtual Status loggedModel(const LoggedModel &model)
    {
        Q_UNUSED(model)
        return {};
    }
    virtual Status registeredModel(const RegisteredModel &model) = 0;
    /// An item that could not be read. The source skips it and continues.
    virtual void problem(const ReadProblem &problem) = 0;
    /// Called by a source that delivered only the runs that changed (an incremental read): runs
    /// it did not deliver are unchanged, not gone. Experiments and models are always complete.
    virtual void runsIncomplete() {}
    /// Bytes received so far from a remote source (for progress: pages, bytes, time left).
    virtual void bytesReceived(qint64 total) { Q_UNUSED(total) }
    /// The source is about to wait (for the server's next page) with nothing to deliver: a sink
    /// may do now what it would otherwise do later (the cache commits what it has written, so
    /// that the commit after the last page is small). An error stops the read.
    virtual Status pause() { return {}; }
};

/// One place where MLflow users keep runs. Implementations are not thread-safe: use one object
/// per thread. They never show UI.
class Source {
public:
    virtual ~Source() = default;
    virtual SourceKind kind() const = 0;
    /// The canonical URI, e.g. "file:///abs/path/mlruns".
    virtual QString uri() const = 0;
    /// Checks that the source is what it claims to be (exists, is readable, known schema).
    virtual Status open() = 0;
    /// Reads everything into `sink`. Stops early, returning ErrorCategory::Cancelled, when
    /// `cancel` becomes true, or with the sink's error when the sink fails (e.g. disk full).
    /// Problems with single items go to sink.problem() and do not fail the read.
    virtual Status readAll(ImportSink &sink, const std::atomic_bool &cancel) = 0;
    /// Like readAll, but may skip what `state` shows is unchanged (then calls
    /// sink.runsIncomplete()). The default reads everything.
    virtual Status readChanges(ImportSink &sink, const SyncState &state, const std::atomic_bool &cancel)
    {
        Q_UNUSED(state)
        return readAll(sink, cancel);
    }
    /// Full histories of the given series, fetched on demand (many in flight where the source
    /// is remote). A series the source does not have maps to an empty list. Local stores deliver
    /// histories in readAll already and return NotFound-free results from their own files.
    virtual Result<QHash<SeriesKey, QList<MetricPoint>>> readHistories(const QList<SeriesKey> &series,
                                                                      const std::atomic_bool &cancel);

    /// Receives one whole series (ordered by step, then timestamp); an error stops the read.
    using SeriesFn = std::function<Status(const SeriesKey &key, QList<MetricPoint> &&points)>;
    /// The same histories as above, but handed to `onSeries` one series at a time as each is
    /// complete, so that a caller that stores them never holds more than the series in flight.
    /// Each distinct series of `series` is delivered exactly once (asked twice: once), in the order
    /// they complete; one the source does not have comes as an empty list. Called on the calling
    /// thread. Stops with onSeries' error, with ErrorCategory::Cancelled when `cancel` becomes
    /// true, or with the source's error (naming the URL or file); series delivered before that
    /// were whole. The default is built on the QHash variant (local stores read their files once).
    virtual Status readHistories(const QList<SeriesKey> &series, const SeriesFn &onSeries,
                                 const std::atomic_bool &cancel);
    /// The same for a bulk fetch of long series (`sync --histories`): a source may then spend a
    /// thread of its own on it. The default is readHistories() above.
    virtual Status readHistoriesInBulk(
        const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel)
    {
        return readHistories(series, onSeries, cancel);
    }
};

/// Recognises a URI or a plain path (by what it holds) and returns the source for it, not yet
/// opened. Errors name the URI.
Result<std::unique_ptr<Source>> createSource(const QString &uriOrPath);

} // namespace md
