// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cache.h"

#include "FilterSql.h"
#include "Schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Cache)
};

constexpr qsizetype kPointBytes = 24;

/// Ids bound in one statement at most.
constexpr qsizetype kIdChunk = 500;

/// "?,?,…,?": `n` placeholders, for "IN (%1)".
QString idMarks(qsizetype n)
{
    QString marks;
    marks.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        marks += i ? QStringLiteral(",?") : QStringLiteral("?");
    return marks;
}

/// Runs `sql` for each chunk of ids, with "(?,?,…)" substituted for %1.
template<typename Fn>
Status forIdChunks(Database &db, const QString &sqlTemplate, const QList<qint64> &ids, Fn &&onRow)
{
    for (qsizetype start = 0; start < ids.size(); start += kIdChunk) {
        const qsizetype n = std::min(kIdChunk, ids.size() - start);
        Statement st = db.prepare(sqlTemplate.arg(idMarks(n)));
        if (!st.isValid())
            return db.errorHere();
        for (qsizetype i = 0; i < n; ++i)
            st.bind(int(i + 1), ids[start + i]);
        while (st.next())
            onRow(st);
        if (st.error())
            return *st.error();
    }
    return {};
}

/// One QString for each key of a read, shared by the rows that name it: metric and param keys
/// repeat for every run, and a string made per row was a third of reading 1,000 runs.
class KeyInterner {
public:
    QString operator()(QByteArrayView utf8)
    {
        const std::string_view key(utf8.data(), size_t(utf8.size()));
        auto it = m_keys.find(key);
        if (it == m_keys.end())
            it = m_keys.emplace(std::string(key), utf8.isNull() ? QString() : QString::fromUtf8(utf8.data(), utf8.size())).first;
        return it->second;
    }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_keys;
};

QList<KeyValue> readKeyValues(Database &db, const QString &sql, qint64 id, Status &status)
{
    QList<KeyValue> out;
    Statement st = db.prepare(sql);
    if (!st.isValid()) {
        status = db.errorHere();
        return out;
    }
    st.bind(1, id);
    while (st.next())
        out.append({st.text(0), st.text(1)});
    if (st.error())
        status = *st.error();
    return out;
}

Status insertKeyValues(Database &db, Statement &st, qint64 id, const QList<KeyValue> &kvs)
{
    if (!st.isValid())
        return db.errorHere();
    for (const auto &kv : kvs) {
        st.bind(1, id).bind(2, kv.key).bind(3, kv.value);
        if (Status s = st.exec(); !s)
            return s;
    }
    return {};
}

Status execBound(Database &db, const QString &sql, const QVariantList &binds)
{
    Statement st = db.prepare(sql);
    if (!st.isValid())
        return db.errorHere();
    for (int i = 0; i < binds.size(); ++i)
        st.bindVariant(i + 1, binds[i]);
    return st.exec();
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace

int Cache::schemaVersion() { return int(schema::cacheMigrations().size()); }

QString Cache::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/modeldesk/cache.sqlite");
}

Statement &Cache::cached(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end() || !it->second.isValid())
        it = m_statements.insert_or_assign(sql, m_db.prepare(sql)).first;
    it->second.reset();
    return it->second;
}

Status Cache::setPageCacheKib(int kib)
{
    return m_db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(std::max(kib, 0)));
}

Status Cache::open(const QString &path)
{
    m_statements.clear();
    m_pendingRuns.clear();
    m_orderMemo.reset();
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath()))
        return makeError(ErrorCategory::Storage, Tr::tr("cannot create the folder for the cache"), fi.absolutePath());
    if (Status s = m_db.open(path, true); !s)
        return s;
    // A file that is no SQLite database fails on the first statement: report it as the cache's.
    if (Status s = m_db.exec(QStringLiteral("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; "
                                                "PRAGMA wal_autocheckpoint = 16384;")); !s) {
        m_db.close();
        return makeError(s.error().category, Tr::tr("the cache file cannot be used: %1").arg(s.error().message), path);
    }
    auto mode = m_db.scalar(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!mode) {
        Error e = makeError(mode.error().category, Tr::tr("the cache file cannot be used: %1").arg(mode.error().message),
                            path);
        m_db.close();
        return e;
    }
    if (Status s = migrate(); !s) {
        m_db.close();
        return s;
    }
    return {};
}

Status Cache::migrate()
{
    const QStringList &migrations = schema::cacheMigrations();
    const int current = m_db.userVersion();
    if (current < 0)
        return m_db.errorHere(Tr::tr("cannot read the cache's schema version"));
    if (current > migrations.size())
        return makeError(ErrorCategory::Storage,
                         Tr::tr("the cache was written by a newer ModelDesk (schema %1; this version knows up to %2)")
                             .arg(current)
                             .arg(migrations.size()),
                         m_db.path());
    if (current == 0) {
        auto tables = m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
        if (!tables)
            return tables.error();
        if (tables->toLongLong() > 0)
            return makeError(ErrorCategory::BadInput, Tr::tr("this SQLite file is not a ModelDesk cache"), m_db.path());
    }
    for (int v = current; v < migrations.size(); ++v) {
        if (Status s = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
            return s;
        Status s = m_db.exec(migrations[v]);
        if (s)
            s = m_db.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
        if (s)
            s = m_db.exec(QStringLiteral("COMMIT"));
        if (!s) {
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
            return makeError(s.error().category, Tr::tr("cannot migrate the cache to schema %1: %2").arg(v + 1).arg(s.error().message),
                             m_db.path());
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------- sources

Result<qint64> Cache::ensureSource(const QString &uri, const QString &kind)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return tx.begin().error();
    Statement ins = m_db.prepare(
        QStringLiteral("INSERT INTO sources (uri, kind, added_ms) VALUES (?, ?, ?) ON CONFLICT (uri) DO NOTHING"));
    if (Status s = ins.bind(1, uri).bind(2, kind).bind(3, nowMs()).exec(); !s)
        return s.error();
    Statement sel = m_db.prepare(QStringLiteral("SELECT id FROM sources WHERE uri = ?"));
    sel.bind(1, uri);
    if (!sel.next())
        return sel.error() ? *sel.error() : m_db.errorHere();
    const qint64 id = sel.int64(0);
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<QList<SourceInfo>> Cache::sources(RunCounts runs)
{
    Statement st = m_db.prepare(
        u"SELECT s.id, s.uri, s.kind, s.added_ms, s.last_sync_ms, s.last_error,"
        " (SELECT count(*) FROM experiments e WHERE e.source_id = s.id AND e.lifecycle_stage = 'active'),"
        " (SELECT count(*) FROM registered_models m WHERE m.source_id = s.id)"_s
        + (runs == RunCounts::Count
                // Through the experiments, counted on `runs_order` alone: by the runs' own
                // source_id every run was read (100,000 rows, three times at each start).
                ? u", (SELECT count(*) FROM experiments e JOIN runs r ON r.experiment = e.id"
                  " AND r.lifecycle_stage = 'active' WHERE e.source_id = s.id)"_s
                : QString())
        + u" FROM sources s ORDER BY s.id"_s);
    if (!st.isValid())
        return m_db.errorHere();
    QList<SourceInfo> out;
    while (st.next()) {
        SourceInfo s;
        s.id = st.int64(0);
        s.uri = st.text(1);
        s.kind = st.text(2);
        s.addedMs = st.int64(3);
        if (!st.isNull(4))
            s.lastSyncMs = st.int64(4);
        s.lastError = st.text(5);
        s.experimentCount = st.int64(6);
        s.modelCount = st.int64(7);
        if (runs == RunCounts::Count)
            s.runCount = st.int64(8);
        out.append(s);
    }
    if (st.error())
        return *st.error();
    return out;
}

Result<std::optional<SourceInfo>> Cache::sourceByUri(const QString &uri)
{
    auto all = sources();
    if (!all)
        return all.error();
    for (const auto &s : std::as_const(*all))
        if (s.uri == uri)
            return std::optional<SourceInfo>(s);
    return std::optional<SourceInfo>();
}

Result<std::optional<qint64>> Cache::lastSyncMs(qint64 sourceId)
{
    Statement st = m_db.prepare(QStringLiteral("SELECT last_sync_ms FROM sources WHERE id = ?"));
    st.bind(1, sourceId);
    std::optional<qint64> when;
    if (st.next() && !st.isNull(0))
        when = st.int64(0);
    if (st.error())
        return *st.error();
    return when;
}

Status Cache::recordSync(qint64 sourceId, qint64 whenMs, const QString &error)
{
    // A failed sync keeps the time of the last good one: it is the start of the next change window.
    const QString sql = error.isEmpty() ? QStringLiteral("UPDATE sources SET last_sync_ms = ?, last_error = NULL WHERE id = ?")
                                        : QStringLiteral("UPDATE sources SET last_error = ? WHERE id = ?");
    return error.isEmpty() ? execBound(m_db, sql, {whenMs, sourceId}) : execBound(m_db, sql, {error, sourceId});
}

Status Cache::removeSource(qint64 sourceId)
{
    return execBound(m_db, QStringLiteral("DELETE FROM sources WHERE id = ?"), {sourceId});
}

// ---------------------------------------------------------------------------------------------- writing

Status Cache::beginBatch()
{
    if (m_inBatch)
        return {};
    if (Status s = m_db.exec(QStringLiteral("BEGIN")); !s)
        return s;
    m_inBatch = true;
    return {};
}

void Cache::abortBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    m_pendingRuns.clear();
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
    m_knownKeys.clear();
}

Status Cache::commitBatch()
{
    if (!m_inBatch)
        return {};
    // Runs whose rows failed are gone again; the batch's other units are still committed.
    const Status flushed = flushPendingRuns();
    if (!m_inBatch)
        return flushed;
    m_inBatch = false;
    Status s = m_db.exec(QStringLiteral("COMMIT"));
    if (s && !flushed)
        return flushed;
    if (!s) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_knownKeys.clear();
    }
    return s;
}

Result<qint64> Cache::experimentRowId(qint64 sourceId, const QString &experimentId)
{
    Statement &st = cached(QStringLiteral("SELECT id FROM experiments WHERE source_id = ? AND experiment_id = ?"));
    st.bind(1, sourceId).bind(2, experimentId);
    if (st.next()) {
        const qint64 id = st.int64(0);
        st.reset();
        return id;
    }
    if (st.error())
        return *st.error();
    return makeError(ErrorCategory::NotFound, Tr::tr("experiment %1 is not in the cache").arg(experimentId), m_db.path());
}

Status Cache::writeExperiment(qint64 sourceId, const Experiment &e)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return tx.begin();
    Statement up = m_db.prepare(QStringLiteral(
        "INSERT INTO experiments (source_id, experiment_id, name, artifact_location, lifecycle_stage, creation_time,"
        " last_update_time) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source_id, experiment_id) DO UPDATE SET name = excluded.name,"
        " artifact_location = excluded.artifact_location, lifecycle_stage = excluded.lifecycle_stage,"
        " creation_time = excluded.creation_time, last_update_time = excluded.last_update_time"));
    up.bind(1, sourceId).bind(2, e.experimentId).bind(3, e.name).bind(4, e.artifactLocation).bind(5, e.lifecycleStage);
    up.bind(6, e.creationTime).bind(7, e.lastUpdateTime);
    if (Status s = up.exec(); !s)
        return s;
    auto id = experimentRowId(sourceId, e.experimentId);
    if (!id)
        return id.error();
    if (Status s = execBound(m_db, QStringLiteral("DELETE FROM experiment_tags WHERE experiment = ?"), {*id}); !s)
        return s;
    if (Status s = insertKeyValues(m_db, cached(QStringLiteral("INSERT INTO experiment_tags VALUES (?, ?, ?)")), *id, e.tags); !s)
        return s;
    return tx.commit();
}

namespace {

/// A digest of everything a source delivers for a run, to skip rewriting unchanged runs.
QByteArray runDigest(const Run &r, qint64 experimentRow)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    auto add = [&h](const QString &s) {
        h.addData(QByteArrayView(reinterpret_cast<const char *>(s.constData()), s.size() * 2));
        h.addData(QByteArrayView("\0\1", 2));
    };
    auto addNumber = [&h](auto v) { h.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v)); };
    addNumber(experimentRow);
    for (const QString *s : {&r.runId, &r.runName, &r.userId, &r.status, &r.artifactUri, &r.lifecycleStage})
        add(*s);
    addNumber(r.startTime);
    addNumber(r.endTime.value_or(-1));
    addNumber(qint64(r.hasHistory));
    for (const auto *list : {&r.params, &r.tags}) {
        addNumber(list->size());
        for (const auto &kv : *list) {
            add(kv.key);
            add(kv.value);
        }
    }
    for (const auto *list : {&r.latestMetrics, &r.history}) {
        addNumber(list->size());
        for (const auto &m : *list) {
            add(m.key);
            addNumber(m.value);
            addNumber(m.timestamp);
            addNumber(m.step);
        }
    }
    addNumber(r.inputs.size());
    for (const auto &in : r.inputs)
        for (const QString *s : {&in.name, &in.digest, &in.sourceType, &in.source, &in.schema, &in.profile, &in.context})
            add(*s);
    // MLflow 3 only, so that the digests of MLflow 2 runs stay what earlier versions stored.
    if (!r.modelInputs.isEmpty() || !r.modelOutputs.isEmpty()) {
        for (const auto *list : {&r.modelInputs, &r.modelOutputs}) {
            addNumber(list->size());
            for (const ModelIo &io : *list) {
                add(io.modelId);
                addNumber(io.step);
            }
        }
    }
    return h.result();
}

