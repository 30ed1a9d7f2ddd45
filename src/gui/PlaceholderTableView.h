// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlaceholderPainter.h"

#include <QTableView>

namespace md {

/// A QTableView that shows a hint instead of a blank area when its model has no rows, and draws
/// its grid as filled one-pixel rectangles.
///
/// QTableView strokes each grid line with a cosmetic pen, pixel by pixel: that was a sixth of
/// the time of painting a screenful of the runs table. This view keeps QTableView's grid on (so
/// that cells keep their size, a pixel short of their section) with an invisible pen, and fills
/// the same pixels itself, solid lines only. Spans are not supported (none of our tables has
/// them): lines would cross them.
class PlaceholderTableView : public PlaceholderView<QTableView> {
    Q_OBJECT
public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintGrid(const QRegion &region);
};

} // namespace md
