// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionsModel.h"

#include "PlainToolTip.h"

#include "cache/Cache.h"
#include "core/MetricDirection.h"
#include "core/NumberFormat.h"
#include "core/TagNames.h"
#include "core/TimeFormat.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QString kDefaultKeyMetric = u"val_r2_score"_s;

QString formatMetric(double v)
{
    return std::isnan(v) ? QString() : localNumber(v, QLocale::FloatingPointShortest);
}

QString joinTags(const QList<KeyValue> &tags)
{
    QStringList parts;
    for (const KeyValue &t : tags)
        parts.append(t.key + u'=' + t.value);
    return parts.join(u", "_s);
}

/// A context that says the dataset was held out to judge the model, not to train it.
bool isEvaluationContext(const QString &context)
{
    const QString c = context.toLower();
    return c.contains(u"eval"_s) || c.contains(u"valid"_s) || c == "val"_L1 || c.startsWith(u"test"_s)
        || c.contains(u"holdout"_s);
}

/// The LoggedModel id of a version: its own, or the one its `models:/m-…` source names.
QString modelIdOf(const ModelVersion &v)
{
    return v.modelId.isEmpty() ? ModelVersion::modelIdFromSource(v.source) : v.modelId;
}

} // namespace

QString MetricDataset::displayName() const
{
    if (digest.isEmpty())
        return name;
    return VersionsModel::tr("%1 (digest %2)").arg(name.isEmpty() ? VersionsModel::tr("unnamed dataset") : name, digest);
}

MetricDataset commonDataset(const QList<LoggedModel> &models, const QString &metric, const QList<DatasetInput> &inputs)
{
    struct Candidate {
        MetricDataset dataset;
        QSet<QString> models;
    };
    QList<Candidate> candidates;
    for (const LoggedModel &m : models) {
        for (const LoggedModelMetric &v : m.metrics) {
            if (v.datasetName.isEmpty() && v.datasetDigest.isEmpty())
                continue;
            if (!metric.isEmpty() && v.key != metric)
                continue;
            auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate &c) {
                return c.dataset.name == v.datasetName && c.dataset.digest == v.datasetDigest;
            });
            if (it == candidates.end()) {
                Candidate c;
                c.dataset.name = v.datasetName;
                c.dataset.digest = v.datasetDigest;
                for (const DatasetInput &in : inputs)
                    if (in.name == v.datasetName && in.digest == v.datasetDigest && !in.context.isEmpty()
                        && (c.dataset.context.isEmpty() || isEvaluationContext(in.context)))
                        c.dataset.context = in.context;
                candidates.append(c);
                it = candidates.end() - 1;
            }
            it->models.insert(m.modelId);
        }
    }
    if (candidates.isEmpty())
        return {};
    const auto best = std::min_element(candidates.cbegin(), candidates.cend(), [](const Candidate &a, const Candidate &b) {
        if (a.models.size() != b.models.size())
            return a.models.size() > b.models.size();
        const bool ae = isEvaluationContext(a.dataset.context), be = isEvaluationContext(b.dataset.context);
        if (ae != be)
            return ae;
        if (a.dataset.name != b.dataset.name)
            return a.dataset.name < b.dataset.name;
        return a.dataset.digest < b.dataset.digest;
    });
    return best->dataset;
}

double metricOnDataset(const LoggedModel &model, const QString &metric, const MetricDataset &dataset)
{
    const LoggedModelMetric *latest = nullptr;
    for (const LoggedModelMetric &v : model.metrics) {
        if (v.key != metric || v.datasetName != dataset.name || v.datasetDigest != dataset.digest)
            continue;
        if (!latest || v.step > latest->step || (v.step == latest->step && v.timestamp >= latest->timestamp))
            latest = &v;
    }
    return latest ? latest->value : std::numeric_limits<double>::quiet_NaN();
}

VersionsModel::VersionsModel(QObject *parent) : SortableTableModel(parent) {}

void VersionsModel::clear()
{
    beginResetModel();
    m_model = {};
    m_rows.clear();
    m_keyMetric.clear();
    m_keyDataset = {};
    endResetModel();
}

