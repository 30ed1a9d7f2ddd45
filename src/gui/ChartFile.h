// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileInfo>
#include <QPaintDevice>
#include <QPainter>
#include <QString>

namespace md {

/// Paints a chart on `device`, which writes the file `path` (a QSvgGenerator or QPdfWriter), with a
/// `Painter` (QPainter, or QCPPainter for QCustomPlot) that `paint(painter)` draws with. False when
/// painting could not start or finish, or left the file empty.
template <typename Painter = QPainter, typename Paint>
bool paintChartFile(QPaintDevice &device, const QString &path, Paint paint)
{
    Painter painter;
    if (!painter.begin(&device))
        return false;
    paint(painter);
    return painter.end() && QFileInfo(path).size() > 0;
}

} // namespace md
