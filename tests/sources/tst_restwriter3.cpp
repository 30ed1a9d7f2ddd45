// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowRestWriter over real HTTP (127.0.0.1) against the test server answering as MLflow 3.6
// (TestServer::MlflowMajor::V3). Every test gets a fresh copy of tests/data/mlflow3/mlflow.db:
// car_price_model v1 Archived, v2 Production (alias champion), v3 None (alias challenger), v4
// None; churn_model_v3 v1–v3 (aliases only); prompt car_price_summary_prompt v1, v2 (alias
// production). The writes recorded in tests/data/mlflow3/rest/068–076 are replayed and the
// result compared with MLflow's own store after them (mlflow-after-writes.db). Issue #12, point 2.

#include "CollectingSink.h"
#include "TestServer.h"
#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/rest/MlflowRestSource.h"
#include "sources/rest/MlflowRestWriter.h"
#include "sources/rest/RestOptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>


#include <atomic>

using namespace Qt::StringLiterals;
using md::test::execSql;
using md::ErrorCategory;
using Major = md::test::TestServer::MlflowMajor;

namespace {

const QString kCar = u"car_price_model"_s;
const QString kPrompt = u"car_price_summary_prompt"_s;
/// The LoggedModels of car_price_model v2 and v3 (ids.json).
const QString kModelV2 = u"m-50d01002a6d840bd8975570db78bb91d"_s;
const QString kModelV3 = u"m-5511dcb6b7ae4067aab53a1118ab9a10"_s;
const QString kRunV3 = u"647446379cae4523a14d6034171b20d5"_s;

using ModelSink = md::test::CollectingSink;

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

QString tagValue(const QList<md::KeyValue> &tags, const QString &key)
{
    for (const auto &t : tags)
        if (t.key == key)
            return t.value;
    return {};
}

QStringList versionsAndStages(const md::RegisteredModel &m)
{
    QStringList out;
    for (const auto &v : m.versions)
        out.append(u"%1:%2"_s.arg(v.version).arg(v.currentStage));
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
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(errorText(r_.error())));                                           \
    } while (false)

class TestRestWriter3 : public QObject {
    Q_OBJECT

private:
    md::test::TestServer m_server;

    md::MlflowRestWriter writer() const { return md::MlflowRestWriter(m_server.url(), fastOptions()); }

    md::RegisteredModel read(const QString &name) const
    {
        auto m = writer().readModel(name);
        if (!m) {
            qWarning("readModel(%s): %s", qPrintable(name), qPrintable(errorText(m.error())));
            return {};
        }
        return *m;
    }

    static ModelSink sync(const QUrl &url)
    {
        ModelSink sink;
        const std::atomic_bool never { false };
        const md::Status s = md::MlflowRestSource(url, fastOptions()).readAll(sink, never);
        if (!s)
            qWarning("sync: %s", qPrintable(errorText(s.error())));
        return sink;
    }

