// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "sources/Source.h"

#include <QHash>

#include <atomic>
#include <functional>

namespace md {

/// Full metric histories on demand: served from the cache when there, otherwise fetched from the
/// run's source (many in flight for a remote one), written to the cache and never fetched twice.
/// Each fetched series is written as soon as it arrives (Source::readHistories with a callback).
/// Call on a worker thread when the source may be remote.
class HistoryLoader {
public:
    explicit HistoryLoader(Cache &cache) : m_cache(cache) {}

    /// Fetches the histories of the cache's source `sourceId` through `source` (open, e.g. with
    /// the caller's connection options) instead of a source made from its URI. `source` must
    /// outlive the loader.
    void useSource(qint64 sourceId, Source *source) { m_sources.insert(sourceId, source); }
    /// Series whose latest step is known to be kShortSeriesSteps or more are fetched with
    /// Source::readHistoriesInBulk() (a thread of the source's own fetches them), the others with
    /// Source::readHistories(), which a tracking server answers for 20 runs of a key at once (its
    /// get-history-bulk stops at 25,000 points). With setBulk (`sync --histories`, not a chart's
    /// or a live round's fetch), series of unknown length go the bulk way too.
    void setBulk(bool bulk) { m_bulk = bulk; }
    static constexpr qint64 kShortSeriesSteps = 1000;

    struct Request {
        qint64 runRowId = 0;
        QString key;
        /// The step of the series' latest point when known (-1: not known), a hint of its length.
        qint64 latestStep = -1;
    };

    /// The histories of the given series, in request order. Series the source does not have
    /// come back empty. Fails when the source cannot be reached or the cache cannot be written;
    /// series written before the failure stay in the cache (each one whole).
    Result<QList<QList<MetricPoint>>> load(const QList<Request> &requests, const std::atomic_bool &cancel);

    /// Called with each requested series as soon as it is in the cache (fetched and written, or
    /// found there): its index in `requests` and its points.
    using ArrivedFn = std::function<void(qsizetype index, const QList<MetricPoint> &points)>;
    /// Like load(), but hands each series over as it arrives instead of all at the end, so that a
    /// chart draws 20 runs of one answer together and the rest as they come. Series the source
    /// does not have are handed over empty, after the others. Errors and cancel as load().
    Status load(const QList<Request> &requests, const std::atomic_bool &cancel, const ArrivedFn &onArrived);

    /// Called after each requested series is in the cache (fetched and written, or found there):
    /// its index in `requests`.
    using StoredFn = std::function<void(qsizetype index)>;
    /// Like load(), but only makes sure the series are in the cache and keeps none of them: each
    /// fetched series is written and dropped, so memory does not grow with the number of points
    /// (`sync --histories`). Series already cached are not read or fetched again. Writes are
    /// grouped in batches (Cache::beginBatch/commitBatch, committed at least every 200 ms and
    /// before returning, also on failure), unless the caller has a batch open: then they go into
    /// that one. Errors and cancel as load().
    Status store(const QList<Request> &requests, const std::atomic_bool &cancel, const StoredFn &onStored = {});

private:
    /// What the cache lacks is fetched and written; `afterSeries` gets each request's index and
    /// points once its series is in the cache (series the source lacks: never).
    using AfterSeriesFn = std::function<Status(qsizetype index, const QList<MetricPoint> &points)>;
    Status fetch(const QList<Request> &requests, const std::atomic_bool &cancel, const AfterSeriesFn &afterSeries);

    Cache &m_cache;
    QHash<qint64, Source *> m_sources;
    bool m_bulk = false;
};

} // namespace md
