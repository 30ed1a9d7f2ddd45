// SPDX-License-Identifier: GPL-3.0-or-later
// `modeldesk-cli sync URI --watch SECONDS` against the test server (issue 14): a run logs while the
// watch runs, each round prints what changed, and SIGINT or SIGTERM ends the command with exit 0
// and a consistent cache holding the points logged so far.
#include "LiveRun.h"
#include "TestServer.h"
#include "TestSupport.h"
#include "cache/Cache.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
namespace test = md::test;

class TestCliWatch : public QObject {
    Q_OBJECT

    /// Reads stdout lines of `p` until one satisfies `pred` (10 s at most); returns it or empty.
    static QJsonObject waitForRound(QProcess &p, const std::function<bool(const QJsonObject &)> &pred)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            while (p.canReadLine()) {
                const QJsonObject round = QJsonDocument::fromJson(p.readLine()).object();
                if (pred(round))
                    return round;
            }
            p.waitForReadyRead(200);
        }
        return {};
    }

    void watchUntil(int signal)
    {
        test::TestServer server;
        QVERIFY(server.start());
        test::LiveRun run(server);
        QVERIFY(run.create(u"1"_s, u"live-cli"_s));
        for (int step = 0; step < 3; ++step)
            QVERIFY(run.log(u"loss"_s, 1.0 / (step + 1), step));

        QTemporaryDir dir;
        const QString cachePath = dir.filePath(u"cache.sqlite"_s);
        QProcess cli;
        cli.start(test::cliPath(), {u"--cache"_s, cachePath, u"--format"_s, u"json"_s, u"sync"_s,
                                    server.url().toString(), u"--watch"_s, u"0.2"_s});
        QVERIFY(cli.waitForStarted());
        const QJsonObject first = waitForRound(cli, [](const QJsonObject &r) { return r.contains(u"round"_s); });
        QCOMPARE(first.value(u"round"_s).toInt(), 1);
        QVERIFY(first.value(u"running"_s).toArray().contains(run.runId()));

        // Logged while the watch runs: a later round brings the new points.
        for (int step = 3; step < 6; ++step)
            QVERIFY(run.log(u"loss"_s, 1.0 / (step + 1), step));
        const QJsonObject grown = waitForRound(cli, [](const QJsonObject &r) {
            return r.value(u"runs_changed"_s).toInt() == 1 && r.value(u"metric_points_added"_s).toInt() > 0;
        });
        QVERIFY2(!grown.isEmpty(), "no round saw the new points");
        QVERIFY(grown.value(u"round"_s).toInt() > 1);
        QCOMPARE(grown.value(u"metric_points_added"_s).toInt(), 3);
        // Quiet rounds say so: nothing changed, the run still running.
        const QJsonObject quiet = waitForRound(cli, [](const QJsonObject &r) { return r.contains(u"round"_s); });
        QCOMPARE(quiet.value(u"runs_changed"_s).toInt(), 0);
        QCOMPARE(quiet.value(u"metric_points_added"_s).toInt(), 0);

        QVERIFY(run.end());
        const QJsonObject ended = waitForRound(cli, [](const QJsonObject &r) { return !r.value(u"ended"_s).toArray().isEmpty(); });
        QCOMPARE(ended.value(u"ended"_s).toArray().first().toString(), run.runId());
        QVERIFY(!ended.value(u"running"_s).toArray().contains(run.runId()));

        ::kill(pid_t(cli.processId()), signal);
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);

        md::Cache cache;
        QVERIFY(cache.open(cachePath));
        auto check = cache.database().prepare(u"PRAGMA integrity_check"_s);
        QVERIFY(check.next());
        QCOMPARE(check.text(0), u"ok"_s);
        auto row = cache.run(run.runId());
        QVERIFY(row);
        QCOMPARE(row->run.status, u"FINISHED"_s);
        auto history = cache.history(row->rowId, u"loss"_s);
        QVERIFY(history);
        QCOMPARE(history->size(), 6);
        QCOMPARE(history->last().step, 5);
    }

private Q_SLOTS:
    void sigintEndsTheWatchWithExitZero() { watchUntil(SIGINT); }
    void sigtermEndsTheWatchWithExitZero() { watchUntil(SIGTERM); }

    void badIntervalIsAUsageError()
    {
        QTemporaryDir dir;
        const auto r = test::runProcess(test::cliPath(), {u"--cache"_s, dir.filePath(u"c.sqlite"_s), u"sync"_s,
                                                          test::dataPath(u"mlruns"_s), u"--watch"_s, u"soon"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--watch"));
    }
};

QTEST_GUILESS_MAIN(TestCliWatch)
#include "tst_cli_watch.moc"
