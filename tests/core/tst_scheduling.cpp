// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI thread's short time slice (Scheduling.h): taken by Linux 6.12 and later, declined
// without a change by older kernels, and never at the cost of the thread's nice value or policy.
#include "core/Scheduling.h"

#include <QTest>
#include <QVersionNumber>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <thread>

using namespace std::chrono_literals;

class TestScheduling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sliceTakenNiceKept()
    {
        // On a thread of its own, at nice 5 as if started with `nice -n 5`.
        bool took = false;
        int niceAfter = -100, niceOfChild = -100;
        std::chrono::microseconds slice {}, sliceOfChild {};
        const auto usual = md::currentTimeSlice();
        std::thread([&] {
            const auto tid = id_t(syscall(SYS_gettid));
            if (setpriority(PRIO_PROCESS, tid, 5) != 0)
                return;
            took = md::askForShortTimeSlice(500us);
            niceAfter = getpriority(PRIO_PROCESS, tid);
            slice = md::currentTimeSlice();
            // A thread it starts (a worker of the GUI thread's) has the usual slice.
            std::thread([&] {
                sliceOfChild = md::currentTimeSlice();
                niceOfChild = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
            }).join();
        }).join();
        QCOMPARE(niceAfter, 5);
        QCOMPARE(niceOfChild, 5);
        QCOMPARE(sliceOfChild, usual);
        QCOMPARE(took, slice == 500us);
        utsname u {};
        QVERIFY(uname(&u) == 0);
        const QVersionNumber kernel = QVersionNumber::fromString(QString::fromLatin1(u.release));
        if (kernel < QVersionNumber(6, 12)) {
            // No slices of a thread's choosing: the call says so and nothing changes.
            QVERIFY2(!took, qPrintable(kernel.toString()));
            QCOMPARE(slice, 0us);
            return;
        }
        QVERIFY2(took, qPrintable(QStringLiteral("Linux %1 did not take the slice").arg(kernel.toString())));
        QCOMPARE(slice, 500us);
    }

    void otherThreadsKeepTheirSlice()
    {
        const auto before = md::currentTimeSlice();
        std::thread([] { (void)md::askForShortTimeSlice(300us); }).join();
        QCOMPARE(md::currentTimeSlice(), before);
        QVERIFY(before != 300us);
    }
};

QTEST_APPLESS_MAIN(TestScheduling)
#include "tst_scheduling.moc"
