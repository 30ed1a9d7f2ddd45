// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderPainter.h"

#include <QAbstractItemView>
#include <QPainter>

#include <algorithm>

namespace md {

void PlaceholderPainter::paintIfEmpty(QAbstractItemView *view, const QString &text)
{
    if (text.isEmpty() || (view->model() && view->model()->rowCount(view->rootIndex()) > 0))
        return;
    QWidget *viewport = view->viewport();
    QPainter painter(viewport);
    painter.setPen(view->palette().color(QPalette::PlaceholderText));
    QFont font = view->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter.setFont(font);
    const int margin = 24;
    // Below the header of a table, a little above the middle: where the eye looks first.
    QRect area = viewport->rect().adjusted(margin, margin, -margin, -margin);
    area.setHeight(std::max(area.height() * 2 / 3, 80));
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace md
