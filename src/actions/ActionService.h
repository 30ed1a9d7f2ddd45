// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The action service: promotion, A/B share, review decisions and rollback, on any source that has
// a RegistryWriter. Every action is: re-read the model from the source → check that it is still
// where the user saw it → check policy and preconditions → journal the intent → write, step by
// step → re-read to confirm → update the cache → journal the outcome. A race is reported as a
// Conflict naming who moved it (when the journal knows), never silently overwritten.
//
// What ModelDesk writes to the source, so that other users see it (version tags, prefix
// `modeldesk.`; the names are in core/TagNames.h):
//   modeldesk.review.requested_by / .requested_at   who put the version up for review (Staging)
//   modeldesk.ab.share / .ab.start / .ab.end          the A/B share in percent and its window (ISO 8601 UTC)
//   modeldesk.approval.state / .by / .at / .note      the review decision ("approved" / "rejected")
//   modeldesk.promoted_by / .promoted_at              who moved it to Production
//   modeldesk.rollback_target                         "true" on the version Production replaced
//   modeldesk.rolled_back_at / .rolled_back_by / .rolled_back_reason   on a version rolled back from
// Evaluation runs: a run whose tag `modeldesk.evaluates` is "MODEL/VERSION" (e.g.
// "car_price_model/5") is shown in the review beside the candidate's own run, and its metrics
// are frozen into the decision's evidence.

#include "actions/Policy.h"
#include "cache/Journal.h"
#include "core/Domain.h"
#include "core/Error.h"
#include "sources/RegistryWriter.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace md {

class Cache;

enum class ActionKind { Register, Promote, AbStart, AbEnd, Approve, Reject, Rollback };
QString actionKindName(ActionKind k);  ///< "register", "promote", "ab.start", …, as in the journal
std::optional<ActionKind> actionKindFromName(const QString &name);

/// What the user saw of a version when they asked for the action: the action is refused when the
/// source no longer matches it.
struct VersionSnapshot {
    qint64 version = 0;
    QString stage;
    QStringList aliases;  ///< sorted
    QString approvalState;  ///< the modeldesk.approval.state tag, "" when none
    static VersionSnapshot of(const ModelVersion &v);
    friend bool operator==(const VersionSnapshot &, const VersionSnapshot &) = default;
};

struct ActionRequest {
    ActionKind kind = ActionKind::Promote;
    QString sourceUri;
    QString model;
    qint64 version = 0;       ///< 0: Register (the source assigns it), Rollback (choose the target)
    /// Promote: "Staging", "Production", "Archived", "None", or an alias name (the model's
    /// production alias means Production, its candidate alias means Staging).
    QString target;
    double sharePercent = 0;  ///< AbStart: share of requests, (0, 100]
    QString note;             ///< Approve/Reject: the review note; Rollback: the reason
    NewModelVersion newVersion;  ///< Register
    std::optional<VersionSnapshot> expected;
    /// Approve/Reject: the values the reviewer saw (frozen in the journal). Empty: the service
    /// freezes candidate against Production from the cache.
    QJsonObject evidence;

    QJsonObject toJson() const;
    static Result<ActionRequest> fromJson(const QJsonObject &o);
};

/// One write to the source.
struct WriteStep {
    enum class Op { CreateVersion, Stage, SetAlias, DeleteAlias, SetTag, DeleteTag };
    Op op = Op::SetTag;
    qint64 version = 0;
    QString key;    ///< Stage: the stage; alias name; tag key
    QString value;  ///< tag value
    bool archiveExisting = false;
    /// The side effect on another version, 0 when none: SetAlias, the version that holds the alias
    /// now (it moves off it); Stage with archiveExisting, the version in that stage now (archived).
    qint64 displaced = 0;
    QString describe(const QString &model) const;  ///< translated, one line
};

/// Where a proposed rollback target comes from, most trusted first.
enum class RollbackBasis {
    History,     ///< the version that held Production before the current one (journal, observed changes)
    Tag,         ///< the version tagged modeldesk.rollback_target
    Archived,    ///< the newest Archived version below the current one
    NoHistory,   ///< alias model: the highest READY version below the production alias ("proposed without history")
    Chosen,      ///< named by the person (--to, or picked in the dialog)
};

struct RollbackTarget {
    qint64 version = 0;
    RollbackBasis basis = RollbackBasis::History;
    /// One translated line saying why this version, e.g. "it held Production before v5".
    QString why(qint64 currentProduction) const;
};

struct ActionPlan {
    ActionRequest request;
    QString user;            ///< who acts (Identity::user)
    QString userOrigin;      ///< "mlflow" or "os"
    RegistryScheme scheme = RegistryScheme::Stages;
    qint64 version = 0;      ///< the version acted on (Rollback: the target)
    qint64 fromVersion = 0;  ///< Promote to Production / Rollback: the version it replaces, 0 if none
    QString summary;         ///< one translated line
    QStringList checks;      ///< pre-flight checks that passed, translated
    QList<WriteStep> steps;
    RegisteredModel before;  ///< the model as re-read before planning
    /// Rollback: where the target came from ("proposed without history" is said in the summary,
    /// the dialog and the incident report).
    RollbackBasis targetBasis = RollbackBasis::Chosen;
    QString targetWhy;       ///< Rollback: RollbackTarget::why(), translated
};

/// What running the reload hook gave.
struct HookResult {
    bool ran = false;
    bool ok = false;
    bool timedOut = false;
    int exitCode = 0;       ///< command: its exit code; URL: the HTTP status
    QString output;         ///< stdout+stderr, or the response body (capped at 64 KiB)
    qint64 elapsedMs = 0;
    QString what;           ///< the command line or URL
};

