// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/MlflowRestSource.h"

#include "sources/rest/HttpClient.h"
#include "sources/rest/RestJson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QThread>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace md {

namespace {

using namespace restjson;

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MlflowRestSource)
};

const QString kApi = u"api/2.0/mlflow/"_s;
/// The endpoints MLflow's web UI uses; get-history-bulk is one of them.
const QString kAjaxApi = u"ajax-api/2.0/mlflow/"_s;
constexpr int kPageSize = 1000;
/// What MLflow's own client asks get-history for (GET_METRIC_HISTORY_MAX_RESULTS). It must always be
/// sent: MLflow 3 answers a get-history without it with no points and a page token that it then
/// refuses ("Invalid page token, parsed value={'offset': 0}").
constexpr int kHistoryPageSize = 25000;
/// metrics/get-history-bulk: runs an answer (MLflow 2.10's limit; later ones take 100), and the
/// points an answer holds at most (MAX_HISTORY_RESULTS; the rest are cut without a page token).
constexpr qsizetype kBulkHistoryRuns = 20;
constexpr int kBulkHistoryMaxResults = 25000;
/// logged-models/search (MLflow 3): MLflow's default page size.
constexpr int kLoggedModelPageSize = 100;
/// Experiments named by one runs/search or logged-models/search that lists several.
constexpr qsizetype kExperimentsPerSearch = 100;

/// The ids of `experiments` as JSON arrays of at most kExperimentsPerSearch, in their order.
QList<json> experimentIdBatches(const QList<Experiment> &experiments)
{
    QList<json> batches;
    for (qsizetype first = 0; first < experiments.size(); first += kExperimentsPerSearch) {
        json ids = json::array();
        for (qsizetype i = first; i < std::min(experiments.size(), first + kExperimentsPerSearch); ++i)
            ids.push_back(experiments[i].experimentId.toStdString());
        batches.append(std::move(ids));
    }
    return batches;
}

/// Each experiment's index in `experiments`, by id.
QHash<QString, qsizetype> positionsOf(const QList<Experiment> &experiments)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < experiments.size(); ++i)
        position.insert(experiments[i].experimentId, i);
    return position;
}
/// The filter that lists the prompts MLflow 3's registered-models/search hides without one.
QString promptFilter()
{
    return u"tags.`"_s + kPromptTag + u"` = 'true'"_s;
}
/// Versions of one prompt asked for at most (one model-versions/get each).
constexpr qint64 kMaxPromptVersions = 10000;

} // namespace

// ---- JSON → domain (RestJson.h has the shared part). Proto3 JSON leaves out empty fields. ----
// In restjson (declared in RestJson.h) so that tests/fuzz can feed them answers directly.

namespace restjson {

std::optional<MetricPoint> metricPoint(const json &m)
{
    if (!m.is_object())
        return std::nullopt;
    MetricPoint p;
    p.key = text(m, "key");
    const auto value = doubleField(m, "value");
    if (p.key.isEmpty() || !value)
        return std::nullopt;
    p.value = *value;
    p.timestamp = int64Or0(m, "timestamp");
    p.step = int64Or0(m, "step");
    return p;
}

void sortPoints(QList<MetricPoint> &points)
{
    std::stable_sort(points.begin(), points.end(), [](const MetricPoint &a, const MetricPoint &b) {
        if (a.key != b.key)
            return a.key < b.key;
        return a.step != b.step ? a.step < b.step : a.timestamp < b.timestamp;
    });
}

Experiment toExperiment(const json &e)
{
    Experiment x;
    x.experimentId = text(e, "experiment_id");
    x.name = text(e, "name");
    x.artifactLocation = text(e, "artifact_location");
    if (const QString stage = text(e, "lifecycle_stage"); !stage.isEmpty())
        x.lifecycleStage = stage;
    x.creationTime = int64Or0(e, "creation_time");
    x.lastUpdateTime = int64Or0(e, "last_update_time");
    x.tags = keyValues(e, "tags");
    return x;
}

/// A run of runs/search or runs/get: {"info": …, "data": …, "inputs": …}. Problems are skipped
/// silently here: a metric without a usable value is not a run we must drop.
Run toRun(const json &j)
{
    const json &info = member(j, "info");
    const json &data = member(j, "data");
    Run r;
    r.runId = text(info, "run_id");
    if (r.runId.isEmpty())
        r.runId = text(info, "run_uuid");
    r.experimentId = text(info, "experiment_id");
    r.runName = text(info, "run_name");
    r.userId = text(info, "user_id");
    r.status = text(info, "status");
    r.startTime = int64Or0(info, "start_time");
    r.endTime = int64Field(info, "end_time");
    r.artifactUri = text(info, "artifact_uri");
    if (const QString stage = text(info, "lifecycle_stage"); !stage.isEmpty())
        r.lifecycleStage = stage;
    r.params = keyValues(data, "params");
    r.tags = keyValues(data, "tags");
    for (const json &m : array(data, "metrics"))
        if (auto p = metricPoint(m))
            r.latestMetrics.append(*p);
    for (const json &in : array(member(j, "inputs"), "dataset_inputs")) {
        const json &d = member(in, "dataset");
        DatasetInput di;
        di.name = text(d, "name");
        di.digest = text(d, "digest");
        di.sourceType = text(d, "source_type");
        di.source = text(d, "source");
        di.schema = text(d, "schema");
        di.profile = text(d, "profile");
        for (const json &t : array(in, "tags"))
            if (text(t, "key") == "mlflow.data.context"_L1)
                di.context = text(t, "value");
        r.inputs.append(std::move(di));
    }
    // MLflow 3: the LoggedModels a run used and logged.
    for (const json &in : array(member(j, "inputs"), "model_inputs"))
        if (const QString id = text(in, "model_id"); !id.isEmpty())
            r.modelInputs.append(ModelIo { id, 0 });
    for (const json &out : array(member(j, "outputs"), "model_outputs"))
        if (const QString id = text(out, "model_id"); !id.isEmpty())
            r.modelOutputs.append(ModelIo { id, int64Or0(out, "step") });
    finishRun(r);
    return r;
}

Result<RunsPage> parseRunsPage(const QByteArray &body, const QString &url)
{
    auto page = parseObject(body, url);
    if (!page)
        return page.error();
    RunsPage out;
    for (const json &j : array(*page, "runs")) {
        Run r = toRun(j);
        if (r.runId.isEmpty())
            ++out.withoutId;
        else
            out.runs.append(std::move(r));
    }
    out.next = text(*page, "next_page_token");
    return out;
}

} // namespace restjson

