// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowDbSource against tests/data/mlflow.db (written by a real MLflow 2.10.2 server) and broken
// copies of it. The expected numbers are the ones in tests/data/FIXTURES.md.

#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/mlflowdb/MlflowDbSource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>


#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using md::test::execSql;

namespace {

/// Keeps everything a source delivers, in order.
class CollectingSink : public md::ImportSink {
public:
    QList<md::Experiment> experiments;
    QList<md::Run> runs;
    QList<md::RegisteredModel> models;
    QList<md::ReadProblem> problems;
    QStringList order;  ///< "E:<id>", "R:<id>", "M:<name>"
    qint64 expected = -1;
    int failAtRun = -1;  ///< when >= 0, run() fails for the run with this index

    void expectRuns(qint64 total) override { expected = total; }
    md::Status experiment(const md::Experiment &e) override
    {
        experiments.append(e);
        order.append(u"E:"_s + e.experimentId);
        return {};
    }
    md::Status run(const md::Run &r) override
    {
        if (runs.size() == failAtRun)
            return md::makeError(md::ErrorCategory::Storage, u"disk full"_s, u"cache.db"_s);
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

    const md::Run *runNamed(const QString &experimentId, const QString &name) const
    {
        for (const auto &r : runs)
            if (r.experimentId == experimentId && r.runName == name)
                return &r;
        return nullptr;
    }
};

std::optional<md::MetricPoint> latest(const md::Run &r, const QString &key)
{
    for (const auto &m : r.latestMetrics)
        if (m.key == key)
            return m;
    return std::nullopt;
}

/// Runs SQL on a (copied) database file with SQLite itself.
QString fixture() { return md::test::dataPath(u"mlflow.db"_s); }

bool copyFixture(const QString &to)
{
    QFile::remove(to);
    return QFile::copy(fixture(), to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

class TestMlflowDb : public QObject {
    Q_OBJECT

private:
    CollectingSink m_sink;  // the fixture, read once in initTestCase()
    QString m_revision;

private Q_SLOTS:
    void initTestCase()
    {
        md::MlflowDbSource source(fixture());
        const md::Status opened = source.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        m_revision = source.schemaRevision();
        std::atomic_bool cancel{false};
        const md::Status read = source.readAll(m_sink, cancel);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    }

    void identity()
    {
        md::MlflowDbSource source(fixture());
        QCOMPARE(source.kind(), md::SourceKind::MlflowDb);
        QCOMPARE(source.uri(), u"sqlite:///"_s + QFileInfo(fixture()).absoluteFilePath());
        QVERIFY(source.uri().startsWith(u"sqlite:////"_s));
        QCOMPARE(m_revision, u"acf3f17fdcc7"_s);
        QVERIFY(md::MlflowDbSource::knownRevisions().contains(u"89d4b8295536"_s));
        QVERIFY(md::MlflowDbSource::knownRevisions().contains(u"400f98739977"_s));  // MLflow 3.0
        QCOMPARE(md::MlflowDbSource::newestKnownRevision(), u"bf29a5ff90ea"_s);      // MLflow 3.5, 3.6
        // Oldest first: 2.10.2's head comes before MLflow 3's first migration.
        QVERIFY(md::MlflowDbSource::knownRevisions().indexOf(u"acf3f17fdcc7"_s)
                < md::MlflowDbSource::knownRevisions().indexOf(u"400f98739977"_s));
    }

    void noProblems()
    {
        for (const auto &p : std::as_const(m_sink.problems))
            qWarning("%s", qPrintable(p.error.toString()));
        QCOMPARE(m_sink.problems.size(), 0);
    }

    void experiments()
    {
        QCOMPARE(m_sink.experiments.size(), 5);
        QStringList ids, names;
        int deleted = 0;
        for (const auto &e : std::as_const(m_sink.experiments)) {
            ids.append(e.experimentId);
            names.append(e.name);
            deleted += e.lifecycleStage == md::kDeleted;
        }
        QCOMPARE(ids, (QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s}));
        QCOMPARE(names, (QStringList{u"Default"_s, u"car_price"_s, u"car_price_sweep"_s, u"Ünïcødé-実験 🚗"_s,
                                     u"scratch_deleted"_s}));
        QCOMPARE(deleted, 1);
        QCOMPARE(m_sink.experiments[4].lifecycleStage, md::kDeleted);
        QCOMPARE(m_sink.experiments[1].artifactLocation, u"mlflow-artifacts:/1"_s);
        QCOMPARE(m_sink.experiments[0].creationTime, 1795736365618);
        qsizetype tags = 0;
        for (const auto &e : std::as_const(m_sink.experiments))
            tags += e.tags.size();
        QCOMPARE(tags, 11);
    }

    void orderExperimentThenItsRuns()
    {
        QCOMPARE(m_sink.expected, 209);
        QString currentExperiment;
        QString previousRun;
        int r = 0;
        for (const QString &item : std::as_const(m_sink.order)) {
            if (item.startsWith(u"E:"_s)) {
                QVERIFY2(currentExperiment.isEmpty() || item.mid(2).toInt() > currentExperiment.toInt(),
                         qPrintable(item));
                currentExperiment = item.mid(2);
                previousRun.clear();
            } else if (item.startsWith(u"R:"_s)) {
                const md::Run &run = m_sink.runs[r++];
                QCOMPARE(run.experimentId, currentExperiment);
                QVERIFY2(previousRun < run.runId, qPrintable(run.runId));
                previousRun = run.runId;
            }
        }
        QCOMPARE(r, 209);
        // Models come last.
        QVERIFY(m_sink.order.at(m_sink.order.size() - 4).startsWith(u"R:"_s));
        QVERIFY(m_sink.order.last().startsWith(u"M:"_s));
    }

    void runCounts()
    {
        QCOMPARE(m_sink.runs.size(), 209);
        QHash<QString, int> perExperiment, perStatus, deletedPerExperiment;
        for (const auto &r : std::as_const(m_sink.runs)) {
            ++perExperiment[r.experimentId];
            ++perStatus[r.status];
            if (r.lifecycleStage == md::kDeleted)
                ++deletedPerExperiment[r.experimentId];
        }
        QCOMPARE(perExperiment.value(u"0"_s), 0);
        QCOMPARE(perExperiment.value(u"1"_s), 4);
        QCOMPARE(perExperiment.value(u"2"_s), 200);
        QCOMPARE(perExperiment.value(u"3"_s), 3);
        QCOMPARE(perExperiment.value(u"4"_s), 2);
        QCOMPARE(deletedPerExperiment.value(u"2"_s), 9);
        QCOMPARE(deletedPerExperiment.value(u"4"_s), 2);
        QCOMPARE(perStatus.value(u"FINISHED"_s), 185);
        QCOMPARE(perStatus.value(u"FAILED"_s), 13);
        QCOMPARE(perStatus.value(u"KILLED"_s), 7);
        QCOMPARE(perStatus.value(u"RUNNING"_s), 4);
        QCOMPARE(perStatus.size(), 4);
    }

    void runContents()
    {
        qsizetype points = 0, latestValues = 0, params = 0, tags = 0;
        for (const auto &r : std::as_const(m_sink.runs)) {
            QVERIFY(r.hasHistory);
            points += r.history.size();
            latestValues += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
        }
        QCOMPARE(points, 32361);
        QCOMPARE(latestValues, 915);
        QCOMPARE(params, 1001);
        QCOMPARE(tags, 1508);
    }

    void carPriceRuns_data()
    {
        QTest::addColumn<QString>("runName");
        QTest::addColumn<QString>("runId");
        QTest::addColumn<double>("valR2");
        QTest::newRow("Linear Regression") << u"Linear Regression"_s << u"725002bf71b846ac946886aaea49b30c"_s << 0.82;
        QTest::newRow("Random Forest") << u"Random Forest"_s << u"a61fdea6c25245ed8973f61519cc9756"_s << 0.85;
        QTest::newRow("XGBoost") << u"XGBoost"_s << u"461c5bd83cee458e98633ddf56f8ff5f"_s << 0.88;
        QTest::newRow("XGBoost tuned") << u"XGBoost tuned"_s << u"3f9763b59bcc4a11a9231f572751e2be"_s << 0.89;
    }

    void carPriceRuns()
    {
        QFETCH(QString, runName);
        QFETCH(QString, runId);
        QFETCH(double, valR2);
        const md::Run *run = m_sink.runNamed(u"1"_s, runName);
        QVERIFY(run);
        QCOMPARE(run->runId, runId);
        QCOMPARE(run->status, u"FINISHED"_s);
        QVERIFY(run->endTime.has_value());
        const auto r2 = latest(*run, u"val_r2_score"_s);
        QVERIFY(r2);
        QCOMPARE(r2->value, valR2);
        QCOMPARE(r2->step, 5);
        // The history holds the folds 0-4 and the hold-out value at step 5, in step order.
        QList<qint64> steps;
        for (const auto &p : run->history)
            if (p.key == QLatin1String("val_r2_score"))
                steps.append(p.step);
        QCOMPARE(steps, (QList<qint64>{0, 1, 2, 3, 4, 5}));

        // One dataset input: pandas, 384 rows, context "training".
        QCOMPARE(run->inputs.size(), 1);
        const md::DatasetInput &in = run->inputs.first();
        QCOMPARE(in.name, u"car_prices"_s);
        QCOMPARE(in.digest, u"a06b0e95"_s);
        QCOMPARE(in.sourceType, u"local"_s);
        QCOMPARE(in.context, u"training"_s);
        QVERIFY(in.source.contains(u"car_prices.csv"_s));
        QVERIFY(in.profile.contains(u"\"num_rows\": 384"_s));
        QVERIFY(in.schema.contains(u"mlflow_colspec"_s));
    }

    void nanAndClampedValues()
    {
        // FAILED runs end with loss = NaN; MLflow's SQL store clamped +-inf to +-DBL_MAX.
        int failed = 0;
        for (const auto &r : std::as_const(m_sink.runs)) {
            if (r.status != QLatin1String("FAILED"))
                continue;
            ++failed;
            const auto loss = latest(r, u"loss"_s);
            QVERIFY2(loss && std::isnan(loss->value), qPrintable(r.runId));
            bool nanInHistory = false;
            for (const auto &p : r.history)
                nanInHistory |= p.key == QLatin1String("loss") && std::isnan(p.value);
            QVERIFY(nanInHistory);
            const auto grad = latest(r, u"grad_norm"_s);
            QVERIFY(grad);
            QCOMPARE(grad->value, std::numeric_limits<double>::max());
            const auto ll = latest(r, u"log_likelihood"_s);
            QVERIFY(ll);
            QCOMPARE(ll->value, -std::numeric_limits<double>::max());
        }
        QCOMPARE(failed, 13);
    }

    void registry()
    {
        QCOMPARE(m_sink.models.size(), 3);
        QCOMPARE(m_sink.models[0].name, u"car_price_model"_s);
        QCOMPARE(m_sink.models[1].name, u"empty_model"_s);
        QCOMPARE(m_sink.models[2].name, u"Ünïcødé-モデル 🚗"_s);
        qsizetype versions = 0, versionTags = 0, modelTags = 0;
        for (const auto &m : std::as_const(m_sink.models)) {
            versions += m.versions.size();
            modelTags += m.tags.size();
            for (const auto &v : m.versions)
                versionTags += v.tags.size();
        }
        QCOMPARE(versions, 5);
        QCOMPARE(versionTags, 13);
        QCOMPARE(modelTags, 4);

        const md::RegisteredModel &car = m_sink.models[0];
        QVERIFY(!car.description.isEmpty());
        QStringList stages;
        for (const auto &v : car.versions)
            stages.append(QString::number(v.version) + u'=' + v.currentStage);
        QCOMPARE(stages, (QStringList{u"1=Archived"_s, u"2=Archived"_s, u"3=Staging"_s, u"4=Production"_s}));
        QCOMPARE(car.aliases, (QList<md::ModelAlias>{{u"challenger"_s, 3}, {u"champion"_s, 4}}));
        QCOMPARE(car.versions[3].aliases, QStringList{u"champion"_s});
        QCOMPARE(car.versions[2].aliases, QStringList{u"challenger"_s});
        QVERIFY(car.versions[0].aliases.isEmpty());
        QCOMPARE(car.versions[3].runId, u"3f9763b59bcc4a11a9231f572751e2be"_s);
        QCOMPARE(car.versions[3].status, u"READY"_s);
        QCOMPARE(car.versions[3].description, u"XGBoost tuned (val R2 0.89)"_s);
        bool deployedAt = false;
        for (const auto &t : car.versions[3].tags)
            deployedAt |= t.key == QLatin1String("deployed_at");
        QVERIFY(deployedAt);

        QVERIFY(m_sink.models[1].versions.isEmpty());
        QCOMPARE(m_sink.models[2].versions.size(), 1);
        QCOMPARE(m_sink.models[2].versions[0].currentStage, md::kStageArchived);
    }

    void cancel()
    {
        md::MlflowDbSource source(fixture());
        CollectingSink sink;
        std::atomic_bool cancel{true};
        const md::Status s = source.readAll(sink, cancel);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::Cancelled);
        QVERIFY(sink.runs.isEmpty());
        QVERIFY(sink.models.isEmpty());
    }

    void sinkFailureStopsTheRead()
    {
        md::MlflowDbSource source(fixture());
        CollectingSink sink;
        sink.failAtRun = 2;
        std::atomic_bool cancel{false};
        const md::Status s = source.readAll(sink, cancel);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().message, u"disk full"_s);
        QCOMPARE(sink.runs.size(), 2);
        QVERIFY(sink.models.isEmpty());
    }

