// SPDX-License-Identifier: GPL-3.0-or-later
// FileStoreSource and FileStoreWriter on the real MLflow 3.6 file store in
// tests/data/mlflow3/mlruns (made by MLflow 3's client; ids from tests/data/mlflow3/ids.json,
// "mlruns_file_store"; data set in tests/data/mlflow3/FIXTURES.md). Tests that write work on a
// temporary copy.

#include "CollectingSink.h"
#include "TestSupport.h"
#include "sources/filestore/FileStoreSource.h"
#include "sources/filestore/FileStoreWriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace md;

namespace {

const QString kCarExp = u"344705800087089958"_s;
const QString kChurnExp = u"669855188525073774"_s;
const QString kModel = u"car_price_model"_s;
const QString kChurnModel = u"churn_model_v3"_s;
const QString kPrompt = u"car_price_summary_prompt"_s;
// The three LoggedModels of car_price_v3 and the runs that logged them (gbr-04, gbr-11, gbr-17).
const QString kModelV1 = u"m-ec36b1e3cb2a4d93a4436b429adfb660"_s;
const QString kModelV2 = u"m-463d465b6f0e4bc780921f630a801419"_s;
const QString kModelV3 = u"m-97073af06c1f43ed8fb5b114c39d2a0e"_s;
const QString kRunV1 = u"9c4957d5dab74f33b357293cf8f1e836"_s;
const QString kRunV2 = u"8dfc80d9af904ddd8265507d5f2172ef"_s;
const QString kRunV3 = u"5ae2360de35b4ff8b0dab1be091fe17f"_s;
const QString kStoreUri = u"file:///home/ds/projects/car-price-v3/mlruns"_s;

using CollectSink = md::test::CollectingSink;

QString storePath() { return test::dataPath(u"mlflow3/mlruns"_s); }

QJsonObject fixtureIds()
{
    QFile f(test::dataPath(u"mlflow3/ids.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"mlruns_file_store"_s).toObject();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString valueOf(const QList<KeyValue> &list, const QString &key)
{
    for (const KeyValue &kv : list)
        if (kv.key == key)
            return kv.value;
    return u"<unset>"_s;
}

QList<MetricPoint> historyOf(const Run &run, const QString &key)
{
    QList<MetricPoint> out;
    for (const MetricPoint &p : run.history)
        if (p.key == key)
            out.append(p);
    return out;
}

std::optional<double> latest(const Run &run, const QString &key)
{
    for (const MetricPoint &p : run.latestMetrics)
        if (p.key == key)
            return p.value;
    return std::nullopt;
}

/// The distinct (timestamp, value, step) lines of a run's metric file, as MLflow's SQL store
/// would keep them: what the history of that metric must hold.
qsizetype distinctLines(const QString &path)
{
    QSet<QString> seen;
    for (const QByteArray &line : readFile(path).split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(' ');
        if (f.size() >= 3)
            seen.insert(QString::fromUtf8(f[0] + ' ' + f[1] + ' ' + f[2]));
    }
    return seen.size();
}

/// Reads a store whole.
std::unique_ptr<CollectSink> readStore(const QString &path)
{
    auto sink = std::make_unique<CollectSink>();
    std::atomic_bool cancel{false};
    FileStoreSource source(path);
    const Status s = source.readAll(*sink, cancel);
    if (!s)
        qWarning("readAll: %s", qPrintable(s.error().toString()));
    return sink;
}

/// A writable copy of the MLflow 3 store.
struct StoreCopy {
    QTemporaryDir tmp;
    QString path;
    StoreCopy() : path(tmp.filePath(u"mlruns"_s)) { QVERIFY(test::copyTree(storePath(), path)); }
    QString file(const QString &relative) const { return path + u'/' + relative; }
};

/// `text` with every "last_updated_timestamp: <n>" (and creation_timestamp) replaced by "T".
QString withoutStamps(const QByteArray &text)
{
    static const QRegularExpression stamp(u"(last_updated_timestamp|creation_timestamp): \\d+"_s);
    return QString::fromUtf8(text).replace(stamp, u"\\1: T"_s);
}

/// Every file below `dir` with its bytes.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(path.mid(dir.size() + 1), readFile(path));
    }
    return out;
}

} // namespace

class TestFileStore3 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(storePath()).isDir());
        m_sink = readStore(storePath());
        QVERIFY2(m_sink->problems.isEmpty(), qPrintable(m_sink->problemsText()));
    }

    // ---- reading

    void experimentsWithEighteenDigitIds()
    {
        QStringList ids;
        QStringList names;
        for (const Experiment &e : std::as_const(m_sink->experiments)) {
            ids.append(e.experimentId);
            names.append(e.name);
        }
        // Sorted as numbers: "0" first, then the random 18-digit ids of MLflow's file store.
        QCOMPARE(ids, (QStringList{u"0"_s, kCarExp, kChurnExp}));
        QCOMPARE(names, (QStringList{u"Default"_s, u"car_price_v3"_s, u"churn_v3"_s}));
        QCOMPARE(fixtureIds().value(u"experiment_id"_s).toString(), kCarExp);
        QCOMPARE(fixtureIds().value(u"churn_experiment_id"_s).toString(), kChurnExp);
        const Experiment &car = m_sink->experiments[1];
        QCOMPARE(car.artifactLocation, kStoreUri + u'/' + kCarExp);
        QCOMPARE(car.creationTime, 1796404047313);
        QCOMPARE(valueOf(car.tags, u"mlflow_major"_s), u"3"_s);
        QCOMPARE(valueOf(car.tags, u"project"_s), u"car_price"_s);
    }

    void experimentIdsOfAnyLengthSortAsNumbers()
    {
        // Ids past 2^64 (and past a double's 15-16 exact digits) must neither overflow nor round.
        QTemporaryDir tmp;
        const QStringList ids{u"10"_s, u"9"_s, u"18446744073709551616"_s, u"18446744073709551615"_s,
                              u"344705800087089958"_s, u"344705800087089959"_s, u"123456789012345678901234"_s,
                              u"abc"_s};
        for (const QString &id : ids)
            QVERIFY(test::writeFile(tmp.filePath(id + u"/meta.yaml"_s),
                                    QByteArray("experiment_id: '" + id.toUtf8() + "'\nname: e" + id.toUtf8() + "\n")));
        auto sink = readStore(tmp.path());
        QVERIFY2(sink->problems.isEmpty(), qPrintable(sink->problemsText()));
        QStringList order;
        for (const Experiment &e : std::as_const(sink->experiments))
            order.append(e.experimentId);
        QCOMPARE(order, (QStringList{u"9"_s, u"10"_s, u"344705800087089958"_s, u"344705800087089959"_s,
                                     u"18446744073709551615"_s, u"18446744073709551616"_s,
                                     u"123456789012345678901234"_s, u"abc"_s}));
    }

    void runsPerExperiment()
    {
        QHash<QString, int> perExperiment;
        QHash<QString, int> deleted;
        for (const Run &r : std::as_const(m_sink->runs)) {
            ++perExperiment[r.experimentId];
            if (r.lifecycleStage == kDeleted)
                ++deleted[r.experimentId];
        }
        // car_price_v3: gbr-00 … gbr-19, the nested child, the legacy run, the RUNNING run and the
        // deleted one; churn_v3: three logreg runs. `models/` is not a run.
        QCOMPARE(perExperiment.value(kCarExp), 24);
        QCOMPARE(perExperiment.value(kChurnExp), 3);
        QCOMPARE(perExperiment.value(u"0"_s), 0);
        QCOMPARE(deleted.value(kCarExp), 1);
        QCOMPARE(m_sink->expectedRuns, 27);
        QCOMPARE(m_sink->runs.size(), 27);

        const QJsonObject ids = fixtureIds();
        for (const QJsonValue &id : ids.value(u"runs"_s).toArray())
            QVERIFY2(m_sink->runById(id.toString()), qPrintable(id.toString()));
        for (const QJsonValue &id : ids.value(u"churn_runs"_s).toArray())
            QCOMPARE(m_sink->runById(id.toString())->experimentId, kChurnExp);
        const Run *gone = m_sink->runById(ids.value(u"deleted_run_id"_s).toString());
        QVERIFY(gone);
        QCOMPARE(gone->runName, u"scratch-deleted"_s);
        QCOMPARE(gone->lifecycleStage, kDeleted);
        const Run *legacy = m_sink->runById(ids.value(u"legacy_run_id"_s).toString());
        QVERIFY(legacy);
        QCOMPARE(legacy->runName, u"ridge-legacy-artifacts"_s);
        QVERIFY(legacy->modelOutputs.isEmpty());
    }

    void runningRunAndNestedChild()
    {
        const QJsonObject ids = fixtureIds();
        const Run *running = m_sink->runById(ids.value(u"running_run_id"_s).toString());
        QVERIFY(running);
        QCOMPARE(running->runName, u"gbr-live-running"_s);
        QCOMPARE(running->status, u"RUNNING"_s);
        QVERIFY(!running->endTime);
        const QList<MetricPoint> points = historyOf(*running, u"val_r2_score"_s);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0], (MetricPoint{u"val_r2_score"_s, 0.5, 1796000000000, 0}));
        QCOMPARE(points[2], (MetricPoint{u"val_r2_score"_s, 0.6, 1796000000002, 2}));
        QCOMPARE(latest(*running, u"val_r2_score"_s).value_or(-1), 0.6);

        const Run *child = m_sink->runById(ids.value(u"nested_run_id"_s).toString());
        QVERIFY(child);
        QCOMPARE(child->runName, u"gbr-19-cv-fold-0"_s);
        QCOMPARE(child->parentRunId(), ids.value(u"nested_parent_run_id"_s).toString());
        QCOMPARE(m_sink->runById(child->parentRunId())->runName, u"gbr-19"_s);
        QCOMPARE(child->status, u"FINISHED"_s);
    }

    void metricHistoriesHoldWhatTheFilesHold()
    {
        // Every history holds the distinct lines of its file; 221 points in all, the number of
        // rows of the `metrics` table of mlflow.db made by the same generator (218 + 3).
        qsizetype total = 0;
        for (const Run &r : std::as_const(m_sink->runs)) {
            const QString dir = storePath() + u'/' + r.experimentId + u'/' + r.runId + u"/metrics"_s;
            const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
            QStringList keys;
            for (const MetricPoint &p : r.latestMetrics)
                keys.append(p.key);
            keys.sort();
            QCOMPARE(keys, files);
            for (const QString &key : files)
                QCOMPARE(historyOf(r, key).size(), distinctLines(dir + u'/' + key));
            total += r.history.size();
        }
        QCOMPARE(total, 221);

        // gbr-11 (logged LoggedModel kModelV2): five steps, step 4 logged with model_id.
        const Run *run = m_sink->runById(kRunV2);
        QVERIFY(run);
        QCOMPARE(run->runName, u"gbr-11"_s);
        const QList<MetricPoint> rmse = historyOf(*run, u"rmse"_s);
        QCOMPARE(rmse.size(), 5);
        QCOMPARE(rmse.first(), (MetricPoint{u"rmse"_s, 3573.135499028191, 1796404049311, 0}));
        QCOMPARE(rmse.last(), (MetricPoint{u"rmse"_s, 2446.1963068398504, 1796404049328, 4}));
        QCOMPARE(latest(*run, u"val_r2_score"_s).value_or(-1), 0.6128897365942737);
        // "timestamp value step dataset_name dataset_digest": the run's metric keeps the first three.
        QCOMPARE(readFile(storePath() + u'/' + kCarExp + u'/' + kRunV2 + u"/metrics/holdout_rmse"_s),
                 QByteArray("1796404049338 2481.427181539728 0 cars_synth_v1_val bc79217c\n"));
        QCOMPARE(historyOf(*run, u"holdout_rmse"_s),
                 (QList<MetricPoint>{{u"holdout_rmse"_s, 2481.427181539728, 1796404049338, 0}}));
        QCOMPARE(run->params.size(), 3);
        QCOMPARE(valueOf(run->params, u"learning_rate"_s), u"0.03"_s);
        // Its dataset input is read as before; the model input goes to modelInputs.
        QCOMPARE(run->inputs.size(), 1);
        QCOMPARE(run->inputs[0].name, u"cars_synth_v1_val"_s);
        QCOMPARE(run->inputs[0].digest, u"bc79217c"_s);
        QCOMPARE(run->inputs[0].context, u"validation"_s);
    }

    void duplicatedMetricLinesReadOnce()
    {
        // Logging a model re-logged `accuracy` linked to it: each churn_v3 run's file has the same
        // line twice; mlflow.db has one row each. So one point, in the history and the latest.
        int runs = 0;
        for (const QJsonValue &id : fixtureIds().value(u"churn_runs"_s).toArray()) {
            const Run *run = m_sink->runById(id.toString());
            QVERIFY(run);
            const QString path = storePath() + u'/' + kChurnExp + u'/' + run->runId + u"/metrics/accuracy"_s;
            const QList<QByteArray> lines = readFile(path).trimmed().split('\n');
            QCOMPARE(lines.size(), 2);
            QCOMPARE(lines[0], lines[1]);
            const QList<MetricPoint> points = historyOf(*run, u"accuracy"_s);
            QCOMPARE(points.size(), 1);
            QCOMPARE(points[0].value, 0.9533333333333334);
            QCOMPARE(points[0].step, 0);
            QCOMPARE(points[0].timestamp, lines[0].split(' ')[0].toLongLong());
            QCOMPARE(run->latestMetrics.size(), 1);
            ++runs;
        }
        QCOMPARE(runs, 3);
    }

    void duplicatesAnywhereInAFileReadOnceInOrder()
    {
        // A repeat may come after later lines (a model logged after more training steps); equal
        // values in another form ("1.0" and "1", NaN and nan) are the same value.
        StoreCopy copy;
        const QString path = copy.file(kCarExp + u'/' + kRunV2 + u"/metrics/rmse"_s);
        QVERIFY(test::writeFile(path, readFile(path) + "1796404049313 3292.1744968108874 1\n"
                                                     "1796404049400 1.0 5\n1796404049400 1 5\n"
                                                     "1796404049401 NaN 6\n1796404049401 nan 6\n"
                                                     "1796404049311 3573.135499028191 7\n"));
        auto sink = readStore(copy.path);
        QVERIFY2(sink->problems.isEmpty(), qPrintable(sink->problemsText()));
        const QList<MetricPoint> points = historyOf(*sink->runById(kRunV2), u"rmse"_s);
        QList<qint64> steps;
        for (const MetricPoint &p : points)
            steps.append(p.step);
        // Step 7 repeats a timestamp and a value, but not the step: a point of its own.
        QCOMPARE(steps, (QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7}));
    }

    void loggedModels()
    {
        // Six LoggedModels, each delivered after its experiment's runs, sorted by id.
        QStringList ids;
        for (const LoggedModel &m : std::as_const(m_sink->loggedModels))
            ids.append(m.modelId);
        QCOMPARE(ids, (QStringList{kModelV2, kModelV3, kModelV1, u"m-6683b60804c240d4aedc11ead1a22733"_s,
                                   u"m-9ead945fbd8c4dae8098ccd875b90975"_s, u"m-c868a35c188d4eb5b391a59cc90daf69"_s}));
        const QStringList &calls = m_sink->order;
        for (const LoggedModel &m : std::as_const(m_sink->loggedModels)) {
            const qsizetype at = calls.indexOf(u"L:"_s + m.modelId);
            const qsizetype exp = calls.indexOf(u"E:"_s + m.experimentId);
            QVERIFY(exp >= 0 && exp < at);
            for (const Run &r : std::as_const(m_sink->runs))
                if (r.experimentId == m.experimentId)
                    QVERIFY(calls.indexOf(u"R:"_s + r.runId) < at);
            QVERIFY(at < calls.indexOf(u"M:"_s + kModel));
            const qsizetype nextExp = calls.indexOf(QRegularExpression(u"^E:"_s), exp + 1);
            QVERIFY(nextExp < 0 || at < nextExp);
            QCOMPARE(m.name, u"model"_s);
            QCOMPARE(m.status, u"READY"_s);  // `status: 2` in the file
            QCOMPARE(m.lifecycleStage, kActive);
            QCOMPARE(m.artifactLocation,
                     kStoreUri + u'/' + m.experimentId + u"/models/"_s + m.modelId + u"/artifacts"_s);
        }
        qsizetype metrics = 0;
        for (const LoggedModel &m : std::as_const(m_sink->loggedModels))
            metrics += m.metrics.size();
        QCOMPARE(metrics, 12);  // the rows of mlflow.db's logged_model_metrics

        const LoggedModel *m = m_sink->loggedModelById(kModelV2);
        QVERIFY(m);
        QCOMPARE(m->experimentId, kCarExp);
        QCOMPARE(m->sourceRunId, kRunV2);
        QCOMPARE(m->creationTime, 1796404049143);
        QCOMPARE(m->lastUpdatedTime, 1796404049300);
        QCOMPARE(m->modelType, QString());
        QCOMPARE(m->statusMessage, QString());
        QCOMPARE(m->params, (QList<KeyValue>{{u"learning_rate"_s, u"0.03"_s}, {u"max_depth"_s, u"2"_s},
                                             {u"n_estimators"_s, u"100"_s}}));
        QCOMPARE(valueOf(m->tags, u"trained_on"_s), u"cars_synth_v1"_s);
        QCOMPARE(valueOf(m->tags, u"mlflow.modelVersions"_s), u"[{\"name\": \"car_price_model\", \"version\": 2}]"_s);
        QCOMPARE(m->tags.size(), 5);
        // Sorted by key; holdout_rmse is linked to the validation data set.
        QCOMPARE(m->metrics,
                 (QList<LoggedModelMetric>{
                     {u"holdout_rmse"_s, 2481.427181539728, 1796404049338, 0, kRunV2, u"cars_synth_v1_val"_s,
                      u"bc79217c"_s},
                     {u"rmse"_s, 2446.1963068398504, 1796404049328, 4, kRunV2, {}, {}},
                     {u"val_r2_score"_s, 0.6128897365942737, 1796404049326, 4, kRunV2, {}, {}}}));

        // The three car_price_v3 models: their params and dataset-linked holdout_rmse.
        const QList<std::tuple<QString, QString, QString, double>> car{
            {kModelV1, kRunV1, u"300"_s, 2214.5668124290955},
            {kModelV2, kRunV2, u"100"_s, 2481.427181539728},
            {kModelV3, kRunV3, u"50"_s, 2405.4436619737917}};
        for (const auto &[id, run, estimators, holdout] : car) {
            const LoggedModel *lm = m_sink->loggedModelById(id);
            QVERIFY(lm);
            QCOMPARE(lm->sourceRunId, run);
            QCOMPARE(valueOf(lm->params, u"n_estimators"_s), estimators);
            QCOMPARE(lm->metrics.size(), 3);
            QCOMPARE(lm->metrics[0].key, u"holdout_rmse"_s);
            QCOMPARE(lm->metrics[0].value, holdout);
            QCOMPARE(lm->metrics[0].datasetName, u"cars_synth_v1_val"_s);
            QCOMPARE(lm->metrics[0].datasetDigest, u"bc79217c"_s);
            QCOMPARE(lm->metrics[0].runId, run);
        }
        // churn_v3: one `accuracy` each (its file has the line once), from the run that logged it.
        for (const QJsonValue &v : fixtureIds().value(u"churn_models"_s).toArray()) {
            const LoggedModel *lm = m_sink->loggedModelById(v[u"model_id"_s].toString());
            QVERIFY(lm);
            QCOMPARE(lm->experimentId, kChurnExp);
            QCOMPARE(lm->sourceRunId, v[u"run_id"_s].toString());
            QCOMPARE(lm->metrics.size(), 1);
            QCOMPARE(lm->metrics[0].key, u"accuracy"_s);
            QCOMPARE(lm->metrics[0].value, 0.9533333333333334);
            QCOMPARE(lm->metrics[0].runId, lm->sourceRunId);
            QVERIFY(lm->metrics[0].datasetName.isEmpty());
            QCOMPARE(lm->params.size(), 1);
        }
    }

    void runsModelOutputsAndInputs()
    {
        // Each run that logged a LoggedModel lists it as an output at step 0; logging metrics with
        // model_id= made it an input of the run as well (REST: inputs.model_inputs).
        QList<std::pair<QString, QString>> expected{{kRunV1, kModelV1}, {kRunV2, kModelV2}, {kRunV3, kModelV3}};
        for (const QJsonValue &v : fixtureIds().value(u"churn_models"_s).toArray())
            expected.append({v[u"run_id"_s].toString(), v[u"model_id"_s].toString()});
        int withOutputs = 0;
        for (const Run &r : std::as_const(m_sink->runs)) {
            if (!r.modelOutputs.isEmpty())
                ++withOutputs;
        }
        QCOMPARE(withOutputs, 6);
        for (const auto &[runId, modelId] : expected) {
            const Run *r = m_sink->runById(runId);
            QVERIFY(r);
            QCOMPARE(r->modelOutputs, (QList<ModelIo>{{modelId, 0}}));
            const QList<ModelIo> inputs = r->experimentId == kCarExp ? QList<ModelIo>{{modelId, 0}} : QList<ModelIo>{};
            QCOMPARE(r->modelInputs, inputs);
        }
    }

    void versionsWithModelIdAndAliases()
    {
        const RegisteredModel *car = m_sink->model(kModel);
        QVERIFY(car);
        QVERIFY(!car->isPrompt());
        QCOMPARE(car->description, u"Car price regressor (MLflow 3 data set)"_s);
        QCOMPARE(valueOf(car->tags, u"team"_s), u"pricing"_s);
        QCOMPARE(car->aliases, (QList<ModelAlias>{{u"challenger"_s, 3}, {u"champion"_s, 2}}));
        QCOMPARE(car->versions.size(), 4);
        const QList<std::tuple<QString, QString, QString, QStringList, QString>> rows{
            {u"Archived"_s, kModelV1, kRunV1, {}, u"superseded"_s},
            {u"Production"_s, kModelV2, kRunV2, {u"champion"_s}, u"approved"_s},
            {u"None"_s, kModelV3, kRunV3, {u"challenger"_s}, u"pending"_s}};
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const auto &[stage, modelId, runId, aliases, status] = rows[i];
            const ModelVersion &v = car->versions[i];
            QCOMPARE(v.version, i + 1);
            QCOMPARE(v.currentStage, stage);
            QCOMPARE(v.modelId, modelId);
            QCOMPARE(v.source, u"models:/"_s + modelId);
            QCOMPARE(v.runId, runId);
            QCOMPARE(v.aliases, aliases);
            QCOMPARE(valueOf(v.tags, u"validation_status"_s), status);
        }
        QCOMPARE(car->versions[1].description, u"Current production model"_s);
        // v4 was registered from the run's plain artifacts: no LoggedModel (`model_id: null`).
        const ModelVersion &v4 = car->versions[3];
        QVERIFY(v4.modelId.isEmpty());
        QCOMPARE(v4.source, kStoreUri + u'/' + kCarExp + u"/d7e8691d5a334cb19ea0852a4eda4fae/artifacts/model"_s);
        QCOMPARE(v4.runId, fixtureIds().value(u"legacy_run_id"_s).toString());
        QVERIFY(v4.tags.size() == 1 && v4.tags[0].key == u"registered_from"_s);

        const RegisteredModel *churn = m_sink->model(kChurnModel);
        QVERIFY(churn);
        QVERIFY(!churn->isPrompt());
        QCOMPARE(churn->aliases,
                 (QList<ModelAlias>{{u"baseline"_s, 1}, {u"challenger"_s, 3}, {u"champion"_s, 2}}));
        const QJsonArray churnModels = fixtureIds().value(u"churn_models"_s).toArray();
        QCOMPARE(churn->versions.size(), 3);
        const QStringList churnAliases{u"baseline"_s, u"champion"_s, u"challenger"_s};
        for (qsizetype i = 0; i < 3; ++i) {
            const ModelVersion &v = churn->versions[i];
            QCOMPARE(v.currentStage, u"None"_s);
            QCOMPARE(v.modelId, churnModels[i][u"model_id"_s].toString());
            QCOMPARE(v.runId, churnModels[i][u"run_id"_s].toString());
            QCOMPARE(v.aliases, QStringList{churnAliases[i]});
        }

        // Every version's model_id is the one ids.json records.
        for (const QJsonValue &row : fixtureIds().value(u"versions"_s).toArray()) {
            const ModelVersion *v = m_sink->model(row[u"name"_s].toString())->findVersion(row[u"version"_s].toInt());
            QVERIFY(v);
            QCOMPARE(v->modelId, row[u"model_id"_s].isNull() ? QString() : row[u"model_id"_s].toString());
        }
    }

    void modelIdFromTheSourceWhenTheFileHasNone()
    {
        StoreCopy copy;
        const QString path = copy.file(u"models/car_price_model/version-2/meta.yaml"_s);
        QByteArray meta = readFile(path);
        meta.replace(QByteArray("model_id: " + kModelV2.toUtf8() + '\n'), QByteArray());
        QVERIFY(test::writeFile(path, meta));
        auto sink = readStore(copy.path);
        QCOMPARE(sink->model(kModel)->findVersion(2)->modelId, kModelV2);
    }

    void promptWithItsVersions()
    {
        const RegisteredModel *prompt = m_sink->model(kPrompt);
        QVERIFY(prompt);
        QVERIFY(prompt->isPrompt());
        QCOMPARE(prompt->tags, (QList<KeyValue>{{kPromptTag, u"true"_s}, {u"team"_s, u"pricing"_s}}));
        QCOMPARE(prompt->aliases, (QList<ModelAlias>{{u"production"_s, 2}}));
        QCOMPARE(prompt->versions.size(), 2);
        const ModelVersion &v1 = prompt->versions[0];
        const ModelVersion &v2 = prompt->versions[1];
        QCOMPARE(valueOf(v1.tags, kPromptTextTag),
                 u"Summarise the price estimate {{price}} for a {{age}}-year-old car in one sentence."_s);
        QCOMPARE(valueOf(v2.tags, kPromptTextTag),
                 u"You are a car pricing assistant. Explain the estimate {{price}} for a {{age}}-year-old car."_s);
        QCOMPARE(valueOf(v1.tags, kPromptTag), u"true"_s);
        QCOMPARE(valueOf(v1.tags, u"_mlflow_prompt_type"_s), u"text"_s);
        QCOMPARE(v1.description, u"initial prompt"_s);
        QCOMPARE(v2.description, u"more context"_s);
        QCOMPARE(v2.aliases, QStringList{u"production"_s});
        QCOMPARE(v1.source, u"dummy-source"_s);
        QVERIFY(v1.runId.isEmpty());
        QVERIFY(v1.modelId.isEmpty());

        QStringList order;
        for (const RegisteredModel &m : std::as_const(m_sink->models))
            order.append(m.name);
        QCOMPARE(order, (QStringList{kModel, kPrompt, kChurnModel}));
    }

    void brokenLoggedModelFilesAreProblemsTheRestLoads()
    {
        StoreCopy copy;
        const QString corruptMeta = copy.file(kCarExp + u"/models/"_s + kModelV2 + u"/meta.yaml"_s);
        QVERIFY(test::writeFile(corruptMeta, "artifact_location: [unclosed\nmodel_id: x\n"));
        const QString badMetric = copy.file(kCarExp + u"/models/"_s + kModelV3 + u"/metrics/rmse"_s);
        QVERIFY(test::writeFile(badMetric, readFile(badMetric) + "1796404049999 2400.5\n"));
        const QString badRunMetric = copy.file(kCarExp + u'/' + kRunV1 + u"/metrics/rmse"_s);
        QVERIFY(test::writeFile(badRunMetric, readFile(badRunMetric) + "1796404049999 1 2 only_a_name\n"));
        const QString badOutput = copy.file(kChurnExp + u"/f1478184175642869c106c7468cee29e/outputs/"_s
                                            + u"m-6683b60804c240d4aedc11ead1a22733/meta.yaml"_s);
        QVERIFY(test::writeFile(badOutput, "{"));

        auto sink = readStore(copy.path);
        QCOMPARE(sink->problems.size(), 4);
        QStringList where;
        for (const ReadProblem &p : std::as_const(sink->problems)) {
            QCOMPARE(p.error.category, ErrorCategory::BadInput);
            where.append(p.error.where);
        }
        where.sort();
        // yaml-cpp sees the unclosed sequence on the line after it.
        QStringList expected{corruptMeta + u":2"_s, badRunMetric + u":6"_s, badMetric + u":2"_s, badOutput + u":1"_s};
        expected.sort();
        QCOMPARE(where, expected);

        // Everything else still loads: the five other LoggedModels, the broken metric file's
        // good line, every run (the one with the bad output without it), every model.
        QCOMPARE(sink->loggedModels.size(), 5);
        QVERIFY(!sink->loggedModelById(kModelV2));
        const LoggedModel *v3 = sink->loggedModelById(kModelV3);
        QVERIFY(v3);
        QCOMPARE(v3->metrics.size(), 3);
        QCOMPARE(v3->metrics[1].key, u"rmse"_s);
        QCOMPARE(v3->metrics[1].value, 2360.1251807393946);
        QCOMPARE(sink->runs.size(), 27);
        QCOMPARE(historyOf(*sink->runById(kRunV1), u"rmse"_s).size(), 5);
        QVERIFY(sink->runById(u"f1478184175642869c106c7468cee29e"_s)->modelOutputs.isEmpty());
        QCOMPARE(sink->models.size(), 3);
    }

    // ---- writing (FileStoreWriter on a copy)

    void transitionKeepsEveryKeyMlflow3Wrote()
    {
        StoreCopy copy;
        FileStoreWriter writer(copy.path);
        QVERIFY(writer.open().ok());
        const QString v2Path = copy.file(u"models/car_price_model/version-2/meta.yaml"_s);
        const QString v3Path = copy.file(u"models/car_price_model/version-3/meta.yaml"_s);
        const QString modelPath = copy.file(u"models/car_price_model/meta.yaml"_s);
        const QByteArray v2 = readFile(v2Path);
        const QByteArray v3 = readFile(v3Path);
        const QByteArray model = readFile(modelPath);

        // As recorded on the server (rest/068): v3 to Production archives v2.
        QVERIFY(writer.transitionStage(kModel, 3, u"Production"_s, true).ok());
        // Only the stage and the time change: model_id, deployment_job_state and the absence of
        // an aliases copy (MLflow 3 writes none into a version's file) are kept.
        QCOMPARE(withoutStamps(readFile(v3Path)),
                 withoutStamps(v3).replace(u"current_stage: None"_s, u"current_stage: Production"_s));
        QCOMPARE(withoutStamps(readFile(v2Path)),
                 withoutStamps(v2).replace(u"current_stage: Production"_s, u"current_stage: Archived"_s));
        QCOMPARE(withoutStamps(readFile(modelPath)), withoutStamps(model));
        QVERIFY(readFile(modelPath).contains("deployment_job_id: null\ndeployment_job_state: null\n"));

        auto sink = readStore(copy.path);
        QVERIFY2(sink->problems.isEmpty(), qPrintable(sink->problemsText()));
        const RegisteredModel *m = sink->model(kModel);
        QCOMPARE(m->findVersion(3)->currentStage, u"Production"_s);
        QCOMPARE(m->findVersion(3)->modelId, kModelV3);
        QCOMPARE(m->findVersion(2)->currentStage, u"Archived"_s);
        QCOMPARE(m->findVersion(2)->modelId, kModelV2);
        QCOMPARE(m->findVersion(1)->currentStage, u"Archived"_s);
    }

    void aliasesTagsAndDescriptionKeepTheFiles()
    {
        StoreCopy copy;
        FileStoreWriter writer(copy.path);
        QVERIFY(writer.open().ok());
        const QString dir = copy.file(u"models/churn_model_v3"_s);
        const QMap<QString, QByteArray> before = snapshot(dir);

        QVERIFY(writer.setAlias(kChurnModel, u"staging_candidate"_s, 3).ok());
        QCOMPARE(readFile(dir + u"/aliases/staging_candidate"_s), QByteArray("3"));
        QMap<QString, QByteArray> after = snapshot(dir);
        // The version files are untouched; the model's file gains the alias and a new time.
        for (const QString &version : {u"version-1/meta.yaml"_s, u"version-2/meta.yaml"_s, u"version-3/meta.yaml"_s})
            QCOMPARE(after.value(version), before.value(version));
        QCOMPARE(withoutStamps(after.value(u"meta.yaml"_s)),
                 withoutStamps(before.value(u"meta.yaml"_s))
                     .replace(u"  champion: '2'\n"_s, u"  champion: '2'\n  staging_candidate: '3'\n"_s));
        auto sink = readStore(copy.path);
        QCOMPARE(sink->model(kChurnModel)->findVersion(3)->aliases,
                 (QStringList{u"challenger"_s, u"staging_candidate"_s}));

        QVERIFY(writer.deleteAlias(kChurnModel, u"staging_candidate"_s).ok());
        QCOMPARE(writer.deleteAlias(kChurnModel, u"staging_candidate"_s).error().category, ErrorCategory::NotFound);
        after = snapshot(dir);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(withoutStamps(after.value(it.key())), withoutStamps(it.value()));

        QVERIFY(writer.setVersionTag(kChurnModel, 2, u"deployed_by"_s, u"modeldesk-fixture"_s).ok());
        QCOMPARE(readFile(dir + u"/version-2/tags/deployed_by"_s), QByteArray("modeldesk-fixture"));
        QCOMPARE(readFile(dir + u"/version-2/meta.yaml"_s), before.value(u"version-2/meta.yaml"_s));
        QVERIFY(writer.deleteVersionTag(kChurnModel, 2, u"deployed_by"_s).ok());
        QVERIFY(!QFileInfo::exists(dir + u"/version-2/tags/deployed_by"_s));

        QVERIFY(writer.setVersionDescription(kChurnModel, 1, u"baseline (C=0.1)"_s).ok());
        QCOMPARE(withoutStamps(readFile(dir + u"/version-1/meta.yaml"_s)),
                 withoutStamps(before.value(u"version-1/meta.yaml"_s))
                     .replace(u"description: null"_s, u"description: baseline (C=0.1)"_s));

        auto reread = readStore(copy.path);
        QVERIFY2(reread->problems.isEmpty(), qPrintable(reread->problemsText()));
        const RegisteredModel *m = reread->model(kChurnModel);
        QCOMPARE(m->aliases, (QList<ModelAlias>{{u"baseline"_s, 1}, {u"challenger"_s, 3}, {u"champion"_s, 2}}));
        QCOMPARE(m->findVersion(1)->description, u"baseline (C=0.1)"_s);
        QCOMPARE(m->findVersion(1)->modelId, u"m-6683b60804c240d4aedc11ead1a22733"_s);
        QVERIFY(m->findVersion(2)->tags.isEmpty());
    }

    void registerVersionFromALoggedModel()
    {
        StoreCopy copy;
        FileStoreWriter writer(copy.path);
        QVERIFY(writer.open().ok());
        // As rest/076 did on the server: v5 of car_price_model from v3's LoggedModel. Without a
        // run id MLflow takes the LoggedModel's source run.
        NewModelVersion nv;
        nv.name = kModel;
        nv.source = u"models:/"_s + kModelV3;
        nv.description = u"v5 from models:/ source"_s;
        auto created = writer.createVersion(nv);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
        QCOMPARE(created->version, 5);
        QCOMPARE(created->modelId, kModelV3);
        QCOMPARE(created->runId, kRunV3);
        QCOMPARE(created->source, u"models:/"_s + kModelV3);
        QVERIFY(created->aliases.isEmpty());

        // The file MLflow 3 writes for such a version: v3's, with its own number and description.
        const QByteArray v3 = readFile(copy.file(u"models/car_price_model/version-3/meta.yaml"_s));
        const QByteArray v5 = readFile(copy.file(u"models/car_price_model/version-5/meta.yaml"_s));
        QCOMPARE(withoutStamps(v5), withoutStamps(v3)
                                        .replace(u"description: null"_s, u"description: v5 from models:/ source"_s)
                                        .replace(u"version: 3"_s, u"version: 5"_s));
        const QString storage = kStoreUri + u'/' + kCarExp + u"/models/"_s + kModelV3 + u"/artifacts"_s;
        QVERIFY(v5.contains(QByteArray("storage_location: " + storage.toUtf8() + '\n')));

        // A version from run artifacts gets MLflow 3's keys too, with model_id: null (like v4).
        NewModelVersion plain;
        plain.name = kModel;
        plain.source = kStoreUri + u'/' + kCarExp + u"/d7e8691d5a334cb19ea0852a4eda4fae/artifacts/model"_s;
        plain.runId = u"d7e8691d5a334cb19ea0852a4eda4fae"_s;
        QVERIFY(writer.createVersion(plain).ok());
        QCOMPARE(withoutStamps(readFile(copy.file(u"models/car_price_model/version-6/meta.yaml"_s))),
                 withoutStamps(readFile(copy.file(u"models/car_price_model/version-4/meta.yaml"_s)))
                     .replace(u"version: 4"_s, u"version: 6"_s));

        // A new registered model in an MLflow 3 store: its file has MLflow 3's keys.
        NewModelVersion fresh = nv;
        fresh.name = u"car_price_model_b"_s;
        fresh.description.clear();
        QVERIFY(writer.createVersion(fresh).ok());
        const QByteArray freshMeta = readFile(copy.file(u"models/car_price_model_b/meta.yaml"_s));
        QCOMPARE(withoutStamps(freshMeta),
                 u"aliases: {}\ncreation_timestamp: T\ndeployment_job_id: null\ndeployment_job_state: null\n"
                 "description: null\nlast_updated_timestamp: T\nname: car_price_model_b\n"_s);

        // An unknown LoggedModel: nothing is written.
        const QMap<QString, QByteArray> before = snapshot(copy.path);
        nv.source = u"models:/m-00000000000000000000000000000000"_s;
        auto missing = writer.createVersion(nv);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().category, ErrorCategory::NotFound);
        QCOMPARE(missing.error().where, u"source"_s);
        QCOMPARE(snapshot(copy.path), before);

        auto sink = readStore(copy.path);
        QVERIFY2(sink->problems.isEmpty(), qPrintable(sink->problemsText()));
        const RegisteredModel *m = sink->model(kModel);
        QCOMPARE(m->versions.size(), 6);
        QCOMPARE(m->findVersion(5)->modelId, kModelV3);
        QCOMPARE(m->findVersion(5)->description, u"v5 from models:/ source"_s);
        QVERIFY(m->findVersion(6)->modelId.isEmpty());
        QCOMPARE(sink->model(u"car_price_model_b"_s)->versions.size(), 1);
        QCOMPARE(sink->model(u"car_price_model_b"_s)->versions[0].modelId, kModelV3);
    }

private:
    std::unique_ptr<CollectSink> m_sink;
};

QTEST_GUILESS_MAIN(TestFileStore3)
#include "tst_filestore3.moc"
