// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to md_sources: what the artifact stores of every backend share. Not installed, not
// included outside src/sources.
#pragma once

#include "core/Error.h"
#include "sources/ArtifactStore.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace md::artifacts {

/// Gives lupdate and the runtime one translation context for every artifact store.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ArtifactStore)
};

inline const QString kMlflowArtifactsScheme = QStringLiteral("mlflow-artifacts:");
inline const QString kFolderScheme = QStringLiteral("folder://");

Error cancelled(const QString &where);

/// A relative artifact path that stays below its root: no absolute paths, no "..", no "\".
bool isSafeRelativePath(const QString &path);
Error unsafePath(const QString &path);

/// "mlflow-artifacts:/1/<run>/artifacts" or "mlflow-artifacts://host:5000/1/…" → "1/<run>/artifacts".
QString mlflowArtifactsPath(const QString &uri);

/// True for "s3://…", "gs:…" and the like; false for plain paths (including "C:/…").
bool hasForeignScheme(const QString &uri);

/// Streams a file through SHA-256. Sets `note` (translated) and returns empty on failure.
QString sha256Of(const QString &path, const std::atomic_bool &cancel, QString *note, bool *wasCancelled);

Result<QByteArray> readLocalText(const QString &file, qint64 maxBytes);

/// The artifacts of the file store and of mlflow.db: `roots` are where a recorded file:// path's
/// tail is looked for; `baseDir` is what relative URIs are relative to and where the
/// proxied-artifact folders are looked for.
std::unique_ptr<ArtifactStore> makeLocalArtifactStore(SourceKind kind, QString uri, QStringList roots, QString baseDir);

/// The files of a model folder's versions.
std::unique_ptr<ArtifactStore> makeFolderArtifactStore(QString folder, QString uri);

} // namespace md::artifacts
