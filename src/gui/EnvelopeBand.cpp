// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvelopeBand.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

/// The width of a column of a dense band, in pixels: drawn as fast as the old 3 px buckets were,
/// and as tight around the line.
constexpr double kColumn = 3;

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
    : QCPAbstractPlottable(keyAxis, valueAxis)
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

void EnvelopeBand::draw(QCPPainter *painter)
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
        } else {
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
            // Each column flat across its width, upper edge forward and lower edge back.
            const qsizetype n = m_columns.size();
            polygon.reserve(4 * n);
            for (qsizetype c = 0; c < n; ++c) {
                const double y = values->coordToPixel(value(m_columns.at(c).high));
                polygon.append(QPointF(m_columns.at(c).x, y));
                polygon.append(QPointF(m_columns.at(c).x + kColumn, y));
            }
            for (qsizetype c = n - 1; c >= 0; --c) {
                const double y = values->coordToPixel(value(m_columns.at(c).low));
                polygon.append(QPointF(m_columns.at(c).x + kColumn, y));
                polygon.append(QPointF(m_columns.at(c).x, y));
            }
        }
        painter->drawPolygon(polygon);
        i = end;
    }
}

void EnvelopeBand::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(mBrush);
    painter->drawRect(rect.adjusted(0, rect.height() * 0.25, 0, -rect.height() * 0.25));
}

} // namespace md
