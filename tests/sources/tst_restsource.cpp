// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowRestSource over real HTTP (127.0.0.1) against the MLflow-compatible test server serving a
// copy of tests/data/mlflow.db. The expected numbers are MLflow's own (tests/data/FIXTURES.md);
// the 1000-point history is compared with the recorded MLflow 2.10.2 answer (rest/036).

#include "TestServer.h"
#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/rest/HttpClient.h"
#include "sources/rest/MlflowRestSource.h"
#include "sources/rest/RestOptions.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>


#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;
using md::test::execSql;
using md::ErrorCategory;

namespace {

/// Keeps everything a source delivers, in order.
class CollectingSink : public md::ImportSink {
public:
    QList<md::Experiment> experiments;
    QList<md::Run> runs;
    QList<md::RegisteredModel> models;
    QList<md::ReadProblem> problems;
    QStringList order; ///< "E:<id>", "R:<id>", "M:<name>"
    qint64 expected = -1;
    qint64 bytes = 0;
    bool incomplete = false;

    void expectRuns(qint64 total) override { expected = total; }
    md::Status experiment(const md::Experiment &e) override
    {
        experiments.append(e);
        order.append(u"E:"_s + e.experimentId);
        return {};
    }
    md::Status run(const md::Run &r) override
    {
        runs.append(r);
        order.append(u"R:"_s + r.runId);
        return {};
    }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        models.append(m);
        order.append(u"M:"_s + m.name);
        return {};
    }
    void problem(const md::ReadProblem &p) override { problems.append(p); }
    void runsIncomplete() override { incomplete = true; }
    void bytesReceived(qint64 total) override
    {
        QVERIFY(total >= bytes);
        bytes = total;
    }

    const md::Run *run(const QString &id) const
    {
        for (const auto &r : runs)
            if (r.runId == id)
                return &r;
        return nullptr;
    }
    QSet<QString> runIds() const
    {
        QSet<QString> out;
        for (const auto &r : runs)
            out.insert(r.runId);
        return out;
    }
};

std::optional<md::MetricPoint> latest(const md::Run &r, const QString &key)
{
    for (const auto &m : r.latestMetrics)
        if (m.key == key)
            return m;
    return std::nullopt;
}

/// Equal points, NaN equal to NaN (RUN_NAN logs NaN).
bool samePoints(const QList<md::MetricPoint> &a, const QList<md::MetricPoint> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool sameValue = a[i].value == b[i].value || (std::isnan(a[i].value) && std::isnan(b[i].value));
        if (a[i].key != b[i].key || !sameValue || a[i].timestamp != b[i].timestamp || a[i].step != b[i].step)
            return false;
    }
    return true;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// Options that keep fault tests fast: 10 ms backoff units, 10 s timeout.
md::RestOptions fastOptions()
{
    md::RestOptions o;
    o.backoffBaseMs = 10;
    o.timeoutMs = 10'000;
    return o;
}

md::SyncState stateFrom(const CollectingSink &sink, qint64 lastSyncMs)
{
    md::SyncState s;
    s.lastSyncMs = lastSyncMs;
    for (const auto &r : sink.runs)
        s.runs.insert(r.runId, { r.status, r.lifecycleStage });
    return s;
}

/// The stats key of MLflow's web UI's get-history-bulk.
const QString kBulkHistory = u"GET /ajax-api/2.0/mlflow/metrics/get-history-bulk"_s;

int requests(const QJsonObject &stats, const QString &key)
{
    return stats.value(u"requests"_s).toObject().value(key).toInt();
}

const QString kRunsSearch = u"POST /api/2.0/mlflow/runs/search"_s;
/// runs/search requests of a full read of tests/data/mlflow.db: five experiments, one of 200 runs.
constexpr int kFullReadRunPages = 7;
const QString kExperimentsSearch = u"POST /api/2.0/mlflow/experiments/search"_s;

// Log capture for the redaction test.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(msg);
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, ctx, msg);
}

} // namespace

class TestRestSource : public QObject {
    Q_OBJECT

private:
    md::test::TestServer m_server;
    QJsonObject m_ids;
    std::atomic_bool m_noCancel { false };

    md::MlflowRestSource source(md::RestOptions o = fastOptions()) { return md::MlflowRestSource(m_server.url(), o); }

