// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/RestOptions.h"
#include "sources/rest/ServerCredentials.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

RestOptions::Auth RestOptions::auth() const
{
    if (!username.isEmpty() && !password.isEmpty())
        return Auth::Basic;
    if (!token.isEmpty())
        return Auth::Bearer;
    return Auth::None;
}

QByteArray RestOptions::authorizationHeader() const
{
    switch (auth()) {
    case Auth::Basic:
        return "Basic " + (username + u':' + password).toUtf8().toBase64();
    case Auth::Bearer:
        return "Bearer " + token.toUtf8();
    case Auth::None:
        break;
    }
    return {};
}

QStringList RestOptions::secrets() const
{
    QStringList out;
    for (const QString *s : { &token, &password })
        if (!s->isEmpty())
            out.append(*s);
    if (const QByteArray h = authorizationHeader(); !h.isEmpty())
        out.append(QString::fromLatin1(h.mid(h.indexOf(' ') + 1)));
    return out;
}

RestOptions RestOptions::fromEnvironment(const QProcessEnvironment &env)
{
    RestOptions o;
    auto text = [&](const char *name) { return env.value(QString::fromLatin1(name)); };
    // MLflow's boolean variables accept true/false/1/0 in any case.
    auto flag = [&](const char *name, bool fallback) {
        const QString v = text(name).trimmed().toLower();
        if (v == "true"_L1 || v == "1"_L1)
            return true;
        if (v == "false"_L1 || v == "0"_L1)
            return false;
        return fallback;
    };
    auto number = [&](const char *name, double fallback) {
        bool ok = false;
        const double v = text(name).trimmed().toDouble(&ok);
        return ok && std::isfinite(v) && v >= 0 ? v : fallback;
    };

    o.token = text("MLFLOW_TRACKING_TOKEN");
    o.username = text("MLFLOW_TRACKING_USERNAME");
    o.password = text("MLFLOW_TRACKING_PASSWORD");
    o.insecureTls = flag("MLFLOW_TRACKING_INSECURE_TLS", false);
    o.serverCertPath = text("MLFLOW_TRACKING_SERVER_CERT_PATH");
    o.clientCertPath = text("MLFLOW_TRACKING_CLIENT_CERT_PATH");
    if (const double t = number("MLFLOW_HTTP_REQUEST_TIMEOUT", 0); t > 0)
        o.timeoutMs = int(std::min(t, 24.0 * 3600) * 1000);
    o.maxRetries = int(std::min(number("MLFLOW_HTTP_REQUEST_MAX_RETRIES", o.maxRetries), 100.0));
    o.backoffFactor = std::min(number("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", o.backoffFactor), 120.0);
    o.backoffJitter = std::min(number("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", o.backoffJitter), 120.0);
    o.respectRetryAfter = flag("MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER", true);
    return o;
}

RestOptions RestOptions::forUrl(const QUrl &url)
{
    RestOptions options = fromEnvironment();
    if (!url.userName().isEmpty()) {
        options.username = url.userName(QUrl::FullyDecoded);
        options.password = url.password(QUrl::FullyDecoded);
    } else if (auto signedIn = serverCredentials(url.adjusted(QUrl::RemoveUserInfo).toString())) {
        options.token = signedIn->token;
        options.username = signedIn->username;
        options.password = signedIn->password;
    }
    return options;
}

} // namespace md
