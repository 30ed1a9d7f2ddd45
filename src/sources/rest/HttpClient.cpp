// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/HttpClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

Q_LOGGING_CATEGORY(lcHttp, "modeldesk.http", QtWarningMsg)

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

const QString kRedacted = u"<redacted>"_s;

std::atomic<qint64> g_attempts { 0 };
std::atomic<qint64> g_statusRetries { 0 };
std::atomic<qint64> g_transportRetries { 0 };

bool isSecretQueryKey(const QString &key)
{
    static const QStringList names
        = { u"token"_s, u"access_token"_s, u"password"_s, u"api_key"_s, u"apikey"_s, u"secret"_s, u"client_secret"_s };
    return names.contains(key.toLower());
}

bool isTransientStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

/// Errors below 200 are the transport's (connection, TLS, proxy); the others carry an HTTP status.
bool isTransportError(QNetworkReply::NetworkError e)
{
    return e != QNetworkReply::NoError
        && (int(e) < 200 || e == QNetworkReply::ProtocolFailure || e == QNetworkReply::ProtocolUnknownError);
}

bool isConnectError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError;
}

bool isPermanentTransportError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError || e == QNetworkReply::TooManyRedirectsError
        || e == QNetworkReply::InsecureRedirectError || e == QNetworkReply::ProtocolUnknownError
        || e == QNetworkReply::ProxyAuthenticationRequiredError;
}

/// Seconds or an HTTP date, in ms from now; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok)
        return seconds >= 0 && std::isfinite(seconds) ? qint64(seconds * 1000) : -1;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

/// The file an answer says is missing, from the OSError text MLflow's artifact repositories raise
/// ("No such file or directory: '/srv/mlartifacts/1/…/MLmodel'"), which its server sends with
/// HTTP 500 when a proxied or run artifact is not there; empty when the body says nothing of the
/// kind. Only the first 64 KiB are looked at: such answers are short.
QString missingFileOf(const QByteArray &body)
{
    static const QRegularExpression noSuchFile(u"No such file or directory: ['\"]([^'\"]*)['\"]"_s);
    const QRegularExpressionMatch m = noSuchFile.match(QString::fromUtf8(body.left(64 * 1024)));
    return m.hasMatch() ? m.captured(1) : QString();
}

/// An answer that names a missing file or item is final: asking again gives the same answer.
/// MLflow's JSON errors say RESOURCE_DOES_NOT_EXIST; its artifact proxy answers a missing file
/// with HTTP 500 and the OSError (missingFileOf()), so the status alone does not tell.
bool namesMissingResource(const QByteArray &body)
{
    const QByteArray head = body.left(64 * 1024);
    return head.contains("RESOURCE_DOES_NOT_EXIST") || head.contains("FileNotFoundError")
        || !missingFileOf(head).isEmpty();
}

/// MLflow's error body: {"error_code": …, "message": …}; empty when the body is something else.
QString serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    const QString message = o.value(u"message"_s).toString();
    const QString code = o.value(u"error_code"_s).toString();
    if (message.isEmpty())
        return code;
    return code.isEmpty() ? message : message + u" ("_s + code + u')';
}

} // namespace

QString redactUrl(const QUrl &url)
{
    const QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString text = u.toString();
    if (url.hasQuery()) {
        // Rebuilt by hand: QUrlQuery would percent-encode the marker.
        QStringList parts;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
        for (const auto &[key, value] : items)
            parts.append(key + u'=' + (isSecretQueryKey(QUrl::fromPercentEncoding(key.toUtf8())) ? kRedacted : value));
        text += u'?' + parts.join(u'&');
    }
    return text;
}

QString redactSecrets(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets)
        if (!s.isEmpty())
            text.replace(s, kRedacted);
    static const QRegularExpression authHeader(
        u"(Authorization\\s*[:=]\\s*)(?:(?:Basic|Bearer|Token)\\s+)?[^\\s,;\"')]+"_s,
        QRegularExpression::CaseInsensitiveOption);
    text.replace(authHeader, u"\\1"_s + kRedacted);
    static const QRegularExpression userInfo(u"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@"_s);
    text.replace(userInfo, u"\\1"_s);
    return text;
}

