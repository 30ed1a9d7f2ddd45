// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/mlflowdb/MlflowDbSource.h"

#include "sources/SinkRelay.h"
#include "sqlite/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MlflowDbSource)
};

// The alembic revisions of MLflow's SQL store in migration order (each one's down_revision is the
// one before), from `89d4b8295536_create_latest_metrics_table` (MLflow 1.4) to the head of MLflow
// 3.5/3.6. The chain from 2.10's head on was read from mlflow/mlflow
// `mlflow/store/db_migrations/versions/*.py` (`revision` / `down_revision` of each file), and its
// head is the one MLflow 3.6 stamps (tests/data/mlflow3/mlflow.db). The migrations MLflow added
// after it (secrets, trace metrics, workspaces …) are deliberately not here: a file migrated by
// them is read as "newer" (what is known, no writes) until a build is checked against it.
const QStringList kKnownRevisions = {
    // MLflow 1.x
    u"89d4b8295536"_s, // create_latest_metrics_table (1.4)
    u"2b4d017a5e9b"_s, // add_model_registry_tables_to_db
    u"cfd24bdc0731"_s, // update_run_status_constraint_with_killed
    u"0a8213491aaa"_s, // drop_duplicate_killed_constraint
    u"728d730b5ebd"_s, // add_registered_model_tags_table
    u"27a6a02d2cf1"_s, // add_model_version_tags_table
    u"84291f40a231"_s, // add_run_link_to_model_version
    u"a8c4a736bde6"_s, // allow_nulls_for_run_id
    u"39d1c3be5f05"_s, // add_is_nan_constraint_for_metrics_tables_if_necessary
    u"c48cb773bb87"_s, // reset_default_value_for_is_nan_in_metrics_table_for_mysql
    u"bd07f7e963c5"_s, // create_index_on_run_uuid
    u"0c779009ac13"_s, // add_deleted_time_field_to_runs_table
    // MLflow 2.x
    u"cc1f77228345"_s, // change_param_value_length_to_500
    u"97727af70f4d"_s, // creation_time_last_update_time_experiments
    u"3500859a5d39"_s, // add_model_aliases_table (2.3)
    u"7f2a7d5fae7d"_s, // add_datasets_inputs_input_tags_tables (2.4)
    u"2d6e25af4d3e"_s, // increase_max_param_val_length
    u"acf3f17fdcc7"_s, // add_storage_location_field_to_model_versions (2.10, tests/data/mlflow.db)
    u"867495a8f9d4"_s, // add_trace_tables
    u"5b0e9adcef9c"_s, // add_cascade_deletion_to_trace_tables_fk
    u"4465047574b1"_s, // increase_max_dataset_schema_size
    u"f5a4f2784254"_s, // increase_run_tag_value_limit
    u"0584bdc529eb"_s, // add_cascading_deletion_to_datasets_from_experiments
    // MLflow 3.x
    u"400f98739977"_s, // add_logged_model_tables (3.0)
    u"6953534de441"_s, // add_step_to_inputs_table
    u"bda7b8c39065"_s, // increase_model_version_tag_value_limit
    u"cbc13b556ace"_s, // add_v3_trace_schema_columns
    u"770bee3ae1dd"_s, // add_assessments_table
    u"a1b2c3d4e5f6"_s, // add_spans_table
    u"de4033877273"_s, // create_entity_associations
    u"1a0cddfcaa16"_s, // add_webhooks_and_webhook_events_tables
    u"534353b11cbc"_s, // add_scorer_table
    u"71994744cf8e"_s, // add_evaluation_datasets
    u"3da73c924c2f"_s, // add_outputs_to_dataset_record
    u"bf29a5ff90ea"_s, // add_jobs_table (3.5, 3.6: tests/data/mlflow3/mlflow.db)
};

// Revisions before latest_metrics existed (MLflow < 1.4): known, but too old to read.
const QStringList kTooOldRevisions = {
    u"ff01da956556"_s, u"451aebb31d03"_s, u"90e64c465722"_s,
    u"181f10493468"_s, u"df50e92ffc5e"_s, u"7ac759974ad8"_s,
};

// Tables every readable schema has; the others (registry, aliases, datasets, inputs) are optional.
const char *const kRequiredTables[] = {"experiments", "experiment_tags", "runs",    "tags",
                                       "params",      "metrics",         "latest_metrics"};

/// The error for a failed SQLite call on the database `db`, naming its file.
Error readError(const Database &db)
{
    const SqliteCode code = db.lastFailure().code;
    const bool broken = code == SqliteCode::Corrupt || code == SqliteCode::NotADatabase || code == SqliteCode::Format;
    return makeError(broken ? ErrorCategory::BadInput : ErrorCategory::Storage,
                     Tr::tr("cannot read the MLflow database: %1").arg(db.lastFailure().message), db.path());
}

/// The reader builds its SQL as UTF-8.
Statement prepare(Database &db, const QByteArray &sql) { return db.prepare(QString::fromUtf8(sql)); }

quint32 bigEndian32(const QByteArray &b, int at)
{
    return (quint32(quint8(b[at])) << 24) | (quint32(quint8(b[at + 1])) << 16) | (quint32(quint8(b[at + 2])) << 8)
           | quint32(quint8(b[at + 3]));
}

/// Checks the 100-byte SQLite header: is this an SQLite file, and is it complete?
Status checkHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCategory::Storage, Tr::tr("cannot open the file: %1").arg(f.errorString()), path);
    const QByteArray h = f.read(100);
    if (h.size() < 100 || !h.startsWith(QByteArray("SQLite format 3\0", 16)))
        return makeError(ErrorCategory::BadInput, Tr::tr("not an MLflow database (not an SQLite file)"), path);
    const quint32 rawPageSize = (quint32(quint8(h[16])) << 8) | quint32(quint8(h[17]));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pageCount = bigEndian32(h, 28);
    // The in-header page count is only valid when the change counter matches "version-valid-for".
    const bool countValid = pageCount > 0 && bigEndian32(h, 24) == bigEndian32(h, 92);
    if (countValid && f.size() < pageSize * pageCount)
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("the MLflow database is truncated: the file has %1 of %2 bytes")
                             .arg(f.size())
                             .arg(pageSize * qint64(pageCount)),
                         path);
    return {};
}

