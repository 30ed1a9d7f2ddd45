// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlite/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>

namespace md {

namespace {
ErrorCategory categoryFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return ErrorCategory::BadInput;
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
    default:
        return ErrorCategory::Storage;
    }
}

SqliteCode codeFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK: return SqliteCode::Ok;
    case SQLITE_BUSY: return SqliteCode::Busy;
    case SQLITE_LOCKED: return SqliteCode::Locked;
    case SQLITE_READONLY: return SqliteCode::ReadOnly;
    case SQLITE_PERM: return SqliteCode::Permission;
    case SQLITE_CORRUPT: return SqliteCode::Corrupt;
    case SQLITE_NOTADB: return SqliteCode::NotADatabase;
    case SQLITE_FORMAT: return SqliteCode::Format;
    case SQLITE_CANTOPEN: return SqliteCode::CannotOpen;
    default: return SqliteCode::Other;
    }
}
} // namespace

Statement::Statement(Statement &&o) noexcept
    : m_db(o.m_db)
    , m_stmt(o.m_stmt)
    , m_error(std::move(o.m_error))
    , m_kept(std::move(o.m_kept))
    , m_keptBlock(o.m_keptBlock)
    , m_keptUsed(o.m_keptUsed)
{
    o.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&o) noexcept
{
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        m_error = std::move(o.m_error);
        m_kept = std::move(o.m_kept);
        m_keptBlock = o.m_keptBlock;
        m_keptUsed = o.m_keptUsed;
        o.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement &Statement::bind(int i, const QString &v)
{
    if (!m_stmt)
        return *this;
    if (v.isNull()) {
        sqlite3_bind_null(m_stmt, i);
    } else {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

char *Statement::keptSpace(qsizetype size)
{
    constexpr qsizetype kBlock = 4096;
    while (m_keptBlock < m_kept.size() && m_keptUsed + size > m_kept[m_keptBlock].size()) {
        ++m_keptBlock;
        m_keptUsed = 0;
    }
    if (m_keptBlock == m_kept.size()) {
        m_kept.emplace_back(std::max(kBlock, size), Qt::Uninitialized);
        m_keptUsed = 0;
    }
    char *p = m_kept[m_keptBlock].data() + m_keptUsed;
    m_keptUsed += size;
    return p;
}

Statement &Statement::bindKept(int i, const QString &v)
{
    if (!m_stmt)
        return *this;
    if (v.isNull()) {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    // Names and values are mostly ASCII: one byte per UTF-16 unit, no encoder.
    const qsizetype n = v.size();
    char *p = keptSpace(n);
    const char16_t *u = reinterpret_cast<const char16_t *>(v.utf16());
    qsizetype k = 0;
    while (k < n && u[k] < 0x80) {
        p[k] = char(u[k]);
        ++k;
    }
    if (k < n) {
        m_keptUsed -= n;
        const QByteArray utf8 = v.toUtf8();
        p = keptSpace(utf8.size());
        std::memcpy(p, utf8.constData(), size_t(utf8.size()));
        k = utf8.size();
    }
    sqlite3_bind_text(m_stmt, i, p, int(k), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bind(int i, qint64 v)
{
    if (!m_stmt)
        return *this;
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, double v)
{
    if (!m_stmt)
        return *this;
    if (std::isnan(v))
        sqlite3_bind_null(m_stmt, i);
    else
        sqlite3_bind_double(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, std::optional<qint64> v)
{
    return v ? bind(i, *v) : bindNull(i);
}

Statement &Statement::bindUtf8(int i, QByteArrayView v)
{
    if (!m_stmt)
        return *this;
    // A null view has no data pointer, which SQLite would bind as NULL.
    sqlite3_bind_text(m_stmt, i, v.data() ? v.data() : "", int(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int i)
{
    if (!m_stmt)
        return *this;
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

Statement &Statement::bindBlob(int i, const QByteArray &v)
{
    if (!m_stmt)
        return *this;
    sqlite3_bind_blob64(m_stmt, i, v.constData(), sqlite3_uint64(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindVariant(int i, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType: return bindNull(i);
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool: return bind(i, v.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float: return bind(i, v.toDouble());
    default: return bind(i, v.toString());
    }
}

bool Statement::next()
{
    if (!m_stmt)
        return false;  // m_error holds the prepare error
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_db->noteFailure(rc);
        m_error = m_db->errorHere();
    } else {
        m_error.reset();
    }
    return false;
}

Status Statement::exec()
{
    if (!m_stmt)
        return m_error ? *m_error : makeError(ErrorCategory::Internal, QStringLiteral("statement not prepared"));
    const int rc = sqlite3_step(m_stmt);
    Status st;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        m_db->noteFailure(rc);
        st = m_db->errorHere();
    }
    sqlite3_reset(m_stmt);
    return st;
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    // Oversized blocks (a long value) are not kept for the next use.
    std::erase_if(m_kept, [](const QByteArray &b) { return b.size() > 4096; });
    m_keptBlock = 0;
    m_keptUsed = 0;
}

QString Statement::text(int c) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, c));
}

QByteArrayView Statement::utf8(int c) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, c)) : QByteArrayView();
}

QByteArray Statement::blob(int c) const
{
    const void *p = sqlite3_column_blob(m_stmt, c);
    return p ? QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(m_stmt, c)) : QByteArray();
}

qint64 Statement::int64(int c) const { return sqlite3_column_int64(m_stmt, c); }

double Statement::real(int c) const
{
    if (sqlite3_column_type(m_stmt, c) == SQLITE_NULL)
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_stmt, c);
}

bool Statement::isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }

bool Statement::isInteger(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_INTEGER; }

QVariant Statement::variant(int c) const
{
    switch (sqlite3_column_type(m_stmt, c)) {
    case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(m_stmt, c)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, c));
    case SQLITE_NULL: return {};
    default: return QVariant(text(c));
    }
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

Database::~Database() { close(); }

Status Database::open(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    close();
    m_path = path;
    QByteArray name = QFile::encodeName(path);
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case OpenMode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case OpenMode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case OpenMode::Immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = QUrl::fromLocalFile(path).toEncoded() + "?immutable=1";
        break;
    }
    // SQLite counts every allocation under a process-wide mutex unless told not to before its
    // first use: that lock was 8 % of a sync's writing thread. Nothing here reads the counts
    // (sqlite3_memory_used); a process that initialised SQLite before keeps them.
    static const bool noMemoryStatus = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
    Q_UNUSED(noMemoryStatus);
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        noteFailure(rc);
        Error e = makeError(categoryFor(rc),
                            QCoreApplication::translate("Database", "cannot open database: %1").arg(m_failure.message),
                            path);
        close();
        return e;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    return {};
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool Database::isReadOnly() const { return m_db && sqlite3_db_readonly(m_db, "main") == 1; }

void Database::noteFailure(int rc, const char *message)
{
    m_failure.code = codeFor(rc);
    m_failure.message = QString::fromUtf8(message ? message : m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
}

void Database::execQuietly(const char *sql) { sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }

bool Database::inAutocommit() const { return !m_db || sqlite3_get_autocommit(m_db) != 0; }

Error Database::errorHere(const QString &context) const
{
    const int rc = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
    QString msg = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "database is not open");
    if (!context.isEmpty())
        msg = context + QStringLiteral(": ") + msg;
    return makeError(categoryFor(rc), msg, m_path);
}

Status Database::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        noteFailure(rc, err);
        Error e = makeError(categoryFor(rc), QString::fromUtf8(err ? err : sqlite3_errstr(rc)), m_path);
        sqlite3_free(err);
        m_lastError = e;
        return e;
    }
    return {};
}

