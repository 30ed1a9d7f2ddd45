// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderTableView.h"

#include "PlaceholderPainter.h"

namespace md {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : QTableView(parent)
{
}

void PlaceholderTableView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void PlaceholderTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    PlaceholderPainter::paintIfEmpty(this, m_placeholder);
}

} // namespace md