QString stageName(const QString &stored)
{
    for (const QString *s : {&kStageNone, &kStageStaging, &kStageProduction, &kStageArchived})
        if (stored.compare(*s, Qt::CaseInsensitive) == 0)
            return *s;
    return stored.isEmpty() ? kStageNone : stored;
}

/// The tables and columns of one database, read in one query. The reader builds its SQL from
/// them: a column that a newer MLflow renamed or dropped is then left out instead of failing the read.
class Schema {
public:
    Status load(Database &db)
    {
        Statement st = prepare(db, "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
                                   "WHERE m.type = 'table'");
        if (!st.isValid())
            return readError(db);
        m_columns.clear();
        while (st.next())
            m_columns[st.text(0)].insert(st.text(1));
        if (st.error())
            return readError(db);
        return {};
    }

    bool hasTable(const char *table) const { return m_columns.contains(QLatin1String(table)); }
    bool has(const char *table, const char *column) const
    {
        const auto it = m_columns.constFind(QLatin1String(table));
        return it != m_columns.cend() && it->contains(QLatin1String(column));
    }
    /// `column` when the table has it, else NULL: for the columns a reader can do without.
    QByteArray pick(const char *table, const char *column) const
    {
        return has(table, column) ? QByteArray(column) : QByteArray("NULL");
    }
    /// Whether `table` exists with every one of `columns`. A table that exists without one of them
    /// adds "table.column" to `skipped`; a missing table is just absent (an older schema).
    bool usable(const char *table, std::initializer_list<const char *> columns, QStringList &skipped) const
    {
        if (!hasTable(table))
            return false;
        bool all = true;
        for (const char *c : columns) {
            if (!has(table, c)) {
                skipped.append(QLatin1String(table) + u'.' + QLatin1String(c));
                all = false;
            }
        }
        return all;
    }
    /// The first of `columns` that `table` lacks as "table.column" (all of them when the table is
    /// missing), or empty.
    QString firstMissing(const char *table, std::initializer_list<const char *> columns) const
    {
        for (const char *c : columns)
            if (!has(table, c))
                return QLatin1String(table) + u'.' + QLatin1String(c);
        return {};
    }

private:
    QHash<QString, QSet<QString>> m_columns;
};

/// The optional parts of MLflow's schema that a file has with every column the reader needs.
struct Parts {
    bool experimentTags = false;
    bool datasetInputs = false;
    bool inputTags = false;
    bool inputStep = false;  ///< inputs.step (MLflow 3): a model output's step
    bool modelIo = false;
    bool loggedModels = false;
    bool loggedModelParams = false;
    bool loggedModelTags = false;
    bool loggedModelMetrics = false;
    bool registry = false;
    bool modelTags = false;
    bool aliases = false;
    bool versions = false;
    bool versionTags = false;
    /// Parts left out because a table lacks a column ("table.column"): a newer schema, or damage.
    QStringList skipped;
};

Parts partsOf(const Schema &s)
{
    Parts p;
    QStringList &k = p.skipped;
    p.experimentTags = s.usable("experiment_tags", {"experiment_id", "key", "value"}, k);
    const bool inputs =
        s.usable("inputs", {"input_uuid", "source_type", "source_id", "destination_type", "destination_id"}, k);
    p.datasetInputs = inputs && s.usable("datasets", {"dataset_uuid", "name", "digest"}, k);
    p.inputTags = p.datasetInputs && s.usable("input_tags", {"input_uuid", "name", "value"}, k);
    p.inputStep = inputs && s.has("inputs", "step");
    // Runs' model inputs and outputs are rows of the same table with other source and destination types.
    p.modelIo = inputs;
    p.loggedModels = s.usable("logged_models", {"model_id", "experiment_id"}, k);
    p.loggedModelParams =
        p.loggedModels && s.usable("logged_model_params", {"model_id", "param_key", "param_value"}, k);
    p.loggedModelTags = p.loggedModels && s.usable("logged_model_tags", {"model_id", "tag_key", "tag_value"}, k);
    p.loggedModelMetrics =
        p.loggedModels && s.usable("logged_model_metrics", {"model_id", "metric_name", "metric_value"}, k);
    p.registry = s.usable("registered_models", {"name"}, k);
    p.modelTags = p.registry && s.usable("registered_model_tags", {"name", "key", "value"}, k);
    p.aliases = p.registry && s.usable("registered_model_aliases", {"name", "alias", "version"}, k);
    p.versions = p.registry && s.usable("model_versions", {"name", "version"}, k);
    p.versionTags = p.versions && s.usable("model_version_tags", {"name", "version", "key", "value"}, k);
    return p;
}

/// Checks the columns without which nothing can be read: BadInput naming the first one missing
/// and, for a newer schema, its revision.
Status checkCoreColumns(const Schema &s, const QString &path, const MlflowDbSource::SchemaInfo &info)
{
    QString missing = s.firstMissing("experiments", {"experiment_id"});
    if (missing.isEmpty())
        missing = s.firstMissing("runs", {"run_uuid", "experiment_id"});
    for (const char *table : {"params", "tags"})
        if (missing.isEmpty())
            missing = s.firstMissing(table, {"run_uuid", "key", "value"});
    for (const char *table : {"metrics", "latest_metrics"})
        if (missing.isEmpty())
            missing = s.firstMissing(table, {"run_uuid", "key", "value", "timestamp", "step"});
    if (missing.isEmpty())
        return {};
    QString message = Tr::tr("cannot read this MLflow database: column %1 is missing").arg(missing);
    if (info.newer)
        message += u' '
                   + Tr::tr("(schema revision %1 is newer than ModelDesk knows, up to %2)")
                         .arg(info.revision, MlflowDbSource::newestKnownRevision());
    return makeError(ErrorCategory::BadInput, message, path);
}

