// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace md {

/// The worker thread of a RunsTableModel: one thread with its own connection to the cache file
/// (one SQLite connection per thread), reading blocks of table rows and running the model's other
/// reads (loads, sorts, live refreshes) one at a time.
///
/// Work is taken in this order: the blocks the view waits for ("urgent", newest first), other
/// jobs (first in, first out; taken in turns with urgent blocks so that neither starves), the
/// rows the model let go of (freed a few at a time), the blocks read ahead of a scroll
/// ("background"), then the rest of rows first read with only the columns in view
/// ("completion", a Pick). Urgent blocks asked for while such a read runs are read next and
/// handed over with it, so that a view repaints once per screenful. Block
/// reads go to the `deliver` callback and jobs post their own results, both on the reader thread
/// in the order the reads ran, so replies posted from there to one receiver arrive in that order.
///
/// Created and used from one thread (the model's); the static functions from any. The destructor
/// stops the thread and waits for the read running then.
class RunsTableReader {
public:
    /// The metric and param columns of the table: where each key's value goes in a Row.
    struct Layout {
        QHash<QString, int> metricIndex;
        QHash<QString, int> paramIndex;
        /// The same by the keys' UTF-8 bytes, as the cache hands them over (no string made).
        struct Utf8Hash {
            using is_transparent = void;
            size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
        };
        using Utf8Index = std::unordered_map<std::string, int, Utf8Hash, std::equal_to<>>;
        Utf8Index metricUtf8;
        Utf8Index paramUtf8;
        /// The keys' UTF-8 bytes in column order.
        std::vector<std::string> metricBytes;
        std::vector<std::string> paramBytes;
        int metrics = 0;
        int params = 0;
        /// The layout of these metric and param keys, each in column order.
        static std::shared_ptr<const Layout> of(const QStringList &metricKeys, const QStringList &paramKeys);
    };
    /// The columns a read is limited to: of each kind the keys from the first to the last of
    /// some columns (those in view), in SQLite's order, which costs a seek a run instead of 200
    /// values. The row is read whole later.
    struct Pick {
        KeySpan metrics;
        KeySpan params;
        std::vector<bool> metricRead;  ///< by metric column: in the span
        std::vector<bool> paramRead;
        /// The pick of these metric and param columns of `layout` (indexes into its keys);
        /// nullptr when it spans every column anyway.
        static std::shared_ptr<const Pick> of(const Layout &layout, const QList<int> &metrics, const QList<int> &params);
    };
    /// A row's param values one after another in one UTF-8 buffer. A hundred short values were a
    /// hundred strings: a hundred allocations to read a row, a hundred frees to let it go, and
    /// twice the memory (whose first touch is a page fault each 4 KB).
    class ParamCells {
    public:
        /// `count` params, none set.
        explicit ParamCells(int count = 0)
            : m_spans(size_t(std::max(count, 0)))
        {
        }
        int size() const { return int(m_spans.size()); }
        /// The value of param `i`; null when it is not set (the run lacks it).
        QString at(int i) const;
        /// Sets param `i` to these UTF-8 bytes; a null view leaves it not set.
        void set(int i, QByteArrayView utf8);
        void set(int i, const QString &value);

    private:
        struct Span {
            quint32 from = 0;
            qint32 size = -1; ///< -1: not set
        };
        QByteArray m_utf8;
        std::vector<Span> m_spans;
    };
    struct MetricCell {
        double value = 0;
        qint64 step = 0;
        qint64 timestamp = 0;
        bool present = false;
    };
    /// One run as the table holds it.
    struct Row {
        RunSummary run;                   ///< the run's attributes
        std::vector<MetricCell> metrics;  ///< one per metric key
        ParamCells params; ///< one per param key; null when the run lacks it
        quint64 used = 0;                 ///< when a view last asked for it (for eviction)
        /// null: every value was read; else only the pick's columns (the others are not known).
        std::shared_ptr<const Pick> pick;
        bool hasMetric(int metric) const { return !pick || pick->metricRead[size_t(metric)]; }
        bool hasParam(int param) const { return !pick || pick->paramRead[size_t(param)]; }
    };
    /// A run's attributes and values placed by `layout`; nullptr summary or values: empty.
    static Row makeRow(qint64 rowId, const RunSummary *summary, const RunValues *values, const Layout &layout);
    /// Reads these runs (row ids) through `cache` and places their values by `layout`; with a
    /// `pick`, only its columns.
    static Result<QHash<qint64, Row>> readRows(Cache &cache, const QList<qint64> &rowIds, const Layout &layout,
                                               const std::shared_ptr<const Pick> &pick = {});

    /// Rows to read: what the model asked for and how to find them again when the cells arrive.
    struct Block {
        qint64 id = 0;
        QList<qint64> rowIds;
        /// Index of each run in the model's rows when asked, and that layout's generation.
        QList<int> bases;
        qint64 rowsGeneration = 0;
        /// The generation of the model's cells when asked (a newer one: the data changed since).
        qint64 generation = 0;
        /// The columns the rows are made for.
        std::shared_ptr<const Layout> layout;
        /// Only these columns are read (null: all).
        std::shared_ptr<const Pick> pick;
        /// Reads whole the rows an earlier block read with a pick.
        bool completion = false;
    };
    /// The rows of some blocks, read together (empty rows after an error).
    struct BlockRead {
        QList<Block> blocks;
        QHash<qint64, Row> rows;
        std::optional<Error> error;
    };
    /// Runs on the reader thread: `cache` is the reader's connection, `opened` how opening it went.
    using Job = std::function<void(Cache &cache, const Status &opened)>;

    /// `deliver` is called on the reader thread with each BlockRead.
    RunsTableReader(QString cachePath, std::function<void(BlockRead)> deliver);
    ~RunsTableReader();
    RunsTableReader(const RunsTableReader &) = delete;
    RunsTableReader &operator=(const RunsTableReader &) = delete;

    const QString &cachePath() const { return m_path; }

    /// Puts `blocks` first among the urgent ones (in their order), keeps at most `keep` urgent
    /// blocks not yet taken, and returns those it dropped (the oldest). The reader takes the
    /// urgent blocks waiting, up to a few screenfuls of rows, into one read.
    QList<Block> putUrgent(QList<Block> blocks, int keep);
    /// Replaces the background blocks not yet taken; returns the replaced ones.
    QList<Block> setBackground(QList<Block> blocks);
    /// Puts completion blocks first among those not yet taken, keeps at most `keep`, and returns
    /// those it dropped (the oldest).
    QList<Block> putCompletion(QList<Block> blocks, int keep);
    /// Drops every block not yet taken (urgent, background and completion) and returns them.
    QList<Block> dropBlocks();
    /// Frees these rows on the reader thread, a few at a time when no urgent block or job waits.
    /// Most of a row's memory was allocated there: freed there, it takes no lock that another
    /// thread allocates under, and no third thread competes for the cores during a scroll.
    void discard(std::vector<Row> rows);
    void post(Job job);

private:
    /// Puts `blocks` first in `queue` (in their order), keeps at most `keep`, returns the dropped.
    QList<Block> putFirst(std::deque<Block> &queue, QList<Block> blocks, int keep);
    void run();
    BlockRead read(Cache &cache, const Status &opened, QList<Block> blocks) const;

    const QString m_path;
    const std::function<void(BlockRead)> m_deliver;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Block> m_urgent;
    std::deque<Block> m_background;
    std::deque<Block> m_completion;
    std::deque<Job> m_jobs;
    std::deque<std::vector<Row>> m_discarded;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace md
