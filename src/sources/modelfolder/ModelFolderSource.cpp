// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/modelfolder/ModelFolderSource.h"

#include "core/AtomicFile.h"
#include "core/TagNames.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ModelFolderSource)
};

const QString kCurrentFile = u"model.pkl"_s;
const QString kVersionTxt = u"version.txt"_s;

/// model_vN.pkl; the number is captured.
const QRegularExpression &versionFilePattern()
{
    static const QRegularExpression re(u"^model_v(\\d{1,15})\\.pkl$"_s);
    return re;
}

/// The version number of a model_vN.pkl name, or nullopt for any other name.
std::optional<qint64> versionOf(const QString &fileName)
{
    const auto m = versionFilePattern().match(fileName);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    if (n <= 0)
        return std::nullopt;
    return n;
}

bool isGenericFolderName(const QString &name)
{
    static const QStringList generic = {u"training"_s, u"artifacts"_s, u"models"_s, u"model"_s, u"output"_s};
    return generic.contains(name, Qt::CaseInsensitive);
}

/// What we know about one file without unpickling it.
struct FileFacts {
    QString name;
    QString path;  ///< absolute
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray sha256;  ///< lower-case hex
};

std::optional<FileFacts> readFacts(const QFileInfo &fi, QString *error)
{
    QFile f(fi.absoluteFilePath());
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        *error = f.errorString();
        return std::nullopt;
    }
    FileFacts facts;
    facts.name = fi.fileName();
    facts.path = fi.absoluteFilePath();
    facts.size = f.size();
    facts.mtimeMs = fi.lastModified().toMSecsSinceEpoch();
    facts.sha256 = hash.result().toHex();
    return facts;
}

using VersionTxt = ModelFolderSource::VersionTxt;

/// Parses version.txt ("Key: value" lines, keys case-insensitive). Unreadable values and a missing
/// "Current version" go to sink->problem() with "path:line".
VersionTxt parseVersionTxt(const QString &path, ImportSink *sink)
{
    VersionTxt out;
    auto problem = [&](int line, const QString &message) {
        if (sink)
            sink->problem(
                ReadProblem{makeError(ErrorCategory::BadInput, message, path + u':' + QString::number(line))});
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (sink)
            sink->problem(ReadProblem{
                makeError(ErrorCategory::BadInput, Tr::tr("cannot read the file: %1").arg(f.errorString()), path)});
        return out;
    }
    // A real version.txt has three short lines; anything larger is not one.
    QByteArray bytes = f.read(64 * 1024);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QStringList lines = QString::fromUtf8(bytes).split(u'\n');
    bool currentSeen = false;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString &line = lines[i];
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            continue;
        const QString key = line.left(colon).simplified().toLower();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == QLatin1String("current version")) {
            currentSeen = true;
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (ok && n > 0) {
                out.current = n;
                out.currentLine = lineNo;
            } else {
                problem(lineNo, Tr::tr("'Current version' is not a whole number above 0: '%1'").arg(value));
            }
        } else if (key == QLatin1String("best score")) {
            bool ok = false;
            const double score = QLocale::c().toDouble(value, &ok);
            if (ok && std::isfinite(score))
                out.bestScore = value;
            else
                problem(lineNo, Tr::tr("'Best score' is not a number: '%1'").arg(value));
        } else if (key == QLatin1String("date created")) {
            static const QRegularExpression iso(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
            const QDate date = QDate::fromString(value, u"yyyy-MM-dd"_s);
            if (iso.match(value).hasMatch() && date.isValid()) {
                out.dateCreated = value;
                out.dateMs = date.startOfDay(Qt::UTC).toMSecsSinceEpoch();
            } else {
                problem(lineNo, Tr::tr("'Date created' is not a date (YYYY-MM-DD): '%1'").arg(value));
            }
        }
    }
    if (!currentSeen)
        problem(1, Tr::tr("unknown format: there is no 'Current version: N' line; the current version is found "
                          "by comparing model.pkl with the model_vN.pkl files"));
    return out;
}

} // namespace

ModelFolderSource::ModelFolderSource(QString folderPath)
    : m_path(QDir::cleanPath(QFileInfo(folderPath).absoluteFilePath()))
{
}

QString ModelFolderSource::uri() const { return u"folder://"_s + m_path; }

