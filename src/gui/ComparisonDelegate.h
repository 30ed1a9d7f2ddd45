// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace md {

/// Draws comparison cells so that a narrow column still shows whole numbers: when the value with
/// its delta and percentage does not fit, the cell shows the value with the percentage, then the
/// bare value (ComparisonModel::DisplayFormsRole), and only then elides. The tooltip keeps the
/// whole text.
class ComparisonDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ComparisonDelegate(QObject *parent = nullptr);

    /// The text the cell shows in `width` pixels of `font`: the longest of `forms` that fits,
    /// else the shortest (which the style then elides).
    static QString fittingForm(const QStringList &forms, const QFontMetrics &metrics, int width);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace md
