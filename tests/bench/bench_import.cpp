// SPDX-License-Identifier: GPL-3.0-or-later
// Import and query speed on a generated MLflow database, each figure beside a baseline measured in
// the same run. Not a test: prints the table for the README's Performance section.
//
//   bench_import [RUNS] [METRICS] [STEPS] [PARAMS]      (defaults 10000 20 10 20)
//
// Baselines (issue 6), both writing into a file with the cache's own schema and pragmas:
//  - ingest: Importer + Cache from runs already in memory, against a bare prepared-statement
//    insert loop (one transaction, bind/step/reset) of exactly the rows the cache ended up with.
//  - mlflow.db import: Importer + Cache reading the database, against SQLite's own
//    INSERT … SELECT over ATTACH of the same rows (series packed by a small C aggregate, since the
//    cache keeps each metric history as one blob).
#include "TestSupport.h"
#include "demo/DatasetGenerator.h"
#include "sources/mlflowdb/MlflowDbSource.h"
#include "sync/Importer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <cstring>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

using namespace md;

namespace {

/// Starts a new peak-memory window: VmHWM drops to the current RSS (Linux ≥ 4.0).
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

double mib(long kb) { return kb / 1024.0; }

/// CPU seconds of this process so far: on a shared machine a steadier comparison than wall time.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

/// Seconds of one measured step.
struct Timing {
    double wall = -1;
    double cpu = -1;
    bool ok() const { return wall >= 0; }
};

/// Wall and CPU time of one measured step.
struct Clock {
    QElapsedTimer wall;
    double cpu0 = 0;
    void start()
    {
        cpu0 = cpuSeconds();
        wall.start();
    }
    double wallS() const { return wall.nsecsElapsed() / 1e9; }
    double cpuS() const { return cpuSeconds() - cpu0; }
    Timing elapsed() const { return Timing{wallS(), cpuS()}; }
};

bool exec(sqlite3 *db, const std::string &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::fprintf(stderr, "sqlite: %s\n  in: %.200s\n", err ? err : sqlite3_errmsg(db), sql.c_str());
        sqlite3_free(err);
        return false;
    }
    return true;
}

