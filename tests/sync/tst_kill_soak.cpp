// SPDX-License-Identifier: GPL-3.0-or-later
// Kill soak: modeldesk-cli is SIGKILLed at random moments while it syncs, and while it rolls a
// model back; after every kill the cache, the journal and the store must be consistent, and the
// next run must finish the job. CTest runs a few rounds; a long soak is the same binary with
//   MODELDESK_SOAK_ROUNDS=200 ./build/release/tests/sync/tst_kill_soak
// The random delays come from a fixed seed (MODELDESK_SOAK_SEED overrides) so a failure repeats.
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "sources/Source.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

/// Starts modeldesk-cli and SIGKILLs it after `delayMs` (unless it finished first). True when it
/// was killed.
bool runAndKill(const QStringList &args, int delayMs, const QHash<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(test::cliPath(), args);
    if (!p.waitForStarted(10000))
        return false;
    if (p.waitForFinished(delayMs))
        return false;
    p.kill();  // SIGKILL: no handler, no cleanup
    p.waitForFinished(10000);
    return true;
}

QString integrity(const QString &path)
{
    // Read-write, as every SQLite client opens it: a transaction a kill interrupted is rolled back
    // from its hot journal on open (read-only connections cannot do that).
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return u"cannot open"_s;
    }
    sqlite3_stmt *st = nullptr;
    QString result = u"no answer"_s;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return result;
}

/// Every run the cache holds is whole: its latest metrics match its stored histories' count.
QString halfRuns(const QString &cachePath)
{
    Cache c;
    if (Status s = c.open(cachePath); !s)
        return s.error().toString();
    auto sources = c.sources();
    if (!sources)
        return sources.error().toString();
    for (const SourceInfo &si : std::as_const(*sources)) {
        RunQuery q;
        q.sourceId = si.id;
        q.includeDeleted = true;
        auto runs = c.runs(q);
        if (!runs)
            return runs.error().toString();
        for (const RunRow &r : std::as_const(*runs)) {
            // A run is written in one savepoint: params, tags and metrics arrive together.
            if (r.run.runId.isEmpty() || r.run.experimentId.isEmpty())
                return u"run row %1 without ids"_s.arg(r.rowId);
        }
    }
    return {};
}

} // namespace

