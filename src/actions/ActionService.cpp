// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActionService.h"

#include "cache/Cache.h"
#include "core/TagNames.h"
#include "sources/ArtifactStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ActionService)
};

std::optional<QString> tag(const ModelVersion &v, const QString &key)
{
    for (const KeyValue &kv : v.tags)
        if (kv.key == key)
            return kv.value;
    return std::nullopt;
}

QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

QString versionName(const QString &model, qint64 v) { return model + u" v"_s + QString::number(v); }

bool usesStages(RegistryScheme s) { return s == RegistryScheme::Stages || s == RegistryScheme::Both; }
bool usesAliases(RegistryScheme s) { return s == RegistryScheme::Aliases || s == RegistryScheme::Both; }

qint64 aliasVersion(const RegisteredModel &m, const QString &alias)
{
    for (const ModelAlias &a : m.aliases)
        if (a.alias == alias)
            return a.version;
    return 0;
}

/// What changed in stages and aliases, in the importer's form ({version, field, old, new}), so
/// that the timeline treats our own actions like observations with an exact time.
QJsonArray registryChanges(const RegisteredModel &before, const RegisteredModel &after)
{
    QJsonArray out;
    for (const ModelVersion &v : after.versions) {
        const ModelVersion *was = before.findVersion(v.version);
        if (!was) {
            out.append(QJsonObject{{u"version"_s, double(v.version)}, {u"field"_s, u"registered"_s},
                                   {u"old"_s, QString()}, {u"new"_s, v.currentStage}});
            continue;
        }
        if (was->currentStage != v.currentStage)
            out.append(QJsonObject{{u"version"_s, double(v.version)}, {u"field"_s, u"stage"_s},
                                   {u"old"_s, was->currentStage}, {u"new"_s, v.currentStage}});
    }
    QSet<QString> aliases;
    for (const ModelAlias &a : before.aliases)
        aliases.insert(a.alias);
    for (const ModelAlias &a : after.aliases)
        aliases.insert(a.alias);
    QStringList sorted(aliases.cbegin(), aliases.cend());
    sorted.sort();
    for (const QString &alias : std::as_const(sorted)) {
        const qint64 was = aliasVersion(before, alias), now = aliasVersion(after, alias);
        if (was == now)
            continue;
        out.append(QJsonObject{{u"version"_s, double(now ? now : was)},
                               {u"field"_s, QString(u"alias:"_s + alias)},
                               {u"old"_s, was ? QString::number(was) : QString()},
                               {u"new"_s, now ? QString::number(now) : QString()}});
    }
    return out;
}

QString sourceKindOfUri(const QString &uri)
{
    const QString scheme = uri.section(u"://"_s, 0, 0);
    if (scheme == u"https")
        return u"http"_s;
    return scheme;
}

QString stageCanonical(const QString &s)
{
    for (const QString &stage : {kStageNone, kStageStaging, kStageProduction, kStageArchived})
        if (s.compare(stage, Qt::CaseInsensitive) == 0)
            return stage;
    return {};
}

bool isUnderReview(const ModelVersion &v, const RegisteredModel &m, const ModelPolicy &p)
{
    return v.currentStage == kStageStaging || aliasVersion(m, p.candidateAlias) == v.version;
}

QString stepsText(const QList<WriteStep> &steps, const QString &model)
{
    QStringList lines;
    for (const WriteStep &s : steps)
        lines.append(s.describe(model));
    return lines.join(u"; "_s);
}

} // namespace

// ---------------------------------------------------------------- names and JSON

QString actionKindName(ActionKind k)
{
    switch (k) {
    case ActionKind::Register:
        return u"register"_s;
    case ActionKind::Promote:
        return u"promote"_s;
    case ActionKind::AbStart:
        return u"ab.start"_s;
    case ActionKind::AbEnd:
        return u"ab.end"_s;
    case ActionKind::Approve:
        return u"approve"_s;
    case ActionKind::Reject:
        return u"reject"_s;
    case ActionKind::Rollback:
        return u"rollback"_s;
    }
    return {};
}

std::optional<ActionKind> actionKindFromName(const QString &name)
{
    for (ActionKind k : {ActionKind::Register, ActionKind::Promote, ActionKind::AbStart, ActionKind::AbEnd,
                         ActionKind::Approve, ActionKind::Reject, ActionKind::Rollback})
        if (actionKindName(k) == name)
            return k;
    return std::nullopt;
}

VersionSnapshot VersionSnapshot::of(const ModelVersion &v)
{
    VersionSnapshot s;
    s.version = v.version;
    s.stage = v.currentStage;
    s.aliases = v.aliases;
    s.aliases.sort();
    s.approvalState = tag(v, tags::kApprovalState).value_or(QString());
    return s;
}

QJsonObject ActionRequest::toJson() const
{
    QJsonObject o{{u"kind"_s, actionKindName(kind)}, {u"source"_s, sourceUri}, {u"model"_s, model},
                  {u"version"_s, double(version)}, {u"target"_s, target}, {u"share"_s, sharePercent},
                  {u"note"_s, note}};
    if (kind == ActionKind::Register) {
        QJsonArray tags;
        for (const KeyValue &kv : newVersion.tags)
            tags.append(QJsonObject{{u"key"_s, kv.key}, {u"value"_s, kv.value}});
        o.insert(u"new_version"_s, QJsonObject{{u"source"_s, newVersion.source}, {u"run_id"_s, newVersion.runId},
                                               {u"description"_s, newVersion.description},
                                               {u"user_id"_s, newVersion.userId}, {u"tags"_s, tags}});
    }
    if (expected)
        o.insert(u"expected"_s, QJsonObject{{u"version"_s, double(expected->version)},
                                           {u"stage"_s, expected->stage},
                                           {u"aliases"_s, QJsonArray::fromStringList(expected->aliases)},
                                           {u"approval_state"_s, expected->approvalState}});
    if (!evidence.isEmpty())
        o.insert(u"evidence"_s, evidence);
    return o;
}

Result<ActionRequest> ActionRequest::fromJson(const QJsonObject &o)
{
    ActionRequest r;
    auto kind = actionKindFromName(o.value(u"kind"_s).toString());
    if (!kind)
        return makeError(ErrorCategory::BadInput, Tr::tr("unknown action"), u"kind"_s);
    r.kind = *kind;
    r.sourceUri = o.value(u"source"_s).toString();
    r.model = o.value(u"model"_s).toString();
    r.version = qint64(o.value(u"version"_s).toDouble());
    r.target = o.value(u"target"_s).toString();
    r.sharePercent = o.value(u"share"_s).toDouble();
    r.note = o.value(u"note"_s).toString();
    const QJsonObject nv = o.value(u"new_version"_s).toObject();
    r.newVersion.name = r.model;
    r.newVersion.source = nv.value(u"source"_s).toString();
    r.newVersion.runId = nv.value(u"run_id"_s).toString();
    r.newVersion.description = nv.value(u"description"_s).toString();
    r.newVersion.userId = nv.value(u"user_id"_s).toString();
    for (const QJsonValue &t : nv.value(u"tags"_s).toArray())
        r.newVersion.tags.append({t.toObject().value(u"key"_s).toString(), t.toObject().value(u"value"_s).toString()});
    if (o.contains(u"expected"_s)) {
        const QJsonObject e = o.value(u"expected"_s).toObject();
        VersionSnapshot s;
        s.version = qint64(e.value(u"version"_s).toDouble());
        s.stage = e.value(u"stage"_s).toString();
        for (const QJsonValue &a : e.value(u"aliases"_s).toArray())
            s.aliases.append(a.toString());
        s.approvalState = e.value(u"approval_state"_s).toString();
        r.expected = s;
    }
    r.evidence = o.value(u"evidence"_s).toObject();
    return r;
}

