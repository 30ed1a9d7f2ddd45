// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace md {

class Database;

/// SQLite's primary result code of a failed call, for callers that word or classify errors
/// themselves (the mlflow.db reader and writer do). Codes no caller tells apart are Other.
enum class SqliteCode {
    Ok,
    Busy,          ///< SQLITE_BUSY: another connection holds a lock (after the busy timeout)
    Locked,        ///< SQLITE_LOCKED: a conflict inside this connection's shared cache
    ReadOnly,      ///< SQLITE_READONLY: the file or the connection cannot be written
    Permission,    ///< SQLITE_PERM
    Corrupt,       ///< SQLITE_CORRUPT
    NotADatabase,  ///< SQLITE_NOTADB: the file is no SQLite database
    Format,        ///< SQLITE_FORMAT
    CannotOpen,    ///< SQLITE_CANTOPEN: e.g. the file is missing or a -shm file cannot be created
    Other,
};

/// A failed SQLite call as SQLite reported it.
struct SqliteFailure {
    SqliteCode code = SqliteCode::Ok;
    QString message;  ///< SQLite's own text (sqlite3_errmsg), untranslated
};

/// A prepared statement of one Database; it must not outlive it. Bind indexes are 1-based like
/// SQLite's; columns are 0-based. Column accessors are valid only while next() has a row.
class Statement {
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    /// A null string binds NULL; any other string, text.
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    /// NaN is stored as NULL (SQLite cannot hold NaN); ±inf are kept.
    Statement &bind(int index, double value);
    Statement &bind(int index, std::optional<qint64> value);
    /// As bind(QString), but SQLite reads the UTF-8 where the statement keeps it, until reset(),
    /// instead of copying each value (an allocation each): for statements bound with many strings
    /// per step, reset before each use. Without reset() the kept text only grows.
    Statement &bindKept(int index, const QString &value);
    /// Binds UTF-8 text, copied, so `utf8` may go away after the call. Always text: an empty or null
    /// view binds '' (never NULL). Lets a loop encode a value once and bind it many times.
    Statement &bindUtf8(int index, QByteArrayView utf8);
    Statement &bindNull(int index);
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindVariant(int index, const QVariant &value);

    /// Advances; true while a row is available. false at the end or on an error: error() tells
    /// which (and the database's lastFailure() has SQLite's code).
    bool next();
    /// Runs a statement that returns no rows (a row counts as success), then resets it for the next
    /// use; bindings are kept. On an error the database's lastFailure() has SQLite's code.
    Status exec();
    /// Ready for the next use with new bindings (all cleared to NULL).
    void reset();

    /// NULL reads as a null QString.
    QString text(int col) const;
    /// The column's UTF-8 text without a copy: valid until the next next(), reset() or the
    /// statement's end. NULL reads as a null view.
    QByteArrayView utf8(int col) const;
    QByteArray blob(int col) const;
    /// NULL reads as 0.
    qint64 int64(int col) const;
    /// NULL reads as NaN.
    double real(int col) const;
    bool isNull(int col) const;
    /// Does the column hold an integer (not text, real or NULL)?
    bool isInteger(int col) const;
    QVariant variant(int col) const;
    int columnCount() const;

    /// The error of the last next()/exec() (or of prepare()), naming the database file.
    const std::optional<Error> &error() const { return m_error; }

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    /// `size` bytes of room for bindKept() text, in blocks that never move.
    char *keptSpace(qsizetype size);
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<Error> m_error;
    std::vector<QByteArray> m_kept;  ///< bindKept() text; the blocks are reused after reset()
    size_t m_keptBlock = 0;          ///< the block being filled
    qsizetype m_keptUsed = 0;        ///< bytes of it in use
};

