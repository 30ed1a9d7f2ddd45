// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderTableView.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace md {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : PlaceholderView(parent)
{
    // QTableView then strokes nothing (a raster painter returns at once for an empty pen), and
    // paintGrid() fills the lines.
    setGridStyle(Qt::NoPen);
}

void PlaceholderTableView::paintEvent(QPaintEvent *event)
{
    PlaceholderView::paintEvent(event);
    if (showGrid())
        paintGrid(event->region());
}

// The lines QTableView::paintEvent() draws, at the same pixels: for each rectangle of the region,
// a line along the last pixel row of each row in it and along the last pixel column of each
// column in it (the first, right to left), clipped to the rectangle and to the table's extent.
void PlaceholderTableView::paintGrid(const QRegion &region)
{
    const QHeaderView *rows = verticalHeader();
    const QHeaderView *columns = horizontalHeader();
    if (columns->count() == 0 || rows->count() == 0)
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QColor colour = QColor::fromRgba(QRgb(style()->styleHint(QStyle::SH_Table_GridLineColor, &option, this)));
    const bool drawWhenHidden = style()->styleHint(QStyle::SH_Table_AlwaysDrawLeftTopGridLines, &option, this);
    const bool rightToLeft = isRightToLeft();
    const int extentX = columns->length() - columns->offset() - (rightToLeft ? 0 : 1);
    const int extentY = rows->length() - rows->offset() - 1;

    QPainter painter(viewport());
    for (QRect area : region) {
        area.setBottom(std::min(area.bottom(), extentY));
        if (rightToLeft)
            area.setLeft(std::max(area.left(), viewport()->width() - extentX));
        else
            area.setRight(std::min(area.right(), extentX));
        if (!area.isValid())
            continue;
        int left = columns->visualIndexAt(area.left());
        int right = columns->visualIndexAt(area.right());
        if (rightToLeft)
            std::swap(left, right);
        if (left == -1)
            left = 0;
        if (right == -1)
            right = columns->count() - 1;
        int bottom = rows->visualIndexAt(area.bottom());
        if (bottom == -1)
            bottom = rows->count() - 1;
        const int top = rows->visualIndexAt(area.top());
        if (top == -1 || top > bottom)
            continue;

        for (int visual = top; visual <= bottom; ++visual) {
            const int row = rows->logicalIndex(visual);
            if (rows->isSectionHidden(row))
                continue;
            const int y = rowViewportPosition(row) + rowHeight(row) - 1;
            painter.fillRect(QRect(area.left(), y, area.width(), 1), colour);
        }
        for (int visual = left; visual <= right; ++visual) {
            const int column = columns->logicalIndex(visual);
            if (columns->isSectionHidden(column))
                continue;
            const int x = columnViewportPosition(column) + (rightToLeft ? 0 : columnWidth(column) - 1);
            painter.fillRect(QRect(x, area.top(), 1, area.height()), colour);
        }
        if (drawWhenHidden && columns->isHidden()) {
            const int row = rows->logicalIndex(top);
            if (!rows->isSectionHidden(row) && rowViewportPosition(row) == area.top())
                painter.fillRect(QRect(area.left(), area.top(), area.width(), 1), colour);
        }
        if (drawWhenHidden && rows->isHidden()) {
            const int column = columns->logicalIndex(left);
            if (!columns->isSectionHidden(column)) {
                const int x = columnViewportPosition(column) + (rightToLeft ? columnWidth(left) - 1 : 0);
                if (x == (rightToLeft ? area.right() : area.left()))
                    painter.fillRect(QRect(x, area.top(), 1, area.height()), colour);
            }
        }
    }
}

} // namespace md
