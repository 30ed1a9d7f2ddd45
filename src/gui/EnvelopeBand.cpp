// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvelopeBand.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace md {

namespace {

/// The width of a column of a dense band, in pixels: drawn as fast as the old 3 px buckets were,
/// and as tight around the line.
constexpr double kColumn = 3;
/// The most pixel columns of a dense band drawn as one picture (see fillPixels).
constexpr qsizetype kTile = 64;

bool inDomain(double v, QCP::SignDomain domain)
{
    switch (domain) {
    case QCP::sdNegative: return v < 0;
    case QCP::sdPositive: return v > 0;
    case QCP::sdBoth: break;
    }
    return true;
}

/// Widens `range` to `v` when `v` is in `domain`; the first such value starts it.
void include(QCPRange &range, bool &found, double v, QCP::SignDomain domain)
{
    if (!inDomain(v, domain))
        return;
    range = found ? QCPRange(std::min(range.lower, v), std::max(range.upper, v)) : QCPRange(v, v);
    found = true;
}

} // namespace

EnvelopeBand::EnvelopeBand(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : DeferrablePlottable(keyAxis, valueAxis)
{
    setPen(Qt::NoPen);
    setSelectable(QCP::stNone);
}

void EnvelopeBand::setEnvelope(ChartEnvelope envelope)
{
    m_envelope = std::move(envelope);
}

double EnvelopeBand::selectTest(const QPointF &, bool, QVariant *) const
{
    return -1;  // the line in front is what a click or hover means
}

QCPRange EnvelopeBand::getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain) const
{
    QCPRange range;
    foundRange = false;
    for (double x : m_envelope.x)
        include(range, foundRange, x, inSignDomain);
    return range;
}

QCPRange EnvelopeBand::getValueRange(bool &foundRange, QCP::SignDomain inSignDomain, const QCPRange &inKeyRange) const
{
    const bool allKeys = inKeyRange == QCPRange();
    QCPRange range;
    foundRange = false;
    for (qsizetype i = 0; i < m_envelope.x.size(); ++i) {
        if (!allKeys && !inKeyRange.contains(m_envelope.x.at(i)))
            continue;
        for (double v : {m_envelope.min.at(i), m_envelope.max.at(i)})
            if (std::isfinite(v))
                include(range, foundRange, v, inSignDomain);
    }
    return range;
}

