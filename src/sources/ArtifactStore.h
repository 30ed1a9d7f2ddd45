// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"
#include "sources/rest/RestOptions.h"
#include "sources/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace md {

/// One file among the artifacts of a run (or of a model folder's version).
struct ArtifactFile {
    QString path;          ///< relative to the artifact root, '/'-separated, e.g. "model/MLmodel"
    qint64 size = -1;      ///< bytes; -1 when the source did not say
    QString sha256;        ///< lower-case hex; empty when not computed (checksumNote says why)
    QString checksumNote;  ///< translated reason the checksum is missing, e.g. above the download cap
    friend bool operator==(const ArtifactFile &, const ArtifactFile &) = default;
};

/// Where a model version's artifacts are: its LoggedModel's files (MLflow 3), its run's artifact
/// root (MLflow 2 stores, and MLflow 3 versions registered from plain run artifacts) or its file
/// (a model folder). Built from the cache's data with forVersion().
struct ArtifactLocation {
    QString runId;    ///< the MLflow run; empty for a model folder or a version without a run
    /// MLflow 3: the LoggedModel whose files these are ("m-…"); then rootUri is the LoggedModel's
    /// artifact location (empty when the cache does not know it: a server is then asked for it)
    /// and runId is empty, since the model's files are not among the run's artifacts.
    QString modelId;
    /// The run's artifact_uri exactly as the source recorded it ("file:///…/artifacts",
    /// "mlflow-artifacts:/1/<run>/artifacts", "./mlruns/…"), or, without a run, the version's
    /// source; for a model folder the version's file ("folder:///…/model_v4.pkl").
    QString rootUri;
    /// The model's folder below the root ("model" for MLflow's log_model(artifact_path="model")),
    /// where MLmodel and the environment files are; empty when unknown or at the root.
    QString modelPath;
    /// Model folder only: the version is the current one, so the side files (scaler.pkl …),
    /// model.pkl and version.txt belong to it too.
    bool currentFolderVersion = false;

    /// The location of `version`'s artifacts. `runArtifactUri` is the artifact_uri of its run
    /// (empty when the run is not known). modelPath is the version's source below the run's
    /// root ("…/artifacts/model" under "…/artifacts", or "runs:/<run>/model"). A version of a
    /// LoggedModel (its modelId, or a `models:/m-…` source) is at `loggedModelArtifactUri`, the
    /// LoggedModel's artifact location (empty when not known), with MLmodel at its root.
    static ArtifactLocation forVersion(const ModelVersion &version, const QString &runArtifactUri,
                                       const QString &loggedModelArtifactUri = {});
    /// Human-readable: the root URI, or "run <id>" when there is none.
    QString displayName() const;
};

/// Reads the artifacts of runs and model versions of one source, for every source kind, without
/// ever unpickling or executing anything: files are listed, hashed and, for the few small text
/// files a model card needs (MLmodel, requirements.txt, conda.yaml, python_env.yaml), read.
///
/// Where artifacts are found:
///  - file store (`mlruns/`): the run's artifact_uri when that folder exists; else the same path
///    relative to the store root. The store records absolute `file://` URIs of the folder it was
///    created in, so a moved or copied store has them at
///    `<root>/<exp>/<run>/artifacts` (or `<root>/.trash/…` for deleted experiments): the longest
///    tail of the recorded path that still contains the run id and exists below the root wins.
///  - `mlflow.db`: `file://` and relative URIs like the file store, with `<db folder>/mlruns` and
///    the db folder as roots (MLflow's default artifact root for an SQL backend is `./mlruns`).
///    `mlflow-artifacts:/<path>` URIs belong to a tracking server with proxied artifacts; they
///    resolve to `<dir>/<path>` where `<dir>` is the first of these folders beside the database
///    that holds the path: `mlartifacts/` (the default --artifacts-destination of
///    `mlflow server`), `server-artifacts/` (the name our fixtures use), `artifacts/`. When none
///    holds it, the error says so, naming the URI and the folders looked in.
///  - tracking server: `GET /api/2.0/mlflow/artifacts/list` (recursively, at most 2000 folders)
///    for the files and their sizes; contents through the artifact proxy,
///    `GET /api/2.0/mlflow-artifacts/artifacts/<path of the mlflow-artifacts URI>/<file>`, or, for a
///    run whose artifact_uri is not an `mlflow-artifacts:` one, the server's `/get-artifact`.
///  - model folder: the version's `model_vN.pkl` (resolved by file name in the folder when the
///    recorded absolute path is gone); for the current version also model.pkl, version.txt and
///    the side files. Sub-folders are not part of a model folder's versions.
///
/// Checksums: SHA-256, streamed in 1 MiB blocks for local files (no size limit; `cancel` is
/// checked between blocks). A server's files are downloaded to be hashed, so files larger than
/// kRemoteChecksumLimit (or of unknown size) are not: their checksumNote says why.
///
/// Threading: list() and read() block (on disk, or on the network for a server: HttpClient with
/// a local event loop on the calling thread, like MlflowRestSource). Call them on a worker thread
/// (QtConcurrent) from the GUI. One object per thread; not thread-safe. They never show UI.
class ArtifactStore {
public:
    /// Above this size a server's file is not downloaded for its checksum.
    static constexpr qint64 kRemoteChecksumLimit = 64 * 1024 * 1024;
    /// What readText() reads at most by default: enough for any MLmodel or requirements file.
    static constexpr qint64 kDefaultTextLimit = 1024 * 1024;

