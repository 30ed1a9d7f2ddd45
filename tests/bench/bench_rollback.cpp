// SPDX-License-Identifier: GPL-3.0-or-later
// How long the on-call path takes: `modeldesk-cli rollback MODEL --reason … --yes`, as a whole
// process (start, re-read, pre-flight checks, writes, read back, journal, exit), on each source
// kind: a copy of the file store, of mlflow.db, of the model folder, and the REST test server.
// Not a test: prints figures for the README's Performance section.
//
//   bench_rollback [REPEATS]      default 7; prints the median and the slowest run
#include "TestServer.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

struct Timing {
    qint64 medianMs = -1, maxMs = -1;
    QString error;
};

/// Rolls the model back and forth (`back` → `target`, then `target` → `back` with --to …)
/// `repeats` times and times each rollback process.
Timing measure(const QString &uri, const QString &model, const QString &target, const QString &back, int repeats,
               const QString &tmp)
{
    Timing t;
    const QString cache = tmp + u"/cache.sqlite"_s;
    const QHash<QString, QString> env{{u"USER"_s, u"oncall"_s}, {u"MODELDESK_POLICIES"_s, tmp + u"/none.json"_s}};
    auto sync = test::runProcess(test::cliPath(), {u"--cache"_s, cache, u"--quiet"_s, u"sync"_s, uri}, {}, env);
    if (sync.exitCode != 0) {
        t.error = QString::fromUtf8(sync.err);
        return t;
    }
    QList<qint64> ms;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        // Alternate targets so that every round really moves Production; the first round lets
        // the journal choose the last known-good version.
        QStringList args{u"--cache"_s, cache, u"--quiet"_s, u"rollback"_s, model, u"--reason"_s, u"benchmark"_s, u"--yes"_s};
        if (i > 0)
            args << u"--to"_s << (i % 2 == 1 ? back : target);
        auto r = test::runProcess(test::cliPath(), args, {}, env);
        ms.append(timer.elapsed());
        if (r.exitCode != 0) {
            t.error = QString::fromUtf8(r.err);
            return t;
        }
    }
    std::sort(ms.begin(), ms.end());
    t.medianMs = ms.at(ms.size() / 2);
    t.maxMs = ms.last();
    return t;
}

void print(const char *what, const Timing &t)
{
    if (!t.error.isEmpty())
        std::printf("%-34s FAILED: %s\n", what, qPrintable(t.error.trimmed()));
    else
        std::printf("%-34s median %5lld ms   slowest %5lld ms\n", what, t.medianMs, t.maxMs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, atoi(argv[1])) : 7;
    std::printf("modeldesk-cli rollback, whole process, %d runs each\n", repeats);

    {
        QTemporaryDir tmp;
        test::copyTree(test::dataPath(u"mlruns"_s), tmp.filePath(u"mlruns"_s));
        print("file store (mlruns/)", measure(tmp.filePath(u"mlruns"_s), u"car_price_model"_s, u"2"_s, u"4"_s, repeats, tmp.path()));
    }
    {
        QTemporaryDir tmp;
        QFile::copy(test::dataPath(u"mlflow.db"_s), tmp.filePath(u"mlflow.db"_s));
        QFile::setPermissions(tmp.filePath(u"mlflow.db"_s), QFile::ReadOwner | QFile::WriteOwner);
        print("mlflow.db", measure(u"sqlite:///"_s + tmp.filePath(u"mlflow.db"_s), u"car_price_model"_s, u"2"_s, u"4"_s, repeats, tmp.path()));
    }
    {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(u"car-price/artifacts/training"_s);
        test::copyTree(test::dataPath(u"model-folder/artifacts/training"_s), folder);
        // The folder's history: v4 current, v2 and v3 saved before. Roll back between 4 and 3.
        print("model folder (model.pkl)", measure(u"folder://"_s + folder, u"car-price"_s, u"3"_s, u"4"_s, repeats, tmp.path()));
    }
    {
        QTemporaryDir tmp;
        test::TestServer server;
        if (!server.start()) {
            std::printf("tracking server: cannot start the test server\n");
            return 1;
        }
        print("tracking server (REST, loopback)", measure(server.url().toString(), u"car_price_model"_s, u"2"_s, u"4"_s, repeats, tmp.path()));
    }
    return 0;
}