namespace {

using namespace restjson;

QByteArray dump(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}

/// One paged listing: the request for its first page, and where the next page's token goes.
struct Chain {
    QByteArray method = "POST";
    QString endpoint; ///< below api/2.0/mlflow/, or ajax-api/2.0/mlflow/ with `ajax`
    bool ajax = false;
    QUrlQuery query; ///< GET
    json body = json::object(); ///< POST
    int tag = 0; ///< the caller's index
    /// Answers with these statuses end the chain without an error and without a page: 404 for a
    /// run removed meanwhile (runs/get) or an endpoint an older MLflow does not have.
    QList<int> quiet;
    /// FastPages::take gets every answer of this chain, also one whose status or content type
    /// answerError() refuses: the caller has another way to ask.
    bool takeAny = false;
    bool paged = true;

    HttpRequest request(const QString &pageToken) const
    {
        HttpRequest r;
        r.method = method;
        r.path = (ajax ? kAjaxApi : kApi) + endpoint;
        if (method == "GET") {
            r.query = query;
            if (!pageToken.isEmpty())
                r.query.addQueryItem(u"page_token"_s, QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
        } else {
            json b = body;
            if (!pageToken.isEmpty())
                b["page_token"] = pageToken.toStdString();
            r.jsonBody = dump(b);
        }
        return r;
    }
};

class RunPages;

/// One read (readAll, readChanges or readHistories) on one HttpClient.
class Reader {
public:
    /// With `histories`, runs are delivered with their full metric histories.
    Reader(HttpClient &client, ImportSink *sink, const std::atomic_bool &cancel, bool histories = false)
        : m_client(client)
        , m_sink(sink)
        , m_cancel(cancel)
        , m_histories(histories)
    {
    }
    /// Whether histories() asks for a key's series of several runs together (get-history-bulk).
    /// On by default; long full histories (`sync --histories`) are better asked for one by one,
    /// as the bulk answers stop at 25,000 points.
    void setSeriesByKey(bool byKey) { m_seriesByKey = byKey; }

    using PageFn = std::function<Status(const Chain &, const json &page, const QString &url)>;
    /// Runs the chains with at most `limit` requests in flight and hands each page to `onPage`
    /// as it arrives. A chain's next page is requested before its current page is handed over,
    /// so the server works while we parse.
    Status runChains(const QList<Chain> &chains, int limit, const PageFn &onPage);
    /// A way to take a page without a json DOM. `take` gets a page whose status and content type
    /// are fine and returns its next page token (empty: the last page), or nullopt to have the
    /// page parsed and handed to onPage as usual. `taken` is then called like onPage would be.
    struct FastPages {
        std::function<std::optional<QString>(const Chain &, const HttpResponse &)> take;
        std::function<Status(const Chain &, const QString &next)> taken;
    };
    Status runChains(const QList<Chain> &chains, int limit, const PageFn &onPage, const FastPages &fast);
    /// Checks status, content type and syntax of an answer.
    Result<json> parse(const HttpResponse &r) const;

    Result<QList<Experiment>> experiments();
    /// Delivers the runs of experiment number `experiment` of a full read as `pages` brings them;
    /// `tick` reports progress while it waits.
    Status pagedRuns(RunPages &pages, qsizetype experiment, const std::function<void()> &tick);
    /// An incremental read's runs: each experiment (to the sink), then its runs started or ended
    /// since `since`, running or deleted, in the order of `experiments`. The searches of every
    /// experiment are asked for together.
    Status changedRuns(const QList<Experiment> &experiments, const SyncState &state, qint64 since);
    Status leftoverRuns(const SyncState &state);
    /// Every LoggedModel of `experiments` (MLflow 3) to the sink, in the order of `experiments`,
    /// each experiment's oldest first. A server without logged-models/search (MLflow 2) has none.
    Status loggedModels(const QList<Experiment> &experiments);
    /// Every registered model and prompt with its versions to the sink, by name.
    Status models();
    Result<QHash<SeriesKey, QList<MetricPoint>>> histories(const QList<SeriesKey> &series);
    /// Each distinct series to `onSeries` as soon as its last page arrived.
    Status histories(const QList<SeriesKey> &series, const Source::SeriesFn &onSeries);

private:
    /// The series `pending` (indexes into `series`) of a key that two runs or more have, asked for
    /// together, kBulkHistoryRuns runs an answer, with metrics/get-history-bulk of MLflow's web UI
    /// (MLflow 2 and 3): a live round of 20 runs × 20 metrics is 20 requests instead of 400. Each
    /// series of a usable answer goes to `onSeries`; `pending` keeps the series still to be asked
    /// for alone: those of a key with one run, of an answer that may be cut (kBulkHistoryMaxResults
    /// points), that is not plain JSON (Flask writes a NaN bare; a proxy's HTML page), or that was
    /// refused (any HTTP error: a server or proxy without the endpoint answers 404 or 405);
    /// get-history then decides, and its errors name its URL.
    Status historiesByKey(const QList<SeriesKey> &series, QList<int> &pending, const Source::SeriesFn &onSeries);

    Status deliver(QList<Run> runs);
    Error cancelled() const { return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), m_client.baseText()); }
    void problem(const QString &message, const QString &where) const
    {
        if (m_sink)
            m_sink->problem(ReadProblem { makeError(ErrorCategory::BadInput, message, where) });
    }

    HttpClient &m_client;
    ImportSink *m_sink;
    const std::atomic_bool &m_cancel;
    qint64 m_runsSeen = 0;
    QSet<QString> m_delivered;
    QSet<QString> m_seenRunning; ///< incremental: runs the RUNNING searches returned
    QSet<QString> m_seenDeleted; ///< incremental: runs the DELETED_ONLY searches returned
    const bool m_histories;
    bool m_seriesByKey = true;
};

/// Why an answer cannot be used, before its JSON is looked at: its status or content type.
std::optional<Error> answerError(const HttpClient &client, const HttpResponse &r)
{
    if (!r.ok())
        return client.statusError(r);
    const QByteArray type = r.contentType.trimmed().toLower();
    if (!type.isEmpty() && !type.contains("json"))
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the server sent '%1' instead of JSON").arg(QString::fromLatin1(r.contentType)), r.url);
    return std::nullopt;
}

/// The answer's JSON object; an error naming the URL when it is malformed or cut short.
Result<json> parseBody(const HttpResponse &r)
{
    return parseObject(r.body, r.url);
}

Result<json> Reader::parse(const HttpResponse &r) const
{
    if (auto e = answerError(m_client, r))
        return *e;
    return parseBody(r);
}

Status Reader::runChains(const QList<Chain> &chains, int limit, const PageFn &onPage)
{
    return runChains(chains, limit, onPage, FastPages {});
}