    virtual ~ArtifactStore() = default;
    virtual SourceKind kind() const = 0;
    /// The source's canonical URI, the same string Source::uri() gives.
    virtual QString uri() const = 0;

    /// Every file below the location (recursively), sorted by path, with size and checksum.
    /// Errors: NotFound naming the folder or URI when the artifacts cannot be found (a missing
    /// folder, an artifact URI nothing local holds, a server that lists nothing), BadInput for an
    /// artifact URI scheme ModelDesk cannot read (s3://, gs:// …) naming it, Network/Auth from a
    /// server naming the URL, Cancelled when `cancel` became true.
    virtual Result<QList<ArtifactFile>> list(const ArtifactLocation &location, const std::atomic_bool &cancel) = 0;
    /// The first `maxBytes` bytes of the file `path` (relative, as list() gives it). NotFound
    /// naming the file or URL when it is not there; BadInput for a path that leaves the root.
    virtual Result<QByteArray> readText(const ArtifactLocation &location, const QString &path, qint64 maxBytes,
                                        const std::atomic_bool &cancel) = 0;
    /// Where the location's files are, as a user would look for them: a local folder, or the
    /// artifact URI on the server; the location's own URI when it cannot be resolved.
    virtual QString resolvedRoot(const ArtifactLocation &location) const = 0;
};

/// The artifact store for a source URI or path: the same recognition as createSource(); `http(s)`
/// URLs take their credentials and options from RestOptions::forUrl(). Errors name the URI.
Result<std::unique_ptr<ArtifactStore>> createArtifactStore(const QString &uriOrPath);
/// The artifact store of a tracking server with explicit options (tests use short backoffs).
std::unique_ptr<ArtifactStore> createServerArtifactStore(const QUrl &baseUrl, RestOptions options);

// ---- What a model card reads from the artifacts (parsed here: yaml-cpp lives in sources) ----

/// One field of a model's signature: an input column or tensor, an output, or an inference
/// parameter, as MLflow's `signature:` in MLmodel lists them.
struct SignatureField {
    QString name;          ///< empty for an unnamed tensor or column
    /// MLflow's type as a reader says it: "double", "array<string>", "object{a: long}",
    /// "tensor float64 (-1, 4)".
    QString type;
    bool required = true;  ///< false when MLflow says `"required": false`
    QString defaultValue;  ///< parameters only: the default as JSON text ("0.5", "\"a\""); may be empty
    friend bool operator==(const SignatureField &, const SignatureField &) = default;
};

/// A model's signature (MLmodel `signature:`, whose `inputs`, `outputs` and `params` are JSON
/// strings of column or tensor specs).
struct ModelSignature {
    QList<SignatureField> inputs;
    QList<SignatureField> outputs;
    QList<SignatureField> params;
    friend bool operator==(const ModelSignature &, const ModelSignature &) = default;
};

