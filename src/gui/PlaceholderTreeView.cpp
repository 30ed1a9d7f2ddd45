// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderTreeView.h"

namespace md {

PlaceholderTreeView::PlaceholderTreeView(QWidget *parent)
    : PlaceholderView(parent)
{
}

} // namespace md
