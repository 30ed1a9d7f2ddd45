// SPDX-License-Identifier: GPL-3.0-or-later
// MLflow 3: a model version registered from a LoggedModel (source models:/m-…) has its files
// under <experiment>/models/<model_id>/artifacts, not under its run. Issue 12: the pre-flight
// looked for "the model of v1" among the run's artifacts and failed on every version. Checked on
// the MLflow 3.6 fixtures: a moved copy of the file store, mlflow.db with the server's artifacts
// beside it, and the test server answering as MLflow 3.6.
#include "TestServer.h"
#include "TestSupport.h"

#include "sources/ArtifactStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using md::ArtifactLocation;
using md::ErrorCategory;
using md::ModelVersion;

namespace {

// car_price_model v2 of the server and mlflow.db (from models:/m-50d0…); a LoggedModel of the
// file store, logged by run 8dfc80d9… (gbr-11).
const QString kServerModel = u"m-50d01002a6d840bd8975570db78bb91d"_s;
const QString kServerModelUri = u"mlflow-artifacts:/1/models/m-50d01002a6d840bd8975570db78bb91d/artifacts"_s;
const QString kFileModel = u"m-463d465b6f0e4bc780921f630a801419"_s;
const QString kFileModelUri = u"file:///home/ds/projects/car-price-v3/mlruns/344705800087089958/models/"
                              "m-463d465b6f0e4bc780921f630a801419/artifacts"_s;

const QStringList kModelFiles = {u"MLmodel"_s,         u"conda.yaml"_s,       u"input_example.json"_s,
                                 u"model.pkl"_s,       u"python_env.yaml"_s,  u"requirements.txt"_s,
                                 u"serving_input_example.json"_s};

ModelVersion versionOf(const QString &modelId, const QString &runId)
{
    ModelVersion v;
    v.name = u"car_price_model"_s;
    v.version = 2;
    v.source = u"models:/"_s + modelId;
    v.runId = runId;
    return v;
}

QStringList paths(const QList<md::ArtifactFile> &files)
{
    QStringList out;
    for (const md::ArtifactFile &f : files)
        out.append(f.path);
    return out;
}

md::RestOptions fastOptions()
{
    md::RestOptions o;
    o.backoffBaseMs = 10;
    o.timeoutMs = 10'000;
    o.maxRetries = 1;
    return o;
}

} // namespace

