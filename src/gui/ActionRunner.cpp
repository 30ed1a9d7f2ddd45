// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActionRunner.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "sources/RegistryWriter.h"

#include <functional>
#include <variant>

namespace md {

namespace {

using Outcome = std::variant<Error, ActionPlan, ActionOutcome, QList<QueuedAction>>;

/// Everything one job needs, opened on the worker thread.
Outcome withService(const QString &uri, const QString &cachePath, const QString &journalPath,
                    const std::function<Outcome(ActionService &)> &fn)
{
    auto writer = createRegistryWriter(uri);
    if (!writer)
        return writer.error();
    // An unreachable server is not an error yet: the action may be queued.
    if (Status s = (*writer)->open(); !s && s.error().category != ErrorCategory::Network)
        return s.error();
    Journal journal;
    if (Status s = journal.open(journalPath); !s)
        return s.error();
    Cache cache;
    if (Status s = cache.open(cachePath); !s)
        return s.error();
    auto policies = Policies::load();
    if (!policies)
        return policies.error();
    ActionService service(**writer, journal, &cache, *policies, currentIdentity((*writer)->uri()));
    service.setArtifactCheck(artifactPresenceCheck((*writer)->uri(), &cache));
    return fn(service);
}

} // namespace

ActionRunner::ActionRunner(QString cachePath, QString journalPath, QObject *parent)
    : QObject(parent), m_cachePath(std::move(cachePath)), m_journalPath(std::move(journalPath))
{
    qRegisterMetaType<md::ActionPlan>();
    qRegisterMetaType<md::ActionOutcome>();
    qRegisterMetaType<md::Error>();
    qRegisterMetaType<md::ActionRequest>();
}

template<typename Job>
bool ActionRunner::start(const ActionRequest &request, Job job)
{
    if (isBusy())
        return false;
    m_job.start([job = std::move(job)](const JobToken &) { return job(); }, [this, request](const Outcome &result) {
        Q_EMIT busyChanged(false);
        if (const auto *e = std::get_if<Error>(&result))
            Q_EMIT failed(*e, request);
        else if (const auto *p = std::get_if<ActionPlan>(&result))
            Q_EMIT planned(*p);
        else if (const auto *o = std::get_if<ActionOutcome>(&result))
            Q_EMIT executed(*o);
        else if (const auto *q = std::get_if<QList<QueuedAction>>(&result))
            Q_EMIT queueApplied(*q);
    });
    Q_EMIT busyChanged(true);
    return true;
}

bool ActionRunner::plan(const ActionRequest &request)
{
    return start(request, [request, c = m_cachePath, j = m_journalPath]() -> Outcome {
        return withService(request.sourceUri, c, j, [&](ActionService &s) -> Outcome {
            auto p = s.plan(request);
            if (!p)
                return p.error();
            return *p;
        });
    });
}

bool ActionRunner::execute(const ActionRequest &request)
{
    return start(request, [request, c = m_cachePath, j = m_journalPath]() -> Outcome {
        return withService(request.sourceUri, c, j, [&](ActionService &s) -> Outcome {
            auto o = s.execute(request, true);
            if (!o)
                return o.error();
            return *o;
        });
    });
}

bool ActionRunner::applyQueued(const QString &sourceUri)
{
    ActionRequest request;
    request.sourceUri = sourceUri;
    return start(request, [sourceUri, c = m_cachePath, j = m_journalPath]() -> Outcome {
        return withService(sourceUri, c, j, [&](ActionService &s) -> Outcome {
            auto q = s.applyQueued();
            if (!q)
                return q.error();
            return *q;
        });
    });
}

} // namespace md
