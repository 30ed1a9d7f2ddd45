// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowDbSource and MlflowDbWriter on tests/data/mlflow3/mlflow.db, written by a real MLflow 3.6
// server (alembic head bf29a5ff90ea), and on copies of it stamped with a newer revision (issue 12).
// Expected numbers: tests/data/mlflow3/FIXTURES.md and the server's answers in
// tests/data/mlflow3/rest/; the writes are the ones ids.json lists, compared with the rows of
// tests/data/mlflow3/mlflow-after-writes.db.

#include "CollectingSink.h"
#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/mlflowdb/MlflowDbSource.h"
#include "sources/mlflowdb/MlflowDbWriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>

using namespace Qt::StringLiterals;
using md::test::execSql;
using namespace md;

namespace {

// ids.json
const QString kCarPrice = u"car_price_model"_s;
const QString kChurn = u"churn_model_v3"_s;
const QString kPrompt = u"car_price_summary_prompt"_s;
const QString kModel1 = u"m-a27747ccc3644ca1b0c96cde62e0b9d2"_s;  // gbr-04, v1
const QString kModel2 = u"m-50d01002a6d840bd8975570db78bb91d"_s;  // gbr-11, v2
const QString kModel3 = u"m-5511dcb6b7ae4067aab53a1118ab9a10"_s;  // gbr-17, v3 (and v5 after the writes)
const QString kChurnModel1 = u"m-4e49d66c55144d16894a8c8e1f0c6273"_s;
const QString kRun04 = u"9ad4bf42a52249768dbc1e46e3614214"_s;
const QString kRun17 = u"647446379cae4523a14d6034171b20d5"_s;
const QString kChurnRun1 = u"45c0cc338041428fb20355d391b7907f"_s;
const QString kLegacyRun = u"f5e11ecc2c304ca085d1e81263e195a4"_s;
/// An alembic id no MLflow has (yet): what a newer MLflow would stamp.
const char *const kNewerRevision = "a0b1c2d3e4f5";

using CollectingSink = md::test::CollectingSink;

QString fixture() { return test::dataPath(u"mlflow3/mlflow.db"_s); }
QString afterWrites() { return test::dataPath(u"mlflow3/mlflow-after-writes.db"_s); }

bool copyFixture(const QString &to)
{
    QFile::remove(to);
    return QFile::copy(fixture(), to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

/// Runs SQL on a (copied) database file with SQLite itself.
/// The rows of a query on a database file, each as its columns joined with '|' (NULL as "<null>").
QStringList rows(const QString &path, const QByteArray &sql)
{
    QStringList out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {u"<cannot open>"_s};
    }
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK) {
        qWarning("SQL failed: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return {u"<bad SQL>"_s};
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        QStringList cols;
        for (int i = 0; i < sqlite3_column_count(st); ++i)
            cols.append(sqlite3_column_type(st, i) == SQLITE_NULL
                            ? u"<null>"_s
                            : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, i))));
        out.append(cols.join(u'|'));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// The parsed response body of a recorded REST exchange.
QJsonObject rest(const QString &file)
{
    QFile f(test::dataPath(u"mlflow3/rest/"_s + file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject exchange = QJsonDocument::fromJson(f.readAll()).object();
    return QJsonDocument::fromJson(exchange.value(u"response_body"_s).toString().toUtf8()).object();
}

/// A REST list of {"key", "value"} as a set of "key=value".
QSet<QString> keyValueSet(const QJsonArray &list)
{
    QSet<QString> out;
    for (const QJsonValue &v : list)
        out.insert(v[u"key"_s].toString() + u'=' + v[u"value"_s].toString());
    return out;
}
QSet<QString> keyValueSet(const QList<KeyValue> &list)
{
    QSet<QString> out;
    for (const KeyValue &kv : list)
        out.insert(kv.key + u'=' + kv.value);
    return out;
}

QString tagOf(const QList<KeyValue> &tags, const QString &key)
{
    for (const KeyValue &t : tags)
        if (t.key == key)
            return t.value;
    return u"<unset>"_s;
}

Status readFile(const QString &path, CollectingSink &sink)
{
    MlflowDbSource source(path);
    if (auto s = source.open(); !s)
        return s;
    std::atomic_bool cancel{false};
    return source.readAll(sink, cancel);
}

QString errorText(const Status &s) { return s.ok() ? QString() : s.error().toString(); }

} // namespace

class TestMlflowDb3 : public QObject {
    Q_OBJECT

private:
    CollectingSink m_sink;  // the fixture, read once in initTestCase()

private Q_SLOTS:
    void initTestCase()
    {
        MlflowDbSource source(fixture());
        const Status opened = source.open();
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QCOMPARE(source.schemaRevision(), u"bf29a5ff90ea"_s);
        QVERIFY(!source.isNewerSchema());
        std::atomic_bool cancel{false};
        const Status read = source.readAll(m_sink, cancel);
        QVERIFY2(read.ok(), qPrintable(errorText(read)));
    }

    void noProblems()
    {
        for (const ReadProblem &p : std::as_const(m_sink.problems))
            qWarning("%s", qPrintable(p.error.toString()));
        QCOMPARE(m_sink.problems.size(), 0);
    }

    // FIXTURES.md, "Expected counts".
    void countsAsMlflowHoldsThem()
    {
        QCOMPARE(m_sink.experiments.size(), 3);
        QCOMPARE(m_sink.runs.size(), 27);
        QHash<QString, int> perExperiment, status;
        int deleted = 0, nested = 0, points = 0, pointsCarPrice = 0, latest = 0, params = 0, tags = 0, inputs = 0;
        for (const Run &r : std::as_const(m_sink.runs)) {
            ++perExperiment[r.experimentId];
            ++status[r.status];
            deleted += r.lifecycleStage == kDeleted;
            nested += !r.parentRunId().isEmpty();
            QVERIFY(r.hasHistory);
            points += r.history.size();
            if (r.experimentId == u"1"_s)
                pointsCarPrice += r.history.size();
            latest += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
            inputs += r.inputs.size();
        }
        QCOMPARE(perExperiment.value(u"1"_s), 24);
        QCOMPARE(perExperiment.value(u"2"_s), 3);
        QCOMPARE(deleted, 1);
        QCOMPARE(status.value(u"FINISHED"_s), 26);
        QCOMPARE(status.value(u"RUNNING"_s), 1);
        QCOMPARE(nested, 1);
        QCOMPARE(points, 221);
        QCOMPARE(pointsCarPrice, 218);
        QCOMPARE(latest, 51);
        QCOMPARE(params, 75);
        QCOMPARE(tags, 167);
        QCOMPARE(inputs, 3);
        int experimentTags = 0;
        for (const Experiment &e : std::as_const(m_sink.experiments))
            experimentTags += e.tags.size();
        QCOMPARE(experimentTags, 3);

        QCOMPARE(m_sink.loggedModels.size(), 6);
        int lmMetrics = 0, withDataset = 0;
        for (const LoggedModel &m : std::as_const(m_sink.loggedModels)) {
            lmMetrics += m.metrics.size();
            for (const LoggedModelMetric &x : m.metrics)
                withDataset += x.datasetName == u"cars_synth_v1_val"_s;
        }
        QCOMPARE(lmMetrics, 12);
        QCOMPARE(withDataset, 3);

        QCOMPARE(m_sink.models.size(), 3);
        int versions = 0, aliases = 0, versionTags = 0, modelTags = 0;
        for (const RegisteredModel &m : std::as_const(m_sink.models)) {
            versions += m.versions.size();
            aliases += m.aliases.size();
            modelTags += m.tags.size();
            for (const ModelVersion &v : m.versions)
                versionTags += v.tags.size();
        }
        QCOMPARE(versions, 9);
        QCOMPARE(aliases, 6);
        QCOMPARE(versionTags, 11);
        QCOMPARE(modelTags, 4);
    }

    // Experiments by id, each with its runs, then its LoggedModels (both by id); then the models.
    void orderExperimentRunsLoggedModels()
    {
        QStringList expected;
        for (const Experiment &e : std::as_const(m_sink.experiments)) {
            expected.append(u"E:"_s + e.experimentId);
            QStringList runs, models;
            for (const Run &r : std::as_const(m_sink.runs))
                if (r.experimentId == e.experimentId)
                    runs.append(u"R:"_s + r.runId);
            for (const LoggedModel &m : std::as_const(m_sink.loggedModels))
                if (m.experimentId == e.experimentId)
                    models.append(u"L:"_s + m.modelId);
            runs.sort();
            models.sort();
            expected += runs + models;
        }
        for (const RegisteredModel &m : std::as_const(m_sink.models))
            expected.append(u"M:"_s + m.name);
        QCOMPARE(m_sink.order, expected);
        QCOMPARE(m_sink.experiments.first().experimentId, u"0"_s);
        QCOMPARE(m_sink.models[1].name, kPrompt);  // by name, prompts among the models
    }

    // The server's runs/search (view ALL, deleted included) of car_price_v3, run by run.
    void runsAsTheServerAnswers()
    {
        const QJsonArray runs = rest(u"009_runs_search_all_view_all.json"_s)[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 24);
        for (const QJsonValue &j : runs) {
            const QJsonObject info = j[u"info"_s].toObject();
            const QJsonObject data = j[u"data"_s].toObject();
            const Run *r = m_sink.runById(info[u"run_id"_s].toString());
            QVERIFY2(r, qPrintable(info[u"run_id"_s].toString()));
            QCOMPARE(r->experimentId, info[u"experiment_id"_s].toString());
            QCOMPARE(r->runName, info[u"run_name"_s].toString());
            QCOMPARE(r->status, info[u"status"_s].toString());
            QCOMPARE(r->lifecycleStage, info[u"lifecycle_stage"_s].toString());
            QCOMPARE(r->artifactUri, info[u"artifact_uri"_s].toString());
            QCOMPARE(r->startTime, qint64(info[u"start_time"_s].toDouble()));
            QCOMPARE(r->endTime.has_value(), info.contains(u"end_time"_s));
            QCOMPARE(keyValueSet(r->params), keyValueSet(data[u"params"_s].toArray()));
            QCOMPARE(keyValueSet(r->tags), keyValueSet(data[u"tags"_s].toArray()));
            const QJsonArray metrics = data[u"metrics"_s].toArray();
            QCOMPARE(r->latestMetrics.size(), metrics.size());
            for (const QJsonValue &m : metrics) {
                bool found = false;
                for (const MetricPoint &p : r->latestMetrics) {
                    if (p.key != m[u"key"_s].toString())
                        continue;
                    found = true;
                    QCOMPARE(p.value, m[u"value"_s].toDouble());
                    QCOMPARE(p.step, qint64(m[u"step"_s].toDouble()));
                    QCOMPARE(p.timestamp, qint64(m[u"timestamp"_s].toDouble()));
                }
                QVERIFY(found);
            }
            QCOMPARE(r->inputs.size(), j[u"inputs"_s][u"dataset_inputs"_s].toArray().size());
            // runs/search leaves inputs.model_inputs out (runs/get has them: see below).
            QStringList restOutputs, ourOutputs;
            for (const QJsonValue &m : j[u"outputs"_s][u"model_outputs"_s].toArray())
                restOutputs.append(m[u"model_id"_s].toString() + u'@' + QString::number(m[u"step"_s].toInt()));
            for (const ModelIo &m : r->modelOutputs)
                ourOutputs.append(m.modelId + u'@' + QString::number(m.step));
            QCOMPARE(ourOutputs, restOutputs);
        }
        const QJsonObject run = rest(u"011_runs_get_model_run.json"_s)[u"run"_s].toObject();
        const Run *r = m_sink.runById(run[u"info"_s][u"run_id"_s].toString());
        QVERIFY(r);
        QStringList restInputs, ourInputs;
        for (const QJsonValue &m : run[u"inputs"_s][u"model_inputs"_s].toArray())
            restInputs.append(m[u"model_id"_s].toString());
        for (const ModelIo &m : r->modelInputs)
            ourInputs.append(m.modelId);
        QCOMPARE(ourInputs, restInputs);
        QCOMPARE(ourInputs, QStringList{kModel1});
    }

    // MLflow 3 keeps them in `inputs` as RUN_INPUT → MODEL_INPUT and RUN_OUTPUT → MODEL_OUTPUT rows.
    void modelInputsAndOutputs()
    {
        int inputs = 0, outputs = 0;
        for (const Run &r : std::as_const(m_sink.runs)) {
            inputs += r.modelInputs.size();
            outputs += r.modelOutputs.size();
        }
        QCOMPARE(inputs, 3);
        QCOMPARE(outputs, 6);
        const Run *gbr04 = m_sink.runById(kRun04);
        QVERIFY(gbr04);
        QCOMPARE(gbr04->runName, u"gbr-04"_s);
        QCOMPARE(gbr04->modelInputs, (QList<ModelIo>{{kModel1, 0}}));
        QCOMPARE(gbr04->modelOutputs, (QList<ModelIo>{{kModel1, 0}}));
        const Run *churn = m_sink.runById(kChurnRun1);
        QVERIFY(churn);
        QVERIFY(churn->modelInputs.isEmpty());
        QCOMPARE(churn->modelOutputs, (QList<ModelIo>{{kChurnModel1, 0}}));
        const Run *legacy = m_sink.runById(kLegacyRun);
        QVERIFY(legacy);
        QVERIFY(legacy->modelOutputs.isEmpty());
    }

    void loggedModelWithDatasetLinkedMetric()
    {
        const LoggedModel *m = m_sink.loggedModelById(kModel1);
        QVERIFY(m);
        QCOMPARE(m->experimentId, u"1"_s);
        QCOMPARE(m->name, u"model"_s);
        QCOMPARE(m->artifactLocation, u"mlflow-artifacts:/1/models/"_s + kModel1 + u"/artifacts"_s);
        QCOMPARE(m->sourceRunId, kRun04);
        QCOMPARE(m->status, u"READY"_s);  // stored as the number 2
        QCOMPARE(m->lifecycleStage, kActive);
        QCOMPARE(m->creationTime, 1796404020145);
        QCOMPARE(m->lastUpdatedTime, 1796404020878);
        QCOMPARE(m->params, (QList<KeyValue>{{u"learning_rate"_s, u"0.05"_s},
                                             {u"max_depth"_s, u"2"_s},
                                             {u"n_estimators"_s, u"300"_s}}));
        QCOMPARE(tagOf(m->tags, u"trained_on"_s), u"cars_synth_v1"_s);
        QCOMPARE(tagOf(m->tags, u"mlflow.modelVersions"_s),
                 u"[{\"name\": \"car_price_model\", \"version\": 1}, {\"name\": \"car_price_model\", \"version\": \"1\"}]"_s);
        QCOMPARE(m->metrics.size(), 3);
        const LoggedModelMetric &holdout = m->metrics[0];  // sorted by key
        QCOMPARE(holdout.key, u"holdout_rmse"_s);
        QCOMPARE(holdout.datasetName, u"cars_synth_v1_val"_s);
        QCOMPARE(holdout.datasetDigest, u"bc79217c"_s);
        QCOMPARE(holdout.runId, kRun04);
        QCOMPARE(holdout.step, 0);
        QCOMPARE(holdout.value, 2214.5668124290955);
        QCOMPARE(m->metrics[1].key, u"rmse"_s);
        QCOMPARE(m->metrics[1].step, 4);
        QVERIFY(m->metrics[1].datasetName.isEmpty());
        QCOMPARE(m->metrics[2].key, u"val_r2_score"_s);
    }

    // The server's logged-models/search over both experiments, field by field.
    void loggedModelsAsTheServerAnswers()
    {
        const QJsonArray models = rest(u"049_logged_models_search_all_experiments.json"_s)[u"models"_s].toArray();
        QCOMPARE(models.size(), 6);
        for (const QJsonValue &j : models) {
            const QJsonObject info = j[u"info"_s].toObject();
            const LoggedModel *m = m_sink.loggedModelById(info[u"model_id"_s].toString());
            QVERIFY2(m, qPrintable(info[u"model_id"_s].toString()));
            QCOMPARE(m->experimentId, info[u"experiment_id"_s].toString());
            QCOMPARE(m->name, info[u"name"_s].toString());
            QCOMPARE(m->artifactLocation, info[u"artifact_uri"_s].toString());
            QCOMPARE(m->sourceRunId, info[u"source_run_id"_s].toString());
            QCOMPARE(m->modelType, info[u"model_type"_s].toString());
            QCOMPARE(m->status, loggedModelStatusName(info[u"status"_s].toString()));
            QCOMPARE(m->creationTime, qint64(info[u"creation_timestamp_ms"_s].toDouble()));
            QCOMPARE(m->lastUpdatedTime, qint64(info[u"last_updated_timestamp_ms"_s].toDouble()));
            QCOMPARE(keyValueSet(m->tags), keyValueSet(info[u"tags"_s].toArray()));
            const QJsonObject data = j[u"data"_s].toObject();
            QCOMPARE(keyValueSet(m->params), keyValueSet(data[u"params"_s].toArray()));
            QSet<QString> restMetrics, ourMetrics;
            for (const QJsonValue &x : data[u"metrics"_s].toArray())
                restMetrics.insert(QStringList{x[u"key"_s].toString(), QString::number(x[u"value"_s].toDouble(), 'g', 17),
                                               QString::number(qint64(x[u"timestamp"_s].toDouble())),
                                               QString::number(x[u"step"_s].toInt()), x[u"run_id"_s].toString(),
                                               x[u"dataset_name"_s].toString(), x[u"dataset_digest"_s].toString()}
                                       .join(u'|'));
            for (const LoggedModelMetric &x : m->metrics)
                ourMetrics.insert(QStringList{x.key, QString::number(x.value, 'g', 17), QString::number(x.timestamp),
                                              QString::number(x.step), x.runId, x.datasetName, x.datasetDigest}
                                      .join(u'|'));
            QCOMPARE(ourMetrics, restMetrics);
        }
    }

    // The SQL store has no model_id column: the version's LoggedModel comes from its source.
    void versionsWithTheirLoggedModel()
    {
        const RegisteredModel *m = m_sink.model(kCarPrice);
        QVERIFY(m);
        QVERIFY(!m->isPrompt());
        QCOMPARE(m->versions.size(), 4);
        QCOMPARE(m->versions[0].modelId, kModel1);
        QCOMPARE(m->versions[0].currentStage, kStageArchived);
        QCOMPARE(m->versions[1].modelId, kModel2);
        QCOMPARE(m->versions[1].currentStage, kStageProduction);
        QCOMPARE(m->versions[1].aliases, QStringList{u"champion"_s});
        QCOMPARE(m->versions[2].modelId, kModel3);
        QCOMPARE(m->versions[2].aliases, QStringList{u"challenger"_s});
        QVERIFY(m->versions[3].modelId.isEmpty());  // registered from plain run artifacts
        QCOMPARE(m->versions[3].source, u"mlflow-artifacts:/1/"_s + kLegacyRun + u"/artifacts/model"_s);
        const RegisteredModel *churn = m_sink.model(kChurn);
        QVERIFY(churn);
        QCOMPARE(churn->versions.size(), 3);
        QCOMPARE(churn->versions[0].modelId, kChurnModel1);
        QCOMPARE(churn->aliases, (QList<ModelAlias>{{u"baseline"_s, 1}, {u"challenger"_s, 3}, {u"champion"_s, 2}}));
    }

    // model-versions/search and registered-models/get of the server: stages, sources, runs, tags, aliases.
    void versionsAsTheServerAnswers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("searchFile");
        QTest::addColumn<QString>("getFile");
        QTest::newRow("car_price_model") << kCarPrice << u"031_model_versions_search.json"_s
                                         << u"028_registered_models_get.json"_s;
        QTest::newRow("churn_model_v3") << kChurn << u"032_model_versions_search_churn.json"_s
                                        << u"029_registered_models_get_churn.json"_s;
    }
    void versionsAsTheServerAnswers()
    {
        QFETCH(QString, name);
        QFETCH(QString, searchFile);
        QFETCH(QString, getFile);
        const RegisteredModel *m = m_sink.model(name);
        QVERIFY(m);
        const QJsonArray versions = rest(searchFile)[u"model_versions"_s].toArray();
        QCOMPARE(m->versions.size(), versions.size());
        for (const QJsonValue &j : versions) {
            const ModelVersion *v = m->findVersion(j[u"version"_s].toString().toLongLong());
            QVERIFY(v);
            QCOMPARE(v->currentStage, j[u"current_stage"_s].toString());
            QCOMPARE(v->source, j[u"source"_s].toString());
            QCOMPARE(v->runId, j[u"run_id"_s].toString());
            QCOMPARE(v->description, j[u"description"_s].toString());
            QCOMPARE(v->status, j[u"status"_s].toString());
            QCOMPARE(v->creationTime, qint64(j[u"creation_timestamp"_s].toDouble()));
            QCOMPARE(v->lastUpdatedTime, qint64(j[u"last_updated_timestamp"_s].toDouble()));
            QCOMPARE(keyValueSet(v->tags), keyValueSet(j[u"tags"_s].toArray()));
        }
        const QJsonObject model = rest(getFile)[u"registered_model"_s].toObject();
        QCOMPARE(m->description, model[u"description"_s].toString());
        QCOMPARE(keyValueSet(m->tags), keyValueSet(model[u"tags"_s].toArray()));
        QList<ModelAlias> aliases;
        for (const QJsonValue &a : model[u"aliases"_s].toArray())
            aliases.append({a[u"alias"_s].toString(), a[u"version"_s].toString().toLongLong()});
        std::sort(aliases.begin(), aliases.end(), [](const ModelAlias &a, const ModelAlias &b) { return a.alias < b.alias; });
        QCOMPARE(m->aliases, aliases);
    }

    // A prompt is a registered model tagged mlflow.prompt.is_prompt: delivered with its tags,
    // versions (template text in a tag) and alias, for the GUI and CLI to keep apart.
    void promptIsDeliveredAsARegisteredModel()
    {
        const RegisteredModel *p = m_sink.model(kPrompt);
        QVERIFY(p);
        QVERIFY(p->isPrompt());
        QCOMPARE(tagOf(p->tags, kPromptTag), u"true"_s);
        QCOMPARE(p->aliases, (QList<ModelAlias>{{u"production"_s, 2}}));
        QCOMPARE(p->versions.size(), 2);
        const ModelVersion &v2 = p->versions[1];
        QCOMPARE(v2.version, 2);
        QCOMPARE(v2.aliases, QStringList{u"production"_s});
        QCOMPARE(v2.source, u"dummy-source"_s);
        QVERIFY(v2.runId.isEmpty());
        QVERIFY(v2.modelId.isEmpty());
        QCOMPARE(v2.description, u"more context"_s);
        const QJsonObject rest2 = rest(u"038_model_versions_get_prompt_v2.json"_s)[u"model_version"_s].toObject();
        QCOMPARE(keyValueSet(v2.tags), keyValueSet(rest2[u"tags"_s].toArray()));
        QVERIFY(tagOf(v2.tags, kPromptTextTag).contains(u"{{price}}"_s));
    }

    // Issue 12: "mlflow.db of MLflow 3, and the same file with a newer revision stamped into
    // alembic_version, give the same run counts" - and exactly one problem.
    void newerRevisionGivesTheSameDataAndOneProblem()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '"_ba + kNewerRevision + "';"));
        MlflowDbSource source(path);
        const Status opened = source.open();
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QVERIFY(source.isNewerSchema());
        QCOMPARE(source.schemaRevision(), QString::fromLatin1(kNewerRevision));
        CollectingSink sink;
        std::atomic_bool cancel{false};
        const Status read = source.readAll(sink, cancel);
        QVERIFY2(read.ok(), qPrintable(errorText(read)));

        QCOMPARE(sink.problems.size(), 1);
        const Error &e = sink.problems.first().error;
        QCOMPARE(e.where, QFileInfo(path).absoluteFilePath());
        QCOMPARE(e.message, u"written by a newer MLflow (schema revision a0b1c2d3e4f5; ModelDesk knows up to "
                            u"bf29a5ff90ea): read what is known, writes refused"_s);

        QCOMPARE(sink.order, m_sink.order);
        QCOMPARE(sink.runs.size(), 27);
        for (qsizetype i = 0; i < sink.runs.size(); ++i) {
            QCOMPARE(sink.runs[i].history, m_sink.runs[i].history);
            QCOMPARE(sink.runs[i].modelOutputs, m_sink.runs[i].modelOutputs);
        }
        QCOMPARE(sink.loggedModels, m_sink.loggedModels);
        QCOMPARE(sink.models.size(), 3);
        for (qsizetype i = 0; i < sink.models.size(); ++i)
            QCOMPARE(sink.models[i].versions.size(), m_sink.models[i].versions.size());
    }

