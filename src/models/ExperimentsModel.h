// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "core/Error.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace md {

/// The cache's sources as top-level items (display name, kind and last sync) with their
/// experiments below (name and run count), and below an experiment its nested runs as a tree:
/// each run that other runs name as their parent (mlflow.parentRunId), with its child count,
/// and parents of parents above them. Deleted experiments are left out unless
/// setShowDeleted(true). Read from the Cache given to it, on the thread that owns that Cache;
/// the cache must outlive the model.
class ExperimentsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, RunsColumn, ColumnCount };
    enum Roles {
        ItemKindRole = Qt::UserRole + 1,  ///< ItemKind as int
        SourceIdRole,                     ///< qint64, both kinds
        SourceUriRole,                    ///< QString, both kinds
        ExperimentIdRole,                 ///< QString, experiments only
        ExperimentNameRole,               ///< QString, experiments only
        RunCountRole,                     ///< qint64: active runs (plus deleted ones when shown)
        DeletedRole,                      ///< bool, experiments only
        SortRole,                         ///< raw value for sorting (name or count)
        /// QString, sources only: "file store · synced 5 min ago", shown as a second line.
        SourceDetailRole,
        ParentRunIdRole,                  ///< QString, run groups only: the parent run's id
    };
    enum class ItemKind { Source, Experiment, RunGroup };

    explicit ExperimentsModel(Cache *cache, QObject *parent = nullptr);

    /// Re-reads sources and experiments from the cache (a model reset). On error the model is empty.
    Status reload();
    /// Includes deleted experiments (and counts deleted runs); reloads when it changes.
    Status setShowDeleted(bool show);
    bool showDeleted() const { return m_showDeleted; }

    /// Index (column 0) of a source or an experiment; invalid when not in the model.
    QModelIndex sourceIndex(qint64 sourceId) const;
    QModelIndex experimentIndex(qint64 sourceId, const QString &experimentId) const;
    /// Index (column 0) of the group of a parent run's children; invalid when not in the model.
    QModelIndex runGroupIndex(qint64 sourceId, const QString &experimentId, const QString &parentRunId) const;
    /// The experiment a person most likely wants to see first: `preferredName` when it has runs,
    /// else the first experiment with runs, else the first experiment; restricted to one source
    /// when `sourceId` is given. Invalid when there is none.
    /// The first experiment (of any source, shown ones only) with this name or id, runs or not.
    QModelIndex findExperiment(const QString &nameOrId) const;
    /// `preferredName` matches an experiment's name or id.
    QModelIndex preferredExperiment(std::optional<qint64> sourceId = {},
                                    const QString &preferredName = QStringLiteral("car_price")) const;

    /// "mlruns · file store"-style short name of a source URI, e.g. "car-price/mlruns".
    static QString sourceDisplayName(const QString &uri);
    /// The translated kind: "file store", "SQLite database", "model folder", "tracking server".
    static QString sourceKindText(const QString &kind);
    /// How long ago a sync was, for people: "synced just now", "synced 5 min ago", "synced 3 h ago",
    /// "synced 2026-11-20" (older than a day), "never synced" (no time).
    static QString syncAgeText(std::optional<qint64> syncMs, qint64 nowMs);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct SourceNode {
        SourceInfo info;
        QList<ExperimentInfo> experiments;
    };
    /// An item of the tree; an index's internal pointer. Rebuilt on every reset.
    struct Node {
        ItemKind kind = ItemKind::Source;
        Node *parent = nullptr;
        int row = 0;
        int source = -1;      ///< index into m_sources (every kind)
        int experiment = -1;  ///< index into that source's experiments (experiments and groups)
        RunGroup group;       ///< run groups only
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeOf(const QModelIndex &index) const;
    static Node *addChild(Node *parent, ItemKind kind);
    QVariant sourceData(const SourceNode &node, int column, int role) const;
    QVariant experimentData(const SourceNode &node, const ExperimentInfo &e, int column, int role) const;
    QVariant groupData(const Node &node, int column, int role) const;

    Cache *m_cache;
    QIcon m_sourceIcon;
    QIcon m_experimentIcon;
    QIcon m_groupIcon;
    QList<SourceNode> m_sources;
    std::unique_ptr<Node> m_root;
    bool m_showDeleted = false;
};

} // namespace md
