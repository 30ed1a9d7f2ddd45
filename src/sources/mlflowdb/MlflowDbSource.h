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
/// Supports the schemas of MLflow 1.4 and later (every alembic revision from
/// `89d4b8295536_create_latest_metrics_table` on, which covers all of MLflow 2.x and 3.x). Tables that
/// older revisions lack (registry tables, aliases, datasets, inputs, input tags) are optional.
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
    /// not an SQLite file, is truncated, lacks MLflow's tables ("not an MLflow database") or carries
    /// an alembic revision this build does not know (the message names the revision). Every error
    /// names the file. May be called again; it reopens.
    Status open() override;
    /// Delivers experiments by id, each followed by its runs by run id (with params, tags, latest
    /// metrics, full metric history and dataset inputs), then registered models by name with their
    /// versions and aliases. Opens the file first when open() was not called. A row that cannot be
    /// used goes to sink.problem(); a file that cannot be read (corrupt, vanished) fails the read
    /// with an error naming the file. Checks `cancel` between runs.
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;

    /// The alembic revision found by open(), empty before.
    QString schemaRevision() const { return m_revision; }
    /// Every alembic revision this reader accepts.
    static const QStringList &knownRevisions();

private:
    void close();

    QString m_path;      ///< absolute
    QString m_revision;  ///< alembic_version.version_num, set by open()
    std::unique_ptr<Database> m_db;
};

/// The parts of MlflowDbSource that MlflowDbWriter shares, so that both check a file the same way
/// and deliver a registered model the same way.
namespace mlflowdb {

/// Opens the SQLite file `path` and runs the checks MlflowDbSource::open() documents (same errors,
/// each naming the file). `writable`: opened read-write (never created); a write-protected file is
/// then Permission. On success `db` is open (5 s busy timeout) and `revision` is the alembic
/// revision; on failure `db` is closed. An open `db` passed in is closed first.
Status openDatabase(const QString &path, bool writable, Database &db, QString &revision);

/// The registered model `name` exactly as MlflowDbSource::readAll() delivers it (tags, aliases,
/// versions sorted, deleted versions left out), or nullopt when there is no such model. Reads in
/// the caller's transaction when one is open.
Result<std::optional<RegisteredModel>> readRegisteredModel(Database &db, const QString &name);

} // namespace mlflowdb

} // namespace md
