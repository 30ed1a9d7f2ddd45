// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "models/ChartData.h"

#include <QColor>
#include <QList>
#include <QWidget>

#include <optional>
#include <utility>

class QPainter;

namespace md {

/// A parallel-coordinates chart drawn with QPainter: one vertical axis per ParallelAxis (its name
/// at the top, its max and min at the ends, categories beside a categorical axis), one polyline
/// per run. Runs without a value on an axis (missing, NaN, ±∞) go to a hollow marker below that
/// axis on a dashed segment. Lines are coloured by their place on the last axis (a colour ramp
/// that suits the palette, with a legend) or by run colour.
///
/// Hovering a line highlights it and shows the run's name and values in a tooltip; a click selects
/// it (runSelected). Dragging along an axis brushes a range: only the lines inside every brush stay
/// coloured, the others are greyed. A click on an axis without dragging clears its brush; Esc
/// clears every brush. Colours follow the palette (dark too).
class ParallelCoordinatesChart : public QWidget {
    Q_OBJECT
public:
    enum class ColourMode {
        LastAxis,  ///< by the run's place on the last axis (parallelColourRamp)
        Run,       ///< by the run's colour, as in the other charts
    };

    explicit ParallelCoordinatesChart(QWidget *parent = nullptr);
    ~ParallelCoordinatesChart() override;

    /// Shows `data` with one line per run named `labels` (`ids`: MLflow run ids, for runSelected)
    /// in `colours` (ColourMode::Run). Brushes are kept on axes that are still there (by key and
    /// kind); the selection is kept when its run id is still there.
    void setData(const ParallelData &data, const QStringList &labels, const QStringList &ids, const QList<QColor> &colours);
    /// No axes, no lines.
    void clear();
    const ParallelData &data() const { return m_data; }
    int axisCount() const { return int(m_data.axes.size()); }
    int lineCount() const { return m_data.axes.isEmpty() ? 0 : m_data.runCount; }

    void setColourMode(ColourMode mode);
    ColourMode colourMode() const { return m_colourMode; }
    /// The colour the line of `run` is drawn in while it is inside every brush.
    QColor lineColour(int run) const;

    /// Brushes axis `axis` to positions [from, to] (0 bottom, 1 top, either order); nullopt clears.
    void setBrush(int axis, std::optional<std::pair<double, double>> range);
    std::optional<std::pair<double, double>> brush(int axis) const;
    void clearBrushes();
    bool hasBrushes() const;
    /// True when `run` is inside every brush (always without brushes; never when a brushed axis
    /// has no value for it).
    bool isActive(int run) const;
    /// How many lines are inside every brush.
    int activeCount() const;

    /// The hovered run (highlighted), or -1.
    int highlightedRun() const { return m_hovered; }
    /// The selected run, or -1.
    int selectedRun() const { return m_selected; }
    void setSelectedRun(int run);

    /// Where the line of `run` meets axis `axis` (on the axis, or at the marker below it), in
    /// widget coordinates for the widget's current size.
    QPointF pointOf(int run, int axis) const;
    /// The x of axis `axis` and the y of `position` (0 bottom, 1 top) on the axes.
    double axisX(int axis) const;
    double yOf(double position) const;
    /// The run whose line passes nearest to `pos`, within a few pixels (lines inside the brushes
    /// first), or -1.
    int runAt(const QPoint &pos) const;
    /// The hover text at `pos`: the run's name and its value on every axis; empty off the lines.
    QString toolTipAt(const QPoint &pos) const;

    /// Writes the chart as PNG, SVG or PDF (by the suffix of `path`, case-insensitive) at `size`
    /// (the widget's size when empty). Fails on another suffix or when the file cannot be written.
    Status exportTo(const QString &path, QSize size = {});

Q_SIGNALS:
    /// A click on the line of run `index` (MLflow id `runId`).
    void runSelected(int index, const QString &runId);
    /// A brush was set, changed or cleared.
    void brushesChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Where everything goes for a given size.
    struct Layout {
        double left = 0;
        double right = 0;
        double titleY = 0;     ///< baseline of the axis titles
        double top = 0;        ///< y of position 1
        double bottom = 0;     ///< y of position 0
        double missingY = 0;   ///< y of the "no value" markers
        double legendY = 0;    ///< top of the legend row
    };

    Layout layoutFor(QSize size) const;
    double axisXFor(const Layout &l, int axis) const;
    QPointF pointFor(const Layout &l, int run, int axis) const;
    void paint(QPainter &p, QSize size) const;
    void paintLine(QPainter &p, const Layout &l, int run, const QColor &colour, double width) const;
    /// The axis whose line is within reach of `pos` (for brushing), or -1.
    int axisNear(const QPoint &pos) const;
    double positionOf(double y) const;
    void setHovered(int run);
    bool isDark() const;

    ParallelData m_data;
    QStringList m_labels;
    QStringList m_ids;
    QList<QColor> m_colours;
    ColourMode m_colourMode = ColourMode::LastAxis;
    QList<std::optional<std::pair<double, double>>> m_brushes;
    int m_hovered = -1;
    int m_selected = -1;

    // A drag on an axis in progress.
    int m_brushAxis = -1;
    double m_brushFrom = 0;
    bool m_brushMoved = false;
    QPoint m_pressPos;
};

} // namespace md