/// SQLite's smallest limit of bound variables per statement (999 before 3.32): how many rows
/// one INSERT of a run's rows carries, up to some hundred. A statement step per row costs more
/// than the row itself, and each statement copies every page it touches into its journal first.
constexpr int kMaxBoundVariables = 999;

enum class RunTable { Params, Tags, LatestMetrics, Inputs, Count };

constexpr int kRunTableColumns[] = {3, 3, 5, 8};

/// "INSERT … VALUES (?, …), (?, …)" for `rows` rows of `table`, each built once per thread.
const QString &multiRowInsert(RunTable table, qsizetype rows)
{
    static const char *const heads[] = {"INSERT INTO params VALUES ", "INSERT INTO run_tags VALUES ",
                                        "INSERT OR REPLACE INTO latest_metrics VALUES ",
                                        "INSERT INTO run_inputs VALUES "};
    thread_local QHash<qint64, QString> built;
    QString &sql = built[qint64(table) << 32 | rows];
    if (sql.isEmpty()) {
        const int columns = kRunTableColumns[int(table)];
        QString row = QStringLiteral("(?");
        for (int c = 1; c < columns; ++c)
            row += QStringLiteral(",?");
        row += QLatin1Char(')');
        sql = QString::fromLatin1(heads[int(table)]);
        sql.reserve(sql.size() + rows * (row.size() + 1));
        for (qsizetype r = 0; r < rows; ++r)
            sql += (r ? QStringLiteral(",") : QString()) + row;
    }
    return sql;
}

} // namespace

Status Cache::writeRun(qint64 sourceId, const Run &run, bool *changed)
{
    if (changed)
        *changed = false;
    // A run is written whole or not at all. An update of a cached run, or a write outside a
    // batch, goes in a savepoint. A new run inside a batch does not: in WAL mode SQLite copies
    // every page a savepoint first touches into its sub-journal, a fifth of an import's time;
    // if it fails part way, its rows go again by its id (the child rows by ON DELETE CASCADE),
    // and if even that fails, the whole batch is rolled back. Statements are prepared once like
    // every statement here: Transaction parses its SQL on every call.
    class Savepoint {
    public:
        Savepoint(Cache &cache, bool needed) : m_cache(cache), m_needed(needed)
        {
            if (!m_needed)
                return;
            m_begin = m_cache.cached(QStringLiteral("SAVEPOINT write_run")).exec();
            m_done = !m_begin.ok();
        }
        ~Savepoint()
        {
            if (!m_done)
                rollback();
        }
        Status begin() const { return m_begin; }
        /// The row of the new run, once inserted: what a failure removes again.
        void setNewRun(qint64 rowId) { m_newRun = rowId; }
        Status commit()
        {
            m_done = true;
            if (!m_needed)
                return {};
            Status s = m_cache.cached(QStringLiteral("RELEASE write_run")).exec();
            if (!s)
                rollback();
            return s;
        }

    private:
        void rollback()
        {
            m_cache.m_knownKeys.clear();
            if (m_needed) {
                (void)m_cache.cached(QStringLiteral("ROLLBACK TO write_run")).exec();
                (void)m_cache.cached(QStringLiteral("RELEASE write_run")).exec();
                return;
            }
            if (!m_newRun)
                return;  // the run's own row failed: its statement left nothing behind
            Statement &remove = m_cache.cached(QStringLiteral("DELETE FROM runs WHERE id = ?"));
            remove.bind(1, *m_newRun);
            if (!remove.exec())
                m_cache.abortBatch();
        }
        Cache &m_cache;
        const bool m_needed;
        Status m_begin;
        std::optional<qint64> m_newRun;
        bool m_done = false;
    };

    auto exp = experimentRowId(sourceId, run.experimentId);
    if (!exp)
        return exp.error();
    // A re-sync mostly delivers what the cache has: rewriting it would cost more than reading it.
    const QByteArray digest = runDigest(run, *exp);
    std::optional<qint64> existing;
    {
        Statement &same = cached(QStringLiteral("SELECT id, content_hash FROM runs WHERE source_id = ? AND run_uuid = ?"));
        same.bind(1, sourceId).bind(2, run.runId);
        bool unchanged = false;
        if (same.next()) {
            existing = same.int64(0);
            unchanged = same.blob(1) == digest;
        } else if (same.error()) {
            return *same.error();
        }
        same.reset();
        if (unchanged)
            return {};
    }
    if (changed)
        *changed = true;
    // Rows still pending go first: the pending rows of a run delivered twice must not come after
    // its second version's.
    if (existing)
        if (Status s = flushPendingRuns(); !s)
            return s;
    Savepoint tx(*this, existing.has_value() || !m_inBatch);
    if (!tx.begin())
        return tx.begin();
    Statement &up = cached(QStringLiteral(
        "INSERT INTO runs (source_id, experiment, run_uuid, run_name, user_id, status, start_time, end_time,"
        " artifact_uri, lifecycle_stage, parent_run_uuid, has_history, content_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source_id, run_uuid) DO UPDATE SET experiment = excluded.experiment,"
        " run_name = excluded.run_name, user_id = excluded.user_id, status = excluded.status,"
        " start_time = excluded.start_time, end_time = excluded.end_time, artifact_uri = excluded.artifact_uri,"
        " lifecycle_stage = excluded.lifecycle_stage, parent_run_uuid = excluded.parent_run_uuid,"
        " has_history = max(has_history, excluded.has_history), content_hash = excluded.content_hash"));
    const QString parent = run.parentRunId();
    up.bind(1, sourceId).bind(2, *exp).bind(3, run.runId).bind(4, run.runName).bind(5, run.userId).bind(6, run.status);
    up.bind(7, run.startTime).bind(8, run.endTime).bind(9, run.artifactUri).bind(10, run.lifecycleStage);
    up.bind(11, parent.isEmpty() ? QString() : parent).bind(12, run.hasHistory ? 1 : 0).bindBlob(13, digest);
    if (Status s = up.exec(); !s)
        return s;
    // The upsert keeps the row id of a run the cache had.
    const qint64 id = existing ? *existing : m_db.lastInsertRowId();
    if (!existing)
        tx.setNewRun(id);

    // A new run has no rows to replace: its row id was never used or its rows went with it.
    if (existing && !run.hasHistory) {
        // Cached histories (fetched on demand) stay valid only while the metric did not move on.
        QHash<QString, MetricPoint> before;
        Statement &old = cached(QStringLiteral("SELECT key, value, timestamp, step FROM latest_metrics WHERE run = ?"));
        old.bind(1, id);
        while (old.next())
            before.insert(old.text(0), MetricPoint{old.text(0), old.real(1), old.int64(2), old.int64(3)});
        if (old.error())
            return *old.error();
        for (const auto &m : run.latestMetrics) {
            auto it = before.constFind(m.key);
            if (it == before.cend() || it->step != m.step || it->timestamp != m.timestamp)
                if (Status s = cached(QStringLiteral("DELETE FROM metric_history WHERE run = ? AND key = ?")).bind(1, id).bind(2, m.key).exec(); !s)
                    return s;
        }
    }
    if (existing) {
        for (const QString &sql : {QStringLiteral("DELETE FROM params WHERE run = ?"), QStringLiteral("DELETE FROM run_tags WHERE run = ?"),
                                   QStringLiteral("DELETE FROM latest_metrics WHERE run = ?"),
                                   QStringLiteral("DELETE FROM run_inputs WHERE run = ?"),
                                   QStringLiteral("DELETE FROM run_models WHERE run = ?")}) {
            if (Status s = cached(sql).bind(1, id).exec(); !s)
                return s;
        }
    }
    RunRows rows{id, run.params, run.tags, run.latestMetrics, run.inputs, run.modelInputs, run.modelOutputs};
    // A new run's rows wait for those of the next few new runs: one INSERT for all of them.
    const bool pending = !existing && m_inBatch;
    if (!pending)
        if (Status s = insertRunRows({rows}); !s)
            return s;
    if (run.hasHistory) {
        if (Status s = cached(QStringLiteral("DELETE FROM metric_history WHERE run = ?")).bind(1, id).exec(); !s)
            return s;
        // Group by key, keeping each series in the order the source logged it.
        QHash<QString, QList<MetricPoint>> series;
        QStringList order;
        for (const auto &m : run.history) {
            auto it = series.find(m.key);
            if (it == series.end()) {
                order.append(m.key);
                it = series.insert(m.key, {});
            }
            it->append(m);
        }
        for (const auto &key : std::as_const(order))
            if (Status s = writeSeries(id, key, series.value(key)); !s)
                return s;
    }
    if (Status s = noteRunKeys(*exp, run); !s)
        return s;
    Status committed = tx.commit();
    if (!committed) {
        m_knownKeys.clear();
        return committed;
    }
    if (pending) {
        m_pendingRuns.append(std::move(rows));
        if (m_pendingRuns.size() >= kPendingRuns)
            return flushPendingRuns();
    }
    return {};
}

