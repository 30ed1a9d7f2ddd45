// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemView;

namespace md {

/// Paints a centred, word-wrapped hint into an empty item view's viewport (in the palette's
/// placeholder colour, so it reads on light and dark themes). Call from the view's paintEvent.
class PlaceholderPainter {
public:
    /// Paints `text` when the view's model has no rows (or no model) and `text` is not empty.
    static void paintIfEmpty(QAbstractItemView *view, const QString &text);
};

} // namespace md