/// How Database::open() opens a file.
enum class OpenMode {
    Create,     ///< read-write; creates a missing file
    ReadWrite,  ///< read-write; a missing file fails. A write-protected file opens read-only without
                ///< an error (that is SQLite): ask isReadOnly()
    ReadOnly,   ///< read-only; never creates or writes the file (a WAL file may still need its -shm)
    Immutable,  ///< read-only as a snapshot that cannot change (URI parameter immutable=1): no locks and
                ///< no -shm file, so a WAL-mode file opens even in a folder we cannot write. Only safe
                ///< while nobody writes the file.
};

/// One SQLite connection, closed on destruction.
///
/// Thread: one connection per thread. A connection may move to another thread between calls, but
/// two threads never use one connection (or its statements) at the same time; it is opened without
/// SQLite's mutexes.
///
/// Errors: every Error names the database file in `where`. Each failed call also records SQLite's
/// code and text in lastFailure(), for callers that word their errors themselves.
class Database {
public:
    Database() = default;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// Opens `path` (closing an open connection first) with extended result codes and a busy
    /// timeout: a locked file is retried for up to `busyTimeoutMs` before a call fails with Busy.
    /// On failure the connection is closed. BadInput when the file is not a database, else Storage.
    Status open(const QString &path, OpenMode mode, int busyTimeoutMs = 5000);
    /// Shorthand: ReadOnly when `readOnly`, else Create or ReadWrite.
    Status open(const QString &path, bool create, bool readOnly = false)
    {
        return open(path, readOnly ? OpenMode::ReadOnly : create ? OpenMode::Create : OpenMode::ReadWrite);
    }
    void close();
    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }
    /// Is the main database read-only? True for a write-protected file opened ReadWrite.
    bool isReadOnly() const;

    /// Runs one or more statements separated by ';'.
    Status exec(const QString &sql);
    /// Prepares a statement; on failure the returned statement is invalid and lastError() tells.
    Statement prepare(const QString &sql);
    /// Convenience for a single value (first column of the first row).
    Result<QVariant> scalar(const QString &sql);

    const std::optional<Error> &lastError() const { return m_lastError; }
    /// SQLite's code and text of the most recent failed call (open, exec, prepare, Statement::next,
    /// Statement::exec); successful calls and a Transaction's automatic rollback leave it alone.
    const SqliteFailure &lastFailure() const { return m_failure; }
    /// An error for the connection's current SQLite error, `context` put before SQLite's text.
    Error errorHere(const QString &context = {}) const;
    qint64 lastInsertRowId() const;
    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    int changes() const;
    /// Rows changed by every INSERT, UPDATE and DELETE since the connection opened.
    qint64 totalChanges() const;
    int userVersion();

    sqlite3 *handle() const { return m_db; }

private:
    friend class Statement;
    friend class Transaction;
    /// Records a failure with SQLite's result code `rc`; `message` defaults to sqlite3_errmsg().
    void noteFailure(int rc, const char *message = nullptr);
    /// For rolling back: runs `sql` and records nothing, so the failure that led here stays.
    void execQuietly(const char *sql);
    /// No transaction is open (SQLite's autocommit mode).
    bool inAutocommit() const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::optional<Error> m_lastError;
    SqliteFailure m_failure;
};

/// RAII transaction: rolls back unless commit() is called. See Kind for what nests.
class Transaction {
public:
    enum class Kind {
        /// SAVEPOINT … RELEASE: nests inside any open transaction.
        Savepoint,
        /// BEGIN … COMMIT: reads from one snapshot, taken at the first read. Does not nest.
        Deferred,
        /// BEGIN IMMEDIATE … COMMIT: takes the write lock at once (waiting up to the busy timeout),
        /// so reads that check preconditions see the state the writes change. Does not nest.
        Immediate,
    };

    explicit Transaction(Database &db, Kind kind = Kind::Savepoint);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();
    /// Whether it began; when not, commit() returns the same error and nothing is rolled back.
    Status begin() const { return m_begin; }
    /// Commits; on failure everything since begin is rolled back (lastFailure() keeps the
    /// commit's failure).
    Status commit();

private:
    void rollback();

    Database &m_db;
    Kind m_kind;
    QString m_name;
    Status m_begin;
    bool m_done = false;
};

} // namespace md
