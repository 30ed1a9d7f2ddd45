// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyMetric.h"

#include "core/MetricDirection.h"
#include "core/TagNames.h"

#include <QSet>
#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace md {

QString keyMetricOf(const RegisteredModel &model, const QHash<QString, QList<MetricPoint>> &runMetrics)
{
    QString named;
    for (const KeyValue &t : model.tags)
        if (t.key == tags::kKeyMetric && !t.value.trimmed().isEmpty())
            named = t.value.trimmed();
    if (!named.isEmpty())
        return named;
    QSet<QString> logged;
    for (const ModelVersion &v : model.versions)
        for (const MetricPoint &p : runMetrics.value(v.runId))
            logged.insert(p.key);
    if (const QString fallback = u"val_r2_score"_s; logged.contains(fallback))
        return fallback;
    QStringList keys(logged.cbegin(), logged.cend());
    keys.sort();
    for (const QString &k : std::as_const(keys))
        if (inferMetricDirection(k) != MetricDirection::Unknown)
            return k;
    return {};
}

double keyMetricValue(const QList<MetricPoint> &metrics, const QString &metric)
{
    double value = std::numeric_limits<double>::quiet_NaN();
    if (metric.isEmpty())
        return value;
    for (const MetricPoint &p : metrics)
        if (p.key == metric)
            value = p.value;
    return value;
}

} // namespace md
