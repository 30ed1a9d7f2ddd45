// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelFolderSource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace md {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("ModelFolderSource", text); }

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

/// The fields of version.txt we understand.
struct VersionTxt {
    std::optional<qint64> current;
    int currentLine = 0;
    QString bestScore;     ///< as written, validated as a number
    QString dateCreated;   ///< YYYY-MM-DD
    qint64 dateMs = 0;     ///< midnight UTC of dateCreated
};

/// Parses version.txt ("Key: value" lines, keys case-insensitive). Unreadable values and a missing
/// "Current version" go to sink.problem() with "path:line".
VersionTxt parseVersionTxt(const QString &path, ImportSink &sink)
{
    VersionTxt out;
    auto problem = [&](int line, const QString &message) {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, message, path + u':' + QString::number(line))});
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput,
                                           tr("cannot read the file: %1").arg(f.errorString()), path)});
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
                problem(lineNo, tr("'Current version' is not a whole number above 0: '%1'").arg(value));
            }
        } else if (key == QLatin1String("best score")) {
            bool ok = false;
            const double score = QLocale::c().toDouble(value, &ok);
            if (ok && std::isfinite(score))
                out.bestScore = value;
            else
                problem(lineNo, tr("'Best score' is not a number: '%1'").arg(value));
        } else if (key == QLatin1String("date created")) {
            static const QRegularExpression iso(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
            const QDate date = QDate::fromString(value, u"yyyy-MM-dd"_s);
            if (iso.match(value).hasMatch() && date.isValid()) {
                out.dateCreated = value;
                out.dateMs = date.startOfDay(Qt::UTC).toMSecsSinceEpoch();
            } else {
                problem(lineNo, tr("'Date created' is not a date (YYYY-MM-DD): '%1'").arg(value));
            }
        }
    }
    if (!currentSeen)
        problem(1, tr("unknown format: there is no 'Current version: N' line; the current version is found "
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
        return makeError(ErrorCategory::NotFound, tr("no such folder"), m_path);
    if (!fi.isDir())
        return makeError(ErrorCategory::BadInput, tr("not a model folder (this is a file)"), m_path);
    if (!looksLikeModelFolder(m_path))
        return makeError(ErrorCategory::BadInput,
                         tr("not a model folder: it holds no model.pkl, model_vN.pkl or version.txt"), m_path);
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
        sink.problem(ReadProblem{makeError(ErrorCategory::BadInput, tr("cannot read the file: %1").arg(why),
                                           fi.absoluteFilePath())});
    };

    const QFileInfoList entries = dir.entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &fi : entries) {
        if (cancel.load())
            return makeError(ErrorCategory::Cancelled, tr("cancelled"), m_path);
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
                                                   tr("a second file for version %1 (%2); ignored")
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
        txt = parseVersionTxt(dir.filePath(kVersionTxt), sink);

    // Which version is current: version.txt's, else the one model.pkl is a copy of, else model.pkl
    // itself as a version of its own.
    std::optional<qint64> currentVersion;
    if (txt.current && versions.contains(*txt.current))
        currentVersion = txt.current;
    if (!currentVersion && current) {
        for (auto it = versions.cbegin(); it != versions.cend(); ++it)
            if (it->size == current->size && it->sha256 == current->sha256)
                currentVersion = it.key();  // the highest matching N wins
    }
    if (txt.current && !versions.contains(*txt.current)) {
        if (currentVersion) {
            sink.problem(ReadProblem{makeError(
                ErrorCategory::BadInput,
                tr("'Current version' is %1, but there is no model_v%1.pkl; model.pkl equals model_v%2.pkl")
                    .arg(*txt.current)
                    .arg(*currentVersion),
                dir.filePath(kVersionTxt) + u':' + QString::number(txt.currentLine))});
        } else if (!current) {
            sink.problem(ReadProblem{makeError(ErrorCategory::BadInput,
                                               tr("'Current version' is %1, but there is neither model_v%1.pkl "
                                                  "nor model.pkl")
                                                   .arg(*txt.current),
                                               dir.filePath(kVersionTxt) + u':' + QString::number(txt.currentLine))});
        }
    }
    if (!currentVersion && current) {
        const qint64 n = txt.current ? *txt.current : (versions.isEmpty() ? 1 : versions.lastKey() + 1);
        versions.insert(n, *current);
        currentVersion = n;
    }

    RegisteredModel model;
    model.name = modelNameFor(m_path);
    model.description = tr("Model folder %1").arg(m_path);
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        const FileFacts &f = it.value();
        const bool isCurrent = currentVersion && it.key() == *currentVersion;
        ModelVersion v;
        v.name = model.name;
        v.version = it.key();
        v.currentStage = isCurrent ? kStageProduction : kStageArchived;
        v.source = u"folder://"_s + f.path;
        v.creationTime = f.mtimeMs;
        v.lastUpdatedTime = f.mtimeMs;
        v.status = u"READY"_s;
        v.tags = {
            {u"modeldesk.file"_s, f.name},
            {u"modeldesk.sha256"_s, QString::fromLatin1(f.sha256)},
            {u"modeldesk.size_bytes"_s, QString::number(f.size)},
        };
        if (isCurrent) {
            if (!txt.bestScore.isEmpty())
                v.tags.append({u"modeldesk.best_score"_s, txt.bestScore});
            if (!txt.dateCreated.isEmpty()) {
                v.tags.append({u"modeldesk.date_created"_s, txt.dateCreated});
                v.creationTime = txt.dateMs;
            }
            if (!sideFiles.isEmpty())
                v.tags.append({u"modeldesk.side_files"_s, sideFiles.join(u',')});
        }
        std::sort(v.tags.begin(), v.tags.end(), [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
        model.creationTime = model.creationTime == 0 ? v.creationTime : std::min(model.creationTime, v.creationTime);
        model.lastUpdatedTime = std::max(model.lastUpdatedTime, v.lastUpdatedTime);
        model.versions.append(std::move(v));
    }
    if (cancel.load())
        return makeError(ErrorCategory::Cancelled, tr("cancelled"), m_path);
    return sink.registeredModel(model);
}

} // namespace md
