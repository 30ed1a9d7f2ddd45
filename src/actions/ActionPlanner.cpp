// SPDX-License-Identifier: GPL-3.0-or-later
// Planning: which scheme a model follows, its Production, the rollback target, the checks that
// must hold, and the steps a request writes. Nothing here writes to a source.
#include "ActionService.h"
#include "ActionSupport.h"

#include "cache/Journal.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

using namespace detail;

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
    const bool folder = m_writer.holdsModelFiles();
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

} // namespace md