Status Reader::runChains(const QList<Chain> &chains, int limit, const PageFn &onPage, const FastPages &fast)
{
    struct Flight {
        int chain;
        QString token;
        HttpClient::CallPtr call;
    };
    std::deque<std::pair<int, QString>> queue; // chain index, page token
    for (int i = 0; i < chains.size(); ++i)
        queue.emplace_back(i, QString());
    QList<Flight> flying;
    auto launch = [&] {
        while (flying.size() < limit && !queue.empty()) {
            auto [i, token] = queue.front();
            queue.pop_front();
            flying.append(Flight { i, token, m_client.start(chains[i].request(token)) });
        }
    };
    const auto anyFinished = [&] {
        return std::any_of(
            flying.cbegin(), flying.cend(), [](const Flight &f) { return HttpClient::isFinished(f.call); });
    };
    launch();
    while (!flying.isEmpty()) {
        // The sink's work (the cache's commit) goes on while the server works.
        if (m_sink && !anyFinished())
            if (Status s = m_sink->pause(); !s)
                return s;
        if (Status s = m_client.waitUntil(anyFinished); !s)
            return s;
        const auto it = std::find_if(
            flying.begin(), flying.end(), [](const Flight &f) { return HttpClient::isFinished(f.call); });
        const Flight done = *it;
        flying.erase(it);
        auto resp = m_client.wait(done.call);
        if (!resp)
            return resp.error();
        const Chain &chain = chains[done.chain];
        if (chain.quiet.contains(resp->status)) {
            launch();
            continue;
        }
        std::optional<QString> fastNext;
        if (fast.take && (chain.takeAny || !answerError(m_client, *resp)))
            fastNext = fast.take(chain, *resp);
        std::optional<json> page;
        if (!fastNext) {
            auto parsed = parse(*resp);
            if (!parsed)
                return parsed.error();
            page = std::move(*parsed);
        }
        const QString next = !chain.paged ? QString() : fastNext ? *fastNext : text(*page, "next_page_token");
        if (!next.isEmpty()) {
            if (next == done.token)
                return makeError(ErrorCategory::BadInput, Tr::tr("the server sent the same page token twice"),
                                 resp->url);
            // Its next page goes first: this chain's pages arrive in order and it finishes early.
            queue.emplace_front(done.chain, next);
        }
        launch();
        if (Status s = fastNext ? fast.taken(chain, next) : onPage(chain, *page, resp->url); !s)
            return s;
        if (m_cancel.load())
            return cancelled();
    }
    return {};
}

Result<QList<Experiment>> Reader::experiments()
{
    Chain c;
    c.endpoint = u"experiments/search"_s;
    c.body = { { "max_results", kPageSize }, { "view_type", "ALL" } };
    QList<Experiment> out;
    QSet<QString> seen;
    const Status s = runChains({ c }, 1, [&](const Chain &, const json &page, const QString &url) -> Status {
        for (const json &e : array(page, "experiments")) {
            Experiment x = toExperiment(e);
            if (x.experimentId.isEmpty()) {
                problem(Tr::tr("an experiment without experiment_id was skipped"), url);
                continue;
            }
            if (!seen.contains(x.experimentId)) {
                seen.insert(x.experimentId);
                out.append(std::move(x));
            }
        }
        return {};
    });
    if (!s)
        return s.error();
    // Numeric ids in numeric order; others (other tracking stores) after them by text.
    std::sort(out.begin(), out.end(), [](const Experiment &a, const Experiment &b) {
        bool okA = false, okB = false;
        const qint64 ia = a.experimentId.toLongLong(&okA), ib = b.experimentId.toLongLong(&okB);
        if (okA != okB)
            return okA;
        return okA ? ia < ib : a.experimentId < b.experimentId;
    });
    return out;
}

QList<Run> runsOfPage(const json &page, const std::function<void(const QString &)> &problem)
{
    QList<Run> out;
    for (const json &j : array(page, "runs")) {
        Run r = toRun(j);
        if (r.runId.isEmpty()) {
            problem(Tr::tr("a run without run_id was skipped"));
            continue;
        }
        out.append(std::move(r));
    }
    return out;
}

/// A runs/search page: straight from its bytes when the scanner takes it, else the general way.
Result<RunsPage> readRunsPage(const HttpResponse &r)
{
    if (auto page = scanRunsPage(r.body))
        return std::move(*page);
    return parseRunsPage(r.body, r.url);
}

/// A runs/search listing of the experiments `experimentIds` (a JSON array), `viewType` ("ALL",
/// "DELETED_ONLY" …), `maxResults` a page, narrowed by `filter` when it is not empty.
Chain runsSearch(const json &experimentIds, const char *viewType, int maxResults, const QString &filter = {})
{
    Chain c;
    c.endpoint = u"runs/search"_s;
    c.body = { { "experiment_ids", experimentIds }, { "run_view_type", viewType }, { "max_results", maxResults } };
    if (!filter.isEmpty())
        c.body["filter"] = filter.toStdString();
    return c;
}

/// The runs/search listing of one experiment for a full read, oldest first.
Chain runsSearch(const QString &experimentId)
{
    Chain c = runsSearch(json::array({ experimentId.toStdString() }), "ALL", MlflowRestSource::runsPageSize(0));
    c.body["order_by"] = json::array({ "attributes.start_time ASC" });
    return c;
}

/// The runs/search pages of a full read as a pipeline: one thread fetches, a second parses
/// (nlohmann::json → Run), and the caller writes, so that the server prepares page n+2 while
/// page n+1 is parsed and page n written. The fetching thread does nothing but wait for the
/// network (Qt sends a POST body from the requesting thread's event loop) and asks for the next
/// page as soon as a page has arrived, its token cut out of the bytes (quickPageToken).
/// At most kAhead pages wait unparsed and kAhead parsed: memory holds a few pages, never the
/// listing. Once the last page is in, the fetching thread reads the `ahead` requests (the
/// listings the read asks for next), so that the server answers them while the last pages are
/// parsed and written. Destroying it stops both threads (requests in flight are aborted) and
/// waits for them.
class RunPages {
public:
    struct Page {
        qsizetype experiment = 0; ///< index into the experiment ids
        QList<Run> runs;
        QStringList problems; ///< runs skipped, each for sink.problem() with `url`
        QString url;
        bool last = true; ///< the experiment's last page
        std::optional<Error> error; ///< the read ends here with this error (naming the URL)
    };