QString WriteStep::describe(const QString &model) const
{
    const QString v = versionName(model, version);
    switch (op) {
    case Op::CreateVersion:
        return Tr::tr("register a new version of %1 from %2").arg(model, key);
    case Op::Stage:
        if (archiveExisting && displaced)
            return Tr::tr("move %1 to %2, archiving v%3").arg(v, key).arg(displaced);
        return archiveExisting ? Tr::tr("move %1 to %2, archiving the version there").arg(v, key)
                               : Tr::tr("move %1 to %2").arg(v, key);
    case Op::SetAlias:
        if (displaced)
            return Tr::tr("move alias '%1' from v%2 to %3").arg(key).arg(displaced).arg(v);
        return Tr::tr("point alias '%1' at %2").arg(key, v);
    case Op::DeleteAlias:
        return Tr::tr("remove alias '%1' (from %2)").arg(key, v);
    case Op::SetTag:
        return Tr::tr("tag %1: %2 = %3").arg(v, key, value);
    case Op::DeleteTag:
        return Tr::tr("remove tag %1 from %2").arg(key, v);
    }
    return {};
}

// ---------------------------------------------------------------- queue

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

// ---------------------------------------------------------------- service

ActionService::ActionService(RegistryWriter &writer, Journal &journal, Cache *cache, Policies policies, Identity identity)
    : m_writer(writer), m_journal(journal), m_cache(cache), m_policies(std::move(policies)), m_identity(std::move(identity))
{
}

RegistryScheme ActionService::resolveScheme(const RegisteredModel &model, const ModelPolicy &policy, bool aliasesSupported)
{
    if (!aliasesSupported)
        return RegistryScheme::Stages;
    if (policy.scheme != RegistryScheme::Auto)
        return policy.scheme;
    bool stages = false;
    for (const ModelVersion &v : model.versions)
        stages = stages || v.currentStage == kStageProduction || v.currentStage == kStageStaging;
    const bool aliases = aliasVersion(model, policy.productionAlias) || aliasVersion(model, policy.candidateAlias);
    if (stages && aliases)
        return RegistryScheme::Both;
    if (aliases)
        return RegistryScheme::Aliases;
    return RegistryScheme::Stages;
}

qint64 ActionService::productionVersion(const RegisteredModel &model, const ModelPolicy &policy, RegistryScheme scheme)
{
    if (usesAliases(scheme))
        if (const qint64 v = aliasVersion(model, policy.productionAlias))
            return v;
    qint64 best = 0;
    for (const ModelVersion &v : model.versions)
        if (v.currentStage == kStageProduction)
            best = std::max(best, v.version);
    return best;
}

QString RollbackTarget::why(qint64 currentProduction) const
{
    switch (basis) {
    case RollbackBasis::History:
        return Tr::tr("v%1 was in Production before v%2").arg(version).arg(currentProduction);
    case RollbackBasis::Tag:
        return Tr::tr("v%1 is tagged as the rollback target").arg(version);
    case RollbackBasis::Archived:
        return Tr::tr("v%1 is the newest Archived version below v%2").arg(version).arg(currentProduction);
    case RollbackBasis::NoHistory:
        return Tr::tr("proposed without history: no record says which version was in Production before v%1; "
                      "v%2 is the highest READY version below it")
            .arg(currentProduction)
            .arg(version);
    case RollbackBasis::Chosen:
        return Tr::tr("v%1 was chosen by the person rolling back").arg(version);
    }
    return {};
}

QString ActionService::productionName(RegistryScheme scheme, const ModelPolicy &policy)
{
    switch (scheme) {
    case RegistryScheme::Aliases:
        return u"'"_s + policy.productionAlias + u"'"_s;
    case RegistryScheme::Both:
        return Tr::tr("Production ('%1')").arg(policy.productionAlias);
    case RegistryScheme::Auto:
    case RegistryScheme::Stages:
        break;
    }
    return Tr::tr("Production");
}

QString ActionService::candidateName(RegistryScheme scheme, const ModelPolicy &policy)
{
    switch (scheme) {
    case RegistryScheme::Aliases:
        return u"'"_s + policy.candidateAlias + u"'"_s;
    case RegistryScheme::Both:
        return Tr::tr("Staging ('%1')").arg(policy.candidateAlias);
    case RegistryScheme::Auto:
    case RegistryScheme::Stages:
        break;
    }
    return Tr::tr("Staging");
}

Result<RollbackTarget> ActionService::rollbackTarget(const RegisteredModel &model, const QList<JournalEntry> &journal,
                                                     const ModelPolicy &policy, qint64 currentProduction,
                                                     RegistryScheme scheme)
{
    // Versions that entered Production, oldest first, and versions that were rolled back from.
    struct Entered {
        qint64 timeMs;
        qint64 version;
    };
    QList<Entered> entered;
    QSet<qint64> rolledBack;
    const QString prodAlias = u"alias:"_s + policy.productionAlias;
    const QString prefix = model.name + u'/';
    for (const JournalEntry &e : journal) {
        if (e.subject != model.name && !e.subject.startsWith(prefix))
            continue;
        if (e.kind == u"rollback"_s)
            rolledBack.insert(qint64(e.details.value(u"from"_s).toDouble()));
        QJsonArray changes = e.details.value(u"changes"_s).toArray();
        if (e.kind.startsWith(u"observed."_s))
            changes = QJsonArray{QJsonObject{{u"version"_s, double(e.subject.section(u'/', -1).toLongLong())},
                                             {u"field"_s, e.details.value(u"field"_s)},
                                             {u"new"_s, e.details.value(u"new"_s)}}};
        const qint64 t = e.kind.startsWith(u"observed."_s)
                             ? qint64((e.details.value(u"window_start_ms"_s).toDouble() +
                                       e.details.value(u"window_end_ms"_s).toDouble()) / 2)
                             : e.timeMs;
        for (const QJsonValue &cv : std::as_const(changes)) {
            const QJsonObject c = cv.toObject();
            const QString field = c.value(u"field"_s).toString();
            if (field == u"stage"_s && c.value(u"new"_s).toString() == kStageProduction)
                entered.append({t, qint64(c.value(u"version"_s).toDouble())});
            else if (field == prodAlias && !c.value(u"new"_s).toString().isEmpty())
                entered.append({t, c.value(u"new"_s).toString().toLongLong()});
        }
    }
    for (const ModelVersion &v : model.versions)
        if (tag(v, tags::kRolledBackAt))
            rolledBack.insert(v.version);
    std::stable_sort(entered.begin(), entered.end(), [](const Entered &a, const Entered &b) { return a.timeMs < b.timeMs; });
    // The current version's latest entry into Production: candidates entered before it.
    qsizetype currentAt = entered.size();
    for (qsizetype i = entered.size() - 1; i >= 0; --i)
        if (entered.at(i).version == currentProduction) {
            currentAt = i;
            break;
        }
    auto usable = [&](qint64 v) {
        const ModelVersion *mv = model.findVersion(v);
        return v != currentProduction && mv && !rolledBack.contains(v) && mv->status == u"READY"_s;
    };
    for (qsizetype i = currentAt - 1; i >= 0; --i)
        if (usable(entered.at(i).version))
            return RollbackTarget{entered.at(i).version, RollbackBasis::History};
    qint64 tagged = 0, archived = 0, below = 0;
    for (const ModelVersion &v : model.versions) {
        if (!usable(v.version))
            continue;
        if (tag(v, tags::kRollbackTarget) == u"true"_s)
            tagged = std::max(tagged, v.version);
        if (v.currentStage == kStageArchived && v.version < currentProduction)
            archived = std::max(archived, v.version);
        if (v.version < currentProduction)
            below = std::max(below, v.version);
    }
    if (tagged)
        return RollbackTarget{tagged, RollbackBasis::Tag};
    if (archived)
        return RollbackTarget{archived, RollbackBasis::Archived};
    // An alias model keeps no Archived versions: moving the alias leaves no trace in the registry.
    if (usesAliases(scheme) && below && aliasVersion(model, policy.productionAlias) == currentProduction)
        return RollbackTarget{below, RollbackBasis::NoHistory};
    return makeError(ErrorCategory::NotFound,
                     Tr::tr("no earlier Production version to roll back to; name one with --to"), model.name);
}

