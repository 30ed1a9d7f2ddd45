// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricChart.h"

#include "ChartFile.h"
#include "EnvelopeBand.h"
#include "QCustomPlotInclude.h"
#include "core/NumberFormat.h"
#include "models/PlainToolTip.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLocale>
#include <QRubberBand>
#include <QSvgGenerator>
#include <QThread>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace md {

namespace {
// Lines are antialiased unless more than this many series have more than this many points.
constexpr int kAntialiasMaxLongSeries = 20;
constexpr qsizetype kAntialiasMaxPoints = 1000;
// From this many points in all lines, a replot draws half of the series on a second thread.
constexpr qsizetype kSecondThreadMinPoints = 20000;
// From this many points in all visible lines, antialiased lines are 1 px wide instead of 1.6.
constexpr qsizetype kFineLineMinPoints = 20000;
} // namespace

namespace {

/// Above this many lines the legend would take the plot's place (100 runs: 20 rows); the lines
/// are then named by hovering, and picked in the comparison.
constexpr qsizetype kMaxLegendEntries = 20;
constexpr double kHoverRadius = 12.0;
/// The side of a ±∞ marker's triangle, in pixels.
constexpr double kInfinityMarker = 9.0;
/// A drag narrower or lower than this many pixels leaves that axis alone: a box zooms x only when
/// dragged along the x axis, say.
constexpr int kMinZoomBox = 4;
/// QCustomPlot's own threshold: a mouse that moved further between press and release made no click.
constexpr int kClickSlop = 3;

QString formatValue(double v)
{
    return localNumber(v);
}

bool isNaN(const QCPGraphData &d)
{
    return std::isnan(d.value);
}

} // namespace

/// A metric's line: a QCPGraph whose NaN values break the line at any density. QCustomPlot's
/// adaptive sampling folds the points of a pixel into their lowest and highest, and a NaN among
/// them vanishes (comparisons with NaN are false), so the line would bridge it: here each stretch
/// between NaN values is sampled on its own and the NaN stays between them. A lone point between
/// two breaks, or alone in its series, is drawn as a dot, since a line of one point draws nothing.
class MetricLine : public DeferrablePlottable<QCPGraph> {
public:
    MetricLine(QCPAxis *keyAxis, QCPAxis *valueAxis)
        : DeferrablePlottable(keyAxis, valueAxis)
    {
    }

    /// Whether the data may hold NaN values (a line without them takes QCustomPlot's path as it is).
    void setHasGaps(bool gaps) { m_hasGaps = gaps; }

protected:
    void drawPlottable(QCPPainter *painter) override
    {
        QCPGraph::draw(painter);
        // A series of one point (a metric logged once, e.g. a sweep's best score) is a lone point too.
        if (mLineStyle == lsNone || mDataContainer->isEmpty() || (!m_hasGaps && mDataContainer->size() > 1))
            return;
        const QCPRange keys = keyAxis()->range();
        const auto data = mDataContainer;
        const auto first = data->constBegin();
        const auto last = data->constEnd() - 1;
        const auto from = data->findBegin(keys.lower);
        const auto to = data->findEnd(keys.upper);
        // Alone in its series, the dot is the run's only mark: big enough to find and hover.
        const double radius = data->size() == 1 ? std::max(3.5, 2 * mPen.widthF()) : std::max(1.5, mPen.widthF());
        applyScattersAntialiasingHint(painter);
        painter->setPen(Qt::NoPen);
        painter->setBrush(mPen.color());
        for (auto it = from; it != to; ++it) {
            if (isNaN(*it) || (it != first && !isNaN(*(it - 1))) || (it != last && !isNaN(*(it + 1))))
                continue;
            painter->drawEllipse(coordsToPixels(it->key, it->value), radius, radius);
        }
    }

    /// QCustomPlot's fast polylines (phFastPolylines) draw an antialiased wide line segment by
    /// segment, one QPainter::drawLine each; here the same segments go to one drawLines call,
    /// which the raster engine rasterizes the same way without each call's set-up.
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override
    {
        const QPen &pen = painter->pen();
        if (!mParentPlot->plottingHints().testFlag(QCP::phFastPolylines) || pen.style() != Qt::SolidLine
            || qFuzzyCompare(pen.widthF(), 1.0) || painter->modes().testFlag(QCPPainter::pmVectorized)
            || painter->modes().testFlag(QCPPainter::pmNoCaching)) {
            QCPGraph::drawLinePlot(painter, lines);
            return;
        }
        if (pen.color().alpha() == 0)
            return;
        applyDefaultAntialiasingHint(painter);
        // A segment between two points that are not NaN; a NaN breaks the line.
        m_segments.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QPointF &a = lines.at(i - 1);
            const QPointF &b = lines.at(i);
            if (!qIsNaN(a.x()) && !qIsNaN(a.y()) && !qIsNaN(b.x()) && !qIsNaN(b.y()))
                m_segments.append(QLineF(a, b));
        }
        if (painter->antialiasing()) {
            painter->drawLines(m_segments);
        } else {  // as QCPPainter::drawLine does: on whole pixels
            QVector<QLine> whole;
            whole.reserve(m_segments.size());
            for (const QLineF &l : std::as_const(m_segments))
                whole.append(l.toLine());
            painter->drawLines(whole);
        }
    }

    void getOptimizedLineData(QVector<QCPGraphData> *lineData, const QCPGraphDataContainer::const_iterator &begin,
                              const QCPGraphDataContainer::const_iterator &end) const override
    {
        if (!m_hasGaps) {
            QCPGraph::getOptimizedLineData(lineData, begin, end);
            return;
        }
        // QCustomPlot's sampling fills its output from the start: each stretch goes through a
        // vector of its own.
        QVector<QCPGraphData> stretch;
        auto from = begin;
        while (from != end) {
            const auto gap = std::find_if(from, end, isNaN);
            if (gap != from) {
                stretch.clear();
                QCPGraph::getOptimizedLineData(&stretch, from, gap);
                lineData->append(stretch);
            }
            if (gap == end)
                break;
            lineData->append(*gap);  // QCustomPlot breaks the line at a NaN
            from = std::find_if_not(gap, end, isNaN);
        }
    }

