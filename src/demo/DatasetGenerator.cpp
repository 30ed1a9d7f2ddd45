// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DatasetGenerator.h"

#include "sources/filestore/MlflowYaml.h"
#include "sqlite/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrl>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DatasetGenerator)
};

// The CREATE statements of tests/data/mlflow.db (MLflow 2.10.2, alembic head acf3f17fdcc7) in
// sqlite_master order, byte for byte, so that `sqlite3 mlflow.db .schema` reads the same as
// MLflow's own file (trailing blanks included: SQLite keeps the statement text as given).
const char *const kMlflowSchema =
    "CREATE TABLE experiments (\n"
    "\texperiment_id INTEGER NOT NULL, \n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tartifact_location VARCHAR(256), \n"
    "\tlifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT, \n"
    "\tCONSTRAINT experiment_pk PRIMARY KEY (experiment_id), \n"
    "\tCONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')), \n"
    "\tUNIQUE (name)\n"
    ");\n"
    "CREATE TABLE alembic_version (\n"
    "\tversion_num VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
    ");\n"
    "CREATE TABLE experiment_tags (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue VARCHAR(5000), \n"
    "\texperiment_id INTEGER NOT NULL, \n"
    "\tCONSTRAINT experiment_tag_pk PRIMARY KEY (\"key\", experiment_id), \n"
    "\tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)\n"
    ");\n"
    "CREATE TABLE \"tags\" (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue VARCHAR(5000), \n"
    "\trun_uuid VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT tag_pk PRIMARY KEY (\"key\", run_uuid), \n"
    "\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)\n"
    ");\n"
    "CREATE TABLE registered_models (\n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tcreation_time BIGINT, \n"
    "\tlast_updated_time BIGINT, \n"
    "\tdescription VARCHAR(5000), \n"
    "\tCONSTRAINT registered_model_pk PRIMARY KEY (name), \n"
    "\tUNIQUE (name)\n"
    ");\n"
    "CREATE TABLE \"runs\" (\n"
    "\trun_uuid VARCHAR(32) NOT NULL, \n"
    "\tname VARCHAR(250), \n"
    "\tsource_type VARCHAR(20), \n"
    "\tsource_name VARCHAR(500), \n"
    "\tentry_point_name VARCHAR(50), \n"
    "\tuser_id VARCHAR(256), \n"
    "\tstatus VARCHAR(9), \n"
    "\tstart_time BIGINT, \n"
    "\tend_time BIGINT, \n"
    "\tsource_version VARCHAR(50), \n"
    "\tlifecycle_stage VARCHAR(20), \n"
    "\tartifact_uri VARCHAR(200), \n"
    "\texperiment_id INTEGER, deleted_time BIGINT, \n"
    "\tCONSTRAINT run_pk PRIMARY KEY (run_uuid), \n"
    "\tCONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')), \n"
    "\tCONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')), \n"
    "\tCHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')), \n"
    "\tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)\n"
    ");\n"
    "CREATE TABLE registered_model_tags (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue VARCHAR(5000), \n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tCONSTRAINT registered_model_tag_pk PRIMARY KEY (\"key\", name), \n"
    "\tFOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE cascade\n"
    ");\n"
    "CREATE TABLE model_version_tags (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue VARCHAR(5000), \n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tversion INTEGER NOT NULL, \n"
    "\tCONSTRAINT model_version_tag_pk PRIMARY KEY (\"key\", name, version), \n"
    "\tFOREIGN KEY(name, version) REFERENCES model_versions (name, version) ON UPDATE cascade\n"
    ");\n"
    "CREATE TABLE \"model_versions\" (\n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tversion INTEGER NOT NULL, \n"
    "\tcreation_time BIGINT, \n"
    "\tlast_updated_time BIGINT, \n"
    "\tdescription VARCHAR(5000), \n"
    "\tuser_id VARCHAR(256), \n"
    "\tcurrent_stage VARCHAR(20), \n"
    "\tsource VARCHAR(500), \n"
    "\trun_id VARCHAR(32), \n"
    "\tstatus VARCHAR(20), \n"
    "\tstatus_message VARCHAR(500), \n"
    "\trun_link VARCHAR(500), storage_location VARCHAR(500), \n"
    "\tCONSTRAINT model_version_pk PRIMARY KEY (name, version), \n"
    "\tFOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE CASCADE\n"
    ");\n"
    "CREATE TABLE \"latest_metrics\" (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue FLOAT NOT NULL, \n"
    "\ttimestamp BIGINT, \n"
    "\tstep BIGINT NOT NULL, \n"
    "\tis_nan BOOLEAN NOT NULL, \n"
    "\trun_uuid VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT latest_metric_pk PRIMARY KEY (\"key\", run_uuid), \n"
    "\tCHECK (is_nan IN (0, 1)), \n"
    "\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)\n"
    ");\n"
    "CREATE TABLE \"metrics\" (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue FLOAT NOT NULL, \n"
    "\ttimestamp BIGINT NOT NULL, \n"
    "\trun_uuid VARCHAR(32) NOT NULL, \n"
    "\tstep BIGINT DEFAULT '0' NOT NULL, \n"
    "\tis_nan BOOLEAN DEFAULT '0' NOT NULL, \n"
    "\tCONSTRAINT metric_pk PRIMARY KEY (\"key\", timestamp, step, run_uuid, value, is_nan), \n"
    "\tCHECK (is_nan IN (0, 1)), \n"
    "\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)\n"
    ");\n"
    "CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);\n"
    "CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid);\n"
    "CREATE INDEX index_tags_run_uuid ON tags (run_uuid);\n"
    "CREATE TABLE registered_model_aliases (\n"
    "\talias VARCHAR(256) NOT NULL, \n"
    "\tversion INTEGER NOT NULL, \n"
    "\tname VARCHAR(256) NOT NULL, \n"
    "\tCONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias), \n"
    "\tCONSTRAINT registered_model_alias_name_fkey FOREIGN KEY(name) REFERENCES registered_models (name) ON DELETE cascade ON UPDATE cascade\n"
    ");\n"
    "CREATE TABLE datasets (\n"
    "\tdataset_uuid VARCHAR(36) NOT NULL, \n"
    "\texperiment_id INTEGER NOT NULL, \n"
    "\tname VARCHAR(500) NOT NULL, \n"
    "\tdigest VARCHAR(36) NOT NULL, \n"
    "\tdataset_source_type VARCHAR(36) NOT NULL, \n"
    "\tdataset_source TEXT NOT NULL, \n"
    "\tdataset_schema TEXT, \n"
    "\tdataset_profile TEXT, \n"
    "\tCONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest), \n"
    "\tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)\n"
    ");\n"
    "CREATE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid);\n"
    "CREATE INDEX index_datasets_experiment_id_dataset_source_type ON datasets (experiment_id, dataset_source_type);\n"
    "CREATE TABLE inputs (\n"
    "\tinput_uuid VARCHAR(36) NOT NULL, \n"
    "\tsource_type VARCHAR(36) NOT NULL, \n"
    "\tsource_id VARCHAR(36) NOT NULL, \n"
    "\tdestination_type VARCHAR(36) NOT NULL, \n"
    "\tdestination_id VARCHAR(36) NOT NULL, \n"
    "\tCONSTRAINT inputs_pk PRIMARY KEY (source_type, source_id, destination_type, destination_id)\n"
    ");\n"
    "CREATE INDEX index_inputs_destination_type_destination_id_source_type ON inputs (destination_type, destination_id, source_type);\n"
    "CREATE INDEX index_inputs_input_uuid ON inputs (input_uuid);\n"
    "CREATE TABLE input_tags (\n"
    "\tinput_uuid VARCHAR(36) NOT NULL, \n"
    "\tname VARCHAR(255) NOT NULL, \n"
    "\tvalue VARCHAR(500) NOT NULL, \n"
    "\tCONSTRAINT input_tags_pk PRIMARY KEY (input_uuid, name)\n"
    ");\n"
    "CREATE TABLE \"params\" (\n"
    "\t\"key\" VARCHAR(250) NOT NULL, \n"
    "\tvalue VARCHAR(8000) NOT NULL, \n"
    "\trun_uuid VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT param_pk PRIMARY KEY (\"key\", run_uuid), \n"
    "\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)\n"
    ");\n"
    "CREATE INDEX index_params_run_uuid ON params (run_uuid);\n";

