// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ActionService.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace md {

class MessageBar;

/// One registry write from plan to outcome, in one dialog: while the service plans it, "Checking…";
/// then the plan — the pre-flight checks that passed and every write with its side effects on
/// other versions (an alias moved off vN, vM archived, tags written) — and one confirmation
/// (the button, or Ctrl+Return from anywhere in the dialog); then the outcome in place of the plan,
/// with the incident report draft of a rollback (Copy, Save…). A refusal or failure is shown in
/// the same place and the dialog stays open.
///
/// A rollback also asks for the target (the proposed one preselected, with why it was proposed,
/// "proposed without history" included) and the reason; the dialog opens with the focus in the
/// reason, so an on-call engineer can type at once. The plan is made with reasonStandIn() as the
/// reason; the steps that write the reason show it as it is typed.
class PlanDialog : public QDialog {
    Q_OBJECT
public:
    enum class State { Planning, Ready, Working, Done, Failed };
    Q_ENUM(State)

    PlanDialog(ActionKind kind, const QString &model, QWidget *parent = nullptr);

    ActionKind kind() const { return m_kind; }
    State state() const { return m_state; }
    /// The plan being shown (valid from state Ready on).
    const ActionPlan &plan() const { return m_plan; }

    void showPlanning();
    void showPlan(const ActionPlan &plan);
    void showWorking();
    void showOutcome(const ActionOutcome &outcome);
    void showError(const Error &error);
    /// The plan could not be made because the source cannot be reached: the person may queue the
    /// action instead (confirmed() then); it is applied when the source is back, checked again first.
    void showOffline(const Error &error);

    /// Rollback: the version chosen; the reason as typed, trimmed.
    qint64 target() const;
    QString reason() const;
    /// The reason the plan is made with before the person has given one.
    static QString reasonStandIn();

    QLabel *summaryLabel() const { return m_summary; }
    QListWidget *planList() const { return m_planList; }
    QComboBox *targetBox() const { return m_target; }
    QLabel *targetWhyLabel() const { return m_targetWhy; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QPushButton *confirmButton() const { return m_confirm; }
    /// The outcome (and, after a rollback, the incident report draft).
    QPlainTextEdit *outcomeEdit() const { return m_outcome; }
    /// Why the action was refused or failed (empty otherwise).
    MessageBar *messageBar() const { return m_message; }

    /// Ignored while the write is under way (Escape, the window's close button).
    void reject() override;

Q_SIGNALS:
    /// The person confirmed the plan shown (target() and reason() hold their choice).
    void confirmed();
    /// Rollback: another target was picked; the plan must be made again for it.
    void targetChanged(qint64 version);

private:
    void updateConfirm();
    void updateReasonSteps();
    void confirm();
    void setState(State state);

    /// A plan step that writes the reason: the text before and after the stand-in.
    struct ReasonStep {
        QListWidgetItem *item = nullptr;
        QString before;
        QString after;
    };

    ActionKind m_kind;
    QString m_model;
    State m_state = State::Planning;
    bool m_offline = false;  ///< the plan could not be made: the source cannot be reached
    ActionPlan m_plan;
    QLabel *m_summary = nullptr;
    MessageBar *m_message = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_rollbackBox = nullptr;
    QLabel *m_current = nullptr;
    QComboBox *m_target = nullptr;
    QLabel *m_targetWhy = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QLabel *m_emergency = nullptr;
    QListWidget *m_planList = nullptr;
    QList<ReasonStep> m_reasonSteps;
    QProgressBar *m_busy = nullptr;
    QPlainTextEdit *m_outcome = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace md
