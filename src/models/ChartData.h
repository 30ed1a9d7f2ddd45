// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Widget-free chart data: metric histories turned into x/y vectors for one x axis mode, EMA
// smoothing and a thinned min/max envelope. MetricChart draws what these return.

#include "core/Domain.h"

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
/// logged order); `steps` and `timestamps` are the source points of each entry.
struct ChartSeries {
    QVector<double> x;
    QVector<double> y;
    QVector<qint64> steps;
    QVector<qint64> timestamps;
    /// Points dropped because their value was NaN or ±∞ (a chart cannot place them).
    int skipped = 0;

    qsizetype size() const { return x.size(); }
    bool isEmpty() const { return x.isEmpty(); }
};

/// The min/max envelope of a series: one entry per bucket of consecutive points.
struct ChartEnvelope {
    QVector<double> x;    ///< the middle of the bucket: (first x + last x) / 2
    QVector<double> min;  ///< the smallest y in the bucket
    QVector<double> max;  ///< the largest y in the bucket
};

/// The plot data of `points` for `mode`. NaN and ±∞ values are skipped (counted in `skipped`):
/// ∞ has no place on a finite axis, and clamping would invent a value. Relative time starts at
/// the earliest timestamp of the finite points.
ChartSeries chartSeries(const QList<MetricPoint> &points, ChartXMode mode);

/// Exponential moving average: s₀ = y₀, sᵢ = smoothing · sᵢ₋₁ + (1 − smoothing) · yᵢ.
/// `smoothing` is clamped to [0, 0.999]; 0 returns `y` unchanged. Same length as `y`.
QVector<double> emaSmooth(const QVector<double> &y, double smoothing);

/// Thins `series` to at most `buckets` buckets of consecutive points (equal counts, the last
/// bucket may be smaller) and returns min and max of y per bucket. With `size() <= buckets` (or
/// `buckets < 1`) every point is a bucket of its own (min = max = y). Empty for an empty series.
ChartEnvelope chartEnvelope(const ChartSeries &series, int buckets);

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

} // namespace md