constexpr const char *kAlembicRevision = "acf3f17fdcc7";
/// The clock of every generated timestamp (2023-11-14T22:13:20Z): fixed, so output is repeatable.
constexpr qint64 kT0 = 1700000000000;
constexpr const char *kUser = "bench";

// splitmix64's finaliser: a fast, well-mixed hash of 64 bits.
constexpr quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 hash(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0)
{
    return mix(mix(mix(mix(seed) ^ a) ^ b) ^ c);
}

/// Uniform in [0, 1).
double unit(quint64 h)
{
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

// Tags that separate the hash streams, so that e.g. run ids and param values never correlate.
enum Stream : quint64 { RunIdLow = 1, RunIdHigh, MetricValue, ParamValue, MetricShape };

QByteArray numberText(double v)
{
    // Shortest text that reads back as the same double, as Python's repr() writes it for MLflow.
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QByteArray(buf, int(r.ptr - buf));
}

QString metricKey(int m)
{
    return u"metric_"_s + QString::number(m).rightJustified(3, u'0');
}

QString paramKey(int p)
{
    return u"param_"_s + QString::number(p).rightJustified(3, u'0');
}

QString runName(qint64 index)
{
    return u"run-"_s + QString::number(index + 1).rightJustified(6, u'0');
}

qint64 startTime(qint64 index)
{
    return kT0 + 1000 * (index + 1);
}

qint64 endTime(qint64 index, qint64 steps)
{
    return startTime(index) + steps + 500;
}

QString experimentName(int index)
{
    return index == 0 ? u"Default"_s : u"bench-"_s + QString::number(index);
}

Error storageError(const QString &path, int err)
{
    return makeError(ErrorCategory::Storage,
                     Tr::tr("Cannot write the file: %1").arg(QString::fromLocal8Bit(std::strerror(err))), path);
}

// ------------------------------------------------------------------------------- file store

/// Writes files with plain POSIX calls: a large store is hundreds of thousands of small files.
class FileStoreOutput {
public:
    FileStoreOutput(QString root, QString artifactRoot) : m_root(std::move(root)), m_artifactRoot(std::move(artifactRoot)) {}

    Status makeDir(const QString &path) const
    {
        if (::mkdir(QFile::encodeName(path).constData(), 0777) != 0 && errno != EEXIST)
            return makeError(ErrorCategory::Storage,
                             Tr::tr("Cannot create the folder: %1").arg(QString::fromLocal8Bit(std::strerror(errno))), path);
        return {};
    }

    Status writeFile(const QString &path, const QByteArray &data) const
    {
        const QByteArray name = QFile::encodeName(path);
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0)
            return storageError(path, errno);
        qsizetype done = 0;
        while (done < data.size()) {
            const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                const int err = n < 0 ? errno : ENOSPC;
                ::close(fd);
                return storageError(path, err);
            }
            done += n;
        }
        if (::close(fd) != 0)
            return storageError(path, errno);
        return {};
    }

    /// MLflow records artifact locations as absolute file:// URIs (pathlib's as_uri()).
    QString artifactUri(const QString &relative) const
    {
        return QString::fromLatin1(QUrl::fromLocalFile(m_artifactRoot + u'/' + relative).toEncoded());
    }

    Status begin() const
    {
        if (Status s = makeDir(m_root); !s)
            return s;
        // MLflow's FileStore makes `.trash` when it opens a store.
        return makeDir(m_root + u"/.trash"_s);
    }

    Status experiment(const Experiment &e) const
    {
        const QString dir = m_root + u'/' + e.experimentId;
        if (Status s = makeDir(dir); !s)
            return s;
        const YamlValue meta = YamlValue::map({
            {u"artifact_location"_s, YamlValue::str(artifactUri(e.experimentId))},
            {u"creation_time"_s, YamlValue::integer(e.creationTime)},
            {u"experiment_id"_s, YamlValue::str(e.experimentId)},
            {u"last_update_time"_s, YamlValue::integer(e.lastUpdateTime)},
            {u"lifecycle_stage"_s, YamlValue::str(u"active"_s)},
            {u"name"_s, YamlValue::str(e.name)},
        });
        return writeFile(dir + u"/meta.yaml"_s, mlflowyaml::dump(meta));
    }

    Status run(const DatasetGenerator &g, qint64 index, const Run &r) const
    {
        const QString dir = m_root + u'/' + r.experimentId + u'/' + r.runId;
        for (const QString &d : {dir, QString(dir + u"/metrics"_s), QString(dir + u"/params"_s), QString(dir + u"/tags"_s)})
            if (Status s = makeDir(d); !s)
                return s;
        const YamlValue meta = YamlValue::map({
            {u"artifact_uri"_s, YamlValue::str(artifactUri(r.experimentId + u'/' + r.runId + u"/artifacts"_s))},
            {u"end_time"_s, YamlValue::integer(r.endTime.value_or(0))},
            {u"entry_point_name"_s, YamlValue::str({})},
            {u"experiment_id"_s, YamlValue::str(r.experimentId)},
            {u"lifecycle_stage"_s, YamlValue::str(u"active"_s)},
            {u"run_id"_s, YamlValue::str(r.runId)},
            {u"run_name"_s, YamlValue::str(r.runName)},
            {u"run_uuid"_s, YamlValue::str(r.runId)},
            {u"source_name"_s, YamlValue::str({})},
            {u"source_type"_s, YamlValue::integer(4)},  // SourceType.LOCAL
            {u"source_version"_s, YamlValue::str({})},
            {u"start_time"_s, YamlValue::integer(r.startTime)},
            {u"status"_s, YamlValue::integer(3)},  // RunStatus.FINISHED
            {u"tags"_s, YamlValue::seq()},
            {u"user_id"_s, YamlValue::str(r.userId)},
        });
        if (Status s = writeFile(dir + u"/meta.yaml"_s, mlflowyaml::dump(meta)); !s)
            return s;
        for (const auto &p : r.params)
            if (Status s = writeFile(dir + u"/params/"_s + p.key, p.value.toUtf8()); !s)
                return s;
        for (const auto &t : r.tags)
            if (Status s = writeFile(dir + u"/tags/"_s + t.key, t.value.toUtf8()); !s)
                return s;
        // Points come straight from the generator, so a long history is never held as a list.
        QByteArray lines;
        for (int m = 0; m < g.spec().metrics; ++m) {
            lines.clear();
            for (qint64 s = 0; s < g.spec().steps; ++s) {
                const MetricPoint p = g.point(index, m, s);
                lines += QByteArray::number(p.timestamp) + ' ' + numberText(p.value) + ' ' + QByteArray::number(p.step) + '\n';
            }
            if (Status s = writeFile(dir + u"/metrics/"_s + metricKey(m), lines); !s)
                return s;
        }
        return {};
    }