qint64 scalar(sqlite3 *db, const std::string &sql)
{
    sqlite3_stmt *st = nullptr;
    qint64 v = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

sqlite3 *openDb(const QString &path, bool readOnly = false)
{
    sqlite3 *db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

/// The tables of the cache file `cachePath` in creation order (which respects its foreign keys).
std::vector<std::string> tablesOf(sqlite3 *cache)
{
    std::vector<std::string> tables;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(cache, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return tables;
}

/// A new, empty file with the schema and the pragmas of the cache at `cachePath` (see Cache::open).
sqlite3 *sameSchemaFile(const QString &cachePath, const QString &path)
{
    sqlite3 *cache = openDb(cachePath, true);
    sqlite3 *db = openDb(path);
    if (!cache || !db) {
        sqlite3_close(cache);
        sqlite3_close(db);
        return nullptr;
    }
    bool ok = exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
                       " PRAGMA cache_size = -65536; PRAGMA journal_mode = WAL;");
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(cache, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
                       -1, &st, nullptr);
    while (ok && sqlite3_step(st) == SQLITE_ROW)
        ok = exec(db, reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    ok = ok && exec(db, "PRAGMA user_version = " + std::to_string(scalar(cache, "PRAGMA user_version")));
    sqlite3_close(cache);
    if (!ok) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

/// Row counts of every table, to show that a baseline wrote the same rows as the cache.
std::vector<std::pair<std::string, qint64>> rowCounts(const QString &path)
{
    std::vector<std::pair<std::string, qint64>> counts;
    sqlite3 *db = openDb(path, true);
    if (!db)
        return counts;
    for (const std::string &t : tablesOf(db))
        counts.emplace_back(t, scalar(db, "SELECT count(*) FROM \"" + t + "\""));
    counts.emplace_back("metric points", scalar(db, "SELECT total(count) FROM metric_history"));
    sqlite3_close(db);
    return counts;
}

bool sameRows(const QString &cachePath, const QString &baselinePath, const char *what)
{
    const auto a = rowCounts(cachePath), b = rowCounts(baselinePath);
    bool same = a.size() == b.size();
    for (size_t i = 0; same && i < a.size(); ++i)
        same = a[i] == b[i];
    if (!same) {
        std::fprintf(stderr, "warning: %s did not write the same rows as the cache:\n", what);
        for (size_t i = 0; i < std::max(a.size(), b.size()); ++i)
            std::fprintf(stderr, "  %-20s cache %lld, baseline %lld\n", i < a.size() ? a[i].first.c_str() : b[i].first.c_str(),
                         i < a.size() ? (long long)a[i].second : -1LL, i < b.size() ? (long long)b[i].second : -1LL);
    }
    return same;
}

// ---------------------------------------------------------------------------- baseline 1: bare loop

struct Value {
    int type = SQLITE_NULL;
    qint64 i = 0;
    double d = 0;
    std::string bytes;
};

/// Inserts every row of the cache at `cachePath` into `db` (same schema) with one prepared
/// statement per table, in one transaction. Rows are read in chunks outside the clock, so the time
/// returned is only bind, step and reset, plus BEGIN and COMMIT.
Timing bareInsertLoop(const QString &cachePath, sqlite3 *db)
{
    sqlite3 *cache = openDb(cachePath, true);
    if (!cache)
        return {};
    Clock t;
    Timing sum{0, 0};
    auto add = [&sum](const Timing &x) {
        sum.wall += x.wall;
        sum.cpu += x.cpu;
    };
    t.start();
    exec(db, "BEGIN");
    add(t.elapsed());
    constexpr size_t kChunk = 20000;
    for (const std::string &table : tablesOf(cache)) {
        sqlite3_stmt *read = nullptr;
        sqlite3_prepare_v2(cache, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &read, nullptr);
        const int columns = sqlite3_column_count(read);
        std::string marks;
        for (int c = 0; c < columns; ++c)
            marks += c ? ",?" : "?";
        sqlite3_stmt *insert = nullptr;
        if (sqlite3_prepare_v2(db, ("INSERT INTO \"" + table + "\" VALUES (" + marks + ")").c_str(), -1, &insert, nullptr)
            != SQLITE_OK) {
            std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
            return {};
        }
        std::vector<std::vector<Value>> rows;
        bool more = true;
        while (more) {
            rows.clear();
            while (rows.size() < kChunk && (more = sqlite3_step(read) == SQLITE_ROW)) {
                std::vector<Value> row(static_cast<size_t>(columns));
                for (int c = 0; c < columns; ++c) {
                    Value &v = row[size_t(c)];
                    v.type = sqlite3_column_type(read, c);
                    if (v.type == SQLITE_INTEGER)
                        v.i = sqlite3_column_int64(read, c);
                    else if (v.type == SQLITE_FLOAT)
                        v.d = sqlite3_column_double(read, c);
                    else if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB)
                        v.bytes.assign(static_cast<const char *>(sqlite3_column_blob(read, c)), size_t(sqlite3_column_bytes(read, c)));
                }
                rows.push_back(std::move(row));
            }
            t.start();
            for (const auto &row : rows) {
                for (int c = 0; c < columns; ++c) {
                    const Value &v = row[size_t(c)];
                    switch (v.type) {
                    case SQLITE_INTEGER: sqlite3_bind_int64(insert, c + 1, v.i); break;
                    case SQLITE_FLOAT: sqlite3_bind_double(insert, c + 1, v.d); break;
                    case SQLITE_TEXT: sqlite3_bind_text(insert, c + 1, v.bytes.data(), int(v.bytes.size()), SQLITE_STATIC); break;
                    case SQLITE_BLOB: sqlite3_bind_blob(insert, c + 1, v.bytes.data(), int(v.bytes.size()), SQLITE_STATIC); break;
                    default: sqlite3_bind_null(insert, c + 1);
                    }
                }
                if (sqlite3_step(insert) != SQLITE_DONE) {
                    std::fprintf(stderr, "sqlite: %s (table %s)\n", sqlite3_errmsg(db), table.c_str());
                    return {};
                }
                sqlite3_reset(insert);
            }
            add(t.elapsed());
        }
        sqlite3_finalize(read);
        sqlite3_finalize(insert);
    }
    sqlite3_close(cache);
    t.start();
    exec(db, "COMMIT");
    add(t.elapsed());
    return sum;
}

// ---------------------------------------------------------------------- baseline 2: INSERT … SELECT

/// md_points(step, timestamp, value, is_nan): one metric series packed the way the cache stores
/// it (little-endian int64 step, int64 timestamp, float64 value per point), ordered as
/// MlflowDbSource reads it (step, timestamp, value).
void pointsStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto **acc = static_cast<std::vector<std::tuple<qint64, qint64, double>> **>(sqlite3_aggregate_context(ctx, sizeof(void *)));
    if (!acc)
        return;
    if (!*acc)
        *acc = new std::vector<std::tuple<qint64, qint64, double>>;
    const double v = sqlite3_value_int(argv[3]) ? std::numeric_limits<double>::quiet_NaN() : sqlite3_value_double(argv[2]);
    (*acc)->emplace_back(sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]), v);
}

