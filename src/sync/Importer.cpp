// SPDX-License-Identifier: GPL-3.0-or-later
#include "Importer.h"

#include "sync/HistoryLoader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>

#include <algorithm>

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Importer)
};

/// Writes what the source delivers into the cache, one unit per call.
class CacheSink final : public ImportSink {
public:
    CacheSink(Cache &cache, qint64 sourceId, ImportReport &report, const Importer::ProgressFn &progress)
        : m_cache(cache), m_sourceId(sourceId), m_report(report), m_progressFn(progress)
    {
        m_timer.start();
    }

    void expectRuns(qint64 total) override
    {
        m_total = total;
        progress(true);
    }
    Status experiment(const Experiment &e) override
    {
        if (Status s = batch(); !s)
            return s;
        if (Status s = m_cache.writeExperiment(m_sourceId, e); !s)
            return s;
        m_experimentIds.insert(e.experimentId);
        ++m_report.experiments;
        return {};
    }
    Status run(const Run &r) override
    {
        if (Status s = batch(); !s)
            return s;
        bool changed = false;
        if (Status s = m_cache.writeRun(m_sourceId, r, &changed); !s)
            return s;
        m_runIds.insert(r.runId);
        m_statuses.insert(r.runId, r.status);
        if (changed)
            ++m_report.runsChanged;
        if (m_wantHistories && !r.hasHistory && !r.latestMetrics.isEmpty())
            m_needHistories.insert(r.runId);
        ++m_report.runs;
        progress(false);
        return {};
    }
    Status loggedModel(const LoggedModel &m) override
    {
        if (Status s = batch(); !s)
            return s;
        if (Status s = m_cache.writeLoggedModel(m_sourceId, m); !s)
            return s;
        m_loggedModelIds.insert(m.modelId);
        ++m_report.loggedModels;
        return {};
    }
    Status registeredModel(const RegisteredModel &m) override
    {
        if (Status s = batch(); !s)
            return s;
        if (Status s = m_cache.writeRegisteredModel(m_sourceId, m, &m_report.changes); !s)
            return s;
        m_modelNames.insert(m.name);
        ++m_report.models;
        m_report.versions += m.versions.size();
        return {};
    }
    void problem(const ReadProblem &p) override { m_report.problems.append(p); }
    void runsIncomplete() override { m_report.incremental = true; }
    /// The source waits for its next page: the commit costs nothing then, and the one after the
    /// last page has only that page to write.
    Status pause() override { return m_cache.commitBatch(); }
    void bytesReceived(qint64 total) override
    {
        m_bytes = total;
        progress(false);
    }

    void progress(bool force)
    {
        if (!m_progressFn || (!force && m_timer.elapsed() < 50))
            return;
        m_timer.restart();
        m_progressFn(ImportProgress{m_report.runs, m_total, m_bytes, Tr::tr("Reading runs")});
    }

    /// Opens a batch, or commits the open one when it is old enough that a crash should not
    /// lose it: a second keeps commits rare on fast sources and progress durable on slow ones
    /// (a server's pages are committed as the source pauses for the next one anyway).
    Status batch()
    {
        if (m_cache.inBatch() && m_batchTimer.elapsed() < 1000)
            return {};
        if (Status s = m_cache.commitBatch(); !s)
            return s;
        m_batchTimer.start();
        return m_cache.beginBatch();
    }

    QSet<QString> m_experimentIds, m_runIds, m_modelNames, m_loggedModelIds;
    bool m_wantHistories = false;
    /// Runs delivered without their histories, to be fetched after the read (`sync --histories`).
    QSet<QString> m_needHistories;
    /// The status of every delivered run (for the running and ended runs of the report).
    QHash<QString, QString> m_statuses;

private:
    Cache &m_cache;
    qint64 m_sourceId;
    ImportReport &m_report;
    const Importer::ProgressFn &m_progressFn;
    QElapsedTimer m_timer;
    QElapsedTimer m_batchTimer;
    qint64 m_total = 0;
    qint64 m_bytes = 0;
};

