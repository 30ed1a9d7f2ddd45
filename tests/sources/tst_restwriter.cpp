// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowRestWriter over real HTTP (127.0.0.1) against the MLflow-compatible test server. Every
// test gets a fresh server on a fresh copy of tests/data/mlflow.db (TestServer::start()), so the
// writes of one test never leak into the next. Starting state (tests/data/FIXTURES.md):
// car_price_model v1, v2 Archived, v3 Staging (alias challenger), v4 Production (alias champion).

#include "TestServer.h"
#include "TestSupport.h"

#include "sources/rest/HttpClient.h"
#include "sources/rest/MlflowRestSource.h"
#include "sources/rest/MlflowRestWriter.h"
#include "sources/rest/RestOptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using md::ErrorCategory;

namespace {

const QString kCar = u"car_price_model"_s;
const QString kUnicode = u"Ünïcødé-モデル 🚗"_s;

/// Keeps the registered models a sync delivers (runs and experiments are not needed here).
class ModelSink : public md::ImportSink {
public:
    QList<md::RegisteredModel> models;
    QList<md::ReadProblem> problems;
    md::Status experiment(const md::Experiment &) override { return {}; }
    md::Status run(const md::Run &) override { return {}; }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        models.append(m);
        return {};
    }
    void problem(const md::ReadProblem &p) override { problems.append(p); }
};

/// Options that keep fault tests fast: 10 ms backoff units, 10 s timeout.
md::RestOptions fastOptions()
{
    md::RestOptions o;
    o.backoffBaseMs = 10;
    o.timeoutMs = 10'000;
    return o;
}

QString errorText(const md::Error &e)
{
    return e.toString() + u" [category "_s + QString::number(int(e.category)) + u']';
}

const md::ModelVersion *findVersion(const md::RegisteredModel &m, qint64 version)
{
    for (const auto &v : m.versions)
        if (v.version == version)
            return &v;
    return nullptr;
}

QString tagValue(const QList<md::KeyValue> &tags, const QString &key)
{
    for (const auto &t : tags)
        if (t.key == key)
            return t.value;
    return {};
}

bool hasTag(const QList<md::KeyValue> &tags, const QString &key)
{
    for (const auto &t : tags)
        if (t.key == key)
            return true;
    return false;
}

QStringList tagKeys(const QList<md::KeyValue> &tags)
{
    QStringList out;
    for (const auto &t : tags)
        out.append(t.key);
    return out;
}

int requests(const QJsonObject &stats, const QString &key)
{
    return stats.value(u"requests"_s).toObject().value(key).toInt();
}

} // namespace

#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto &r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(errorText(r_.error())));                                         \
    } while (false)

class TestRestWriter : public QObject {
    Q_OBJECT

private:
    md::test::TestServer m_server;
    QStringList m_carRuns;

    md::MlflowRestWriter writer(md::RestOptions o = fastOptions()) { return md::MlflowRestWriter(m_server.url(), o); }

    md::RegisteredModel read(const QString &name)
    {
        auto m = writer().readModel(name);
        if (!m) {
            qWarning("readModel(%s): %s", qPrintable(name), qPrintable(errorText(m.error())));
            return {};
        }
        return *m;
    }

    QString stageOf(const md::RegisteredModel &m, qint64 version)
    {
        const md::ModelVersion *v = findVersion(m, version);
        return v ? v->currentStage : u"<missing>"_s;
    }

    md::NewModelVersion newVersion() const
    {
        md::NewModelVersion v;
        v.name = kCar;
        v.source = u"mlflow-artifacts:/1/%1/artifacts/model"_s.arg(m_carRuns.at(3));
        v.runId = m_carRuns.at(3);
        v.description = u"XGBoost retrained (val R2 0.91)"_s;
        v.userId = u"ann"_s;
        v.tags = { { u"validation_status"_s, u"pending"_s }, { u"algorithm"_s, u"XGBRegressor"_s },
            { u"val_r2_score"_s, u"0.91"_s } };
        return v;
    }

