// SPDX-License-Identifier: GPL-3.0-or-later
#include "Domain.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace md {

bool isLaterMetric(const MetricPoint &a, const MetricPoint &b)
{
    if (a.step != b.step)
        return a.step > b.step;
    if (a.timestamp != b.timestamp)
        return a.timestamp > b.timestamp;
    // NaN sorts below every number, as MLflow's SQL store does with its is_nan column.
    const bool an = std::isnan(a.value);
    const bool bn = std::isnan(b.value);
    if (an || bn)
        return !an && bn;
    return a.value > b.value;
}

void sortSeries(QList<MetricPoint> &points)
{
    const auto before = [](const MetricPoint &a, const MetricPoint &b) {
        return a.step != b.step ? a.step < b.step : a.timestamp < b.timestamp;
    };
    if (!std::is_sorted(points.cbegin(), points.cend(), before))
        std::stable_sort(points.begin(), points.end(), before);
}

QString Run::parentRunId() const
{
    for (const auto &t : tags)
        if (t.key == QLatin1String("mlflow.parentRunId"))
            return t.value;
    return {};
}

void Run::computeLatestFromHistory()
{
    QHash<QString, qsizetype> index;
    latestMetrics.clear();
    for (const auto &p : std::as_const(history)) {
        auto it = index.find(p.key);
        if (it == index.end()) {
            index.insert(p.key, latestMetrics.size());
            latestMetrics.append(p);
        } else if (isLaterMetric(p, latestMetrics[*it])) {
            latestMetrics[*it] = p;
        }
    }
}

QString ModelVersion::modelIdFromSource(const QString &source)
{
    // "models:/m-<id>" (MLflow writes the scheme in lower case); "models:/<name>/<version>" names
    // a registered model instead.
    static const QLatin1StringView prefix("models:/");
    if (!source.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    const QString rest = source.mid(prefix.size());
    return rest.startsWith(QLatin1String("m-")) && !rest.contains(QLatin1Char('/')) ? rest : QString();
}

bool RegisteredModel::isPrompt() const
{
    for (const KeyValue &t : tags)
        if (t.key == kPromptTag)
            return t.value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    return false;
}

QString loggedModelStatusName(const QString &nameOrNumber)
{
    const QString s = nameOrNumber.startsWith(QLatin1String("LOGGED_MODEL_")) ? nameOrNumber.mid(13) : nameOrNumber;
    if (s == QLatin1String("READY") || s == QLatin1String("2"))
        return QStringLiteral("READY");
    if (s == QLatin1String("PENDING") || s == QLatin1String("1"))
        return QStringLiteral("PENDING");
    if (s == QLatin1String("UPLOAD_FAILED") || s == QLatin1String("FAILED") || s == QLatin1String("3"))
        return QStringLiteral("FAILED");
    return QStringLiteral("UNSPECIFIED");
}

QString runStatusName(int code)
{
    switch (code) {
    case 1: return QStringLiteral("RUNNING");
    case 2: return QStringLiteral("SCHEDULED");
    case 3: return QStringLiteral("FINISHED");
    case 4: return QStringLiteral("FAILED");
    case 5: return QStringLiteral("KILLED");
    default: return {};
    }
}

} // namespace md
