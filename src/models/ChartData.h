// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Widget-free chart data: metric histories turned into x/y vectors for one x axis mode, EMA
// smoothing, levels of detail with their min/max bands, and the stretches of ±∞; the points of a
// scatter chart; the axes and lines of a parallel-coordinates chart. MetricChart and
// ParallelCoordinatesChart draw what these return.

#include "core/Domain.h"
#include "core/MetricDirection.h"

#include <QColor>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace md {

/// What the x axis of a metric history shows.
enum class ChartXMode {
    Step,          ///< the logged step
    WallTime,      ///< the timestamp, in seconds since the epoch (for a date-time axis)
    RelativeTime,  ///< seconds since the series' first (earliest) timestamp
};

/// One run's history of one metric, ready to plot: sorted by x (stable, so equal x keep the
/// logged order); `steps` and `timestamps` are the source points of each entry. Every logged point
/// is kept, NaN and ±∞ too (MLflow keeps them): a line breaks at such a point, and ±∞ is marked at
/// the edge of the plot (chartInfinities), so that neither is bridged nor placed on a finite axis.
struct ChartSeries {
    QVector<double> x;
    QVector<double> y;
    QVector<qint64> steps;
    QVector<qint64> timestamps;
    /// Points whose value is NaN, and whose value is +∞ or −∞.
    int nanCount = 0;
    int infiniteCount = 0;

    qsizetype size() const { return x.size(); }
    bool isEmpty() const { return x.isEmpty(); }
    /// Whether a line through `y` breaks somewhere (a NaN or ±∞ value).
    bool hasGaps() const { return nanCount + infiniteCount > 0; }
};

/// The min/max band behind a line: at each x, the band spans from the smaller to the larger of
/// `min` and `max` (in either order, so that raw values and the smoothed line can be passed as
/// they are). A NaN or ±∞ in either breaks the band there, as it breaks the line.
struct ChartEnvelope {
    QVector<double> x;
    QVector<double> min;
    QVector<double> max;
};

/// The plot data of `points` for `mode`, every point kept (see ChartSeries). Relative time starts
/// at the earliest timestamp of all points.
ChartSeries chartSeries(const QList<MetricPoint> &points, ChartXMode mode);

/// Exponential moving average: s₀ = y₀, sᵢ = smoothing · sᵢ₋₁ + (1 − smoothing) · yᵢ.
/// `smoothing` is clamped to [0, 0.999]; 0 returns `y` unchanged. Same length as `y`. A NaN or
/// ±∞ value is passed through as it is (the line breaks there) and leaves the average alone: it
/// goes on from the finite values either side, starting at the first finite one.
QVector<double> emaSmooth(const QVector<double> &y, double smoothing);

/// A level of detail of a line: for each of `buckets` equal slices of the x range, the lowest and
/// the highest point (in x order; one point when they coincide). Drawn in place of the full line
/// while a pixel spans at least two slices, it gives the same picture: every pixel column still
/// reaches the series' true minimum and maximum within it.
///
/// A NaN or ±∞ value splits its slice: each stretch of finite points in a slice keeps its own
/// lowest and highest point, and its first and last point where it meets the gap, and the gap
/// itself stays as one point with a NaN y, so that the line breaks there at every level.
///
/// `low` and `high` are the band of the same level, one entry per point: the lowest and highest
/// value of the stretch the point stands for (of y, and of the `spread` values given with it),
/// NaN at a gap. A band drawn through them holds the line: each point lies within its own bounds,
/// and between two points line and band edges are straight.
struct ChartLevel {
    QVector<double> x;
    QVector<double> y;
    QVector<double> low;
    QVector<double> high;
    double sliceWidth = 0;  ///< the x width of one slice; 0 when every point was kept

    /// The band of this level: x with `low` and `high`.
    ChartEnvelope envelope() const { return ChartEnvelope{x, low, high}; }
};

/// Thins sorted `x`/`y` to `buckets` slices of equal x width (see ChartLevel); `spread`, when not
/// empty, has one value per point (the raw values behind a smoothed `y`) and widens the band.
/// Returns every point (sliceWidth 0; a NaN y for each NaN or ±∞) when `buckets < 1` or there are
/// no more than 2 × `buckets` points; the first and last point are always kept.
ChartLevel chartLevel(const QVector<double> &x, const QVector<double> &y, int buckets, const QVector<double> &spread = {});

/// A stretch of consecutive points (in x order) whose value is +∞, or −∞: drawn as a marker at
/// the top or bottom edge of the plot.
struct ChartInfinity {
    double firstX = 0;
    double lastX = 0;
    qint64 firstStep = 0;
    qint64 lastStep = 0;
    int count = 0;
    bool positive = true;
};

/// The stretches of +∞ and −∞ of `series`, in x order.
QList<ChartInfinity> chartInfinities(const ChartSeries &series);

/// The last value of metric `key` in `run` (Run::latestMetrics), or nullopt when the run has none
/// or it is NaN/±∞.
std::optional<double> latestFiniteValue(const Run &run, const QString &key);

/// The value of param `key` in `run`, or nullopt when the run did not log it.
std::optional<QString> paramValue(const Run &run, const QString &key);

