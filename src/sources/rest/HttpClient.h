// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "sources/rest/RestOptions.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <functional>
#include <optional>
#include <memory>
#include <random>

class QEventLoop;
class QNetworkAccessManager;

namespace md {

/// "modeldesk.http": one debug line per HTTP exchange (method, URL, status, bytes, ms, attempt).
/// Off by default; enable with QT_LOGGING_RULES="modeldesk.http.debug=true". Credentials never
/// appear in it: the Authorization header is logged as "<redacted>" and every line goes through
/// redactSecrets().
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

/// `url` as text without its user name and password, and with the values of query items that
/// carry secrets (token, access_token, password, api_key, secret) replaced by "<redacted>".
QString redactUrl(const QUrl &url);
/// `text` with every occurrence of each of `secrets` replaced by "<redacted>", the value of any
/// "Authorization: …" header replaced by "<redacted>", and "user:password@" removed from URLs.
QString redactSecrets(QString text, const QStringList &secrets);

/// `url` without user info, query, fragment and trailing slashes: "http://host:5000/" gives
/// "http://host:5000", "https://host/mlflow/" gives "https://host/mlflow".
QUrl serverBaseUrl(const QUrl &url);

/// One HTTP request to an MLflow server.
struct HttpRequest {
    QByteArray method = "GET"; ///< GET or POST (and, for writes, PATCH or DELETE)
    QString path; ///< below the base URL, e.g. "api/2.0/mlflow/runs/search"
    QUrlQuery query;
    QByteArray jsonBody; ///< sent as application/json when not empty (and always for POST)
    /// Reads are retried after transient failures (HTTP 408, 429, 500, 502, 503, 504, dropped or
    /// refused connections, timeouts). MLflow's searches are POSTs but reads. Writes never are.
    /// An answer that names a missing file or item is final whatever its status (MLflow's
    /// RESOURCE_DOES_NOT_EXIST, or the "No such file or directory: '…'" its artifact proxy sends
    /// with HTTP 500): asking again would give the same answer.
    bool read = true;
    /// When false, a connection that cannot be made at all (refused, unknown host) fails at once
    /// instead of being retried: used by MlflowRestSource::open(), where a wrong URL is far more
    /// likely than a server that is just restarting.
    bool retryConnect = true;
};

/// The answer to an HttpRequest, whatever its HTTP status.
struct HttpResponse {
    int status = 0;
    QByteArray body;
    QByteArray contentType; ///< the Content-Type header as sent
    QString url; ///< redacted (redactUrl)
    QString endpoint; ///< the URL's path, e.g. "/api/2.0/mlflow/runs/search"
    int attempts = 1; ///< 1 + retries made
    bool ok() const { return status >= 200 && status < 300; }
};

/// A small HTTP client for one reading job on one thread, built on QNetworkAccessManager.
///
/// Threading: create it on the thread that uses it — MlflowRestSource creates one inside each
/// readAll/readChanges/readHistories call, on the worker thread that makes the call. wait() and
/// waitUntil() run a local QEventLoop in that thread until the awaited replies are in; they
/// never touch the GUI thread. The QNetworkAccessManager transfers data on its own thread, so
/// requests started with start() keep downloading while the caller parses between waits. Not
/// thread-safe.
///
/// Retries: see HttpRequest::read. Retry n waits
/// backoffFactor × 2^(n−1) × backoffBaseMs + uniform(0, backoffJitter × backoffBaseMs), or the
/// `Retry-After` of a 429/503/413 answer, never more than maxBackoffMs (RestOptions).
/// Cancellation: `cancel` is checked at least every 50 ms while waiting; when it is set, every
/// request in flight is aborted and the wait returns ErrorCategory::Cancelled.
class HttpClient {
public:
    class Call;
    using CallPtr = std::shared_ptr<Call>;

    /// `baseUrl` is the server's URL (user info in it is ignored; credentials come from
    /// `options`). `cancel` must outlive the client.
    HttpClient(QUrl baseUrl, RestOptions options, const std::atomic_bool &cancel);
    /// Aborts whatever is still in flight.
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    /// Called (on this thread) with the total number of body bytes received so far.
    void setBytesCallback(std::function<void(qint64)> fn) { m_onBytes = std::move(fn); }
    qint64 bytesReceived() const { return m_bytes; }

