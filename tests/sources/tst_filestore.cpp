// SPDX-License-Identifier: GPL-3.0-or-later
// FileStoreSource against the real MLflow file store in tests/data/mlruns (numbers from
// tests/data/FIXTURES.md), and against broken copies of it.

#include "TestSupport.h"
#include "sources/filestore/FileStoreSource.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using namespace md;

namespace {

/// Keeps everything a source delivers, and the order of the calls.
class CollectSink : public ImportSink {
public:
    qint64 expectedRuns = -1;
    QList<Experiment> experiments;
    QList<Run> runs;
    QList<RegisteredModel> models;
    QList<ReadProblem> problems;
    QStringList calls;  ///< "expect", "E:<id>", "R:<id>", "M:<name>"
    /// Optional hook called for every run before it is kept; its error is returned to the source.
    std::function<Status(const Run &)> onRun;

    void expectRuns(qint64 total) override
    {
        expectedRuns = total;
        calls.append(u"expect"_s);
    }
    Status experiment(const Experiment &e) override
    {
        experiments.append(e);
        calls.append(u"E:"_s + e.experimentId);
        return {};
    }
    Status run(const Run &r) override
    {
        calls.append(u"R:"_s + r.runId);
        if (onRun)
            if (Status s = onRun(r); !s)
                return s;
        runs.append(r);
        return {};
    }
    Status registeredModel(const RegisteredModel &m) override
    {
        models.append(m);
        calls.append(u"M:"_s + m.name);
        return {};
    }
    void problem(const ReadProblem &p) override { problems.append(p); }

