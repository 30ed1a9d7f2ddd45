// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/mlflowdb/MlflowDbWriter.h"

#include "sources/RegistryRules.h"
#include "sources/mlflowdb/MlflowDbSource.h"
#include "sqlite/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>

#include <functional>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MlflowDbWriter)
};

constexpr QLatin1StringView kDeletedInternal("Deleted_Internal");

/// The error for the failed SQLite call of a write on `db`, naming its file.
Error writeError(const Database &db)
{
    const SqliteFailure &f = db.lastFailure();
    switch (f.code) {
    case SqliteCode::Busy:
    case SqliteCode::Locked:
        return makeError(ErrorCategory::Conflict,
                         Tr::tr("the MLflow database is busy (another program is writing to it): %1").arg(f.message),
                         db.path());
    case SqliteCode::ReadOnly:
    case SqliteCode::Permission:
        return makeError(ErrorCategory::Permission, Tr::tr("cannot write the MLflow database: %1").arg(f.message),
                         db.path());
    default: break;
    }
    const bool broken = f.code == SqliteCode::Corrupt || f.code == SqliteCode::NotADatabase;
    return makeError(broken ? ErrorCategory::BadInput : ErrorCategory::Storage,
                     Tr::tr("cannot write the MLflow database: %1").arg(f.message), db.path());
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

/// The checks of the writes of one transaction on one open file; every failure names the file.
class Tx {
public:
    explicit Tx(Database &db) : m_db(db), m_path(db.path()) {}

    /// The error of the SQLite call that failed last.
    Error fail() const { return writeError(m_db); }

    /// Runs a statement that returns no rows.
    Status run(Statement &st)
    {
        if (!st.exec())
            return fail();
        return {};
    }

    /// Does the query have a row? (A statement that failed to prepare fails here.)
    Result<bool> hasRow(Statement &st)
    {
        const bool row = st.next();
        if (st.error())
            return fail();
        return row;
    }

    Result<bool> hasTable(const char *table)
    {
        Statement st = m_db.prepare(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1"_s);
        st.bindUtf8(1, table);
        return hasRow(st);
    }
    Result<bool> hasColumn(const char *table, const char *column)
    {
        Statement st = m_db.prepare(u"SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2"_s);
        st.bindUtf8(1, table).bindUtf8(2, column);
        return hasRow(st);
    }

    /// NotFound naming the model when it does not exist.
    Status requireModel(const QString &name)
    {
        if (auto s = registryrules::checkModelName(name); !s)
            return s;
        Statement st = m_db.prepare(u"SELECT 1 FROM registered_models WHERE name = ?1"_s);
        st.bindUtf8(1, name.toUtf8());
        const auto found = hasRow(st);
        if (!found)
            return found.error();
        if (!*found)
            return makeError(ErrorCategory::NotFound, Tr::tr("there is no registered model '%1'").arg(name), m_path);
        return {};
    }

    /// NotFound naming the model or version when either does not exist (or the version was deleted).
    Status requireVersion(const QString &name, qint64 version)
    {
        if (auto s = requireModel(name); !s)
            return s;
        Statement st = m_db.prepare(u"SELECT current_stage FROM model_versions WHERE name = ?1 AND version = ?2"_s);
        st.bindUtf8(1, name.toUtf8()).bind(2, version);
        const auto found = hasRow(st);
        if (!found)
            return found.error();
        if (!*found || st.text(0) == kDeletedInternal)
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("registered model '%1' has no version %2").arg(name).arg(version), m_path);
        return {};
    }

    /// Conflict when the file's alembic revision is no longer `expected` (a `mlflow db upgrade`
    /// since open()): nothing may be written to a schema that was not checked.
    Status checkRevision(const QString &expected)
    {
        Statement st = m_db.prepare(u"SELECT version_num FROM alembic_version ORDER BY version_num"_s);
        QStringList now;
        while (st.next())
            now.append(st.text(0));
        if (st.error())
            return fail();
        const QString found = now.join(u',');
        if (found == expected)
            return {};
        return makeError(ErrorCategory::Conflict,
                         Tr::tr("the MLflow database was migrated to schema revision '%1' since it was opened "
                                "(revision '%2'); nothing was changed")
                             .arg(found, expected),
                         m_path);
    }

    Database &db() const { return m_db; }

private:
    Database &m_db;
    QString m_path;
};

/// Runs `body` in one write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting
/// for the busy timeout), so the reads that check preconditions see the state the writes change.
/// Nothing runs when the schema revision is no longer `revision`. Rolled back when `body` or the
/// commit fails.
Status inTransaction(Database &db, const QString &revision, const std::function<Status(Tx &)> &body)
{
    Transaction transaction(db, Transaction::Kind::Immediate);
    if (!transaction.begin())
        return writeError(db);
    Tx tx(db);
    if (Status s = tx.checkRevision(revision); !s)
        return s;
    if (Status s = body(tx); !s)
        return s;
    if (!transaction.commit())
        return writeError(db);
    return {};
}

/// inTransaction() for a change to version `version` of `name`: NotFound, with nothing written,
/// when the model or the version does not exist.
Status inVersionTransaction(Database &db, const QString &revision, const QString &name, qint64 version,
                            const std::function<Status(Tx &)> &change)
{
    return inTransaction(db, revision, [&](Tx &tx) -> Status {
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        return change(tx);
    });
}

/// `text` as Python's json.dumps() writes a string: quoted, with `"`, `\` and control characters
/// escaped and everything beyond ASCII as \uXXXX (UTF-16, lower-case hex), as MLflow's tags hold it.
QString pythonJsonString(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""_s; break;
        case u'\\': out += u"\\\\"_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'\t': out += u"\\t"_s; break;
        case u'\b': out += u"\\b"_s; break;
        case u'\f': out += u"\\f"_s; break;
        default:
            if (u < 0x20 || u > 0x7e)
                out += u"\\u"_s + QString::number(u, 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    return out + u'"';
}

/// MLflow's set_model_versions_tags(): the LoggedModel's `mlflow.modelVersions` tag lists the
/// versions registered from it, as json.dumps() of a list of {"name", "version"} (the version an
/// int, as the SQL store gives it). An entry equal to the new one (Python's == on the dict: an int
/// 5 is not the string "5") is not added again. An empty tag starts a new list; MLflow re-dumps
/// the list it parsed, which for a value it wrote itself is the same text, so the entry is
/// appended to the text as it is. A value that is not a JSON list is left alone.
Status appendModelVersionsTag(Tx &tx, const QString &modelId, qint64 experimentId, const QString &name,
                              qint64 version)
{
    auto hasTags = tx.hasTable("logged_model_tags");
    if (!hasTags)
        return hasTags.error();
    if (!*hasTags)
        return {};
    Statement read = tx.db().prepare(u"SELECT tag_value FROM logged_model_tags WHERE model_id = ?1 AND tag_key = ?2"_s);
    read.bindUtf8(1, modelId.toUtf8()).bindUtf8(2, QByteArrayView("mlflow.modelVersions"));
    const auto found = tx.hasRow(read);
    if (!found)
        return found.error();
    const QString existing = *found ? read.text(0).trimmed() : QString();
    const QString entry = u"{\"name\": "_s + pythonJsonString(name) + u", \"version\": "_s + QString::number(version)
                          + u'}';
    QString value;
    if (existing.isEmpty()) {
        value = u'[' + entry + u']';
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(existing.toUtf8());
        if (!doc.isArray())
            return {};
        const QJsonArray list = doc.array();
        for (const QJsonValue &item : list) {
            const QJsonObject o = item.toObject();
            if (o.size() == 2 && o.value(u"name"_s) == QJsonValue(name) && o.value(u"version"_s).isDouble()
                && o.value(u"version"_s).toDouble() == double(version))
                return {};
        }
        const qsizetype close = existing.lastIndexOf(u']');
        if (list.isEmpty())
            value = u'[' + entry + u']';
        else
            value = existing.left(close).trimmed() + u", "_s + entry + u']';
    }
    Statement write = tx.db().prepare(u"INSERT OR REPLACE INTO logged_model_tags (model_id, experiment_id, tag_key, "
                                      u"tag_value) VALUES (?1, ?2, ?3, ?4)"_s);
    write.bindUtf8(1, modelId.toUtf8()).bind(2, experimentId).bindUtf8(3, QByteArrayView("mlflow.modelVersions"));
    write.bindUtf8(4, value.toUtf8());
    return tx.run(write);
}

} // namespace

MlflowDbWriter::MlflowDbWriter(QString dbPath)
    : m_path(QFileInfo(dbPath).absoluteFilePath()), m_db(std::make_unique<Database>())
{
}

MlflowDbWriter::~MlflowDbWriter() = default;

void MlflowDbWriter::close() { m_db->close(); }

QString MlflowDbWriter::uri() const { return MlflowDbSource(m_path).uri(); }

Status MlflowDbWriter::open()
{
    close();
    m_revision.clear();
    MlflowDbSource::SchemaInfo schema;
    if (auto s = mlflowdb::openDatabase(m_path, true, *m_db, schema); !s)
        return s;
    m_revision = schema.revision;
    Tx tx(*m_db);
    for (const char *table : {"registered_models", "model_versions"}) {
        auto has = tx.hasTable(table);
        if (!has || !*has) {
            Error e = has ? makeError(ErrorCategory::BadInput,
                                      Tr::tr("the MLflow database has no model registry (table '%1' is missing)")
                                          .arg(QLatin1String(table)),
                                      m_path)
                          : has.error();
            close();
            return e;
        }
    }
    return {};
}

Status MlflowDbWriter::ensureOpen()
{
    if (m_db->isOpen())
        return {};
    return open();
}

Result<RegisteredModel> MlflowDbWriter::readModel(const QString &name)
{
    if (auto s = ensureOpen(); !s)
        return s.error();
    if (auto s = registryrules::checkModelName(name); !s)
        return s.error();
    // One read transaction: model, versions, tags and aliases from the same snapshot.
    auto model = [&]() -> Result<std::optional<RegisteredModel>> {
        const Transaction snapshot(*m_db, Transaction::Kind::Deferred);  // rolled back: it only reads
        if (!snapshot.begin())
            return writeError(*m_db);
        return mlflowdb::readRegisteredModel(*m_db, name);
    }();
    if (!model)
        return model.error();
    if (!*model)
        return makeError(ErrorCategory::NotFound, Tr::tr("there is no registered model '%1'").arg(name), m_path);
    return std::move(**model);
}

Result<ModelVersion> MlflowDbWriter::createVersion(const NewModelVersion &v)
{
    if (auto s = ensureOpen(); !s)
        return s.error();
    if (auto s = registryrules::checkModelName(v.name); !s)
        return s.error();
    if (v.source.isEmpty())
        return makeError(ErrorCategory::BadInput, Tr::tr("the source of the new version is empty"), u"source"_s);
    // A repeated key: the last value wins, as MLflow builds a dict of the tags.
    QMap<QString, QString> tags;
    for (const KeyValue &t : v.tags) {
        if (auto s = registryrules::checkTagKey(t.key, u"tags"_s); !s)
            return s.error();
        if (auto s = registryrules::checkTagValue(t.value, u"tags"_s); !s)
            return s.error();
        tags.insert(t.key, t.value);
    }
    // models:/m-<id> names a LoggedModel (MLflow 3); any other models:/ URI a registered version.
    const QString loggedModelId = ModelVersion::modelIdFromSource(v.source);
    std::optional<std::pair<QString, qint64>> target;
    if (loggedModelId.isEmpty()) {
        auto t = registryrules::modelsUriTarget(v.source);
        if (!t)
            return t.error();
        target = *t;
    }

    qint64 number = 0;
    Status s = inTransaction(*m_db, m_revision, [&](Tx &tx) -> Status {
        QString storageLocation = v.source;
        QString runId = v.runId;
        qint64 modelExperimentId = 0;
        if (!loggedModelId.isEmpty()) {
            auto has = tx.hasTable("logged_models");
            if (!has)
                return has.error();
            if (!*has)
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("this MLflow database predates LoggedModels (MLflow 3): '%1' cannot be "
                                        "registered")
                                     .arg(v.source),
                                 m_path);
            // MLflow's get_logged_model(): a deleted LoggedModel is not found.
            Statement st = tx.db().prepare(u"SELECT artifact_location, source_run_id, experiment_id FROM "
                                           u"logged_models WHERE model_id = ?1 "
                                           u"AND COALESCE(lifecycle_stage, 'active') <> 'deleted'"_s);
            st.bindUtf8(1, loggedModelId.toUtf8());
            const auto found = tx.hasRow(st);
            if (!found)
                return found.error();
            if (!*found)
                return makeError(
                    ErrorCategory::NotFound,
                    Tr::tr("there is no LoggedModel '%1' (the source of the new version)").arg(loggedModelId), m_path);
            storageLocation = st.text(0);
            if (runId.isEmpty())
                runId = st.text(1);
            modelExperimentId = st.int64(2);
        } else if (target) {
            const auto &[refName, refVersion] = *target;
            if (auto st = tx.requireVersion(refName, refVersion); !st)
                return st;
            auto hasColumn = tx.hasColumn("model_versions", "storage_location");
            if (!hasColumn)
                return hasColumn.error();
            Statement st = tx.db().prepare(*hasColumn ? u"SELECT storage_location, source FROM model_versions "
                                                        u"WHERE name = ?1 AND version = ?2"_s
                                                      : u"SELECT NULL, source FROM model_versions WHERE name = ?1 "
                                                        u"AND version = ?2"_s);
            st.bindUtf8(1, refName.toUtf8()).bind(2, refVersion);
            // requireVersion() found the row in this transaction.
            if (!st.next())
                return tx.fail();
            storageLocation = st.text(0).isEmpty() ? st.text(1) : st.text(0);
        }

        const qint64 now = nowMs();
        {
            Statement st = tx.db().prepare(u"INSERT OR IGNORE INTO registered_models (name, creation_time, "
                                           u"last_updated_time, description) VALUES (?1, ?2, ?2, NULL)"_s);
            st.bindUtf8(1, v.name.toUtf8()).bind(2, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Statement st = tx.db().prepare(u"UPDATE registered_models SET last_updated_time = ?2 WHERE name = ?1"_s);
            st.bindUtf8(1, v.name.toUtf8()).bind(2, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Statement st =
                tx.db().prepare(u"SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?1"_s);
            st.bindUtf8(1, v.name.toUtf8());
            if (!st.next())  // an aggregate always has a row
                return tx.fail();
            number = st.int64(0);
        }
        auto hasStorage = tx.hasColumn("model_versions", "storage_location");
        if (!hasStorage)
            return hasStorage.error();
        auto hasRunLink = tx.hasColumn("model_versions", "run_link");
        if (!hasRunLink)
            return hasRunLink.error();
        QString columns = u"name, version, creation_time, last_updated_time, description, user_id, current_stage, "
                          u"source, run_id, status, status_message"_s;
        QString values = u"?1, ?2, ?3, ?3, ?4, ?5, 'None', ?6, ?7, 'READY', NULL"_s;
        if (*hasRunLink) {
            columns += u", run_link"_s;
            values += u", NULL"_s;
        }
        if (*hasStorage) {
            columns += u", storage_location"_s;
            values += u", ?8"_s;
        }
        Statement st = tx.db().prepare(u"INSERT INTO model_versions ("_s + columns + u") VALUES ("_s + values + u')');
        // An empty description, user or run id is stored as NULL, MLflow's None.
        auto textOrNull = [](const QString &text) { return text.isEmpty() ? QString() : text; };
        st.bindUtf8(1, v.name.toUtf8()).bind(2, number).bind(3, now);
        st.bind(4, textOrNull(v.description)).bind(5, textOrNull(v.userId));
        st.bindUtf8(6, v.source.toUtf8()).bind(7, textOrNull(runId));
        if (*hasStorage)
            st.bindUtf8(8, storageLocation.toUtf8());
        if (auto r = tx.run(st); !r)
            return r;
        if (!tags.isEmpty()) {
            auto hasTags = tx.hasTable("model_version_tags");
            if (!hasTags)
                return hasTags.error();
            if (!*hasTags)
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("this MLflow database predates model version tags"), m_path);
            for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
                Statement tag = tx.db().prepare(
                    u"INSERT INTO model_version_tags (key, value, name, version) VALUES (?1, ?2, ?3, ?4)"_s);
                tag.bindUtf8(1, it.key().toUtf8()).bindUtf8(2, it.value().toUtf8());
                tag.bindUtf8(3, v.name.toUtf8()).bind(4, number);
                if (auto r = tx.run(tag); !r)
                    return r;
            }
        }
        if (!loggedModelId.isEmpty())
            return appendModelVersionsTag(tx, loggedModelId, modelExperimentId, v.name, number);
        return {};
    });
    if (!s)
        return s.error();
    return readBackVersion(
        v.name, number,
        makeError(ErrorCategory::Internal, Tr::tr("the new version %1 cannot be read back").arg(number), m_path));
}

