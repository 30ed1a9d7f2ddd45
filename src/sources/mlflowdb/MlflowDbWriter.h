// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/RegistryWriter.h"

#include <QString>

#include <memory>

namespace md {

class Database;

/// Writes the model registry tables of MLflow's SQL store on SQLite (`mlflow.db`) with the
/// semantics of MLflow's SqlAlchemyStore (mlflow/store/model_registry/sqlalchemy_store.py):
/// registered_models, model_versions, model_version_tags, registered_model_aliases.
///
/// Every operation is one transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error, so the
/// file holds either the old or the new state; a concurrent MLflow server is waited for up to 5 s
/// (busy timeout). Like MLflow: creating a version and moving a stage update the registered
/// model's last_updated_time; a stage or description change updates the version's; tags and
/// aliases change neither timestamp. The schema is never migrated.
///
/// Only files of a revision MlflowDbSource::knownRevisions() lists are written: one migrated by a
/// newer MLflow is refused by open() (BadInput naming the file and the revision) before it is
/// opened for writing, and each transaction checks, under its write lock, that the revision is
/// still the one open() saw, so that a file upgraded meanwhile is not written either.
class MlflowDbWriter final : public RegistryWriter {
public:
    /// `dbPath` is the path of the SQLite file (relative paths are made absolute now).
    explicit MlflowDbWriter(QString dbPath);
    ~MlflowDbWriter() override;
    MlflowDbWriter(const MlflowDbWriter &) = delete;
    MlflowDbWriter &operator=(const MlflowDbWriter &) = delete;

    /// The same as MlflowDbSource::uri() for the file: "sqlite:////abs/mlflow.db".
    QString uri() const override;
    /// Opens the file read-write with the checks of MlflowDbSource::open() (MLflow's tables, a
    /// revision it can read); BadInput when the revision is newer than known (checked read-only,
    /// before the file is opened for writing) or the registry tables are missing, Permission when
    /// the file is write-protected. Every other call opens the file first when needed.
    Status open() override;
    Result<RegisteredModel> readModel(const QString &name) override;

    /// Creates the registered model first when missing; the new version is MAX(version) + 1
    /// (deleted versions included, as MLflow counts), stage None, status READY, with the tags
    /// given (the last value of a repeated key wins), storage_location (when the schema has it)
    /// the source or, for `models:/<name>/<n>`, that version's storage location.
    ///
    /// A `models:/m-<id>` source (MLflow 3) registers that LoggedModel as MLflow 3 does: NotFound
    /// when there is no such LoggedModel (BadInput when the file predates them), storage_location
    /// its artifact location, the run id its source run when none is given, and the new version
    /// appended to the LoggedModel's `mlflow.modelVersions` tag (a JSON list written as Python's
    /// json.dumps does, `{"name": …, "version": <int>}`; not appended twice) in the same
    /// transaction. A tag value that is not a JSON list is left as it is (MLflow would fail after
    /// creating the version). The returned version's modelId is the LoggedModel's id.
    Result<ModelVersion> createVersion(const NewModelVersion &v) override;
    Status transitionStage(const QString &name, qint64 version, const QString &stage,
                           bool archiveExisting) override;
    /// BadInput when this schema predates aliases (MLflow < 2.3).
    Status setAlias(const QString &name, const QString &alias, qint64 version) override;
    Status deleteAlias(const QString &name, const QString &alias) override;
    Status setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value) override;
    Status deleteVersionTag(const QString &name, qint64 version, const QString &key) override;
    Status setVersionDescription(const QString &name, qint64 version, const QString &description) override;

private:
    Status ensureOpen();
    void close();

    QString m_path;  ///< absolute
    QString m_revision;  ///< the alembic revision open() found; every write checks it is unchanged
    std::unique_ptr<Database> m_db;
};

} // namespace md
