// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Journal.h"
#include "core/Domain.h"
#include "core/Error.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace md {

class Cache;

/// What a model card needs from a version's artifacts, in the card's own terms. The models
/// library does not read sources: the GUI fills this from ArtifactStore's ModelArtifacts (which
/// parses MLmodel and the environment files) on a worker thread.
struct VersionArtifacts {
    enum class State {
        NotLoaded,  ///< nobody asked yet
        Loading,    ///< a worker is reading them
        Loaded,     ///< files (and what could be parsed) are in; problems may list single files
        Failed,     ///< listing failed: `error` says why, naming the folder or URI
        Cancelled,  ///< the user cancelled the reading
        /// Nothing to read: the version has no model files (a prompt of MLflow's prompt
        /// registry, whose content is its template).
        NotApplicable,
    };
    struct File {
        QString path;       ///< relative to the artifact root, e.g. "model/model.pkl"
        qint64 size = -1;   ///< bytes; -1 unknown
        QString sha256;     ///< lower-case hex, empty when not computed
        QString note;       ///< why sha256 is empty (translated)
    };
    struct Dependency {
        QString kind;  ///< "pip", "conda", "python", "option"
        QString name;  ///< normalised package name, or the whole line for "option"
        QString spec;  ///< "==1.2.1"; may be empty
        QString file;  ///< "requirements.txt", "conda.yaml", "python_env.yaml"
    };
    /// One field of the model's signature (MLmodel `signature:`).
    struct SignatureField {
        QString name;          ///< empty for an unnamed tensor or column
        QString type;          ///< "double", "array<string>", "tensor float64 (-1)"
        bool required = true;
        QString defaultValue;  ///< parameters only, as JSON text
    };

    State state = State::NotLoaded;
    QString root;                 ///< the folder or URI the files were read from
    std::optional<Error> error;   ///< set when state is Failed
    QList<Error> problems;        ///< files that could not be read or parsed
    QList<File> files;            ///< sorted by path
    QString mlmodelPath;          ///< empty when the artifacts hold no MLmodel
    QStringList flavors;          ///< MLmodel flavors, e.g. {"python_function", "sklearn"}
    QString loaderModule;         ///< e.g. "mlflow.sklearn"
    QString pythonVersion;        ///< from MLmodel, e.g. "3.11.2"
    QString mlflowVersion;        ///< the MLflow that wrote MLmodel
    QList<KeyValue> libraryVersions;  ///< {"sklearn.sklearn_version", "1.2.1"} …
    QList<Dependency> dependencies;   ///< requirements.txt, conda.yaml, python_env.yaml, in that order
    bool hasSignature = false;        ///< MLmodel has a `signature:`
    QList<SignatureField> signatureInputs;
    QList<SignatureField> signatureOutputs;
    QList<SignatureField> signatureParams;  ///< inference parameters
};

/// Where a version stands in review: asked for by whom and when, decided how, by whom, when and
/// with which note, and the evidence the reviewer saw.
///
/// Read from the version's tags first (`modeldesk.review.*`, `modeldesk.approval.*`): every
/// ModelDesk writes them to the source, so a colleague's request or decision shows after a sync.
/// This desktop's journal adds what tags cannot hold: the decision's entry keeps the evidence the
/// reviewer saw (frozen when deciding), and an observed.stage or observed.alias entry the window in
/// which a sync saw another tool move the version into review. A decision the source holds no tags
/// of comes from the journal as a fallback, unless the version was sent to review again after it.
struct ReviewState {
    Q_DECLARE_TR_FUNCTIONS(ReviewState)
public:
    enum class Decision { None, Approved, Rejected };

