// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlaceholderPainter.h"

#include <QTreeView>

namespace md {

/// A QTreeView that shows a hint instead of a blank area when its model has no rows.
class PlaceholderTreeView : public PlaceholderView<QTreeView> {
    Q_OBJECT
public:
    explicit PlaceholderTreeView(QWidget *parent = nullptr);
};

} // namespace md
