// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonDelegate.h"

#include "models/ComparisonModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace md {

ComparisonDelegate::ComparisonDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString ComparisonDelegate::fittingForm(const QStringList &forms, const QFontMetrics &metrics, int width)
{
    for (const QString &form : forms)
        if (metrics.horizontalAdvance(form) <= width)
            return form;
    return forms.isEmpty() ? QString() : forms.last();
}

void ComparisonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStringList forms = index.data(ComparisonModel::DisplayFormsRole).toStringList();
    if (forms.size() > 1) {
        const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        // The item view style's text margins: one focus-frame margin plus a pixel on each side.
        const int margin = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, opt.widget) + 1);
        opt.text = fittingForm(forms, opt.fontMetrics, opt.rect.width() - margin);
    }
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

} // namespace md
