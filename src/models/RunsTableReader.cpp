// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsTableReader.h"

#include <QMutexLocker>

namespace md {

namespace {

// Rows read in one query pair: the blocks one or two screenfuls span (urgent), a page ahead
// (background); and the most urgent rows handed over at once.
constexpr int kUrgentRowsPerRead = 96;
constexpr int kBackgroundRowsPerRead = 48;
constexpr int kUrgentRowsPerDelivery = 192;
// A completion read is the longest an urgent block may wait for the reader: one block (16 rows
// of 200 values, about 1 ms).
constexpr int kCompletionRowsPerRead = 16;
// Rows freed at a time: a row is about ten allocations (its run's strings, its metric cells, its
// param buffer), so 128 rows take a fraction of a millisecond, and a block asked for meanwhile
// waits no longer than that.
constexpr size_t kRowsFreedAtOnce = 128;
// The reader connection's page cache (see run()).
constexpr int kReaderPageCacheKib = 16 * 1024;

// Takes blocks from the front of `queue` up to `most` rows (one at least).
QList<RunsTableReader::Block> takeBlocks(std::deque<RunsTableReader::Block> &queue, qsizetype most)
{
    QList<RunsTableReader::Block> blocks;
    qsizetype rows = 0;
    while (!queue.empty() && (blocks.isEmpty() || rows + queue.front().rowIds.size() <= most)) {
        rows += queue.front().rowIds.size();
        blocks.append(std::move(queue.front()));
        queue.pop_front();
    }
    return blocks;
}

} // namespace

RunsTableReader::RunsTableReader(QString cachePath, std::function<void(BlockRead)> deliver)
    : m_path(std::move(cachePath))
    , m_deliver(std::move(deliver))
{
    m_thread = std::thread([this] { run(); });
}

RunsTableReader::~RunsTableReader()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_urgent.clear();
        m_background.clear();
        m_completion.clear();
        m_jobs.clear();
    }
    m_wake.wakeAll();
    m_thread.join();
}

QList<RunsTableReader::Block> RunsTableReader::putFirst(std::deque<Block> &queue, QList<Block> blocks, int keep)
{
    QList<Block> dropped;
    {
        const QMutexLocker lock(&m_mutex);
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
            queue.push_front(std::move(*it));
        while (queue.size() > size_t(keep)) {
            dropped.append(std::move(queue.back()));
            queue.pop_back();
        }
    }
    m_wake.wakeAll();
    return dropped;
}

QList<RunsTableReader::Block> RunsTableReader::putUrgent(QList<Block> blocks, int keep)
{
    return putFirst(m_urgent, std::move(blocks), std::max(keep, 1));
}

QList<RunsTableReader::Block> RunsTableReader::putCompletion(QList<Block> blocks, int keep)
{
    return putFirst(m_completion, std::move(blocks), std::max(keep, 0));
}

QList<RunsTableReader::Block> RunsTableReader::setBackground(QList<Block> blocks)
{
    QList<Block> replaced;
    {
        const QMutexLocker lock(&m_mutex);
        for (Block &b : m_background)
            replaced.append(std::move(b));
        m_background.assign(std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end()));
    }
    m_wake.wakeAll();
    return replaced;
}

QList<RunsTableReader::Block> RunsTableReader::dropBlocks()
{
    const QMutexLocker lock(&m_mutex);
    QList<Block> dropped;
    for (std::deque<Block> *queue : {&m_urgent, &m_background, &m_completion}) {
        for (Block &b : *queue)
            dropped.append(std::move(b));
        queue->clear();
    }
    return dropped;
}

void RunsTableReader::discard(std::vector<Row> rows)
{
    if (rows.empty())
        return;
    {
        const QMutexLocker lock(&m_mutex);
        m_discarded.push_back(std::move(rows));
    }
    m_wake.wakeAll();
}

void RunsTableReader::post(Job job)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.wakeAll();
}

