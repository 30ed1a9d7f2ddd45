// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/mlflowdb/MlflowDbWriter.h"

#include "sources/filestore/FileStoreWriter.h"
#include "sources/mlflowdb/MlflowDbSource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QMap>

#include <sqlite3.h>

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

/// One prepared statement with typed binds; finalized on destruction.
class Sql {
public:
    Sql(sqlite3 *db, const char *sql) : m_db(db) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Sql() { sqlite3_finalize(m_stmt); }
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    bool prepared() const { return m_rc == SQLITE_OK; }
    Sql &text(int i, const QString &v)
    {
        const QByteArray b = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
        return *this;
    }
    /// NULL for an empty string (MLflow's None).
    Sql &textOrNull(int i, const QString &v)
    {
        if (v.isEmpty())
            sqlite3_bind_null(m_stmt, i);
        else
            text(i, v);
        return *this;
    }
    Sql &int64(int i, qint64 v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_rc = sqlite3_step(m_stmt); }
    int code() const { return m_rc; }
    qint64 columnInt(int c) const { return sqlite3_column_int64(m_stmt, c); }
    bool columnNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    QString columnText(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, c)) : QString();
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

Error sqlError(sqlite3 *db, int rc, const QString &path)
{
    const int primary = rc & 0xff;
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return makeError(ErrorCategory::Conflict,
                         Tr::tr("the MLflow database is busy (another program is writing to it): %1").arg(detail),
                         path);
    if (primary == SQLITE_READONLY || primary == SQLITE_PERM)
        return makeError(ErrorCategory::Permission, Tr::tr("cannot write the MLflow database: %1").arg(detail), path);
    const bool broken = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    return makeError(broken ? ErrorCategory::BadInput : ErrorCategory::Storage,
                     Tr::tr("cannot write the MLflow database: %1").arg(detail), path);
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

/// The statements of one transaction on one open file; every failure names the file.
class Tx {
public:
    Tx(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

    Error fail(int rc) const { return sqlError(m_db, rc, m_path); }
    Error fail(const Sql &st) const { return fail(st.code()); }

    /// Runs a statement that returns no rows.
    Status run(Sql &st)
    {
        if (!st.prepared())
            return fail(st);
        const int rc = st.step();
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return fail(rc);
        return {};
    }
    int changes() const { return sqlite3_changes(m_db); }

    Result<bool> hasTable(const char *table)
    {
        Sql st(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
        st.text(1, QString::fromLatin1(table));
        if (!st.prepared())
            return fail(st);
        const int rc = st.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return fail(rc);
        return rc == SQLITE_ROW;
    }
    Result<bool> hasColumn(const char *table, const char *column)
    {
        Sql st(m_db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
        st.text(1, QString::fromLatin1(table)).text(2, QString::fromLatin1(column));
        if (!st.prepared())
            return fail(st);
        const int rc = st.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return fail(rc);
        return rc == SQLITE_ROW;
    }

    /// NotFound naming the model when it does not exist.
    Status requireModel(const QString &name)
    {
        if (auto s = registryrules::checkModelName(name); !s)
            return s;
        Sql st(m_db, "SELECT 1 FROM registered_models WHERE name = ?1");
        st.text(1, name);
        if (!st.prepared())
            return fail(st);
        const int rc = st.step();
        if (rc == SQLITE_DONE)
            return makeError(ErrorCategory::NotFound, Tr::tr("there is no registered model '%1'").arg(name), m_path);
        if (rc != SQLITE_ROW)
            return fail(rc);
        return {};
    }

    /// NotFound naming the model or version when either does not exist (or the version was deleted).
    Status requireVersion(const QString &name, qint64 version)
    {
        if (auto s = requireModel(name); !s)
            return s;
        Sql st(m_db, "SELECT current_stage FROM model_versions WHERE name = ?1 AND version = ?2");
        st.text(1, name).int64(2, version);
        if (!st.prepared())
            return fail(st);
        const int rc = st.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return fail(rc);
        if (rc == SQLITE_DONE || st.columnText(0) == kDeletedInternal)
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("registered model '%1' has no version %2").arg(name).arg(version), m_path);
        return {};
    }

    sqlite3 *db() const { return m_db; }
    const QString &path() const { return m_path; }

private:
    sqlite3 *m_db;
    QString m_path;
};

/// Runs `body` in one write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting
/// for the busy timeout), so the reads that check preconditions see the state the writes change.
Status inTransaction(sqlite3 *db, const QString &path, const std::function<Status(Tx &)> &body)
{
    if (const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return sqlError(db, rc, path);
    Tx tx(db, path);
    Status s = body(tx);
    if (s) {
        if (const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); rc != SQLITE_OK)
            s = sqlError(db, rc, path);
    }
    if (!s && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
}

} // namespace

MlflowDbWriter::MlflowDbWriter(QString dbPath) : m_path(QFileInfo(dbPath).absoluteFilePath()) {}

MlflowDbWriter::~MlflowDbWriter() { close(); }

void MlflowDbWriter::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

QString MlflowDbWriter::uri() const { return MlflowDbSource(m_path).uri(); }

Status MlflowDbWriter::open()
{
    close();
    if (auto s = mlflowdb::openDatabase(m_path, true, m_db, m_revision); !s)
        return s;
    Tx tx(m_db, m_path);
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
    if (m_db)
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
    if (const int rc = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return sqlError(m_db, rc, m_path);
    auto model = mlflowdb::readRegisteredModel(m_db, m_path, name);
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
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
    auto target = registryrules::modelsUriTarget(v.source);
    if (!target)
        return target.error();

    qint64 number = 0;
    Status s = inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        QString storageLocation = v.source;
        if (*target) {
            const auto &[refName, refVersion] = **target;
            if (auto st = tx.requireVersion(refName, refVersion); !st)
                return st;
            auto hasColumn = tx.hasColumn("model_versions", "storage_location");
            if (!hasColumn)
                return hasColumn.error();
            Sql st(tx.db(), *hasColumn ? "SELECT storage_location, source FROM model_versions WHERE name = ?1 "
                                         "AND version = ?2"
                                       : "SELECT NULL, source FROM model_versions WHERE name = ?1 AND version = ?2");
            st.text(1, refName).int64(2, refVersion);
            if (!st.prepared() || st.step() != SQLITE_ROW)
                return tx.fail(st);
            storageLocation = st.columnText(0).isEmpty() ? st.columnText(1) : st.columnText(0);
        }

        const qint64 now = nowMs();
        {
            Sql st(tx.db(), "INSERT OR IGNORE INTO registered_models (name, creation_time, last_updated_time, "
                            "description) VALUES (?1, ?2, ?2, NULL)");
            st.text(1, v.name).int64(2, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Sql st(tx.db(), "UPDATE registered_models SET last_updated_time = ?2 WHERE name = ?1");
            st.text(1, v.name).int64(2, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Sql st(tx.db(), "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?1");
            st.text(1, v.name);
            if (!st.prepared() || st.step() != SQLITE_ROW)
                return tx.fail(st);
            number = st.columnInt(0);
        }
        auto hasStorage = tx.hasColumn("model_versions", "storage_location");
        if (!hasStorage)
            return hasStorage.error();
        auto hasRunLink = tx.hasColumn("model_versions", "run_link");
        if (!hasRunLink)
            return hasRunLink.error();
        QByteArray columns = "name, version, creation_time, last_updated_time, description, user_id, current_stage, "
                             "source, run_id, status, status_message";
        QByteArray values = "?1, ?2, ?3, ?3, ?4, ?5, 'None', ?6, ?7, 'READY', NULL";
        if (*hasRunLink) {
            columns += ", run_link";
            values += ", NULL";
        }
        if (*hasStorage) {
            columns += ", storage_location";
            values += ", ?8";
        }
        const QByteArray insert = "INSERT INTO model_versions (" + columns + ") VALUES (" + values + ")";
        Sql st(tx.db(), insert.constData());
        st.text(1, v.name).int64(2, number).int64(3, now).textOrNull(4, v.description).textOrNull(5, v.userId);
        st.text(6, v.source).textOrNull(7, v.runId);
        if (*hasStorage)
            st.text(8, storageLocation);
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
                Sql tag(tx.db(), "INSERT INTO model_version_tags (key, value, name, version) VALUES (?1, ?2, ?3, ?4)");
                tag.text(1, it.key()).text(2, it.value()).text(3, v.name).int64(4, number);
                if (auto r = tx.run(tag); !r)
                    return r;
            }
        }
        return {};
    });
    if (!s)
        return s.error();
    auto model = readModel(v.name);
    if (!model)
        return model.error();
    if (const ModelVersion *mv = model->findVersion(number))
        return *mv;
    return makeError(ErrorCategory::Internal, Tr::tr("the new version %1 cannot be read back").arg(number), m_path);
}

Status MlflowDbWriter::transitionStage(const QString &name, qint64 version, const QString &stage,
                                       bool archiveExisting)
{
    auto canonical = registryrules::canonicalStage(stage);
    if (!canonical)
        return canonical.error();
    if (auto s = registryrules::checkArchiveExisting(*canonical, archiveExisting); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        const qint64 now = nowMs();
        if (archiveExisting) {
            // MLflow compares the stored stage exactly with the canonical one.
            Sql st(tx.db(), "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ?3 "
                            "WHERE name = ?1 AND version <> ?2 AND current_stage = ?4");
            st.text(1, name).int64(2, version).int64(3, now).text(4, *canonical);
            if (auto r = tx.run(st); !r)
                return r;
        }
        {
            Sql st(tx.db(), "UPDATE model_versions SET current_stage = ?3, last_updated_time = ?4 "
                            "WHERE name = ?1 AND version = ?2");
            st.text(1, name).int64(2, version).text(3, *canonical).int64(4, now);
            if (auto r = tx.run(st); !r)
                return r;
        }
        Sql st(tx.db(), "UPDATE registered_models SET last_updated_time = ?2 WHERE name = ?1");
        st.text(1, name).int64(2, now);
        return tx.run(st);
    });
}

Status MlflowDbWriter::setAlias(const QString &name, const QString &alias, qint64 version)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
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
        Sql st(tx.db(), "INSERT OR REPLACE INTO registered_model_aliases (alias, version, name) VALUES (?1, ?2, ?3)");
        st.text(1, alias).int64(2, version).text(3, name);
        return tx.run(st);
    });
}

