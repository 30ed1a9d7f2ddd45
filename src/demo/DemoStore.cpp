// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DemoStore.h"

#include "core/Domain.h"
#include "sources/filestore/MlflowYaml.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUrl>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// ---------------------------------------------------------------------------------------------
// Deterministic building blocks. Nothing here may depend on the clock, the locale, the C++
// library's random distributions or libm beyond sqrt (which IEEE 754 rounds exactly).

/// splitmix64: tiny, well mixed, and the same on every platform.
class Rng {
public:
    explicit Rng(const QByteArray &seed)
    {
        const QByteArray h = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
        for (int i = 0; i < 8; ++i)
            m_state = (m_state << 8) | static_cast<quint8>(h.at(i));
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * (double(next() >> 11) * 0x1.0p-53); }

private:
    quint64 m_state = 0;
};

double roundTo(double v, int decimals)
{
    double scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    return std::round(v * scale) / scale;
}

/// Python's repr() of a float, which is what MLflow writes: the shortest text that reads back as
/// the same double, with ".0" on whole numbers. Our values never need exponent notation.
QString pyFloat(double v)
{
    QString s = QString::number(v, 'f', QLocale::FloatingPointShortest);
    if (!s.contains(u'.'))
        s += ".0"_L1;
    return s;
}

/// MLflow's ids: 32 lowercase hex digits (run ids are uuid4().hex; dataset and input ids are md5).
QString md5Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

QString demoId(const QString &what)
{
    return md5Hex(QByteArrayLiteral("modeldesk-demo/") + what.toUtf8());
}

QString utcText(qint64 ms, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(format);
}

// ---------------------------------------------------------------------------------------------
// Pickle protocol 4, written opcode by opcode as Python's pickle.dumps(obj, protocol=4) lays it
// out (one frame, MEMOIZE after each str/list/dict), for plain data only: these are inert dicts,
// never code, and ModelDesk never unpickles anything.

struct Py;
// std::vector, unlike QList, may name an element type that is not complete yet.
using PyList = std::vector<Py>;
using PyDict = std::vector<std::pair<QString, Py>>;

struct Py {
    std::variant<bool, qint64, double, QString, PyList, PyDict> v;
    Py(bool b) : v(b) {}
    Py(int i) : v(qint64(i)) {}
    Py(double d) : v(d) {}
    Py(const char *s) : v(QString::fromUtf8(s)) {}
    Py(QString s) : v(std::move(s)) {}
    Py(PyList l) : v(std::move(l)) {}
    Py(PyDict d) : v(std::move(d)) {}
};

class Pickler {
public:
    static QByteArray dumps(const Py &obj)
    {
        Pickler p;
        p.save(obj);
        p.m_body.append('.');  // STOP
        QByteArray out("\x80\x04", 2);  // PROTO 4
        out.append('\x95');             // FRAME + 8-byte little-endian length
        appendLe(out, quint64(p.m_body.size()), 8);
        return out + p.m_body;
    }

private:
    static void appendLe(QByteArray &out, quint64 v, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
    }

    void save(const Py &o)
    {
        if (const bool *b = std::get_if<bool>(&o.v)) {
            m_body.append(*b ? '\x88' : '\x89');  // NEWTRUE / NEWFALSE
        } else if (const qint64 *i = std::get_if<qint64>(&o.v)) {
            saveInt(*i);
        } else if (const double *d = std::get_if<double>(&o.v)) {
            m_body.append('G');  // BINFLOAT, big-endian IEEE 754
            quint64 bits = 0;
            static_assert(sizeof bits == sizeof *d);
            std::memcpy(&bits, d, sizeof bits);
            for (int k = 7; k >= 0; --k)
                m_body.append(char((bits >> (8 * k)) & 0xff));
        } else if (const QString *s = std::get_if<QString>(&o.v)) {
            const QByteArray utf8 = s->toUtf8();
            if (utf8.size() < 256) {
                m_body.append('\x8c');  // SHORT_BINUNICODE
                appendLe(m_body, quint64(utf8.size()), 1);
            } else {
                m_body.append('X');  // BINUNICODE
                appendLe(m_body, quint64(utf8.size()), 4);
            }
            m_body.append(utf8);
            m_body.append('\x94');  // MEMOIZE
        } else if (const PyList *l = std::get_if<PyList>(&o.v)) {
            m_body.append("]\x94", 2);  // EMPTY_LIST MEMOIZE
            saveBatch(qsizetype(l->size()), [&](qsizetype k) { save(l->at(size_t(k))); }, 'a', 'e');
        } else if (const PyDict *dict = std::get_if<PyDict>(&o.v)) {
            m_body.append("}\x94", 2);  // EMPTY_DICT MEMOIZE
            saveBatch(qsizetype(dict->size()), [&](qsizetype k) {
                save(Py(dict->at(size_t(k)).first));
                save(dict->at(size_t(k)).second);
            }, 's', 'u');
        }
    }