/// The names of the tables of the main database.
Result<QSet<QString>> tableNamesOf(Database &db)
{
    Statement st = prepare(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!st.isValid())
        return readError(db);
    QSet<QString> names;
    while (st.next())
        names.insert(st.text(0));
    if (st.error())
        return readError(db);
    return names;
}

/// Reads the registered models ordered by name, each with its tags, aliases and versions (sorted,
/// deleted versions left out): all of them, or only the one named `*onlyName`. Rows that cannot be
/// used go to `problem`; each model goes to `deliver`.
Status readRegistryModels(Database &db, const Schema &schema, const Parts &parts, const QString *onlyName,
                          const std::function<void(const QString &)> &problem,
                          const std::function<Status(const RegisteredModel &)> &deliver,
                          const std::atomic_bool &cancel)
{
    auto fail = [&db] { return readError(db); };
    const QByteArray where = onlyName ? " WHERE name = ?1" : "";
    const QByteArray nameBytes = onlyName ? onlyName->toUtf8() : QByteArray();
    auto bindName = [&](Statement &st) {
        if (onlyName)
            st.bindUtf8(1, nameBytes);
    };

    if (!parts.registry)
        return {};

    QHash<QString, QList<KeyValue>> modelTags;
    if (parts.modelTags) {
        Statement st =
            prepare(db, "SELECT name, key, value FROM registered_model_tags" + where + " ORDER BY name, key");
        bindName(st);
        if (!st.isValid())
            return fail();
        while (st.next())
            modelTags[st.text(0)].append(KeyValue{st.text(1), st.text(2)});
        if (st.error())
            return fail();
    }
    QHash<QString, QList<ModelAlias>> aliases;
    if (parts.aliases) {
        Statement st =
            prepare(db, "SELECT name, alias, version FROM registered_model_aliases" + where + " ORDER BY name, alias");
        bindName(st);
        if (!st.isValid())
            return fail();
        while (st.next())
            aliases[st.text(0)].append(ModelAlias{st.text(1), st.int64(2)});
        if (st.error())
            return fail();
    }
    QHash<QString, QHash<qint64, QList<KeyValue>>> versionTags;
    if (parts.versionTags) {
        Statement st = prepare(db, "SELECT name, version, key, value FROM model_version_tags" + where
                                       + " ORDER BY name, version, key");
        bindName(st);
        if (!st.isValid())
            return fail();
        while (st.next())
            versionTags[st.text(0)][st.int64(1)].append(KeyValue{st.text(2), st.text(3)});
        if (st.error())
            return fail();
    }
    QHash<QString, QList<ModelVersion>> versions;
    if (parts.versions) {
        auto col = [&schema](const char *c) -> QByteArray { return schema.pick("model_versions", c); };
        // MLflow's SQL store has no model_id column up to bf29a5ff90ea; a newer one may add it.
        Statement st = prepare(db, "SELECT name, version, " + col("creation_time") + ", " + col("last_updated_time")
                                       + ", " + col("description") + ", " + col("user_id") + ", "
                                       + col("current_stage") + ", " + col("source") + ", " + col("run_id") + ", "
                                       + col("status") + ", " + col("status_message") + ", " + col("run_link") + ", "
                                       + col("model_id") + " FROM model_versions" + where + " ORDER BY name, version");
        bindName(st);
        if (!st.isValid())
            return fail();
        while (st.next()) {
            // MLflow marks deleted versions with this stage instead of deleting the row.
            if (st.text(6).compare(u"Deleted_Internal"_s, Qt::CaseInsensitive) == 0)
                continue;
            ModelVersion v;
            v.name = st.text(0);
            v.version = st.int64(1);
            if (!st.isInteger(1) || v.version <= 0) {
                problem(Tr::tr("model '%1' has a version '%2' that is not a positive number; skipped")
                                .arg(v.name, st.text(1)));
                continue;
            }
            v.creationTime = st.int64(2);
            v.lastUpdatedTime = st.int64(3);
            v.description = st.text(4);
            v.userId = st.text(5);
            v.currentStage = stageName(st.text(6));
            v.source = st.text(7);
            v.runId = st.text(8);
            v.status = st.isNull(9) ? u"READY"_s : st.text(9);
            v.statusMessage = st.text(10);
            v.runLink = st.text(11);
            v.modelId = st.text(12);
            if (v.modelId.isEmpty())
                v.modelId = ModelVersion::modelIdFromSource(v.source);
            v.tags = versionTags.value(v.name).value(v.version);
            for (const ModelAlias &a : aliases.value(v.name))
                if (a.version == v.version)
                    v.aliases.append(a.alias);
            v.aliases.sort();
            versions[v.name].append(std::move(v));
        }
        if (st.error())
            return fail();
    }

    auto col = [&schema](const char *c) -> QByteArray { return schema.pick("registered_models", c); };
    Statement st = prepare(db, "SELECT name, " + col("creation_time") + ", " + col("last_updated_time") + ", "
                                   + col("description") + " FROM registered_models" + where + " ORDER BY name");
    bindName(st);
    if (!st.isValid())
        return fail();
    while (st.next()) {
        if (cancel.load())
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), db.path());
        RegisteredModel m;
        m.name = st.text(0);
        m.creationTime = st.int64(1);
        m.lastUpdatedTime = st.int64(2);
        m.description = st.text(3);
        m.tags = modelTags.value(m.name);
        m.aliases = aliases.value(m.name);
        m.versions = versions.value(m.name);
        if (auto s = deliver(m); !s)
            return s;
    }
    if (st.error())
        return fail();
    return {};
}

