// SPDX-License-Identifier: GPL-3.0-or-later
#include "ElidingLabel.h"

#include "models/PlainToolTip.h"

#include <QEvent>
#include <QPainter>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace md {

ElidingLabel::ElidingLabel(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidingLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    relayout();
    setAccessibleName(text);
}

void ElidingLabel::setMaxLines(int lines)
{
    m_maxLines = std::max(1, lines);
    updateGeometry();
    relayout();
}

QString ElidingLabel::shownText() const
{
    return m_lines.join(u'\n');
}

QSize ElidingLabel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {std::min(fm.horizontalAdvance(m_text) + 4, 600), fm.lineSpacing() * m_maxLines + 2};
}

QSize ElidingLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 8, fontMetrics().lineSpacing() * m_maxLines + 2};
}

void ElidingLabel::relayout()
{
    m_lines.clear();
    m_elided = false;
    const QFontMetrics fm = fontMetrics();
    const int width = std::max(1, contentsRect().width());
    // Paragraphs first, then word wrap within each, up to maxLines() in all.
    const QStringList paragraphs = m_text.split(u'\n');
    for (qsizetype p = 0; p < paragraphs.size() && !m_elided; ++p) {
        QTextLayout layout(paragraphs.at(p), font());
        layout.beginLayout();
        for (;;) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            const QString piece = paragraphs.at(p).mid(line.textStart(), line.textLength());
            if (m_lines.size() == m_maxLines - 1) {
                // The last line left: the rest of this paragraph (and a sign of any that follow).
                const QString rest = paragraphs.at(p).mid(line.textStart());
                const bool more = p + 1 < paragraphs.size();
                QString shown = fm.elidedText(rest, Qt::ElideRight, width);
                if (more && !shown.endsWith(u'…'))
                    shown = fm.elidedText(rest + u" …"_s, Qt::ElideRight, width);
                m_elided = shown != rest;
                m_lines.append(shown);
                break;
            }
            m_lines.append(piece.trimmed());
        }
        layout.endLayout();
        if (m_lines.size() >= m_maxLines && p + 1 < paragraphs.size())
            m_elided = true;
    }
    setToolTip(m_elided ? plainToolTip(m_text) : QString());
    update();
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(palette().color(foregroundRole()));
    const QRect r = contentsRect();
    const int h = fontMetrics().lineSpacing();
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        p.drawText(QRect(r.left(), r.top() + int(i) * h, r.width(), h), Qt::AlignLeft | Qt::AlignVCenter, m_lines.at(i));
}

void ElidingLabel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ElidingLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        relayout();
    }
    QWidget::changeEvent(event);
}

} // namespace md