    void saveInt(qint64 i)
    {
        if (i >= 0 && i < 0x100) {
            m_body.append('K');  // BININT1
            appendLe(m_body, quint64(i), 1);
        } else if (i >= 0 && i < 0x10000) {
            m_body.append('M');  // BININT2
            appendLe(m_body, quint64(i), 2);
        } else {
            Q_ASSERT(i >= INT32_MIN && i <= INT32_MAX);
            m_body.append('J');  // BININT
            appendLe(m_body, quint64(quint32(qint32(i))), 4);
        }
    }

    // Python batches container items: one item → APPEND/SETITEM, more → MARK … APPENDS/SETITEMS.
    template<typename F>
    void saveBatch(qsizetype n, F &&item, char one, char many)
    {
        if (n == 0)
            return;
        if (n == 1) {
            item(0);
            m_body.append(one);
            return;
        }
        m_body.append('(');  // MARK
        for (qsizetype k = 0; k < n; ++k)
            item(k);
        m_body.append(many);
    }

    QByteArray m_body;
};

// ---------------------------------------------------------------------------------------------
// The scenario.

constexpr qint64 kT0 = 1705309200000;  // 2024-01-15 09:00:00 UTC, the day the demo "happened"
constexpr qint64 kMinute = 60 * 1000;
constexpr double kPriceVariance = 64e6;  // prices spread with a standard deviation of 8,000 USD
const QString kExperimentId = QStringLiteral("1");
const QString kUser = QStringLiteral("ds");
const QString kDatasetName = QStringLiteral("car_prices");

const QStringList kFeatures = {u"year"_s,      u"mileage_km"_s,   u"engine_size_l"_s, u"horsepower"_s,
                               u"fuel_type"_s, u"transmission"_s, u"body_type"_s,     u"brand"_s,
                               u"doors"_s,     u"owners"_s,       u"region"_s};

struct DemoRun {
    QString name;
    QString algorithm;        ///< estimator class, tag `algorithm`
    double valR2;             ///< hold-out R², the step-5 value of val_r2_score
    double trainGap;          ///< how much better the fit is on training folds
    double trainingTimeS;
    QList<KeyValue> params;   ///< model-specific, in logging order
    QString note;
    qint64 start;
    QString runId;            ///< filled in by makeRuns()
};

QList<DemoRun> makeRuns()
{
    QList<DemoRun> runs = {
        {u"Linear Regression"_s, u"LinearRegression"_s, 0.82, 0.015, 1.284,
         {{u"fit_intercept"_s, u"True"_s}, {u"positive"_s, u"False"_s}, {u"scaler"_s, u"StandardScaler"_s}},
         u"Baseline: ordinary least squares on standardised features."_s, kT0, {}},
        {u"Random Forest"_s, u"RandomForestRegressor"_s, 0.85, 0.11, 14.937,
         {{u"n_estimators"_s, u"200"_s},
          {u"max_depth"_s, u"12"_s},
          {u"min_samples_split"_s, u"2"_s},
          {u"min_samples_leaf"_s, u"1"_s},
          {u"max_features"_s, u"sqrt"_s}},
         u"Random forest: clearly better than the baseline, but overfits the training folds."_s,
         kT0 + 20 * kMinute, {}},
        {u"XGBoost"_s, u"XGBRegressor"_s, 0.88, 0.06, 9.412,
         {{u"n_estimators"_s, u"100"_s},
          {u"max_depth"_s, u"5"_s},
          {u"learning_rate"_s, u"0.1"_s},
          {u"subsample"_s, u"1.0"_s},
          {u"colsample_bytree"_s, u"1.0"_s},
          {u"objective"_s, u"reg:squarederror"_s}},
         u"Gradient boosting with default-like settings."_s, kT0 + 40 * kMinute, {}},
        {u"XGBoost tuned"_s, u"XGBRegressor"_s, 0.89, 0.04, 38.655,
         {{u"n_estimators"_s, u"400"_s},
          {u"max_depth"_s, u"6"_s},
          {u"learning_rate"_s, u"0.05"_s},
          {u"subsample"_s, u"0.8"_s},
          {u"colsample_bytree"_s, u"0.8"_s},
          {u"reg_lambda"_s, u"1.0"_s},
          {u"min_child_weight"_s, u"3"_s},
          {u"objective"_s, u"reg:squarederror"_s}},
         u"XGBoost after a 60-trial search: best hold-out R2, candidate for Production."_s,
         kT0 + 60 * kMinute, {}},
    };
    for (DemoRun &r : runs) {
        r.runId = demoId(u"run/"_s + r.name);
        r.params += {{u"n_samples"_s, u"384"_s},
                     {u"n_features"_s, u"11"_s},
                     {u"cv_folds"_s, u"5"_s},
                     {u"test_size"_s, u"0.2"_s},
                     {u"random_state"_s, u"42"_s}};
    }
    return runs;
}