Error ActionService::refuse(const ActionRequest &request, const QString &rule, const QString &message, const ModelPolicy &p)
{
    Q_UNUSED(request)
    return makeError(ErrorCategory::Policy, Tr::tr("refused by rule '%1': %2").arg(rule, message), p.where);
}

Status ActionService::checkExpected(const ActionRequest &request, const RegisteredModel &model)
{
    if (!request.expected)
        return {};
    const VersionSnapshot &seen = *request.expected;
    const ModelVersion *v = model.findVersion(seen.version);
    if (!v)
        return makeError(ErrorCategory::Conflict,
                         Tr::tr("%1 no longer exists in the source").arg(versionName(model.name, seen.version)),
                         m_writer.uri());
    const VersionSnapshot now = VersionSnapshot::of(*v);
    if (now == seen)
        return {};
    QStringList what;
    if (now.stage != seen.stage)
        what.append(Tr::tr("stage %1 → %2").arg(seen.stage, now.stage));
    if (now.aliases != seen.aliases)
        what.append(Tr::tr("aliases [%1] → [%2]").arg(seen.aliases.join(u", "_s), now.aliases.join(u", "_s)));
    if (now.approvalState != seen.approvalState)
        what.append(Tr::tr("review %1 → %2")
                        .arg(seen.approvalState.isEmpty() ? Tr::tr("open") : seen.approvalState,
                             now.approvalState.isEmpty() ? Tr::tr("open") : now.approvalState));
    // Name who made the change only when the journal has the entry that produced the state the
    // source shows now; anything else was another tool that no sync has seen yet.
    QString who = Tr::tr(" (by another tool; no sync has seen it yet)");
    if (auto entries = m_journal.entries(m_writer.uri(), model.name + u'/' + QString::number(seen.version)); entries) {
        const QString subject = model.name + u'/' + QString::number(seen.version);
        for (qsizetype i = entries->size() - 1; i >= 0; --i) {
            const JournalEntry &e = entries->at(i);
            if (e.subject != subject && !e.details.contains(u"changes"_s))
                continue;
            bool produced = false;
            if (e.kind.startsWith(u"observed."_s)) {
                produced = e.subject == subject && e.details.value(u"field"_s).toString() == u"stage"_s &&
                           e.details.value(u"new"_s).toString() == now.stage && now.stage != seen.stage;
            } else {
                for (const QJsonValue &cv : e.details.value(u"changes"_s).toArray()) {
                    const QJsonObject c = cv.toObject();
                    if (qint64(c.value(u"version"_s).toDouble()) == seen.version && c.value(u"field"_s).toString() == u"stage"_s &&
                        c.value(u"new"_s).toString() == now.stage && now.stage != seen.stage)
                        produced = true;
                }
                // A decision changes no stage: its own entry explains a changed review state.
                if ((e.kind == u"approve"_s || e.kind == u"reject"_s) && e.subject == subject &&
                    now.approvalState != seen.approvalState && now.stage == seen.stage)
                    produced = true;
            }
            if (!produced)
                continue;
            who = e.user.isEmpty() ? Tr::tr(" (by another tool, seen by a sync at %1)").arg(iso(e.timeMs))
                                   : Tr::tr(" (by %1 at %2)").arg(e.user, iso(e.timeMs));
            break;
        }
    }
    return makeError(ErrorCategory::Conflict,
                     Tr::tr("%1 changed since you looked: %2%3. Nothing was written; refresh and decide again.")
                         .arg(versionName(model.name, seen.version), what.join(u", "_s), who),
                     m_writer.uri());
}