private:
    bool m_hasGaps = false;
    mutable QVector<QLineF> m_segments;  ///< reused by drawLinePlot from replot to replot
};

/// The ±∞ points of one series (chartInfinities): a triangle at the top edge of the plot (+∞,
/// pointing up) or at the bottom edge (−∞, pointing down) at each stretch's first x, and a bar
/// along the edge to its last x. It has no value range, so it never stretches the y axis.
class InfinityMarkers : public QCPAbstractPlottable {
public:
    InfinityMarkers(QCPAxis *keyAxis, QCPAxis *valueAxis)
        : QCPAbstractPlottable(keyAxis, valueAxis)
    {
        setSelectable(QCP::stNone);
    }

    void setStretches(QList<ChartInfinity> stretches) { m_stretches = std::move(stretches); }
    const QList<ChartInfinity> &stretches() const { return m_stretches; }

    /// The stretch whose marker is nearest to `pos` (plot pixels) within `radius`, or null;
    /// `distance` gets its distance.
    const ChartInfinity *stretchAt(const QPointF &pos, double radius, double *distance) const
    {
        const ChartInfinity *best = nullptr;
        double bestDistance = radius;
        for (const ChartInfinity &s : m_stretches) {
            const Place p = place(s);
            const double dx = pos.x() < p.from ? p.from - pos.x() : (pos.x() > p.to ? pos.x() - p.to : 0.0);
            const double d = std::hypot(dx, pos.y() - p.y);
            if (d < bestDistance) {
                bestDistance = d;
                best = &s;
            }
        }
        if (distance)
            *distance = bestDistance;
        return best;
    }

    double selectTest(const QPointF &, bool, QVariant *) const override { return -1; }
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain) const override
    {
        foundRange = !m_stretches.isEmpty();
        return foundRange ? QCPRange(m_stretches.first().firstX, m_stretches.last().lastX) : QCPRange();
    }
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain, const QCPRange &) const override
    {
        foundRange = false;  // at the edge of whatever range the lines give
        return {};
    }

protected:
    void draw(QCPPainter *painter) override
    {
        if (m_stretches.isEmpty())
            return;
        applyScattersAntialiasingHint(painter);
        painter->setPen(mPen);
        painter->setBrush(mBrush);
        const double half = kInfinityMarker / 2;
        const QRect plot = valueAxis()->axisRect()->rect();
        double lastTop = -1e9, lastBottom = -1e9;  // one triangle per pixel and edge
        for (const ChartInfinity &s : std::as_const(m_stretches)) {
            const Place p = place(s);
            if (p.to < plot.left() - half || p.from > plot.right() + half)
                continue;
            double &previous = s.positive ? lastTop : lastBottom;
            if (std::abs(p.from - previous) < 1 && p.to - p.from < 1)
                continue;
            previous = p.from;
            const double edge = s.positive ? plot.top() : plot.bottom();
            const double base = s.positive ? edge + kInfinityMarker : edge - kInfinityMarker;
            if (p.to - p.from >= 1)  // a stretch wider than a pixel: a bar along the edge
                painter->drawRect(QRectF(QPointF(p.from, edge), QPointF(p.to, s.positive ? edge + 3 : edge - 3)).normalized());
            const QPointF triangle[3] = {QPointF(p.from, edge), QPointF(p.from - half, base), QPointF(p.from + half, base)};
            painter->drawPolygon(triangle, 3);
        }
    }
    void drawLegendIcon(QCPPainter *, const QRectF &) const override {}

private:
    struct Place {
        double from;  ///< pixel x of the stretch's first and last point
        double to;
        double y;     ///< pixel y of the triangle's middle
    };
    Place place(const ChartInfinity &s) const
    {
        const QRect plot = valueAxis()->axisRect()->rect();
        const double a = keyAxis()->coordToPixel(s.firstX);
        const double b = keyAxis()->coordToPixel(s.lastX);
        return {std::min(a, b), std::max(a, b),
                s.positive ? plot.top() + kInfinityMarker / 2 : plot.bottom() - kInfinityMarker / 2};
    }

    QList<ChartInfinity> m_stretches;
};

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(u"metricPlot"_s);
    // The wheel zooms the x axis (Ctrl+wheel the y axis, see mouseWheel below); box zoom and
    // panning are ours (eventFilter): QCustomPlot's zoom box would swallow the clicks that select
    // a run or a legend entry, and its drag pans with the left button only.
    m_plot->setInteractions(QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->setMouseTracking(true);
    m_plot->setFocusPolicy(Qt::ClickFocus);  // for Space
    m_plot->installEventFilter(this);
    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_plot);
    m_plot->setToolTip(tr("Wheel: zoom the x axis; Ctrl+wheel: zoom the y axis; drag a box to zoom into it; middle-drag or "
                          "Space+drag to pan; double-click or Ctrl+0 to reset. Click a legend entry to hide or show its run "
                          "(the legend shows up to %1 runs).")
                           .arg(kMaxLegendEntries));
    m_plot->legend->setVisible(true);
    // The legend goes below the plot, in rows: inside it would cover the lines.
    auto *legendRow = m_legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    legendRow->addElement(0, 1, m_plot->legend);
    // Empty elements either side centre the legend; they also keep an empty legend (whose
    // maximum width is its margins) from capping the width of the whole plot column.
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(5);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);

    auto *reset = new QAction(tr("Reset View"), this);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    reset->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reset);
    connect(reset, &QAction::triggered, this, &MetricChart::resetView);

    connect(m_plot, &QCustomPlot::legendClick, this, &MetricChart::onLegendClick);
    connect(m_plot, &QCustomPlot::mouseMove, this, &MetricChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *event) {
        // Emitted before the axis rect zooms: the wheel keeps the values in view while it
        // zooms the steps, Ctrl+wheel zooms the values.
        m_plot->axisRect()->setRangeZoom(event->modifiers().testFlag(Qt::ControlModifier) ? Qt::Vertical : Qt::Horizontal);
        m_userMovedView = true;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        chooseAntialiasing();
        m_replotting = true;
        m_usedSecondThread = false;
    });
    // After the layout, so that the axis rect has its final width; exports lay the plot out at
    // their own size too, so a 4,000 px PNG gets the finer levels it needs.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        chooseLevels(m_plot->axisRect()->width());
        if (m_replotting)  // on screen: exports (PDF, SVG) want every series drawn into them
            startSecondThread();
    });
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] {
        finishSecondThread();
        m_replotting = false;
    });
    m_seriesPainter = new SeriesPainter(m_plot);
    // Wide antialiased polylines go through QPainter's full stroker (joins, atan2 per vertex):
    // segment by segment is several times faster for the same picture at these widths.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setNoAntialiasingOnDrag(true);

    applyPalette();
    applyAxes();
}

