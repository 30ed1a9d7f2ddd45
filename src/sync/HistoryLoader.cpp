// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryLoader.h"

#include <QHash>

namespace md {

Result<QList<QList<MetricPoint>>> HistoryLoader::load(const QList<Request> &requests, const std::atomic_bool &cancel)
{
    QList<QList<MetricPoint>> out(requests.size());
    // What the cache lacks, grouped by the source that has it.
    struct Missing {
        qsizetype index;
        SeriesKey key;
    };
    QHash<qint64, QList<Missing>> bySource;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const Request &r = requests[i];
        auto cached = m_cache.history(r.runRowId, r.key);
        if (!cached)
            return cached.error();
        if (!cached->isEmpty()) {
            out[i] = *cached;
            continue;
        }
        auto info = m_cache.runInfo(r.runRowId);
        if (!info)
            return info.error();
        if (info->hasHistory)
            continue;  // the source delivered every history: this series is empty there too
        bySource[info->sourceId].append(Missing{i, SeriesKey{info->runId, r.key}});
    }
    if (bySource.isEmpty())
        return out;
    auto sources = m_cache.sources();
    if (!sources)
        return sources.error();
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        QString uri;
        for (const auto &s : std::as_const(*sources))
            if (s.id == it.key())
                uri = s.uri;
        auto source = createSource(uri);
        if (!source)
            return source.error();
        QList<SeriesKey> keys;
        for (const auto &m : it.value())
            keys.append(m.key);
        auto fetched = (*source)->readHistories(keys, cancel);
        if (!fetched)
            return fetched.error();
        for (const auto &m : it.value()) {
            const QList<MetricPoint> points = fetched->value(m.key);
            out[m.index] = points;
            if (Status s = m_cache.writeSeries(requests[m.index].runRowId, m.key.key, points); !s)
                return s.error();
        }
    }
    return out;
}

} // namespace md
