// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryLoader.h"

#include <QElapsedTimer>
#include <QHash>

namespace md {

Result<QList<QList<MetricPoint>>> HistoryLoader::load(const QList<Request> &requests, const std::atomic_bool &cancel)
{
    QList<QList<MetricPoint>> out(requests.size());
    if (Status s = load(requests, cancel, [&out](qsizetype i, const QList<MetricPoint> &points) { out[i] = points; });
        !s)
        return s.error();
    return out;
}

Status HistoryLoader::load(const QList<Request> &requests, const std::atomic_bool &cancel, const ArrivedFn &onArrived)
{
    std::vector<bool> arrived(size_t(requests.size()), false);
    if (Status s = fetch(requests, cancel,
            [&](qsizetype i, const QList<MetricPoint> &points) -> Status {
                arrived[size_t(i)] = true;
                onArrived(i, points);
                return {};
            });
        !s)
        return s;
    for (qsizetype i = 0; i < requests.size(); ++i)
        if (!arrived[size_t(i)])
            onArrived(i, {});
    return {};
}

Status HistoryLoader::store(const QList<Request> &requests, const std::atomic_bool &cancel, const StoredFn &onStored)
{
    // One transaction per series would make a bulk fetch wait on the disk; a batch a few hundred
    // milliseconds long keeps that rare while a kill loses at most that much.
    const bool ownBatch = !m_cache.inBatch();
    QElapsedTimer batchTimer;
    batchTimer.start();
    if (ownBatch)
        if (Status s = m_cache.beginBatch(); !s)
            return s;
    Status st = fetch(requests, cancel, [&](qsizetype index, const QList<MetricPoint> &) -> Status {
        if (onStored)
            onStored(index);
        if (!ownBatch || batchTimer.elapsed() < 200)
            return {};
        if (Status s = m_cache.commitBatch(); !s)
            return s;
        batchTimer.restart();
        return m_cache.beginBatch();
    });
    if (ownBatch)
        if (Status committed = m_cache.commitBatch(); !committed && st)
            st = committed;
    return st;
}

Status HistoryLoader::fetch(
    const QList<Request> &requests, const std::atomic_bool &cancel, const AfterSeriesFn &afterSeries)
{
    // What the cache lacks, grouped by the source that has it; a series asked for twice is
    // fetched once and given to every request for it.
    struct Missing {
        qint64 runRowId = 0;
        QList<qsizetype> indexes;
        qint64 latestStep = -1; ///< Request::latestStep
    };
    QHash<qint64, QHash<SeriesKey, Missing>> bySource;
    QHash<qint64, QList<SeriesKey>> order;  // request order per source
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const Request &r = requests[i];
        auto cached = m_cache.history(r.runRowId, r.key);
        if (!cached)
            return cached.error();
        if (!cached->isEmpty()) {
            if (Status s = afterSeries(i, *cached); !s)
                return s;
            continue;
        }
        auto info = m_cache.runInfo(r.runRowId);
        if (!info)
            return info.error();
        if (info->hasHistory) {
            // the source delivered every history: this series is empty there too
            if (Status s = afterSeries(i, {}); !s)
                return s;
            continue;
        }
        const SeriesKey key{info->runId, r.key};
        Missing &m = bySource[info->sourceId][key];
        if (m.indexes.isEmpty())
            order[info->sourceId].append(key);
        m.runRowId = r.runRowId;
        m.indexes.append(i);
        m.latestStep = r.latestStep;
    }
    if (bySource.isEmpty())
        return {};
    auto sources = m_cache.sources();
    if (!sources)
        return sources.error();
    for (auto it = bySource.begin(); it != bySource.end(); ++it) {
        QString uri;
        for (const auto &s : std::as_const(*sources))
            if (s.id == it.key())
                uri = s.uri;
        // The caller's own source keeps its connection options (timeouts, retries, TLS); one
        // made from the URI would read them from the environment only.
        Source *reader = m_sources.value(it.key());
        std::unique_ptr<Source> made;
        if (!reader) {
            auto source = createSource(uri);
            if (!source)
                return source.error();
            made = std::move(*source);
            reader = made.get();
        }
        QHash<SeriesKey, Missing> &missing = it.value();
        const auto onSeries = [&](const SeriesKey &key, QList<MetricPoint> &&points) -> Status {
            const Missing m = missing.take(key);
            if (m.indexes.isEmpty())
                return {}; // not asked for: nothing to store
            if (Status w = m_cache.writeSeries(m.runRowId, key.key, points); !w)
                return w;
            for (qsizetype i : m.indexes)
                if (Status a = afterSeries(i, points); !a)
                    return a;
            return {};
        };
        const QList<SeriesKey> wanted = order.value(it.key());
        // Long series, and with setBulk those of unknown length, on the source's fetching thread;
        // the others together where the source can (see setBulk()).
        QList<SeriesKey> shortOnes, longOnes;
        for (const SeriesKey &key : wanted) {
            const qint64 step = missing.value(key).latestStep;
            const bool isLong = step >= kShortSeriesSteps || (m_bulk && step < 0);
            (isLong ? longOnes : shortOnes).append(key);
        }
        if (!shortOnes.isEmpty())
            if (Status s = reader->readHistories(shortOnes, onSeries, cancel); !s)
                return s;
        if (!longOnes.isEmpty())
            if (Status s = reader->readHistoriesInBulk(longOnes, onSeries, cancel); !s)
                return s;
    }
    return {};
}

} // namespace md
