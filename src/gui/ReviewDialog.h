// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Journal.h"
#include "core/Domain.h"
#include "models/VersionDetails.h"

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
///
/// MLflow 3: where the versions' LoggedModels have metrics measured on datasets, the table first
/// shows both versions' values on one dataset (commonDataset(): the one most versions share),
/// under a heading that names it; a version without a value on it shows none.
class ReviewDialog : public QDialog {
    Q_OBJECT
public:
    enum class Decision { None, Approve, Reject };

    /// `production`: the version in Production, or the champion of a model that uses aliases only;
    /// `productionWord` names it ("Production" when empty, else e.g. "champion").
    ReviewDialog(Cache *cache, std::optional<qint64> sourceId, const RegisteredModel &model, qint64 candidate,
                 qint64 production, const QString &currentUser, QWidget *parent = nullptr,
                 const QString &productionWord = {});

    /// This desktop's journal about the model: for a version another tool moved into review, the
    /// window in which a sync saw the move (the requester is unknown then).
    void setJournal(const QList<JournalEntry> &journal);
    /// Who asked, as read from the candidate's tags and the journal.
    const ReviewState &reviewState() const { return m_review; }

    Decision decision() const { return m_decision; }
    QString note() const;
    /// The compared values as shown: {candidate: {version, run_id, metrics, dataset_metrics},
    /// production: …, dataset: {name, digest, context}, evaluation_runs: […]}; the dataset parts
    /// only when the table compares on a dataset.
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
    void updateRequester();
    Decision m_decision = Decision::None;
    ModelVersion m_candidate;
    ReviewState m_review;
    QLabel *m_requester = nullptr;
    QJsonObject m_evidence;
    QStringList m_runIds;
    bool m_ownRequest = false;
    QTableWidget *m_metrics = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace md
