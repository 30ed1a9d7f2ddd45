// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <qt6keychain/keychain.h>

namespace md {

namespace {

QByteArray encode(const ServerCredentials &c)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("token"), c.token},
                                     {QStringLiteral("username"), c.username},
                                     {QStringLiteral("password"), c.password}})
        .toJson(QJsonDocument::Compact);
}

ServerCredentials decode(const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    return ServerCredentials{o.value(QStringLiteral("token")).toString(), o.value(QStringLiteral("username")).toString(),
                             o.value(QStringLiteral("password")).toString()};
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

QString CredentialStore::serviceName() { return QStringLiteral("ModelDesk tracking servers"); }

void CredentialStore::load(const QString &serverUri, std::function<void(bool)> done)
{
    if (serverCredentials(serverUri)) {
        done(true);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(serverUri);
    connect(job, &QKeychain::Job::finished, this, [serverUri, done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        bool found = false;
        if (read->error() == QKeychain::NoError) {
            const ServerCredentials c = decode(read->binaryData());
            if (!c.isEmpty()) {
                setServerCredentials(serverUri, c);
                found = true;
            }
        }
        done(found);
    });
    job->start();
}

void CredentialStore::store(const QString &serverUri, const ServerCredentials &credentials, bool remember,
                            std::function<void(const QString &)> done)
{
    setServerCredentials(serverUri, credentials);
    if (!remember) {
        done(QString());
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(serverUri);
    job->setBinaryData(encode(credentials));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
}

void CredentialStore::forget(const QString &serverUri)
{
    clearServerCredentials(serverUri);
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(serverUri);
    job->start();
}

} // namespace md