Status Cache::insertRunRows(const QList<RunRows> &runs)
{
    // `bindRow(st, i, first)` binds row i at bind index `first` onward.
    auto insertRows = [&](RunTable table, const auto &rows, const auto &bindRow) -> Status {
        const qsizetype count = qsizetype(rows.size());
        const int columns = kRunTableColumns[int(table)];
        const qsizetype most = kMaxBoundVariables / columns;
        for (qsizetype start = 0, n = 0; start < count; start += n) {
            // Powers of two: a few statements per table are prepared, whatever the row counts.
            n = qsizetype(std::bit_floor(size_t(std::min(most, count - start))));
            Statement &st = cached(multiRowInsert(table, n));
            for (qsizetype r = 0; r < n; ++r)
                bindRow(st, rows[size_t(start + r)], int(r) * columns + 1);
            if (Status s = st.exec(); !s)
                return s;
        }
        return {};
    };
    // Each table's rows of all the runs, as (run row id, item).
    auto gather = [&runs](auto member) {
        using Item = typename std::remove_reference_t<decltype(RunRows{}.*member)>::value_type;
        std::vector<std::pair<qint64, const Item *>> out;
        for (const RunRows &r : runs)
            for (const Item &item : r.*member)
                out.emplace_back(r.id, &item);
        return out;
    };
    const auto bindKeyValue = [](Statement &st, const std::pair<qint64, const KeyValue *> &row, int c) {
        st.bind(c, row.first).bindKept(c + 1, row.second->key).bindKept(c + 2, row.second->value);
    };
    if (Status s = insertRows(RunTable::Params, gather(&RunRows::params), bindKeyValue); !s)
        return s;
    if (Status s = insertRows(RunTable::Tags, gather(&RunRows::tags), bindKeyValue); !s)
        return s;
    const auto bindMetric = [](Statement &st, const std::pair<qint64, const MetricPoint *> &row, int c) {
        const MetricPoint &m = *row.second;
        st.bind(c, row.first).bindKept(c + 1, m.key).bind(c + 2, m.value).bind(c + 3, m.timestamp).bind(c + 4, m.step);
    };
    if (Status s = insertRows(RunTable::LatestMetrics, gather(&RunRows::latestMetrics), bindMetric); !s)
        return s;
    const auto bindInput = [](Statement &st, const std::pair<qint64, const DatasetInput *> &row, int c) {
        const DatasetInput &in = *row.second;
        st.bind(c, row.first).bindKept(c + 1, in.name).bindKept(c + 2, in.digest).bindKept(c + 3, in.sourceType);
        st.bindKept(c + 4, in.source).bindKept(c + 5, in.schema).bindKept(c + 6, in.profile);
        st.bindKept(c + 7, in.context);
    };
    if (Status s = insertRows(RunTable::Inputs, gather(&RunRows::inputs), bindInput); !s)
        return s;
    for (const RunRows &r : runs) {
        for (const auto *list : {&r.modelInputs, &r.modelOutputs}) {
            const int output = list == &r.modelOutputs ? 1 : 0;
            for (const ModelIo &io : *list) {
                Statement &st = cached(QStringLiteral("INSERT INTO run_models VALUES (?, ?, ?, ?)"));
                st.bind(1, r.id).bind(2, output).bind(3, io.modelId).bind(4, io.step);
                if (Status s = st.exec(); !s)
                    return s;
            }
        }
    }
    return {};
}

Status Cache::flushPendingRuns()
{
    if (m_pendingRuns.isEmpty())
        return {};
    const QList<RunRows> runs = std::exchange(m_pendingRuns, {});
    const Status s = insertRunRows(runs);
    if (s)
        return s;
    // The runs go again whole, rows inserted before the failure by ON DELETE CASCADE. If even
    // that fails, the whole batch is rolled back.
    m_knownKeys.clear();
    for (const RunRows &r : runs) {
        Statement &remove = cached(QStringLiteral("DELETE FROM runs WHERE id = ?"));
        remove.bind(1, r.id);
        if (!remove.exec()) {
            abortBatch();
            break;
        }
    }
    return s;
}

Status Cache::noteRunKeys(qint64 experimentRowId, const Run &run)
{
    auto known = m_knownKeys.find(experimentRowId);
    if (known == m_knownKeys.end()) {
        known = m_knownKeys.insert(experimentRowId, {});
        Statement &st = cached(QStringLiteral("SELECT kind, key FROM experiment_keys WHERE experiment = ?"));
        st.bind(1, experimentRowId);
        while (st.next())
            (*known)[st.int64(0) == 0 ? 0 : 1].insert(st.text(1));
        if (st.error()) {
            const Error e = *st.error();
            m_knownKeys.erase(known);
            return e;
        }
    }
    Statement &ins = cached(QStringLiteral("INSERT OR IGNORE INTO experiment_keys VALUES (?, ?, ?)"));
    auto note = [&](int kind, const QString &key) -> Status {
        if ((*known)[kind].contains(key))
            return {};
        ins.bind(1, experimentRowId).bind(2, kind).bind(3, key);
        if (Status s = ins.exec(); !s)
            return s;
        (*known)[kind].insert(key);
        return {};
    };
    for (const MetricPoint &m : run.latestMetrics)
        if (Status s = note(0, m.key); !s)
            return s;
    for (const KeyValue &p : run.params)
        if (Status s = note(1, p.key); !s)
            return s;
    return {};
}

Status Cache::rebuildRunKeys(qint64 sourceId)
{
    m_knownKeys.clear();
    const QVariantList b{sourceId};
    for (const QString &sql :
         {QStringLiteral("DELETE FROM experiment_keys WHERE experiment IN (SELECT id FROM experiments WHERE source_id = ?)"),
          QStringLiteral("INSERT OR IGNORE INTO experiment_keys SELECT DISTINCT r.experiment, 0, m.key"
                         " FROM latest_metrics m JOIN runs r ON r.id = m.run WHERE r.source_id = ?"),
          QStringLiteral("INSERT OR IGNORE INTO experiment_keys SELECT DISTINCT r.experiment, 1, p.key"
                         " FROM params p JOIN runs r ON r.id = p.run WHERE r.source_id = ?")}) {
        if (Status s = execBound(m_db, sql, b); !s)
            return s;
    }
    return {};
}