    RunPages(QUrl base, RestOptions options, QStringList experimentIds, QList<HttpRequest> ahead)
        : m_base(std::move(base))
        , m_options(std::move(options))
        , m_experimentIds(std::move(experimentIds))
        , m_aheadRequests(std::move(ahead))
    {
        m_fetcher.reset(QThread::create([this] {
            HttpClient client(m_base, m_options, m_stop);
            client.setBytesCallback([this](qint64 total) { m_bytes.store(total); });
            const bool complete = fetch(client);
            {
                const std::lock_guard lock(m_mutex);
                m_fetchDone = true;
            }
            m_changed.notify_all();
            if (complete)
                readAhead(client);
            m_aheadCalls.clear();
            {
                const std::lock_guard lock(m_mutex);
                m_aheadDone = true;
            }
            m_changed.notify_all();
        }));
        m_parser.reset(QThread::create([this] { parse(); }));
        m_fetcher->start();
        m_parser->start();
    }
    ~RunPages()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_fetcher->wait();
        m_parser->wait();
    }
    RunPages(const RunPages &) = delete;
    RunPages &operator=(const RunPages &) = delete;

    /// The next page: experiments in the order given, each one's pages in order. Waits for it,
    /// checking `cancel` and calling `tick` (progress) at least every 50 ms; Cancelled naming
    /// `where` when `cancel` is set.
    Result<Page> next(const std::atomic_bool &cancel, const std::function<void()> &tick, const QString &where)
    {
        std::unique_lock lock(m_mutex);
        if (!waitTicking(lock, [this] { return !m_pages.empty() || m_parsed; }, cancel, tick)
            || (m_pages.empty() && cancel.load()))
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), where);
        if (m_pages.empty())
            return makeError(ErrorCategory::Internal, Tr::tr("the list of runs ended early"), where);
        Page page = std::move(m_pages.front());
        m_pages.pop_front();
        m_changed.notify_all();
        return page;
    }

    /// True when next() will not wait.
    bool hasPage()
    {
        const std::lock_guard lock(m_mutex);
        return !m_pages.empty();
    }

    /// Bytes the fetching thread has received so far.
    qint64 bytes() const { return m_bytes.load(); }

    /// The answers to the `ahead` requests (those the server answered at all), waiting for them
    /// and calling `tick` like next(); none when `cancel` is set or the runs could not all be read.
    QList<std::pair<HttpRequest, HttpResponse>> answersAhead(
        const std::atomic_bool &cancel, const std::function<void()> &tick)
    {
        std::unique_lock lock(m_mutex);
        if (!waitTicking(lock, [this] { return m_aheadDone; }, cancel, tick))
            return {};
        return std::exchange(m_ahead, {});
    }

private:
    /// Waits (holding `lock` on m_mutex) until `ready()`, calling `tick` without the lock at
    /// least every 50 ms; false when `cancel` is set first.
    bool waitTicking(std::unique_lock<std::mutex> &lock, const std::function<bool()> &ready,
        const std::atomic_bool &cancel, const std::function<void()> &tick)
    {
        while (!ready()) {
            if (cancel.load())
                return false;
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
            lock.unlock();
            tick();
            lock.lock();
        }
        return true;
    }

    struct Answer {
        qsizetype experiment = 0;
        HttpResponse response;
        QString next; ///< the next page's token as the fetching thread read it; empty: last page
        std::optional<Error> error;
    };
    static constexpr size_t kAhead = 2;
    static constexpr qint64 kMaxSendWaitMs = 5;

    /// True when every page is in.
    bool fetch(HttpClient &client)
    {
        for (qsizetype i = 0; i < m_experimentIds.size(); ++i) {
            Chain chain = runsSearch(m_experimentIds[i]);
            QString token;
            HttpClient::CallPtr call = client.start(chain.request(token));
            qint64 asked = 0; // runs of the pages asked for so far
            for (;;) {
                Answer a;
                a.experiment = i;
                auto resp = client.wait(call);
                if (!resp)
                    a.error = resp.error();
                else if (auto e = answerError(client, *resp))
                    a.error = *e;
                if (a.error) {
                    pushAnswer(client, std::move(a));
                    return false;
                }
                a.next = nextToken(resp->body);
                a.response = std::move(*resp);
                const bool more = !a.next.isEmpty();
                if (more && a.next == token) {
                    a.error = makeError(ErrorCategory::BadInput, Tr::tr("the server sent the same page token twice"),
                                        a.response.url);
                    pushAnswer(client, std::move(a));
                    return false;
                }
                // Asked before this page is handed on: the server works while we parse.
                if (more) {
                    asked += chain.body["max_results"].get<int>();
                    chain.body["max_results"] = MlflowRestSource::runsPageSize(asked);
                    call = client.start(chain.request(a.next));
                    // Sent before the parsing thread wakes: with two cores, a parse that starts
                    // first can keep this thread from sending for a time slice, and the server
                    // from working.
                    if (!waitSent(client, { call }))
                        return false;
                } else if (i + 1 == m_experimentIds.size() && !startAhead(client)) {
                    return false;
                }
                token = a.next;
                if (!pushAnswer(client, std::move(a)))
                    return false;
                if (!more)
                    break;
            }
        }
        return true;
    }

    /// Waits until `calls` are written to the socket, kMaxSendWaitMs at most, should a protocol
    /// not tell when its request is out. False when stopped.
    static bool waitSent(HttpClient &client, const QList<HttpClient::CallPtr> &calls)
    {
        QElapsedTimer sending;
        sending.start();
        return bool(client.waitUntil(
            [&] {
                return sending.elapsed() >= kMaxSendWaitMs
                    || std::all_of(calls.cbegin(), calls.cend(), &HttpClient::isSent);
            },
            1));
    }

    /// Starts the `ahead` requests and waits until they are sent. False when stopped.
    bool startAhead(HttpClient &client)
    {
        for (const HttpRequest &r : std::as_const(m_aheadRequests))
            m_aheadCalls.append(client.start(r));
        return waitSent(client, m_aheadCalls);
    }

    void readAhead(HttpClient &client)
    {
        QList<std::pair<HttpRequest, HttpResponse>> answers;
        for (qsizetype i = 0; i < m_aheadCalls.size(); ++i) {
            auto answer = client.wait(m_aheadCalls[i]);
            if (m_stop.load())
                return;
            if (answer)
                answers.append({ m_aheadRequests[i], std::move(*answer) });
        }
        const std::lock_guard lock(m_mutex);
        m_ahead = std::move(answers);
    }

    /// The next page's token; the slow way (a parse) only when the quick look cannot tell.
    static QString nextToken(const QByteArray &body)
    {
        if (std::optional<QString> t = quickPageToken(body))
            return *t;
        const json j = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
        return j.is_object() ? text(j, "next_page_token") : QString();
    }

    /// Hands an answer to the parsing thread, waiting (with the event loop running, so that the
    /// request in flight goes on) while kAhead wait already. False when stopped.
    bool pushAnswer(HttpClient &client, Answer a)
    {
        const Status room = client.waitUntil([this] {
            const std::lock_guard lock(m_mutex);
            return m_answers.size() < kAhead || m_stop;
        });
        {
            const std::lock_guard lock(m_mutex);
            if (!room || m_stop)
                return false;
            m_answers.push_back(std::move(a));
        }
        m_changed.notify_all();
        return true;
    }

    void parse()
    {
        for (;;) {
            Answer a;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_answers.empty() || m_fetchDone; });
                if (m_stop)
                    return;
                if (m_answers.empty()) {
                    m_parsed = true;
                    m_changed.notify_all();
                    return;
                }
                a = std::move(m_answers.front());
                m_answers.pop_front();
            }
            m_changed.notify_all();
            Page page;
            page.experiment = a.experiment;
            page.url = a.response.url;
            if (a.error) {
                page.error = a.error;
            } else if (auto runs = readRunsPage(a.response); !runs) {
                page.error = runs.error();
            } else if (runs->next != a.next) {
                // Only a server that lists the token twice at the top level gets here.
                page.error = makeError(ErrorCategory::BadInput, Tr::tr("the server sent an ambiguous page token"),
                                       page.url);
            } else {
                page.last = a.next.isEmpty();
                page.runs = std::move(runs->runs);
                for (qsizetype i = 0; i < runs->withoutId; ++i)
                    page.problems.append(Tr::tr("a run without run_id was skipped"));
            }
            a = {};
            const bool failed = page.error.has_value();
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || m_pages.size() < kAhead; });
                if (m_stop)
                    return;
                m_pages.push_back(std::move(page));
                if (failed)
                    m_parsed = true;
            }
            m_changed.notify_all();
            if (failed)
                return;
        }
    }

    const QUrl m_base;
    const RestOptions m_options;
    const QStringList m_experimentIds;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Answer> m_answers; ///< fetched, not parsed
    std::deque<Page> m_pages; ///< parsed, not taken
    bool m_fetchDone = false; ///< the fetching thread has ended
    bool m_parsed = false; ///< the parsing thread has ended
    const QList<HttpRequest> m_aheadRequests;
    QList<HttpClient::CallPtr> m_aheadCalls; ///< the fetching thread's
    QList<std::pair<HttpRequest, HttpResponse>> m_ahead; ///< answers to m_aheadRequests
    bool m_aheadDone = false; ///< the fetching thread is done with them
    /// Set under m_mutex (the condition variable's waits test it); the fetching thread's
    /// HttpClient aborts its requests when it is set.
    std::atomic_bool m_stop { false };
    std::atomic<qint64> m_bytes { 0 };
    std::unique_ptr<QThread> m_fetcher, m_parser;
};

