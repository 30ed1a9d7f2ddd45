// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowRestSource over real HTTP (127.0.0.1) against the test server answering as MLflow 3.6
// (TestServer::MlflowMajor::V3) on a copy of tests/data/mlflow3/mlflow.db. The expected numbers
// are MLflow's own (tests/data/mlflow3/FIXTURES.md, "Expected counts", and ids.json); histories
// are compared with the server's own get-history answers and the recorded pages 020–022.
// Issue #12, point 2 ("REST on MLflow 3").

#include "CollectingSink.h"
#include "TestServer.h"
#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/rest/MlflowRestSource.h"
#include "sources/rest/MlflowRestWriter.h"
#include "sources/rest/RestOptions.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>


#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;
using md::test::execSql;
using md::ErrorCategory;
using Major = md::test::TestServer::MlflowMajor;

namespace {

const QString kCar = u"car_price_model"_s;
const QString kChurn = u"churn_model_v3"_s;
const QString kPrompt = u"car_price_summary_prompt"_s;
const QString kPromptV2Text
    = u"You are a car pricing assistant. Explain the estimate {{price}} for a {{age}}-year-old car."_s;

using CollectingSink = md::test::CollectingSink;

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// The JSON answer of a recorded exchange of tests/data/mlflow3/rest/.
QJsonObject recordedAnswer(const QString &file)
{
    const QJsonObject rec = readJson(md::test::dataPath(u"mlflow3/rest/"_s + file));
    return QJsonDocument::fromJson(rec.value(u"response_body"_s).toString().toUtf8()).object();
}

QList<md::MetricPoint> pointsOf(const QJsonArray &metrics)
{
    QList<md::MetricPoint> out;
    for (const auto &v : metrics) {
        const QJsonObject m = v.toObject();
        out.append(md::MetricPoint { m.value(u"key"_s).toString(), m.value(u"value"_s).toDouble(),
            qint64(m.value(u"timestamp"_s).toDouble()), qint64(m.value(u"step"_s).toDouble()) });
    }
    return out;
}

/// The points in the order readHistories() promises: by step, then timestamp (stable).
QList<md::MetricPoint> byStep(QList<md::MetricPoint> points)
{
    std::stable_sort(points.begin(), points.end(), [](const md::MetricPoint &a, const md::MetricPoint &b) {
        return a.step != b.step ? a.step < b.step : a.timestamp < b.timestamp;
    });
    return points;
}

bool samePoints(const QList<md::MetricPoint> &a, const QList<md::MetricPoint> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key || a[i].value != b[i].value || a[i].timestamp != b[i].timestamp
            || a[i].step != b[i].step)
            return false;
    return true;
}

int requests(const QJsonObject &stats, const QString &key)
{
    return stats.value(u"requests"_s).toObject().value(key).toInt();
}

md::RestOptions fastOptions()
{
    md::RestOptions o;
    o.backoffBaseMs = 10;
    o.timeoutMs = 20'000;
    return o;
}

QString tagValue(const QList<md::KeyValue> &tags, const QString &key)
{
    for (const auto &t : tags)
        if (t.key == key)
            return t.value;
    return {};
}

QStringList versionsAndStages(const md::RegisteredModel &m)
{
    QStringList out;
    for (const auto &v : m.versions)
        out.append(u"%1:%2"_s.arg(v.version).arg(v.currentStage));
    return out;
}

const QString kHistory = u"GET /api/2.0/mlflow/metrics/get-history"_s;
const QString kLoggedModelsSearch = u"POST /api/2.0/mlflow/logged-models/search"_s;
const QString kModelsSearch = u"GET /api/2.0/mlflow/registered-models/search"_s;
const QString kVersionsSearch = u"GET /api/2.0/mlflow/model-versions/search"_s;
const QString kVersionGet = u"GET /api/2.0/mlflow/model-versions/get"_s;

} // namespace

#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto &r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().toString()));                                           \
    } while (false)