/// Could `revision` be an alembic revision id? MLflow's are 12 hex digits (one has 13); alembic
/// takes any identifier. Anything else in alembic_version is not a revision MLflow wrote.
bool looksLikeRevision(const QString &revision)
{
    if (revision.isEmpty() || revision.size() > 64)
        return false;
    return std::all_of(revision.cbegin(), revision.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    });
}

/// Opens `path` read-only and checks that it is an MLflow database of a readable revision (see
/// MlflowDbSource::open()); fills `schema`. On failure `db` is closed.
Status checkDatabase(const QString &path, Database &db, MlflowDbSource::SchemaInfo &schema)
{
    auto failWith = [&db](Error e) {
        db.close();
        return e;
    };
    if (!db.open(path, OpenMode::ReadOnly))
        return failWith(readError(db));

    auto tables = tableNamesOf(db);
    if (!tables) {
        // A WAL-mode file in a folder we cannot write to cannot be opened read-only the usual way
        // (SQLite needs its -shm file); opening it as immutable works and is safe for a snapshot.
        const SqliteCode code = db.lastFailure().code;
        if (code == SqliteCode::CannotOpen || code == SqliteCode::ReadOnly) {
            if (db.open(path, OpenMode::Immutable))
                tables = tableNamesOf(db);
        }
    }
    if (!tables) {
        Error e = tables.error();
        if (db.lastFailure().code == SqliteCode::NotADatabase)
            e = makeError(ErrorCategory::BadInput, Tr::tr("not an MLflow database (not an SQLite file)"), path);
        return failWith(e);
    }
    if (!tables->contains(u"alembic_version"_s) || !tables->contains(u"runs"_s))
        return failWith(makeError(ErrorCategory::BadInput,
                                  Tr::tr("not an MLflow database (it has no alembic_version and runs tables)"), path));

    QStringList revisions;
    {
        Statement st = prepare(db, "SELECT version_num FROM alembic_version ORDER BY version_num");
        if (!st.isValid())
            return failWith(readError(db));
        while (st.next())
            revisions.append(st.text(0));
        if (st.error())
            return failWith(readError(db));
    }
    if (revisions.isEmpty())
        return failWith(makeError(ErrorCategory::BadInput,
                                  Tr::tr("not an MLflow database (its alembic_version table is empty)"), path));
    QStringList unknown;
    for (const QString &rev : std::as_const(revisions)) {
        if (kTooOldRevisions.contains(rev))
            return failWith(makeError(ErrorCategory::BadInput,
                                      Tr::tr("MLflow schema revision '%1' is too old (before MLflow 1.4); "
                                             "upgrade it with `mlflow db upgrade`")
                                          .arg(rev),
                                      path));
        if (!looksLikeRevision(rev))
            return failWith(makeError(ErrorCategory::BadInput,
                                      Tr::tr("not an MLflow database (its alembic_version holds '%1', which is no "
                                             "schema revision)")
                                          .arg(rev.left(64).simplified()),
                                      path));
        if (!kKnownRevisions.contains(rev))
            unknown.append(rev);
    }
    for (const char *table : kRequiredTables) {
        if (!tables->contains(QLatin1String(table)))
            return failWith(
                makeError(ErrorCategory::BadInput,
                          Tr::tr("not an MLflow database (table '%1' is missing)").arg(QLatin1String(table)), path));
    }
    // Alembic ids are random, so a revision we do not know cannot be placed in MLflow's history;
    // with all of MLflow's tables present it is taken as one written by a newer MLflow.
    schema.newer = !unknown.isEmpty();
    schema.revision = (schema.newer ? unknown : revisions).join(u',');
    return {};
}

/// Reads one open database into a sink. Holds the prepared per-run and per-model statements.
class Reader {
public:
    Reader(Database &db, MlflowDbSource::SchemaInfo info) : m_db(db), m_path(db.path()), m_info(std::move(info)) {}

    Status run(ImportSink &sink, const std::atomic_bool &cancel);

private:
    Error fail() const { return readError(m_db); }
    void problem(ImportSink &sink, const QString &message, bool warning = false) const
    {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, message, m_path), warning});
    }
    Status exec(const char *sql);
    Status prepareOnce(Statement &slot, const QByteArray &sql);
    Result<bool> hasRunUuidIndex(const QString &table);
    Result<QString> childTable(const QString &table);
    void reportSchema(ImportSink &sink);

    Status readExperiments(std::vector<Experiment> &out, ImportSink &sink);
    Status readRunDetails(Run &run, ImportSink &sink);
    Status prepareLoggedModels(Statement &models, ImportSink &sink);
    Status readLoggedModelDetails(LoggedModel &model);
    Status readModels(ImportSink &sink, const std::atomic_bool &cancel);
    Status reportOrphanRuns(ImportSink &sink);

    Database &m_db;
    QString m_path;
    MlflowDbSource::SchemaInfo m_info;
    Schema m_schema;
    Parts m_parts;
    Statement m_params, m_tags, m_latest, m_metrics;
    Statement m_inputs;   ///< invalid when the schema has no dataset inputs
    Statement m_modelIo;  ///< invalid when no run has a model input or output (every file before MLflow 3)
    Statement m_modelParams, m_modelTags, m_modelMetrics;  ///< invalid when the schema lacks them
};

Status Reader::exec(const char *sql)
{
    if (!m_db.exec(QString::fromUtf8(sql)))
        return fail();
    return {};
}

