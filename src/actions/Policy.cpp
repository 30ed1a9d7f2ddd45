// SPDX-License-Identifier: GPL-3.0-or-later
#include "Policy.h"

#include "sources/rest/ServerCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace md {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Policies)
};

Status applyObject(const QJsonObject &o, ModelPolicy &p, const QString &path, const QString &prefix)
{
    auto where = [&](const QString &key) -> QString { return path + u": "_s + prefix + key; };
    auto wrongType = [&](const QString &key, const QString &expected) {
        return makeError(ErrorCategory::BadInput, Tr::tr("must be %1").arg(expected), where(key));
    };
    auto boolean = [&](const QString &key, bool &out) -> Status {
        if (!o.value(key).isBool())
            return wrongType(key, Tr::tr("true or false"));
        out = o.value(key).toBool();
        return {};
    };
    auto string = [&](const QString &key, QString &out) -> Status {
        if (!o.value(key).isString() || o.value(key).toString().trimmed().isEmpty())
            return wrongType(key, Tr::tr("a non-empty string"));
        out = o.value(key).toString().trimmed();
        return {};
    };
    auto strings = [&](const QString &key, const QJsonValue &v, QStringList &out) -> Status {
        if (!v.isArray())
            return wrongType(key, Tr::tr("a list of strings"));
        out.clear();
        for (const QJsonValue &x : v.toArray()) {
            if (!x.isString())
                return wrongType(key, Tr::tr("a list of strings"));
            out.append(x.toString());
        }
        return {};
    };
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        Status s;
        if (key == u"four_eyes")
            s = boolean(key, p.fourEyes);
        else if (key == u"production_requires_approval")
            s = boolean(key, p.productionRequiresApproval);
        else if (key == u"rollback_requires_reason")
            s = boolean(key, p.rollbackRequiresReason);
        else if (key == u"folder_requires_better_score")
            s = boolean(key, p.folderRequiresBetterScore);
        else if (key == u"require_known_requester")
            s = boolean(key, p.requireKnownRequester);
        else if (key == u"on_call")
            s = strings(key, it.value(), p.onCall);
        else if (key == u"production_alias")
            s = string(key, p.productionAlias);
        else if (key == u"candidate_alias")
            s = string(key, p.candidateAlias);
        else if (key == u"scheme") {
            const QString v = it.value().toString();
            if (v == u"auto")
                p.scheme = RegistryScheme::Auto;
            else if (v == u"stages")
                p.scheme = RegistryScheme::Stages;
            else if (v == u"aliases")
                p.scheme = RegistryScheme::Aliases;
            else if (v == u"both")
                p.scheme = RegistryScheme::Both;
            else
                s = wrongType(key, u"\"auto\", \"stages\", \"aliases\" or \"both\""_s);
        } else if (key == u"reload_hook") {
            if (!it.value().isObject()) {
                s = wrongType(key, Tr::tr("an object"));
            } else {
                const QJsonObject h = it.value().toObject();
                ReloadHook hook;
                for (auto hi = h.begin(); hi != h.end() && s.ok(); ++hi) {
                    const QString hk = key + u'.' + hi.key();
                    if (hi.key() == u"command") {
                        s = strings(hk, hi.value(), hook.command);
                        if (s && hook.command.isEmpty())
                            s = wrongType(hk, Tr::tr("a non-empty list of strings"));
                    } else if (hi.key() == u"url") {
                        const QUrl url(hi.value().toString());
                        if (!hi.value().isString() || !url.isValid() ||
                            (url.scheme() != u"http" && url.scheme() != u"https"))
                            s = wrongType(hk, Tr::tr("an http:// or https:// URL"));
                        else
                            hook.url = hi.value().toString();
                    } else if (hi.key() == u"timeout_seconds") {
                        const double t = hi.value().toDouble(-1);
                        if (!hi.value().isDouble() || t <= 0 || t > 3600)
                            s = wrongType(hk, Tr::tr("a number of seconds between 0 and 3600"));
                        else
                            hook.timeoutMs = int(t * 1000);
                    } else {
                        s = makeError(ErrorCategory::BadInput, Tr::tr("unknown setting"), where(hk));
                    }
                }
                if (s && !hook.isSet())
                    s = makeError(ErrorCategory::BadInput, Tr::tr("needs a \"command\" or a \"url\""), where(key));
                if (s)
                    p.reloadHook = hook;
            }
        } else {
            s = makeError(ErrorCategory::BadInput, Tr::tr("unknown setting"), where(key));
        }
        if (!s)
            return s;
    }
    return {};
}

} // namespace

