// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/Source.h"

#include <QString>

#include <functional>

namespace md {

/// Reads an MLflow FILE store (the `mlruns/` folder that `mlflow` writes with a file:// tracking
/// URI): experiments (active ones and those in `.trash/`), runs with their full metric histories,
/// params, tags and dataset inputs, and the model registry under `models/`. Stores of MLflow 2.x
/// and 3.x alike; what MLflow 3 adds is read as well:
///  - LoggedModels in `<experiment>/models/<model_id>/` (meta.yaml with `status` as a number,
///    params/, tags/, metrics/ whose lines are `timestamp value step run_id [dataset_name
///    dataset_digest]`);
///  - a run's `outputs/<model_id>/` (Run::modelOutputs) and its inputs of type MODEL
///    (Run::modelInputs);
///  - run metric lines with two more columns (`timestamp value step dataset_name dataset_digest`),
///    of which the run's metric keeps timestamp, value and step as MLflow's run metrics do;
///  - `model_id` in a version's meta.yaml (ModelVersion::modelId; from a `models:/m-…` source
///    when the file has none);
///  - prompts, which are registered models tagged `mlflow.prompt.is_prompt`, with their tags and
///    versions like any model.
/// A metric line that repeats an earlier line of the same file (same timestamp, step and value;
/// MLflow 3 appends one when logging a model) is read once, as MLflow's SQL store keeps it once.
///
/// Every `meta.yaml` is parsed as YAML (never executed). A run, experiment, LoggedModel, model,
/// model version or metric line that cannot be read is reported to ImportSink::problem() with the
/// file (and ":line" for metric lines) and skipped; the rest of the store is still delivered.
class FileStoreSource final : public Source {
public:
    /// `rootPath` is the `mlruns` folder; a relative path is made absolute against the current
    /// directory at construction.
    explicit FileStoreSource(QString rootPath);

    SourceKind kind() const override { return SourceKind::FileStore; }
    /// "file:///abs/path/mlruns".
    QString uri() const override;
    /// The absolute path of the store folder.
    QString rootPath() const { return m_root; }

    /// Fails with NotFound when the folder does not exist, BadInput when it is not a folder, cannot
    /// be listed, or does not look like a file store (see looksLikeFileStore()). `where` is the path.
    Status open() override;

    /// Delivers, in this order: expectRuns(number of run folders of readable experiments); for each
    /// experiment sorted by id (numerically when both ids are numbers, of any length), experiment(),
    /// then its runs sorted by run id, then its LoggedModels sorted by id (loggedModel(), metrics
    /// sorted by key, dataset name, step and timestamp); then the registered models sorted by name,
    /// each with its versions sorted by number and its aliases sorted by name. Runs carry their full
    /// history (hasHistory = true) and the latest values computed from it, and their model inputs
    /// and outputs sorted by model id. Runs and LoggedModels of an experiment in `.trash/` are
    /// delivered as deleted.
    /// Returns Cancelled when `cancel` is seen set (checked before every run and model), or the
    /// first error a sink call returns; reading stops there.
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;

    /// True when `dir` is a folder that holds an MLflow file store: a `models/` or `.trash/`
    /// sub-folder, or a sub-folder with a `meta.yaml` that has an `experiment_id`. Cheap: no YAML
    /// parsing, no recursion. Used to recognise plain paths.
    static bool looksLikeFileStore(const QString &dir);

    /// The registered model in `modelDir` (`<store>/models/<folder>`) exactly as readAll() delivers
    /// it: name (from meta.yaml, else the folder name), tags, aliases (the `aliases/` folder wins
    /// over meta.yaml's copy), versions sorted by number with their tags and aliases, deleted
    /// versions left out. Fails (naming the file) when the model's meta.yaml cannot be read or
    /// parsed; a version, tag or alias that cannot be read goes to `problem` and is skipped.
    /// Shared with FileStoreWriter::readModel().
    static Result<RegisteredModel> readModelFolder(const QString &modelDir,
                                                   const std::function<void(const Error &)> &problem);

private:
    QString m_root;
};

} // namespace md
