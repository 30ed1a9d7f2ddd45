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

// The alembic revisions of MLflow's SQL store, read from mlflow/mlflow
// `mlflow/store/db_migrations/versions/*.py` (the `revision = "..."` lines, master of 2025-12 plus the
// files indexed since), from `89d4b8295536_create_latest_metrics_table` (MLflow 1.4) on. Some are
// revisions of development branches; accepting them does no harm, since every one of them only
// adds to the tables we read.
const QStringList kKnownRevisions = {
    // MLflow 1.x
    u"89d4b8295536"_s, // create_latest_metrics_table
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
    u"3500859a5d39"_s, // add_model_aliases_table
    u"7f2a7d5fae7d"_s, // add_datasets_inputs_input_tags_tables
    u"2d6e25af4d3e"_s, // increase_max_param_val_length
    u"acf3f17fdcc7"_s, // add_storage_location_field_to_model_versions (MLflow 2.10)
    u"867495a8f9d4"_s, // add_trace_tables
    u"5b0e9adcef9c"_s, // add_cascade_deletion_to_trace_tables_fk
    u"4465047574b1"_s, // increase_max_dataset_schema_size
    u"f5a4f2784254"_s, // increase_run_tag_value_limit
    u"0584bdc529eb"_s, // add_cascading_deletion_to_datasets_from_experiments
    // MLflow 3.x
    u"400f98739977"_s, // add_logged_model_tables
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
    u"bf29a5ff90ea"_s, // add_jobs_table
    u"1bd49d398cd23"_s, // add_secrets_tables (13 characters upstream)
    u"b7c8d9e0f1a2"_s, // add_trace_metrics_table
    u"5d2d30f0abce"_s, // update_job_table
    // further files of the same folder (newer, or of branches and merges)
    u"0e7f11fcd8ac"_s, u"0f1a2b3c4d5e"_s, u"10a0b9ab53e2"_s, u"138e9eb975d4"_s, u"17e22815139b"_s,
    u"1971f2d9a75b"_s, u"1b49d398cd23"_s, u"1b5f0d9ad7c1"_s, u"29599da4828d"_s, u"2c33131f4dae"_s,
    u"2c7e13772396"_s, u"30da9e9d8245"_s, u"322b1ae00ba2"_s, u"3aee407fe03d"_s, u"3f4e5d6c7b8a"_s,
    u"4209a452f04b"_s, u"455815393add"_s, u"4b75f9a0c123"_s, u"5c7212895a9f"_s, u"6dca653c92e6"_s,
    u"6f8d9c3b2a1e"_s, u"73ab2d98a1ec"_s, u"75868b020152"_s, u"76601a5f987d"_s, u"7c4d9e2f1a86"_s,
    u"7d34483879f0"_s, u"89d3d66ed43f"_s, u"92d5b24e0351"_s, u"93bd306463bd"_s, u"949ead8d4f49"_s,
    u"9eae7ec868c3"_s, u"9fb0326e9ebd"_s, u"a1b2c3d4e5f7"_s, u"a1c2e3f40b56"_s, u"a1d2e3f4b5c6"_s,
    u"a249e88eb671"_s, u"a5b4c3d2e1f0"_s, u"a6d4e8b2c901"_s, u"a8b9c0d1e2f3"_s, u"ae8bbe7743c9"_s,
    u"af5ce5c40568"_s, u"b0ec69213791"_s, u"b446d3984cfa"_s, u"b4c5d6e7f8a9"_s, u"b7e2c1a4d9f3"_s,
    u"b7e4c1a90f23"_s, u"b8c9d0e1f2a3"_s, u"c1d2e3f4a5b6"_s, u"c3a777925173"_s, u"c3d6457b6d8a"_s,
    u"c3d7f2a1b8e4"_s, u"c3d9e7f1a2b4"_s,
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

/// Does `table` have `column`?
Result<bool> columnExists(Database &db, const QString &table, const QString &column)
{
    Statement st = prepare(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
    if (!st.isValid())
        return readError(db);
    st.bindUtf8(1, table.toUtf8());
    st.bindUtf8(2, column.toUtf8());
    const bool found = st.next();
    if (st.error())
        return readError(db);
    return found;
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
Status readRegistryModels(Database &db, const QSet<QString> &tables, const QString *onlyName,
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

    if (!tables.contains(u"registered_models"_s))
        return {};

    QHash<QString, QList<KeyValue>> modelTags;
    if (tables.contains(u"registered_model_tags"_s)) {
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
    if (tables.contains(u"registered_model_aliases"_s)) {
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
    if (tables.contains(u"model_version_tags"_s)) {
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
    if (tables.contains(u"model_versions"_s)) {
        const auto runLink = columnExists(db, u"model_versions"_s, u"run_link"_s);
        if (!runLink)
            return runLink.error();
        Statement st = prepare(db, "SELECT name, version, creation_time, last_updated_time, description, user_id, "
                                   "current_stage, source, run_id, status, status_message, "
                                       + QByteArray(*runLink ? "run_link" : "NULL") + " FROM model_versions" + where
                                       + " ORDER BY name, version");
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

    Statement st = prepare(db, "SELECT name, creation_time, last_updated_time, description FROM registered_models"
                                   + where + " ORDER BY name");
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


/// Reads one open database into a sink. Holds the prepared per-run statements.
class Reader {
public:
    explicit Reader(Database &db) : m_db(db), m_path(db.path()) {}

    Status run(ImportSink &sink, const std::atomic_bool &cancel);

private:
    Error fail() const { return readError(m_db); }
    void problem(ImportSink &sink, const QString &message) const
    {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, message, m_path)});
    }
    Status exec(const char *sql);
    Result<QSet<QString>> tableNames();
    Result<bool> hasColumn(const QString &table, const QString &column);
    Result<bool> hasRunUuidIndex(const QString &table);
    Result<QString> childTable(const QString &table);
    QByteArray column(bool present, const char *name) const { return present ? QByteArray(name) : "NULL"; }

    Status readExperiments(std::vector<Experiment> &out, ImportSink &sink);
    Status readRunDetails(Run &run, ImportSink &sink);
    Status readModels(ImportSink &sink, const std::atomic_bool &cancel);
    Status reportOrphanRuns(ImportSink &sink);

    Database &m_db;
    QString m_path;
    QSet<QString> m_tables;
    Statement m_params, m_tags, m_latest, m_metrics;
    Statement m_inputs;  ///< invalid when the schema has no dataset inputs
};

Status Reader::exec(const char *sql)
{
    if (!m_db.exec(QString::fromUtf8(sql)))
        return fail();
    return {};
}

Result<QSet<QString>> Reader::tableNames() { return tableNamesOf(m_db); }

Result<bool> Reader::hasColumn(const QString &table, const QString &column)
{
    return columnExists(m_db, table, column);
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

Status Reader::run(ImportSink &sink, const std::atomic_bool &cancel)
{
    auto tables = tableNames();
    if (!tables)
        return tables.error();
    m_tables = *tables;

    // One read transaction: a consistent snapshot even while an MLflow server writes to the file.
    // Never committed: it only reads, and the temporary tables of childTable() go with it.
    const Transaction snapshot(m_db, Transaction::Kind::Deferred);
    if (!snapshot.begin())
        return fail();

    std::vector<Experiment> experiments;
    if (auto s = readExperiments(experiments, sink); !s)
        return s;

    // Prepare the per-run statements once.
    auto prepareOnce = [&](Statement &slot, const QByteArray &sql) -> Status {
        slot = prepare(m_db, sql);
        if (!slot.isValid())
            return fail();
        return {};
    };
    QString params, tags, latest, metrics;
    for (auto [name, out] : {std::pair{u"params"_s, &params}, std::pair{u"tags"_s, &tags},
                             std::pair{u"latest_metrics"_s, &latest}, std::pair{u"metrics"_s, &metrics}}) {
        auto t = childTable(name);
        if (!t)
            return t.error();
        *out = *t;
    }
    if (auto s = prepareOnce(m_params,
                             "SELECT key, value FROM " + params.toUtf8() + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_tags, "SELECT key, value FROM " + tags.toUtf8() + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_latest, "SELECT key, value, timestamp, step, is_nan FROM " + latest.toUtf8()
                                           + " WHERE run_uuid = ?1 ORDER BY key");
        !s)
        return s;
    if (auto s = prepareOnce(m_metrics, "SELECT key, value, timestamp, step, is_nan FROM " + metrics.toUtf8()
                                            + " WHERE run_uuid = ?1 ORDER BY key, step, timestamp, value");
        !s)
        return s;
    if (m_tables.contains(u"inputs"_s) && m_tables.contains(u"datasets"_s)) {
        const QByteArray context = m_tables.contains(u"input_tags"_s)
                                       ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid "
                                         "AND t.name = 'mlflow.data.context')"
                                       : "NULL";
        if (auto s = prepareOnce(m_inputs, "SELECT d.name, d.digest, d.dataset_source_type, d.dataset_source, "
                                           "d.dataset_schema, d.dataset_profile, "
                                               + context
                                               + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                                                 "WHERE i.destination_type = 'RUN' AND i.destination_id = ?1 "
                                                 "AND i.source_type = 'DATASET' ORDER BY d.name, d.digest");
            !s)
            return s;
    }

    Statement count =
        prepare(m_db, "SELECT COUNT(*) FROM runs WHERE experiment_id IN (SELECT experiment_id FROM experiments)");
    if (!count.isValid())
        return fail();
    if (!count.next())
        return fail();
    sink.expectRuns(count.int64(0));

    if (auto s = reportOrphanRuns(sink); !s)
        return s;

    // Experiments and runs both come ordered by experiment id: merge them.
    Statement runs = prepare(m_db, "SELECT experiment_id, run_uuid, name, user_id, status, start_time, end_time, "
                                   "artifact_uri, lifecycle_stage FROM runs WHERE typeof(experiment_id) = 'integer' "
                                   "ORDER BY experiment_id, run_uuid");
    if (!runs.isValid())
        return fail();
    // Once next() gave false (the end or an error) it is not called again.
    bool row = runs.next();
    for (const Experiment &e : experiments) {
        const qint64 id = e.experimentId.toLongLong();
        // Runs of experiments that do not exist were reported by reportOrphanRuns().
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
    }
    return readModels(sink, cancel);
}

Status Reader::readExperiments(std::vector<Experiment> &out, ImportSink &sink)
{
    const auto created = hasColumn(u"experiments"_s, u"creation_time"_s);
    if (!created)
        return created.error();
    const auto updated = hasColumn(u"experiments"_s, u"last_update_time"_s);
    if (!updated)
        return updated.error();

    QHash<qint64, QList<KeyValue>> tags;
    {
        Statement st =
            prepare(m_db, "SELECT experiment_id, key, value FROM experiment_tags ORDER BY experiment_id, key");
        if (!st.isValid())
            return fail();
        while (st.next())
            tags[st.int64(0)].append(KeyValue{st.text(1), st.text(2)});
        if (st.error())
            return fail();
    }

    Statement st = prepare(m_db, "SELECT experiment_id, name, artifact_location, lifecycle_stage, "
                                     + column(*created, "creation_time") + ", " + column(*updated, "last_update_time")
                                     + " FROM experiments ORDER BY experiment_id");
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
    return {};
}

Status Reader::readModels(ImportSink &sink, const std::atomic_bool &cancel)
{
    return readRegistryModels(
        m_db, m_tables, nullptr, [&](const QString &message) { problem(sink, message); },
        [&](const RegisteredModel &m) { return sink.registeredModel(m); }, cancel);
}

} // namespace

namespace mlflowdb {

Status openDatabase(const QString &path, bool writable, Database &db, QString &revision)
{
    auto close = [&db] { db.close(); };
    close();
    revision.clear();
    const QFileInfo fi(path);
    if (!fi.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such file"), path);
    if (fi.isDir())
        return makeError(ErrorCategory::BadInput, Tr::tr("not an MLflow database (this is a folder)"), path);
    if (auto s = checkHeader(path); !s)
        return s;

    // Read-write never creates: the file exists (checked above) and must stay MLflow's.
    if (!db.open(path, writable ? OpenMode::ReadWrite : OpenMode::ReadOnly))
        return readError(db);

    auto tables = tableNamesOf(db);
    if (!tables && !writable) {
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
        close();
        return e;
    }
    if (!tables->contains(u"alembic_version"_s) || !tables->contains(u"runs"_s)) {
        close();
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("not an MLflow database (it has no alembic_version and runs tables)"), path);
    }

    QStringList revisions;
    {
        Statement st = prepare(db, "SELECT version_num FROM alembic_version");
        if (!st.isValid()) {
            Error e = readError(db);
            close();
            return e;
        }
        while (st.next())
            revisions.append(st.text(0));
        if (st.error()) {
            Error e = readError(db);
            close();
            return e;
        }
    }
    if (revisions.isEmpty()) {
        close();
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("not an MLflow database (its alembic_version table is empty)"), path);
    }
    for (const QString &rev : std::as_const(revisions)) {
        if (kTooOldRevisions.contains(rev)) {
            close();
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("MLflow schema revision '%1' is too old (before MLflow 1.4); "
                                    "upgrade it with `mlflow db upgrade`")
                                 .arg(rev),
                             path);
        }
        if (!kKnownRevisions.contains(rev)) {
            close();
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("unknown MLflow schema revision '%1' (newer than this ModelDesk?)").arg(rev), path);
        }
    }
    for (const char *table : kRequiredTables) {
        if (!tables->contains(QLatin1String(table))) {
            close();
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("not an MLflow database (table '%1' is missing)").arg(QLatin1String(table)), path);
        }
    }
    // SQLite silently opens a write-protected file read-only even when asked for read-write.
    if (writable && db.isReadOnly()) {
        close();
        return makeError(ErrorCategory::Permission, Tr::tr("the MLflow database is read-only"), path);
    }
    revision = revisions.join(u',');
    return {};
}

Result<std::optional<RegisteredModel>> readRegisteredModel(Database &db, const QString &name)
{
    auto tables = tableNamesOf(db);
    if (!tables)
        return tables.error();
    std::optional<RegisteredModel> found;
    const std::atomic_bool never{false};
    if (auto s = readRegistryModels(
            db, *tables, &name, [](const QString &) {},
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

Status MlflowDbSource::open()
{
    close();
    m_revision.clear();
    return mlflowdb::openDatabase(m_path, false, *m_db, m_revision);
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
            Reader reader(*m_db);
            return reader.run(relay, cancel);
        },
        sink, cancel);
}

} // namespace md