Status Reader::prepareOnce(Statement &slot, const QByteArray &sql)
{
    slot = prepare(m_db, sql);
    if (!slot.isValid())
        return fail();
    return {};
}

Result<bool> Reader::hasRunUuidIndex(const QString &table)
{
    Statement st = prepare(m_db, "SELECT 1 FROM pragma_index_list(?1) AS il, pragma_index_info(il.name) AS ii "
                                 "WHERE ii.seqno = 0 AND ii.name = 'run_uuid'");
    if (!st.isValid())
        return fail();
    st.bindUtf8(1, table.toUtf8());
    const bool found = st.next();
    if (st.error())
        return fail();
    return found;
}

// MLflow indexes run_uuid in every per-run table since bd07f7e963c5 (MLflow 1.25). Older files (or
// files written by other tools) may lack the index; per-run lookups would then scan the whole table
// once per run, so we copy the table into an indexed temporary table first: O(rows log rows) once.
Result<QString> Reader::childTable(const QString &table)
{
    const auto indexed = hasRunUuidIndex(table);
    if (!indexed)
        return indexed.error();
    if (*indexed)
        return QString(u"main."_s + table);
    const QString temp = u"temp.md_"_s + table;
    const QByteArray sql = "CREATE TEMP TABLE md_" + table.toUtf8() + " AS SELECT * FROM main." + table.toUtf8()
                           + "; CREATE INDEX temp.md_" + table.toUtf8() + "_run ON md_" + table.toUtf8()
                           + " (run_uuid);";
    if (auto s = exec(sql.constData()); !s)
        return s.error();
    return temp;
}

// One problem for the whole file, before anything else: a newer schema is read as far as it is
// known, and what could not be read is named in the same message rather than once per row.
void Reader::reportSchema(ImportSink &sink)
{
    QString message;
    if (m_info.newer)
        message = mlflowdb::newerSchemaMessage(m_info.revision);
    if (!m_parts.skipped.isEmpty()) {
        const QString notRead =
            Tr::tr("not read, since these columns are missing: %1").arg(m_parts.skipped.join(u", "_s));
        message = message.isEmpty() ? notRead : message + u"; "_s + notRead;
    }
    // Nothing skipped: only a warning that this file is read, never written.
    if (!message.isEmpty())
        problem(sink, message, m_parts.skipped.isEmpty());
}