Status Cache::writeRegisteredModel(qint64 sourceId, const RegisteredModel &m, QList<RegistryChange> *changes)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return tx.begin();

    // The cached state, to tell what changed since the last sync.
    std::optional<RegisteredModel> old;
    if (auto prev = registeredModel(m.name, sourceId))
        old = *prev;
    else if (prev.error().category != ErrorCategory::NotFound)
        return prev.error();

    Statement up = m_db.prepare(QStringLiteral(
        "INSERT INTO registered_models (source_id, name, creation_time, last_updated_time, description)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, name) DO UPDATE SET creation_time = excluded.creation_time,"
        " last_updated_time = excluded.last_updated_time, description = excluded.description"));
    up.bind(1, sourceId).bind(2, m.name).bind(3, m.creationTime).bind(4, m.lastUpdatedTime).bind(5, m.description);
    if (Status s = up.exec(); !s)
        return s;
    Statement sel = m_db.prepare(QStringLiteral("SELECT id FROM registered_models WHERE source_id = ? AND name = ?"));
    sel.bind(1, sourceId).bind(2, m.name);
    if (!sel.next())
        return sel.error() ? *sel.error() : m_db.errorHere();
    const qint64 modelId = sel.int64(0);

    for (const char *table : {"model_tags", "model_aliases"})
        if (Status s = m_db.exec(QStringLiteral("DELETE FROM %1 WHERE model = %2").arg(QLatin1String(table)).arg(modelId)); !s)
            return s;
    if (Status s = insertKeyValues(m_db, cached(QStringLiteral("INSERT INTO model_tags VALUES (?, ?, ?)")), modelId, m.tags); !s)
        return s;
    {
        Statement st = m_db.prepare(QStringLiteral("INSERT INTO model_aliases VALUES (?, ?, ?)"));
        for (const auto &a : m.aliases) {
            st.bind(1, modelId).bind(2, a.alias).bind(3, a.version);
            if (Status s = st.exec(); !s)
                return s;
        }
    }
    // Versions the source no longer has.
    {
        QVariantList keep;
        QString marks;
        for (const auto &v : m.versions) {
            keep.append(v.version);
            marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(",?");
        }
        QVariantList binds{modelId};
        binds += keep;
        const QString sql = keep.isEmpty() ? QStringLiteral("DELETE FROM model_versions WHERE model = ?")
                                           : QStringLiteral("DELETE FROM model_versions WHERE model = ? AND version NOT IN (%1)").arg(marks);
        if (Status s = execBound(m_db, sql, binds); !s)
            return s;
    }
    Statement vup = m_db.prepare(QStringLiteral(
        "INSERT INTO model_versions (model, version, creation_time, last_updated_time, current_stage, description,"
        " user_id, source, run_uuid, status, status_message, run_link, model_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (model, version) DO UPDATE SET creation_time = excluded.creation_time,"
        " last_updated_time = excluded.last_updated_time, current_stage = excluded.current_stage,"
        " description = excluded.description, user_id = excluded.user_id, source = excluded.source,"
        " run_uuid = excluded.run_uuid, status = excluded.status, status_message = excluded.status_message,"
        " run_link = excluded.run_link, model_id = excluded.model_id"));
    Statement vsel = m_db.prepare(QStringLiteral("SELECT id FROM model_versions WHERE model = ? AND version = ?"));
    for (const auto &v : m.versions) {
        vup.bind(1, modelId).bind(2, v.version).bind(3, v.creationTime).bind(4, v.lastUpdatedTime);
        vup.bind(5, v.currentStage).bind(6, v.description).bind(7, v.userId).bind(8, v.source).bind(9, v.runId);
        vup.bind(10, v.status).bind(11, v.statusMessage).bind(12, v.runLink).bind(13, v.modelId);
        if (Status s = vup.exec(); !s)
            return s;
        vsel.reset();
        vsel.bind(1, modelId).bind(2, v.version);
        if (!vsel.next())
            return vsel.error() ? *vsel.error() : m_db.errorHere();
        const qint64 vid = vsel.int64(0);
        vsel.reset();
        if (Status s = execBound(m_db, QStringLiteral("DELETE FROM version_tags WHERE version = ?"), {vid}); !s)
            return s;
        if (Status s = insertKeyValues(m_db, cached(QStringLiteral("INSERT INTO version_tags VALUES (?, ?, ?)")), vid, v.tags); !s)
            return s;
    }

    if (changes && old) {
        auto change = [&](qint64 version, const QString &field, const QString &o, const QString &n) {
            changes->append(RegistryChange{m.name, version, field, o, n, 0, 0});
        };
        if (old->description != m.description)
            change(0, QStringLiteral("description"), old->description, m.description);
        QHash<qint64, const ModelVersion *> before;
        for (const auto &v : old->versions)
            before.insert(v.version, &v);
        for (const auto &v : m.versions) {
            const ModelVersion *o = before.value(v.version);
            before.remove(v.version);
            if (!o) {
                change(v.version, QStringLiteral("registered"), QString(), v.currentStage);
                continue;
            }
            if (o->currentStage != v.currentStage)
                change(v.version, QStringLiteral("stage"), o->currentStage, v.currentStage);
            if (o->description != v.description)
                change(v.version, QStringLiteral("description"), o->description, v.description);
            QHash<QString, QString> ot;
            for (const auto &t : o->tags)
                ot.insert(t.key, t.value);
            for (const auto &t : v.tags) {
                auto it = ot.find(t.key);
                if (it == ot.end() || *it != t.value)
                    change(v.version, QStringLiteral("tag:") + t.key, it == ot.end() ? QString() : *it, t.value);
                if (it != ot.end())
                    ot.erase(it);
            }
            for (auto it = ot.cbegin(); it != ot.cend(); ++it)
                change(v.version, QStringLiteral("tag:") + it.key(), it.value(), QString());
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            change(it.key(), QStringLiteral("deleted"), it.value()->currentStage, QString());
        QHash<QString, qint64> oa;
        for (const auto &a : old->aliases)
            oa.insert(a.alias, a.version);
        for (const auto &a : m.aliases) {
            const qint64 was = oa.take(a.alias);
            if (was != a.version)
                change(a.version, QStringLiteral("alias:") + a.alias, was ? QString::number(was) : QString(),
                       QString::number(a.version));
        }
        for (auto it = oa.cbegin(); it != oa.cend(); ++it)
            change(it.value(), QStringLiteral("alias:") + it.key(), QString::number(it.value()), QString());
    }
    return tx.commit();
}

Status Cache::removeMissing(qint64 sourceId, const QSet<QString> &experimentIds, const std::optional<QSet<QString>> &runIds,
                            const QSet<QString> &modelNames, const QSet<QString> &loggedModelIds,
                            QList<RegistryChange> *changes)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return tx.begin();
    if (Status s = m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS keep_ids (kind INTEGER, id TEXT);"
                                            "DELETE FROM keep_ids;"));
        !s)
        return s;
    Statement ins = m_db.prepare(QStringLiteral("INSERT INTO keep_ids VALUES (?, ?)"));
    auto add = [&](int kind, const QSet<QString> &set) -> Status {
        for (const auto &id : set) {
            ins.bind(1, kind).bind(2, id);
            if (Status s = ins.exec(); !s)
                return s;
        }
        return {};
    };
    if (Status s = add(0, experimentIds); !s)
        return s;
    if (runIds)
        if (Status s = add(1, *runIds); !s)
            return s;
    if (Status s = add(2, modelNames); !s)
        return s;
    if (Status s = add(3, loggedModelIds); !s)
        return s;
    if (changes) {
        Statement st = m_db.prepare(QStringLiteral(
            "SELECT name FROM registered_models WHERE source_id = ? AND name NOT IN (SELECT id FROM keep_ids WHERE kind = 2)"));
        st.bind(1, sourceId);
        while (st.next())
            changes->append(RegistryChange{st.text(0), 0, QStringLiteral("deleted"), QString(), QString(), 0, 0});
    }
    const QVariantList b{sourceId};
    if (runIds) {
        if (Status s = execBound(m_db, QStringLiteral("DELETE FROM runs WHERE source_id = ? AND run_uuid NOT IN (SELECT id FROM keep_ids WHERE kind = 1)"), b); !s)
            return s;
        // Keys only the removed runs had would stay as empty columns.
        auto removed = m_db.scalar(QStringLiteral("SELECT changes()"));
        if (!removed)
            return removed.error();
        if (removed->toLongLong() > 0)
            if (Status s = rebuildRunKeys(sourceId); !s)
                return s;
    }
    for (const QString &sql :
         {QStringLiteral("DELETE FROM experiments WHERE source_id = ? AND experiment_id NOT IN (SELECT id FROM keep_ids WHERE kind = 0)"),
          QStringLiteral("DELETE FROM registered_models WHERE source_id = ? AND name NOT IN (SELECT id FROM keep_ids WHERE kind = 2)"),
          QStringLiteral("DELETE FROM logged_models WHERE source_id = ? AND model_id NOT IN (SELECT id FROM keep_ids WHERE kind = 3)")}) {
        if (Status s = execBound(m_db, sql, b); !s)
            return s;
    }
    if (Status s = m_db.exec(QStringLiteral("DELETE FROM keep_ids")); !s)
        return s;
    return tx.commit();
}

// ---------------------------------------------------------------------------------------------- reading

Result<QList<ExperimentInfo>> Cache::experiments(std::optional<qint64> sourceId, bool includeDeleted)
{
    QString sql = QStringLiteral(
        "SELECT e.id, e.source_id, e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time,"
        " e.last_update_time,"
        " (SELECT count(*) FROM runs r WHERE r.experiment = e.id AND r.lifecycle_stage = 'active'),"
        " (SELECT count(*) FROM runs r WHERE r.experiment = e.id AND r.lifecycle_stage <> 'active')"
        " FROM experiments e WHERE (?1 IS NULL OR e.source_id = ?1) AND (?2 OR e.lifecycle_stage = 'active')"
        " ORDER BY e.source_id, CAST(e.experiment_id AS INTEGER), e.experiment_id");
    Statement st = m_db.prepare(sql);
    if (!st.isValid())
        return m_db.errorHere();
    st.bind(1, sourceId).bind(2, includeDeleted ? 1 : 0);
    QList<ExperimentInfo> out;
    QList<qint64> rowIds;
    while (st.next()) {
        ExperimentInfo info;
        rowIds.append(st.int64(0));
        info.sourceId = st.int64(1);
        info.experiment.experimentId = st.text(2);
        info.experiment.name = st.text(3);
        info.experiment.artifactLocation = st.text(4);
        info.experiment.lifecycleStage = st.text(5);
        info.experiment.creationTime = st.int64(6);
        info.experiment.lastUpdateTime = st.int64(7);
        info.runCount = st.int64(8);
        info.deletedRunCount = st.int64(9);
        out.append(info);
    }
    if (st.error())
        return *st.error();
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < rowIds.size(); ++i)
        index.insert(rowIds[i], i);
    Status s = forIdChunks(m_db, QStringLiteral("SELECT experiment, key, value FROM experiment_tags WHERE experiment IN (%1) ORDER BY experiment, key"),
                           rowIds, [&](const Statement &r) {
                               out[index.value(r.int64(0))].experiment.tags.append({r.text(1), r.text(2)});
                           });
    if (!s)
        return s.error();
    return out;
}

