// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to md_actions: small helpers the planner, the executor and the reports share.

#include "actions/ActionService.h"
#include "core/TagNames.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace md::detail {

using namespace Qt::StringLiterals;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ActionService)
};

inline std::optional<QString> tag(const ModelVersion &v, const QString &key)
{
    for (const KeyValue &kv : v.tags)
        if (kv.key == key)
            return kv.value;
    return std::nullopt;
}

inline QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

inline QString versionName(const QString &model, qint64 v) { return model + u" v"_s + QString::number(v); }

inline bool usesStages(RegistryScheme s) { return s == RegistryScheme::Stages || s == RegistryScheme::Both; }
inline bool usesAliases(RegistryScheme s) { return s == RegistryScheme::Aliases || s == RegistryScheme::Both; }

inline qint64 aliasVersion(const RegisteredModel &m, const QString &alias)
{
    for (const ModelAlias &a : m.aliases)
        if (a.alias == alias)
            return a.version;
    return 0;
}

/// What changed in stages and aliases, in the importer's form ({version, field, old, new}), so
/// that the timeline treats our own actions like observations with an exact time.
inline QJsonArray registryChanges(const RegisteredModel &before, const RegisteredModel &after)
{
    QJsonArray out;
    for (const ModelVersion &v : after.versions) {
        const ModelVersion *was = before.findVersion(v.version);
        if (!was) {
            out.append(QJsonObject{{u"version"_s, double(v.version)}, {u"field"_s, u"registered"_s},
                                   {u"old"_s, QString()}, {u"new"_s, v.currentStage}});
            continue;
        }
        if (was->currentStage != v.currentStage)
            out.append(QJsonObject{{u"version"_s, double(v.version)}, {u"field"_s, u"stage"_s},
                                   {u"old"_s, was->currentStage}, {u"new"_s, v.currentStage}});
    }
    QSet<QString> aliases;
    for (const ModelAlias &a : before.aliases)
        aliases.insert(a.alias);
    for (const ModelAlias &a : after.aliases)
        aliases.insert(a.alias);
    QStringList sorted(aliases.cbegin(), aliases.cend());
    sorted.sort();
    for (const QString &alias : std::as_const(sorted)) {
        const qint64 was = aliasVersion(before, alias), now = aliasVersion(after, alias);
        if (was == now)
            continue;
        out.append(QJsonObject{{u"version"_s, double(now ? now : was)},
                               {u"field"_s, QString(u"alias:"_s + alias)},
                               {u"old"_s, was ? QString::number(was) : QString()},
                               {u"new"_s, now ? QString::number(now) : QString()}});
    }
    return out;
}

inline QString sourceKindOfUri(const QString &uri)
{
    const QString scheme = uri.section(u"://"_s, 0, 0);
    if (scheme == u"https")
        return u"http"_s;
    return scheme;
}

inline QString stageCanonical(const QString &s)
{
    for (const QString &stage : {kStageNone, kStageStaging, kStageProduction, kStageArchived})
        if (s.compare(stage, Qt::CaseInsensitive) == 0)
            return stage;
    return {};
}

inline bool isUnderReview(const ModelVersion &v, const RegisteredModel &m, const ModelPolicy &p)
{
    return v.currentStage == kStageStaging || aliasVersion(m, p.candidateAlias) == v.version;
}

inline QString stepsText(const QList<WriteStep> &steps, const QString &model)
{
    QStringList lines;
    for (const WriteStep &s : steps)
        lines.append(s.describe(model));
    return lines.join(u"; "_s);
}

} // namespace md::detail
