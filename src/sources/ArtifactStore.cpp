// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/ArtifactStore.h"

#include "core/TagNames.h"
#include "sources/rest/HttpClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ArtifactStore)
};

const QString kMlflowArtifactsScheme = u"mlflow-artifacts:"_s;
const QString kFolderScheme = u"folder://"_s;
constexpr qint64 kHashBlock = 1024 * 1024;
/// A guard against a server that lists folders without end.
constexpr int kMaxListRequests = 2000;

Error cancelled(const QString &where)
{
    return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), where);
}

/// A relative artifact path that stays below its root: no absolute paths, no "..", no "\".
bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.contains(u'\\'))
        return false;
    const QStringList parts = path.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) { return p == ".."_L1; });
}

Error unsafePath(const QString &path)
{
    return makeError(ErrorCategory::BadInput, Tr::tr("not a path inside the artifacts"), path);
}

/// "mlflow-artifacts:/1/<run>/artifacts" or "mlflow-artifacts://host:5000/1/…" → "1/<run>/artifacts".
QString mlflowArtifactsPath(const QString &uri)
{
    QString rest = uri.mid(kMlflowArtifactsScheme.size());
    if (rest.startsWith("//"_L1)) {
        const qsizetype slash = rest.indexOf(u'/', 2);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    while (rest.startsWith(u'/'))
        rest.remove(0, 1);
    while (rest.endsWith(u'/'))
        rest.chop(1);
    return QUrl::fromPercentEncoding(rest.toUtf8());
}

/// True for "s3://…", "gs:…" and the like; false for plain paths (including "C:/…").
bool hasForeignScheme(const QString &uri)
{
    static const QRegularExpression scheme(u"^([A-Za-z][A-Za-z0-9+.-]+):"_s);
    return scheme.match(uri).hasMatch();
}

/// Streams a file through SHA-256. Sets `note` (translated) and returns empty on failure.
QString sha256Of(const QString &path, const std::atomic_bool &cancel, QString *note, bool *wasCancelled)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *note = Tr::tr("not computed: cannot read the file (%1)").arg(f.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!f.atEnd()) {
        if (cancel.load()) {
            *wasCancelled = true;
            return {};
        }
        const QByteArray block = f.read(kHashBlock);
        if (block.isEmpty() && f.error() != QFileDevice::NoError) {
            *note = Tr::tr("not computed: reading failed (%1)").arg(f.errorString());
            return {};
        }
        hash.addData(block);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<QByteArray> readLocalText(const QString &file, qint64 maxBytes)
{
    QFile f(file);
    if (!f.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such file"), file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCategory::NotFound, Tr::tr("cannot read the file: %1").arg(f.errorString()), file);
    return f.read(std::max<qint64>(0, maxBytes));
}

// ---- Local MLflow stores: the file store and mlflow.db ----

class LocalArtifactStore final : public ArtifactStore {
public:
    /// `roots`: where a recorded file:// path's tail is looked for; `baseDir`: what relative URIs
    /// are relative to and where the proxied-artifact folders are looked for.
    LocalArtifactStore(SourceKind kind, QString uri, QStringList roots, QString baseDir)
        : m_kind(kind), m_uri(std::move(uri)), m_roots(std::move(roots)), m_baseDir(std::move(baseDir))
    {
    }

    SourceKind kind() const override { return m_kind; }
    QString uri() const override { return m_uri; }

    Result<QList<ArtifactFile>> list(const ArtifactLocation &location, const std::atomic_bool &cancel) override
    {
        auto dir = resolve(location);
        if (!dir)
            return dir.error();
        QList<ArtifactFile> files;
        const QDir root(*dir);
        QDirIterator it(*dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString full = it.next();
            ArtifactFile f;
            f.path = root.relativeFilePath(full);
            f.size = it.fileInfo().size();
            files.append(f);
        }
        std::sort(files.begin(), files.end(), [](const ArtifactFile &a, const ArtifactFile &b) { return a.path < b.path; });
        for (ArtifactFile &f : files) {
            bool wasCancelled = false;
            f.sha256 = sha256Of(root.filePath(f.path), cancel, &f.checksumNote, &wasCancelled);
            if (wasCancelled || cancel.load())
                return cancelled(*dir);
        }
        return files;
    }

    Result<QByteArray> readText(const ArtifactLocation &location, const QString &path, qint64 maxBytes,
                                const std::atomic_bool &cancel) override
    {
        if (!isSafeRelativePath(path))
            return unsafePath(path);
        auto dir = resolve(location);
        if (!dir)
            return dir.error();
        if (cancel.load())
            return cancelled(*dir);
        return readLocalText(QDir(*dir).filePath(path), maxBytes);
    }

    QString resolvedRoot(const ArtifactLocation &location) const override
    {
        auto dir = resolve(location);
        return dir ? *dir : location.displayName();
    }

private:
    QStringList destinationDirs() const
    {
        const QDir base(m_baseDir);
        return {base.filePath(u"mlartifacts"_s), base.filePath(u"server-artifacts"_s), base.filePath(u"artifacts"_s)};
    }

    /// The local folder of the location's artifacts (see the class comment for the rules).
    Result<QString> resolve(const ArtifactLocation &location) const
    {
        const QString uri = location.rootUri.trimmed();
        if (uri.isEmpty() && !location.modelId.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the store holds no LoggedModel with this id, so its files cannot be found"),
                             location.displayName());
        if (uri.isEmpty())
            return makeError(ErrorCategory::NotFound, Tr::tr("the version names no artifact location"),
                             location.displayName());
        if (uri.startsWith(kMlflowArtifactsScheme)) {
            const QString rel = mlflowArtifactsPath(uri);
            const QStringList dirs = destinationDirs();
            for (const QString &d : dirs) {
                const QString candidate = rel.isEmpty() ? d : QDir(d).filePath(rel);
                if (QFileInfo(candidate).isDir())
                    return QDir::cleanPath(candidate);
            }
            QStringList shown;
            for (const QString &d : dirs)
                shown.append(QDir::toNativeSeparators(d));
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("these artifacts are kept by an MLflow tracking server (proxied artifacts), and "
                                    "no artifacts folder beside the store holds them (looked in %1); open the "
                                    "tracking server itself to see them")
                                 .arg(shown.join(u", "_s)),
                             uri);
        }
        QString path;
        if (uri.startsWith("file:"_L1, Qt::CaseInsensitive)) {
            path = QUrl(uri).toLocalFile();
            if (path.isEmpty())
                return makeError(ErrorCategory::BadInput, Tr::tr("cannot read a local path from this artifact URI"),
                                 uri);
        } else if (hasForeignScheme(uri) && !QFileInfo(uri).isAbsolute()) {
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("ModelDesk cannot read artifacts stored there: it reads local artifact "
                                    "folders and a tracking server's artifact proxy"),
                             uri);
        } else {
            path = QDir::isAbsolutePath(uri) ? uri : QDir(m_baseDir).filePath(uri);
        }
        path = QDir::cleanPath(path);
        if (QFileInfo(path).isDir())
            return path;
        // The store was created elsewhere and moved: find the recorded path's tail below a root.
        // It must still name the run (or the LoggedModel) whose files these are.
        const QString anchor = location.modelId.isEmpty() ? location.runId : location.modelId;
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QStringList tail = parts.mid(i);
            if (!anchor.isEmpty() && !tail.contains(anchor))
                break;
            for (const QString &root : m_roots) {
                const QString candidate = QDir(root).filePath(tail.join(u'/'));
                if (QFileInfo(candidate).isDir())
                    return QDir::cleanPath(candidate);
            }
        }
        QStringList shown;
        for (const QString &r : m_roots)
            shown.append(QDir::toNativeSeparators(r));
        return makeError(ErrorCategory::NotFound,
                         Tr::tr("the artifact folder does not exist, neither where the store recorded it nor below "
                                "the store (looked in %1)")
                             .arg(shown.join(u", "_s)),
                         uri);
    }

    SourceKind m_kind;
    QString m_uri;
    QStringList m_roots;
    QString m_baseDir;
};

