// SPDX-License-Identifier: GPL-3.0-or-later
// AsyncJob, the one background-job helper of the pages: results and posts arrive on the owner's
// thread, in order; a replaced or discarded job, or one whose owner is gone, delivers nothing; the
// work sees cancel(), discard() and the owner's destruction through its token.
#include "models/AsyncJob.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using md::AsyncJob;
using md::JobToken;

namespace {

/// Holds a worker until the test opens it.
class Gate {
public:
    void open() const { m_sem->release(1000); }
    void pass() const { m_sem->acquire(); }

private:
    std::shared_ptr<QSemaphore> m_sem = std::make_shared<QSemaphore>();
};

/// Waits, bounded, until the token says cancelled; what it saw.
bool waitForCancel(const JobToken &token)
{
    const QDeadlineTimer deadline(60 * 1000);
    while (!token.isCancelled() && !deadline.hasExpired())
        QThread::msleep(1);
    return token.isCancelled() && token.cancelFlag().load();
}

/// Runs every closure the workers queued so far: what a stale job delivers would run here.
void runQueued()
{
    QCoreApplication::sendPostedEvents();
}

/// An owner, as a page holds its job.
struct Owner {
    AsyncJob job;
};

} // namespace

class TestAsyncJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void deliversOnTheOwnersThread();
    void voidWork();
    void postsArriveInOrderBeforeTheResult();
    void newerJobWins_data();
    void newerJobWins();
    void discardDropsTheResultAndCancels();
    void cancelStopsTheWorkAndStillDelivers();
    void nothingAfterTheOwnerDied_data();
    void nothingAfterTheOwnerDied();
    void doneMayStartTheNextJob();
};

