// SPDX-License-Identifier: GPL-3.0-or-later
#include "ElidingHeaderView.h"

#include <QPainter>
#include <QStyleOptionHeader>

namespace md {

ElidingHeaderView::ElidingHeaderView(Qt::Orientation orientation, QWidget *parent)
    : QHeaderView(orientation, parent)
{
}

void ElidingHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid())
        return;
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    initStyleOptionForIndex(&opt, logicalIndex);
    opt.rect = rect;
    // The label's rect already leaves room for the sort indicator.
    const QRect textRect = style()->subElementRect(QStyle::SE_HeaderLabel, &opt, this);
    opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, textRect.width());
    painter->save();
    style()->drawControl(QStyle::CE_Header, &opt, painter, this);
    painter->restore();
}

} // namespace md
