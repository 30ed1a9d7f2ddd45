// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsProxyModel.h"

#include "RunsTableModel.h"

#include <cmath>

namespace md {

namespace {

// 0 = number, 1 = text, 2 = NaN, 3 = missing: the order of the classes in both directions.
int valueClass(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return 3;
    if (v.typeId() == QMetaType::Double)
        return std::isnan(v.toDouble()) ? 2 : 0;
    if (v.typeId() == QMetaType::QString)
        return 1;
    return 0;
}

} // namespace

RunsProxyModel::RunsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::SortRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool RunsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int lc = valueClass(l);
    const int rc = valueClass(r);
    if (lc != rc) {
        // Descending order asks lessThan(right, left): NaN and missing stay last by inverting.
        if (lc >= 2 || rc >= 2)
            return sortOrder() == Qt::AscendingOrder ? lc < rc : lc > rc;
        return lc < rc;
    }
    switch (lc) {
    case 0: {
        const double a = l.toDouble();
        const double b = r.toDouble();
        if (a != b)
            return a < b;
        break;
    }
    case 1: {
        const int c = isSortLocaleAware() ? QString::localeAwareCompare(l.toString(), r.toString())
                                        : QString::compare(l.toString(), r.toString(), sortCaseSensitivity());
        if (c != 0)
            return c < 0;
        break;
    }
    default:
        break;
    }
    // Ties: the proxy's stable sort keeps the cache's order.
    return false;
}

} // namespace md
