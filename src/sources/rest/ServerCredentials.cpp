// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/ServerCredentials.h"

#include <QHash>
#include <QMutex>
#include <QUrl>

namespace md {

namespace {

QMutex g_mutex;
QHash<QString, ServerCredentials> &registry()
{
    static QHash<QString, ServerCredentials> map;
    return map;
}

/// One spelling per server: "http://host:5000/" and "http://HOST:5000" are the same server.
QString normalized(const QString &uri)
{
    QUrl url(uri.trimmed());
    url.setUserInfo(QString());
    url.setHost(url.host().toLower());
    QString s = url.toString(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return s;
}

} // namespace

void setServerCredentials(const QString &serverUri, const ServerCredentials &credentials)
{
    QMutexLocker lock(&g_mutex);
    registry().insert(normalized(serverUri), credentials);
}

void clearServerCredentials(const QString &serverUri)
{
    QMutexLocker lock(&g_mutex);
    registry().remove(normalized(serverUri));
}

std::optional<ServerCredentials> serverCredentials(const QString &serverUri)
{
    QMutexLocker lock(&g_mutex);
    auto it = registry().constFind(normalized(serverUri));
    if (it == registry().cend())
        return std::nullopt;
    return *it;
}

} // namespace md