/// One metric file of the file store: "timestamp value step" lines.
class MetricFile {
public:
    void add(qint64 ts, double value, int step)
    {
        m_text += QByteArray::number(ts) + ' ' + pyFloat(value).toLatin1() + ' ' + QByteArray::number(step)
                  + '\n';
    }
    QByteArray bytes() const { return m_text; }

private:
    QByteArray m_text;
};

/// Writes files below a root folder, stopping at the first failure. Errors name the path the file
/// would have had in the demo folder (`shownRoot`): the staging folder is gone by the time the
/// user reads the message.
class Tree {
public:
    Tree(QString root, QString shownRoot) : m_root(std::move(root)), m_shownRoot(std::move(shownRoot)) {}

    void file(const QString &relative, const QByteArray &bytes)
    {
        if (m_error || !dir(QFileInfo(relative).path()))
            return;
        QFile f(m_root + u'/' + relative);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            fail(QCoreApplication::translate("DemoStore", "Cannot create the file: %1").arg(f.errorString()), relative);
            return;
        }
        if (f.write(bytes) != bytes.size() || !f.flush()) {
            fail(QCoreApplication::translate("DemoStore", "Cannot write the file: %1").arg(f.errorString()), relative);
            return;
        }
        f.close();
        if (f.error() != QFileDevice::NoError)
            fail(QCoreApplication::translate("DemoStore", "Cannot write the file: %1").arg(f.errorString()), relative);
    }
    void file(const QString &relative, const QString &text) { file(relative, text.toUtf8()); }

    bool dir(const QString &relative)
    {
        if (m_error)
            return false;
        if (!QDir().mkpath(m_root + u'/' + relative)) {
            fail(QCoreApplication::translate("DemoStore", "Cannot create the folder."), relative);
            return false;
        }
        return true;
    }

    const std::optional<Error> &error() const { return m_error; }

private:
    void fail(const QString &message, const QString &relative)
    {
        m_error = makeError(ErrorCategory::Storage, message, QDir::cleanPath(m_shownRoot + u'/' + relative));
    }

    QString m_root;
    QString m_shownRoot;
    std::optional<Error> m_error;
};

/// Everything writeDemo() lays out, relative to DIR, with absolute URIs for the final DIR.
class DemoWriter {
public:
    DemoWriter(Tree &tree, const QString &finalDir) : m_t(tree), m_dir(finalDir) {}

