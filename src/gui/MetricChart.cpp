// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricChart.h"

#include "EnvelopeBand.h"
#include "QCustomPlotInclude.h"
#include "core/NumberFormat.h"
#include "models/PlainToolTip.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {
// Lines are antialiased unless more than this many series have more than this many points.
constexpr int kAntialiasMaxLongSeries = 20;
constexpr qsizetype kAntialiasMaxPoints = 1000;
} // namespace

namespace {

// Below this many pixels per point a line is too dense to read: the raw min/max band shows the spread.
constexpr int kPixelsPerEnvelopeBucket = 3;
/// Above this many lines the legend would take the plot's place (100 runs: 20 rows); the lines
/// are then named by hovering, and picked in the comparison.
constexpr qsizetype kMaxLegendEntries = 20;
constexpr double kHoverRadius = 12.0;

QString formatValue(double v)
{
    return localNumber(v);
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(u"metricPlot"_s);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    m_plot->setToolTip(tr("Drag to pan, wheel to zoom, double-click or Ctrl+0 to reset; click a legend entry to hide or show its run (the legend shows up to %1 runs)").arg(kMaxLegendEntries));
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
    connect(m_plot, &QCustomPlot::mousePress, this, [this] {
        m_userMovedView = true;
        m_dragging = true;
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this] {
        m_dragging = false;
        m_plot->replot(QCustomPlot::rpQueuedReplot);  // back to the antialiased lines
    });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userMovedView = true; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(m_plot, &QCustomPlot::beforeReplot, this, &MetricChart::chooseAntialiasing);
    // After the layout, so that the axis rect has its final width; exports lay the plot out at
    // their own size too, so a 4,000 px PNG gets the finer levels it needs.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { chooseLevels(m_plot->axisRect()->width()); });
    // Wide antialiased polylines go through QPainter's full stroker (joins, atan2 per vertex):
    // segment by segment is several times faster for the same picture at these widths.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setNoAntialiasingOnDrag(true);

    applyPalette();
    applyAxes();
}

MetricChart::~MetricChart()
{
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
        e->band = new EnvelopeBand(m_plot->xAxis, m_plot->yAxis);  // behind the line, added after it
        e->band->removeFromLegend();
        e->line = m_plot->addGraph();
        e->line->setAdaptiveSampling(true);
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
    const QVector<double> shown = emaSmooth(e.series.y, m_smoothing);
    e.line->setName(e.label);
    e.line->setPen(QPen(e.colour, linePenWidth()));
    e.line->setData(e.series.x, shown, true);
    e.full = e.line->data();
    // Levels of detail for long series: QCustomPlot's adaptive sampling still visits every
    // point in view on each replot (10 million for 100 runs × 100,000 steps), a level a few
    // thousand. Each level is 4 times coarser than the one before.
    e.levels.clear();
    for (const int buckets : {65536, 16384, 4096, 1024}) {
        if (e.series.size() <= 4 * qsizetype(buckets))
            continue;
        const ChartLevel level = chartLevel(e.series.x, shown, buckets);
        QVector<QCPGraphData> data;
        data.reserve(level.x.size());
        for (qsizetype i = 0; i < level.x.size(); ++i)
            data.append(QCPGraphData(level.x.at(i), level.y.at(i)));
        auto container = QSharedPointer<QCPGraphDataContainer>::create();
        container->set(data, true);
        e.levels.append(Entry::Level{level.sliceWidth, container});
    }

    const int width = std::max(100, m_plot->axisRect()->width());
    const int buckets = width / kPixelsPerEnvelopeBucket;
    const bool band = m_envelope && (m_smoothing > 0 || e.series.size() > buckets);
    e.band->setEnvelope(band ? chartEnvelope(e.series, buckets) : ChartEnvelope{});
    QColor fill = e.colour;
    fill.setAlpha(60);
    e.band->setBrush(fill);
    e.line->setVisible(e.visible);
    e.hasBand = band;
    e.band->setVisible(e.visible && band && !m_dense);
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
            if (!std::isfinite(v))
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
    addValues(e.band->envelope().min);
    addValues(e.band->envelope().max);
}

void MetricChart::chooseAntialiasing()
{
    // Antialiasing costs a few times the drawing itself: beyond a few dozen long, crossing
    // lines it smooths nothing a person can follow, and the chart would lag behind the mouse.
    int longSeries = 0;
    for (const Entry &e : std::as_const(m_entries))
        longSeries += e.visible && e.series.size() > kAntialiasMaxPoints ? 1 : 0;
    const bool antialias = longSeries <= kAntialiasMaxLongSeries;
    const QCP::AntialiasedElements plain = QCP::aePlottables | QCP::aeFills;
    if (antialias != !m_plot->notAntialiasedElements().testFlag(QCP::aePlottables))
        m_plot->setNotAntialiasedElements(antialias ? QCP::aeNone : plain);
    // The min/max bands likewise: behind a few lines they show each run's spread; behind dozens
    // they only tint the plot, no band can be told from another, and drawing them costs more
    // than all the lines.
    m_dense = !antialias;
    for (const Entry &e : std::as_const(m_entries))
        e.band->setVisible(e.visible && e.hasBand && !m_dense);
    // A pen of exactly 1 px is drawn as a hairline (QCustomPlot makes it cosmetic): no stroker,
    // a few times faster than the 1.6 px line, which matters with 100 long series or mid-drag.
    const bool thin = !antialias || m_dragging;
    if (thin == m_thinLines)
        return;
    m_thinLines = thin;
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
        QSharedPointer<QCPGraphDataContainer> want = e.full;
        for (const Entry::Level &level : std::as_const(e.levels))
            if (2 * level.sliceWidth <= perPixel)
                want = level.data;
        if (e.line->data() != want)
            e.line->setData(want);
    }
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
    m_plot->xAxis->setRange(0.4, double(labels.size()) + 0.6);
    m_plot->yAxis->setScaleType(QCPAxis::stLinear);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->yAxis->setLabel(m_valueTitle);
    const double span = (hi - lo) > 0 ? hi - lo : 1.0;
    m_plot->yAxis->setRange(lo < 0 ? lo - 0.12 * span : 0, hi > 0 ? hi + 0.12 * span : 0);
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
    if (m_bars)
        return;
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
    const QString text = toolTipAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), plainToolTip(text), m_plot);  // run names: never HTML
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
        QCPPainter painter;
        if (painter.begin(&generator)) {
            m_plot->toPainter(&painter, size.width(), size.height());
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
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
        for (const Entry &e : std::as_const(m_entries))
            updateLegendItem(e);
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
