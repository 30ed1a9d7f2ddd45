// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/AsyncJob.h"
#include "models/VersionDetails.h"

#include <QHash>
#include <QWidget>

class QAction;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QToolButton;

namespace md {

/// The model card of one version (VersionDetails), or two versions side by side (VersionDiff)
/// with the rows that differ highlighted — a palette-derived background and a marker glyph
/// (≠ changed, + only on the right, − only on the left), so it reads without colour too.
///
/// The card shows at once what the cache holds; the artifacts (MLmodel, dependencies, files with
/// size and SHA-256) are read on a worker thread (AsyncJob + ArtifactStore, which blocks on
/// disk or the network) while a busy bar with a Cancel button shows. A failure is shown inline in
/// the artifact sections, naming the folder, file or URI; the other sections stay. Read
/// artifacts are kept per source and version until invalidateArtifacts(), so switching between
/// versions and comparing does not read them again. A prompt's card reads nothing: a prompt has
/// no model files. Text is selectable; Copy puts the card (or the comparison) on the clipboard as
/// text.
class VersionDetailsWidget : public QWidget {
    Q_OBJECT
public:
    /// A reading still in progress when the widget goes is cancelled; its result is dropped.
    explicit VersionDetailsWidget(QWidget *parent = nullptr);

    /// The source (URI as in the cache) whose artifacts are read. Clears the kept artifacts
    /// when it changes.
    void setSourceUri(const QString &uri);
    QString sourceUri() const { return m_sourceUri; }

    /// Shows one version's card and starts reading its artifacts (unless kept already).
    void showVersion(const VersionDetails &details);
    /// Shows `left` (the reference, e.g. Production) and `right` (the candidate) side by side and
    /// reads the artifacts of both.
    void showComparison(const VersionDetails &left, const VersionDetails &right);
    /// Shows no card, only `placeholder` (e.g. "Select a version …"). Stops a reading in progress.
    void clear(const QString &placeholder);
    /// Shows an error instead of a card (e.g. the cache could not be read).
    void showError(const QString &message);
    /// Drops the kept artifacts (after a sync: files may have changed).
    void invalidateArtifacts();

    /// Adds a button for `action` to the card's header (e.g. ModelsPage's "Compare with Production").
    void addHeaderAction(QAction *action);

    bool isComparing() const { return m_comparing; }
    bool isLoading() const { return m_reading.isRunning(); }
    /// The card shown (the left one when comparing).
    const VersionDetails &details() const { return m_left; }
    const VersionDetails &rightDetails() const { return m_right; }
    /// The comparison shown; empty when not comparing.
    VersionDiff diff() const;
    /// What Copy puts on the clipboard: VersionDetails::toText() or VersionDiff::toText().
    QString plainText() const;

    QTextBrowser *view() const { return m_view; }
    QToolButton *copyButton() const { return m_copy; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    /// Compare mode: hide the rows that are the same on both sides.
    QCheckBox *onlyDifferencesBox() const { return m_onlyDiffs; }

public Q_SLOTS:
    /// Stops reading the artifacts; the card keeps what it has and says the reading was cancelled.
    void cancelLoading();

Q_SIGNALS:
    /// The artifacts of what is shown are in (read, failed or cancelled): the card is complete.
    void artifactsFinished();
    /// The user asked to leave the comparison ("Show one version").
    void comparisonClosed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void startLoading();
    /// Drops the reading in progress without a word: a newer card replaces it.
    void stopLoading();
    void render();
    QString renderCard(const VersionDetails &d) const;
    QString renderDiff(const VersionDiff &diff) const;
    void updateHeader();
    QString keyOf(const VersionDetails &d) const;
    void retranslate();

    QLabel *m_title;
    QHBoxLayout *m_headerLayout;
    int m_headerActions = 0;  ///< buttons added with addHeaderAction(), at the layout's start
    QToolButton *m_copy;
    QToolButton *m_closeCompare;
    QCheckBox *m_onlyDiffs;
    QWidget *m_busy;
    QProgressBar *m_progress;
    QLabel *m_busyLabel;
    QPushButton *m_cancelButton;
    QTextBrowser *m_view;

    QString m_sourceUri;
    VersionDetails m_left;
    VersionDetails m_right;
    bool m_comparing = false;
    bool m_hasCard = false;
    QString m_placeholder;
    bool m_placeholderIsError = false;

    /// Read artifacts by keyOf(): source, model, version, run.
    QHash<QString, VersionArtifacts> m_kept;
    /// The artifacts being read; a newer card or Cancel drops the result.
    AsyncJob m_reading;
};

} // namespace md