QString journalKind(const QString &field)
{
    const QString base = field.section(QLatin1Char(':'), 0, 0);
    return QStringLiteral("observed.") + base;
}

/// Fetches the full histories of `runIds` that the cache lacks, writing each series as it arrives
/// and keeping none in memory. Progress counts runs whose every series is stored.
Status storeHistories(Cache &cache, Source &source, qint64 sourceId, const QSet<QString> &runIds, bool bulk,
    const std::atomic_bool &cancel, const Importer::ProgressFn &progressFn)
{
    if (runIds.isEmpty())
        return {};
    // Only the series' (run, key): a live round follows 20 runs of an experiment of 10,000.
    const auto series = cache.metricSeries(sourceId, runIds);
    if (!series)
        return series.error();
    QList<HistoryLoader::Request> requests;
    requests.reserve(series->size());
    QHash<qint64, qint64> left;  // run row -> series not stored yet
    for (const Cache::SeriesRow &s : *series) {
        requests.append(HistoryLoader::Request { s.runRowId, s.key, s.latestStep });
        ++left[s.runRowId];
    }
    const qint64 total = left.size();
    qint64 done = 0;
    QElapsedTimer timer;
    timer.start();
    auto report = [&](bool force) {
        if (!progressFn || (!force && timer.elapsed() < 50))
            return;
        timer.restart();
        progressFn(ImportProgress{done, total, 0, Tr::tr("Reading metric histories")});
    };
    report(true);
    HistoryLoader loader(cache);
    loader.useSource(sourceId, &source);
    loader.setBulk(bulk);
    const Status s = loader.store(requests, cancel, [&](qsizetype i) {
        if (--left[requests[i].runRowId] == 0)
            ++done;
        report(false);
    });
    report(true);
    return s;
}

} // namespace

Importer::Importer(Cache &cache, Journal *journal) : m_cache(cache), m_journal(journal) {}

