// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/QCustomPlotInclude.h"
#include "models/ChartData.h"

namespace md {

/// The min/max band behind a thinned metric line: one filled polygon from the buckets in view,
/// upper edge forward and lower edge back. QCPGraph's channel fill between two graphs gives the
/// same picture at several times the cost (it recomputes and intersects both edges' lines on
/// each replot), which for 20 bands was most of a replot.
class EnvelopeBand : public QCPAbstractPlottable {
public:
    EnvelopeBand(QCPAxis *keyAxis, QCPAxis *valueAxis);

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
};

} // namespace md