bool ModelFolderSource::looksLikeModelFolder(const QString &dir)
{
    const QDir d(dir);
    if (!d.exists())
        return false;
    if (QFileInfo(d.filePath(kCurrentFile)).isFile() || QFileInfo(d.filePath(kVersionTxt)).isFile())
        return true;
    const QStringList candidates = d.entryList({u"model_v*.pkl"_s}, QDir::Files);
    return std::any_of(candidates.cbegin(), candidates.cend(),
                       [](const QString &name) { return versionOf(name).has_value(); });
}

QString ModelFolderSource::modelNameFor(const QString &dir)
{
    const QString own = QFileInfo(QDir::cleanPath(QFileInfo(dir).absoluteFilePath())).fileName();
    QDir d(QFileInfo(dir).absoluteFilePath());
    for (;;) {
        const QString name = d.dirName();
        if (name.isEmpty() || name == QLatin1String("."))
            break;
        if (!isGenericFolderName(name))
            return name;
        if (!d.cdUp())
            break;
    }
    return own.isEmpty() ? u"model"_s : own;
}

Status ModelFolderSource::open()
{
    const QFileInfo fi(m_path);
    if (!fi.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such folder"), m_path);
    if (!fi.isDir())
        return makeError(ErrorCategory::BadInput, Tr::tr("not a model folder (this is a file)"), m_path);
    if (!looksLikeModelFolder(m_path))
        return makeError(ErrorCategory::BadInput,
                         Tr::tr("not a model folder: it holds no model.pkl, model_vN.pkl or version.txt"), m_path);
    return {};
}

Status ModelFolderSource::readAll(ImportSink &sink, const std::atomic_bool &cancel)
{
    if (auto s = open(); !s)
        return s;

    const QDir dir(m_path);
    QMap<qint64, FileFacts> versions;
    std::optional<FileFacts> current;
    bool hasVersionTxt = false;
    QStringList sideFiles;
    auto unreadable = [&](const QFileInfo &fi, const QString &why) {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, Tr::tr("cannot read the file: %1").arg(why),
                                           fi.absoluteFilePath())});
    };

    const QFileInfoList entries = dir.entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &fi : entries) {
        if (cancel.load())
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), m_path);
        const QString name = fi.fileName();
        if (name == kVersionTxt) {
            hasVersionTxt = true;
        } else if (name == kCurrentFile) {
            QString why;
            current = readFacts(fi, &why);
            if (!current)
                unreadable(fi, why);
        } else if (const auto n = versionOf(name)) {
            if (versions.contains(*n)) {
                // model_v4.pkl and model_v04.pkl: keep the first by name, report the other.
                sink.problem(ReadProblem{makeError(ErrorCategory::BadInput,
                                                   Tr::tr("a second file for version %1 (%2); ignored")
                                                       .arg(*n)
                                                       .arg(versions.value(*n).name),
                                                   fi.absoluteFilePath())});
                continue;
            }
            QString why;
            if (auto facts = readFacts(fi, &why))
                versions.insert(*n, *facts);
            else
                unreadable(fi, why);
        } else {
            sideFiles.append(name);
        }
    }
    sideFiles.sort();

    VersionTxt txt;
    if (hasVersionTxt)
        txt = parseVersionTxt(dir.filePath(kVersionTxt), &sink);

    ModelFolderSidecar sidecar;
    if (QFileInfo::exists(dir.filePath(ModelFolderSidecar::fileName()))) {
        auto loaded = ModelFolderSidecar::load(m_path);
        if (loaded)
            sidecar = std::move(*loaded);
        else
            sink.problem(ReadProblem{loaded.error()});
    }

    auto versionTxtProblem = [&](const QString &message) {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, message,
                                           dir.filePath(kVersionTxt) + u':' + QString::number(txt.currentLine))});
    };

    // Which version is current. model.pkl is what is served, so its bytes decide whenever they
    // match a saved version; version.txt decides between identical copies and when model.pkl is
    // missing; model.pkl that matches nothing is delivered as a version of its own.
    std::optional<qint64> byBytes;  // the highest model_vN.pkl equal to model.pkl
    bool txtVersionMatches = false;
    if (current) {
        for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
            if (it->size == current->size && it->sha256 == current->sha256) {
                byBytes = it.key();
                if (txt.current && it.key() == *txt.current)
                    txtVersionMatches = true;
            }
        }
    }
    std::optional<qint64> currentVersion;
    bool versionTxtDescribesCurrent = true;
    if (txt.current && versions.contains(*txt.current)) {
        if (!current || txtVersionMatches) {
            currentVersion = txt.current;
        } else if (byBytes) {
            currentVersion = byBytes;
            versionTxtDescribesCurrent = false;
            versionTxtProblem(Tr::tr("'Current version' says %1, but model.pkl is model_v%2.pkl (a byte-for-byte "
                                     "copy); model.pkl is what is served, so version %2 is shown as current")
                                      .arg(*txt.current)
                                      .arg(*byBytes));
        } else {
            currentVersion = txt.current;
            versionTxtProblem(Tr::tr("'Current version' says %1, but model.pkl is not a copy of model_v%1.pkl nor of "
                                     "any other saved version")
                                      .arg(*txt.current));
        }
    } else {
        currentVersion = byBytes;
    }
    if (txt.current && !versions.contains(*txt.current)) {
        if (currentVersion) {
            versionTxtProblem(
                Tr::tr("'Current version' is %1, but there is no model_v%1.pkl; model.pkl equals model_v%2.pkl")
                    .arg(*txt.current)
                    .arg(*currentVersion));
        } else if (!current) {
            versionTxtProblem(Tr::tr("'Current version' is %1, but there is neither model_v%1.pkl nor model.pkl")
                                      .arg(*txt.current));
        }
    }
    if (!currentVersion && current) {
        const qint64 n = txt.current ? *txt.current : (versions.isEmpty() ? 1 : versions.lastKey() + 1);
        versions.insert(n, *current);
        currentVersion = n;
    }

    RegisteredModel model;
    model.name = modelNameFor(m_path);
    model.description = Tr::tr("Model folder %1").arg(m_path);
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        const FileFacts &f = it.value();
        const bool isCurrent = currentVersion && it.key() == *currentVersion;
        const ModelFolderSidecar::Entry entry = sidecar.versions.value(it.key());
        ModelVersion v;
        v.name = model.name;
        v.version = it.key();
        // Production is what the files say; the sidecar only tells the others apart.
        if (isCurrent)
            v.currentStage = kStageProduction;
        else if (entry.stage == kStageNone || entry.stage == kStageStaging)
            v.currentStage = entry.stage;
        else
            v.currentStage = kStageArchived;
        v.source = u"folder://"_s + f.path;
        v.creationTime = f.mtimeMs;
        v.lastUpdatedTime = f.mtimeMs;
        v.status = u"READY"_s;
        v.description = entry.description;
        v.userId = entry.userId;
        v.runId = entry.runId;
        v.tags = {
            {tags::kFile, f.name},
            {tags::kSha256, QString::fromLatin1(f.sha256)},
            {tags::kSizeBytes, QString::number(f.size)},
        };
        if (isCurrent) {
            if (versionTxtDescribesCurrent && !txt.bestScore.isEmpty())
                v.tags.append({tags::kBestScore, txt.bestScore});
            if (versionTxtDescribesCurrent && !txt.dateCreated.isEmpty()) {
                v.tags.append({tags::kDateCreated, txt.dateCreated});
                v.creationTime = txt.dateMs;
            }
            if (!sideFiles.isEmpty())
                v.tags.append({tags::kSideFiles, sideFiles.join(u',')});
            if (current)
                v.lastUpdatedTime = std::max(v.lastUpdatedTime, current->mtimeMs);
        }
        const qsizetype computed = v.tags.size();
        for (const KeyValue &t : entry.tags) {
            const auto first = v.tags.cbegin();
            if (std::none_of(first, first + computed, [&](const KeyValue &c) { return c.key == t.key; }))
                v.tags.append(t);
        }
        if (entry.creationTime > 0)
            v.creationTime = entry.creationTime;
        v.lastUpdatedTime = std::max(v.lastUpdatedTime, entry.lastUpdatedTime);
        std::sort(v.tags.begin(), v.tags.end(), [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
        model.creationTime = model.creationTime == 0 ? v.creationTime : std::min(model.creationTime, v.creationTime);
        model.lastUpdatedTime = std::max(model.lastUpdatedTime, v.lastUpdatedTime);
        model.versions.append(std::move(v));
    }
    if (cancel.load())
        return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), m_path);
    return sink.registeredModel(model);
}