    QString requestedBy;        ///< the requester; empty when not recorded
    qint64 requestedAtMs = 0;   ///< epoch ms; 0 when not recorded
    /// No request recorded, but the version is in review (Staging, the `challenger` alias, or an
    /// alias or stage a sync saw it get): another tool moved it, the requester is unknown.
    bool movedByAnotherTool = false;
    QString movedTo;            ///< what the sync saw, e.g. "Staging", "alias challenger"; empty when no sync saw it
    qint64 movedAfterMs = 0;    ///< the sync's window: the move happened after this …
    qint64 movedBeforeMs = 0;   ///< … and before this (epoch ms); both 0 when no sync saw it
    Decision decision = Decision::None;
    QString decidedBy;
    qint64 decidedAtMs = 0;
    QString note;
    /// The source holds no decision tags; the decision is this desktop's journal's.
    bool decisionFromJournal = false;
    /// The evidence frozen with the decision (its journal entry's "evidence"): {candidate: {version,
    /// run_id, metrics, dataset_metrics}, production: …, dataset: {name, digest, context},
    /// evaluation_runs: […]}. Empty when this desktop's journal does not hold the decision.
    QJsonObject evidence;

    /// The state of `version` from its tags and `journal` (entries of any subjects; those of this
    /// version are used).
    static ReviewState of(const ModelVersion &version, const QList<JournalEntry> &journal);

    bool isEmpty() const { return requestedBy.isEmpty() && !movedByAnotherTool && decision == Decision::None; }
    /// One line for a table: "Approved by bob", "Rejected by bob", "Review requested by alice",
    /// "In review, moved by another tool"; empty when there is nothing to say.
    QString summary() const;
    /// Who asked: the requester, or "unknown — moved by another tool", or empty.
    QString requesterText() const;
    /// "a sync saw it move to Staging between 2026-… and 2026-…"; empty when no sync saw it.
    QString movedWindowText() const;
    /// Several lines for a tooltip: the decision with its time and note, the request.
    QString details() const;
};

/// One line of a card section: a label and a value, plus a detail shown beside or under it.
struct DetailRow {
    QString key;     ///< identity within the section for comparing versions, e.g. "n_estimators"
    QString label;   ///< what the user reads, e.g. "n_estimators", "Flavor"
    QString value;   ///< e.g. "300", "python_function, sklearn", "290 bytes"
    QString detail;  ///< e.g. the sha256, the dependency's file; may be empty
    /// The detail takes part in the comparison (a checksum does; a metric's step does not).
    bool compareDetail = false;
};

/// The sections of the model card, in display order.
enum class DetailSectionId { Model, Review, TrainingData, Performance, Hyperparameters, Signature, Dependencies, Artifacts };

struct DetailSection {
    DetailSectionId id = DetailSectionId::Model;
    QString title;       ///< translated, e.g. "Hyperparameters"
    QList<DetailRow> rows;
    /// Shown when there are no rows, or above them: "Loading artifacts…", "No params logged", an
    /// error naming the URI or file. Empty when there is nothing to say.
    QString note;
    bool noteIsError = false;
    /// Problems with single files (an MLmodel that is not YAML …), each "where: message".
    QStringList problems;
};

/// The data of one model version's card (no widgets): model (name, version, stage, flavor, loader,
/// created, user, status), review (ReviewState: requested, decided, the note and the evidence the
/// reviewer saw), training data (the run's dataset inputs), performance (the run's latest
/// metrics), hyperparameters (params), signature, dependencies and artifacts (from
/// VersionArtifacts). A prompt's card shows its template and says it has no model files.
///
/// Built on the GUI thread from the cache (fast, local); the artifacts are set later when a worker
/// has read them. Copyable value type.
class VersionDetails {
    Q_DECLARE_TR_FUNCTIONS(VersionDetails)
public:
    VersionDetails() = default;
    /// The card of `version` of model `model` from `cache`: the version and, when the cache holds
    /// it, its run with params, latest metrics and dataset inputs. NotFound naming "model vN" when
    /// the cache has no such version; a run missing from the cache is not an error (the sections
    /// that need it say so). The review section reads the version's tags; setJournal() adds this
    /// desktop's journal.
    static Result<VersionDetails> fromCache(Cache &cache, qint64 sourceId, const QString &model, qint64 version);
    /// The same from data at hand (tests, demo). `loggedModel`: the MLflow 3 LoggedModel the
    /// version registers, when known. A version tagged `mlflow.prompt.is_prompt` is a prompt.
    static VersionDetails fromData(const ModelVersion &version, const std::optional<Run> &run,
                                   const std::optional<LoggedModel> &loggedModel = {});

