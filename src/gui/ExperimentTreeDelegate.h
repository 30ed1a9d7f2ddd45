// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace md {

/// Draws an ExperimentsModel item; a source gets a second, smaller line with its
/// ExperimentsModel::SourceDetailRole text (kind and last sync) in the palette's placeholder colour.
class ExperimentTreeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QFont detailFont(const QStyleOptionViewItem &option);
};

} // namespace md
