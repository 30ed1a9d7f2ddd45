// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricDirection.h"

#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QSet<QString> &higherWords()
{
    static const QSet<QString> words{
        u"r2"_s, u"rsquared"_s, u"accuracy"_s, u"acc"_s, u"auc"_s, u"auroc"_s, u"auprc"_s, u"roc"_s, u"f1"_s,
        u"fbeta"_s, u"f2"_s, u"precision"_s, u"recall"_s, u"ap"_s, u"map"_s, u"ndcg"_s, u"mrr"_s, u"bleu"_s,
        u"rouge"_s, u"meteor"_s, u"iou"_s, u"miou"_s, u"dice"_s, u"jaccard"_s, u"mcc"_s, u"kappa"_s,
        u"specificity"_s, u"sensitivity"_s, u"tpr"_s, u"tnr"_s, u"likelihood"_s, u"explained"_s, u"reward"_s,
        u"return"_s, u"throughput"_s, u"top1"_s, u"top5"_s, u"hit"_s, u"hits"_s};
    return words;
}

const QSet<QString> &lowerWords()
{
    static const QSet<QString> words{
        u"loss"_s, u"error"_s, u"err"_s, u"mse"_s, u"rmse"_s, u"mae"_s, u"mape"_s, u"smape"_s, u"msle"_s,
        u"rmsle"_s, u"medae"_s, u"nll"_s, u"logloss"_s, u"perplexity"_s, u"ppl"_s, u"wer"_s, u"cer"_s,
        u"brier"_s, u"deviance"_s, u"hinge"_s, u"regret"_s, u"cost"_s, u"fpr"_s, u"fnr"_s, u"time"_s,
        u"duration"_s, u"latency"_s, u"runtime"_s, u"elapsed"_s};
    return words;
}

// Endings that identify a glued name such as "valloss" or "trainacc".
struct Ending {
    QLatin1String text;
    MetricDirection direction;
};
constexpr Ending kEndings[] = {
    {QLatin1String("loss"), MetricDirection::LowerIsBetter},
    {QLatin1String("error"), MetricDirection::LowerIsBetter},
    {QLatin1String("rmse"), MetricDirection::LowerIsBetter},
    {QLatin1String("mse"), MetricDirection::LowerIsBetter},
    {QLatin1String("mae"), MetricDirection::LowerIsBetter},
    {QLatin1String("accuracy"), MetricDirection::HigherIsBetter},
    {QLatin1String("acc"), MetricDirection::HigherIsBetter},
    {QLatin1String("auc"), MetricDirection::HigherIsBetter},
    {QLatin1String("precision"), MetricDirection::HigherIsBetter},
    {QLatin1String("recall"), MetricDirection::HigherIsBetter},
    {QLatin1String("f1"), MetricDirection::HigherIsBetter},
    {QLatin1String("r2"), MetricDirection::HigherIsBetter},
};

QStringList words(const QString &key)
{
    QStringList out;
    QString current;
    QChar previous;
    for (const QChar c : key) {
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                out.append(current.toLower());
            current.clear();
        } else {
            if (c.isUpper() && previous.isLower() && !current.isEmpty()) {
                out.append(current.toLower());
                current.clear();
            }
            current.append(c);
        }
        previous = c;
    }
    if (!current.isEmpty())
        out.append(current.toLower());
    return out;
}

MetricDirection flipped(MetricDirection d)
{
    switch (d) {
    case MetricDirection::HigherIsBetter:
        return MetricDirection::LowerIsBetter;
    case MetricDirection::LowerIsBetter:
        return MetricDirection::HigherIsBetter;
    case MetricDirection::Unknown:
        break;
    }
    return MetricDirection::Unknown;
}

} // namespace

MetricDirection inferMetricDirection(const QString &metricKey)
{
    const QStringList parts = words(metricKey);
    MetricDirection found = MetricDirection::Unknown;
    bool negated = false;
    bool score = false;
    for (const QString &w : parts) {
        if (w == QLatin1String("neg"))
            negated = true;
        else if (w == QLatin1String("score"))
            score = true;
        else if (higherWords().contains(w))
            found = MetricDirection::HigherIsBetter;
        else if (lowerWords().contains(w))
            found = MetricDirection::LowerIsBetter;
    }
    if (found == MetricDirection::Unknown) {
        for (auto it = parts.crbegin(); it != parts.crend() && found == MetricDirection::Unknown; ++it) {
            for (const Ending &e : kEndings) {
                if (it->size() > e.text.size() && it->endsWith(e.text)) {
                    found = e.direction;
                    break;
                }
            }
        }
    }
    if (found == MetricDirection::Unknown && score)
        found = MetricDirection::HigherIsBetter;
    return negated ? flipped(found) : found;
}

QString metricDirectionName(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::HigherIsBetter:
        return u"higher"_s;
    case MetricDirection::LowerIsBetter:
        return u"lower"_s;
    case MetricDirection::Unknown:
        break;
    }
    return u"none"_s;
}

std::optional<MetricDirection> metricDirectionFromName(const QString &name)
{
    if (name == QLatin1String("higher"))
        return MetricDirection::HigherIsBetter;
    if (name == QLatin1String("lower"))
        return MetricDirection::LowerIsBetter;
    if (name == QLatin1String("none"))
        return MetricDirection::Unknown;
    return std::nullopt;
}

MetricDirection MetricDirections::direction(const QString &metricKey) const
{
    const auto it = m_overrides.constFind(metricKey);
    return it != m_overrides.cend() ? it.value() : inferMetricDirection(metricKey);
}

void MetricDirections::setOverride(const QString &metricKey, MetricDirection direction)
{
    m_overrides.insert(metricKey, direction);
}

void MetricDirections::clearOverride(const QString &metricKey)
{
    m_overrides.remove(metricKey);
}

QVariantMap MetricDirections::toVariantMap() const
{
    QVariantMap map;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        map.insert(it.key(), metricDirectionName(it.value()));
    return map;
}

MetricDirections MetricDirections::fromVariantMap(const QVariantMap &map)
{
    MetricDirections d;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (const auto dir = metricDirectionFromName(it.value().toString()))
            d.setOverride(it.key(), *dir);
    return d;
}

} // namespace md
