// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/ArtifactStore.h"

#include "core/TagNames.h"
#include "sources/ArtifactStoreSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

using artifacts::kFolderScheme;
using artifacts::Tr;

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
        return artifacts::makeLocalArtifactStore(SourceKind::FileStore, uri,
                                                 {root, QDir(root).filePath(u".trash"_s)}, parent.absolutePath());
    }
    case SourceKind::MlflowDb: {
        const QString dbPath = uri.mid(QStringLiteral("sqlite:///").size());
        const QString dir = QFileInfo(dbPath).absolutePath();
        return artifacts::makeLocalArtifactStore(SourceKind::MlflowDb, uri, {QDir(dir).filePath(u"mlruns"_s), dir}, dir);
    }
    case SourceKind::ModelFolder:
        return artifacts::makeFolderArtifactStore(uri.mid(kFolderScheme.size()), uri);
    case SourceKind::TrackingServer: {
        const QUrl url(uriOrPath.trimmed());
        return createServerArtifactStore(url, RestOptions::forUrl(url));
    }
    }
    return makeError(ErrorCategory::Internal, Tr::tr("unknown source kind"), uriOrPath);
}

} // namespace md
