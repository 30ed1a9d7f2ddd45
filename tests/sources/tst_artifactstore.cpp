// SPDX-License-Identifier: GPL-3.0-or-later
// ArtifactStore for every source kind against the real fixtures: a moved copy of the file store,
// mlflow.db with the server's artifacts folder beside it, the test server over HTTP, and the
// model folder. Sizes and SHA-256 are the ones `stat` and `sha256sum` print for the fixture files.
#include "TestServer.h"
#include "TestSupport.h"

#include "sources/ArtifactStore.h"
#include "sources/modelfolder/ModelFolderSource.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using md::ArtifactFile;
using md::ArtifactLocation;
using md::ArtifactStore;
using md::ErrorCategory;

namespace {

// car_price "XGBoost tuned", registered as car_price_model v4.
const QString kFileStoreExp = u"841587320559560834"_s;
const QString kFileStoreRun = u"961265c7ff03493a80eccd895a6ead54"_s;
const QString kServerRun = u"3f9763b59bcc4a11a9231f572751e2be"_s;
const QString kRecordedRoot = u"file:///home/ds/projects/car-price/mlruns"_s;

const QString kRequirementsSha = u"a92b8309d474db4ec75fc954cf8bf6ee1cc9a9a56c3ad65830b412f3b2881218"_s;
const QString kModelPklSha = u"ae69cabec4e6c0d1bd7ca4a1bf9400e10d1a2e4d55ce4e9deab78c4db53b9bc5"_s;

/// "path size sha256" per file: what `find | xargs stat` and `sha256sum` show.
QStringList listing(const QList<ArtifactFile> &files)
{
    QStringList out;
    for (const ArtifactFile &f : files)
        out.append(f.path + u' ' + QString::number(f.size) + u' ' + (f.sha256.isEmpty() ? u"-"_s : f.sha256));
    return out;
}

/// The car_price v4 run's artifacts; MLmodel differs between the file store and the server
/// (each was written by its own log_model call).
QStringList carPriceV4Listing(const QString &mlmodelSha)
{
    return {
        u"encoders.pkl 110 73530c47f6e2f0126dc157b1be09df63c8d44bf602e2f399c3516d4ae4356baa"_s,
        u"feature_info.json 240 cad883490deb9b5b4c9864285475581cc6a586c60a38275d9ee0ccbebfaa2df8"_s,
        u"model/MLmodel 479 "_s + mlmodelSha,
        u"model/model.pkl 290 "_s + kModelPklSha,
        u"model/requirements.txt 35 "_s + kRequirementsSha,
        u"scaler.pkl 376 bda99d4dbcc01151e4d20347431ce73d611788a4b57b3377ac7bface274597bf"_s,
    };
}

md::ModelVersion fileStoreV4()
{
    md::ModelVersion v;
    v.name = u"car_price_model"_s;
    v.version = 4;
    v.runId = kFileStoreRun;
    v.source = kRecordedRoot + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts/model"_s;
    v.currentStage = md::kStageProduction;
    return v;
}

ArtifactLocation fileStoreV4Location()
{
    return ArtifactLocation::forVersion(fileStoreV4(),
                                        kRecordedRoot + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts"_s);
}

ArtifactLocation serverV4Location()
{
    md::ModelVersion v;
    v.name = u"car_price_model"_s;
    v.version = 4;
    v.runId = kServerRun;
    v.source = u"mlflow-artifacts:/1/"_s + kServerRun + u"/artifacts/model"_s;
    return ArtifactLocation::forVersion(v, u"mlflow-artifacts:/1/"_s + kServerRun + u"/artifacts"_s);
}

md::RestOptions fastOptions()
{
    md::RestOptions o;
    o.backoffBaseMs = 10;
    o.timeoutMs = 10'000;
    o.maxRetries = 1;
    return o;
}

class CollectingSink : public md::ImportSink {
public:
    QList<md::RegisteredModel> models;
    md::Status experiment(const md::Experiment &) override { return {}; }
    md::Status run(const md::Run &) override { return {}; }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        models.append(m);
        return {};
    }
    void problem(const md::ReadProblem &) override {}
};

std::unique_ptr<ArtifactStore> storeFor(const QString &uri)
{
    auto store = md::createArtifactStore(uri);
    if (!store) {
        qWarning("%s", qPrintable(store.error().toString()));
        return nullptr;
    }
    return std::move(*store);
}

} // namespace

class TestArtifactStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void locationForVersion_data();
    void locationForVersion();

    void fileStoreMovedStore();
    void fileStoreMissingArtifactFolder();
    void mlflowDbArtifactsBesideDb_data();
    void mlflowDbArtifactsBesideDb();
    void mlflowDbWithoutArtifactsFolder();
    void trackingServer();
    void trackingServerSkipsLargeChecksums();
    void trackingServerRunWithoutArtifacts();
    void modelFolder_data();
    void modelFolder();
    void modelFolderMissingFile();
    void pathsCannotLeaveTheRoot();

    void parseMlModelFixture();
    void parseMlModelErrors();
    void requirements_data();
    void requirements();
    void condaAndPythonEnv();
    void loadModelArtifactsFileStore();

private:
    QTemporaryDir m_dir;
    QString m_store;  ///< a copy of tests/data/mlruns: a store that was moved
};

void TestArtifactStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(u"moved/mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), m_store));
}

void TestArtifactStore::locationForVersion_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("runArtifactUri");
    QTest::addColumn<QString>("rootUri");
    QTest::addColumn<QString>("modelPath");
    QTest::addColumn<bool>("current");

    QTest::newRow("file store") << u"file:///s/mlruns/1/r1/artifacts/model"_s << u"file:///s/mlruns/1/r1/artifacts"_s
                                << u"file:///s/mlruns/1/r1/artifacts"_s << u"model"_s << false;
    QTest::newRow("proxied") << u"mlflow-artifacts:/1/r1/artifacts/sk_model/"_s << u"mlflow-artifacts:/1/r1/artifacts"_s
                             << u"mlflow-artifacts:/1/r1/artifacts"_s << u"sk_model"_s << false;
    QTest::newRow("runs: URI") << u"runs:/r1/model"_s << u"s3://bucket/1/r1/artifacts"_s
                               << u"s3://bucket/1/r1/artifacts"_s << u"model"_s << false;
    QTest::newRow("no run known") << u"file:///elsewhere/model"_s << QString() << u"file:///elsewhere/model"_s
                                  << QString() << false;
    QTest::newRow("model folder") << u"folder:///t/training/model_v4.pkl"_s << QString()
                                  << u"folder:///t/training/model_v4.pkl"_s << QString() << true;
}

void TestArtifactStore::locationForVersion()
{
    QFETCH(QString, source);
    QFETCH(QString, runArtifactUri);
    md::ModelVersion v;
    v.name = u"m"_s;
    v.version = 4;
    v.runId = source.startsWith(u"folder:"_s) ? QString() : u"r1"_s;
    v.source = source;
    v.currentStage = md::kStageProduction;
    const ArtifactLocation loc = ArtifactLocation::forVersion(v, runArtifactUri);
    QTEST(loc.rootUri, "rootUri");
    QTEST(loc.modelPath, "modelPath");
    QTEST(loc.currentFolderVersion, "current");
}

