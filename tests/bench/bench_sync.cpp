// SPDX-License-Identifier: GPL-3.0-or-later
// Sync speed through the MLflow-compatible test server on loopback. Not a test: prints figures for
// the README's Performance section.
//
//   bench_sync [RUNS METRICS PARAMS] [HIST_RUNS HIST_METRICS HIST_STEPS] [--json FILE] [--repeat N]
//   defaults:   10000 20 20            20 5 100000
//
// The full sync runs N times (default 21 for up to 2,000 runs, else once), each round a bare fetch
// of the sync's requests (bareFetch) then a sync into a new cache; sync_ratio is the median
// round's sync ÷ its bare fetch.
//
// With --json the figures go to FILE as well (BenchReport.h; perf_table.py makes the README's
// rows from it).
#include "BenchReport.h"
#include "TestServer.h"
#include "TestSupport.h"
#include "sources/Source.h"
#include "sources/rest/MlflowRestSource.h"
#include "sync/HistoryLoader.h"
#include "sync/Importer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include <cstdio>

#include <unistd.h>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

/// User + system CPU seconds of process `pid` (0: this process) so far, from /proc.
double cpuSeconds(qint64 pid = 0)
{
    QFile f(pid ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return (fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// The test server's process: the python3 child of this process.
qint64 serverPid()
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/children")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : f.readAll().simplified().split(' ')) {
            QFile comm(QStringLiteral("/proc/%1/comm").arg(QString::fromLatin1(pid)));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("python"))
                return pid.toLongLong();
        }
    }
    return 0;
}

bool generate(const QString &db, const QString &spec)
{
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral(MD_TEST_SERVER_SCRIPT), QStringLiteral("--generate"), spec,
                                        QStringLiteral("--db"), db, QStringLiteral("--schema-from"),
                                        test::dataPath(QStringLiteral("mlflow.db"))});
    return p.waitForFinished(-1) && p.exitCode() == 0;
}

/// One request, waited for; its answer's bytes.
QByteArray exchange(QNetworkAccessManager &nam, const QUrl &base, const QString &endpoint, const QUrlQuery &query,
                    const QJsonObject *body)
{
    QUrl url = base.resolved(QUrl(QStringLiteral("/api/2.0/mlflow/") + endpoint));
    url.setQuery(query);
    QNetworkRequest req(url);
    QNetworkReply *reply = nullptr;
    if (body) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = nam.post(req, QJsonDocument(*body).toJson(QJsonDocument::Compact));
    } else {
        reply = nam.get(req);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

/// The requests a full sync makes (MlflowRestSource::readAll), one after the other with a bare
/// loop: no JSON parsing, no storage. Only the experiment ids and the page tokens are cut out of
/// the bytes. The experiments' listing, each experiment's runs/search pages (oldest first, the
/// sync's page sizes), the LoggedModels' listing (MLflow 2 answers 404) and the registered
/// models' two listings (models, prompts). Not the model-versions/search of each model: the
/// bench's server has none.
qint64 bareFetch(const QUrl &base, double *seconds)
{
    QNetworkAccessManager nam;
    static const QRegularExpression tokenRe(QStringLiteral("\"next_page_token\"\\s*:\\s*\"([^\"]+)\""));
    static const QRegularExpression experimentRe(QStringLiteral("\"experiment_id\"\\s*:\\s*\"([^\"]+)\""));
    qint64 bytes = 0;
    QElapsedTimer t;
    t.start();
    const QJsonObject experimentsBody{{QStringLiteral("max_results"), 1000}, {QStringLiteral("view_type"), QStringLiteral("ALL")}};
    const QByteArray experiments = exchange(nam, base, QStringLiteral("experiments/search"), {}, &experimentsBody);
    bytes += experiments.size();
    QJsonArray ids;
    for (auto it = experimentRe.globalMatch(QString::fromUtf8(experiments)); it.hasNext();)
        ids.append(it.next().captured(1));
    for (const QJsonValue &id : std::as_const(ids)) {
        QString token;
        qint64 asked = 0;
        do {
            const int pageSize = MlflowRestSource::runsPageSize(asked);
            asked += pageSize;
            QJsonObject body{{QStringLiteral("experiment_ids"), QJsonArray{id}},
                             {QStringLiteral("max_results"), pageSize},
                             {QStringLiteral("run_view_type"), QStringLiteral("ALL")},
                             {QStringLiteral("order_by"), QJsonArray{QStringLiteral("attributes.start_time ASC")}}};
            if (!token.isEmpty())
                body.insert(QStringLiteral("page_token"), token);
            const QByteArray data = exchange(nam, base, QStringLiteral("runs/search"), {}, &body);
            bytes += data.size();
            const auto m = tokenRe.match(QString::fromUtf8(data.right(400)));
            token = m.hasMatch() ? m.captured(1) : QString();
        } while (!token.isEmpty());
    }
    const QJsonObject loggedModelsBody{
        {QStringLiteral("experiment_ids"), ids},
        {QStringLiteral("max_results"), 100},
        {QStringLiteral("order_by"),
         QJsonArray{QJsonObject{{QStringLiteral("field_name"), QStringLiteral("creation_timestamp")},
                                {QStringLiteral("ascending"), true}}}}};
    bytes += exchange(nam, base, QStringLiteral("logged-models/search"), {}, &loggedModelsBody).size();
    for (const QString &filter : {QString(), QStringLiteral("tags.`%1` = 'true'").arg(kPromptTag)}) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("max_results"), QStringLiteral("1000"));
        if (!filter.isEmpty())
            q.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        bytes += exchange(nam, base, QStringLiteral("registered-models/search"), q, nullptr).size();
    }
    *seconds = t.elapsed() / 1000.0;
    return bytes;
}

