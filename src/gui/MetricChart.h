// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QCustomPlotFwd.h"
#include "core/Error.h"
#include "models/ChartData.h"

#include <QColor>
#include <QList>
#include <QSharedPointer>
#include <QWidget>

class QMouseEvent;
class QRubberBand;

namespace md {

class EnvelopeBand;
class InfinityMarkers;
class MetricLine;
class SeriesPainter;

/// Our chart widget around a QCustomPlot: an overlay of metric histories (one line per run), a bar
/// chart of one value per run, or a scatter chart of one point per run (a param against a value).
///
/// Histories: x as step, wall time or relative time (setXMode), linear or log y (setLogY), EMA
/// smoothing (setSmoothing) with a min/max band behind the line where the line is smoothed or
/// drawn from a level of detail (setEnvelopeVisible); band and line always come from the same
/// level, so the line never leaves its band. Lines hold every logged point: a NaN or ±∞ value
/// breaks the line (never bridged), and ±∞ is marked by a triangle at the top or bottom edge of
/// the plot, outside the y range, whose hover names run, metric, step and value. Hovering shows
/// run, step and value of the nearest point; clicking a legend entry hides or shows its line.
///
/// The wheel zooms x (Ctrl+wheel zooms y), a left drag draws a box and zooms into it, a middle
/// drag or Space+drag pans, Ctrl+0 or a double click resets the view. Colours follow the palette.
class MetricChart : public QWidget {
    Q_OBJECT
public:
    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    /// Removes every series and bar, leaving an empty history chart.
    void clear();
    /// Adds the history of run `id` (or replaces it when `id` is there), shown as `label` in
    /// `colour`. Switches to the history chart. The view is reset unless the person zoomed.
    void setSeries(const QString &id, const QString &label, const QColor &colour, const QList<MetricPoint> &points);
    /// Shows a bar chart: one bar per label, in this order; a missing value leaves an empty slot.
    void setBars(const QStringList &labels, const QList<QColor> &colours, const QList<std::optional<double>> &values);
    bool isBarChart() const { return m_bars; }
    /// Shows a scatter chart: one point per run at (x, y), named `labels` (legend and hover) in
    /// `colours`, with `xTitle` under the x axis. With `categories`, x is the 1-based index into
    /// them and the x axis names them; `xTexts` is what the hover shows for x (the number when empty).
    /// `labels`, `x` and `y` have one entry per point.
    void setScatter(const QString &xTitle, const QStringList &labels, const QList<QColor> &colours, const QVector<double> &x,
                    const QVector<double> &y, const QStringList &categories = {}, const QStringList &xTexts = {});
    bool isScatterChart() const { return m_scatter; }
    /// The scatter chart's point of the run named `label`, or null.
    QCPGraph *scatterGraph(const QString &label) const;
    /// The metric key: the y axis title (and the bar chart's).
    void setValueTitle(const QString &title);

    void setXMode(ChartXMode mode);
    ChartXMode xMode() const { return m_xMode; }
    void setLogY(bool log);
    bool logY() const { return m_logY; }
    /// EMA smoothing factor in [0, 0.999] (see emaSmooth); 0 draws the raw values.
    void setSmoothing(double smoothing);
    double smoothing() const { return m_smoothing; }
    void setEnvelopeVisible(bool visible);
    bool isEnvelopeVisible() const { return m_envelope; }

    /// The series ids, in the order they were added.
    QStringList seriesIds() const;
    /// The line of a series, or null. It holds the points of the level of detail it draws (all
    /// points when zoomed in), a NaN value where the line breaks.
    QCPGraph *graph(const QString &id) const;
    /// The min/max band behind a series' line, or null; it holds the points of the line's level.
    EnvelopeBand *band(const QString &id) const;
    /// Hides or shows a series' line (and envelope), as a legend click does.
    void setSeriesVisible(const QString &id, bool visible);
    bool isSeriesVisible(const QString &id) const;

    /// Fits the axes to the visible data (also Ctrl+0 and a double click).
    void resetView();
    /// The hover text for a position in plot coordinates: run, step and value of the nearest
    /// point within a few pixels (a bar: run and value; a scatter point: run, x and y), or empty.
    QString toolTipAt(const QPoint &pos) const;
    /// Writes the chart as PNG, SVG or PDF (by the suffix of `path`, case-insensitive) at `size`
    /// (the widget's size when empty). Fails on another suffix or when the file cannot be written.
    Status exportTo(const QString &path, QSize size = {});

    QCustomPlot *plot() const { return m_plot; }