void TestArtifactStore::fileStoreMovedStore()
{
    // The store records file:///home/ds/projects/car-price/mlruns/…, which does not exist here.
    QVERIFY(!QFileInfo::exists(u"/home/ds/projects/car-price/mlruns"_s));
    auto store = storeFor(QUrl::fromLocalFile(m_store).toString());
    QVERIFY(store);
    QCOMPARE(store->kind(), md::SourceKind::FileStore);
    const ArtifactLocation loc = fileStoreV4Location();
    QCOMPARE(loc.modelPath, u"model"_s);
    const std::atomic_bool never{false};
    auto files = store->list(loc, never);
    QVERIFY2(files, qPrintable(files ? QString() : files.error().toString()));
    QCOMPARE(listing(*files), carPriceV4Listing(u"cab79121aba8d8b3d2b6b1e190510c96aebb93f1d0c706efbd70b31acae88314"_s));
    QCOMPARE(store->resolvedRoot(loc),
             QDir(m_store).filePath(kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts"_s));

    auto requirements = store->readText(loc, u"model/requirements.txt"_s, 1024, never);
    QVERIFY(requirements);
    QCOMPARE(*requirements, QByteArray("mlflow==2.10.2\nscikit-learn==1.2.1\n"));
    auto head = store->readText(loc, u"model/requirements.txt"_s, 6, never);
    QVERIFY(head);
    QCOMPARE(*head, QByteArray("mlflow"));
    auto missing = store->readText(loc, u"model/conda.yaml"_s, 1024, never);
    QVERIFY(!missing);
    QCOMPARE(missing.error().category, ErrorCategory::NotFound);
    QVERIFY(missing.error().where.endsWith(u"/artifacts/model/conda.yaml"_s));

    // The same store given as a plain path works the same.
    auto byPath = storeFor(m_store);
    QVERIFY(byPath);
    auto again = byPath->list(loc, never);
    QVERIFY(again);
    QCOMPARE(listing(*again), listing(*files));

    // Cancelled before it starts: no files, Cancelled.
    const std::atomic_bool cancelled{true};
    auto none = store->list(loc, cancelled);
    QVERIFY(!none);
    QCOMPARE(none.error().category, ErrorCategory::Cancelled);
}

void TestArtifactStore::fileStoreMissingArtifactFolder()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    QVERIFY(QDir(store + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts"_s).removeRecursively());
    auto s = storeFor(store);
    QVERIFY(s);
    const std::atomic_bool never{false};
    auto files = s->list(fileStoreV4Location(), never);
    QVERIFY(!files);
    QCOMPARE(files.error().category, ErrorCategory::NotFound);
    // Names the artifact URI the store recorded, and where else it looked.
    QCOMPARE(files.error().where,
             kRecordedRoot + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts"_s);
    QVERIFY2(files.error().message.contains(store), qPrintable(files.error().message));
    QVERIFY(files.error().message.contains(u"does not exist"_s));
}

void TestArtifactStore::mlflowDbArtifactsBesideDb_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("server-artifacts (the fixtures)") << u"server-artifacts"_s;
    QTest::newRow("mlartifacts (mlflow server's default)") << u"mlartifacts"_s;
    QTest::newRow("artifacts") << u"artifacts"_s;
}

void TestArtifactStore::mlflowDbArtifactsBesideDb()
{
    QFETCH(QString, folder);
    QTemporaryDir dir;
    QVERIFY(QFile::copy(md::test::dataPath(u"mlflow.db"_s), dir.filePath(u"mlflow.db"_s)));
    QVERIFY(md::test::copyTree(md::test::dataPath(u"server-artifacts/1/"_s + kServerRun),
                               dir.filePath(folder + u"/1/"_s + kServerRun)));
    auto store = storeFor(u"sqlite:///"_s + dir.filePath(u"mlflow.db"_s));
    QVERIFY(store);
    QCOMPARE(store->kind(), md::SourceKind::MlflowDb);
    const std::atomic_bool never{false};
    auto files = store->list(serverV4Location(), never);
    QVERIFY2(files, qPrintable(files ? QString() : files.error().toString()));
    QCOMPARE(listing(*files), carPriceV4Listing(u"a8cc0383563d5f61100ea4fde0fac5940fa7aa0ccce91319613730e2ae16578a"_s));
    QCOMPARE(store->resolvedRoot(serverV4Location()), dir.filePath(folder + u"/1/"_s + kServerRun + u"/artifacts"_s));
}

void TestArtifactStore::mlflowDbWithoutArtifactsFolder()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(md::test::dataPath(u"mlflow.db"_s), dir.filePath(u"mlflow.db"_s)));
    auto store = storeFor(dir.filePath(u"mlflow.db"_s));
    QVERIFY(store);
    const std::atomic_bool never{false};
    auto files = store->list(serverV4Location(), never);
    QVERIFY(!files);
    QCOMPARE(files.error().category, ErrorCategory::NotFound);
    QCOMPARE(files.error().where, u"mlflow-artifacts:/1/"_s + kServerRun + u"/artifacts"_s);
    QVERIFY2(files.error().message.contains(dir.filePath(u"mlartifacts"_s)), qPrintable(files.error().message));
    QVERIFY(files.error().message.contains(u"tracking server"_s));

    // The fixture as it lies: mlflow.db with server-artifacts/ beside it.
    auto fixture = storeFor(md::test::dataPath(u"mlflow.db"_s));
    QVERIFY(fixture);
    auto ok = fixture->list(serverV4Location(), never);
    QVERIFY(ok);
    QCOMPARE(ok->size(), 6);
}

void TestArtifactStore::trackingServer()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    auto store = md::createServerArtifactStore(server.url(), fastOptions());
    QCOMPARE(store->kind(), md::SourceKind::TrackingServer);
    QCOMPARE(store->uri(), server.url().toString());
    const std::atomic_bool never{false};
    const ArtifactLocation loc = serverV4Location();
    auto files = store->list(loc, never);
    QVERIFY2(files, qPrintable(files ? QString() : files.error().toString()));
    // Sizes from artifacts/list, checksums from the bytes the mlflow-artifacts proxy sent.
    QCOMPARE(listing(*files), carPriceV4Listing(u"a8cc0383563d5f61100ea4fde0fac5940fa7aa0ccce91319613730e2ae16578a"_s));
    const QJsonObject stats = server.stats().value(u"requests"_s).toObject();
    QCOMPARE(stats.value(u"GET /api/2.0/mlflow/artifacts/list"_s).toInt(), 2);  // the root and model/
    QCOMPARE(stats.value(u"GET /api/2.0/mlflow-artifacts/artifacts/1/"_s + kServerRun + u"/artifacts/model/model.pkl"_s)
                 .toInt(),
             1);

    auto mlmodel = store->readText(loc, u"model/MLmodel"_s, ArtifactStore::kDefaultTextLimit, never);
    QVERIFY(mlmodel);
    auto info = md::parseMlModel(*mlmodel, u"model/MLmodel"_s);
    QVERIFY(info);
    QCOMPARE(info->flavors, (QStringList{u"python_function"_s, u"sklearn"_s}));
    QCOMPARE(info->runId, kServerRun);

    // A file the server does not have: NotFound naming the URL.
    auto missing = store->readText(loc, u"model/conda.yaml"_s, 1024, never);
    QVERIFY(!missing);
    QCOMPARE(missing.error().category, ErrorCategory::NotFound);
    QVERIFY2(missing.error().where.endsWith(u"/api/2.0/mlflow-artifacts/artifacts/1/"_s + kServerRun
                                            + u"/artifacts/model/conda.yaml"_s),
             qPrintable(missing.error().where));

    // createArtifactStore() recognises the URL like createSource() does.
    auto byUri = storeFor(server.url().toString());
    QVERIFY(byUri);
    QCOMPARE(byUri->kind(), md::SourceKind::TrackingServer);
}