Status MlflowDbWriter::transitionStage(const QString &name, qint64 version, const QString &stage,
                                       bool archiveExisting)
{
    auto canonical = registryrules::targetStage(stage, archiveExisting);
    if (!canonical)
        return canonical.error();
    if (auto s = ensureOpen(); !s)
        return s;
    return inVersionTransaction(*m_db, m_revision, name, version, [&](Tx &tx) -> Status {
        const qint64 now = nowMs();
        if (archiveExisting) {
            // MLflow compares the stored stage exactly with the canonical one.
            Statement st = tx.db().prepare(u"UPDATE model_versions SET current_stage = 'Archived', "
                                           u"last_updated_time = ?3 WHERE name = ?1 AND version <> ?2 "
                                           u"AND current_stage = ?4"_s);
            st.bindUtf8(1, name.toUtf8()).bind(2, version).bind(3, now).bindUtf8(4, canonical->toUtf8());
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Statement st = tx.db().prepare(u"UPDATE model_versions SET current_stage = ?3, last_updated_time = ?4 "
                                           u"WHERE name = ?1 AND version = ?2"_s);
            st.bindUtf8(1, name.toUtf8()).bind(2, version).bindUtf8(3, canonical->toUtf8()).bind(4, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        Statement st = tx.db().prepare(u"UPDATE registered_models SET last_updated_time = ?2 WHERE name = ?1"_s);
        st.bindUtf8(1, name.toUtf8()).bind(2, now);
        return tx.run(st);
    });
}

Status MlflowDbWriter::setAlias(const QString &name, const QString &alias, qint64 version)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(*m_db, m_revision, [&](Tx &tx) -> Status {
        auto has = tx.hasTable("registered_model_aliases");
        if (!has)
            return has.error();
        if (!*has)
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("this MLflow database predates aliases (MLflow 2.3); upgrade it with "
                                    "`mlflow db upgrade`"),
                             m_path);
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        // session.merge() on the (name, alias) key: insert, or point the alias at the new version.
        Statement st = tx.db().prepare(
            u"INSERT OR REPLACE INTO registered_model_aliases (alias, version, name) VALUES (?1, ?2, ?3)"_s);
        st.bindUtf8(1, alias.toUtf8()).bind(2, version).bindUtf8(3, name.toUtf8());
        return tx.run(st);
    });
}

