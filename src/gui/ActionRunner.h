// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ActionService.h"
#include "models/AsyncJob.h"

#include <QObject>
#include <QString>

namespace md {

/// Runs registry actions (plan, execute, apply the offline queue) on a worker thread, so that the
/// GUI never waits on a server or a file system. Each job opens its own writer, cache and journal
/// connections and loads the policy file; results come back as signals on the GUI thread. One job
/// at a time: a call while busy is ignored and returns false. A job still running when the runner
/// goes finishes on its own (it holds only copies); its result is dropped.
class ActionRunner : public QObject {
    Q_OBJECT
public:
    ActionRunner(QString cachePath, QString journalPath, QObject *parent = nullptr);

    bool isBusy() const { return m_job.isRunning(); }
    /// Checks and plans; nothing is written. Emits planned() or failed().
    bool plan(const ActionRequest &request);
    /// Plans and writes; an unreachable server queues the action. Emits executed() or failed().
    bool execute(const ActionRequest &request);
    /// Applies the queued actions of a source. Emits queueApplied() or failed().
    bool applyQueued(const QString &sourceUri);
    /// Waits for the running job to return on its worker; its signals follow from the event loop.
    /// Tests only: it blocks the GUI thread.
    void waitForDone() { m_job.waitForDone(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    void planned(const md::ActionPlan &plan);
    void executed(const md::ActionOutcome &outcome);
    void queueApplied(const QList<md::QueuedAction> &done);
    void failed(const md::Error &error, const md::ActionRequest &request);

private:
    template<typename Job>
    bool start(const ActionRequest &request, Job job);
    QString m_cachePath;
    QString m_journalPath;
    AsyncJob m_job;
};

} // namespace md
