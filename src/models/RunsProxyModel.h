// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace md {

/// Sorts a RunsTableModel by its SortRole: numbers as numbers, text with the locale's collation,
/// and NaN then missing values last in both directions (MLflow's UI does the same). Filtering is
/// done in SQL by RunsTableModel::load(), not here.
class RunsProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsProxyModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace md
