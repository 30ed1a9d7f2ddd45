// SPDX-License-Identifier: GPL-3.0-or-later
// Live updates (issue 14): the cost of following a 10,000-run experiment with 20 RUNNING runs on
// the MLflow-compatible test server. Not a test: prints figures for the README's Performance
// section. Each round logs one point to every metric of the running runs (behind the server's
// back, in its database), then lets the window's LiveUpdater sync and update the runs table and an
// open chart in place. Measures this process's CPU per round (worker and GUI thread; the server's
// python is not counted) and, in as many rounds again, the longest time the GUI thread did not
// answer a 2 ms timer: as measured, and without the times the machine stopped the whole guest
// (a thread that sleeps 1 ms at a time woke late without having waited for a core in the guest;
// on a virtual machine its host ran something else then).
//
//   bench_live [RUNS RUNNING ROUNDS] [--json FILE] [--trace]     defaults: 10000 20 10
//
// --trace prints, for each probed round, when its longest gap began, the GUI thread's CPU time and
// page faults in it, the events it handled in it (of more than 0.2 ms), and every event it took
// more than 3 ms to handle.
#include "TestServer.h"
#include "TestSupport.h"
#include "cache/Journal.h"
#include "core/Scheduling.h"
#include "gui/ChartsPage.h"
#include "gui/LiveUpdater.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/RunsPage.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// CPU seconds (user, system) of this process's live threads, by thread name.
QHash<QString, std::pair<double, double>> threadCpu()
{
    QHash<QString, std::pair<double, double>> byName;
    const QStringList tasks = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile f(u"/proc/self/task/%1/stat"_s.arg(tid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        const QString name = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        auto &[user, system] = byName[name];
        user += fields[11].toLongLong() / double(sysconf(_SC_CLK_TCK));
        system += fields[12].toLongLong() / double(sysconf(_SC_CLK_TCK));
    }
    return byName;
}

/// This process's CPU seconds (user, system) so far.
std::pair<double, double> processCpu()
{
    QFile f(u"/proc/self/stat"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return {};
    return { fields[11].toLongLong() / double(sysconf(_SC_CLK_TCK)),
        fields[12].toLongLong() / double(sysconf(_SC_CLK_TCK)) };
}

/// This process's CPU seconds so far.
double cpuSeconds()
{
    const auto [user, system] = processCpu();
    return user + system;
}

bool python(const QString &code, const QStringList &args)
{
    QProcess p;
    p.start(u"python3"_s, QStringList{u"-c"_s, code} + args);
    return p.waitForFinished(-1) && p.exitCode() == 0;
}

/// With --trace: times every event the GUI thread delivers (outermost only), so that a stall can
/// be told apart from a wait for a core.
class TracingApp : public QApplication {
public:
    using QApplication::QApplication;
    struct Event {
        qint64 startNs;
        qint64 ns;
        QByteArray what;
    };
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++depth;
        const qint64 t0 = clock.nsecsElapsed();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed() - t0;
        --depth;
        if (ns > 200'000)
            events.push_back({ t0, ns,
                QByteArray(receiver->metaObject()->className()) + ' ' + receiver->objectName().toUtf8() + " event "
                    + QByteArray::number(int(event->type())) });
        return handled;
    }
    bool tracing = false;
    int depth = 0;
    QElapsedTimer clock;
    std::vector<Event> events; ///< of more than 0.2 ms
};

/// The longest gap between two ticks of a 2 ms timer on the GUI thread, minus the 2 ms.
class Probe : public QObject {
public:
    Probe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 ns = m_clock.nsecsElapsed();
            const Usage now = usage();
            m_ticks.push_back({ m_last, ns });
            if (ns - m_last - 2'000'000 > m_maxNs) {
                m_maxNs = ns - m_last - 2'000'000;
                m_maxAt = m_last;
                m_maxCpuNs = now.cpuNs - m_lastUsage.cpuNs;
                m_maxFaults = now.faults - m_lastUsage.faults;
                m_maxQueuedNs = now.queuedNs - m_lastUsage.queuedNs;
            }
            m_last = ns;
            m_lastUsage = now;
        });
    }
    ~Probe() override
    {
        if (m_schedstat >= 0)
            ::close(m_schedstat);
    }
    Probe(const Probe &) = delete;
    Probe &operator=(const Probe &) = delete;
    void start(const QElapsedTimer &clock)
    {
        m_clock = clock;
        m_last = m_clock.nsecsElapsed();
        m_lastUsage = usage();
        m_maxNs = 0;
        m_ticks.clear();
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return m_maxNs / 1e6;
    }
    /// When the longest gap began, on the clock passed to start().
    qint64 maxAtNs() const { return m_maxAt; }
    /// The GUI thread's CPU time and minor page faults in the longest gap: a gap the thread spent
    /// on the CPU was work (or faults), one without CPU a wait for a core or a lock.
    qint64 maxCpuNs() const { return m_maxCpuNs; }
    long maxFaults() const { return m_maxFaults; }
    /// The time the GUI thread spent runnable but waiting for a core in the longest gap (the
    /// kernel's schedstat); -1 when not known. A gap with neither CPU nor such a wait was spent
    /// asleep: blocked on a lock, or woken late by the (virtual) machine.
    qint64 maxQueuedNs() const { return m_maxQueuedNs; }
    /// Each interval between two ticks: from, to (ns on the clock passed to start()).
    struct Tick {
        qint64 from;
        qint64 to;
    };
    const std::vector<Tick> &ticks() const { return m_ticks; }

