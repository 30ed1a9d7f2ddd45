// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace md {

/// A table model that keeps its rows in a list and sorts that list itself, by a sort value per row
/// (the versions table, the reviews inbox).
class SortableTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Whether a row whose sort value is `x` comes before one whose sort value is `y` in `order`:
    /// numbers (double) by value with NaN (missing) last in both orders; anything else by
    /// QVariant::compare.
    static bool sortsBefore(const QVariant &x, const QVariant &y, Qt::SortOrder order)
    {
        const bool asc = order == Qt::AscendingOrder;
        if (x.typeId() == QMetaType::Double) {
            const double dx = x.toDouble(), dy = y.toDouble();
            const bool xn = std::isnan(dx), yn = std::isnan(dy);
            if (xn || yn)
                return !xn && yn;
            return asc ? dx < dy : dx > dy;
        }
        const auto c = QVariant::compare(x, y);
        return asc ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    }

protected:
    /// Sorts `rows`, the model's rows in display order, stably by `sortValue(row)` (sortsBefore)
    /// as one layout change; persistent indexes move with their rows.
    template <typename Row, typename SortValue>
    void sortRows(QList<Row> &rows, SortValue sortValue, Qt::SortOrder order)
    {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QList<qsizetype> oldRows(rows.size());  // new row -> old row
        std::iota(oldRows.begin(), oldRows.end(), qsizetype(0));
        std::stable_sort(oldRows.begin(), oldRows.end(), [&](qsizetype a, qsizetype b) {
            return sortsBefore(sortValue(rows.at(a)), sortValue(rows.at(b)), order);
        });
        QList<Row> sorted;
        sorted.reserve(rows.size());
        QList<int> newRows(rows.size());  // old row -> new row
        for (qsizetype r = 0; r < oldRows.size(); ++r) {
            sorted.append(rows.at(oldRows.at(r)));
            newRows[oldRows.at(r)] = int(r);
        }
        rows = std::move(sorted);

        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &i : before)
            after.append(index(newRows.at(i.row()), i.column()));
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
};

} // namespace md
