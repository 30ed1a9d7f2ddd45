// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExperimentsModel.h"

#include "PlainToolTip.h"
#include "Resources.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QSet>
#include <QIcon>
#include <QUrl>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace md {

ExperimentsModel::ExperimentsModel(Cache *cache, QObject *parent)
    : QAbstractItemModel(parent)
    , m_cache(cache)
    , m_root(std::make_unique<Node>())
{
    ensureResources();
    m_sourceIcon = QIcon(u":/icons/source.svg"_s);
    m_experimentIcon = QIcon(u":/icons/experiment.svg"_s);
    m_groupIcon = QIcon(u":/icons/run-group.svg"_s);
}

ExperimentsModel::Node *ExperimentsModel::addChild(Node *parent, ItemKind kind)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->parent = parent;
    node->row = int(parent->children.size());
    node->source = parent->source;
    node->experiment = parent->experiment;
    parent->children.push_back(std::move(node));
    return parent->children.back().get();
}

ExperimentsModel::Node *ExperimentsModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

Status ExperimentsModel::reload()
{
    QList<SourceNode> nodes;
    QList<RunGroup> groups;
    Status status;
    if (!m_cache || !m_cache->isOpen()) {
        status = makeError(ErrorCategory::Internal, tr("The cache is not open."));
    } else if (auto sources = m_cache->sources(); !sources) {
        status = sources.error();
    } else if (auto experiments = m_cache->experiments(std::nullopt, true); !experiments) {
        status = experiments.error();
    } else if (auto runGroups = m_cache->runGroups(std::nullopt, m_showDeleted); !runGroups) {
        status = runGroups.error();
    } else {
        groups = std::move(runGroups.value());
        QHash<qint64, qsizetype> rowOf;
        for (const SourceInfo &s : sources.value()) {
            rowOf.insert(s.id, nodes.size());
            nodes.append(SourceNode{s, {}});
        }
        // A source's active runs are those of its experiments, deleted ones included: counted
        // here from theirs, not by the cache a second time.
        for (const ExperimentInfo &e : experiments.value()) {
            const auto it = rowOf.constFind(e.sourceId);
            if (it == rowOf.cend())
                continue;
            nodes[*it].info.runCount += e.runCount;
            if (m_showDeleted || e.experiment.lifecycleStage == kActive)
                nodes[*it].experiments.append(e);
        }
    }
    // The tree: sources, their experiments, and each experiment's parent runs, nested.
    auto root = std::make_unique<Node>();
    QHash<QPair<qint64, QString>, Node *> experimentNodes;
    for (int s = 0; s < nodes.size(); ++s) {
        Node *source = addChild(root.get(), ItemKind::Source);
        source->source = s;
        for (int e = 0; e < nodes.at(s).experiments.size(); ++e) {
            Node *experiment = addChild(source, ItemKind::Experiment);
            experiment->experiment = e;
            experimentNodes.insert({nodes.at(s).info.id, nodes.at(s).experiments.at(e).experiment.experimentId}, experiment);
        }
    }
    // Groups of one experiment arrive together; a parent that is itself a child goes below its
    // own parent's group. A cycle of parents (a broken store) ends up at the top, not lost.
    for (qsizetype first = 0; first < groups.size();) {
        qsizetype end = first;
        while (end < groups.size() && groups[end].sourceId == groups[first].sourceId
               && groups[end].experimentId == groups[first].experimentId)
            ++end;
        Node *experiment = experimentNodes.value({groups[first].sourceId, groups[first].experimentId});
        if (experiment) {
            QHash<QString, qsizetype> byParent;
            for (qsizetype i = first; i < end; ++i)
                byParent.insert(groups[i].parentRunId, i);
            QHash<qsizetype, QList<qsizetype>> childrenOf;
            QList<qsizetype> tops;
            for (qsizetype i = first; i < end; ++i) {
                const auto up = byParent.constFind(groups[i].grandparentRunId);
                if (up != byParent.cend() && *up != i)
                    childrenOf[*up].append(i);
                else
                    tops.append(i);
            }
            QSet<qsizetype> placed;
            std::function<void(Node *, qsizetype)> place = [&](Node *under, qsizetype i) {
                if (placed.contains(i))
                    return;
                placed.insert(i);
                Node *node = addChild(under, ItemKind::RunGroup);
                node->group = groups[i];
                for (qsizetype child : childrenOf.value(i))
                    place(node, child);
            };
            for (qsizetype i : std::as_const(tops))
                place(experiment, i);
            for (qsizetype i = first; i < end; ++i)
                place(experiment, i);
        }
        first = end;
    }

    beginResetModel();
    m_sources = std::move(nodes);
    m_root = std::move(root);
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

QModelIndex ExperimentsModel::runGroupIndex(qint64 sourceId, const QString &experimentId, const QString &parentRunId) const
{
    const QModelIndex experiment = experimentIndex(sourceId, experimentId);
    if (!experiment.isValid())
        return {};
    std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &under) -> QModelIndex {
        for (int r = 0; r < rowCount(under); ++r) {
            const QModelIndex child = index(r, 0, under);
            if (nodeOf(child)->group.parentRunId == parentRunId)
                return child;
            if (QModelIndex deeper = find(child); deeper.isValid())
                return deeper;
        }
        return {};
    };
    return find(experiment);
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
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ExperimentsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *up = nodeOf(child)->parent;
    if (!up || up == m_root.get())
        return {};
    return createIndex(up->row, 0, up);
}

int ExperimentsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ExperimentsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ExperimentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const SourceNode &source = m_sources.at(node->source);
    switch (node->kind) {
    case ItemKind::Source: return sourceData(source, index.column(), role);
    case ItemKind::Experiment: return experimentData(source, source.experiments.at(node->experiment), index.column(), role);
    case ItemKind::RunGroup: return groupData(*node, index.column(), role);
    }
    return {};
}

QVariant ExperimentsModel::groupData(const Node &node, int column, int role) const
{
    const SourceNode &source = m_sources.at(node.source);
    const Experiment &experiment = source.experiments.at(node.experiment).experiment;
    const RunGroup &g = node.group;
    const QString name = g.parentName.isEmpty() ? g.parentRunId.left(8) : g.parentName;
    switch (role) {
    case ItemKindRole: return int(ItemKind::RunGroup);
    case SourceIdRole: return source.info.id;
    case SourceUriRole: return source.info.uri;
    case ExperimentIdRole: return experiment.experimentId;
    case ExperimentNameRole: return experiment.name;
    case ParentRunIdRole: return g.parentRunId;
    case RunCountRole: return g.childCount;
    case SortRole: return column == RunsColumn ? QVariant(g.childCount) : QVariant(name);
    case Qt::DisplayRole:
        if (column == NameColumn)
            return name;
        return column == RunsColumn ? QVariant(g.childCount) : QVariant();
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(m_groupIcon) : QVariant();
    case Qt::ToolTipRole:
    {
        const QString who = g.parentName.isEmpty() ? tr("Parent run %1 (not in the cache)").arg(g.parentRunId)
                                                   : tr("Parent run %1 (ID %2)").arg(g.parentName, g.parentRunId);
        const QString what = g.childCount == 1 ? tr("1 child run: select to see it with its parent")
                                               : tr("%1 child runs: select to see them with their parent").arg(g.childCount);
        return plainToolTip(QString(who + u'\n' + what));
    }
    case Qt::TextAlignmentRole:
        return column == RunsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
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
        return plainToolTip(tip);
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
        return plainToolTip(tip);
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
