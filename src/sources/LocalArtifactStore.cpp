// SPDX-License-Identifier: GPL-3.0-or-later
// The artifacts of MLflow's local stores, the file store and mlflow.db: local folders.
#include "sources/ArtifactStoreSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md::artifacts {

namespace {

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


} // namespace

std::unique_ptr<ArtifactStore> makeLocalArtifactStore(SourceKind kind, QString uri, QStringList roots, QString baseDir)
{
    return std::make_unique<LocalArtifactStore>(kind, std::move(uri), std::move(roots), std::move(baseDir));
}

} // namespace md::artifacts
