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
class MlflowDbWriter final : public RegistryWriter {
public:
    /// `dbPath` is the path of the SQLite file (relative paths are made absolute now).
    explicit MlflowDbWriter(QString dbPath);
    ~MlflowDbWriter() override;
    MlflowDbWriter(const MlflowDbWriter &) = delete;
    MlflowDbWriter &operator=(const MlflowDbWriter &) = delete;

    /// The same as MlflowDbSource::uri() for the file: "sqlite:////abs/mlflow.db".
    QString uri() const override;
    /// Opens the file read-write with the checks of MlflowDbSource::open() (known alembic
    /// revision, MLflow's tables); BadInput when the registry tables are missing, Permission when
    /// the file is write-protected. Every other call opens the file first when needed.
    Status open() override;
    Result<RegisteredModel> readModel(const QString &name) override;

    /// Creates the registered model first when missing; the new version is MAX(version) + 1
    /// (deleted versions included, as MLflow counts), stage None, status READY, with the tags
    /// given (the last value of a repeated key wins), storage_location (when the schema has it)
    /// the source or, for `models:/<name>/<n>`, that version's storage location.
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
    QString m_revision;
    std::unique_ptr<Database> m_db;
};

} // namespace md