private:
    QString m_root;
    QString m_artifactRoot;
};

// ------------------------------------------------------------------------------- database

class DatabaseOutput {
public:
    explicit DatabaseOutput(QString path) : m_path(std::move(path)) {}

    Status begin()
    {
        if (QFileInfo::exists(m_path))
            return makeError(ErrorCategory::BadInput, Tr::tr("The file exists already."), m_path);
        if (!m_db.open(m_path, OpenMode::Create))
            return error();
        // The file is private until it is complete (see writeInto), so a crash may lose it whole.
        if (Status s = exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"); !s)
            return s;
        if (Status s = exec(kMlflowSchema); !s)
            return s;
        if (Status s = exec("BEGIN"); !s)
            return s;
        if (Status s = exec(QByteArray("INSERT INTO alembic_version VALUES ('") + kAlembicRevision + "')"); !s)
            return s;
        const std::pair<Statement *, const char *> statements[] = {
            {&m_run, "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status,"
                     " start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time)"
                     " VALUES (?1, ?2, 'LOCAL', '', '', ?3, 'FINISHED', ?4, ?5, '', 'active', ?6, ?7, NULL)"},
            {&m_tag, "INSERT INTO tags (key, value, run_uuid) VALUES (?1, ?2, ?3)"},
            {&m_param, "INSERT INTO params (key, value, run_uuid) VALUES (?1, ?2, ?3)"},
            {&m_metric, "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?1, ?2, ?3, ?4, ?5, 0)"},
            {&m_latest, "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?1, ?2, ?3, ?4, 0, ?5)"},
        };
        for (const auto &[st, sql] : statements) {
            *st = m_db.prepare(QString::fromLatin1(sql));
            if (!st->isValid())
                return error();
        }
        return {};
    }

    Status experiment(const Experiment &e)
    {
        Statement st = m_db.prepare(u"INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage,"
                                    u" creation_time, last_update_time) VALUES (?1, ?2, ?3, 'active', ?4, ?5)"_s);
        st.bind(1, e.experimentId.toLongLong());
        st.bindUtf8(2, e.name.toUtf8());
        st.bindUtf8(3, e.artifactLocation.toUtf8());
        st.bind(4, e.creationTime);
        st.bind(5, e.lastUpdateTime);
        return step(st);
    }

    Status run(const DatasetGenerator &g, qint64 index, const Run &r)
    {
        const QByteArray id = r.runId.toUtf8();
        m_run.bindUtf8(1, id);
        m_run.bindUtf8(2, r.runName.toUtf8());
        m_run.bindUtf8(3, r.userId.toUtf8());
        m_run.bind(4, r.startTime);
        m_run.bind(5, r.endTime.value_or(0));
        m_run.bindUtf8(6, r.artifactUri.toUtf8());
        m_run.bind(7, r.experimentId.toLongLong());
        if (Status s = step(m_run); !s)
            return s;
        for (const auto *list : {&r.tags, &r.params}) {
            Statement &st = list == &r.tags ? m_tag : m_param;
            for (const auto &kv : *list) {
                st.bindUtf8(1, kv.key.toUtf8());
                st.bindUtf8(2, kv.value.toUtf8());
                st.bindUtf8(3, id);
                if (Status s = step(st); !s)
                    return s;
            }
        }
        for (int m = 0; m < g.spec().metrics; ++m) {
            const QByteArray key = metricKey(m).toUtf8();
            MetricPoint last;
            for (qint64 s = 0; s < g.spec().steps; ++s) {
                last = g.point(index, m, s);
                m_metric.bindUtf8(1, key);
                m_metric.bind(2, last.value);
                m_metric.bind(3, last.timestamp);
                m_metric.bindUtf8(4, id);
                m_metric.bind(5, last.step);
                if (Status st = step(m_metric); !st)
                    return st;
            }
            // Steps and timestamps rise together, so the last point is MLflow's latest value.
            m_latest.bindUtf8(1, key);
            m_latest.bind(2, last.value);
            m_latest.bind(3, last.timestamp);
            m_latest.bind(4, last.step);
            m_latest.bindUtf8(5, id);
            if (Status st = step(m_latest); !st)
                return st;
        }
        return {};
    }

    Status finish()
    {
        if (Status s = exec("COMMIT"); !s)
            return s;
        for (Statement *st : {&m_run, &m_tag, &m_param, &m_metric, &m_latest})
            *st = Statement();
        m_db.close();
        return {};
    }

private:
    /// Runs a statement that returns no rows; it is ready for the next run afterwards.
    Status step(Statement &st) { return st.exec() ? Status() : error(); }

    Status exec(const QByteArray &sql) { return m_db.exec(QString::fromUtf8(sql)) ? Status() : error(); }

    /// The failure SQLite reported last, worded for the generator.
    Error error() const
    {
        return makeError(ErrorCategory::Storage,
                         Tr::tr("Cannot write the database: %1").arg(m_db.lastFailure().message), m_path);
    }

    QString m_path;
    Database m_db;  // declared before the statements, so that it is closed after they are finalized
    Statement m_run, m_tag, m_param, m_metric, m_latest;
};

QString absolutePath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

DatasetGenerator::DatasetGenerator(DatasetSpec spec) : m_spec(spec) {}

Status DatasetGenerator::check(const DatasetSpec &spec)
{
    auto range = [](const char *field, qint64 value, qint64 low, qint64 high) -> Status {
        if (value >= low && value <= high)
            return {};
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("must be a whole number from %1 to %2, not %3").arg(low).arg(high).arg(value),
                         QLatin1String(field));
    };
    for (Status s : {range("runs", spec.runs, 1, DatasetSpec::kMaxRuns), range("metrics", spec.metrics, 0, DatasetSpec::kMaxKeys),
                     range("params", spec.params, 0, DatasetSpec::kMaxKeys), range("steps", spec.steps, 1, DatasetSpec::kMaxSteps),
                     range("experiments", spec.experiments, 1, DatasetSpec::kMaxExperiments)})
        if (!s)
            return s;
    return {};
}