Result<ActionPlan> ActionService::planOn(const ActionRequest &request, const RegisteredModel &model)
{
    // MLflow 3 keeps prompts as registered models; none of the registry actions means anything
    // for a prompt, and a rollback of one could take down what an application sends to its LLM.
    if (model.isPrompt())
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("this is a prompt of MLflow's prompt registry, not a model: prompts are not "
                                "registered, promoted, reviewed or rolled back here"),
                         request.model);
    const ModelPolicy p = m_policies.forModel(request.model);
    ActionPlan plan;
    plan.request = request;
    plan.user = m_identity.user;
    plan.userOrigin = m_identity.origin;
    plan.before = model;
    plan.scheme = resolveScheme(model, p, m_writer.supportsAliases());
    plan.version = request.version;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool folder = m_writer.uri().startsWith(u"folder://"_s);
    auto addTag = [&](qint64 v, const QString &k, const QString &val) {
        plan.steps.append({WriteStep::Op::SetTag, v, k, val, false});
    };
    auto removeTag = [&](const ModelVersion &v, const QString &k) {
        if (tag(v, k))
            plan.steps.append({WriteStep::Op::DeleteTag, v.version, k, {}, false});
    };
    auto needVersion = [&](qint64 version) -> Result<const ModelVersion *> {
        const ModelVersion *v = model.findVersion(version);
        if (!v)
            return makeError(ErrorCategory::NotFound, Tr::tr("%1 does not exist").arg(versionName(model.name, version)),
                             m_writer.uri());
        plan.checks.append(Tr::tr("%1 exists").arg(versionName(model.name, version)));
        if (v->status != u"READY"_s)
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("%1 is not ready (status %2)").arg(versionName(model.name, version), v->status),
                             m_writer.uri());
        plan.checks.append(Tr::tr("%1 is READY").arg(versionName(model.name, version)));
        return v;
    };
    const qint64 production = productionVersion(model, p, plan.scheme);
    // The side effects a write has on other versions, for the plan.
    auto inStage = [&](const QString &stage, qint64 except) {
        qint64 found = 0;
        for (const ModelVersion &mv : model.versions)
            if (mv.currentStage == stage && mv.version != except)
                found = std::max(found, mv.version);
        return found;
    };
    auto aliasStep = [&](qint64 version, const QString &alias) {
        const qint64 holder = aliasVersion(model, alias);
        WriteStep step{WriteStep::Op::SetAlias, version, alias, {}, false};
        step.displaced = holder != version ? holder : 0;
        return step;
    };
    auto stageStep = [&](qint64 version, const QString &stage, bool archive) {
        WriteStep step{WriteStep::Op::Stage, version, stage, {}, archive};
        step.displaced = archive ? inStage(stage, version) : 0;
        return step;
    };
    const QString productionWord = productionName(plan.scheme, p);
    const QString candidateWord = candidateName(plan.scheme, p);

    switch (request.kind) {
    case ActionKind::Register: {
        if (request.newVersion.source.isEmpty())
            return makeError(ErrorCategory::BadInput, Tr::tr("say where the model's files are"), u"source"_s);
        WriteStep s{WriteStep::Op::CreateVersion, 0, request.newVersion.source, {}, false};
        plan.steps.append(s);
        plan.summary = Tr::tr("Register a new version of %1 from %2").arg(model.name, request.newVersion.source);
        break;
    }
    case ActionKind::Promote: {
        auto vr = needVersion(request.version);
        if (!vr)
            return vr.error();
        const ModelVersion &v = **vr;
        QString target = stageCanonical(request.target);
        if (request.target == p.productionAlias)
            target = kStageProduction;
        else if (request.target == p.candidateAlias)
            target = kStageStaging;
        if (target.isEmpty()) {
            // Another alias: just point it.
            if (!m_writer.supportsAliases())
                return makeError(ErrorCategory::BadInput, Tr::tr("this source has no aliases; use a stage"), u"--to"_s);
            if (request.target.trimmed().isEmpty())
                return makeError(ErrorCategory::BadInput, Tr::tr("say where to: Staging, Production or an alias"), u"--to"_s);
            plan.steps.append(aliasStep(v.version, request.target.trimmed()));
            plan.summary = Tr::tr("Point alias '%1' at %2").arg(request.target.trimmed(), versionName(model.name, v.version));
            break;
        }
        if (target == kStageProduction) {
            if (production == v.version)
                return makeError(ErrorCategory::BadInput, Tr::tr("%1 is already in Production").arg(versionName(model.name, v.version)),
                                 m_writer.uri());
            if (p.productionRequiresApproval) {
                const QString state = tag(v, tags::kApprovalState).value_or(QString());
                if (state != u"approved"_s)
                    return refuse(request, u"approval-required"_s,
                                  state == u"rejected"_s
                                      ? Tr::tr("%1 was rejected by %2; it needs a new review and an approval")
                                            .arg(versionName(model.name, v.version),
                                                 tag(v, tags::kApprovalBy).value_or(QString()))
                                      : Tr::tr("%1 has no approval; a second person must approve it first")
                                            .arg(versionName(model.name, v.version)),
                                  p);
                plan.checks.append(Tr::tr("approved by %1").arg(tag(v, tags::kApprovalBy).value_or(QString())));
            }
            if (folder && p.folderRequiresBetterScore) {
                bool okNew = false, okOld = false;
                const double score = tag(v, tags::kScore).value_or(QString()).toDouble(&okNew);
                double best = 0;
                if (const ModelVersion *cur = model.findVersion(production))
                    best = tag(*cur, tags::kBestScore)
                               .value_or(tag(*cur, tags::kScore).value_or(QString()))
                               .toDouble(&okOld);
                if (!okNew)
                    return refuse(request, u"better-score"_s,
                                  Tr::tr("%1 has no recorded score, so it cannot be shown to be better")
                                      .arg(versionName(model.name, v.version)),
                                  p);
                if (okOld && !(score > best))
                    return refuse(request, u"better-score"_s,
                                  Tr::tr("score %1 is not better than the current model's %2").arg(score).arg(best), p);
                plan.checks.append(Tr::tr("score %1 beats %2").arg(score).arg(okOld ? QString::number(best) : Tr::tr("unknown")));
            }
            plan.fromVersion = production;
            if (usesStages(plan.scheme))
                plan.steps.append(stageStep(v.version, kStageProduction, true));
            if (usesAliases(plan.scheme)) {
                plan.steps.append(aliasStep(v.version, p.productionAlias));
                if (aliasVersion(model, p.candidateAlias) == v.version)
                    plan.steps.append({WriteStep::Op::DeleteAlias, v.version, p.candidateAlias, {}, false});
            }
            if (production)
                addTag(production, tags::kRollbackTarget, u"true"_s);
            removeTag(v, tags::kRollbackTarget);
            addTag(v.version, tags::kPromotedBy, m_identity.user);
            addTag(v.version, tags::kPromotedAt, iso(now));
            if (tag(v, tags::kAbStart) && !tag(v, tags::kAbEnd))
                addTag(v.version, tags::kAbEnd, iso(now));
            plan.summary = production ? Tr::tr("Promote %1 to %2, replacing v%3 (kept as rollback target)")
                                            .arg(versionName(model.name, v.version), productionWord)
                                            .arg(production)
                                      : Tr::tr("Promote %1 to %2").arg(versionName(model.name, v.version), productionWord);
        } else if (target == kStageStaging) {
            if (production == v.version)
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("%1 is in Production; promote or roll back to another version instead")
                                     .arg(versionName(model.name, v.version)),
                                 m_writer.uri());
            if (usesStages(plan.scheme))
                plan.steps.append(stageStep(v.version, kStageStaging, false));
            if (usesAliases(plan.scheme))
                plan.steps.append(aliasStep(v.version, p.candidateAlias));
            addTag(v.version, tags::kReviewRequestedBy, m_identity.user);
            addTag(v.version, tags::kReviewRequestedAt, iso(now));
            for (const QLatin1StringView k :
                 {tags::kApprovalState, tags::kApprovalBy, tags::kApprovalAt, tags::kApprovalNote})
                removeTag(v, k);
            plan.summary = usesStages(plan.scheme)
                               ? Tr::tr("Move %1 to %2 for review").arg(versionName(model.name, v.version), candidateWord)
                               : Tr::tr("Give %1 the alias %2 for review").arg(versionName(model.name, v.version), candidateWord);
        } else {
            if (production == v.version && target == kStageArchived && !usesStages(plan.scheme))
                return makeError(ErrorCategory::BadInput, Tr::tr("this model uses aliases; move the '%1' alias instead")
                                                              .arg(p.productionAlias),
                                 u"--to"_s);
            plan.steps.append({WriteStep::Op::Stage, v.version, target, {}, false});
            plan.summary = Tr::tr("Move %1 to %2").arg(versionName(model.name, v.version), target);
        }
        break;
    }
    case ActionKind::AbStart:
    case ActionKind::AbEnd: {
        auto vr = needVersion(request.version);
        if (!vr)
            return vr.error();
        const ModelVersion &v = **vr;
        if (request.kind == ActionKind::AbStart) {
            if (!isUnderReview(v, model, p))
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("%1 is not in Staging; an A/B test runs a candidate beside Production")
                                     .arg(versionName(model.name, v.version)),
                                 m_writer.uri());
            if (!(request.sharePercent > 0 && request.sharePercent <= 100))
                return makeError(ErrorCategory::BadInput, Tr::tr("the share must be more than 0 and at most 100 percent"),
                                 u"--share"_s);
            addTag(v.version, tags::kAbShare, QString::number(request.sharePercent));
            addTag(v.version, tags::kAbStart, iso(now));
            removeTag(v, tags::kAbEnd);
            plan.summary = Tr::tr("Start an A/B test: %1 gets %2 % of requests")
                               .arg(versionName(model.name, v.version))
                               .arg(request.sharePercent);
        } else {
            if (!tag(v, tags::kAbStart) || tag(v, tags::kAbEnd))
                return makeError(ErrorCategory::BadInput, Tr::tr("no A/B test is running for %1").arg(versionName(model.name, v.version)),
                                 m_writer.uri());
            addTag(v.version, tags::kAbEnd, iso(now));
            plan.summary = Tr::tr("End the A/B test of %1").arg(versionName(model.name, v.version));
        }
        break;
    }
    case ActionKind::Approve:
    case ActionKind::Reject: {
        auto vr = needVersion(request.version);
        if (!vr)
            return vr.error();
        const ModelVersion &v = **vr;
        if (!isUnderReview(v, model, p))
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("%1 is not in review (move it to Staging first)").arg(versionName(model.name, v.version)),
                             m_writer.uri());
        if (request.note.trimmed().isEmpty())
            return makeError(ErrorCategory::BadInput, Tr::tr("a review note is required"), u"--note"_s);
        const QString requester = tag(v, tags::kReviewRequestedBy).value_or(QString());
        if (p.fourEyes) {
            if (requester == m_identity.user)
                return refuse(request, u"four-eyes"_s,
                              Tr::tr("%1 asked for this review, so someone else must decide it").arg(requester), p);
            plan.checks.append(requester.isEmpty() ? Tr::tr("four eyes: the requester is not recorded")
                                                   : Tr::tr("four eyes: %1 asked, %2 decides").arg(requester, m_identity.user));
        }
        if (p.requireKnownRequester && request.kind == ActionKind::Approve) {
            if (requester.isEmpty())
                return refuse(request, u"known-requester"_s,
                              Tr::tr("nobody is recorded as having asked for the review of %1 (another tool moved it "
                                     "to review); send it to review from ModelDesk so that the request names who asked")
                                  .arg(versionName(model.name, v.version)),
                              p);
            plan.checks.append(Tr::tr("known requester: %1 asked for the review").arg(requester));
        }
        const bool approve = request.kind == ActionKind::Approve;
        addTag(v.version, tags::kApprovalState, approve ? u"approved"_s : u"rejected"_s);
        addTag(v.version, tags::kApprovalBy, m_identity.user);
        addTag(v.version, tags::kApprovalAt, iso(now));
        addTag(v.version, tags::kApprovalNote, request.note.trimmed());
        plan.fromVersion = production;
        plan.summary = approve ? Tr::tr("Approve %1").arg(versionName(model.name, v.version))
                               : Tr::tr("Reject %1").arg(versionName(model.name, v.version));
        break;
    }
    case ActionKind::Rollback: {
        if (!p.onCall.isEmpty() && !p.onCall.contains(m_identity.user))
            return refuse(request, u"on-call"_s,
                          Tr::tr("%1 is not on call for %2 (on call: %3)").arg(m_identity.user, model.name, p.onCall.join(u", "_s)),
                          p);
        if (p.rollbackRequiresReason && request.note.trimmed().isEmpty())
            return refuse(request, u"reason-required"_s, Tr::tr("a rollback needs a reason"), p);
        if (!production)
            return makeError(ErrorCategory::BadInput, Tr::tr("nothing of %1 is in Production").arg(model.name), m_writer.uri());
        qint64 target = request.version;
        RollbackTarget chosen{target, RollbackBasis::Chosen};
        {
            QList<JournalEntry> journal;
            if (auto entries = m_journal.entries(m_writer.uri(), model.name); entries)
                journal = *entries;
            auto t = rollbackTarget(model, journal, p, production, plan.scheme);
            if (!target && !t)
                return t.error();
            // The proposal keeps its basis when the person picks the proposed version.
            if (t && (!target || t->version == target))
                chosen = *t;
            target = chosen.version;
        }
        plan.targetBasis = chosen.basis;
        plan.targetWhy = chosen.why(production);
        if (target == production)
            return makeError(ErrorCategory::BadInput, Tr::tr("%1 is already in Production").arg(versionName(model.name, target)),
                             m_writer.uri());
        auto vr = needVersion(target);
        if (!vr)
            return vr.error();
        const ModelVersion &v = **vr;
        if (folder) {
            if (tag(v, tags::kSha256).value_or(QString()).isEmpty())
                return makeError(ErrorCategory::NotFound,
                                 Tr::tr("the file of %1 is missing or has no checksum").arg(versionName(model.name, target)),
                                 m_writer.uri());
            plan.checks.append(Tr::tr("%1 present, sha256 %2")
                                   .arg(tag(v, tags::kFile).value_or(QString()),
                                        tag(v, tags::kSha256)->left(12)));
        } else if (m_artifactCheck) {
            auto checked = m_artifactCheck(v);
            if (!checked)
                return checked.error();
            plan.checks.append(*checked);
        } else {
            plan.checks.append(Tr::tr("artifact presence not checked (no artifact store for this source)"));
        }
        plan.version = target;
        plan.fromVersion = production;
        if (usesStages(plan.scheme))
            plan.steps.append(stageStep(target, kStageProduction, true));
        if (usesAliases(plan.scheme))
            plan.steps.append(aliasStep(target, p.productionAlias));
        removeTag(v, tags::kRollbackTarget);
        addTag(production, tags::kRolledBackAt, iso(now));
        addTag(production, tags::kRolledBackBy, m_identity.user);
        addTag(production, tags::kRolledBackReason, request.note.trimmed());
        plan.summary = chosen.basis == RollbackBasis::NoHistory
                           ? Tr::tr("Roll back %1 from v%2 to v%3, proposed without history (emergency: approval bypassed)")
                                 .arg(model.name)
                                 .arg(production)
                                 .arg(target)
                           : Tr::tr("Roll back %1 from v%2 to v%3 (emergency: approval bypassed)")
                                 .arg(model.name)
                                 .arg(production)
                                 .arg(target);
        break;
    }
    }
    return plan;
}