// ---- The product's model folder ----

class FolderArtifactStore final : public ArtifactStore {
public:
    FolderArtifactStore(QString folder, QString uri) : m_folder(std::move(folder)), m_uri(std::move(uri)) {}

    SourceKind kind() const override { return SourceKind::ModelFolder; }
    QString uri() const override { return m_uri; }

    Result<QList<ArtifactFile>> list(const ArtifactLocation &location, const std::atomic_bool &cancel) override
    {
        auto names = fileNames(location);
        if (!names)
            return names.error();
        const QDir dir(m_folder);
        QList<ArtifactFile> files;
        for (const QString &name : std::as_const(*names)) {
            ArtifactFile f;
            f.path = name;
            f.size = QFileInfo(dir.filePath(name)).size();
            bool wasCancelled = false;
            f.sha256 = sha256Of(dir.filePath(name), cancel, &f.checksumNote, &wasCancelled);
            if (wasCancelled || cancel.load())
                return cancelled(m_folder);
            files.append(f);
        }
        return files;
    }

    Result<QByteArray> readText(const ArtifactLocation &location, const QString &path, qint64 maxBytes,
                                const std::atomic_bool &cancel) override
    {
        if (!isSafeRelativePath(path) || path.contains(u'/'))
            return unsafePath(path);
        if (cancel.load())
            return cancelled(m_folder);
        auto names = fileNames(location);
        if (!names)
            return names.error();
        if (!names->contains(path))
            return makeError(ErrorCategory::NotFound, Tr::tr("not a file of this version"), QDir(m_folder).filePath(path));
        return readLocalText(QDir(m_folder).filePath(path), maxBytes);
    }