Status Reader::pagedRuns(RunPages &pages, qsizetype experiment, const std::function<void()> &tick)
{
    for (;;) {
        if (m_sink && !pages.hasPage())
            if (Status s = m_sink->pause(); !s)
                return s;
        auto page = pages.next(m_cancel, tick, m_client.baseText());
        if (!page)
            return page.error();
        if (page->error)
            return *page->error;
        if (page->experiment != experiment)
            return makeError(ErrorCategory::Internal, Tr::tr("runs of another experiment arrived"), page->url);
        for (const QString &m : std::as_const(page->problems))
            problem(m, page->url);
        m_runsSeen += page->runs.size();
        if (m_sink)
            m_sink->expectRuns(m_runsSeen + (page->last ? 0 : MlflowRestSource::runsPageSize(m_runsSeen)));
        if (Status s = deliver(std::move(page->runs)); !s)
            return s;
        tick();
        if (page->last)
            return {};
    }
}

Status Reader::changedRuns(const QList<Experiment> &experiments, const SyncState &state, qint64 since)
{
    // Each search names many experiments (MLflow's runs/search takes a list): an unchanged server
    // answers four small requests whatever its number of experiments, not four for each one.
    enum { Started, Ended, Running, Deleted };
    const QHash<QString, qsizetype> position = positionsOf(experiments);
    QList<Chain> chains;
    for (const json &ids : experimentIdBatches(experiments)) {
        auto search = [&](int kind, const char *viewType, const QString &filter) {
            Chain c = runsSearch(ids, viewType, kPageSize, filter);
            c.tag = kind;
            return c;
        };
        chains += { search(Started, "ALL", u"attributes.start_time >= %1"_s.arg(since)),
            search(Ended, "ALL", u"attributes.end_time >= %1"_s.arg(since)),
            search(Running, "ALL", u"attributes.status = 'RUNNING'"_s), search(Deleted, "DELETED_ONLY", QString()) };
    }
    QList<QMap<QString, Run>> changed(experiments.size());
    const Status s = runChains(chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &c, const json &page, const QString &url) -> Status {
            for (Run &r : runsOfPage(page, [&](const QString &m) { problem(m, url); })) {
                const auto experiment = position.constFind(r.experimentId);
                if (experiment == position.cend()) {
                    problem(Tr::tr("run %1 of experiment '%2', which was not asked for, was skipped")
                                .arg(r.runId, r.experimentId),
                        url);
                    continue;
                }
                if (c.tag == Running)
                    m_seenRunning.insert(r.runId);
                if (c.tag == Deleted) {
                    m_seenDeleted.insert(r.runId);
                    const auto cached = state.runs.constFind(r.runId);
                    if (cached != state.runs.cend() && cached->second == kDeleted)
                        continue;
                }
                changed[*experiment].insert(r.runId, std::move(r));
            }
            return {};
        });
    if (!s)
        return s;
    for (qsizetype i = 0; i < experiments.size(); ++i) {
        if (m_cancel.load())
            return cancelled();
        if (m_sink)
            if (Status st = m_sink->experiment(experiments[i]); !st)
                return st;
        QList<Run> runs = changed[i].values();
        std::stable_sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.startTime < b.startTime; });
        m_runsSeen += runs.size();
        if (m_sink)
            m_sink->expectRuns(m_runsSeen);
        if (Status st = deliver(std::move(runs)); !st)
            return st;
    }
    return {};
}

Status Reader::leftoverRuns(const SyncState &state)
{
    QList<Chain> chains;
    for (auto it = state.runs.cbegin(); it != state.runs.cend(); ++it) {
        const QString &id = it.key();
        if (m_delivered.contains(id))
            continue;
        const bool wasRunning = it->first == "RUNNING"_L1 && !m_seenRunning.contains(id);
        const bool wasDeleted = it->second == kDeleted && !m_seenDeleted.contains(id);
        if (!wasRunning && !wasDeleted)
            continue;
        Chain c;
        c.method = "GET";
        c.endpoint = u"runs/get"_s;
        c.query.addQueryItem(u"run_id"_s, id);
        c.quiet = { 404 }; // removed for good (mlflow gc): not ours to decide; a full sync will
        c.paged = false;
        chains.append(c);
    }
    if (chains.isEmpty())
        return {};
    QList<Run> runs;
    const Status s = runChains(chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &, const json &page, const QString &url) -> Status {
            Run r = toRun(member(page, "run"));
            if (r.runId.isEmpty())
                problem(Tr::tr("a run without run_id was skipped"), url);
            else
                runs.append(std::move(r));
            return {};
        });
    if (!s)
        return s;
    m_runsSeen += runs.size();
    if (m_sink)
        m_sink->expectRuns(m_runsSeen);
    return deliver(std::move(runs));
}