void RunsTableReader::run()
{
    // Opened on this thread, on first use: the connection belongs to it.
    Cache cache;
    std::optional<Status> opened;
    auto open = [&]() -> const Status & {
        if (!opened) {
            opened = cache.open(m_path);
            // The table reads scattered rows of a file larger than any cache: what a cache keeps
            // for it are mostly the B-trees' inner pages. Every page a cache grows by is memory
            // touched for the first time, a page fault each 4 KB (11 µs on the 2-core VMs
            // measured). With 16 MB instead of 64, bench_gui's jumps before any row was let go
            // took 4.5–6.1 ms (median) instead of 5.6–7.4, and its peak memory fell by 49 MiB.
            if (*opened)
                opened = cache.setPageCacheKib(kReaderPageCacheKib);
        }
        return *opened;
    };
    bool jobTurn = false;
    for (;;) {
        QList<Block> blocks;
        Job job;
        std::vector<Row> freed;
        bool urgent = false;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stop && m_urgent.empty() && m_jobs.empty() && m_background.empty() && m_completion.empty()
                && m_discarded.empty())
                m_wake.wait(&m_mutex);
            if (m_stop)
                return;
            // Urgent blocks and jobs take turns; background blocks only when neither waits.
            if (!m_jobs.empty() && (jobTurn || m_urgent.empty())) {
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                jobTurn = false;
            } else if (!m_urgent.empty()) {
                blocks = takeBlocks(m_urgent, kUrgentRowsPerRead);
                urgent = true;
                jobTurn = true;
            } else if (!m_discarded.empty()) {
                // The last rows of the oldest batch, moved out here and freed outside the lock.
                std::vector<Row> &batch = m_discarded.front();
                if (batch.size() <= kRowsFreedAtOnce) {
                    freed = std::move(batch);
                    m_discarded.pop_front();
                } else {
                    const auto from = batch.end() - std::ptrdiff_t(kRowsFreedAtOnce);
                    freed.assign(std::make_move_iterator(from), std::make_move_iterator(batch.end()));
                    batch.erase(from, batch.end());
                }
            } else if (!m_background.empty()) {
                blocks = takeBlocks(m_background, kBackgroundRowsPerRead);
            } else {
                blocks = takeBlocks(m_completion, kCompletionRowsPerRead);
            }
        }
        if (job) {
            job(cache, open());
            continue;
        }
        if (!freed.empty()) {
            freed = {};
            continue;
        }
        BlockRead out = read(cache, open(), std::move(blocks));
        // A view asks for a screenful block by block while it paints: the blocks asked for during
        // this read go with it, so that the view repaints once.
        while (urgent && out.rows.size() < kUrgentRowsPerDelivery) {
            QList<Block> more;
            {
                const QMutexLocker lock(&m_mutex);
                if (m_stop || m_urgent.empty())
                    break;
                more = takeBlocks(m_urgent, kUrgentRowsPerRead);
            }
            BlockRead next = read(cache, open(), std::move(more));
            out.blocks += next.blocks;
            out.rows.insert(next.rows);
            if (next.error)
                out.error = next.error;
        }
        m_deliver(std::move(out));
    }
}

RunsTableReader::BlockRead RunsTableReader::read(Cache &cache, const Status &opened, QList<Block> blocks) const
{
    BlockRead out;
    out.blocks = std::move(blocks);
    for (const Block &b : std::as_const(out.blocks)) {
        // One layout for all, unless the model's columns changed between two blocks.
        auto rows = opened ? readRows(cache, b.rowIds, *b.layout, b.pick) : Result<QHash<qint64, Row>>(opened.error());
        if (rows) {
            out.rows.insert(*rows);
            continue;
        }
        out.error = rows.error();  // the rows show empty rather than stopping the table
        for (qint64 id : b.rowIds)
            out.rows.insert(id, makeRow(id, nullptr, nullptr, *b.layout));
    }
    return out;
}

Result<QHash<qint64, RunsTableReader::Row>> RunsTableReader::readRows(Cache &cache, const QList<qint64> &rowIds,
                                                                      const Layout &layout,
                                                                      const std::shared_ptr<const Pick> &pick)
{
    auto summaries = cache.runSummariesById(rowIds);
    if (!summaries)
        return summaries.error();
    // Placed here, on the reader's thread, straight from the cache's bytes: 200 values a run are
    // most of a block's cost, and a key string made per value was most of that.
    QHash<qint64, Row> rows;
    rows.reserve(rowIds.size());
    for (qint64 id : rowIds) {
        const auto summary = summaries->constFind(id);
        Row &row = *rows.insert(id, makeRow(id, summary == summaries->cend() ? nullptr : &*summary, nullptr, layout));
        row.pick = pick;
    }
    // Rows come run by run: the last run's row is looked up once per run, not once per value.
    qint64 lastId = -1;
    Row *last = nullptr;
    const auto rowOf = [&](qint64 id) {
        if (id != lastId) {
            lastId = id;
            const auto it = rows.find(id);
            last = it == rows.end() ? nullptr : &*it;
        }
        return last;
    };
    Status s = cache.forEachRunValue(
        rowIds,
        [&](qint64 id, QByteArrayView key, double value, qint64 timestamp, qint64 step) {
            const auto k = layout.metricUtf8.find(std::string_view(key.data(), size_t(key.size())));
            if (k == layout.metricUtf8.end())
                return;
            if (Row *row = rowOf(id); row && !row->metrics[size_t(k->second)].present)
                row->metrics[size_t(k->second)] = MetricCell{value, step, timestamp, true};
        },
        [&](qint64 id, QByteArrayView key, QByteArrayView value) {
            const auto k = layout.paramUtf8.find(std::string_view(key.data(), size_t(key.size())));
            if (k == layout.paramUtf8.end())
                return;
            if (Row *row = rowOf(id))
                row->params.set(k->second, value);
        },
        pick ? pick->metrics : KeySpan(), pick ? pick->params : KeySpan());
    if (!s)
        return s.error();
    return rows;
}