    QString resolvedRoot(const ArtifactLocation &) const override { return m_folder; }

private:
    /// The version's file name in the folder: the recorded path when it is in this folder, else
    /// the same name here (the folder was moved).
    Result<QString> versionFile(const ArtifactLocation &location) const
    {
        QString path = location.rootUri;
        if (path.startsWith(kFolderScheme))
            path = path.mid(kFolderScheme.size());
        if (!QFileInfo::exists(path))
            path = QUrl::fromPercentEncoding(path.toUtf8());
        const QString name = QFileInfo(path).fileName();
        if (name.isEmpty())
            return makeError(ErrorCategory::NotFound, Tr::tr("the version names no model file"), location.displayName());
        if (!QFileInfo(QDir(m_folder).filePath(name)).isFile())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the version's model file is missing from the model folder %1").arg(m_folder),
                             location.rootUri);
        return name;
    }

    Result<QStringList> fileNames(const ArtifactLocation &location) const
    {
        if (!QFileInfo(m_folder).isDir())
            return makeError(ErrorCategory::NotFound, Tr::tr("the model folder does not exist"), m_folder);
        auto file = versionFile(location);
        if (!file)
            return file.error();
        QStringList names{*file};
        if (location.currentFolderVersion) {
            static const QRegularExpression versioned(u"^model_v\\d+\\.pkl$"_s);
            const QStringList all = QDir(m_folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString &n : all)
                if (!versioned.match(n).hasMatch() && !names.contains(n))
                    names.append(n);
        }
        names.sort();
        return names;
    }

    QString m_folder;
    QString m_uri;
};

// ---- A tracking server ----

class ServerArtifactStore final : public ArtifactStore {
public:
    ServerArtifactStore(QUrl base, RestOptions options) : m_base(serverBaseUrl(base)), m_options(std::move(options)) {}

    SourceKind kind() const override { return SourceKind::TrackingServer; }
    QString uri() const override { return m_base.toString(); }

    Result<QList<ArtifactFile>> list(const ArtifactLocation &given, const std::atomic_bool &cancel) override
    {
        HttpClient client(m_base, m_options, cancel);
        auto resolved = withLoggedModelRoot(client, given);
        if (!resolved)
            return resolved.error();
        const ArtifactLocation &location = *resolved;
        if (location.runId.isEmpty() && location.modelId.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the version names no run, so the server cannot list its artifacts"),
                             location.displayName());
        QList<ArtifactFile> files;
        std::deque<QString> folders{QString()};
        QString rootUri;
        QString firstUrl;
        int requests = 0;
        while (!folders.empty()) {
            if (++requests > kMaxListRequests)
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("the server lists more than %1 artifact folders for this run").arg(kMaxListRequests),
                                 firstUrl);
            HttpRequest r;
            if (location.modelId.isEmpty()) {
                r.path = u"api/2.0/mlflow/artifacts/list"_s;
                r.query.addQueryItem(u"run_id"_s, location.runId);
                if (!folders.front().isEmpty())
                    r.query.addQueryItem(u"path"_s, folders.front());
            } else {
                // MLflow 3: a LoggedModel's files are not among its run's artifacts.
                r.path = u"api/2.0/mlflow/logged-models/"_s + location.modelId + u"/artifacts/directories"_s;
                if (!folders.front().isEmpty())
                    r.query.addQueryItem(u"artifact_directory_path"_s, folders.front());
            }
            folders.pop_front();
            if (firstUrl.isEmpty())
                firstUrl = client.urlOf(r);
            auto resp = client.send(r);
            if (!resp)
                return resp.error();
            if (!resp->ok())
                return client.statusError(*resp);
            const json j = json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false);
            if (j.is_discarded() || !j.is_object())
                return makeError(ErrorCategory::BadInput, Tr::tr("the server's artifact list is not MLflow's JSON"),
                                 resp->url);
            if (rootUri.isEmpty() && j.contains("root_uri") && j["root_uri"].is_string())
                rootUri = QString::fromStdString(j["root_uri"].get<std::string>());
            const auto it = j.find("files");
            if (it == j.end() || !it->is_array())
                continue;
            for (const json &f : *it) {
                if (!f.is_object() || !f.contains("path") || !f["path"].is_string())
                    continue;
                const QString path = QString::fromStdString(f["path"].get<std::string>());
                if (!isSafeRelativePath(path))
                    continue;
                // Not f.value("is_dir", false): it throws when the server sends a non-boolean.
                if (const auto d = f.find("is_dir"); d != f.end() && d->is_boolean() && d->get<bool>()) {
                    folders.push_back(path);
                    continue;
                }
                ArtifactFile a;
                a.path = path;
                if (const auto s = f.find("file_size"); s != f.end()) {
                    if (s->is_number_integer())
                        a.size = s->get<qint64>();
                    else if (s->is_string())
                        a.size = QString::fromStdString(s->get<std::string>()).toLongLong();
                }
                files.append(a);
            }
        }
        if (files.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the server lists no artifacts for this run (artifact root %1)")
                                 .arg(rootUri.isEmpty() ? location.rootUri : rootUri),
                             firstUrl);
        std::sort(files.begin(), files.end(), [](const ArtifactFile &a, const ArtifactFile &b) { return a.path < b.path; });
        if (Status s = hashFiles(client, location, files); !s)
            return s.error();
        return files;
    }

    Result<QByteArray> readText(const ArtifactLocation &given, const QString &path, qint64 maxBytes,
                                const std::atomic_bool &cancel) override
    {
        if (!isSafeRelativePath(path))
            return unsafePath(path);
        HttpClient client(m_base, m_options, cancel);
        auto location = withLoggedModelRoot(client, given);
        if (!location)
            return location.error();
        auto req = fileRequest(*location, path);
        if (!req)
            return req.error();
        auto resp = client.send(*req);
        if (!resp)
            return resp.error();
        if (!resp->ok()) {
            Error e = client.statusError(*resp);
            // Missing is an answer (HttpClient does not ask again): say which file, where.
            if (e.category == ErrorCategory::NotFound)
                e.message = Tr::tr("the server has no file %1 in %2").arg(path, resolvedRoot(*location));
            return e;
        }
        return resp->body.left(std::max<qint64>(0, maxBytes));
    }

    QString resolvedRoot(const ArtifactLocation &location) const override
    {
        return location.rootUri.isEmpty() ? location.displayName() : location.rootUri;
    }