struct ActionOutcome {
    ActionPlan plan;
    RegisteredModel after;
    qint64 journalSeq = 0;      ///< the outcome entry
    bool queued = false;        ///< the source was unreachable: the action waits in the queue
    qint64 queueId = 0;
    std::optional<HookResult> hook;
    QString incidentReport;     ///< Rollback: Markdown draft
};

/// One action waiting for its source to be reachable again.
struct QueuedAction {
    qint64 id = 0;
    qint64 createdMs = 0;
    QString user;
    QString state;  ///< "pending", "applied", "rejected"
    QString result; ///< why it was rejected, or the journal entry it became
    ActionRequest request;
};

/// The queue of actions that could not reach their source, kept in the journal's file (table
/// `action_queue`; the journal's own entries stay append-only).
class ActionQueue {
public:
    explicit ActionQueue(Journal &journal) : m_journal(journal) {}
    Result<qint64> add(const ActionRequest &r, const QString &user);
    Result<QList<QueuedAction>> list(const QString &sourceUri = {}, bool pendingOnly = true);
    Status resolve(qint64 id, const QString &state, const QString &result);

private:
    Status ensureTable();
    Journal &m_journal;
};

class ActionService {
public:
    /// `cache` may be null (then no evidence from the cache, no cache update). `writer` must be
    /// opened by the caller.
    ActionService(RegistryWriter &writer, Journal &journal, Cache *cache, Policies policies, Identity identity);

    /// Checks everything and says what would be written; writes nothing (the CLI's --dry-run).
    Result<ActionPlan> plan(const ActionRequest &request);
    /// Plans and executes. With `queueWhenOffline`, an unreachable source (ErrorCategory::Network
    /// while reading the model) puts the request in the queue instead and returns queued = true.
    Result<ActionOutcome> execute(const ActionRequest &request, bool queueWhenOffline = false);
    /// Applies the pending queued actions of this writer's source, each only after its
    /// preconditions (the snapshot the user saw) hold again; the others are rejected with the
    /// reason. Returns the outcomes (queued ones that failed are in the queue with their reason).
    Result<QList<QueuedAction>> applyQueued();

    /// The version a rollback goes to: the most recent earlier Production version that was not
    /// itself rolled back (from the journal's promotions, rollbacks and observed changes), else
    /// the version tagged modeldesk.rollback_target, else the highest Archived version below the
    /// current one, else, for a model whose Production is its production alias, the highest READY
    /// version below the current one (RollbackBasis::NoHistory). Versions rolled back from are
    /// never proposed. NotFound when there is none.
    static Result<RollbackTarget> rollbackTarget(const RegisteredModel &model, const QList<JournalEntry> &journal,
                                                 const ModelPolicy &policy, qint64 currentProduction,
                                                 RegistryScheme scheme = RegistryScheme::Stages);
    /// How the model's kind names Production and the candidate: "Production" / "Staging" for
    /// stages, "'champion'" / "'challenger'" for aliases, both for a model that keeps both.
    static QString productionName(RegistryScheme scheme, const ModelPolicy &policy);
    static QString candidateName(RegistryScheme scheme, const ModelPolicy &policy);
    /// The scheme a model follows under `policy` (Auto: Both when it has a Production version and
    /// the production alias, Aliases when only the alias, else Stages; Stages for a source without aliases).
    static RegistryScheme resolveScheme(const RegisteredModel &model, const ModelPolicy &policy, bool aliasesSupported);
    /// The version in Production now (stage, or the production alias), 0 when none.
    static qint64 productionVersion(const RegisteredModel &model, const ModelPolicy &policy, RegistryScheme scheme);

    /// Optional pre-flight check that a version's model artifact is present (the app wires it to
    /// the artifact store): returns the line for the plan's checks, or the error that stops the
    /// action. Without it the check is reported as skipped.
    using ArtifactCheck = std::function<Result<QString>(const ModelVersion &)>;
    void setArtifactCheck(ArtifactCheck check) { m_artifactCheck = std::move(check); }
    /// Runs the policy's reload hook (command or URL) after a rollback or a promotion to Production.
    static HookResult runReloadHook(const ReloadHook &hook, const QString &model, qint64 version);
    /// The Markdown incident report draft of a rollback.
    static QString incidentReport(const ActionOutcome &o, const QList<KeyValue> &metricDeltas);

    const Identity &identity() const { return m_identity; }

private:
    Result<ActionPlan> planOn(const ActionRequest &request, const RegisteredModel &model);
    Status checkExpected(const ActionRequest &request, const RegisteredModel &model);
    Error refuse(const ActionRequest &request, const QString &rule, const QString &message, const ModelPolicy &p);
    QJsonObject freezeEvidence(const ActionPlan &plan);
    QList<KeyValue> metricDeltas(const RegisteredModel &model, qint64 from, qint64 to);

    RegistryWriter &m_writer;
    Journal &m_journal;
    Cache *m_cache = nullptr;
    Policies m_policies;
    Identity m_identity;
    ArtifactCheck m_artifactCheck;
};

/// The pre-flight check that a version's model is still there, for ActionService::setArtifactCheck():
/// reads the model's MLmodel file through the source's artifact store (one small read, also on a
/// server: a rollback must not wait for a checksum of a large model file). The run's artifact root
/// comes from `cache` (may be null: then the version's source URI is used). A model folder's
/// versions are checked by the service itself (file present, checksum recorded). When the
/// artifacts live where this machine cannot look (an mlflow.db whose artifacts a tracking server
/// keeps, s3://), the check passes with a line saying it was not made: on-call must not be blocked
/// by what it cannot see, and the plan says so.
ActionService::ArtifactCheck artifactPresenceCheck(const QString &sourceUri, Cache *cache);

} // namespace md
