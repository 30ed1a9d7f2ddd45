// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/SinkRelay.h"

#include <QCoreApplication>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace md {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SinkRelay)
};

using Delivery = std::function<Status(ImportSink &)>;

/// The worker's side: each call becomes a Delivery in the queue.
class QueueSink final : public ImportSink {
public:
    explicit QueueSink(int ahead) : m_ahead(size_t(std::max(1, ahead))) {}

    // Notifications cannot fail; once the sink has failed they are dropped like everything else.
    void expectRuns(qint64 total) override { notify([total](ImportSink &s) { s.expectRuns(total); return Status{}; }); }
    Status experiment(const Experiment &e) override { return push([e](ImportSink &s) { return s.experiment(e); }); }
    Status run(const Run &r) override { return push([r](ImportSink &s) { return s.run(r); }); }
    Status loggedModel(const LoggedModel &m) override { return push([m](ImportSink &s) { return s.loggedModel(m); }); }
    Status registeredModel(const RegisteredModel &m) override
    {
        return push([m](ImportSink &s) { return s.registeredModel(m); });
    }
    void problem(const ReadProblem &p) override { notify([p](ImportSink &s) { s.problem(p); return Status{}; }); }
    void runsIncomplete() override { notify([](ImportSink &s) { s.runsIncomplete(); return Status{}; }); }
    void bytesReceived(qint64 total) override { notify([total](ImportSink &s) { s.bytesReceived(total); return Status{}; }); }

    /// The worker is done; `result` is what the read returned.
    void finish(Status result)
    {
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(result);
            m_done = true;
        }
        m_changed.notify_all();
    }

    /// The caller's loop: replays deliveries into `sink` until the read has finished and all
    /// are replayed, or `sink` fails. Returns the read's result or the sink's error.
    Status replay(ImportSink &sink, const std::atomic_bool &cancel)
    {
        std::deque<Delivery> batch;
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_done || !m_queue.empty(); });
                if (m_queue.empty())
                    return m_result;  // done, and nothing left
                batch.swap(m_queue);
            }
            m_changed.notify_all();  // room again for the worker
            for (Delivery &d : batch) {
                if (cancel.load()) {
                    stop(makeError(ErrorCategory::Cancelled, Tr::tr("cancelled")));
                    return {};  // the caller takes the read's result
                }
                if (Status s = d(sink); !s) {
                    stop(s);
                    return s;
                }
            }
            batch.clear();
        }
    }

    /// After the worker has ended: its result.
    Status result()
    {
        std::lock_guard lock(m_mutex);
        return m_result;
    }

private:
    /// Nothing more reaches the sink; the worker's next delivery returns `why`.
    void stop(const Status &why)
    {
        {
            std::lock_guard lock(m_mutex);
            m_sinkError = why;
            m_queue.clear();
        }
        m_changed.notify_all();
    }
    void notify(Delivery d) { (void)push(std::move(d)); }
    Status push(Delivery d)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_sinkError.has_value() || m_queue.size() < m_ahead; });
        if (m_sinkError)
            return *m_sinkError;
        m_queue.push_back(std::move(d));
        lock.unlock();
        m_changed.notify_all();
        return {};
    }

    const size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Delivery> m_queue;
    std::optional<Status> m_sinkError;  ///< set by the caller when the sink failed: the read stops
    Status m_result;
    bool m_done = false;
};

} // namespace

Status relayToSink(const std::function<Status(ImportSink &)> &read, ImportSink &sink, const std::atomic_bool &cancel,
                   int ahead)
{
    QueueSink queue(ahead);
    std::thread worker([&] {
        Status result;
        try {
            result = read(queue);
        } catch (const std::exception &e) {
            result = makeError(ErrorCategory::Internal, Tr::tr("reading failed: %1").arg(QString::fromUtf8(e.what())), QString());
        } catch (...) {
            result = makeError(ErrorCategory::Internal, Tr::tr("reading failed"), QString());
        }
        queue.finish(std::move(result));
    });
    Status s = queue.replay(sink, cancel);
    worker.join();
    if (!s)
        return s;
    if (cancel.load()) {
        // Stopped by Cancel: the read's own error names the source; one that had already
        // finished reading gets a plain one, since not everything it read was delivered.
        Status read = queue.result();
        if (!read && read.error().category == ErrorCategory::Cancelled)
            return read;
        return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"));
    }
    return queue.result();
}

} // namespace md