Result<ActionPlan> ActionService::plan(const ActionRequest &request)
{
    auto model = m_writer.readModel(request.model);
    if (!model) {
        if (request.kind == ActionKind::Register && model.error().category == ErrorCategory::NotFound) {
            RegisteredModel empty;
            empty.name = request.model;
            return planOn(request, empty);
        }
        return model.error();
    }
    if (Status s = checkExpected(request, *model); !s)
        return s.error();
    return planOn(request, *model);
}

QJsonObject ActionService::freezeEvidence(const ActionPlan &plan)
{
    QJsonObject ev;
    auto versionJson = [&](qint64 version) {
        QJsonObject o{{u"version"_s, double(version)}};
        const ModelVersion *v = plan.before.findVersion(version);
        if (!v)
            return o;
        o.insert(u"run_id"_s, v->runId);
        for (const KeyValue &kv : v->tags)
            if (kv.key.startsWith(tags::kAbPrefix))
                o.insert(kv.key.mid(tags::kAbPrefix.size()), kv.value);  // "modeldesk.ab.share" → "share"
        if (m_cache && !v->runId.isEmpty()) {
            if (auto run = m_cache->run(v->runId)) {
                QJsonObject metrics;
                for (const MetricPoint &m : run->run.latestMetrics)
                    metrics.insert(m.key, std::isfinite(m.value) ? QJsonValue(m.value) : QJsonValue(QString::number(m.value)));
                o.insert(u"metrics"_s, metrics);
            }
        }
        return o;
    };
    ev.insert(u"candidate"_s, versionJson(plan.version));
    if (plan.fromVersion)
        ev.insert(u"production"_s, versionJson(plan.fromVersion));
    if (m_cache) {
        RunQuery q;
        q.filter = QString(u"tags.`"_s + tags::kEvaluates + u"` = '%1/%2'"_s).arg(plan.before.name).arg(plan.version);
        q.filter.replace(u"'"_s + plan.before.name, u"'"_s + QString(plan.before.name).replace(u"'"_s, u"\\'"_s));
        if (auto runs = m_cache->runs(q); runs && !runs->isEmpty()) {
            QJsonArray evals;
            for (const RunRow &r : std::as_const(*runs)) {
                QJsonObject metrics;
                for (const MetricPoint &m : r.run.latestMetrics)
                    metrics.insert(m.key, std::isfinite(m.value) ? QJsonValue(m.value) : QJsonValue(QString::number(m.value)));
                evals.append(QJsonObject{{u"run_id"_s, r.run.runId}, {u"run_name"_s, r.run.runName}, {u"metrics"_s, metrics}});
            }
            ev.insert(u"evaluation_runs"_s, evals);
        }
    }
    return ev;
}

