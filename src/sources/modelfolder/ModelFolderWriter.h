// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/RegistryWriter.h"

#include <QString>

#include <functional>

namespace md {

struct ModelFolderSidecar;

/// Writes to a model folder (see ModelFolderSource): the on-call engineer's rollback path and the
/// product's version-up. Nothing is ever unpickled or executed: model files are only copied and
/// hashed.
///
/// What lives where:
/// - model.pkl, model_vN.pkl and version.txt hold what the product itself knows: which version is
///   current (= Production), its best score and date;
/// - `.modeldesk-registry.json` (ModelFolderSidecar) holds the rest: a version in None or Staging,
///   version tags, descriptions, who registered a version and when.
///
/// Every file is replaced whole through md::copyFileAtomically / md::writeFileAtomically (temporary
/// file beside it, fsync, rename, fsync of the folder), so each single file is at any moment either
/// the old or the new complete file. The order of the steps makes every point between them a
/// readable folder as well:
///
/// transitionStage(N, "Production") — version-up and rollback; steps in this order, each only when
/// it changes something:
///  1. "model_vK.pkl": when model.pkl is a copy of no saved version, it is first saved as
///     model_vK.pkl (K = the number the reader gives it, else the highest + 1) so it is not lost;
///  2. "sidecar": the version version.txt describes now (the outgoing one) keeps its "Best score"
///     as its modeldesk.score tag, so that a later rollback to it can write the score back;
///  3. "model.pkl": model.pkl ← model_vN.pkl. This rename is the switch: from here on the new
///     version is served, and the reader says so even before version.txt follows (model.pkl wins
///     over version.txt, with a problem naming version.txt);
///  4. "version.txt": "Current version: N", "Best score: S" (N's modeldesk.score tag, else the
///     line version.txt already had when it described N; left out when unknown), "Date created:
///     <today>";
///  5. "sidecar": N's None/Staging entry is cleared (the previous version becomes Archived simply
///     by no longer being current);
///  6. "done".
/// A kill before 3 leaves the old version current (at most an added modeldesk.score tag on it and
/// a saved copy of an unsaved model.pkl); a kill after 3 leaves the new version current with
/// version.txt and the sidecar possibly behind. Running the same transition again completes it:
/// each step checks the file itself, not a remembered plan.
///
/// createVersion: "sidecar" (the new version's entry: stage None, tags, description, user, time)
/// then "model_vN.pkl" (the copy) then "done". A kill between the two leaves an entry for a
/// version that has no file: the reader ignores it, the next createVersion reuses the number and
/// overwrites the entry, and every sidecar write drops entries of versions without a file.
/// Other stage changes, tags and descriptions: one "sidecar" step.
///
/// Writes hold the lock file `.modeldesk-registry.lock` (QLockFile; a killed writer's lock is taken
/// over) so that two ModelDesk processes never interleave read-modify-write of the sidecar, and
/// remove temporary files that a killed write left behind (`.model.pkl.tmp-XXXXXX` …). Dot files are
/// invisible to ModelFolderSource.
///
/// A sidecar that cannot be read is never overwritten: operations that need it fail with BadInput
/// naming it, except a transition to Production, which still switches model.pkl and version.txt
/// (the rollback must not depend on ModelDesk's own bookkeeping) and leaves the sidecar alone.
///
/// Every operation takes the model name of the folder (ModelFolderSource::modelNameFor): another
/// name is NotFound naming the folder. Another ModelDesk writing the folder at the same time is
/// Conflict (after waiting 5 s for its lock).
///
/// Not thread-safe; blocking file I/O (fsync): call from a worker thread in the GUI.
class ModelFolderWriter final : public RegistryWriter {
public:
    /// `folderPath` is the folder holding model.pkl (relative paths are made absolute now).
    explicit ModelFolderWriter(QString folderPath);

    /// Same string as ModelFolderSource::uri() for the folder.
    QString uri() const override;
    /// ModelFolderSource::open()'s checks, plus Permission naming the folder when it is not writable.
    Status open() override;
    bool supportsAliases() const override { return false; }
    bool holdsModelFiles() const override { return true; }

    /// What ModelFolderSource delivers for the folder. NotFound (naming the folder) when `name` is
    /// not the folder's model name (ModelFolderSource::modelNameFor).
    Result<RegisteredModel> readModel(const QString &name) override;

    /// Copies `v.source` (a path or file:// URL of the new model file) to model_v<N+1>.pkl, N being
    /// the highest version number there is; the version is in stage None; tags, description, user,
    /// run id and the time go to the sidecar. Tags the reader computes (modeldesk.file, .sha256,
    /// .size_bytes, .best_score, .date_created, .side_files) are refused (BadInput). NotFound naming
    /// the source file when it does not exist.
    Result<ModelVersion> createVersion(const NewModelVersion &v) override;

    /// "Production": makes `version` the current model (see the class comment); archiveExisting is
    /// implied. "Staging", "None", "Archived": the sidecar only; refused (BadInput) for the current
    /// version — promote another version first. With archiveExisting and "Staging", the other Staging
    /// versions become Archived in the same write. Stage names are matched case-insensitively.
    /// NotFound naming model_vN.pkl when the version does not exist.
    Status transitionStage(const QString &name, qint64 version, const QString &stage, bool archiveExisting) override;
    /// BadInput: a model folder has no aliases.
    Status setAlias(const QString &name, const QString &alias, qint64 version) override;
    /// BadInput: a model folder has no aliases.
    Status deleteAlias(const QString &name, const QString &alias) override;
    /// In the sidecar. Computed tags (see createVersion) are refused with BadInput.
    Status setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value) override;
    Status deleteVersionTag(const QString &name, qint64 version, const QString &key) override;
    Status setVersionDescription(const QString &name, qint64 version, const QString &description) override;

    /// Called before each file replacement step with its name ("model_vK.pkl", "sidecar",
    /// "model.pkl", "version.txt"), and with "done" when an operation has written everything; only
    /// for steps that change something. For progress logging and for the kill test. Called on the
    /// writing thread.
    void setStepObserver(std::function<void(const QString &step)> observer);

private:
    struct State;
    Result<State> readState(const QString &name);
    /// Runs `change` on the folder's state under its lock, after removing what a killed write left;
    /// NotFound naming model_vN.pkl when `version` does not exist.
    Status withVersion(const QString &name, qint64 version, const std::function<Status(State &)> &change);
    /// Applies `change` to the sidecar entry of `version` under the lock and saves it when it changed.
    Status sidecarOnly(
        const QString &name, qint64 version, const std::function<Status(const State &, ModelFolderSidecar &)> &change);
    Status promote(State &state, qint64 version);
    void step(const QString &name) const;

    QString m_path; ///< absolute, cleaned
    std::function<void(const QString &)> m_observer;
};

} // namespace md
