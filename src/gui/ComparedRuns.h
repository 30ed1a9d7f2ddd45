// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace md {

class Cache;

/// The runs the Compare and Charts tabs show, as read from the cache: the runs (params, tags and
/// latest metrics, no histories), their cache row ids (what HistoryLoader asks for) and their MLflow
/// run ids, all in the same order, and the source they were asked of.
struct ComparedRuns {
    QList<Run> runs;
    QList<qint64> rowIds;
    QStringList ids;
    std::optional<qint64> sourceId;

    /// Reads the runs with these MLflow ids (of `sourceId` when given) from `cache`, in the order
    /// given, duplicates dropped. Fails when the cache is missing or not open, or with NotFound
    /// naming the ids it does not hold.
    static Result<ComparedRuns> read(Cache *cache, const QStringList &runIds, std::optional<qint64> sourceId);

    bool isEmpty() const { return runs.isEmpty(); }
    qsizetype size() const { return runs.size(); }
    /// The index of the run with this MLflow id, or -1.
    qsizetype indexOf(const QString &runId) const { return ids.indexOf(runId); }
    /// What the person knows the run at `index` by: its name, else its id.
    QString label(qsizetype index) const;
};

} // namespace md
