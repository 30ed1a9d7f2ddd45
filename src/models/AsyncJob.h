// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace md {

namespace detail {
struct AsyncJobChannel;
struct AsyncJobState;
} // namespace detail

/// What a job's work function gets, on the worker thread: the job's cancel flag, and post() to
/// hand something to the owner's thread. Copyable; any thread may use it.
class JobToken {
public:
    /// True once the owner cancelled, discarded or replaced the job, or was destroyed.
    bool isCancelled() const;
    /// The flag itself, for the functions that poll one (HistoryLoader, Importer, ArtifactStore).
    const std::atomic_bool &cancelFlag() const;
    /// Queues `fn` to run on the owner's thread, where it runs only if the job is still the current
    /// one of a live AsyncJob then (not replaced, discarded or delivered). Calls run in the order
    /// posted, all before the job's result. For progress and partial results: `fn` may use the
    /// owner (it only runs while the owner is alive); the work function itself never may.
    void post(std::function<void()> fn) const;

private:
    friend class AsyncJob;
    explicit JobToken(std::shared_ptr<detail::AsyncJobState> state);
    /// Like post(), and ends the job: isRunning() is false when `fn` runs.
    void deliver(std::function<void()> fn) const;

    std::shared_ptr<detail::AsyncJobState> m_state;
};

/// One line of background work of one owner (a page, a controller): runs a function on the global
/// thread pool and hands its result to a callback on the owner's thread, unless a newer job, the
/// owner's discard() or its destruction came first. Replaces a QFutureWatcher, a cancel flag and a
/// generation counter per page.
///
/// Hold it as a member of the owner, created on the owner's thread: callbacks run on that thread
/// from its event loop, and never after the AsyncJob (so the owner) is destroyed. The work
/// function runs on a pool thread and must touch only copies and the token: it may capture the
/// owner's `this` only to hand it to closures it post()s. Nothing here blocks the owner's thread
/// except waitForDone().
///
///     m_job.start([path = m_path](const JobToken &token) { return readAll(path, token.cancelFlag()); },
///                 [this](const Result<Data> &data) { show(data); });
class AsyncJob {
public:
    AsyncJob();
    /// Discards the current job; does not wait for it.
    ~AsyncJob();
    AsyncJob(const AsyncJob &) = delete;
    AsyncJob &operator=(const AsyncJob &) = delete;

    /// Discards the current job, then runs `work(const JobToken &)` on a pool thread and calls
    /// `done(result)` (`done()` when `work` returns void) on the owner's thread when it returns,
    /// unless the job was discarded, replaced or the AsyncJob destroyed by then.
    template<typename Work, typename Done>
    void start(Work work, Done done)
    {
        using R = std::invoke_result_t<Work &, const JobToken &>;
        const JobToken token = begin();
        launch([token, work = std::move(work), done = std::move(done)]() mutable {
            if constexpr (std::is_void_v<R>) {
                work(token);
                token.deliver(std::move(done));
            } else {
                token.deliver([done = std::move(done), result = work(token)]() mutable { done(std::move(result)); });
            }
        });
    }

    /// Asks the current job to stop (its token says isCancelled()). It still delivers its result
    /// and its posts, so the owner can say what was done before it stopped.
    void cancel();
    /// Cancels the current job and drops whatever it would still deliver: as if never started.
    void discard();
    /// True from start() until the result is delivered or the job discarded.
    bool isRunning() const;
    /// Blocks until every job this object started has returned on its pool thread (discarded ones
    /// too); their results arrive later, from the event loop. For tests only: never call it on the
    /// GUI thread otherwise.
    void waitForDone();

private:
    JobToken begin();
    void launch(std::function<void()> run);

    std::shared_ptr<detail::AsyncJobChannel> m_channel;
    std::shared_ptr<detail::AsyncJobState> m_current;
};

} // namespace md