private:
    /// `location` with the LoggedModel's artifact location filled in from the server
    /// (logged-models/<id>) when the cache did not know it; other locations as they are.
    Result<ArtifactLocation> withLoggedModelRoot(HttpClient &client, ArtifactLocation location) const
    {
        if (location.modelId.isEmpty() || !location.rootUri.isEmpty())
            return location;
        HttpRequest r;
        r.path = u"api/2.0/mlflow/logged-models/"_s + location.modelId;
        auto resp = client.send(r);
        if (!resp)
            return resp.error();
        if (!resp->ok())
            return client.statusError(*resp);
        const json j = json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false);
        const json *info = j.is_object() && j.contains("model") && j["model"].is_object() && j["model"].contains("info")
            ? &j["model"]["info"]
            : nullptr;
        if (!info || !info->is_object() || !info->contains("artifact_uri") || !(*info)["artifact_uri"].is_string())
            return makeError(ErrorCategory::BadInput, Tr::tr("the server's LoggedModel names no artifact location"),
                             resp->url);
        location.rootUri = QString::fromStdString((*info)["artifact_uri"].get<std::string>());
        return location;
    }

    /// The request that downloads one artifact: the mlflow-artifacts proxy for proxied runs,
    /// else the server's /get-artifact, which serves any run's artifacts it can reach.
    Result<HttpRequest> fileRequest(const ArtifactLocation &location, const QString &path) const
    {
        HttpRequest r;
        if (location.rootUri.startsWith(kMlflowArtifactsScheme)) {
            const QString rel = mlflowArtifactsPath(location.rootUri);
            r.path = u"api/2.0/mlflow-artifacts/artifacts/"_s + (rel.isEmpty() ? QString() : rel + u'/') + path;
            return r;
        }
        if (location.runId.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the version names no run, so the server cannot send its artifacts"),
                             location.displayName());
        r.path = u"get-artifact"_s;
        r.query.addQueryItem(u"path"_s, path);
        r.query.addQueryItem(u"run_id"_s, location.runId);
        return r;
    }

    /// Downloads the files up to the cap (4 at a time) and hashes them.
    Status hashFiles(HttpClient &client, const ArtifactLocation &location, QList<ArtifactFile> &files)
    {
        constexpr int kInFlight = 4;
        struct Pending {
            qsizetype index;
            HttpClient::CallPtr call;
        };
        std::deque<Pending> pending;
        qsizetype next = 0;
        auto startNext = [&]() -> Status {
            while (next < files.size() && pending.size() < size_t(kInFlight)) {
                ArtifactFile &f = files[next];
                const qsizetype index = next++;
                if (f.size < 0) {
                    f.checksumNote = Tr::tr("not computed: the server did not give the file's size");
                    continue;
                }
                if (f.size > kRemoteChecksumLimit) {
                    f.checksumNote = Tr::tr("not computed: larger than %1 MiB, the download limit for checksums")
                                         .arg(kRemoteChecksumLimit / (1024 * 1024));
                    continue;
                }
                auto req = fileRequest(location, f.path);
                if (!req)
                    return req.error();
                pending.push_back({index, client.start(*req)});
            }
            return {};
        };
        if (Status s = startNext(); !s)
            return s;
        while (!pending.empty()) {
            const Pending p = pending.front();
            pending.pop_front();
            auto resp = client.wait(p.call);
            if (!resp) {
                if (resp.error().category == ErrorCategory::Cancelled)
                    return resp.error();
                files[p.index].checksumNote = Tr::tr("not computed: %1").arg(resp.error().toString());
            } else if (!resp->ok()) {
                files[p.index].checksumNote = Tr::tr("not computed: %1").arg(client.statusError(*resp).toString());
            } else {
                files[p.index].sha256 = QString::fromLatin1(
                    QCryptographicHash::hash(resp->body, QCryptographicHash::Sha256).toHex());
            }
            if (Status s = startNext(); !s)
                return s;
        }
        return {};
    }

    QUrl m_base;
    RestOptions m_options;
};

