// SPDX-License-Identifier: GPL-3.0-or-later
// Importing the real MLflow fixtures into a real cache file.
#include "TestServer.h"
#include "TestSupport.h"
#include "sources/filestore/FileStoreSource.h"
#include "sync/HistoryLoader.h"
#include "sync/Importer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QThread>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

struct Expected {
    qint64 experiments, deletedExperiments, runs, metricPoints, latest, params, runTags, experimentTags, models, versions,
        aliases, versionTags, modelTags;
};

/// Every row of every cache table (without the sync times), to compare two imports.
QStringList dump(Cache &c)
{
    QStringList out;
    const QStringList tables{QStringLiteral("experiments"), QStringLiteral("experiment_tags"), QStringLiteral("runs"),
                             QStringLiteral("latest_metrics"), QStringLiteral("metric_history"), QStringLiteral("params"),
                             QStringLiteral("run_tags"), QStringLiteral("run_inputs"), QStringLiteral("registered_models"),
                             QStringLiteral("model_tags"), QStringLiteral("model_aliases"), QStringLiteral("model_versions"),
                             QStringLiteral("version_tags")};
    for (const auto &t : tables) {
        Statement st = c.database().prepare(QStringLiteral("SELECT * FROM %1").arg(t));
        QStringList rows;
        while (st.next()) {
            QStringList cells;
            for (int i = 0; i < st.columnCount(); ++i)
                cells << st.variant(i).toString();
            rows << t + QLatin1Char('|') + cells.join(QLatin1Char('|'));
        }
        rows.sort();
        out += rows;
    }
    return out;
}


} // namespace

class TestImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_n = 0;
    QString fresh(const QString &name) { return m_tmp.filePath(name + QString::number(++m_n)); }

    /// A new folder holding a generated MLflow database (`spec`: the test server's --generate,
    /// "RUNS,METRICS,PARAMS"); its path, or empty when the generator failed.
    QString generatedServerDb(const QString &name, const QString &spec)
    {
        const QString dir = fresh(name);
        if (!QDir().mkpath(dir))
            return {};
        const QString db = dir + QStringLiteral("/server.db");
        QProcess gen;
        gen.start(QStringLiteral("python3"),
                  {QStringLiteral(MD_TEST_SERVER_SCRIPT), QStringLiteral("--generate"), spec, QStringLiteral("--db"), db,
                   QStringLiteral("--schema-from"), test::dataPath(QStringLiteral("mlflow.db"))});
        return gen.waitForFinished(120000) && gen.exitCode() == 0 ? db : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void importsFixturesWithMlflowsCounts_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("expectedUriPrefix");
        QTest::addColumn<bool>("full");
        QTest::newRow("file store, plain path") << test::dataPath(QStringLiteral("mlruns")) << QStringLiteral("file:///") << true;
        QTest::newRow("mlflow.db, sqlite URI")
            << QStringLiteral("sqlite:///") + test::dataPath(QStringLiteral("mlflow.db")) << QStringLiteral("sqlite:////") << true;
        QTest::newRow("mlflow.db, plain path") << test::dataPath(QStringLiteral("mlflow.db")) << QStringLiteral("sqlite:////") << true;
        QTest::newRow("model folder")
            << QStringLiteral("folder://") + test::dataPath(QStringLiteral("model-folder/artifacts/training"))
            << QStringLiteral("folder:///") << false;
    }

    void importsFixturesWithMlflowsCounts()
    {
        QFETCH(QString, uri);
        QFETCH(QString, expectedUriPrefix);
        QFETCH(bool, full);
        const QString cachePath = fresh(QStringLiteral("c")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        auto report = Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QVERIFY(report->problems.isEmpty());
        QVERIFY2(report->uri.startsWith(expectedUriPrefix), qPrintable(report->uri));

        Cache c;
        QVERIFY(c.open(cachePath).ok());
        auto counts = c.counts(report->sourceId);
        QVERIFY(counts.ok());
        if (!full) {
            QCOMPARE(counts->runs, 0);
            QCOMPARE(counts->models, 1);
            QCOMPARE(counts->versions, 4);
            auto m = c.registeredModel(QStringLiteral("model-folder"));
            QVERIFY(m.ok());
            QCOMPARE(m->versions.last().currentStage, kStageProduction);
            return;
        }
        // FIXTURES.md, "Expected counts (what MLflow itself holds)".
        QCOMPARE(counts->experiments, 4);
        QCOMPARE(counts->deletedExperiments, 1);
        QCOMPARE(counts->runs, 209);
        QCOMPARE(counts->metricPoints, 32361);
        QCOMPARE(counts->latestMetrics, 915);
        QCOMPARE(counts->params, 1001);
        QCOMPARE(counts->runTags, 1508);
        QCOMPARE(counts->experimentTags, 11);
        QCOMPARE(counts->models, 3);
        QCOMPARE(counts->versions, 5);
        QCOMPARE(counts->aliases, 2);
        QCOMPARE(counts->versionTags, 13);
        QCOMPARE(counts->modelTags, 4);

        RunQuery q;
        q.experiments = {QStringLiteral("car_price")};
        q.orderBy = {QStringLiteral("metrics.val_r2_score DESC")};
        auto runs = c.runs(q);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 4);
        const QStringList names{QStringLiteral("XGBoost tuned"), QStringLiteral("XGBoost"), QStringLiteral("Random Forest"),
                                QStringLiteral("Linear Regression")};
        const QList<double> r2{0.89, 0.88, 0.85, 0.82};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(runs->at(i).run.runName, names[i]);
            double v = -1;
            for (const auto &m : runs->at(i).run.latestMetrics)
                if (m.key == QLatin1String("val_r2_score"))
                    v = m.value;
            QCOMPARE(v, r2[i]);
        }
        RunQuery sweep;
        sweep.experiments = {QStringLiteral("car_price_sweep")};
        QCOMPARE(c.runs(sweep)->size(), 191);
        sweep.onlyDeleted = true;
        QCOMPARE(c.runs(sweep)->size(), 9);
    }

    void secondImportGivesIdenticalContents()
    {
        const QString cachePath = fresh(QStringLiteral("twice")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        const QString uri = test::dataPath(QStringLiteral("mlruns"));
        QVERIFY(Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), cancel).ok());
        QStringList first;
        {
            Cache c;
            QVERIFY(c.open(cachePath).ok());
            first = dump(c);
        }
        auto again = Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(again.ok());
        QVERIFY(again->changes.isEmpty());
        Cache c;
        QVERIFY(c.open(cachePath).ok());
        const QStringList second = dump(c);
        QCOMPARE(second.size(), first.size());
        QCOMPARE(second, first);
    }

    void registryChangesBetweenSyncsGoToTheJournal()
    {
        const QString store = fresh(QStringLiteral("store"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString cachePath = fresh(QStringLiteral("reg")) + QStringLiteral("/cache.sqlite");
        const QString journalPath = Journal::defaultPathFor(cachePath);
        std::atomic_bool cancel{false};
        QVERIFY(Importer::importUri(store, cachePath, journalPath, cancel).ok());

        // Another tool promotes v3 and moves the champion alias, as MLflow's file store writes it.
        const QString model = store + QStringLiteral("/models/car_price_model");
        QFile v3(model + QStringLiteral("/version-3/meta.yaml"));
        QVERIFY(v3.open(QIODevice::ReadOnly));
        QByteArray y = v3.readAll();
        v3.close();
        y.replace("current_stage: Staging", "current_stage: Production");
        QVERIFY(test::writeFile(v3.fileName(), y));
        QFile meta(model + QStringLiteral("/meta.yaml"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QByteArray m = meta.readAll();
        meta.close();
        m.replace("champion: '4'", "champion: '3'");
        QVERIFY(test::writeFile(meta.fileName(), m));
        QVERIFY(test::writeFile(model + QStringLiteral("/aliases/champion"), "3"));

        auto report = Importer::importUri(store, cachePath, journalPath, cancel);
        QVERIFY(report.ok());
        QCOMPARE(report->changes.size(), 2);

        Journal j;
        QVERIFY(j.open(journalPath).ok());
        auto entries = j.entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 2);
        QHash<QString, JournalEntry> byKind;
        for (const auto &e : std::as_const(*entries))
            byKind.insert(e.kind, e);
        QVERIFY(byKind.contains(QStringLiteral("observed.stage")));
        const JournalEntry stage = byKind.value(QStringLiteral("observed.stage"));
        QCOMPARE(stage.subject, QStringLiteral("car_price_model/3"));
        QCOMPARE(stage.details.value(QStringLiteral("old")).toString(), QStringLiteral("Staging"));
        QCOMPARE(stage.details.value(QStringLiteral("new")).toString(), QStringLiteral("Production"));
        QVERIFY(stage.details.value(QStringLiteral("window_start_ms")).toDouble() > 0);
        QVERIFY(stage.details.value(QStringLiteral("window_end_ms")).toDouble()
                >= stage.details.value(QStringLiteral("window_start_ms")).toDouble());
        const JournalEntry alias = byKind.value(QStringLiteral("observed.alias"));
        QCOMPARE(alias.details.value(QStringLiteral("field")).toString(), QStringLiteral("alias:champion"));
        QCOMPARE(alias.details.value(QStringLiteral("old")).toString(), QStringLiteral("4"));
        QCOMPARE(alias.details.value(QStringLiteral("new")).toString(), QStringLiteral("3"));
        QVERIFY(j.verify().ok());
    }

    void brokenRunIsSkippedAndNamedTheRestImports()
    {
        const QString store = fresh(QStringLiteral("broken"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString bad = store + QStringLiteral("/841587320559560834/7d7c9949f52c4a02bac3677187794007/meta.yaml");
        QVERIFY(test::writeFile(bad, "artifact_uri: [unterminated\n  run_id: {"));
        const QString cachePath = fresh(QStringLiteral("bc")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        auto report = Importer::importUri(store, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(report.ok());
        QCOMPARE(report->problems.size(), 1);
        QVERIFY2(report->problems[0].error.where.startsWith(bad), qPrintable(report->problems[0].error.toString()));
        QCOMPARE(report->runs, 208);
        Cache c;
        QVERIFY(c.open(cachePath).ok());
        QCOMPARE(c.counts(report->sourceId)->runs, 208);
    }

    void runDeletedFromTheSourceLeavesTheCache()
    {
        const QString store = fresh(QStringLiteral("gone"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString cachePath = fresh(QStringLiteral("gc")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        QVERIFY(Importer::importUri(store, cachePath, Journal::defaultPathFor(cachePath), cancel).ok());
        QVERIFY(QDir(store + QStringLiteral("/841587320559560834/7d7c9949f52c4a02bac3677187794007")).removeRecursively());
        auto report = Importer::importUri(store, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(report.ok());
        Cache c;
        QVERIFY(c.open(cachePath).ok());
        QCOMPARE(c.counts(report->sourceId)->runs, 208);
        QVERIFY(!c.run(QStringLiteral("7d7c9949f52c4a02bac3677187794007")).ok());
    }

    void runReplacedByAnotherLeavesTheCache()
    {
        // As many runs as before, but not the same ones: the run that went must still go.
        const QString store = fresh(QStringLiteral("swap"));
        QVERIFY(test::copyTree(test::dataPath(QStringLiteral("mlruns")), store));
        const QString cachePath = fresh(QStringLiteral("sc")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        QVERIFY(Importer::importUri(store, cachePath, Journal::defaultPathFor(cachePath), cancel).ok());
        const QString experiment = store + QStringLiteral("/841587320559560834/");
        const QString gone = QStringLiteral("7d7c9949f52c4a02bac3677187794007");
        const QString added = QStringLiteral("0123456789abcdef0123456789abcdef");
        QVERIFY(QDir().rename(experiment + gone, experiment + added));
        QFile meta(experiment + added + QStringLiteral("/meta.yaml"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        const QByteArray yaml = meta.readAll().replace(gone.toLatin1(), added.toLatin1());
        meta.close();
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(meta.write(yaml), yaml.size());
        meta.close();
        auto report = Importer::importUri(store, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(report.ok());
        Cache c;
        QVERIFY(c.open(cachePath).ok());
        QCOMPARE(c.counts(report->sourceId)->runs, 209);
        QVERIFY(!c.run(gone).ok());
        QVERIFY(c.run(added).ok());
    }

    void fullDiskFailsCleanlyAndNextImportCompletes()
    {
        const QString cachePath = fresh(QStringLiteral("full")) + QStringLiteral("/cache.sqlite");
        const QString uri = test::dataPath(QStringLiteral("mlruns"));
        Cache complete;
        QVERIFY(complete.open(fresh(QStringLiteral("ref")) + QStringLiteral("/cache.sqlite")).ok());
        Importer ref(complete, nullptr);
        FileStoreSource refSource(uri);
        std::atomic_bool cancel{false};
        QVERIFY(ref.import(refSource, cancel).ok());

        Cache c;
        QVERIFY(c.open(cachePath).ok());
        const qint64 pages = c.database().scalar(QStringLiteral("PRAGMA page_count"))->toLongLong();
        // A "disk" that fills up part way through the runs.
        QVERIFY(c.database().exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 150)).ok());
        Importer importer(c, nullptr);
        FileStoreSource source(uri);
        auto report = importer.import(source, cancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().category, ErrorCategory::Storage);
        QCOMPARE(report.error().where, cachePath);

        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA integrity_check"))->toString(), QStringLiteral("ok"));
        // Every run that made it in is complete: same params, tags and points as a full import.
        const QString perRun = QStringLiteral(
            "SELECT r.run_uuid, (SELECT count(*) FROM params WHERE run = r.id), (SELECT count(*) FROM run_tags WHERE run = r.id),"
            " (SELECT coalesce(sum(count), 0) FROM metric_history WHERE run = r.id) FROM runs r ORDER BY r.run_uuid");
        QHash<QString, QString> full;
        Statement st = complete.database().prepare(perRun);
        while (st.next())
            full.insert(st.text(0), QStringLiteral("%1/%2/%3").arg(st.int64(1)).arg(st.int64(2)).arg(st.int64(3)));
        Statement partial = c.database().prepare(perRun);
        int seen = 0;
        while (partial.next()) {
            ++seen;
            QCOMPARE(QStringLiteral("%1/%2/%3").arg(partial.int64(1)).arg(partial.int64(2)).arg(partial.int64(3)),
                     full.value(partial.text(0)));
        }
        QVERIFY(seen > 0);
        QVERIFY(seen < 209);
        auto sources = c.sources();
        QVERIFY(!sources->first().lastError.isEmpty());

        // Space again: the next import completes without duplicates.
        QVERIFY(c.database().exec(QStringLiteral("PRAGMA max_page_count = 1073741823")).ok());
        auto again = importer.import(source, cancel);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(c.counts(again->sourceId)->runs, 209);
        QCOMPARE(c.counts(again->sourceId)->metricPoints, 32361);
        QVERIFY(c.sources()->first().lastError.isEmpty());
    }

    void cancelledImportRemovesNothing()
    {
        const QString cachePath = fresh(QStringLiteral("cancel")) + QStringLiteral("/cache.sqlite");
        const QString uri = test::dataPath(QStringLiteral("mlruns"));
        std::atomic_bool go{false};
        QVERIFY(Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), go).ok());
        std::atomic_bool cancel{true};
        auto report = Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().category, ErrorCategory::Cancelled);
        Cache c;
        QVERIFY(c.open(cachePath).ok());
        QCOMPARE(c.counts(c.sources()->first().id)->runs, 209);
    }

    /// A server sync that pages (2,500 runs: three runs/search pages, fetched and parsed on two
    /// other threads while this one writes) cancelled after the first page, while the next pages
    /// are being fetched and parsed: the cache holds whole runs only, and the next sync gives the
    /// exact counts, without duplicates. Then the same cancelled at once, before any run.
    void pagedServerSyncCancelledMidwayResumesExactly()
    {
        const QString db = generatedServerDb(QStringLiteral("paged"), QStringLiteral("2500,4,3"));
        QVERIFY(!db.isEmpty());
        const QString dir = QFileInfo(db).path();
        test::TestServer server;
        QVERIFY(server.start(db));

        Cache cache;
        QVERIFY(cache.open(dir + QStringLiteral("/cache.sqlite")).ok());
        Importer importer(cache, nullptr);
        std::atomic_bool cancel{false};
        qint64 doneAtCancel = 0;
        importer.setProgressCallback([&](const ImportProgress &p) {
            if (!cancel && p.runsDone >= 1000) {
                doneAtCancel = p.runsDone;
                cancel = true;
            }
        });
        auto source = createSource(server.url().toString());
        QVERIFY(source.ok());
        auto first = importer.import(**source, cancel);
        QVERIFY(!first.ok());
        QCOMPARE(first.error().category, ErrorCategory::Cancelled);
        auto sourceId = cache.ensureSource(server.url().toString(), QStringLiteral("http"));
        QVERIFY(sourceId.ok());
        auto part = cache.counts(*sourceId);
        QVERIFY(part.ok());
        QVERIFY2(part->runs >= doneAtCancel && part->runs < 2500, qPrintable(QString::number(part->runs)));
        // Whole runs: 3 params, 4 latest metrics and 3 tags (runName, user, source type) each.
        QCOMPARE(part->params, 3 * part->runs);
        QCOMPARE(part->latestMetrics, 4 * part->runs);
        QCOMPARE(part->runTags, 3 * part->runs);

        importer.setProgressCallback({});
        cancel = false;
        auto second = importer.import(**source, cancel);
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().toString()));
        QCOMPARE(second->runs, 2500);
        QVERIFY(!second->incremental);
        auto all = cache.counts(*sourceId);
        QVERIFY(all.ok());
        QCOMPARE(all->experiments, 2);
        QCOMPARE(all->runs, 2500);
        QCOMPARE(all->params, 7500);
        QCOMPARE(all->latestMetrics, 10000);
        QCOMPARE(all->runTags, 7500);
        auto bench = cache.runs(RunQuery{});
        QVERIFY(bench.ok());
        QSet<QString> ids;
        for (const RunRow &r : std::as_const(*bench))
            ids.insert(r.run.runId);
        QCOMPARE(ids.size(), 2500);

        // Cancelled before the first page: nothing removed.
        std::atomic_bool stop{true};
        auto third = importer.import(**source, stop);
        QVERIFY(!third.ok());
        QCOMPARE(third.error().category, ErrorCategory::Cancelled);
        QCOMPARE(cache.counts(*sourceId)->runs, 2500);
    }

    /// A server's runs are committed page by page, as the sync waits for the next page: what a
    /// crash or a killed process leaves in the cache is every page written before it, not only
    /// what the last one-second commit took. Each answer takes 500 ms here; the first page's
    /// 100 runs must be in the cache, for another connection, well before the second page comes.
    void serverPagesAreCommittedWhileTheNextIsAwaited()
    {
        const QString db = generatedServerDb(QStringLiteral("pause"), QStringLiteral("150,2,2"));
        QVERIFY(!db.isEmpty());
        const QString dir = QFileInfo(db).path();
        test::TestServer server;
        QVERIFY(server.start(db));
        QVERIFY(server.setFaults(QJsonObject{{QStringLiteral("delay_ms"), 500}}));

        const QString cachePath = dir + QStringLiteral("/cache.sqlite");
        std::atomic<qint64> delivered{0};
        Result<ImportReport> report = makeError(ErrorCategory::Internal, QString());
        std::unique_ptr<QThread> worker(QThread::create([&] {
            Cache cache;
            if (!cache.open(cachePath).ok())
                return;
            Importer importer(cache, nullptr);
            importer.setProgressCallback([&](const ImportProgress &p) { delivered = p.runsDone; });
            std::atomic_bool cancel{false};
            auto source = createSource(server.url().toString());
            if (source.ok())
                report = importer.import(**source, cancel);
        }));
        QElapsedTimer clock;
        clock.start();
        worker->start();
        // When another connection first sees runs, and when the sync first has more than 100.
        qint64 firstSeenMs = -1, seenRuns = 0, pastFirstPageMs = -1;
        while (!worker->isFinished() && (firstSeenMs < 0 || pastFirstPageMs < 0)) {
            if (pastFirstPageMs < 0 && delivered.load() > 100)
                pastFirstPageMs = clock.elapsed();
            if (firstSeenMs < 0 && QFile::exists(cachePath)) {
                Cache reader;
                if (reader.open(cachePath).ok()) {
                    const auto sources = reader.sources();
                    const auto counts = sources.ok() && !sources->isEmpty() ? reader.counts(sources->first().id)
                                                                            : Result<Cache::Counts>(Cache::Counts{});
                    if (counts.ok() && counts->runs > 0) {
                        firstSeenMs = clock.elapsed();
                        seenRuns = counts->runs;
                    }
                }
            }
            QThread::msleep(10);
        }
        QVERIFY(worker->wait(60000));
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->runs, 150);
        QCOMPARE(seenRuns, 100);
        QVERIFY(firstSeenMs >= 0 && pastFirstPageMs >= 0);
        QVERIFY2(firstSeenMs + 250 < pastFirstPageMs,
                 qPrintable(QStringLiteral("first seen at %1 ms, more than 100 runs at %2 ms").arg(firstSeenMs).arg(pastFirstPageMs)));
    }

    /// `sync --histories`: series of up to 1,000 steps come 20 runs of a key an answer
    /// (get-history-bulk), longer ones one by one (get-history on a thread of their own); every
    /// point arrives either way.
    void historiesShortByKeyLongAlone()
    {
        const QString db = generatedServerDb(QStringLiteral("hist"), QStringLiteral("30,2,0,5"));
        QVERIFY(!db.isEmpty());
        // Two runs also log "long", 1,200 steps.
        QProcess py;
        py.start(QStringLiteral("python3"),
            { QStringLiteral("-c"),
                QStringLiteral(
                    "import sqlite3, sys\n"
                    "c = sqlite3.connect(sys.argv[1])\n"
                    "for (r,) in c.execute('SELECT run_uuid FROM runs ORDER BY run_uuid LIMIT 2').fetchall():\n"
                    "    c.executemany('INSERT INTO metrics VALUES (?, ?, ?, ?, ?, 0)',\n"
                    "                  [('long', s / 10.0, 1000 + s, r, s) for s in range(1200)])\n"
                    "    c.execute('INSERT INTO latest_metrics VALUES (?, ?, ?, ?, 0, ?)', ('long', 119.9, 2199, 1199, "
                    "r))\n"
                    "c.commit()\n"),
                db });
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        test::TestServer server;
        QVERIFY(server.start(db));
        Cache cache;
        QVERIFY(cache.open(fresh(QStringLiteral("hist-cache")) + QStringLiteral(".sqlite")).ok());
        Importer importer(cache, nullptr);
        auto source = createSource(server.url().toString());
        QVERIFY(source.ok());
        std::atomic_bool cancel { false };
        ImportOptions options;
        options.histories = true;
        QVERIFY(server.resetStats());
        auto report = importer.import(**source, cancel, options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->runs, 30);
        auto counts = cache.counts(report->sourceId);
        QVERIFY(counts.ok());
        QCOMPARE(counts->metricPoints, 30 * 2 * 5 + 2 * 1200);
        const QJsonObject requests = server.stats().value(QStringLiteral("requests")).toObject();
        // 2 keys of 30 runs: 2 answers each; "long" of two runs alone, its 1,200 points in one page.
        QCOMPARE(requests.value(QStringLiteral("GET /ajax-api/2.0/mlflow/metrics/get-history-bulk")).toInt(), 4);
        QCOMPARE(requests.value(QStringLiteral("GET /api/2.0/mlflow/metrics/get-history")).toInt(), 2);

        // The same split for a fetch on demand (a chart's, a live round's), from a cache without
        // the histories.
        Cache later;
        QVERIFY(later.open(fresh(QStringLiteral("hist-later")) + QStringLiteral(".sqlite")).ok());
        Importer runsOnly(later, nullptr);
        auto read = runsOnly.import(**source, cancel);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        const auto rows = later.runs(RunQuery {});
        QVERIFY(rows.ok());
        QSet<QString> runIds;
        for (const auto &r : *rows)
            runIds.insert(r.run.runId);
        const auto series = later.metricSeries(read->sourceId, runIds);
        QVERIFY(series.ok());
        QCOMPARE(series->size(), 30 * 2 + 2);
        QList<HistoryLoader::Request> wanted;
        for (const Cache::SeriesRow &row : *series)
            wanted.append({ row.runRowId, row.key, row.latestStep });
        QVERIFY(server.resetStats());
        HistoryLoader loader(later);
        loader.useSource(read->sourceId, source->get());
        auto loaded = loader.load(wanted, cancel);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        qint64 points = 0;
        for (const auto &s : *loaded)
            points += s.size();
        QCOMPARE(points, 30 * 2 * 5 + 2 * 1200);
        const QJsonObject again = server.stats().value(QStringLiteral("requests")).toObject();
        QCOMPARE(again.value(QStringLiteral("GET /ajax-api/2.0/mlflow/metrics/get-history-bulk")).toInt(), 4);
        QCOMPARE(again.value(QStringLiteral("GET /api/2.0/mlflow/metrics/get-history")).toInt(), 2);
    }

    void badSourcesGiveOneClearError_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<int>("category");
        QTest::newRow("missing path") << QStringLiteral("/nonexistent/mlruns") << int(ErrorCategory::NotFound);
        QTest::newRow("missing sqlite") << QStringLiteral("sqlite:////nonexistent/mlflow.db") << int(ErrorCategory::NotFound);
        QTest::newRow("unknown scheme") << QStringLiteral("ftp://host/x") << int(ErrorCategory::BadInput);
        QTest::newRow("not a store") << test::dataPath(QStringLiteral("model-folder/..")) + QStringLiteral("/ids-mlruns-file-store.json")
                                     << int(ErrorCategory::BadInput);
    }

    void badSourcesGiveOneClearError()
    {
        QFETCH(QString, uri);
        QFETCH(int, category);
        const QString cachePath = fresh(QStringLiteral("bad")) + QStringLiteral("/cache.sqlite");
        std::atomic_bool cancel{false};
        auto report = Importer::importUri(uri, cachePath, Journal::defaultPathFor(cachePath), cancel);
        QVERIFY(!report.ok());
        QCOMPARE(int(report.error().category), category);
        QVERIFY2(!report.error().where.isEmpty(), qPrintable(report.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