void EnvelopeBand::drawPlottable(QCPPainter *painter)
{
    QCPAxis *keys = keyAxis();
    QCPAxis *values = valueAxis();
    const QVector<double> &x = m_envelope.x;
    const QVector<double> &a = m_envelope.min;
    const QVector<double> &b = m_envelope.max;
    if (!keys || !values || x.size() < 2 || a.size() < x.size() || b.size() < x.size() || mBrush.style() == Qt::NoBrush)
        return;
    // The points in view, and one either side so that the band runs to the plot's edges.
    const QCPRange shown = keys->range();
    qsizetype from = std::lower_bound(x.cbegin(), x.cend(), shown.lower) - x.cbegin();
    qsizetype to = std::upper_bound(x.cbegin(), x.cend(), shown.upper) - x.cbegin();
    from = std::max<qsizetype>(0, from - 1);
    to = std::min<qsizetype>(x.size(), to + 1);
    // On a log axis a value ≤ 0 has no place: it goes to the bottom of the plot.
    const bool log = values->scaleType() == QCPAxis::stLogarithmic;
    const double floor = values->range().lower;
    auto value = [&](double v) { return log && v <= 0 ? floor : v; };
    // More points than two per pixel (a level of detail has two to eight slices per pixel): one
    // flat column of kColumn pixels with the lowest and highest bound of the points in it, which
    // holds every point the line draws there, at a fraction of the polygon's corners (the fill's
    // cost grows with them: 20 bands of 8,000 corners each took 400 ms).
    const bool inColumns = keys->orientation() == Qt::Horizontal && double(to - from) > 2.0 * keys->axisRect()->width();
    applyFillAntialiasingHint(painter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mBrush);
    // On screen, columns are filled pixel by pixel (see the class comment): with the polygon's
    // antialiasing, a plain solid brush, no scaling, and pixels as wide as the paint device's.
    const QTransform transform = painter->transform();
    const bool asPixels = m_pixelFill && inColumns && painter->antialiasing() && mBrush.style() == Qt::SolidPattern
        && !painter->modes().testFlag(QCPPainter::pmVectorized) && transform.type() <= QTransform::TxTranslate
        && painter->device() && painter->device()->devicePixelRatio() == 1;
    const QRect device = keys->axisRect()->rect().translated(int(std::floor(transform.dx())), int(std::floor(transform.dy())));
    QPolygonF polygon;
    qsizetype i = from;
    while (i < to) {
        // One polygon per stretch of finite bounds: a NaN or ±∞ breaks the band as it breaks the line.
        while (i < to && !(std::isfinite(a.at(i)) && std::isfinite(b.at(i))))
            ++i;
        qsizetype end = i;
        while (end < to && std::isfinite(a.at(end)) && std::isfinite(b.at(end)))
            ++end;
        if (end - i < 2) {
            i = end;
            continue;
        }
        polygon.clear();
        if (!inColumns) {
            polygon.reserve(2 * (end - i));
            for (qsizetype k = i; k < end; ++k)
                polygon.append(coordsToPixels(x.at(k), value(std::max(a.at(k), b.at(k)))));
            for (qsizetype k = end - 1; k >= i; --k)
                polygon.append(coordsToPixels(x.at(k), value(std::min(a.at(k), b.at(k)))));
            painter->drawPolygon(polygon);
            i = end;
            continue;
        }
        m_columns.clear();
        for (qsizetype k = i; k < end; ++k) {
            const double column = kColumn * std::floor(keys->coordToPixel(x.at(k)) / kColumn);
            const double lo = std::min(a.at(k), b.at(k));
            const double hi = std::max(a.at(k), b.at(k));
            if (!m_columns.isEmpty() && m_columns.last().x == column) {
                m_columns.last().low = std::min(m_columns.last().low, lo);
                m_columns.last().high = std::max(m_columns.last().high, hi);
            } else {
                m_columns.append(Column{column, lo, hi});
            }
        }
        for (Column &c : m_columns) {
            const double high = values->coordToPixel(value(c.high));
            const double low = values->coordToPixel(value(c.low));
            c.top = std::min(high, low);
            c.bottom = std::max(high, low);
        }
        const qsizetype n = m_columns.size();
        if (asPixels) {
            addColumnPixels(QPointF(transform.dx(), transform.dy()), device);
            // Where columns are not side by side (no point fell into the columns between), the
            // polygon joins them with a slanted piece: that piece as a polygon of its own.
            for (qsizetype c = 1; c < n; ++c) {
                const Column &l = m_columns.at(c - 1);
                const Column &r = m_columns.at(c);
                if (r.x == l.x + kColumn)
                    continue;
                const QPointF piece[4] = {{l.x + kColumn, l.top}, {r.x, r.top}, {r.x, r.bottom}, {l.x + kColumn, l.bottom}};
                painter->drawPolygon(piece, 4);
            }
            i = end;
            continue;
        }
        // Each column flat across its width, upper edge forward and lower edge back.
        polygon.reserve(4 * n);
        for (qsizetype c = 0; c < n; ++c) {
            polygon.append(QPointF(m_columns.at(c).x, m_columns.at(c).top));
            polygon.append(QPointF(m_columns.at(c).x + kColumn, m_columns.at(c).top));
        }
        for (qsizetype c = n - 1; c >= 0; --c) {
            polygon.append(QPointF(m_columns.at(c).x + kColumn, m_columns.at(c).bottom));
            polygon.append(QPointF(m_columns.at(c).x, m_columns.at(c).bottom));
        }
        painter->drawPolygon(polygon);
        i = end;
    }
    if (asPixels)
        fillPixels(painter, device);
}

void EnvelopeBand::addColumnPixels(QPointF offset, const QRect &device)
{
    // Far outside the plot a y would overflow a picture: what lies beyond its edges is clipped anyway.
    const double minY = device.top() - 2;
    const double maxY = device.bottom() + 3;
    for (const Column &col : std::as_const(m_columns)) {
        const double left = col.x + offset.x();
        const double right = left + kColumn;
        if (right < device.left() - 1 || left > device.right() + 2)  // (and far beyond an int)
            continue;
        const double top = std::clamp(col.top + offset.y(), minY, maxY);
        const double bottom = std::clamp(col.bottom + offset.y(), minY, maxY);
        for (int px = std::max(int(std::floor(left)), device.left() - 1); px < right && px <= device.right() + 1; ++px) {
            const double weight = std::min(px + 1.0, right) - std::max(double(px), left);
            if (weight <= 0)
                continue;
            if (m_pixels.isEmpty() || m_pixels.last().x != px)
                m_pixels.append(Pixel{px, 0, {}});
            Pixel &pixel = m_pixels.last();
            if (pixel.count < 2)  // columns 3 px wide: at most two meet in a pixel
                pixel.shares[pixel.count++] = Share{weight, top, bottom};
        }
    }
}