Status Reader::run(ImportSink &sink, const std::atomic_bool &cancel)
{
    // One read transaction: a consistent snapshot even while an MLflow server writes to the file.
    // Never committed: it only reads, and the temporary tables of childTable() go with it.
    const Transaction snapshot(m_db, Transaction::Kind::Deferred);
    if (!snapshot.begin())
        return fail();

    if (auto s = m_schema.load(m_db); !s)
        return s;
    if (auto s = checkCoreColumns(m_schema, m_path, m_info); !s)
        return s;
    m_parts = partsOf(m_schema);
    reportSchema(sink);

    std::vector<Experiment> experiments;
    if (auto s = readExperiments(experiments, sink); !s)
        return s;

    // Prepare the per-run statements once.
    QString params, tags, latest, metrics;
    for (auto [name, out] : {std::pair{u"params"_s, &params}, std::pair{u"tags"_s, &tags},
                             std::pair{u"latest_metrics"_s, &latest}, std::pair{u"metrics"_s, &metrics}}) {
        auto t = childTable(name);
        if (!t)
            return t.error();
        *out = *t;
    }
    if (auto s =
            prepareOnce(m_params, "SELECT key, value FROM " + params.toUtf8() + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_tags, "SELECT key, value FROM " + tags.toUtf8() + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_latest, "SELECT key, value, timestamp, step, "
                                           + m_schema.pick("latest_metrics", "is_nan") + " FROM " + latest.toUtf8()
                                           + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_metrics, "SELECT key, value, timestamp, step, " + m_schema.pick("metrics", "is_nan")
                                            + " FROM " + metrics.toUtf8()
                                            + " WHERE run_uuid = ?1 ORDER BY key, step, timestamp, value");
        !s)
        return s;
    if (m_parts.datasetInputs) {
        const QByteArray context = m_parts.inputTags
                                       ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid "
                                         "AND t.name = 'mlflow.data.context')"
                                       : "NULL";
        auto d = [this](const char *c) -> QByteArray { return "d." + m_schema.pick("datasets", c); };
        if (auto s = prepareOnce(m_inputs, "SELECT d.name, d.digest, " + d("dataset_source_type") + ", "
                                               + d("dataset_source") + ", " + d("dataset_schema") + ", "
                                               + d("dataset_profile") + ", " + context
                                               + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                                                 "WHERE i.destination_type = 'RUN' AND i.destination_id = ?1 "
                                                 "AND i.source_type = 'DATASET' ORDER BY d.name, d.digest");
            !s)
            return s;
    }
    if (m_parts.modelIo) {
        // MLflow 3 keeps a run's model inputs and outputs in `inputs` as RUN_INPUT → MODEL_INPUT and
        // RUN_OUTPUT → MODEL_OUTPUT rows (source_id = the run). Files without any (all of MLflow 2)
        // skip the per-run lookup.
        Statement any = prepare(m_db, "SELECT EXISTS (SELECT 1 FROM inputs WHERE source_type IN ('RUN_INPUT', "
                                      "'RUN_OUTPUT'))");
        if (!any.isValid() || !any.next())
            return fail();
        if (any.int64(0) != 0) {
            if (auto s = prepareOnce(m_modelIo, "SELECT source_type, destination_id, "
                                                    + (m_parts.inputStep ? QByteArray("step") : QByteArray("0"))
                                                    + " FROM inputs WHERE source_id = ?1 AND source_type IN "
                                                      "('RUN_INPUT', 'RUN_OUTPUT') AND destination_type IN "
                                                      "('MODEL_INPUT', 'MODEL_OUTPUT') ORDER BY destination_id, "
                                                      "source_type");
                !s)
                return s;
        }
    }
    Statement models;  // LoggedModels ordered by experiment id, then model id; invalid without them
    if (auto s = prepareLoggedModels(models, sink); !s)
        return s;

    Statement count =
        prepare(m_db, "SELECT COUNT(*) FROM runs WHERE experiment_id IN (SELECT experiment_id FROM experiments)");
    if (!count.isValid())
        return fail();
    if (!count.next())
        return fail();
    sink.expectRuns(count.int64(0));

    if (auto s = reportOrphanRuns(sink); !s)
        return s;

    // Experiments, runs and LoggedModels all come ordered by experiment id: merge them.
    auto runCol = [this](const char *c) -> QByteArray { return m_schema.pick("runs", c); };
    Statement runs = prepare(m_db, "SELECT experiment_id, run_uuid, " + runCol("name") + ", " + runCol("user_id")
                                       + ", " + runCol("status") + ", " + runCol("start_time") + ", "
                                       + runCol("end_time") + ", " + runCol("artifact_uri") + ", "
                                       + runCol("lifecycle_stage")
                                       + " FROM runs WHERE typeof(experiment_id) = 'integer' "
                                         "ORDER BY experiment_id, run_uuid");
    if (!runs.isValid())
        return fail();
    // Once next() gave false (the end or an error) it is not called again.
    bool row = runs.next();
    bool modelRow = models.isValid() && models.next();
    for (const Experiment &e : experiments) {
        const qint64 id = e.experimentId.toLongLong();
        // Runs and models of experiments that do not exist were reported up front.
        while (row && runs.int64(0) < id)
            row = runs.next();
        if (runs.error())
            return fail();
        if (auto s = sink.experiment(e); !s)
            return s;
        for (; row && runs.int64(0) == id; row = runs.next()) {
            if (cancel.load())
                return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), m_path);
            Run r;
            r.experimentId = e.experimentId;
            r.runId = runs.text(1);
            if (r.runId.isEmpty()) {
                problem(sink, Tr::tr("a run of experiment %1 has no run_uuid").arg(e.experimentId));
                continue;
            }
            r.runName = runs.text(2);
            r.userId = runs.text(3);
            r.status = runs.text(4);
            r.startTime = runs.int64(5);
            if (!runs.isNull(6))
                r.endTime = runs.int64(6);
            r.artifactUri = runs.text(7);
            r.lifecycleStage = runs.isNull(8) ? kActive : runs.text(8);
            if (auto s = readRunDetails(r, sink); !s)
                return s;
            if (auto s = sink.run(r); !s)
                return s;
        }
        if (runs.error())
            return fail();

        while (modelRow && models.int64(1) < id)
            modelRow = models.next();
        for (; modelRow && models.int64(1) == id; modelRow = models.next()) {
            if (cancel.load())
                return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), m_path);
            LoggedModel m;
            m.modelId = models.text(0);
            if (m.modelId.isEmpty()) {
                problem(sink, Tr::tr("a LoggedModel of experiment %1 has no model_id; skipped").arg(e.experimentId));
                continue;
            }
            m.experimentId = e.experimentId;
            m.name = models.text(2);
            m.artifactLocation = models.text(3);
            m.creationTime = models.int64(4);
            m.lastUpdatedTime = models.int64(5);
            // The SQL store keeps MLflow's LoggedModelStatus number (2 = READY).
            m.status = loggedModelStatusName(models.text(6));
            m.lifecycleStage = models.isNull(7) ? kActive : models.text(7);
            m.modelType = models.text(8);
            m.sourceRunId = models.text(9);
            m.statusMessage = models.text(10);
            if (auto s = readLoggedModelDetails(m); !s)
                return s;
            if (auto s = sink.loggedModel(m); !s)
                return s;
        }
        if (models.isValid() && models.error())
            return fail();
    }
    return readModels(sink, cancel);
}

Status Reader::readExperiments(std::vector<Experiment> &out, ImportSink &sink)
{
    QHash<qint64, QList<KeyValue>> tags;
    if (m_parts.experimentTags) {
        Statement st =
            prepare(m_db, "SELECT experiment_id, key, value FROM experiment_tags ORDER BY experiment_id, key");
        if (!st.isValid())
            return fail();
        while (st.next())
            tags[st.int64(0)].append(KeyValue{st.text(1), st.text(2)});
        if (st.error())
            return fail();
    }

    auto col = [this](const char *c) -> QByteArray { return m_schema.pick("experiments", c); };
    Statement st = prepare(m_db, "SELECT experiment_id, " + col("name") + ", " + col("artifact_location") + ", "
                                     + col("lifecycle_stage") + ", " + col("creation_time") + ", "
                                     + col("last_update_time") + " FROM experiments ORDER BY experiment_id");
    if (!st.isValid())
        return fail();
    while (st.next()) {
        if (!st.isInteger(0)) {
            problem(sink, Tr::tr("experiment '%1' has an id that is not a number; skipped").arg(st.text(0)));
            continue;
        }
        Experiment e;
        e.experimentId = QString::number(st.int64(0));
        e.name = st.text(1);
        e.artifactLocation = st.text(2);
        e.lifecycleStage = st.isNull(3) ? kActive : st.text(3);
        e.creationTime = st.int64(4);
        e.lastUpdateTime = st.int64(5);
        e.tags = tags.value(st.int64(0));
        out.push_back(std::move(e));
    }
    if (st.error())
        return fail();
    return {};
}

