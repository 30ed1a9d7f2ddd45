// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The key metric of a registered model: the one number its versions are judged by in the versions
// table, the key-metric chart and the Reviews inbox.

#include "core/Domain.h"

#include <QHash>
#include <QList>
#include <QString>

namespace md {

/// The key metric of `model`, in this order: the metric its `modeldesk.key_metric` tag names
/// (trimmed, even when no run logged it); `val_r2_score` when a version's run logged it; else the
/// first metric by name, of those the versions' runs logged, whose direction inferMetricDirection()
/// knows. Empty when none. `runMetrics`: MLflow run id -> that run's latest metrics (runs not in
/// the cache are missing).
QString keyMetricOf(const RegisteredModel &model, const QHash<QString, QList<MetricPoint>> &runMetrics);

/// The latest value of `metric` in `metrics`, NaN when it is not there (or `metric` is empty).
double keyMetricValue(const QList<MetricPoint> &metrics, const QString &metric);

} // namespace md