void TestAsyncJob::initTestCase()
{
    // Two jobs are held at a gate at once in some cases: never wait for a free pool thread.
    QThreadPool::globalInstance()->setMaxThreadCount(std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestAsyncJob::deliversOnTheOwnersThread()
{
    AsyncJob job;
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int result = 0;
    job.start(
        [&workThread](const JobToken &) {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int r) {
            doneThread = QThread::currentThread();
            result = r;
        });
    QVERIFY(job.isRunning());
    QTRY_COMPARE(result, 42);
    QVERIFY(!job.isRunning());
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread);
    QVERIFY(workThread != QThread::currentThread());
}

void TestAsyncJob::voidWork()
{
    AsyncJob job;
    bool worked = false;
    bool done = false;
    job.start([&worked](const JobToken &) { worked = true; }, [&done] { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(worked);
}

void TestAsyncJob::postsArriveInOrderBeforeTheResult()
{
    Owner owner;
    QList<int> seen;
    QList<QThread *> threads;
    owner.job.start(
        [&seen, &threads](const JobToken &token) {
            for (int i = 1; i <= 5; ++i)
                token.post([&seen, &threads, i] {
                    seen.append(i);
                    threads.append(QThread::currentThread());
                });
            return 6;
        },
        [&seen](int last) { seen.append(last); });
    QTRY_COMPARE(seen.size(), 6);
    QCOMPARE(seen, (QList<int>{1, 2, 3, 4, 5, 6}));
    for (QThread *t : std::as_const(threads))
        QCOMPARE(t, QThread::currentThread());
}

void TestAsyncJob::newerJobWins_data()
{
    QTest::addColumn<bool>("olderReturnsFirst");
    // The older job's result is queued on the owner's thread before the newer one starts.
    QTest::newRow("older result already queued") << true;
    // The older job is still working when the newer one starts, and returns after it.
    QTest::newRow("older returns last") << false;
}

void TestAsyncJob::newerJobWins()
{
    QFETCH(bool, olderReturnsFirst);
    AsyncJob job;
    QStringList delivered;
    int posted = 0;
    Gate older;
    Gate newer;
    bool olderSawCancel = false;
    job.start(
        [older, &olderSawCancel, &posted](const JobToken &token) {
            older.pass();
            olderSawCancel = token.isCancelled();
            token.post([&posted] { ++posted; });
            return u"older"_s;
        },
        [&delivered](const QString &r) { delivered.append(r); });
    if (olderReturnsFirst) {
        older.open();
        job.waitForDone();
    }
    job.start(
        [newer, &posted](const JobToken &token) {
            newer.pass();
            token.post([&posted] { ++posted; });
            return u"newer"_s;
        },
        [&delivered](const QString &r) { delivered.append(r); });
    runQueued();
    QVERIFY(delivered.isEmpty());
    QVERIFY(job.isRunning());
    newer.open();
    QTRY_COMPARE(delivered, QStringList{u"newer"_s});
    if (!olderReturnsFirst) {
        older.open();
        job.waitForDone();
        runQueued();
        QVERIFY(olderSawCancel);
    }
    QCOMPARE(delivered, QStringList{u"newer"_s});
    QCOMPARE(posted, 1);
}

void TestAsyncJob::discardDropsTheResultAndCancels()
{
    AsyncJob job;
    Gate started;
    bool sawCancel = false;
    int delivered = 0;
    int posted = 0;
    job.start(
        [started, &sawCancel, &posted](const JobToken &token) {
            started.open();
            sawCancel = waitForCancel(token);
            token.post([&posted] { ++posted; });
            return 1;
        },
        [&delivered](int) { ++delivered; });
    started.pass();
    job.discard();
    QVERIFY(!job.isRunning());
    job.waitForDone();
    runQueued();
    QVERIFY(sawCancel);
    QCOMPARE(posted, 0);
    QCOMPARE(delivered, 0);
}

void TestAsyncJob::cancelStopsTheWorkAndStillDelivers()
{
    AsyncJob job;
    Gate started;
    std::optional<bool> result;
    int posted = 0;
    job.start(
        [started, &posted](const JobToken &token) {
            started.open();
            const bool stopped = waitForCancel(token);
            token.post([&posted] { ++posted; });
            return stopped;
        },
        [&result](bool stopped) { result = stopped; });
    started.pass();
    job.cancel();
    QVERIFY(job.isRunning());
    // Longer than waitForCancel()'s bound: a job that ignored cancel() fails below, not here.
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 90 * 1000);
    QVERIFY2(*result, "the work did not see cancel()");
    // What the work posted after it stopped still arrives: the owner says what was done.
    QCOMPARE(posted, 1);
    QVERIFY(!job.isRunning());
}

void TestAsyncJob::nothingAfterTheOwnerDied_data()
{
    QTest::addColumn<bool>("returnedBeforeDeath");
    // The result and a post are queued on the owner's thread when the owner is destroyed.
    QTest::newRow("result queued") << true;
    // The work is still running when the owner is destroyed, and returns afterwards.
    QTest::newRow("still working") << false;
}

void TestAsyncJob::nothingAfterTheOwnerDied()
{
    QFETCH(bool, returnedBeforeDeath);
    auto owner = std::make_unique<Owner>();
    Gate gate;
    Gate started;
    bool sawCancel = false;
    int posted = 0;
    int delivered = 0;
    owner->job.start(
        [gate, started, &sawCancel, &posted, returnedBeforeDeath](const JobToken &token) {
            started.open();
            if (!returnedBeforeDeath)
                sawCancel = waitForCancel(token);
            gate.pass();
            token.post([&posted] { ++posted; });
            return 1;
        },
        [&delivered](int) { ++delivered; });
    started.pass();
    if (returnedBeforeDeath) {
        gate.open();
        owner->job.waitForDone();
    }
    owner.reset();
    gate.open();
    // The AsyncJob is gone: wait for its worker through the pool.
    QThreadPool::globalInstance()->waitForDone();
    runQueued();
    QCOMPARE(posted, 0);
    QCOMPARE(delivered, 0);
    if (!returnedBeforeDeath)
        QVERIFY2(sawCancel, "the work was not cancelled when its owner died");
}

void TestAsyncJob::doneMayStartTheNextJob()
{
    AsyncJob job;
    QList<int> delivered;
    bool runningInDone = true;
    std::function<void(int)> onDone = [&](int n) {
        runningInDone = job.isRunning();
        delivered.append(n);
        if (n < 3)
            job.start([n](const JobToken &) { return n + 1; }, onDone);
    };
    job.start([](const JobToken &) { return 1; }, onDone);
    QTRY_COMPARE(delivered, (QList<int>{1, 2, 3}));
    QVERIFY(!runningInDone);
    QVERIFY(!job.isRunning());
}

QTEST_GUILESS_MAIN(TestAsyncJob)
#include "tst_asyncjob.moc"
