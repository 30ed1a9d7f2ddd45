// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/Source.h"

#include <QString>

namespace md {

/// The product's local versioning folder (e.g. `artifacts/training/`):
///   model.pkl        the current model
///   model_vN.pkl     every saved version N (N >= 1)
///   version.txt      "Current version: 4\nBest score: 0.89\nDate created: 2024-01-15"
///   anything else    side files (scaler.pkl, encoders.pkl, …) that belong to the current version
///
/// Files are never unpickled or executed: only their names, sizes, times and SHA-256 are read.
/// The folder is delivered as exactly one RegisteredModel (no experiments, no runs) whose versions
/// are the model_vN.pkl files; see readAll().
class ModelFolderSource final : public Source {
public:
    /// `folderPath` is the folder holding model.pkl (relative paths are made absolute now).
    explicit ModelFolderSource(QString folderPath);

    SourceKind kind() const override { return SourceKind::ModelFolder; }
    /// "folder://" + the absolute path, e.g. "folder:///home/ds/car-price/artifacts/training".
    QString uri() const override;
    /// NotFound when the folder does not exist; BadInput "not a model folder" (naming the path) when
    /// it is a file or holds none of model.pkl, model_vN.pkl and version.txt.
    Status open() override;
    /// Delivers one RegisteredModel named after the folder (generic names such as "training" or
    /// "artifacts" are skipped upwards: …/car-price/artifacts/training gives "car-price").
    /// One ModelVersion per model_vN.pkl, stage Archived, except the current one: Production. The
    /// current version is version.txt's "Current version"; without a usable one, the model_vN.pkl
    /// whose bytes equal model.pkl. When model.pkl matches no model_vN.pkl and version.txt names no
    /// existing one, model.pkl itself is delivered as the current version (number from version.txt,
    /// else the highest N + 1). Each version carries the tags modeldesk.file, modeldesk.size_bytes and
    /// modeldesk.sha256; the current one also modeldesk.best_score, modeldesk.date_created (from
    /// version.txt, when given) and modeldesk.side_files (sorted, comma-separated). A version.txt
    /// that cannot be understood, or a file that cannot be read, goes to sink.problem() with the
    /// file (and ":line") as `where`; the rest is still delivered.
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;

    /// True when `dir` is a folder holding model.pkl, version.txt or a model_vN.pkl.
    static bool looksLikeModelFolder(const QString &dir);
    /// The model name for a folder: its name, or the nearest ancestor's name that is not generic
    /// (training, artifacts, models, model, output).
    static QString modelNameFor(const QString &dir);

private:
    QString m_path;  ///< absolute, cleaned
};

} // namespace md
