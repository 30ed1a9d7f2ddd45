// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/RegistryRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RegistryRules)
};

qsizetype codePoints(const QString &s) { return s.toUcs4().size(); }

Error badInput(const QString &message, const QString &field) { return makeError(ErrorCategory::BadInput, message, field); }

} // namespace

namespace registryrules {

namespace {

/// Python's posixpath.normpath.
QString posixNormpath(const QString &path)
{
    if (path.isEmpty())
        return u"."_s;
    int initialSlashes = path.startsWith(u'/') ? 1 : 0;
    if (initialSlashes && path.startsWith(u"//"_s) && !path.startsWith(u"///"_s))
        initialSlashes = 2;
    QStringList out;
    for (const QString &comp : path.split(u'/')) {
        if (comp.isEmpty() || comp == u"."_s)
            continue;
        if (comp != u".."_s || (!initialSlashes && out.isEmpty()) || (!out.isEmpty() && out.last() == u".."_s))
            out.append(comp);
        else if (!out.isEmpty())
            out.removeLast();
    }
    QString result = QString(initialSlashes, u'/') + out.join(u'/');
    return result.isEmpty() ? u"."_s : result;
}

} // namespace

Status checkModelName(const QString &name)
{
    if (name.isEmpty())
        return badInput(Tr::tr("the registered model name cannot be empty"), u"name"_s);
    return {};
}

Status checkTagKey(const QString &key, const QString &field)
{
    // Python's \w is Unicode-aware: letters, digits and '_' of any script.
    static const QRegularExpression valid(u"\\A[/\\w.\\- ]*\\z"_s, QRegularExpression::UseUnicodePropertiesOption);
    if (!valid.match(key).hasMatch())
        return badInput(Tr::tr("invalid tag name '%1': names may only contain alphanumerics, underscores (_), "
                               "dashes (-), periods (.), spaces ( ) and slashes (/)")
                                .arg(key),
                        field);
    const QString norm = posixNormpath(key);
    if (norm != key || norm == u"."_s || norm.startsWith(u".."_s) || norm.startsWith(u'/'))
        return badInput(Tr::tr("invalid tag name '%1': it would resolve to the path '%2'").arg(key, norm), field);
    if (codePoints(key) > 250)
        return badInput(Tr::tr("the tag name has %1 characters, more than the limit of 250").arg(codePoints(key)),
                        field);
    return {};
}

Status checkTagValue(const QString &value, const QString &field)
{
    if (codePoints(value) > 5000)
        return badInput(Tr::tr("the tag value has %1 characters, more than the limit of 5000").arg(codePoints(value)),
                        field);
    return {};
}

Status checkAlias(const QString &alias)
{
    static const QRegularExpression valid(u"\\A[\\w\\-]*\\z"_s, QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression versionLike(u"\\A[vV]\\d+\\z"_s);
    if (alias.isEmpty())
        return badInput(Tr::tr("the alias cannot be empty"), u"alias"_s);
    if (!valid.match(alias).hasMatch())
        return badInput(Tr::tr("invalid alias '%1': names may only contain alphanumerics, underscores (_) and "
                               "dashes (-)")
                                .arg(alias),
                        u"alias"_s);
    if (codePoints(alias) > 255)
        return badInput(Tr::tr("the alias has %1 characters, more than the limit of 255").arg(codePoints(alias)),
                        u"alias"_s);
    if (alias.compare(u"latest"_s, Qt::CaseInsensitive) == 0)
        return badInput(Tr::tr("the alias 'latest' (in any case) is reserved"), u"alias"_s);
    if (versionLike.match(alias).hasMatch())
        return badInput(Tr::tr("the version alias '%1' is reserved").arg(alias), u"alias"_s);
    return {};
}

Result<QString> canonicalStage(const QString &stage)
{
    for (const QString *s : {&kStageNone, &kStageStaging, &kStageProduction, &kStageArchived})
        if (stage.compare(*s, Qt::CaseInsensitive) == 0)
            return *s;
    return badInput(Tr::tr("invalid stage '%1': it must be one of None, Staging, Production, Archived").arg(stage),
                    u"stage"_s);
}

Result<QString> targetStage(const QString &stage, bool archiveExisting)
{
    auto canonical = canonicalStage(stage);
    if (canonical && archiveExisting && *canonical != kStageStaging && *canonical != kStageProduction)
        return badInput(Tr::tr("existing versions can only be archived when moving to Staging or Production, not %1")
                                .arg(*canonical),
                        u"archive_existing_versions"_s);
    return canonical;
}

Result<std::optional<std::pair<QString, qint64>>> modelsUriTarget(const QString &source)
{
    // urllib.parse.urlparse: the scheme is what precedes the first ':' and is case-insensitive.
    const qsizetype colon = source.indexOf(u':');
    if (colon <= 0 || source.left(colon).compare(u"models"_s, Qt::CaseInsensitive) != 0)
        return std::optional<std::pair<QString, qint64>>();
    QString path = source.mid(colon + 1);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    const QStringList parts = path.split(u'/');
    bool ok = false;
    const qint64 version = parts.size() == 2 ? parts[1].toLongLong(&ok) : 0;
    // MLflow's stores only resolve models:/<name>/<version>; stages and aliases fail there too.
    if (!ok || parts[0].isEmpty() || version <= 0)
        return badInput(Tr::tr("cannot resolve the model URI '%1': only models:/<name>/<version> can be registered "
                               "from the registry")
                                .arg(source),
                        u"source"_s);
    return std::optional<std::pair<QString, qint64>>(std::pair{parts[0], version});
}

} // namespace registryrules

} // namespace md