    const Run *runById(const QString &id) const
    {
        for (const Run &r : runs)
            if (r.runId == id)
                return &r;
        return nullptr;
    }
    const Run *runByName(const QString &experimentId, const QString &name) const
    {
        for (const Run &r : runs)
            if (r.experimentId == experimentId && r.runName == name)
                return &r;
        return nullptr;
    }
    const Experiment *experimentByName(const QString &name) const
    {
        for (const Experiment &e : experiments)
            if (e.name == name)
                return &e;
        return nullptr;
    }
    const RegisteredModel *model(const QString &name) const
    {
        for (const RegisteredModel &m : models)
            if (m.name == name)
                return &m;
        return nullptr;
    }
    qint64 metricPoints() const
    {
        qint64 n = 0;
        for (const Run &r : runs)
            n += r.history.size();
        return n;
    }
    QString problemsText() const
    {
        QStringList out;
        for (const ReadProblem &p : problems)
            out.append(p.error.toString());
        return out.join(u'\n');
    }
};

QJsonObject fixtureIds()
{
    QFile f(test::dataPath(u"ids-mlruns-file-store.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::optional<double> latest(const Run &run, const QString &key)
{
    for (const MetricPoint &p : run.latestMetrics)
        if (p.key == key)
            return p.value;
    return std::nullopt;
}

QString tagValue(const QList<KeyValue> &tags, const QString &key)
{
    for (const KeyValue &kv : tags)
        if (kv.key == key)
            return kv.value;
    return {};
}

QByteArray readAllOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Fixture ids used by the tests below.
const QString kCarPrice = u"841587320559560834"_s;
const QString kSweep = u"359751329447329243"_s;
const QString kUnicodeExp = u"393852857774839636"_s;
const QString kDeletedExp = u"865311487898975224"_s;
const QString kLinearRun = u"7d7c9949f52c4a02bac3677187794007"_s;   // car_price "Linear Regression"
const QString kFailedRun = u"37aee892c92b40fdb1e7d1cd1d02fd8f"_s;   // sweep, FAILED, ends with NaN/±inf

} // namespace

class TestFileStore : public QObject {
    Q_OBJECT

private:
    CollectSink m_all;  // the fixture read once, shared by the read-only tests

    // One writable copy of the fixture store, shared by the tests that break it: copying ~4,500
    // files is slow on some disks, so each test changes a few files and cleanup() puts them back.
    QTemporaryDir m_tmp;
    QString m_store;
    struct Saved {
        QString path;
        bool existed = false;
        QByteArray bytes;
    };
    QList<Saved> m_saved;

    /// Remembers `path` (relative to the copy) so that cleanup() restores it; returns its absolute path.
    QString touch(const QString &relative)
    {
        const QString path = m_store + u'/' + relative;
        Saved s{path, QFileInfo::exists(path), readAllOf(path)};
        m_saved.append(s);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        FileStoreSource source(test::dataPath(u"mlruns"_s));
        QVERIFY2(source.open().ok(), qPrintable(source.open().ok() ? QString() : source.open().error().toString()));
        std::atomic_bool cancel = false;
        const Status s = source.readAll(m_all, cancel);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));

        QVERIFY(m_tmp.isValid());
        m_store = m_tmp.path() + u"/mlruns"_s;
        QVERIFY(test::copyTree(test::dataPath(u"mlruns"_s), m_store));
    }

    void cleanup()
    {
        // Newest first, so that a file changed twice gets its original bytes back.
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->existed)
                QVERIFY(test::writeFile(it->path, it->bytes));
            else
                QFile::remove(it->path);
        }
        m_saved.clear();
    }

    void identity()
    {
        const QString path = test::dataPath(u"mlruns"_s);
        FileStoreSource source(path);
        QCOMPARE(source.kind(), SourceKind::FileStore);
        QCOMPARE(source.uri(), QUrl::fromLocalFile(QDir::cleanPath(path)).toString());
        QVERIFY(source.uri().startsWith(u"file:///"_s));
        QVERIFY(source.uri().endsWith(u"/mlruns"_s));
        QVERIFY(FileStoreSource::looksLikeFileStore(path));
        QVERIFY(!FileStoreSource::looksLikeFileStore(test::dataPath(u"model-folder"_s)));
        QVERIFY(!FileStoreSource::looksLikeFileStore(test::dataPath(u"mlflow.db"_s)));
        QVERIFY(!FileStoreSource::looksLikeFileStore(test::dataPath(u"no-such-folder"_s)));
    }

    void noProblemsInTheFixture()
    {
        QVERIFY2(m_all.problems.isEmpty(), qPrintable(m_all.problemsText()));
    }

    void experiments()
    {
        const QJsonObject ids = fixtureIds();
        QCOMPARE(m_all.experiments.size(), 5);
        int active = 0;
        int deleted = 0;
        for (const Experiment &e : std::as_const(m_all.experiments))
            (e.lifecycleStage == kDeleted ? deleted : active)++;
        QCOMPARE(active, 4);
        QCOMPARE(deleted, 1);

        QCOMPARE(m_all.experimentByName(u"car_price"_s)->experimentId, ids[u"car_price"_s].toString());
        QCOMPARE(m_all.experimentByName(u"car_price_sweep"_s)->experimentId, ids[u"car_price_sweep"_s].toString());
        QCOMPARE(m_all.experimentByName(u"Ünïcødé-実験 🚗"_s)->experimentId, ids[u"unicode"_s].toString());
        const Experiment *scratch = m_all.experimentByName(u"scratch_deleted"_s);
        QVERIFY(scratch);
        QCOMPARE(scratch->experimentId, ids[u"deleted"_s].toString());
        QCOMPARE(scratch->lifecycleStage, kDeleted);
        const Experiment *def = m_all.experimentByName(u"Default"_s);
        QVERIFY(def);
        QCOMPARE(def->experimentId, u"0"_s);
        QCOMPARE(def->lifecycleStage, kActive);

        const Experiment *car = m_all.experimentByName(u"car_price"_s);
        QCOMPARE(car->artifactLocation, u"file:///home/ds/projects/car-price/mlruns/841587320559560834"_s);
        QCOMPARE(car->creationTime, 1795736394788);
        QCOMPARE(car->lastUpdateTime, 1795736394788);
        QCOMPARE(car->tags.size(), 7);
        QCOMPARE(tagValue(car->tags, u"mlflow.note.content"_s),
                 QString::fromUtf8(readAllOf(test::dataPath(u"mlruns/841587320559560834/tags/mlflow.note.content"_s))));

        int experimentTags = 0;
        for (const Experiment &e : std::as_const(m_all.experiments))
            experimentTags += e.tags.size();
        QCOMPARE(experimentTags, 11);
    }

    void runCounts()
    {
        QCOMPARE(m_all.expectedRuns, 209);
        QCOMPARE(m_all.runs.size(), 209);
        QHash<QString, int> perExperiment;
        QHash<QString, int> perStatus;
        QSet<QString> ids;
        int deletedSweep = 0;
        for (const Run &r : std::as_const(m_all.runs)) {
            perExperiment[r.experimentId]++;
            perStatus[r.status]++;
            ids.insert(r.runId);
            if (r.experimentId == kSweep && r.lifecycleStage == kDeleted)
                deletedSweep++;
            QVERIFY(r.hasHistory);
        }
        QCOMPARE(ids.size(), 209);
        QCOMPARE(perExperiment.value(kCarPrice), 4);
        QCOMPARE(perExperiment.value(kSweep), 200);
        QCOMPARE(perExperiment.value(kUnicodeExp), 3);
        QCOMPARE(perExperiment.value(kDeletedExp), 2);
        QCOMPARE(deletedSweep, 9);
        QCOMPARE(perStatus.value(u"FINISHED"_s), 185);
        QCOMPARE(perStatus.value(u"FAILED"_s), 13);
        QCOMPARE(perStatus.value(u"KILLED"_s), 7);
        QCOMPARE(perStatus.value(u"RUNNING"_s), 4);
        QCOMPARE(perStatus.size(), 4);

        QSet<QString> deletedIds;
        for (const QJsonValue &v : fixtureIds()[u"deleted_runs"_s].toArray())
            deletedIds.insert(v.toString());
        QCOMPARE(deletedIds.size(), 9);
        for (const Run &r : std::as_const(m_all.runs)) {
            if (r.experimentId == kSweep)
                QCOMPARE(r.lifecycleStage == kDeleted, deletedIds.contains(r.runId));
            if (r.experimentId == kDeletedExp)
                QCOMPARE(r.lifecycleStage, kDeleted);
        }
    }

    void dataCounts()
    {
        qint64 latestValues = 0;
        qint64 params = 0;
        qint64 tags = 0;
        for (const Run &r : std::as_const(m_all.runs)) {
            latestValues += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
        }
        QCOMPARE(m_all.metricPoints(), 32361);
        QCOMPARE(latestValues, 915);
        QCOMPARE(params, 1001);
        QCOMPARE(tags, 1508);
    }

    void deliveryOrder()
    {
        const QStringList &calls = m_all.calls;
        QVERIFY(!calls.isEmpty());
        QCOMPARE(calls.first(), u"expect"_s);
        QStringList experimentOrder;
        QString currentExperiment;
        QString previousRun;
        bool sawModel = false;
        QStringList modelOrder;
        for (qsizetype i = 1; i < calls.size(); ++i) {
            const QString &c = calls[i];
            if (c.startsWith(u"E:"_s)) {
                QVERIFY(!sawModel);
                currentExperiment = c.mid(2);
                experimentOrder.append(currentExperiment);
                previousRun.clear();
            } else if (c.startsWith(u"R:"_s)) {
                QVERIFY(!sawModel);
                const Run *r = m_all.runById(c.mid(2));
                QVERIFY(r);
                QCOMPARE(r->experimentId, currentExperiment);  // runs follow their experiment
                QVERIFY(previousRun < r->runId);               // sorted by run id
                previousRun = r->runId;
            } else {
                QVERIFY(c.startsWith(u"M:"_s));
                sawModel = true;
                modelOrder.append(c.mid(2));
            }
        }
        QCOMPARE(experimentOrder, (QStringList{u"0"_s, kSweep, kUnicodeExp, kCarPrice, kDeletedExp}));
        QStringList sorted = modelOrder;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(modelOrder, sorted);
        QCOMPARE(modelOrder.size(), 3);
    }

    void carPriceRuns_data()
    {
        QTest::addColumn<QString>("runName");
        QTest::addColumn<double>("valR2");
        QTest::newRow("linear") << u"Linear Regression"_s << 0.82;
        QTest::newRow("forest") << u"Random Forest"_s << 0.85;
        QTest::newRow("xgboost") << u"XGBoost"_s << 0.88;
        QTest::newRow("tuned") << u"XGBoost tuned"_s << 0.89;
    }
    void carPriceRuns()
    {
        QFETCH(QString, runName);
        QFETCH(double, valR2);
        const Run *r = m_all.runByName(kCarPrice, runName);
        QVERIFY(r);
        QVERIFY(fixtureIds()[u"car_runs"_s].toArray().contains(QJsonValue(r->runId)));
        QCOMPARE(latest(*r, u"val_r2_score"_s).value_or(-1), valR2);
        QCOMPARE(r->status, u"FINISHED"_s);
        QCOMPARE(r->lifecycleStage, kActive);
        QVERIFY(r->endTime.has_value());
        QVERIFY(*r->endTime >= r->startTime);
        QVERIFY(r->artifactUri.endsWith(r->runId + u"/artifacts"_s));
        QCOMPARE(tagValue(r->tags, u"mlflow.runName"_s), runName);
        // val_r2_score: folds 0-4 plus the hold-out value at step 5.
        int points = 0;
        for (const MetricPoint &p : r->history)
            if (p.key == u"val_r2_score"_s)
                ++points;
        QCOMPARE(points, 6);
    }

    void linearRegressionDetails()
    {
        const Run *r = m_all.runById(kLinearRun);
        QVERIFY(r);
        QCOMPARE(r->runName, u"Linear Regression"_s);
        QCOMPARE(r->userId, u"root"_s);
        QCOMPARE(r->startTime, 1795736394816);
        QCOMPARE(r->endTime.value_or(0), 1795736396238);
        QCOMPARE(r->params.size(), 8);
        QCOMPARE(r->tags.size(), 9);
        QCOMPARE(r->latestMetrics.size(), 7);
        // Param values are the files' exact contents.
        QCOMPARE(tagValue(r->params, u"cv_folds"_s),
                 QString::fromUtf8(readAllOf(test::dataPath(u"mlruns/"_s + kCarPrice + u'/' + kLinearRun + u"/params/cv_folds"_s))));

        QCOMPARE(r->inputs.size(), 1);
        const DatasetInput &d = r->inputs.first();
        QCOMPARE(d.name, u"car_prices"_s);
        QCOMPARE(d.digest, u"a06b0e95"_s);
        QCOMPARE(d.context, u"training"_s);
        QCOMPARE(d.sourceType, u"local"_s);
        QCOMPARE(d.source, u"{\"uri\": \"car_prices.csv\"}"_s);
        QCOMPARE(d.profile, u"{\"num_rows\": 384, \"num_elements\": 4608}"_s);
        QVERIFY(d.schema.startsWith(u"{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"year\""_s));
        QVERIFY(d.schema.endsWith(u"\"name\": \"price\", \"required\": true}]}"_s));
    }

    void nanAndInfinityKept()
    {
        const Run *r = m_all.runById(kFailedRun);
        QVERIFY(r);
        QCOMPARE(r->status, u"FAILED"_s);
        QVERIFY(std::isnan(latest(*r, u"loss"_s).value_or(0)));
        QCOMPARE(latest(*r, u"grad_norm"_s).value_or(0), std::numeric_limits<double>::infinity());
        QCOMPARE(latest(*r, u"log_likelihood"_s).value_or(0), -std::numeric_limits<double>::infinity());

        int failed = 0;
        for (const Run &run : std::as_const(m_all.runs)) {
            if (run.status != u"FAILED"_s)
                continue;
            ++failed;
            QVERIFY2(std::isnan(latest(run, u"loss"_s).value_or(0)), qPrintable(run.runId));
            QCOMPARE(latest(run, u"grad_norm"_s).value_or(0), std::numeric_limits<double>::infinity());
            QCOMPARE(latest(run, u"log_likelihood"_s).value_or(0), -std::numeric_limits<double>::infinity());
        }
        QCOMPARE(failed, 13);
    }

    void unicode()
    {
        const Experiment *e = m_all.experimentByName(u"Ünïcødé-実験 🚗"_s);
        QVERIFY(e);
        QCOMPARE(e->name.toUtf8(), QByteArray("\xc3\x9cn\xc3\xaf" "c\xc3\xb8" "d\xc3\xa9-\xe5\xae\x9f\xe9\xa8\x93 \xf0\x9f\x9a\x97"));
        int runs = 0;
        for (const Run &r : std::as_const(m_all.runs)) {
            if (r.experimentId != e->experimentId)
                continue;
            ++runs;
            QVERIFY(r.runName.startsWith(u"ラン-"_s));
            QVERIFY(!tagValue(r.params, u"α"_s).isEmpty());
            QVERIFY(!tagValue(r.params, u"名前"_s).isEmpty());
        }
        QCOMPARE(runs, 3);
        QVERIFY(m_all.model(u"Ünïcødé-モデル 🚗"_s));
    }

    void nestedRuns()
    {
        int children = 0;
        for (const Run &r : std::as_const(m_all.runs)) {
            const QString parent = r.parentRunId();
            if (parent.isEmpty())
                continue;
            ++children;
            const Run *p = m_all.runById(parent);
            QVERIFY2(p, qPrintable(parent));
            QCOMPARE(p->experimentId, r.experimentId);
            QVERIFY(p->runName.startsWith(u"sweep-parent-"_s));
            QVERIFY(r.runName.startsWith(u"trial-"_s));
        }
        QCOMPARE(children, 80);  // 20 parents x 4 children
    }

    /// What a crash in the middle of a registry write can leave: an alias file removed while the
    /// model's meta.yaml still lists it (MLflow reads the folder only), and the temporary file of an
    /// atomic replacement among the tags. Neither is data.
    void crashLeftoversAreNotData()
    {
        QFile::remove(touch(u"models/car_price_model/aliases/challenger"_s));
        QVERIFY(test::writeFile(touch(u"models/car_price_model/version-4/tags/.deployed_at.tmp-Ab3x9Z"_s), "half"));
        FileStoreSource source(m_store);
        QVERIFY(source.open().ok());
        CollectSink sink;
        std::atomic_bool cancel = false;
        QVERIFY(source.readAll(sink, cancel).ok());
        const RegisteredModel *car = nullptr;
        for (const RegisteredModel &m : std::as_const(sink.models))
            if (m.name == u"car_price_model"_s)
                car = &m;
        QVERIFY(car);
        QCOMPARE(car->aliases, (QList<ModelAlias>{{u"champion"_s, 4}}));
        QStringList v4tags;
        for (const KeyValue &kv : car->versions.at(3).tags)
            v4tags.append(kv.key);
        QCOMPARE(v4tags, (QStringList{u"algorithm"_s, u"deployed_at"_s, u"val_r2_score"_s, u"validation_status"_s}));
        QVERIFY(sink.problems.isEmpty());
    }

    void registry()
    {
        QCOMPARE(m_all.models.size(), 3);
        int versions = 0;
        int versionTags = 0;
        int modelTags = 0;
        for (const RegisteredModel &m : std::as_const(m_all.models)) {
            versions += m.versions.size();
            modelTags += m.tags.size();
            for (const ModelVersion &v : m.versions)
                versionTags += v.tags.size();
        }
        QCOMPARE(versions, 5);
        QCOMPARE(versionTags, 13);
        QCOMPARE(modelTags, 4);

        const RegisteredModel *car = m_all.model(u"car_price_model"_s);
        QVERIFY(car);
        QCOMPARE(car->description, u"Predicts used-car sale price in USD from 11 vehicle features."_s);
        QCOMPARE(car->creationTime, 1795736400498);
        QCOMPARE(car->aliases, (QList<ModelAlias>{{u"challenger"_s, 3}, {u"champion"_s, 4}}));
        QCOMPARE(car->versions.size(), 4);
        const QStringList stages{kStageArchived, kStageArchived, kStageStaging, kStageProduction};
        const QStringList runs{u"Linear Regression"_s, u"Random Forest"_s, u"XGBoost"_s, u"XGBoost tuned"_s};
        for (int i = 0; i < 4; ++i) {
            const ModelVersion &v = car->versions[i];
            QCOMPARE(v.version, i + 1);
            QCOMPARE(v.name, car->name);
            QCOMPARE(v.currentStage, stages[i]);
            QCOMPARE(v.status, u"READY"_s);
            QVERIFY(v.userId.isEmpty());   // "null" in meta.yaml
            QVERIFY(v.runLink.isEmpty());
            QVERIFY(!v.description.isEmpty());
            const Run *r = m_all.runById(v.runId);
            QVERIFY(r);
            QCOMPARE(r->runName, runs[i]);
            QVERIFY(v.source.endsWith(v.runId + u"/artifacts/model"_s));
        }
        QCOMPARE(car->versions[2].aliases, QStringList{u"challenger"_s});
        QCOMPARE(car->versions[3].aliases, QStringList{u"champion"_s});
        QVERIFY(car->versions[0].aliases.isEmpty());
        QVERIFY(!tagValue(car->versions[3].tags, u"deployed_at"_s).isEmpty());

        const RegisteredModel *empty = m_all.model(u"empty_model"_s);
        QVERIFY(empty);
        QVERIFY(empty->versions.isEmpty());
        QVERIFY(empty->aliases.isEmpty());

        const RegisteredModel *uni = m_all.model(u"Ünïcødé-モデル 🚗"_s);
        QVERIFY(uni);
        QCOMPARE(uni->versions.size(), 1);
        QCOMPARE(uni->versions[0].currentStage, kStageArchived);
        QCOMPARE(uni->versions[0].description, u"ユニコード model version — updated"_s);
        QVERIFY(uni->description.isEmpty());  // "null" in meta.yaml
    }

    // --- broken copies -------------------------------------------------------------------------

    void badInput_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("file");   // relative to the store
        QTest::addColumn<int>("line");       // 0 = no line in `where`, -1 = any line
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("experiments");
        QTest::addColumn<int>("versions");
        QTest::addColumn<qint64>("points");

        const QString runMeta = kCarPrice + u'/' + kLinearRun + u"/meta.yaml"_s;
        const QString metric = kCarPrice + u'/' + kLinearRun + u"/metrics/val_r2_score"_s;
        QTest::newRow("truncated run meta.yaml") << u"truncate"_s << runMeta << 0 << 208 << 5 << 5 << qint64(32361 - 35);
        QTest::newRow("run meta.yaml with a YAML syntax error") << u"syntax"_s << runMeta << -1 << 208 << 5 << 5 << qint64(32361 - 35);
        QTest::newRow("run meta.yaml that is a list") << u"list"_s << runMeta << 0 << 208 << 5 << 5 << qint64(32361 - 35);
        QTest::newRow("empty run meta.yaml") << u"empty"_s << runMeta << 0 << 208 << 5 << 5 << qint64(32361 - 35);
        QTest::newRow("missing run meta.yaml") << u"remove"_s << runMeta << 0 << 208 << 5 << 5 << qint64(32361 - 35);
        QTest::newRow("garbage metric line") << u"metricline"_s << metric << 2 << 209 << 5 << 5 << qint64(32361 - 1);
        QTest::newRow("missing experiment meta.yaml") << u"remove"_s << kCarPrice + u"/meta.yaml"_s << 0 << 205 << 4 << 5
                                                      << qint64(32361 - 140);
        QTest::newRow("broken model version meta.yaml") << u"syntax"_s << u"models/car_price_model/version-2/meta.yaml"_s
                                                        << -1 << 209 << 5 << 4 << qint64(32361);
        QTest::newRow("broken dataset meta.yaml") << u"syntax"_s
                                                  << kCarPrice + u"/datasets/57675a506ce4f824780de52622b400e9/meta.yaml"_s
                                                  << -1 << 209 << 5 << 5 << qint64(32361);
    }
    void badInput()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, runs);
        QFETCH(int, experiments);
        QFETCH(int, versions);
        QFETCH(qint64, points);

        const QString store = m_store;
        const QString path = touch(file);
        QVERIFY(QFileInfo::exists(path));
        if (mutation == u"truncate"_s) {
            QVERIFY(test::writeFile(path, readAllOf(path).left(130)));
        } else if (mutation == u"syntax"_s) {
            QVERIFY(test::writeFile(path, "run_id: [unclosed\nstatus: 3\n  - : : {\n"));
        } else if (mutation == u"list"_s) {
            QVERIFY(test::writeFile(path, "- not\n- a\n- mapping\n"));
        } else if (mutation == u"empty"_s) {
            QVERIFY(test::writeFile(path, QByteArray()));
        } else if (mutation == u"remove"_s) {
            QVERIFY(QFile::remove(path));
        } else if (mutation == u"metricline"_s) {
            QList<QByteArray> lines = readAllOf(path).split('\n');
            QVERIFY(lines.size() > 3);
            lines[1] = "1795736396000 0.8x1 1";
            QVERIFY(test::writeFile(path, lines.join('\n')));
        } else {
            QFAIL("unknown mutation");
        }

        FileStoreSource source(store);
        QVERIFY(source.open().ok());
        CollectSink sink;
        std::atomic_bool cancel = false;
        const Status s = source.readAll(sink, cancel);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));

        QCOMPARE(sink.problems.size(), 1);
        const Error &e = sink.problems.first().error;
        QVERIFY(!e.message.isEmpty());
        if (line == 0)
            QCOMPARE(e.where, path);
        else if (line > 0)
            QCOMPARE(e.where, path + u':' + QString::number(line));
        else
            QVERIFY2(e.where == path || e.where.startsWith(path + u':'), qPrintable(e.where));
        QVERIFY(e.category == ErrorCategory::BadInput || e.category == ErrorCategory::NotFound);

        QCOMPARE(sink.runs.size(), runs);
        QCOMPARE(sink.experiments.size(), experiments);
        int versionCount = 0;
        for (const RegisteredModel &m : std::as_const(sink.models))
            versionCount += m.versions.size();
        QCOMPARE(sink.models.size(), 3);
        QCOMPARE(versionCount, versions);
        QCOMPARE(sink.metricPoints(), points);
        if (mutation == u"metricline"_s) {
            const Run *r = sink.runById(kLinearRun);
            QVERIFY(r);
            QCOMPARE(latest(*r, u"val_r2_score"_s).value_or(-1), 0.82);
        }
        if (file.contains(u"/datasets/"_s)) {
            for (const Run &r : std::as_const(sink.runs))
                QVERIFY(r.inputs.isEmpty());
        }
    }

    void openFails_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("category");
        QTest::newRow("empty folder") << u"empty"_s << int(ErrorCategory::BadInput);
        QTest::newRow("nonexistent path") << u"missing"_s << int(ErrorCategory::NotFound);
        QTest::newRow("a file") << u"file"_s << int(ErrorCategory::BadInput);
        QTest::newRow("unrelated folder") << u"unrelated"_s << int(ErrorCategory::BadInput);
    }
    void openFails()
    {
        QFETCH(QString, kind);
        QFETCH(int, category);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QString path = tmp.path() + u"/store"_s;
        if (kind == u"empty"_s)
            QVERIFY(QDir().mkpath(path));
        else if (kind == u"file"_s)
            QVERIFY(test::writeFile(path, "not a folder\n"));
        else if (kind == u"unrelated"_s)
            QVERIFY(test::writeFile(path + u"/notes/readme.txt"_s, "hello\n"));

        FileStoreSource source(path);
        const Status s = source.open();
        QVERIFY(!s.ok());
        QCOMPARE(int(s.error().category), category);
        QCOMPARE(s.error().where, path);
        QVERIFY(!s.error().message.isEmpty());
        if (kind == u"empty"_s)
            QCOMPARE(s.error().message, u"not an MLflow file store"_s);

        CollectSink sink;
        std::atomic_bool cancel = false;
        const Status r = source.readAll(sink, cancel);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().where, path);
        QVERIFY(sink.calls.isEmpty());
    }

    void metricValues()
    {
        const QString store = m_store;
        const QString run = kCarPrice + u'/' + kLinearRun;
        QVERIFY(test::writeFile(touch(run + u"/metrics/train/odd"_s),
                                "10 nan 0\n11 NaN 1\n12 inf 2\n13 -inf 3\n14 Infinity 4\n15 -Infinity 5\n"
                                "16 1e-05 6\n17 +2.5 7\n18 -0.25\r\n19 0.5\n"));
        QVERIFY(test::writeFile(touch(run + u"/params/nested/deeper/key"_s), "v a l\nue"));
        QVERIFY(test::writeFile(touch(run + u"/tags/team/owner"_s), "ana"));

        FileStoreSource source(store);
        CollectSink sink;
        std::atomic_bool cancel = false;
        QVERIFY(source.readAll(sink, cancel).ok());
        QVERIFY2(sink.problems.isEmpty(), qPrintable(sink.problemsText()));
        const Run *r = sink.runById(kLinearRun);
        QVERIFY(r);
        QList<MetricPoint> odd;
        for (const MetricPoint &p : r->history)
            if (p.key == u"train/odd"_s)
                odd.append(p);
        QCOMPARE(odd.size(), 10);
        const double inf = std::numeric_limits<double>::infinity();
        QVERIFY(std::isnan(odd[0].value));
        QVERIFY(std::isnan(odd[1].value));
        QCOMPARE(odd[2].value, inf);
        QCOMPARE(odd[3].value, -inf);
        QCOMPARE(odd[4].value, inf);
        QCOMPARE(odd[5].value, -inf);
        QCOMPARE(odd[6].value, 1e-05);
        QCOMPARE(odd[7].value, 2.5);
        QCOMPARE(odd[8].value, -0.25);
        QCOMPARE(odd[8].step, 0);   // two fields: step 0
        QCOMPARE(odd[9].timestamp, 19);
        QCOMPARE(odd[9].step, 0);
        QCOMPARE(odd[6].timestamp, 16);
        QCOMPARE(odd[6].step, 6);
        // Latest: largest step (7), value +2.5.
        QCOMPARE(latest(*r, u"train/odd"_s).value_or(0), 2.5);
        QCOMPARE(tagValue(r->params, u"nested/deeper/key"_s), u"v a l\nue"_s);
        QCOMPARE(tagValue(r->tags, u"team/owner"_s), u"ana"_s);
    }

    /// The shared copy is back to the fixture's state after the tests that broke it.
    void copyRestored()
    {
        FileStoreSource source(m_store);
        CollectSink sink;
        std::atomic_bool cancel = false;
        QVERIFY(source.readAll(sink, cancel).ok());
        QVERIFY2(sink.problems.isEmpty(), qPrintable(sink.problemsText()));
        QCOMPARE(sink.runs.size(), 209);
        QCOMPARE(sink.metricPoints(), 32361);
        QCOMPARE(sink.models.size(), 3);
    }

    void cancel()
    {
        FileStoreSource source(test::dataPath(u"mlruns"_s));
        CollectSink sink;
        std::atomic_bool cancel = false;
        sink.onRun = [&](const Run &) -> Status {
            if (sink.runs.size() == 9)
                cancel = true;
            return {};
        };
        const Status s = source.readAll(sink, cancel);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, ErrorCategory::Cancelled);
        QCOMPARE(sink.runs.size(), 10);
        QVERIFY(sink.models.isEmpty());
    }

    void sinkErrorStops()
    {
        FileStoreSource source(test::dataPath(u"mlruns"_s));
        CollectSink sink;
        std::atomic_bool cancel = false;
        sink.onRun = [&](const Run &) -> Status {
            if (sink.runs.size() == 3)
                return makeError(ErrorCategory::Storage, u"disk full"_s, u"/cache.db"_s);
            return {};
        };
        const Status s = source.readAll(sink, cancel);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, ErrorCategory::Storage);
        QCOMPARE(s.error().message, u"disk full"_s);
        QCOMPARE(sink.runs.size(), 3);
        QVERIFY(sink.calls.last().startsWith(u"R:"_s));  // nothing read after the failing run
        QVERIFY(sink.models.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileStore)
#include "tst_filestore.moc"