Statement Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray u = sql.toUtf8();
    const int rc = m_db ? sqlite3_prepare_v2(m_db, u.constData(), int(u.size()), &stmt, nullptr) : SQLITE_MISUSE;
    if (rc != SQLITE_OK) {
        noteFailure(rc, m_db ? nullptr : "database is not open");
        m_lastError = errorHere();
        sqlite3_finalize(stmt);
        // An invalid statement that remembers why: next() gives false and error() says it.
        Statement failed(this, nullptr);
        failed.m_error = m_lastError;
        return failed;
    }
    return Statement(this, stmt);
}

Result<QVariant> Database::scalar(const QString &sql)
{
    Statement st = prepare(sql);
    if (!st.isValid())
        return errorHere();
    if (st.next())
        return st.variant(0);
    if (st.error())
        return *st.error();
    return QVariant();
}

qint64 Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

qint64 Database::totalChanges() const { return m_db ? qint64(sqlite3_total_changes64(m_db)) : 0; }

int Database::userVersion()
{
    auto v = scalar(QStringLiteral("PRAGMA user_version"));
    return v ? v->toInt() : -1;
}

Transaction::Transaction(Database &db, Kind kind) : m_db(db), m_kind(kind)
{
    switch (m_kind) {
    case Kind::Savepoint: {
        static std::atomic_int counter{0};
        m_name = QStringLiteral("sp%1").arg(++counter);
        m_begin = m_db.exec(QStringLiteral("SAVEPOINT ") + m_name);
        break;
    }
    case Kind::Deferred: m_begin = m_db.exec(QStringLiteral("BEGIN")); break;
    case Kind::Immediate: m_begin = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); break;
    }
    m_done = !m_begin.ok();
}

Transaction::~Transaction()
{
    if (!m_done)
        rollback();
}

void Transaction::rollback()
{
    if (m_kind == Kind::Savepoint) {
        const QByteArray name = m_name.toUtf8();
        m_db.execQuietly(QByteArray("ROLLBACK TO " + name).constData());
        m_db.execQuietly(QByteArray("RELEASE " + name).constData());
    } else if (!m_db.inAutocommit()) {
        // A failed COMMIT may have ended the transaction already (SQLite rolls back on some errors).
        m_db.execQuietly("ROLLBACK");
    }
}

Status Transaction::commit()
{
    if (m_done)
        return m_begin.ok() ? Status(makeError(ErrorCategory::Internal, QStringLiteral("transaction already ended")))
                            : m_begin;
    m_done = true;
    Status st = m_db.exec(m_kind == Kind::Savepoint ? QString(QStringLiteral("RELEASE ") + m_name)
                                                    : QStringLiteral("COMMIT"));
    if (!st)
        rollback();
    return st;
}

} // namespace md
