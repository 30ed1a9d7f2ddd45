// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace md {

/// Credentials a person entered for one tracking server (the GUI's sign-in). Kept in memory only,
/// for this process; the GUI persists them in the system keychain, never in settings or files.
struct ServerCredentials {
    QString token;     ///< Bearer token; used when no user name is given
    QString username;  ///< Basic authentication with `password`
    QString password;
    bool isEmpty() const { return token.isEmpty() && (username.isEmpty() || password.isEmpty()); }
};

/// The process-wide registry that createSource() consults before the MLFLOW_TRACKING_* variables.
/// `serverUri` is a source URI as Source::uri() gives it (scheme, host, port, path; no
/// credentials). Thread-safe.
void setServerCredentials(const QString &serverUri, const ServerCredentials &credentials);
void clearServerCredentials(const QString &serverUri);
std::optional<ServerCredentials> serverCredentials(const QString &serverUri);

} // namespace md
