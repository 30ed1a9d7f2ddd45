// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewInbox.h"

#include "actions/ActionService.h"
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/KeyMetric.h"
#include "core/TagNames.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

QString tagValue(const ModelVersion &v, const QString &key)
{
    for (const KeyValue &kv : v.tags)
        if (kv.key == key)
            return kv.value;
    return {};
}

/// An ISO 8601 time as ModelDesk writes it, epoch ms; 0 when empty or not a time.
qint64 isoMs(const QString &text)
{
    if (text.trimmed().isEmpty())
        return 0;
    const QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

qint64 aliasHolder(const RegisteredModel &m, const QString &alias)
{
    for (const ModelAlias &a : m.aliases)
        if (a.alias == alias)
            return a.version;
    return 0;
}

/// When a sync saw a version enter the review state it holds now.
struct Window {
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/// The observed changes (importer's journal entries) of one source, by subject ("model/3").
using Observations = QHash<QString, QList<const JournalEntry *>>;

/// The window in which the version entered review, from the observations: for each review state
/// it holds now (stage Staging, the candidate alias) the latest observed entry into it; the
/// review began with the earliest of those. nullopt when no sync saw it.
std::optional<Window> observedWindow(const QList<const JournalEntry *> &entries, const ModelVersion &v,
                                     bool inStaging, bool holdsCandidate, const QString &candidateAlias)
{
    std::optional<Window> intoStaging, intoAlias;
    const QString aliasField = u"alias:"_s + candidateAlias;
    for (const JournalEntry *e : entries) {
        const QString field = e->details.value(u"field"_s).toString();
        const QString now = e->details.value(u"new"_s).toString();
        Window w{qint64(e->details.value(u"window_start_ms"_s).toDouble()),
                 qint64(e->details.value(u"window_end_ms"_s).toDouble())};
        if (w.endMs <= 0)
            w.endMs = e->timeMs;
        if (w.startMs > w.endMs)
            w.startMs = w.endMs;
        if (inStaging && (field == u"stage"_s || field == u"registered"_s) && now == kStageStaging)
            intoStaging = w;  // entries are oldest first: the last one wins
        else if (holdsCandidate && field == aliasField && now == QString::number(v.version))
            intoAlias = w;
    }
    if (intoStaging && intoAlias)
        return intoStaging->endMs <= intoAlias->endMs ? intoStaging : intoAlias;
    return intoStaging ? intoStaging : intoAlias;
}

} // namespace

QString ReviewRequest::key() const
{
    return sourceUri + u'\n' + model + u'\n' + QString::number(version) + u'\n' + requestedBy + u'\n'
           + QString::number(requestedAtMs);
}

Result<QList<ReviewRequest>> ReviewInbox::collect(Cache &cache, Journal *journal, const Policies &policies,
                                                  std::optional<qint64> sourceId)
{
    auto sources = cache.sources();
    if (!sources)
        return sources.error();
    QList<ReviewRequest> out;
    for (const SourceInfo &source : std::as_const(*sources)) {
        if (sourceId && source.id != *sourceId)
            continue;
        auto models = cache.registeredModels(source.id);
        if (!models)
            return models.error();
        // A model folder has no aliases (its writer says so); every MLflow store has them.
        const bool aliasesSupported = source.kind != u"folder"_s;

        // Pass 1: the versions waiting, as far as the registry tells.
        struct Candidate {
            const RegisteredModel *model;
            const ModelVersion *version;
            ModelPolicy policy;
            qint64 production;
            bool inStaging;
            bool holdsCandidate;
        };
        QList<Candidate> candidates;
        for (const RegisteredModel &m : std::as_const(*models)) {
            if (m.isPrompt())
                continue;
            const ModelPolicy policy = policies.forModel(m.name);
            const RegistryScheme scheme = ActionService::resolveScheme(m, policy, aliasesSupported);
            const qint64 production = ActionService::productionVersion(m, policy, scheme);
            const qint64 productionAliasHolder = aliasHolder(m, policy.productionAlias);
            const qint64 candidateHolder = aliasHolder(m, policy.candidateAlias);
            for (const ModelVersion &v : m.versions) {
                if (v.status != u"READY"_s || v.version == production || v.version == productionAliasHolder
                    || v.currentStage == kStageProduction)
                    continue;
                const bool inStaging = v.currentStage == kStageStaging;
                const bool holdsCandidate = candidateHolder == v.version;
                if (inStaging || holdsCandidate)
                    candidates.append({&m, &v, policy, production, inStaging, holdsCandidate});
            }
        }
        if (candidates.isEmpty())
            continue;

        // The journal's observations of this source, for the requests nobody signed.
        Observations observations;
        QList<JournalEntry> entries;
        if (journal) {
            auto read = journal->entries(source.uri);
            if (!read)
                return read.error();
            entries = std::move(*read);
            for (const JournalEntry &e : std::as_const(entries))
                if (e.kind == u"observed.stage"_s || e.kind == u"observed.alias"_s || e.kind == u"observed.registered"_s)
                    observations[e.subject].append(&e);
        }

        // The latest metrics of every version's run, for the key metric.
        QStringList runIds;
        for (const RegisteredModel &m : std::as_const(*models))
            for (const ModelVersion &v : m.versions)
                if (!v.runId.isEmpty())
                    runIds.append(v.runId);
        QHash<QString, QList<MetricPoint>> runMetrics;
        if (!runIds.isEmpty()) {
            RunQuery q;
            q.sourceId = source.id;
            q.runIds = runIds;
            q.includeDeleted = true;
            auto runs = cache.runs(q);
            if (!runs)
                return runs.error();
            for (const RunRow &r : std::as_const(*runs))
                runMetrics.insert(r.run.runId, r.run.latestMetrics);
        }
        QHash<const RegisteredModel *, QString> keyMetrics;

        for (const Candidate &c : std::as_const(candidates)) {
            const ModelVersion &v = *c.version;
            ReviewRequest r;
            r.sourceId = source.id;
            r.sourceUri = source.uri;
            r.model = c.model->name;
            r.version = v.version;
            r.stage = v.currentStage;
            r.aliases = v.aliases;
            r.aliases.sort();
            r.runId = v.runId;
            r.requestedBy = tagValue(v, tags::kReviewRequestedBy).trimmed();
            r.requestedAtMs = isoMs(tagValue(v, tags::kReviewRequestedAt));
            const bool decided = !tagValue(v, tags::kApprovalState).isEmpty();
            const qint64 decidedAt = isoMs(tagValue(v, tags::kApprovalAt));
            if (r.requesterKnown()) {
                // A decision counts when it is not older than the request (or when either time is
                // unreadable: then nothing says the decision came first).
                if (decided && (decidedAt == 0 || r.requestedAtMs == 0 || decidedAt >= r.requestedAtMs))
                    continue;
            } else {
                const auto observed = observedWindow(observations.value(r.model + u'/' + QString::number(v.version)), v,
                                                     c.inStaging, c.holdsCandidate, c.policy.candidateAlias);
                if (observed) {
                    r.windowStartMs = observed->startMs;
                    r.windowEndMs = observed->endMs;
                    r.windowObserved = true;
                } else {
                    r.windowStartMs = std::max<qint64>(0, v.creationTime);
                    r.windowEndMs = source.addedMs;
                    if (r.windowStartMs > r.windowEndMs)
                        r.windowStartMs = 0;
                }
                // A decision made since the move (or, when no sync saw the move, any decision)
                // settled this review. Tags keep whole seconds.
                if (decided && (!observed || decidedAt == 0 || decidedAt >= r.windowStartMs / 1000 * 1000))
                    continue;
            }
            auto key = keyMetrics.find(c.model);
            if (key == keyMetrics.end())
                key = keyMetrics.insert(c.model, keyMetricOf(*c.model, runMetrics));
            r.keyMetric = *key;
            r.keyMetricDirection = r.keyMetric.isEmpty() ? MetricDirection::Unknown : inferMetricDirection(r.keyMetric);
            r.keyMetricValue = keyMetricValue(runMetrics.value(v.runId), r.keyMetric);
            r.productionVersion = c.production;
            if (const ModelVersion *p = c.model->findVersion(c.production))
                r.productionValue = keyMetricValue(runMetrics.value(p->runId), r.keyMetric);
            const QString share = tagValue(v, tags::kAbShare);
            bool ok = false;
            const double percent = share.toDouble(&ok);
            if (ok && tagValue(v, tags::kAbEnd).isEmpty())
                r.abShare = percent;
            out.append(r);
        }
    }
    // Newest first, to the second: request tags keep whole seconds.
    std::stable_sort(out.begin(), out.end(), [](const ReviewRequest &a, const ReviewRequest &b) {
        if (a.requestedMs() / 1000 != b.requestedMs() / 1000)
            return a.requestedMs() > b.requestedMs();
        if (a.sourceId != b.sourceId)
            return a.sourceId < b.sourceId;
        if (a.model != b.model)
            return a.model < b.model;
        return a.version < b.version;
    });
    return out;
}

QList<ReviewRequest> ReviewInbox::added(const QList<ReviewRequest> &before, const QList<ReviewRequest> &now)
{
    QSet<QString> known;
    for (const ReviewRequest &r : before)
        known.insert(r.key());
    QList<ReviewRequest> out;
    for (const ReviewRequest &r : now)
        if (!known.contains(r.key()))
            out.append(r);
    return out;
}

} // namespace md