// ---- Parsing ----

QString scalar(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return {};
    const YAML::Node n = map[key];
    if (!n.IsDefined() || !n.IsScalar())
        return {};
    return QString::fromStdString(n.Scalar());
}

Result<YAML::Node> loadYaml(const QByteArray &yaml, const QString &where)
{
    try {
        YAML::Node node = YAML::Load(yaml.toStdString());
        if (!node.IsMap())
            return makeError(ErrorCategory::BadInput, Tr::tr("the file is empty or not a YAML mapping"), where);
        return node;
    } catch (const YAML::Exception &e) {
        const QString at = e.mark.is_null() ? where : where + u':' + QString::number(e.mark.line + 1);
        return makeError(ErrorCategory::BadInput, Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)), at);
    }
}

/// PEP 503: lower case, runs of "-", "_", "." become one "-".
QString normalisePipName(const QString &name)
{
    static const QRegularExpression runs(u"[-_.]+"_s);
    return name.toLower().replace(runs, u"-"_s);
}

/// One pip requirement ("scikit-learn==1.2.1", "numpy>=1.0; python_version<'3.12'",
/// "pkg @ https://…"), or an option line.
Dependency pipDependency(const QString &entry, const QString &fileName)
{
    static const QRegularExpression req(u"^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$"_s);
    Dependency d;
    d.file = fileName;
    d.line = entry;
    const QRegularExpressionMatch m = req.match(entry);
    if (entry.startsWith(u'-') || !m.hasMatch()) {
        d.kind = u"option"_s;
        d.name = entry;
        return d;
    }
    d.kind = u"pip"_s;
    d.name = normalisePipName(m.captured(1));
    d.spec = QString(m.captured(2) + u' ' + m.captured(3)).trimmed();
    return d;
}

/// A conda package ("python=3.11.2", "pip<=23.0", "conda-forge::numpy=1.24").
Dependency condaDependency(const QString &entry, const QString &fileName)
{
    static const QRegularExpression pkg(u"^(?:[^:\\s]+::)?([A-Za-z0-9_.-]+)\\s*(.*)$"_s);
    Dependency d;
    d.file = fileName;
    d.line = entry;
    const QRegularExpressionMatch m = pkg.match(entry);
    d.name = m.hasMatch() ? m.captured(1) : entry;
    d.spec = m.hasMatch() ? m.captured(2).trimmed() : QString();
    d.kind = d.name.compare("python"_L1, Qt::CaseInsensitive) == 0 ? u"python"_s : u"conda"_s;
    if (d.kind == "python"_L1)
        d.name = u"python"_s;
    return d;
}

QStringList stringList(const YAML::Node &seq)
{
    QStringList out;
    if (!seq.IsSequence())
        return out;
    for (const YAML::Node &n : seq)
        if (n.IsScalar())
            out.append(QString::fromStdString(n.Scalar()).trimmed());
    return out;
}

QString dirOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString joinPath(const QString &dir, const QString &name)
{
    return dir.isEmpty() ? name : dir + u'/' + name;
}

} // namespace

// ---- ArtifactLocation ----

ArtifactLocation ArtifactLocation::forVersion(const ModelVersion &version, const QString &runArtifactUri,
                                              const QString &loggedModelArtifactUri)
{
    ArtifactLocation loc;
    loc.modelId = version.modelId.isEmpty() ? ModelVersion::modelIdFromSource(version.source) : version.modelId;
    if (!loc.modelId.isEmpty()) {
        loc.rootUri = loggedModelArtifactUri;
        return loc;
    }
    loc.runId = version.runId;
    if (version.source.startsWith(kFolderScheme)) {
        loc.rootUri = version.source;
        loc.runId.clear();
        loc.currentFolderVersion = version.currentStage == kStageProduction
            || std::any_of(version.tags.cbegin(), version.tags.cend(),
                           [](const KeyValue &t) { return t.key == tags::kSideFiles; });
        return loc;
    }
    loc.rootUri = runArtifactUri.isEmpty() ? version.source : runArtifactUri;
    auto trimmed = [](QString s) {
        while (s.endsWith(u'/'))
            s.chop(1);
        return s;
    };
    const QString root = trimmed(runArtifactUri);
    const QString source = trimmed(version.source);
    const QString runsPrefix = u"runs:/"_s + version.runId + u'/';
    if (!root.isEmpty() && source.startsWith(root + u'/'))
        loc.modelPath = source.mid(root.size() + 1);
    else if (!version.runId.isEmpty() && source.startsWith(runsPrefix))
        loc.modelPath = source.mid(runsPrefix.size());
    return loc;
}

