// SPDX-License-Identifier: GPL-3.0-or-later
// `modeldesk-cli generate` as a user runs it: a real process writes real files, which our readers,
// the REST test server and the importer then read back with exact counts.
#include "TestServer.h"
#include "TestSupport.h"
#include "cache/Cache.h"
#include "demo/DatasetGenerator.h"
#include "sources/filestore/FileStoreSource.h"
#include "sources/mlflowdb/MlflowDbSource.h"
#include "sources/rest/MlflowRestSource.h"
#include "sync/Importer.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <csignal>

using namespace md;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(md::DatasetSpec)

namespace {

/// Collects what a source delivers.
struct Collector final : ImportSink {
    QList<Experiment> experiments;
    QList<Run> runs;
    QList<ReadProblem> problems;
    Status experiment(const Experiment &e) override
    {
        experiments.append(e);
        return {};
    }
    Status run(const Run &r) override
    {
        runs.append(r);
        return {};
    }
    Status registeredModel(const RegisteredModel &) override { return {}; }
    void problem(const ReadProblem &p) override { problems.append(p); }

    DatasetCounts counts() const
    {
        DatasetCounts c;
        c.experiments = experiments.size();
        c.runs = runs.size();
        for (const Run &r : runs) {
            c.metricPoints += r.history.size();
            c.latestMetrics += r.latestMetrics.size();
            c.params += r.params.size();
            c.tags += r.tags.size();
        }
        return c;
    }
};

void compareCounts(const DatasetCounts &got, const DatasetCounts &want)
{
    QCOMPARE(got.experiments, want.experiments);
    QCOMPARE(got.runs, want.runs);
    QCOMPARE(got.metricPoints, want.metricPoints);
    QCOMPARE(got.latestMetrics, want.latestMetrics);
    QCOMPARE(got.params, want.params);
    QCOMPARE(got.tags, want.tags);
}

/// Every row of every table, ordered, as text: equal dumps mean identical rows.
QStringList dumpRows(const QString &dbPath)
{
    QStringList out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(dbPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {u"cannot open "_s + dbPath};
    }
    QStringList tables;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        tables.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))));
    sqlite3_finalize(st);
    for (const QString &t : std::as_const(tables)) {
        const QByteArray sql = "SELECT * FROM \"" + t.toUtf8() + "\" ORDER BY 1, 2, 3";
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK) {
            // Tables with fewer than three columns.
            const QByteArray one = "SELECT * FROM \"" + t.toUtf8() + "\" ORDER BY 1";
            sqlite3_prepare_v2(db, one.constData(), -1, &st, nullptr);
        }
        while (sqlite3_step(st) == SQLITE_ROW) {
            QString row = t;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
                row += u'|' + (text ? QString::fromUtf8(text) : u"NULL"_s);
            }
            out.append(row);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

QStringList schemaOf(const QString &dbPath)
{
    QStringList out;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(dbPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 2))));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/// Relative path -> bytes of every file under `root`.
QMap<QString, QByteArray> filesUnder(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(path.mid(root.size() + 1), f.readAll());
    }
    return files;
}

bool sortedById(const Run &a, const Run &b) { return a.runId < b.runId; }

} // namespace