MetricChart::~MetricChart()
{
    finishSecondThread();
    setLegendShown(true);  // the plot deletes the legend with its layout
}

void MetricChart::setLegendShown(bool shown)
{
    // A hidden legend still claims the height of all its rows in QCustomPlot's layout, so its
    // row leaves the layout while it is hidden.
    m_plot->legend->setVisible(shown);
    QCPLayoutGrid *plotLayout = m_plot->plotLayout();
    if (shown && !m_legendRow->layout()) {
        plotLayout->addElement(1, 0, m_legendRow);
        plotLayout->setRowStretchFactor(1, 0.001);
    } else if (!shown && m_legendRow->layout()) {
        plotLayout->take(m_legendRow);
        plotLayout->simplify();
    }
}

void MetricChart::clear()
{
    finishSecondThread();
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_entries.clear();
    m_bars = false;
    m_scatter = false;
    m_scatterPoints.clear();
    m_categories.clear();
    m_xTitle.clear();
    m_userMovedView = false;
    applyAxes();
    m_plot->replot();
}

MetricChart::Entry *MetricChart::entry(const QString &id)
{
    for (Entry &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

const MetricChart::Entry *MetricChart::entry(const QString &id) const
{
    for (const Entry &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

void MetricChart::setSeries(const QString &id, const QString &label, const QColor &colour, const QList<MetricPoint> &points)
{
    if (m_bars || m_scatter)
        clear();
    Entry *e = entry(id);
    if (!e) {
        m_entries.append(Entry{});
        e = &m_entries.last();
        e->id = id;
        e->band = new EnvelopeBand(m_plot->xAxis, m_plot->yAxis);  // added first: drawn behind the line
        e->band->removeFromLegend();
        e->line = new MetricLine(m_plot->xAxis, m_plot->yAxis);
        e->line->setAdaptiveSampling(true);
        e->marks = new InfinityMarkers(m_plot->xAxis, m_plot->yAxis);
        e->marks->removeFromLegend();
        e->marks->setLayer(u"axes"_s);  // in front of every line
    }
    e->label = label;
    e->colour = colour;
    e->points = points;
    setLegendShown(m_entries.size() <= kMaxLegendEntries);
    rebuildEntry(*e);
    if (!m_userMovedView)
        fitView();
    // Histories arrive one by one: one replot when the event loop is next idle, not one per
    // series (100 series × 100,000 points each would redraw 5 million points per arrival).
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::rebuildEntry(Entry &e)
{
    e.series = chartSeries(e.points, m_xMode);
    const bool smoothed = m_smoothing > 0;
    e.shown = emaSmooth(e.series.y, m_smoothing);
    const QVector<double> &shown = e.shown;
    e.line->setName(e.label);
    e.line->setPen(QPen(e.colour, linePenWidth()));
    e.line->setHasGaps(e.series.hasGaps());
    // Every point, NaN where the line breaks: at NaN, and at ±∞, which is marked at the edge.
    QVector<QCPGraphData> all(e.series.size());
    for (qsizetype i = 0; i < e.series.size(); ++i) {
        const double v = shown.at(i);
        all[i] = QCPGraphData(e.series.x.at(i), std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
    }
    e.full = QSharedPointer<QCPGraphDataContainer>::create();
    e.full->set(all, true);
    // Behind all points the band spans raw value and smoothed line; unsmoothed it would be the
    // line itself.
    e.fullBand = m_envelope && smoothed ? ChartEnvelope{e.series.x, e.series.y, shown} : ChartEnvelope{};
    // Levels of detail for long series: QCustomPlot's adaptive sampling still visits every
    // point in view on each replot (10 million for 100 runs × 100,000 steps), a level a few
    // thousand. Each level is 4 times coarser than the one before, and has its own band.
    e.levels.clear();
    for (const int buckets : {65536, 16384, 4096, 1024}) {
        if (e.series.size() <= 4 * qsizetype(buckets))
            continue;
        const ChartLevel level = chartLevel(e.series.x, shown, buckets, smoothed ? e.series.y : QVector<double>());
        QVector<QCPGraphData> data;
        data.reserve(level.x.size());
        for (qsizetype i = 0; i < level.x.size(); ++i)
            data.append(QCPGraphData(level.x.at(i), level.y.at(i)));
        auto container = QSharedPointer<QCPGraphDataContainer>::create();
        container->set(data, true);
        e.levels.append(Entry::Level{buckets, level.sliceWidth, container, ChartEnvelope{}});
    }
    // What the line shows until the next layout chooses the level for the view.
    e.shownLevel = -1;
    e.line->setData(e.full);
    e.bandLevel = -2;
    e.band->setEnvelope({});

    QColor fill = e.colour;
    fill.setAlpha(60);
    e.band->setBrush(fill);
    e.line->setVisible(e.visible);
    updateBand(e);
    e.marks->setStretches(chartInfinities(e.series));
    e.marks->setBrush(e.colour);
    e.marks->setPen(QPen(palette().color(QPalette::Base), 1));
    e.marks->setVisible(e.visible);
    updateLegendItem(e);

    e.hasKeys = e.hasValues = e.hasPositiveValues = false;
    auto addKeys = [&e](const QVector<double> &xs) {
        if (xs.isEmpty())
            return;
        const Entry::Span r{xs.first(), xs.last()};  // sorted by key
        e.keys = e.hasKeys ? Entry::Span{std::min(e.keys.lower, r.lower), std::max(e.keys.upper, r.upper)} : r;
        e.hasKeys = true;
    };
    auto addValues = [&e](const QVector<double> &ys) {
        for (double v : ys) {
            if (!std::isfinite(v))  // ±∞ is marked at the edge of whatever range the finite values give
                continue;
            if (!e.hasValues) {
                e.values = Entry::Span{v, v};
                e.hasValues = true;
            } else {
                e.values.lower = std::min(e.values.lower, v);
                e.values.upper = std::max(e.values.upper, v);
            }
            if (v > 0) {
                if (!e.hasPositiveValues) {
                    e.positiveValues = Entry::Span{v, v};
                    e.hasPositiveValues = true;
                } else {
                    e.positiveValues.lower = std::min(e.positiveValues.lower, v);
                    e.positiveValues.upper = std::max(e.positiveValues.upper, v);
                }
            }
        }
    };
    addKeys(e.series.x);
    addValues(shown);
    if (smoothed && m_envelope)
        addValues(e.series.y);  // the band's raw values
}

void MetricChart::chooseAntialiasing()
{
    // Antialiasing costs a few times the drawing itself: beyond a few dozen long, crossing
    // lines it smooths nothing a person can follow, and the chart would lag behind the mouse.
    int longSeries = 0;
    qsizetype points = 0;
    for (const Entry &e : std::as_const(m_entries)) {
        longSeries += e.visible && e.series.size() > kAntialiasMaxPoints ? 1 : 0;
        points += e.visible ? e.series.size() : 0;
    }
    const bool antialias = longSeries <= kAntialiasMaxLongSeries;
    const QCP::AntialiasedElements plain = QCP::aePlottables | QCP::aeFills;
    if (antialias != !m_plot->notAntialiasedElements().testFlag(QCP::aePlottables))
        m_plot->setNotAntialiasedElements(antialias ? QCP::aeNone : plain);
    // The min/max bands likewise: behind a few lines they show each run's spread; behind dozens
    // they only tint the plot, no band can be told from another, and drawing them costs more
    // than all the lines (chooseLevels shows or hides them after the layout).
    m_dense = !antialias;
    // A pen of exactly 1 px is drawn as a hairline (QCustomPlot makes it cosmetic): no stroker,
    // a few times faster than the 1.6 px line, which matters with 100 long series or mid-drag.
    const bool thin = !antialias || m_dragging;
    // Long antialiased lines are 1 px: Qt's raster engine draws those with its cosmetic stroker,
    // while a 1.6 px line is stroked into a polygon and filled. Dense lines (two points a pixel
    // at their level of detail) look the same but crisper, and 20 lines of 100,000 steps with
    // their bands replot in 8 ms instead of 18. The number of points in the data decides, not the
    // zoom, so a line keeps its width while a person zooms.
    const bool fine = points >= kFineLineMinPoints;
    if (thin == m_thinLines && fine == m_fineLines)
        return;
    m_thinLines = thin;
    m_fineLines = fine;
    m_plot->setPlottingHint(QCP::phFastPolylines, !thin);
    for (const Entry &e : std::as_const(m_entries))
        e.line->setPen(QPen(e.colour, linePenWidth()));
}

void MetricChart::chooseLevels(double pixels)
{
    const double perPixel = pixels > 0 ? m_plot->xAxis->range().size() / pixels : 0.0;
    for (Entry &e : m_entries) {
        if (!e.full)
            continue;
        int want = -1;
        for (int k = 0; k < e.levels.size(); ++k)
            if (2 * e.levels.at(k).sliceWidth <= perPixel)
                want = k;
        if (want != e.shownLevel) {
            e.shownLevel = want;
            e.line->setData(want < 0 ? e.full : e.levels.at(want).data);
        }
        updateBand(e);
    }
}

void MetricChart::startSecondThread()
{
    if (!m_secondThread || m_bars || m_scatter || QThread::idealThreadCount() < 2)
        return;
    QList<const Entry *> shown;
    qsizetype points = 0;
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.line->realVisibility())
            continue;
        shown.append(&e);
        points += e.line->dataCount();
    }
    if (shown.size() < 2 || points < kSecondThreadMinPoints)
        return;
    // The upper half of the series, in the order the plot draws them (each band just below its
    // line). The GUI thread also draws grid, axes and legend, but in perf they were a small part:
    // with 55 % of the series the thread drew 20 % longer than the GUI thread, and the replot
    // waited for it.
    QList<SeriesPainter::Draw> draws;
    for (qsizetype i = (shown.size() + 1) / 2; i < shown.size(); ++i) {
        EnvelopeBand *band = shown.at(i)->band;
        MetricLine *line = shown.at(i)->line;
        if (band->realVisibility()) {
            band->setDeferred(true);
            draws.append([band](QCPPainter *painter) { band->drawAsLayer(painter); });
        }
        line->setDeferred(true);
        draws.append([line](QCPPainter *painter) { line->drawAsLayer(painter); });
    }
    // Where the layer clips the plottables: the axis rect, a pixel higher.
    m_seriesPainter->start(m_plot->axisRect()->rect().translated(0, -1), m_plot->bufferDevicePixelRatio(), std::move(draws));
    m_usedSecondThread = true;
}

void MetricChart::finishSecondThread()
{
    m_seriesPainter->finish();
    for (Entry &e : m_entries) {
        e.band->setDeferred(false);
        e.line->setDeferred(false);
    }
}

void MetricChart::setSecondThread(bool enabled)
{
    m_secondThread = enabled;
}

void MetricChart::updateBand(Entry &e)
{
    const bool show = e.visible && m_envelope && !m_dense && (m_smoothing > 0 || e.shownLevel >= 0);
    if (show && e.bandLevel != e.shownLevel) {
        // Line and band from the same level, so that the line never leaves its band.
        if (e.shownLevel < 0) {
            e.band->setEnvelope(e.fullBand);
        } else {
            Entry::Level &level = e.levels[e.shownLevel];
            if (level.band.x.isEmpty())
                level.band = chartLevel(e.series.x, e.shown, level.buckets, m_smoothing > 0 ? e.series.y : QVector<double>())
                                 .envelope();
            e.band->setEnvelope(level.band);
        }
        e.bandLevel = e.shownLevel;
    }
    e.band->setVisible(show && !e.band->isEmpty());
}

void MetricChart::rebuildAll()
{
    for (Entry &e : m_entries)
        rebuildEntry(e);
}

void MetricChart::setBars(const QStringList &labels, const QList<QColor> &colours, const QList<std::optional<double>> &values)
{
    clear();
    m_bars = true;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double lo = 0;
    double hi = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const double pos = double(i + 1);
        ticker->addTick(pos, labels.at(i));
        const std::optional<double> v = values.value(i);
        if (!v)
            continue;
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(labels.at(i));
        bars->setWidth(0.6);
        const QColor c = colours.value(i, palette().color(QPalette::Highlight));
        bars->setPen(QPen(c.darker(130)));
        bars->setBrush(c);
        bars->addData(pos, *v);
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
        auto *text = new QCPItemText(m_plot);
        text->position->setCoords(pos, *v);
        text->setPositionAlignment(*v >= 0 ? (Qt::AlignBottom | Qt::AlignHCenter) : (Qt::AlignTop | Qt::AlignHCenter));
        text->setText(formatValue(*v));
        text->setColor(palette().color(QPalette::WindowText));
        text->setPadding(QMargins(0, 2, 0, 2));
    }
    setLegendShown(false);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(labels.size() > 6 ? 30 : 0);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 4);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(QString());
    m_plot->yAxis->setScaleType(QCPAxis::stLinear);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->yAxis->setLabel(m_valueTitle);
    const double span = (hi - lo) > 0 ? hi - lo : 1.0;
    m_barView[0] = 0.4;
    m_barView[1] = double(labels.size()) + 0.6;
    m_barView[2] = lo < 0 ? lo - 0.12 * span : 0;
    m_barView[3] = hi > 0 ? hi + 0.12 * span : 0;
    fitView();
    m_plot->replot();
}

void MetricChart::setScatter(const QString &xTitle, const QStringList &labels, const QList<QColor> &colours,
                             const QVector<double> &x, const QVector<double> &y, const QStringList &categories,
                             const QStringList &xTexts)
{
    clear();
    m_scatter = true;
    m_xTitle = xTitle;
    m_categories = categories;
    const qsizetype n = std::min({labels.size(), x.size(), y.size()});
    for (qsizetype i = 0; i < n; ++i) {
        QCPGraph *g = m_plot->addGraph();
        g->setName(labels.at(i));
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = colours.value(i, palette().color(QPalette::Highlight));
        g->setPen(QPen(c));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(c.darker(130), 1), QBrush(c), 11));
        g->addData(x.at(i), y.at(i));
        QString text = xTexts.value(i);
        if (text.isEmpty())
            text = categories.isEmpty() ? formatValue(x.at(i)) : categories.value(int(x.at(i)) - 1);
        m_scatterPoints.append(ScatterPoint{labels.at(i), text, g});
    }
    applyAxes();
    resetView();
}

