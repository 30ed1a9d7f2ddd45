// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QToolButton;

namespace md {

class ElidingLabel;

/// An inline message in one fixed place (above a page's main table): what an action did, or why
/// it was refused. It keeps its height when empty, so a message appearing or going never moves
/// the table below. At most two lines are shown; the whole text is in the tooltip. An error stays
/// until the person dismisses it (✕) or the page clears it (another model shown); other messages
/// go with clear() too. Colours are tints of the palette's base, so it reads in light and dark.
class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    /// Empties the bar (its space stays).
    void clear();
    QString text() const { return m_text; }
    Kind kind() const { return m_kind; }
    bool hasMessage() const { return !m_text.isEmpty(); }
    QToolButton *closeButton() const { return m_close; }
    /// True (default): the bar keeps its height when empty, so nothing below it moves. False: it
    /// hides when empty (in a dialog, where the space is better used by what is there).
    void setKeepsSpace(bool keep);

Q_SIGNALS:
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor accent() const;

    Kind m_kind = Kind::Info;
    QString m_text;
    ElidingLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
    bool m_keepSpace = true;
};

} // namespace md
