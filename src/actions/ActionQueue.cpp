// SPDX-License-Identifier: GPL-3.0-or-later
// The queue of actions that wait for their source (table action_queue in the journal file).
#include "ActionService.h"
#include "ActionSupport.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace md {

using namespace detail;

Status ActionQueue::ensureTable()
{
    return m_journal.database().exec(
        u"CREATE TABLE IF NOT EXISTS action_queue ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, created_ms INTEGER NOT NULL, source_uri TEXT NOT NULL,"
        " user TEXT NOT NULL, request TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', result TEXT)"_s);
}

Result<qint64> ActionQueue::add(const ActionRequest &r, const QString &user)
{
    if (Status s = ensureTable(); !s)
        return s.error();
    Statement st = m_journal.database().prepare(
        u"INSERT INTO action_queue (created_ms, source_uri, user, request) VALUES (?, ?, ?, ?)"_s);
    if (!st.isValid())
        return m_journal.database().errorHere();
    st.bind(1, QDateTime::currentMSecsSinceEpoch())
        .bind(2, r.sourceUri)
        .bind(3, user)
        .bind(4, QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)));
    if (Status s = st.exec(); !s)
        return s.error();
    return m_journal.database().lastInsertRowId();
}

Result<QList<QueuedAction>> ActionQueue::list(const QString &sourceUri, bool pendingOnly)
{
    if (Status s = ensureTable(); !s)
        return s.error();
    Statement st = m_journal.database().prepare(
        u"SELECT id, created_ms, user, state, result, request FROM action_queue"
        " WHERE (coalesce(?1, '') = '' OR source_uri = ?1) AND (?2 = 0 OR state = 'pending') ORDER BY id"_s);
    if (!st.isValid())
        return m_journal.database().errorHere();
    st.bind(1, sourceUri).bind(2, pendingOnly ? 1 : 0);
    QList<QueuedAction> out;
    while (st.next()) {
        QueuedAction a;
        a.id = st.int64(0);
        a.createdMs = st.int64(1);
        a.user = st.text(2);
        a.state = st.text(3);
        a.result = st.text(4);
        auto r = ActionRequest::fromJson(QJsonDocument::fromJson(st.text(5).toUtf8()).object());
        if (!r)
            return makeError(ErrorCategory::Storage, Tr::tr("queued action %1 cannot be read: %2").arg(a.id).arg(r.error().message),
                             m_journal.path());
        a.request = *r;
        out.append(a);
    }
    if (st.error())
        return *st.error();
    return out;
}

Status ActionQueue::resolve(qint64 id, const QString &state, const QString &result)
{
    Statement st = m_journal.database().prepare(u"UPDATE action_queue SET state = ?, result = ? WHERE id = ?"_s);
    if (!st.isValid())
        return m_journal.database().errorHere();
    st.bind(1, state).bind(2, result).bind(3, id);
    return st.exec();
}

} // namespace md