QCPGraph *MetricChart::scatterGraph(const QString &label) const
{
    for (const ScatterPoint &p : m_scatterPoints)
        if (p.label == label)
            return p.graph;
    return nullptr;
}

void MetricChart::applyScatterAxes()
{
    QCPAxis *x = m_plot->xAxis;
    if (m_categories.isEmpty()) {
        x->setTicker(QSharedPointer<QCPAxisTicker>::create());
        x->setSubTicks(true);
        x->setTickLength(5, 0);
    } else {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (qsizetype i = 0; i < m_categories.size(); ++i)
            ticker->addTick(double(i + 1), m_categories.at(i));
        x->setTicker(ticker);
        x->setSubTicks(false);
        x->setTickLength(0, 4);
        x->setTickLabelRotation(m_categories.size() > 6 ? 30 : 0);
    }
    x->setLabel(m_xTitle);
}

void MetricChart::resetScatterView()
{
    bool any = false;
    QCPRange x;
    QCPRange y;
    for (const ScatterPoint &p : std::as_const(m_scatterPoints)) {
        if (!p.graph->visible() || p.graph->data()->isEmpty())
            continue;
        const double px = p.graph->data()->constBegin()->key;
        const double py = p.graph->data()->constBegin()->value;
        if (!any) {
            x = QCPRange(px, px);
            y = QCPRange(py, py);
            any = true;
        } else {
            x.expand(px);
            y.expand(py);
        }
    }
    if (!m_categories.isEmpty()) {
        m_plot->xAxis->setRange(0.5, double(m_categories.size()) + 0.5);
    } else if (any) {
        const double pad = x.size() > 0 ? x.size() * 0.08 : std::max(std::abs(x.lower) * 0.1, 0.5);
        m_plot->xAxis->setRange(x.lower - pad, x.upper + pad);
    } else {
        m_plot->xAxis->setRange(0, 1);
    }
    if (any) {
        const double pad = y.size() > 0 ? y.size() * 0.12 : std::max(std::abs(y.lower) * 0.1, 0.5);
        m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    } else {
        m_plot->yAxis->setRange(0, 1);
    }
}

