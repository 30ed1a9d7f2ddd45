// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether a higher or a lower value of a metric is better, inferred from the metric's name and
// overridable per metric. Used to colour comparisons (improved / regressed) and to find the best run.

#include <QHash>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace md {

enum class MetricDirection {
    Unknown,         ///< no rule matched: deltas are shown, never coloured, no best value
    HigherIsBetter,  ///< r2, accuracy, auc, f1, precision, recall, …
    LowerIsBetter,   ///< loss, mse, rmse, mae, error, time, …
};

/// The direction a metric's name suggests. The name is split into words at every character that
/// is not a letter or digit and at camelCase humps ("val_loss", "valLoss", "eval/f1_macro"); the
/// rightmost word that carries a direction decides ("r2_loss" is a loss):
///  - higher: r2, accuracy/acc, auc/auroc/auprc, f1/fbeta, precision, recall, ap/map, ndcg, mrr,
///    bleu, rouge, meteor, iou, dice, jaccard, mcc, kappa, specificity, sensitivity, tpr, tnr,
///    likelihood, explained_variance, reward, return, throughput, top1/top5, score (weakest: only
///    when nothing else matched);
///  - lower: loss, error/err, mse, rmse, mae, mape, smape, msle, rmsle, medae, nll, logloss,
///    perplexity/ppl, wer, cer, brier, deviance, hinge, regret, cost, fpr, fnr, and time: time,
///    duration, latency, runtime, elapsed (decision: a run that trains or answers faster is
///    better, so `training_time_s` is lower-is-better);
///  - a word "neg" (scikit-learn's scorer names, e.g. neg_mean_squared_error, neg_log_loss)
///    flips the direction: those are higher-is-better.
/// Names with no separator are matched by their ending too ("valloss", "trainacc").
/// Anything else (grad_norm, learning_rate, epoch, …) is Unknown.
MetricDirection inferMetricDirection(const QString &metricKey);

/// "higher", "lower", "none": the names used in JSON output and in saved settings.
QString metricDirectionName(MetricDirection direction);
/// The inverse of metricDirectionName(); nullopt for anything else.
std::optional<MetricDirection> metricDirectionFromName(const QString &name);

/// Inferred directions with per-metric overrides (the person's choice wins over the name).
class MetricDirections {
public:
    /// The override when there is one, else inferMetricDirection(key).
    MetricDirection direction(const QString &metricKey) const;
    /// True when the person chose this metric's direction.
    bool isOverridden(const QString &metricKey) const { return m_overrides.contains(metricKey); }
    /// Sets an override; any direction, also Unknown ("no direction") is a valid choice.
    void setOverride(const QString &metricKey, MetricDirection direction);
    /// Goes back to the inferred direction.
    void clearOverride(const QString &metricKey);
    const QHash<QString, MetricDirection> &overrides() const { return m_overrides; }

    /// For QSettings: key -> metricDirectionName(). fromVariantMap() skips unknown names.
    QVariantMap toVariantMap() const;
    static MetricDirections fromVariantMap(const QVariantMap &map);

private:
    QHash<QString, MetricDirection> m_overrides;
};

} // namespace md
