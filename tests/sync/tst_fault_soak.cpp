// SPDX-License-Identifier: GPL-3.0-or-later
// Fault soak: REST syncs through the test server in its random fault mode — each read request
// independently answers 5xx (10 %, half of them with Retry-After), drops the connection in the
// middle of the body (5 %) or is delayed 50–300 ms (10 %). Every sync must still end with exactly
// the data set a clean sync gives, in a cache that passes PRAGMA integrity_check, and the client's
// retries must match the faults the server injected. CTest runs a few rounds; a long soak is
//   MODELDESK_SOAK_ROUNDS=20 ./build/release/tests/sync/tst_fault_soak
// Even rounds sync a generated data set of 2,400 runs in one experiment (three runs/search pages
// of 1,000), odd rounds the fixture mlflow.db (registry included) with every metric history. The
// server's fault sequence comes from a fixed seed (MODELDESK_SOAK_SEED overrides) plus the round.
#include "TestServer.h"
#include "TestSupport.h"

#include "cache/Cache.h"
#include "sources/rest/HttpClient.h"
#include "sources/rest/MlflowRestSource.h"
#include "sync/Importer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <memory>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

/// Small backoffs and more retries, set through MLflow's environment variables: Importer's
/// history phase (HistoryLoader) makes its own source from the cached URI with
/// RestOptions::forUrl(), so options passed to our MlflowRestSource would not reach it.
/// With 15 % of reads failing, 5 retries leave a 0.15^6 ≈ 1e-5 chance per request of giving up,
/// which thousands of requests would hit now and then; 10 make it 1e-9.
void setSoakEnvironment()
{
    qputenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "10");
    qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.01"); // retry n waits 10 ms × 2^(n−1) …
    qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0.01"); // … + up to 10 ms
    qputenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "10");
}

QString integrity(const QString &path)
{
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

/// What a user sees of the cache, without its row ids: per table "N rows, <sha1 of the rows>".
/// Two caches of the same data set give the same map.
QMap<QString, QString> snapshot(const QString &path)
{
    static const QList<std::pair<const char *, const char *>> queries = {
        { "experiments",
            "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time "
            "FROM experiments ORDER BY experiment_id" },
        { "experiment_tags",
            "SELECT e.experiment_id, t.key, t.value FROM experiment_tags t JOIN experiments e ON e.id = t.experiment "
            "ORDER BY 1, 2" },
        { "runs",
            "SELECT run_uuid, run_name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage, "
            "parent_run_uuid, has_history FROM runs ORDER BY run_uuid" },
        { "params", "SELECT r.run_uuid, p.key, p.value FROM params p JOIN runs r ON r.id = p.run ORDER BY 1, 2" },
        { "run_tags", "SELECT r.run_uuid, t.key, t.value FROM run_tags t JOIN runs r ON r.id = t.run ORDER BY 1, 2" },
        { "latest_metrics",
            "SELECT r.run_uuid, m.key, m.value, m.timestamp, m.step FROM latest_metrics m JOIN runs r ON r.id = m.run "
            "ORDER BY 1, 2" },
        { "metric_history",
            "SELECT r.run_uuid, h.key, h.count, hex(h.points) FROM metric_history h JOIN runs r ON r.id = h.run "
            "ORDER BY 1, 2" },
        { "metric_points", "SELECT coalesce(sum(count), 0) FROM metric_history" },
        { "run_inputs",
            "SELECT r.run_uuid, i.name, i.digest, i.source_type, i.source, i.schema, i.profile, i.context "
            "FROM run_inputs i JOIN runs r ON r.id = i.run ORDER BY 1, 2, 3, 8" },
        { "registered_models",
            "SELECT name, creation_time, last_updated_time, description FROM registered_models ORDER BY name" },
        { "model_tags",
            "SELECT m.name, t.key, t.value FROM model_tags t JOIN registered_models m ON m.id = t.model ORDER BY 1, 2" },
        { "model_aliases",
            "SELECT m.name, a.alias, a.version FROM model_aliases a JOIN registered_models m ON m.id = a.model "
            "ORDER BY 1, 2" },
        { "model_versions",
            "SELECT m.name, v.version, v.creation_time, v.last_updated_time, v.current_stage, v.description, "
            "v.user_id, v.source, v.run_uuid, v.status, v.status_message, v.run_link "
            "FROM model_versions v JOIN registered_models m ON m.id = v.model ORDER BY 1, 2" },
        { "version_tags",
            "SELECT m.name, v.version, t.key, t.value FROM version_tags t JOIN model_versions v ON v.id = t.version "
            "JOIN registered_models m ON m.id = v.model ORDER BY 1, 2, 3" },
    };
    QMap<QString, QString> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        out.insert(u"error"_s, u"cannot open "_s + path);
        return out;
    }
    for (const auto &[name, sql] : queries) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            out.insert(QString::fromLatin1(name), QString::fromUtf8(sqlite3_errmsg(db)));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha1);
        qint64 rows = 0;
        QByteArray single;
        while (sqlite3_step(st) == SQLITE_ROW) {
            ++rows;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
                single = text ? QByteArray(text) : QByteArray("\\N");
                hash.addData(single);
                hash.addData(QByteArrayView("\x1f"));
            }
            hash.addData(QByteArrayView("\n"));
        }
        sqlite3_finalize(st);
        // A one-value query (the point total) shows the value itself.
        out.insert(QString::fromLatin1(name),
            QByteArrayView(name) == "metric_points"
                ? QString::fromLatin1(single)
                : QString::number(rows) + u" rows, "_s + QString::fromLatin1(hash.result().toHex()));
    }
    sqlite3_close(db);
    return out;
}