DatasetCounts DatasetGenerator::counts() const
{
    DatasetCounts c;
    c.experiments = m_spec.experiments + 1;
    c.runs = m_spec.runs;
    c.latestMetrics = m_spec.runs * m_spec.metrics;
    c.metricPoints = c.latestMetrics * m_spec.steps;
    c.params = m_spec.runs * m_spec.params;
    c.tags = m_spec.runs * 3;
    return c;
}

QString DatasetGenerator::runId(qint64 index) const
{
    const quint64 halves[] = {hash(m_spec.seed, RunIdHigh, quint64(index)), hash(m_spec.seed, RunIdLow, quint64(index))};
    QString id;
    for (quint64 h : halves)
        id += QString::number(h, 16).rightJustified(16, u'0');
    return id;
}

int DatasetGenerator::experimentOf(qint64 index) const
{
    return 1 + int(index * m_spec.experiments / m_spec.runs);
}

QString DatasetGenerator::paramValue(qint64 index, int param) const
{
    const quint64 h = hash(m_spec.seed, ParamValue, quint64(index), quint64(param));
    // Integers, decimals and words, like real hyper-parameters, so that filters have work to do.
    switch (param % 3) {
    case 0:
        return QString::number(1 + h % 1000);
    case 1:
        return QString::fromLatin1(numberText(double(1 + h % 10000) / 100000.0));
    default: {
        static const char *const words[] = {"adam", "sgd", "rmsprop", "adagrad", "lbfgs"};
        return QLatin1String(words[h % 5]);
    }
    }
}