    void write()
    {
        m_runs = makeRuns();
        m_t.dir(u"mlruns/.trash"_s);
        writeExperiment(u"0"_s, u"Default"_s, kT0 - 10 * kMinute - 2);
        writeExperiment(kExperimentId, u"car_price"_s, kT0 - 10 * kMinute);
        writeExperimentTags();
        writeDataset();
        for (const DemoRun &r : std::as_const(m_runs))
            writeRun(r);
        writeRegistry();
        writeModelFolder();
    }

private:
    /// MLflow writes artifact locations with pathlib's as_uri(): "file://" + the path with every
    /// byte except unreserved characters and '/' percent-encoded (urllib's quote()).
    QString fileUri(const QString &relative) const
    {
        return u"file://"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_dir + u'/' + relative, "/"));
    }
    QString runDir(const DemoRun &r) const { return u"mlruns/"_s + kExperimentId + u'/' + r.runId; }

    void writeExperiment(const QString &id, const QString &name, qint64 created)
    {
        YamlValue y = YamlValue::map();
        y.set(u"artifact_location"_s, YamlValue::str(fileUri(u"mlruns/"_s + id)))
            .set(u"creation_time"_s, YamlValue::integer(created))
            .set(u"experiment_id"_s, YamlValue::str(id))
            .set(u"last_update_time"_s, YamlValue::integer(created))
            .set(u"lifecycle_stage"_s, YamlValue::str(u"active"_s))
            .set(u"name"_s, YamlValue::str(name));
        m_t.file(u"mlruns/"_s + id + u"/meta.yaml"_s, mlflowyaml::dump(y));
    }

    void writeExperimentTags()
    {
        const QString tags = u"mlruns/"_s + kExperimentId + u"/tags/"_s;
        m_t.file(tags + u"mlflow.note.content"_s,
                 u"Regression of used-car sale prices in USD: 384 samples, 11 features, target `price`. "
                 "Five-fold cross-validation (steps 0-4) and a 20 % hold-out set (step 5)."_s);
        m_t.file(tags + u"dataset"_s, u"car_prices.csv"_s);
        m_t.file(tags + u"n_samples"_s, u"384"_s);
        m_t.file(tags + u"n_features"_s, u"11"_s);
        m_t.file(tags + u"target"_s, u"price"_s);
        m_t.file(tags + u"task"_s, u"regression"_s);
        m_t.file(tags + u"team"_s, u"pricing"_s);
    }

    QString datasetDigest() const { return demoId(u"dataset/car_prices.csv"_s).left(8); }
    // MLflow's FileStore._get_dataset_id and _get_input_id.
    QString datasetId() const { return md5Hex((kDatasetName + datasetDigest()).toUtf8()); }
    QString inputId(const DemoRun &r) const { return md5Hex((datasetId() + r.runId).toUtf8()); }

    void writeDataset()
    {
        static const QList<std::pair<const char *, const char *>> columns = {
            {"long", "year"},        {"long", "mileage_km"},  {"double", "engine_size_l"},
            {"long", "horsepower"},  {"string", "fuel_type"}, {"string", "transmission"},
            {"string", "body_type"}, {"string", "brand"},     {"long", "doors"},
            {"long", "owners"},      {"string", "region"},    {"double", "price"}};
        QStringList specs;
        for (const auto &[type, name] : columns)
            specs += u"{\"type\": \"%1\", \"name\": \"%2\", \"required\": true}"_s.arg(QLatin1String(type),
                                                                                       QLatin1String(name));
        YamlValue y = YamlValue::map();
        y.set(u"digest"_s, YamlValue::str(datasetDigest()))
            .set(u"name"_s, YamlValue::str(kDatasetName))
            .set(u"profile"_s, YamlValue::str(u"{\"num_rows\": 384, \"num_elements\": 4608}"_s))
            .set(u"schema"_s, YamlValue::str(u"{\"mlflow_colspec\": ["_s + specs.join(u", "_s) + u"]}"_s))
            .set(u"source"_s, YamlValue::str(u"{\"uri\": \"car_prices.csv\"}"_s))
            .set(u"source_type"_s, YamlValue::str(u"local"_s));
        m_t.file(u"mlruns/"_s + kExperimentId + u"/datasets/"_s + datasetId() + u"/meta.yaml"_s, mlflowyaml::dump(y));
    }

    void writeRun(const DemoRun &r)
    {
        const QString dir = runDir(r);
        Rng rng(r.runId.toLatin1());

        // Timeline of the run: fit the five folds, then the hold-out, then log the model.
        const qint64 trainMs = qint64(std::llround(r.trainingTimeS * 1000));
        const qint64 foldMs = trainMs / 6;
        const qint64 holdout = r.start + 1200 + trainMs;
        const qint64 modelLogged = holdout + 431;
        const qint64 end = modelLogged + 1650;

        YamlValue meta = YamlValue::map();
        meta.set(u"artifact_uri"_s, YamlValue::str(fileUri(dir + u"/artifacts"_s)))
            .set(u"end_time"_s, YamlValue::integer(end))
            .set(u"entry_point_name"_s, YamlValue::str({}))
            .set(u"experiment_id"_s, YamlValue::str(kExperimentId))
            .set(u"lifecycle_stage"_s, YamlValue::str(u"active"_s))
            .set(u"run_id"_s, YamlValue::str(r.runId))
            .set(u"run_name"_s, YamlValue::str(r.name))
            .set(u"run_uuid"_s, YamlValue::str(r.runId))
            .set(u"source_name"_s, YamlValue::str({}))
            .set(u"source_type"_s, YamlValue::integer(4))
            .set(u"source_version"_s, YamlValue::str({}))
            .set(u"start_time"_s, YamlValue::integer(r.start))
            .set(u"status"_s, YamlValue::integer(3))
            .set(u"tags"_s, YamlValue::seq())
            .set(u"user_id"_s, YamlValue::str(kUser));
        m_t.file(dir + u"/meta.yaml"_s, mlflowyaml::dump(meta));

        for (const KeyValue &p : r.params)
            m_t.file(dir + u"/params/"_s + p.key, p.value);

        MetricFile trainR2, valR2, trainMse, valMse, rmse, mae, trainingTime;
        for (int fold = 0; fold < 5; ++fold) {
            const qint64 ts = r.start + 1200 + qint64(fold) * foldMs;
            const double v = roundTo(r.valR2 + rng.uniform(-0.025, 0.025), 6);
            const double vMse = roundTo((1 - v) * kPriceVariance * rng.uniform(0.97, 1.03), 3);
            const double vRmse = roundTo(std::sqrt(vMse), 4);
            const double vMae = roundTo(vRmse * rng.uniform(0.74, 0.79), 4);
            const double t = roundTo(v + r.trainGap + rng.uniform(-0.008, 0.008), 6);
            const double tMse = roundTo((1 - t) * kPriceVariance * rng.uniform(0.97, 1.03), 3);
            trainR2.add(ts, t, fold);
            valR2.add(ts, v, fold);
            trainMse.add(ts, tMse, fold);
            valMse.add(ts, vMse, fold);
            rmse.add(ts, vRmse, fold);
            mae.add(ts, vMae, fold);
        }
        const double hMse = roundTo((1 - r.valR2) * kPriceVariance, 3);
        const double hRmse = roundTo(std::sqrt(hMse), 4);
        valR2.add(holdout, r.valR2, 5);
        valMse.add(holdout, hMse, 5);
        rmse.add(holdout, hRmse, 5);
        mae.add(holdout, roundTo(hRmse * 0.76, 4), 5);
        trainingTime.add(holdout, r.trainingTimeS, 0);
        const QString metrics = dir + u"/metrics/"_s;
        m_t.file(metrics + u"train_r2_score"_s, trainR2.bytes());
        m_t.file(metrics + u"val_r2_score"_s, valR2.bytes());
        m_t.file(metrics + u"train_mse"_s, trainMse.bytes());
        m_t.file(metrics + u"val_mse"_s, valMse.bytes());
        m_t.file(metrics + u"rmse"_s, rmse.bytes());
        m_t.file(metrics + u"mae"_s, mae.bytes());
        m_t.file(metrics + u"training_time_s"_s, trainingTime.bytes());

        const QString modelUuid = demoId(u"model/"_s + r.name);
        const QString created = utcText(modelLogged, u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u"318"_s;
        const QString tags = dir + u"/tags/"_s;
        m_t.file(tags + u"model_type"_s, u"regression"_s);
        m_t.file(tags + u"algorithm"_s, r.algorithm);
        m_t.file(tags + u"dataset_version"_s, u"v3"_s);
        m_t.file(tags + u"mlflow.runName"_s, r.name);
        m_t.file(tags + u"mlflow.user"_s, kUser);
        m_t.file(tags + u"mlflow.source.type"_s, u"LOCAL"_s);
        m_t.file(tags + u"mlflow.source.name"_s, u"train.py"_s);
        m_t.file(tags + u"mlflow.note.content"_s, r.note);
        // Python's json.dumps of the logged model's dict, as mlflow.log_model records it.
        m_t.file(tags + u"mlflow.log-model.history"_s,
                 u"[{\"run_id\": \"%1\", \"artifact_path\": \"model\", \"utc_time_created\": \"%2\", "
                 "\"flavors\": {\"python_function\": {\"loader_module\": \"mlflow.sklearn\", \"model_path\": "
                 "\"model.pkl\", \"python_version\": \"3.11.2\", \"env\": {\"conda\": \"conda.yaml\", "
                 "\"virtualenv\": \"python_env.yaml\"}}, \"sklearn\": {\"pickled_model\": \"model.pkl\", "
                 "\"sklearn_version\": \"1.2.1\", \"serialization_format\": \"cloudpickle\", \"code\": null}}, "
                 "\"model_uuid\": \"%3\", \"mlflow_version\": \"2.10.2\"}]"_s.arg(r.runId, created, modelUuid));

        YamlValue input = YamlValue::map();
        input.set(u"destination_id"_s, YamlValue::str(datasetId()))  // sic: MLflow 2.10.2 writes the dataset id here
            .set(u"destination_type"_s, YamlValue::str(u"RUN"_s))
            .set(u"source_id"_s, YamlValue::str(datasetId()))
            .set(u"source_type"_s, YamlValue::str(u"DATASET"_s))
            .set(u"tags"_s, YamlValue::map({{u"mlflow.data.context"_s, YamlValue::str(u"training"_s)}}));
        m_t.file(dir + u"/inputs/"_s + inputId(r) + u"/meta.yaml"_s, mlflowyaml::dump(input));

        writeRunArtifacts(r, dir + u"/artifacts/"_s, modelUuid, created);
    }

    void writeRunArtifacts(const DemoRun &r, const QString &artifacts, const QString &modelUuid,
                           const QString &created)
    {
        const QByteArray mlmodel = u"artifact_path: model\n"
                                   "flavors:\n"
                                   "  python_function:\n"
                                   "    env:\n"
                                   "      conda: conda.yaml\n"
                                   "      virtualenv: python_env.yaml\n"
                                   "    loader_module: mlflow.sklearn\n"
                                   "    model_path: model.pkl\n"
                                   "    python_version: 3.11.2\n"
                                   "  sklearn:\n"
                                   "    code: null\n"
                                   "    pickled_model: model.pkl\n"
                                   "    serialization_format: cloudpickle\n"
                                   "    sklearn_version: 1.2.1\n"
                                   "mlflow_version: 2.10.2\n"
                                   "model_uuid: %1\n"
                                   "run_id: %2\n"
                                   "utc_time_created: '%3'\n"_s.arg(modelUuid, r.runId, created)
                                      .toUtf8();
        m_t.file(artifacts + u"model/MLmodel"_s, mlmodel);
        m_t.file(artifacts + u"model/requirements.txt"_s, QByteArrayLiteral("mlflow==2.10.2\nscikit-learn==1.2.1\n"));

        PyDict params;
        for (const KeyValue &p : r.params) {
            if (p.key != u"n_samples"_s && p.key != u"n_features"_s)
                params.emplace_back(p.key, Py(p.value));
        }
        m_t.file(artifacts + u"model/model.pkl"_s,
                 Pickler::dumps(PyDict{{u"estimator"_s, r.algorithm},
                                       {u"params"_s, params},
                                       {u"val_r2_score"_s, r.valR2},
                                       {u"dummy"_s, true}}));
        m_t.file(artifacts + u"scaler.pkl"_s, runScaler());
        m_t.file(artifacts + u"encoders.pkl"_s, runEncoders());

        QString json = u"{\n  \"features\": [\n"_s;
        for (qsizetype i = 0; i < kFeatures.size(); ++i)
            json += u"    \""_s + kFeatures.at(i) + (i + 1 < kFeatures.size() ? u"\",\n"_s : u"\"\n"_s);
        json += u"  ],\n  \"target\": \"price\",\n  \"n_samples\": 384\n}"_s;
        m_t.file(artifacts + u"feature_info.json"_s, json);
    }

    // StandardScaler-like statistics of the 11 (label-encoded) features.
    static QByteArray runScaler()
    {
        const PyList mean = {2015.7, 86412.5, 1.9, 148.3, 1.2, 0.4, 1.8, 6.1, 4.3, 1.7, 2.2};
        const PyList scale = {4.1, 41837.9, 0.6, 47.2, 1.0, 0.5, 1.3, 3.9, 0.9, 0.8, 1.4};
        PyList features;
        for (const QString &f : kFeatures)
            features.emplace_back(f);
        return Pickler::dumps(PyDict{{u"mean_"_s, mean}, {u"scale_"_s, scale}, {u"features"_s, features}});
    }

    static QByteArray runEncoders()
    {
        return Pickler::dumps(PyDict{
            {u"fuel_type"_s, PyList{"petrol", "diesel", "hybrid", "electric"}},
            {u"transmission"_s, PyList{"manual", "automatic"}},
            {u"body_type"_s, PyList{"sedan", "hatchback", "wagon", "suv", "coupe"}},
            {u"region"_s, PyList{"north", "south", "east", "west"}},
        });
    }

    void writeRegistry()
    {
        const QString model = u"mlruns/models/car_price_model/"_s;
        const qint64 t = kT0 + 90 * kMinute;  // 10:30, after the runs
        struct Version {
            QString stage;
            QString validation;
            qint64 created;
            qint64 lastUpdated;
        };
        // The story: v1 → Production, v2 → Production (v1 archived), v3 → Staging,
        // v4 → Production (v2 archived), the alias moves with it.
        const QList<Version> versions = {
            {u"Archived"_s, u"superseded"_s, t + 1 * kMinute, t + 40 * kMinute},
            {u"Archived"_s, u"superseded"_s, t + 30 * kMinute, t + 330 * kMinute},
            {u"Staging"_s, u"approved"_s, t + 60 * kMinute, t + 65 * kMinute},
            {u"Production"_s, u"approved"_s, t + 210 * kMinute, t + 330 * kMinute},
        };
        const qint64 lastUpdated = t + 331 * kMinute;

        YamlValue meta = YamlValue::map();
        meta.set(u"aliases"_s,
                 YamlValue::map({{u"challenger"_s, YamlValue::str(u"3"_s)}, {u"champion"_s, YamlValue::str(u"4"_s)}}))
            .set(u"creation_timestamp"_s, YamlValue::integer(t))
            .set(u"description"_s, YamlValue::str(u"Predicts used-car sale price in USD from 11 vehicle features."_s))
            .set(u"last_updated_timestamp"_s, YamlValue::integer(lastUpdated))
            .set(u"name"_s, YamlValue::str(u"car_price_model"_s));
        m_t.file(model + u"meta.yaml"_s, mlflowyaml::dump(meta));
        m_t.file(model + u"tags/dataset"_s, u"car_prices.csv"_s);
        m_t.file(model + u"tags/owner"_s, u"pricing-team"_s);
        m_t.file(model + u"tags/task"_s, u"regression"_s);
        m_t.file(model + u"aliases/challenger"_s, u"3"_s);
        m_t.file(model + u"aliases/champion"_s, u"4"_s);

        for (qsizetype i = 0; i < versions.size(); ++i) {
            const Version &v = versions.at(i);
            const DemoRun &r = m_runs.at(i);
            const QString number = QString::number(i + 1);
            const QString dir = model + u"version-"_s + number + u'/';
            const QString source = fileUri(runDir(r) + u"/artifacts/model"_s);
            YamlValue y = YamlValue::map();
            y.set(u"aliases"_s, YamlValue::seq())
                .set(u"creation_timestamp"_s, YamlValue::integer(v.created))
                .set(u"current_stage"_s, YamlValue::str(v.stage))
                .set(u"description"_s, YamlValue::str(u"%1 (val R2 %2)"_s.arg(r.name, pyFloat(r.valR2))))
                .set(u"last_updated_timestamp"_s, YamlValue::integer(v.lastUpdated))
                .set(u"name"_s, YamlValue::str(u"car_price_model"_s))
                .set(u"run_id"_s, YamlValue::str(r.runId))
                .set(u"run_link"_s, YamlValue::null())
                .set(u"source"_s, YamlValue::str(source))
                .set(u"status"_s, YamlValue::str(u"READY"_s))
                .set(u"status_message"_s, YamlValue::null())
                .set(u"storage_location"_s, YamlValue::str(source))
                .set(u"user_id"_s, YamlValue::null())
                .set(u"version"_s, YamlValue::integer(i + 1));
            m_t.file(dir + u"meta.yaml"_s, mlflowyaml::dump(y));
            m_t.file(dir + u"tags/algorithm"_s, r.algorithm);
            m_t.file(dir + u"tags/val_r2_score"_s, pyFloat(r.valR2));
            m_t.file(dir + u"tags/validation_status"_s, v.validation);
            if (v.stage == u"Production"_s)
                m_t.file(dir + u"tags/deployed_at"_s, utcText(v.lastUpdated, u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s));
        }
    }

    void writeModelFolder()
    {
        const QString dir = u"artifacts/training/"_s;
        QByteArray current;
        for (qsizetype i = 0; i < m_runs.size(); ++i) {
            const DemoRun &r = m_runs.at(i);
            const int version = int(i + 1);
            PyList weights;
            for (int k = 0; k < kFeatures.size(); ++k)
                weights.emplace_back(double(k * version) / 10.0);
            const QByteArray pkl = Pickler::dumps(PyDict{{u"algorithm"_s, r.name},
                                                         {u"version"_s, version},
                                                         {u"r2"_s, r.valR2},
                                                         {u"features"_s, 11},
                                                         {u"samples"_s, 384},
                                                         {u"weights"_s, weights}});
            m_t.file(dir + u"model_v%1.pkl"_s.arg(version), pkl);
            current = pkl;
        }
        m_t.file(dir + u"model.pkl"_s, current);
        m_t.file(dir + u"scaler.pkl"_s, runScaler());
        m_t.file(dir + u"encoders.pkl"_s, runEncoders());
        m_t.file(dir + u"version.txt"_s,
                 QByteArrayLiteral("Current version: 4\nBest score: 0.89\nDate created: 2024-01-15\n"));
    }

    Tree &m_t;
    QString m_dir;
    QList<DemoRun> m_runs;
};

