// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartData.h"

#include "core/NumberFormat.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace md {

ChartSeries chartSeries(const QList<MetricPoint> &points, ChartXMode mode)
{
    ChartSeries out;
    QList<const MetricPoint *> kept;
    kept.reserve(points.size());
    qint64 firstTimestamp = std::numeric_limits<qint64>::max();
    for (const MetricPoint &p : points) {
        if (std::isnan(p.value))
            ++out.nanCount;
        else if (std::isinf(p.value))
            ++out.infiniteCount;
        kept.append(&p);
        firstTimestamp = std::min(firstTimestamp, p.timestamp);
    }
    const auto xOf = [mode, firstTimestamp](const MetricPoint &p) -> double {
        switch (mode) {
        case ChartXMode::Step:
            return double(p.step);
        case ChartXMode::WallTime:
            return double(p.timestamp) / 1000.0;
        case ChartXMode::RelativeTime:
            return double(p.timestamp - firstTimestamp) / 1000.0;
        }
        return 0;
    };
    std::stable_sort(kept.begin(), kept.end(), [&xOf](const MetricPoint *a, const MetricPoint *b) { return xOf(*a) < xOf(*b); });
    out.x.reserve(kept.size());
    out.y.reserve(kept.size());
    out.steps.reserve(kept.size());
    out.timestamps.reserve(kept.size());
    for (const MetricPoint *p : std::as_const(kept)) {
        out.x.append(xOf(*p));
        out.y.append(p->value);
        out.steps.append(p->step);
        out.timestamps.append(p->timestamp);
    }
    return out;
}

QVector<double> emaSmooth(const QVector<double> &y, double smoothing)
{
    smoothing = std::clamp(smoothing, 0.0, 0.999);
    if (smoothing == 0.0 || y.isEmpty())
        return y;
    QVector<double> out;
    out.reserve(y.size());
    double s = 0;
    bool started = false;
    for (double v : y) {
        if (!std::isfinite(v)) {
            out.append(v);
            continue;
        }
        s = started ? smoothing * s + (1.0 - smoothing) * v : v;
        started = true;
        out.append(s);
    }
    return out;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Widens [lo, hi] to `v` when `v` is finite.
void widen(double &lo, double &hi, double v)
{
    if (!std::isfinite(v))
        return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
}

} // namespace

ChartLevel chartLevel(const QVector<double> &x, const QVector<double> &y, int buckets, const QVector<double> &spread)
{
    ChartLevel out;
    const qsizetype n = std::min(x.size(), y.size());
    const bool withSpread = spread.size() >= n;
    auto add = [&out](double px, double py, double lo, double hi) {
        out.x.append(px);
        out.y.append(py);
        out.low.append(lo);
        out.high.append(hi);
    };
    if (buckets < 1 || n <= 2 * qsizetype(buckets)) {
        out.x.reserve(n);
        out.y.reserve(n);
        out.low.reserve(n);
        out.high.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            const double v = y.at(i);
            if (!std::isfinite(v)) {
                add(x.at(i), kNaN, kNaN, kNaN);
                continue;
            }
            double lo = v, hi = v;
            if (withSpread)
                widen(lo, hi, spread.at(i));
            add(x.at(i), v, lo, hi);
        }
        return out;
    }
    const double first = x.at(0);
    const double span = x.at(n - 1) - first;
    out.sliceWidth = span / buckets;
    out.x.reserve(2 * buckets + 2);
    out.y.reserve(2 * buckets + 2);
    out.low.reserve(2 * buckets + 2);
    out.high.reserve(2 * buckets + 2);
    const auto sliceOf = [&](qsizetype i) -> qint64 {
        return span > 0 ? std::min<qint64>(buckets - 1, qint64((x.at(i) - first) / out.sliceWidth)) : 0;
    };
    qsizetype i = 0;
    while (i < n) {
        if (!std::isfinite(y.at(i))) {
            // A gap: one point for the whole stretch of NaN and ±∞, whatever slices it spans.
            add(x.at(i), kNaN, kNaN, kNaN);
            while (i < n && !std::isfinite(y.at(i)))
                ++i;
            continue;
        }
        // The stretch of finite points from i within i's slice.
        const qint64 slice = sliceOf(i);
        qsizetype lo = i, hi = i, j = i + 1;
        for (; j < n; ++j) {
            const double v = y.at(j);
            if (!std::isfinite(v) || sliceOf(j) != slice)
                break;
            if (v < y.at(lo))
                lo = j;
            if (v > y.at(hi))
                hi = j;
        }
        const qsizetype last = j - 1;
        double bandLow = y.at(lo), bandHigh = y.at(hi);
        if (withSpread)
            for (qsizetype k = i; k <= last; ++k)
                widen(bandLow, bandHigh, spread.at(k));
        // Lowest and highest in x order; the stretch's first and last point too where the line
        // starts or ends (the series' ends and either side of a gap), so that it starts and ends
        // where the data does.
        qsizetype keep[4] = {lo, hi, -1, -1};
        int count = 2;
        if (i == 0 || !std::isfinite(y.at(i - 1)))
            keep[count++] = i;
        if (j == n || !std::isfinite(y.at(j)))
            keep[count++] = last;
        std::sort(keep, keep + count);
        qsizetype previous = -1;
        for (int k = 0; k < count; ++k) {
            if (keep[k] != previous)
                add(x.at(keep[k]), y.at(keep[k]), bandLow, bandHigh);
            previous = keep[k];
        }
        i = j;
    }
    return out;
}