Status Reader::deliver(QList<Run> runs)
{
    // A run can appear on two pages when runs are added while we page; deliver it once.
    runs.erase(std::remove_if(runs.begin(), runs.end(), [&](const Run &r) { return m_delivered.contains(r.runId); }),
        runs.end());
    if (m_histories && !runs.isEmpty()) {
        QList<SeriesKey> series;
        for (const Run &r : std::as_const(runs))
            for (const MetricPoint &m : r.latestMetrics)
                series.append(SeriesKey { r.runId, m.key });
        auto got = this->histories(series);
        if (!got)
            return got.error();
        for (Run &r : runs) {
            for (const MetricPoint &m : std::as_const(r.latestMetrics))
                r.history.append(got->value(SeriesKey { r.runId, m.key }));
            sortPoints(r.history);
            r.hasHistory = true;
        }
    }
    for (const Run &r : std::as_const(runs)) {
        if (m_cancel.load())
            return cancelled();
        m_delivered.insert(r.runId);
        if (Status s = m_sink->run(r); !s)
            return s;
    }
    return {};
}

Result<QHash<SeriesKey, QList<MetricPoint>>> Reader::histories(const QList<SeriesKey> &series)
{
    QHash<SeriesKey, QList<MetricPoint>> out;
    const Status s = histories(series, [&out](const SeriesKey &k, QList<MetricPoint> &&points) -> Status {
        out.insert(k, std::move(points));
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Status Reader::historiesByKey(const QList<SeriesKey> &series, QList<int> &pending, const Source::SeriesFn &onSeries)
{
    QHash<QString, QList<int>> byKey;
    QStringList keys; // in the order asked
    for (int i : std::as_const(pending)) {
        QList<int> &ofKey = byKey[series[i].key];
        if (ofKey.isEmpty())
            keys.append(series[i].key);
        ofKey.append(i);
    }
    QList<int> alone;
    QList<Chain> chains;
    QList<QList<int>> members; // by chain tag
    for (const QString &key : std::as_const(keys)) {
        const QList<int> &ofKey = byKey[key];
        if (ofKey.size() < 2) {
            alone += ofKey;
            continue;
        }
        for (qsizetype from = 0; from < ofKey.size(); from += kBulkHistoryRuns) {
            Chain c;
            c.method = "GET";
            c.ajax = true;
            c.endpoint = u"metrics/get-history-bulk"_s;
            c.paged = false;
            c.takeAny = true;
            const QList<int> batch = ofKey.mid(from, kBulkHistoryRuns);
            for (int i : batch)
                c.query.addQueryItem(u"run_id"_s, series[i].runId);
            c.query.addQueryItem(u"metric_key"_s, QString::fromLatin1(QUrl::toPercentEncoding(key)));
            c.query.addQueryItem(u"max_results"_s, QString::number(kBulkHistoryMaxResults));
            c.tag = int(chains.size());
            chains.append(std::move(c));
            members.append(batch);
        }
    }
    if (chains.isEmpty())
        return {};
    QList<bool> answered(chains.size(), false);
    QHash<int, QHash<QString, QList<MetricPoint>>> got; // by chain tag, until handed over
    FastPages fast;
    fast.take = [&](const Chain &c, const HttpResponse &r) -> std::optional<QString> {
        if (answerError(m_client, r))
            return QString(); // refused, or not JSON: asked for alone, where get-history decides
        const QString &key = series[members[c.tag].first()].key;
        // Straight from the bytes; what the scanner declines, the general way decides.
        auto byRun = scanBulkHistories(r.body, key, kBulkHistoryMaxResults);
        if (!byRun)
            byRun = parseBulkHistories(r.body, key, kBulkHistoryMaxResults);
        if (byRun) {
            answered[c.tag] = true;
            got.insert(c.tag, std::move(*byRun));
        }
        return QString(); // taken either way: what is not answered is asked for alone
    };
    fast.taken = [&](const Chain &c, const QString &) -> Status {
        QHash<QString, QList<MetricPoint>> byRun = got.take(c.tag);
        if (!answered[c.tag])
            return {};
        for (int i : std::as_const(members[c.tag])) {
            QList<MetricPoint> points = byRun.take(series[i].runId);
            sortSeries(points);
            if (Status s = onSeries(series[i], std::move(points)); !s)
                return s;
            if (m_cancel.load())
                return cancelled();
        }
        return {};
    };
    // Every answer is taken (takeAny); only a failed request (no answer) stops the read.
    const Status s = runChains(
        chains, MlflowRestSource::kHistoryConcurrency,
        [](const Chain &, const json &, const QString &) -> Status { return {}; }, fast);
    if (!s)
        return s;
    pending = alone;
    for (qsizetype t = 0; t < chains.size(); ++t)
        if (!answered[t])
            pending += members[t];
    return {};
}

Status Reader::histories(const QList<SeriesKey> &series, const Source::SeriesFn &onSeries)
{
    QList<int> pending; // each distinct series once: one asked twice is fetched once
    {
        QSet<SeriesKey> asked;
        for (int i = 0; i < series.size(); ++i)
            if (!asked.contains(series[i])) {
                asked.insert(series[i]);
                pending.append(i);
            }
    }
    if (m_seriesByKey)
        if (Status s = historiesByKey(series, pending, onSeries); !s)
            return s;
    QList<Chain> chains;
    for (int i : std::as_const(pending)) {
        Chain c;
        c.method = "GET";
        c.endpoint = u"metrics/get-history"_s;
        c.query.addQueryItem(u"run_id"_s, series[i].runId);
        c.query.addQueryItem(u"metric_key"_s, QString::fromLatin1(QUrl::toPercentEncoding(series[i].key)));
        c.query.addQueryItem(u"max_results"_s, QString::number(kHistoryPageSize));
        c.tag = i;
        chains.append(c);
    }
    // Only series with more pages to come are held here; a finished one is handed over at once.
    QHash<int, QList<MetricPoint>> partial;
    auto pageDone = [&](const Chain &c, const QString &next) -> Status {
        if (!next.isEmpty())
            return {};
        QList<MetricPoint> done = partial.take(c.tag);
        sortSeries(done);
        return onSeries(series[c.tag], std::move(done));
    };
    FastPages fast;
    fast.take = [&](const Chain &c, const HttpResponse &r) -> std::optional<QString> {
        // Straight into the series' list: its later pages are not copied onto the first.
        return scanHistoryPage(r.body, series[c.tag].key, partial[c.tag]);
    };
    fast.taken = pageDone;
    return runChains(
        chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &c, const json &page, const QString &) -> Status {
            HistoryPage h = historyPage(page, series[c.tag].key);
            partial[c.tag].append(h.points);
            return pageDone(c, h.next);
        },
        fast);
}

QList<Chain> loggedModelSearches(const QList<Experiment> &experiments)
{
    QList<Chain> chains;
    for (json &ids : experimentIdBatches(experiments)) {
        Chain c;
        c.endpoint = u"logged-models/search"_s;
        // Oldest first: a LoggedModel logged while we page comes last and shifts no page.
        c.body = { { "experiment_ids", std::move(ids) }, { "max_results", kLoggedModelPageSize },
            { "order_by", json::array({ json { { "field_name", "creation_timestamp" }, { "ascending", true } } }) } };
        // MLflow 2 has no such endpoint: 404 (Flask's HTML page), or 405 where a proxy routes it.
        c.quiet = { 404, 405 };
        c.tag = int(chains.size());
        chains.append(std::move(c));
    }
    return chains;
}

Status Reader::loggedModels(const QList<Experiment> &experiments)
{
    const QHash<QString, qsizetype> position = positionsOf(experiments);
    const QList<Chain> chains = loggedModelSearches(experiments);
    QList<LoggedModel> found;
    QSet<QString> seen;
    const Status s = runChains(chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &, const json &page, const QString &url) -> Status {
            for (const json &j : array(page, "models")) {
                LoggedModel m = toLoggedModel(j);
                if (m.modelId.isEmpty()) {
                    problem(Tr::tr("a LoggedModel without model_id was skipped"), url);
                    continue;
                }
                if (!position.contains(m.experimentId)) {
                    problem(Tr::tr("LoggedModel '%1' of experiment '%2', which was not asked for, was skipped")
                                .arg(m.modelId, m.experimentId),
                        url);
                    continue;
                }
                if (!seen.contains(m.modelId)) { // pages shift when one is deleted while we page
                    seen.insert(m.modelId);
                    found.append(std::move(m));
                }
            }
            return {};
        });
    if (!s)
        return s;
    std::sort(found.begin(), found.end(), [&](const LoggedModel &a, const LoggedModel &b) {
        const qsizetype pa = position.value(a.experimentId), pb = position.value(b.experimentId);
        if (pa != pb)
            return pa < pb;
        return a.creationTime != b.creationTime ? a.creationTime < b.creationTime : a.modelId < b.modelId;
    });
    for (const LoggedModel &m : std::as_const(found)) {
        if (m_cancel.load())
            return cancelled();
        if (Status st = m_sink->loggedModel(m); !st)
            return st;
    }
    return {};
}

/// The registered models' listings: models, then prompts.
QList<Chain> modelSearches()
{
    // MLflow 3 hides prompts from a registered-models/search without a filter; only a filter on
    // the prompt tag lists them. MLflow 2 filters by that tag as by any other (and lists a
    // model so tagged both times: it is kept once).
    auto search = [](const QString &filter) {
        Chain c;
        c.method = "GET";
        c.endpoint = u"registered-models/search"_s;
        c.query.addQueryItem(u"max_results"_s, QString::number(kPageSize));
        if (!filter.isEmpty())
            c.query.addQueryItem(u"filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        return c;
    };
    Chain prompts = search(promptFilter());
    // A server that cannot filter by tag has no prompt registry either.
    prompts.quiet = { 400 };
    return { search(QString()), prompts };
}

Status Reader::models()
{
    QList<RegisteredModel> models;
    QHash<QString, qint64> highest; // the highest version each model's listing names
    // One after the other: an error of the first (a 403 …) is the one reported. (After a full
    // read's runs, both were asked for already: RunPages reads them ahead.)
    Status s = runChains(modelSearches(), 1, [&](const Chain &, const json &page, const QString &url) -> Status {
        for (const json &m : array(page, "registered_models")) {
            RegisteredModel x = toModel(m);
            if (x.name.isEmpty()) {
                problem(Tr::tr("a registered model without a name was skipped"), url);
                continue;
            }
            if (!highest.contains(x.name)) {
                highest.insert(x.name, highestListedVersion(m));
                models.append(std::move(x));
            }
        }
        return {};
    });
    if (!s)
        return s;
    std::sort(models.begin(), models.end(),
        [](const RegisteredModel &a, const RegisteredModel &b) { return a.name < b.name; });

    // A model's versions come from model-versions/search; a prompt's one by one from
    // model-versions/get, since MLflow 3's search answers {} for a prompt (a 404 there is a
    // deleted version).
    QList<Chain> chains;
    for (int i = 0; i < models.size(); ++i) {
        if (models[i].isPrompt()) {
            const qint64 top = highest.value(models[i].name);
            if (top > kMaxPromptVersions)
                problem(Tr::tr("prompt '%1' names version %2; only its versions up to %3 were read")
                            .arg(models[i].name, QString::number(top), QString::number(kMaxPromptVersions)),
                    m_client.baseText());
            for (qint64 n = 1; n <= std::min(top, kMaxPromptVersions); ++n) {
                Chain g;
                g.method = "GET";
                g.endpoint = u"model-versions/get"_s;
                g.query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(models[i].name)));
                g.query.addQueryItem(u"version"_s, QString::number(n));
                g.quiet = { 404 };
                g.paged = false;
                g.tag = i;
                chains.append(std::move(g));
            }
            continue;
        }
        Chain v;
        v.method = "GET";
        v.endpoint = u"model-versions/search"_s;
        v.query.addQueryItem(
            u"filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(MlflowRestSource::versionFilter(models[i].name))));
        v.query.addQueryItem(u"max_results"_s, QString::number(kPageSize));
        v.tag = i;
        chains.append(v);
    }
    QList<QSet<qint64>> versionsSeen(models.size());
    s = runChains(chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &ch, const json &page, const QString &url) -> Status {
            RegisteredModel &m = models[ch.tag];
            auto add = [&](const json &j) {
                if (addVersion(m, versionsSeen[ch.tag], toVersion(j)) == Added::BadNumber)
                    problem(Tr::tr("model '%1' has a version that is not a positive number; skipped").arg(m.name), url);
            };
            if (ch.endpoint == "model-versions/get"_L1) {
                add(member(page, "model_version"));
                return {};
            }
            for (const json &j : array(page, "model_versions"))
                add(j);
            return {};
        });
    if (!s)
        return s;
    for (RegisteredModel &m : models) {
        finishModel(m);
        if (m_cancel.load())
            return cancelled();
        if (Status st = m_sink->registeredModel(m); !st)
            return st;
    }
    return {};
}

} // namespace

