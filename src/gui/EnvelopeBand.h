// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/QCustomPlotInclude.h"
#include "gui/SeriesPainter.h"
#include "models/ChartData.h"

namespace md {

/// The min/max band behind a metric line, drawn from the same level of detail as the line (see
/// ChartLevel): one filled polygon per stretch of finite bounds in view, upper edge forward and
/// lower edge back, broken where the line breaks (a NaN or ±∞); where the points are denser
/// than two per pixel, through the lowest and highest bound of each few pixels. QCPGraph's
/// channel fill between two graphs gives the same picture at several times the cost (it
/// recomputes and intersects both edges' lines on each replot), which for 20 bands was most of a
/// replot.
///
/// On screen (a raster painter without scaling) a dense band is not handed to QPainter as a
/// polygon: QPainter's antialiased polygon fill (and its hand-off of long span lists to a thread
/// pool) cost 20 bands 16-24 ms. Its columns are flat and their sides vertical, so the fraction
/// of each pixel the antialiased polygon would cover is simple to work out: this class writes
/// those pixels into small pictures and draws them, with the same pixels (± 3 of 255 from
/// rounding) at a fraction of the cost. Exports (SVG, PDF, scaled PNG) still get the polygon.
class EnvelopeBand : public DeferrablePlottable<QCPAbstractPlottable> {
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

    /// Whether a dense band may be filled pixel by pixel on screen (see above); on by default.
    /// Off, it is always QPainter's polygon: for comparing the two.
    void setPixelFill(bool enabled) { m_pixelFill = enabled; }

protected:
    void drawPlottable(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    ChartEnvelope m_envelope;
    /// Drawing a dense band: per column of the key axis, the lowest and highest bound, and then
    /// their pixel y (`top` ≤ `bottom` on screen).
    struct Column {
        double x;
        double low;
        double high;
        double top = 0;
        double bottom = 0;
    };
    QVector<Column> m_columns;
    /// A device pixel column of a dense band: how much of its width one or two columns cover
    /// (`weight`), and their top and bottom in device pixels.
    struct Share {
        double weight;
        double top;
        double bottom;
    };
    struct Pixel {
        int x = 0;
        int count = 0;
        Share shares[2];
    };
    /// Adds the device pixel columns of `m_columns` (pixel y set) to m_pixels, as the
    /// antialiased polygon through them covers them; `offset` maps its coordinates to device
    /// pixels, and what lies beyond `device` (the plot) is left out.
    void addColumnPixels(QPointF offset, const QRect &device);
    /// Draws m_pixels in the band's colour, by coverage, and empties it: pictures of up to
    /// kTile pixel columns, each as high as the band there.
    void fillPixels(QCPPainter *painter, const QRect &device);
    QVector<Pixel> m_pixels;
    QVector<QRgb> m_tile;  ///< a picture's pixels, reused
    bool m_pixelFill = true;
};

} // namespace md
