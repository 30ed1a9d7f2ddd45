// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ActionService.h"

#include <QObject>
#include <QString>

namespace md {

/// Runs registry actions (plan, execute, apply the offline queue) on a worker thread, so that the
/// GUI never waits on a server or a file system. Each job opens its own writer, cache and journal
/// connections and loads the policy file; results come back as signals on the GUI thread. One job
/// at a time: a call while busy is ignored and returns false.
class ActionRunner : public QObject {
    Q_OBJECT
public:
    ActionRunner(QString cachePath, QString journalPath, QObject *parent = nullptr);
    ~ActionRunner() override;

    bool isBusy() const { return m_busy; }
    /// Checks and plans; nothing is written. Emits planned() or failed().
    bool plan(const ActionRequest &request);
    /// Plans and writes; an unreachable server queues the action. Emits executed() or failed().
    bool execute(const ActionRequest &request);
    /// Applies the queued actions of a source. Emits queueApplied() or failed().
    bool applyQueued(const QString &sourceUri);
    /// Waits for the running job (tests, shutdown).
    void waitForDone();

Q_SIGNALS:
    void busyChanged(bool busy);
    void planned(const md::ActionPlan &plan);
    void executed(const md::ActionOutcome &outcome);
    void queueApplied(const QList<md::QueuedAction> &done);
    void failed(const md::Error &error, const md::ActionRequest &request);

private:
    template<typename Job>
    bool start(Job job);
    QString m_cachePath;
    QString m_journalPath;
    bool m_busy = false;
    class Watcher;
    Watcher *m_watcher = nullptr;
};

} // namespace md
