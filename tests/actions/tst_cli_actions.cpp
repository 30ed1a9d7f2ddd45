// SPDX-License-Identifier: GPL-3.0-or-later
// The registry actions as an on-call engineer runs them: modeldesk-cli processes acting as
// different users (USER), on a copy of the file store and on the REST test server.
#include "TestServer.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace Qt::StringLiterals;

class TestCliActions : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_cache;
    QString m_store;

    test::ProcessResult cli(const QString &user, QStringList args)
    {
        args.prepend(m_cache);
        args.prepend(u"--cache"_s);
        return test::runProcess(test::cliPath(), args, {},
                                {{u"USER"_s, user}, {u"MODELDESK_POLICIES"_s, m_tmp.filePath(u"none.json"_s)},
                                 {u"MLFLOW_TRACKING_URI"_s, QString()}});
    }
    static QJsonObject json(const test::ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }
    QByteArray versionMeta(int v)
    {
        QFile f(m_store + u"/models/car_price_model/version-"_s + QString::number(v) + u"/meta.yaml"_s);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.filePath(u"cache.sqlite"_s);
        m_store = m_tmp.filePath(u"mlruns"_s);
        QVERIFY(test::copyTree(test::dataPath(u"mlruns"_s), m_store));
        const auto r = cli(u"alice"_s, {u"--quiet"_s, u"sync"_s, m_store});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void wholeSequence()
    {
        // A run of car_price that is not registered yet.
        auto r = cli(u"alice"_s, {u"--format"_s, u"json"_s, u"runs"_s, u"--experiment"_s, u"car_price"_s,
                                  u"--order-by"_s, u"start_time"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = json(r).value(u"runs"_s).toArray();
        QVERIFY(!runs.isEmpty());
        const QString runId = runs.first().toObject().value(u"info"_s).toObject().value(u"run_id"_s).toString();
        QVERIFY(!runId.isEmpty());

        r = cli(u"alice"_s, {u"register"_s, u"car_price_model"_s, u"--run"_s, runId, u"--description"_s, u"retrained"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(versionMeta(5).contains("current_stage: None"), versionMeta(5).constData());

        // --dry-run prints the plan and changes nothing.
        const QByteArray before = versionMeta(5);
        r = cli(u"alice"_s, {u"promote"_s, u"car_price_model"_s, u"5"_s, u"--to"_s, u"Staging"_s, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("would: move car_price_model v5 to Staging"), r.out.constData());
        QCOMPARE(versionMeta(5), before);

        r = cli(u"alice"_s, {u"promote"_s, u"car_price_model"_s, u"5"_s, u"--to"_s, u"Staging"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(versionMeta(5).contains("current_stage: Staging"));

        r = cli(u"alice"_s, {u"ab"_s, u"car_price_model"_s, u"5"_s, u"--share"_s, u"10"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile share(m_store + u"/models/car_price_model/version-5/tags/modeldesk.ab.share"_s);
        QVERIFY(share.open(QIODevice::ReadOnly));
        QCOMPARE(share.readAll(), QByteArray("10"));

        r = cli(u"alice"_s, {u"approve"_s, u"car_price_model"_s, u"5"_s, u"--note"_s, u"mine, so fine"_s});
        QCOMPARE(r.exitCode, 3);  // a policy refusal has its own exit code
        QVERIFY2(r.err.contains("four-eyes"), r.err.constData());

        r = cli(u"bob"_s, {u"approve"_s, u"car_price_model"_s, u"5"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--note"), r.err.constData());
        r = cli(u"bob"_s, {u"approve"_s, u"car_price_model"_s, u"5"_s, u"--note"_s, u"holdout R2 up, A/B flat"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        r = cli(u"alice"_s, {u"promote"_s, u"car_price_model"_s, u"5"_s, u"--to"_s, u"Production"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(versionMeta(5).contains("current_stage: Production"));
        QVERIFY(versionMeta(4).contains("current_stage: Archived"));

        // Not at a terminal, a rollback wants --yes.
        r = cli(u"dana"_s, {u"rollback"_s, u"car_price_model"_s, u"--reason"_s, u"latency"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(versionMeta(5).contains("current_stage: Production"));

        r = cli(u"dana"_s, {u"rollback"_s, u"car_price_model"_s, u"--reason"_s, u"latency"_s, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Roll back car_price_model from v5 to v4"), r.out.constData());

        const QString report = m_tmp.filePath(u"incident.md"_s);
        QElapsedTimer timer;
        timer.start();
        r = cli(u"dana"_s, {u"rollback"_s, u"car_price_model"_s, u"--reason"_s, u"p99 latency doubled"_s, u"--yes"_s,
                            u"--report"_s, report});
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qInfo("rollback on a file store took %lld ms (process start to exit)", ms);
        QVERIFY(versionMeta(4).contains("current_stage: Production"));
        QVERIFY(versionMeta(5).contains("current_stage: Archived"));
        QFile rep(report);
        QVERIFY(rep.open(QIODevice::ReadOnly));
        const QByteArray md = rep.readAll();
        QVERIFY2(md.contains("# Incident: car_price_model rolled back from v5 to v4"), md.constData());
        QVERIFY(md.contains("dana"));

        // The journal tells the story; the timeline shows it.
        r = cli(u"dana"_s, {u"--format"_s, u"json"_s, u"journal"_s, u"--model"_s, u"car_price_model"_s});
        QCOMPARE(r.exitCode, 0);
        QStringList kinds;
        for (const QJsonValue &e : json(r).value(u"entries"_s).toArray())
            if (e.toObject().value(u"kind"_s).toString() != u"intent"_s)
                kinds.append(e.toObject().value(u"kind"_s).toString() + u':' + e.toObject().value(u"user"_s).toString());
        QCOMPARE(kinds, (QStringList{u"register:alice"_s, u"promote:alice"_s, u"ab.start:alice"_s, u"refused:alice"_s,
                                     u"approve:bob"_s, u"promote:alice"_s, u"rollback:dana"_s}));
        r = cli(u"dana"_s, {u"timeline"_s, u"car_price_model"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("rollback"), r.out.constData());
        QVERIFY(r.out.contains("Production"));
        r = cli(u"dana"_s, {u"journal"_s, u"verify"_s});
        QCOMPARE(r.exitCode, 0);
    }

    void unknownVersionIsBadInput()
    {
        const auto r = cli(u"alice"_s, {u"promote"_s, u"car_price_model"_s, u"v42"_s, u"--to"_s, u"Staging"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("car_price_model v42 does not exist"), r.err.constData());
    }

    /// A server that is down: the action waits in the queue (exit 1, said on stderr), `queue`
    /// lists it, and `queue apply` applies it once the server is back; a rejection is reported.
    void queueWhileTheServerIsDown()
    {
        test::TestServer server;
        QVERIFY(server.start());
        const QString cache = m_tmp.filePath(u"queue-cache.sqlite"_s);
        const QHash<QString, QString> env{{u"MODELDESK_POLICIES"_s, m_tmp.filePath(u"none.json"_s)}};
        auto as = [&](const QString &user, QStringList args) {
            args.prepend(cache);
            args.prepend(u"--cache"_s);
            QHash<QString, QString> e = env;
            e.insert(u"USER"_s, user);
            return test::runProcess(test::cliPath(), args, {}, e);
        };
        auto r = as(u"bob"_s, {u"--quiet"_s, u"sync"_s, server.url().toString()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(server.pause());
        r = as(u"bob"_s, {u"approve"_s, u"car_price_model"_s, u"3"_s, u"--note"_s, u"fine"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("waits in the queue"), r.err.constData());
        r = as(u"carol"_s, {u"reject"_s, u"car_price_model"_s, u"3"_s, u"--note"_s, u"not yet"_s});
        QCOMPARE(r.exitCode, 1);
        r = as(u"bob"_s, {u"--format"_s, u"json"_s, u"queue"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray queued = json(r).value(u"queue"_s).toArray();
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).toObject().value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(queued.at(0).toObject().value(u"user"_s).toString(), u"bob"_s);

        QVERIFY(server.resume());
        r = as(u"bob"_s, {u"queue"_s, u"apply"_s});
        // bob's approval lands; carol's rejection is applied after it as a second decision.
        QVERIFY2(r.out.contains("approve car_price_model v3: applied"), r.out.constData());
        QVERIFY2(r.out.contains("reject car_price_model v3: applied"), r.out.constData());
        QCOMPARE(r.exitCode, 0);
        const auto reply = server.request("GET", u"/api/2.0/mlflow/model-versions/get?name=car_price_model&version=3"_s);
        QVERIFY2(reply.body.contains("\"rejected\""), reply.body.constData());
        QVERIFY2(reply.body.contains("\"carol\""), reply.body.constData());
        r = as(u"bob"_s, {u"--format"_s, u"json"_s, u"queue"_s});
        for (const QJsonValue &q : json(r).value(u"queue"_s).toArray())
            QCOMPARE(q.toObject().value(u"state"_s).toString(), u"applied"_s);
    }

    /// The on-call path against a tracking server.
    void rollbackOnServer()
    {
        test::TestServer server;
        QVERIFY(server.start());
        const QString cache = m_tmp.filePath(u"server-cache.sqlite"_s);
        auto r = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--quiet"_s, u"sync"_s, server.url().toString()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QElapsedTimer timer;
        timer.start();
        r = test::runProcess(test::cliPath(),
                             {u"--cache"_s, cache, u"rollback"_s, u"car_price_model"_s, u"--reason"_s, u"drill"_s, u"--yes"_s},
                             {}, {{u"USER"_s, u"dana"_s}, {u"MODELDESK_POLICIES"_s, m_tmp.filePath(u"none.json"_s)}});
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qInfo("rollback on the test server took %lld ms (process start to exit)", ms);
        const auto reply = server.request("GET", u"/api/2.0/mlflow/model-versions/get?name=car_price_model&version=2"_s);
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains("\"current_stage\": \"Production\""), reply.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliActions)
#include "tst_cli_actions.moc"