namespace {

/// The WHERE conditions of a RunQuery over `runs r JOIN experiments e`, each starting " AND".
Result<SqlFragment> runQueryWhere(const RunQuery &q)
{
    SqlFragment out;
    QString &sql = out.sql;
    QVariantList &binds = out.binds;
    if (q.sourceId) {
        sql += QStringLiteral(" AND r.source_id = ?");
        binds.append(*q.sourceId);
    }
    if (!q.experiments.isEmpty()) {
        // A subquery, so that SQLite walks the experiment's runs by index (experiment, start_time)
        // instead of every run of the source.
        QString any;
        for (const auto &e : q.experiments) {
            any += any.isEmpty() ? QStringLiteral("x.experiment_id = ? OR x.name = ?")
                                 : QStringLiteral(" OR x.experiment_id = ? OR x.name = ?");
            binds << e << e;
        }
        sql += QStringLiteral(" AND r.experiment IN (SELECT x.id FROM experiments x WHERE ") + any + QStringLiteral(")");
    }
    if (!q.runIds.isEmpty()) {
        QString marks;
        for (const auto &id : q.runIds) {
            marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(",?");
            binds << id;
        }
        sql += QStringLiteral(" AND r.run_uuid IN (") + marks + QStringLiteral(")");
    }
    if (!q.parentRunId.isEmpty()) {
        sql += QStringLiteral(" AND (r.run_uuid = ? OR r.parent_run_uuid = ?)");
        binds << q.parentRunId << q.parentRunId;
    }
    if (q.onlyDeleted)
        sql += QStringLiteral(" AND r.lifecycle_stage <> 'active'");
    else if (!q.includeDeleted)
        sql += QStringLiteral(" AND r.lifecycle_stage = 'active'");
    if (!q.filter.trimmed().isEmpty()) {
        auto where = filterToSql(q.filter);
        if (!where)
            return where.error();
        sql += QStringLiteral(" AND (") + where->sql + QStringLiteral(")");
        binds += where->binds;
    }
    return out;
}

} // namespace

Result<QList<RunRow>> Cache::runs(const RunQuery &q)
{
    QString sql = QStringLiteral(
        "SELECT r.id, r.source_id, r.run_uuid, r.run_name, r.user_id, r.status, r.start_time, r.end_time,"
        " r.artifact_uri, r.lifecycle_stage, e.experiment_id"
        " FROM runs r JOIN experiments e ON e.id = r.experiment WHERE 1");
    auto where = runQueryWhere(q);
    if (!where)
        return where.error();
    sql += where->sql;
    QVariantList binds = where->binds;
    auto order = orderByToSql(q.orderBy);
    if (!order)
        return order.error();
    sql += QStringLiteral(" ORDER BY ") + order->sql;
    binds += order->binds;
    if (q.limit >= 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds.append(q.limit);
    }
    Statement st = m_db.prepare(sql);
    if (!st.isValid())
        return m_db.errorHere();
    for (int i = 0; i < binds.size(); ++i)
        st.bindVariant(i + 1, binds[i]);
    QList<RunRow> rows;
    while (st.next()) {
        RunRow row;
        row.rowId = st.int64(0);
        row.sourceId = st.int64(1);
        Run &r = row.run;
        r.runId = st.text(2);
        r.runName = st.text(3);
        r.userId = st.text(4);
        r.status = st.text(5);
        r.startTime = st.int64(6);
        if (!st.isNull(7))
            r.endTime = st.int64(7);
        r.artifactUri = st.text(8);
        r.lifecycleStage = st.text(9);
        r.experimentId = st.text(10);
        rows.append(std::move(row));
    }
    if (st.error())
        return *st.error();
    if (q.withData)
        if (Status s = loadRunData(rows); !s)
            return s.error();
    return rows;
}

namespace {

// The columns of a RunSummary; `p` is the parent run, LEFT JOINed on source and uuid, so that a
// filter that hides the parent still names it (by id when the cache lacks it).
const QString kSummaryColumns = QStringLiteral(
    "r.id, r.run_uuid, r.run_name, r.user_id, r.status, r.start_time, r.end_time, r.lifecycle_stage,"
    " r.parent_run_uuid, coalesce(nullif(p.run_name, ''), r.parent_run_uuid)");
const QString kParentJoin =
    QStringLiteral(" LEFT JOIN runs p ON r.parent_run_uuid IS NOT NULL AND p.source_id = r.source_id AND p.run_uuid = r.parent_run_uuid");

/// Reads RunSummary rows of a statement over kSummaryColumns.
struct SummaryReader {
    // Statuses and users repeat across thousands of runs: share one string each.
    QHash<QString, QString> shared;
    QString intern(QString &&text)
    {
        auto it = shared.constFind(text);
        if (it == shared.cend())
            it = shared.insert(text, text);
        return *it;
    }
    RunSummary read(const Statement &st)
    {
        RunSummary r;
        r.rowId = st.int64(0);
        r.runId = st.text(1);
        r.runName = st.text(2);
        r.userId = intern(st.text(3));
        r.status = intern(st.text(4));
        r.startTime = st.int64(5);
        if (!st.isNull(6))
            r.endTime = st.int64(6);
        r.deleted = st.text(7) == kDeleted;
        r.parentRunId = st.text(8);
        r.parentName = st.text(9);
        return r;
    }
};

} // namespace

Result<QList<RunSummary>> Cache::runSummaries(const RunQuery &q)
{
    auto where = runQueryWhere(q);
    if (!where)
        return where.error();
    const QString sql = u"SELECT "_s + kSummaryColumns + u" FROM runs r JOIN experiments e ON e.id = r.experiment"_s
        + kParentJoin + u" WHERE 1"_s + where->sql + u" ORDER BY r.start_time DESC, r.id"_s;
    Statement st = m_db.prepare(sql);
    if (!st.isValid())
        return m_db.errorHere();
    for (int i = 0; i < where->binds.size(); ++i)
        st.bindVariant(i + 1, where->binds[i]);
    QList<RunSummary> out;
    SummaryReader reader;
    while (st.next())
        out.append(reader.read(st));
    if (st.error())
        return *st.error();
    return out;
}

Result<QHash<qint64, RunSummary>> Cache::runSummariesById(const QList<qint64> &runRowIds)
{
    QHash<qint64, RunSummary> out;
    out.reserve(runRowIds.size());
    SummaryReader reader;
    Status s = forIdChunks(m_db, u"SELECT "_s + kSummaryColumns + u" FROM runs r"_s + kParentJoin + u" WHERE r.id IN (%1)"_s,
                           runRowIds, [&](const Statement &r) {
                               RunSummary summary = reader.read(r);
                               out.insert(summary.rowId, std::move(summary));
                           });
    if (!s)
        return s.error();
    return out;
}

Result<QList<RunOrderKey>> Cache::runOrder(const RunQuery &q)
{
    // A filter on metrics, params and tags only: the experiment's runs from the runs_order index,
    // narrowed in memory by the run sets of the conditions, each read from its (key, value)
    // index. SQLite's "r.id IN (…)" builds a b-tree of the matches and looks every run up, 120 ms
    // when 90,000 of 100,000 runs match; this was about 25 ms, and 2–3 ms since the unfiltered
    // order is remembered between two filters (OrderMemo).
    if (!q.filter.trimmed().isEmpty()) {
        auto sets = filterToRunSets(q.filter);
        if (!sets)
            return sets.error();
        if (*sets)
            return runOrderNarrowed(q, **sets);
    } else {
        return runOrderNarrowed(q, {});
    }
    auto where = runQueryWhere(q);
    if (!where)
        return where.error();
    Statement st = m_db.prepare(u"SELECT r.id, r.start_time, r.parent_run_uuid IS NOT NULL"
                                " FROM runs r JOIN experiments e ON e.id = r.experiment WHERE 1"_s
                                + where->sql + u" ORDER BY r.start_time DESC, r.id"_s);
    if (!st.isValid())
        return m_db.errorHere();
    for (int i = 0; i < where->binds.size(); ++i)
        st.bindVariant(i + 1, where->binds[i]);
    QList<RunOrderKey> out;
    while (st.next())
        out.append(RunOrderKey{st.int64(0), st.int64(1), st.int64(2) != 0});
    if (st.error())
        return *st.error();
    return out;
}

std::pair<qint64, qint64> Cache::dataStamp()
{
    Statement &st = cached(u"PRAGMA data_version"_s);
    const qint64 version = st.next() ? st.int64(0) : -1;
    st.reset();
    return {version, m_db.totalChanges()};
}

namespace {

/// Gives back the room reserved for more runs than a list got (see runOrderNarrowed()).
void squeezeIfSparse(QList<RunOrderKey> &keys)
{
    if (keys.capacity() > 2 * keys.size() + 1024)
        keys.squeeze();
}

} // namespace

