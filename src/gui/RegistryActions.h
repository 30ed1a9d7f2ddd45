// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ActionService.h"
#include "cache/Journal.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QProgressBar;
class QToolBar;
class QWidget;

namespace md {

class ActionRunner;
class Cache;
class MessageBar;
class PlanDialog;

/// What the registry actions read from the page that shows them: the shown model and version, its
/// rules, the message bar, the journal. The page implements it; the actions never reach further.
class RegistryActionsHost {
public:
    virtual ~RegistryActionsHost() = default;
    virtual std::optional<qint64> sourceId() const = 0;
    virtual QString sourceUri() const = 0;
    /// The shown model's name, empty when none.
    virtual QString model() const = 0;
    virtual const RegisteredModel &registeredModel() const = 0;
    /// The selected version, 0 when none.
    virtual qint64 selectedVersion() const = 0;
    /// The model's Production version (stage Production, or the production alias), 0 when none.
    virtual qint64 productionVersion() const = 0;
    virtual ModelPolicy policy() const = 0;
    virtual RegistryScheme scheme() const = 0;
    /// "Production", or the model's production alias.
    virtual QString productionWord() const = 0;
    virtual MessageBar *messageBar() const = 0;
    /// The journal, opened on first use; null when there is none.
    virtual Journal *journal() = 0;
    /// The shown model's journal entries.
    virtual QList<JournalEntry> journalEntries() = 0;
    /// Re-reads the models, the versions and the journal, keeping the selection.
    virtual void reload() = 0;
    virtual bool selectVersion(qint64 version) = 0;
};

/// The registry actions of the Models view (the promotion pipeline): the QActions and their
/// toolbar with the busy bar, the ActionRunner that plans and executes them on a worker thread,
/// the PlanDialog of the write in progress and the offline queue. The actions and the toolbar are
/// children of `widget` (window-wide shortcuts; the parent of every dialog); the page puts the
/// toolbar in its layout. It owns the host. Strings keep the translation context "md::ModelsPage".
class RegistryActions : public QObject {
    Q_OBJECT
public:
    RegistryActions(
        Cache *cache, const QString &journalPath, std::unique_ptr<RegistryActionsHost> host, QWidget *widget);
    ~RegistryActions() override;

    QToolBar *toolBar() const { return m_actionsBar; }
    QAction *registerAction() const { return m_registerAction; }
    QAction *sendToReviewAction() const { return m_sendToReview; }
    QAction *abTestAction() const { return m_abTest; }
    QAction *reviewAction() const { return m_review; }
    QAction *promoteAction() const { return m_promote; }
    QAction *rollbackAction() const { return m_rollback; }
    QAction *applyQueueAction() const { return m_applyQueue; }
    ActionRunner *actionRunner() const { return m_runner; }
    PlanDialog *planDialog() const;
    QList<QAction *> actions() const;
    /// Enables each action, or says in its tooltip why not, for the shown model and version.
    void updateActions();
    /// See ModelsPage::applyQueuedFor().
    bool applyQueuedFor(const QString &sourceUri);

Q_SIGNALS:
    /// The reviewer wants both runs in the comparison view.
    void compareRunsRequested(const QStringList &runIds);
    /// An action changed the registry of the shown source (the cache is already updated).
    void registryChanged();
    /// An action runs (or no longer does).
    void busyChanged(bool busy);

private:
    /// The action's tooltip when nothing stops it, without its shortcut.
    QString defaultTip(QAction *action) const;
    ActionRequest actionRequest(ActionKind kind, qint64 version) const;
    /// Opens the plan dialog for `request` and has the service plan it; the person confirms there.
    void startAction(const ActionRequest &request);
    void onPlanned(const ActionPlan &plan);
    void onExecuted(const ActionOutcome &outcome);
    void onActionFailed(const Error &error, const ActionRequest &request);
    void registerVersion();
    void toggleAbTest();
    void review();
    void refreshQueue();

    Cache *m_cache;
    std::unique_ptr<RegistryActionsHost> m_host;
    QWidget *m_widget;
    ActionRunner *m_runner = nullptr;
    QToolBar *m_actionsBar = nullptr;
    QAction *m_registerAction = nullptr;
    QAction *m_sendToReview = nullptr;
    QAction *m_abTest = nullptr;
    QAction *m_review = nullptr;
    QAction *m_promote = nullptr;
    QAction *m_rollback = nullptr;
    QAction *m_applyQueue = nullptr;
    QProgressBar *m_actionBusy = nullptr;
    QPointer<PlanDialog> m_dialog;
    ActionRequest m_request; ///< the request the dialog shows (its plan, then its outcome)
    std::optional<ActionRequest> m_replan; ///< a re-plan asked for while the runner was busy
};

} // namespace md