    /// Starts a request (retries included) and returns at once.
    CallPtr start(HttpRequest request);
    /// Waits for `call`: its response, whatever the HTTP status (retries exhausted or not
    /// retryable), or Network (no HTTP answer: refused, dropped, timed out, TLS) / Cancelled.
    Result<HttpResponse> wait(const CallPtr &call);
    /// start() and wait().
    Result<HttpResponse> send(HttpRequest request) { return wait(start(std::move(request))); }
    /// True when `call` is done and wait() will return without waiting.
    static bool isFinished(const CallPtr &call);
    /// True when `call`'s request has been written to the socket (or it is done, or waits to be
    /// retried): the server has what it needs to work on the answer.
    static bool isSent(const CallPtr &call);
    /// Runs the event loop until `done()` is true: {} or Cancelled. `done()` is asked again after
    /// every reply event and at least every `pollMs`.
    Status waitUntil(const std::function<bool()> &done, int pollMs = 50);
    /// Aborts every request in flight (their wait() gives Cancelled).
    void abortAll();
    /// An answer that another client read ahead for a request this one is about to send: the
    /// next start() of an equal request (method, path, query and body) takes it, once, instead of
    /// asking the server. For reads only: an answer asked for a moment earlier is as good as one
    /// asked now. Its bytes are not counted here (the client that fetched it counted them).
    void addReadAhead(const HttpRequest &request, HttpResponse response);

    /// The error for an answer that is not 2xx: 401 → Auth "… sign in …"; 403 → Auth
    /// "no permission for <endpoint>"; 404 with a non-JSON body → BadInput "not an MLflow
    /// tracking server"; 404 with MLflow's JSON → NotFound with the server's message; other 4xx →
    /// BadInput with the server's message; an answer naming a missing file (MLflow's "No such file
    /// or directory: '<path>'") → NotFound "the server has no such file: <path>"; a 5xx saying
    /// RESOURCE_DOES_NOT_EXIST → NotFound; other 408, 429, 5xx → Network. `where` is the URL.
    Error statusError(const HttpResponse &response) const;
    /// The full, redacted URL of a request.
    QString urlOf(const HttpRequest &request) const { return redactUrl(resolve(request)); }
    /// The base URL without credentials, e.g. "http://127.0.0.1:5000".
    QString baseText() const;
    const RestOptions &options() const { return m_options; }

    /// Tallies over every HttpClient of the process since the last resetCounters(), for soak
    /// tests and reports. Thread-safe.
    struct Counters {
        qint64 attempts = 0; ///< requests sent, retries included
        qint64 retries = 0; ///< attempts that were retries (statusRetries + transportRetries)
        qint64 statusRetries = 0; ///< after a transient HTTP status (408, 429, 5xx)
        qint64 transportRetries = 0; ///< after a dropped, refused or timed-out connection or a short body
    };
    static Counters counters();
    static void resetCounters();

private:
    QUrl resolve(const HttpRequest &request) const;
    static QByteArray requestKey(const HttpRequest &request);
    void send(const CallPtr &call);
    void finished(const CallPtr &call);
    void finish(const CallPtr &call, Result<HttpResponse> result);
    void retryLater(const CallPtr &call, int delayMs);
    int backoffMs(int retry);
    void wake();

    QUrl m_base;
    RestOptions m_options;
    const std::atomic_bool &m_cancel;
    /// https only: a default QSslConfiguration loads the TLS backend (10 ms and more, once).
    std::optional<QSslConfiguration> m_ssl;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    // Declared after m_nam: destroyed first, which disconnects every reply and timer handler.
    std::unique_ptr<QObject> m_context;
    QList<CallPtr> m_active;
    QEventLoop *m_loop = nullptr;
    qint64 m_bytes = 0;
    std::function<void(qint64)> m_onBytes;
    std::mt19937 m_random { std::random_device {}() };
    QString m_sslProblem; ///< a client certificate or CA bundle that could not be loaded
    QHash<QByteArray, HttpResponse> m_readAhead; ///< by requestKey()
};

} // namespace md
