// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/QCustomPlotInclude.h"

#include <QFuture>
#include <QImage>
#include <QThreadPool>

#include <functional>

namespace md {

/// A plottable whose drawing a SeriesPainter can take over for a replot (see there).
template <class Plottable>
class DeferrablePlottable : public Plottable {
public:
    using Plottable::Plottable;

    /// While set, the plot's own pass draws nothing of this plottable: a SeriesPainter does.
    void setDeferred(bool deferred) { m_deferred = deferred; }
    bool isDeferred() const { return m_deferred; }
    /// Draws the plottable with `painter` as its layer would: clipped to the axis rect, with its
    /// antialiasing. Any thread may call it while nothing changes the plot.
    void drawAsLayer(QCPPainter *painter)
    {
        painter->save();
        painter->setClipRect(this->clipRect().translated(0, -1));  // as QCPLayer::draw clips
        this->applyDefaultAntialiasingHint(painter);
        drawPlottable(painter);
        painter->restore();
    }

protected:
    void draw(QCPPainter *painter) final
    {
        if (!m_deferred)
            drawPlottable(painter);
    }
    /// What draw() would draw.
    virtual void drawPlottable(QCPPainter *painter) = 0;

private:
    bool m_deferred = false;
};

/// Draws the upper half of a chart's series on a second thread while the GUI thread draws the
/// lower half, then lays its picture over them. On two cores a replot of 20 antialiased lines of
/// 100,000 points takes about half as long; the picture differs by rounding only (a pixel's
/// colour by at most a few 1/255). QPainter may paint a QImage on any thread; the plottables
/// drawn there only read the plot, which the GUI thread does not change until finish().
///
/// It sits on a layer of its own just above "main", where it draws its picture; the plottables
/// it draws are deferred (DeferrablePlottable) for the replot, so that the plot's own pass skips
/// them. On a busy machine the GUI thread draws the half itself when the thread has not begun.
class SeriesPainter : public QCPLayerable {
public:
    explicit SeriesPainter(QCustomPlot *plot);
    ~SeriesPainter() override;

    /// One plottable's drawing with a painter (DeferrablePlottable::drawAsLayer), bottom first.
    using Draw = std::function<void(QCPPainter *)>;
    /// Starts drawing `draws` into a picture of `area` (plot coordinates) at `pixelRatio` on the
    /// second thread. The plottables behind them must be deferred until finish().
    void start(const QRect &area, double pixelRatio, QList<Draw> draws);
    /// Waits for the thread; after a replot, before the plot or its plottables change.
    void finish();
    bool isRunning() const { return m_running; }

protected:
    QRect clipRect() const override;
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    /// Lays the picture over what the plot drew below it (after waiting for it).
    void draw(QCPPainter *painter) override;

private:
    QThreadPool m_thread;
    QFuture<void> m_job;
    QImage m_image;
    QRect m_area;
    bool m_running = false;
};

} // namespace md
