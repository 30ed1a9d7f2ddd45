// SPDX-License-Identifier: GPL-3.0-or-later
#include "MlflowRestSource.h"

#include "HttpClient.h"
#include "RestJson.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>

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
constexpr int kPageSize = 1000;

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
    sortPoints(r.latestMetrics);
    if (r.runName.isEmpty())
        for (const KeyValue &t : std::as_const(r.tags))
            if (t.key == "mlflow.runName"_L1)
                r.runName = t.value;
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
    std::stable_sort(r.inputs.begin(), r.inputs.end(), [](const DatasetInput &a, const DatasetInput &b) {
        return a.name != b.name ? a.name < b.name : a.digest < b.digest;
    });
    return r;
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
    QString endpoint; ///< below api/2.0/mlflow/
    QUrlQuery query; ///< GET
    json body = json::object(); ///< POST
    int tag = 0; ///< the caller's index
    bool missingOk = false; ///< a 404 answer ends the chain without an error (runs/get)
    bool paged = true;

    HttpRequest request(const QString &pageToken) const
    {
        HttpRequest r;
        r.method = method;
        r.path = kApi + endpoint;
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

    using PageFn = std::function<Status(const Chain &, const json &page, const QString &url)>;
    /// Runs the chains with at most `limit` requests in flight and hands each page to `onPage`
    /// as it arrives. A chain's next page is requested before its current page is handed over,
    /// so the server works while we parse.
    Status runChains(const QList<Chain> &chains, int limit, const PageFn &onPage);
    /// Checks status, content type and syntax of an answer.
    Result<json> parse(const HttpResponse &r) const;

    Result<QList<Experiment>> experiments();
    Status fullRuns(const Experiment &e);
    Status changedRuns(const Experiment &e, const SyncState &state, qint64 since);
    Status leftoverRuns(const SyncState &state);
    Status models();
    Result<QHash<SeriesKey, QList<MetricPoint>>> histories(const QList<SeriesKey> &series);
    /// Each distinct series to `onSeries` as soon as its last page arrived.
    Status histories(const QList<SeriesKey> &series, const Source::SeriesFn &onSeries);

private:
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
};

Result<json> Reader::parse(const HttpResponse &r) const
{
    if (!r.ok())
        return m_client.statusError(r);
    const QByteArray type = r.contentType.trimmed().toLower();
    if (!type.isEmpty() && !type.contains("json"))
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the server sent '%1' instead of JSON").arg(QString::fromLatin1(r.contentType)), r.url);
    json j = json::parse(r.body.constData(), r.body.constData() + r.body.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the server sent malformed JSON (%1 bytes; the answer may have been cut short)").arg(r.body.size()),
            r.url);
    return j;
}

Status Reader::runChains(const QList<Chain> &chains, int limit, const PageFn &onPage)
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
    launch();
    while (!flying.isEmpty()) {
        if (Status s = m_client.waitUntil([&] {
                return std::any_of(
                    flying.cbegin(), flying.cend(), [](const Flight &f) { return HttpClient::isFinished(f.call); });
            });
            !s)
            return s;
        const auto it = std::find_if(
            flying.begin(), flying.end(), [](const Flight &f) { return HttpClient::isFinished(f.call); });
        const Flight done = *it;
        flying.erase(it);
        auto resp = m_client.wait(done.call);
        if (!resp)
            return resp.error();
        const Chain &chain = chains[done.chain];
        if (chain.missingOk && resp->status == 404) {
            launch();
            continue;
        }
        auto page = parse(*resp);
        if (!page)
            return page.error();
        const QString next = chain.paged ? text(*page, "next_page_token") : QString();
        if (!next.isEmpty()) {
            if (next == done.token)
                return makeError(ErrorCategory::BadInput, Tr::tr("the server sent the same page token twice"),
                                 resp->url);
            // Its next page goes first: this chain's pages arrive in order and it finishes early.
            queue.emplace_front(done.chain, next);
        }
        launch();
        if (Status s = onPage(chain, *page, resp->url); !s)
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

Status Reader::fullRuns(const Experiment &e)
{
    Chain c;
    c.endpoint = u"runs/search"_s;
    c.body = { { "experiment_ids", json::array({ e.experimentId.toStdString() }) }, { "run_view_type", "ALL" },
        { "max_results", kPageSize }, { "order_by", json::array({ "attributes.start_time ASC" }) } };
    return runChains({ c }, 1, [&](const Chain &, const json &page, const QString &url) -> Status {
        QList<Run> runs = runsOfPage(page, [&](const QString &m) { problem(m, url); });
        m_runsSeen += runs.size();
        if (m_sink)
            m_sink->expectRuns(m_runsSeen + (text(page, "next_page_token").isEmpty() ? 0 : kPageSize));
        return deliver(std::move(runs));
    });
}

Status Reader::changedRuns(const Experiment &e, const SyncState &state, qint64 since)
{
    const json ids = json::array({ e.experimentId.toStdString() });
    auto search = [&](int tag, const char *viewType, const QString &filter) {
        Chain c;
        c.endpoint = u"runs/search"_s;
        c.tag = tag;
        c.body = { { "experiment_ids", ids }, { "run_view_type", viewType }, { "max_results", kPageSize } };
        if (!filter.isEmpty())
            c.body["filter"] = filter.toStdString();
        return c;
    };
    enum { Started, Ended, Running, Deleted };
    const QList<Chain> chains = {
        search(Started, "ALL", u"attributes.start_time >= %1"_s.arg(since)),
        search(Ended, "ALL", u"attributes.end_time >= %1"_s.arg(since)),
        search(Running, "ALL", u"attributes.status = 'RUNNING'"_s),
        search(Deleted, "DELETED_ONLY", QString()),
    };
    QMap<QString, Run> changed;
    const Status s
        = runChains(chains, int(chains.size()), [&](const Chain &c, const json &page, const QString &url) -> Status {
              for (Run &r : runsOfPage(page, [&](const QString &m) { problem(m, url); })) {
                  if (c.tag == Running)
                      m_seenRunning.insert(r.runId);
                  if (c.tag == Deleted) {
                      m_seenDeleted.insert(r.runId);
                      const auto cached = state.runs.constFind(r.runId);
                      if (cached != state.runs.cend() && cached->second == kDeleted)
                          continue;
                  }
                  changed.insert(r.runId, std::move(r));
              }
              return {};
          });
    if (!s)
        return s;
    QList<Run> runs = changed.values();
    std::stable_sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.startTime < b.startTime; });
    m_runsSeen += runs.size();
    if (m_sink)
        m_sink->expectRuns(m_runsSeen);
    return deliver(std::move(runs));
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
        c.missingOk = true; // removed for good (mlflow gc): not ours to decide; a full sync will
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