class HttpClient::Call {
public:
    HttpRequest request;
    QUrl url;
    QNetworkReply *reply = nullptr;
    QTimer *retryTimer = nullptr;
    int attempts = 0;
    qint64 replyBytes = 0; ///< of the current attempt, for the progress total
    QList<QSslError> sslErrors; ///< why the server's certificate was not trusted (current attempt)
    QElapsedTimer clock;
    bool sent = false; ///< the current attempt's request has been written to the socket
    std::optional<Result<HttpResponse>> result;
};

QUrl serverBaseUrl(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    u.setPath(path);
    return u;
}

HttpClient::HttpClient(QUrl baseUrl, RestOptions options, const std::atomic_bool &cancel)
    : m_base(serverBaseUrl(baseUrl))
    , m_options(std::move(options))
    , m_cancel(cancel)
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_context(std::make_unique<QObject>())
{
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    if (m_base.scheme() == "https"_L1) {
        m_ssl = QSslConfiguration::defaultConfiguration();
        if (m_options.insecureTls && !m_options.serverCertPath.isEmpty()) {
            // MLflow's client (MlflowHostCreds) refuses the two together; so do we, rather than
            // guess which one the user meant.
            m_sslProblem = Tr::tr("MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_SERVER_CERT_PATH are both set; "
                                  "set only one of them, as MLflow requires");
        } else if (m_options.insecureTls) {
            m_ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        } else if (!m_options.serverCertPath.isEmpty()) {
            const QFileInfo info(m_options.serverCertPath);
            // requests (MLflow's HTTP library) also takes a folder of CA certificates.
            const auto cas = info.isDir() ? QSslCertificate::fromPath(QDir(m_options.serverCertPath).filePath(u"*"_s),
                                                QSsl::Pem, QSslCertificate::PatternSyntax::Wildcard)
                                          : QSslCertificate::fromPath(m_options.serverCertPath, QSsl::Pem);
            if (!info.exists())
                m_sslProblem = Tr::tr("%1 names a file that does not exist: %2")
                                   .arg(u"MLFLOW_TRACKING_SERVER_CERT_PATH"_s, m_options.serverCertPath);
            else if (cas.isEmpty())
                m_sslProblem = Tr::tr("no CA certificate could be read from MLFLOW_TRACKING_SERVER_CERT_PATH (%1)")
                                   .arg(m_options.serverCertPath);
            m_ssl->setCaCertificates(cas);
        }
        if (!m_options.clientCertPath.isEmpty() && !QFileInfo::exists(m_options.clientCertPath)) {
            m_sslProblem = Tr::tr("%1 names a file that does not exist: %2")
                               .arg(u"MLFLOW_TRACKING_CLIENT_CERT_PATH"_s, m_options.clientCertPath);
        } else if (!m_options.clientCertPath.isEmpty()) {
            QFile f(m_options.clientCertPath);
            const QByteArray pem = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            const auto certs = QSslCertificate::fromData(pem, QSsl::Pem);
            QSslKey key;
            for (QSsl::KeyAlgorithm alg : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
                key = QSslKey(pem, alg, QSsl::Pem);
                if (!key.isNull())
                    break;
            }
            if (certs.isEmpty() || key.isNull()) {
                m_sslProblem = Tr::tr("MLFLOW_TRACKING_CLIENT_CERT_PATH (%1) must be one PEM file with the client "
                                      "certificate and its unencrypted key")
                                   .arg(m_options.clientCertPath);
            } else {
                m_ssl->setLocalCertificate(certs.first());
                m_ssl->setPrivateKey(key);
            }
        }
    }
}

HttpClient::~HttpClient()
{
    m_context.reset();
    for (const CallPtr &c : std::as_const(m_active))
        if (c->reply)
            c->reply->abort();
    m_nam.reset();
}

QString HttpClient::baseText() const
{
    return m_base.toString();
}

