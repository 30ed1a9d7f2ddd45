// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExperimentsModel.h"

#include "Resources.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QIcon>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

// Top-level (source) indexes carry internalId 0; an experiment's carries its source row + 1.

ExperimentsModel::ExperimentsModel(Cache *cache, QObject *parent)
    : QAbstractItemModel(parent)
    , m_cache(cache)
{
    ensureResources();
    m_sourceIcon = QIcon(u":/icons/source.svg"_s);
    m_experimentIcon = QIcon(u":/icons/experiment.svg"_s);
}

Status ExperimentsModel::reload()
{
    QList<SourceNode> nodes;
    Status status;
    if (!m_cache || !m_cache->isOpen()) {
        status = makeError(ErrorCategory::Internal, tr("The cache is not open."));
    } else if (auto sources = m_cache->sources(); !sources) {
        status = sources.error();
    } else if (auto experiments = m_cache->experiments(std::nullopt, m_showDeleted); !experiments) {
        status = experiments.error();
    } else {
        QHash<qint64, qsizetype> rowOf;
        for (const SourceInfo &s : sources.value()) {
            rowOf.insert(s.id, nodes.size());
            nodes.append(SourceNode{s, {}});
        }
        for (const ExperimentInfo &e : experiments.value()) {
            const auto it = rowOf.constFind(e.sourceId);
            if (it != rowOf.cend())
                nodes[*it].experiments.append(e);
        }
    }
    beginResetModel();
    m_sources = std::move(nodes);
    endResetModel();
    return status;
}

Status ExperimentsModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return {};
    m_showDeleted = show;
    return reload();
}

QModelIndex ExperimentsModel::sourceIndex(qint64 sourceId) const
{
    for (int i = 0; i < m_sources.size(); ++i)
        if (m_sources.at(i).info.id == sourceId)
            return index(i, 0);
    return {};
}

QModelIndex ExperimentsModel::experimentIndex(qint64 sourceId, const QString &experimentId) const
{
    const QModelIndex parent = sourceIndex(sourceId);
    if (!parent.isValid())
        return {};
    const auto &experiments = m_sources.at(parent.row()).experiments;
    for (int i = 0; i < experiments.size(); ++i)
        if (experiments.at(i).experiment.experimentId == experimentId)
            return index(i, 0, parent);
    return {};
}

QModelIndex ExperimentsModel::preferredExperiment(std::optional<qint64> sourceId, const QString &preferredName) const
{
    QModelIndex firstWithRuns;
    QModelIndex first;
    for (int s = 0; s < m_sources.size(); ++s) {
        const SourceNode &node = m_sources.at(s);
        if (sourceId && node.info.id != *sourceId)
            continue;
        for (int e = 0; e < node.experiments.size(); ++e) {
            const ExperimentInfo &info = node.experiments.at(e);
            const qint64 runs = info.runCount + (m_showDeleted ? info.deletedRunCount : 0);
            const QModelIndex idx = index(e, 0, index(s, 0));
            if (runs > 0 && (info.experiment.name == preferredName || info.experiment.experimentId == preferredName))
                return idx;
            if (runs > 0 && !firstWithRuns.isValid())
                firstWithRuns = idx;
            if (!first.isValid())
                first = idx;
        }
    }
    return firstWithRuns.isValid() ? firstWithRuns : first;
}

QModelIndex ExperimentsModel::findExperiment(const QString &nameOrId) const
{
    for (int s = 0; s < m_sources.size(); ++s) {
        const SourceNode &node = m_sources.at(s);
        for (int e = 0; e < node.experiments.size(); ++e) {
            const Experiment &x = node.experiments.at(e).experiment;
            if (x.name == nameOrId || x.experimentId == nameOrId)
                return index(e, 0, index(s, 0));
        }
    }
    return {};
}

QString ExperimentsModel::sourceDisplayName(const QString &uri)
{
    const QUrl url(uri);
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        return url.authority();
    QString path = url.isValid() && !url.scheme().isEmpty() && url.scheme().size() > 1 ? url.path() : uri;
    while (path.endsWith(u'/') && path.size() > 1)
        path.chop(1);
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return uri;
    if (parts.size() == 1)
        return parts.last();
    return parts.at(parts.size() - 2) + u'/' + parts.last();
}

QString ExperimentsModel::sourceKindText(const QString &kind)
{
    if (kind == QLatin1String("file"))
        return tr("file store");
    if (kind == QLatin1String("sqlite"))
        return tr("SQLite database");
    if (kind == QLatin1String("folder"))
        return tr("model folder");
    if (kind == QLatin1String("http"))
        return tr("tracking server");
    return kind;
}