QList<ChartInfinity> chartInfinities(const ChartSeries &series)
{
    QList<ChartInfinity> out;
    if (series.infiniteCount == 0)
        return out;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const double v = series.y.at(i);
        if (!std::isinf(v))
            continue;
        const bool positive = v > 0;
        const bool continues = i > 0 && !out.isEmpty() && std::isinf(series.y.at(i - 1)) && (series.y.at(i - 1) > 0) == positive;
        if (continues) {
            ChartInfinity &last = out.last();
            last.lastX = series.x.at(i);
            last.lastStep = series.steps.at(i);
            ++last.count;
        } else {
            out.append(ChartInfinity{series.x.at(i), series.x.at(i), series.steps.at(i), series.steps.at(i), 1, positive});
        }
    }
    return out;
}

std::optional<double> latestFiniteValue(const Run &run, const QString &key)
{
    for (const MetricPoint &p : run.latestMetrics)
        if (p.key == key)
            return std::isfinite(p.value) ? std::optional<double>(p.value) : std::nullopt;
    return std::nullopt;
}

std::optional<QString> paramValue(const Run &run, const QString &key)
{
    for (const KeyValue &kv : run.params)
        if (kv.key == key)
            return kv.value;
    return std::nullopt;
}

ScatterData scatterData(const QList<Run> &runs, const QString &param, const QString &metric)
{
    ScatterData out;
    QVector<double> numbers;
    bool numeric = true;
    const QLocale c = QLocale::c();
    for (int i = 0; i < runs.size(); ++i) {
        const std::optional<QString> value = paramValue(runs.at(i), param);
        if (!value) {
            ++out.withoutParam;
            continue;
        }
        const std::optional<double> y = latestFiniteValue(runs.at(i), metric);
        if (!y) {
            ++out.withoutMetric;
            continue;
        }
        bool ok = false;
        const double number = c.toDouble(value->trimmed(), &ok);
        numeric = numeric && ok && std::isfinite(number);
        numbers.append(number);
        out.runs.append(i);
        out.y.append(*y);
        out.xTexts.append(*value);
    }
    if (numeric) {
        out.x = numbers;
        return out;
    }
    for (const QString &text : std::as_const(out.xTexts))
        if (!out.categories.contains(text))
            out.categories.append(text);
    std::sort(out.categories.begin(), out.categories.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    for (const QString &text : std::as_const(out.xTexts))
        out.x.append(double(out.categories.indexOf(text) + 1));
    return out;
}

QString ParallelAxisKey::qualified() const
{
    return (kind == ParallelAxisKind::Param ? QStringLiteral("params.") : QStringLiteral("metrics.")) + key;
}

std::optional<ParallelAxisKey> ParallelAxisKey::fromQualified(const QString &name)
{
    static const QString params = QStringLiteral("params.");
    static const QString metrics = QStringLiteral("metrics.");
    if (name.startsWith(params) && name.size() > params.size())
        return ParallelAxisKey{ParallelAxisKind::Param, name.mid(params.size())};
    if (name.startsWith(metrics) && name.size() > metrics.size())
        return ParallelAxisKey{ParallelAxisKind::Metric, name.mid(metrics.size())};
    return std::nullopt;
}

namespace {

void sortCaseInsensitively(QStringList &list)
{
    std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
}

QStringList paramKeys(const QList<Run> &runs)
{
    QStringList keys;
    for (const Run &r : runs)
        for (const KeyValue &kv : r.params)
            if (!keys.contains(kv.key))
                keys.append(kv.key);
    sortCaseInsensitively(keys);
    return keys;
}

QStringList metricKeys(const QList<Run> &runs)
{
    QStringList keys;
    for (const Run &r : runs)
        for (const MetricPoint &p : r.latestMetrics)
            if (!keys.contains(p.key))
                keys.append(p.key);
    sortCaseInsensitively(keys);
    return keys;
}

std::optional<double> latestValue(const Run &run, const QString &key)
{
    for (const MetricPoint &p : run.latestMetrics)
        if (p.key == key)
            return p.value;
    return std::nullopt;
}

QString formatNumber(double v)
{
    return localNumber(v, 4);
}

} // namespace

QList<ParallelAxisKey> availableParallelAxes(const QList<Run> &runs)
{
    QList<ParallelAxisKey> out;
    for (const QString &key : paramKeys(runs))
        out.append({ParallelAxisKind::Param, key});
    for (const QString &key : metricKeys(runs))
        out.append({ParallelAxisKind::Metric, key});
    return out;
}

QList<ParallelAxisKey> defaultParallelAxes(const QList<Run> &runs, const QString &keyMetric)
{
    QList<ParallelAxisKey> out;
    for (const QString &key : paramKeys(runs)) {
        QStringList values;
        for (const Run &r : runs)
            if (const std::optional<QString> v = paramValue(r, key); v && !values.contains(*v))
                values.append(*v);
        if (values.size() >= 2)
            out.append({ParallelAxisKind::Param, key});
    }
    const QStringList metrics = metricKeys(runs);
    if (metrics.contains(keyMetric))
        out.append({ParallelAxisKind::Metric, keyMetric});
    else if (!metrics.isEmpty())
        out.append({ParallelAxisKind::Metric, metrics.first()});
    return out;
}

QString ParallelAxis::topLabel() const
{
    if (isCategorical())
        return categories.last();
    if (std::all_of(positions.cbegin(), positions.cend(), [](const std::optional<double> &p) { return !p; }))
        return {};
    return formatNumber(flipped ? min : max);
}

QString ParallelAxis::bottomLabel() const
{
    if (isCategorical())
        return categories.first();
    if (std::all_of(positions.cbegin(), positions.cend(), [](const std::optional<double> &p) { return !p; }))
        return {};
    return formatNumber(flipped ? max : min);
}

QString ParallelAxis::textAt(double position) const
{
    position = std::clamp(position, 0.0, 1.0);
    if (isCategorical()) {
        if (categories.size() == 1)
            return categories.first();
        return categories.at(int(std::lround(position * double(categories.size() - 1))));
    }
    if (std::all_of(positions.cbegin(), positions.cend(), [](const std::optional<double> &p) { return !p; }))
        return {};
    if (max == min)
        return formatNumber(min);
    const double t = flipped ? 1.0 - position : position;
    return formatNumber(min + t * (max - min));
}

QVector<std::optional<double>> ParallelData::colourPositions() const
{
    if (axes.isEmpty())
        return QVector<std::optional<double>>(runCount);
    return axes.last().positions;
}

ParallelData parallelData(const QList<Run> &runs, const QList<ParallelAxisKey> &axes, const MetricDirections &directions,
                          bool flipLowerIsBetter)
{
    ParallelData out;
    out.runCount = int(runs.size());
    const QLocale c = QLocale::c();
    QVector<bool> gaps(runs.size(), false);
    for (const ParallelAxisKey &key : axes) {
        ParallelAxis axis;
        axis.source = key;
        // Per run: the number (NaN when it has none or it is not a number) and whether it logged any.
        QVector<double> numbers(runs.size(), std::numeric_limits<double>::quiet_NaN());
        QVector<bool> logged(runs.size(), false);
        bool numeric = true;
        bool anyFinite = false;
        for (int i = 0; i < runs.size(); ++i) {
            if (key.kind == ParallelAxisKind::Param) {
                const std::optional<QString> text = paramValue(runs.at(i), key.key);
                axis.texts.append(text.value_or(QString()));
                if (!text)
                    continue;
                logged[i] = true;
                bool ok = false;
                const double number = c.toDouble(text->trimmed(), &ok);
                numeric = numeric && ok;
                if (ok)
                    numbers[i] = number;
            } else {
                const std::optional<double> value = latestValue(runs.at(i), key.key);
                axis.texts.append(value ? formatNumber(*value) : QString());
                if (!value)
                    continue;
                logged[i] = true;
                numbers[i] = *value;
            }
            anyFinite = anyFinite || std::isfinite(numbers.at(i));
        }
        numeric = numeric && (anyFinite || key.kind == ParallelAxisKind::Metric);
        axis.positions.fill(std::nullopt, runs.size());
        if (numeric) {
            bool first = true;
            for (double v : std::as_const(numbers)) {
                if (!std::isfinite(v))
                    continue;
                axis.min = first ? v : std::min(axis.min, v);
                axis.max = first ? v : std::max(axis.max, v);
                first = false;
            }
            axis.flipped = flipLowerIsBetter && key.kind == ParallelAxisKind::Metric
                && directions.direction(key.key) == MetricDirection::LowerIsBetter;
            for (int i = 0; i < runs.size(); ++i) {
                if (!logged.at(i)) {
                    ++axis.missing;
                    continue;
                }
                const double v = numbers.at(i);
                if (!std::isfinite(v)) {
                    ++axis.nonFinite;
                    continue;
                }
                double t = axis.max > axis.min ? (v - axis.min) / (axis.max - axis.min) : 0.5;
                if (axis.flipped)
                    t = 1.0 - t;
                axis.positions[i] = t;
            }
        } else {
            for (int i = 0; i < runs.size(); ++i)
                if (logged.at(i) && !axis.categories.contains(axis.texts.at(i)))
                    axis.categories.append(axis.texts.at(i));
            sortCaseInsensitively(axis.categories);
            const qsizetype n = axis.categories.size();
            for (int i = 0; i < runs.size(); ++i) {
                if (!logged.at(i)) {
                    ++axis.missing;
                    continue;
                }
                const qsizetype index = axis.categories.indexOf(axis.texts.at(i));
                axis.positions[i] = n > 1 ? double(index) / double(n - 1) : 0.5;
            }
        }
        for (int i = 0; i < runs.size(); ++i)
            if (!axis.positions.at(i))
                gaps[i] = true;
        out.axes.append(axis);
    }
    out.runsWithGaps = int(std::count(gaps.cbegin(), gaps.cend(), true));
    return out;
}

QColor parallelColourRamp(double t, bool dark)
{
    // Stops from viridis. On a light base its pale yellow end would vanish, on a dark base its
    // near-black violet start: each background gets the part of the ramp that stands out on it.
    struct Stop {
        double at;
        QRgb rgb;
    };
    static const Stop viridis[] = {{0.0, 0x440154}, {0.125, 0x482878}, {0.25, 0x3e4989}, {0.375, 0x31688e},
                                   {0.5, 0x26828e},  {0.625, 0x1f9e89}, {0.75, 0x35b779}, {0.875, 0x6ece58},
                                   {1.0, 0xfde725}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double from = dark ? 0.2 : 0.0;
    const double to = dark ? 1.0 : 0.82;
    const double u = from + t * (to - from);
    for (size_t i = 1; i < std::size(viridis); ++i) {
        if (u > viridis[i].at && i + 1 < std::size(viridis))
            continue;
        const Stop &a = viridis[i - 1];
        const Stop &b = viridis[i];
        const double f = std::clamp((u - a.at) / (b.at - a.at), 0.0, 1.0);
        const auto mix = [f](int x, int y) { return int(std::lround(x + f * (y - x))); };
        return QColor(mix(qRed(a.rgb), qRed(b.rgb)), mix(qGreen(a.rgb), qGreen(b.rgb)), mix(qBlue(a.rgb), qBlue(b.rgb)));
    }
    return QColor::fromRgb(viridis[0].rgb);
}

} // namespace md