void TestArtifactStore::trackingServerSkipsLargeChecksums()
{
    QTemporaryDir dir;
    const QString artifacts = dir.filePath(u"artifacts"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"server-artifacts"_s), artifacts));
    QFile big(artifacts + u"/1/"_s + kServerRun + u"/artifacts/big.bin"_s);
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(ArtifactStore::kRemoteChecksumLimit + 1));  // sparse: costs no disk
    big.close();

    md::test::TestServer server;
    QVERIFY(server.start({}, artifacts));
    auto store = md::createServerArtifactStore(server.url(), fastOptions());
    const std::atomic_bool never{false};
    auto files = store->list(serverV4Location(), never);
    QVERIFY(files);
    QCOMPARE(files->size(), 7);
    const ArtifactFile &f = files->at(0);
    QCOMPARE(f.path, u"big.bin"_s);
    QCOMPARE(f.size, ArtifactStore::kRemoteChecksumLimit + 1);
    QVERIFY(f.sha256.isEmpty());
    QVERIFY2(f.checksumNote.contains(u"64 MiB"_s), qPrintable(f.checksumNote));
    QVERIFY(!server.stats().value(u"requests"_s).toObject().contains(
        u"GET /api/2.0/mlflow-artifacts/artifacts/1/"_s + kServerRun + u"/artifacts/big.bin"_s));
    QCOMPARE(files->at(5).path, u"model/requirements.txt"_s);
    QCOMPARE(files->at(5).sha256, kRequirementsSha);
}

