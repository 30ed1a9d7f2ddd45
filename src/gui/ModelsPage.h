// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ActionService.h"
#include "cache/Journal.h"
#include "RegistryActions.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace Ui {
class ModelsPage;
}

namespace md {

class ActionRunner;
class Cache;
class ElidingLabel;
class KeyMetricChart;
class MessageBar;
class PlanDialog;
class TimelineWidget;
class VersionDetailsWidget;
class VersionsModel;

/// The read-only Models view of one source's model registry: the registered models with their
/// version counts on the left; on the right the selected model's versions (VersionsModel), the
/// version timeline (TimelineWidget, built from the cache and the journal's observed changes)
/// and the key metric across versions; on the far right the selected version's card
/// (VersionDetailsWidget), or two versions side by side ("Compare with Production", or the versions
/// table's context menu "Compare with…"). The splitter's state is remembered (Settings).
/// Reads through the given Cache (GUI thread) and its own connection to the journal at
/// `journalPath`; the cache must outlive the page.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    ModelsPage(Cache *cache, const QString &journalPath, QWidget *parent = nullptr);
    ~ModelsPage() override;

    /// Shows the models of a source (nullopt: none, with a hint). Keeps the selected model when
    /// the source stays the same.
    void showSource(std::optional<qint64> sourceId, const QString &sourceUri);
    /// Re-reads the models list, the versions and the journal (after an import), keeping the
    /// selected model and version.
    void reload();
    /// Selects the model by its exact name; false when the shown source has no such model.
    bool selectModel(const QString &name);
    /// Selects the row of `version` in the versions table; false when not shown.
    bool selectVersion(qint64 version);

    std::optional<qint64> sourceId() const { return m_sourceId; }
    QString currentModel() const { return m_modelName; }
    QTreeView *modelsView() const;
    QStandardItemModel *modelsModel() const { return m_models; }
    QTableView *versionsTable() const;
    VersionsModel *versionsModel() const { return m_versions; }
    TimelineWidget *timeline() const { return m_timeline; }
    /// The key metric across versions (a small line chart).
    QWidget *keyMetricChart() const;
    /// The version card pane (one version, or two side by side).
    VersionDetailsWidget *versionDetails() const { return m_details; }
    /// "Compare with Production": the selected version beside the model's Production version.
    /// Disabled when no version is selected, the model has no Production version or the
    /// selected one is it.
    QAction *compareWithProductionAction() const { return m_compareProduction; }
    /// Shows `left` (the reference) and `right` side by side in the card pane; false when the
    /// shown model lacks one of them.
    bool compareVersions(qint64 left, qint64 right);
    /// The versions table's context menu for the version at `row` ("Compare with Production",
    /// "Compare with…" listing the other versions); the caller owns it.
    QMenu *createVersionMenu(int row, QWidget *parent);

    enum ModelRoles { ModelNameRole = Qt::UserRole + 1, VersionCountRole };

    // ---- registry actions (the promotion pipeline, RegistryActions). Each runs on a worker thread
    // (ActionRunner); the page shows a busy bar meanwhile and reloads when the action is done. What
    // the user saw (the cached state of the version) goes with every request: if the source moved
    // since, the action is refused and says who moved it.
    /// Registers a new version: a run of the cache (MLflow stores) or a model file (model folder).
    QAction *registerAction() const { return m_registry->registerAction(); }
    /// Moves the selected version to Staging (or the candidate alias) and asks for a review.
    QAction *sendToReviewAction() const { return m_registry->sendToReviewAction(); }
    /// Starts (asks for the share) or ends the A/B test of the selected version.
    QAction *abTestAction() const { return m_registry->abTestAction(); }
    /// Opens the ReviewDialog for the selected version: approve or reject with a note.
    QAction *reviewAction() const { return m_registry->reviewAction(); }
    /// Promotes the selected (approved) version to Production, after showing the plan.
    QAction *promoteAction() const { return m_registry->promoteAction(); }
    /// Rolls Production back to the last known-good version (RollbackDialog, then the incident report).
    QAction *rollbackAction() const { return m_registry->rollbackAction(); }
    /// Applies the actions queued while the source was unreachable.
    QAction *applyQueueAction() const { return m_registry->applyQueueAction(); }
    ActionRunner *actionRunner() const { return m_registry->actionRunner(); }
    /// The last action's outcome or error, as the message bar above the versions shows it.
    QString actionStatusText() const;
    /// The inline message bar above the versions (outcomes, refusals; cleared when the model changes).
    MessageBar *messageBar() const { return m_message; }
    /// The dialog of the registry write in progress (its plan, then its outcome), null when none.
    PlanDialog *planDialog() const;
    /// How the shown model marks its versions (stages, aliases or both), under the policy file.
    RegistryScheme scheme() const { return m_scheme; }
    /// The model's word for Production: "Production", or its production alias ("champion").
    QString productionWord() const;
    /// Every registry action, for the main window's Registry menu (window-wide shortcuts).
    QList<QAction *> registryActions() const;
    /// After a successful sync of `sourceUri` (the source is reachable again): applies its queued
    /// actions, each only if its preconditions still hold. False when nothing waits or an action
    /// is running.
    bool applyQueuedFor(const QString &sourceUri);

Q_SIGNALS:
    /// The reviewer wants both runs in the comparison view.
    void compareRunsRequested(const QStringList &runIds);
    /// An action changed the registry of the shown source (the cache is already updated).
    void registryChanged();
    /// A model's versions are shown (also after a reload); `name` empty when none.
    void modelShown(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadModels();
    void showModel(const QString &name);
    QList<JournalEntry> journalEntries(const QString &model);
    void showVersionCard(qint64 version);
    qint64 currentVersion() const;
    /// The model's Production version (stage Production, or the production alias), 0 when none.
    qint64 productionVersion() const;
    /// The shown model's rules (the policy file's entry for it, or the defaults).
    ModelPolicy policy() const;
    void updateCompareAction();
    void setUpActions();
    void updateActions();

    /// What the registry actions read from this page.
    class RegistryHost;

    std::unique_ptr<Ui::ModelsPage> m_ui;
    Cache *m_cache;
    QString m_journalPath;
    Journal m_journal;
    std::optional<qint64> m_sourceId;
    QString m_sourceUri;
    QString m_modelName;
    QStandardItemModel *m_models;
    VersionsModel *m_versions;
    TimelineWidget *m_timeline;
    KeyMetricChart *m_chart;
    VersionDetailsWidget *m_details;
    QAction *m_compareProduction;
    RegistryActions *m_registry = nullptr;  ///< a child of the page, owning its RegistryHost
    MessageBar *m_message = nullptr;
    ElidingLabel *m_description = nullptr;
    Policies m_policies;
    RegistryScheme m_scheme = RegistryScheme::Stages;
};

} // namespace md
