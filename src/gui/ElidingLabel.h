// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace md {

/// Plain text in at most maxLines() lines, wrapped at word boundaries; what does not fit ends in
/// "…" and the whole text becomes the tooltip. Its height is fixed by the line count, so showing a
/// longer text never moves the widgets below it (a QLabel with word wrap grows instead).
class ElidingLabel : public QWidget {
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setMaxLines(int lines);
    int maxLines() const { return m_maxLines; }
    /// True when the text shown is cut (the tooltip then holds all of it).
    bool isElided() const { return m_elided; }
    /// The text as drawn now, lines joined with '\n' (for tests and accessibility).
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();

    QString m_text;
    QStringList m_lines;
    int m_maxLines = 1;
    bool m_elided = false;
};

} // namespace md
