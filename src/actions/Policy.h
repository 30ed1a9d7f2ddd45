// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace md {

/// How a model marks its production and candidate versions.
enum class RegistryScheme {
    Auto,     ///< follow what the model already uses (see resolveScheme())
    Stages,   ///< MLflow stages: Staging, Production, Archived
    Aliases,  ///< aliases: the production alias ("champion") and the candidate alias ("challenger")
    Both,     ///< keep both in step (a model that already uses both, like the demo's)
};
QString schemeName(RegistryScheme s);

/// A command or URL the user configured locally to make a serving system load the model after a
/// rollback or promotion. Never taken from server data: tags must not be able to run commands.
struct ReloadHook {
    QStringList command;  ///< program and arguments, run without a shell; empty = none
    QString url;          ///< POSTed to (an empty JSON object); empty = none
    int timeoutMs = 30000;
    bool isSet() const { return !command.isEmpty() || !url.isEmpty(); }
};

/// The rules for one model. Every rule has a name that a refusal quotes.
struct ModelPolicy {
    bool fourEyes = true;                    ///< rule "four-eyes": the approver differs from the requester
    bool productionRequiresApproval = true;  ///< rule "approval-required"
    bool rollbackRequiresReason = true;      ///< rule "reason-required"
    bool folderRequiresBetterScore = true;   ///< rule "better-score": a model folder's version-up
    /// rule "known-requester": Approve only a version whose review request names who asked (the
    /// `modeldesk.review.requested_by` tag), not one another tool moved to Staging or the candidate alias
    bool requireKnownRequester = false;
    QStringList onCall;                      ///< rule "on-call": who may roll back; empty = anyone
    RegistryScheme scheme = RegistryScheme::Auto;
    QString productionAlias = QStringLiteral("champion");
    QString candidateAlias = QStringLiteral("challenger");
    ReloadHook reloadHook;
    QString where;  ///< where these rules come from ("policies.json: models.car_price_model"), for refusals
};

/// The local policy file (JSON), by default `$XDG_CONFIG_HOME/modeldesk/policies.json`:
///
///     { "defaults": { "four_eyes": true, "production_requires_approval": true,
///                     "rollback_requires_reason": true, "folder_requires_better_score": true,
///                     "on_call": [], "scheme": "auto", "production_alias": "champion",
///                     "candidate_alias": "challenger", "require_known_requester": false },
///       "models": { "car_price_model": { "scheme": "stages", "on_call": ["dana"],
///                   "reload_hook": { "command": ["systemctl", "reload", "car-price"],
///                                    "timeout_seconds": 30 } } } }
///
/// A model's entry overrides the defaults key by key. An unknown key or a value of the wrong type
/// is an error naming the file and the key (a typo must not silently switch a rule off). A missing
/// file means the built-in defaults above (all rules on, except `require_known_requester`: a
/// version another tool moved to review can be approved unless the file asks otherwise).
class Policies {
public:
    static QString defaultPath();
    /// `path` empty: the default path; the MODELDESK_POLICIES environment variable overrides it.
    static Result<Policies> load(const QString &path = {});
    static Result<Policies> parse(const QByteArray &json, const QString &path);

    ModelPolicy forModel(const QString &model) const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
    ModelPolicy m_defaults;
    QHash<QString, ModelPolicy> m_models;
};

/// Who is acting: the signed-in MLflow user where there is one (the GUI's sign-in or
/// MLFLOW_TRACKING_USERNAME for a tracking server), else the OS user ($USER, $LOGNAME, then the
/// password database). Recorded with every journal entry and decision.
struct Identity {
    QString user;
    QString origin;  ///< "mlflow" or "os"
};
Identity currentIdentity(const QString &sourceUri);

} // namespace md