Status MlflowDbWriter::deleteAlias(const QString &name, const QString &alias)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        if (auto s = tx.requireModel(name); !s)
            return s;
        auto has = tx.hasTable("registered_model_aliases");
        if (!has)
            return has.error();
        if (*has) {
            Sql st(tx.db(), "DELETE FROM registered_model_aliases WHERE name = ?1 AND alias = ?2");
            st.text(1, name).text(2, alias);
            if (auto r = tx.run(st); !r)
                return r;
            if (tx.changes() > 0)
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
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        Sql st(tx.db(), "INSERT OR REPLACE INTO model_version_tags (key, value, name, version) VALUES (?1, ?2, ?3, ?4)");
        st.text(1, key).text(2, value).text(3, name).int64(4, version);
        return tx.run(st);
    });
}

Status MlflowDbWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        Sql st(tx.db(), "DELETE FROM model_version_tags WHERE name = ?1 AND version = ?2 AND key = ?3");
        st.text(1, name).int64(2, version).text(3, key);
        return tx.run(st);
    });
}

Status MlflowDbWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    if (auto s = ensureOpen(); !s)
        return s;
    return inTransaction(m_db, m_path, [&](Tx &tx) -> Status {
        if (auto s = tx.requireVersion(name, version); !s)
            return s;
        Sql st(tx.db(), "UPDATE model_versions SET description = ?3, last_updated_time = ?4 "
                        "WHERE name = ?1 AND version = ?2");
        st.text(1, name).int64(2, version).text(3, description).int64(4, nowMs());
        return tx.run(st);
    });
}

} // namespace md