class TestRestSource3 : public QObject {
    Q_OBJECT

private:
    md::test::TestServer m_server;
    QJsonObject m_ids; ///< ids.json "server_and_mlflow_db"
    std::atomic_bool m_noCancel { false };

    md::MlflowRestSource source() const { return md::MlflowRestSource(m_server.url(), fastOptions()); }

    QString id(const QString &key) const { return m_ids.value(key).toString(); }
    /// run id → LoggedModel id of the 6 LoggedModels of ids.json.
    QHash<QString, QString> modelOfRun() const
    {
        QHash<QString, QString> out;
        for (const QString &list : { u"models"_s, u"churn_models"_s })
            for (const auto &v : m_ids.value(list).toArray())
                out.insert(v.toObject().value(u"run_id"_s).toString(), v.toObject().value(u"model_id"_s).toString());
        return out;
    }

    /// Every field of two registered models, versions included.
    static void compareModels(const md::RegisteredModel &a, const md::RegisteredModel &b)
    {
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.creationTime, b.creationTime);
        QCOMPARE(a.lastUpdatedTime, b.lastUpdatedTime);
        QCOMPARE(a.description, b.description);
        QCOMPARE(a.tags, b.tags);
        QCOMPARE(a.aliases, b.aliases);
        QCOMPARE(a.isPrompt(), b.isPrompt());
        QCOMPARE(versionsAndStages(a), versionsAndStages(b));
        for (qsizetype i = 0; i < a.versions.size(); ++i) {
            const md::ModelVersion &x = a.versions[i], &y = b.versions[i];
            QCOMPARE(x.name, y.name);
            QCOMPARE(x.version, y.version);
            QCOMPARE(x.creationTime, y.creationTime);
            QCOMPARE(x.lastUpdatedTime, y.lastUpdatedTime);
            QCOMPARE(x.description, y.description);
            QCOMPARE(x.userId, y.userId);
            QCOMPARE(x.source, y.source);
            QCOMPARE(x.runId, y.runId);
            QCOMPARE(x.status, y.status);
            QCOMPARE(x.statusMessage, y.statusMessage);
            QCOMPARE(x.runLink, y.runLink);
            QCOMPARE(x.modelId, y.modelId);
            QCOMPARE(x.tags, y.tags);
            QCOMPARE(x.aliases, y.aliases);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.startAs(Major::V3));
        m_ids = readJson(md::test::dataPath(u"mlflow3/ids.json"_s)).value(u"server_and_mlflow_db"_s).toObject();
        QCOMPARE(m_ids.value(u"runs"_s).toArray().size(), 20);
    }

    void init() { QVERIFY(m_server.resetStats()); }

    void cleanupTestCase() { m_server.stop(); }

    void fullRead()
    {
        CollectingSink sink;
        REQUIRE_OK(source().readAll(sink, m_noCancel));
        QVERIFY2(sink.problems.isEmpty(), qPrintable(sink.problemsText()));
        QVERIFY(!sink.incomplete);

        // Experiments: 0 Default, 1 car_price_v3, 2 churn_v3.
        QStringList experiments;
        int experimentTags = 0;
        for (const auto &e : sink.experiments) {
            experiments.append(e.experimentId + u':' + e.name + u':' + e.lifecycleStage);
            experimentTags += int(e.tags.size());
        }
        QCOMPARE(
            experiments, (QStringList { u"0:Default:active"_s, u"1:car_price_v3:active"_s, u"2:churn_v3:active"_s }));
        QCOMPARE(experimentTags, 3);

        // Runs: 27, the deleted one included.
        QCOMPARE(sink.runs.size(), 27);
        QHash<QString, int> perExperiment, status;
        qint64 latest = 0, params = 0, tags = 0, datasetInputs = 0;
        for (const auto &r : sink.runs) {
            perExperiment[r.experimentId]++;
            status[r.status]++;
            latest += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
            datasetInputs += r.inputs.size();
        }
        QCOMPARE(perExperiment.value(u"1"_s), 24);
        QCOMPARE(perExperiment.value(u"2"_s), 3);
        QCOMPARE(status.value(u"FINISHED"_s), 26);
        QCOMPARE(status.value(u"RUNNING"_s), 1);
        QCOMPARE(latest, 51);
        QCOMPARE(params, 75);
        QCOMPARE(tags, 167);
        QCOMPARE(datasetInputs, 3);
        const md::Run *deleted = sink.runById(id(u"deleted_run_id"_s));
        QVERIFY(deleted);
        QCOMPARE(deleted->lifecycleStage, md::kDeleted);
        QCOMPARE(deleted->runName, u"scratch-deleted"_s);
        const md::Run *child = sink.runById(id(u"nested_run_id"_s));
        QVERIFY(child);
        QCOMPARE(child->parentRunId(), id(u"nested_parent_run_id"_s));
        const md::Run *running = sink.runById(id(u"running_run_id"_s));
        QVERIFY(running);
        QCOMPARE(running->status, u"RUNNING"_s);
        QVERIFY(!running->endTime);

        // Each of the 6 runs that logged a model has it as its output, at step 0; runs/search
        // leaves model_inputs out (runs/get has them: runGetHasModelInputs).
        const QHash<QString, QString> models = modelOfRun();
        QCOMPARE(models.size(), 6);
        int withOutputs = 0;
        for (const auto &r : sink.runs) {
            QVERIFY2(r.modelInputs.isEmpty(), qPrintable(r.runId));
            if (r.modelOutputs.isEmpty())
                continue;
            ++withOutputs;
            QVERIFY2(models.contains(r.runId), qPrintable(r.runId));
            QCOMPARE(r.modelOutputs, (QList<md::ModelIo> { { models.value(r.runId), 0 } }));
        }
        QCOMPARE(withOutputs, 6);
        const md::Run *gbr04 = sink.runById(m_ids.value(u"runs"_s).toArray()[4].toString());
        QVERIFY(gbr04);
        QCOMPARE(gbr04->runName, u"gbr-04"_s);
        QCOMPARE(gbr04->inputs.size(), 1);
        QCOMPARE(gbr04->inputs[0].name, u"cars_synth_v1_val"_s);
        QCOMPARE(gbr04->inputs[0].digest, u"bc79217c"_s);
        QCOMPARE(gbr04->inputs[0].context, u"validation"_s);

        // LoggedModels: 6, by experiment and then age, each after every run.
        QStringList ids;
        for (const auto &m : sink.loggedModels)
            ids.append(m.modelId);
        QStringList expectedIds;
        for (const QString &list : { u"models"_s, u"churn_models"_s })
            for (const auto &v : m_ids.value(list).toArray())
                expectedIds.append(v.toObject().value(u"model_id"_s).toString());
        QCOMPARE(ids, expectedIds);
        int metrics = 0, datasetLinked = 0;
        for (const auto &m : sink.loggedModels) {
            QCOMPARE(m.name, u"model"_s);
            QCOMPARE(m.status, u"READY"_s);
            QCOMPARE(m.lifecycleStage, md::kActive);
            QCOMPARE(m.sourceRunId, models.key(m.modelId));
            QCOMPARE(m.artifactLocation, u"mlflow-artifacts:/%1/models/%2/artifacts"_s.arg(m.experimentId, m.modelId));
            QVERIFY(m.creationTime > 1796404000000);
            QVERIFY(m.lastUpdatedTime >= m.creationTime);
            QVERIFY(!tagValue(m.tags, u"mlflow.user"_s).isEmpty());
            metrics += int(m.metrics.size());
            for (const auto &x : m.metrics) {
                QCOMPARE(x.runId, m.sourceRunId);
                datasetLinked += !x.datasetName.isEmpty();
            }
            // (QStringList's indexOf() wants the whole entry to match)
            QVERIFY(sink.order.indexOf(u"L:"_s + m.modelId) > sink.order.lastIndexOf(QRegularExpression(u"R:.*"_s)));
            QVERIFY(sink.order.indexOf(u"L:"_s + m.modelId) < sink.order.indexOf(QRegularExpression(u"M:.*"_s)));
        }
        QCOMPARE(metrics, 12);
        QCOMPARE(datasetLinked, 3);
        const QJsonObject first = m_ids.value(u"models"_s).toArray()[0].toObject();
        const md::LoggedModel *lm = sink.loggedModelById(first.value(u"model_id"_s).toString());
        QVERIFY(lm);
        QCOMPARE(lm->experimentId, u"1"_s);
        QCOMPARE(lm->artifactLocation, first.value(u"artifact_path"_s).toString());
        QCOMPARE(lm->params,
            (QList<md::KeyValue> {
                { u"learning_rate"_s, u"0.05"_s }, { u"max_depth"_s, u"2"_s }, { u"n_estimators"_s, u"300"_s } }));
        QCOMPARE(tagValue(lm->tags, u"trained_on"_s), u"cars_synth_v1"_s);
        // The registrations as MLflow 3 keeps them: a version twice, once as a string (file 050).
        QCOMPARE(tagValue(lm->tags, u"mlflow.modelVersions"_s),
            uR"([{"name": "car_price_model", "version": 1}, {"name": "car_price_model", "version": "1"}])"_s);
        QStringList keys;
        for (const auto &x : lm->metrics)
            keys.append(x.key);
        QCOMPARE(keys, (QStringList { u"holdout_rmse"_s, u"rmse"_s, u"val_r2_score"_s }));
        const md::LoggedModelMetric &holdout = lm->metrics[0];
        QCOMPARE(holdout.value, 2214.5668124290955);
        QCOMPARE(holdout.step, 0);
        QCOMPARE(holdout.timestamp, 1796404021339);
        QCOMPARE(holdout.runId, first.value(u"run_id"_s).toString());
        QCOMPARE(holdout.datasetName, u"cars_synth_v1_val"_s);
        QCOMPARE(holdout.datasetDigest, u"bc79217c"_s);
        QCOMPARE(lm->metrics[1].datasetName, QString());
        QCOMPARE(lm->metrics[1].step, 4);
        QCOMPARE(lm->metrics[2].value, 0.8085758649713842);

        // Registered models and the prompt, by name; the prompt told apart by its tag.
        QStringList names;
        int versions = 0, versionTags = 0, modelTags = 0;
        for (const auto &m : sink.models) {
            names.append(m.name);
            versions += int(m.versions.size());
            modelTags += int(m.tags.size());
            for (const auto &v : m.versions)
                versionTags += int(v.tags.size());
        }
        QCOMPARE(names, (QStringList { kCar, kPrompt, kChurn }));
        QCOMPARE(versions, 9);
        QCOMPARE(versionTags, 11);
        QCOMPARE(modelTags, 4);

        const md::RegisteredModel *car = sink.model(kCar);
        QVERIFY(car && !car->isPrompt());
        QCOMPARE(
            versionsAndStages(*car), (QStringList { u"1:Archived"_s, u"2:Production"_s, u"3:None"_s, u"4:None"_s }));
        QCOMPARE(car->aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
        QCOMPARE(car->versions[0].aliases, QStringList());
        QCOMPARE(car->versions[1].aliases, QStringList { u"champion"_s });
        QCOMPARE(car->versions[2].aliases, QStringList { u"challenger"_s });
        QCOMPARE(car->versions[3].aliases, QStringList());
        // A version's LoggedModel comes from its models:/ source; v4 points at run artifacts.
        QCOMPARE(
            car->versions[0].modelId, m_ids.value(u"models"_s).toArray()[0].toObject().value(u"model_id"_s).toString());
        QCOMPARE(
            car->versions[1].modelId, m_ids.value(u"models"_s).toArray()[1].toObject().value(u"model_id"_s).toString());
        QCOMPARE(
            car->versions[2].modelId, m_ids.value(u"models"_s).toArray()[2].toObject().value(u"model_id"_s).toString());
        QCOMPARE(car->versions[3].modelId, QString());
        QCOMPARE(car->versions[3].source, u"mlflow-artifacts:/1/%1/artifacts/model"_s.arg(id(u"legacy_run_id"_s)));
        QCOMPARE(tagValue(car->versions[1].tags, u"validation_status"_s), u"approved"_s);

        const md::RegisteredModel *churn = sink.model(kChurn);
        QVERIFY(churn && !churn->isPrompt());
        QCOMPARE(versionsAndStages(*churn), (QStringList { u"1:None"_s, u"2:None"_s, u"3:None"_s }));
        QCOMPARE(churn->aliases,
            (QList<md::ModelAlias> { { u"baseline"_s, 1 }, { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
        QCOMPARE(churn->versions[0].aliases, QStringList { u"baseline"_s });
        QCOMPARE(churn->versions[1].aliases, QStringList { u"champion"_s });
        QCOMPARE(churn->versions[2].aliases, QStringList { u"challenger"_s });
        for (const auto &v : churn->versions)
            QVERIFY2(v.modelId.startsWith(u"m-"_s), qPrintable(v.modelId));

        const md::RegisteredModel *prompt = sink.model(kPrompt);
        QVERIFY(prompt);
        QVERIFY(prompt->isPrompt());
        QCOMPARE(prompt->description, u"initial prompt"_s);
        QCOMPARE(versionsAndStages(*prompt), (QStringList { u"1:None"_s, u"2:None"_s }));
        QCOMPARE(prompt->aliases, (QList<md::ModelAlias> { { u"production"_s, 2 } }));
        QCOMPARE(prompt->versions[1].aliases, QStringList { u"production"_s });
        QCOMPARE(prompt->versions[0].aliases, QStringList());
        QCOMPARE(tagValue(prompt->versions[1].tags, md::kPromptTextTag), kPromptV2Text);
        QCOMPARE(tagValue(prompt->versions[1].tags, md::kPromptTag), u"true"_s);
        QCOMPARE(prompt->versions[1].source, u"dummy-source"_s);
        QCOMPARE(prompt->versions[1].modelId, QString());

        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, kLoggedModelsSearch), 1); // all experiments, one page
        QCOMPARE(requests(stats, kModelsSearch), 2); // unfiltered, and the prompts
        QCOMPARE(requests(stats, kVersionsSearch), 2); // not for the prompt: MLflow 3 answers {}
        QCOMPARE(requests(stats, kVersionGet), 2); // the prompt's v1 and v2
        QCOMPARE(requests(stats, kHistory), 0);
    }

    /// Each synced version carries exactly the aliases model-versions/get gives it (MLflow 3's
    /// model-versions/search has none), and the writer reads each model as the sync does.
    void versionsAsMlflowGivesThem()
    {
        CollectingSink sink;
        REQUIRE_OK(source().readAll(sink, m_noCancel));
        QCOMPARE(sink.models.size(), 3);
        for (const auto &m : std::as_const(sink.models)) {
            for (const auto &v : m.versions) {
                const auto reply = m_server.request("GET",
                    u"/api/2.0/mlflow/model-versions/get?name=%1&version=%2"_s.arg(
                        QString::fromLatin1(QUrl::toPercentEncoding(m.name)), QString::number(v.version)));
                QCOMPARE(reply.status, 200);
                const QJsonObject got
                    = QJsonDocument::fromJson(reply.body).object().value(u"model_version"_s).toObject();
                QStringList aliases;
                for (const auto &a : got.value(u"aliases"_s).toArray())
                    aliases.append(a.toString());
                aliases.sort();
                QCOMPARE(v.aliases, aliases);
                QCOMPARE(v.currentStage, got.value(u"current_stage"_s).toString());
                QCOMPARE(v.tags.size(), got.value(u"tags"_s).toArray().size());
            }
            auto read = md::MlflowRestWriter(m_server.url(), fastOptions()).readModel(m.name);
            REQUIRE_OK(read);
            compareModels(*read, m);
            if (QTest::currentTestFailed())
                return;
        }
    }

    /// readChanges with histories: every series whole, equal to MLflow's own get-history answer;
    /// val_r2_score of gbr-04 equal to the three recorded pages of max_results=2 (020–022).
    void syncWithHistories()
    {
        CollectingSink sink;
        md::SyncState state;
        state.histories = true;
        REQUIRE_OK(source().readChanges(sink, state, m_noCancel));
        QVERIFY2(sink.problems.isEmpty(), qPrintable(sink.problemsText()));
        QCOMPARE(sink.runs.size(), 27);
        QCOMPARE(sink.loggedModels.size(), 6);
        qint64 points = 0, carPoints = 0;
        for (const auto &r : sink.runs) {
            QVERIFY(r.hasHistory);
            points += r.history.size();
            if (r.experimentId == u"1"_s)
                carPoints += r.history.size();
        }
        QCOMPARE(points, 221);
        QCOMPARE(carPoints, 218);
        // A key's series of a page's runs in one get-history-bulk answer (MLflow 3 has it too):
        // 6 answers for the 51 series, none asked for alone.
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, u"GET /ajax-api/2.0/mlflow/metrics/get-history-bulk"_s), 6);
        QCOMPARE(requests(stats, kHistory), 0);

        // Every series equals what the server answers for it.
        for (const auto &r : sink.runs) {
            for (const auto &latest : r.latestMetrics) {
                const auto reply = m_server.request("GET",
                    u"/api/2.0/mlflow/metrics/get-history?run_id=%1&metric_key=%2&max_results=25000"_s.arg(
                        r.runId, latest.key));
                QCOMPARE(reply.status, 200);
                const QList<md::MetricPoint> expected
                    = byStep(pointsOf(QJsonDocument::fromJson(reply.body).object().value(u"metrics"_s).toArray()));
                QList<md::MetricPoint> got;
                for (const auto &p : r.history)
                    if (p.key == latest.key)
                        got.append(p);
                QVERIFY2(samePoints(got, expected), qPrintable(r.runId + u'/' + latest.key));
            }
        }

        // The recorded pages of one history, concatenated.
        QList<md::MetricPoint> paged;
        for (const QString &file : { u"020_metrics_get_history_max_2.json"_s,
                 u"021_metrics_get_history_max_2_page2.json"_s, u"022_metrics_get_history_max_2_page3.json"_s })
            paged += pointsOf(recordedAnswer(file).value(u"metrics"_s).toArray());
        QCOMPARE(paged.size(), 5);
        const QString gbr04 = m_ids.value(u"runs"_s).toArray()[4].toString();
        QList<md::MetricPoint> got;
        for (const auto &p : sink.runById(gbr04)->history)
            if (p.key == u"val_r2_score"_s)
                got.append(p);
        QVERIFY(samePoints(got, byStep(paged)));
        QVERIFY(samePoints(got,
            byStep(
                pointsOf(recordedAnswer(u"017_metrics_get_history_max_25000.json"_s).value(u"metrics"_s).toArray()))));
    }

    /// Long histories on MLflow 3: 2,000 points in one answer, and 25,010 points over two pages
    /// (MLflow 3 refuses the token of an answer without max_results; ours always has it).
    void longHistories()
    {
        md::test::TestServer server; // its own copy: the points are added to its database
        QVERIFY(server.startAs(Major::V3));
        const QByteArray run = id(u"running_run_id"_s).toLatin1();
        auto insert = [&](const QByteArray &key, int count) {
            return execSql(server.dbPath(),
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + QByteArray::number(count - 1)
                    + ") INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) SELECT '" + key
                    + "', 1.0 / (i + 1), 1796000000000 + i, '" + run + "', i, 0 FROM n;");
        };
        QVERIFY(insert("loss_2k", 2000));
        QVERIFY(insert("loss_paged", 25010));
        md::MlflowRestSource src(server.url(), fastOptions());
        const QList<md::SeriesKey> keys = { { QString::fromLatin1(run), u"loss_2k"_s },
            { QString::fromLatin1(run), u"loss_paged"_s }, { QString::fromLatin1(run), u"val_r2_score"_s } };
        auto got = src.readHistories(keys, m_noCancel);
        REQUIRE_OK(got);
        for (const auto &k : keys) {
            const auto reply = server.request("GET",
                u"/api/2.0/mlflow/metrics/get-history?run_id=%1&metric_key=%2&max_results=25000"_s.arg(k.runId, k.key));
            QCOMPARE(reply.status, 200);
            const QJsonObject page = QJsonDocument::fromJson(reply.body).object();
            QList<md::MetricPoint> expected = pointsOf(page.value(u"metrics"_s).toArray());
            if (k.key == u"loss_paged"_s) {
                QVERIFY(page.contains(u"next_page_token"_s));
                const auto next = server.request("GET",
                    u"/api/2.0/mlflow/metrics/get-history?run_id=%1&metric_key=%2&max_results=25000&page_token=%3"_s
                        .arg(k.runId, k.key,
                            QString::fromLatin1(QUrl::toPercentEncoding(page.value(u"next_page_token"_s).toString()))));
                QCOMPARE(next.status, 200);
                expected += pointsOf(QJsonDocument::fromJson(next.body).object().value(u"metrics"_s).toArray());
            }
            QVERIFY2(samePoints(got->value(k), byStep(expected)), qPrintable(k.key));
        }
        QCOMPARE(got->value(keys[0]).size(), 2000);
        QCOMPARE(got->value(keys[0]).last().step, 1999);
        QCOMPARE(got->value(keys[0]).last().value, 1.0 / 2000);
        QCOMPARE(got->value(keys[1]).size(), 25010);
        QCOMPARE(got->value(keys[1]).last().step, 25009);
        QCOMPARE(got->value(keys[2]).size(), 3);
    }

    /// Incremental: only the running run comes again, but LoggedModels, models and the prompt
    /// are always complete.
    void incremental()
    {
        CollectingSink full;
        REQUIRE_OK(source().readAll(full, m_noCancel));
        md::SyncState state;
        state.lastSyncMs = QDateTime::currentMSecsSinceEpoch();
        for (const auto &r : full.runs)
            state.runs.insert(r.runId, { r.status, r.lifecycleStage });
        QVERIFY(m_server.resetStats());
        CollectingSink again;
        REQUIRE_OK(source().readChanges(again, state, m_noCancel));
        QVERIFY2(again.problems.isEmpty(), qPrintable(again.problemsText()));
        QVERIFY(again.incomplete);
        QCOMPARE(again.experiments.size(), 3);
        QCOMPARE(again.runs.size(), 1);
        QCOMPARE(again.runs[0].runId, id(u"running_run_id"_s));
        QCOMPARE(again.loggedModels, full.loggedModels);
        QCOMPARE(again.models.size(), 3);
        for (qsizetype i = 0; i < again.models.size(); ++i) {
            compareModels(again.models[i], full.models[i]);
            if (QTest::currentTestFailed())
                return;
        }
        // Four bounded searches, each of the three experiments.
        QCOMPARE(requests(m_server.stats(), u"POST /api/2.0/mlflow/runs/search"_s), 4);
        QCOMPARE(requests(m_server.stats(), kLoggedModelsSearch), 1);
    }

    /// runs/get has inputs.model_inputs (runs/search does not): a run read that way carries both.
    void runGetHasModelInputs()
    {
        CollectingSink full;
        REQUIRE_OK(source().readAll(full, m_noCancel));
        // The cache holds gbr-04 as deleted; the server has it active: read again with runs/get.
        const QJsonObject first = m_ids.value(u"models"_s).toArray()[0].toObject();
        const QString runId = first.value(u"run_id"_s).toString();
        const QString modelId = first.value(u"model_id"_s).toString();
        md::SyncState state;
        state.lastSyncMs = QDateTime::currentMSecsSinceEpoch();
        for (const auto &r : full.runs)
            state.runs.insert(r.runId, { r.status, r.lifecycleStage });
        state.runs.insert(runId, { u"FINISHED"_s, md::kDeleted });
        QVERIFY(m_server.resetStats());
        CollectingSink again;
        REQUIRE_OK(source().readChanges(again, state, m_noCancel));
        QCOMPARE(requests(m_server.stats(), u"GET /api/2.0/mlflow/runs/get"_s), 1);
        const md::Run *r = again.runById(runId);
        QVERIFY(r);
        QCOMPARE(r->lifecycleStage, md::kActive);
        QCOMPARE(r->modelInputs, (QList<md::ModelIo> { { modelId, 0 } }));
        QCOMPARE(r->modelOutputs, (QList<md::ModelIo> { { modelId, 0 } }));
    }

    /// A prompt's deleted version is a gap in its model-versions/get series, not an error.
    void promptVersionGap()
    {
        md::test::TestServer server; // its own copy: a version is deleted in its database
        QVERIFY(server.startAs(Major::V3));
        QVERIFY(execSql(server.dbPath(),
            "UPDATE model_versions SET current_stage = 'Deleted_Internal' "
            "WHERE name = 'car_price_summary_prompt' AND version = 1"));
        CollectingSink sink;
        REQUIRE_OK(md::MlflowRestSource(server.url(), fastOptions()).readAll(sink, m_noCancel));
        QVERIFY2(sink.problems.isEmpty(), qPrintable(sink.problemsText()));
        const md::RegisteredModel *prompt = sink.model(kPrompt);
        QVERIFY(prompt && prompt->isPrompt());
        QCOMPARE(versionsAndStages(*prompt), QStringList { u"2:None"_s });
        QCOMPARE(prompt->versions[0].aliases, QStringList { u"production"_s });
        QCOMPARE(requests(server.stats(), kVersionGet), 2);
    }

    /// The same store served as MLflow 2.10.2 serves it: no logged-models/search (404), prompts
    /// listed without a filter, versions with their model-versions/search order. No problem,
    /// and exactly the registered models MLflow 3 gives.
    void sameModelsOnMlflow2()
    {
        CollectingSink three;
        REQUIRE_OK(source().readAll(three, m_noCancel));

        md::test::TestServer server;
        QVERIFY(server.startAs(
            Major::V2, md::test::dataPath(u"mlflow3/mlflow.db"_s), md::test::dataPath(u"mlflow3/server-artifacts"_s)));
        const auto probe
            = server.request("POST", u"/api/2.0/mlflow/logged-models/search"_s, R"({"experiment_ids": ["1"]})");
        QCOMPARE(probe.status, 404);
        QVERIFY(server.resetStats());
        CollectingSink two;
        REQUIRE_OK(md::MlflowRestSource(server.url(), fastOptions()).readAll(two, m_noCancel));
        QVERIFY2(two.problems.isEmpty(), qPrintable(two.problemsText()));
        QCOMPARE(two.runs.size(), 27);
        QCOMPARE(two.loggedModels.size(), 0);
        QCOMPARE(requests(server.stats(), kLoggedModelsSearch), 1);
        QCOMPARE(two.models.size(), three.models.size());
        for (qsizetype i = 0; i < two.models.size(); ++i) {
            compareModels(two.models[i], three.models[i]);
            if (QTest::currentTestFailed())
                return;
        }
    }
};

QTEST_GUILESS_MAIN(TestRestSource3)
#include "tst_restsource3.moc"
