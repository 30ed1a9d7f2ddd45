// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The names of the tags ModelDesk writes to a source and reads back. Other MLflow users see them
// (README, "Promotion, review and rollback"), so a name never changes: a renamed tag would hide
// every review, A/B test and rollback recorded before.
//
// Each name is a QLatin1StringView: it compares with a QString (`key == tags::kScore`), converts
// implicitly where a QString is wanted (`tag(v, tags::kScore)`, `KeyValue{tags::kScore, value}`)
// and concatenates with QStringBuilder (`tags::kAbPrefix + u"share"_s`). Values are strings, as
// MLflow tags are; times are ISO 8601 UTC ("2026-11-27T10:15:00Z").

#include <QLatin1StringView>

namespace md::tags {

/// What every ModelDesk tag name starts with.
inline constexpr QLatin1StringView kPrefix("modeldesk.");

// Version tags ActionService writes when an action changes the registry.

/// Who put the version up for review (moved it to Staging, or gave it the candidate alias).
inline constexpr QLatin1StringView kReviewRequestedBy("modeldesk.review.requested_by");
/// When the review was asked for.
inline constexpr QLatin1StringView kReviewRequestedAt("modeldesk.review.requested_at");

/// What all A/B test tags start with (ActionService and ReviewDialog freeze them as evidence under
/// the rest of the name: "share", "start", "end").
inline constexpr QLatin1StringView kAbPrefix("modeldesk.ab.");
/// The candidate's share of requests in percent (more than 0, at most 100), as a decimal number.
inline constexpr QLatin1StringView kAbShare("modeldesk.ab.share");
/// When the A/B test started.
inline constexpr QLatin1StringView kAbStart("modeldesk.ab.start");
/// When the A/B test ended (ended by hand or by the promotion to Production); absent while it runs.
inline constexpr QLatin1StringView kAbEnd("modeldesk.ab.end");

/// The review decision: "approved" or "rejected". Removed when the version is sent to review again.
inline constexpr QLatin1StringView kApprovalState("modeldesk.approval.state");
/// Who decided the review.
inline constexpr QLatin1StringView kApprovalBy("modeldesk.approval.by");
/// When the review was decided.
inline constexpr QLatin1StringView kApprovalAt("modeldesk.approval.at");
/// The reviewer's note (required, trimmed).
inline constexpr QLatin1StringView kApprovalNote("modeldesk.approval.note");

/// Who moved the version to Production.
inline constexpr QLatin1StringView kPromotedBy("modeldesk.promoted_by");
/// When the version was moved to Production.
inline constexpr QLatin1StringView kPromotedAt("modeldesk.promoted_at");
/// "true" on the version a promotion took out of Production; removed when it is current again.
inline constexpr QLatin1StringView kRollbackTarget("modeldesk.rollback_target");
/// When Production was rolled back from this version.
inline constexpr QLatin1StringView kRolledBackAt("modeldesk.rolled_back_at");
/// Who rolled Production back from this version.
inline constexpr QLatin1StringView kRolledBackBy("modeldesk.rolled_back_by");
/// Why Production was rolled back from this version (the reason typed, trimmed).
inline constexpr QLatin1StringView kRolledBackReason("modeldesk.rolled_back_reason");

// Tags other tools write and ModelDesk reads.

/// A run tag: "MODEL/VERSION" (e.g. "car_price_model/5") marks the run as an evaluation of that
/// version; the review shows it and freezes its metrics into the decision's evidence. Written by
/// the user's evaluation pipeline; filters name it as tags.`modeldesk.evaluates`.
inline constexpr QLatin1StringView kEvaluates("modeldesk.evaluates");
/// A registered model tag naming the metric VersionsModel charts and sorts as the key metric.
/// Written by the user.
inline constexpr QLatin1StringView kKeyMetric("modeldesk.key_metric");

// Model folders (sources/modelfolder).

/// A version's validation score, as a decimal number. Given when a file is registered (ModelsPage
/// asks for it) and kept by ModelFolderWriter in `.modeldesk-registry.json`, which also keeps the
/// outgoing version's "Best score" under it; the `better-score` rule compares it with kBestScore.
inline constexpr QLatin1StringView kScore("modeldesk.score");

// Computed by ModelFolderSource from the folder's files on every read; never stored
// (ModelFolderWriter refuses them as tags of a new version).

/// The current version's "Best score" from version.txt, as written there.
inline constexpr QLatin1StringView kBestScore("modeldesk.best_score");
/// The current version's "Date created" from version.txt (YYYY-MM-DD).
inline constexpr QLatin1StringView kDateCreated("modeldesk.date_created");
/// The version's file name in the folder ("model_v5.pkl", or "model.pkl" when no saved version
/// matches it).
inline constexpr QLatin1StringView kFile("modeldesk.file");
/// The SHA-256 of the version's file, lower-case hex.
inline constexpr QLatin1StringView kSha256("modeldesk.sha256");
/// The size of the version's file in bytes, as a decimal number.
inline constexpr QLatin1StringView kSizeBytes("modeldesk.size_bytes");
/// On the current version only: the other files of the folder (not version.txt, not a model
/// file), sorted and comma-separated. ArtifactStore takes its presence as "the current version".
inline constexpr QLatin1StringView kSideFiles("modeldesk.side_files");

} // namespace md::tags