std::shared_ptr<const RunsTableReader::Layout> RunsTableReader::Layout::of(const QStringList &metricKeys,
                                                                           const QStringList &paramKeys)
{
    auto layout = std::make_shared<Layout>();
    layout->metrics = int(metricKeys.size());
    layout->params = int(paramKeys.size());
    layout->metricIndex.reserve(layout->metrics);
    layout->paramIndex.reserve(layout->params);
    layout->metricUtf8.reserve(size_t(layout->metrics));
    layout->paramUtf8.reserve(size_t(layout->params));
    for (int i = 0; i < layout->metrics; ++i) {
        layout->metricIndex.insert(metricKeys.at(i), i);
        layout->metricBytes.push_back(metricKeys.at(i).toStdString());
        layout->metricUtf8.emplace(layout->metricBytes.back(), i);
    }
    for (int i = 0; i < layout->params; ++i) {
        layout->paramIndex.insert(paramKeys.at(i), i);
        layout->paramBytes.push_back(paramKeys.at(i).toStdString());
        layout->paramUtf8.emplace(layout->paramBytes.back(), i);
    }
    return layout;
}

std::shared_ptr<const RunsTableReader::Pick> RunsTableReader::Pick::of(const Layout &layout, const QList<int> &metrics,
                                                                       const QList<int> &params)
{
    auto pick = std::make_shared<Pick>();
    bool everyColumn = true;
    // std::string compares bytewise, as SQLite's BINARY collation does UTF-8.
    const auto span = [&](const std::vector<std::string> &keys, const QList<int> &columns, KeySpan &out,
                          std::vector<bool> &read) {
        read.assign(keys.size(), false);
        const std::string *from = nullptr;
        const std::string *to = nullptr;
        for (int c : columns) {
            if (c < 0 || size_t(c) >= keys.size())
                continue;
            if (!from || keys[size_t(c)] < *from)
                from = &keys[size_t(c)];
            if (!to || *to < keys[size_t(c)])
                to = &keys[size_t(c)];
        }
        if (!from) {
            out.which = KeySpan::None;
            everyColumn = everyColumn && keys.empty();
            return;
        }
        out.which = KeySpan::Between;
        out.from = QByteArray::fromStdString(*from);
        out.to = QByteArray::fromStdString(*to);
        for (size_t i = 0; i < keys.size(); ++i) {
            read[i] = !(keys[i] < *from) && !(*to < keys[i]);
            everyColumn = everyColumn && read[i];
        }
    };
    span(layout.metricBytes, metrics, pick->metrics, pick->metricRead);
    span(layout.paramBytes, params, pick->params, pick->paramRead);
    if (everyColumn)
        return nullptr;
    return pick;
}

QString RunsTableReader::ParamCells::at(int i) const
{
    const Span &span = m_spans[size_t(i)];
    if (span.size < 0)
        return {};
    // A set empty value is empty, not null: a view of zero bytes that is not null.
    return QString::fromUtf8(QByteArrayView(m_utf8.constData() + span.from, span.size));
}

void RunsTableReader::ParamCells::set(int i, QByteArrayView utf8)
{
    if (utf8.isNull())
        return;
    Span &span = m_spans[size_t(i)];
    span.from = quint32(m_utf8.size());
    span.size = qint32(utf8.size());
    m_utf8.append(utf8);
}

void RunsTableReader::ParamCells::set(int i, const QString &value)
{
    if (!value.isNull())
        set(i, QByteArrayView(value.toUtf8()));
}

RunsTableReader::Row RunsTableReader::makeRow(qint64 rowId, const RunSummary *summary, const RunValues *values,
                                              const Layout &layout)
{
    Row row;
    if (summary)
        row.run = *summary;
    row.run.rowId = rowId;
    row.metrics.resize(size_t(layout.metrics));
    row.params = ParamCells(layout.params);
    if (values) {
        for (const MetricPoint &m : values->latestMetrics) {
            const auto k = layout.metricIndex.constFind(m.key);
            if (k != layout.metricIndex.cend())
                row.metrics[size_t(*k)] = MetricCell{m.value, m.step, m.timestamp, true};
        }
        for (const KeyValue &p : values->params) {
            const auto k = layout.paramIndex.constFind(p.key);
            if (k != layout.paramIndex.cend())
                row.params.set(*k, p.value);
        }
    }
    return row;
}

} // namespace md
