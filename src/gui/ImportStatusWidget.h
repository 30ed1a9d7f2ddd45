// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QProgressBar;
class QToolButton;

namespace md {

struct ImportProgress;

/// The status-bar part shown while an import runs: a progress bar (runs done / total, busy
/// indicator while the total is unknown; bytes received and the time left for a server) and a
/// Cancel button.
class ImportStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit ImportStatusWidget(QWidget *parent = nullptr);

    /// Shows the widget with an empty, busy progress bar for `uri`.
    void begin(const QString &uri);
    void setProgress(const QString &uri, const ImportProgress &progress);
    /// "1.2 MB", "3 s left" … the extras after the run count; empty when there is nothing to add.
    static QString details(const ImportProgress &progress, qint64 elapsedMs);
    /// Hides the widget.
    void end();

    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QElapsedTimer m_elapsed;
};

} // namespace md