MlflowRestSource::MlflowRestSource(QUrl baseUrl, RestOptions options)
    : m_base(serverBaseUrl(baseUrl))
    , m_options(std::move(options))
{
}

QString MlflowRestSource::uri() const
{
    return m_base.toString();
}

int MlflowRestSource::runsPageSize(qint64 runsBefore)
{
    return int(std::clamp<qint64>(runsBefore / 8, kMinRunsPage, kMaxRunsPage));
}

QString MlflowRestSource::versionFilter(const QString &modelName)
{
    if (!modelName.contains(u'\''))
        return u"name='"_s + modelName + u'\'';
    if (!modelName.contains(u'"'))
        return u"name=\""_s + modelName + u'"';
    QString pattern = modelName;
    pattern.replace(u'\'', u'_').replace(u'"', u'_');
    return u"name LIKE '"_s + pattern + u'\'';
}

Status MlflowRestSource::open()
{
    const std::atomic_bool never { false };
    HttpClient client(m_base, m_options, never);
    HttpRequest r;
    r.path = kApi + u"experiments/search"_s;
    r.query.addQueryItem(u"max_results"_s, u"1"_s);
    r.retryConnect = false;
    auto resp = client.send(r);
    if (!resp)
        return resp.error();
    if (!resp->ok())
        return client.statusError(*resp);
    const QByteArray type = resp->contentType.toLower();
    const json j = json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false);
    if ((!type.isEmpty() && !type.contains("json")) || j.is_discarded() || !j.is_object())
        return makeError(ErrorCategory::BadInput,
            Tr::tr("not an MLflow tracking server: %1 answered %2 with '%3' instead of MLflow's JSON")
                .arg(uri(), resp->endpoint, QString::fromLatin1(resp->contentType)),
            resp->url);
    return {};
}