class TestGenerate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static test::ProcessResult generate(const QString &into, const QStringList &shape)
    {
        QStringList args{u"generate"_s, u"--into"_s, into};
        args += shape;
        return test::runProcess(test::cliPath(), args);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void readBack_data()
    {
        QTest::addColumn<DatasetSpec>("spec");
        QTest::newRow("one bare run") << DatasetSpec{1, 0, 0, 1, 1, 1};
        QTest::newRow("4 experiments, histories") << DatasetSpec{60, 3, 5, 7, 4, 42};
        QTest::newRow("more experiments than runs") << DatasetSpec{3, 2, 1, 2, 5, 7};
    }

    // The counts the generator promises arrive exactly through both local readers, and both
    // deliver the same runs, with the values the generator computes.
    void readBack()
    {
        QFETCH(DatasetSpec, spec);
        const QString into = m_tmp.filePath(u"readback-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        const auto r = generate(into, {u"--runs"_s, QString::number(spec.runs), u"--metrics"_s, QString::number(spec.metrics),
                                       u"--params"_s, QString::number(spec.params), u"--steps"_s, QString::number(spec.steps),
                                       u"--experiments"_s, QString::number(spec.experiments), u"--seed"_s,
                                       QString::number(spec.seed)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(QByteArray("Wrote " + QByteArray::number(spec.runs) + " runs")));
        QVERIFY(r.err.contains(QByteArray("of " + QByteArray::number(spec.runs) + " runs")));  // progress on stderr

        const DatasetGenerator generator(spec);
        const DatasetCounts want = generator.counts();
        QCOMPARE(want.experiments, spec.experiments + 1);

        std::atomic_bool no{false};
        FileStoreSource files(into + u"/mlruns"_s);
        QVERIFY(files.open().ok());
        Collector fromFiles;
        QVERIFY(files.readAll(fromFiles, no).ok());
        QVERIFY(fromFiles.problems.isEmpty());
        compareCounts(fromFiles.counts(), want);

        MlflowDbSource db(into + u"/mlflow.db"_s);
        const Status opened = db.open();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
        QCOMPARE(db.schemaRevision(), u"acf3f17fdcc7"_s);
        Collector fromDb;
        QVERIFY(db.readAll(fromDb, no).ok());
        QVERIFY(fromDb.problems.isEmpty());
        compareCounts(fromDb.counts(), want);

        std::sort(fromFiles.runs.begin(), fromFiles.runs.end(), sortedById);
        std::sort(fromDb.runs.begin(), fromDb.runs.end(), sortedById);
        QList<Run> expected;
        for (qint64 i = 0; i < spec.runs; ++i)
            expected.append(generator.run(i));
        std::sort(expected.begin(), expected.end(), sortedById);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Run &e = expected[i];
            for (const Run *got : {&fromFiles.runs[i], &fromDb.runs[i]}) {
                QCOMPARE(got->runId, e.runId);
                QCOMPARE(got->runName, e.runName);
                QCOMPARE(got->experimentId, e.experimentId);
                QCOMPARE(got->status, u"FINISHED"_s);
                QCOMPARE(got->startTime, e.startTime);
                QCOMPARE(got->endTime, e.endTime);
                QCOMPARE(got->params, e.params);
                QCOMPARE(got->history.size(), e.history.size());
                for (const MetricPoint &p : e.history)
                    QVERIFY2(got->history.contains(p), qPrintable(e.runId + u' ' + p.key));
                for (const MetricPoint &p : e.latestMetrics)
                    QVERIFY(got->latestMetrics.contains(p));
                for (const KeyValue &t : e.tags)
                    QVERIFY(got->tags.contains(t));
            }
        }
        // Experiments: Default plus bench-1 …, with the runs spread in blocks.
        QCOMPARE(fromDb.experiments.first().name, u"Default"_s);
        QCOMPARE(fromDb.experiments.last().name, u"bench-"_s + QString::number(spec.experiments));
        QCOMPARE(fromFiles.experiments.last().name, fromDb.experiments.last().name);
    }

    void schemaIsMlflows()
    {
        const QString into = m_tmp.filePath(u"schema"_s);
        const auto r = generate(into, {u"--runs"_s, u"2"_s, u"--quiet"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(schemaOf(into + u"/mlflow.db"_s), schemaOf(test::dataPath(u"mlflow.db"_s)));
        // Run folders look like the fixture's (MLflow's own output).
        const auto files = filesUnder(into + u"/mlruns"_s);
        QVERIFY(files.contains(u"0/meta.yaml"_s));
        QVERIFY(QFileInfo(into + u"/mlruns/.trash"_s).isDir());
        QString runDir;
        for (const QString &k : files.keys())
            if (k.startsWith(u"1/"_s) && k.endsWith(u"/meta.yaml"_s) && k.count(u'/') == 2)
                runDir = k.section(u'/', 0, 1);
        QCOMPARE(runDir.size(), 2 + 32);
        QVERIFY(files.value(runDir + u"/meta.yaml"_s).contains("source_type: 4\nsource_version: ''\n"));
        QCOMPARE(files.value(runDir + u"/tags/mlflow.user"_s), QByteArray("bench"));
        QCOMPARE(files.value(runDir + u"/metrics/metric_000"_s).count('\n'), 1);
    }

    // The test server serves the generated database; a REST sync through the importer (with
    // every history) ends with exactly the generated counts in the cache.
    void restSync()
    {
        const DatasetSpec spec{120, 4, 6, 5, 3, 9};
        const QString into = m_tmp.filePath(u"rest"_s);
        const auto r = generate(into, {u"--runs"_s, u"120"_s, u"--metrics"_s, u"4"_s, u"--params"_s, u"6"_s, u"--steps"_s,
                                       u"5"_s, u"--experiments"_s, u"3"_s, u"--seed"_s, u"9"_s, u"-q"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        test::TestServer server;
        QVERIFY(server.start(into + u"/mlflow.db"_s));
        Cache cache;
        QVERIFY(cache.open(m_tmp.filePath(u"rest-cache.sqlite"_s)).ok());
        Importer importer(cache, nullptr);
        MlflowRestSource source(server.url(), RestOptions{});
        std::atomic_bool no{false};
        ImportOptions options;
        options.histories = true;
        auto report = importer.import(source, no, options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        const DatasetCounts want = DatasetGenerator(spec).counts();
        QCOMPARE(report->experiments, want.experiments);
        QCOMPARE(report->runs, want.runs);
        QVERIFY(report->problems.isEmpty());
        auto counts = cache.counts(report->sourceId);
        QVERIFY(counts.ok());
        QCOMPARE(counts->experiments, want.experiments);
        QCOMPARE(counts->runs, want.runs);
        QCOMPARE(counts->latestMetrics, want.latestMetrics);
        QCOMPARE(counts->metricPoints, want.metricPoints);
        QCOMPARE(counts->params, want.params);
        QCOMPARE(counts->runTags, want.tags);
    }

    void deterministic()
    {
        const QStringList shape{u"--runs"_s, u"40"_s, u"--metrics"_s, u"3"_s, u"--params"_s, u"4"_s,
                                u"--steps"_s, u"6"_s, u"--experiments"_s, u"2"_s, u"--seed"_s, u"77"_s, u"-q"_s};
        const QString a = m_tmp.filePath(u"det-a"_s), b = m_tmp.filePath(u"det-b"_s), c = m_tmp.filePath(u"det-c"_s);
        for (const QString &dir : {a, b})
            QCOMPARE(generate(dir, shape).exitCode, 0);
        QStringList other = shape;
        other[other.indexOf(u"77"_s)] = u"78"_s;
        QCOMPARE(generate(c, other).exitCode, 0);

        const auto filesA = filesUnder(a + u"/mlruns"_s), filesB = filesUnder(b + u"/mlruns"_s);
        QCOMPARE(filesA.keys(), filesB.keys());
        QCOMPARE(filesA.size(), 1 + 2 + 40 * (1 + 3 + 4 + 3));  // meta.yaml of 3 experiments, 40 runs' files
        for (auto it = filesA.cbegin(); it != filesA.cend(); ++it) {
            QByteArray mine = it.value();
            // meta.yaml records where the store lies (absolute file:// URIs, as MLflow writes them).
            if (it.key().endsWith(u"meta.yaml"_s))
                mine.replace(QFile::encodeName(a), QFile::encodeName(b));
            QVERIFY2(mine == filesB.value(it.key()), qPrintable(it.key()));
        }
        const QStringList rowsA = dumpRows(a + u"/mlflow.db"_s);
        QCOMPARE(rowsA.size(), 1 + 3 + 40 * (1 + 3 + 4 + 3 + 3 * 6));  // alembic, experiments, per run
        QCOMPARE(rowsA, dumpRows(b + u"/mlflow.db"_s));
        // Another seed, other data (so the comparison above can fail).
        QVERIFY(rowsA != dumpRows(c + u"/mlflow.db"_s));
        QVERIFY(filesUnder(c + u"/mlruns"_s).keys() != filesA.keys());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("no runs") << QStringList{u"--metrics"_s, u"3"_s} << u"--runs"_s;
        QTest::newRow("zero runs") << QStringList{u"--runs"_s, u"0"_s} << u"--runs"_s;
        QTest::newRow("runs not a number") << QStringList{u"--runs"_s, u"ten"_s} << u"--runs"_s;
        QTest::newRow("too many runs") << QStringList{u"--runs"_s, u"10000001"_s} << u"--runs"_s;
        QTest::newRow("negative metrics") << QStringList{u"--runs"_s, u"5"_s, u"--metrics"_s, u"-1"_s} << u"--metrics"_s;
        QTest::newRow("params fraction") << QStringList{u"--runs"_s, u"5"_s, u"--params"_s, u"1.5"_s} << u"--params"_s;
        QTest::newRow("zero steps") << QStringList{u"--runs"_s, u"5"_s, u"--steps"_s, u"0"_s} << u"--steps"_s;
        QTest::newRow("zero experiments") << QStringList{u"--runs"_s, u"5"_s, u"--experiments"_s, u"0"_s} << u"--experiments"_s;
        QTest::newRow("bad seed") << QStringList{u"--runs"_s, u"5"_s, u"--seed"_s, u"-3"_s} << u"--seed"_s;
        QTest::newRow("value missing") << QStringList{u"--runs"_s} << u"--runs"_s;
        QTest::newRow("unknown option") << QStringList{u"--runs"_s, u"5"_s, u"--rows"_s, u"5"_s} << u"--rows"_s;
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const QString into = m_tmp.filePath(u"bad"_s);
        const auto r = generate(into, args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(into));
        const auto noInto = test::runProcess(test::cliPath(), {u"generate"_s, u"--runs"_s, u"3"_s});
        QCOMPARE(noInto.exitCode, 2);
        QVERIFY(noInto.err.contains("--into"));
    }

    void refusesNonEmptyFolderUnlessForced()
    {
        const QString into = m_tmp.filePath(u"busy"_s);
        QVERIFY(test::writeFile(into + u"/notes.txt"_s, "mine"));
        auto r = generate(into, {u"--runs"_s, u"3"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not empty") && r.err.contains(QFile::encodeName(into)), r.err.constData());
        QVERIFY(r.err.contains("--force"));
        QVERIFY(!QFileInfo::exists(into + u"/mlruns"_s));

        r = generate(into, {u"--runs"_s, u"3"_s, u"--force"_s, u"-q"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = generate(into, {u"--runs"_s, u"5"_s, u"--force"_s, u"-q"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"runs\": 5"));
        QCOMPARE(filesUnder(into).value(u"notes.txt"_s), QByteArray("mine"));  // other files stay
        Collector got;
        std::atomic_bool no{false};
        MlflowDbSource db(into + u"/mlflow.db"_s);
        QVERIFY(db.readAll(got, no).ok());
        QCOMPARE(got.runs.size(), 5);  // replaced, not merged
        QCOMPARE(QDir(into + u"/mlruns/1"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 5);
        // A file is no folder, --force or not.
        const QString file = into + u"/notes.txt"_s;
        r = generate(file, {u"--runs"_s, u"3"_s, u"--force"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not a folder") && r.err.contains(QFile::encodeName(file)), r.err.constData());
        QCOMPARE(filesUnder(into).value(u"notes.txt"_s), QByteArray("mine"));
        // No staging folder is left beside it.
        QCOMPARE(QDir(m_tmp.path()).entryList({u".busy*"_s}, QDir::AllEntries | QDir::Hidden).size(), 0);
    }

    // Ctrl+C while writing: exit 1, and neither the folder nor its staging sibling remains.
    void interruptLeavesNothing()
    {
        const QString parent = m_tmp.filePath(u"interrupt"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString into = parent + u"/data"_s;
        QProcess p;
        p.start(test::cliPath(), {u"generate"_s, u"--into"_s, into, u"--runs"_s, u"2000000"_s, u"--metrics"_s, u"2"_s,
                                  u"--params"_s, u"2"_s});
        QVERIFY(p.waitForStarted());
        // Wait until it is writing (the first progress line).
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("Generating"), 20000);
        QVERIFY(p.state() == QProcess::Running);
        ::kill(pid_t(p.processId()), SIGINT);
        const bool finished = p.waitForFinished(30000);
        if (!finished)
            p.kill();
        QVERIFY(finished);
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        err += p.readAllStandardError();
        QVERIFY2(err.contains("Cancelled"), err.right(300).constData());
        QVERIFY(!QFileInfo::exists(into));
        QCOMPARE(QDir(parent).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestGenerate)
#include "tst_generate.moc"
