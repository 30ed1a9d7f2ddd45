// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/rest/RestOptions.h"
#include "sources/Source.h"

#include <QUrl>

namespace md {

/// An MLflow tracking server, read through its REST API 2.0 (`/api/2.0/mlflow/…`), read-only.
/// Written against MLflow 2.10.2 and 3.6 (tests/data/rest/ and tests/data/mlflow3/rest/ hold real
/// exchanges) and tolerant of other servers: empty fields may be missing, versions may be strings
/// or numbers, NaN comes as "NaN", and a paged metric history (next_page_token) is followed.
///
/// The MLflow major is never configured; each difference is handled by what the server answers:
///  - MLflow 3's LoggedModels (logged-models/search) are read; an MLflow 2 server answers that
///    endpoint 404 and so has none (no problem is reported).
///  - MLflow 3 hides prompts from registered-models/search: a second search filtered on the tag
///    `mlflow.prompt.is_prompt` = 'true' lists them (MLflow 2 filters by it as by any tag).
///  - Versions are sorted here and each model alias is put on its version (MLflow 3's
///    model-versions/search lists versions out of order and without aliases).
///  - A version's modelId comes from its `models:/m-…` source (MLflow 3 sends no model_id).
///  - Runs carry `outputs.model_outputs` (and, from runs/get only, `inputs.model_inputs`).
///
/// Threading: readAll(), readChanges() and readHistories() block, so call them on a worker
/// thread, never on the GUI thread. Each call creates its own QNetworkAccessManager on the
/// calling thread and waits for the answers in a local QEventLoop of that thread (HttpClient);
/// JSON is parsed (nlohmann::json) on that thread too, except for the runs/search pages of a
/// full read (below), which two threads of the call's own fetch and parse while the calling
/// thread hands the previous page to the sink, and the get-history pages of
/// readHistoriesInBulk(), which one thread of the call's own fetches and scans. The sink and
/// `onSeries` are only ever called on the calling thread. `cancel` is checked at least every
/// 50 ms while waiting; on cancel every request in flight is aborted, the call's threads are
/// stopped and waited for (a page being parsed is finished first, a tenth of a second for 1000
/// runs), and the call returns ErrorCategory::Cancelled. One object per thread. Since the local
/// event loop dispatches every event of the calling thread, call these from a thread that has
/// nothing else queued (a QThread::create or QThreadPool/QtConcurrent thread), not from a slot of
/// a worker object whose thread serves other events.
///
/// Requests: all of them are reads (the searches are POSTs, but reads), so every one is retried
/// on HTTP 408/429/5xx, dropped connections and timeouts, as RestOptions says (Retry-After is
/// honoured). Errors name the URL; credentials never appear in errors or logs.
class MlflowRestSource final : public Source {
public:
    /// `baseUrl` is the server's root, e.g. "http://127.0.0.1:5000" (a path prefix such as
    /// "https://host/mlflow" is kept). User info in it is dropped from uri(); pass credentials in
    /// `options` (createSource() moves "user:password@" from the URL into options).
    MlflowRestSource(QUrl baseUrl, RestOptions options);

