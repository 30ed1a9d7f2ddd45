// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QUrl>
#include <QString>
#include <QStringList>

namespace md {

/// How ModelDesk talks to an MLflow tracking server: credentials, TLS, timeouts and retries.
/// The names and meanings follow MLflow's own client (mlflow/environment_variables.py and
/// mlflow/utils/rest_utils.py), so that a shell set up for the `mlflow` CLI works unchanged.
struct RestOptions {
    /// Bearer token (MLFLOW_TRACKING_TOKEN).
    QString token;
    /// Basic credentials (MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD, or user:password
    /// in the server URL).
    QString username;
    QString password;

    /// TLS (https:// URLs only; http:// ignores all three): insecureTls together with a
    /// serverCertPath is refused with BadInput naming both variables, as MLflow's own client
    /// refuses it (MlflowHostCreds). The client certificate is
    /// presented whether or not the server is verified. A serverCertPath or clientCertPath that
    /// cannot be used makes every request fail with BadInput naming the file and the variable.
    ///
    /// MLFLOW_TRACKING_INSECURE_TLS (true/1): do not verify the server's certificate or host name.
    bool insecureTls = false;
    /// MLFLOW_TRACKING_SERVER_CERT_PATH: a CA bundle (PEM file, or a folder of PEM files) that
    /// replaces the system's CAs, as `requests`' `verify=<path>` does for MLflow.
    QString serverCertPath;
    /// MLFLOW_TRACKING_CLIENT_CERT_PATH: one PEM file holding the client certificate and its
    /// unencrypted key, in either order (MLflow passes it to `requests` as `cert=<path>`).
    QString clientCertPath;

    /// Connect and read timeout: a request fails when nothing arrives for this long.
    /// MLFLOW_HTTP_REQUEST_TIMEOUT (seconds) overrides it. MLflow's default is 120 s; ours is 30 s,
    /// since a person waits for a desktop app.
    int timeoutMs = 30'000;
    /// MLFLOW_HTTP_REQUEST_MAX_RETRIES: how often a read is retried after a transient failure.
    int maxRetries = 5;
    /// MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR: retry n (1, 2, …) waits
    /// backoffFactor × 2^(n−1) × backoffBaseMs, plus a random jitter.
    double backoffFactor = 2.0;
    /// MLFLOW_HTTP_REQUEST_BACKOFF_JITTER: up to this many × backoffBaseMs of random extra wait.
    double backoffJitter = 1.0;
    /// The unit of the backoff formula: one second, as in MLflow. Tests make it small.
    int backoffBaseMs = 1000;
    /// No single wait between retries is longer than this, not even one a server asks for with
    /// `Retry-After`.
    int maxBackoffMs = 60'000;
    /// MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER: wait as long as a 429/503 answer's `Retry-After`
    /// asks (capped by maxBackoffMs) instead of the backoff.
    bool respectRetryAfter = true;

    /// Which authorization header requests carry. MLflow's rule (rest_utils.http_request): when
    /// both a user name and a password are set, Basic wins; otherwise a token gives Bearer;
    /// otherwise no header. (MLflow's docstring says the token wins, its code does the opposite;
    /// we follow the code.)
    enum class Auth { None, Basic, Bearer };
    Auth auth() const;
    /// The value of the Authorization header ("Basic …", "Bearer …"), empty for Auth::None.
    /// Never log it.
    QByteArray authorizationHeader() const;
    /// The secrets (token, password) that must not appear in logs or messages.
    QStringList secrets() const;

    /// The options set by the MLFLOW_* environment variables of `env` (the process's own by
    /// default). Values that do not parse keep the defaults above.
    static RestOptions fromEnvironment(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// The options for one server URL: the environment's, then credentials in the URL itself
    /// ("user:password@host", the user's explicit choice), else those signed in with in the GUI
    /// (ServerCredentials) replace the environment's.
    static RestOptions forUrl(const QUrl &url);
};

} // namespace md
