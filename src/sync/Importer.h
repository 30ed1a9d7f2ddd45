// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "sources/Source.h"

#include <atomic>
#include <functional>

namespace md {

struct ImportProgress {
    qint64 runsDone = 0;
    qint64 runsTotal = 0;  ///< 0 when unknown
    qint64 bytes = 0;      ///< received from a remote source so far
    QString phase;         ///< translated: "Reading runs", "Reading registry" …
};

struct ImportOptions {
    bool full = false;       ///< re-read everything, even from a source that can read incrementally
    /// Fetch every full metric history now (remote sources otherwise fetch them on demand): after
    /// the runs, one series at a time, each written to the cache as it arrives and then dropped,
    /// skipping series the cache already holds.
    bool histories = false;
    /// Live updates: after the read, fetch the full histories of the runs that are RUNNING, or
    /// were RUNNING before this sync, and that the cache lacks (a remote source's cached history
    /// is dropped when its metric moves on), so that open charts of running runs can grow. Local
    /// stores deliver histories with their runs anyway.
    bool liveHistories = false;
};

struct ImportReport {
    qint64 sourceId = 0;
    QString uri;
    qint64 experiments = 0;
    qint64 runs = 0;
    qint64 models = 0;
    qint64 loggedModels = 0;  ///< MLflow 3
    qint64 versions = 0;
    bool incremental = false;          ///< the source delivered only what changed
    qint64 runsChanged = 0;            ///< delivered runs the cache held otherwise (or not at all)
    /// The source's runs that are RUNNING after this sync (as far as the cache knows), sorted.
    QStringList runningRunIds;
    /// Runs that were RUNNING before this sync and no longer are (finished, failed, killed).
    QStringList endedRunIds;
    QList<ReadProblem> problems;       ///< items skipped; the rest was imported
    QList<RegistryChange> changes;     ///< registry changes since the last sync (journalled)
};

/// Reads a source into the cache, one atomic unit (experiment, run, model) at a time, so that a
/// failure or a kill never leaves half an item behind and the same import twice gives the same
/// contents. Items the source no longer has are removed, but only after a complete read.
/// Registry changes seen since the previous sync are appended to the journal.
class Importer {
public:
    using ProgressFn = std::function<void(const ImportProgress &)>;

    Importer(Cache &cache, Journal *journal);
    /// Called on the importing thread, at most every 50 ms and once at the end.
    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }

    /// Opens the source and imports it. Fails (nothing removed, partial units kept consistent)
    /// when the source cannot be opened, the cache cannot be written, or `cancel` is set.
    Result<ImportReport> import(Source &source, const std::atomic_bool &cancel, ImportOptions options = {});

    /// Convenience for worker threads: opens its own cache and journal connections.
    static Result<ImportReport> importUri(const QString &uri, const QString &cachePath, const QString &journalPath,
                                          const std::atomic_bool &cancel, ProgressFn progress = {},
                                          ImportOptions options = {});

private:
    Cache &m_cache;
    Journal *m_journal;
    ProgressFn m_progress;
};

} // namespace md