Experiment DatasetGenerator::experiment(int index) const
{
    Experiment e;
    e.experimentId = QString::number(index);
    e.name = experimentName(index);
    e.artifactLocation = u"mlflow-artifacts:/"_s + e.experimentId;
    e.creationTime = kT0 + index;
    e.lastUpdateTime = kT0 + index;
    return e;
}

MetricPoint DatasetGenerator::point(qint64 index, int metric, qint64 step) const
{
    // Half the metrics fall like a loss, half rise like a score, each with its own level and noise.
    const double level = unit(hash(m_spec.seed, MetricShape, quint64(index), quint64(metric)));
    const double noise = unit(hash(m_spec.seed, MetricValue, quint64(index), (quint64(metric) << 32) ^ quint64(step)));
    const double progress = double(step + 1) / double(m_spec.steps);
    const double v = metric % 2 == 0 ? (0.2 + level) * (1.0 - 0.7 * progress) + 0.05 * noise
                                     : 0.5 + 0.4 * progress * (0.5 + 0.5 * level) + 0.05 * noise;
    // Six decimals: short, exact text in the file store.
    return MetricPoint{metricKey(metric), std::round(v * 1e6) / 1e6, startTime(index) + step, step};
}

Run DatasetGenerator::runHead(qint64 index) const
{
    Run r;
    r.runId = runId(index);
    r.experimentId = QString::number(experimentOf(index));
    r.runName = runName(index);
    r.userId = QLatin1String(kUser);
    r.status = u"FINISHED"_s;
    r.startTime = startTime(index);
    r.endTime = endTime(index, m_spec.steps);
    r.artifactUri = u"mlflow-artifacts:/"_s + r.experimentId + u'/' + r.runId + u"/artifacts"_s;
    r.params.reserve(m_spec.params);
    for (int p = 0; p < m_spec.params; ++p)
        r.params.append(KeyValue{paramKey(p), paramValue(index, p)});
    // Sorted by key, as the readers deliver them.
    r.tags = {KeyValue{u"mlflow.runName"_s, r.runName}, KeyValue{u"mlflow.source.type"_s, u"LOCAL"_s},
              KeyValue{u"mlflow.user"_s, r.userId}};
    return r;
}

