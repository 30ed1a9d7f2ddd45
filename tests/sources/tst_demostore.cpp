// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled demo (md::writeDemo): the car-price scenario of the design, in MLflow 2.10.2's file
// store layout (compared with the real MLflow output in tests/data/mlruns), the same bytes on
// every write, and never written over anything.

#include "TestSupport.h"
#include "demo/DemoStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString readText(const QString &path)
{
    return QString::fromUtf8(readAll(path));
}

/// Every file below root, as sorted relative paths.
QStringList filesBelow(const QString &root)
{
    QStringList out;
    const QDir base(root);
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(base.relativeFilePath(it.next()));
    out.sort();
    return out;
}

/// The top-level keys of a YAML mapping file in document order, with the keys of nested mappings
/// as "parent.child".
QStringList yamlKeys(const QString &path)
{
    QStringList keys;
    const YAML::Node root = YAML::LoadFile(QFile::encodeName(path).toStdString());
    for (const auto &kv : root) {
        const QString key = QString::fromStdString(kv.first.as<std::string>());
        keys.append(key);
        if (kv.second.IsMap()) {
            for (const auto &sub : kv.second)
                keys.append(key + u'.' + QString::fromStdString(sub.first.as<std::string>()));
        }
    }
    return keys;
}

QString yamlValue(const QString &path, const char *key)
{
    const YAML::Node root = YAML::LoadFile(QFile::encodeName(path).toStdString());
    return QString::fromStdString(root[key].as<std::string>());
}

/// MLflow's artifact URIs, as Python's pathlib.Path.as_uri() writes them: every byte of the
/// absolute path percent-encoded except unreserved characters and '/'.
QString fileUri(const QString &path)
{
    return u"file://"_s + QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
}

const QStringList kRunNames = {u"Linear Regression"_s, u"Random Forest"_s, u"XGBoost"_s, u"XGBoost tuned"_s};

} // namespace

class TestDemoStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;  ///< written once in initTestCase()
    QString m_exp;   ///< m_demo + "/mlruns/1"

    /// The run folder whose meta.yaml has this run_name.
    QString runDir(const QString &name) const
    {
        const QDir exp(m_exp);
        for (const QString &d : exp.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (readText(exp.filePath(d + u"/meta.yaml"_s)).contains(u"\nrun_name: "_s + name + u'\n'))
                return exp.filePath(d);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(u"demo"_s);
        m_exp = m_demo + u"/mlruns/1"_s;
        const md::Status s = md::writeDemo(m_demo);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    }

    void writesTheSameBytesEveryTime()
    {
        // A second place whose path differs in length and needs percent-encoding in URIs.
        const QString other = m_tmp.filePath(u"second place/Démo ü"_s);
        const md::Status s = md::writeDemo(other);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));

        const QStringList files = filesBelow(m_demo);
        QCOMPARE(filesBelow(other), files);
        for (const QString &f : files) {
            QByteArray a = readAll(m_demo + u'/' + f);
            QByteArray b = readAll(other + u'/' + f);
            a.replace(fileUri(m_demo).toUtf8(), "@DIR@");
            b.replace(fileUri(other).toUtf8(), "@DIR@");
            QVERIFY2(a == b, qPrintable(u"differs apart from the folder: "_s + f));
            QVERIFY2(!a.contains(m_tmp.path().toUtf8()), qPrintable(u"holds a path not written as a URI: "_s + f));
        }
    }

    void matchesTheRecordedDigest()
    {
        // Pins the bytes across compilers, Qt and C++ library versions (float formatting, hashing,
        // the random generator). If you change the demo on purpose, print `digest` and update this.
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const QString &f : filesBelow(m_demo)) {
            QByteArray bytes = readAll(m_demo + u'/' + f);
            bytes.replace(fileUri(m_demo).toUtf8(), "@DIR@");
            h.addData(QByteArray(f.toUtf8() + '\0' + bytes + '\0'));
        }
        const QByteArray digest = h.result().toHex();
        QCOMPARE(digest, QByteArray("d14163e75ec7a3f62c9c060cfc8c6e91eb17169319f589ab67d68c85e0daad77"));
    }

    void writesTheExpectedFiles()
    {
        const QStringList files = filesBelow(m_demo);
        // 2 experiment meta.yaml, 7 experiment tags, 1 dataset; per run 1 meta, 7 metrics, 9 tags,
        // 1 input, 6 artifacts plus 8/10/11/13 params; registry 23; model folder 8.
        QCOMPARE(files.size(), 2 + 7 + 1 + 4 * 24 + 42 + 23 + 8);
        QVERIFY(QFileInfo(m_demo + u"/mlruns/.trash"_s).isDir());

        const QStringList expected = {
            u"mlruns/0/meta.yaml"_s,
            u"mlruns/1/meta.yaml"_s,
            u"mlruns/1/tags/mlflow.note.content"_s,
            u"mlruns/models/car_price_model/meta.yaml"_s,
            u"mlruns/models/car_price_model/aliases/champion"_s,
            u"mlruns/models/car_price_model/aliases/challenger"_s,
            u"mlruns/models/car_price_model/version-4/tags/deployed_at"_s,
            u"artifacts/training/model.pkl"_s,
            u"artifacts/training/model_v1.pkl"_s,
            u"artifacts/training/model_v2.pkl"_s,
            u"artifacts/training/model_v3.pkl"_s,
            u"artifacts/training/model_v4.pkl"_s,
            u"artifacts/training/scaler.pkl"_s,
            u"artifacts/training/encoders.pkl"_s,
            u"artifacts/training/version.txt"_s,
        };
        for (const QString &f : expected)
            QVERIFY2(files.contains(f), qPrintable(f));
        for (int v = 1; v <= 4; ++v)
            QVERIFY(files.contains(u"mlruns/models/car_price_model/version-%1/meta.yaml"_s.arg(v)));

        for (const QString &name : kRunNames) {
            const QString run = runDir(name);
            QVERIFY2(!run.isEmpty(), qPrintable(name));
            QVERIFY(QFileInfo(run).fileName().contains(QRegularExpression(u"^[0-9a-f]{32}$"_s)));
            for (const char *artifact : {"model/MLmodel", "model/requirements.txt", "model/model.pkl", "scaler.pkl",
                                         "encoders.pkl", "feature_info.json"}) {
                QVERIFY2(QFileInfo(run + u"/artifacts/"_s + QLatin1String(artifact)).size() > 0,
                         qPrintable(name + u": "_s + QLatin1String(artifact)));
            }
            QCOMPARE(QDir(run + u"/inputs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
        }
    }

    // Same keys in the same order as the files MLflow 2.10.2 itself wrote.
    void yamlHasMlflowsKeys_data()
    {
        QTest::addColumn<QString>("demo");     // relative to the demo's mlruns/
        QTest::addColumn<QString>("fixture");  // relative to tests/data/mlruns/
        const QString fx = u"841587320559560834/"_s;
        const QString fxRun = fx + u"08bc4907c58e4e92a92a80dde70debdb/"_s;
        QTest::newRow("default experiment") << u"0/meta.yaml"_s << u"0/meta.yaml"_s;
        QTest::newRow("experiment") << u"1/meta.yaml"_s << fx + u"meta.yaml"_s;
        QTest::newRow("run") << u"@RUN@/meta.yaml"_s << fxRun + u"meta.yaml"_s;
        QTest::newRow("run input") << u"@RUN@/inputs/@INPUT@/meta.yaml"_s
                                   << fxRun + u"inputs/eae34c4e1eec76dbeb628ee443bb1053/meta.yaml"_s;
        QTest::newRow("dataset") << u"1/datasets/@DATASET@/meta.yaml"_s
                                 << fx + u"datasets/57675a506ce4f824780de52622b400e9/meta.yaml"_s;
        QTest::newRow("MLmodel") << u"@RUN@/artifacts/model/MLmodel"_s << fxRun + u"artifacts/model/MLmodel"_s;
        QTest::newRow("registered model") << u"models/car_price_model/meta.yaml"_s
                                          << u"models/car_price_model/meta.yaml"_s;
        for (int v = 1; v <= 4; ++v) {
            const QString p = u"models/car_price_model/version-%1/meta.yaml"_s.arg(v);
            QTest::newRow(qPrintable(u"version %1"_s.arg(v))) << p << p;
        }
    }
    void yamlHasMlflowsKeys()
    {
        QFETCH(QString, demo);
        QFETCH(QString, fixture);
        const QString run = runDir(u"XGBoost"_s);
        const QString input = QDir(run + u"/inputs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
        const QString dataset = QDir(m_exp + u"/datasets"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
        demo.replace(u"@RUN@"_s, u"1/"_s + QFileInfo(run).fileName())
            .replace(u"@INPUT@"_s, input)
            .replace(u"@DATASET@"_s, dataset);
        const QString demoPath = m_demo + u"/mlruns/"_s + demo;
        QVERIFY2(QFileInfo::exists(demoPath), qPrintable(demoPath));
        QCOMPARE(yamlKeys(demoPath), yamlKeys(md::test::dataPath(u"mlruns/"_s + fixture)));
    }

    void experimentIsCarPrice()
    {
        const QString meta = m_exp + u"/meta.yaml"_s;
        QCOMPARE(yamlValue(meta, "name"), u"car_price"_s);
        QCOMPARE(yamlValue(meta, "experiment_id"), u"1"_s);
        QCOMPARE(yamlValue(meta, "lifecycle_stage"), u"active"_s);
        QCOMPARE(yamlValue(meta, "artifact_location"), fileUri(m_exp));
        QVERIFY(readText(meta).contains(u"\nexperiment_id: '1'\n"_s));  // a string, as MLflow writes it
        QCOMPARE(yamlValue(m_demo + u"/mlruns/0/meta.yaml"_s, "name"), u"Default"_s);

        const QString note = readText(m_exp + u"/tags/mlflow.note.content"_s);
        QVERIFY2(note.contains(u"384 samples, 11 features, target `price`"_s), qPrintable(note));
        QCOMPARE(readText(m_exp + u"/tags/n_samples"_s), u"384"_s);
        QCOMPARE(readText(m_exp + u"/tags/n_features"_s), u"11"_s);
    }

    void runsHaveMetaParamsAndTags_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QStringList>("params");  // key=value, model-specific ones
        QTest::newRow("lr") << u"Linear Regression"_s << u"LinearRegression"_s
                            << QStringList{u"fit_intercept=True"_s, u"positive=False"_s};
        QTest::newRow("rf") << u"Random Forest"_s << u"RandomForestRegressor"_s
                            << QStringList{u"n_estimators=200"_s, u"max_depth=12"_s};
        QTest::newRow("xgb") << u"XGBoost"_s << u"XGBRegressor"_s
                             << QStringList{u"n_estimators=100"_s, u"max_depth=5"_s, u"learning_rate=0.1"_s};
        QTest::newRow("tuned") << u"XGBoost tuned"_s << u"XGBRegressor"_s
                               << QStringList{u"n_estimators=400"_s, u"max_depth=6"_s, u"learning_rate=0.05"_s};
    }
    void runsHaveMetaParamsAndTags()
    {
        QFETCH(QString, name);
        QFETCH(QString, algorithm);
        QFETCH(QStringList, params);
        const QString run = runDir(name);
        QVERIFY2(!run.isEmpty(), qPrintable(name));
        const QString id = QFileInfo(run).fileName();
        const QString meta = run + u"/meta.yaml"_s;
        QCOMPARE(yamlValue(meta, "run_id"), id);
        QCOMPARE(yamlValue(meta, "run_uuid"), id);
        QCOMPARE(yamlValue(meta, "status"), u"3"_s);  // FINISHED
        QCOMPARE(yamlValue(meta, "experiment_id"), u"1"_s);
        QCOMPARE(yamlValue(meta, "artifact_uri"), fileUri(run + u"/artifacts"_s));
        QVERIFY(yamlValue(meta, "end_time").toLongLong() > yamlValue(meta, "start_time").toLongLong());

        params += {u"n_samples=384"_s, u"n_features=11"_s, u"cv_folds=5"_s, u"test_size=0.2"_s,
                   u"random_state=42"_s};
        for (const QString &p : std::as_const(params)) {
            const QString key = p.section(u'=', 0, 0);
            QCOMPARE(readText(run + u"/params/"_s + key), p.section(u'=', 1));
        }

        const QString tags = run + u"/tags/"_s;
        QCOMPARE(readText(tags + u"mlflow.runName"_s), name);
        QCOMPARE(readText(tags + u"algorithm"_s), algorithm);
        QCOMPARE(readText(tags + u"model_type"_s), u"regression"_s);
        QCOMPARE(readText(tags + u"mlflow.source.type"_s), u"LOCAL"_s);
        QVERIFY(!readText(tags + u"mlflow.user"_s).isEmpty());
        QVERIFY(!readText(tags + u"mlflow.source.name"_s).isEmpty());
        QVERIFY(!readText(tags + u"mlflow.note.content"_s).isEmpty());
        QVERIFY(!readText(tags + u"dataset_version"_s).isEmpty());
        QVERIFY(readText(tags + u"mlflow.log-model.history"_s).startsWith(u"[{\"run_id\": \""_s + id));
        QCOMPARE(yamlValue(run + u"/artifacts/model/MLmodel"_s, "run_id"), id);

        // The dataset input points at the experiment's dataset: 384 rows × 12 columns.
        const QString inputs = run + u"/inputs"_s;
        const QString input = QDir(inputs).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
        const QString dataset = yamlValue(inputs + u'/' + input + u"/meta.yaml"_s, "source_id");
        const QString datasetMeta = m_exp + u"/datasets/"_s + dataset + u"/meta.yaml"_s;
        QVERIFY2(QFileInfo::exists(datasetMeta), qPrintable(datasetMeta));
        QCOMPARE(yamlValue(datasetMeta, "name"), u"car_prices"_s);
        QCOMPARE(yamlValue(datasetMeta, "profile"), u"{\"num_rows\": 384, \"num_elements\": 4608}"_s);
        QCOMPARE(yamlValue(datasetMeta, "schema").count(u"\"required\": true"_s), 12);
    }

    void metricsFollowTheScenario_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("valR2");
        QTest::newRow("lr") << u"Linear Regression"_s << u"0.82"_s;
        QTest::newRow("rf") << u"Random Forest"_s << u"0.85"_s;
        QTest::newRow("xgb") << u"XGBoost"_s << u"0.88"_s;
        QTest::newRow("tuned") << u"XGBoost tuned"_s << u"0.89"_s;
    }
    void metricsFollowTheScenario()
    {
        QFETCH(QString, name);
        QFETCH(QString, valR2);
        const QString metrics = runDir(name) + u"/metrics/"_s;
        auto lines = [&](const QString &key) {
            return readText(metrics + key).split(u'\n', Qt::SkipEmptyParts);
        };

        // Five CV folds at steps 0–4, the hold-out at step 5, as the fixture logs them.
        const QStringList val = lines(u"val_r2_score"_s);
        QCOMPARE(val.size(), 6);
        QVERIFY2(val.last().endsWith(u' ' + valR2 + u" 5"_s), qPrintable(val.last()));
        QSet<QString> foldValues;
        qint64 previous = 0;
        for (int step = 0; step < 6; ++step) {
            const QStringList parts = val.at(step).split(u' ');
            QCOMPARE(parts.size(), 3);
            QCOMPARE(parts.at(2), QString::number(step));
            const qint64 ts = parts.at(0).toLongLong();
            QVERIFY(ts > previous);  // the hold-out is also the latest value
            previous = ts;
            if (step < 5) {
                QVERIFY(qAbs(parts.at(1).toDouble() - valR2.toDouble()) <= 0.03);
                foldValues.insert(parts.at(1));
            }
        }
        QVERIFY(foldValues.size() > 1);  // scattered, not constant

        for (const QString &key : {u"val_mse"_s, u"rmse"_s, u"mae"_s})
            QCOMPARE(lines(key).size(), 6);
        for (const QString &key : {u"train_r2_score"_s, u"train_mse"_s})
            QCOMPARE(lines(key).size(), 5);
        QCOMPARE(lines(u"training_time_s"_s).size(), 1);

        // Hold-out errors consistent with R²: MSE = (1 − R²)·σ², RMSE = √MSE.
        const double mse = lines(u"val_mse"_s).last().section(u' ', 1, 1).toDouble();
        const double rmse = lines(u"rmse"_s).last().section(u' ', 1, 1).toDouble();
        QVERIFY(qAbs(mse - (1 - valR2.toDouble()) * 64e6) < 1);
        QVERIFY(qAbs(rmse * rmse - mse) < 1);
        // Train scores are above validation scores on every fold.
        const QStringList train = lines(u"train_r2_score"_s);
        for (int step = 0; step < 5; ++step)
            QVERIFY(train.at(step).section(u' ', 1, 1).toDouble() > val.at(step).section(u' ', 1, 1).toDouble());
    }

    void registryHasTheFourVersions_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("r2");
        QTest::newRow("v1") << 1 << u"Linear Regression"_s << u"Archived"_s << u"0.82"_s;
        QTest::newRow("v2") << 2 << u"Random Forest"_s << u"Archived"_s << u"0.85"_s;
        QTest::newRow("v3") << 3 << u"XGBoost"_s << u"Staging"_s << u"0.88"_s;
        QTest::newRow("v4") << 4 << u"XGBoost tuned"_s << u"Production"_s << u"0.89"_s;
    }
    void registryHasTheFourVersions()
    {
        QFETCH(int, version);
        QFETCH(QString, run);
        QFETCH(QString, stage);
        QFETCH(QString, r2);
        const QString dir = m_demo + u"/mlruns/models/car_price_model/version-%1/"_s.arg(version);
        const QString meta = dir + u"meta.yaml"_s;
        const QString runFolder = runDir(run);
        QCOMPARE(yamlValue(meta, "name"), u"car_price_model"_s);
        QCOMPARE(yamlValue(meta, "version"), QString::number(version));
        QCOMPARE(yamlValue(meta, "current_stage"), stage);
        QCOMPARE(yamlValue(meta, "status"), u"READY"_s);
        QCOMPARE(yamlValue(meta, "run_id"), QFileInfo(runFolder).fileName());
        QCOMPARE(yamlValue(meta, "source"), fileUri(runFolder + u"/artifacts/model"_s));
        QVERIFY(QFileInfo::exists(QUrl(yamlValue(meta, "source")).toLocalFile() + u"/MLmodel"_s));
        QVERIFY(yamlValue(meta, "description").contains(r2));
        QCOMPARE(readText(dir + u"tags/val_r2_score"_s), r2);
        QVERIFY(!readText(dir + u"tags/algorithm"_s).isEmpty());
        QVERIFY(!readText(dir + u"tags/validation_status"_s).isEmpty());
        QCOMPARE(QFileInfo::exists(dir + u"tags/deployed_at"_s), stage == u"Production"_s);
    }

    void registryHasAliasesAndDescription()
    {
        const QString model = m_demo + u"/mlruns/models/car_price_model/"_s;
        const YAML::Node meta = YAML::LoadFile(QFile::encodeName(model + u"meta.yaml"_s).toStdString());
        QCOMPARE(meta["name"].as<std::string>(), std::string("car_price_model"));
        QCOMPARE(meta["aliases"]["champion"].as<std::string>(), std::string("4"));
        QCOMPARE(meta["aliases"]["challenger"].as<std::string>(), std::string("3"));
        QVERIFY(!meta["description"].as<std::string>().empty());
        QCOMPARE(readText(model + u"aliases/champion"_s), u"4"_s);
        QCOMPARE(readText(model + u"aliases/challenger"_s), u"3"_s);
    }

    void modelFolderHasVersionsOneToFour()
    {
        const QString dir = m_demo + u"/artifacts/training/"_s;
        QCOMPARE(readAll(dir + u"version.txt"_s),
                 QByteArray("Current version: 4\nBest score: 0.89\nDate created: 2024-01-15\n"));
        QCOMPARE(readAll(dir + u"model.pkl"_s), readAll(dir + u"model_v4.pkl"_s));
        QVERIFY(readAll(dir + u"model_v3.pkl"_s) != readAll(dir + u"model_v4.pkl"_s));
        QCOMPARE(filesBelow(dir).size(), 8);
    }

    // The pickles are real protocol-4 pickles of plain data: Python reads them, and writes the
    // same bytes back where the data has no repeated string objects.
    void picklesLoadInPython()
    {
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        QVERIFY2(!python.isEmpty(), "python3 is required: packaging/install-deps.sh installs it");

        QStringList files;
        for (const QString &f : filesBelow(m_demo)) {
            if (f.endsWith(u".pkl"_s))
                files.append(f);
        }
        QCOMPARE(files.size(), 4 * 3 + 7);
        const QString script = uR"(import os, pickle, sys
os.chdir(sys.argv[1])
for p in sys.argv[2:]:
    data = open(p, 'rb').read()
    obj = pickle.loads(data)
    assert data[:2] == b'\x80\x04', p
    print(p, repr(obj), pickle.dumps(obj, protocol=4) == data)
)"_s;
        const md::test::ProcessResult r =
            md::test::runProcess(python, QStringList{u"-c"_s, script, m_demo} + files);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList out = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(out.size(), files.size());
        const QString all = out.join(u'\n');

        const QString v4 = u" {'algorithm': 'XGBoost tuned', 'version': 4, 'r2': 0.89, 'features': 11, "
                           "'samples': 384, 'weights': [0.0, 0.4, 0.8, 1.2, 1.6, 2.0, 2.4, 2.8, 3.2, 3.6, 4.0]} True"_s;
        QVERIFY2(out.contains(u"artifacts/training/model_v4.pkl"_s + v4), qPrintable(all));
        QVERIFY2(out.contains(u"artifacts/training/model.pkl"_s + v4), qPrintable(all));
        QVERIFY2(out.contains(u"artifacts/training/model_v1.pkl {'algorithm': 'Linear Regression', 'version': 1, "
                              "'r2': 0.82, 'features': 11, 'samples': 384, 'weights': [0.0, 0.1, 0.2, 0.3, 0.4, "
                              "0.5, 0.6, 0.7, 0.8, 0.9, 1.0]} True"_s),
                 qPrintable(all));
        const QString xgb = QFileInfo(runDir(u"XGBoost"_s)).fileName();
        QVERIFY2(out.filter(u"mlruns/1/"_s + xgb + u"/artifacts/model/model.pkl {'estimator': 'XGBRegressor', "
                            "'params': {'n_estimators': '100', 'max_depth': '5', 'learning_rate': '0.1', "_s)
                         .size()
                     == 1,
                 qPrintable(all));
        QCOMPARE(out.filter(u"encoders.pkl {'fuel_type': ['petrol', 'diesel', 'hybrid', 'electric'], "_s).size(), 5);
        QCOMPARE(out.filter(u"scaler.pkl {'mean_': [2015.7, "_s).size(), 5);
        // Byte-for-byte what Python writes, wherever Python would not share repeated strings.
        for (const QString &line : out) {
            if (line.startsWith(u"artifacts/training/"_s))
                QVERIFY2(line.endsWith(u" True"_s), qPrintable(line));
        }
    }

    void urisPointIntoTheDemo()
    {
        QCOMPARE(md::demoFileStoreUri(m_demo), QUrl::fromLocalFile(m_demo + u"/mlruns"_s).toString());
        QCOMPARE(md::demoModelFolderUri(m_demo), u"folder://"_s + m_demo + u"/artifacts/training"_s);
        QVERIFY(md::demoFileStoreUri(m_demo).startsWith(u"file:///"_s));
        QVERIFY(QFileInfo(QUrl(md::demoFileStoreUri(m_demo)).toLocalFile()).isDir());
    }

    void pathsWithSpacesAreEncoded()
    {
        const QString dir = m_tmp.filePath(u"with space/Démo #1 [it's: a*b]"_s);
        QVERIFY(md::writeDemo(dir).ok());
        const QString location = yamlValue(dir + u"/mlruns/1/meta.yaml"_s, "artifact_location");
        QVERIFY2(location.endsWith(u"/with%20space/D%C3%A9mo%20%231%20%5Bit%27s%3A%20a%2Ab%5D/mlruns/1"_s),
                 qPrintable(location));
        QCOMPARE(QUrl(location).toLocalFile(), dir + u"/mlruns/1"_s);
        const QString run = QUrl(yamlValue(dir + u"/mlruns/models/car_price_model/version-4/meta.yaml"_s, "source"))
                                .toLocalFile();
        QVERIFY2(QFileInfo::exists(run + u"/MLmodel"_s), qPrintable(run));
    }

    void writesIntoAnEmptyFolder()
    {
        const QString dir = m_tmp.filePath(u"empty"_s);
        QVERIFY(QDir().mkpath(dir));
        const md::Status s = md::writeDemo(dir);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(filesBelow(dir).size(), filesBelow(m_demo).size());
    }

    void refusesAFolderThatIsNotEmpty_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("file") << u"notes.txt"_s;
        QTest::newRow("hidden file") << u".keep"_s;
        QTest::newRow("demo already there") << u"mlruns/0/meta.yaml"_s;
    }
    void refusesAFolderThatIsNotEmpty()
    {
        QFETCH(QString, entry);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"mine"_s);
        QVERIFY(md::test::writeFile(dir + u'/' + entry, "keep me"));

        const md::Status s = md::writeDemo(dir);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(s.error().where, dir);
        QCOMPARE(filesBelow(dir), QStringList{entry});
        QCOMPARE(readAll(dir + u'/' + entry), QByteArray("keep me"));
        // No half-written sibling left behind.
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"mine"_s});
    }

    void refusesAFile()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"demo"_s);
        QVERIFY(md::test::writeFile(path, "x"));
        const md::Status s = md::writeDemo(path);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(s.error().where, path);
        QCOMPARE(readAll(path), QByteArray("x"));
    }

    void namesTheFolderItCannotCreate()
    {
        // A file where a parent folder should be fails even for root, unlike permissions.
        QTemporaryDir tmp;
        const QString blocker = tmp.filePath(u"blocker"_s);
        QVERIFY(md::test::writeFile(blocker, "x"));
        const md::Status s = md::writeDemo(blocker + u"/sub/demo"_s);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::Storage);
        QVERIFY2(s.error().where.startsWith(blocker), qPrintable(s.error().toString()));
        QVERIFY(!s.error().message.isEmpty());
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"blocker"_s});
    }

    void failsHalfWayWithoutLeavingHalfADemo()
    {
        // Paths near PATH_MAX (4096): the first files fit, deeper ones do not, so writing stops
        // half-way. Unlike permissions, this also fails for root.
        QTemporaryDir tmp;
        QString parent = tmp.path();
        while (parent.size() + 201 < 4036)
            parent += u'/' + QString(200, u'a');
        parent += u'/' + QString(4036 - parent.size() - 1, u'b');
        QCOMPARE(parent.size(), 4036);
        QVERIFY(QDir().mkpath(parent));
        const QString target = parent + u"/d"_s;

        const md::Status s = md::writeDemo(target);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::Storage);
        QVERIFY2(s.error().where.startsWith(target + u"/mlruns/1/"_s), qPrintable(s.error().toString()));
        QVERIFY(!s.error().message.isEmpty());
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(parent).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    void refusesAnEmptyPath()
    {
        const md::Status s = md::writeDemo(QString());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demostore.moc"