    SourceKind kind() const override { return SourceKind::TrackingServer; }
    /// The base URL without credentials or trailing slash, e.g. "http://127.0.0.1:5000".
    QString uri() const override;
    /// One cheap request (experiments/search, max_results 1). Errors: unreachable → Network naming
    /// the URL (a refused connection or unknown host is not retried here); 401 → Auth "… needs you
    /// to sign in …"; 403 → Auth "no permission for <endpoint>"; a 404 page or an answer that is
    /// not MLflow's JSON → BadInput "not an MLflow tracking server".
    Status open() override;
    /// Everything: experiments (view_type ALL, with tags), each followed by its runs
    /// (runs/search, run_view_type ALL, ordered by start time, runsPageSize() a page) with params, tags,
    /// latest metrics (hasHistory = false: histories are fetched on demand with readHistories()),
    /// dataset inputs and model outputs; then the LoggedModels of every experiment
    /// (logged-models/search, 100 experiments and 100 models a page; none on MLflow 2) with their
    /// params, tags and metrics, by experiment and then creation time; then registered models and
    /// prompts (registered-models/search, unfiltered and filtered on the prompt tag) by name,
    /// with their versions (model-versions/search per model; model-versions/get 1 … the highest
    /// version the listing names per prompt), tags and aliases. Reports bytes received and a
    /// growing estimate of the run count. A run, experiment or model the server describes in a
    /// form we cannot use goes to sink.problem().
    ///
    /// The run pages go through a pipeline: a thread fetches them (asking for the next page as
    /// soon as one has arrived, its token found without parsing), a second parses them into
    /// runs, and the calling thread delivers them, so that the server prepares page n+2 while
    /// page n+1 is parsed and page n stored. At most two pages wait at each step.
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;
    /// Incremental when `state.lastSyncMs` is set and `state.full` is not; else readAll().
    ///
    /// MLflow's REST API has no "changed since" query, so the incremental read approximates it
    /// with bounded searches. With T = lastSyncMs − 10 minutes (for clock skew between us and
    /// the server), it fetches:
    ///  - every experiment, every LoggedModel and every registered model and prompt with its
    ///    versions (cheap; always complete);
    ///  - per experiment, with run_view_type ALL: `attributes.start_time >= T` (new runs),
    ///    `attributes.end_time >= T` (runs that ended since) and `attributes.status = 'RUNNING'`
    ///    (runs still running: their metrics keep changing); and run_view_type DELETED_ONLY, to
    ///    see runs deleted since (delivered when the cache does not hold them as deleted);
    ///  - runs/get for cached runs that were RUNNING but are in none of the above (killed without
    ///    an end time …) and for cached deleted runs no longer deleted (restored).
    /// Each changed run is delivered once, then sink.runsIncomplete() is called.
    /// What it cannot see: a tag, param or metric added later to an old run that had already
    /// ended before T, or a run removed for good by `mlflow gc`. `sync --full` re-reads everything.
    ///
    /// With `state.histories` (readAll() too, via readChanges with a full state), every delivered
    /// run comes with its full metric history (hasHistory = true): its histories are fetched (8
    /// requests in flight) before the run is delivered.
    Status readChanges(ImportSink &sink, const SyncState &state, const std::atomic_bool &cancel) override;
    /// A key's series of two runs or more together, 20 runs a request, with metrics/get-history-bulk
    /// of MLflow's web UI (ajax-api; MLflow 2 and 3): a live round of 20 runs × 20 metrics is 20
    /// requests, not 400. metrics/get-history for each other series, following next_page_token
    /// where a server pages, and for the series of a bulk answer that cannot be used whole: one of
    /// 25,000 points (the endpoint's cap, without a page token), not JSON (Flask writes NaN bare; a
    /// proxy's HTML page), or an HTTP error (a proxy that passes only /api/ answers 404). Up to 8
    /// requests in flight. A series the server does not know maps to an empty list. Points are
    /// ordered by step, then timestamp. Built on the streaming variant below.
    Result<QHash<SeriesKey, QList<MetricPoint>>> readHistories(
        const QList<SeriesKey> &series, const std::atomic_bool &cancel) override;
    /// The same requests (8 in flight); each series goes to `onSeries` as soon as its last page
    /// has arrived and is dropped here, so memory holds only the series in flight. On an error or
    /// cancel the requests in flight are aborted; the error names the URL.
    Status readHistories(const QList<SeriesKey> &series, const SeriesFn &onSeries,
                         const std::atomic_bool &cancel) override;
    /// The same, but each series with get-history (full histories are long), and a thread of the
    /// call's own fetches and scans the pages while the calling thread runs `onSeries` (the
    /// cache's writes), with at most 1,000,000 points waiting between them. For long series only: a live round's 400
    /// short ones gained nothing from it, and the GUI thread stalled 20–46 ms in 3 of 8 bench_live runs with it
    /// (5.3–8.6 ms in 5 runs without).
    Status readHistoriesInBulk(
        const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel) override;

    /// The filter that selects the versions of `modelName` in model-versions/search. MLflow's
    /// filter syntax has no escapes: a name with ' is quoted with ", a name with both ' and " is
    /// matched with LIKE ('_' for the quotes) and must be compared exactly by the caller.
    static QString versionFilter(const QString &modelName);

    /// max_results of the runs/search page of a full read that follows `runsBefore` runs of an
    /// experiment: an eighth of them, at least 100 and at most 500. Every page but the last is
    /// parsed and written while the server prepares the next one; the last one only after the
    /// server is done, so its size is what a full sync takes longer than the server (1000 runs,
    /// MLflow's default, were about 0.2 s of writing). Each page more costs the server a request
    /// and a sort of the experiment's runs: pages grow with what was read, so that the last page
    /// stays a small part of a long listing without asking a short one in many pieces.
    static int runsPageSize(qint64 runsBefore);
    static constexpr int kMinRunsPage = 100;
    static constexpr int kMaxRunsPage = 500;
    /// How many history requests are in flight at once.
    static constexpr int kHistoryConcurrency = 8;
    /// Subtracted from lastSyncMs for the incremental searches.
    static constexpr qint64 kClockSkewMs = 10 * 60 * 1000;

private:
    Status read(ImportSink &sink, const SyncState &state, bool incremental, const std::atomic_bool &cancel);

    QUrl m_base;
    RestOptions m_options;
};

} // namespace md