/// A param (x) against a metric's latest value (y) across runs: one point per run.
struct ScatterData {
    /// The index (into the given runs) of each shown point, in the runs' order.
    QList<int> runs;
    /// The param value of each point, or with `categories` its 1-based index into them.
    QVector<double> x;
    /// The metric's latest finite value of each point.
    QVector<double> y;
    /// The param's text of each point, as logged.
    QStringList xTexts;
    /// The distinct param values of the shown points, sorted case-insensitively, when one of them
    /// is not a finite number; empty when every value is a number.
    QStringList categories;
    /// Runs left out because they did not log the param.
    int withoutParam = 0;
    /// Runs with the param left out because they have no finite latest value of the metric.
    int withoutMetric = 0;

    bool isCategorical() const { return !categories.isEmpty(); }
    qsizetype size() const { return runs.size(); }
};

/// One point per run of `runs` that logged param `param` and has a finite latest value of
/// `metric` (latestFiniteValue); the others are counted in withoutParam / withoutMetric. Params
/// are numeric when every shown value parses as a finite number (C locale, surrounding blanks
/// ignored), categorical otherwise.
ScatterData scatterData(const QList<Run> &runs, const QString &param, const QString &metric);

/// What a parallel-coordinates axis shows: a param or the latest value of a metric.
enum class ParallelAxisKind { Param, Metric };

/// One axis of a parallel-coordinates chart, by what it shows.
struct ParallelAxisKey {
    ParallelAxisKind kind = ParallelAxisKind::Param;
    QString key;

    /// MLflow's search name: "params.max_depth", "metrics.val_r2_score" (also the saved form).
    QString qualified() const;
    /// The inverse of qualified(); nullopt for another prefix or an empty key.
    static std::optional<ParallelAxisKey> fromQualified(const QString &name);

    friend bool operator==(const ParallelAxisKey &a, const ParallelAxisKey &b)
    {
        return a.kind == b.kind && a.key == b.key;
    }
};

/// Every param, then every metric, that at least one of `runs` logged; each group sorted
/// case-insensitively.
QList<ParallelAxisKey> availableParallelAxes(const QList<Run> &runs);

/// The default axes: the params whose logged values differ between the runs (at least two
/// different texts among the runs that logged it; a param only one run logged, or logged with
/// the same value by all, does not tell runs apart), sorted case-insensitively, then
/// `keyMetric` when a run logged it, else the first metric (case-insensitive order), if any.
QList<ParallelAxisKey> defaultParallelAxes(const QList<Run> &runs, const QString &keyMetric = {});

/// One axis of a parallel-coordinates chart with every run's place on it.
struct ParallelAxis {
    ParallelAxisKey source;
    /// Sorted categories (case-insensitive) when one of the logged values is not a number (a
    /// param); empty for a numeric axis.
    QStringList categories;
    /// The smallest and largest finite value (numeric axes; both 0 when there is none).
    double min = 0;
    double max = 0;
    /// Drawn upside down (the smallest value at the top): a lower-is-better metric with "up is
    /// better" on.
    bool flipped = false;
    /// Per run, its place on the axis from 0 (bottom) to 1 (top); nullopt when the run has no
    /// value or its value is NaN/±∞ (drawn as a marker below the axis).
    QVector<std::optional<double>> positions;
    /// Per run, its value as text (the param as logged, the metric's number); empty when missing.
    QStringList texts;
    /// Runs that did not log the param or metric.
    int missing = 0;
    /// Runs whose value is NaN or ±∞ (a metric's latest value, or a numeric param's text).
    int nonFinite = 0;

    bool isCategorical() const { return !categories.isEmpty(); }
    /// The label at the top and at the bottom end of the axis: max and min (swapped when flipped)
    /// or the last and first category; empty when the axis has no value.
    QString topLabel() const;
    QString bottomLabel() const;
    /// What sits at `position` (0 bottom, 1 top) as text: the number there for a numeric axis
    /// (4 significant digits, default locale), the nearest category for a categorical one; empty
    /// when the axis has no value. For the range of a brush.
    QString textAt(double position) const;
};

/// Every axis with every run's place on it, in the order of `axes`.
struct ParallelData {
    QList<ParallelAxis> axes;
    /// The number of runs (lines), as given.
    int runCount = 0;
    /// Runs that miss a value (missing or not finite) on at least one axis.
    int runsWithGaps = 0;

    /// The place of each run on the last axis (the colour of its line), nullopt without a value.
    QVector<std::optional<double>> colourPositions() const;
};

/// The axes `axes` of `runs`. Numeric axes scale linearly from min (0) to max (1); a single
/// distinct value sits at 0.5. Categorical axes space their sorted categories evenly from 0 to 1
/// (one category at 0.5). A param axis is numeric when every logged value parses as a number (C
/// locale, blanks ignored) and at least one is finite; nan and ±inf then count as non-finite.
/// Metric axes use the latest value; with `flipLowerIsBetter` a metric `directions` calls
/// lower-is-better is flipped so that up is better on every axis.
ParallelData parallelData(const QList<Run> &runs, const QList<ParallelAxisKey> &axes,
                          const MetricDirections &directions = {}, bool flipLowerIsBetter = false);

/// A colour ramp for lines coloured by value: `t` in [0, 1] (clamped) from a dark violet-blue
/// through teal to green (light background), or from blue-violet through teal to yellow (dark
/// background, `dark`), so that both ends stay readable against the background.
QColor parallelColourRamp(double t, bool dark);

} // namespace md