    /// Registers v5 of car_price_model (a precondition of several tests).
    bool createV5()
    {
        auto v = writer().createVersion(newVersion());
        if (!v) {
            qWarning("createVersion: %s", qPrintable(errorText(v.error())));
            return false;
        }
        return v->version == 5;
    }

    static void compareVersions(const md::ModelVersion &a, const md::ModelVersion &b)
    {
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.version, b.version);
        QCOMPARE(a.creationTime, b.creationTime);
        QCOMPARE(a.lastUpdatedTime, b.lastUpdatedTime);
        QCOMPARE(a.currentStage, b.currentStage);
        QCOMPARE(a.description, b.description);
        QCOMPARE(a.userId, b.userId);
        QCOMPARE(a.source, b.source);
        QCOMPARE(a.runId, b.runId);
        QCOMPARE(a.status, b.status);
        QCOMPARE(a.statusMessage, b.statusMessage);
        QCOMPARE(a.runLink, b.runLink);
        QCOMPARE(a.modelId, b.modelId);
        QCOMPARE(a.tags, b.tags);
        QCOMPARE(a.aliases, b.aliases);
    }

    static void compareModels(const md::RegisteredModel &a, const md::RegisteredModel &b)
    {
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.creationTime, b.creationTime);
        QCOMPARE(a.lastUpdatedTime, b.lastUpdatedTime);
        QCOMPARE(a.description, b.description);
        QCOMPARE(a.tags, b.tags);
        QCOMPARE(a.aliases, b.aliases);
        QCOMPARE(a.versions.size(), b.versions.size());
        for (qsizetype i = 0; i < a.versions.size(); ++i) {
            compareVersions(a.versions[i], b.versions[i]);
            if (QTest::currentTestFailed())
                return;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(md::test::dataPath(u"rest/ids.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const auto &v : QJsonDocument::fromJson(f.readAll()).object().value(u"CAR_RUNS"_s).toArray())
            m_carRuns.append(v.toString());
        QCOMPARE(m_carRuns.size(), 4);
    }

    void init()
    {
        QVERIFY(m_server.start()); // a fresh copy of the data for every test
    }

    void cleanupTestCase() { m_server.stop(); }

    void uriAndOpen()
    {
        QUrl url = m_server.url();
        url.setUserName(u"ann"_s);
        url.setPassword(u"secret"_s);
        url.setPath(u"/"_s);
        const md::MlflowRestWriter w(url, fastOptions());
        QCOMPARE(w.uri(), md::MlflowRestSource(url, fastOptions()).uri());
        QCOMPARE(w.uri(), m_server.url().toString());
        QVERIFY(w.supportsAliases());
        REQUIRE_OK(writer().open());
    }

    void readModelEqualsSync()
    {
        ModelSink sink;
        const std::atomic_bool never { false };
        REQUIRE_OK(md::MlflowRestSource(m_server.url(), fastOptions()).readAll(sink, never));
        QCOMPARE(sink.problems.size(), 0);
        QCOMPARE(sink.models.size(), 3);
        for (const md::RegisteredModel &synced : std::as_const(sink.models)) {
            auto read = writer().readModel(synced.name);
            REQUIRE_OK(read);
            compareModels(*read, synced);
            if (QTest::currentTestFailed())
                return;
        }
        // What the comparison covered, in a user's terms.
        const md::RegisteredModel car = read(kCar);
        QCOMPARE(car.versions.size(), 4);
        QCOMPARE(stageOf(car, 3), md::kStageStaging);
        QCOMPARE(stageOf(car, 4), md::kStageProduction);
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 4 } }));
        QCOMPARE(findVersion(car, 4)->aliases, QStringList { u"champion"_s });
        QCOMPARE(tagValue(findVersion(car, 4)->tags, u"deployed_at"_s), u"2024-06-11T10:00:00Z"_s);
        QCOMPARE(read(kUnicode).versions.size(), 1);
        QCOMPARE(read(u"empty_model"_s).versions.size(), 0);
    }

    void createVersion()
    {
        const md::NewModelVersion nv = newVersion();
        auto created = writer().createVersion(nv);
        REQUIRE_OK(created);
        QCOMPARE(created->name, kCar);
        QCOMPARE(created->version, 5);
        QCOMPARE(created->currentStage, md::kStageNone);
        QCOMPARE(created->status, u"READY"_s);
        QCOMPARE(created->description, nv.description);
        QCOMPARE(created->source, nv.source);
        QCOMPARE(created->runId, nv.runId);
        QCOMPARE(tagKeys(created->tags), (QStringList { u"algorithm"_s, u"val_r2_score"_s, u"validation_status"_s }));
        QCOMPARE(tagValue(created->tags, u"val_r2_score"_s), u"0.91"_s);
        QVERIFY(created->creationTime > 0);

        const md::RegisteredModel car = read(kCar);
        QCOMPARE(car.versions.size(), 5);
        QCOMPARE(car.versions.last().version, 5);
        compareVersions(car.versions.last(), *created);
        QCOMPARE(stageOf(car, 4), md::kStageProduction); // nothing else moved
        QCOMPARE(car.lastUpdatedTime, created->creationTime);

        // A model that does not exist yet is created first.
        md::NewModelVersion fresh;
        fresh.name = u"brand new/model 'x'"_s;
        fresh.source = u"runs:/%1/model"_s.arg(m_carRuns.at(0));
        auto first = writer().createVersion(fresh);
        REQUIRE_OK(first);
        QCOMPARE(first->version, 1);
        QCOMPARE(first->tags.size(), 0);
        const md::RegisteredModel created2 = read(fresh.name);
        QCOMPARE(created2.name, fresh.name);
        QCOMPARE(created2.versions.size(), 1);
        QCOMPARE(created2.versions.first().source, fresh.source);
        auto second = writer().createVersion(fresh);
        REQUIRE_OK(second);
        QCOMPARE(second->version, 2);
    }

    void createVersionRejected()
    {
        md::NewModelVersion bad = newVersion();
        bad.source = u"mlflow-artifacts:/1/../../etc/passwd"_s;
        auto r = writer().createVersion(bad);
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::BadInput);
        QVERIFY2(r.error().message.contains(u"Invalid model version source"_s), qPrintable(r.error().message));
        QCOMPARE(read(kCar).versions.size(), 4);

        bad.source.clear();
        r = writer().createVersion(bad);
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::BadInput);
    }

    void transitionStage()
    {
        QVERIFY(createV5());
        REQUIRE_OK(writer().transitionStage(kCar, 5, md::kStageStaging, false));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(stageOf(car, 5), md::kStageStaging);
        QCOMPARE(stageOf(car, 3), md::kStageStaging); // no archiving asked for
        QCOMPARE(stageOf(car, 4), md::kStageProduction);

        REQUIRE_OK(writer().transitionStage(kCar, 5, md::kStageProduction, true));
        car = read(kCar);
        QCOMPARE(stageOf(car, 1), md::kStageArchived);
        QCOMPARE(stageOf(car, 2), md::kStageArchived);
        QCOMPARE(stageOf(car, 3), md::kStageStaging); // only Production was archived
        QCOMPARE(stageOf(car, 4), md::kStageArchived);
        QCOMPARE(stageOf(car, 5), md::kStageProduction);
        // Aliases are independent of stages.
        QCOMPARE(findVersion(car, 4)->aliases, QStringList { u"champion"_s });

        // Rollback: v4 back to Production, archiving v5.
        REQUIRE_OK(writer().transitionStage(kCar, 4, md::kStageProduction, true));
        car = read(kCar);
        QCOMPARE(stageOf(car, 4), md::kStageProduction);
        QCOMPARE(stageOf(car, 5), md::kStageArchived);
    }

    void badStageCarriesMlflowsMessage()
    {
        const md::Status s = writer().transitionStage(kCar, 3, u"Bogus"_s, false);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::BadInput);
        QVERIFY2(s.error().message.contains(
                     u"Invalid Model Version stage: Bogus. Value must be one of None, Staging, Production, Archived."_s),
            qPrintable(s.error().message));
        QVERIFY2(s.error().where.contains(u"/api/2.0/mlflow/model-versions/transition-stage"_s),
            qPrintable(s.error().where));

        const md::Status archive = writer().transitionStage(kCar, 3, md::kStageArchived, true);
        QVERIFY(!archive);
        QCOMPARE(archive.error().category, ErrorCategory::BadInput);
        QVERIFY2(archive.error().message.contains(u"is not an Active stage"_s), qPrintable(archive.error().message));

        const md::Status alias = writer().setAlias(kCar, u"v1"_s, 1);
        QVERIFY(!alias);
        QCOMPARE(alias.error().category, ErrorCategory::BadInput);
        QVERIFY2(alias.error().message.contains(u"Version alias name 'v1' is reserved."_s),
            qPrintable(alias.error().message));
        QCOMPARE(stageOf(read(kCar), 3), md::kStageStaging);
    }

    void aliases()
    {
        QVERIFY(createV5());
        REQUIRE_OK(writer().setAlias(kCar, u"champion"_s, 5));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 5 } }));
        QCOMPARE(findVersion(car, 4)->aliases, QStringList());
        QCOMPARE(findVersion(car, 5)->aliases, QStringList { u"champion"_s });

        REQUIRE_OK(writer().setAlias(kCar, u"challenger"_s, 5));
        car = read(kCar);
        QCOMPARE(findVersion(car, 5)->aliases, (QStringList { u"challenger"_s, u"champion"_s }));
        QCOMPARE(findVersion(car, 3)->aliases, QStringList());

        REQUIRE_OK(writer().deleteAlias(kCar, u"champion"_s));
        car = read(kCar);
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 5 } }));
        QCOMPARE(findVersion(car, 5)->aliases, QStringList { u"challenger"_s });

        const md::Status again = writer().deleteAlias(kCar, u"champion"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().category, ErrorCategory::NotFound);
        QVERIFY2(again.error().message.contains(u"'champion'"_s) && again.error().message.contains(kCar),
            qPrintable(again.error().message));
    }

    void versionTags()
    {
        REQUIRE_OK(writer().setVersionTag(kCar, 4, u"modeldesk.ab.share"_s, u"10"_s));
        QCOMPARE(tagValue(findVersion(read(kCar), 4)->tags, u"modeldesk.ab.share"_s), u"10"_s);
        REQUIRE_OK(writer().setVersionTag(kCar, 4, u"modeldesk.ab.share"_s, u"25"_s));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(tagValue(findVersion(car, 4)->tags, u"modeldesk.ab.share"_s), u"25"_s);
        QCOMPARE(findVersion(car, 4)->tags.size(), 5);
        QVERIFY(!hasTag(findVersion(car, 3)->tags, u"modeldesk.ab.share"_s));

        REQUIRE_OK(writer().deleteVersionTag(kCar, 4, u"modeldesk.ab.share"_s));
        car = read(kCar);
        QVERIFY(!hasTag(findVersion(car, 4)->tags, u"modeldesk.ab.share"_s));
        QCOMPARE(findVersion(car, 4)->tags.size(), 4);
        REQUIRE_OK(writer().deleteVersionTag(kCar, 4, u"modeldesk.ab.share"_s)); // not set: no error

        // Unicode names travel intact.
        REQUIRE_OK(writer().setVersionTag(kUnicode, 1, u"note"_s, u"ユニコード ✓"_s));
        QCOMPARE(tagValue(read(kUnicode).versions.first().tags, u"note"_s), u"ユニコード ✓"_s);
    }

    void description()
    {
        const QString text = u"XGBoost tuned — rolled back after the 2024-06 incident"_s;
        REQUIRE_OK(writer().setVersionDescription(kCar, 4, text));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(findVersion(car, 4)->description, text);
        QCOMPARE(findVersion(car, 3)->description, u"XGBoost (val R2 0.88)"_s);
        REQUIRE_OK(writer().setVersionDescription(kCar, 4, QString()));
        QCOMPARE(findVersion(read(kCar), 4)->description, QString());
    }

    void notFound_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("version");
        QTest::newRow("readModel") << u"read"_s << u"no_such_model"_s << qint64(0);
        QTest::newRow("transition, unknown version") << u"transition"_s << kCar << qint64(99);
        QTest::newRow("transition, unknown model") << u"transition"_s << u"no_such_model"_s << qint64(1);
        QTest::newRow("set alias, unknown version") << u"alias"_s << kCar << qint64(99);
        QTest::newRow("delete alias, unknown model") << u"unalias"_s << u"no_such_model"_s << qint64(0);
        QTest::newRow("set tag, unknown version") << u"tag"_s << kCar << qint64(42);
        QTest::newRow("delete tag, unknown version") << u"untag"_s << kCar << qint64(42);
        QTest::newRow("description, unknown model") << u"describe"_s << u"no_such_model"_s << qint64(3);
    }

    void notFound()
    {
        QFETCH(QString, operation);
        QFETCH(QString, model);
        QFETCH(qint64, version);
        md::MlflowRestWriter w = writer();
        md::Status s;
        if (operation == "read"_L1) {
            auto r = w.readModel(model);
            if (!r)
                s = r.error();
        } else if (operation == "transition"_L1) {
            s = w.transitionStage(model, version, md::kStageProduction, true);
        } else if (operation == "alias"_L1) {
            s = w.setAlias(model, u"champion"_s, version);
        } else if (operation == "unalias"_L1) {
            s = w.deleteAlias(model, u"champion"_s);
        } else if (operation == "tag"_L1) {
            s = w.setVersionTag(model, version, u"k"_s, u"v"_s);
        } else if (operation == "untag"_L1) {
            s = w.deleteVersionTag(model, version, u"k"_s);
        } else {
            s = w.setVersionDescription(model, version, u"d"_s);
        }
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::NotFound);
        QVERIFY2(s.error().message.contains(u"'"_s + model + u"'"_s), qPrintable(s.error().message));
        if (version > 0)
            QVERIFY2(s.error().message.contains(u"version "_s + QString::number(version)), qPrintable(s.error().message));
        QVERIFY2(s.error().where.startsWith(m_server.url().toString()), qPrintable(s.error().where));
        // Nothing moved.
        const md::RegisteredModel car = read(kCar);
        QCOMPARE(stageOf(car, 4), md::kStageProduction);
        QCOMPARE(car.aliases.size(), 2);
    }

    void authentication()
    {
        QVERIFY(m_server.setFaults(QJsonObject { { u"require_token"_s, u"right-token"_s } }));
        const md::Status none = writer().transitionStage(kCar, 3, md::kStageProduction, true);
        QVERIFY(!none);
        QCOMPARE(none.error().category, ErrorCategory::Auth);
        QVERIFY2(none.error().message.contains(u"sign in"_s), qPrintable(none.error().message));
        auto noRead = writer().readModel(kCar);
        QVERIFY(!noRead);
        QCOMPARE(noRead.error().category, ErrorCategory::Auth);
        QCOMPARE(writer().open().error().category, ErrorCategory::Auth);

        md::RestOptions right = fastOptions();
        right.token = u"right-token"_s;
        REQUIRE_OK(writer(right).open());
        REQUIRE_OK(writer(right).transitionStage(kCar, 3, md::kStageProduction, true));
        auto car = writer(right).readModel(kCar);
        REQUIRE_OK(car);
        QCOMPARE(stageOf(*car, 3), md::kStageProduction);
        QCOMPARE(stageOf(*car, 4), md::kStageArchived);

        md::RestOptions wrong = fastOptions();
        wrong.token = u"wrong-token"_s;
        const md::Status bad = writer(wrong).setVersionTag(kCar, 3, u"k"_s, u"v"_s);
        QVERIFY(!bad);
        QCOMPARE(bad.error().category, ErrorCategory::Auth);
        QVERIFY(!bad.error().toString().contains(u"wrong-token"_s));
    }

    void forbidden()
    {
        QVERIFY(m_server.setFaults(
            QJsonObject { { u"forbidden"_s, QJsonArray { u"/api/2.0/mlflow/registered-models/alias"_s } } }));
        const md::Status s = writer().setAlias(kCar, u"champion"_s, 3);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Permission);
        QVERIFY2(s.error().message.contains(u"/api/2.0/mlflow/registered-models/alias"_s), qPrintable(s.error().message));
        REQUIRE_OK(writer().setVersionTag(kCar, 3, u"k"_s, u"v"_s)); // other writes are allowed
    }

    void unreachable()
    {
        QTcpServer probe; // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
        md::MlflowRestWriter w(url, md::RestOptions {}); // default (slow) backoff: must not matter
        md::HttpClient::resetCounters();
        const md::Status open = w.open();
        const md::Status write = w.transitionStage(kCar, 3, md::kStageProduction, true);
        auto model = w.readModel(kCar);
        auto created = w.createVersion(newVersion());
        QVERIFY(!open && !write && !model && !created);
        for (const md::Error &e : { open.error(), write.error(), model.error(), created.error() }) {
            QCOMPARE(e.category, ErrorCategory::Network);
            QVERIFY2(e.message.contains(url.toString()), qPrintable(e.message));
            QVERIFY2(e.where.startsWith(url.toString()), qPrintable(e.where));
        }
        // Each call gave up at its first refused connection: no retries, no backoff to wait out.
        const md::HttpClient::Counters sent = md::HttpClient::counters();
        QCOMPARE(sent.retries, 0);
        QVERIFY2(sent.attempts >= 4, qPrintable(QString::number(sent.attempts)));
    }

    void writeNotRetriedOn503()
    {
        const QString transition = u"POST /api/2.0/mlflow/model-versions/transition-stage"_s;
        QVERIFY(m_server.setFaults(QJsonObject {
            { u"status"_s, QJsonObject { { u"code"_s, 503 }, { u"count"_s, 1 } } },
            { u"paths"_s, QJsonArray { u"transition-stage"_s } } }));
        QVERIFY(m_server.resetStats());
        const md::Status s = writer().transitionStage(kCar, 3, md::kStageProduction, true);
        QVERIFY(!s);
        QCOMPARE(s.error().category, ErrorCategory::Network);
        QVERIFY2(s.error().message.contains(u"503"_s), qPrintable(s.error().message));
        QCOMPARE(requests(m_server.stats(), transition), 1); // sent once: a retry would have succeeded
        QCOMPARE(stageOf(read(kCar), 3), md::kStageStaging);

        // Reads are retried: the 503 costs one extra request, not the answer.
        QVERIFY(m_server.setFaults(QJsonObject {
            { u"status"_s, QJsonObject { { u"code"_s, 503 }, { u"count"_s, 1 } } },
            { u"paths"_s, QJsonArray { u"registered-models/get"_s } } }));
        QVERIFY(m_server.resetStats());
        auto car = writer().readModel(kCar);
        REQUIRE_OK(car);
        QCOMPARE(car->versions.size(), 4);
        QCOMPARE(requests(m_server.stats(), u"GET /api/2.0/mlflow/registered-models/get"_s), 2);

        // createVersion's write is not retried either.
        QVERIFY(m_server.setFaults(QJsonObject {
            { u"status"_s, QJsonObject { { u"code"_s, 500 }, { u"count"_s, 1 } } },
            { u"paths"_s, QJsonArray { u"model-versions/create"_s } } }));
        QVERIFY(m_server.resetStats());
        auto created = writer().createVersion(newVersion());
        QVERIFY(!created);
        QCOMPARE(created.error().category, ErrorCategory::Network);
        QCOMPARE(requests(m_server.stats(), u"POST /api/2.0/mlflow/model-versions/create"_s), 1);
        QCOMPARE(read(kCar).versions.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestRestWriter)
#include "tst_restwriter.moc"
