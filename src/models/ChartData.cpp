// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartData.h"

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
        if (!std::isfinite(p.value)) {
            ++out.skipped;
            continue;
        }
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
    double s = y.first();
    for (double v : y) {
        s = smoothing * s + (1.0 - smoothing) * v;
        out.append(s);
    }
    return out;
}

ChartEnvelope chartEnvelope(const ChartSeries &series, int buckets)
{
    ChartEnvelope out;
    const qsizetype n = series.size();
    if (n == 0)
        return out;
    const qsizetype per = (buckets < 1 || n <= buckets) ? 1 : (n + buckets - 1) / buckets;
    for (qsizetype first = 0; first < n; first += per) {
        const qsizetype last = std::min(n, first + per) - 1;
        const auto [lo, hi] = std::minmax_element(series.y.cbegin() + first, series.y.cbegin() + last + 1);
        out.x.append((series.x.at(first) + series.x.at(last)) / 2.0);
        out.min.append(*lo);
        out.max.append(*hi);
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

} // namespace md