/// One series to fetch: run id, metric key, latest step.
struct BareSeries {
    QString runId;
    QString key;
    qint64 latestStep = -1;
};

/// The requests the client sends for `series` (MlflowRestSource and HistoryLoader): a key's
/// series whose latest step is below HistoryLoader::kShortSeriesSteps, when the key has two or
/// more of them, 20 runs a get-history-bulk request (max_results=25000); every other series alone
/// with get-history (max_results=25000, following its page tokens). As URLs relative to the
/// server, each with whether it pages.
QList<QPair<QString, bool>> bareHistoryRequests(const QList<BareSeries> &series)
{
    QList<QPair<QString, bool>> out;
    const auto alone = [&out](const QString &runId, const QString &key) {
        out.append({ u"/api/2.0/mlflow/metrics/get-history?run_id=%1&metric_key=%2&max_results=25000"_s.arg(
                         runId, QString::fromLatin1(QUrl::toPercentEncoding(key))),
            true });
    };
    QHash<QString, QStringList> shortByKey;
    QStringList keys;
    for (const BareSeries &s : series) {
        if (s.latestStep >= 0 && s.latestStep < HistoryLoader::kShortSeriesSteps) {
            if (!shortByKey.contains(s.key))
                keys.append(s.key);
            shortByKey[s.key].append(s.runId);
            continue;
        }
        alone(s.runId, s.key);
    }
    for (const QString &key : std::as_const(keys)) {
        const QStringList &runs = shortByKey[key];
        if (runs.size() < 2) {
            alone(runs.first(), key);
            continue;
        }
        for (qsizetype from = 0; from < runs.size(); from += 20) {
            QString url = u"/ajax-api/2.0/mlflow/metrics/get-history-bulk?"_s;
            for (const QString &run : runs.mid(from, 20))
                url += u"run_id="_s + run + u'&';
            out.append(
                { url + u"metric_key="_s + QString::fromLatin1(QUrl::toPercentEncoding(key)) + u"&max_results=25000"_s,
                    false });
        }
    }
    return out;
}

