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
/// Cancel button. A text too long for the bar ends in "…"; the tooltip then holds all of it.
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

    /// The whole text of the bar ("10 / 40 runs · 2.0 KiB"), elided or not.
    QString text() const { return m_text; }
    /// True when the bar shows text() shortened.
    bool isTextElided() const { return m_elided; }

    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Shows `text` in the bar, `where` (the phase and URI) in its tooltip.
    void setText(const QString &text, const QString &where);
    /// Fits text() into the bar's width.
    void updateText();

    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QElapsedTimer m_elapsed;
    QString m_text;
    QString m_where;
    bool m_elided = false;
};

} // namespace md
