// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace md {

class Database;

/// A prepared statement. Bind indexes are 1-based like SQLite's; columns are 0-based.
class Statement {
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    /// NaN is stored as NULL (SQLite cannot hold NaN); ±inf are kept.
    Statement &bind(int index, double value);
    Statement &bind(int index, std::optional<qint64> value);
    Statement &bindNull(int index);
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindVariant(int index, const QVariant &value);

    /// Advances; true while a row is available. Errors are kept for error().
    bool next();
    /// Runs a statement that returns no rows.
    Status exec();
    /// Ready for the next use with new bindings.
    void reset();

    QString text(int col) const;
    QByteArray blob(int col) const;
    qint64 int64(int col) const;
    /// NULL reads as NaN.
    double real(int col) const;
    bool isNull(int col) const;
    QVariant variant(int col) const;
    int columnCount() const;

    /// The error of the last next()/exec(), naming the database file.
    const std::optional<Error> &error() const { return m_error; }

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<Error> m_error;
};

/// One SQLite connection. Use it from one thread only.
class Database {
public:
    Database() = default;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// Opens (and creates when `create`) the file. `readOnly` opens with SQLITE_OPEN_READONLY.
    Status open(const QString &path, bool create, bool readOnly = false);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }

    /// Runs one or more statements separated by ';'.
    Status exec(const QString &sql);
    /// Prepares a statement; on failure the returned statement is invalid and lastError() tells.
    Statement prepare(const QString &sql);
    /// Convenience for a single value (first column of the first row).
    Result<QVariant> scalar(const QString &sql);

    const std::optional<Error> &lastError() const { return m_lastError; }
    Error errorHere(const QString &context = {}) const;
    qint64 lastInsertRowId() const;
    int userVersion();

    sqlite3 *handle() const { return m_db; }

private:
    friend class Statement;
    sqlite3 *m_db = nullptr;
    QString m_path;
    std::optional<Error> m_lastError;
};

/// RAII savepoint: rolls back unless commit() is called. Nests.
class Transaction {
public:
    explicit Transaction(Database &db);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();
    Status begin() const { return m_begin; }
    Status commit();

private:
    Database &m_db;
    QString m_name;
    Status m_begin;
    bool m_done = false;
};

} // namespace md