QString ArtifactLocation::displayName() const
{
    if (!rootUri.isEmpty())
        return rootUri;
    if (!modelId.isEmpty())
        return u"models:/"_s + modelId;
    return runId.isEmpty() ? QString() : Tr::tr("run %1").arg(runId);
}

// ---- Factories ----

Result<std::unique_ptr<ArtifactStore>> createArtifactStore(const QString &uriOrPath)
{
    auto source = createSource(uriOrPath);
    if (!source)
        return source.error();
    const QString uri = (*source)->uri();
    switch ((*source)->kind()) {
    case SourceKind::FileStore: {
        const QString root = QDir::cleanPath(QUrl(uri).toLocalFile());
        QDir parent(root);
        parent.cdUp();
        return std::unique_ptr<ArtifactStore>(new LocalArtifactStore(
            SourceKind::FileStore, uri, {root, QDir(root).filePath(u".trash"_s)}, parent.absolutePath()));
    }
    case SourceKind::MlflowDb: {
        const QString dbPath = uri.mid(QStringLiteral("sqlite:///").size());
        const QString dir = QFileInfo(dbPath).absolutePath();
        return std::unique_ptr<ArtifactStore>(
            new LocalArtifactStore(SourceKind::MlflowDb, uri, {QDir(dir).filePath(u"mlruns"_s), dir}, dir));
    }
    case SourceKind::ModelFolder:
        return std::unique_ptr<ArtifactStore>(new FolderArtifactStore(uri.mid(kFolderScheme.size()), uri));
    case SourceKind::TrackingServer: {
        const QUrl url(uriOrPath.trimmed());
        return createServerArtifactStore(url, RestOptions::forUrl(url));
    }
    }
    return makeError(ErrorCategory::Internal, Tr::tr("unknown source kind"), uriOrPath);
}

std::unique_ptr<ArtifactStore> createServerArtifactStore(const QUrl &baseUrl, RestOptions options)
{
    return std::make_unique<ServerArtifactStore>(baseUrl, std::move(options));
}

// ---- Parsers ----

/// MLflow's type of one column, tensor or parameter spec, as a reader says it.
QString specType(const json &spec)
{
    if (!spec.is_object())
        return spec.is_string() ? QString::fromStdString(spec.get<std::string>()) : QString();
    const auto type = spec.find("type");
    const QString name = type != spec.end() && type->is_string() ? QString::fromStdString(type->get<std::string>()) : QString();
    if (name == "tensor"_L1) {
        const auto ts = spec.find("tensor-spec");
        QString dtype;
        QStringList dims;
        if (ts != spec.end() && ts->is_object()) {
            if (const auto d = ts->find("dtype"); d != ts->end() && d->is_string())
                dtype = QString::fromStdString(d->get<std::string>());
            if (const auto shape = ts->find("shape"); shape != ts->end() && shape->is_array())
                for (const json &n : *shape)
                    dims.append(n.is_number_integer() ? QString::number(n.get<qint64>()) : QString::fromStdString(n.dump()));
        }
        QString text = dtype.isEmpty() ? u"tensor"_s : u"tensor "_s + dtype;
        return dims.isEmpty() ? text : text + u" ("_s + dims.join(u", "_s) + u')';
    }
    if (name == "array"_L1)
        if (const auto items = spec.find("items"); items != spec.end())
            return u"array<"_s + specType(*items) + u'>';
    if (name == "map"_L1)
        if (const auto values = spec.find("values"); values != spec.end())
            return u"map<string, "_s + specType(*values) + u'>';
    if (name == "object"_L1)
        if (const auto props = spec.find("properties"); props != spec.end() && props->is_object()) {
            QStringList fields;
            for (auto it = props->begin(); it != props->end(); ++it)
                fields.append(QString::fromStdString(it.key()) + u": "_s + specType(it.value()));
            return u"object{"_s + fields.join(u", "_s) + u'}';
        }
    return name;
}