QString ExperimentsModel::syncAgeText(std::optional<qint64> syncMs, qint64 nowMs)
{
    if (!syncMs)
        return tr("never synced");
    const qint64 minutes = std::max<qint64>(0, nowMs - *syncMs) / 60000;
    if (minutes < 1)
        return tr("synced just now");
    if (minutes < 60)
        return tr("synced %1 min ago").arg(minutes);
    if (minutes < 24 * 60)
        return tr("synced %1 h ago").arg(minutes / 60);
    return tr("synced %1").arg(QDateTime::fromMSecsSinceEpoch(*syncMs).toString(u"yyyy-MM-dd"_s));
}

QModelIndex ExperimentsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_sources.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_sources.size())
        return {};
    if (row >= m_sources.at(parent.row()).experiments.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ExperimentsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ExperimentsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sources.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_sources.at(parent.row()).experiments.size());
}

int ExperimentsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ExperimentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return sourceData(m_sources.at(index.row()), index.column(), role);
    const SourceNode &node = m_sources.at(int(index.internalId() - 1));
    return experimentData(node, node.experiments.at(index.row()), index.column(), role);
}

QVariant ExperimentsModel::sourceData(const SourceNode &node, int column, int role) const
{
    const SourceInfo &s = node.info;
    const QString lastSync = s.lastSyncMs
        ? QDateTime::fromMSecsSinceEpoch(*s.lastSyncMs).toString(u"yyyy-MM-dd HH:mm"_s)
        : tr("never");
    switch (role) {
    case ItemKindRole: return int(ItemKind::Source);
    case SourceIdRole: return s.id;
    case SourceUriRole: return s.uri;
    case RunCountRole: return s.runCount;
    case SortRole: return column == RunsColumn ? QVariant(s.runCount) : QVariant(sourceDisplayName(s.uri));
    case SourceDetailRole:
        return column == NameColumn ? QVariant(tr("%1 · %2").arg(sourceKindText(s.kind),
                                                                 syncAgeText(s.lastSyncMs, QDateTime::currentMSecsSinceEpoch())))
                                    : QVariant();
    case Qt::DisplayRole:
        if (column == NameColumn)
            return sourceDisplayName(s.uri);
        return column == RunsColumn ? QVariant(s.runCount) : QVariant();
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(m_sourceIcon) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = tr("%1\nKind: %2\nLast sync: %3\n%4 experiments, %5 runs, %6 registered models")
                          .arg(s.uri, sourceKindText(s.kind), lastSync)
                          .arg(s.experimentCount)
                          .arg(s.runCount)
                          .arg(s.modelCount);
        if (!s.lastError.isEmpty())
            tip += u'\n' + tr("Last sync failed: %1").arg(s.lastError);
        return tip;
    }
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        return column == RunsColumn ? QVariant(Qt::AlignRight | Qt::AlignTop) : QVariant();
    default:
        return {};
    }
}

QVariant ExperimentsModel::experimentData(const SourceNode &node, const ExperimentInfo &e, int column, int role) const
{
    const bool deleted = e.experiment.lifecycleStage == kDeleted;
    const qint64 runs = e.runCount + (m_showDeleted ? e.deletedRunCount : 0);
    switch (role) {
    case ItemKindRole: return int(ItemKind::Experiment);
    case SourceIdRole: return node.info.id;
    case SourceUriRole: return node.info.uri;
    case ExperimentIdRole: return e.experiment.experimentId;
    case ExperimentNameRole: return e.experiment.name;
    case RunCountRole: return runs;
    case DeletedRole: return deleted;
    case SortRole: return column == RunsColumn ? QVariant(runs) : QVariant(e.experiment.name);
    case Qt::DisplayRole:
        if (column == NameColumn)
            return deleted ? tr("%1 (deleted)").arg(e.experiment.name) : e.experiment.name;
        return column == RunsColumn ? QVariant(runs) : QVariant();
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(m_experimentIcon) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = tr("Experiment %1 (ID %2)\n%3 runs").arg(e.experiment.name, e.experiment.experimentId).arg(e.runCount);
        if (e.deletedRunCount > 0)
            tip += u'\n' + tr("%1 deleted runs (View › Show deleted runs)").arg(e.deletedRunCount);
        if (deleted)
            tip += u'\n' + tr("This experiment is deleted.");
        if (!e.experiment.artifactLocation.isEmpty())
            tip += u'\n' + tr("Artifacts: %1").arg(e.experiment.artifactLocation);
        return tip;
    }
    case Qt::FontRole:
        if (deleted) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == RunsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ExperimentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        if (section == NameColumn)
            return tr("Source / experiment");
        if (section == RunsColumn)
            return tr("Runs");
    }
    if (role == Qt::ToolTipRole && section == RunsColumn)
        return tr("Number of runs (active runs, plus deleted ones when shown)");
    return {};
}

} // namespace md
