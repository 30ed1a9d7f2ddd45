// SPDX-License-Identifier: GPL-3.0-or-later
#include "AsyncJob.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <condition_variable>
#include <mutex>

namespace md {

namespace detail {

/// Shared by an AsyncJob and its workers, which may outlive it.
struct AsyncJobChannel {
    std::mutex mutex;
    /// Lives on the owner's thread; posted closures are queued to it. Null once the AsyncJob is
    /// gone: guarded by `mutex`, so that no worker queues to it while it is being deleted.
    QObject *receiver = nullptr;
    int workers = 0;  ///< started and not yet returned; guarded by `mutex`
    std::condition_variable idle;
};

/// One job.
struct AsyncJobState {
    explicit AsyncJobState(std::shared_ptr<AsyncJobChannel> c) : channel(std::move(c)) {}
    std::shared_ptr<AsyncJobChannel> channel;
    std::atomic_bool cancelled{false};
    /// Still to be delivered. Read and written on the owner's thread only.
    bool current = true;
};

} // namespace detail

JobToken::JobToken(std::shared_ptr<detail::AsyncJobState> state) : m_state(std::move(state)) {}

bool JobToken::isCancelled() const
{
    return m_state->cancelled.load();
}

const std::atomic_bool &JobToken::cancelFlag() const
{
    return m_state->cancelled;
}

void JobToken::post(std::function<void()> fn) const
{
    std::lock_guard lock(m_state->channel->mutex);
    if (!m_state->channel->receiver)
        return;
    QMetaObject::invokeMethod(
        m_state->channel->receiver,
        [state = m_state, fn = std::move(fn)] {
            if (state->current)
                fn();
        },
        Qt::QueuedConnection);
}

void JobToken::deliver(std::function<void()> fn) const
{
    post([state = m_state, fn = std::move(fn)] {
        state->current = false;
        fn();
    });
}

AsyncJob::AsyncJob() : m_channel(std::make_shared<detail::AsyncJobChannel>())
{
    m_channel->receiver = new QObject;
}

AsyncJob::~AsyncJob()
{
    discard();
    QObject *receiver = nullptr;
    {
        std::lock_guard lock(m_channel->mutex);
        receiver = std::exchange(m_channel->receiver, nullptr);
    }
    // Deleting it drops the closures still queued to it.
    delete receiver;
}

void AsyncJob::cancel()
{
    if (m_current)
        m_current->cancelled = true;
}

void AsyncJob::discard()
{
    if (!m_current)
        return;
    m_current->cancelled = true;
    m_current->current = false;
    m_current.reset();
}

bool AsyncJob::isRunning() const
{
    return m_current && m_current->current;
}

void AsyncJob::waitForDone()
{
    std::unique_lock lock(m_channel->mutex);
    m_channel->idle.wait(lock, [this] { return m_channel->workers == 0; });
}

JobToken AsyncJob::begin()
{
    discard();
    m_current = std::make_shared<detail::AsyncJobState>(m_channel);
    return JobToken(m_current);
}

void AsyncJob::launch(std::function<void()> run)
{
    {
        std::lock_guard lock(m_channel->mutex);
        ++m_channel->workers;
    }
    QThreadPool::globalInstance()->start([channel = m_channel, run = std::move(run)]() mutable {
        run();
        // Its captures go before the job counts as done: after waitForDone() nothing of it is left.
        run = nullptr;
        std::lock_guard lock(channel->mutex);
        --channel->workers;
        channel->idle.notify_all();
    });
}

} // namespace md