    /// What a user sees of a model: everything but the times a write sets from the clock.
    static void compareIgnoringTimes(const md::RegisteredModel &a, const md::RegisteredModel &b)
    {
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.description, b.description);
        QCOMPARE(a.tags, b.tags);
        QCOMPARE(a.aliases, b.aliases);
        QCOMPARE(versionsAndStages(a), versionsAndStages(b));
        for (qsizetype i = 0; i < a.versions.size(); ++i) {
            const md::ModelVersion &x = a.versions[i], &y = b.versions[i];
            QCOMPARE(x.description, y.description);
            QCOMPARE(x.source, y.source);
            QCOMPARE(x.runId, y.runId);
            QCOMPARE(x.status, y.status);
            QCOMPARE(x.modelId, y.modelId);
            QCOMPARE(x.tags, y.tags);
            QCOMPARE(x.aliases, y.aliases);
        }
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_server.startAs(Major::V3)); // a fresh copy of the data for every test
    }

    void cleanupTestCase() { m_server.stop(); }

    void openAndReadModel()
    {
        REQUIRE_OK(writer().open());
        const md::RegisteredModel car = read(kCar);
        // model-versions/search lists 2, 1, 4, 3 without aliases: sorted, aliases from the model.
        QCOMPARE(
            versionsAndStages(car), (QStringList { u"1:Archived"_s, u"2:Production"_s, u"3:None"_s, u"4:None"_s }));
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
        QCOMPARE(car.versions[1].aliases, QStringList { u"champion"_s });
        QCOMPARE(car.versions[2].aliases, QStringList { u"challenger"_s });
        QCOMPARE(car.versions[1].modelId, kModelV2);
        QCOMPARE(car.versions[2].modelId, kModelV3);
        QCOMPARE(car.versions[3].modelId, QString());
    }

    /// A prompt's versions do not come from model-versions/search (MLflow 3 answers {}).
    void readPrompt()
    {
        QVERIFY(m_server.resetStats());
        const md::RegisteredModel prompt = read(kPrompt);
        QVERIFY(prompt.isPrompt());
        QCOMPARE(versionsAndStages(prompt), (QStringList { u"1:None"_s, u"2:None"_s }));
        QCOMPARE(prompt.aliases, (QList<md::ModelAlias> { { u"production"_s, 2 } }));
        QCOMPARE(prompt.versions[1].aliases, QStringList { u"production"_s });
        QVERIFY(tagValue(prompt.versions[0].tags, md::kPromptTextTag).contains(u"{{price}}"_s));
        const QJsonObject stats = m_server.stats();
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/model-versions/search"_s), 0);
        QCOMPARE(requests(stats, u"GET /api/2.0/mlflow/model-versions/get"_s), 2);

        // A deleted version leaves a gap (MLflow marks it Deleted_Internal): v1 gone, v2 read.
        QVERIFY(execSql(m_server.dbPath(),
            "UPDATE model_versions SET current_stage = 'Deleted_Internal' "
            "WHERE name = 'car_price_summary_prompt' AND version = 1"));
        const md::RegisteredModel after = read(kPrompt);
        QCOMPARE(versionsAndStages(after), QStringList { u"2:None"_s });
    }

    /// MLflow 3 refuses DELETE registered-models/alias with query parameters (file 073); the
    /// writer sends a JSON body, which both majors take.
    void setAndDeleteAlias()
    {
        const auto refused = m_server.request(
            "DELETE", u"/api/2.0/mlflow/registered-models/alias?name=car_price_model&alias=champion"_s);
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.body.contains("Missing value for required parameter 'name'"), refused.body.constData());

        REQUIRE_OK(writer().setAlias(kCar, u"staging_candidate"_s, 4));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(car.aliases,
            (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 2 }, { u"staging_candidate"_s, 4 } }));
        QCOMPARE(car.versions[3].aliases, QStringList { u"staging_candidate"_s });

        REQUIRE_OK(writer().deleteAlias(kCar, u"staging_candidate"_s));
        car = read(kCar);
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
        QCOMPARE(car.versions[3].aliases, QStringList());

        // Moving champion from v2 to v3, then removing it.
        REQUIRE_OK(writer().setAlias(kCar, u"champion"_s, 3));
        car = read(kCar);
        QCOMPARE(car.versions[1].aliases, QStringList());
        QCOMPARE(car.versions[2].aliases, (QStringList { u"challenger"_s, u"champion"_s }));
        REQUIRE_OK(writer().deleteAlias(kCar, u"champion"_s));
        QCOMPARE(read(kCar).aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 } }));

        const md::Status again = writer().deleteAlias(kCar, u"champion"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().category, ErrorCategory::NotFound);
    }

    /// transition-stage is deprecated in MLflow 3 but served; archive_existing_versions moves the
    /// Production version to Archived (file 068). Aliases stay where they were.
    void transitionStageArchives()
    {
        REQUIRE_OK(writer().transitionStage(kCar, 3, md::kStageProduction, true));
        md::RegisteredModel car = read(kCar);
        QCOMPARE(
            versionsAndStages(car), (QStringList { u"1:Archived"_s, u"2:Archived"_s, u"3:Production"_s, u"4:None"_s }));
        QCOMPARE(car.aliases, (QList<md::ModelAlias> { { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
        QCOMPARE(car.versions[2].aliases, QStringList { u"challenger"_s });

        REQUIRE_OK(writer().transitionStage(kCar, 4, md::kStageStaging, false));
        car = read(kCar);
        QCOMPARE(versionsAndStages(car),
            (QStringList { u"1:Archived"_s, u"2:Archived"_s, u"3:Production"_s, u"4:Staging"_s }));
    }

    /// Registering a LoggedModel (models:/m-…): MLflow 3 answers without tags or aliases (file
    /// 076); the version reads back with its modelId and the LoggedModel lists the registration.
    void createVersionFromLoggedModel()
    {
        md::NewModelVersion v;
        v.name = kCar;
        v.source = u"models:/"_s + kModelV3;
        v.runId = kRunV3;
        v.description = u"v5 from models:/ source"_s;
        auto created = writer().createVersion(v);
        REQUIRE_OK(created);
        QCOMPARE(created->version, 5);
        QCOMPARE(created->modelId, kModelV3);
        QCOMPARE(created->source, v.source);
        QCOMPARE(created->runId, kRunV3);
        QCOMPARE(created->currentStage, md::kStageNone);
        QVERIFY(created->tags.isEmpty());
        QVERIFY(created->aliases.isEmpty());

        const md::RegisteredModel car = read(kCar);
        QCOMPARE(car.versions.size(), 5);
        const md::ModelVersion &v5 = car.versions[4];
        QCOMPARE(v5.version, 5);
        QCOMPARE(v5.modelId, kModelV3);
        QCOMPARE(v5.description, v.description);
        QCOMPARE(v5.creationTime, created->creationTime);
        QCOMPARE(v5.aliases, QStringList());

        const ModelSink sink = sync(m_server.url());
        QVERIFY(sink.problems.isEmpty());
        const md::LoggedModel *lm = sink.loggedModelById(kModelV3);
        QVERIFY(lm);
        // As MLflow 3 records it (file 080).
        QCOMPARE(tagValue(lm->tags, u"mlflow.modelVersions"_s),
            uR"([{"name": "car_price_model", "version": 3}, {"name": "car_price_model", "version": 5}])"_s);

        // With tags, and without a run: the LoggedModel's source run is taken.
        md::NewModelVersion w;
        w.name = kCar;
        w.source = u"models:/"_s + kModelV2;
        w.tags = { { u"validation_status"_s, u"pending"_s } };
        auto six = writer().createVersion(w);
        REQUIRE_OK(six);
        QCOMPARE(six->version, 6);
        QCOMPARE(six->modelId, kModelV2);
        QCOMPARE(six->tags, w.tags);
        const md::RegisteredModel again = read(kCar);
        QCOMPARE(again.versions.size(), 6);
        QCOMPARE(again.versions[5].modelId, kModelV2);
        QCOMPARE(again.versions[5].tags, w.tags);
        QCOMPARE(again.versions[5].runId, u"b366c84d4a4b44cfac95823c95d1124b"_s);
    }

    /// The registry writes recorded in files 068–076, made through the writer, leave the store as
    /// MLflow itself left it (mlflow-after-writes.db), but for the times of the writes.
    void recordedWritesGiveMlflowsState()
    {
        md::MlflowRestWriter w = writer();
        REQUIRE_OK(w.transitionStage(kCar, 3, md::kStageProduction, true)); // 068
        REQUIRE_OK(w.setAlias(kCar, u"staging_candidate"_s, 4)); // 069
        REQUIRE_OK(w.deleteAlias(kCar, u"staging_candidate"_s)); // 071
        REQUIRE_OK(w.setAlias(kCar, u"tmp_query_delete"_s, 1)); // 072
        REQUIRE_OK(w.deleteAlias(kCar, u"tmp_query_delete"_s)); // 073 failed with query parameters; 074
        REQUIRE_OK(w.setVersionTag(kCar, 3, u"deployed_by"_s, u"modeldesk-fixture"_s)); // 075
        md::NewModelVersion v;
        v.name = kCar;
        v.source = u"models:/"_s + kModelV3;
        v.runId = kRunV3;
        v.description = u"v5 from models:/ source"_s;
        REQUIRE_OK(w.createVersion(v)); // 076

        md::test::TestServer after;
        QVERIFY(after.startAs(Major::V3, md::test::dataPath(u"mlflow3/mlflow-after-writes.db"_s)));
        const ModelSink ours = sync(m_server.url());
        const ModelSink mlflows = sync(after.url());
        QVERIFY(ours.problems.isEmpty());
        QVERIFY(mlflows.problems.isEmpty());
        QCOMPARE(ours.models.size(), 3);
        QCOMPARE(mlflows.models.size(), 3);
        for (qsizetype i = 0; i < ours.models.size(); ++i) {
            compareIgnoringTimes(ours.models[i], mlflows.models[i]);
            if (QTest::currentTestFailed())
                return;
        }
        const md::RegisteredModel car = read(kCar);
        QCOMPARE(versionsAndStages(car),
            (QStringList { u"1:Archived"_s, u"2:Archived"_s, u"3:Production"_s, u"4:None"_s, u"5:None"_s }));
        QCOMPARE(tagValue(car.versions[2].tags, u"deployed_by"_s), u"modeldesk-fixture"_s);

        QCOMPARE(ours.loggedModels.size(), 6);
        QCOMPARE(mlflows.loggedModels.size(), 6);
        for (qsizetype i = 0; i < ours.loggedModels.size(); ++i) {
            QCOMPARE(ours.loggedModels[i].modelId, mlflows.loggedModels[i].modelId);
            QCOMPARE(ours.loggedModels[i].tags, mlflows.loggedModels[i].tags);
        }
    }
};

QTEST_GUILESS_MAIN(TestRestWriter3)
#include "tst_restwriter3.moc"