Result<ImportReport> Importer::import(Source &source, const std::atomic_bool &cancel, ImportOptions options)
{
    if (Status s = source.open(); !s)
        return s.error();
    auto sourceId = m_cache.ensureSource(source.uri(), sourceKindName(source.kind()));
    if (!sourceId)
        return sourceId.error();
    const auto before = m_cache.lastSyncMs(*sourceId);
    if (!before)
        return before.error();
    const qint64 windowStart = before->value_or(0);
    SyncState state;
    if (windowStart > 0)
        state.lastSyncMs = windowStart;
    state.full = options.full;
    // Histories are fetched after the read, one series at a time, so that they never pile up in
    // memory; local stores deliver them with their runs anyway.
    state.histories = false;
    // The runs' states are read for a full sync too: the report names the runs that ended.
    {
        auto runs = m_cache.runStates(*sourceId);
        if (!runs)
            return runs.error();
        for (auto it = runs->cbegin(); it != runs->cend(); ++it)
            state.runs.insert(it.key(), {it->status, it->lifecycleStage});
    }
    const QHash<QString, QPair<QString, QString>> runsBefore = state.runs;
    if (options.full)
        state.runs.clear();
    // The next incremental sync starts from when this one started: runs that begin while we read
    // must not fall between two syncs.
    const qint64 started = QDateTime::currentMSecsSinceEpoch();

    ImportReport report;
    report.sourceId = *sourceId;
    report.uri = source.uri();
    CacheSink sink(m_cache, *sourceId, report, m_progress);
    sink.m_wantHistories = options.histories;
    Status st = source.readChanges(sink, state, cancel);
    // Whole units read so far are kept even when the read failed: the next sync resumes from them.
    if (Status committed = m_cache.commitBatch(); !committed && st)
        st = committed;
    // What is running now: the delivered runs as delivered, the others as the cache had them.
    const auto running = [](const QString &status) { return status == QLatin1String("RUNNING"); };
    QSet<QString> live;
    for (auto it = runsBefore.cbegin(); it != runsBefore.cend(); ++it) {
        const auto now = sink.m_statuses.constFind(it.key());
        const bool wasRunning = running(it->first);
        // A complete read that did not deliver a run: it is gone, and no longer running.
        const bool delivered = now != sink.m_statuses.cend();
        const bool isRunning = delivered ? running(*now) : wasRunning && report.incremental;
        if (isRunning)
            report.runningRunIds.append(it.key());
        else if (wasRunning)
            report.endedRunIds.append(it.key());
        if (wasRunning || isRunning)
            live.insert(it.key());
    }
    for (auto it = sink.m_statuses.cbegin(); it != sink.m_statuses.cend(); ++it) {
        if (!runsBefore.contains(it.key()) && running(*it)) {
            report.runningRunIds.append(it.key());
            live.insert(it.key());
        }
    }
    report.runningRunIds.sort();
    report.endedRunIds.sort();
    // Series written before a failure are kept (each whole); the next sync fetches only the rest.
    if (st && options.histories)
        st = storeHistories(m_cache, source, *sourceId, sink.m_needHistories, true, cancel, m_progress);
    else if (st && options.liveHistories && source.kind() == SourceKind::TrackingServer)
        st = storeHistories(m_cache, source, *sourceId, live, false, cancel, m_progress);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (st) {
        // Only a complete read may say what the source no longer has.
        // After an incremental read the runs not delivered are unchanged, not gone.
        std::optional<QSet<QString>> runIds;
        // What a complete read lost is among the runs cached before it: when it delivered all of
        // them, the cache is not asked to compare every run id (a temporary table of them all).
        const auto delivered = [&sink](const QString &id) { return sink.m_runIds.contains(id); };
        if (!report.incremental && !std::all_of(runsBefore.keyBegin(), runsBefore.keyEnd(), delivered))
            runIds = sink.m_runIds;
        st = m_cache.removeMissing(*sourceId, sink.m_experimentIds, runIds, sink.m_modelNames, sink.m_loggedModelIds,
                                   &report.changes);
    }
    if (!st) {
        (void)m_cache.recordSync(*sourceId, now, st.error().toString());
        return st.error();
    }
    for (auto &c : report.changes) {
        c.windowStartMs = windowStart;
        c.windowEndMs = now;
    }
    // The first sync of a source has nothing to compare with: its state is the baseline.
    if (m_journal && windowStart > 0) {
        for (const auto &c : std::as_const(report.changes)) {
            JournalEntry e;
            e.sourceUri = report.uri;
            e.kind = journalKind(c.field);
            e.subject = c.version ? c.model + QLatin1Char('/') + QString::number(c.version) : c.model;
            e.details = QJsonObject{{QStringLiteral("field"), c.field},
                                    {QStringLiteral("old"), c.oldValue},
                                    {QStringLiteral("new"), c.newValue},
                                    {QStringLiteral("window_start_ms"), double(c.windowStartMs)},
                                    {QStringLiteral("window_end_ms"), double(c.windowEndMs)}};
            if (Status s = m_journal->append(e); !s)
                return s.error();
        }
    }
    if (Status s = m_cache.recordSync(*sourceId, started, QString()); !s)
        return s.error();
    sink.progress(true);
    return report;
}

Result<ImportReport> Importer::importUri(const QString &uri, const QString &cachePath, const QString &journalPath,
                                         const std::atomic_bool &cancel, ProgressFn progress, ImportOptions options)
{
    auto source = createSource(uri);
    if (!source)
        return source.error();
    Cache cache;
    if (Status s = cache.open(cachePath); !s)
        return s.error();
    Journal journal;
    if (Status s = journal.open(journalPath); !s)
        return s.error();
    Importer importer(cache, &journal);
    importer.setProgressCallback(std::move(progress));
    return importer.import(**source, cancel, options);
}

} // namespace md