/// `requests` (bareHistoryRequests()) sent as the client sends them, eight in flight, following
/// get-history's page tokens, without parsing the points.
qint64 bareHistories(const QUrl &base, const QList<QPair<QString, bool>> &requests, double *seconds)
{
    QNetworkAccessManager nam;
    qint64 bytes = 0;
    qsizetype next = 0;
    int inFlight = 0;
    QEventLoop loop;
    QElapsedTimer t;
    t.start();
    std::function<void(qsizetype, const QString &)> fetch;
    std::function<void()> launch = [&] {
        while (inFlight < 8 && next < requests.size())
            fetch(next++, QString());
    };
    fetch = [&](qsizetype i, const QString &token) {
        QUrl url = base.resolved(QUrl(requests[i].first, QUrl::StrictMode));
        if (!token.isEmpty()) {
            QUrlQuery q(url);
            q.addQueryItem(QStringLiteral("page_token"), QString::fromLatin1(QUrl::toPercentEncoding(token)));
            url.setQuery(q);
        }
        ++inFlight;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, i] {
            const QByteArray body = reply->readAll();
            bytes += body.size();
            reply->deleteLater();
            --inFlight;
            // The token stands at the end of the answer: no need to parse the points before it.
            static const QRegularExpression tokenRe(QStringLiteral("\"next_page_token\"\\s*:\\s*\"([^\"]+)\""));
            const auto m
                = requests[i].second ? tokenRe.match(QString::fromLatin1(body.right(512))) : QRegularExpressionMatch();
            if (m.hasMatch())
                fetch(i, m.captured(1));
            launch();
            if (inFlight == 0 && next >= requests.size())
                loop.quit();
        });
    };
    launch();
    if (inFlight > 0)
        loop.exec();
    *seconds = t.elapsed() / 1000.0;
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList a = app.arguments();
    const QString jsonFile = bench::Report::takeJsonFile(a);
    // --repeat N: rounds of bare fetch + full sync (default 21 up to 2,000 runs, else 1).
    int repeats = 0;
    if (const qsizetype at = a.indexOf(QStringLiteral("--repeat")); at > 0 && at + 1 < a.size()) {
        repeats = a.at(at + 1).toInt();
        a.remove(at, 2);
    }
    bench::Report json("bench_sync", {"sync_ratio", "incremental_ratio", "history_points_per_s"});
    json.setArguments(a.mid(1));
    const QString runsSpec = a.size() >= 4 ? a.mid(1, 3).join(QLatin1Char(',')) : QStringLiteral("10000,20,20");
    const QStringList h = a.size() >= 7 ? a.mid(4, 3) : QStringList{QStringLiteral("20"), QStringLiteral("5"), QStringLiteral("100000")};
    QTemporaryDir dir;
    std::atomic_bool cancel{false};

    // ---- runs: 10,000 × 20 metrics × 20 params
    const QString db = dir.filePath(QStringLiteral("runs.db"));
    if (!generate(db, runsSpec + QStringLiteral(",1"))) {
        std::fprintf(stderr, "cannot generate %s\n", qPrintable(runsSpec));
        return 1;
    }
    test::TestServer server;
    if (!server.start(db))
        return 1;
    const qint64 spid = serverPid();
    // Rounds of a bare fetch then a full sync into a new cache, each sync against the fetch just
    // before it: the server's own speed drifts by a third between runs on two cores, so one pair
    // says little. The figure is the median round's ratio.
    const int rounds = repeats > 0 ? repeats : (runsSpec.section(QLatin1Char(','), 0, 0).toInt() <= 2000 ? 21 : 1);
    std::vector<double> ratios;
    double bareS = 0, syncS = 0, bareCpu = 0, bareServerCpu = 0, syncCpu = 0, syncServerCpu = 0;
    qint64 bareBytes = 0;
    std::unique_ptr<Cache> cache;
    std::unique_ptr<Importer> importer;
    std::unique_ptr<Source> source;
    qint64 runsRead = 0;
    QJsonArray roundsJson;
    for (int round = 0; round < rounds; ++round) {
        double cpu0 = cpuSeconds(), scpu0 = cpuSeconds(spid);
        bareBytes = bareFetch(server.url(), &bareS);
        bareCpu = cpuSeconds() - cpu0;
        bareServerCpu = cpuSeconds(spid) - scpu0;

        importer.reset();
        cache = std::make_unique<Cache>();
        if (!cache->open(dir.filePath(QStringLiteral("cache-%1.sqlite").arg(round))).ok())
            return 1;
        importer = std::make_unique<Importer>(*cache, nullptr);
        auto created = createSource(server.url().toString());
        if (!created)
            return 1;
        source = std::move(*created);
        QElapsedTimer t;
        cpu0 = cpuSeconds();
        scpu0 = cpuSeconds(spid);
        t.start();
        auto report = importer->import(*source, cancel);
        syncS = t.elapsed() / 1000.0;
        syncCpu = cpuSeconds() - cpu0;
        syncServerCpu = cpuSeconds(spid) - scpu0;
        if (!report.ok()) {
            std::fprintf(stderr, "sync failed: %s\n", qPrintable(report.error().toString()));
            return 1;
        }
        runsRead = report->runs;
        ratios.push_back(syncS / bareS);
        roundsJson.append(QJsonObject{{QStringLiteral("bare_fetch_s"), bareS}, {QStringLiteral("sync_s"), syncS},
                                      {QStringLiteral("client_cpu_s"), syncCpu}});
        if (round > 0)
            QFile::remove(dir.filePath(QStringLiteral("cache-%1.sqlite").arg(round - 1)));
    }
    std::vector<double> sorted = ratios;
    std::sort(sorted.begin(), sorted.end());
    const double ratio = sorted[sorted.size() / 2];
    std::printf("| bare fetch of the sync's requests (%s runs, %.1f MB) | %.2f s | |\n", qPrintable(runsSpec),
                bareBytes / 1e6, bareS);
    std::printf("| full sync into the cache (%lld runs) | %.2f s | %.0f runs/s, %.2f x the bare fetch |\n", runsRead,
                syncS, runsRead / syncS, syncS / bareS);
    if (rounds > 1)
        std::printf("| full sync / bare fetch, %d rounds (each sync against the fetch before it) | median %.2f x | range %.2f–%.2f x |\n",
                    rounds, ratio, sorted.front(), sorted.back());
    std::printf("| CPU during the bare fetch / the sync: client %.2f / %.2f s, server %.2f / %.2f s | | |\n",
                bareCpu, syncCpu, bareServerCpu, syncServerCpu);
    std::fflush(stdout);
    // The unchanged second sync takes a few hundredths of a second, in which one slow request or
    // a wait for a core shows: its figure is the median of five, against the median full sync.
    std::vector<double> agains;
    Result<ImportReport> again = ImportReport {};
    for (int i = 0; i < 5 && again.ok(); ++i) {
        QElapsedTimer t;
        t.start();
        again = importer->import(*source, cancel);
        agains.push_back(t.elapsed() / 1000.0);
    }
    std::sort(agains.begin(), agains.end());
    const double againS = agains[agains.size() / 2];
    std::vector<double> syncs;
    for (const auto &r : std::as_const(roundsJson))
        syncs.push_back(r.toObject().value(QStringLiteral("sync_s")).toDouble());
    std::sort(syncs.begin(), syncs.end());
    const double medianSyncS = syncs[syncs.size() / 2];
    std::printf("| second sync, unchanged server, median of %zu | %.3f s (%.3f–%.3f s) | %lld runs delivered; "
                "%.1f %% of the median full sync (%.2f s) |\n",
        agains.size(), againS, agains.front(), agains.back(), again.ok() ? again->runs : -1LL,
        againS / medianSyncS * 100, medianSyncS);
    server.stop();
    json.set("sync_ratio", ratio);
    if (again.ok())
        json.set("incremental_ratio", againS / medianSyncS);
    json.detail("runs",
        QJsonObject { { QStringLiteral("spec"), runsSpec }, { QStringLiteral("count"), runsRead },
            { QStringLiteral("page_mb"), bareBytes / 1e6 }, { QStringLiteral("bare_fetch_s"), bareS },
            { QStringLiteral("sync_s"), syncS }, { QStringLiteral("median_sync_s"), medianSyncS },
            { QStringLiteral("second_sync_s"), againS }, { QStringLiteral("sync_ratio_min"), sorted.front() },
            { QStringLiteral("sync_ratio_max"), sorted.back() }, { QStringLiteral("rounds"), roundsJson } });

    // ---- full histories: 20 runs × 5 metrics × 100,000 steps (`0 0 0` leaves them out)
    if (h[0].toInt() <= 0 || h[1].toInt() <= 0 || h[2].toInt() <= 0) {
        std::printf("| peak memory (VmHWM) | %ld MiB | |\n", md::test::peakRssKb() / 1024);
        json.detail("peak_mib", double(md::test::peakRssKb()) / 1024);
        return json.write(jsonFile) ? 0 : 1;
    }
    const QString hdb = dir.filePath(QStringLiteral("hist.db"));
    const QString hspec = h[0] + QLatin1Char(',') + h[1] + QStringLiteral(",0,") + h[2];
    if (!generate(hdb, hspec))
        return 1;
    // The server remembers each get-history answer it has encoded and sends the same bytes again:
    // its pure-Python JSON encoder would otherwise be what the figures measure.
    test::TestServer hserver;
    hserver.setExtraArguments({QStringLiteral("--cache-get-responses")});
    if (!hserver.start(hdb))
        return 1;
    Cache hcache;
    if (!hcache.open(dir.filePath(QStringLiteral("hcache.sqlite"))).ok())
        return 1;
    Importer himporter(hcache, nullptr);
    auto hsource = createSource(hserver.url().toString());
    auto hreport = himporter.import(**hsource, cancel);
    if (!hreport.ok())
        return 1;
    RunQuery q;
    q.experiments = {QStringLiteral("bench")};
    auto rows = hcache.runs(q);
    QList<HistoryLoader::Request> requests;
    for (const auto &r : std::as_const(*rows))
        for (const auto &m : r.run.latestMetrics)
            requests.append({ r.rowId, m.key, m.step });
    QList<BareSeries> series;
    for (const auto &r : std::as_const(*rows))
        for (const auto &m : r.run.latestMetrics)
            series.append({ r.run.runId, m.key, m.step });
    const QList<QPair<QString, bool>> bareRequests = bareHistoryRequests(series);
    // The first bare fetch fills the server's memo (and is not reported); the second one, timed,
    // and the loader's requests below are answered from it.
    double coldHistS = 0, bareHistS = 0;
    bareHistories(hserver.url(), bareRequests, &coldHistS);
    const qint64 hspid = serverPid();
    double hcpu0 = cpuSeconds(), hscpu0 = cpuSeconds(hspid);
    const qint64 bareHistBytes = bareHistories(hserver.url(), bareRequests, &bareHistS);
    const double bareHistCpu = cpuSeconds() - hcpu0, bareHistServerCpu = cpuSeconds(hspid) - hscpu0;
    std::printf("| bare fetch of the same requests (%lld: get-history, and get-history-bulk for short series), "
                "server answering from its memo (%.0f MB, 8 in flight; "
                "filling the memo took %.2f s) | %.2f s | %.0f MB/s |\n",
        qlonglong(bareRequests.size()), bareHistBytes / 1e6, coldHistS, bareHistS, bareHistBytes / 1e6 / bareHistS);
    // The way `sync --histories` fetches: each series is written as it arrives and dropped.
    std::printf("| peak memory before the histories (VmHWM) | %ld MiB | |\n", md::test::peakRssKb() / 1024);
    HistoryLoader loader(hcache);
    loader.setBulk(true);
    hcpu0 = cpuSeconds();
    hscpu0 = cpuSeconds(hspid);
    QElapsedTimer t;
    t.start();
    const Status stored = loader.store(requests, cancel);
    const double histS = t.elapsed() / 1000.0;
    const double histCpu = cpuSeconds() - hcpu0, histServerCpu = cpuSeconds(hspid) - hscpu0;
    // Read back one series at a time, as a chart would, counting the points.
    qint64 points = 0;
    QElapsedTimer back;
    back.start();
    bool cachedOk = true;
    for (const auto &r : std::as_const(requests)) {
        auto one = loader.load({r}, cancel);
        cachedOk = cachedOk && one.ok();
        if (one.ok())
            points += one->first().size();
    }
    const double backS = back.elapsed() / 1000.0;
    std::printf("| full histories (%s runs x %s metrics x %s steps) into the cache, server answering from its memo "
                "| %.2f s | %.0f points/s, %.2f x the warm bare fetch |\n",
                qPrintable(h[0]), qPrintable(h[1]), qPrintable(h[2]), histS, points / histS, histS / bareHistS);
    std::printf("| CPU during the warm bare fetch / the histories: client %.2f / %.2f s, server %.2f / %.2f s | | |\n",
                bareHistCpu, histCpu, bareHistServerCpu, histServerCpu);
    std::printf("| the same histories again (from the cache, one series at a time) | %.2f s | %.0f points/s |\n", backS,
                points / backS);
    std::printf("| peak memory (VmHWM) | %ld MiB | |\n", md::test::peakRssKb() / 1024);
    if (stored.ok())
        json.set("history_points_per_s", points / histS);
    json.detail("histories", QJsonObject{{QStringLiteral("spec"), h.join(QLatin1Char(','))}, {QStringLiteral("points"), points},
                                         {QStringLiteral("seconds"), histS}, {QStringLiteral("bare_fetch_s"), bareHistS},
                                         {QStringLiteral("from_cache_points_per_s"), points / backS}});
    json.detail("peak_mib", double(md::test::peakRssKb()) / 1024);
    return json.write(jsonFile) && stored.ok() && cachedOk ? 0 : 1;
}