Result<QList<RunOrderKey>> Cache::runOrderNarrowed(const RunQuery &q, const QList<RunSetSql> &sets)
{
    RunQuery base = q;
    base.filter.clear();
    auto where = runQueryWhere(base);
    if (!where)
        return where.error();
    const QString sql = u"SELECT r.id, r.start_time, r.parent_run_uuid IS NOT NULL, r.start_time IS NULL"
                        " FROM runs r WHERE 1"_s
        + where->sql;
    const std::pair<qint64, qint64> stamp = dataStamp();
    if (!m_orderMemo || m_orderMemo->sql != sql || m_orderMemo->binds != where->binds || m_orderMemo->stamp != stamp) {
        m_orderMemo.reset();
        Statement st = m_db.prepare(sql);
        if (!st.isValid())
            return m_db.errorHere();
        for (int i = 0; i < where->binds.size(); ++i)
            st.bindVariant(i + 1, where->binds[i]);
        // Room for every run of the cache: capacity never touched costs no memory, while growing
        // by doubling writes twice the final size into fresh pages (each a page fault, 11 µs on
        // the EPYC VM; 100,000 runs were 3,000 faults of a cold start).
        QList<RunOrderKey> keys;
        if (auto most = m_db.scalar(u"SELECT max(id) FROM runs"_s); most && most->toLongLong() > 0)
            keys.reserve(qsizetype(std::min<qint64>(most->toLongLong(), kMaxReservedOrderRows)));
        QList<RunOrderKey> noStart; // runs without a start time, which go last: usually none
        qint64 maxId = 0;
        while (st.next()) {
            const RunOrderKey key { st.int64(0), st.int64(1), st.int64(2) != 0 };
            (st.int64(3) != 0 ? noStart : keys).append(key);
            maxId = std::max(maxId, key.rowId);
        }
        if (st.error())
            return *st.error();
        // ORDER BY r.start_time DESC, r.id, as the general query sorts: NULL start times last.
        const auto newestFirst = [](const RunOrderKey &a, const RunOrderKey &b) {
            return a.startTime != b.startTime ? a.startTime > b.startTime : a.rowId < b.rowId;
        };
        // The runs_order index gives one experiment's runs by start time, oldest first: reversed,
        // that is the order unless start times tie or several sources or experiments mix.
        std::reverse(keys.begin(), keys.end());
        if (!std::is_sorted(keys.cbegin(), keys.cend(), newestFirst))
            std::sort(keys.begin(), keys.end(), newestFirst);
        std::sort(noStart.begin(), noStart.end(),
            [](const RunOrderKey &a, const RunOrderKey &b) { return a.rowId < b.rowId; });
        keys += noStart;
        squeezeIfSparse(keys);
        OrderMemo memo { sql, where->binds, stamp, std::move(keys), maxId };
        m_orderMemo = std::move(memo);
    }

    const QList<RunOrderKey> &all = m_orderMemo->rows;
    const qint64 maxId = m_orderMemo->maxId;
    // Runs in every set (or in none, for a complement), marked per row id.
    std::vector<char> keep;
    for (const RunSetSql &set : sets) {
        std::vector<char> listed(size_t(maxId) + 1, 0);
        Statement runs = m_db.prepare(set.select.sql);
        if (!runs.isValid())
            return m_db.errorHere();
        for (int i = 0; i < set.select.binds.size(); ++i)
            runs.bindVariant(i + 1, set.select.binds[i]);
        while (runs.next()) {
            const qint64 id = runs.int64(0);
            if (id >= 0 && id <= maxId)
                listed[size_t(id)] = 1;
        }
        if (runs.error())
            return *runs.error();
        if (set.complement)
            for (char &c : listed)
                c = !c;
        if (keep.empty()) {
            keep = std::move(listed);
        } else {
            for (size_t i = 0; i < keep.size(); ++i)
                keep[i] = char(keep[i] && listed[i]);
        }
    }
    if (sets.isEmpty())
        return all; // shared with the memo, not copied
    QList<RunOrderKey> out;
    out.reserve(all.size()); // untouched room is free; see above
    for (const RunOrderKey &r : all)
        if (keep[size_t(r.rowId)])
            out.append(r);
    squeezeIfSparse(out);
    return out;
}

Result<QList<RunGroup>> Cache::runGroups(std::optional<qint64> sourceId, bool includeDeleted)
{
    Statement st = m_db.prepare(
        QStringLiteral("SELECT c.source_id, e.experiment_id, c.parent_run_uuid, count(*), p.run_name, p.parent_run_uuid"
                       // Only the nested runs: left to itself SQLite scanned every run by (source, uuid) and
                       // looked each one up, 55 ms and 24 MB of page cache for 100,000 runs at each start.
                       " FROM runs c INDEXED BY runs_parent JOIN experiments e ON e.id = c.experiment"
                       " LEFT JOIN runs p ON p.source_id = c.source_id AND p.run_uuid = c.parent_run_uuid"
                       " WHERE c.parent_run_uuid IS NOT NULL AND (?1 IS NULL OR c.source_id = ?1)"
                       " AND (?2 OR c.lifecycle_stage = 'active')"
                       " GROUP BY c.source_id, c.experiment, c.parent_run_uuid"
                       " ORDER BY c.source_id, c.experiment, p.run_name, c.parent_run_uuid"));
    if (!st.isValid())
        return m_db.errorHere();
    st.bind(1, sourceId).bind(2, includeDeleted ? 1 : 0);
    QList<RunGroup> out;
    while (st.next())
        out.append(RunGroup{st.int64(0), st.text(1), st.text(2), st.text(4), st.text(5), st.int64(3)});
    if (st.error())
        return *st.error();
    return out;
}

Status Cache::loadRunData(QList<RunRow> &rows)
{
    QList<qint64> ids;
    ids.reserve(rows.size());
    QHash<qint64, qsizetype> index;
    index.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        ids.append(rows[i].rowId);
        index.insert(rows[i].rowId, i);
    }
    KeyInterner key;
    Status s = forIdChunks(m_db, QStringLiteral("SELECT run, key, value FROM params WHERE run IN (%1) ORDER BY run, key"), ids,
                           [&](const Statement &r) { rows[index.value(r.int64(0))].run.params.append({key(r.utf8(1)), r.text(2)}); });
    if (s)
        s = forIdChunks(m_db, QStringLiteral("SELECT run, key, value FROM run_tags WHERE run IN (%1) ORDER BY run, key"), ids,
                        [&](const Statement &r) { rows[index.value(r.int64(0))].run.tags.append({key(r.utf8(1)), r.text(2)}); });
    if (s)
        s = forIdChunks(m_db,
                        QStringLiteral("SELECT run, key, value, timestamp, step FROM latest_metrics WHERE run IN (%1) ORDER BY run, key"),
                        ids, [&](const Statement &r) {
                            rows[index.value(r.int64(0))].run.latestMetrics.append(
                                MetricPoint{key(r.utf8(1)), r.real(2), r.int64(3), r.int64(4)});
                        });
    if (s)
        s = forIdChunks(m_db,
                        QStringLiteral("SELECT run, name, digest, source_type, source, schema, profile, context FROM run_inputs"
                                       " WHERE run IN (%1) ORDER BY run, rowid"),
                        ids, [&](const Statement &r) {
                            rows[index.value(r.int64(0))].run.inputs.append(DatasetInput{
                                r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)});
                        });
    if (s)
        s = forIdChunks(m_db, QStringLiteral("SELECT run, output, model_id, step FROM run_models WHERE run IN (%1) ORDER BY run, rowid"),
                        ids, [&](const Statement &r) {
                            Run &run = rows[index.value(r.int64(0))].run;
                            (r.int64(1) ? run.modelOutputs : run.modelInputs).append(ModelIo{r.text(2), r.int64(3)});
                        });
    return s;
}

Result<QList<RunRow>> Cache::runsByIds(const QStringList &runIds, std::optional<qint64> sourceId)
{
    RunQuery query;
    query.sourceId = sourceId;
    query.runIds = runIds;
    query.includeDeleted = true;
    auto rows = runs(query);
    if (!rows)
        return rows.error();
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < rows->size(); ++i)
        byId.insert(rows->at(i).run.runId, i);  // with several sources, any one of them
    QList<RunRow> out;
    QStringList missing;
    QSet<QString> seen;
    for (const QString &id : runIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        auto it = byId.constFind(id);
        if (it == byId.cend())
            missing.append(id);
        else
            out.append(rows->at(*it));
    }
    if (!missing.isEmpty())
        return makeError(ErrorCategory::NotFound,
                         missing.size() == 1 ? Tr::tr("run %1 is not in the cache").arg(missing.first())
                                             : Tr::tr("runs %1 are not in the cache").arg(missing.join(QStringLiteral(", "))),
                         m_db.path());
    return out;
}

Result<RunRow> Cache::run(const QString &runId, std::optional<qint64> sourceId)
{
    Statement st = m_db.prepare(QStringLiteral(
        "SELECT r.source_id FROM runs r JOIN sources s ON s.id = r.source_id WHERE r.run_uuid = ? AND (?2 IS NULL OR r.source_id = ?2)"
        " ORDER BY s.last_sync_ms DESC LIMIT 1"));
    st.bind(1, runId).bind(2, sourceId);
    if (!st.next())
        return st.error() ? *st.error() : makeError(ErrorCategory::NotFound, Tr::tr("no run with this id in the cache"), runId);
    RunQuery q;
    q.sourceId = st.int64(0);
    q.runIds = {runId};
    q.includeDeleted = true;
    auto rows = runs(q);
    if (!rows)
        return rows.error();
    if (!rows->isEmpty())
        return rows->first();
    return makeError(ErrorCategory::NotFound, Tr::tr("no run with this id in the cache"), runId);
}

Status Cache::writeSeries(qint64 runRowId, const QString &key, const QList<MetricPoint> &points)
{
    QByteArray blob;
    blob.resize(points.size() * kPointBytes);
    char *p = blob.data();
    for (const auto &m : points) {
        const qint64 step = qToLittleEndian(m.step), ts = qToLittleEndian(m.timestamp);
        quint64 bits;
        std::memcpy(&bits, &m.value, sizeof bits);
        bits = qToLittleEndian(bits);
        std::memcpy(p, &step, 8);
        std::memcpy(p + 8, &ts, 8);
        std::memcpy(p + 16, &bits, 8);
        p += kPointBytes;
    }
    Statement &st = cached(QStringLiteral("INSERT OR REPLACE INTO metric_history (run, key, count, points) VALUES (?, ?, ?, ?)"));
    st.bind(1, runRowId).bind(2, key).bind(3, qint64(points.size())).bindBlob(4, blob);
    return st.exec();
}

