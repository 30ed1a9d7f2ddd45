// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServer.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TstTestServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void servesActiveExperiments();
    void injectsStatusFault();
    void countsRequests();
    void stopsAndRestarts();
    void speaksMlflow3();
};

void TstTestServer::servesActiveExperiments()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    QCOMPARE(server.url().host(), u"127.0.0.1"_s);
    QVERIFY(server.url().port() > 0);
    QVERIFY(QFile::exists(server.dbPath()));

    const auto r = server.request("GET", u"/api/2.0/mlflow/experiments/search?max_results=1000"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    const QJsonArray exps = QJsonDocument::fromJson(r.body).object().value(u"experiments"_s).toArray();
    QStringList names;
    for (const auto &e : exps)
        names << e.toObject().value(u"name"_s).toString();
    QCOMPARE(names, (QStringList{u"Ünïcødé-実験 🚗"_s, u"car_price_sweep"_s, u"car_price"_s, u"Default"_s}));

    const auto run = server.request("POST", u"/api/2.0/mlflow/runs/search"_s,
                                    R"({"experiment_ids": ["1"], "max_results": 100})");
    QCOMPARE(run.status, 200);
    QCOMPARE(QJsonDocument::fromJson(run.body).object().value(u"runs"_s).toArray().size(), 4);
}

void TstTestServer::injectsStatusFault()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    QVERIFY(server.setFaults(QJsonObject{
        {u"status"_s, QJsonObject{{u"code"_s, 503}, {u"count"_s, 2}, {u"retry_after"_s, 1}}}}));
    for (int i = 0; i < 2; ++i) {
        const auto r = server.request("GET", u"/api/2.0/mlflow/experiments/get?experiment_id=1"_s);
        QCOMPARE(r.status, 503);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"error_code"_s).toString(),
                 u"TEMPORARILY_UNAVAILABLE"_s);
    }
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/experiments/get?experiment_id=1"_s).status, 200);

    QVERIFY(server.setFaults(QJsonObject{{u"status"_s, QJsonObject{{u"code"_s, 503}, {u"count"_s, 5}}}}));
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/experiments/get?experiment_id=1"_s).status, 503);
    QVERIFY(server.resetFaults());
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/experiments/get?experiment_id=1"_s).status, 200);
}

void TstTestServer::countsRequests()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    QVERIFY(server.resetStats());
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/runs/get?run_id=725002bf71b846ac946886aaea49b30c"_s).status, 200);
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/runs/get?run_id=00000000000000000000000000000000"_s).status, 404);
    const QJsonObject stats = server.stats();
    QCOMPARE(stats.value(u"requests"_s).toObject().value(u"GET /api/2.0/mlflow/runs/get"_s).toInt(), 2);
    QVERIFY2(stats.value(u"bytes_sent"_s).toInteger() > 4000, QJsonDocument(stats).toJson().constData());
    QVERIFY(server.resetStats());
    QCOMPARE(server.stats().value(u"requests"_s).toObject().size(), 0);
}

void TstTestServer::stopsAndRestarts()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    const QString copy = server.dbPath();
    server.stop();
    QVERIFY(server.url().isEmpty());
    QVERIFY(!QFile::exists(copy));
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/experiments/search"_s).status, 0);
    QVERIFY(server.start());
    QCOMPARE(server.request("GET", u"/api/2.0/mlflow/experiments/get?experiment_id=2"_s).status, 200);
    QVERIFY(!server.start(u"/nonexistent/mlflow.db"_s));
}

void TstTestServer::speaksMlflow3()
{
    using Major = md::test::TestServer::MlflowMajor;
    const QString history = u"/api/2.0/mlflow/metrics/get-history?run_id=9ad4bf42a52249768dbc1e46e3614214"
                            "&metric_key=val_r2_score"_s;
    md::test::TestServer server;
    QCOMPARE(server.mlflowMajor(), Major::Detect);
    QVERIFY(server.startAs(Major::V3)); // tests/data/mlflow3/mlflow.db
    QCOMPARE(server.mlflowMajor(), Major::V3);
    // MLflow 3: no max_results, no metrics, only a token that is then refused
    auto r = server.request("GET", history);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object(),
             (QJsonObject{{u"next_page_token"_s, u"eyJvZmZzZXQiOiAwfQ=="_s}}));
    QCOMPARE(server.request("GET", history + u"&max_results=25000"_s).status, 200);
    r = server.request("POST", u"/api/2.0/mlflow/logged-models/search"_s, R"({"experiment_ids": ["1"]})");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"models"_s).toArray().size(), 3);

    // The same store answered as MLflow 2.10.2: the whole history, no LoggedModels
    QVERIFY(server.startAs(Major::V2, md::test::dataPath(u"mlflow3/mlflow.db"_s),
                           md::test::dataPath(u"mlflow3/server-artifacts"_s)));
    r = server.request("GET", history);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"metrics"_s).toArray().size(), 5);
    QCOMPARE(server.request("POST", u"/api/2.0/mlflow/logged-models/search"_s, R"({"experiment_ids": ["1"]})").status,
             404);

    // Detected from the store: tests/data/mlflow.db is MLflow 2.10.2's
    server.setMlflowMajor(Major::Detect);
    QVERIFY(server.start());
    r = server.request("GET", u"/api/2.0/mlflow/metrics/get-history?run_id=004e78514bcd42e8b14307a8ae487cda"
                              "&metric_key=loss"_s);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"metrics"_s).toArray().size(), 100);
}

QTEST_MAIN(TstTestServer)
#include "tst_testserver.moc"