Status MlflowRestSource::readAll(ImportSink &sink, const std::atomic_bool &cancel)
{
    return read(sink, SyncState {}, false, cancel);
}

Status MlflowRestSource::readChanges(ImportSink &sink, const SyncState &state, const std::atomic_bool &cancel)
{
    return read(sink, state, state.lastSyncMs.has_value() && !state.full, cancel);
}

Status MlflowRestSource::read(
    ImportSink &sink, const SyncState &state, bool incremental, const std::atomic_bool &cancel)
{
    HttpClient client(m_base, m_options, cancel);
    // Bytes of this thread's requests plus those of the run pages' fetching thread.
    const RunPages *pages = nullptr;
    qint64 pageBytes = 0;
    auto reportBytes = [&] { sink.bytesReceived(client.bytesReceived() + (pages ? pages->bytes() : pageBytes)); };
    client.setBytesCallback([&](qint64) { reportBytes(); });
    Reader reader(client, &sink, cancel, state.histories);

    auto experiments = reader.experiments();
    if (!experiments)
        return experiments.error();
    if (!incremental) {
        QStringList ids;
        for (const Experiment &e : std::as_const(*experiments))
            ids.append(e.experimentId);
        // The listings read after the runs, asked for as soon as the last runs page is in.
        QList<HttpRequest> ahead;
        for (const QList<Chain> &chains : { loggedModelSearches(*experiments), modelSearches() })
            for (const Chain &c : chains)
                ahead.append(c.request(QString()));
        RunPages fullPages(m_base, m_options, ids, ahead);
        pages = &fullPages;
        auto readRuns = [&]() -> Status {
            for (qsizetype i = 0; i < experiments->size(); ++i) {
                if (cancel.load())
                    return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), uri());
                if (Status s = sink.experiment(experiments->at(i)); !s)
                    return s;
                if (Status s = reader.pagedRuns(fullPages, i, reportBytes); !s)
                    return s;
            }
            return {};
        };
        const Status s = readRuns();
        if (s)
            for (auto &[request, answer] : fullPages.answersAhead(cancel, reportBytes))
                client.addReadAhead(request, std::move(answer));
        pageBytes = fullPages.bytes();
        pages = nullptr;
        if (!s)
            return s;
    }
    if (incremental) {
        if (Status s = reader.changedRuns(*experiments, state, *state.lastSyncMs - kClockSkewMs); !s)
            return s;
        if (Status s = reader.leftoverRuns(state); !s)
            return s;
    }
    // LoggedModels and registered models are always read whole: there are few of them.
    if (Status s = reader.loggedModels(*experiments); !s)
        return s;
    if (Status s = reader.models(); !s)
        return s;
    if (incremental)
        sink.runsIncomplete();
    return {};
}

Result<QHash<SeriesKey, QList<MetricPoint>>> MlflowRestSource::readHistories(
    const QList<SeriesKey> &series, const std::atomic_bool &cancel)
{
    if (series.isEmpty())
        return QHash<SeriesKey, QList<MetricPoint>>();
    HttpClient client(m_base, m_options, cancel);
    Reader reader(client, nullptr, cancel);
    return reader.histories(series);
}

namespace {

/// Whole series from the thread that fetches and scans them to the calling thread, which stores
/// them: at most kMaxPoints points (48 MB) wait, a bigger series alone.
class SeriesHandOver {
public:
    struct Item {
        SeriesKey key;
        QList<MetricPoint> points;
    };
    static constexpr qsizetype kMaxPoints = 1000000;

    /// Fetching side: waits for room; false when the taking side has stopped.
    bool put(const SeriesKey &key, QList<MetricPoint> &&points)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_items.empty() || m_points + points.size() <= kMaxPoints; });
        if (m_stopped)
            return false;
        m_points += points.size();
        m_items.push_back(Item { key, std::move(points) });
        m_changed.notify_all();
        return true;
    }
    /// Fetching side: nothing more will come.
    void finish() { raise(m_finished); }
    /// Taking side: the next series, or nullopt once the fetching side has finished and every
    /// series is taken. While it waits it passes `cancel` on to `stop` at least every 50 ms.
    std::optional<Item> take(const std::atomic_bool &cancel, std::atomic_bool &stop)
    {
        std::unique_lock lock(m_mutex);
        while (m_items.empty() && !m_finished) {
            if (cancel.load())
                stop.store(true);
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
        }
        if (m_items.empty())
            return std::nullopt;
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_points -= item.points.size();
        m_changed.notify_all();
        return item;
    }
    /// Taking side: takes no more; a waiting put() returns false.
    void stop() { raise(m_stopped); }

private:
    void raise(bool &flag)
    {
        const std::lock_guard lock(m_mutex);
        flag = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    qsizetype m_points = 0;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace

Status MlflowRestSource::readHistories(
    const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel)
{
    if (series.isEmpty())
        return {};
    HttpClient client(m_base, m_options, cancel);
    Reader reader(client, nullptr, cancel);
    return reader.histories(series, onSeries);
}

Status MlflowRestSource::readHistoriesInBulk(
    const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel)
{
    if (series.isEmpty())
        return {};
    // A thread of its own fetches and scans the pages while this one hands finished series to
    // `onSeries` (the cache's writes): each would otherwise wait for the other.
    SeriesHandOver handOver;
    std::atomic_bool stop = false; // the caller's cancel, or onSeries failed
    Status fetched;
    std::unique_ptr<QThread> fetcher(QThread::create([&] {
        HttpClient client(m_base, m_options, stop);
        Reader reader(client, nullptr, stop);
        reader.setSeriesByKey(false);
        fetched = reader.histories(series, [&](const SeriesKey &key, QList<MetricPoint> &&points) -> Status {
            if (!handOver.put(key, std::move(points)))
                return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), client.baseText());
            return {};
        });
        handOver.finish();
    }));
    fetcher->start();
    Status stored;
    while (auto item = handOver.take(cancel, stop)) {
        stored = onSeries(item->key, std::move(item->points));
        if (!stored || cancel.load())
            break;
    }
    stop.store(true);
    handOver.stop();
    fetcher->wait();
    if (!stored || !fetched)
        return !stored ? stored : fetched;
    if (cancel.load()) // series were left in the hand-over
        return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), redactUrl(m_base));
    return {};
}

} // namespace md
