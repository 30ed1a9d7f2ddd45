// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Reviews inbox: every model version that waits for a review decision, across all sources in
// the cache and all their models. The GUI's Reviews tab and `modeldesk-cli reviews` both show
// what collect() finds.
//
// A version waits for review when it is READY, is not the model's Production version (stage
// Production, or the production alias), is in review (stage Staging, or the policy's candidate
// alias, "challenger" by default) and either
//  - carries `modeldesk.review.requested_by` (written by any ModelDesk, so a colleague's request
//    made on their desktop appears after a sync) with no decision after it: no
//    `modeldesk.approval.state`, or one whose `.approval.at` is older than `.review.requested_at`;
//  - or carries no request tag and no decision since the move (another tool moved it): then the
//    requester is unknown, and the journal's observed changes (observed.stage, observed.alias,
//    observed.registered, written by the importer) give the window in which a sync saw the move.
// Prompts of MLflow's prompt registry are never listed; deleted versions are not in the cache.

#include "actions/Policy.h"
#include "core/Domain.h"
#include "core/Error.h"
#include "core/MetricDirection.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cmath>
#include <limits>
#include <optional>

namespace md {

class Cache;
class Journal;

/// One version waiting for review.
struct ReviewRequest {
    qint64 sourceId = 0;
    QString sourceUri;
    QString model;
    qint64 version = 0;
    QString stage;
    QStringList aliases;  ///< sorted
    QString runId;
    /// Who asked (the `modeldesk.review.requested_by` tag); empty when another tool moved the
    /// version to review.
    QString requestedBy;
    /// When (the `modeldesk.review.requested_at` tag), epoch ms; 0 when not known.
    qint64 requestedAtMs = 0;
    /// Unknown requester: the move happened after windowStartMs and before windowEndMs. From the
    /// sync that saw it (the previous sync to that sync); when no sync saw it happen (it was there
    /// at the source's first sync), from the version's creation to that first sync. 0 = not known.
    qint64 windowStartMs = 0;
    qint64 windowEndMs = 0;
    /// True when the window comes from a sync that saw the move, false when the version was
    /// already in review at the first sync.
    bool windowObserved = false;
    /// The model's key metric (keyMetricOf()); empty when it has none.
    QString keyMetric;
    MetricDirection keyMetricDirection = MetricDirection::Unknown;
    double keyMetricValue = std::numeric_limits<double>::quiet_NaN();  ///< the version's run's latest value
    qint64 productionVersion = 0;  ///< the model's Production version, 0 when none
    double productionValue = std::numeric_limits<double>::quiet_NaN();
    /// The candidate's A/B share in percent while its A/B test runs (`modeldesk.ab.share`, no
    /// `modeldesk.ab.end`).
    std::optional<double> abShare;

    bool requesterKnown() const { return !requestedBy.isEmpty(); }
    /// Candidate minus Production; NaN when either is missing.
    double keyMetricDelta() const { return keyMetricValue - productionValue; }
    /// When the request was made as far as known: requestedAtMs, else the end of the window.
    qint64 requestedMs() const { return requestedAtMs > 0 ? requestedAtMs : windowEndMs; }
    /// Names one request: the source, model, version and who asked when. A version sent to review
    /// again is a new request.
    QString key() const;
};

class ReviewInbox {
public:
    /// Every version of every model in `cache` (of `sourceId` only, when given) that waits for
    /// review, newest request first. `journal` may be null: then an unknown requester's window
    /// is always "before the first sync". Policies give each model's candidate and production
    /// aliases and its scheme.
    static Result<QList<ReviewRequest>> collect(Cache &cache, Journal *journal, const Policies &policies,
                                                std::optional<qint64> sourceId = std::nullopt);

    /// The requests of `now` that `before` does not have (by key()), in the order of `now`.
    static QList<ReviewRequest> added(const QList<ReviewRequest> &before, const QList<ReviewRequest> &now);
};

} // namespace md
