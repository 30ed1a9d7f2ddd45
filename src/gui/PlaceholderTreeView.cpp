// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderTreeView.h"

#include "PlaceholderPainter.h"

namespace md {

PlaceholderTreeView::PlaceholderTreeView(QWidget *parent)
    : QTreeView(parent)
{
}

void PlaceholderTreeView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void PlaceholderTreeView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    PlaceholderPainter::paintIfEmpty(this, m_placeholder);
}

} // namespace md
