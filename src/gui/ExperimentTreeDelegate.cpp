// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExperimentTreeDelegate.h"

#include "models/ExperimentsModel.h"

#include <QApplication>
#include <QPainter>

namespace md {

QFont ExperimentTreeDelegate::detailFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

QSize ExperimentTreeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == ExperimentsModel::NameColumn
        && !index.data(ExperimentsModel::SourceDetailRole).toString().isEmpty())
        size.setHeight(size.height() + QFontMetrics(detailFont(option)).height() + 2);
    return size;
}

void ExperimentTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QString detail = index.column() == ExperimentsModel::NameColumn
        ? index.data(ExperimentsModel::SourceDetailRole).toString()
        : QString();
    if (detail.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QFont small = detailFont(opt);
    const int detailHeight = QFontMetrics(small).height() + 2;

    // Background over both lines, then the usual icon and name in the upper part.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    QStyleOptionViewItem top = opt;
    top.rect.setHeight(opt.rect.height() - detailHeight);
    style->drawControl(QStyle::CE_ItemViewItem, &top, painter, widget);

    // The detail line starts under the icon: the name's indent would waste the narrow column.
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &top, widget);
    const QRect iconRect = style->subElementRect(QStyle::SE_ItemViewItemDecoration, &top, widget);
    const int left = opt.icon.isNull() ? textRect.left() : iconRect.left();
    const QRect detailRect(left, top.rect.bottom() + 1, opt.rect.right() - left - 2, detailHeight - 2);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(small);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(small).elidedText(detail, Qt::ElideRight, detailRect.width()));
    painter->restore();
}

} // namespace md
