// SPDX-License-Identifier: GPL-3.0-or-later
// `reviews`: every version waiting for a review, the twin of the window's Reviews tab.
#include "Command.h"

#include "actions/Policy.h"
#include "actions/ReviewInbox.h"
#include "cache/Journal.h"

#include <QDateTime>

#include <cmath>

namespace md::cli {

namespace {

/// ISO 8601 UTC to the second, as ModelDesk's tags write times; empty for 0.
QString isoSeconds(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

/// A number for JSON, or null when it is NaN (not known).
json numberOrNull(double v)
{
    return std::isnan(v) ? json(nullptr) : json(v);
}

json stringOrNull(const QString &text)
{
    return text.isEmpty() ? json(nullptr) : json(s(text));
}

int cmdReviews(Context &c)
{
    if (!c.positional.isEmpty())
        return c.usageError(Tr::tr("reviews takes no arguments"));
    Journal journal;
    if (Status st = journal.open(c.journalPath); !st)
        return c.fail(st.error());
    auto policies = Policies::load(c.value(QStringLiteral("policies")));
    if (!policies)
        return c.fail(policies.error());
    auto inbox = ReviewInbox::collect(c.cache, &journal, *policies, c.sourceId);
    if (!inbox)
        return c.fail(inbox.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const ReviewRequest &r : std::as_const(*inbox)) {
            json aliases = json::array();
            for (const QString &alias : r.aliases)
                aliases.push_back(s(alias));
            json j = {{"source", s(r.sourceUri)},
                      {"name", s(r.model)},
                      {"version", r.version},
                      {"stage", s(r.stage)},
                      {"aliases", aliases},
                      {"requested_by", stringOrNull(r.requestedBy)},
                      {"requested_at", stringOrNull(isoSeconds(r.requestedAtMs))},
                      {"requester_known", r.requesterKnown()}};
            if (!r.requesterKnown()) {
                j["window_start"] = stringOrNull(isoSeconds(r.windowStartMs));
                j["window_end"] = stringOrNull(isoSeconds(r.windowEndMs));
                j["window_seen_by_sync"] = r.windowObserved;
            }
            j["run_id"] = stringOrNull(r.runId);
            j["key_metric"] = stringOrNull(r.keyMetric);
            j["key_metric_direction"] = s(metricDirectionName(r.keyMetricDirection));
            j["key_metric_value"] = numberOrNull(r.keyMetricValue);
            j["production_version"] = r.productionVersion ? json(r.productionVersion) : json(nullptr);
            j["production_value"] = numberOrNull(r.productionValue);
            // 0.88 - 0.89 is -0.010000000000000009 in binary; 15 digits are what the values have.
            j["key_metric_delta"] = numberOrNull(QString::number(r.keyMetricDelta(), 'g', 15).toDouble());
            j["ab_share"] = r.abShare ? json(*r.abShare) : json(nullptr);
            a.push_back(j);
        }
        c.printJson({{"reviews", a}});
        return 0;
    }
    const bool csv = c.format == Format::Csv;
    if (!csv && inbox->isEmpty()) {
        c.out(Tr::tr("Nothing waits for review.\n"));
        return 0;
    }
    OutputTable t{{Tr::tr("Source"), Tr::tr("Model"), Tr::tr("Version"), Tr::tr("Stage / aliases"), Tr::tr("Requested by"),
                   Tr::tr("Requested at"), Tr::tr("Key metric"), Tr::tr("Value"), Tr::tr("Δ vs Production"),
                   Tr::tr("A/B share")},
                  {}};
    for (const ReviewRequest &r : std::as_const(*inbox)) {
        QStringList where{r.stage};
        where += r.aliases;
        QString when = isoSeconds(r.requestedAtMs);
        if (!r.requesterKnown())
            when = r.windowStartMs > 0 ? Tr::tr("%1 – %2", "a time window").arg(isoSeconds(r.windowStartMs), isoSeconds(r.windowEndMs))
                                       : Tr::tr("before %1").arg(isoSeconds(r.windowEndMs));
        QString delta;
        if (!std::isnan(r.keyMetricDelta()))
            delta = (r.keyMetricDelta() > 0 ? QStringLiteral("+") : QString()) + numberText(r.keyMetricDelta())
                    + (csv ? QString() : Tr::tr(" (v%1)").arg(r.productionVersion));
        t.rows.append({r.sourceUri, r.model, QString::number(r.version), where.join(QStringLiteral(", ")),
                       r.requesterKnown() ? r.requestedBy : Tr::tr("unknown — moved by another tool"), when, r.keyMetric,
                       std::isnan(r.keyMetricValue) ? QString() : numberText(r.keyMetricValue), delta,
                       r.abShare ? QString::number(*r.abShare) + (csv ? QString() : QStringLiteral(" %")) : QString()});
    }
    c.printTable(t);
    return 0;
}

} // namespace

QList<Command> reviewCommands()
{
    return {
        {QStringLiteral("reviews"), cmdReviews, {valueOption(QStringLiteral("policies"), QStringLiteral("FILE"))}, true},
    };
}

} // namespace md::cli