    /// Whether a replot of many long series draws half of them on a second thread (SeriesPainter);
    /// on by default. Off, the GUI thread draws all: for comparing the two.
    void setSecondThread(bool enabled);
    /// Whether the last replot drew series on the second thread.
    bool lastReplotUsedSecondThread() const { return m_usedSecondThread; }

Q_SIGNALS:
    /// A legend click (or setSeriesVisible) hid or showed a series.
    void seriesVisibilityChanged(const QString &id, bool visible);

protected:
    void changeEvent(QEvent *event) override;
    /// The plot's mouse and keys: box zoom, panning, Space, and the wheel's axis.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry {
        QString id;
        QString label;
        QColor colour;
        QList<MetricPoint> points;
        ChartSeries series;
        MetricLine *line = nullptr;
        EnvelopeBand *band = nullptr;
        InfinityMarkers *marks = nullptr;
        bool visible = true;
        /// What the line shows: all points (`full`, a NaN where it breaks) or, while a pixel spans
        /// several of them, a level of detail (ChartLevel) with the same picture and far fewer
        /// points to scan. Each comes with its band.
        QSharedPointer<QCPGraphDataContainer> full;
        QVector<double> shown;   ///< the line's values: smoothed, or the series' own
        ChartEnvelope fullBand;  ///< raw values and smoothed line; empty without smoothing
        struct Level {
            int buckets = 0;
            double sliceWidth = 0;
            QSharedPointer<QCPGraphDataContainer> data;
            ChartEnvelope band;  ///< built when first shown (a dense chart shows none)
        };
        QList<Level> levels;  ///< finest first
        int shownLevel = -1;  ///< index into `levels` of what the line draws, -1 for `full`
        int bandLevel = -2;   ///< the level whose bounds the band holds (-1 `full`, -2 none yet)
        /// Key and value ranges of what the graphs hold (any sign, and positive values only for a
        /// log axis), kept so that fitting the view does not walk millions of points per series.
        struct Span {
            double lower = 0;
            double upper = 0;
        };
        Span keys, values, positiveValues;
        bool hasKeys = false, hasValues = false, hasPositiveValues = false;
    };

    struct ScatterPoint {
        QString label;
        QString xText;
        QCPGraph *graph = nullptr;
    };

    void rebuildEntry(Entry &e);
    /// Sets the axes to show every visible series (resetView without the replot).
    void fitView();
    /// Before each replot: antialiased, 1.6 px lines and min/max bands unless many long series
    /// are shown (then hairlines without antialiasing and no bands, which QPainter draws several
    /// times faster); hairlines too while the view is being dragged.
    void chooseAntialiasing();
    double linePenWidth() const { return m_thinLines || m_fineLines ? 1.0 : 1.6; }
    /// After each layout (of a replot or an export, at its size): each line shows the coarsest
    /// level of detail that still has two slices per pixel of the x range over `pixels`, or all
    /// its points, and its band the same level's bounds.
    void chooseLevels(double pixels);
    /// Shows or hides a series' band, with the bounds of the level its line draws: with the
    /// envelope on, unless the chart is dense, where the line is smoothed or drawn from a level
    /// of detail (behind all points unsmoothed it would be the line itself).
    void updateBand(Entry &e);
    /// During a replot, after the layout: hands the upper half of the visible series to the
    /// second thread when there are at least two and enough points to be worth it.
    void startSecondThread();
    /// After a replot (and before the series change): waits for the second thread and gives the
    /// series back to the plot's own pass.
    void finishSecondThread();
    void applyScatterAxes();
    void resetScatterView();
    void rebuildAll();
    void applyPalette();
    void applyAxes();
    void updateLegendItem(const Entry &e);
    void onLegendClick(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    /// Zooms into the box from m_boxOrigin to `to` (plot pixels): x when it is wide enough, y
    /// when it is high enough.
    void zoomToBox(const QPoint &to);
    /// Moves the view by the mouse's way from m_panOrigin to `to`, from the ranges at the start.
    void panTo(const QPoint &to);
    Entry *entry(const QString &id);
    const Entry *entry(const QString &id) const;

    /// Shows or hides the legend below the plot, giving its height to the plot when hidden.
    void setLegendShown(bool shown);

    QCustomPlot *m_plot;
    QCPLayoutGrid *m_legendRow = nullptr;
    QList<Entry> m_entries;
    ChartXMode m_xMode = ChartXMode::Step;
    bool m_logY = false;
    double m_smoothing = 0;
    bool m_envelope = true;
    bool m_bars = false;
    bool m_scatter = false;
    QList<ScatterPoint> m_scatterPoints;
    QStringList m_categories;
    QString m_xTitle;
    /// The bar chart's x and y ranges when it was set, for resetView.
    double m_barView[4] = {0, 1, 0, 1};
    bool m_userMovedView = false;
    /// The view is being panned (middle or Space+left drag): hairlines until released.
    bool m_dragging = false;
    bool m_spaceHeld = false;
    QPoint m_panOrigin;
    double m_panX[2] = {0, 1};  ///< the x and y ranges when panning started
    double m_panY[2] = {0, 1};
    /// A left press in the axis rect; a drag from it draws the zoom box.
    bool m_boxPressed = false;
    QPoint m_boxOrigin;
    QRubberBand *m_rubberBand = nullptr;
    bool m_thinLines = false;
    /// Long lines: antialiased, 1 px (see chooseAntialiasing()).
    bool m_fineLines = false;
    /// More than kAntialiasMaxLongSeries long series are shown: hairlines, no bands.
    bool m_dense = false;
    QString m_valueTitle;
    SeriesPainter *m_seriesPainter = nullptr;  ///< owned by the plot
    bool m_secondThread = true;
    bool m_usedSecondThread = false;
    bool m_replotting = false;  ///< between the plot's beforeReplot and afterReplot
};

} // namespace md