void TestArtifactStore::trackingServerRunWithoutArtifacts()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    auto store = md::createServerArtifactStore(server.url(), fastOptions());
    md::ModelVersion v;
    v.runId = u"1a0ebb88d9044186941e878146f307db"_s;  // sweep-parent-00 logged no artifacts
    const ArtifactLocation loc = ArtifactLocation::forVersion(v, u"mlflow-artifacts:/2/"_s + v.runId + u"/artifacts"_s);
    const std::atomic_bool never{false};
    auto files = store->list(loc, never);
    QVERIFY(!files);
    QCOMPARE(files.error().category, ErrorCategory::NotFound);
    QVERIFY(files.error().where.contains(u"/api/2.0/mlflow/artifacts/list?run_id="_s + v.runId));
    QVERIFY(files.error().message.contains(u"mlflow-artifacts:/2/"_s + v.runId + u"/artifacts"_s));

    // An unknown run: the server's 404.
    md::ModelVersion unknown;
    unknown.runId = u"00000000000000000000000000000000"_s;
    auto none = store->list(ArtifactLocation::forVersion(unknown, {}), never);
    QVERIFY(!none);
    QCOMPARE(none.error().category, ErrorCategory::NotFound);
}

void TestArtifactStore::modelFolder_data()
{
    QTest::addColumn<qint64>("version");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("v4, current: its file, model.pkl, version.txt and the side files")
        << qint64(4)
        << QStringList{
               u"encoders.pkl 81 7cbc9ce36428dc6236c6312e6937daa148e4c8f527d9042c1b475ca4cd4fa0e8"_s,
               u"model.pkl 211 b2074a47a6dba763e0e88547a879bd43d49d284235ddcab468f086351f555db2"_s,
               u"model_v4.pkl 211 b2074a47a6dba763e0e88547a879bd43d49d284235ddcab468f086351f555db2"_s,
               u"scaler.pkl 237 b94382d1eefe2b6005f7417a2e3335bf874ea35fd4f940afef2501564a64ccb0"_s,
               u"version.txt 61 f3cf694f50c4f47c75ece6499c3130b061f02fbb1de4ff9af036fd92dab98033"_s,
           };
    QTest::newRow("v2, archived: its file only")
        << qint64(2) << QStringList{u"model_v2.pkl 209 e2323a6b51d7b5c60bb77bfb7ae8001997b056e050cd7633bbcc9c3c7a0d5a0f"_s};
}

void TestArtifactStore::modelFolder()
{
    QFETCH(qint64, version);
    const QString folder = md::test::dataPath(u"model-folder/artifacts/training"_s);
    // The versions as the model folder source delivers them to the cache.
    md::ModelFolderSource source(folder);
    CollectingSink sink;
    const std::atomic_bool never{false};
    QVERIFY(source.readAll(sink, never));
    QCOMPARE(sink.models.size(), 1);
    const auto &versions = sink.models.first().versions;
    const auto it = std::find_if(versions.cbegin(), versions.cend(), [&](const auto &v) { return v.version == version; });
    QVERIFY(it != versions.cend());

    auto store = storeFor(source.uri());
    QVERIFY(store);
    QCOMPARE(store->kind(), md::SourceKind::ModelFolder);
    const ArtifactLocation loc = ArtifactLocation::forVersion(*it, {});
    auto files = store->list(loc, never);
    QVERIFY2(files, qPrintable(files ? QString() : files.error().toString()));
    QTEST(listing(*files), "expected");
    if (version == 4) {
        auto txt = store->readText(loc, u"version.txt"_s, 1024, never);
        QVERIFY(txt);
        QVERIFY(txt->startsWith("Current version: 4"));
    }
}

void TestArtifactStore::modelFolderMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(md::test::copyTree(md::test::dataPath(u"model-folder/artifacts/training"_s), dir.path()));
    md::ModelVersion v;
    v.version = 3;
    v.source = u"folder://"_s + dir.filePath(u"model_v3.pkl"_s);
    QVERIFY(QFile::remove(dir.filePath(u"model_v3.pkl"_s)));
    auto store = storeFor(u"folder://"_s + dir.path());
    QVERIFY(store);
    const std::atomic_bool never{false};
    auto files = store->list(ArtifactLocation::forVersion(v, {}), never);
    QVERIFY(!files);
    QCOMPARE(files.error().category, ErrorCategory::NotFound);
    QCOMPARE(files.error().where, v.source);
}