private:
    struct Usage {
        qint64 cpuNs = 0;
        long faults = 0;
        qint64 queuedNs = -1;
    };
    Usage usage()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        rusage ru {};
        getrusage(RUSAGE_THREAD, &ru);
        // schedstat: time on the CPU, time waiting on a runqueue, timeslices (ns, ns, count).
        qint64 queued = -1;
        if (m_schedstat >= 0) {
            char buf[96];
            const ssize_t n = pread(m_schedstat, buf, sizeof buf - 1, 0);
            long long running = 0, waiting = 0;
            if (n > 0 && (buf[n] = 0, std::sscanf(buf, "%lld %lld", &running, &waiting) == 2))
                queued = waiting;
        }
        return { qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec, ru.ru_minflt, queued };
    }
    /// This (the GUI) thread's /proc/thread-self/schedstat, opened once.
    int m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    Usage m_lastUsage;
    qint64 m_maxNs = 0;
    qint64 m_maxAt = 0;
    qint64 m_maxCpuNs = 0;
    long m_maxFaults = 0;
    qint64 m_maxQueuedNs = -1;
    std::vector<Tick> m_ticks;
};

/// In the probed rounds: a thread that looks at the GUI thread every millisecond (its state and
/// the kernel function it sleeps in, /proc/…/task/TID/stat and wchan), so that a gap spent asleep
/// can be told apart: in the event loop's poll (woken late), or on a lock or a file. When it wakes
/// late without having waited for a core in the guest, the machine stopped the whole guest
/// (a virtual machine's host ran something else): no thread of the app could have run then.
class Sampler {
public:
    struct Sample {
        qint64 ns; ///< on the clock passed to start()
        qint64 lateNs; ///< how much later than asked this thread woke
        /// Of that, the time it was neither on a core nor waiting for one in the guest.
        qint64 stoppedNs;
        char state; ///< R running/runnable, S asleep, D in the disk's wait
        char wchan[31];
    };
    explicit Sampler(pid_t guiTid)
        : m_statPath(QByteArray("/proc/self/task/") + QByteArray::number(guiTid) + "/stat")
        , m_wchanPath(QByteArray("/proc/self/task/") + QByteArray::number(guiTid) + "/wchan")
    {
        m_samples.reserve(200'000);
    }
    ~Sampler() { stop(); }
    Sampler(const Sampler &) = delete;
    Sampler &operator=(const Sampler &) = delete;
    void start(const QElapsedTimer &clock)
    {
        stop();
        m_samples.clear();
        m_stop = false;
        m_thread = std::thread([this, clock] {
            const int stat = ::open(m_statPath.constData(), O_RDONLY | O_CLOEXEC);
            const int wchan = ::open(m_wchanPath.constData(), O_RDONLY | O_CLOEXEC);
            const int own = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
            const auto queued = [own] {
                char buf[96];
                const ssize_t n = pread(own, buf, sizeof buf - 1, 0);
                long long running = 0, waiting = 0;
                if (n <= 0)
                    return qint64(0);
                buf[n] = 0;
                return std::sscanf(buf, "%lld %lld", &running, &waiting) == 2 ? qint64(waiting) : qint64(0);
            };
            while (!m_stop.load() && m_samples.size() < m_samples.capacity()) {
                const qint64 queuedBefore = queued();
                const qint64 before = clock.nsecsElapsed();
                const timespec ms { 0, 1'000'000 };
                nanosleep(&ms, nullptr);
                Sample out {};
                out.ns = clock.nsecsElapsed();
                out.lateNs = out.ns - before - 1'000'000;
                // A wake-up is up to 0.1–0.2 ms late anyway (timer slack, the system calls):
                // only what goes past that counts.
                out.stoppedNs = std::max<qint64>(0, out.lateNs - (queued() - queuedBefore) - 200'000);
                char buf[512];
                ssize_t n = pread(stat, buf, sizeof buf - 1, 0);
                if (n > 0) {
                    buf[n] = 0;
                    const char *close = std::strrchr(buf, ')'); // the name may hold spaces
                    out.state = close && close[1] == ' ' ? close[2] : '?';
                }
                n = pread(wchan, out.wchan, sizeof out.wchan - 1, 0);
                out.wchan[n > 0 ? n : 0] = 0;
                m_samples.push_back(out);
            }
            ::close(stat);
            ::close(wchan);
            ::close(own);
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    /// How long the machine was stopped from `from` to `to` (ns): the parts of the sampler's
    /// stopped spells (each the end of a late wake-up) that fall in that time.
    qint64 stoppedIn(qint64 from, qint64 to) const
    {
        qint64 sum = 0;
        const auto first = std::lower_bound(
            m_samples.cbegin(), m_samples.cend(), from, [](const Sample &s, qint64 t) { return s.ns < t; });
        for (auto it = first; it != m_samples.cend() && it->ns - it->stoppedNs < to; ++it)
            sum += std::max<qint64>(0, std::min(it->ns, to) - std::max(it->ns - it->stoppedNs, from));
        return sum;
    }
    /// What the samples from `from` to `to` (ns) saw: each state and wchan with its count, and
    /// the sampler's own longest lateness.
    QByteArray summary(qint64 from, qint64 to) const
    {
        QMap<QByteArray, int> seen;
        qint64 late = 0;
        for (const Sample &s : m_samples)
            if (s.ns >= from && s.ns <= to) {
                ++seen[QByteArray(1, s.state) + ' ' + (s.wchan[0] ? QByteArray(s.wchan) : QByteArray("-"))];
                late = std::max(late, s.lateNs);
            }
        QByteArray out;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            out += (out.isEmpty() ? "" : ", ") + it.key() + " ×" + QByteArray::number(it.value());
        return out + "; the sampler itself woke up to " + QByteArray::number(late / 1e6, 'f', 1)
            + " ms late; the machine stopped for " + QByteArray::number(stoppedIn(from - 2'000'000, to) / 1e6, 'f', 1)
            + " ms";
    }

private:
    const QByteArray m_statPath;
    const QByteArray m_wchanPath;
    std::vector<Sample> m_samples;
    std::atomic_bool m_stop { true };
    std::thread m_thread;
};

/// Runs the event loop for `ms`. Not QTest::qWait: that sleeps up to 10 ms between rounds of
/// events, which the probe would count as the GUI thread not answering.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    TracingApp app(argc, argv);
    (void)md::askForShortTimeSlice(md::kGuiTimeSlice); // as modeldesk's main() does
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskBench"_s);
    md::MessageBox::setHeadless(true);
    QStringList args = app.arguments().mid(1);
    const bool trace = args.removeAll(u"--trace"_s) > 0;
    app.clock.start();
    QString jsonFile;
    if (const qsizetype at = args.indexOf(u"--json"_s); at >= 0 && at + 1 < args.size()) {
        jsonFile = args.at(at + 1);
        args.remove(at, 2);
    }
    const int runs = args.value(0, u"10000"_s).toInt();
    const int running = args.value(1, u"20"_s).toInt();
    const int rounds = args.value(2, u"10"_s).toInt();
    constexpr int kMetrics = 20;

    QTemporaryDir dir;
    const QString db = dir.filePath(u"bench.db"_s);
    std::printf("generating %d runs × %d metrics × 20 params, %d of them RUNNING…\n", runs, kMetrics, running);
    std::fflush(stdout);
    QProcess gen;
    gen.start(u"python3"_s, {QStringLiteral(MD_TEST_SERVER_SCRIPT), u"--generate"_s, u"%1,%2,20,10"_s.arg(runs).arg(kMetrics),
                             u"--db"_s, db, u"--schema-from"_s, md::test::dataPath(u"mlflow.db"_s)});
    if (!gen.waitForFinished(-1) || gen.exitCode() != 0)
        return 1;
    // The newest runs are the running ones: no end time, status RUNNING.
    if (!python(u"import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                "c.execute('UPDATE runs SET status = \"RUNNING\", end_time = NULL WHERE run_uuid IN "
                "(SELECT run_uuid FROM runs ORDER BY start_time DESC LIMIT ?)', (int(sys.argv[2]),)); c.commit()"_s,
                {db, QString::number(running)}))
        return 1;
    md::test::TestServer server;
    if (!server.start(db))
        return 1;
    // One round of logging: a point at the next step of every metric of every running run.
    const QString logRound =
        u"import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1]); step = int(sys.argv[2]); now = int(time.time() * 1000)\n"
        "ids = [r[0] for r in c.execute(\"SELECT run_uuid FROM runs WHERE status = 'RUNNING'\")]\n"
        "for i in ids:\n"
        "    for m in range(20):\n"
        "        k = 'metric_%03d' % m; v = (step * 7 + m) % 100 / 100.0\n"
        "        c.execute('INSERT INTO metrics VALUES (?, ?, ?, ?, ?, 0)', (k, v, now, i, step))\n"
        "        c.execute('UPDATE latest_metrics SET value = ?, timestamp = ?, step = ? WHERE run_uuid = ? AND key = ?', (v, now, step, i, k))\n"
        "c.commit()\n"_s;

    const QString cachePath = dir.filePath(u"cache.sqlite"_s);
    md::MainWindow window(md::MainWindowOptions{cachePath, md::Journal::defaultPathFor(cachePath)});
    window.show();
    QSignalSpy started(&window, &md::MainWindow::startupFinished);
    QElapsedTimer t;
    t.start();
    window.startUp(server.url().toString());
    if (!started.wait(600000) && started.isEmpty())
        return 1;
    std::printf("first sync and window: %.2f s\n", t.elapsed() / 1000.0);
    // The bench experiment in the runs table, a running run's chart open.
    const md::ExperimentsModel *experiments = window.experimentsModel();
    for (int s = 0; s < experiments->rowCount(); ++s)
        for (int e = 0; e < experiments->rowCount(experiments->index(s, 0)); ++e) {
            const QModelIndex idx = experiments->index(e, 0, experiments->index(s, 0));
            if (idx.data(md::ExperimentsModel::ExperimentNameRole).toString() == "bench"_L1)
                window.experimentsTree()->setCurrentIndex(idx);
        }
    md::LiveUpdater *live = window.liveUpdater();
    QTest::qWait(500);
    if (live->liveSources().isEmpty()) {
        std::fprintf(stderr, "no live source\n");
        return 1;
    }
    const QStringList runningIds = live->runningRuns(live->liveSources().first());
    if (const md::Status shown = window.chartsPage()->setRuns(runningIds.mid(0, 5)); !shown) {
        std::fprintf(stderr, "%s\n", qPrintable(shown.error().toString()));
        return 1;
    }
    if (!window.chartsPage()->setMetric(u"metric_000"_s)) {
        std::fprintf(stderr, "no metric_000 to chart\n");
        return 1;
    }
    QTest::qWait(1000);
    std::printf("runs table: %d rows; following %lld running runs\n", window.runsPage()->model()->rowCount(),
                qlonglong(runningIds.size()));

    // Rounds one after the other: log, sync at once, wait for it to be shown. The schedule
    // (every 15 s, and never more than 5 % of the time in syncs) is kept out of the way: each
    // round's sync is started by hand, and its figures are that sync's alone.
    const QString uri = live->liveSources().first();
    live->setServerInterval(3600 * 1000);
    QSignalSpy synced(live, &md::LiveUpdater::synced);
    live->syncNow(uri);  // the first live sync fetches the running runs' histories once
    if (!synced.wait(60000)) {
        std::fprintf(stderr, "the first live sync did not end\n");
        return 1;
    }
    QTest::qWait(300);
    // The CPU rounds run without the probe, whose 500 wake-ups a second the app does not have; the
    // probe's rounds follow, as many again.
    Probe probe;
    Sampler sampler { pid_t(gettid()) };
    double cpu = 0;
    qint64 wall = 0;
    QHash<QString, std::pair<double, double>> byThread; // CPU of the unprobed rounds, by thread name
    std::pair<double, double> userSystem {};
    double worstBlockMs = 0;
    // The same without the times the machine stopped the whole guest (see Sampler).
    double worstOwnBlockMs = 0;
    for (int round = 0; round < 2 * rounds; ++round) {
        const bool probed = round >= rounds;
        python(logRound, {server.dbPath(), QString::number(10 + round)});
        QTest::qWait(300);
        const int before = int(synced.count());
        if (probed)
            probe.start(app.clock);
        if (probed)
            sampler.start(app.clock);
        app.tracing = trace && probed;
        app.events.clear();
        const qint64 roundStartNs = app.clock.nsecsElapsed();
        const double c0 = cpuSeconds();
        const auto threads0 = threadCpu();
        const auto process0 = processCpu();
        QElapsedTimer w;
        w.start();
        QEventLoop untilSynced;
        QObject::connect(live, &md::LiveUpdater::synced, &untilSynced, &QEventLoop::quit);
        live->syncNow(uri);
        if (synced.count() == before)
            untilSynced.exec();
        spin(50);  // the repaint after the update
        if (probed) {
            const double blockMs = probe.stopMs();
            sampler.stop();
            worstBlockMs = std::max(worstBlockMs, blockMs);
            for (const Probe::Tick &t : probe.ticks())
                worstOwnBlockMs = std::max(
                    worstOwnBlockMs, double(t.to - t.from - 2'000'000 - sampler.stoppedIn(t.from, t.to)) / 1e6);
            app.tracing = false;
            if (trace) {
                std::fprintf(stderr,
                    "round %d: longest gap %.1f ms at %.0f ms into the round; the GUI thread's CPU in it "
                    "%.1f ms, waiting for a core %.1f ms, %ld page faults\n",
                    round, blockMs, (probe.maxAtNs() - roundStartNs) / 1e6, probe.maxCpuNs() / 1e6,
                    probe.maxQueuedNs() / 1e6, probe.maxFaults());
                const qint64 gapFrom = probe.maxAtNs(), gapTo = gapFrom + qint64(blockMs * 1e6) + 2'000'000;
                std::fprintf(stderr, "  the GUI thread in the gap: %s\n",
                    sampler.summary(gapFrom + 2'000'000, gapTo).constData());
                for (const TracingApp::Event &e : app.events) {
                    const bool inGap = e.startNs < gapTo && e.startNs + e.ns > gapFrom;
                    if (e.ns > 3'000'000 || inGap)
                        std::fprintf(stderr, "  event of %.1f ms at %.1f ms%s: %s\n", e.ns / 1e6,
                            (e.startNs - roundStartNs) / 1e6, inGap ? " (in the gap)" : "", e.what.constData());
                }
            }
        } else {
            cpu += cpuSeconds() - c0;
            const auto process1 = processCpu();
            userSystem.first += process1.first - process0.first;
            userSystem.second += process1.second - process0.second;
            const auto threads1 = threadCpu();
            for (auto it = threads1.begin(); it != threads1.end(); ++it) {
                const auto before = threads0.value(it.key());
                byThread[it.key()].first += it->first - before.first;
                byThread[it.key()].second += it->second - before.second;
            }
            wall += w.elapsed();
        }
    }
    const double perRound = cpu / rounds;
    const double share15 = perRound / 15.0 * 100;
    std::printf("per live round (%d rounds): %.0f ms CPU (%.0f ms wall incl. the server), "
                "%.2f %% of one core at the server's 15 s interval (target < 5 %%)\n",
                rounds, perRound * 1000, double(wall) / rounds, share15);
    std::printf("  user %.0f ms, system %.0f ms a round; by thread (user/system ms a round, threads alive at "
                "both ends of a round):\n",
        userSystem.first * 1000 / rounds, userSystem.second * 1000 / rounds);
    for (auto it = byThread.cbegin(); it != byThread.cend(); ++it)
        if (it->first + it->second > 0)
            std::printf("    %-20s %5.0f / %5.0f\n", qPrintable(it.key()), it->first * 1000 / rounds,
                it->second * 1000 / rounds);
    std::printf("longest the GUI thread did not answer in %d more rounds: %.1f ms (target < 16 ms)\n", rounds,
                worstBlockMs);
    std::printf("  the same without the times the machine stopped the whole guest (an idle sampling thread "
                "neither ran nor waited for a core): %.1f ms\n",
        worstOwnBlockMs);
    if (!jsonFile.isEmpty()) {
        QFile out(jsonFile);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(QJsonDocument(QJsonObject { { u"runs"_s, runs }, { u"running"_s, running }, { u"rounds"_s, rounds },
                                    { u"cpu_ms_per_round"_s, perRound * 1000 }, { u"core_percent_at_15s"_s, share15 },
                                    { u"gui_block_max_ms"_s, worstBlockMs },
                                    { u"gui_block_max_without_machine_stops_ms"_s, worstOwnBlockMs } })
                      .toJson());
    }
    return 0;
}