    /// The journal entries about the version's model (or more): the review section's evidence,
    /// the window in which a sync saw another tool move it, a decision the source has no tags of.
    void setJournal(const QList<JournalEntry> &journal) { m_review = ReviewState::of(m_version, journal); }
    const ReviewState &review() const { return m_review; }

    /// A prompt of MLflow's prompt registry: no model files are read, the template is shown.
    bool isPrompt() const { return m_isPrompt; }

    const ModelVersion &version() const { return m_version; }
    const std::optional<Run> &run() const { return m_run; }
    /// The run's artifact_uri, empty when the run is not known.
    QString runArtifactUri() const { return m_run ? m_run->artifactUri : QString(); }
    /// MLflow 3: the LoggedModel the version registers, when the cache holds it.
    const std::optional<LoggedModel> &loggedModel() const { return m_loggedModel; }
    /// Where the LoggedModel keeps its files; empty when there is none or it is not known.
    QString loggedModelArtifactUri() const { return m_loggedModel ? m_loggedModel->artifactLocation : QString(); }
    /// "car_price_model v4".
    QString title() const;

    const VersionArtifacts &artifacts() const { return m_artifacts; }
    void setArtifacts(VersionArtifacts artifacts) { m_artifacts = std::move(artifacts); }
    void setArtifactsState(VersionArtifacts::State state) { m_artifacts.state = state; }

    /// The card's sections in display order (always all of DetailSectionId).
    QList<DetailSection> sections() const;
    /// The card as plain text (Markdown headings and "label: value" lines) for the clipboard.
    QString toText() const;

    /// Display helpers shared with the widget (times: md::localDateTime()). Sizes: "290 bytes",
    /// "1.5 MiB (1,572,864 bytes)".
    static QString formatSize(qint64 bytes);
    static QString formatMetric(double value);

private:
    DetailSection modelSection() const;
    DetailSection reviewSection() const;
    DetailSection signatureSection() const;
    DetailSection trainingSection() const;
    DetailSection performanceSection() const;
    DetailSection paramsSection() const;
    DetailSection dependenciesSection() const;
    DetailSection artifactsSection() const;
    /// The note of an artifact-based section while artifacts are not loaded; empty when loaded.
    QString artifactsNote(bool *isError) const;

    ModelVersion m_version;
    bool m_isPrompt = false;
    ReviewState m_review;
    std::optional<LoggedModel> m_loggedModel;
    std::optional<Run> m_run;
    VersionArtifacts m_artifacts;
};

/// How a row differs between the left and the right version.
enum class RowChange { Unchanged, Added, Removed, Changed };

struct DiffRow {
    QString key;
    QString label;
    QString left;         ///< empty when Added
    QString right;        ///< empty when Removed
    QString leftDetail;
    QString rightDetail;
    RowChange change = RowChange::Unchanged;
};

struct SectionDiff {
    DetailSectionId id = DetailSectionId::Model;
    QString title;
    QList<DiffRow> rows;   ///< the union of both sides' rows, in display order
    QString leftNote;      ///< the left card's note for this section (loading, error …)
    QString rightNote;
    bool noteIsError = false;
    int count(RowChange change) const;
};

/// Two versions side by side: per section, rows added (only on the right), removed (only on the
/// left), changed (both, different value — a dependency moving from scikit-learn==1.3.0 to
/// ==1.4.0 is one changed row) or unchanged. "Left" is the reference (e.g. Production), "right"
/// the candidate. Rows that come from artifacts are compared only when both sides' artifacts are
/// loaded; until then their sections carry the notes.
class VersionDiff {
    Q_DECLARE_TR_FUNCTIONS(VersionDiff)
public:
    static VersionDiff compare(const VersionDetails &left, const VersionDetails &right);

    QString leftTitle;
    QString rightTitle;
    QList<SectionDiff> sections;

    /// Rows that differ (added + removed + changed) over all sections.
    int differences() const;
    /// The comparison as plain text with the view's glyphs: "≠ label: left → right",
    /// "+ label: right", "− label: left", "  label: value" for unchanged rows.
    QString toText() const;
};

} // namespace md
