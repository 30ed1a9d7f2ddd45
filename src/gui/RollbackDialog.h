// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace md {

/// The on-call engineer's rollback: what is in Production now, the proposed target (the last
/// known-good version, changeable), the pre-flight checks and steps of the plan, and a required
/// reason. States plainly that approval is bypassed and the rollback is marked as an emergency.
///
/// The plan was made before the reason was asked for, with reasonStandIn() as the reason: the
/// steps that write it show the reason as it is typed instead, or while it is empty a prompt to
/// write it, greyed.
class RollbackDialog : public QDialog {
    Q_OBJECT
public:
    /// `checks` and `steps` are the service's plan for the proposed target; `eligible` the versions
    /// one may pick.
    RollbackDialog(const QString &model, qint64 fromVersion, qint64 proposed, const QList<qint64> &eligible,
                   const QStringList &checks, const QStringList &steps, QWidget *parent = nullptr);
    qint64 target() const;
    /// The reason as typed, trimmed.
    QString reason() const;
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QListWidget *planList() const { return m_plan; }

    /// The reason to plan the rollback with before the person has given one (the plan refuses a
    /// rollback without a reason); the steps holding it show the real reason.
    static QString reasonStandIn();

private:
    void updateReasonSteps();

    /// A plan step that writes the reason: the text before and after the stand-in.
    struct ReasonStep {
        QListWidgetItem *item = nullptr;
        QString before;
        QString after;
    };

    QComboBox *m_target = nullptr;
    QListWidget *m_plan = nullptr;
    QList<ReasonStep> m_reasonSteps;
    QPlainTextEdit *m_reason = nullptr;
    QPushButton *m_rollback = nullptr;
};

/// The incident report draft after a rollback (Markdown), with Copy and Save…, and the reload
/// hook's outcome.
class IncidentReportDialog : public QDialog {
    Q_OBJECT
public:
    IncidentReportDialog(const QString &markdown, const QString &suggestedFileName, QWidget *parent = nullptr);
    QPlainTextEdit *reportEdit() const { return m_text; }

private:
    QPlainTextEdit *m_text = nullptr;
};

} // namespace md
