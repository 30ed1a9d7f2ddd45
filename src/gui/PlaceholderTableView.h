// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlaceholderPainter.h"

#include <QTableView>

namespace md {

/// A QTableView that shows a hint instead of a blank area when its model has no rows.
class PlaceholderTableView : public PlaceholderView<QTableView> {
    Q_OBJECT
public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);
};

} // namespace md