QUrl HttpClient::resolve(const HttpRequest &request) const
{
    QUrl url = m_base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

bool HttpClient::isFinished(const CallPtr &call)
{
    return call->result.has_value();
}

bool HttpClient::isSent(const CallPtr &call)
{
    return call->sent || call->retryTimer || call->result.has_value();
}

HttpClient::CallPtr HttpClient::start(HttpRequest request)
{
    auto call = std::make_shared<Call>();
    call->url = resolve(request);
    call->request = std::move(request);
    m_active.append(call);
    if (!m_sslProblem.isEmpty()) {
        finish(call, makeError(ErrorCategory::BadInput, m_sslProblem, redactUrl(call->url)));
        return call;
    }
    if (const auto ahead = m_readAhead.find(requestKey(call->request)); ahead != m_readAhead.end()) {
        HttpResponse answer = std::move(*ahead);
        m_readAhead.erase(ahead);
        call->sent = true;
        call->attempts = answer.attempts;
        qCDebug(lcHttp).noquote() << call->request.method << answer.url << answer.status << "read ahead";
        finish(call, std::move(answer));
        return call;
    }
    send(call);
    return call;
}

void HttpClient::addReadAhead(const HttpRequest &request, HttpResponse response)
{
    m_readAhead.insert(requestKey(request), std::move(response));
}

QByteArray HttpClient::requestKey(const HttpRequest &request)
{
    return request.method + ' ' + request.path.toUtf8() + '?' + request.query.toString(QUrl::FullyEncoded).toUtf8()
        + '\n' + request.jsonBody;
}

HttpClient::Counters HttpClient::counters()
{
    Counters c;
    c.attempts = g_attempts.load();
    c.statusRetries = g_statusRetries.load();
    c.transportRetries = g_transportRetries.load();
    c.retries = c.statusRetries + c.transportRetries;
    return c;
}

void HttpClient::resetCounters()
{
    g_attempts = 0;
    g_statusRetries = 0;
    g_transportRetries = 0;
}

void HttpClient::send(const CallPtr &call)
{
    ++call->attempts;
    ++g_attempts;
    call->replyBytes = 0;
    call->sent = false;
    call->sslErrors.clear();
    call->clock.start();
    QNetworkRequest req(call->url);
    req.setTransferTimeout(m_options.timeoutMs);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "ModelDesk/" MODELDESK_VERSION);
    if (const QByteArray auth = m_options.authorizationHeader(); !auth.isEmpty())
        req.setRawHeader("Authorization", auth);
    if (m_ssl)
        req.setSslConfiguration(*m_ssl);
    const HttpRequest &r = call->request;
    QNetworkReply *reply;
    if (r.method == "GET" && r.jsonBody.isEmpty()) {
        reply = m_nam->get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QByteArray body = r.jsonBody.isEmpty() ? QByteArray("{}") : r.jsonBody;
        reply = r.method == "POST" ? m_nam->post(req, body) : m_nam->sendCustomRequest(req, r.method, body);
    }
    call->reply = reply;
    QObject::connect(reply, &QNetworkReply::downloadProgress, m_context.get(), [this, call](qint64 received, qint64) {
        if (received > call->replyBytes) {
            m_bytes += received - call->replyBytes;
            call->replyBytes = received;
            if (m_onBytes)
                m_onBytes(m_bytes);
        }
    });
    QObject::connect(reply, &QNetworkReply::requestSent, m_context.get(), [this, call] {
        call->sent = true;
        wake();
    });
    QObject::connect(reply, &QNetworkReply::finished, m_context.get(), [this, call] { finished(call); });
    QObject::connect(reply, &QNetworkReply::sslErrors, m_context.get(),
        [call](const QList<QSslError> &errors) { call->sslErrors = errors; });
}

int HttpClient::backoffMs(int retry)
{
    const double base = std::max(0, m_options.backoffBaseMs);
    std::uniform_real_distribution<double> jitter(0.0, std::max(0.0, m_options.backoffJitter) * base);
    const double ms = m_options.backoffFactor * std::pow(2.0, retry - 1) * base + jitter(m_random);
    return int(std::clamp(ms, 0.0, double(std::max(0, m_options.maxBackoffMs))));
}