void MetricChart::setValueTitle(const QString &title)
{
    m_valueTitle = title;
    m_plot->yAxis->setLabel(title);
    m_plot->replot();
}

void MetricChart::setXMode(ChartXMode mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    applyAxes();
    rebuildAll();
    resetView();
}

void MetricChart::setLogY(bool log)
{
    if (log == m_logY)
        return;
    m_logY = log;
    applyAxes();
    resetView();
}

void MetricChart::setSmoothing(double smoothing)
{
    smoothing = std::clamp(smoothing, 0.0, 0.999);
    if (smoothing == m_smoothing)
        return;
    m_smoothing = smoothing;
    rebuildAll();
    m_plot->replot();
}

void MetricChart::setEnvelopeVisible(bool visible)
{
    if (visible == m_envelope)
        return;
    m_envelope = visible;
    rebuildAll();
    m_plot->replot();
}

QStringList MetricChart::seriesIds() const
{
    QStringList ids;
    for (const Entry &e : m_entries)
        ids.append(e.id);
    return ids;
}

QCPGraph *MetricChart::graph(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->line : nullptr;
}

EnvelopeBand *MetricChart::band(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->band : nullptr;
}

void MetricChart::setSeriesVisible(const QString &id, bool visible)
{
    Entry *e = entry(id);
    if (!e || e->visible == visible)
        return;
    e->visible = visible;
    rebuildEntry(*e);
    m_plot->replot();
    Q_EMIT seriesVisibilityChanged(id, visible);
}

