// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServer.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTimer>
#include <QtDebug>

using namespace Qt::StringLiterals;

namespace md::test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(const QString &dbPath, const QString &artifactsDir)
{
    return begin(dbPath, artifactsDir, std::nullopt);
}

bool TestServer::startAs(MlflowMajor major, const QString &dbPath, const QString &artifactsDir)
{
    setMlflowMajor(major);
    return start(dbPath, artifactsDir);
}

bool TestServer::startTls(const TlsFiles &tls, const QString &dbPath, const QString &artifactsDir)
{
    return begin(dbPath, artifactsDir, tls);
}

bool TestServer::begin(const QString &dbPath, const QString &artifactsDir, const std::optional<TlsFiles> &tls)
{
    stop();
    m_tls = tls;
    const QString fixture = m_major == MlflowMajor::V3 ? u"mlflow3/"_s : QString();
    const QString source = dbPath.isEmpty() ? dataPath(fixture + u"mlflow.db"_s) : dbPath;
    const QString artifacts = artifactsDir.isEmpty() ? dataPath(fixture + u"server-artifacts"_s) : artifactsDir;
    const QString script = QStringLiteral(MD_TEST_SERVER_SCRIPT);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty()) {
        qWarning("TestServer: python3 not found in PATH");
        return false;
    }
    if (!QFileInfo::exists(script)) {
        qWarning("TestServer: server script %s not found", qPrintable(script));
        return false;
    }

    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        qWarning("TestServer: cannot create a temporary folder");
        m_dir.reset();
        return false;
    }
    m_dbPath = m_dir->filePath(u"mlflow.db"_s);
    if (!QFile::copy(source, m_dbPath)) {
        qWarning("TestServer: cannot copy %s to %s", qPrintable(source), qPrintable(m_dbPath));
        stop();
        return false;
    }
    QFile::setPermissions(m_dbPath, QFile::permissions(m_dbPath) | QFile::WriteOwner | QFile::ReadOwner);

    m_artifacts = artifacts;
    m_python = python;
    return launch(0);
}


bool TestServer::launch(int port)
{
    const QString script = QStringLiteral(MD_TEST_SERVER_SCRIPT);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProgram(m_python);
    QStringList args = {script, u"--db"_s, m_dbPath, u"--artifacts"_s, m_artifacts, u"--host"_s,
                        u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--exit-on-stdin-eof"_s};
    if (m_tls) {
        args << u"--tls-cert"_s << m_tls->certFile << u"--tls-key"_s << m_tls->keyFile;
        if (!m_tls->clientCaFile.isEmpty())
            args << u"--tls-client-ca"_s << m_tls->clientCaFile;
    }
    if (m_major != MlflowMajor::Detect)
        args << u"--mlflow-major"_s << (m_major == MlflowMajor::V3 ? u"3"_s : u"2"_s);
    args << m_extraArguments;
    m_process->setArguments(args);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        qWarning("TestServer: cannot start %s: %s", qPrintable(m_python), qPrintable(m_process->errorString()));
        stop();
        return false;
    }

    // The script prints exactly one line once it listens.
    QByteArray out;
    const QDeadlineTimer deadline(10000);
    while (!out.contains('\n') && !deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
        out += m_process->readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    if (!line.startsWith("LISTENING ")) {
        qWarning("TestServer: server did not start: %s %s", out.constData(),
                 m_process->readAllStandardError().constData());
        stop();
        return false;
    }
    m_url = QUrl(QString::fromLatin1(line.mid(10)));
    return true;
}

bool TestServer::pause()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    m_pausedPort = m_url.port();
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    return true;
}

bool TestServer::resume()
{
    if (m_process || m_pausedPort <= 0 || m_dbPath.isEmpty())
        return false;
    const int port = m_pausedPort;
    m_pausedPort = 0;
    return launch(port);
}

QUrl TestServer::url() const
{
    return m_url;
}

QString TestServer::dbPath() const
{
    return m_dbPath;
}

TestServer::Reply TestServer::request(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &jsonBody)
{
    Reply result;
    if (!m_url.isValid())
        return result;
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(m_url.toString(QUrl::FullyEncoded) + pathAndQuery, QUrl::StrictMode));
    if (!jsonBody.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(30000);
    if (m_tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (m_tls->trustCaFile.isEmpty())
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        else
            ssl.setCaCertificates(QSslCertificate::fromPath(m_tls->trustCaFile));
        if (!m_tls->clientCertFile.isEmpty()) {
            QFile f(m_tls->clientCertFile);
            const QByteArray pem = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            const auto certs = QSslCertificate::fromData(pem);
            if (!certs.isEmpty())
                ssl.setLocalCertificate(certs.first());
            ssl.setPrivateKey(QSslKey(pem, QSsl::Rsa));
        }
        req.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = nam.sendCustomRequest(req, method, jsonBody);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return result;
}

bool TestServer::setFaults(const QJsonObject &faults)
{
    return request("POST", u"/__test__/faults"_s, QJsonDocument(faults).toJson(QJsonDocument::Compact)).status == 200;
}

bool TestServer::resetFaults()
{
    return request("POST", u"/__test__/reset"_s, QByteArrayLiteral("{}")).status == 200;
}

QJsonObject TestServer::stats()
{
    const Reply r = request("GET", u"/__test__/stats"_s);
    if (r.status != 200)
        return {};
    return QJsonDocument::fromJson(r.body).object();
}

bool TestServer::resetStats()
{
    return request("POST", u"/__test__/stats/reset"_s, QByteArrayLiteral("{}")).status == 200;
}

void TestServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }
    m_url = QUrl();
    m_dbPath.clear();
    m_dir.reset();
    m_tls.reset();
}

} // namespace md::test
