// SPDX-License-Identifier: GPL-3.0-or-later
#include "Domain.h"

#include <QHash>

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