/// One of the signature's JSON strings (inputs, outputs or params): a list of specs.
Result<QList<SignatureField>> parseSignatureList(const std::string &text, bool params)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_null())
        return QList<SignatureField>{};
    if (j.is_discarded() || !j.is_array())
        return makeError(ErrorCategory::BadInput, Tr::tr("not MLflow's JSON list of column or tensor specs"), QString());
    QList<SignatureField> out;
    for (const json &spec : j) {
        SignatureField f;
        f.type = specType(spec);
        if (spec.is_object()) {
            if (const auto n = spec.find("name"); n != spec.end() && n->is_string())
                f.name = QString::fromStdString(n->get<std::string>());
            if (const auto r = spec.find("required"); r != spec.end() && r->is_boolean())
                f.required = r->get<bool>();
            if (params) {
                if (const auto d = spec.find("default"); d != spec.end() && !d->is_null())
                    f.defaultValue = QString::fromStdString(d->dump());
                if (const auto shape = spec.find("shape"); shape != spec.end() && shape->is_array() && !shape->empty()) {
                    QStringList dims;
                    for (const json &n : *shape)
                        dims.append(QString::fromStdString(n.dump()));
                    f.type += u" ("_s + dims.join(u", "_s) + u')';
                }
            }
        }
        out.append(f);
    }
    return out;
}

/// MLmodel's `signature:` mapping, whose inputs, outputs and params are JSON strings.
void parseSignature(const YAML::Node &node, MlModelInfo &info)
{
    if (!node.IsDefined() || !node.IsMap())
        return;
    ModelSignature sig;
    QStringList problems;
    const std::pair<const char *, QList<SignatureField> *> parts[] = {
        {"inputs", &sig.inputs}, {"outputs", &sig.outputs}, {"params", &sig.params}};
    for (const auto &[key, list] : parts) {
        const YAML::Node part = node[key];
        if (!part.IsDefined() || part.IsNull())
            continue;
        if (!part.IsScalar()) {
            problems.append(Tr::tr("%1: not a JSON string").arg(QLatin1String(key)));
            continue;
        }
        auto fields = parseSignatureList(part.Scalar(), list == &sig.params);
        if (fields)
            *list = *fields;
        else
            problems.append(Tr::tr("%1: %2").arg(QLatin1String(key), fields.error().message));
    }
    info.signature = sig;
    info.signatureProblem = problems.join(u"; "_s);
}

Result<MlModelInfo> parseMlModel(const QByteArray &yaml, const QString &where)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    const YAML::Node &m = *root;
    MlModelInfo info;
    info.mlflowVersion = scalar(m, "mlflow_version");
    info.created = scalar(m, "utc_time_created");
    info.modelUuid = scalar(m, "model_uuid");
    info.runId = scalar(m, "run_id");
    info.artifactPath = scalar(m, "artifact_path");
    const YAML::Node flavors = m["flavors"];
    if (!flavors.IsDefined() || !flavors.IsMap())
        return makeError(ErrorCategory::BadInput, Tr::tr("the MLmodel file names no flavors"), where);
    for (auto it = flavors.begin(); it != flavors.end(); ++it) {
        const QString flavor = QString::fromStdString(it->first.Scalar());
        info.flavors.append(flavor);
        const YAML::Node f = it->second;
        if (!f.IsMap())
            continue;
        if (flavor == "python_function"_L1) {
            info.loaderModule = scalar(f, "loader_module");
            info.pythonVersion = scalar(f, "python_version");
            // f is const: a missing key gives an invalid node that throws on anything but IsDefined().
            const YAML::Node env = f["env"];
            if (env.IsDefined() && env.IsScalar())
                info.environmentFiles.append(QString::fromStdString(env.Scalar()));
            else if (env.IsDefined() && env.IsMap())
                for (auto e = env.begin(); e != env.end(); ++e)
                    if (e->second.IsScalar())
                        info.environmentFiles.append(QString::fromStdString(e->second.Scalar()));
        }
        for (auto field = f.begin(); field != f.end(); ++field) {
            const QString key = QString::fromStdString(field->first.Scalar());
            if (key.endsWith("_version"_L1) && key != "python_version"_L1 && field->second.IsScalar())
                info.libraryVersions.append({flavor + u'.' + key, QString::fromStdString(field->second.Scalar())});
        }
    }
    parseSignature(m["signature"], info);
    return info;
}

QList<Dependency> parseRequirements(const QByteArray &text, const QString &fileName)
{
    QList<Dependency> out;
    QString pending;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (QString line : lines) {
        line.remove(u'\r');
        // A comment starts at "#" at the line's start or after whitespace (pip's rule).
        static const QRegularExpression comment(u"(^|\\s)#.*$"_s);
        line.remove(comment);
        if (line.endsWith(u'\\')) {
            line.chop(1);
            pending += line;
            continue;
        }
        const QString entry = QString(pending + line).trimmed();
        pending.clear();
        if (!entry.isEmpty())
            out.append(pipDependency(entry, fileName));
    }
    if (!pending.trimmed().isEmpty())
        out.append(pipDependency(pending.trimmed(), fileName));
    return out;
}

