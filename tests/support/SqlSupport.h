// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-only: run SQL on a store file directly, as another tool (or MLflow itself) would, through
// the project's one SQLite wrapper.

#include "sqlite/Database.h"

#include <QDebug>
#include <QByteArray>
#include <QString>

namespace md::test {

/// Runs `sql` (one or more statements) on the SQLite file at `path`; `create` makes the file when
/// it is missing. False, with the error on qWarning, when the file cannot be opened or SQLite
/// refuses the SQL.
inline bool execSql(const QString &path, const QByteArray &sql, bool create = false)
{
    Database db;
    Status s = db.open(path, create);
    if (s)
        s = db.exec(QString::fromUtf8(sql));
    if (!s)
        qWarning().noquote() << "SQL failed:" << s.error().toString();
    return s.ok();
}

} // namespace md::test