void HttpClient::finished(const CallPtr &call)
{
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    reply->deleteLater();
    const auto error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const qint64 ms = call->clock.elapsed();
    const HttpRequest &r = call->request;
    const int retriesLeft = std::max(0, m_options.maxRetries) - (call->attempts - 1);

    // A body shorter than its Content-Length means the connection dropped mid-body, even when the
    // transport did not say so (identity encoding only: Qt inflates gzip bodies).
    bool shortBody = false;
    if (!isTransportError(error) && status > 0 && reply->rawHeader("Content-Encoding").isEmpty()) {
        bool ok = false;
        const qint64 declared = reply->rawHeader("Content-Length").toLongLong(&ok);
        shortBody = ok && declared > body.size();
    }

    if (lcHttp().isDebugEnabled()) {
        // Concatenated, not QString::arg(): the URL holds %-escapes that arg() would substitute.
        QString line = QString::fromLatin1(r.method) + u' ' + redactUrl(call->url) + u" -> "_s + QString::number(status)
            + u", "_s + QString::number(body.size()) + u" bytes, "_s + QString::number(ms) + u" ms, attempt "_s
            + QString::number(call->attempts);
        if (m_options.auth() != RestOptions::Auth::None)
            line += u", Authorization: "_s + kRedacted;
        if (error != QNetworkReply::NoError)
            line += u", "_s + reply->errorString();
        qCDebug(lcHttp).noquote() << redactSecrets(line, m_options.secrets());
    }

    // A fatal TLS alert from the server (no or an unknown client certificate …) does not go away
    // by trying again. With TLS 1.3 it arrives after our side of the handshake, as a read error.
    static const QRegularExpression tlsAlert(u"\\balert\\b"_s, QRegularExpression::CaseInsensitiveOption);
    const bool tlsRefused
        = m_base.scheme() == "https"_L1 && isTransportError(error) && reply->errorString().contains(tlsAlert);

    if (isTransportError(error) || shortBody) {
        const bool retryable = r.read && retriesLeft > 0 && !isPermanentTransportError(error) && !tlsRefused
            && !(isConnectError(error) && !r.retryConnect);
        if (retryable) {
            ++g_transportRetries;
            retryLater(call, backoffMs(call->attempts));
            return;
        }
        QString message;
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            message = Tr::tr("cannot connect to the server at %1: the connection was refused").arg(baseText());
            break;
        case QNetworkReply::HostNotFoundError:
            message = Tr::tr("cannot connect to the server at %1: the host name is unknown").arg(baseText());
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
            message = Tr::tr("the server at %1 did not answer within %2 s")
                          .arg(baseText(), QString::number(m_options.timeoutMs / 1000.0));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            if (!call->sslErrors.isEmpty() || tlsRefused)
                break;
            message = Tr::tr("the secure connection to %1 failed: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH names a CA "
                             "bundle; MLFLOW_TRACKING_INSECURE_TLS=true skips the check)")
                          .arg(baseText(), reply->errorString());
            break;
        default:
            message = shortBody ? Tr::tr("the connection to %1 dropped in the middle of an answer (%2 of %3 bytes)")
                                      .arg(baseText(), QString::number(body.size()),
                                          QString::fromLatin1(reply->rawHeader("Content-Length")))
                                : Tr::tr("the connection to %1 failed: %2").arg(baseText(), reply->errorString());
        }
        if (!call->sslErrors.isEmpty()) {
            QStringList reasons;
            for (const QSslError &e : std::as_const(call->sslErrors))
                if (!reasons.contains(e.errorString()))
                    reasons.append(e.errorString());
            message = Tr::tr("the certificate of the server at %1 is not trusted: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH "
                             "names the CA bundle that signed it; MLFLOW_TRACKING_INSECURE_TLS=true skips the check)")
                          .arg(baseText(), reasons.join(u"; "_s));
        } else if (tlsRefused) {
            message = m_options.clientCertPath.isEmpty()
                ? Tr::tr("the server at %1 refused the secure connection (%2); if it requires a client certificate, "
                         "set MLFLOW_TRACKING_CLIENT_CERT_PATH to one PEM file with the certificate and its key")
                      .arg(baseText(), reply->errorString())
                : Tr::tr("the server at %1 refused the secure connection (%2); check that it accepts the client "
                         "certificate in MLFLOW_TRACKING_CLIENT_CERT_PATH (%3)")
                      .arg(baseText(), reply->errorString(), m_options.clientCertPath);
        }
        if (call->attempts > 1)
            message += Tr::tr(" (after %1 attempts)").arg(call->attempts);
        finish(
            call, makeError(ErrorCategory::Network, redactSecrets(message, m_options.secrets()), redactUrl(call->url)));
        return;
    }

    if (r.read && retriesLeft > 0 && isTransientStatus(status) && !namesMissingResource(body)) {
        ++g_statusRetries;
        qint64 delay = -1;
        if (m_options.respectRetryAfter && (status == 429 || status == 503 || status == 413))
            delay = retryAfterMs(reply->rawHeader("Retry-After"));
        retryLater(call,
            delay >= 0 ? int(std::min<qint64>(delay, std::max(0, m_options.maxBackoffMs))) : backoffMs(call->attempts));
        return;
    }

    HttpResponse resp;
    resp.status = status;
    resp.body = body;
    resp.contentType = reply->rawHeader("Content-Type");
    resp.url = redactUrl(call->url);
    resp.endpoint = call->url.path();
    resp.attempts = call->attempts;
    finish(call, std::move(resp));
}