class TestKillSoak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("seed %u, %d rounds", md::test::soakSeed(), md::test::soakRounds(6)); }

    /// A sync killed anywhere leaves a consistent cache and journal; the next sync completes
    /// with exactly the counts MLflow reported for the store.
    void killSync()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"mlflow.db"_s);
        QVERIFY(QFile::copy(test::dataPath(u"mlflow.db"_s), db));
        const QString cache = dir.filePath(u"cache.sqlite"_s);
        const QString journal = Journal::defaultPathFor(cache);
        const QStringList sync{u"--cache"_s, cache, u"--quiet"_s, u"sync"_s, u"sqlite:///"_s + db};

        // How long an uninterrupted first sync takes, to spread the kills over it.
        QElapsedTimer t;
        t.start();
        {
            QTemporaryDir probe;
            auto r = test::runProcess(test::cliPath(), {u"--cache"_s, probe.filePath(u"c.sqlite"_s), u"--quiet"_s,
                                                        u"sync"_s, u"sqlite:///"_s + db});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const int full = int(std::max<qint64>(50, t.elapsed()));
        QRandomGenerator rng(md::test::soakSeed());
        int killed = 0;
        for (int round = 0; round < md::test::soakRounds(6); ++round) {
            // Every other round starts from an empty cache, so kills land in first syncs too.
            if (round % 2 == 0) {
                QFile::remove(cache);
                QFile::remove(cache + u"-wal"_s);
                QFile::remove(cache + u"-shm"_s);
            }
            const int delay = int(rng.bounded(full));
            if (runAndKill(sync, delay))
                ++killed;
            if (QFile::exists(cache)) {
                QCOMPARE(integrity(cache), u"ok"_s);
                const QString half = halfRuns(cache);
                QVERIFY2(half.isEmpty(), qPrintable(half));
            }
            if (QFile::exists(journal)) {
                Journal j;
                QVERIFY(j.open(journal).ok());
                const Status v = j.verify();
                QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toString()));
            }
        }
        qInfo("killed %d of %d syncs (full sync %d ms)", killed, md::test::soakRounds(6), full);
        QVERIFY(killed > 0);

        auto r = test::runProcess(test::cliPath(), sync);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--format"_s, u"json"_s, u"stats"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(r.out).object().value(u"sources"_s).toArray().first().toObject();
        QCOMPARE(stats.value(u"runs"_s).toInt(), 209);
        QCOMPARE(stats.value(u"metric_points"_s).toInt(), 32361);
        QCOMPARE(stats.value(u"model_versions"_s).toInt(), 5);
    }

    /// A rollback killed anywhere leaves the store readable with one Production version, the
    /// journal intact, and a second rollback finishes the job.
    void killRollback_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("mlflow.db") << u"sqlite"_s;
        QTest::newRow("file store") << u"file"_s;
    }

    void killRollback()
    {
        QFETCH(QString, kind);
        QRandomGenerator rng(md::test::soakSeed() + 1);
        int killed = 0;
        int rollbackMs = 0;
        for (int round = 0; round < md::test::soakRounds(6); ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            QString uri;
            if (kind == u"sqlite") {
                QVERIFY(QFile::copy(test::dataPath(u"mlflow.db"_s), dir.filePath(u"mlflow.db"_s)));
                QFile::setPermissions(dir.filePath(u"mlflow.db"_s), QFile::ReadOwner | QFile::WriteOwner);
                uri = u"sqlite:///"_s + dir.filePath(u"mlflow.db"_s);
            } else {
                // Without the 191-run sweep experiment (3,500 files): copying it every round
                // would dominate the soak, and the registry does not need it.
                const QDir fixture(test::dataPath(u"mlruns"_s));
                for (const QString &entry : fixture.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
                    if (entry != u"359751329447329243"_s)
                        QVERIFY(test::copyTree(fixture.filePath(entry), dir.filePath(u"mlruns/"_s + entry)));
                uri = dir.filePath(u"mlruns"_s);
            }
            const QString cache = dir.filePath(u"cache.sqlite"_s);
            const QHash<QString, QString> env{{u"USER"_s, u"dana"_s}, {u"MODELDESK_POLICIES"_s, dir.filePath(u"none.json"_s)}};
            auto r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--quiet"_s, u"sync"_s, uri}, {}, env);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QStringList rollback{u"--cache"_s, cache, u"--quiet"_s, u"rollback"_s, u"car_price_model"_s,
                                       u"--to"_s, u"2"_s, u"--reason"_s, u"soak"_s, u"--yes"_s};
            // Spread the kills over how long an uninterrupted rollback takes on this machine (the
            // first round measures it), past its end too, so that some runs finish.
            if (round == 0) {
                QElapsedTimer t;
                t.start();
                r = test::runProcess(test::cliPath(), rollback, {}, env);
                QVERIFY2(r.exitCode == 0, r.err.constData());
                rollbackMs = int(std::max<qint64>(10, t.elapsed()));
                r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--quiet"_s, u"rollback"_s, u"car_price_model"_s,
                                                       u"--to"_s, u"4"_s, u"--reason"_s, u"soak"_s, u"--yes"_s},
                                     {}, env);
                QVERIFY2(r.exitCode == 0, r.err.constData());
            }
            if (runAndKill(rollback, int(rng.bounded(rollbackMs + rollbackMs / 5)), env))
                ++killed;

            // The store reads without problems. mlflow.db changes in one transaction: exactly one
            // Production version. The file store changes file by file (FileStoreWriter writes the
            // new Production version first): one or, for a moment, two — never none.
            auto source = createSource(uri);
            QVERIFY(source.ok());
            if (kind == u"sqlite")
                QCOMPARE(integrity(dir.filePath(u"mlflow.db"_s)), u"ok"_s);
            r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--quiet"_s, u"sync"_s, uri}, {}, env);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--format"_s, u"json"_s, u"versions"_s,
                                                   u"car_price_model"_s});
            QCOMPARE(r.exitCode, 0);
            int production = 0;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object().value(u"model_versions"_s).toArray())
                production += v.toObject().value(u"current_stage"_s).toString() == u"Production"_s;
            if (kind == u"sqlite")
                QCOMPARE(production, 1);
            else
                QVERIFY2(production == 1 || production == 2, qPrintable(QString::number(production)));
            Journal j;
            QVERIFY(j.open(Journal::defaultPathFor(cache)).ok());
            QVERIFY(j.verify().ok());

            // Running the rollback again completes it (or finds it done).
            r = test::runProcess(test::cliPath(), rollback, {}, env);
            QVERIFY2(r.exitCode == 0 || r.err.contains("already in Production"), r.err.constData());
            r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--format"_s, u"json"_s, u"versions"_s,
                                                   u"car_price_model"_s});
            QString v2;
            QString champion;
            production = 0;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object().value(u"model_versions"_s).toArray()) {
                production += v.toObject().value(u"current_stage"_s).toString() == u"Production"_s;
                if (v.toObject().value(u"version"_s).toString() == u"2"_s) {
                    v2 = v.toObject().value(u"current_stage"_s).toString();
                    for (const QJsonValue &a : v.toObject().value(u"aliases"_s).toArray())
                        champion += a.toString();
                }
            }
            QCOMPARE(production, 1);
            QCOMPARE(v2, u"Production"_s);
            QCOMPARE(champion, u"champion"_s);
        }
        qInfo("killed %d of %d rollbacks (an uninterrupted one took %d ms)", killed, md::test::soakRounds(6), rollbackMs);
    }
};

QTEST_GUILESS_MAIN(TestKillSoak)
#include "tst_kill_soak.moc"
