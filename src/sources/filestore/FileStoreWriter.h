// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/RegistryWriter.h"

#include <QString>


namespace md {

/// Writes the model registry of an MLflow FILE store (`mlruns/models/`) the way MLflow's
/// FileStore (mlflow/store/model_registry/file_store.py, MLflow 2.x) lays it out:
///
///     models/<name>/meta.yaml                 aliases (a copy), creation/last-updated, description, name
///     models/<name>/aliases/<alias>           the version number as text (what MLflow reads back)
///     models/<name>/version-<n>/meta.yaml     the version's fields
///     models/<name>/version-<n>/tags/<key>    the tag value as is (no newline); "a/b" is tags/a/b
///
/// The YAML is written as MLflow writes it (PyYAML with libyaml: keys sorted, block style, empty
/// collections as `[]`/`{}`, strings quoted only where YAML needs it, long lines folded at 80
/// columns); keys of a meta.yaml that this class does not know are kept. Every file is replaced
/// with writeFileAtomically() (deleted with removeFileDurably()), so each file is always either the
/// old or the new complete file. An operation that touches several files writes them in an order
/// that leaves a readable store after a crash between any two of them (see each function); when a
/// write fails, the files already written by the same operation are put back.
///
/// Like MLflow, a set alias or version tag updates the registered model's last_updated_timestamp
/// (not the version's); a description or stage change updates the version's as well.
///
/// MLflow 3 stores (recognised by a registered model's `deployment_job_id`, a version's
/// `model_id`, or an experiment with LoggedModels in `<exp>/models/`) are written as MLflow 3
/// writes them: a version's meta.yaml has `model_id` and `deployment_job_state` and no `aliases`
/// copy (an existing file keeps the keys it has, so MLflow 2.x files keep theirs), a new registered
/// model's has `deployment_job_id` and `deployment_job_state`. The LoggedModels themselves are
/// never written.
class FileStoreWriter final : public RegistryWriter {
public:
    /// `mlrunsRoot` is the store folder; a relative path is made absolute now.
    explicit FileStoreWriter(QString mlrunsRoot);

    /// The same as FileStoreSource::uri() for the folder: "file:///abs/mlruns".
    QString uri() const override;
    /// NotFound when the folder does not exist; BadInput when it is not a file store (see
    /// FileStoreSource::open()); Permission when the folder (or its `models/`) is not writable.
    Status open() override;
    Result<RegisteredModel> readModel(const QString &name) override;

    /// Creates `models/<name>/` first when the model does not exist (meta.yaml with no
    /// description). The new version folder is built under a hidden name inside the model folder
    /// and renamed to `version-<n>` in one step (n = the highest existing number + 1, deleted
    /// versions included, as MLflow counts), so a crash leaves either no new version or a complete
    /// one; then the model's meta.yaml gets the new last_updated_timestamp. Conflict when another
    /// writer took the same number meanwhile. BadInput for an invalid name, empty source or tag.
    /// The version's storage_location is the source; a `models:/<name>/<n>` source is resolved
    /// to that version's storage location, as MLflow does. A `models:/m-<id>` source (MLflow 3)
    /// names a LoggedModel: the version records its id as `model_id`, takes its
    /// artifact_location as storage_location and, when `v.runId` is empty, its source_run_id as
    /// run_id; NotFound (field "source") when the store has no such LoggedModel or it is deleted.
    /// Like MLflow's file store, the LoggedModel's `mlflow.modelVersions` tag is not touched
    /// (MLflow's client and server set it, not the store).
    Result<ModelVersion> createVersion(const NewModelVersion &v) override;
    /// Writes the version's meta.yaml first, then (with `archiveExisting`) the meta.yaml of each
    /// other version in that stage, in version order, then the model's meta.yaml. A crash in
    /// between leaves two versions in the target stage (never none): MLflow resolves
    /// `models:/<name>/<stage>` to the highest of them, and running the same transition again
    /// completes it.
    Status transitionStage(const QString &name, qint64 version, const QString &stage,
                           bool archiveExisting) override;
    /// Writes `aliases/<alias>`, then the model's meta.yaml (its `aliases:` copy and
    /// last_updated_timestamp). The aliases folder is what MLflow and FileStoreSource read, so a
    /// crash between the two files leaves only the copy stale.
    Status setAlias(const QString &name, const QString &alias, qint64 version) override;
    /// Removes `aliases/<alias>`, then rewrites the model's meta.yaml. NotFound when not set. After
    /// a crash between the two, MLflow no longer sees the alias; FileStoreSource, which also
    /// reads meta.yaml's copy, still does until the next alias write.
    Status deleteAlias(const QString &name, const QString &alias) override;
    /// Writes `version-<n>/tags/<key>`, then the model's meta.yaml (last_updated_timestamp).
    Status setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value) override;
    /// Removes the tag file (and then updates the model's meta.yaml); nothing when not set.
    Status deleteVersionTag(const QString &name, qint64 version, const QString &key) override;
    /// Rewrites the version's meta.yaml (description, last_updated_timestamp).
    Status setVersionDescription(const QString &name, qint64 version, const QString &description) override;

private:
    QString m_root;  ///< absolute, cleaned
};

} // namespace md