QString schemeName(RegistryScheme s)
{
    switch (s) {
    case RegistryScheme::Auto:
        return u"auto"_s;
    case RegistryScheme::Stages:
        return u"stages"_s;
    case RegistryScheme::Aliases:
        return u"aliases"_s;
    case RegistryScheme::Both:
        return u"both"_s;
    }
    return {};
}

QString Policies::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/modeldesk/policies.json"_s;
}

Result<Policies> Policies::load(const QString &givenPath)
{
    QString path = givenPath;
    if (path.isEmpty())
        path = qEnvironmentVariable("MODELDESK_POLICIES");
    if (path.isEmpty())
        path = defaultPath();
    QFile f(path);
    if (!f.exists()) {
        Policies p;
        p.m_path = path;
        p.m_defaults.where = path;
        return p;
    }
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCategory::Storage, Tr::tr("cannot read the policy file: %1").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

Result<Policies> Policies::parse(const QByteArray &json, const QString &path)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const int line = int(json.left(pe.offset).count('\n')) + 1;
        return makeError(ErrorCategory::BadInput, Tr::tr("not valid JSON: %1").arg(pe.errorString()),
                         path + u':' + QString::number(line));
    }
    if (!doc.isObject())
        return makeError(ErrorCategory::BadInput, Tr::tr("must be a JSON object"), path);
    Policies p;
    p.m_path = path;
    p.m_defaults.where = path;
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != u"defaults" && it.key() != u"models")
            return makeError(ErrorCategory::BadInput, Tr::tr("unknown setting (expected \"defaults\" or \"models\")"),
                             path + u": "_s + it.key());
        if (!it.value().isObject())
            return makeError(ErrorCategory::BadInput, Tr::tr("must be an object"), path + u": "_s + it.key());
    }
    if (Status s = applyObject(root.value(u"defaults"_s).toObject(), p.m_defaults, path, u"defaults."_s); !s)
        return s.error();
    const QJsonObject models = root.value(u"models"_s).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString prefix = u"models."_s + it.key() + u'.';
        if (!it.value().isObject())
            return makeError(ErrorCategory::BadInput, Tr::tr("must be an object"), path + u": "_s + u"models."_s + it.key());
        ModelPolicy mp = p.m_defaults;
        if (Status s = applyObject(it.value().toObject(), mp, path, prefix); !s)
            return s.error();
        mp.where = path + u": models."_s + it.key();
        p.m_models.insert(it.key(), mp);
    }
    return p;
}

ModelPolicy Policies::forModel(const QString &model) const { return m_models.value(model, m_defaults); }

Identity currentIdentity(const QString &sourceUri)
{
    if (sourceUri.startsWith(u"http://"_s) || sourceUri.startsWith(u"https://"_s)) {
        if (auto c = serverCredentials(sourceUri); c && !c->username.isEmpty())
            return {c->username, u"mlflow"_s};
        const QString env = qEnvironmentVariable("MLFLOW_TRACKING_USERNAME");
        if (!env.isEmpty())
            return {env, u"mlflow"_s};
    }
    for (const char *var : {"USER", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return {v, u"os"_s};
    }
    if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return {QString::fromLocal8Bit(pw->pw_name), u"os"_s};
    return {QString::number(::getuid()), u"os"_s};
}

} // namespace md