ModelFolderSource::VersionTxt ModelFolderSource::readVersionTxt(const QString &path, ImportSink *sink)
{
    return parseVersionTxt(path, sink);
}

// ---- ModelFolderSidecar ------------------------------------------------------------------------

namespace {

const QString kSidecarFile = u".modeldesk-registry.json"_s;

/// Gives lupdate and the runtime the same translation context.
struct SidecarTr {
    Q_DECLARE_TR_FUNCTIONS(ModelFolderSidecar)
};

/// One structural error of a sidecar: `field` is the JSON path, e.g. "versions.5.stage".
Error sidecarError(const QString &path, const QString &field, const QString &message)
{
    return makeError(ErrorCategory::BadInput,
                     SidecarTr::tr("not a valid ModelDesk registry file (%1: %2); its stages, tags and descriptions "
                                   "are ignored until it is fixed or removed")
                         .arg(field, message),
                     path);
}

} // namespace

bool ModelFolderSidecar::Entry::isEmpty() const
{
    return (stage.isEmpty() || stage == kStageArchived) && description.isEmpty() && userId.isEmpty() &&
           runId.isEmpty() && creationTime == 0 && tags.isEmpty();
}

void ModelFolderSidecar::Entry::setTag(const QString &key, const QString &value)
{
    for (KeyValue &t : tags) {
        if (t.key == key) {
            t.value = value;
            return;
        }
    }
    tags.append({key, value});
    std::sort(tags.begin(), tags.end(), [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
}

void ModelFolderSidecar::Entry::removeTag(const QString &key)
{
    tags.removeIf([&](const KeyValue &t) { return t.key == key; });
}

std::optional<QString> ModelFolderSidecar::Entry::tag(const QString &key) const
{
    for (const KeyValue &t : tags)
        if (t.key == key)
            return t.value;
    return std::nullopt;
}

QString ModelFolderSidecar::fileName() { return kSidecarFile; }

Result<ModelFolderSidecar> ModelFolderSidecar::load(const QString &folder)
{
    const QString path = QDir(folder).filePath(kSidecarFile);
    QFile f(path);
    if (!f.exists())
        return ModelFolderSidecar{};
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCategory::BadInput, SidecarTr::tr("cannot read the file: %1").arg(f.errorString()), path);
    // Stages and tags of a few hundred versions are a few hundred KB at most.
    if (f.size() > 64 * 1024 * 1024)
        return sidecarError(path, u"(file)"_s, SidecarTr::tr("larger than 64 MB"));
    const QByteArray bytes = f.readAll();

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype line = bytes.left(parseError.offset).count('\n') + 1;
        return makeError(ErrorCategory::BadInput,
                         SidecarTr::tr("not valid JSON (%1); its stages, tags and descriptions are ignored until it is "
                                       "fixed or removed")
                             .arg(parseError.errorString()),
                         path + u':' + QString::number(line));
    }
    if (!doc.isObject())
        return sidecarError(path, u"top level"_s, SidecarTr::tr("not a JSON object"));
    const QJsonObject root = doc.object();

    const QJsonValue format = root.value(u"format_version"_s);
    if (!format.isDouble() || format.toDouble() != std::floor(format.toDouble()) || format.toDouble() < 1)
        return sidecarError(path, u"format_version"_s, SidecarTr::tr("missing or not a whole number above 0"));
    if (format.toInteger() > kFormatVersion)
        return makeError(ErrorCategory::BadInput,
                         SidecarTr::tr("written by a newer ModelDesk (format %1; this one knows up to %2); its stages, "
                                       "tags and descriptions are ignored and it is not changed")
                             .arg(format.toInteger())
                             .arg(kFormatVersion),
                         path);

    ModelFolderSidecar out;
    const QJsonValue versionsValue = root.value(u"versions"_s);
    if (versionsValue.isUndefined() || versionsValue.isNull())
        return out;
    if (!versionsValue.isObject())
        return sidecarError(path, u"versions"_s, SidecarTr::tr("not a JSON object"));
    const QJsonObject versionsObject = versionsValue.toObject();
    for (auto it = versionsObject.constBegin(); it != versionsObject.constEnd(); ++it) {
        const QString field = u"versions."_s + it.key();
        bool ok = false;
        const qint64 number = it.key().toLongLong(&ok);
        if (!ok || number <= 0)
            return sidecarError(path, field, SidecarTr::tr("the key is not a version number"));
        if (!it.value().isObject())
            return sidecarError(path, field, SidecarTr::tr("not a JSON object"));
        const QJsonObject o = it.value().toObject();
        Entry e;
        auto stringField = [&](const QString &name, QString *target) -> std::optional<Error> {
            const QJsonValue v = o.value(name);
            if (v.isUndefined() || v.isNull())
                return std::nullopt;
            if (!v.isString())
                return sidecarError(path, field + u'.' + name, SidecarTr::tr("not a string"));
            *target = v.toString();
            return std::nullopt;
        };
        auto timeField = [&](const QString &name, qint64 *target) -> std::optional<Error> {
            const QJsonValue v = o.value(name);
            if (v.isUndefined() || v.isNull())
                return std::nullopt;
            if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != std::floor(v.toDouble()))
                return sidecarError(path, field + u'.' + name, SidecarTr::tr("not a time in milliseconds"));
            *target = v.toInteger();
            return std::nullopt;
        };
        for (const auto &[name, target] : {std::pair{u"stage"_s, &e.stage}, std::pair{u"description"_s, &e.description},
                                           std::pair{u"user_id"_s, &e.userId}, std::pair{u"run_id"_s, &e.runId}}) {
            if (auto err = stringField(name, target))
                return *err;
        }
        if (auto err = timeField(u"creation_timestamp"_s, &e.creationTime))
            return *err;
        if (auto err = timeField(u"last_updated_timestamp"_s, &e.lastUpdatedTime))
            return *err;
        if (!e.stage.isEmpty() && e.stage != kStageNone && e.stage != kStageStaging && e.stage != kStageArchived)
            return sidecarError(path, field + u".stage"_s,
                                SidecarTr::tr("'%1' is not None, Staging or Archived").arg(e.stage));
        if (e.stage == kStageArchived)
            e.stage.clear();
        const QJsonValue tags = o.value(u"tags"_s);
        if (!tags.isUndefined() && !tags.isNull()) {
            if (!tags.isObject())
                return sidecarError(path, field + u".tags"_s, SidecarTr::tr("not a JSON object"));
            const QJsonObject tagObject = tags.toObject();
            for (auto t = tagObject.constBegin(); t != tagObject.constEnd(); ++t) {
                if (!t.value().isString())
                    return sidecarError(path, field + u".tags."_s + t.key(), SidecarTr::tr("not a string"));
                e.tags.append({t.key(), t.value().toString()});  // QJsonObject iterates sorted by key
            }
        }
        out.versions.insert(number, e);
    }
    return out;
}