class TestArtifactStore3 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void locationOfALoggedModelVersion()
    {
        const ModelVersion v = versionOf(kServerModel, u"run1"_s);
        const ArtifactLocation loc = ArtifactLocation::forVersion(v, u"mlflow-artifacts:/1/run1/artifacts"_s, kServerModelUri);
        QCOMPARE(loc.modelId, kServerModel);
        QCOMPARE(loc.rootUri, kServerModelUri);
        QVERIFY(loc.runId.isEmpty());     // its files are not the run's
        QVERIFY(loc.modelPath.isEmpty());  // MLmodel at the root

        // A version from plain run artifacts (v4 of the fixture) stays with its run.
        ModelVersion legacy = v;
        legacy.source = u"mlflow-artifacts:/1/run1/artifacts/model"_s;
        const ArtifactLocation runLoc = ArtifactLocation::forVersion(legacy, u"mlflow-artifacts:/1/run1/artifacts"_s);
        QVERIFY(runLoc.modelId.isEmpty());
        QCOMPARE(runLoc.modelPath, u"model"_s);
    }

    void movedFileStoreFindsTheLoggedModelsFiles()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"elsewhere/mlruns"_s);
        QVERIFY(md::test::copyTree(md::test::dataPath(u"mlflow3/mlruns"_s), store));
        auto created = md::createArtifactStore(store);
        QVERIFY(created.ok());
        const ArtifactLocation loc =
            ArtifactLocation::forVersion(versionOf(kFileModel, u"8dfc80d9af904ddd8265507d5f2172ef"_s), {}, kFileModelUri);
        const std::atomic_bool never{false};
        auto files = (*created)->list(loc, never);
        QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().toString()));
        QCOMPARE(paths(*files), kModelFiles);
        auto mlmodel = (*created)->readText(loc, u"MLmodel"_s, 64 * 1024, never);
        QVERIFY(mlmodel.ok());
        QVERIFY(mlmodel->contains(kFileModel.toUtf8()));
    }

    void mlflowDbFindsTheLoggedModelsFilesBesideIt()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(md::test::dataPath(u"mlflow3/mlflow.db"_s), dir.filePath(u"mlflow.db"_s)));
        QVERIFY(md::test::copyTree(md::test::dataPath(u"mlflow3/server-artifacts"_s), dir.filePath(u"server-artifacts"_s)));
        auto created = md::createArtifactStore(u"sqlite:///"_s + dir.filePath(u"mlflow.db"_s));
        QVERIFY(created.ok());
        const ArtifactLocation loc = ArtifactLocation::forVersion(versionOf(kServerModel, u"x"_s), {}, kServerModelUri);
        const std::atomic_bool never{false};
        auto files = (*created)->list(loc, never);
        QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().toString()));
        QCOMPARE(paths(*files), kModelFiles);
        QCOMPARE(files->first().size, 1241);
        QCOMPARE(files->first().sha256, u"5551e75df46dbd0b1408b4ceb78d2cb3465fda6fafe9738ca1df6d453b15c791"_s);
    }

    void serverListsAndSendsTheLoggedModelsFiles()
    {
        md::test::TestServer server;
        QVERIFY(server.startAs(md::test::TestServer::MlflowMajor::V3));
        auto store = md::createServerArtifactStore(server.url(), fastOptions());
        const std::atomic_bool never{false};
        // Known from the cache, and not known: the server is asked for the LoggedModel first.
        for (const QString &root : {kServerModelUri, QString()}) {
            const ArtifactLocation loc = ArtifactLocation::forVersion(versionOf(kServerModel, u"x"_s), {}, root);
            auto files = store->list(loc, never);
            QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().toString()));
            QCOMPARE(paths(*files), kModelFiles);
            QCOMPARE(files->first().sha256, u"5551e75df46dbd0b1408b4ceb78d2cb3465fda6fafe9738ca1df6d453b15c791"_s);
            auto mlmodel = store->readText(loc, u"MLmodel"_s, 64 * 1024, never);
            QVERIFY(mlmodel.ok());
            QVERIFY(mlmodel->startsWith(QByteArray("artifact_path: " + kServerModelUri.toUtf8())));
        }
        // An unknown LoggedModel: one NotFound naming the server's URL, not a retried 500.
        const ArtifactLocation missing = ArtifactLocation::forVersion(versionOf(u"m-0000"_s, u"x"_s), {}, {});
        auto none = store->list(missing, never);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().category, ErrorCategory::NotFound);
        QVERIFY2(none.error().where.contains(u"logged-models/m-0000"_s), qPrintable(none.error().where));
    }

    // Issue 12, point 6: the card shows the model's signature, from MLmodel's `signature:` whose
    // inputs and outputs are JSON strings (as MLflow 3.6 wrote them for the fixture).
    void signatureOfTheMlmodel()
    {
        QFile f(md::test::dataPath(u"mlflow3/server-artifacts/1/models/m-5511dcb6b7ae4067aab53a1118ab9a10/artifacts/MLmodel"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto info = md::parseMlModel(f.readAll(), f.fileName());
        QVERIFY(info.ok());
        QVERIFY(info->signature.has_value());
        QVERIFY(info->signatureProblem.isEmpty());
        using Field = md::SignatureField;
        QCOMPARE(info->signature->inputs,
                 (QList<Field>{{u"age_years"_s, u"double"_s, true, {}}, {u"mileage_km"_s, u"double"_s, true, {}},
                               {u"engine_hp"_s, u"double"_s, true, {}}, {u"doors"_s, u"double"_s, true, {}}}));
        QCOMPARE(info->signature->outputs, (QList<Field>{{QString(), u"tensor float64 (-1)"_s, true, {}}}));
        QVERIFY(info->signature->params.isEmpty());  // "params: null"

        // MLflow's other specs: arrays, objects, optional columns, parameters with defaults.
        const QByteArray yaml = "flavors: {python_function: {}}\n"
                                "signature:\n"
                                "  inputs: '[{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"name\": \"tags\"},"
                                " {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"long\"}}, \"name\": \"o\","
                                " \"required\": false}]'\n"
                                "  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"int64\", \"shape\": [-1, 3]},"
                                " \"name\": \"scores\"}]'\n"
                                "  params: '[{\"name\": \"temperature\", \"type\": \"double\", \"default\": 0.5, \"shape\": null}]'\n";
        auto other = md::parseMlModel(yaml, u"MLmodel"_s);
        QVERIFY(other.ok());
        QCOMPARE(other->signature->inputs,
                 (QList<Field>{{u"tags"_s, u"array<string>"_s, true, {}}, {u"o"_s, u"object{a: long}"_s, false, {}}}));
        QCOMPARE(other->signature->outputs, (QList<Field>{{u"scores"_s, u"tensor int64 (-1, 3)"_s, true, {}}}));
        QCOMPARE(other->signature->params, (QList<Field>{{u"temperature"_s, u"double"_s, true, u"0.5"_s}}));

        // A signature that is not JSON: the rest of MLmodel is still read, the problem is named.
        auto broken = md::parseMlModel("flavors: {sklearn: {sklearn_version: 1.2.1}}\nsignature:\n  inputs: '[{'\n", u"MLmodel"_s);
        QVERIFY(broken.ok());
        QCOMPARE(broken->flavors, QStringList{u"sklearn"_s});
        QVERIFY2(broken->signatureProblem.startsWith(u"inputs: "_s), qPrintable(broken->signatureProblem));
    }

    // Issue 12: the pre-flight asked for a missing MLmodel six times against an HTTP 500. A missing
    // file is an answer: one request, one error naming the file. Counted by the server.
    void missingFileIsAskedForOnce()
    {
        md::test::TestServer server;
        QVERIFY(server.startAs(md::test::TestServer::MlflowMajor::V3));
        md::RestOptions options = fastOptions();
        options.maxRetries = 5;  // the default: six attempts where retrying is right
        auto store = md::createServerArtifactStore(server.url(), options);
        const std::atomic_bool never{false};
        const ArtifactLocation loc = ArtifactLocation::forVersion(versionOf(kServerModel, u"x"_s), {}, kServerModelUri);
        const QString files = u"GET /api/2.0/mlflow-artifacts/artifacts/1/models/"_s + kServerModel + u"/artifacts/"_s;
        auto requestsFor = [&](const QString &file) {
            return server.stats().value(u"requests"_s).toObject().value(files + file).toInt();
        };
        const QString inRoot = u" in "_s + kServerModelUri;

        // MLflow's RESOURCE_DOES_NOT_EXIST (HTTP 404).
        QVERIFY(server.resetStats());
        auto missing = store->readText(loc, u"model/MLmodel"_s, 64 * 1024, never);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().category, ErrorCategory::NotFound);
        QCOMPARE(missing.error().message, u"the server has no file model/MLmodel"_s + inRoot);
        QVERIFY(missing.error().where.endsWith(u"/artifacts/model/MLmodel"_s));
        QCOMPARE(requestsFor(u"model/MLmodel"_s), 1);

        // MLflow's artifact proxy: HTTP 500 with the OSError of its artifact repository.
        const QJsonArray onlyMlmodel{u"/artifacts/MLmodel"_s};
        QJsonObject noSuchFile{{u"code"_s, 500}, {u"count"_s, 10}};
        noSuchFile.insert(u"message"_s, QString(u"No such file or directory: '/srv/mlartifacts/1/models/"_s + kServerModel
                                            + u"/artifacts/MLmodel'"_s));
        QVERIFY(server.setFaults(QJsonObject{{u"status"_s, noSuchFile}, {u"paths"_s, onlyMlmodel}}));
        QVERIFY(server.resetStats());
        auto gone = store->readText(loc, u"MLmodel"_s, 64 * 1024, never);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().category, ErrorCategory::NotFound);
        QCOMPARE(gone.error().message, u"the server has no file MLmodel"_s + inRoot);
        QCOMPARE(requestsFor(u"MLmodel"_s), 1);

        // A server error that names nothing may pass: that one is asked again, 1 + 5 times.
        const QJsonObject plain500{{u"code"_s, 500}, {u"count"_s, 10}};
        QVERIFY(server.setFaults(QJsonObject{{u"status"_s, plain500}, {u"paths"_s, onlyMlmodel}}));
        QVERIFY(server.resetStats());
        auto failing = store->readText(loc, u"MLmodel"_s, 64 * 1024, never);
        QVERIFY(!failing.ok());
        QCOMPARE(failing.error().category, ErrorCategory::Network);
        QCOMPARE(requestsFor(u"MLmodel"_s), 6);

        // And once the server is well, the file is there.
        QVERIFY(server.resetFaults());
        auto mlmodel = store->readText(loc, u"MLmodel"_s, 64 * 1024, never);
        QVERIFY(mlmodel.ok());
    }
};

QTEST_GUILESS_MAIN(TestArtifactStore3)
#include "tst_artifactstore3.moc"