    // A file whose per-run tables lack MLflow's run_uuid indexes (older schemas, other writers)
    // gives the same data.
    void withoutRunUuidIndexes()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "DROP INDEX index_metrics_run_uuid; DROP INDEX index_latest_metrics_run_uuid;"
                              "DROP INDEX index_tags_run_uuid; DROP INDEX index_params_run_uuid;"));
        md::MlflowDbSource source(path);
        QVERIFY(source.open().ok());
        CollectingSink sink;
        std::atomic_bool cancel{false};
        QVERIFY(source.readAll(sink, cancel).ok());
        qsizetype points = 0, latestValues = 0, params = 0, tags = 0;
        for (const auto &r : std::as_const(sink.runs)) {
            points += r.history.size();
            latestValues += r.latestMetrics.size();
            params += r.params.size();
            tags += r.tags.size();
        }
        QCOMPARE(sink.runs.size(), 209);
        QCOMPARE(points, 32361);
        QCOMPARE(latestValues, 915);
        QCOMPARE(params, 1001);
        QCOMPARE(tags, 1508);
        // The source never writes: the file is as we left it.
        QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
    }

    // A schema from before aliases and datasets (MLflow 2.0, revision 97727af70f4d) still reads.
    void olderSchemaWithoutOptionalTables()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "DROP TABLE registered_model_aliases; DROP TABLE input_tags; DROP TABLE inputs;"
                              "DROP TABLE datasets; UPDATE alembic_version SET version_num = '97727af70f4d';"));
        md::MlflowDbSource source(path);
        const md::Status opened = source.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        CollectingSink sink;
        std::atomic_bool cancel{false};
        QVERIFY(source.readAll(sink, cancel).ok());
        QCOMPARE(sink.runs.size(), 209);
        QCOMPARE(sink.models.size(), 3);
        QVERIFY(sink.models[0].aliases.isEmpty());
        QCOMPARE(sink.models[0].versions.size(), 4);
        for (const auto &r : std::as_const(sink.runs))
            QVERIFY(r.inputs.isEmpty());
        QCOMPARE(sink.problems.size(), 0);
    }

    // Issue 12: a file one MLflow release newer was refused ("unknown MLflow schema revision").
    // Now it reads as far as it is known, with one problem naming the file and both revisions.
    void newerRevisionReadsWithOneProblem()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"mlflow.db"_s);
        QVERIFY(copyFixture(path));
        QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = 'ffffffffffff';"));
        md::MlflowDbSource source(path);
        const md::Status opened = source.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QVERIFY(source.isNewerSchema());
        QCOMPARE(source.schemaRevision(), u"ffffffffffff"_s);
        CollectingSink sink;
        std::atomic_bool cancel{false};
        QVERIFY(source.readAll(sink, cancel).ok());
        QCOMPARE(sink.runs.size(), m_sink.runs.size());
        QCOMPARE(sink.experiments.size(), m_sink.experiments.size());
        QCOMPARE(sink.models.size(), m_sink.models.size());
        QCOMPARE(sink.problems.size(), 1);
        const md::Error &e = sink.problems.first().error;
        QCOMPARE(e.where, QFileInfo(path).absoluteFilePath());
        QVERIFY2(e.message.contains(u"newer MLflow"_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"ffffffffffff"_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"bf29a5ff90ea"_s), qPrintable(e.message));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<md::ErrorCategory>("category");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing file") << u"missing"_s << md::ErrorCategory::NotFound << u"no such file"_s;
        QTest::newRow("text file") << u"text"_s << md::ErrorCategory::BadInput << u"not an MLflow database"_s;
        QTest::newRow("empty file") << u"empty"_s << md::ErrorCategory::BadInput << u"not an MLflow database"_s;
        QTest::newRow("SQLite without MLflow tables")
            << u"plain-sqlite"_s << md::ErrorCategory::BadInput << u"not an MLflow database"_s;
        // A revision MLflow cannot have written; an unknown id that could be one is a newer MLflow
        // (newerRevisionReadsWithOneProblem).
        QTest::newRow("garbage alembic revision")
            << u"garbage-revision"_s << md::ErrorCategory::BadInput
            << u"'not a revision!', which is no schema revision"_s;
        QTest::newRow("empty alembic revision")
            << u"empty-revision"_s << md::ErrorCategory::BadInput << u"which is no schema revision"_s;
        QTest::newRow("unknown revision without MLflow's tables")
            << u"unknown-revision-no-tables"_s << md::ErrorCategory::BadInput
            << u"not an MLflow database (table 'experiment_tags' is missing)"_s;
        QTest::newRow("too old alembic revision")
            << u"old-revision"_s << md::ErrorCategory::BadInput << u"'451aebb31d03' is too old"_s;
        QTest::newRow("truncated to 64 KiB") << u"truncated"_s << md::ErrorCategory::BadInput << u"truncated"_s;
        QTest::newRow("a folder") << u"folder"_s << md::ErrorCategory::BadInput << u"not an MLflow database"_s;
    }

    void badInput()
    {
        QFETCH(QString, kind);
        QFETCH(md::ErrorCategory, category);
        QFETCH(QString, messagePart);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QString path = tmp.filePath(u"mlflow.db"_s);
        if (kind == QLatin1String("missing")) {
            path = tmp.filePath(u"nowhere/mlflow.db"_s);
        } else if (kind == QLatin1String("text")) {
            QVERIFY(md::test::writeFile(path, "experiment_id,name\n1,car_price\n"));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(md::test::writeFile(path, QByteArray()));
        } else if (kind == QLatin1String("plain-sqlite")) {
            QVERIFY(execSql(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                  "INSERT INTO notes (text) VALUES ('hello');",
                            true));
        } else if (kind == QLatin1String("garbage-revision")) {
            QVERIFY(copyFixture(path));
            QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = 'not a revision!';"));
        } else if (kind == QLatin1String("empty-revision")) {
            QVERIFY(copyFixture(path));
            QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '';"));
        } else if (kind == QLatin1String("unknown-revision-no-tables")) {
            QVERIFY(execSql(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"
                                  "INSERT INTO alembic_version VALUES ('0123456789ab');"
                                  "CREATE TABLE runs (run_uuid TEXT); CREATE TABLE experiments (experiment_id INT);",
                            true));
        } else if (kind == QLatin1String("old-revision")) {
            QVERIFY(copyFixture(path));
            QVERIFY(execSql(path, "UPDATE alembic_version SET version_num = '451aebb31d03';"));
        } else if (kind == QLatin1String("truncated")) {
            QFile in(fixture());
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(md::test::writeFile(path, in.read(64 * 1024)));
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        }

        md::MlflowDbSource source(path);
        md::Status s = source.open();
        if (s.ok()) {
            // Some damage only shows while reading; the read must then fail as clearly.
            CollectingSink sink;
            std::atomic_bool cancel{false};
            s = source.readAll(sink, cancel);
        }
        QVERIFY2(!s.ok(), qPrintable(kind));
        QCOMPARE(s.error().category, category);
        QVERIFY2(s.error().message.contains(messagePart), qPrintable(s.error().toString()));
        QCOMPARE(s.error().where, QFileInfo(path).absoluteFilePath());

        // readAll() without open() reports the same.
        md::MlflowDbSource again(path);
        CollectingSink sink;
        std::atomic_bool cancel{false};
        const md::Status read = again.readAll(sink, cancel);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().where, QFileInfo(path).absoluteFilePath());
        QVERIFY(sink.runs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMlflowDb)
#include "tst_mlflowdb.moc"