Status Reader::reportOrphanRuns(ImportSink &sink)
{
    Statement st = prepare(m_db, "SELECT run_uuid, experiment_id FROM runs WHERE experiment_id IS NULL "
                                 "OR experiment_id NOT IN (SELECT experiment_id FROM experiments) ORDER BY run_uuid");
    if (!st.isValid())
        return fail();
    while (st.next())
        problem(sink, Tr::tr("run %1 belongs to experiment '%2', which does not exist; skipped")
                              .arg(st.text(0), st.text(1)));
    if (st.error())
        return fail();
    return {};
}

Status Reader::prepareLoggedModels(Statement &models, ImportSink &sink)
{
    if (!m_parts.loggedModels)
        return {};
    {
        Statement st = prepare(m_db, "SELECT model_id, experiment_id FROM logged_models WHERE experiment_id IS NULL "
                                     "OR experiment_id NOT IN (SELECT experiment_id FROM experiments) "
                                     "ORDER BY model_id");
        if (!st.isValid())
            return fail();
        while (st.next())
            problem(sink, Tr::tr("LoggedModel %1 belongs to experiment '%2', which does not exist; skipped")
                                  .arg(st.text(0), st.text(1)));
        if (st.error())
            return fail();
    }
    auto m = [this](const char *c) -> QByteArray { return m_schema.pick("logged_models", c); };
    if (auto s = prepareOnce(models, "SELECT model_id, experiment_id, " + m("name") + ", " + m("artifact_location")
                                         + ", " + m("creation_timestamp_ms") + ", " + m("last_updated_timestamp_ms")
                                         + ", " + m("status") + ", " + m("lifecycle_stage") + ", " + m("model_type")
                                         + ", " + m("source_run_id") + ", " + m("status_message")
                                         + " FROM logged_models WHERE typeof(experiment_id) = 'integer' "
                                           "ORDER BY experiment_id, model_id");
        !s)
        return s;
    if (m_parts.loggedModelParams) {
        if (auto s = prepareOnce(m_modelParams, "SELECT param_key, param_value FROM logged_model_params "
                                                "WHERE model_id = ?1 ORDER BY param_key");
            !s)
            return s;
    }
    if (m_parts.loggedModelTags) {
        if (auto s = prepareOnce(m_modelTags, "SELECT tag_key, tag_value FROM logged_model_tags WHERE model_id = ?1 "
                                              "ORDER BY tag_key");
            !s)
            return s;
    }
    if (m_parts.loggedModelMetrics) {
        auto col = [this](const char *c) -> QByteArray { return m_schema.pick("logged_model_metrics", c); };
        const QByteArray dataset = col("dataset_name"), step = col("metric_step"), time = col("metric_timestamp_ms");
        if (auto s = prepareOnce(m_modelMetrics, "SELECT metric_name, metric_value, " + time + ", " + step + ", "
                                                     + col("run_id") + ", " + dataset + ", " + col("dataset_digest")
                                                     + " FROM logged_model_metrics WHERE model_id = ?1 "
                                                       "ORDER BY metric_name, COALESCE("
                                                     + dataset + ", ''), " + step + ", " + time + ", "
                                                     + col("run_id"));
            !s)
            return s;
    }
    return {};
}

Status Reader::readLoggedModelDetails(LoggedModel &m)
{
    const QByteArray id = m.modelId.toUtf8();
    auto keyValues = [&](Statement &st, QList<KeyValue> &out) -> Status {
        if (!st.isValid())
            return {};
        st.reset();
        st.bindUtf8(1, id);
        while (st.next())
            out.append(KeyValue{st.text(0), st.text(1)});
        return st.error() ? Status{fail()} : Status{};
    };
    if (auto s = keyValues(m_modelParams, m.params); !s)
        return s;
    if (auto s = keyValues(m_modelTags, m.tags); !s)
        return s;
    if (!m_modelMetrics.isValid())
        return {};
    Statement &st = m_modelMetrics;
    st.reset();
    st.bindUtf8(1, id);
    while (st.next()) {
        LoggedModelMetric metric;
        metric.key = st.text(0);
        // The table has no is_nan column, and SQLite stores a NaN as NULL.
        metric.value = st.isNull(1) ? std::numeric_limits<double>::quiet_NaN() : st.real(1);
        metric.timestamp = st.int64(2);
        metric.step = st.int64(3);
        metric.runId = st.text(4);
        metric.datasetName = st.text(5);
        metric.datasetDigest = st.text(6);
        m.metrics.append(std::move(metric));
    }
    return st.error() ? Status{fail()} : Status{};
}