Run DatasetGenerator::run(qint64 index) const
{
    Run r = runHead(index);
    r.hasHistory = true;
    r.history.reserve(qsizetype(m_spec.metrics) * m_spec.steps);
    for (int m = 0; m < m_spec.metrics; ++m) {
        for (qint64 s = 0; s < m_spec.steps; ++s)
            r.history.append(point(index, m, s));
        r.latestMetrics.append(r.history.last());
    }
    return r;
}

Status DatasetGenerator::write(const QString &mlrunsPath, const QString &dbPath, const std::atomic_bool &cancel,
                               const ProgressFn &progress, const QString &artifactRoot) const
{
    if (Status s = check(m_spec); !s)
        return s;
    std::optional<FileStoreOutput> files;
    std::optional<DatabaseOutput> db;
    if (!mlrunsPath.isEmpty()) {
        const QString root = absolutePath(mlrunsPath);
        if (QFileInfo::exists(root))
            return makeError(ErrorCategory::BadInput, Tr::tr("The folder exists already."), root);
        files.emplace(root, artifactRoot.isEmpty() ? root : absolutePath(artifactRoot));
        if (Status s = files->begin(); !s)
            return s;
    }
    if (!dbPath.isEmpty()) {
        db.emplace(absolutePath(dbPath));
        if (Status s = db->begin(); !s)
            return s;
    }
    for (int e = 0; e <= m_spec.experiments; ++e) {
        const Experiment exp = experiment(e);
        if (files)
            if (Status s = files->experiment(exp); !s)
                return s;
        if (db)
            if (Status s = db->experiment(exp); !s)
                return s;
    }
    for (qint64 i = 0; i < m_spec.runs; ++i) {
        if (cancel)
            return makeError(ErrorCategory::Cancelled, Tr::tr("Cancelled; nothing was written."));
        // The run without its history: writers take the points from point() one at a time.
        const Run r = runHead(i);
        if (files)
            if (Status s = files->run(*this, i, r); !s)
                return s;
        if (db)
            if (Status s = db->run(*this, i, r); !s)
                return s;
        if (progress)
            progress(i + 1, m_spec.runs);
    }
    if (db)
        return db->finish();
    return {};
}

