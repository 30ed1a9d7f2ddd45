// SPDX-License-Identifier: GPL-3.0-or-later
// The executor: plan, journal the intent, write step by step, read back, update the cache, journal
// the outcome; the offline queue's replay; the pre-flight artifact check. Planning is in
// ActionPlanner.cpp, the queue in ActionQueue.cpp, the hook in ReloadHook.cpp, the incident
// report in IncidentReport.cpp.
#include "ActionService.h"
#include "ActionSupport.h"

#include "cache/Cache.h"
#include "sources/ArtifactStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

using namespace detail;

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

// ---------------------------------------------------------------- service

ActionService::ActionService(RegistryWriter &writer, Journal &journal, Cache *cache, Policies policies, Identity identity)
    : m_writer(writer), m_journal(journal), m_cache(cache), m_policies(std::move(policies)), m_identity(std::move(identity))
{
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