Status VersionsModel::load(Cache &cache, qint64 sourceId, const QString &name, const QList<JournalEntry> &journal)
{
    auto model = cache.registeredModel(name, sourceId);
    if (!model)
        return model.error();
    QStringList runIds;
    for (const ModelVersion &v : std::as_const(model->versions))
        if (!v.runId.isEmpty())
            runIds.append(v.runId);
    QHash<QString, QList<MetricPoint>> metrics;
    QList<DatasetInput> inputs;
    if (!runIds.isEmpty()) {
        RunQuery q;
        q.sourceId = sourceId;
        q.runIds = runIds;
        q.includeDeleted = true;
        auto runs = cache.runs(q);
        if (!runs)
            return runs.error();
        for (const RunRow &r : std::as_const(*runs)) {
            metrics.insert(r.run.runId, r.run.latestMetrics);
            inputs += r.run.inputs;
        }
    }
    // MLflow 3: the versions' LoggedModels, whose metrics name the dataset they were measured on.
    QList<LoggedModel> loggedModels;
    QSet<QString> seen;
    for (const ModelVersion &v : std::as_const(model->versions)) {
        const QString id = modelIdOf(v);
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        auto m = cache.loggedModel(id, sourceId);
        if (m)
            loggedModels.append(std::move(*m));
        else if (m.error().category != ErrorCategory::NotFound)
            return m.error();
    }
    setRegisteredModel(*model, metrics, journal, loggedModels, inputs);
    return {};
}

void VersionsModel::setRegisteredModel(const RegisteredModel &model, const QHash<QString, QList<MetricPoint>> &runMetrics,
                                       const QList<JournalEntry> &journal, const QList<LoggedModel> &loggedModels,
                                       const QList<DatasetInput> &datasetInputs)
{
    beginResetModel();
    m_model = model;
    m_rows.clear();

    // The versions' LoggedModels, by version.
    QHash<qint64, const LoggedModel *> modelOf;
    QList<LoggedModel> versionModels;
    for (const ModelVersion &v : std::as_const(m_model.versions)) {
        const QString id = modelIdOf(v);
        for (const LoggedModel &m : loggedModels)
            if (!id.isEmpty() && m.modelId == id) {
                modelOf.insert(v.version, &m);
                if (std::none_of(versionModels.cbegin(), versionModels.cend(), [&](const LoggedModel &x) { return x.modelId == id; }))
                    versionModels.append(m);
            }
    }

    // Which metric is key.
    m_keyMetric.clear();
    for (const KeyValue &t : std::as_const(m_model.tags))
        if (t.key == tags::kKeyMetric && !t.value.trimmed().isEmpty())
            m_keyMetric = t.value.trimmed();
    // Metrics measured on a dataset compare versions on the same data: they come first.
    QSet<QString> onDatasets;
    for (const LoggedModel &m : std::as_const(versionModels))
        for (const LoggedModelMetric &v : m.metrics)
            if (!v.datasetName.isEmpty() || !v.datasetDigest.isEmpty())
                onDatasets.insert(v.key);
    if (m_keyMetric.isEmpty() && onDatasets.contains(kDefaultKeyMetric))
        m_keyMetric = kDefaultKeyMetric;
    if (m_keyMetric.isEmpty()) {
        QStringList keys(onDatasets.cbegin(), onDatasets.cend());
        keys.sort();
        for (const QString &k : std::as_const(keys)) {
            if (inferMetricDirection(k) != MetricDirection::Unknown) {
                m_keyMetric = k;
                break;
            }
        }
    }
    QSet<QString> logged;
    for (const ModelVersion &v : std::as_const(m_model.versions))
        for (const MetricPoint &p : runMetrics.value(v.runId))
            logged.insert(p.key);
    if (m_keyMetric.isEmpty() && logged.contains(kDefaultKeyMetric))
        m_keyMetric = kDefaultKeyMetric;
    if (m_keyMetric.isEmpty()) {
        QStringList keys(logged.cbegin(), logged.cend());
        keys.sort();
        for (const QString &k : std::as_const(keys)) {
            if (inferMetricDirection(k) != MetricDirection::Unknown) {
                m_keyMetric = k;
                break;
            }
        }
    }

    m_keyDataset = m_keyMetric.isEmpty() ? MetricDataset() : commonDataset(versionModels, m_keyMetric, datasetInputs);

    // Each version reads its own entries only (a long journal × many versions).
    QHash<QString, QList<JournalEntry>> journalOf;
    for (const JournalEntry &e : journal)
        journalOf[e.subject].append(e);

    for (qsizetype i = 0; i < m_model.versions.size(); ++i) {
        const ModelVersion &v = m_model.versions.at(i);
        Row row;
        row.index = i;
        if (!m_keyDataset.isEmpty()) {
            if (const LoggedModel *m = modelOf.value(v.version))
                row.keyMetric = metricOnDataset(*m, m_keyMetric, m_keyDataset);
        } else {
            for (const MetricPoint &p : runMetrics.value(v.runId))
                if (p.key == m_keyMetric)
                    row.keyMetric = p.value;
        }
        if (!m_model.isPrompt())
            row.review = ReviewState::of(v, journalOf.value(m_model.name + u'/' + QString::number(v.version)));
        m_rows.append(row);
    }
    endResetModel();
    if (m_sortColumn != VersionColumn || m_sortOrder != Qt::AscendingOrder)
        sort(m_sortColumn, m_sortOrder);
}

