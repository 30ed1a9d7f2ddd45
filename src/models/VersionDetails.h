// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QCoreApplication>
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
enum class DetailSectionId { Model, TrainingData, Performance, Hyperparameters, Dependencies, Artifacts };

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
/// created, user, status), training data (the run's dataset inputs), performance (the run's latest
/// metrics), hyperparameters (params), dependencies and artifacts (from VersionArtifacts).
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
    /// that need it say so).
    static Result<VersionDetails> fromCache(Cache &cache, qint64 sourceId, const QString &model, qint64 version);
    /// The same from data at hand (tests, demo). `loggedModel`: the MLflow 3 LoggedModel the
    /// version registers, when known.
    static VersionDetails fromData(const ModelVersion &version, const std::optional<Run> &run,
                                   const std::optional<LoggedModel> &loggedModel = {});

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

    /// The card's sections in display order (always all six).
    QList<DetailSection> sections() const;
    /// The card as plain text (Markdown headings and "label: value" lines) for the clipboard.
    QString toText() const;

    /// Display helpers shared with the widget. Sizes: "290 bytes", "1.5 MiB (1,572,864 bytes)".
    static QString formatSize(qint64 bytes);
    static QString formatTime(qint64 ms);
    static QString formatMetric(double value);

private:
    DetailSection modelSection() const;
    DetailSection trainingSection() const;
    DetailSection performanceSection() const;
    DetailSection paramsSection() const;
    DetailSection dependenciesSection() const;
    DetailSection artifactsSection() const;
    /// The note of an artifact-based section while artifacts are not loaded; empty when loaded.
    QString artifactsNote(bool *isError) const;

    ModelVersion m_version;
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