Status Reader::histories(const QList<SeriesKey> &series, const Source::SeriesFn &onSeries)
{
    QSet<SeriesKey> asked;
    QList<Chain> chains;
    for (int i = 0; i < series.size(); ++i) {
        if (asked.contains(series[i]))
            continue; // asked twice: fetched once
        asked.insert(series[i]);
        Chain c;
        c.method = "GET";
        c.endpoint = u"metrics/get-history"_s;
        c.query.addQueryItem(u"run_id"_s, series[i].runId);
        c.query.addQueryItem(u"metric_key"_s, QString::fromLatin1(QUrl::toPercentEncoding(series[i].key)));
        c.tag = i;
        chains.append(c);
    }
    // Only series with more pages to come are held here; a finished one is handed over at once.
    QHash<int, QList<MetricPoint>> partial;
    return runChains(chains, MlflowRestSource::kHistoryConcurrency,
        [&](const Chain &c, const json &page, const QString &) -> Status {
            QList<MetricPoint> &points = partial[c.tag];
            for (const json &m : array(page, "metrics"))
                if (auto p = metricPoint(m); p && p->key == series[c.tag].key)
                    points.append(*p);
            if (!text(page, "next_page_token").isEmpty())
                return {};
            QList<MetricPoint> done = partial.take(c.tag);
            sortPoints(done);
            return onSeries(series[c.tag], std::move(done));
        });
}

Status Reader::models()
{
    Chain c;
    c.method = "GET";
    c.endpoint = u"registered-models/search"_s;
    c.query.addQueryItem(u"max_results"_s, QString::number(kPageSize));
    QList<RegisteredModel> models;
    QSet<QString> seen;
    Status s = runChains({ c }, 1, [&](const Chain &, const json &page, const QString &url) -> Status {
        for (const json &m : array(page, "registered_models")) {
            RegisteredModel x = toModel(m);
            if (x.name.isEmpty()) {
                problem(Tr::tr("a registered model without a name was skipped"), url);
                continue;
            }
            if (!seen.contains(x.name)) {
                seen.insert(x.name);
                models.append(std::move(x));
            }
        }
        return {};
    });
    if (!s)
        return s;
    std::sort(models.begin(), models.end(),
        [](const RegisteredModel &a, const RegisteredModel &b) { return a.name < b.name; });

    QList<Chain> chains;
    for (int i = 0; i < models.size(); ++i) {
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
            for (const json &j : array(page, "model_versions"))
                if (addVersion(m, versionsSeen[ch.tag], toVersion(j)) == Added::BadNumber)
                    problem(Tr::tr("model '%1' has a version that is not a positive number; skipped").arg(m.name), url);
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
    client.setBytesCallback([&sink](qint64 total) { sink.bytesReceived(total); });
    Reader reader(client, &sink, cancel, state.histories);

    auto experiments = reader.experiments();
    if (!experiments)
        return experiments.error();
    const qint64 since = incremental ? *state.lastSyncMs - kClockSkewMs : 0;
    for (const Experiment &e : std::as_const(*experiments)) {
        if (cancel.load())
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), uri());
        if (Status s = sink.experiment(e); !s)
            return s;
        const Status s = incremental ? reader.changedRuns(e, state, since) : reader.fullRuns(e);
        if (!s)
            return s;
    }
    if (incremental) {
        if (Status s = reader.leftoverRuns(state); !s)
            return s;
    }
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

Status MlflowRestSource::readHistories(
    const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel)
{
    if (series.isEmpty())
        return {};
    HttpClient client(m_base, m_options, cancel);
    Reader reader(client, nullptr, cancel);
    return reader.histories(series, onSeries);
}

} // namespace md
