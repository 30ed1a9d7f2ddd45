// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlite/Database.h"
#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace md {

/// One journal entry: an action, an approval, a note or an observed registry change.
struct JournalEntry {
    qint64 seq = 0;         ///< assigned on append
    qint64 timeMs = 0;      ///< when it was written (epoch ms)
    QString sourceUri;
    QString kind;           ///< e.g. "observed.stage", "observed.alias", "promote", "approve", "rollback"
    QString subject;        ///< e.g. "car_price_model/4"
    QString user;
    QString note;
    QJsonObject details;    ///< kind-specific fields
    QString hash;           ///< hex SHA-256 over the previous hash and this entry's fields
};

/// The append-only journal: a separate SQLite file (synchronous=FULL) that clearing the cache never
/// touches. Entries are hash-chained so that an edit or removal is detectable. One object per thread.
class Journal {
public:
    Status open(const QString &path);
    bool isOpen() const { return m_db.isOpen(); }
    const QString &path() const { return m_db.path(); }
    Database &database() { return m_db; }

    /// The journal beside a cache file: same folder, "journal.sqlite".
    static QString defaultPathFor(const QString &cachePath);

    /// Appends and fills in seq, hash and (when 0) timeMs.
    Status append(JournalEntry &entry);
    /// All entries, oldest first; filtered by source and/or subject prefix when given.
    Result<QList<JournalEntry>> entries(const QString &sourceUri = {}, const QString &subjectPrefix = {});
    /// Recomputes the chain; an error names the first entry that does not match.
    Status verify();

private:
    static QString computeHash(const QString &prevHash, const JournalEntry &e);
    Database m_db;
};

} // namespace md