bool MetricChart::isSeriesVisible(const QString &id) const
{
    const Entry *e = entry(id);
    return e && e->visible;
}

void MetricChart::updateLegendItem(const Entry &e)
{
    if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(e.line)) {
        QColor text = palette().color(QPalette::WindowText);
        if (!e.visible)
            text = palette().color(QPalette::Disabled, QPalette::WindowText);
        item->setTextColor(text);
        QFont f = item->font();
        f.setStrikeOut(!e.visible);
        item->setFont(f);
    }
}

void MetricChart::onLegendClick(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *)
{
    auto *plItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plItem)
        return;
    if (m_scatter) {
        QCPAbstractPlottable *point = plItem->plottable();
        point->setVisible(!point->visible());
        QColor text = palette().color(QPalette::WindowText);
        if (!point->visible())
            text = palette().color(QPalette::Disabled, QPalette::WindowText);
        plItem->setTextColor(text);
        QFont f = plItem->font();
        f.setStrikeOut(!point->visible());
        plItem->setFont(f);
        m_plot->replot();
        return;
    }
    for (const Entry &e : std::as_const(m_entries))
        if (e.line == plItem->plottable()) {
            setSeriesVisible(e.id, !e.visible);
            return;
        }
}

void MetricChart::resetView()
{
    fitView();
    m_plot->replot();
}

void MetricChart::fitView()
{
    m_userMovedView = false;
    if (m_bars) {
        m_plot->xAxis->setRange(m_barView[0], m_barView[1]);
        m_plot->yAxis->setRange(m_barView[2], m_barView[3]);
        return;
    }
    if (m_scatter) {
        resetScatterView();
        return;
    }
    bool any = false;
    bool anyValue = false;
    QCPRange x;
    QCPRange y;
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.visible || e.series.isEmpty() || !e.hasKeys)
            continue;
        x = any ? QCPRange(std::min(x.lower, e.keys.lower), std::max(x.upper, e.keys.upper)) : QCPRange(e.keys.lower, e.keys.upper);
        any = true;
        const bool has = m_logY ? e.hasPositiveValues : e.hasValues;
        const Entry::Span &vr = m_logY ? e.positiveValues : e.values;
        if (has) {
            y = anyValue ? QCPRange(std::min(y.lower, vr.lower), std::max(y.upper, vr.upper)) : QCPRange(vr.lower, vr.upper);
            anyValue = true;
        }
    }
    if (!any) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(m_logY ? 0.1 : 0, 1);
    } else {
        if (x.size() == 0)
            x = QCPRange(x.lower - 0.5, x.upper + 0.5);
        // A little room at both ends, so that first and last points do not sit on the frame.
        const double xPad = x.size() * 0.01;
        m_plot->xAxis->setRange(x.lower - xPad, x.upper + xPad);
        if (m_logY) {
            if (y.lower <= 0)
                y.lower = y.upper > 0 ? y.upper / 10 : 0.1;
            if (y.upper <= y.lower)
                y.upper = y.lower * 10;
            m_plot->yAxis->setRange(y.lower / 1.2, y.upper * 1.2);
        } else {
            const double pad = y.size() > 0 ? y.size() * 0.06 : std::max(std::abs(y.lower) * 0.1, 0.5);
            m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
        }
    }
}