void pointsFinal(sqlite3_context *ctx)
{
    auto **acc = static_cast<std::vector<std::tuple<qint64, qint64, double>> **>(sqlite3_aggregate_context(ctx, 0));
    if (!acc || !*acc) {
        sqlite3_result_zeroblob(ctx, 0);
        return;
    }
    auto &points = **acc;
    std::sort(points.begin(), points.end());
    std::string blob(points.size() * 24, '\0');
    char *p = blob.data();
    for (const auto &[step, ts, value] : points) {
        qToLittleEndian(step, p);
        qToLittleEndian(ts, p + 8);
        quint64 bits;
        std::memcpy(&bits, &value, 8);
        qToLittleEndian(bits, p + 16);
        p += 24;
    }
    sqlite3_result_blob(ctx, blob.data(), int(blob.size()), SQLITE_TRANSIENT);
    delete *acc;
}

/// SQLite copies the rows of mlflow.db into `db` (the cache's schema) itself.
Timing insertSelect(sqlite3 *db, const QString &mlflowDb, const QString &uri)
{
    sqlite3_create_function(db, "md_points", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr, pointsStep, pointsFinal);
    Clock t;
    t.start();
    const std::string src = "ATTACH DATABASE 'file:" + QFile::encodeName(mlflowDb).toStdString() + "?mode=ro' AS src";
    const std::string runOf = " JOIN runs c ON c.source_id = 1 AND c.run_uuid = x.run_uuid";
    std::vector<std::string> sql = {
        src,
        "BEGIN",
        "INSERT INTO sources (id, uri, kind, added_ms) VALUES (1, '" + uri.toStdString() + "', 'sqlite', 0)",
        "INSERT INTO experiments (source_id, experiment_id, name, artifact_location, lifecycle_stage, creation_time,"
        " last_update_time) SELECT 1, CAST(experiment_id AS TEXT), name, artifact_location, lifecycle_stage, creation_time,"
        " last_update_time FROM src.experiments ORDER BY experiment_id",
        "INSERT INTO experiment_tags SELECT e.id, x.key, x.value FROM src.experiment_tags x JOIN experiments e"
        " ON e.source_id = 1 AND e.experiment_id = CAST(x.experiment_id AS TEXT)",
        "INSERT INTO runs (source_id, experiment, run_uuid, run_name, user_id, status, start_time, end_time, artifact_uri,"
        " lifecycle_stage, parent_run_uuid, has_history) SELECT 1, e.id, x.run_uuid, x.name, x.user_id, x.status,"
        " x.start_time, x.end_time, x.artifact_uri, x.lifecycle_stage, (SELECT value FROM src.tags t WHERE t.run_uuid ="
        " x.run_uuid AND t.key = 'mlflow.parentRunId'), 1 FROM src.runs x JOIN experiments e ON e.source_id = 1 AND"
        " e.experiment_id = CAST(x.experiment_id AS TEXT) ORDER BY x.run_uuid",
        "INSERT INTO latest_metrics SELECT c.id, x.key, CASE WHEN x.is_nan THEN NULL ELSE x.value END, x.timestamp, x.step"
        " FROM src.latest_metrics x" + runOf,
        "INSERT INTO metric_history (run, key, count, points) SELECT c.id, x.key, count(*), md_points(x.step, x.timestamp,"
        " x.value, x.is_nan) FROM src.metrics x" + runOf + " GROUP BY c.id, x.key",
        "INSERT INTO params SELECT c.id, x.key, x.value FROM src.params x" + runOf,
        "INSERT INTO run_tags SELECT c.id, x.key, x.value FROM src.tags x" + runOf,
    };
    // The lead's experiment_keys bookkeeping (schema 3), when this build has it.
    if (scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'experiment_keys'") > 0) {
        sql.push_back("INSERT OR IGNORE INTO experiment_keys SELECT DISTINCT r.experiment, 0, m.key FROM latest_metrics m"
                      " JOIN runs r ON r.id = m.run");
        sql.push_back("INSERT OR IGNORE INTO experiment_keys SELECT DISTINCT r.experiment, 1, p.key FROM params p"
                      " JOIN runs r ON r.id = p.run");
    }
    sql.push_back("COMMIT");
    for (const std::string &s : sql)
        if (!exec(db, s))
            return {};
    const Timing took = t.elapsed();
    exec(db, "DETACH DATABASE src");
    return took;
}