    void checkFullRead(const CollectingSink &sink)
    {
        QCOMPARE(sink.problems.size(), 0);
        QCOMPARE(sink.experiments.size(), 5);
        int deletedExperiments = 0, experimentTags = 0;
        for (const auto &e : sink.experiments) {
            deletedExperiments += e.lifecycleStage == md::kDeleted;
            experimentTags += int(e.tags.size());
        }
        QCOMPARE(deletedExperiments, 1);
        QCOMPARE(experimentTags, 11);

        QCOMPARE(sink.runs.size(), 209);
        QCOMPARE(sink.runIds().size(), 209);
        qint64 latestCount = 0, params = 0, tags = 0;
        QHash<QString, int> status;
        int deleted = 0, withHistory = 0;
        for (const auto &r : sink.runs) {
            latestCount += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
            status[r.status]++;
            deleted += r.lifecycleStage == md::kDeleted;
            withHistory += r.hasHistory;
        }
        QCOMPARE(latestCount, 915);
        QCOMPARE(params, 1001);
        QCOMPARE(tags, 1508);
        QCOMPARE(status.value(u"FINISHED"_s), 185);
        QCOMPARE(status.value(u"FAILED"_s), 13);
        QCOMPARE(status.value(u"KILLED"_s), 7);
        QCOMPARE(status.value(u"RUNNING"_s), 4);
        QCOMPARE(deleted, 11);
        QCOMPARE(withHistory, 0); // histories come on demand

        // Every experiment comes before its runs.
        for (const auto &r : sink.runs)
            QVERIFY2(sink.order.indexOf(u"E:"_s + r.experimentId) < sink.order.indexOf(u"R:"_s + r.runId),
                qPrintable(r.runId));

        // val_r2_score of the car_price runs, by run name.
        const QHash<QString, double> r2 = { { u"Linear Regression"_s, 0.82 }, { u"Random Forest"_s, 0.85 },
            { u"XGBoost"_s, 0.88 }, { u"XGBoost tuned"_s, 0.89 } };
        const QJsonArray carRuns = m_ids.value(u"CAR_RUNS"_s).toArray();
        QCOMPARE(carRuns.size(), 4);
        for (const auto &id : carRuns) {
            const md::Run *r = sink.run(id.toString());
            QVERIFY(r);
            QCOMPARE(r->experimentId, u"1"_s);
            QVERIFY2(r2.contains(r->runName), qPrintable(r->runName));
            const auto m = latest(*r, u"val_r2_score"_s);
            QVERIFY(m);
            QCOMPARE(m->value, r2.value(r->runName));
            QCOMPARE(m->step, 5);
            QCOMPARE(r->inputs.size(), 1);
            QCOMPARE(r->inputs[0].name, u"car_prices"_s);
            QCOMPARE(r->inputs[0].context, u"training"_s);
            QCOMPARE(r->inputs[0].sourceType, u"local"_s);
        }

        // NaN stays NaN; SQL stores clamp ±inf to ±DBL_MAX.
        const md::Run *nanRun = sink.run(m_ids.value(u"RUN_NAN"_s).toString());
        QVERIFY(nanRun);
        QVERIFY(std::isnan(latest(*nanRun, u"loss"_s)->value));
        QCOMPARE(latest(*nanRun, u"loss"_s)->step, 100);
        QCOMPARE(latest(*nanRun, u"grad_norm"_s)->value, std::numeric_limits<double>::max());
        QCOMPARE(latest(*nanRun, u"log_likelihood"_s)->value, -std::numeric_limits<double>::max());

        const md::Run *running = sink.run(m_ids.value(u"RUN_RUNNING"_s).toString());
        QVERIFY(running);
        QCOMPARE(running->status, u"RUNNING"_s);
        QVERIFY(!running->endTime);
        const md::Run *deletedRun = sink.run(m_ids.value(u"RUN_DELETED"_s).toString());
        QVERIFY(deletedRun);
        QCOMPARE(deletedRun->lifecycleStage, md::kDeleted);
        const md::Run *child = sink.run(m_ids.value(u"RUN_CHILD"_s).toString());
        QVERIFY(child);
        QCOMPARE(child->parentRunId(), m_ids.value(u"RUN_PARENT"_s).toString());

        // Registry.
        QCOMPARE(sink.models.size(), 3);
        int versions = 0, versionTags = 0, modelTags = 0;
        for (const auto &m : sink.models) {
            versions += int(m.versions.size());
            modelTags += int(m.tags.size());
            for (const auto &v : m.versions)
                versionTags += int(v.tags.size());
        }
        QCOMPARE(versions, 5);
        QCOMPARE(versionTags, 13);
        QCOMPARE(modelTags, 4);
        const md::RegisteredModel *car = nullptr;
        for (const auto &m : sink.models)
            if (m.name == u"car_price_model"_s)
                car = &m;
        QVERIFY(car);
        QCOMPARE(car->aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 4 } }));
        QCOMPARE(car->versions.size(), 4);
        QStringList stages;
        for (const auto &v : car->versions)
            stages << u"%1:%2"_s.arg(v.version).arg(v.currentStage);
        QCOMPARE(stages, (QStringList { u"1:Archived"_s, u"2:Archived"_s, u"3:Staging"_s, u"4:Production"_s }));
        QCOMPARE(car->versions[3].aliases, QStringList { u"champion"_s });
        QCOMPARE(car->versions[2].aliases, QStringList { u"challenger"_s });
        QVERIFY(car->versions[0].aliases.isEmpty());
        QCOMPARE(car->versions[3].runId, carRuns[3].toString());
        bool unicodeModel = false;
        for (const auto &m : sink.models)
            if (m.name == u"Ünïcødé-モデル 🚗"_s) {
                unicodeModel = true;
                QCOMPARE(m.versions.size(), 1);
                QCOMPARE(m.versions[0].currentStage, md::kStageArchived);
            }
        QVERIFY(unicodeModel);
        QCOMPARE(sink.order.last().left(2), u"M:"_s);
        QVERIFY(sink.bytes > 500'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_ids = readJson(md::test::dataPath(u"rest/ids.json"_s));
        QVERIFY(!m_ids.isEmpty());
    }

    void init()
    {
        QVERIFY(m_server.resetFaults());
        QVERIFY(m_server.resetStats());
    }

    void redaction_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bearer") << u"GET /x, Authorization: Bearer abc.def-123"_s
                                << u"GET /x, Authorization: <redacted>"_s;
        QTest::newRow("basic") << u"authorization=Basic dXNlcjpwYXNz; next"_s << u"authorization=<redacted>; next"_s;
        QTest::newRow("url user info") << u"see http://ann:hunter2@host:5000/api"_s << u"see http://host:5000/api"_s;
        QTest::newRow("secret anywhere") << u"the token s3cr3t leaked"_s << u"the token <redacted> leaked"_s;
        QTest::newRow("password anywhere") << u"pw=hunter2!"_s << u"pw=<redacted>"_s;
        QTest::newRow("nothing") << u"POST http://127.0.0.1:5000/api/2.0/mlflow/runs/search -> 200"_s
                                 << u"POST http://127.0.0.1:5000/api/2.0/mlflow/runs/search -> 200"_s;
    }
    void redaction()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(md::redactSecrets(text, { u"s3cr3t"_s, u"hunter2!"_s }), expected);
    }

    void redactUrl()
    {
        const QUrl url(u"https://ann:pw@host/api/2.0/mlflow/x?run_id=1&token=abc&page_token=eyJ9"_s);
        QCOMPARE(md::redactUrl(url), u"https://host/api/2.0/mlflow/x?run_id=1&token=<redacted>&page_token=eyJ9"_s);
    }

    void optionsFromEnvironment_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("authorization");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("retries");
        QTest::addColumn<bool>("insecure");
        QTest::newRow("defaults") << QStringList {} << QString() << 30000 << 5 << false;
        QTest::newRow("token") << QStringList { u"MLFLOW_TRACKING_TOKEN=tok"_s } << u"Bearer tok"_s << 30000 << 5
                               << false;
        // MLflow's code: username and password together win over the token.
        QTest::newRow("basic wins over token") << QStringList { u"MLFLOW_TRACKING_TOKEN=tok"_s,
            u"MLFLOW_TRACKING_USERNAME=ann"_s, u"MLFLOW_TRACKING_PASSWORD=pw"_s }
                                               << u"Basic YW5uOnB3"_s << 30000 << 5 << false;
        QTest::newRow("user without password")
            << QStringList { u"MLFLOW_TRACKING_TOKEN=tok"_s, u"MLFLOW_TRACKING_USERNAME=ann"_s } << u"Bearer tok"_s
            << 30000 << 5 << false;
        QTest::newRow("timeouts, retries, tls") << QStringList { u"MLFLOW_HTTP_REQUEST_TIMEOUT=7"_s,
            u"MLFLOW_HTTP_REQUEST_MAX_RETRIES=2"_s, u"MLFLOW_TRACKING_INSECURE_TLS=True"_s }
                                                << QString() << 7000 << 2 << true;
        QTest::newRow("garbage keeps defaults") << QStringList { u"MLFLOW_HTTP_REQUEST_TIMEOUT=soon"_s,
            u"MLFLOW_HTTP_REQUEST_MAX_RETRIES=-1"_s, u"MLFLOW_TRACKING_INSECURE_TLS=maybe"_s }
                                                << QString() << 30000 << 5 << false;
    }
    void optionsFromEnvironment()
    {
        QFETCH(QStringList, vars);
        QFETCH(QString, authorization);
        QFETCH(int, timeoutMs);
        QFETCH(int, retries);
        QFETCH(bool, insecure);
        QProcessEnvironment env;
        for (const QString &v : vars)
            env.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
        const md::RestOptions o = md::RestOptions::fromEnvironment(env);
        QCOMPARE(QString::fromLatin1(o.authorizationHeader()), authorization);
        QCOMPARE(o.timeoutMs, timeoutMs);
        QCOMPARE(o.maxRetries, retries);
        QCOMPARE(o.insecureTls, insecure);
        QCOMPARE(o.backoffFactor, 2.0);
        QCOMPARE(o.backoffJitter, 1.0);
    }

    void versionFilter()
    {
        QCOMPARE(md::MlflowRestSource::versionFilter(u"car_price_model"_s), u"name='car_price_model'"_s);
        QCOMPARE(md::MlflowRestSource::versionFilter(u"Ann's model"_s), u"name=\"Ann's model\""_s);
        QCOMPARE(md::MlflowRestSource::versionFilter(u"a'b\"c"_s), u"name LIKE 'a_b_c'"_s);
    }

    void createSourceForHttp()
    {
        auto s = md::createSource(u"http://ann:hunter2@127.0.0.1:5000/"_s);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE((*s)->kind(), md::SourceKind::TrackingServer);
        QCOMPARE((*s)->uri(), u"http://127.0.0.1:5000"_s);
        auto t = md::createSource(u"https://mlflow.example.com/prefix/"_s);
        QVERIFY(t);
        QCOMPARE((*t)->uri(), u"https://mlflow.example.com/prefix"_s);
    }

    void openChecksTheServer()
    {
        auto src = source();
        QCOMPARE(src.uri(), m_server.url().toString());
        const md::Status s = src.open();
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(requests(m_server.stats(), u"GET /api/2.0/mlflow/experiments/search"_s), 1);
    }

    void fullRead()
    {
        auto src = source();
        CollectingSink sink;
        QElapsedTimer t;
        t.start();
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        qInfo("full read: %lld ms, %lld bytes", t.elapsed(), sink.bytes);
        QVERIFY(!sink.incomplete);
        QCOMPARE(sink.expected, 209);
        checkFullRead(sink);
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, kExperimentsSearch), 1);
        // A page per experiment; the sweep's 200 runs take three (100, 100 and an empty last one,
        // MlflowRestSource::runsPageSize).
        QCOMPARE(requests(stats, kRunsSearch), kFullReadRunPages);
        // Unfiltered, and filtered on the prompt tag (MLflow 3 hides prompts otherwise): none here.
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/registered-models/search"_s), 2);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/model-versions/search"_s), 3);
        // MLflow 2.10.2 has no LoggedModels: one 404, no problem (checkFullRead), no error.
        QCOMPARE(requests(stats, u"POST /api/2.0/mlflow/logged-models/search"_s), 1);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 0);
    }

    void readHistories()
    {
        auto src = source();
        const QString run1000 = m_ids.value(u"RUN_1000"_s).toString();
        const QString nanRun = m_ids.value(u"RUN_NAN"_s).toString();
        const QList<md::SeriesKey> keys = { { run1000, u"loss"_s }, { nanRun, u"loss"_s },
            { run1000, u"no_such_metric"_s }, { u"0000000000000000000000000000dead"_s, u"loss"_s } };
        auto got = src.readHistories(keys, m_noCancel);
        QVERIFY2(got, qPrintable(got.ok() ? QString() : got.error().toString()));
        QCOMPARE(got->size(), 4);

        const QJsonObject rec = readJson(md::test::dataPath(u"rest/036_metrics_get_history_1000.json"_s));
        const QJsonArray expected = QJsonDocument::fromJson(rec.value(u"response_body"_s).toString().toUtf8())
                                        .object()
                                        .value(u"metrics"_s)
                                        .toArray();
        QCOMPARE(expected.size(), 1000);
        const QList<md::MetricPoint> points = got->value(keys[0]);
        QCOMPARE(points.size(), 1000);
        for (int i = 0; i < 1000; ++i) {
            const QJsonObject e = expected[i].toObject();
            QCOMPARE(points[i].key, u"loss"_s);
            QCOMPARE(points[i].value, e.value(u"value"_s).toDouble());
            QCOMPARE(points[i].timestamp, qint64(e.value(u"timestamp"_s).toDouble()));
            QCOMPARE(points[i].step, qint64(e.value(u"step"_s).toInt()));
        }
        QVERIFY(std::isnan(got->value(keys[1]).last().value));
        QVERIFY(got->value(keys[2]).isEmpty());
        QVERIFY(got->value(keys[3]).isEmpty());
        // The three series of loss were asked for together first. Flask writes that answer's NaN
        // bare, which is not JSON, so each was asked for again alone, like no_such_metric.
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, kBulkHistory), 1);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 4);
    }

    /// A key's series of several runs come in one get-history-bulk answer per 20 runs, with the
    /// same points as get-history gives one by one; a server that refuses the endpoint gets
    /// get-history for each.
    void historiesOfAKeyAskedTogether()
    {
        qsizetype distinct = 0;
        const QList<md::SeriesKey> keys = allSeries(&distinct);
        auto src = source();
        // The UI's endpoint refused (404), as a proxy that passes only /api/ would.
        QVERIFY(
            m_server.setFaults(QJsonObject { { u"status"_s, QJsonObject { { u"code"_s, 404 }, { u"count"_s, 1000 } } },
                { u"paths"_s, QJsonArray { u"get-history-bulk"_s } } }));
        QVERIFY(m_server.resetStats());
        auto alone = src.readHistories(keys, m_noCancel);
        QVERIFY2(alone, qPrintable(alone.ok() ? QString() : alone.error().toString()));
        QVERIFY(m_server.resetFaults());
        QJsonObject stats = m_server.stats();
        // 12 keys of 2 to 209 runs: 53 answers of at most 20 runs, all refused.
        QCOMPARE(requests(stats, kBulkHistory), 53);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 916);

        QVERIFY(m_server.resetStats());
        auto together = src.readHistories(keys, m_noCancel);
        QVERIFY2(together, qPrintable(together.ok() ? QString() : together.error().toString()));
        QCOMPARE(together->size(), alone->size());
        qint64 points = 0;
        for (auto it = alone->cbegin(); it != alone->cend(); ++it) {
            QVERIFY2(
                samePoints(together->value(it.key()), it.value()), qPrintable(it.key().runId + u'/' + it.key().key));
            points += it.value().size();
        }
        QCOMPARE(points, 32361);
        stats = m_server.stats();
        QCOMPARE(requests(stats, kBulkHistory), 53);
        // Asked again alone: the 180 series of the answers with a NaN (loss) and no_such_metric.
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 181);

        // A proxy's HTML page (200, text/html) instead of the answers: each series asked alone.
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"wrong_content_type"_s, 1000 }, { u"paths"_s, QJsonArray { u"get-history-bulk"_s } } }));
        QVERIFY(m_server.resetStats());
        auto behindProxy = src.readHistories(keys, m_noCancel);
        QVERIFY(m_server.resetFaults());
        QVERIFY2(behindProxy, qPrintable(behindProxy.ok() ? QString() : behindProxy.error().toString()));
        QCOMPARE(behindProxy->size(), alone->size());
        for (auto it = alone->cbegin(); it != alone->cend(); ++it)
            QVERIFY2(
                samePoints(behindProxy->value(it.key()), it.value()), qPrintable(it.key().runId + u'/' + it.key().key));
        stats = m_server.stats();
        QCOMPARE(requests(stats, kBulkHistory), 53);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 916);
    }

    /// get-history-bulk stops at 25,000 points without a page token: an answer that may have been
    /// cut is not used, and its series are asked for alone, whole.
    void historiesOfAKeyPastTheBulkCap()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"big.db"_s);
        QProcess gen;
        gen.start(u"python3"_s,
            { QStringLiteral(MD_TEST_SERVER_SCRIPT), u"--generate"_s, u"3,1,0,9000"_s, u"--db"_s, db,
                u"--schema-from"_s, md::test::dataPath(u"mlflow.db"_s) });
        QVERIFY(gen.waitForFinished(120000));
        QCOMPARE(gen.exitCode(), 0);
        md::test::TestServer server;
        QVERIFY(server.start(db));
        md::MlflowRestSource src(server.url(), fastOptions());
        CollectingSink sink;
        const md::Status read = src.readAll(sink, m_noCancel);
        QVERIFY2(read, qPrintable(read.ok() ? QString() : read.error().toString()));
        QList<md::SeriesKey> keys;
        for (const auto &r : sink.runs)
            for (const auto &m : r.latestMetrics)
                keys.append({ r.runId, m.key });
        QCOMPARE(keys.size(), 3);
        QVERIFY(server.resetStats());
        auto got = src.readHistories(keys, m_noCancel);
        QVERIFY2(got, qPrintable(got.ok() ? QString() : got.error().toString()));
        for (const md::SeriesKey &k : keys) {
            const QList<md::MetricPoint> points = got->value(k);
            QCOMPARE(points.size(), 9000);
            QCOMPARE(points.first().step, 0);
            QCOMPARE(points.last().step, 8999);
        }
        const QJsonObject stats = server.stats();
        QCOMPARE(requests(stats, kBulkHistory), 1);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 3);
    }

    void syncWithHistories()
    {
        auto src = source();
        CollectingSink sink;
        md::SyncState state;
        state.histories = true;
        QElapsedTimer t;
        t.start();
        const md::Status s = src.readChanges(sink, state, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        qInfo("read with histories: %lld ms", t.elapsed());
        QCOMPARE(sink.runs.size(), 209);
        qint64 points = 0;
        for (const auto &r : sink.runs) {
            QVERIFY(r.hasHistory);
            points += r.history.size();
        }
        QCOMPARE(points, 32361);
        // Each page's runs' series of a key together, the answers with a NaN (loss) again alone.
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, kBulkHistory), 59);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), 180);
    }

    /// Every series of the fixture server (the 915 of syncWithHistories), one asked twice, one the
    /// server does not have; `distinct` gets how many different series that is.
    QList<md::SeriesKey> allSeries(qsizetype *distinct)
    {
        CollectingSink sink;
        const md::Status s = source().readAll(sink, m_noCancel);
        if (!s)
            return {};
        QList<md::SeriesKey> keys;
        for (const auto &r : sink.runs)
            for (const auto &m : r.latestMetrics)
                keys.append({ r.runId, m.key });
        *distinct = keys.size() + 1;
        keys.append(keys.first());
        keys.append({ m_ids.value(u"RUN_1000"_s).toString(), u"no_such_metric"_s });
        return keys;
    }

    /// Rows for the two streaming ways: on the calling thread, and in bulk (a thread of the
    /// call's own fetches and scans while the calling thread takes the series).
    static void bulkOrNot()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("calling thread") << false;
        QTest::newRow("bulk") << true;
    }
    static md::Status streamHistories(md::MlflowRestSource &src, bool bulk, const QList<md::SeriesKey> &keys,
        const md::Source::SeriesFn &onSeries, const std::atomic_bool &cancel)
    {
        return bulk ? src.readHistoriesInBulk(keys, onSeries, cancel) : src.readHistories(keys, onSeries, cancel);
    }

    void readHistoriesStreaming_data() { bulkOrNot(); }
    void readHistoriesStreaming()
    {
        QFETCH(bool, bulk);
        qsizetype distinct = 0;
        const QList<md::SeriesKey> keys = allSeries(&distinct);
        QCOMPARE(distinct, 916);
        auto src = source();
        auto whole = src.readHistories(keys, m_noCancel);
        QVERIFY2(whole, qPrintable(whole.ok() ? QString() : whole.error().toString()));
        QCOMPARE(whole->size(), 916);
        QVERIFY(m_server.resetStats());

        QHash<md::SeriesKey, int> calls;
        qint64 points = 0;
        const md::Status s = streamHistories(
            src, bulk, keys,
            [&](const md::SeriesKey &k, QList<md::MetricPoint> &&got) -> md::Status {
                ++calls[k];
                points += got.size();
                if (!samePoints(got, whole->value(k)))
                    return md::makeError(ErrorCategory::Internal, u"different points"_s, k.runId + u'/' + k.key);
                return {};
            },
            m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(calls.size(), 916);
        for (auto it = calls.cbegin(); it != calls.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key().runId + u'/' + it.key().key));
        QCOMPARE(points, 32361);
        QCOMPARE(calls.value({ m_ids.value(u"RUN_1000"_s).toString(), u"no_such_metric"_s }), 1);
        QVERIFY(whole->value({ m_ids.value(u"RUN_1000"_s).toString(), u"no_such_metric"_s }).isEmpty());
        // Fetched once each, also the series asked for twice: in bulk (sync --histories), every
        // series alone; else a key's series together, the answers with a NaN again alone.
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, kBulkHistory), bulk ? 0 : 53);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/metrics/get-history"_s), bulk ? 916 : 181);
    }

    void readHistoriesStreamingCancel_data() { bulkOrNot(); }
    void readHistoriesStreamingCancel()
    {
        QFETCH(bool, bulk);
        qsizetype distinct = 0;
        const QList<md::SeriesKey> keys = allSeries(&distinct);
        auto src = source();
        auto whole = src.readHistories(keys, m_noCancel);
        QVERIFY(whole);

        // Cancel after the tenth series, as a user would while they arrive.
        std::atomic_bool cancel { false };
        QHash<md::SeriesKey, QList<md::MetricPoint>> delivered;
        const md::Status s = streamHistories(
            src, bulk, keys,
            [&](const md::SeriesKey &k, QList<md::MetricPoint> &&got) -> md::Status {
                if (delivered.contains(k))
                    return md::makeError(ErrorCategory::Internal, u"delivered twice"_s, k.runId + u'/' + k.key);
                delivered.insert(k, std::move(got));
                if (delivered.size() == 10)
                    cancel = true;
                return {};
            },
            cancel);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Cancelled);
        QVERIFY2(s.error().where.contains(m_server.url().toString()), qPrintable(s.error().where));
        QCOMPARE(delivered.size(), 10);
        qint64 points = 0;
        for (auto it = delivered.cbegin(); it != delivered.cend(); ++it) {
            QVERIFY(samePoints(it.value(), whole->value(it.key()))); // whole, not cut short
            points += it.value().size();
        }
        QVERIFY(points >= 10); // none empty

        // A failing receiver stops the read the same way, with its own error.
        int seen = 0;
        const md::Status failed = streamHistories(
            src, bulk, keys,
            [&](const md::SeriesKey &, QList<md::MetricPoint> &&) -> md::Status {
                if (++seen == 3)
                    return md::makeError(ErrorCategory::Storage, u"disk full"_s, u"cache.sqlite"_s);
                return {};
            },
            m_noCancel);
        QVERIFY(!failed);
        QCOMPARE(failed.error().category, ErrorCategory::Storage);
        QCOMPARE(seen, 3);
    }

    void incremental()
    {
        md::test::TestServer server; // its own copy: this test changes the database
        QVERIFY(server.start());
        md::MlflowRestSource src(server.url(), fastOptions());

        const qint64 firstSync = QDateTime::currentMSecsSinceEpoch();
        CollectingSink full;
        QVERIFY(src.readAll(full, m_noCancel));
        QCOMPARE(full.runs.size(), 209);
        const qint64 fullBytes = server.stats().value(u"bytes_sent"_s).toInteger();

        // Nothing changed: only the runs still RUNNING come again.
        QVERIFY(server.resetStats());
        CollectingSink same;
        md::Status s = src.readChanges(same, stateFrom(full, firstSync), m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QVERIFY(same.incomplete);
        QCOMPARE(same.experiments.size(), 5);
        QCOMPARE(same.models.size(), 3);
        QVERIFY(same.runs.size() <= 4);
        for (const auto &r : same.runs)
            QCOMPARE(r.status, u"RUNNING"_s);
        QJsonObject stats = server.stats();
        QCOMPARE(requests(stats, kRunsSearch), 4); // 4 bounded searches, each of all 5 experiments
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/runs/get"_s), 0);
        const qint64 incBytes = stats.value(u"bytes_sent"_s).toInteger();
        qInfo("full read %lld bytes, unchanged incremental read %lld bytes", fullBytes, incBytes);
        QVERIFY(incBytes * 5 < fullBytes);

        // A new run.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray newId = "feedfacefeedfacefeedfacefeedface";
        QVERIFY(execSql(server.dbPath(),
            "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, "
            "start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('"
                + newId + "', 'fresh run', 'LOCAL', 'x.py', '', 'ann', 'FINISHED', " + QByteArray::number(now) + ", "
                + QByteArray::number(now + 1000) + ", '', 'active', 'mlflow-artifacts:/2/" + newId
                + "/artifacts', 2);"
                  "INSERT INTO params (key, value, run_uuid) VALUES ('lr', '0.5', '"
                + newId + "');"));
        CollectingSink added;
        s = src.readChanges(added, stateFrom(full, firstSync), m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QSet<QString> fresh;
        for (const auto &r : added.runs)
            if (r.status != u"RUNNING"_s)
                fresh.insert(r.runId);
        QCOMPARE(fresh, QSet<QString> { QString::fromLatin1(newId) });
        const md::Run *n = added.run(QString::fromLatin1(newId));
        QCOMPARE(n->runName, u"fresh run"_s);
        QCOMPARE(n->experimentId, u"2"_s);
        QCOMPARE(n->params, (QList<md::KeyValue> { { u"lr"_s, u"0.5"_s } }));
        // The searches name every experiment, yet each run comes after its own experiment.
        QString current;
        int runsChecked = 0;
        for (const QString &item : std::as_const(added.order)) {
            if (item.startsWith(u"E:"_s))
                current = item.mid(2);
            if (!item.startsWith(u"R:"_s))
                continue;
            QCOMPARE(added.run(item.mid(2))->experimentId, current);
            ++runsChecked;
        }
        QCOMPARE(runsChecked, added.runs.size());
        QCOMPARE(added.experiments.size(), 5);

        // A deleted run is reported deleted.
        const QString car0 = m_ids.value(u"CAR_RUNS"_s).toArray()[0].toString();
        QVERIFY(execSql(server.dbPath(),
            "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = " + QByteArray::number(now)
                + " WHERE run_uuid = '" + car0.toLatin1() + "'"));
        CollectingSink deleted;
        QVERIFY(src.readChanges(deleted, stateFrom(full, firstSync), m_noCancel));
        QVERIFY(deleted.run(car0));
        QCOMPARE(deleted.run(car0)->lifecycleStage, md::kDeleted);
        QCOMPARE(deleted.run(car0)->status, u"FINISHED"_s);

        // ... and restored: the cache holds it deleted, the server active again → runs/get.
        md::SyncState state = stateFrom(deleted, firstSync);
        for (const auto &r : full.runs)
            if (!state.runs.contains(r.runId))
                state.runs.insert(r.runId, { r.status, r.lifecycleStage });
        state.runs.insert(car0, { u"FINISHED"_s, md::kDeleted });
        QVERIFY(execSql(server.dbPath(),
            "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL "
            "WHERE run_uuid = '"
                + car0.toLatin1() + "'"));
        QVERIFY(server.resetStats());
        CollectingSink restored;
        QVERIFY(src.readChanges(restored, state, m_noCancel));
        QVERIFY(restored.run(car0));
        QCOMPARE(restored.run(car0)->lifecycleStage, md::kActive);
        QCOMPARE(requests(server.stats(), u"GET /api/2.0/mlflow/runs/get"_s), 1);

        // A full sync reads everything even with a state.
        md::SyncState fullState = stateFrom(full, firstSync);
        fullState.full = true;
        CollectingSink again;
        QVERIFY(src.readChanges(again, fullState, m_noCancel));
        QCOMPARE(again.runs.size(), 210);
        QVERIFY(!again.incomplete);
    }

    void awkwardNames()
    {
        // Names that need URL encoding or defeat MLflow's quote-less filter syntax.
        md::test::TestServer server;
        QVERIFY(server.start());
        const QStringList names = { u"a+b&c=d %"_s, u"Ann's model"_s, u"both'\"quotes"_s, u"both__quotes"_s };
        QByteArray sql;
        int n = 0;
        for (const QString &name : names) {
            QByteArray quoted = name.toUtf8();
            quoted.replace("'", "''");
            sql += "INSERT INTO registered_models (name, creation_time, last_updated_time, description) VALUES ('"
                + quoted + "', 1, 1, '');";
            ++n; // 1, 2, 3, 4 versions: each model is told apart by its count
            for (int v = 1; v <= n; ++v)
                sql += "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, "
                       "user_id, "
                       "current_stage, source, run_id, status, status_message, run_link, storage_location) VALUES ('"
                    + quoted + "', " + QByteArray::number(v)
                    + ", 1, 1, '', 'ann', 'None', 's', '', 'READY', '', '', '');";
        }
        const QString run1000 = m_ids.value(u"RUN_1000"_s).toString();
        const QString key = u"a+b&c=d/é %"_s;
        sql += "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ('" + key.toUtf8()
            + "', 1.5, 7, '" + run1000.toLatin1() + "', 3, 0);";
        QVERIFY(execSql(server.dbPath(), sql));

        md::MlflowRestSource src(server.url(), fastOptions());
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(sink.models.size(), 3 + names.size());
        for (int i = 0; i < names.size(); ++i) {
            const md::RegisteredModel *m = nullptr;
            for (const auto &x : sink.models)
                if (x.name == names[i])
                    m = &x;
            QVERIFY2(m, qPrintable(names[i]));
            QCOMPARE(m->versions.size(), i + 1);
            for (const auto &v : m->versions)
                QCOMPARE(v.name, names[i]);
        }

        auto got = src.readHistories({ { run1000, key } }, m_noCancel);
        QVERIFY(got);
        QCOMPARE(got->value({ run1000, key }), (QList<md::MetricPoint> { { key, 1.5, 7, 3 } }));
    }

    // ---- faults ----

    void retriesOn503()
    {
        QVERIFY(m_server.setFaults(QJsonObject { { u"status"_s, QJsonObject { { u"code"_s, 503 }, { u"count"_s, 2 } } },
            { u"paths"_s, QJsonArray { u"runs/search"_s } } }));
        auto src = source();
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        checkFullRead(sink);
        QCOMPARE(requests(m_server.stats(), kRunsSearch), kFullReadRunPages + 2);
    }

    void retryAfterIsHonoured()
    {
        QVERIFY(m_server.setFaults(QJsonObject {
            { u"status"_s, QJsonObject { { u"code"_s, 429 }, { u"count"_s, 1 }, { u"retry_after"_s, 1 } } } }));
        auto src = source();
        QElapsedTimer t;
        t.start();
        const md::Status s = src.open();
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QVERIFY2(t.elapsed() >= 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(requests(m_server.stats(), u"GET /api/2.0/mlflow/experiments/search"_s), 2);
    }

    void retriesExhausted()
    {
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"status"_s, QJsonObject { { u"code"_s, 500 }, { u"count"_s, 100 } } } }));
        md::RestOptions o = fastOptions();
        o.maxRetries = 2;
        auto src = source(o);
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Network);
        QVERIFY2(s.error().message.contains(u"500"_s), qPrintable(s.error().message));
        QVERIFY2(s.error().where.contains(u"experiments/search"_s), qPrintable(s.error().where));
        QCOMPARE(requests(m_server.stats(), kExperimentsSearch), 3);
    }

    void droppedMidBody()
    {
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"drop_mid_body"_s, 1 }, { u"paths"_s, QJsonArray { u"runs/search"_s } } }));
        auto src = source();
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        checkFullRead(sink);
        QCOMPARE(requests(m_server.stats(), kRunsSearch), kFullReadRunPages + 1);

        // Dropped every time: the error, once the retries are spent.
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"drop_mid_body"_s, 1000 }, { u"paths"_s, QJsonArray { u"runs/search"_s } } }));
        md::RestOptions o = fastOptions();
        o.maxRetries = 1;
        CollectingSink failed;
        const md::Status f = source(o).readAll(failed, m_noCancel);
        QVERIFY(!f);
        QCOMPARE(f.error().category, ErrorCategory::Network);
        QVERIFY2(f.error().where.contains(u"/api/2.0/mlflow/runs/search"_s), qPrintable(f.error().where));
        QVERIFY2(f.error().message.contains(u"2 attempts"_s), qPrintable(f.error().message));
    }

    void truncatedJson()
    {
        QVERIFY(m_server.setFaults(QJsonObject {
            { u"truncate_json"_s, 1000 }, { u"paths"_s, QJsonArray { u"registered-models/search"_s } } }));
        auto src = source();
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::BadInput);
        QVERIFY2(s.error().message.contains(u"malformed JSON"_s), qPrintable(s.error().message));
        QVERIFY2(s.error().where.startsWith(m_server.url().toString() + u"/api/2.0/mlflow/registered-models/search"_s),
            qPrintable(s.error().where));
        QCOMPARE(sink.runs.size(), 209); // what came before was delivered
        QCOMPARE(sink.models.size(), 0);
    }

    void wrongContentType()
    {
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"wrong_content_type"_s, 1000 }, { u"paths"_s, QJsonArray { u"runs/search"_s } } }));
        auto src = source();
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::BadInput);
        QVERIFY2(s.error().message.contains(u"text/html"_s), qPrintable(s.error().message));
        QVERIFY2(s.error().where.contains(u"/api/2.0/mlflow/runs/search"_s), qPrintable(s.error().where));

        // open() on a server that answers with a web page: not an MLflow server.
        QVERIFY(m_server.setFaults(QJsonObject { { u"wrong_content_type"_s, 1000 } }));
        const md::Status o = src.open();
        QVERIFY(!o);
        QCOMPARE(o.error().category, ErrorCategory::BadInput);
        QVERIFY2(o.error().message.contains(u"not an MLflow tracking server"_s), qPrintable(o.error().message));
        QVERIFY2(o.error().toString().contains(m_server.url().toString()), qPrintable(o.error().toString()));
    }

    void notAnMlflowServer()
    {
        // A 404 page under /api/2.0/mlflow: e.g. a plain web server at that URL.
        QUrl url = m_server.url();
        url.setPath(u"/no-such-prefix"_s);
        md::MlflowRestSource src(url, fastOptions());
        const md::Status s = src.open();
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::BadInput);
        QVERIFY2(s.error().message.contains(u"not an MLflow tracking server"_s), qPrintable(s.error().message));
        QVERIFY2(s.error().toString().contains(url.toString()), qPrintable(s.error().toString()));
    }

    void unauthorized()
    {
        QVERIFY(m_server.setFaults(QJsonObject { { u"require_token"_s, u"right-token"_s } }));
        const md::Status none = source().open();
        QVERIFY(!none);
        QCOMPARE(none.error().category, ErrorCategory::Auth);
        QVERIFY2(none.error().message.contains(u"sign in"_s), qPrintable(none.error().message));
        QVERIFY2(none.error().message.contains(m_server.url().toString()), qPrintable(none.error().message));

        md::RestOptions wrong = fastOptions();
        wrong.token = u"wrong-token"_s;
        const md::Status bad = source(wrong).open();
        QVERIFY(!bad);
        QCOMPARE(bad.error().category, ErrorCategory::Auth);
        QVERIFY(bad.error().message.contains(u"sign in"_s));
        QVERIFY(!bad.error().toString().contains(u"wrong-token"_s));

        md::RestOptions right = fastOptions();
        right.token = u"right-token"_s;
        const md::Status good = source(right).open();
        QVERIFY2(good, qPrintable(good.ok() ? QString() : good.error().toString()));

        // Basic credentials from the URL, through createSource().
        QVERIFY(m_server.setFaults(QJsonObject { { u"require_basic"_s, QJsonArray { u"ann"_s, u"p@ss:w"_s } } }));
        QUrl withUser = m_server.url();
        withUser.setUserName(u"ann"_s);
        withUser.setPassword(u"p@ss:w"_s);
        auto created = md::createSource(withUser.toString());
        QVERIFY(created);
        QVERIFY(!(*created)->uri().contains(u"ann"_s));
        const md::Status basic = (*created)->open();
        QVERIFY2(basic, qPrintable(basic.ok() ? QString() : basic.error().toString()));
    }

    /// The registry's and the LoggedModels' listings are asked for as soon as the last runs page
    /// is in, so that the server answers them while the last runs are written: the sink here
    /// holds the read's last run until the server has had those requests (5 s at most).
    void listingsAreAskedForWhileTheLastRunsAreWritten()
    {
        class HoldingSink : public CollectingSink {
        public:
            md::test::TestServer *server = nullptr;
            bool askedBeforeLastRunWritten = false;
            md::Status run(const md::Run &r) override
            {
                if (runs.size() + 1 == 209) {
                    QElapsedTimer clock;
                    clock.start();
                    while (!askedBeforeLastRunWritten && clock.elapsed() < 5000) {
                        const QJsonObject stats = server->stats();
                        askedBeforeLastRunWritten
                            = requests(stats, u"GET /api/2.0/mlflow/registered-models/search"_s) == 2
                            && requests(stats, u"POST /api/2.0/mlflow/logged-models/search"_s) == 1;
                        QThread::msleep(20);
                    }
                }
                return CollectingSink::run(r);
            }
        };
        auto src = source();
        HoldingSink sink;
        sink.server = &m_server;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QVERIFY(sink.askedBeforeLastRunWritten);
        checkFullRead(sink);
        // Asked once: the reader took the answers read ahead.
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/registered-models/search"_s), 2);
        QCOMPARE(requests(stats, u"POST /api/2.0/mlflow/logged-models/search"_s), 1);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/model-versions/search"_s), 3);
    }

    void forbidden()
    {
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"forbidden"_s, QJsonArray { u"/api/2.0/mlflow/registered-models/search"_s } } }));
        auto src = source();
        CollectingSink sink;
        const md::Status s = src.readAll(sink, m_noCancel);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Permission);
        QVERIFY2(s.error().message.contains(u"no permission for /api/2.0/mlflow/registered-models/search"_s),
            qPrintable(s.error().message));
        // The models' and the prompts' listings, read ahead together after the last runs page;
        // a 403 is not retried.
        QCOMPARE(requests(m_server.stats(), u"GET /api/2.0/mlflow/registered-models/search"_s), 2);
    }

    /// A POST (a runs/search page) is on its way while the server still works on it: what the
    /// full read's fetching thread waits for before it wakes the parser.
    void requestIsSentBeforeItsAnswer()
    {
        QVERIFY(m_server.setFaults(QJsonObject { { u"delay_ms"_s, 1500 } }));
        md::HttpClient client(m_server.url(), md::RestOptions {}, m_noCancel);
        md::HttpRequest r;
        r.method = "POST";
        r.path = u"api/2.0/mlflow/runs/search"_s;
        r.jsonBody = R"({"experiment_ids": ["0"], "max_results": 1})";
        QElapsedTimer clock;
        clock.start();
        const md::HttpClient::CallPtr call = client.start(r);
        QVERIFY(!md::HttpClient::isSent(call));
        QVERIFY(client.waitUntil([&] { return md::HttpClient::isSent(call); }));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!md::HttpClient::isFinished(call));
        const auto answer = client.wait(call);
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().toString()));
        QCOMPARE(answer->status, 200);
        QVERIFY(clock.elapsed() >= 1500);
        QVERIFY(md::HttpClient::isSent(call));
        QCOMPARE(requests(m_server.stats(), kRunsSearch), 1);
    }

    void cancelWhileWaiting()
    {
        QVERIFY(m_server.setFaults(QJsonObject { { u"delay_ms"_s, 5000 } }));
        std::atomic_bool cancel { false };
        md::Status result;
        QElapsedTimer sinceCancel;
        // On a worker thread, as the app does.
        std::unique_ptr<QThread> worker(QThread::create([&] {
            auto src = source();
            CollectingSink sink;
            result = src.readAll(sink, cancel);
        }));
        worker->start();
        QTest::qWait(300);
        QVERIFY(worker->isRunning());
        cancel = true;
        sinceCancel.start();
        QVERIFY(worker->wait(5000));
        qInfo("cancelled after %lld ms", sinceCancel.elapsed());
        QVERIFY(sinceCancel.elapsed() < 1000);
        QVERIFY(!result);
        QCOMPARE(result.error().category, ErrorCategory::Cancelled);

        // readHistories too.
        cancel = false;
        md::Result<QHash<md::SeriesKey, QList<md::MetricPoint>>> histories = md::makeError(ErrorCategory::Internal, {});
        std::unique_ptr<QThread> worker2(QThread::create([&] {
            histories = source().readHistories({ { m_ids.value(u"RUN_1000"_s).toString(), u"loss"_s } }, cancel);
        }));
        worker2->start();
        QTest::qWait(200);
        cancel = true;
        sinceCancel.start();
        QVERIFY(worker2->wait(5000));
        QVERIFY(sinceCancel.elapsed() < 1000);
        QVERIFY(!histories);
        QCOMPARE(histories.error().category, ErrorCategory::Cancelled);
    }

    void unreachable()
    {
        QTcpServer probe; // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
        md::MlflowRestSource src(url, fastOptions());
        QElapsedTimer t;
        t.start();
        const md::Status s = src.open();
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Network);
        QVERIFY2(s.error().message.contains(url.toString()), qPrintable(s.error().message));
        QVERIFY(t.elapsed() < 2000); // open() does not retry a refused connection

        CollectingSink sink;
        const md::Status r = src.readAll(sink, m_noCancel); // reads do retry, with fast backoff here
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Network);
        QVERIFY2(r.error().toString().contains(url.toString()), qPrintable(r.error().toString()));
        QVERIFY2(r.error().message.contains(u"6 attempts"_s), qPrintable(r.error().message));
    }

    void credentialsNeverLogged()
    {
        QLoggingCategory::setFilterRules(u"modeldesk.http.debug=true"_s);
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        g_previousHandler = qInstallMessageHandler(captureLog);
        QVERIFY(m_server.setFaults(QJsonObject { { u"require_token"_s, u"T0k3n-right"_s } }));

        md::RestOptions o = fastOptions();
        o.token = u"T0k3n-wrong"_s;
        const md::Status bad = source(o).open();
        o.token = u"T0k3n-right"_s;
        const md::Status good = source(o).open();
        md::RestOptions basic = fastOptions();
        basic.username = u"ann"_s;
        basic.password = u"hunter2"_s;
        const md::Status basicBad = source(basic).open();

        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(u"modeldesk.http.debug=false"_s);

        QVERIFY(!bad);
        QVERIFY(good);
        QVERIFY(!basicBad);
        const QByteArray basicB64 = QByteArray("ann:hunter2").toBase64();
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        QCOMPARE(log.size(), 3);
        for (const QString &line : std::as_const(log)) {
            QVERIFY2(line.contains(u"Authorization: <redacted>"_s), qPrintable(line));
            QVERIFY2(line.contains(u"/api/2.0/mlflow/experiments/search"_s), qPrintable(line));
            QVERIFY2(line.contains(u" ms"_s) && line.contains(u" bytes"_s), qPrintable(line));
        }
        QVERIFY(log[0].contains(u"-> 401"_s));
        QVERIFY(log[1].contains(u"-> 200"_s));
        for (const QString &text : log + QStringList { bad.error().toString(), basicBad.error().toString() }) {
            QVERIFY2(!text.contains(u"T0k3n"_s), qPrintable(text));
            QVERIFY2(!text.contains(u"hunter2"_s), qPrintable(text));
            QVERIFY2(!text.contains(QString::fromLatin1(basicB64)), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestRestSource)
#include "tst_restsource.moc"