void EnvelopeBand::fillPixels(QCPPainter *painter, const QRect &device)
{
    // The band's colour at each alpha, premultiplied as a picture holds it.
    const QColor colour = mBrush.color();
    const int alpha = colour.alpha();
    QRgb premultiplied[256];
    for (int a = 0; a <= alpha; ++a)
        premultiplied[a] = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), a));
    const auto pixelOf = [&](double coverage) { return premultiplied[int(std::lround(alpha * std::min(coverage, 1.0)))]; };
    // Rows a pixel column covers, from the top of its highest share to the bottom of its lowest.
    const auto rowsOf = [](const Pixel &p, int *from, int *to) {
        double top = p.shares[0].top;
        double bottom = p.shares[0].bottom;
        for (int s = 1; s < p.count; ++s) {
            top = std::min(top, p.shares[s].top);
            bottom = std::max(bottom, p.shares[s].bottom);
        }
        *from = int(std::floor(top));
        *to = int(std::ceil(bottom));
    };
    // Drawn in device pixels, without antialiasing or smoothing: the pictures fall on whole pixels.
    painter->save();
    painter->setTransform(QTransform());
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int clipTop = device.top() - 2;
    const int clipBottom = device.bottom() + 3;
    qsizetype first = 0;
    while (first < m_pixels.size()) {
        // One picture: side by side pixel columns, at most kTile of them.
        qsizetype end = first + 1;
        while (end < m_pixels.size() && end - first < kTile && m_pixels.at(end).x == m_pixels.at(end - 1).x + 1)
            ++end;
        int top = INT_MAX;
        int bottom = INT_MIN;
        for (qsizetype i = first; i < end; ++i) {
            int from = 0;
            int to = 0;
            rowsOf(m_pixels.at(i), &from, &to);
            top = std::min(top, from);
            bottom = std::max(bottom, to);
        }
        top = std::max(top, clipTop);
        bottom = std::min(bottom, clipBottom);
        const int width = int(end - first);
        const int height = bottom - top;
        if (height <= 0) {
            first = end;
            continue;
        }
        m_tile.fill(0, qsizetype(width) * height);
        QRgb *bits = m_tile.data();
        for (qsizetype i = first; i < end; ++i) {
            const Pixel &p = m_pixels.at(i);
            QRgb *column = bits + (i - first);
            const auto set = [&](int row, QRgb value) {
                if (row >= top && row < bottom)
                    column[qsizetype(row - top) * width] = value;
            };
            // Rows crossed by a share's top or bottom get their own coverage; the rows between
            // two such rows are covered alike, by every share that spans them.
            int rows[4];
            int nRows = 0;
            for (int s = 0; s < p.count; ++s)
                for (double y : {p.shares[s].top, p.shares[s].bottom})
                    rows[nRows++] = int(std::floor(y));
            std::sort(rows, rows + nRows);
            nRows = int(std::unique(rows, rows + nRows) - rows);
            for (int r = 0; r < nRows; ++r) {
                double coverage = 0;
                for (int s = 0; s < p.count; ++s) {
                    const Share &sh = p.shares[s];
                    coverage += sh.weight * std::max(0.0, std::min(sh.bottom, rows[r] + 1.0) - std::max(sh.top, double(rows[r])));
                }
                set(rows[r], pixelOf(coverage));
                if (r + 1 < nRows && rows[r + 1] > rows[r] + 1) {
                    const double middle = rows[r] + 1.5;
                    double between = 0;
                    for (int s = 0; s < p.count; ++s)
                        between += p.shares[s].top <= middle && middle <= p.shares[s].bottom ? p.shares[s].weight : 0.0;
                    const QRgb value = pixelOf(between);
                    for (int row = std::max(rows[r] + 1, top); row < std::min(rows[r + 1], bottom); ++row)
                        column[qsizetype(row - top) * width] = value;
                }
            }
        }
        const QImage picture(reinterpret_cast<const uchar *>(bits), width, height, width * int(sizeof(QRgb)),
                             QImage::Format_ARGB32_Premultiplied);
        painter->drawImage(QPoint(m_pixels.at(first).x, top), picture);
        first = end;
    }
    painter->restore();
    m_pixels.clear();
}

void EnvelopeBand::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(mBrush);
    painter->drawRect(rect.adjusted(0, rect.height() * 0.25, 0, -rect.height() * 0.25));
}

} // namespace md