int VersionsModel::rowOfVersion(qint64 version) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_model.versions.at(m_rows.at(r).index).version == version)
            return r;
    return -1;
}

QList<QPair<qint64, double>> VersionsModel::keyMetricSeries() const
{
    QList<QPair<qint64, double>> series;
    for (const Row &r : m_rows)
        series.append({m_model.versions.at(r.index).version, r.keyMetric});
    std::sort(series.begin(), series.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return series;
}

ReviewState VersionsModel::reviewState(qint64 version) const
{
    const int row = rowOfVersion(version);
    return row < 0 ? ReviewState() : m_rows.at(row).review;
}

int VersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionsModel::sortValue(const Row &row, int column) const
{
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (column) {
    case VersionColumn: return v.version;
    case KeyMetricColumn: return row.keyMetric;
    case CreatedColumn: return v.creationTime;
    default: return displayText(row, column).toLower();
    }
}

QString VersionsModel::displayText(const Row &row, int column) const
{
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (column) {
    case VersionColumn: return tr("v%1").arg(v.version);
    case StageColumn: return v.currentStage;
    case AliasesColumn: return v.aliases.join(u", "_s);
    case RunColumn: return v.runId;
    case KeyMetricColumn: return formatMetric(row.keyMetric);
    case CreatedColumn: return localDateTime(v.creationTime);
    case UserColumn: return v.userId;
    case StatusColumn: return v.status;
    case DescriptionColumn: return v.description;
    case TagsColumn: return joinTags(v.tags);
    case ApprovalColumn: {
        const QString summary = row.review.summary();
        return summary.isEmpty() ? tr("—") : summary;
    }
    default: return {};
    }
}

QVariant VersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ModelVersion &v = m_model.versions.at(row.index);
    switch (role) {
    case VersionRole: return v.version;
    case StageRole: return v.currentStage;
    case AliasesRole: return v.aliases;
    case RunIdRole: return v.runId;
    case KeyMetricRole: return row.keyMetric;
    case SortRole: return sortValue(row, index.column());
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ToolTipRole:
        // Descriptions and tags come from the store: never rich text, never 1 MB.
        return plainToolTip([&]() -> QVariant {
        switch (index.column()) {
        case VersionColumn: return tr("Version %1 of %2").arg(v.version).arg(m_model.name);
        case RunColumn: return v.runId.isEmpty() ? tr("No source run") : tr("Source run %1\n%2").arg(v.runId, v.source);
        case KeyMetricColumn:
            if (m_keyMetric.isEmpty())
                return tr("No key metric: the runs logged no metric with a known direction");
            if (m_keyDataset.isEmpty())
                return tr("%1 of the source run").arg(m_keyMetric);
            return std::isnan(row.keyMetric)
                ? tr("No %1 measured on %2 for this version: it is compared on that dataset only")
                      .arg(m_keyMetric, m_keyDataset.displayName())
                : tr("%1 of the version's logged model on %2").arg(m_keyMetric, m_keyDataset.displayName());
        case CreatedColumn:
            return v.creationTime > 0
                ? QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.creationTime), QLocale::LongFormat))
                : QVariant();
        case StatusColumn: return v.statusMessage.isEmpty() ? QVariant() : QVariant(v.statusMessage);
        case DescriptionColumn: return v.description.isEmpty() ? QVariant() : QVariant(v.description);
        case TagsColumn: {
            QStringList lines;
            for (const KeyValue &t : v.tags)
                lines.append(t.key + u" = "_s + t.value);
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        case ApprovalColumn: {
            const QString details = row.review.details();
            return details.isEmpty() ? tr("No review asked for or decided") : details;
        }
        default: return {};
        }
        }());
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn || index.column() == KeyMetricColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant VersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case VersionColumn: return tr("Version");
        case StageColumn: return tr("Stage");
        case AliasesColumn: return tr("Aliases");
        case RunColumn: return tr("Source Run");
        case KeyMetricColumn: return m_keyMetric.isEmpty() ? tr("Key Metric") : m_keyMetric;
        case CreatedColumn: return tr("Created");
        case UserColumn: return tr("User");
        case StatusColumn: return tr("Status");
        case DescriptionColumn: return tr("Description");
        case TagsColumn: return tr("Tags");
        case ApprovalColumn: return tr("Review");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && section == KeyMetricColumn) {
        const QString which = tr("The key metric: the model's modeldesk.key_metric tag, else val_r2_score, else the "
                                 "first metric with a known direction");
        return m_keyDataset.isEmpty() ? which
                                      : which + u'\n' + tr("Every version's value on %1, the dataset most of them were "
                                                           "measured on").arg(m_keyDataset.displayName());
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void VersionsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // The key metric sorts as a double: NaN (no value) last in both orders.
    sortRows(m_rows, [&](const Row &row) { return sortValue(row, column); }, order);
}

} // namespace md