Result<QList<Dependency>> parseCondaYaml(const QByteArray &yaml, const QString &where, const QString &fileName)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    QList<Dependency> out;
    const YAML::Node deps = (*root)["dependencies"];
    if (!deps.IsSequence())
        return out;
    for (const YAML::Node &n : deps) {
        if (n.IsScalar()) {
            const QString entry = QString::fromStdString(n.Scalar()).trimmed();
            if (!entry.isEmpty())
                out.append(condaDependency(entry, fileName));
        } else if (n.IsMap() && n["pip"].IsDefined() && n["pip"].IsSequence()) {
            const QStringList pip = stringList(n["pip"]);
            for (const QString &entry : pip)
                if (!entry.isEmpty())
                    out.append(pipDependency(entry, fileName));
        }
    }
    return out;
}

Result<QList<Dependency>> parsePythonEnv(const QByteArray &yaml, const QString &where, const QString &fileName)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    QList<Dependency> out;
    const QString python = scalar(*root, "python");
    if (!python.isEmpty())
        out.append(Dependency{u"python"_s, u"python"_s, python, fileName, u"python: "_s + python});
    QStringList entries = stringList((*root)["build_dependencies"]);
    entries += stringList((*root)["dependencies"]);
    for (const QString &entry : std::as_const(entries))
        if (!entry.isEmpty())
            out.append(pipDependency(entry, fileName));
    return out;
}

Result<ModelArtifacts> loadModelArtifacts(ArtifactStore &store, const ArtifactLocation &location,
                                          const std::atomic_bool &cancel)
{
    ModelArtifacts out;
    out.root = store.resolvedRoot(location);
    auto files = store.list(location, cancel);
    if (!files)
        return files.error();
    out.files = *files;
    QSet<QString> paths;
    for (const ArtifactFile &f : std::as_const(out.files))
        paths.insert(f.path);

    const QString preferred = joinPath(location.modelPath, u"MLmodel"_s);
    if (paths.contains(preferred)) {
        out.mlmodelPath = preferred;
    } else {
        for (const ArtifactFile &f : std::as_const(out.files)) {
            if (f.path != "MLmodel"_L1 && !f.path.endsWith("/MLmodel"_L1))
                continue;
            if (out.mlmodelPath.isEmpty() || f.path.count(u'/') < out.mlmodelPath.count(u'/'))
                out.mlmodelPath = f.path;
        }
    }
    const QString modelDir = out.mlmodelPath.isEmpty() ? location.modelPath : dirOf(out.mlmodelPath);
    auto read = [&](const QString &path) -> std::optional<QByteArray> {
        auto bytes = store.readText(location, path, ArtifactStore::kDefaultTextLimit, cancel);
        if (!bytes) {
            out.problems.append(bytes.error());
            return std::nullopt;
        }
        return *bytes;
    };
    // Problems name the file as the user would find it: below the resolved root.
    auto whereOf = [&](const QString &path) { return joinPath(out.root, path); };

    if (!out.mlmodelPath.isEmpty()) {
        if (auto bytes = read(out.mlmodelPath)) {
            auto info = parseMlModel(*bytes, whereOf(out.mlmodelPath));
            if (info && !info->signatureProblem.isEmpty())
                out.problems.append(makeError(ErrorCategory::BadInput,
                                              Tr::tr("the signature cannot be read (%1)").arg(info->signatureProblem),
                                              whereOf(out.mlmodelPath)));
            if (info)
                out.mlmodel = *info;
            else
                out.problems.append(info.error());
        }
    }
    if (cancel.load())
        return cancelled(out.root);

    const QString requirements = joinPath(modelDir, u"requirements.txt"_s);
    if (paths.contains(requirements))
        if (auto bytes = read(requirements))
            out.dependencies += parseRequirements(*bytes);
    const QString conda = joinPath(modelDir, u"conda.yaml"_s);
    if (paths.contains(conda)) {
        if (auto bytes = read(conda)) {
            auto deps = parseCondaYaml(*bytes, whereOf(conda));
            if (deps)
                out.dependencies += *deps;
            else
                out.problems.append(deps.error());
        }
    }
    const QString pyenv = joinPath(modelDir, u"python_env.yaml"_s);
    if (paths.contains(pyenv)) {
        if (auto bytes = read(pyenv)) {
            auto deps = parsePythonEnv(*bytes, whereOf(pyenv));
            if (deps)
                out.dependencies += *deps;
            else
                out.problems.append(deps.error());
        }
    }
    if (out.mlmodel) {
        // MLmodel names its environment files; one that is missing means the model cannot be
        // restored as logged, which a reviewer should know.
        for (const QString &name : std::as_const(out.mlmodel->environmentFiles)) {
            const QString path = joinPath(modelDir, name);
            if (!paths.contains(path))
                out.problems.append(makeError(ErrorCategory::NotFound,
                                              Tr::tr("MLmodel names %1, which is not among the artifacts").arg(name),
                                              whereOf(path)));
        }
    }
    if (cancel.load())
        return cancelled(out.root);
    return out;
}

} // namespace md
