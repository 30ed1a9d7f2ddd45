// SPDX-License-Identifier: GPL-3.0-or-later
// relayToSink: a source's read on a worker thread, replayed into the caller's sink in order; the
// sink's first error stops the read, a read's error or exception comes back after what it
// delivered before.
#include "sources/SinkRelay.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <stdexcept>

using namespace Qt::StringLiterals;
using md::ImportSink;
using md::Status;

namespace {

/// Records what arrives and on which thread; fails at run number `failAt` (0: never).
class RecordingSink final : public ImportSink {
public:
    QStringList events;
    QSet<QThread *> threads;
    int failAt = 0;
    int runs = 0;

    void expectRuns(qint64 total) override { note(u"expect %1"_s.arg(total)); }
    Status experiment(const md::Experiment &e) override
    {
        note(u"experiment "_s + e.experimentId);
        return {};
    }
    Status run(const md::Run &r) override
    {
        ++runs;
        if (failAt && runs == failAt)
            return md::makeError(md::ErrorCategory::Storage, u"disk full"_s, u"/cache.sqlite"_s);
        note(u"run "_s + r.runId);
        return {};
    }
    Status registeredModel(const md::RegisteredModel &m) override
    {
        note(u"model "_s + m.name);
        return {};
    }
    void problem(const md::ReadProblem &p) override { note(u"problem "_s + p.error.message); }
    void runsIncomplete() override { note(u"incomplete"_s); }

private:
    void note(const QString &e)
    {
        events.append(e);
        threads.insert(QThread::currentThread());
    }
};

md::Run run(int i)
{
    md::Run r;
    r.runId = u"r%1"_s.arg(i);
    r.params.append(md::KeyValue{u"p"_s, QString::number(i)});
    return r;
}

} // namespace

class TestSinkRelay : public QObject {
    Q_OBJECT

private:
    std::atomic_bool m_noCancel{false};

private Q_SLOTS:
    void deliversEverythingInOrderOnTheCallersThread();
    void aFailingSinkStopsTheRead();
    void aReadErrorComesAfterWhatWasDelivered();
    void anExceptionBecomesAnError();
    void cancelDropsWhatWasReadAhead();
};

void TestSinkRelay::deliversEverythingInOrderOnTheCallersThread()
{
    RecordingSink sink;
    QThread *reader = nullptr;
    const Status s = md::relayToSink(
        [&](ImportSink &relay) -> Status {
            reader = QThread::currentThread();
            relay.expectRuns(1000);
            md::Experiment experiment;
            experiment.experimentId = u"1"_s;
            if (Status e = relay.experiment(experiment); !e)
                return e;
            for (int i = 0; i < 1000; ++i) {
                if (i == 500)
                    relay.problem(md::ReadProblem{md::makeError(md::ErrorCategory::BadInput, u"bad run"_s, u"f"_s)});
                if (Status e = relay.run(run(i)); !e)
                    return e;
            }
            relay.runsIncomplete();
            md::RegisteredModel m;
            m.name = u"model"_s;
            return relay.registeredModel(m);
        },
        sink, m_noCancel, 16);
    QVERIFY(s.ok());
    QVERIFY(reader && reader != QThread::currentThread());
    QCOMPARE(sink.threads, QSet<QThread *>{QThread::currentThread()});
    QStringList expected{u"expect 1000"_s, u"experiment 1"_s};
    for (int i = 0; i < 1000; ++i) {
        if (i == 500)
            expected.append(u"problem bad run"_s);
        expected.append(u"run r%1"_s.arg(i));
    }
    expected << u"incomplete"_s << u"model model"_s;
    QCOMPARE(sink.events, expected);
}

void TestSinkRelay::aFailingSinkStopsTheRead()
{
    // A full disk at the 300th run: nothing after it reaches the sink, the read learns of it
    // and stops within the few deliveries that may wait, and the caller gets the sink's error.
    RecordingSink sink;
    sink.failAt = 300;
    int attempted = 0;
    Status seenByRead;
    const Status s = md::relayToSink(
        [&](ImportSink &relay) -> Status {
            for (int i = 0; i < 100000; ++i) {
                ++attempted;
                if (Status e = relay.run(run(i)); !e) {
                    seenByRead = e;
                    return e;
                }
            }
            return {};
        },
        sink, m_noCancel, 8);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().message, u"disk full"_s);
    QCOMPARE(s.error().where, u"/cache.sqlite"_s);
    QVERIFY(!seenByRead.ok());
    QCOMPARE(seenByRead.error().message, u"disk full"_s);
    // At most a swapped-out batch and a full queue (8 each) were read ahead of the failure.
    QVERIFY2(attempted <= 300 + 2 * 8 + 1, qPrintable(QString::number(attempted)));
    QCOMPARE(sink.runs, 300);
    QCOMPARE(sink.events.size(), 299);
    QCOMPARE(sink.events.last(), u"run r298"_s);
}

void TestSinkRelay::aReadErrorComesAfterWhatWasDelivered()
{
    RecordingSink sink;
    const Status s = md::relayToSink(
        [&](ImportSink &relay) -> Status {
            for (int i = 0; i < 10; ++i)
                if (Status e = relay.run(run(i)); !e)
                    return e;
            return md::makeError(md::ErrorCategory::BadInput, u"truncated file"_s, u"/store/mlflow.db"_s);
        },
        sink, m_noCancel);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().where, u"/store/mlflow.db"_s);
    QCOMPARE(sink.runs, 10);
    QCOMPARE(sink.events.last(), u"run r9"_s);
}

void TestSinkRelay::anExceptionBecomesAnError()
{
    RecordingSink sink;
    const Status s = md::relayToSink(
        [&](ImportSink &relay) -> Status {
            if (Status e = relay.run(run(1)); !e)
                return e;
            throw std::runtime_error("yaml: bad indentation");
        },
        sink, m_noCancel);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().category, md::ErrorCategory::Internal);
    QVERIFY2(s.error().message.contains(u"bad indentation"_s), qPrintable(s.error().message));
    QCOMPARE(sink.runs, 1);
}

void TestSinkRelay::cancelDropsWhatWasReadAhead()
{
    // Cancel pressed while the 10th run is written: no 11th reaches the cache, although the
    // worker has read ahead (here it has read all 50 and returned before the cancel).
    std::atomic_bool cancel{false};
    class CancellingSink final : public ImportSink {
    public:
        std::atomic_bool *cancel = nullptr;
        int runs = 0;
        Status experiment(const md::Experiment &) override { return {}; }
        Status run(const md::Run &) override
        {
            if (++runs == 10)
                *cancel = true;
            return {};
        }
        Status registeredModel(const md::RegisteredModel &) override { return {}; }
        void problem(const md::ReadProblem &) override {}
    } sink;
    sink.cancel = &cancel;
    const Status s = md::relayToSink(
        [&](ImportSink &relay) -> Status {
            for (int i = 0; i < 50; ++i)
                if (Status e = relay.run(run(i)); !e)
                    return e;
            return {};
        },
        sink, cancel, 256);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().category, md::ErrorCategory::Cancelled);
    QCOMPARE(sink.runs, 10);
}

QTEST_GUILESS_MAIN(TestSinkRelay)
#include "tst_sinkrelay.moc"
