// SPDX-License-Identifier: GPL-3.0-or-later
#include "Journal.h"

#include "Schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace md {

namespace {
/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Journal)
};
const QString kGenesis = QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000");
} // namespace

QString Journal::defaultPathFor(const QString &cachePath)
{
    return QFileInfo(cachePath).absoluteDir().filePath(QStringLiteral("journal.sqlite"));
}

Status Journal::open(const QString &path)
{
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath()))
        return makeError(ErrorCategory::Storage, Tr::tr("cannot create the folder for the journal"), fi.absolutePath());
    if (Status s = m_db.open(path, true); !s)
        return s;
    // FULL: an approval or an action that was reported as written must survive a power cut.
    Status s = m_db.exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"));
    const QStringList &migrations = schema::journalMigrations();
    const int current = s ? m_db.userVersion() : -1;
    if (s && current > migrations.size())
        s = makeError(ErrorCategory::Storage,
                      Tr::tr("the journal was written by a newer ModelDesk (schema %1; this version knows up to %2)")
                          .arg(current)
                          .arg(migrations.size()),
                      path);
    if (s && current == 0) {
        auto tables = m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
        if (tables && tables->toLongLong() > 0)
            s = makeError(ErrorCategory::BadInput, Tr::tr("this SQLite file is not a ModelDesk journal"), path);
    }
    for (int v = current; s && v < migrations.size(); ++v) {
        s = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (s)
            s = m_db.exec(migrations[v] + QStringLiteral("; PRAGMA user_version = %1; COMMIT;").arg(v + 1));
        if (!s)
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
    }
    if (!s) {
        Error e = s.error();
        if (e.where.isEmpty())
            e.where = path;
        m_db.close();
        return e;
    }
    return {};
}

QString Journal::computeHash(const QString &prevHash, const JournalEntry &e)
{
    // A JSON array gives one unambiguous byte string for the fields, whatever they contain.
    const QJsonArray fields{prevHash,  QString::number(e.timeMs), e.sourceUri, e.kind, e.subject, e.user, e.note,
                            QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))};
    const QByteArray bytes = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Status Journal::append(JournalEntry &e)
{
    if (e.timeMs == 0)
        e.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (Status s = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
        return s;
    auto prev = m_db.scalar(QStringLiteral("SELECT hash FROM entries ORDER BY seq DESC LIMIT 1"));
    if (!prev) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        return prev.error();
    }
    const QString prevHash = prev->isNull() ? kGenesis : prev->toString();
    const QString hash = computeHash(prevHash, e);
    Statement st = m_db.prepare(QStringLiteral(
        "INSERT INTO entries (time_ms, source_uri, kind, subject, user, note, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    st.bind(1, e.timeMs).bind(2, e.sourceUri).bind(3, e.kind).bind(4, e.subject).bind(5, e.user).bind(6, e.note);
    st.bind(7, QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
    st.bind(8, prevHash).bind(9, hash);
    Status s = st.exec();
    if (s)
        s = m_db.exec(QStringLiteral("COMMIT"));
    if (!s) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        return s;
    }
    e.seq = m_db.lastInsertRowId();
    e.hash = hash;
    return {};
}

namespace {
/// The columns every read of the journal selects, in this order.
const char *kEntryColumns = "seq, time_ms, source_uri, kind, subject, user, note, details, hash, prev_hash";

JournalEntry readEntry(const Statement &st)
{
    JournalEntry e;
    e.seq = st.int64(0);
    e.timeMs = st.int64(1);
    e.sourceUri = st.text(2);
    e.kind = st.text(3);
    e.subject = st.text(4);
    e.user = st.text(5);
    e.note = st.text(6);
    e.details = QJsonDocument::fromJson(st.text(7).toUtf8()).object();
    e.hash = st.text(8);
    return e;
}
} // namespace

Result<QList<JournalEntry>> Journal::entries(const QString &sourceUri, const QString &subjectPrefix)
{
    Statement st = m_db.prepare(QStringLiteral("SELECT %1 FROM entries"
                                               " WHERE (?1 IS NULL OR source_uri = ?1)"
                                               " AND (?2 IS NULL OR substr(subject, 1, length(?2)) = ?2) ORDER BY seq")
                                    .arg(QLatin1String(kEntryColumns)));
    if (!st.isValid())
        return m_db.errorHere();
    st.bind(1, sourceUri.isEmpty() ? QString() : sourceUri).bind(2, subjectPrefix.isEmpty() ? QString() : subjectPrefix);
    QList<JournalEntry> out;
    while (st.next())
        out.append(readEntry(st));
    if (st.error())
        return *st.error();
    return out;
}

Status Journal::verify()
{
    Statement st = m_db.prepare(QStringLiteral("SELECT %1 FROM entries ORDER BY seq").arg(QLatin1String(kEntryColumns)));
    if (!st.isValid())
        return m_db.errorHere();
    QString prev = kGenesis;
    while (st.next()) {
        const JournalEntry e = readEntry(st);
        if (st.text(9) != prev)
            return makeError(ErrorCategory::Conflict,
                             Tr::tr("entry %1 does not follow the entry before it: an entry was removed").arg(e.seq),
                             m_db.path());
        if (computeHash(prev, e) != e.hash)
            return makeError(ErrorCategory::Conflict, Tr::tr("entry %1 was changed after it was written").arg(e.seq), m_db.path());
        prev = e.hash;
    }
    if (st.error())
        return *st.error();
    return {};
}

} // namespace md