QList<KeyValue> ActionService::metricDeltas(const RegisteredModel &model, qint64 from, qint64 to)
{
    QList<KeyValue> out;
    if (!m_cache)
        return out;
    const ModelVersion *a = model.findVersion(from), *b = model.findVersion(to);
    if (!a || !b || a->runId.isEmpty() || b->runId.isEmpty())
        return out;
    auto ra = m_cache->run(a->runId), rb = m_cache->run(b->runId);
    if (!ra || !rb)
        return out;
    for (const MetricPoint &ma : ra->run.latestMetrics)
        for (const MetricPoint &mb : rb->run.latestMetrics)
            if (ma.key == mb.key)
                out.append({ma.key, u"%1 → %2 (%3%4)"_s.arg(ma.value).arg(mb.value).arg(mb.value >= ma.value ? u"+"_s : QString())
                                        .arg(mb.value - ma.value)});
    return out;
}

Result<ActionOutcome> ActionService::execute(const ActionRequest &request, bool queueWhenOffline)
{
    ActionOutcome outcome;
    auto journalEntry = [&](const QString &kind, qint64 version, const QString &note, const QJsonObject &details) -> Result<qint64> {
        JournalEntry e;
        e.sourceUri = m_writer.uri();
        e.kind = kind;
        e.subject = version ? request.model + u'/' + QString::number(version) : request.model;
        e.user = m_identity.user;
        e.note = note;
        e.details = details;
        if (Status s = m_journal.append(e); !s)
            return s.error();
        return e.seq;
    };

    auto model = m_writer.readModel(request.model);
    if (!model) {
        const Error &err = model.error();
        if (err.category == ErrorCategory::Network && queueWhenOffline) {
            ActionQueue queue(m_journal);
            ActionRequest queued = request;
            queued.sourceUri = m_writer.uri();
            auto id = queue.add(queued, m_identity.user);
            if (!id)
                return id.error();
            auto seq = journalEntry(u"queued"_s, request.version, request.note,
                                    {{u"action"_s, actionKindName(request.kind)}, {u"queue_id"_s, double(*id)},
                                     {u"reason"_s, err.toString()}, {u"request"_s, queued.toJson()}});
            if (!seq)
                return seq.error();
            outcome.plan.request = queued;
            outcome.plan.user = m_identity.user;
            outcome.queued = true;
            outcome.queueId = *id;
            outcome.journalSeq = *seq;
            return outcome;
        }
        if (!(request.kind == ActionKind::Register && err.category == ErrorCategory::NotFound))
            return err;
        RegisteredModel empty;
        empty.name = request.model;
        model = empty;
    }
    auto refused = [&](const Error &e) -> Error {
        // A refusal is part of the audit trail: who tried what, and which rule or race stopped it.
        if (e.category == ErrorCategory::Policy || e.category == ErrorCategory::Conflict)
            (void)journalEntry(u"refused"_s, request.version, e.message,
                               {{u"action"_s, actionKindName(request.kind)}, {u"reason"_s, e.toString()},
                                {u"request"_s, request.toJson()}});
        return e;
    };
    if (Status s = checkExpected(request, *model); !s) {
        // The user's view is stale: bring the cache up to what the source holds, so that the
        // views show why the action was refused.
        if (m_cache)
            if (auto id = m_cache->ensureSource(m_writer.uri(), sourceKindOfUri(m_writer.uri())))
                (void)m_cache->writeRegisteredModel(*id, *model, nullptr);
        return refused(s.error());
    }
    auto planned = planOn(request, *model);
    if (!planned)
        return refused(planned.error());
    ActionPlan &plan = *planned;
    if (request.kind == ActionKind::Approve || request.kind == ActionKind::Reject)
        plan.request.evidence = request.evidence.isEmpty() ? freezeEvidence(plan) : request.evidence;

    QJsonArray stepLines;
    for (const WriteStep &s : std::as_const(plan.steps))
        stepLines.append(s.describe(request.model));
    if (auto seq = journalEntry(u"intent"_s, plan.version, request.note,
                                {{u"action"_s, actionKindName(request.kind)}, {u"summary"_s, plan.summary},
                                 {u"steps"_s, stepLines}, {u"request"_s, request.toJson()}});
        !seq)
        return seq.error();

    // Write, step by step.
    qint64 createdVersion = 0;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const WriteStep &s = plan.steps.at(i);
        Status st;
        switch (s.op) {
        case WriteStep::Op::CreateVersion: {
            NewModelVersion nv = request.newVersion;
            nv.name = request.model;
            if (nv.userId.isEmpty())
                nv.userId = m_identity.user;
            auto created = m_writer.createVersion(nv);
            if (created) {
                createdVersion = created->version;
                plan.version = createdVersion;
            } else {
                st = created.error();
            }
            break;
        }
        case WriteStep::Op::Stage:
            st = m_writer.transitionStage(request.model, s.version, s.key, s.archiveExisting);
            break;
        case WriteStep::Op::SetAlias:
            st = m_writer.setAlias(request.model, s.key, s.version);
            break;
        case WriteStep::Op::DeleteAlias:
            st = m_writer.deleteAlias(request.model, s.key);
            break;
        case WriteStep::Op::SetTag:
            st = m_writer.setVersionTag(request.model, s.version, s.key, s.value);
            break;
        case WriteStep::Op::DeleteTag:
            st = m_writer.deleteVersionTag(request.model, s.version, s.key);
            break;
        }
        if (!st) {
            // Say exactly what happened and what did not: the source may now be half-way.
            auto after = m_writer.readModel(request.model);
            QJsonArray done;
            for (qsizetype j = 0; j < i; ++j)
                done.append(plan.steps.at(j).describe(request.model));
            QJsonObject details{{u"action"_s, actionKindName(request.kind)}, {u"failed_step"_s, s.describe(request.model)},
                                {u"steps_done"_s, done}, {u"error"_s, st.error().toString()}};
            if (after) {
                details.insert(u"changes"_s, registryChanges(plan.before, *after));
                if (m_cache)
                    if (auto id = m_cache->ensureSource(m_writer.uri(), sourceKindOfUri(m_writer.uri())))
                        (void)m_cache->writeRegisteredModel(*id, *after, nullptr);
            }
            (void)journalEntry(u"failed"_s, plan.version, request.note, details);
            Error e = st.error();
            if (i > 0)
                e.message = Tr::tr("%1 (step %2 of %3; done before it: %4)")
                                .arg(e.message)
                                .arg(i + 1)
                                .arg(plan.steps.size())
                                .arg(stepsText(plan.steps.mid(0, i), request.model));
            return e;
        }
    }

    // Confirm by reading back.
    auto after = m_writer.readModel(request.model);
    if (!after)
        return after.error();
    QStringList mismatches;
    for (const WriteStep &s : std::as_const(plan.steps)) {
        const ModelVersion *v = after->findVersion(s.op == WriteStep::Op::CreateVersion ? createdVersion : s.version);
        if (!v) {
            mismatches.append(Tr::tr("v%1 is missing").arg(s.version));
            continue;
        }
        switch (s.op) {
        case WriteStep::Op::CreateVersion:
            break;
        case WriteStep::Op::Stage:
            if (v->currentStage != s.key)
                mismatches.append(Tr::tr("v%1 is in %2, not %3").arg(v->version).arg(v->currentStage, s.key));
            break;
        case WriteStep::Op::SetAlias:
            if (aliasVersion(*after, s.key) != s.version)
                mismatches.append(Tr::tr("alias '%1' points at v%2, not v%3").arg(s.key).arg(aliasVersion(*after, s.key)).arg(s.version));
            break;
        case WriteStep::Op::DeleteAlias:
            if (aliasVersion(*after, s.key))
                mismatches.append(Tr::tr("alias '%1' is still set").arg(s.key));
            break;
        case WriteStep::Op::SetTag:
            if (tag(*v, s.key) != s.value)
                mismatches.append(Tr::tr("tag %1 of v%2 is '%3'").arg(s.key).arg(v->version).arg(tag(*v, s.key).value_or(QString())));
            break;
        case WriteStep::Op::DeleteTag:
            if (tag(*v, s.key))
                mismatches.append(Tr::tr("tag %1 of v%2 is still set").arg(s.key).arg(v->version));
            break;
        }
    }
    const QJsonArray changes = registryChanges(plan.before, *after);
    if (m_cache) {
        auto id = m_cache->ensureSource(m_writer.uri(), sourceKindOfUri(m_writer.uri()));
        if (!id)
            return id.error();
        if (Status s = m_cache->writeRegisteredModel(*id, *after, nullptr); !s)
            return s.error();
    }
    if (!mismatches.isEmpty()) {
        const QString text = Tr::tr("after writing, the source shows something else: %1; someone may have changed it at the same time")
                                 .arg(mismatches.join(u"; "_s));
        (void)journalEntry(u"failed"_s, plan.version, request.note,
                           {{u"action"_s, actionKindName(request.kind)}, {u"error"_s, text}, {u"changes"_s, changes}});
        return makeError(ErrorCategory::Conflict, text, m_writer.uri());
    }

    QJsonObject details{{u"summary"_s, plan.summary}, {u"scheme"_s, schemeName(plan.scheme)},
                        {u"user_origin"_s, m_identity.origin}, {u"changes"_s, changes},
                        {u"checks"_s, QJsonArray::fromStringList(plan.checks)}, {u"steps"_s, stepLines}};
    if (plan.fromVersion)
        details.insert(u"from"_s, double(plan.fromVersion));
    details.insert(u"to"_s, double(plan.version));
    if (request.kind == ActionKind::Promote)
        details.insert(u"target"_s, request.target);
    if (request.kind == ActionKind::AbStart)
        details.insert(u"share"_s, request.sharePercent);
    if (request.kind == ActionKind::Approve || request.kind == ActionKind::Reject)
        details.insert(u"evidence"_s, plan.request.evidence);
    if (request.kind == ActionKind::Rollback) {
        details.insert(u"emergency"_s, true);
        details.insert(u"reason"_s, request.note.trimmed());
    }
    auto seq = journalEntry(actionKindName(request.kind), plan.version, request.note.trimmed(), details);
    if (!seq)
        return seq.error();
    outcome.plan = plan;
    outcome.after = *after;
    outcome.journalSeq = *seq;

    const ModelPolicy p = m_policies.forModel(request.model);
    const bool productionChanged = request.kind == ActionKind::Rollback ||
                                   (request.kind == ActionKind::Promote && plan.fromVersion != plan.version &&
                                    productionVersion(*after, p, plan.scheme) == plan.version);
    if (productionChanged && p.reloadHook.isSet()) {
        outcome.hook = runReloadHook(p.reloadHook, request.model, plan.version);
        const HookResult &h = *outcome.hook;
        (void)journalEntry(u"reload"_s, plan.version, QString(),
                           {{u"what"_s, h.what}, {u"ok"_s, h.ok}, {u"timed_out"_s, h.timedOut},
                            {u"exit_code"_s, h.exitCode}, {u"elapsed_ms"_s, double(h.elapsedMs)}, {u"output"_s, h.output}});
    }
    if (request.kind == ActionKind::Rollback)
        outcome.incidentReport = incidentReport(outcome, metricDeltas(plan.before, plan.fromVersion, plan.version));
    return outcome;
}

