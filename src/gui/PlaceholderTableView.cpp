// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceholderTableView.h"

namespace md {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : PlaceholderView(parent)
{
}

} // namespace md