void TestArtifactStore::pathsCannotLeaveTheRoot()
{
    auto store = storeFor(m_store);
    QVERIFY(store);
    const std::atomic_bool never{false};
    for (const QString &path : {u"../meta.yaml"_s, u"/etc/passwd"_s, u"model/../../meta.yaml"_s}) {
        auto r = store->readText(fileStoreV4Location(), path, 1024, never);
        QVERIFY2(!r, qPrintable(path));
        QCOMPARE(r.error().category, ErrorCategory::BadInput);
    }
}

void TestArtifactStore::parseMlModelFixture()
{
    QFile f(m_store + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts/model/MLmodel"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto info = md::parseMlModel(f.readAll(), f.fileName());
    QVERIFY2(info, qPrintable(info ? QString() : info.error().toString()));
    QCOMPARE(info->flavors, (QStringList{u"python_function"_s, u"sklearn"_s}));
    QCOMPARE(info->loaderModule, u"mlflow.sklearn"_s);
    QCOMPARE(info->pythonVersion, u"3.11.2"_s);
    QCOMPARE(info->mlflowVersion, u"2.10.2"_s);
    QCOMPARE(info->runId, kFileStoreRun);
    QCOMPARE(info->artifactPath, u"model"_s);
    QCOMPARE(info->created, u"2026-11-26 23:39:59.494912"_s);
    QCOMPARE(info->libraryVersions, (QList<md::KeyValue>{{u"sklearn.sklearn_version"_s, u"1.2.1"_s}}));
    QCOMPARE(info->environmentFiles, (QStringList{u"conda.yaml"_s, u"python_env.yaml"_s}));
}

void TestArtifactStore::parseMlModelErrors()
{
    auto broken = md::parseMlModel("flavors:\n  sklearn: [1, 2\n", u"x/MLmodel"_s);
    QVERIFY(!broken);
    QCOMPARE(broken.error().category, ErrorCategory::BadInput);
    QVERIFY2(broken.error().where.startsWith(u"x/MLmodel:"_s), qPrintable(broken.error().where));
    auto noFlavors = md::parseMlModel("artifact_path: model\n", u"y/MLmodel"_s);
    QVERIFY(!noFlavors);
    QCOMPARE(noFlavors.error().where, u"y/MLmodel"_s);
    auto notMap = md::parseMlModel("- a\n- b\n", u"z/MLmodel"_s);
    QVERIFY(!notMap);
}

void TestArtifactStore::requirements_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");  // "kind name spec"
    QTest::newRow("fixture") << QByteArray("mlflow==2.10.2\nscikit-learn==1.2.1\n")
                             << QStringList{u"pip mlflow ==2.10.2"_s, u"pip scikit-learn ==1.2.1"_s};
    QTest::newRow("names normalised, extras, markers, comments")
        << QByteArray("# pinned\nScikit_Learn >= 1.3, <2  # inline\n\nrequests[socks]==2.31\r\n"
                      "numpy; python_version < '3.12'\n")
        << QStringList{u"pip scikit-learn >= 1.3, <2"_s, u"pip requests [socks] ==2.31"_s,
                       u"pip numpy ; python_version < '3.12'"_s};
    QTest::newRow("continuation and options")
        << QByteArray("-r base.txt\n--index-url https://pypi.example/simple\npandas\\\n==1.5.3\n")
        << QStringList{u"option -r base.txt "_s, u"option --index-url https://pypi.example/simple "_s,
                       u"pip pandas ==1.5.3"_s};
    QTest::newRow("empty") << QByteArray("\n# nothing\n") << QStringList{};
}

void TestArtifactStore::requirements()
{
    QFETCH(QByteArray, text);
    QStringList got;
    const QList<md::Dependency> deps = md::parseRequirements(text);
    for (const md::Dependency &d : deps) {
        QCOMPARE(d.file, u"requirements.txt"_s);
        got.append(d.kind + u' ' + d.name + u' ' + d.spec);
    }
    QTEST(got, "expected");
}