Status MlflowDbWriter::deleteAlias(const QString &name, const QString &alias)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(*m_db, m_revision, [&](Tx &tx) -> Status {
        if (auto s = tx.requireModel(name); !s)
            return s;
        auto has = tx.hasTable("registered_model_aliases");
        if (!has)
            return has.error();
        if (*has) {
            Statement st = tx.db().prepare(u"DELETE FROM registered_model_aliases WHERE name = ?1 AND alias = ?2"_s);
            st.bindUtf8(1, name.toUtf8()).bindUtf8(2, alias.toUtf8());
            if (auto r = tx.run(st); !r)
                return r;
            if (tx.db().changes() > 0)
                return {};
        }
        return makeError(ErrorCategory::NotFound, Tr::tr("registered model '%1' has no alias '%2'").arg(name, alias),
                         m_path);
    });
}

Status MlflowDbWriter::setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    if (auto s = registryrules::checkTagValue(value); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inVersionTransaction(*m_db, m_revision, name, version, [&](Tx &tx) -> Status {
        Statement st = tx.db().prepare(
            u"INSERT OR REPLACE INTO model_version_tags (key, value, name, version) VALUES (?1, ?2, ?3, ?4)"_s);
        st.bindUtf8(1, key.toUtf8()).bindUtf8(2, value.toUtf8()).bindUtf8(3, name.toUtf8()).bind(4, version);
        return tx.run(st);
    });
}

Status MlflowDbWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inVersionTransaction(*m_db, m_revision, name, version, [&](Tx &tx) -> Status {
        Statement st =
            tx.db().prepare(u"DELETE FROM model_version_tags WHERE name = ?1 AND version = ?2 AND key = ?3"_s);
        st.bindUtf8(1, name.toUtf8()).bind(2, version).bindUtf8(3, key.toUtf8());
        return tx.run(st);
    });
}

Status MlflowDbWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    if (auto s = ensureOpen(); !s)
        return s;
    return inVersionTransaction(*m_db, m_revision, name, version, [&](Tx &tx) -> Status {
        Statement st = tx.db().prepare(u"UPDATE model_versions SET description = ?3, last_updated_time = ?4 "
                                       u"WHERE name = ?1 AND version = ?2"_s);
        st.bindUtf8(1, name.toUtf8()).bind(2, version).bindUtf8(3, description.toUtf8()).bind(4, nowMs());
        return tx.run(st);
    });
}

} // namespace md
