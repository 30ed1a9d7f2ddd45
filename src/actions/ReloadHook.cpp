// SPDX-License-Identifier: GPL-3.0-or-later
// The reload hook: a command (run without a shell) or a URL (POSTed to) that makes a serving
// system load the model after a rollback or a promotion to Production.
#include "ActionService.h"

#include "sources/rest/HttpClient.h"
#include "sources/rest/RestOptions.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace md {

HookResult ActionService::runReloadHook(const ReloadHook &hook, const QString &model, qint64 version)
{
    HookResult h;
    h.ran = true;
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype kCap = 64 * 1024;
    if (!hook.command.isEmpty()) {
        h.what = hook.command.join(u' ');
        QProcess proc;
        proc.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The model and version go in the environment, not the command line: nothing from a
        // source is ever interpreted by a shell.
        env.insert(u"MODELDESK_MODEL"_s, model);
        env.insert(u"MODELDESK_VERSION"_s, QString::number(version));
        proc.setProcessEnvironment(env);
        proc.start(hook.command.first(), hook.command.mid(1));
        if (!proc.waitForStarted(5000)) {
            h.output = proc.errorString();
            h.exitCode = -1;
        } else if (!proc.waitForFinished(hook.timeoutMs)) {
            h.timedOut = true;
            proc.kill();
            proc.waitForFinished(2000);
            h.output = QString::fromLocal8Bit(proc.readAll().left(kCap));
            h.exitCode = -1;
        } else {
            h.output = QString::fromLocal8Bit(proc.readAll().left(kCap));
            h.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
            h.ok = proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
        }
    } else {
        // Through the same HTTP client as every server read: its timeout, its TLS settings, its
        // error messages; a POST is a write, so it is never retried.
        h.what = hook.url;
        const QUrl url(hook.url);
        QUrl base = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        RestOptions options = RestOptions::forUrl(url);
        options.timeoutMs = hook.timeoutMs;
        const std::atomic_bool never{false};
        HttpClient http(base, options, never);
        HttpRequest request;
        request.method = "POST";
        request.path = url.path().mid(url.path().startsWith(u'/') ? 1 : 0);
        request.query = QUrlQuery(url);
        request.read = false;
        request.jsonBody = QJsonDocument(QJsonObject{{u"model"_s, model}, {u"version"_s, QString::number(version)}})
                               .toJson(QJsonDocument::Compact);
        auto reply = http.send(request);
        if (!reply) {
            h.output = reply.error().toString();
            h.timedOut = reply.error().message.contains(u"did not answer within"_s);
            h.exitCode = 0;
        } else {
            h.exitCode = reply->status;
            h.output = QString::fromUtf8(reply->body.left(kCap));
            h.ok = reply->ok();
        }
    }
    h.elapsedMs = timer.elapsed();
    return h;
}

} // namespace md