void TestArtifactStore::condaAndPythonEnv()
{
    // What mlflow.sklearn.log_model writes (MLflow 2.10).
    const QByteArray conda = "channels:\n- conda-forge\ndependencies:\n- python=3.11.2\n- pip<=23.0.1\n- pip:\n"
                             "  - mlflow==2.10.2\n  - scikit-learn==1.4.0\nname: mlflow-env\n";
    auto c = md::parseCondaYaml(conda, u"model/conda.yaml"_s);
    QVERIFY(c);
    QStringList got;
    for (const md::Dependency &d : std::as_const(*c))
        got.append(d.kind + u' ' + d.name + u' ' + d.spec + u' ' + d.file);
    QCOMPARE(got, (QStringList{u"python python =3.11.2 conda.yaml"_s, u"conda pip <=23.0.1 conda.yaml"_s,
                               u"pip mlflow ==2.10.2 conda.yaml"_s, u"pip scikit-learn ==1.4.0 conda.yaml"_s}));

    const QByteArray pyenv = "python: 3.11.2\nbuild_dependencies:\n- pip==23.0.1\n- setuptools\ndependencies:\n"
                             "- -r requirements.txt\n";
    auto p = md::parsePythonEnv(pyenv, u"model/python_env.yaml"_s);
    QVERIFY(p);
    got.clear();
    for (const md::Dependency &d : std::as_const(*p))
        got.append(d.kind + u' ' + d.name + u' ' + d.spec);
    QCOMPARE(got, (QStringList{u"python python 3.11.2"_s, u"pip pip ==23.0.1"_s, u"pip setuptools "_s,
                               u"option -r requirements.txt "_s}));

    auto bad = md::parseCondaYaml("dependencies: [a, b\n", u"model/conda.yaml"_s);
    QVERIFY(!bad);
    QVERIFY(bad.error().where.startsWith(u"model/conda.yaml:"_s));
}

void TestArtifactStore::loadModelArtifactsFileStore()
{
    auto store = storeFor(m_store);
    QVERIFY(store);
    const std::atomic_bool never{false};
    auto m = md::loadModelArtifacts(*store, fileStoreV4Location(), never);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    QCOMPARE(m->files.size(), 6);
    QCOMPARE(m->mlmodelPath, u"model/MLmodel"_s);
    QVERIFY(m->mlmodel);
    QCOMPARE(m->mlmodel->flavors, (QStringList{u"python_function"_s, u"sklearn"_s}));
    QStringList deps;
    for (const md::Dependency &d : std::as_const(m->dependencies))
        deps.append(d.name + d.spec);
    QCOMPARE(deps, (QStringList{u"mlflow==2.10.2"_s, u"scikit-learn==1.2.1"_s}));
    // MLmodel names conda.yaml and python_env.yaml, which the fixture's runs never wrote.
    QCOMPARE(m->problems.size(), 2);
    QVERIFY(m->problems.at(0).where.endsWith(u"/artifacts/model/conda.yaml"_s));
    QVERIFY(m->problems.at(1).where.endsWith(u"/artifacts/model/python_env.yaml"_s));

    // A broken MLmodel is a problem of that file; the rest is still read.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(m_store, copy));
    const QString mlmodel = copy + u'/' + kFileStoreExp + u'/' + kFileStoreRun + u"/artifacts/model/MLmodel"_s;
    QVERIFY(md::test::writeFile(mlmodel, "flavors: [unclosed\n"));
    auto broken = storeFor(copy);
    auto b = md::loadModelArtifacts(*broken, fileStoreV4Location(), never);
    QVERIFY(b);
    QVERIFY(!b->mlmodel);
    QCOMPARE(b->dependencies.size(), 2);
    QCOMPARE(b->problems.size(), 1);
    QVERIFY2(b->problems.at(0).where.startsWith(mlmodel + u':'), qPrintable(b->problems.at(0).where));
}

QTEST_GUILESS_MAIN(TestArtifactStore)
#include "tst_artifactstore.moc"