/// Runs already in memory, delivered as a source delivers them: ingest without reading.
class MemorySource final : public Source {
public:
    QList<Experiment> experiments;
    QList<Run> runs;
    SourceKind kind() const override { return SourceKind::MlflowDb; }
    QString uri() const override { return QStringLiteral("sqlite:///memory/bench.db"); }
    Status open() override { return {}; }
    Status readAll(ImportSink &sink, const std::atomic_bool &cancel) override
    {
        sink.expectRuns(runs.size());
        for (const Experiment &e : std::as_const(experiments))
            if (Status s = sink.experiment(e); !s)
                return s;
        for (const Run &r : std::as_const(runs)) {
            if (cancel)
                return makeError(ErrorCategory::Cancelled, QStringLiteral("cancelled"));
            if (Status s = sink.run(r); !s)
                return s;
        }
        return {};
    }
};

struct Collector final : ImportSink {
    MemorySource &into;
    qint64 points = 0;
    explicit Collector(MemorySource &m) : into(m) {}
    Status experiment(const Experiment &e) override
    {
        into.experiments.append(e);
        return {};
    }
    Status run(const Run &r) override
    {
        points += r.history.size();
        into.runs.append(r);
        return {};
    }
    Status registeredModel(const RegisteredModel &) override { return {}; }
    void problem(const ReadProblem &) override {}
};

struct Row {
    QString figure, ours, baseline, ratio, target, memory;
};

QString secs(const Timing &t)
{
    return QString::number(t.wall, 'f', 2) + QStringLiteral(" s (CPU ") + QString::number(t.cpu, 'f', 2) + QStringLiteral(" s)");
}

/// Speed of ours relative to the baseline, wall time (CPU time).
QString ratio(const Timing &ours, const Timing &baseline)
{
    return QString::number(baseline.wall / ours.wall, 'f', 2) + QStringLiteral(" (") + QString::number(baseline.cpu / ours.cpu, 'f', 2)
         + QLatin1Char(')');
}

