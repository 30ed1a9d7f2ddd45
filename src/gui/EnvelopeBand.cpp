// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvelopeBand.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

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
        include(range, foundRange, m_envelope.min.at(i), inSignDomain);
        include(range, foundRange, m_envelope.max.at(i), inSignDomain);
    }
    return range;
}

void EnvelopeBand::draw(QCPPainter *painter)
{
    QCPAxis *keys = keyAxis();
    QCPAxis *values = valueAxis();
    const QVector<double> &x = m_envelope.x;
    if (!keys || !values || x.size() < 2 || mBrush.style() == Qt::NoBrush)
        return;
    // The buckets in view, and one either side so that the band runs to the plot's edges.
    const QCPRange shown = keys->range();
    qsizetype from = std::lower_bound(x.cbegin(), x.cend(), shown.lower) - x.cbegin();
    qsizetype to = std::upper_bound(x.cbegin(), x.cend(), shown.upper) - x.cbegin();
    from = std::max<qsizetype>(0, from - 1);
    to = std::min<qsizetype>(x.size(), to + 1);
    if (to - from < 2)
        return;
    // On a log axis a value ≤ 0 has no place: it goes to the bottom of the plot.
    const bool log = values->scaleType() == QCPAxis::stLogarithmic;
    const double floor = values->range().lower;
    auto place = [&](double v) { return log && v <= 0 ? floor : v; };
    QPolygonF polygon;
    polygon.reserve(2 * (to - from));
    for (qsizetype i = from; i < to; ++i)
        polygon.append(coordsToPixels(x.at(i), place(m_envelope.max.at(i))));
    for (qsizetype i = to - 1; i >= from; --i)
        polygon.append(coordsToPixels(x.at(i), place(m_envelope.min.at(i))));
    applyFillAntialiasingHint(painter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mBrush);
    painter->drawPolygon(polygon);
}

void EnvelopeBand::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(mBrush);
    painter->drawRect(rect.adjusted(0, rect.height() * 0.25, 0, -rect.height() * 0.25));
}

} // namespace md
