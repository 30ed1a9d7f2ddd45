// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/QCustomPlotInclude.h"
#include "models/ChartData.h"

namespace md {

/// The min/max band behind a metric line, drawn from the same level of detail as the line (see
/// ChartLevel): one filled polygon per stretch of finite bounds in view, upper edge forward and
/// lower edge back, broken where the line breaks (a NaN or ±∞); where the points are denser
/// than two per pixel, through the lowest and highest bound of each few pixels. QCPGraph's
/// channel fill between two graphs gives the same picture at several times the cost (it
/// recomputes and intersects both edges' lines on each replot), which for 20 bands was most of a
/// replot.
class EnvelopeBand : public QCPAbstractPlottable {
public:
    EnvelopeBand(QCPAxis *keyAxis, QCPAxis *valueAxis);

    /// The band's points, sorted by x (see ChartEnvelope).
    void setEnvelope(ChartEnvelope envelope);
    const ChartEnvelope &envelope() const { return m_envelope; }
    bool isEmpty() const { return m_envelope.x.isEmpty(); }

    double selectTest(const QPointF &pos, bool onlySelectable, QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    ChartEnvelope m_envelope;
    /// Drawing a dense band: per pixel column of the key axis, the lowest and highest bound.
    struct Column {
        double x;
        double low;
        double high;
    };
    QVector<Column> m_columns;
};

} // namespace md