qint64 rowsOf(const QMap<QString, QString> &snap, const QString &table)
{
    return snap.value(table).section(u' ', 0, 0).toLongLong();
}

qint64 apiRequests(const QJsonObject &stats)
{
    qint64 n = 0;
    const QJsonObject requests = stats.value(u"requests"_s).toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it)
        n += it.value().toInteger();
    return n;
}

} // namespace

class TestFaultSoak : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::TestServer m_generated; // 2,400 runs, one experiment: several runs/search pages
    test::TestServer m_fixture; // tests/data/mlflow.db: 209 runs, registry, histories
    QMap<QString, QString> m_reference[2];
    std::atomic_bool m_noCancel { false };

    /// A full sync of `server` into a new cache at `cachePath`; the import report's error on failure.
    QString sync(test::TestServer &server, const QString &cachePath, bool histories)
    {
        Cache cache;
        if (Status s = cache.open(cachePath); !s)
            return s.error().toString();
        Importer importer(cache, nullptr);
        MlflowRestSource source(server.url(), RestOptions::fromEnvironment());
        ImportOptions options;
        options.histories = histories;
        auto report = importer.import(source, m_noCancel, options);
        if (!report)
            return report.error().toString();
        if (!report->problems.isEmpty())
            return u"%1 problems, the first: %2"_s.arg(report->problems.size()).arg(report->problems.first().error.toString());
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("seed %u, %d rounds", md::test::soakSeed(), md::test::soakRounds(3));
        setSoakEnvironment();
        QVERIFY(m_tmp.isValid());
        const QString into = m_tmp.filePath(u"generated"_s);
        const auto r = test::runProcess(test::cliPath(),
            { u"generate"_s, u"--into"_s, into, u"--runs"_s, u"2400"_s, u"--metrics"_s, u"3"_s, u"--params"_s, u"4"_s,
                u"--steps"_s, u"5"_s, u"--experiments"_s, u"1"_s, u"--seed"_s, u"5"_s, u"-q"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(m_generated.start(into + u"/mlflow.db"_s));
        QVERIFY(m_fixture.start());

        // The references: clean syncs, no faults.
        QElapsedTimer clock;
        clock.start();
        const QString err0 = sync(m_generated, m_tmp.filePath(u"ref0.sqlite"_s), false);
        QVERIFY2(err0.isEmpty(), qPrintable(err0));
        const QString err1 = sync(m_fixture, m_tmp.filePath(u"ref1.sqlite"_s), true);
        QVERIFY2(err1.isEmpty(), qPrintable(err1));
        qInfo("clean syncs: %lld ms", clock.elapsed());
        m_reference[0] = snapshot(m_tmp.filePath(u"ref0.sqlite"_s));
        m_reference[1] = snapshot(m_tmp.filePath(u"ref1.sqlite"_s));
        // The references themselves hold what the data sets hold (FIXTURES.md for mlflow.db).
        QCOMPARE(rowsOf(m_reference[0], u"runs"_s), 2400);
        QCOMPARE(rowsOf(m_reference[0], u"params"_s), 2400 * 4);
        QCOMPARE(rowsOf(m_reference[0], u"latest_metrics"_s), 2400 * 3);
        QCOMPARE(rowsOf(m_reference[1], u"runs"_s), 209);
        QCOMPARE(m_reference[1].value(u"metric_points"_s), u"32361"_s);
        QCOMPARE(rowsOf(m_reference[1], u"model_versions"_s), 5);
    }

    /// Each round: a full sync into an empty cache through the randomly failing server gives the
    /// reference data set exactly; every injected 5xx and dropped connection was retried once.
    void soak()
    {
        qint64 totalRequests = 0, totalRetries = 0, total5xx = 0, totalDropped = 0, totalDelayed = 0,
               totalRetryAfter = 0, totalUninjected = 0;
        for (int round = 0; round < md::test::soakRounds(3); ++round) {
            const int which = round % 2;
            test::TestServer &server = which == 0 ? m_generated : m_fixture;
            const QJsonObject faults{ { u"random"_s,
                QJsonObject{ { u"seed"_s, qint64(md::test::soakSeed()) + round },
                    { u"status_p"_s, 0.10 },
                    { u"drop_p"_s, 0.05 },
                    { u"delay_p"_s, 0.10 },
                    { u"delay_ms"_s, QJsonArray{ 50, 300 } },
                    { u"retry_after_p"_s, 0.5 },
                    { u"retry_after"_s, u"0"_s } } } };
            QVERIFY(server.resetStats());
            QVERIFY(server.setFaults(faults));
            HttpClient::resetCounters();

            const QString cache = m_tmp.filePath(u"round%1.sqlite"_s.arg(round));
            QElapsedTimer clock;
            clock.start();
            const QString err = sync(server, cache, which == 1);
            const qint64 ms = clock.elapsed();
            const HttpClient::Counters client = HttpClient::counters();
            const QJsonObject stats = server.stats();
            QVERIFY(server.resetFaults());
            QVERIFY2(err.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(err)));

            QCOMPARE(integrity(cache), u"ok"_s);
            const QMap<QString, QString> got = snapshot(cache);
            for (auto it = m_reference[which].cbegin(); it != m_reference[which].cend(); ++it)
                QVERIFY2(got.value(it.key()) == it.value(),
                    qPrintable(u"round %1, %2: %3, want %4"_s.arg(round).arg(it.key(), got.value(it.key()), it.value())));
            QCOMPARE(got.size(), m_reference[which].size());

            // The server's tally and the client's retries tell the same story: every injected 5xx
            // and every dropped answer was retried. A request can also fail on its way in (a
            // kept-alive connection the server is closing): the server never counts it, the
            // client retries it as a transport failure; those are reported as "uninjected". Now
            // and then (once in some fifteen runs) such a failure comes on the way back, after
            // the server counted the request: so each attempt the server did not count is an
            // uninjected failure, but not each uninjected failure an attempt it did not count.
            const QJsonObject tally = stats.value(u"random"_s).toObject();
            const qint64 served = apiRequests(stats);
            const qint64 injected5xx = tally.value(u"status"_s).toInteger();
            const qint64 dropped = tally.value(u"drop"_s).toInteger();
            const qint64 delayed = tally.value(u"delay"_s).toInteger();
            const qint64 uninjected = client.transportRetries - dropped;
            QCOMPARE(client.statusRetries, injected5xx);
            QVERIFY2(uninjected >= 0, qPrintable(u"round %1: %2 dropped answers but only %3 transport retries"_s
                                                     .arg(round).arg(dropped).arg(client.transportRetries)));
            QVERIFY2(client.attempts - served >= 0 && client.attempts - served <= uninjected,
                qPrintable(u"round %1: %2 attempts, %3 served, %4 uninjected transport failures"_s.arg(round)
                               .arg(client.attempts).arg(served).arg(uninjected)));
            qInfo("round %d (%s): %lld requests, %lld retried (%lld 5xx, %lld dropped, %lld uninjected), "
                  "%lld delayed, exact (%lld ms)",
                round, which == 0 ? "2400 runs, 3 pages" : "mlflow.db + histories", client.attempts, client.retries,
                client.statusRetries, dropped, uninjected, delayed, ms);
            totalUninjected += uninjected;
            totalRequests += client.attempts;
            totalRetries += client.retries;
            total5xx += client.statusRetries;
            totalDropped += dropped;
            totalDelayed += delayed;
            totalRetryAfter += tally.value(u"retry_after"_s).toInteger();
            QFile::remove(cache);
        }
        qInfo("total over %d rounds: %lld requests, %lld retried (%lld 5xx of which %lld with Retry-After, "
              "%lld dropped, %lld uninjected), %lld delayed; every round exact",
            md::test::soakRounds(3), totalRequests, totalRetries, total5xx, totalRetryAfter, totalDropped, totalUninjected, totalDelayed);
        // A short round may draw no fault at all; the soak as a whole must have met both kinds.
        QVERIFY(total5xx > 0);
        QVERIFY(totalDropped > 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_fault_soak.moc"