void HttpClient::retryLater(const CallPtr &call, int delayMs)
{
    auto *timer = new QTimer(m_context.get());
    timer->setSingleShot(true);
    // A coarse timer may fire 5 % early; Retry-After is a minimum.
    timer->setTimerType(Qt::PreciseTimer);
    call->retryTimer = timer;
    QObject::connect(timer, &QTimer::timeout, m_context.get(), [this, call, timer] {
        call->retryTimer = nullptr;
        timer->deleteLater();
        send(call);
    });
    timer->start(delayMs);
}

void HttpClient::finish(const CallPtr &call, Result<HttpResponse> result)
{
    call->result = std::move(result);
    m_active.removeOne(call);
    wake();
}

void HttpClient::wake()
{
    if (m_loop)
        m_loop->quit();
}

void HttpClient::abortAll()
{
    const QList<CallPtr> active = m_active;
    for (const CallPtr &c : active) {
        if (c->retryTimer) {
            c->retryTimer->stop();
            c->retryTimer->deleteLater();
            c->retryTimer = nullptr;
        }
        if (c->reply) {
            QNetworkReply *reply = c->reply;
            c->reply = nullptr;
            QObject::disconnect(reply, nullptr, m_context.get(), nullptr);
            reply->abort();
            reply->deleteLater();
        }
        c->result = Result<HttpResponse>(makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), redactUrl(c->url)));
    }
    m_active.clear();
}

Status HttpClient::waitUntil(const std::function<bool()> &done, int pollMs)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(std::clamp(pollMs, 1, 50));
    QObject::connect(&poll, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    while (!done()) {
        if (m_cancel.load()) {
            abortAll();
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), baseText());
        }
        m_loop = &loop;
        loop.exec();
        m_loop = nullptr;
    }
    return {};
}

Result<HttpResponse> HttpClient::wait(const CallPtr &call)
{
    if (Status s = waitUntil([&] { return call->result.has_value(); }); !s)
        return s.error();
    return *call->result;
}

Error HttpClient::statusError(const HttpResponse &r) const
{
    const QString server = serverMessage(r.body);
    const QStringList secrets = m_options.secrets();
    auto make
        = [&](ErrorCategory c, const QString &message) { return makeError(c, redactSecrets(message, secrets), r.url); };
    switch (r.status) {
    case 401:
        if (m_options.auth() == RestOptions::Auth::None)
            return make(ErrorCategory::Auth,
                Tr::tr("the server at %1 needs you to sign in: set MLFLOW_TRACKING_TOKEN or "
                       "MLFLOW_TRACKING_USERNAME/PASSWORD")
                    .arg(baseText()));
        return make(ErrorCategory::Auth,
            Tr::tr("the server at %1 did not accept your credentials: sign in with a valid "
                   "MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD")
                .arg(baseText()));
    case 403:
        return make(ErrorCategory::Permission,
            Tr::tr("no permission for %1 on the server at %2").arg(r.endpoint, baseText()));
    case 404:
        if (server.isEmpty())
            return make(ErrorCategory::BadInput,
                Tr::tr("not an MLflow tracking server: %1 answered 404 for %2").arg(baseText(), r.endpoint));
        return make(ErrorCategory::NotFound, Tr::tr("the server has no such item: %1").arg(server));
    default:
        break;
    }
    // A server error that names a missing file is an answer, not a failure (see namesMissingResource()).
    if (const QString file = missingFileOf(r.body); !file.isEmpty())
        return make(ErrorCategory::NotFound, Tr::tr("the server has no such file: %1").arg(file));
    if (r.status >= 500 && namesMissingResource(r.body))
        return make(ErrorCategory::NotFound,
            Tr::tr("the server has no such item: %1").arg(server.isEmpty() ? Tr::tr("HTTP %1").arg(r.status) : server));
    const QString detail = server.isEmpty() ? QString() : u": "_s + server;
    if (r.status >= 400 && r.status < 500 && !isTransientStatus(r.status))
        return make(
            ErrorCategory::BadInput, Tr::tr("the server rejected the request (HTTP %1)%2").arg(r.status).arg(detail));
    QString message = Tr::tr("the server answered HTTP %1%2").arg(r.status).arg(detail);
    if (r.attempts > 1)
        message += Tr::tr(" (after %1 attempts)").arg(r.attempts);
    return make(ErrorCategory::Network, message);
}

} // namespace md