Result<QList<MetricPoint>> Cache::history(qint64 runRowId, const QString &key)
{
    Statement &st = cached(QStringLiteral("SELECT points FROM metric_history WHERE run = ? AND key = ?"));
    st.bind(1, runRowId).bind(2, key);
    QList<MetricPoint> out;
    if (st.next()) {
        const QByteArray blob = st.blob(0);
        const qsizetype n = blob.size() / kPointBytes;
        out.reserve(n);
        const char *p = blob.constData();
        for (qsizetype i = 0; i < n; ++i, p += kPointBytes) {
            qint64 step, ts;
            quint64 bits;
            std::memcpy(&step, p, 8);
            std::memcpy(&ts, p + 8, 8);
            std::memcpy(&bits, p + 16, 8);
            bits = qFromLittleEndian(bits);
            double v;
            std::memcpy(&v, &bits, 8);
            out.append(MetricPoint{key, v, qFromLittleEndian(ts), qFromLittleEndian(step)});
        }
        // Logged order is kept on disk; callers get MLflow's get-history order.
        sortSeries(out);
    }
    if (st.error())
        return *st.error();
    st.reset();
    return out;
}

Result<QStringList> Cache::metricKeys(const QList<qint64> &runRowIds)
{
    QSet<QString> keys;
    Status s = forIdChunks(m_db, QStringLiteral("SELECT DISTINCT key FROM latest_metrics WHERE run IN (%1)"), runRowIds,
                           [&](const Statement &r) { keys.insert(r.text(0)); });
    if (!s)
        return s.error();
    QStringList out(keys.cbegin(), keys.cend());
    out.sort();
    return out;
}

Result<QList<Cache::SeriesRow>> Cache::metricSeries(qint64 sourceId, const QSet<QString> &runIds)
{
    const QStringList ids(runIds.cbegin(), runIds.cend());
    QList<SeriesRow> out;
    KeyInterner keyOf;
    for (qsizetype start = 0; start < ids.size(); start += kIdChunk) {
        const qsizetype n = std::min(kIdChunk, ids.size() - start);
        // UNIQUE (source_id, run_uuid) finds each run; (run, key) is latest_metrics' primary key.
        Statement st = m_db.prepare(u"SELECT m.run, m.key, m.step FROM runs r JOIN latest_metrics m ON m.run = r.id "
                                    "WHERE r.source_id = ? AND r.run_uuid IN (%1)"_s.arg(idMarks(n)));
        if (!st.isValid())
            return m_db.errorHere();
        st.bind(1, sourceId);
        for (qsizetype i = 0; i < n; ++i)
            st.bind(int(i + 2), ids[start + i]);
        while (st.next())
            out.append({ st.int64(0), keyOf(st.utf8(1)), st.int64(2) });
        if (st.error())
            return *st.error();
    }
    // run then key, across the statements
    std::sort(out.begin(), out.end(), [](const SeriesRow &a, const SeriesRow &b) {
        return a.runRowId != b.runRowId ? a.runRowId < b.runRowId : a.key < b.key;
    });
    return out;
}

Result<RunKeys> Cache::runKeys(const RunQuery &q)
{
    QSet<QString> keys[2];
    if (!q.runIds.isEmpty()) {
        RunQuery byId;
        byId.sourceId = q.sourceId;
        byId.runIds = q.runIds;
        byId.includeDeleted = true;
        byId.withData = false;
        auto rows = runs(byId);
        if (!rows)
            return rows.error();
        QList<qint64> ids;
        for (const RunRow &r : std::as_const(*rows))
            ids.append(r.rowId);
        Status s = forIdChunks(m_db, QStringLiteral("SELECT DISTINCT key FROM latest_metrics WHERE run IN (%1)"), ids,
                               [&](const Statement &r) { keys[0].insert(r.text(0)); });
        if (s)
            s = forIdChunks(m_db, QStringLiteral("SELECT DISTINCT key FROM params WHERE run IN (%1)"), ids,
                            [&](const Statement &r) { keys[1].insert(r.text(0)); });
        if (!s)
            return s.error();
    } else {
        QString sql = QStringLiteral(
            "SELECT DISTINCT k.kind, k.key FROM experiment_keys k JOIN experiments e ON e.id = k.experiment WHERE 1");
        QVariantList binds;
        if (q.sourceId) {
            sql += QStringLiteral(" AND e.source_id = ?");
            binds.append(*q.sourceId);
        }
        if (!q.experiments.isEmpty()) {
            QString any;
            for (const auto &e : q.experiments) {
                any += any.isEmpty() ? QStringLiteral("e.experiment_id = ? OR e.name = ?")
                                     : QStringLiteral(" OR e.experiment_id = ? OR e.name = ?");
                binds << e << e;
            }
            sql += QStringLiteral(" AND (") + any + QStringLiteral(")");
        }
        Statement st = m_db.prepare(sql);
        if (!st.isValid())
            return m_db.errorHere();
        for (int i = 0; i < binds.size(); ++i)
            st.bindVariant(i + 1, binds[i]);
        while (st.next())
            keys[st.int64(0) == 0 ? 0 : 1].insert(st.text(1));
        if (st.error())
            return *st.error();
    }
    RunKeys out;
    out.metrics = QStringList(keys[0].cbegin(), keys[0].cend());
    out.params = QStringList(keys[1].cbegin(), keys[1].cend());
    out.metrics.sort();
    out.params.sort();
    return out;
}

Result<QList<UnknownSearchKey>> Cache::unknownFilterKeys(const RunQuery &q)
{
    auto parsed = parseSearchFilter(q.filter);
    if (!parsed)
        return parsed.error();
    QStringList filterKeys;
    for (const Comparison &c : std::as_const(parsed->clauses))
        if (c.entity == SearchEntity::Metric || c.entity == SearchEntity::Param || c.entity == SearchEntity::Tag)
            filterKeys.append(c.key);
    if (filterKeys.isEmpty())
        return QList<UnknownSearchKey>{};
    RunQuery scope;
    scope.sourceId = q.sourceId;
    scope.experiments = q.experiments;
    scope.includeDeleted = true;
    auto keys = runKeys(scope);
    if (!keys)
        return keys.error();
    auto where = runQueryWhere(scope);
    if (!where)
        return where.error();
    // Tags have no per-experiment key list: a run in scope with the tag, found from the (key,
    // value) index.
    auto tagInScope = [&](const QString &key) -> Result<bool> {
        Statement st = m_db.prepare(u"SELECT 1 FROM run_tags t JOIN runs r ON r.id = t.run WHERE t.key = ?"_s + where->sql
                                    + u" LIMIT 1"_s);
        if (!st.isValid())
            return m_db.errorHere();
        st.bind(1, key);
        for (int i = 0; i < where->binds.size(); ++i)
            st.bindVariant(i + 2, where->binds[i]);
        const bool found = st.next();
        if (st.error())
            return *st.error();
        return found;
    };

    QSet<QString> tags;
    bool anyUnknown = false;
    for (const Comparison &c : std::as_const(parsed->clauses)) {
        if (c.entity == SearchEntity::Metric || c.entity == SearchEntity::Param) {
            const QStringList &known = c.entity == SearchEntity::Metric ? keys->metrics : keys->params;
            anyUnknown = anyUnknown || !std::binary_search(known.cbegin(), known.cend(), c.key);
        } else if (c.entity == SearchEntity::Tag && !tags.contains(c.key)) {
            auto found = tagInScope(c.key);
            if (!found)
                return found.error();
            if (*found)
                tags.insert(c.key);
            else
                anyUnknown = true;
        }
    }
    if (!anyUnknown)
        return QList<UnknownSearchKey>{};

    // Suggestions among the tags: every distinct tag key of the cache, one index probe per key
    // rather than a scan of the experiment's tags (a million rows for 100,000 runs); only the
    // few close to a key of the filter are then looked for in scope.
    Statement all = m_db.prepare(
        u"WITH RECURSIVE k(key) AS (SELECT (SELECT min(key) FROM run_tags) UNION ALL"
        " SELECT (SELECT min(key) FROM run_tags WHERE key > k.key) FROM k WHERE k.key IS NOT NULL)"
        " SELECT key FROM k WHERE key IS NOT NULL"_s);
    if (!all.isValid())
        return m_db.errorHere();
    QStringList cacheTags;
    while (all.next())
        cacheTags.append(all.text(0));
    if (all.error())
        return *all.error();
    for (const QString &tag : std::as_const(cacheTags)) {
        if (tags.contains(tag))
            continue;
        const bool close = std::any_of(filterKeys.cbegin(), filterKeys.cend(),
                                       [&](const QString &k) { return !closestSearchKey(k, {tag}).isEmpty(); });
        if (!close)
            continue;
        auto found = tagInScope(tag);
        if (!found)
            return found.error();
        if (*found)
            tags.insert(tag);
    }
    SearchKeys known{std::move(keys->metrics), std::move(keys->params), QStringList(tags.cbegin(), tags.cend())};
    known.tags.sort();
    return unknownSearchKeys(*parsed, known);
}

Result<QHash<qint64, RunValues>> Cache::runValues(const QList<qint64> &runRowIds)
{
    QHash<qint64, RunValues> out;
    out.reserve(runRowIds.size());
    for (qint64 id : runRowIds)
        out.insert(id, {});
    Status s = forIdChunks(m_db,
                           QStringLiteral("SELECT run, key, value, timestamp, step FROM latest_metrics WHERE run IN (%1) ORDER BY run, key"),
                           runRowIds, [&](const Statement &r) {
                               out[r.int64(0)].latestMetrics.append(MetricPoint{
                                   r.text(1), r.real(2), r.int64(3), r.int64(4)});
                           });
    if (s)
        s = forIdChunks(m_db, QStringLiteral("SELECT run, key, value FROM params WHERE run IN (%1) ORDER BY run, key"), runRowIds,
                        [&](const Statement &r) { out[r.int64(0)].params.append({r.text(1), r.text(2)}); });
    if (!s)
        return s.error();
    return out;
}