QString MetricChart::toolTipAt(const QPoint &pos) const
{
    if (m_bars) {
        for (int i = 0; i < m_plot->plottableCount(); ++i) {
            auto *bars = qobject_cast<QCPBars *>(m_plot->plottable(i));
            if (!bars || bars->data()->isEmpty())
                continue;
            const double distance = bars->selectTest(pos, false);
            if (distance >= 0 && distance < m_plot->selectionTolerance())
                return tr("%1\n%2: %3").arg(bars->name(), m_valueTitle, formatValue(bars->data()->begin()->value));
        }
        return {};
    }
    if (m_scatter) {
        const ScatterPoint *nearest = nullptr;
        double nearestDistance = kHoverRadius;
        for (const ScatterPoint &p : m_scatterPoints) {
            if (!p.graph->visible() || p.graph->data()->isEmpty())
                continue;
            const auto point = p.graph->data()->constBegin();
            const double d = std::hypot(m_plot->xAxis->coordToPixel(point->key) - pos.x(),
                                        m_plot->yAxis->coordToPixel(point->value) - pos.y());
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = &p;
            }
        }
        if (!nearest)
            return {};
        return tr("%1\n%2: %3\n%4: %5")
            .arg(nearest->label, m_xTitle, nearest->xText, m_valueTitle, formatValue(nearest->graph->data()->constBegin()->value));
    }
    const Entry *best = nullptr;
    qsizetype bestIndex = -1;
    double bestDistance = kHoverRadius;
    QCPAxis *xAxis = m_plot->xAxis;
    QCPAxis *yAxis = m_plot->yAxis;
    const double from = xAxis->pixelToCoord(pos.x() - kHoverRadius);
    const double to = xAxis->pixelToCoord(pos.x() + kHoverRadius);
    for (const Entry &e : m_entries) {
        if (!e.visible || e.series.isEmpty())
            continue;
        const auto data = e.full;  // the line may show a level of detail: indexes are of all points
        auto it = data->findBegin(std::min(from, to), false);
        const auto end = data->findEnd(std::max(from, to), false);
        for (int guard = 0; it != end && guard < 5000; ++it, ++guard) {
            const double dx = xAxis->coordToPixel(it->key) - pos.x();
            const double dy = yAxis->coordToPixel(it->value) - pos.y();
            const double d = std::hypot(dx, dy);
            if (d < bestDistance) {
                bestDistance = d;
                best = &e;
                bestIndex = it - data->constBegin();
            }
        }
    }
    // A ±∞ marker at the plot's edge, when it is nearer than any point.
    const Entry *marked = nullptr;
    const ChartInfinity *stretch = nullptr;
    double markDistance = bestDistance;
    for (const Entry &e : m_entries) {
        if (!e.visible)
            continue;
        double d = 0;
        if (const ChartInfinity *s = e.marks->stretchAt(pos, kHoverRadius, &d); s && d < markDistance) {
            markDistance = d;
            marked = &e;
            stretch = s;
        }
    }
    if (marked) {
        const QLocale locale;
        const QString at = stretch->firstStep == stretch->lastStep
            ? (stretch->positive ? tr("+inf at step %1") : tr("-inf at step %1")).arg(locale.toString(stretch->firstStep))
            : (stretch->positive ? tr("+inf at steps %1–%2") : tr("-inf at steps %1–%2"))
                  .arg(locale.toString(stretch->firstStep), locale.toString(stretch->lastStep));
        return marked->label + u'\n' + (m_valueTitle.isEmpty() ? at : tr("%1: %2").arg(m_valueTitle, at));
    }
    if (!best || bestIndex < 0 || bestIndex >= best->series.size())
        return {};
    const double raw = best->series.y.at(bestIndex);
    QString text = tr("%1\nstep %2: %3").arg(best->label).arg(best->series.steps.at(bestIndex)).arg(formatValue(raw));
    if (m_smoothing > 0)
        text += u'\n' + tr("smoothed: %1").arg(formatValue(best->full->at(int(bestIndex))->value));
    if (m_xMode != ChartXMode::Step)
        text += u'\n' + QDateTime::fromMSecsSinceEpoch(best->series.timestamps.at(bestIndex)).toString(Qt::ISODate);
    return text;
}

void MetricChart::onMouseMove(QMouseEvent *event)
{
    const QString text = m_dragging || m_rubberBand->isVisible() ? QString() : toolTipAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), plainToolTip(text), m_plot);  // run names: never HTML
}

