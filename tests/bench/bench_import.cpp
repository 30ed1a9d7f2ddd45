// SPDX-License-Identifier: GPL-3.0-or-later
// Import and query speed on a generated MLflow database. Not a test: prints figures for the
// README's Performance section.
//
//   bench_import [RUNS] [METRICS] [STEPS] [PARAMS]      (defaults 10000 20 10 20)
#include "TestSupport.h"
#include "sources/MlflowDbSource.h"
#include "sync/Importer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>

using namespace md;

namespace {

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

bool exec(sqlite3 *db, const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::fprintf(stderr, "sqlite: %s\n", err);
        sqlite3_free(err);
        return false;
    }
    return true;
}

/// Adds experiment 100 with the given shape to a copy of MLflow's own database.
bool generate(const QString &path, int runs, int metrics, int steps, int params)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    bool ok = exec(db, "BEGIN; INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage,"
                       " creation_time, last_update_time) VALUES (100, 'bench', 'mlflow-artifacts:/100', 'active', 1, 1)");
    sqlite3_stmt *run = nullptr, *metric = nullptr, *latest = nullptr, *param = nullptr, *tag = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO runs (run_uuid, name, source_type, user_id, status, start_time, end_time,"
                           " lifecycle_stage, artifact_uri, experiment_id) VALUES (?, ?, 'LOCAL', 'bench', 'FINISHED', ?, ?,"
                           " 'active', '', 100)", -1, &run, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)", -1,
                       &metric, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, 0, ?)",
                       -1, &latest, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)", -1, &param, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)", -1, &tag, nullptr);
    quint32 seed = 12345;
    auto rnd = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    for (int r = 0; ok && r < runs; ++r) {
        const QByteArray id = QByteArray::number(r).rightJustified(32, '0');
        const QByteArray name = "bench-" + QByteArray::number(r);
        sqlite3_bind_text(run, 1, id.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(run, 2, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(run, 3, 1700000000000LL + r * 1000);
        sqlite3_bind_int64(run, 4, 1700000000000LL + r * 1000 + 500);
        ok = sqlite3_step(run) == SQLITE_DONE;
        sqlite3_reset(run);
        for (int m = 0; ok && m < metrics; ++m) {
            const QByteArray key = "metric_" + QByteArray::number(m);
            double v = 0;
            for (int s = 0; s < steps; ++s) {
                v = rnd();
                sqlite3_bind_text(metric, 1, key.constData(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_double(metric, 2, v);
                sqlite3_bind_int64(metric, 3, 1700000000000LL + s);
                sqlite3_bind_text(metric, 4, id.constData(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(metric, 5, s);
                ok = ok && sqlite3_step(metric) == SQLITE_DONE;
                sqlite3_reset(metric);
            }
            sqlite3_bind_text(latest, 1, key.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_double(latest, 2, v);
            sqlite3_bind_int64(latest, 3, 1700000000000LL + steps - 1);
            sqlite3_bind_int64(latest, 4, steps - 1);
            sqlite3_bind_text(latest, 5, id.constData(), -1, SQLITE_TRANSIENT);
            ok = ok && sqlite3_step(latest) == SQLITE_DONE;
            sqlite3_reset(latest);
        }
        for (int p = 0; ok && p < params; ++p) {
            const QByteArray key = "param_" + QByteArray::number(p);
            const QByteArray value = QByteArray::number(int(rnd() * 10));
            sqlite3_bind_text(param, 1, key.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(param, 2, value.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(param, 3, id.constData(), -1, SQLITE_TRANSIENT);
            ok = sqlite3_step(param) == SQLITE_DONE;
            sqlite3_reset(param);
        }
        sqlite3_bind_text(tag, 1, "mlflow.runName", -1, SQLITE_STATIC);
        sqlite3_bind_text(tag, 2, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(tag, 3, id.constData(), -1, SQLITE_TRANSIENT);
        ok = ok && sqlite3_step(tag) == SQLITE_DONE;
        sqlite3_reset(tag);
    }
    for (sqlite3_stmt *st : {run, metric, latest, param, tag})
        sqlite3_finalize(st);
    ok = ok && exec(db, "COMMIT");
    sqlite3_close(db);
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const int runs = a.value(1, QStringLiteral("10000")).toInt();
    const int metrics = a.value(2, QStringLiteral("20")).toInt();
    const int steps = a.value(3, QStringLiteral("10")).toInt();
    const int params = a.value(4, QStringLiteral("20")).toInt();
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("mlflow.db"));
    QFile::copy(test::dataPath(QStringLiteral("mlflow.db")), dbPath);
    QFile::setPermissions(dbPath, QFile::ReadOwner | QFile::WriteOwner);
    QElapsedTimer t;
    t.start();
    if (!generate(dbPath, runs, metrics, steps, params)) {
        std::fprintf(stderr, "could not generate the database\n");
        return 1;
    }
    std::printf("generated %d runs x %d metrics x %d steps x %d params in %.1f s\n", runs, metrics, steps, params,
                t.elapsed() / 1000.0);

    {
        // The bare read: what the source costs without the cache.
        struct CountingSink final : ImportSink {
            qint64 points = 0;
            Status experiment(const Experiment &) override { return {}; }
            Status run(const Run &r) override
            {
                points += r.history.size();
                return {};
            }
            Status registeredModel(const RegisteredModel &) override { return {}; }
            void problem(const ReadProblem &) override {}
        } sink;
        MlflowDbSource bare(dbPath);
        std::atomic_bool no{false};
        t.restart();
        if (!bare.open().ok() || !bare.readAll(sink, no).ok())
            return 1;
        const double s = t.elapsed() / 1000.0;
        std::printf("| read mlflow.db only (%lld points) | %.2f s | %.0f points/s |\n", sink.points, s, sink.points / s);
    }

    Cache cache;
    if (!cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok())
        return 1;
    Importer importer(cache, nullptr);
    MlflowDbSource source(dbPath);
    std::atomic_bool cancel{false};
    t.restart();
    auto report = importer.import(source, cancel);
    const double importS = t.elapsed() / 1000.0;
    if (!report.ok()) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error().toString()));
        return 1;
    }
    const double points = double(runs) * metrics * steps + 32361;
    std::printf("| import mlflow.db (%lld runs, %.0f metric points) | %.2f s | %.0f runs/s, %.0f points/s |\n",
                report->runs, points, importS, report->runs / importS, points / importS);

    t.restart();
    auto again = importer.import(source, cancel);
    std::printf("| re-import, unchanged | %.2f s | |\n", t.elapsed() / 1000.0);

    RunQuery q;
    q.experiments = {QStringLiteral("bench")};
    t.restart();
    auto all = cache.runs(q);
    std::printf("| load %lld runs with their metrics and params | %lld ms | |\n", (long long)all->size(), t.elapsed());

    q.filter = QStringLiteral("metrics.metric_3 > 0.5 and params.param_1 = '4'");
    q.withData = false;
    t.restart();
    auto filtered = cache.runs(q);
    std::printf("| filter `%s` | %lld ms | %lld runs |\n", qPrintable(q.filter), t.elapsed(),
                filtered.ok() ? (long long)filtered->size() : -1LL);
    std::printf("| peak memory (VmHWM) | %ld MiB | |\n", peakRssKb() / 1024);
    return again.ok() ? 0 : 1;
}