    // A newer MLflow that renamed a column: what needs it is left out, named in the same one problem.
    void newerRevisionWithoutAKnownColumnReadsTheRest()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '"_ba + kNewerRevision
                                  + "'; ALTER TABLE logged_model_params RENAME COLUMN param_value TO value;"
                                    "ALTER TABLE logged_model_metrics DROP COLUMN dataset_digest;"));
        CollectingSink sink;
        const Status read = readFile(path, sink);
        QVERIFY2(read.ok(), qPrintable(errorText(read)));
        QCOMPARE(sink.problems.size(), 1);
        const QString message = sink.problems.first().error.message;
        QVERIFY2(message.startsWith(u"written by a newer MLflow (schema revision a0b1c2d3e4f5;"_s), qPrintable(message));
        QVERIFY2(message.contains(u"logged_model_params.param_value"_s), qPrintable(message));
        QCOMPARE(sink.runs.size(), 27);
        QCOMPARE(sink.loggedModels.size(), 6);
        const LoggedModel *m = sink.loggedModelById(kModel1);
        QVERIFY(m);
        QVERIFY(m->params.isEmpty());
        QCOMPARE(m->metrics.size(), 3);
        QCOMPARE(m->metrics[0].datasetName, u"cars_synth_v1_val"_s);
        QVERIFY(m->metrics[0].datasetDigest.isEmpty());  // an optional column: read as empty
        QCOMPARE(sink.models.size(), 3);
    }

    // Without a column every read needs there is nothing to read: a clear error naming the revision.
    void newerRevisionWithoutACoreColumnFails()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '"_ba + kNewerRevision
                                  + "'; ALTER TABLE params RENAME COLUMN key TO param_key;"));
        CollectingSink sink;
        const Status read = readFile(path, sink);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().category, ErrorCategory::BadInput);
        QCOMPARE(read.error().where, QFileInfo(path).absoluteFilePath());
        QVERIFY2(read.error().message.contains(u"params.key"_s), qPrintable(read.error().message));
        QVERIFY2(read.error().message.contains(QLatin1String(kNewerRevision)), qPrintable(read.error().message));
        QVERIFY(read.error().message.contains(u"bf29a5ff90ea"_s));
        QVERIFY(sink.runs.isEmpty());
    }

    // Every write to a file of a newer revision is refused before the file is opened for writing;
    // the file stays byte-identical.
    void writesToANewerRevisionAreRefused_data()
    {
        QTest::addColumn<QString>("operation");
        for (const char *op : {"open", "readModel", "createVersion", "createVersionFromLoggedModel", "transitionStage",
                               "setAlias", "deleteAlias", "setVersionTag", "deleteVersionTag", "setVersionDescription"})
            QTest::newRow(op) << QString::fromLatin1(op);
    }
    void writesToANewerRevisionAreRefused()
    {
        QFETCH(QString, operation);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '"_ba + kNewerRevision + "';"));
        const QByteArray before = fileHash(path);
        const QDateTime modified = QFileInfo(path).lastModified();

        MlflowDbWriter writer(path);
        Status s;
        NewModelVersion nv;
        nv.name = kCarPrice;
        nv.source = u"mlflow-artifacts:/1/"_s + kLegacyRun + u"/artifacts/model"_s;
        if (operation == u"open"_s) {
            s = writer.open();
        } else if (operation == u"readModel"_s) {
            auto r = writer.readModel(kCarPrice);
            s = r ? Status{} : Status{r.error()};
        } else if (operation.startsWith(u"createVersion"_s)) {
            if (operation.endsWith(u"FromLoggedModel"_s))
                nv.source = u"models:/"_s + kModel3;
            auto r = writer.createVersion(nv);
            s = r ? Status{} : Status{r.error()};
        } else if (operation == u"transitionStage"_s) {
            s = writer.transitionStage(kCarPrice, 3, kStageProduction, true);
        } else if (operation == u"setAlias"_s) {
            s = writer.setAlias(kCarPrice, u"staging_candidate"_s, 4);
        } else if (operation == u"deleteAlias"_s) {
            s = writer.deleteAlias(kCarPrice, u"champion"_s);
        } else if (operation == u"setVersionTag"_s) {
            s = writer.setVersionTag(kCarPrice, 3, u"deployed_by"_s, u"modeldesk"_s);
        } else if (operation == u"deleteVersionTag"_s) {
            s = writer.deleteVersionTag(kCarPrice, 3, u"validation_status"_s);
        } else if (operation == u"setVersionDescription"_s) {
            s = writer.setVersionDescription(kCarPrice, 3, u"changed"_s);
        }
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, ErrorCategory::BadInput);  // exit code 2 in the CLI
        QCOMPARE(s.error().where, QFileInfo(path).absoluteFilePath());
        QVERIFY2(s.error().message.contains(u"newer MLflow"_s), qPrintable(s.error().message));
        QVERIFY2(s.error().message.contains(QLatin1String(kNewerRevision)), qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(u"bf29a5ff90ea"_s));
        QVERIFY(s.error().message.contains(u"refused"_s));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    }

    // A file migrated after the writer opened it is not written either (the check runs under the
    // write lock of each transaction).
    void fileMigratedAfterOpenIsNotWritten()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        MlflowDbWriter writer(path);
        QVERIFY(writer.open().ok());
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '"_ba + kNewerRevision + "';"));
        const QStringList before = rows(path, "SELECT name, version, current_stage FROM model_versions ORDER BY 1, 2");
        const Status s = writer.transitionStage(kCarPrice, 3, kStageProduction, true);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, ErrorCategory::Conflict);
        QVERIFY2(s.error().message.contains(QLatin1String(kNewerRevision)), qPrintable(s.error().message));
        QCOMPARE(rows(path, "SELECT name, version, current_stage FROM model_versions ORDER BY 1, 2"), before);
    }

    // The registry writes the recorded REST session applied (ids.json), on a copy of mlflow.db,
    // compared with the same rows of mlflow-after-writes.db (timestamps aside).
    void recordedWritesGiveMlflowsRows()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        MlflowDbWriter writer(path);
        QVERIFY2(writer.open().ok(), "open");

        Status s = writer.transitionStage(kCarPrice, 3, kStageProduction, true);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        s = writer.setAlias(kCarPrice, u"staging_candidate"_s, 4);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        s = writer.deleteAlias(kCarPrice, u"staging_candidate"_s);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        s = writer.setAlias(kCarPrice, u"tmp_query_delete"_s, 1);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        s = writer.deleteAlias(kCarPrice, u"tmp_query_delete"_s);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        s = writer.setVersionTag(kCarPrice, 3, u"deployed_by"_s, u"modeldesk-fixture"_s);
        QVERIFY2(s.ok(), qPrintable(errorText(s)));
        NewModelVersion nv;
        nv.name = kCarPrice;
        nv.source = u"models:/"_s + kModel3;
        nv.runId = kRun17;
        nv.description = u"v5 from models:/ source"_s;
        auto created = writer.createVersion(nv);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->version, 5);
        QCOMPARE(created->modelId, kModel3);
        QCOMPARE(created->source, u"models:/"_s + kModel3);
        QCOMPARE(created->runId, kRun17);
        QCOMPARE(created->currentStage, kStageNone);

        // The REST session wrote run_link '' and the description '' where our writer (like MLflow's
        // Python store called directly) writes NULL: compared as text.
        const QByteArray versions =
            "SELECT name, version, COALESCE(description, ''), user_id, current_stage, source, run_id, status, "
            "status_message, COALESCE(run_link, ''), storage_location FROM model_versions ORDER BY name, version";
        QCOMPARE(rows(path, versions), rows(afterWrites(), versions));
        for (const char *sql : {"SELECT * FROM model_version_tags ORDER BY name, version, key",
                                "SELECT * FROM registered_model_aliases ORDER BY name, alias",
                                "SELECT * FROM registered_model_tags ORDER BY name, key",
                                "SELECT name, description FROM registered_models ORDER BY name",
                                "SELECT * FROM logged_model_tags ORDER BY model_id, tag_key",
                                "SELECT * FROM logged_models ORDER BY model_id",
                                "SELECT * FROM logged_model_params ORDER BY model_id, param_key",
                                "SELECT * FROM logged_model_metrics ORDER BY model_id, metric_name"})
            QCOMPARE(rows(path, sql), rows(afterWrites(), sql));
        QCOMPARE(rows(path, "SELECT tag_value FROM logged_model_tags WHERE tag_key = 'mlflow.modelVersions' "
                            "AND model_id = '"_ba + kModel3.toUtf8() + "'"),
                 QStringList{u"[{\"name\": \"car_price_model\", \"version\": 3}, {\"name\": \"car_price_model\", \"version\": 5}]"_s});

        // The timestamps MLflow moved: v2 and v3 in the one transition, the model by the new version.
        QCOMPARE(rows(path, "SELECT COUNT(DISTINCT last_updated_time) FROM model_versions WHERE name = "
                            "'car_price_model' AND version IN (2, 3)"),
                 QStringList{u"1"_s});
        QCOMPARE(rows(path, "SELECT last_updated_time FROM registered_models WHERE name = 'car_price_model'"),
                 rows(path, "SELECT creation_time FROM model_versions WHERE name = 'car_price_model' AND version = 5"));
        QCOMPARE(rows(path, "SELECT * FROM alembic_version"), QStringList{u"bf29a5ff90ea"_s});

        // And the reader sees what the server showed after the writes (078, 079, 080).
        CollectingSink sink;
        QVERIFY(readFile(path, sink).ok());
        QCOMPARE(sink.problems.size(), 0);
        const RegisteredModel *m = sink.model(kCarPrice);
        QVERIFY(m);
        const QJsonArray after = rest(u"078_model_versions_search_after_writes.json"_s)[u"model_versions"_s].toArray();
        QCOMPARE(m->versions.size(), after.size());
        for (const QJsonValue &j : after) {
            const ModelVersion *v = m->findVersion(j[u"version"_s].toString().toLongLong());
            QVERIFY(v);
            QCOMPARE(v->currentStage, j[u"current_stage"_s].toString());
            QCOMPARE(v->source, j[u"source"_s].toString());
            QCOMPARE(v->runId, j[u"run_id"_s].toString());
            QCOMPARE(keyValueSet(v->tags), keyValueSet(j[u"tags"_s].toArray()));
        }
        QCOMPARE(m->findVersion(5)->modelId, kModel3);
        const QJsonObject lm = rest(u"080_logged_models_get_after_register.json"_s)[u"model"_s].toObject();
        QCOMPARE(keyValueSet(sink.loggedModelById(kModel3)->tags), keyValueSet(lm[u"info"_s][u"tags"_s].toArray()));
    }

    // MLflow 3's SQL store: without a run id the LoggedModel's source run is taken; the version is
    // appended to the model's mlflow.modelVersions as json.dumps writes it (non-ASCII escaped).
    void createVersionFromALoggedModel()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        MlflowDbWriter writer(path);
        NewModelVersion nv;
        nv.name = kChurn;
        nv.source = u"models:/"_s + kChurnModel1;
        auto created = writer.createVersion(nv);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->version, 4);
        QCOMPARE(created->runId, kChurnRun1);
        QCOMPARE(created->modelId, kChurnModel1);
        QCOMPARE(rows(path, "SELECT storage_location FROM model_versions WHERE name = 'churn_model_v3' AND version = 4"),
                 QStringList{u"mlflow-artifacts:/2/models/"_s + kChurnModel1 + u"/artifacts"_s});
        const QByteArray tag = "SELECT experiment_id, tag_value FROM logged_model_tags WHERE tag_key = "
                               "'mlflow.modelVersions' AND model_id = '"_ba + kChurnModel1.toUtf8() + "'";
        QCOMPARE(rows(path, tag),
                 QStringList{u"2|[{\"name\": \"churn_model_v3\", \"version\": 1}, {\"name\": \"churn_model_v3\", \"version\": 4}]"_s});

        // A new registered model whose name is not ASCII, from a LoggedModel without that tag yet.
        QVERIFY(execSql(path, "DELETE FROM logged_model_tags WHERE tag_key = 'mlflow.modelVersions' AND model_id = '"_ba
                                  + kModel2.toUtf8() + "';"));
        nv.name = u"Preismodell \"Ü\""_s;
        nv.source = u"models:/"_s + kModel2;
        created = writer.createVersion(nv);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->version, 1);
        QCOMPARE(rows(path, "SELECT tag_value FROM logged_model_tags WHERE tag_key = 'mlflow.modelVersions' AND "
                            "model_id = '"_ba + kModel2.toUtf8() + "'"),
                 QStringList{u"[{\"name\": \"Preismodell \\\"\\u00dc\\\"\", \"version\": 1}]"_s});

        // A tag value that is not a JSON list is left as it is; the version is still created.
        QVERIFY(execSql(path, "UPDATE logged_model_tags SET tag_value = 'hand-edited' WHERE tag_key = "
                              "'mlflow.modelVersions' AND model_id = '"_ba + kModel1.toUtf8() + "';"));
        nv.name = kCarPrice;
        nv.source = u"models:/"_s + kModel1;
        created = writer.createVersion(nv);
        QVERIFY(created.ok());
        QCOMPARE(rows(path, "SELECT tag_value FROM logged_model_tags WHERE tag_key = 'mlflow.modelVersions' AND "
                            "model_id = '"_ba + kModel1.toUtf8() + "'"),
                 QStringList{u"hand-edited"_s});
    }

    void createVersionFromAMissingLoggedModel_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("unknown id") << u"m-00000000000000000000000000000000"_s << QByteArray();
        QTest::newRow("deleted") << kModel1
                                 << "UPDATE logged_models SET lifecycle_stage = 'deleted' WHERE model_id = '"_ba
                                        + kModel1.toUtf8() + "';";
    }
    void createVersionFromAMissingLoggedModel()
    {
        QFETCH(QString, modelId);
        QFETCH(QByteArray, sql);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        if (!sql.isEmpty())
            QVERIFY(execSql(path, sql));
        const QByteArray before = fileHash(path);
        MlflowDbWriter writer(path);
        NewModelVersion nv;
        nv.name = kCarPrice;
        nv.source = u"models:/"_s + modelId;
        const auto created = writer.createVersion(nv);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().category, ErrorCategory::NotFound);
        QVERIFY2(created.error().message.contains(modelId), qPrintable(created.error().message));
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestMlflowDb3)
#include "tst_mlflowdb3.moc"