QByteArray ModelFolderSidecar::toJson() const
{
    QJsonObject versionsObject;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        const Entry &e = it.value();
        if (e.isEmpty())
            continue;
        QJsonObject o;
        if (!e.stage.isEmpty() && e.stage != kStageArchived)
            o.insert(u"stage"_s, e.stage);
        if (!e.description.isEmpty())
            o.insert(u"description"_s, e.description);
        if (!e.userId.isEmpty())
            o.insert(u"user_id"_s, e.userId);
        if (!e.runId.isEmpty())
            o.insert(u"run_id"_s, e.runId);
        if (e.creationTime > 0)
            o.insert(u"creation_timestamp"_s, e.creationTime);
        if (e.lastUpdatedTime > 0)
            o.insert(u"last_updated_timestamp"_s, e.lastUpdatedTime);
        if (!e.tags.isEmpty()) {
            QJsonObject tags;
            for (const KeyValue &t : e.tags)
                tags.insert(t.key, t.value);
            o.insert(u"tags"_s, tags);
        }
        versionsObject.insert(QString::number(it.key()), o);
    }
    QJsonObject root;
    root.insert(u"about"_s, u"ModelDesk registry state for this model folder: stages other than Production, "
                            "version tags, descriptions, who registered a version and when. model.pkl and "
                            "version.txt decide the Production version."_s);
    root.insert(u"format_version"_s, kFormatVersion);
    root.insert(u"versions"_s, versionsObject);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status ModelFolderSidecar::save(const QString &folder) const
{
    return writeFileAtomically(QDir(folder).filePath(kSidecarFile), toJson());
}

} // namespace md