Result<QList<QueuedAction>> ActionService::applyQueued()
{
    ActionQueue queue(m_journal);
    auto pending = queue.list(m_writer.uri(), true);
    if (!pending)
        return pending.error();
    QList<QueuedAction> done;
    for (QueuedAction a : std::as_const(*pending)) {
        // The preconditions are checked again now: the snapshot the user saw must still hold. The
        // action is still the queuing user's: the journal and the four-eyes rule see them.
        const Identity applier = m_identity;
        m_identity.user = a.user;
        auto r = execute(a.request, false);
        m_identity = applier;
        if (r) {
            a.state = u"applied"_s;
            a.result = Tr::tr("applied as journal entry %1").arg(r->journalSeq);
        } else if (r.error().category == ErrorCategory::Network) {
            return r.error();  // still offline: leave the rest pending
        } else {
            a.state = u"rejected"_s;
            a.result = r.error().toString();
            JournalEntry e;
            e.sourceUri = m_writer.uri();
            e.kind = u"dropped"_s;
            e.subject = a.request.version ? a.request.model + u'/' + QString::number(a.request.version) : a.request.model;
            e.user = m_identity.user;
            e.note = a.result;
            e.details = {{u"queue_id"_s, double(a.id)}, {u"action"_s, actionKindName(a.request.kind)}};
            if (Status s = m_journal.append(e); !s)
                return s.error();
        }
        if (Status s = queue.resolve(a.id, a.state, a.result); !s)
            return s.error();
        done.append(a);
    }
    return done;
}

