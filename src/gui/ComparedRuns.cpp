// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparedRuns.h"

#include "cache/Cache.h"

#include <QCoreApplication>

namespace md {

Result<ComparedRuns> ComparedRuns::read(Cache *cache, const QStringList &runIds, std::optional<qint64> sourceId)
{
    if (!cache || !cache->isOpen())
        return makeError(ErrorCategory::Storage, QCoreApplication::translate("ComparedRuns", "The cache is not open."));
    if (runIds.isEmpty())
        return ComparedRuns{{}, {}, {}, sourceId};
    auto rows = cache->runsByIds(runIds, sourceId);
    if (!rows)
        return rows.error();
    ComparedRuns out;
    out.sourceId = sourceId;
    for (const RunRow &r : std::as_const(*rows)) {
        out.runs.append(r.run);
        out.rowIds.append(r.rowId);
        out.ids.append(r.run.runId);
    }
    return out;
}

QString ComparedRuns::label(qsizetype index) const
{
    const Run &r = runs.at(index);
    return r.runName.isEmpty() ? r.runId : r.runName;
}

} // namespace md
