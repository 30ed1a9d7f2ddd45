// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace md {

class Cache;

/// The reviewer's view of a candidate version against the current Production version: the key
/// facts (who asked, the A/B share and window), every metric of both runs side by side with the
/// delta and whether it is better, the params that differ, evaluation runs that name the candidate
/// (tag `modeldesk.evaluates` = "MODEL/VERSION"), and a required note. The values shown are what
/// evidence() freezes into the decision's journal entry.
class ReviewDialog : public QDialog {
    Q_OBJECT
public:
    enum class Decision { None, Approve, Reject };

    ReviewDialog(Cache *cache, std::optional<qint64> sourceId, const RegisteredModel &model, qint64 candidate,
                 qint64 production, const QString &currentUser, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    QString note() const;
    /// The compared values as shown: {candidate: {version, run_id, metrics}, production: …, evaluation_runs: […]}.
    QJsonObject evidence() const { return m_evidence; }
    /// The run ids of candidate and production (for the Compare tab).
    QStringList runIds() const { return m_runIds; }

    QTableWidget *metricsTable() const { return m_metrics; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }

Q_SIGNALS:
    /// "Open in Compare": show both runs in the comparison view.
    void compareRequested(const QStringList &runIds);

private:
    void updateButtons();
    Decision m_decision = Decision::None;
    QJsonObject m_evidence;
    QStringList m_runIds;
    bool m_ownRequest = false;
    QTableWidget *m_metrics = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

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
