// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "sources/Source.h"

#include <atomic>

namespace md {

/// Full metric histories on demand: served from the cache when there, otherwise fetched from the
/// run's source (many in flight for a remote one), written to the cache and never fetched twice.
/// Call on a worker thread when the source may be remote.
class HistoryLoader {
public:
    explicit HistoryLoader(Cache &cache) : m_cache(cache) {}

    struct Request {
        qint64 runRowId = 0;
        QString key;
    };

    /// The histories of the given series, in request order. Series the source does not have
    /// come back empty. Fails when the source cannot be reached or the cache cannot be written.
    Result<QList<QList<MetricPoint>>> load(const QList<Request> &requests, const std::atomic_bool &cancel);

private:
    Cache &m_cache;
};

} // namespace md
