// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SortableTableModel.h"
#include "VersionDetails.h"
#include "cache/Journal.h"
#include "core/Domain.h"

#include <QHash>

#include <cmath>
#include <limits>

namespace md {

class Cache;

/// A dataset that MLflow 3 LoggedModel metrics were measured on (`mlflow.evaluate`, or metrics
/// logged with a dataset): versions are compared on one of them, never across several.
struct MetricDataset {
    QString name;
    QString digest;
    QString context;  ///< the `mlflow.data.context` the runs logged it with ("validation"); may be empty
    bool isEmpty() const { return name.isEmpty() && digest.isEmpty(); }
    /// "cars_synth_v1_val (digest bc79217c)".
    QString displayName() const;
    friend bool operator==(const MetricDataset &, const MetricDataset &) = default;
};

/// The dataset to compare versions on by `metric` (by any metric when empty): of the datasets the
/// LoggedModels `models` have a value of it on, the one the most of them share; a context that
/// says evaluation or validation (from the runs' dataset `inputs`) breaks a tie, then name and
/// digest. Empty when none has such a value on a named dataset.
MetricDataset commonDataset(const QList<LoggedModel> &models, const QString &metric, const QList<DatasetInput> &inputs);
/// The latest value (largest step, then latest timestamp) of `metric` of `model` on `dataset`;
/// NaN when there is none (a value on another dataset does not count).
double metricOnDataset(const LoggedModel &model, const QString &metric, const MetricDataset &dataset);

/// The versions of one registered model, one row per version (read-only). Sortable through
/// sort(); the key metric sorts numerically with NaN (no value) last in both orders.
///
/// The key metric is, in this order: the metric the model's `modeldesk.key_metric` tag names;
/// where the versions' LoggedModels (MLflow 3) have metrics measured on a dataset,
/// `val_r2_score` when one is, else the first of them (by name) whose direction
/// inferMetricDirection() knows; `val_r2_score` when a version's run logged it; else the first
/// metric (by name) of the versions' runs whose direction is known.
///
/// Versions are compared on one dataset: when the key metric was measured on datasets, its values
/// are those on commonDataset() (keyMetricDataset()), and a version without a value on that
/// dataset has none (not its value on another dataset, nor its run's). Otherwise the value is the
/// run's latest.
class VersionsModel : public SortableTableModel {
    Q_OBJECT
public:
    enum Columns {
        VersionColumn,
        StageColumn,
        AliasesColumn,
        /// The key metric's value: short, and what a reviewer compares first, so it comes before
        /// the wider columns and is seen without scrolling on a 1366-pixel screen.
        KeyMetricColumn,
        /// The review: "Review requested by alice", "Approved by bob", "Rejected by bob" (ReviewState),
        /// beside the stage and aliases it is about, so it is seen without scrolling.
        ApprovalColumn,
        RunColumn,
        CreatedColumn,
        UserColumn,
        StatusColumn,
        DescriptionColumn,
        TagsColumn,
        ColumnCount
    };
    enum Roles {
        VersionRole = Qt::UserRole + 1,  ///< qint64, every column
        StageRole,                       ///< QString
        AliasesRole,                     ///< QStringList
        RunIdRole,                       ///< QString, MLflow run id (may be empty)
        KeyMetricRole,                   ///< double, NaN when the run has no such metric
        SortRole,                        ///< the raw value sort() uses
    };
    Q_ENUM(Columns)

    explicit VersionsModel(QObject *parent = nullptr);

    /// Shows `model`. `runMetrics`: MLflow run id -> that run's latest metrics (runs not in the
    /// cache are missing). `journal`: entries about this model; with the versions' tags they give
    /// each version's ReviewState (tags first, so a colleague's decision shows after a sync).
    /// `loggedModels`: the versions' MLflow 3 LoggedModels (by model id; others are ignored);
    /// `datasetInputs`: the dataset inputs of the versions' runs (their contexts).
    void setRegisteredModel(const RegisteredModel &model, const QHash<QString, QList<MetricPoint>> &runMetrics,
                            const QList<JournalEntry> &journal = {}, const QList<LoggedModel> &loggedModels = {},
                            const QList<DatasetInput> &datasetInputs = {});
    /// Reads the model, its versions' runs and LoggedModels from `cache`, then
    /// setRegisteredModel(). On error the model is left as it was.
    Status load(Cache &cache, qint64 sourceId, const QString &name, const QList<JournalEntry> &journal = {});
    /// Empties the model.
    void clear();

    const RegisteredModel &registeredModel() const { return m_model; }
    /// The metric the key metric column shows, empty when none.
    QString keyMetric() const { return m_keyMetric; }
    /// The dataset the key metric's values were measured on; empty when they are the runs' own.
    const MetricDataset &keyMetricDataset() const { return m_keyDataset; }
    /// The row of `version`, -1 when not shown.
    int rowOfVersion(qint64 version) const;
    /// The versions in version order with their key metric value (NaN when missing).
    QList<QPair<qint64, double>> keyMetricSeries() const;
    /// The review state of `version` (empty when not shown).
    ReviewState reviewState(qint64 version) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Row {
        qsizetype index = 0;  // into m_model.versions
        double keyMetric = std::numeric_limits<double>::quiet_NaN();
        ReviewState review;
    };
    QVariant sortValue(const Row &row, int column) const;
    QString displayText(const Row &row, int column) const;

    RegisteredModel m_model;
    QString m_keyMetric;
    MetricDataset m_keyDataset;
    QList<Row> m_rows;
    int m_sortColumn = VersionColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace md
