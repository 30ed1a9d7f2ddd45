// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QList>
#include <QString>

#include <memory>

namespace md {

/// What registering a new model version needs.
struct NewModelVersion {
    QString name;         ///< the registered model; created when it does not exist yet
    /// Where the model's files are: for MLflow stores the artifact URI of the run's model
    /// ("runs:/<run>/model", "mlflow-artifacts:/…", "file:///…"); for a model folder the path
    /// of the new model file to take in (copied, never moved, never unpickled).
    QString source;
    QString runId;        ///< may be empty (always empty for a model folder)
    QString description;
    QString userId;       ///< who registers it (recorded where the store has a field for it)
    QList<KeyValue> tags;
};

/// Writes to the model registry of one source. The counterpart of Source for actions
/// (promote, approve, A/B share, rollback): small, single-purpose operations, each of which
/// either fully applies or leaves the source unchanged. Callers (the actions library) re-read
/// with readModel() before and after every write to check preconditions and confirm.
///
/// Implementations are not thread-safe (one object per thread) and may block (REST): call them on
/// a worker thread from the GUI. They never show UI. Errors name the file, field or URL. A
/// version or model that does not exist is NotFound; an unreachable server is Network (the
/// action may then be queued); 401/403 are Auth/Permission.
class RegistryWriter {
public:
    virtual ~RegistryWriter() = default;
    /// The source's canonical URI, the same string Source::uri() gives for it.
    virtual QString uri() const = 0;
    /// Checks that the store is there and writable in principle (schema known, folder exists).
    virtual Status open() = 0;

    /// Does the source keep MLflow's stages / aliases at all? A model folder has stages (its
    /// current version is Production, the others Archived, plus Staging kept beside it) but
    /// no aliases.
    virtual bool supportsAliases() const { return true; }
    /// True when the registry is a folder of model files (a model folder): each version is a file
    /// with its checksum in its tags, Production is the file that is served, and a new version
    /// must beat the current one's score. MLflow's registries only point at artifacts.
    virtual bool holdsModelFiles() const { return false; }

    /// The model as the source holds it right now (not from any cache): versions sorted, with
    /// tags and aliases, exactly as the matching Source would deliver it in a sync.
    virtual Result<RegisteredModel> readModel(const QString &name) = 0;

    /// Registers a new version (the next number) and returns it as now stored.
    virtual Result<ModelVersion> createVersion(const NewModelVersion &v) = 0;

    /// MLflow's transition-stage: `stage` is one of None, Staging, Production, Archived. With
    /// `archiveExisting`, the other versions in `stage` (Staging or Production only) move to
    /// Archived in the same write, as MLflow's `archive_existing_versions` does.
    virtual Status transitionStage(const QString &name, qint64 version, const QString &stage,
                                   bool archiveExisting) = 0;
    /// Points `alias` at `version` (moving it from another version if it was set).
    virtual Status setAlias(const QString &name, const QString &alias, qint64 version) = 0;
    /// Removes `alias`; NotFound when it is not set.
    virtual Status deleteAlias(const QString &name, const QString &alias) = 0;
    virtual Status setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value) = 0;
    /// Removes the tag; no error when it was not set.
    virtual Status deleteVersionTag(const QString &name, qint64 version, const QString &key) = 0;
    virtual Status setVersionDescription(const QString &name, qint64 version, const QString &description) = 0;

protected:
    /// Version `version` of `name` as readModel() reads it back after a write; readModel()'s error,
    /// or `missing` when the model read back has no such version.
    Result<ModelVersion> readBackVersion(const QString &name, qint64 version, const Error &missing);
};

/// The writer for a source URI or path (same recognition as createSource()), not yet opened.
/// `http(s)` URLs use the process-wide ServerCredentials and the environment like
/// MlflowRestSource does.
Result<std::unique_ptr<RegistryWriter>> createRegistryWriter(const QString &uriOrPath);

} // namespace md