Status Reader::readRunDetails(Run &r, ImportSink &sink)
{
    const QByteArray uuid = r.runId.toUtf8();
    auto keyValues = [&](Statement &st, QList<KeyValue> &out) -> Status {
        st.reset();
        st.bindUtf8(1, uuid);
        while (st.next())
            out.append(KeyValue{st.text(0), st.text(1)});
        return st.error() ? Status{fail()} : Status{};
    };
    auto points = [&](Statement &st, QList<MetricPoint> &out, const char *table) -> Status {
        st.reset();
        st.bindUtf8(1, uuid);
        QByteArray lastKeyBytes;
        QString lastKey;
        while (st.next()) {
            MetricPoint p;
            // Rows come ordered by key: share one QString per key instead of one per point.
            if (const QByteArrayView keyBytes = st.utf8(0); keyBytes != lastKeyBytes || lastKey.isNull()) {
                lastKeyBytes = keyBytes.toByteArray();
                lastKey = QString::fromUtf8(keyBytes);
            }
            p.key = lastKey;
            if (!st.isNull(4) && st.int64(4) != 0) {
                p.value = std::numeric_limits<double>::quiet_NaN();
            } else if (st.isNull(1)) {
                problem(sink, Tr::tr("%1: run %2, metric '%3' has no value; skipped")
                                      .arg(QString::fromLatin1(table), r.runId, p.key));
                continue;
            } else {
                // MLflow clamps ±inf to ±DBL_MAX in SQL stores: we keep what it stored.
                p.value = st.real(1);
            }
            p.timestamp = st.int64(2);
            p.step = st.int64(3);
            out.append(std::move(p));
        }
        return st.error() ? Status{fail()} : Status{};
    };

    if (auto s = keyValues(m_params, r.params); !s)
        return s;
    if (auto s = keyValues(m_tags, r.tags); !s)
        return s;
    if (auto s = points(m_latest, r.latestMetrics, "latest_metrics"); !s)
        return s;
    if (auto s = points(m_metrics, r.history, "metrics"); !s)
        return s;
    r.hasHistory = true;
    if (r.latestMetrics.isEmpty() && !r.history.isEmpty())
        r.computeLatestFromHistory();
    if (r.runName.isEmpty()) {
        for (const KeyValue &t : std::as_const(r.tags))
            if (t.key == QLatin1String("mlflow.runName"))
                r.runName = t.value;
    }
    if (m_inputs.isValid()) {
        Statement &st = m_inputs;
        st.reset();
        st.bindUtf8(1, uuid);
        while (st.next()) {
            DatasetInput in;
            in.name = st.text(0);
            in.digest = st.text(1);
            in.sourceType = st.text(2);
            in.source = st.text(3);
            in.schema = st.text(4);
            in.profile = st.text(5);
            in.context = st.text(6);
            r.inputs.append(std::move(in));
        }
        if (st.error())
            return fail();
    }
    if (m_modelIo.isValid()) {
        Statement &st = m_modelIo;
        st.reset();
        st.bindUtf8(1, uuid);
        while (st.next()) {
            if (st.utf8(0) == QByteArrayView("RUN_OUTPUT"))
                r.modelOutputs.append(ModelIo{st.text(1), st.int64(2)});
            else
                r.modelInputs.append(ModelIo{st.text(1), 0});  // MLflow gives model inputs no step
        }
        if (st.error())
            return fail();
    }
    return {};
}

Status Reader::readModels(ImportSink &sink, const std::atomic_bool &cancel)
{
    return readRegistryModels(
        m_db, m_schema, m_parts, nullptr, [&](const QString &message) { problem(sink, message); },
        [&](const RegisteredModel &m) { return sink.registeredModel(m); }, cancel);
}

} // namespace

namespace mlflowdb {

Status openDatabase(const QString &path, bool writable, Database &db, MlflowDbSource::SchemaInfo &schema)
{
    db.close();
    schema = {};
    const QFileInfo fi(path);
    if (!fi.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such file"), path);
    if (fi.isDir())
        return makeError(ErrorCategory::BadInput, Tr::tr("not an MLflow database (this is a folder)"), path);
    if (auto s = checkHeader(path); !s)
        return s;
    // Checked read-only first, also for a writer: a file it must not write is refused before it
    // was ever opened for writing.
    if (auto s = checkDatabase(path, db, schema); !s)
        return s;
    if (!writable)
        return {};
    if (schema.newer) {
        db.close();
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("written by a newer MLflow (schema revision %1; ModelDesk knows up to %2): writes "
                                "to it are refused, since that MLflow may expect more of them than ModelDesk "
                                "knows; nothing was changed")
                             .arg(schema.revision, MlflowDbSource::newestKnownRevision()),
                         path);
    }
    // Read-write never creates: the file exists (checked above) and must stay MLflow's.
    if (!db.open(path, OpenMode::ReadWrite)) {
        Error e = readError(db);
        db.close();
        return e;
    }
    // SQLite silently opens a write-protected file read-only even when asked for read-write.
    if (db.isReadOnly()) {
        db.close();
        return makeError(ErrorCategory::Permission, Tr::tr("the MLflow database is read-only"), path);
    }
    return {};
}

QString newerSchemaMessage(const QString &revision)
{
    return Tr::tr("written by a newer MLflow (schema revision %1; ModelDesk knows up to %2): read what is known, "
                  "writes refused")
        .arg(revision, MlflowDbSource::newestKnownRevision());
}

Result<std::optional<RegisteredModel>> readRegisteredModel(Database &db, const QString &name)
{
    Schema schema;
    if (auto s = schema.load(db); !s)
        return s.error();
    std::optional<RegisteredModel> found;
    const std::atomic_bool never{false};
    if (auto s = readRegistryModels(
            db, schema, partsOf(schema), &name, [](const QString &) {},
            [&](const RegisteredModel &m) {
                // SQLite compares names exactly (BINARY collation), as MLflow's queries do.
                found = m;
                return Status{};
            },
            never);
        !s)
        return s.error();
    return found;
}

} // namespace mlflowdb

MlflowDbSource::MlflowDbSource(QString dbPath)
    : m_path(QFileInfo(dbPath).absoluteFilePath()), m_db(std::make_unique<Database>())
{
}

MlflowDbSource::~MlflowDbSource() = default;

void MlflowDbSource::close() { m_db->close(); }

QString MlflowDbSource::uri() const { return u"sqlite:///"_s + m_path; }

const QStringList &MlflowDbSource::knownRevisions() { return kKnownRevisions; }

QString MlflowDbSource::newestKnownRevision() { return kKnownRevisions.last(); }

Status MlflowDbSource::open()
{
    close();
    return mlflowdb::openDatabase(m_path, false, *m_db, m_schema);
}

Status MlflowDbSource::readAll(ImportSink &sink, const std::atomic_bool &cancel)
{
    if (!m_db->isOpen()) {
        if (auto s = open(); !s)
            return s;
    }
    // Reading (SQLite and Qt objects) on a worker while the caller writes: about a third of an
    // import is reading, and the two overlap on a second core.
    return relayToSink(
        [&](ImportSink &relay) {
            Reader reader(*m_db, m_schema);
            return reader.run(relay, cancel);
        },
        sink, cancel);
}

} // namespace md
