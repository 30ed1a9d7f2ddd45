// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace md::test {

/// A run that logs while it runs, through the test server's tracking API as an MLflow client
/// would (runs/create, runs/log-metric, runs/update). Test-only; every call blocks.
class LiveRun {
public:
    explicit LiveRun(TestServer &server) : m_server(server) {}

    /// Creates a RUNNING run in `experimentId`; false when the server refused.
    bool create(const QString &experimentId, const QString &name)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto r = post(QStringLiteral("runs/create"), QJsonObject{{QStringLiteral("experiment_id"), experimentId},
                                                                       {QStringLiteral("run_name"), name},
                                                                       {QStringLiteral("start_time"), double(now)}});
        m_runId = QJsonDocument::fromJson(r.body)
                      .object()
                      .value(QStringLiteral("run"))
                      .toObject()
                      .value(QStringLiteral("info"))
                      .toObject()
                      .value(QStringLiteral("run_id"))
                      .toString();
        return r.status == 200 && !m_runId.isEmpty();
    }
    /// Logs one point of `key` at `step` (timestamp: now).
    bool log(const QString &key, double value, qint64 step)
    {
        return post(QStringLiteral("runs/log-metric"),
                    QJsonObject{{QStringLiteral("run_id"), m_runId}, {QStringLiteral("key"), key},
                                {QStringLiteral("value"), value},
                                {QStringLiteral("timestamp"), double(QDateTime::currentMSecsSinceEpoch())},
                                {QStringLiteral("step"), double(step)}})
                   .status
               == 200;
    }
    /// Ends the run with `status` (FINISHED, FAILED, KILLED).
    bool end(const QString &status = QStringLiteral("FINISHED"))
    {
        return post(QStringLiteral("runs/update"),
                    QJsonObject{{QStringLiteral("run_id"), m_runId}, {QStringLiteral("status"), status},
                                {QStringLiteral("end_time"), double(QDateTime::currentMSecsSinceEpoch())}})
                   .status
               == 200;
    }
    const QString &runId() const { return m_runId; }

private:
    TestServer::Reply post(const QString &endpoint, const QJsonObject &body)
    {
        return m_server.request("POST", QStringLiteral("/api/2.0/mlflow/") + endpoint,
                                QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    TestServer &m_server;
    QString m_runId;
};

} // namespace md::test