/// The parts of an MLflow `MLmodel` file a model card shows.
struct MlModelInfo {
    QStringList flavors;      ///< flavor names in file order, e.g. {"python_function", "sklearn"}
    QString loaderModule;     ///< python_function's loader_module, e.g. "mlflow.sklearn"
    QString pythonVersion;    ///< python_function's python_version, e.g. "3.11.2"
    QString mlflowVersion;    ///< e.g. "2.10.2"
    QString created;          ///< utc_time_created as written
    QString modelUuid;
    QString runId;
    QString artifactPath;
    /// The flavors' library versions: key "<flavor>.<field>" for every "*_version" field other
    /// than python_version, e.g. {"sklearn.sklearn_version", "1.2.1"}.
    QList<KeyValue> libraryVersions;
    /// The environment files the model names (python_function.env), e.g. "conda.yaml".
    QStringList environmentFiles;
    /// The signature; unset when MLmodel has none.
    std::optional<ModelSignature> signature;
    /// Why (part of) the signature could not be read, e.g. "inputs: not JSON"; empty when fine.
    QString signatureProblem;
};

/// Parses an MLmodel file. BadInput naming `where` (with ":line" when yaml-cpp gives one) when
/// it is not YAML or not a mapping. A signature that is not MLflow's JSON leaves the rest read
/// and says so in MlModelInfo::signatureProblem.
Result<MlModelInfo> parseMlModel(const QByteArray &yaml, const QString &where);

/// One declared dependency of a model.
struct Dependency {
    /// "pip" for requirements.txt lines and pip sections, "conda" for conda packages, "python"
    /// for the interpreter, "option" for pip options and references ("-r requirements.txt").
    QString kind;
    QString name;  ///< PEP 503-normalised for pip ("scikit-learn"), as written for conda; the line for "option"
    QString spec;  ///< version specifier as written, e.g. "==1.2.1", ">=1.0,<2"; may be empty
    QString file;  ///< the file's name, e.g. "requirements.txt"
    QString line;  ///< the entry as written
    friend bool operator==(const Dependency &, const Dependency &) = default;
};

/// requirements.txt: one Dependency per requirement line; comments and blank lines skipped,
/// "\" continuations joined; options ("-r …", "--index-url …") kept as kind "option".
QList<Dependency> parseRequirements(const QByteArray &text, const QString &fileName = QStringLiteral("requirements.txt"));
/// conda.yaml: the `dependencies` list (conda packages, "python=…" as kind "python") and its
/// `pip:` sub-list. BadInput naming `where` when it is not YAML.
Result<QList<Dependency>> parseCondaYaml(const QByteArray &yaml, const QString &where,
                                         const QString &fileName = QStringLiteral("conda.yaml"));
/// python_env.yaml: `python` (kind "python"), `build_dependencies` and `dependencies`.
/// BadInput naming `where` when it is not YAML.
Result<QList<Dependency>> parsePythonEnv(const QByteArray &yaml, const QString &where,
                                         const QString &fileName = QStringLiteral("python_env.yaml"));

/// Everything a model card needs from one version's artifacts.
struct ModelArtifacts {
    QString root;                ///< ArtifactStore::resolvedRoot()
    QList<ArtifactFile> files;   ///< list()
    QString mlmodelPath;         ///< e.g. "model/MLmodel"; empty when there is none
    std::optional<MlModelInfo> mlmodel;
    QList<Dependency> dependencies;  ///< requirements.txt, then conda.yaml, then python_env.yaml
    /// Files that could not be read or parsed; the rest is still filled in.
    QList<Error> problems;
};

/// Lists the location's artifacts, finds the model's MLmodel (in location.modelPath, else the
/// shallowest MLmodel) and reads it and the environment files beside it (requirements.txt,
/// conda.yaml, python_env.yaml; for a model without MLmodel, those at the root). Fails only when
/// listing fails (or on cancel); problems with single files go to ModelArtifacts::problems.
Result<ModelArtifacts> loadModelArtifacts(ArtifactStore &store, const ArtifactLocation &location,
                                          const std::atomic_bool &cancel);

} // namespace md