bool MetricChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space) {
            if (!key->isAutoRepeat()) {
                m_spaceHeld = event->type() == QEvent::KeyPress;
                if (!m_dragging) {
                    if (m_spaceHeld)
                        m_plot->setCursor(Qt::OpenHandCursor);
                    else
                        m_plot->unsetCursor();
                }
            }
            return true;
        }
        if (event->type() == QEvent::KeyPress && key->key() == Qt::Key_Escape && m_rubberBand->isVisible()) {
            m_rubberBand->hide();
            m_boxPressed = false;
            return true;
        }
        break;
    }
    case QEvent::FocusOut:
        m_spaceHeld = false;
        if (!m_dragging)
            m_plot->unsetCursor();
        break;
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        if (!m_plot->axisRect()->rect().contains(pos))
            break;
        if (mouse->button() == Qt::MiddleButton || (mouse->button() == Qt::LeftButton && m_spaceHeld)) {
            m_dragging = true;
            m_boxPressed = false;
            m_rubberBand->hide();
            m_panOrigin = pos;
            m_panX[0] = m_plot->xAxis->range().lower;
            m_panX[1] = m_plot->xAxis->range().upper;
            m_panY[0] = m_plot->yAxis->range().lower;
            m_panY[1] = m_plot->yAxis->range().upper;
            m_plot->setCursor(Qt::ClosedHandCursor);
            QToolTip::hideText();
            return true;  // a pan is no click for QCustomPlot
        }
        if (mouse->button() == Qt::LeftButton) {
            // QCustomPlot sees this press too: without a drag it is a click on a line or legend entry.
            m_boxPressed = true;
            m_boxOrigin = pos;
        }
        break;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        if (m_dragging) {
            panTo(pos);
            return true;
        }
        if (m_boxPressed && mouse->buttons().testFlag(Qt::LeftButton)
            && (m_rubberBand->isVisible() || (pos - m_boxOrigin).manhattanLength() > kClickSlop)) {
            m_rubberBand->setGeometry(QRect(m_boxOrigin, pos).normalized() & m_plot->axisRect()->rect());
            m_rubberBand->show();
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        if (m_dragging && (mouse->button() == Qt::MiddleButton || mouse->button() == Qt::LeftButton)) {
            panTo(pos);
            m_dragging = false;
            if (m_spaceHeld)
                m_plot->setCursor(Qt::OpenHandCursor);
            else
                m_plot->unsetCursor();
            m_plot->replot(QCustomPlot::rpQueuedReplot);  // back to the antialiased lines
            return true;
        }
        if (m_boxPressed && mouse->button() == Qt::LeftButton) {
            m_boxPressed = false;
            if (m_rubberBand->isVisible()) {
                m_rubberBand->hide();
                zoomToBox(pos);
            }
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void MetricChart::zoomToBox(const QPoint &to)
{
    const QRect plot = m_plot->axisRect()->rect();
    const QPoint end(std::clamp(to.x(), plot.left(), plot.right()), std::clamp(to.y(), plot.top(), plot.bottom()));
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    const bool wide = std::abs(end.x() - m_boxOrigin.x()) >= kMinZoomBox;
    const bool high = std::abs(end.y() - m_boxOrigin.y()) >= kMinZoomBox;
    if (!wide && !high)
        return;
    const double left = x->pixelToCoord(std::min(m_boxOrigin.x(), end.x()));
    const double right = x->pixelToCoord(std::max(m_boxOrigin.x(), end.x()));
    const double bottom = y->pixelToCoord(std::max(m_boxOrigin.y(), end.y()));
    const double top = y->pixelToCoord(std::min(m_boxOrigin.y(), end.y()));
    if (wide)
        x->setRange(left, right);
    if (high)
        y->setRange(bottom, top);
    m_userMovedView = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::panTo(const QPoint &to)
{
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    // From the ranges at the start, so that the way there and back ends where it began.
    x->setRange(m_panX[0], m_panX[1]);
    y->setRange(m_panY[0], m_panY[1]);
    const double dx = x->pixelToCoord(m_panOrigin.x()) - x->pixelToCoord(to.x());
    x->setRange(m_panX[0] + dx, m_panX[1] + dx);
    if (y->scaleType() == QCPAxis::stLogarithmic) {
        const double factor = y->pixelToCoord(m_panOrigin.y()) / y->pixelToCoord(to.y());
        y->setRange(m_panY[0] * factor, m_panY[1] * factor);
    } else {
        const double dy = y->pixelToCoord(m_panOrigin.y()) - y->pixelToCoord(to.y());
        y->setRange(m_panY[0] + dy, m_panY[1] + dy);
    }
    m_userMovedView = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

Status MetricChart::exportTo(const QString &path, QSize size)
{
    if (!size.isValid() || size.isEmpty())
        size = m_plot->size().isEmpty() ? QSize(1000, 600) : m_plot->size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == u"png"_s) {
        ok = m_plot->savePng(path, size.width(), size.height());
    } else if (suffix == u"pdf"_s) {
        ok = m_plot->savePdf(path, size.width(), size.height());
    } else if (suffix == u"svg"_s) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(m_valueTitle);
        ok = paintChartFile<QCPPainter>(generator, path, [&](QCPPainter &painter) {
            m_plot->toPainter(&painter, size.width(), size.height());
        });
    } else {
        return makeError(ErrorCategory::BadInput, tr("Charts can be saved as PNG, SVG or PDF, not “%1”.").arg(suffix), path);
    }
    if (!ok)
        return makeError(ErrorCategory::Storage, tr("The chart could not be written."), path);
    return {};
}

void MetricChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        for (const Entry &e : std::as_const(m_entries)) {
            updateLegendItem(e);
            e.marks->setPen(QPen(palette().color(QPalette::Base), 1));
        }
        for (int i = 0; i < m_plot->itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(m_plot->item(i)))
                text->setColor(palette().color(QPalette::WindowText));
        m_plot->replot();
    }
}

void MetricChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlpha(40);
    m_plot->setBackground(pal.brush(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1));
    }
    QColor legendBack = pal.color(QPalette::Base);
    legendBack.setAlpha(220);
    m_plot->legend->setBrush(legendBack);
    m_plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setFont(font());
}

void MetricChart::applyAxes()
{
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    x->setTickLabelRotation(0);
    x->setSubTicks(true);
    x->setTickLength(5, 0);
    x->grid()->setVisible(true);
    setLegendShown(!m_bars && m_entries.size() <= kMaxLegendEntries);
    switch (m_xMode) {
    case ChartXMode::Step:
        x->setTicker(QSharedPointer<QCPAxisTicker>::create());
        x->setLabel(tr("Step"));
        break;
    case ChartXMode::WallTime: {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(u"yyyy-MM-dd\nHH:mm:ss"_s);
        x->setTicker(ticker);
        x->setLabel(tr("Wall time"));
        break;
    }
    case ChartXMode::RelativeTime: {
        auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
        ticker->setTimeFormat(u"%h:%m:%s"_s);
        x->setTicker(ticker);
        x->setLabel(tr("Relative time (h:min:s)"));
        break;
    }
    }
    if (m_scatter)
        applyScatterAxes();
    if (m_logY && !m_bars && !m_scatter) {
        y->setScaleType(QCPAxis::stLogarithmic);
        y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        y->setNumberFormat(u"gb"_s);
    } else {
        y->setScaleType(QCPAxis::stLinear);
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        y->setNumberFormat(u"gbd"_s);
    }
    y->setLabel(m_valueTitle);
}

} // namespace md