QString absoluteDir(const QString &dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

} // namespace

Status writeDemo(const QString &dir)
{
    if (dir.isEmpty()) {
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("DemoStore", "No folder given for the demo."));
    }
    const QString target = absoluteDir(dir);
    const QFileInfo info(target);
    if (info.exists() || info.isSymLink()) {
        if (!info.isDir()) {
            return makeError(ErrorCategory::BadInput,
                             QCoreApplication::translate("DemoStore", "This path exists and is not a folder."), target);
        }
        if (!QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
            return makeError(ErrorCategory::BadInput,
                             QCoreApplication::translate("DemoStore", "The folder is not empty; the demo is only "
                                                                      "written into a new or empty folder."),
                             target);
        }
    }

    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return makeError(ErrorCategory::Storage, QCoreApplication::translate("DemoStore", "Cannot create the folder."),
                         parent);

    // Build everything in a hidden sibling and move it into place in one rename, so that nobody
    // ever sees half a demo. The sibling is on the same file system, which rename() needs.
    QTemporaryDir staging(parent + u"/."_s + info.fileName() + u".partial-XXXXXX"_s);
    if (!staging.isValid()) {
        return makeError(
            ErrorCategory::Storage,
            QCoreApplication::translate("DemoStore", "Cannot create a folder here: %1").arg(staging.errorString()),
            parent);
    }
    // QTemporaryDir makes the folder private (0700); the demo is an ordinary folder.
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                              | QFileDevice::ReadOther | QFileDevice::ExeOther);

    Tree tree(staging.path(), target);
    DemoWriter(tree, target).write();
    if (tree.error())
        return *tree.error();

    // std::filesystem::rename is POSIX rename(): it atomically replaces an empty target folder,
    // where QDir::rename refuses any existing target.
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(staging.path()).toStdString()),
                            std::filesystem::path(QFile::encodeName(target).toStdString()), ec);
    if (ec) {
        return makeError(ErrorCategory::Storage,
                         QCoreApplication::translate("DemoStore", "Cannot move the demo into place: %1")
                             .arg(QString::fromLocal8Bit(ec.message())),
                         target);
    }
    staging.setAutoRemove(false);  // it is the demo now
    return {};
}

QString demoFileStoreUri(const QString &dir)
{
    return QUrl::fromLocalFile(absoluteDir(dir) + u"/mlruns"_s).toString();
}

QString demoModelFolderUri(const QString &dir)
{
    return u"folder://"_s + absoluteDir(dir) + u"/artifacts/training"_s;
}

} // namespace md
