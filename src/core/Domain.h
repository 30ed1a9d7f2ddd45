// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The domain objects every source produces and the cache stores. Field names follow MLflow's
// entities (mlflow/entities) so that JSON output can use MLflow's names one to one.

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace md {

struct KeyValue {
    QString key;
    QString value;
    friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

/// MLflow's lifecycle stage of experiments and runs.
inline const QString kActive = QStringLiteral("active");
inline const QString kDeleted = QStringLiteral("deleted");

struct Experiment {
    QString experimentId;
    QString name;
    QString artifactLocation;
    QString lifecycleStage = kActive;
    qint64 creationTime = 0;    ///< epoch ms, 0 = unknown
    qint64 lastUpdateTime = 0;  ///< epoch ms, 0 = unknown
    QList<KeyValue> tags;
};

/// One logged metric value. NaN and ±inf are kept as such.
struct MetricPoint {
    QString key;
    double value = 0;
    qint64 timestamp = 0;  ///< epoch ms
    qint64 step = 0;
    friend bool operator==(const MetricPoint &, const MetricPoint &) = default;
};

/// MLflow's rule for the "latest" value of a metric: the largest step, then the latest timestamp,
/// then the largest value (NaN counts as smallest). Returns true when `a` comes after `b`.
bool isLaterMetric(const MetricPoint &a, const MetricPoint &b);
/// Puts the points of one series in MLflow's get-history order: by step, then timestamp, stable.
/// Does no sorting work when they are in that order already, as a server's come.
void sortSeries(QList<MetricPoint> &points);

/// A dataset logged as a run input (mlflow.log_input).
struct DatasetInput {
    QString name;
    QString digest;
    QString sourceType;
    QString source;
    QString schema;
    QString profile;
    QString context;  ///< the `mlflow.data.context` input tag, e.g. "training"
    friend bool operator==(const DatasetInput &, const DatasetInput &) = default;
};

/// A run's link to a LoggedModel (MLflow 3): `inputs.model_inputs` (a model the run used) or
/// `outputs.model_outputs` (a model it logged, at `step`).
struct ModelIo {
    QString modelId;  ///< "m-…"
    qint64 step = 0;  ///< outputs only
    friend bool operator==(const ModelIo &, const ModelIo &) = default;
};

struct Run {
    QString runId;
    QString experimentId;
    QString runName;
    QString userId;
    QString status;  ///< RUNNING, SCHEDULED, FINISHED, FAILED, KILLED
    qint64 startTime = 0;
    std::optional<qint64> endTime;
    QString artifactUri;
    QString lifecycleStage = kActive;
    QList<KeyValue> params;
    QList<KeyValue> tags;
    /// Latest value per key (see isLaterMetric).
    QList<MetricPoint> latestMetrics;
    /// Every logged point of every metric; only meaningful when hasHistory is set.
    QList<MetricPoint> history;
    bool hasHistory = false;
    QList<DatasetInput> inputs;
    QList<ModelIo> modelInputs;   ///< MLflow 3
    QList<ModelIo> modelOutputs;  ///< MLflow 3

    /// The `mlflow.parentRunId` tag, empty for top-level runs.
    QString parentRunId() const;
    /// Fills latestMetrics from history with MLflow's rule.
    void computeLatestFromHistory();
};

/// MLflow's model version stages.
inline const QString kStageNone = QStringLiteral("None");
inline const QString kStageStaging = QStringLiteral("Staging");
inline const QString kStageProduction = QStringLiteral("Production");
inline const QString kStageArchived = QStringLiteral("Archived");

struct ModelVersion {
    QString name;
    qint64 version = 0;
    qint64 creationTime = 0;
    qint64 lastUpdatedTime = 0;
    QString currentStage = kStageNone;
    QString description;
    QString userId;
    QString source;
    QString runId;
    QString status = QStringLiteral("READY");
    QString statusMessage;
    QString runLink;
    /// MLflow 3: the LoggedModel this version registers ("m-…"), from the store's `model_id` or a
    /// `models:/m-…` source; empty for a version that points at run artifacts.
    QString modelId;
    QList<KeyValue> tags;
    QStringList aliases;  ///< sorted

    /// The LoggedModel id a `models:/m-<id>` source names, else empty (`models:/<name>/<n>` and
    /// every other URI).
    static QString modelIdFromSource(const QString &source);
};

struct ModelAlias {
    QString alias;
    qint64 version = 0;
    friend bool operator==(const ModelAlias &, const ModelAlias &) = default;
};

struct RegisteredModel {
    QString name;
    qint64 creationTime = 0;
    qint64 lastUpdatedTime = 0;
    QString description;
    QList<KeyValue> tags;
    QList<ModelAlias> aliases;  ///< sorted by alias
    QList<ModelVersion> versions;  ///< sorted by version

    /// A prompt of MLflow's prompt registry (tag `mlflow.prompt.is_prompt` = "true"), not a model:
    /// never offered for promotion, review or rollback.
    bool isPrompt() const;

    /// The version with this number, or null.
    const ModelVersion *findVersion(qint64 version) const
    {
        for (const ModelVersion &v : versions)
            if (v.version == version)
                return &v;
        return nullptr;
    }
};

/// The tag that makes a registered model (and each of its versions) a prompt.
inline const QString kPromptTag = QStringLiteral("mlflow.prompt.is_prompt");
/// A prompt version's template text.
inline const QString kPromptTextTag = QStringLiteral("mlflow.prompt.text");

/// A metric value of a LoggedModel (MLflow 3): which run logged it and, for an evaluation, on which
/// dataset (name and digest; both empty otherwise).
struct LoggedModelMetric {
    QString key;
    double value = 0;
    qint64 timestamp = 0;
    qint64 step = 0;
    QString runId;
    QString datasetName;
    QString datasetDigest;
    friend bool operator==(const LoggedModelMetric &, const LoggedModelMetric &) = default;
};

/// MLflow 3's LoggedModel: a model with an id of its own, its own params, tags and metrics, and
/// its files under `<experiment>/models/<model_id>/artifacts`, not under the run that logged it.
/// Model versions point at it with a `models:/m-<id>` source.
struct LoggedModel {
    QString modelId;  ///< "m-…"
    QString experimentId;
    QString name;
    QString artifactLocation;  ///< the folder of its files (mlflow-artifacts:/…, file://…)
    QString sourceRunId;       ///< the run that logged it; may be empty
    QString status;            ///< READY, PENDING, FAILED or UNSPECIFIED (without LOGGED_MODEL_)
    QString statusMessage;
    QString modelType;
    QString lifecycleStage = kActive;
    qint64 creationTime = 0;     ///< epoch ms
    qint64 lastUpdatedTime = 0;  ///< epoch ms
    QList<KeyValue> params;  ///< sorted by key
    QList<KeyValue> tags;    ///< sorted by key
    QList<LoggedModelMetric> metrics;  ///< sorted by key, then dataset, then step
    friend bool operator==(const LoggedModel &, const LoggedModel &) = default;
};

/// MLflow's LoggedModelStatus name without its prefix: "LOGGED_MODEL_READY" and the file store's
/// and SQL store's number 2 are both "READY" (1 PENDING, 3 FAILED, anything else UNSPECIFIED).
QString loggedModelStatusName(const QString &nameOrNumber);

/// The run status names MLflow uses, indexed by the file store's numeric RunStatus enum (1..5).
QString runStatusName(int fileStoreCode);

} // namespace md
