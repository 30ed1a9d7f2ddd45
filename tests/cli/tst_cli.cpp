// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk-cli as a user runs it: real processes, real files, exit codes and output.
#include "TestServer.h"
#include "TestSupport.h"
#include "sqlite/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_cache;

    test::ProcessResult cli(QStringList args, const QString &cache = {})
    {
        args.prepend(cache.isEmpty() ? m_cache : cache);
        args.prepend(QStringLiteral("--cache"));
        return test::runProcess(test::cliPath(), args);
    }
    static QJsonObject idsOf(const QString &file)
    {
        QFile f(test::dataPath(file));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    static QJsonObject json(const test::ProcessResult &r)
    {
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(r.out, &e);
        if (e.error != QJsonParseError::NoError)
            qWarning() << "bad JSON:" << e.errorString() << r.out.left(400);
        return d.object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.filePath(QStringLiteral("cache/cache.sqlite"));
        const auto fs = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), test::dataPath(QStringLiteral("mlruns"))});
        QVERIFY2(fs.exitCode == 0, fs.err.constData());
        const auto db = cli({QStringLiteral("sync"), QStringLiteral("sqlite:///") + test::dataPath(QStringLiteral("mlflow.db"))});
        QVERIFY2(db.exitCode == 0, db.err.constData());
        QVERIFY(db.out.contains("209 runs"));
        QVERIFY(db.err.contains("of 209 runs"));  // progress on stderr
        const auto mf = cli({QStringLiteral("--quiet"), QStringLiteral("sync"),
                             QStringLiteral("folder://") + test::dataPath(QStringLiteral("model-folder/artifacts/training"))});
        QVERIFY2(mf.exitCode == 0, mf.err.constData());
    }

    void versionAndHelp()
    {
        auto r = test::runProcess(test::cliPath(), {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("modeldesk-cli " MODELDESK_VERSION));
        r = test::runProcess(test::cliPath(), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("runs [--experiment"));
    }

    void sourcesListsAllThree()
    {
        const auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("sources")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = json(r).value(QStringLiteral("sources")).toArray();
        QCOMPARE(a.size(), 3);
        QCOMPARE(a[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("file"));
        QCOMPARE(a[0].toObject().value(QStringLiteral("runs")).toInt(), 198);  // active runs: 209 less 9 deleted and the 2 of the deleted experiment
        QCOMPARE(a[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(a[2].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("folder"));
    }

    void statsMatchWhatMlflowReported_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("file store") << QStringLiteral("1");
        QTest::newRow("mlflow.db") << QStringLiteral("2");
    }

    void statsMatchWhatMlflowReported()
    {
        QFETCH(QString, source);
        // tests/data/FIXTURES.md, "Expected counts (what MLflow itself holds)": the same for both stores.
        const QList<QPair<const char *, int>> expected{
            {"experiments", 4},   {"deleted_experiments", 1}, {"runs", 209},           {"metric_points", 32361},
            {"latest_metrics", 915}, {"params", 1001},        {"run_tags", 1508},      {"experiment_tags", 11},
            {"registered_models", 3}, {"model_versions", 5},  {"aliases", 2},          {"version_tags", 13},
            {"model_tags", 4}};
        auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), source, QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r).value(QStringLiteral("sources")).toArray().first().toObject();
        for (const auto &[key, value] : expected)
            QCOMPARE(o.value(QLatin1String(key)).toInt(), value);

        r = cli({QStringLiteral("--source"), source, QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        const QList<QByteArray> header = lines[0].simplified().split(' ');
        const QList<QByteArray> row = lines[2].simplified().split(' ');
        QCOMPARE(header.size(), row.size());
        for (const auto &[key, value] : expected)
            QCOMPARE(row[header.indexOf(key)].toInt(), value);
    }

    void experimentsOfTheDatabase()
    {
        auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("2"),
                      QStringLiteral("experiments"), QStringLiteral("--deleted")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = json(r).value(QStringLiteral("experiments")).toArray();
        QCOMPARE(a.size(), 5);
        QHash<QString, QJsonObject> byName;
        for (const auto &v : a)
            byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        QCOMPARE(byName.value(QStringLiteral("car_price")).value(QStringLiteral("experiment_id")).toString(), QStringLiteral("1"));
        QCOMPARE(byName.value(QStringLiteral("car_price_sweep")).value(QStringLiteral("run_count")).toInt(), 191);
        QCOMPARE(byName.value(QStringLiteral("car_price_sweep")).value(QStringLiteral("deleted_run_count")).toInt(), 9);
        QCOMPARE(byName.value(QStringLiteral("scratch_deleted")).value(QStringLiteral("lifecycle_stage")).toString(),
                 QStringLiteral("deleted"));
        QVERIFY(byName.contains(QStringLiteral("Ünïcødé-実験 🚗")));

        r = cli({QStringLiteral("--source"), QStringLiteral("2"), QStringLiteral("experiments")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("car_price_sweep"));
        QVERIFY(!r.out.contains("scratch_deleted"));
    }

    void runsAsJsonUseMlflowNames()
    {
        const auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("2"),
                            QStringLiteral("runs"), QStringLiteral("--experiment"), QStringLiteral("car_price"),
                            QStringLiteral("--order-by"), QStringLiteral("metrics.val_r2_score DESC")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = json(r).value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 4);
        const QJsonObject best = runs[0].toObject();
        const QJsonObject info = best.value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("run_id")).toString(), QStringLiteral("3f9763b59bcc4a11a9231f572751e2be"));
        QCOMPARE(info.value(QStringLiteral("run_name")).toString(), QStringLiteral("XGBoost tuned"));
        QCOMPARE(info.value(QStringLiteral("experiment_id")).toString(), QStringLiteral("1"));
        QCOMPARE(info.value(QStringLiteral("status")).toString(), QStringLiteral("FINISHED"));
        QVERIFY(info.value(QStringLiteral("start_time")).toDouble() > 1.7e12);
        const QJsonObject data = best.value(QStringLiteral("data")).toObject();
        double r2 = 0;
        for (const auto &m : data.value(QStringLiteral("metrics")).toArray())
            if (m.toObject().value(QStringLiteral("key")).toString() == QLatin1String("val_r2_score"))
                r2 = m.toObject().value(QStringLiteral("value")).toDouble();
        QCOMPARE(r2, 0.89);
        QVERIFY(!data.value(QStringLiteral("params")).toArray().isEmpty());
        QVERIFY(!data.value(QStringLiteral("tags")).toArray().isEmpty());
        const QJsonArray inputs = best.value(QStringLiteral("inputs")).toObject().value(QStringLiteral("dataset_inputs")).toArray();
        QCOMPARE(inputs.size(), 1);
        QCOMPARE(inputs[0].toObject().value(QStringLiteral("dataset")).toObject().value(QStringLiteral("digest")).toString(),
                 QStringLiteral("a06b0e95"));
    }

    void filterSelectsRuns_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("count");
        QTest::newRow("metric") << QStringLiteral("metrics.val_r2_score > 0.86") << 2;
        QTest::newRow("param and metric") << QStringLiteral("params.n_estimators = '100' and metrics.val_r2_score >= 0.88") << 1;
        QTest::newRow("tag like") << QStringLiteral("tags.`mlflow.runName` LIKE 'XGBoost%'") << 2;
        QTest::newRow("attribute") << QStringLiteral("attributes.run_name = 'Random Forest'") << 1;
    }

    void filterSelectsRuns()
    {
        QFETCH(QString, filter);
        QFETCH(int, count);
        const auto r = cli({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--source"), QStringLiteral("2"),
                            QStringLiteral("runs"), QStringLiteral("--experiment"), QStringLiteral("car_price"),
                            QStringLiteral("--filter"), filter});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), count + 1);
        QVERIFY(lines[0].startsWith("run_id,run_name,experiment_id,status,start_time,end_time"));
        QVERIFY(lines[0].contains("metrics.val_r2_score"));
        QVERIFY(lines[0].contains("params.n_estimators"));
    }

    void unknownKeyIsNamedOnStderr_data()
    {
        QTest::addColumn<QStringList>("scope");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QByteArray>("warning");
        const QStringList car{QStringLiteral("--experiment"), QStringLiteral("car_price")};
        QTest::newRow("metric, separator")
            << car << QStringLiteral("metrics.val_r2score > 0.5")
            << QByteArray("modeldesk-cli: warning: no run in this experiment has metric 'val_r2score' — did you mean "
                          "'val_r2_score'?\n");
        QTest::newRow("tag, case")
            << car << QStringLiteral("tags.mlflow.runname LIKE 'XGB%'")
            << QByteArray("modeldesk-cli: warning: no run in this experiment has tag 'mlflow.runname' — did you mean "
                          "'mlflow.runName'?\n");
        QTest::newRow("param of another kind")
            << car << QStringLiteral("metrics.n_estimators > 1")
            << QByteArray("modeldesk-cli: warning: no run in this experiment has metric 'n_estimators' — did you mean "
                          "'params.n_estimators'?\n");
        QTest::newRow("two experiments")
            << QStringList{QStringLiteral("--experiment"), QStringLiteral("car_price"), QStringLiteral("--experiment"),
                           QStringLiteral("car_price_sweep")}
            << QStringLiteral("params.no_such_param = '1'")
            << QByteArray("modeldesk-cli: warning: no run in these experiments has param 'no_such_param'\n");
        QTest::newRow("the whole source") << QStringList{} << QStringLiteral("metrics.val_r2_scor > 0.5")
                                          << QByteArray("modeldesk-cli: warning: no run in this source has metric "
                                                        "'val_r2_scor' — did you mean 'val_r2_score'?\n");
        QTest::newRow("a tag no run has")
            << car << QStringLiteral("metrics.val_r2_score > 0.5 and params.n_estimators = '100' and tags.team = 'x'")
            << QByteArray("modeldesk-cli: warning: no run in this experiment has tag 'team'\n");
    }

    void unknownKeyIsNamedOnStderr()
    {
        QFETCH(QStringList, scope);
        QFETCH(QString, filter);
        QFETCH(QByteArray, warning);
        // MLflow answers with no runs; the output stays that answer and the exit code says success.
        const auto r = cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"),
                                       QStringLiteral("1"), QStringLiteral("runs")}
                           + scope + QStringList{QStringLiteral("--filter"), filter});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, warning);
        QVERIFY(json(r).value(QStringLiteral("runs")).toArray().isEmpty());
    }

    void knownKeysGiveNoWarning()
    {
        const auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("1"),
                            QStringLiteral("runs"), QStringLiteral("--experiment"), QStringLiteral("car_price"),
                            QStringLiteral("--filter"),
                            QStringLiteral("metrics.val_r2_score > 0.86 and params.n_estimators = '100' and "
                                           "tags.`mlflow.runName` LIKE 'XGB%'")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(json(r).value(QStringLiteral("runs")).toArray().size(), 1);
    }

    void emptyStringsAndNanAsInMlflow()
    {
        // Copies of both stores gain an empty param on two car_price runs, "adam" on a third and
        // none on the fourth, and an empty tag on the first: MLflow stores and returns "" for them.
        QTemporaryDir dir;
        const QJsonObject fileIds = idsOf(QStringLiteral("ids-mlruns-file-store.json"));
        const QJsonObject dbIds = idsOf(QStringLiteral("ids-server-and-mlflow-db.json"));
        const QString store = dir.filePath(QStringLiteral("mlruns"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString car = store + QLatin1Char('/') + fileIds.value(QStringLiteral("car_price")).toString() + QLatin1Char('/');
        const QJsonArray fileRuns = fileIds.value(QStringLiteral("car_runs")).toArray();
        QVERIFY(test::writeFile(car + fileRuns[0].toString() + QStringLiteral("/params/optimizer"), {}));
        QVERIFY(test::writeFile(car + fileRuns[1].toString() + QStringLiteral("/params/optimizer"), {}));
        QVERIFY(test::writeFile(car + fileRuns[2].toString() + QStringLiteral("/params/optimizer"), "adam"));
        QVERIFY(test::writeFile(car + fileRuns[0].toString() + QStringLiteral("/tags/reviewer"), {}));
        const QString dbPath = dir.filePath(QStringLiteral("mlflow.db"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("mlflow.db")), dbPath));
        QFile::setPermissions(dbPath, QFile::ReadOwner | QFile::WriteOwner);
        const QJsonArray dbRuns = dbIds.value(QStringLiteral("car_runs")).toArray();
        {
            Database db;
            QVERIFY(db.open(dbPath, false).ok());
            const Status s = db.exec(QStringLiteral("INSERT INTO params (key, value, run_uuid) VALUES ('optimizer', '', '%1'), "
                                                    "('optimizer', '', '%2'), ('optimizer', 'adam', '%3');"
                                                    "INSERT INTO tags (key, value, run_uuid) VALUES ('reviewer', '', '%1');")
                                         .arg(dbRuns[0].toString(), dbRuns[1].toString(), dbRuns[2].toString()));
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        }
        const QString cache = dir.filePath(QStringLiteral("c.sqlite"));
        auto r = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), store}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), QStringLiteral("sqlite:///") + dbPath}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        for (const QString &source : {QStringLiteral("1"), QStringLiteral("2")}) {
            const QJsonArray runs = source == QLatin1String("1") ? fileRuns : dbRuns;
            const QString sweep = source == QLatin1String("1") ? fileIds.value(QStringLiteral("car_price_sweep")).toString()
                                                               : dbIds.value(QStringLiteral("car_price_sweep")).toString();
            auto select = [&](const QString &experiment, const QString &filter) {
                const auto out = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), source,
                                      QStringLiteral("runs"), QStringLiteral("--experiment"), experiment,
                                      QStringLiteral("--filter"), filter},
                                     cache);
                if (out.exitCode != 0 || !out.err.isEmpty())
                    qWarning() << filter << out.exitCode << out.err;
                QStringList ids;
                for (const auto &run : json(out).value(QStringLiteral("runs")).toArray())
                    ids.append(run.toObject().value(QStringLiteral("info")).toObject().value(QStringLiteral("run_id")).toString());
                ids.sort();
                return ids;
            };
            auto ids = [&](std::initializer_list<int> which) {
                QStringList out;
                for (int i : which)
                    out.append(runs[i].toString());
                out.sort();
                return out;
            };
            const QString carPrice = QStringLiteral("car_price");
            QCOMPARE(select(carPrice, QStringLiteral("params.optimizer = ''")), ids({0, 1}));
            QCOMPARE(select(carPrice, QStringLiteral("params.optimizer != ''")), ids({2}));
            QCOMPARE(select(carPrice, QStringLiteral("params.optimizer != 'adam'")), ids({0, 1}));
            QCOMPARE(select(carPrice, QStringLiteral("params.optimizer IS NULL")), ids({3}));
            QCOMPARE(select(carPrice, QStringLiteral("tags.reviewer = ''")), ids({0}));
            QCOMPARE(select(carPrice, QStringLiteral("tags.reviewer != ''")), QStringList());

            // The sweep's FAILED runs end with loss = NaN: != keeps them, the orderings and = do not.
            const QStringList notOne = select(sweep, QStringLiteral("metrics.loss != 1"));
            const QStringList below = select(sweep, QStringLiteral("metrics.loss < 1e308"));
            const QStringList failed = select(sweep, QStringLiteral("metrics.loss != 1 and attributes.status = 'FAILED'"));
            QVERIFY(!failed.isEmpty());
            for (const QString &id : failed)
                QVERIFY2(notOne.contains(id) && !below.contains(id), qPrintable(id));
            QCOMPARE(select(sweep, QStringLiteral("metrics.loss >= -1e308")), below);
            QCOMPARE(select(sweep, QStringLiteral("metrics.loss = 0")), QStringList());
        }
    }

    void badFilterPointsAtTheColumn()
    {
        const auto r = cli({QStringLiteral("runs"), QStringLiteral("--filter"), QStringLiteral("metrics.rmse <> 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("column"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void oneRunAndItsHistory()
    {
        auto r = cli({QStringLiteral("--source"), QStringLiteral("2"), QStringLiteral("run"),
                      QStringLiteral("725002bf71b846ac946886aaea49b30c")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Linear Regression"));
        QVERIFY(r.out.contains("val_r2_score"));
        QVERIFY(r.out.contains("car_prices"));

        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("2"),
                 QStringLiteral("history"), QStringLiteral("725002bf71b846ac946886aaea49b30c"), QStringLiteral("val_r2_score")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray points = json(r).value(QStringLiteral("metrics")).toArray();
        QCOMPARE(points.size(), 6);  // folds 0-4 and the hold-out value at step 5
        QCOMPARE(points.last().toObject().value(QStringLiteral("step")).toInt(), 5);
        QCOMPARE(points.last().toObject().value(QStringLiteral("value")).toDouble(), 0.82);

        r = cli({QStringLiteral("run"), QStringLiteral("does-not-exist")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("does-not-exist"));
    }

    void nanAndInfinityInJson()
    {
        // A FAILED sweep run ends with loss = NaN; MLflow's JSON carries it as the string "NaN".
        const auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("1"),
                            QStringLiteral("runs"), QStringLiteral("--filter"), QStringLiteral("attributes.status = 'FAILED'")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = json(r).value(QStringLiteral("runs")).toArray();
        QVERIFY(!runs.isEmpty());
        bool sawNan = false, sawInf = false;
        for (const auto &m : runs[0].toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("metrics")).toArray()) {
            const QJsonObject o = m.toObject();
            if (o.value(QStringLiteral("key")).toString() == QLatin1String("loss"))
                sawNan = o.value(QStringLiteral("value")).toString() == QLatin1String("NaN");
            if (o.value(QStringLiteral("key")).toString() == QLatin1String("grad_norm"))
                sawInf = o.value(QStringLiteral("value")).toString() == QLatin1String("Infinity");
        }
        QVERIFY(sawNan);
        QVERIFY(sawInf);  // the file store keeps +inf
    }

    void modelsAndVersions()
    {
        auto r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("1"),
                      QStringLiteral("versions"), QStringLiteral("car_price_model")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray v = json(r).value(QStringLiteral("model_versions")).toArray();
        QCOMPARE(v.size(), 4);
        const QStringList stages{QStringLiteral("Archived"), QStringLiteral("Archived"), QStringLiteral("Staging"),
                                 QStringLiteral("Production")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(v[i].toObject().value(QStringLiteral("version")).toString(), QString::number(i + 1));
            QCOMPARE(v[i].toObject().value(QStringLiteral("current_stage")).toString(), stages[i]);
        }
        QCOMPARE(v[3].toObject().value(QStringLiteral("aliases")).toArray().first().toString(), QStringLiteral("champion"));
        QCOMPARE(v[2].toObject().value(QStringLiteral("aliases")).toArray().first().toString(), QStringLiteral("challenger"));

        r = cli({QStringLiteral("--source"), QStringLiteral("2"), QStringLiteral("models")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("car_price_model"));
        QVERIFY(r.out.contains("empty_model"));
        QVERIFY(r.out.contains("champion=v4"));

        r = cli({QStringLiteral("versions"), QStringLiteral("no_such_model")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no_such_model"));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("runs"), QStringLiteral("--bogus")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("runs")};
        QTest::newRow("missing value") << QStringList{QStringLiteral("runs"), QStringLiteral("--filter")};
        QTest::newRow("unknown experiment") << QStringList{QStringLiteral("runs"), QStringLiteral("--experiment"), QStringLiteral("nope")};
        QTest::newRow("missing store") << QStringList{QStringLiteral("sync"), QStringLiteral("/nonexistent/mlruns")};
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void unwritableCacheIsARuntimeFailure()
    {
        const auto r = test::runProcess(test::cliPath(), {QStringLiteral("--cache"), QStringLiteral("/proc/modeldesk/cache.sqlite"),
                                                          QStringLiteral("sources")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/proc/modeldesk"));
    }

    void brokenStoreSyncsTheRestAndExitsTwo()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("mlruns"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString bad = store + QStringLiteral("/841587320559560834/a341c34930dd436184839c690c80d573/metrics/rmse");
        QVERIFY(test::writeFile(bad, "1795736395238 0.5 0\nthis is garbage\n"));
        const QString cache = dir.filePath(QStringLiteral("c.sqlite"));
        const auto r = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), store}, cache);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains((bad + QStringLiteral(":2")).toUtf8()), r.err.constData());
        const auto runs = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("runs"), QStringLiteral("--experiment"),
                               QStringLiteral("car_price")},
                              cache);
        QCOMPARE(json(runs).value(QStringLiteral("runs")).toArray().size(), 4);
    }

    void demoWritesAStoreThatSyncs()
    {
        QTemporaryDir dir;
        const QString into = dir.filePath(QStringLiteral("demo"));
        auto r = test::runProcess(test::cliPath(), {QStringLiteral("demo"), QStringLiteral("--into"), into});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString cache = dir.filePath(QStringLiteral("c.sqlite"));
        r = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), into + QStringLiteral("/mlruns")}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("runs"), QStringLiteral("--experiment"),
                 QStringLiteral("car_price"), QStringLiteral("--order-by"), QStringLiteral("metrics.val_r2_score DESC")},
                cache);
        const QJsonArray runs = json(r).value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs[0].toObject().value(QStringLiteral("info")).toObject().value(QStringLiteral("run_name")).toString(),
                 QStringLiteral("XGBoost tuned"));
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("versions"), QStringLiteral("car_price_model")}, cache);
        const QJsonArray v = json(r).value(QStringLiteral("model_versions")).toArray();
        QCOMPARE(v.size(), 4);
        QCOMPARE(v[3].toObject().value(QStringLiteral("current_stage")).toString(), QStringLiteral("Production"));
        QCOMPARE(v[2].toObject().value(QStringLiteral("current_stage")).toString(), QStringLiteral("Staging"));
        // Nothing is overwritten.
        r = test::runProcess(test::cliPath(), {QStringLiteral("demo"), QStringLiteral("--into"), into});
        QCOMPARE(r.exitCode, 2);
    }

    void compareAgainstTheProductionRun()
    {
        const QStringList runs{QStringLiteral("725002bf71b846ac946886aaea49b30c"), QStringLiteral("a61fdea6c25245ed8973f61519cc9756"),
                               QStringLiteral("461c5bd83cee458e98633ddf56f8ff5f"), QStringLiteral("3f9763b59bcc4a11a9231f572751e2be")};
        auto r = cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("2"),
                                 QStringLiteral("compare")}
                     + runs);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = json(r);
        // v4 (XGBoost tuned) is in Production: it is the default baseline.
        QCOMPARE(o.value(QStringLiteral("baseline_run_id")).toString(), runs[3]);
        QJsonObject r2;
        for (const auto &row : o.value(QStringLiteral("rows")).toArray())
            if (row.toObject().value(QStringLiteral("key")).toString() == QLatin1String("val_r2_score"))
                r2 = row.toObject();
        QCOMPARE(r2.value(QStringLiteral("direction")).toString(), QStringLiteral("higher"));
        QCOMPARE(r2.value(QStringLiteral("best_run_ids")).toArray(), QJsonArray{runs[3]});
        const QJsonObject linear = r2.value(QStringLiteral("values")).toArray().first().toObject();
        QCOMPARE(linear.value(QStringLiteral("value")).toDouble(), 0.82);
        QVERIFY(qAbs(linear.value(QStringLiteral("delta")).toDouble() + 0.07) < 1e-9);
        QCOMPARE(linear.value(QStringLiteral("outcome")).toString(), QStringLiteral("regressed"));
        const int allRows = o.value(QStringLiteral("rows")).toArray().size();

        r = cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("2"),
                            QStringLiteral("compare"), QStringLiteral("--diff-only"), QStringLiteral("--baseline"), runs[0]}
                + runs);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        o = json(r);
        QCOMPARE(o.value(QStringLiteral("baseline_run_id")).toString(), runs[0]);
        QVERIFY(o.value(QStringLiteral("rows")).toArray().size() < allRows);

        // Values at a step need the full histories: fold 0 of val_r2_score.
        r = cli(QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--source"), QStringLiteral("2"),
                            QStringLiteral("compare"), QStringLiteral("--step"), QStringLiteral("0")}
                + runs);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("metrics.val_r2_score,0.807085,"), r.out.constData());

        r = cli({QStringLiteral("compare"), QStringLiteral("--step"), QStringLiteral("first"), runs[0], runs[1]});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("compare"), runs[0]});
        QCOMPARE(r.exitCode, 2);
    }

    void syncFromATrackingServer()
    {
        test::TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("c.sqlite"));
        const QString url = server.url().toString();
        auto r = cli({QStringLiteral("sync"), url}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("209 runs"), r.out.constData());

        // A second sync of the unchanged server is incremental: only the RUNNING runs come again.
        r = cli({QStringLiteral("--quiet"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("sync"), url}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(json(r).value(QStringLiteral("runs")).toInt() <= 4);

        // Histories come on demand, once: the second call is served from the cache.
        const QString run1000 = QStringLiteral("0640e8e1e13b43dbaebf6cdcd732859b");
        QVERIFY(server.resetStats());
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("history"), run1000, QStringLiteral("loss")}, cache);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(json(r).value(QStringLiteral("metrics")).toArray().size(), 1000);
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("history"), run1000, QStringLiteral("loss")}, cache);
        QCOMPARE(json(r).value(QStringLiteral("metrics")).toArray().size(), 1000);
        const QJsonObject requests = server.stats().value(QStringLiteral("requests")).toObject();
        int historyCalls = 0;
        for (auto it = requests.begin(); it != requests.end(); ++it)
            if (it.key().contains(QStringLiteral("metrics/get-history")))
                historyCalls += it.value().toInt();
        QCOMPARE(historyCalls, 1);

        // A server that wants a token: one clear error naming the server, exit code 1.
        QVERIFY(server.setFaults(QJsonObject{{QStringLiteral("require_token"), QStringLiteral("s3cret")}}));
        r = cli({QStringLiteral("--quiet"), QStringLiteral("sync"), url}, cache);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("sign in"), r.err.constData());
        QVERIFY(r.err.contains(url.toUtf8()));
    }

    void journalVerify()
    {
        const auto r = cli({QStringLiteral("journal"), QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("intact"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
