// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/Source.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace md {

class Database;

/// MLflow's SQL backend store on SQLite (`mlflow server --backend-store-uri sqlite:///…/mlflow.db`),
/// read directly with SQLite, read-only: the file is never written, locked for writing or migrated.
///
/// Knows every alembic revision of MLflow's migration chain from
/// `89d4b8295536_create_latest_metrics_table` (MLflow 1.4) to `bf29a5ff90ea_add_jobs_table` (MLflow
/// 3.5/3.6; see knownRevisions()). Tables that older revisions lack (registry tables, aliases,
/// datasets, inputs, input tags, MLflow 3's LoggedModel tables) are optional.
///
/// A file with a revision this build does not know, but with MLflow's tables, was migrated by a
/// newer MLflow: it is read as far as its tables and columns are the ones known here (what a newer
/// MLflow renamed or dropped is left out), with one ReadProblem naming the file, its revision and
/// newestKnownRevision(); MlflowDbWriter refuses to write to it. A revision that is not an alembic
/// revision id at all (empty, spaces, control characters, over 64 characters), or a file without
/// MLflow's tables, is not an MLflow database: open() fails.
class MlflowDbSource final : public Source {
public:
    /// `dbPath` is the path of the SQLite file (relative paths are made absolute now).
    explicit MlflowDbSource(QString dbPath);
    ~MlflowDbSource() override;
    MlflowDbSource(const MlflowDbSource &) = delete;
    MlflowDbSource &operator=(const MlflowDbSource &) = delete;

    SourceKind kind() const override { return SourceKind::MlflowDb; }
    /// "sqlite:///" + the absolute path, SQLAlchemy's form ("sqlite:////abs/mlflow.db").
    QString uri() const override;
    /// Opens the file read-only and checks it: NotFound when it does not exist; BadInput when it is
    /// not an SQLite file, is truncated, lacks MLflow's tables ("not an MLflow database"), carries a
    /// revision from before MLflow 1.4 or a value that is no alembic revision id (the message names
    /// it). A revision newer than known opens (see isNewerSchema()). Every error names the file.
    /// May be called again; it reopens.
    Status open() override;
    /// Delivers experiments by id, each followed by its runs by run id (with params, tags, latest
    /// metrics, full metric history, dataset inputs and MLflow 3's model inputs and outputs sorted
    /// by model id), then its LoggedModels by model id (params and tags sorted by key, metrics by
    /// key, dataset name, step and timestamp; deleted ones with lifecycleStage "deleted"), then
    /// registered models by name with their versions and aliases (prompts included: they are
    /// registered models tagged `mlflow.prompt.is_prompt`). Opens the file first when open() was
    /// not called. A file of a newer revision first gets one sink.problem() (see the class);
    /// a row that cannot be used goes to sink.problem(); a file that cannot be read (corrupt,
    /// vanished) fails the read with an error naming the file. Checks `cancel` between runs.
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;

    /// The alembic revision found by open(), empty before (several, comma-separated, when the
    /// file's alembic_version has several rows).
    QString schemaRevision() const { return m_schema.revision; }
    /// Whether open() found a revision newer than knownRevisions() (read what is known, never write).
    bool isNewerSchema() const { return m_schema.newer; }
    /// Every alembic revision this reader knows, in MLflow's migration order: oldest first.
    static const QStringList &knownRevisions();
    /// The last of knownRevisions(): the head of MLflow 3.5 and 3.6, "bf29a5ff90ea".
    static QString newestKnownRevision();

    /// What open() found out about a file's schema.
    struct SchemaInfo {
        QString revision;    ///< alembic_version.version_num (comma-separated when several rows)
        bool newer = false;  ///< a revision newer than known (not in knownRevisions())
    };

private:
    void close();

    QString m_path;  ///< absolute
    SchemaInfo m_schema;  ///< set by open()
    std::unique_ptr<Database> m_db;
};

/// The parts of MlflowDbSource that MlflowDbWriter shares, so that both check a file the same way
/// and deliver a registered model the same way.
namespace mlflowdb {

/// Opens the SQLite file `path` and runs the checks MlflowDbSource::open() documents (same errors,
/// each naming the file). `writable`: the file is checked read-only first and, only when it passes,
/// opened read-write (never created): a revision newer than known is then BadInput naming the file
/// and the revision (nothing is written), a write-protected file Permission. On success `db` is
/// open (5 s busy timeout) and `schema` describes the file; on failure `db` is closed. An open `db`
/// passed in is closed first.
Status openDatabase(const QString &path, bool writable, Database &db, MlflowDbSource::SchemaInfo &schema);

/// The message of the one ReadProblem about a file of a newer revision (without the file, which
/// goes into Error::where), e.g. "written by a newer MLflow (schema revision X; ModelDesk knows up
/// to bf29a5ff90ea): read what is known, writes refused".
QString newerSchemaMessage(const QString &revision);

/// The registered model `name` exactly as MlflowDbSource::readAll() delivers it (tags, aliases,
/// versions sorted, deleted versions left out), or nullopt when there is no such model. Reads in
/// the caller's transaction when one is open.
Result<std::optional<RegisteredModel>> readRegisteredModel(Database &db, const QString &name);

} // namespace mlflowdb

} // namespace md