QString memory(long kb) { return QString::number(mib(kb), 'f', 0) + QStringLiteral(" MiB"); }

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    DatasetSpec spec;
    spec.runs = a.value(1, QStringLiteral("10000")).toLongLong();
    spec.metrics = a.value(2, QStringLiteral("20")).toInt();
    spec.steps = a.value(3, QStringLiteral("10")).toLongLong();
    spec.params = a.value(4, QStringLiteral("20")).toInt();
    const DatasetGenerator generator(spec);
    if (Status s = DatasetGenerator::check(spec); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
        return 2;
    }
    const DatasetCounts n = generator.counts();
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("mlflow.db"));
    std::atomic_bool no{false};
    QElapsedTimer t;
    t.start();
    if (Status s = generator.write({}, dbPath, no); !s) {
        std::fprintf(stderr, "could not generate the database: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    std::printf("generated %lld runs x %d metrics x %lld steps x %d params (%lld metric points) in %.1f s\n\n",
                (long long)spec.runs, spec.metrics, (long long)spec.steps, spec.params, (long long)n.metricPoints,
                t.elapsed() / 1000.0);
    QList<Row> rows;
    const QString shape = QStringLiteral("%1 runs, %2 points").arg(n.runs).arg(n.metricPoints);
    Clock c;

    // The bare read: what the source costs without the cache.
    Timing readT;
    long readPeak = 0;
    {
        struct NullSink final : ImportSink {
            Status experiment(const Experiment &) override { return {}; }
            Status run(const Run &) override { return {}; }
            Status registeredModel(const RegisteredModel &) override { return {}; }
            void problem(const ReadProblem &) override {}
        } sink;
        MlflowDbSource bare(dbPath);
        resetPeak();
        c.start();
        if (!bare.open().ok() || !bare.readAll(sink, no).ok())
            return 1;
        readT = c.elapsed();
        readPeak = md::test::peakRssKb();
    }

    // 1. mlflow.db import against SQLite's own copy.
    const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
    Cache cache;
    if (!cache.open(cachePath).ok())
        return 1;
    Importer importer(cache, nullptr);
    MlflowDbSource source(dbPath);
    resetPeak();
    c.start();
    auto report = importer.import(source, no);
    const Timing importT = c.elapsed();
    const long importPeak = md::test::peakRssKb();
    if (!report.ok()) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error().toString()));
        return 1;
    }
    Timing copyT;
    long copyPeak = 0;
    {
        const QString copyPath = dir.filePath(QStringLiteral("copy.sqlite"));
        sqlite3 *copy = sameSchemaFile(cachePath, copyPath);
        if (!copy)
            return 1;
        resetPeak();
        copyT = insertSelect(copy, dbPath, source.uri());
        copyPeak = md::test::peakRssKb();
        sqlite3_close(copy);
        if (!copyT.ok() || !sameRows(cachePath, copyPath, "INSERT ... SELECT"))
            return 1;
    }

    rows.append({QStringLiteral("import mlflow.db (%1)").arg(shape), secs(importT),
                 QStringLiteral("INSERT … SELECT over ATTACH: ") + secs(copyT), ratio(importT, copyT), QStringLiteral("≥ 0.5"),
                 memory(importPeak) + QStringLiteral(" (baseline ") + memory(copyPeak) + QLatin1Char(')')});
    rows.append({QStringLiteral("read mlflow.db only, no cache"), secs(readT), {}, {}, {}, memory(readPeak)});

    resetPeak();
    c.start();
    auto again = importer.import(source, no);
    rows.append({QStringLiteral("re-import, unchanged"), secs(c.elapsed()), {}, {}, {}, memory(md::test::peakRssKb())});

    RunQuery q;
    q.experiments = {QStringLiteral("bench-1")};
    resetPeak();
    c.start();
    auto all = cache.runs(q);
    rows.append({QStringLiteral("load %1 runs with their metrics and params").arg(all.ok() ? all->size() : -1),
                 secs(c.elapsed()), {}, {}, {}, memory(md::test::peakRssKb())});
    all = QList<RunRow>();
    q.filter = QStringLiteral("metrics.metric_003 > 0.5 and params.param_002 = 'adam'");
    q.withData = false;
    c.start();
    auto filtered = cache.runs(q);
    const Timing filterT = c.elapsed();
    rows.append({QStringLiteral("filter `%1` (%2 runs match)").arg(q.filter).arg(filtered.ok() ? filtered->size() : -1),
                 QString::number(filterT.wall * 1000, 'f', 0) + QStringLiteral(" ms"), {}, {}, {}, {}});

    // 2. Ingest (runs already in memory) against a bare insert loop of the rows the cache holds.
    // Last, because holding every run leaves the process larger for what follows.
    MemorySource memorySource;
    {
        Collector collect(memorySource);
        MlflowDbSource again(dbPath);
        if (!again.readAll(collect, no).ok())
            return 1;
    }
    const QString ingestPath = dir.filePath(QStringLiteral("ingest.sqlite"));
    Timing ingestT;
    long ingestPeak = 0;
    {
        Cache fresh;
        if (!fresh.open(ingestPath).ok())
            return 1;
        Importer ingest(fresh, nullptr);
        resetPeak();
        c.start();
        auto r = ingest.import(memorySource, no);
        ingestT = c.elapsed();
        ingestPeak = md::test::peakRssKb();
        if (!r.ok() || r->runs != n.runs) {
            std::fprintf(stderr, "ingest failed\n");
            return 1;
        }
    }
    memorySource.runs = {};
    malloc_trim(0);  // give the runs' memory back, so that the next peak is the baseline's own
    Timing bareT;
    long barePeak = 0;
    {
        const QString barePath = dir.filePath(QStringLiteral("bare.sqlite"));
        sqlite3 *bare = sameSchemaFile(ingestPath, barePath);
        if (!bare)
            return 1;
        resetPeak();
        bareT = bareInsertLoop(ingestPath, bare);
        barePeak = md::test::peakRssKb();
        sqlite3_close(bare);
        if (!bareT.ok() || !sameRows(ingestPath, barePath, "the bare insert loop"))
            return 1;
    }
    rows.prepend({QStringLiteral("ingest into the cache (%1, runs already in memory)").arg(shape), secs(ingestT),
                 QStringLiteral("bare prepared-statement insert loop of the same rows: ") + secs(bareT), ratio(ingestT, bareT),
                 QStringLiteral("≥ 0.5"),
                 memory(ingestPeak) + QStringLiteral(" incl. the runs held in memory (baseline ") + memory(barePeak) + QLatin1Char(')')});
    std::printf("| figure | ModelDesk | baseline, same run | speed ratio, wall (CPU) | target | peak memory (VmHWM) |\n");
    std::printf("| --- | --- | --- | --- | --- | --- |\n");
    for (const Row &r : std::as_const(rows))
        std::printf("| %s | %s | %s | %s | %s | %s |\n", qPrintable(r.figure), qPrintable(r.ours), qPrintable(r.baseline),
                    qPrintable(r.ratio), qPrintable(r.target), qPrintable(r.memory));
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("\nratio = baseline time / ModelDesk time (1.0: as fast as the baseline). Load average at the end: "
                "%.2f %.2f %.2f on %d CPUs.\n",
                load[0], load[1], load[2], QThread::idealThreadCount());
    return again.ok() ? 0 : 1;
}