Status Cache::forEachRunValue(const QList<qint64> &runRowIds,
                              const std::function<void(qint64, QByteArrayView, double, qint64, qint64)> &metric,
                              const std::function<void(qint64, QByteArrayView, QByteArrayView)> &param,
                              const KeySpan &metricKeys, const KeySpan &paramKeys)
{
    // Kept prepared per number of ids: a view asks for blocks of a few sizes over and over.
    for (qsizetype start = 0; start < runRowIds.size(); start += kIdChunk) {
        const qsizetype n = std::min(kIdChunk, runRowIds.size() - start);
        const QString marks = idMarks(n);
        for (const bool metrics : {true, false}) {
            const KeySpan &span = metrics ? metricKeys : paramKeys;
            if (span.which == KeySpan::None)
                continue;
            // (run, key) is the primary key: a span of keys is one seek a run and a short scan.
            const QString keys = span.which == KeySpan::Between ? u" AND key BETWEEN ? AND ?"_s : QString();
            Statement &st = cached(metrics ? u"SELECT run, key, value, timestamp, step FROM latest_metrics WHERE run IN (%1)%2"_s.arg(marks, keys)
                                           : u"SELECT run, key, value FROM params WHERE run IN (%1)%2"_s.arg(marks, keys));
            if (!st.isValid())
                return m_db.errorHere();
            for (qsizetype i = 0; i < n; ++i)
                st.bind(int(i + 1), runRowIds[start + i]);
            if (span.which == KeySpan::Between) {
                st.bindUtf8(int(n + 1), span.from);
                st.bindUtf8(int(n + 2), span.to);
            }
            while (st.next()) {
                if (metrics)
                    metric(st.int64(0), st.utf8(1), st.real(2), st.int64(3), st.int64(4));
                else
                    param(st.int64(0), st.utf8(1), st.isNull(2) ? QByteArrayView() : st.utf8(2));
            }
            if (st.error())
                return *st.error();
            st.reset();
        }
    }
    return {};
}

Result<QHash<qint64, double>> Cache::latestMetricValues(const QString &key, const QList<qint64> &runRowIds)
{
    // One pass over the key's index entries beats 100,000 point lookups; runs of other
    // experiments are skipped by the set.
    const QSet<qint64> wanted(runRowIds.cbegin(), runRowIds.cend());
    QHash<qint64, double> out;
    out.reserve(runRowIds.size());
    Statement &st = cached(QStringLiteral("SELECT run, value FROM latest_metrics WHERE key = ?"));
    st.bind(1, key);
    while (st.next()) {
        const qint64 run = st.int64(0);
        if (wanted.contains(run))
            out.insert(run, st.real(1));
    }
    if (st.error())
        return *st.error();
    st.reset();
    return out;
}

Result<QHash<qint64, QString>> Cache::paramValues(const QString &key, const QList<qint64> &runRowIds)
{
    const QSet<qint64> wanted(runRowIds.cbegin(), runRowIds.cend());
    QHash<qint64, QString> out;
    out.reserve(runRowIds.size());
    Statement &st = cached(QStringLiteral("SELECT run, value FROM params WHERE key = ?"));
    st.bind(1, key);
    while (st.next()) {
        const qint64 run = st.int64(0);
        if (wanted.contains(run))
            out.insert(run, st.text(1));
    }
    if (st.error())
        return *st.error();
    st.reset();
    return out;
}

Result<QList<RegisteredModel>> Cache::registeredModels(std::optional<qint64> sourceId)
{
    Statement st = m_db.prepare(QStringLiteral(
        "SELECT id, name, creation_time, last_updated_time, description FROM registered_models"
        " WHERE (?1 IS NULL OR source_id = ?1) ORDER BY source_id, name"));
    st.bind(1, sourceId);
    QList<RegisteredModel> out;
    QList<qint64> ids;
    while (st.next()) {
        RegisteredModel m;
        ids.append(st.int64(0));
        m.name = st.text(1);
        m.creationTime = st.int64(2);
        m.lastUpdatedTime = st.int64(3);
        m.description = st.text(4);
        out.append(m);
    }
    if (st.error())
        return *st.error();
    Status status;
    for (qsizetype i = 0; i < out.size() && status; ++i) {
        RegisteredModel &m = out[i];
        m.tags = readKeyValues(m_db, QStringLiteral("SELECT key, value FROM model_tags WHERE model = ? ORDER BY key"), ids[i], status);
        Statement a = m_db.prepare(QStringLiteral("SELECT alias, version FROM model_aliases WHERE model = ? ORDER BY alias"));
        a.bind(1, ids[i]);
        while (a.next())
            m.aliases.append({a.text(0), a.int64(1)});
        Statement v = m_db.prepare(QStringLiteral(
            "SELECT id, version, creation_time, last_updated_time, current_stage, description, user_id, source, run_uuid,"
            " status, status_message, run_link, model_id FROM model_versions WHERE model = ? ORDER BY version"));
        v.bind(1, ids[i]);
        while (v.next()) {
            ModelVersion mv;
            mv.name = m.name;
            mv.version = v.int64(1);
            mv.creationTime = v.int64(2);
            mv.lastUpdatedTime = v.int64(3);
            mv.currentStage = v.text(4);
            mv.description = v.text(5);
            mv.userId = v.text(6);
            mv.source = v.text(7);
            mv.runId = v.text(8);
            mv.status = v.text(9);
            mv.statusMessage = v.text(10);
            mv.runLink = v.text(11);
            mv.modelId = v.text(12);
            mv.tags = readKeyValues(m_db, QStringLiteral("SELECT key, value FROM version_tags WHERE version = ? ORDER BY key"),
                                    v.int64(0), status);
            for (const auto &al : std::as_const(m.aliases))
                if (al.version == mv.version)
                    mv.aliases.append(al.alias);
            m.versions.append(mv);
        }
        if (v.error())
            status = *v.error();
    }
    if (!status)
        return status.error();
    return out;
}

Result<RegisteredModel> Cache::registeredModel(const QString &name, std::optional<qint64> sourceId)
{
    auto all = registeredModels(sourceId);
    if (!all)
        return all.error();
    for (auto &m : *all)
        if (m.name == name)
            return m;
    return makeError(ErrorCategory::NotFound, Tr::tr("no registered model with this name in the cache"), name);
}

Result<Cache::RunInfo> Cache::runInfo(qint64 runRowId)
{
    Statement &st = cached(QStringLiteral("SELECT source_id, run_uuid, has_history FROM runs WHERE id = ?"));
    st.bind(1, runRowId);
    if (!st.next())
        return st.error() ? *st.error() : makeError(ErrorCategory::NotFound, Tr::tr("the run is no longer in the cache"), m_db.path());
    RunInfo info{st.int64(0), st.text(1), st.int64(2) != 0};
    st.reset();
    return info;
}

Result<QHash<QString, Cache::RunState>> Cache::runStates(qint64 sourceId)
{
    Statement st = m_db.prepare(QStringLiteral("SELECT run_uuid, status, lifecycle_stage FROM runs WHERE source_id = ?"));
    st.bind(1, sourceId);
    QHash<QString, RunState> out;
    while (st.next())
        out.insert(st.text(0), RunState{st.text(1), st.text(2)});
    if (st.error())
        return *st.error();
    return out;
}

Result<QStringList> Cache::runningRunIds(qint64 sourceId)
{
    // `runs_running` holds only these runs.
    Statement st = m_db.prepare(QStringLiteral("SELECT run_uuid FROM runs WHERE source_id = ? AND status = 'RUNNING' "
                                               "AND lifecycle_stage <> 'deleted' ORDER BY run_uuid"));
    if (!st.isValid())
        return m_db.errorHere();
    st.bind(1, sourceId);
    QStringList out;
    while (st.next())
        out.append(st.text(0));
    if (st.error())
        return *st.error();
    return out;
}

Result<Cache::Counts> Cache::counts(qint64 sourceId)
{
    Counts c;
    struct Q {
        qint64 *out;
        const char *sql;
    };
    const Q queries[] = {
        {&c.experiments, "SELECT count(*) FROM experiments WHERE source_id = ?1 AND lifecycle_stage = 'active'"},
        {&c.deletedExperiments, "SELECT count(*) FROM experiments WHERE source_id = ?1 AND lifecycle_stage <> 'active'"},
        {&c.runs, "SELECT count(*) FROM runs WHERE source_id = ?1"},
        {&c.metricPoints, "SELECT coalesce(sum(h.count), 0) FROM metric_history h JOIN runs r ON r.id = h.run WHERE r.source_id = ?1"},
        {&c.latestMetrics, "SELECT count(*) FROM latest_metrics h JOIN runs r ON r.id = h.run WHERE r.source_id = ?1"},
        {&c.params, "SELECT count(*) FROM params h JOIN runs r ON r.id = h.run WHERE r.source_id = ?1"},
        {&c.runTags, "SELECT count(*) FROM run_tags h JOIN runs r ON r.id = h.run WHERE r.source_id = ?1"},
        {&c.experimentTags, "SELECT count(*) FROM experiment_tags t JOIN experiments e ON e.id = t.experiment WHERE e.source_id = ?1"},
        {&c.models, "SELECT count(*) FROM registered_models WHERE source_id = ?1"},
        {&c.versions, "SELECT count(*) FROM model_versions v JOIN registered_models m ON m.id = v.model WHERE m.source_id = ?1"},
        {&c.aliases, "SELECT count(*) FROM model_aliases a JOIN registered_models m ON m.id = a.model WHERE m.source_id = ?1"},
        {&c.versionTags, "SELECT count(*) FROM version_tags t JOIN model_versions v ON v.id = t.version"
                         " JOIN registered_models m ON m.id = v.model WHERE m.source_id = ?1"},
        {&c.modelTags, "SELECT count(*) FROM model_tags t JOIN registered_models m ON m.id = t.model WHERE m.source_id = ?1"},
        {&c.loggedModels, "SELECT count(*) FROM logged_models WHERE source_id = ?1"},
    };
    for (const auto &q : queries) {
        Statement st = m_db.prepare(QString::fromLatin1(q.sql));
        st.bind(1, sourceId);
        if (!st.next())
            return st.error() ? *st.error() : m_db.errorHere();
        *q.out = st.int64(0);
    }
    return c;
}

} // namespace md
