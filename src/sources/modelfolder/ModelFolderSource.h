// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/Source.h"

#include <QMap>
#include <QString>

#include <optional>

namespace md {

/// The product's local versioning folder (e.g. `artifacts/training/`):
///   model.pkl        the current model
///   model_vN.pkl     every saved version N (N >= 1)
///   version.txt      "Current version: 4\nBest score: 0.89\nDate created: 2024-01-15"
///   anything else    side files (scaler.pkl, encoders.pkl, …) that belong to the current version
///
///   .modeldesk-registry.json   ModelDesk's own registry state (see ModelFolderSidecar)
///
/// Files are never unpickled or executed: only their names, sizes, times and SHA-256 are read.
/// Dot files (the sidecar, a lock, temporary files a killed write left behind) are never versions
/// or side files.
/// The folder is delivered as exactly one RegisteredModel (no experiments, no runs) whose versions
/// are the model_vN.pkl files; see readAll(). ModelFolderWriter writes to it.
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
    /// One ModelVersion per model_vN.pkl. The current one is Production; the others are Archived
    /// unless the sidecar puts them in None or Staging.
    ///
    /// The current version is the one model.pkl is, because model.pkl is what is served:
    /// - version.txt's "Current version" N when model_vN.pkl exists and model.pkl equals it (or
    ///   model.pkl is missing, or equals no model_vN.pkl at all — the latter is a problem);
    /// - the model_vM.pkl whose bytes equal model.pkl when version.txt names another existing N: a
    ///   problem names version.txt:line ("says N, but model.pkl is model_vM.pkl"; the state a
    ///   rollback killed between its two renames leaves). version.txt's Best score and Date created
    ///   describe N then, so they are not given to M;
    /// - without a usable "Current version", the model_vN.pkl whose bytes equal model.pkl (the
    ///   highest such N);
    /// - when model.pkl matches no model_vN.pkl and version.txt names no existing one, model.pkl
    ///   itself is delivered as the current version (number from version.txt, else the highest N + 1).
    ///
    /// Each version carries the computed tags (core/TagNames.h) modeldesk.file, modeldesk.size_bytes and
    /// modeldesk.sha256; the current one also modeldesk.best_score, modeldesk.date_created (from
    /// version.txt, when given; a missing line is no problem) and modeldesk.side_files (sorted,
    /// comma-separated). The sidecar's tags are added (a computed tag wins over a sidecar tag of
    /// the same key), and its description, user, run id and times are used (its registration time
    /// is the creation time when it has one). A version.txt or sidecar that cannot be understood,
    /// or a file that cannot be read, goes to sink.problem() with the file (and ":line") as `where`;
    /// the rest is still delivered (a corrupt sidecar is ignored as a whole).
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override;

    /// True when `dir` is a folder holding model.pkl, version.txt or a model_vN.pkl.
    static bool looksLikeModelFolder(const QString &dir);
    /// The model name for a folder: its name, or the nearest ancestor's name that is not generic
    /// (training, artifacts, models, model, output).
    static QString modelNameFor(const QString &dir);

    /// What version.txt says, as far as it can be understood.
    struct VersionTxt {
        std::optional<qint64> current;  ///< "Current version", unset when missing or not a number
        int currentLine = 0;            ///< its line number (1-based)
        QString bestScore;              ///< as written, validated as a number; empty when absent
        QString dateCreated;            ///< YYYY-MM-DD; empty when absent
        qint64 dateMs = 0;              ///< midnight UTC of dateCreated
    };
    /// Parses `path` (a version.txt). Unreadable values go to `sink.problem()` with "path:line"
    /// when a sink is given.
    static VersionTxt readVersionTxt(const QString &path, ImportSink *sink = nullptr);

private:
    QString m_path;  ///< absolute, cleaned
};

/// The registry state a model folder cannot hold itself — a version in Staging or None, version
/// tags, descriptions, who registered a version and when — kept in `.modeldesk-registry.json` in
/// the folder:
///
///     {
///       "about": "ModelDesk registry state for this model folder ...",
///       "format_version": 1,
///       "versions": {
///         "5": {"stage": "Staging", "description": "...", "user_id": "alice", "run_id": "",
///               "creation_timestamp": 1718000000000, "last_updated_timestamp": 1718000000000,
///               "tags": {"modeldesk.score": "0.91"}}
///       }
///     }
///
/// Every field of a version is optional. "stage" is None, Staging or Archived (Archived is what a
/// version without a stage is); Production is never stored: the folder's own files decide it.
/// The file is only ever replaced whole (md::writeFileAtomically). A file with a higher
/// format_version was written by a newer ModelDesk: it is reported and never overwritten.
struct ModelFolderSidecar {
    static constexpr int kFormatVersion = 1;

    struct Entry {
        QString stage;  ///< empty (= Archived), kStageNone or kStageStaging
        QString description;
        QString userId;
        QString runId;
        qint64 creationTime = 0;     ///< epoch ms, 0 = unknown
        qint64 lastUpdatedTime = 0;  ///< epoch ms, 0 = unknown
        QList<KeyValue> tags;        ///< sorted by key, keys unique

        /// True when the entry holds nothing worth keeping.
        bool isEmpty() const;
        void setTag(const QString &key, const QString &value);
        void removeTag(const QString &key);
        /// The tag's value, or nullopt when it is not set.
        std::optional<QString> tag(const QString &key) const;
    };
    QMap<qint64, Entry> versions;

    /// ".modeldesk-registry.json"
    static QString fileName();
    /// The sidecar of `folder`; an empty one when the file does not exist. BadInput naming the file
    /// (with ":line" for a JSON syntax error) when it cannot be read or understood.
    static Result<ModelFolderSidecar> load(const QString &folder);
    /// The file's bytes (indented JSON, keys sorted); entries that hold nothing are left out.
    QByteArray toJson() const;
    /// Replaces the folder's sidecar with md::writeFileAtomically.
    Status save(const QString &folder) const;
};

} // namespace md