bool DatasetGenerator::isFreeTarget(const QString &dir)
{
    const QFileInfo info(absolutePath(dir));
    if (!info.exists() && !info.isSymLink())
        return true;
    return info.isDir() && QDir(info.absoluteFilePath()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

Status DatasetGenerator::writeInto(const QString &dir, bool replace, const std::atomic_bool &cancel,
                                   const ProgressFn &progress) const
{
    if (dir.isEmpty())
        return makeError(ErrorCategory::BadInput, Tr::tr("No folder given."));
    if (Status s = check(m_spec); !s)
        return s;
    const QString target = absolutePath(dir);
    const QFileInfo info(target);
    if ((info.exists() || info.isSymLink()) && !info.isDir())
        return makeError(ErrorCategory::BadInput, Tr::tr("This path exists and is not a folder."), target);
    const bool free = isFreeTarget(target);
    if (!free && !replace)
        return makeError(ErrorCategory::BadInput, Tr::tr("The folder is not empty; nothing was written."), target);
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return makeError(ErrorCategory::Storage, Tr::tr("Cannot create the folder."), parent);

    // A hidden sibling on the same file system, so that the finished data moves in by rename();
    // QTemporaryDir removes it again on an error or cancel.
    QTemporaryDir staging(parent + u"/."_s + info.fileName() + u".partial-XXXXXX"_s);
    if (!staging.isValid())
        return makeError(ErrorCategory::Storage, Tr::tr("Cannot create a folder here: %1").arg(staging.errorString()), parent);
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther);
    if (Status s = write(staging.filePath(u"mlruns"_s), staging.filePath(u"mlflow.db"_s), cancel, progress,
                         target + u"/mlruns"_s);
        !s)
        return s;
    if (cancel)
        return makeError(ErrorCategory::Cancelled, Tr::tr("Cancelled; nothing was written."));

    auto rename = [](const QString &from, const QString &to) -> Status {
        // POSIX rename(): atomic, and it replaces an empty folder, which QDir::rename refuses.
        std::error_code ec;
        std::filesystem::rename(std::filesystem::path(QFile::encodeName(from).toStdString()),
                                std::filesystem::path(QFile::encodeName(to).toStdString()), ec);
        if (ec)
            return makeError(ErrorCategory::Storage,
                             Tr::tr("Cannot move the data into place: %1").arg(QString::fromLocal8Bit(ec.message())), to);
        return {};
    };
    if (free) {
        if (Status s = rename(staging.path(), target); !s)
            return s;
        staging.setAutoRemove(false);  // it is the target now
        return {};
    }
    for (const QString &old : {u"mlflow.db"_s, u"mlflow.db-journal"_s, u"mlflow.db-wal"_s, u"mlflow.db-shm"_s}) {
        const QString path = target + u'/' + old;
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return makeError(ErrorCategory::Storage, Tr::tr("Cannot remove the old file."), path);
    }
    if (QFileInfo::exists(target + u"/mlruns"_s) && !QDir(target + u"/mlruns"_s).removeRecursively())
        return makeError(ErrorCategory::Storage, Tr::tr("Cannot remove the old folder."), target + u"/mlruns"_s);
    if (Status s = rename(staging.filePath(u"mlflow.db"_s), target + u"/mlflow.db"_s); !s)
        return s;
    return rename(staging.filePath(u"mlruns"_s), target + u"/mlruns"_s);
}

} // namespace md
