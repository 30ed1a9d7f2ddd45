// SPDX-License-Identifier: GPL-3.0-or-later
// The files of a model folder's versions.
#include "sources/ArtifactStoreSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace md::artifacts {

namespace {

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


} // namespace

std::unique_ptr<ArtifactStore> makeFolderArtifactStore(QString folder, QString uri)
{
    return std::make_unique<FolderArtifactStore>(std::move(folder), std::move(uri));
}

} // namespace md::artifacts