HookResult ActionService::runReloadHook(const ReloadHook &hook, const QString &model, qint64 version)
{
    HookResult h;
    h.ran = true;
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype kCap = 64 * 1024;
    if (!hook.command.isEmpty()) {
        h.what = hook.command.join(u' ');
        QProcess proc;
        proc.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The model and version go in the environment, not the command line: nothing from a
        // source is ever interpreted by a shell.
        env.insert(u"MODELDESK_MODEL"_s, model);
        env.insert(u"MODELDESK_VERSION"_s, QString::number(version));
        proc.setProcessEnvironment(env);
        proc.start(hook.command.first(), hook.command.mid(1));
        if (!proc.waitForStarted(5000)) {
            h.output = proc.errorString();
            h.exitCode = -1;
        } else if (!proc.waitForFinished(hook.timeoutMs)) {
            h.timedOut = true;
            proc.kill();
            proc.waitForFinished(2000);
            h.output = QString::fromLocal8Bit(proc.readAll().left(kCap));
            h.exitCode = -1;
        } else {
            h.output = QString::fromLocal8Bit(proc.readAll().left(kCap));
            h.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
            h.ok = proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
        }
    } else {
        h.what = hook.url;
        QNetworkAccessManager nam;
        QNetworkRequest req{QUrl(hook.url)};
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        req.setTransferTimeout(hook.timeoutMs);
        const QByteArray body = QJsonDocument(QJsonObject{{u"model"_s, model}, {u"version"_s, QString::number(version)}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = nam.post(req, body);
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
            h.timedOut = true;
            reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timeout.start(hook.timeoutMs);
        if (!reply->isFinished())
            loop.exec();
        h.exitCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        h.output = QString::fromUtf8(reply->readAll().left(kCap));
        if (reply->error() != QNetworkReply::NoError && !h.timedOut)
            h.output = reply->errorString() + (h.output.isEmpty() ? QString() : u"\n"_s + h.output);
        h.ok = !h.timedOut && reply->error() == QNetworkReply::NoError && h.exitCode >= 200 && h.exitCode < 300;
        delete reply;
    }
    h.elapsedMs = timer.elapsed();
    return h;
}

QString ActionService::incidentReport(const ActionOutcome &o, const QList<KeyValue> &metricDeltas)
{
    const ActionPlan &p = o.plan;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString md;
    md += Tr::tr("# Incident: %1 rolled back from v%2 to v%3").arg(p.request.model).arg(p.fromVersion).arg(p.version) + u"\n\n"_s;
    md += u"| | |\n|---|---|\n"_s;
    // The model's own word for Production: its stage, its production alias, or both.
    ModelPolicy named;
    for (const WriteStep &s : p.steps)
        if (s.op == WriteStep::Op::SetAlias)
            named.productionAlias = s.key;
    md += Tr::tr("| What | %1 of `%2` moved from v%3 back to v%4 |")
              .arg(productionName(p.scheme, named), p.request.model)
              .arg(p.fromVersion)
              .arg(p.version) + u'\n';
    md += Tr::tr("| When | %1 |").arg(iso(now)) + u'\n';
    md += Tr::tr("| Who | %1 (%2) |").arg(p.user, p.userOrigin == u"mlflow"_s ? Tr::tr("MLflow user") : Tr::tr("OS user")) + u'\n';
    md += Tr::tr("| Source | %1 |").arg(p.request.sourceUri.isEmpty() ? QString() : p.request.sourceUri) + u'\n';
    md += Tr::tr("| Reason | %1 |").arg(QString(p.request.note).replace(u'|', u"\\|"_s).replace(u'\n', u' ')) + u'\n';
    if (!p.targetWhy.isEmpty())
        md += Tr::tr("| Target | %1 |").arg(QString(p.targetWhy).replace(u'|', u"\\|"_s)) + u'\n';
    md += Tr::tr("| Approval | bypassed (emergency rollback) |") + u"\n\n"_s;
    md += Tr::tr("## Metric deltas (v%1 → v%2)").arg(p.fromVersion).arg(p.version) + u"\n\n"_s;
    if (metricDeltas.isEmpty())
        md += Tr::tr("No metrics of both versions' runs are in the cache.") + u"\n\n"_s;
    for (const KeyValue &kv : metricDeltas)
        md += u"- "_s + kv.key + u": "_s + kv.value + u'\n';
    if (!metricDeltas.isEmpty())
        md += u'\n';
    md += Tr::tr("## Steps") + u"\n\n"_s;
    for (const QString &c : p.checks)
        md += Tr::tr("- checked: %1").arg(c) + u'\n';
    for (const WriteStep &s : p.steps)
        md += Tr::tr("- wrote: %1").arg(s.describe(p.request.model)) + u'\n';
    if (o.hook) {
        md += u'\n' + Tr::tr("## Reload hook") + u"\n\n"_s;
        md += Tr::tr("`%1`: %2 in %3 ms").arg(o.hook->what, o.hook->ok ? Tr::tr("succeeded")
                                                              : o.hook->timedOut ? Tr::tr("timed out")
                                                                                 : Tr::tr("failed (%1)").arg(o.hook->exitCode))
                  .arg(o.hook->elapsedMs) + u"\n"_s;
        if (!o.hook->output.trimmed().isEmpty())
            md += u"\n```\n"_s + o.hook->output.trimmed() + u"\n```\n"_s;
    }
    md += u'\n' + Tr::tr("## Follow-up") + u"\n\n"_s + Tr::tr("- [ ] Root cause of the problem in v%1").arg(p.fromVersion) + u'\n';
    return md;
}

ActionService::ArtifactCheck artifactPresenceCheck(const QString &sourceUri, Cache *cache)
{
    auto store = std::make_shared<std::unique_ptr<ArtifactStore>>();
    return [sourceUri, cache, store](const ModelVersion &v) -> Result<QString> {
        if (!*store) {
            auto created = createArtifactStore(sourceUri);
            if (!created)
                return created.error();
            *store = std::move(*created);
        }
        QString runArtifactUri;
        if (cache && !v.runId.isEmpty())
            if (auto run = cache->run(v.runId))
                runArtifactUri = run->run.artifactUri;
        // MLflow 3: a version of a LoggedModel has its files where the LoggedModel keeps them.
        QString modelArtifactUri;
        const QString modelId = v.modelId.isEmpty() ? ModelVersion::modelIdFromSource(v.source) : v.modelId;
        if (cache && !modelId.isEmpty())
            if (auto model = cache->loggedModel(modelId))
                modelArtifactUri = model->artifactLocation;
        const ArtifactLocation location = ArtifactLocation::forVersion(v, runArtifactUri, modelArtifactUri);
        const QString name = v.name + u" v"_s + QString::number(v.version);
        if ((*store)->kind() != SourceKind::TrackingServer && (*store)->resolvedRoot(location) == location.rootUri)
            return Tr::tr("artifacts of %1 are not reachable from here (%2): not checked").arg(name, location.rootUri);
        const QString mlmodel = location.modelPath.isEmpty() ? u"MLmodel"_s : location.modelPath + u"/MLmodel"_s;
        const std::atomic_bool never{false};
        auto text = (*store)->readText(location, mlmodel, 64 * 1024, never);
        if (!text)
            return makeError(text.error().category,
                             Tr::tr("the model of v%1 is not among its artifacts (%2)").arg(v.version).arg(text.error().message),
                             text.error().where.isEmpty() ? (*store)->resolvedRoot(location) : text.error().where);
        return Tr::tr("model artifact of %1 present").arg(name);
    };
}

} // namespace md
