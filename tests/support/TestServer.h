// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

namespace md::test {

/// The MLflow-compatible REST test server (tests/server/mlflow_test_server.py) running in a child
/// process on a private copy of an MLflow SQLite store. Test-only code: its helpers block with a
/// local event loop. Not copyable; one instance serves one database.
class TestServer {
public:
    TestServer();
    /// Stops the server (see stop()).
    ~TestServer();

    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    /// Copies `dbPath` (default tests/data/mlflow.db) into a private temporary folder and starts the
    /// server on a free loopback port, serving artifacts from `artifactsDir` (default
    /// tests/data/server-artifacts, read in place: the server never writes artifacts). Waits at most
    /// 10 s for the server's "LISTENING" line. Returns false (and prints why with qWarning) when
    /// python3 or the script is missing, the copy fails or the server does not come up.
    /// Calling start() on a running server restarts it on a fresh copy.
    /// The MLflow it answers as is mlflowMajor() (default: detected from the database).
    bool start(const QString &dbPath = {}, const QString &artifactsDir = {});

    /// The MLflow release the server answers as (the script's --mlflow-major).
    enum class MlflowMajor {
        Detect, ///< no flag: MLflow 3 for a store with MLflow 3's tables, else 2.10.2 (default)
        V2, ///< MLflow 2.10.2 (tests/data/rest/), whatever the store
        V3, ///< MLflow 3.6 (tests/data/mlflow3/rest/), whatever the store
    };
    /// Sets the major used by every later start(), startTls() and resume(). With V3 the default
    /// database and artifacts become tests/data/mlflow3/mlflow.db (before the recorded registry
    /// writes) and tests/data/mlflow3/server-artifacts.
    void setMlflowMajor(MlflowMajor major) { m_major = major; }
    MlflowMajor mlflowMajor() const { return m_major; }
    /// setMlflowMajor(major), then start(dbPath, artifactsDir); e.g. startAs(MlflowMajor::V3)
    /// serves the MLflow 3.6 fixture as MLflow 3.6 does.
    bool startAs(MlflowMajor major, const QString &dbPath = {}, const QString &artifactsDir = {});

    /// Extra command-line arguments for the server script (e.g. {"--cache-get-responses"}),
    /// used by every later start(), startTls() and resume() until changed. Default: none.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    QStringList extraArguments() const { return m_extraArguments; }

    /// PEM files for an HTTPS server (startTls()).
    struct TlsFiles {
        QString certFile; ///< the server's certificate (chain allowed)
        QString keyFile; ///< its private key, unencrypted
        /// When set, the server requires a client certificate signed by this CA.
        QString clientCaFile;
        /// For request() and the fault/stats helpers only: the CA to trust for the server's
        /// certificate (empty: no check), and the client certificate (a PEM with certificate and
        /// key) to present when clientCaFile is set.
        QString trustCaFile;
        QString clientCertFile;
    };
    /// Like start(), but the server speaks HTTPS with `tls` (url() is "https://127.0.0.1:PORT").
    /// pause() and resume() keep TLS; start() starts a plain HTTP server again.
    bool startTls(const TlsFiles &tls, const QString &dbPath = {}, const QString &artifactsDir = {});

    /// Base URL of the running server, e.g. http://127.0.0.1:40123 (empty when not running).
    QUrl url() const;

    /// The database copy being served. Tests may change it with SQLite behind the server's back;
    /// the server reads it on every request.
    QString dbPath() const;

    /// Replaces the server's fault switches (POST /__test__/faults; keys documented in the script).
    /// Returns true when the server accepted them.
    bool setFaults(const QJsonObject &faults);

    /// Clears every fault switch (POST /__test__/reset).
    bool resetFaults();

    /// GET /__test__/stats: {"requests": {"METHOD /path": count, ...}, "bytes_sent": N}.
    /// Empty object when the server does not answer.
    QJsonObject stats();

    /// Zeroes the request counters and bytes_sent (POST /__test__/stats/reset).
    bool resetStats();

    /// One HTTP request for tests. `pathAndQuery` is appended to url() as is (already encoded),
    /// e.g. "/api/2.0/mlflow/runs/get?run_id=...". A non-empty `jsonBody` is sent with
    /// Content-Type application/json. status is 0 when no HTTP answer arrived (30 s timeout).
    struct Reply {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
    };
    Reply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &jsonBody = {});

    /// Stops the server process but keeps its database copy and port, so that resume() brings the
    /// same server back at the same URL (a server that went away and came back).
    bool pause();
    /// Starts the paused server again on its old port and database copy.
    bool resume();

    /// Stops the server (SIGTERM, then kill after 5 s) and removes the database copy. Idempotent.
    void stop();

private:
    bool begin(const QString &dbPath, const QString &artifactsDir, const std::optional<TlsFiles> &tls);
    bool launch(int port);
    std::optional<TlsFiles> m_tls;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_artifacts;
    QString m_python;
    QStringList m_extraArguments;
    MlflowMajor m_major = MlflowMajor::Detect;
    int m_pausedPort = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_dbPath;
    QUrl m_url;
};

} // namespace md::test
