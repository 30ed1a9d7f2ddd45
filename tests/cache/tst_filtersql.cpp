// SPDX-License-Identifier: GPL-3.0-or-later
// MLflow search filters and order-by translated to SQL, run against a real cache file with eight
// runs, checking the exact set (filters) or sequence (order-by) of run ids.
#include "sqlite/Database.h"
#include "cache/FilterSql.h"
#include "cache/Schema.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct RunRow {
    QString uuid;
    std::optional<QString> name;
    QString user;
    QString status;
    qint64 start;
    std::optional<qint64> end;
};

// r7 and r8 share a start time so the run_uuid tie-break shows.
const QList<RunRow> kRuns = {
    { u"aaa1"_s, u"red-fox"_s, u"alice"_s, u"FINISHED"_s, 1000, 2000 },
    { u"bbb2"_s, u"blue-owl"_s, u"bob"_s, u"FAILED"_s, 2000, 3000 },
    { u"ccc3"_s, u"Red-Cat"_s, u"alice"_s, u"RUNNING"_s, 3000, std::nullopt },
    { u"ddd4"_s, std::nullopt, u"carol"_s, u"FINISHED"_s, 4000, 5000 }, // named only by its mlflow.runName tag
    { u"eee5"_s, u"red_ant"_s, u"bob"_s, u"FINISHED"_s, 5000, 6000 },
    { u"fff6"_s, u"big*star"_s, u"alice"_s, u"KILLED"_s, 6000, 7000 },
    { u"ggg7"_s, u"Éclair"_s, u"dave"_s, u"FINISHED"_s, 7000, 8000 },
    { u"hhh8"_s, u"plain"_s, u"erin"_s, u"FINISHED"_s, 7000, 7500 },
};

} // namespace

class TestFilterSql : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    md::Database m_db;
    QHash<QString, qint64> m_ids;

    void exec(const QString &sql, const QVariantList &binds)
    {
        md::Statement st = m_db.prepare(sql);
        QVERIFY2(st.isValid(), qPrintable(m_db.lastError() ? m_db.lastError()->toString() : sql));
        for (int i = 0; i < binds.size(); ++i)
            st.bindVariant(i + 1, binds.at(i));
        const md::Status s = st.exec();
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    }

    void metric(const QString &run, const QString &key, double value)
    {
        md::Statement st = m_db.prepare(u"INSERT INTO latest_metrics (run, key, value, timestamp, step) "
                                        "VALUES (?, ?, ?, 0, 0)"_s);
        QVERIFY(st.isValid());
        st.bind(1, m_ids.value(run)).bind(2, key).bind(3, value); // NaN is bound as NULL
        QVERIFY(st.exec().ok());
    }

    void keyValue(const QString &table, const QString &run, const QString &key, const QString &value)
    {
        exec(u"INSERT INTO "_s + table + u" (run, key, value) VALUES (?, ?, ?)"_s, { m_ids.value(run), key, value });
    }

    void input(const QString &run, const QString &name, const QString &digest, const QVariant &context)
    {
        exec(u"INSERT INTO run_inputs (run, name, digest, source_type, context) VALUES (?, ?, ?, 'local', ?)"_s,
            { m_ids.value(run), name, digest, context });
    }

    QStringList query(const md::SqlFragment &where, const md::SqlFragment &order)
    {
        md::Statement st
            = m_db.prepare(u"SELECT r.run_uuid FROM runs r WHERE "_s + where.sql + u" ORDER BY "_s + order.sql);
        if (!st.isValid()) {
            qWarning() << "cannot prepare:" << where.sql << order.sql
                       << (m_db.lastError() ? m_db.lastError()->toString() : QString());
            return { u"<invalid SQL>"_s };
        }
        int i = 1;
        for (const QVariant &v : where.binds)
            st.bindVariant(i++, v);
        for (const QVariant &v : order.binds)
            st.bindVariant(i++, v);
        QStringList out;
        while (st.next())
            out << st.text(0);
        if (st.error())
            out << u"<error: "_s + st.error()->toString() + u'>';
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const md::Status opened = m_db.open(m_dir.filePath(u"cache.sqlite"_s), true);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        for (const QString &m : md::schema::cacheMigrations()) {
            const md::Status s = m_db.exec(m);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        }
        exec(u"INSERT INTO sources (id, uri, kind, added_ms) VALUES (1, 'file:///tmp/mlruns', 'file', 0)"_s, {});
        exec(u"INSERT INTO experiments (id, source_id, experiment_id, name) VALUES (1, 1, '0', 'Default')"_s, {});
        for (const RunRow &r : kRuns) {
            md::Statement st = m_db.prepare(
                u"INSERT INTO runs (source_id, experiment, run_uuid, run_name, user_id, status, start_time, end_time,"
                " artifact_uri) VALUES (1, 1, ?, ?, ?, ?, ?, ?, ?)"_s);
            QVERIFY(st.isValid());
            st.bind(1, r.uuid);
            if (r.name)
                st.bind(2, *r.name);
            else
                st.bindNull(2);
            st.bind(3, r.user).bind(4, r.status).bind(5, r.start).bind(6, r.end);
            st.bind(7, u"file:///tmp/mlruns/0/"_s + r.uuid + u"/artifacts"_s);
            QVERIFY(st.exec().ok());
            m_ids.insert(r.uuid, m_db.lastInsertRowId());
        }

        metric(u"aaa1"_s, u"acc"_s, 0.9);
        metric(u"bbb2"_s, u"acc"_s, 0.5);
        metric(u"ccc3"_s, u"acc"_s, kNaN);
        metric(u"ddd4"_s, u"acc"_s, kInf);
        metric(u"eee5"_s, u"acc"_s, 0.7);
        metric(u"fff6"_s, u"acc"_s, 0.9);
        metric(u"aaa1"_s, u"loss"_s, 0.1);
        metric(u"bbb2"_s, u"loss"_s, -1.5);
        metric(u"ggg7"_s, u"loss"_s, 1e-3);
        metric(u"hhh8"_s, u"loss"_s, 2.0);

        keyValue(u"params"_s, u"aaa1"_s, u"lr"_s, u"0.01"_s);
        keyValue(u"params"_s, u"bbb2"_s, u"lr"_s, u"0.1"_s);
        keyValue(u"params"_s, u"ccc3"_s, u"lr"_s, u"0.01"_s);
        keyValue(u"params"_s, u"eee5"_s, u"lr"_s, u"1e-3"_s);
        keyValue(u"params"_s, u"aaa1"_s, u"model"_s, u"LinearRegression"_s);
        keyValue(u"params"_s, u"bbb2"_s, u"model"_s, u"linearregression"_s);
        keyValue(u"params"_s, u"ddd4"_s, u"model"_s, u"RandomForest"_s);
        keyValue(u"params"_s, u"fff6"_s, u"model"_s, u"Lin*Reg"_s);
        keyValue(u"params"_s, u"ggg7"_s, u"model"_s, u"ÉLAN"_s);
        // MLflow stores an empty param as "". The cache holds it as '' or, when the source
        // delivered a null string (an empty file in mlruns/, a value proto3 JSON left out), NULL.
        keyValue(u"params"_s, u"aaa1"_s, u"opt"_s, u""_s);
        keyValue(u"params"_s, u"bbb2"_s, u"opt"_s, QString());
        keyValue(u"params"_s, u"ccc3"_s, u"opt"_s, u"adam"_s);

        keyValue(u"run_tags"_s, u"aaa1"_s, u"env"_s, u"prod"_s);
        keyValue(u"run_tags"_s, u"bbb2"_s, u"env"_s, u"dev"_s);
        keyValue(u"run_tags"_s, u"ccc3"_s, u"env"_s, u"Prod"_s);
        keyValue(u"run_tags"_s, u"eee5"_s, u"env"_s, u"prod"_s);
        keyValue(u"run_tags"_s, u"fff6"_s, u"note"_s, u"it's"_s);
        keyValue(u"run_tags"_s, u"ddd4"_s, u"comment"_s, u""_s);
        keyValue(u"run_tags"_s, u"ggg7"_s, u"comment"_s, QString());
        keyValue(u"run_tags"_s, u"eee5"_s, u"comment"_s, u"ok"_s);
        keyValue(u"run_tags"_s, u"aaa1"_s, u"mlflow.runName"_s, u"red-fox"_s);
        keyValue(u"run_tags"_s, u"ddd4"_s, u"mlflow.runName"_s, u"green-eel"_s);

        input(u"aaa1"_s, u"iris"_s, u"d1"_s, u"train"_s);
        input(u"aaa1"_s, u"wine"_s, u"d2"_s, u"eval"_s);
        input(u"bbb2"_s, u"iris"_s, u"d1"_s, u"eval"_s);
        input(u"eee5"_s, u"Iris"_s, u"d3"_s, QVariant());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected"); // sorted run_uuids

        const QStringList all
            = { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("empty") << QString() << all;
        // Metrics: NaN (ccc3) and missing keys (ggg7, hhh8) never match, +inf (ddd4) is a number.
        QTest::newRow("metric >") << u"metrics.acc > 0.6"_s
                                  << QStringList { u"aaa1"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s };
        // NaN compares as IEEE 754 does: != holds, = < <= > >= fail.
        QTest::newRow("metric != keeps NaN")
            << u"metrics.acc != 0.9"_s << QStringList { u"bbb2"_s, u"ccc3"_s, u"ddd4"_s, u"eee5"_s };
        QTest::newRow("metric >= skips NaN")
            << u"metrics.acc >= 0"_s << QStringList { u"aaa1"_s, u"bbb2"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s };
        QTest::newRow("metric <= skips NaN")
            << u"metrics.acc <= 1"_s << QStringList { u"aaa1"_s, u"bbb2"_s, u"eee5"_s, u"fff6"_s };
        QTest::newRow("metric = 0 skips NaN") << u"metrics.acc = 0"_s << QStringList {};
        QTest::newRow("metric =") << u"metrics.acc = 0.9"_s << QStringList { u"aaa1"_s, u"fff6"_s };
        QTest::newRow("metric = int") << u"metric.loss = 2"_s << QStringList { u"hhh8"_s };
        QTest::newRow("+inf") << u"metrics.acc >= 1e308"_s << QStringList { u"ddd4"_s };
        QTest::newRow("metric <") << u"metrics.acc < 0.6"_s << QStringList { u"bbb2"_s };
        QTest::newRow("negative") << u"metrics.loss <= -1"_s << QStringList { u"bbb2"_s };
        QTest::newRow("scientific") << u"metrics.loss < 1e-2"_s << QStringList { u"bbb2"_s, u"ggg7"_s };
        QTest::newRow("two metrics") << u"metrics.acc > 0.6 AND metrics.loss < 1"_s << QStringList { u"aaa1"_s };
        QTest::newRow("unknown metric") << u"metrics.nope > 0"_s << QStringList {};
        // Params and tags: = is case-sensitive, != excludes runs without the key.
        QTest::newRow("param =") << u"params.lr = '0.01'"_s << QStringList { u"aaa1"_s, u"ccc3"_s };
        QTest::newRow("param !=") << u"params.lr != '0.01'"_s << QStringList { u"bbb2"_s, u"eee5"_s };
        QTest::newRow("param = case") << u"params.model = 'linearregression'"_s << QStringList { u"bbb2"_s };
        QTest::newRow("LIKE is case-sensitive")
            << u"params.model LIKE 'Lin%'"_s << QStringList { u"aaa1"_s, u"fff6"_s };
        QTest::newRow("ILIKE") << u"params.model ILIKE 'lin%'"_s << QStringList { u"aaa1"_s, u"bbb2"_s, u"fff6"_s };
        QTest::newRow("LIKE literal *") << u"params.model LIKE 'Lin*%'"_s << QStringList { u"fff6"_s };
        QTest::newRow("LIKE _") << u"params.model LIKE 'L_n%'"_s << QStringList { u"aaa1"_s, u"fff6"_s };
        QTest::newRow("LIKE whole") << u"params.model LIKE 'Random'"_s << QStringList {};
        QTest::newRow("ILIKE beyond ASCII") << u"params.model ILIKE 'élan'"_s << QStringList { u"ggg7"_s };
        QTest::newRow("tag =") << u"tags.env = 'prod'"_s << QStringList { u"aaa1"_s, u"eee5"_s };
        QTest::newRow("tag ILIKE") << u"tags.env ILIKE 'PROD'"_s << QStringList { u"aaa1"_s, u"ccc3"_s, u"eee5"_s };
        QTest::newRow("tag !=") << u"tags.env != 'prod'"_s << QStringList { u"bbb2"_s, u"ccc3"_s };
        QTest::newRow("tag IS NULL") << u"tags.env IS NULL"_s
                                     << QStringList { u"ddd4"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("tag IS NOT NULL") << u"tags.env IS NOT NULL"_s
                                         << QStringList { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s, u"eee5"_s };
        QTest::newRow("param IS NULL") << u"params.lr IS NULL"_s
                                       << QStringList { u"ddd4"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        // The empty string is a value like any other; runs without the key match neither = nor !=.
        QTest::newRow("param = ''") << u"params.opt = ''"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("param = \"\"") << u"params.opt = \"\""_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("param != ''") << u"params.opt != ''"_s << QStringList { u"ccc3"_s };
        QTest::newRow("param != value keeps empty") << u"params.opt != 'adam'"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("param LIKE '%' keeps empty")
            << u"params.opt LIKE '%'"_s << QStringList { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s };
        QTest::newRow("param LIKE 'a%'") << u"params.opt LIKE 'a%'"_s << QStringList { u"ccc3"_s };
        QTest::newRow("param ILIKE ''") << u"params.opt ILIKE ''"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("param IS NOT NULL with empty")
            << u"params.opt IS NOT NULL"_s << QStringList { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s };
        QTest::newRow("tag = ''") << u"tags.comment = ''"_s << QStringList { u"ddd4"_s, u"ggg7"_s };
        QTest::newRow("tag != ''") << u"tags.comment != ''"_s << QStringList { u"eee5"_s };
        QTest::newRow("status = '' matches no run") << u"attributes.status = ''"_s << QStringList {};
        QTest::newRow("status != ''") << u"attributes.status != ''"_s
                                      << QStringList { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s, u"ddd4"_s, u"eee5"_s,
                                             u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("quote in value") << u"tags.note = 'it''s'"_s << QStringList { u"fff6"_s };
        QTest::newRow("injection stays a value") << u"params.model = 'x'' OR 1=1 --'"_s << QStringList {};
        // Attributes.
        QTest::newRow("status") << u"attributes.status = 'FINISHED'"_s
                                << QStringList { u"aaa1"_s, u"ddd4"_s, u"eee5"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("bare status !=") << u"status != 'FINISHED'"_s << QStringList { u"bbb2"_s, u"ccc3"_s, u"fff6"_s };
        QTest::newRow("run_name LIKE") << u"attributes.run_name LIKE 'red%'"_s << QStringList { u"aaa1"_s, u"eee5"_s };
        QTest::newRow("run_name ILIKE") << u"attributes.run_name ILIKE 'red%'"_s
                                        << QStringList { u"aaa1"_s, u"ccc3"_s, u"eee5"_s };
        QTest::newRow("run_name from tag") << u"run_name = 'green-eel'"_s << QStringList { u"ddd4"_s };
        QTest::newRow("run_name literal *") << u"attributes.run_name LIKE '%*%'"_s << QStringList { u"fff6"_s };
        QTest::newRow("run_id IN") << u"attributes.run_id IN ('aaa1', 'ccc3', 'zzz')"_s
                                   << QStringList { u"aaa1"_s, u"ccc3"_s };
        QTest::newRow("run_id NOT IN") << u"run_id NOT IN ('aaa1', 'ccc3')"_s
                                       << QStringList { u"bbb2"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s, u"ggg7"_s,
                                              u"hhh8"_s };
        QTest::newRow("start_time") << u"attributes.start_time >= 5000"_s
                                    << QStringList { u"eee5"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("created") << u"attributes.created < 2500"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("end_time >") << u"attributes.end_time > 5000"_s
                                    << QStringList { u"eee5"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("end_time != skips unfinished")
            << u"attributes.end_time != 5000"_s
            << QStringList { u"aaa1"_s, u"bbb2"_s, u"eee5"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("user and metric") << u"attributes.user_id = 'alice' AND metrics.acc = 0.9"_s
                                         << QStringList { u"aaa1"_s, u"fff6"_s };
        QTest::newRow("artifact_uri LIKE") << u"attributes.artifact_uri LIKE '%/eee5/%'"_s << QStringList { u"eee5"_s };
        // Datasets: any of a run's inputs may match.
        QTest::newRow("dataset name") << u"datasets.name = 'iris'"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("dataset ILIKE") << u"datasets.name ILIKE 'iris'"_s
                                       << QStringList { u"aaa1"_s, u"bbb2"_s, u"eee5"_s };
        QTest::newRow("dataset IN") << u"datasets.name IN ('wine', 'Iris')"_s << QStringList { u"aaa1"_s, u"eee5"_s };
        QTest::newRow("digest and context")
            << u"datasets.digest = 'd1' AND datasets.context = 'train'"_s << QStringList { u"aaa1"_s };
        QTest::newRow("context") << u"datasets.context = 'eval'"_s << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("dataset !=") << u"datasets.name != 'iris'"_s << QStringList { u"aaa1"_s, u"eee5"_s };
        QTest::newRow("context NOT IN") << u"datasets.context NOT IN ('train')"_s
                                        << QStringList { u"aaa1"_s, u"bbb2"_s };
        QTest::newRow("three kinds") << u"metrics.acc > 0.6 AND tags.env = 'prod' AND params.lr = '1e-3'"_s
                                     << QStringList { u"eee5"_s };
    }

    void filters()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        const auto where = md::filterToSql(filter);
        QVERIFY2(where.ok(), qPrintable(where.ok() ? QString() : where.error().toString()));
        QCOMPARE(where->sql.count(u'?'), where->binds.size());
        // Values are always bound, never pasted into the SQL.
        if (filter.contains(u"OR 1=1"_s))
            QVERIFY(!where->sql.contains(u"OR 1=1"_s));
        QCOMPARE(query(*where, md::SqlFragment { u"r.run_uuid"_s, {} }), expected);

        // The runs table narrows by run sets instead (metrics, params and tags only): the same runs.
        const auto sets = md::filterToRunSets(filter);
        QVERIFY2(sets.ok(), qPrintable(sets.ok() ? QString() : sets.error().toString()));
        if (!*sets)
            return;
        QStringList kept = m_ids.keys();
        for (const md::RunSetSql &set : **sets) {
            QCOMPARE(set.select.sql.count(u'?'), set.select.binds.size());
            md::Statement st = m_db.prepare(set.select.sql);
            QVERIFY2(st.isValid(), qPrintable(set.select.sql));
            for (int i = 0; i < set.select.binds.size(); ++i)
                st.bindVariant(i + 1, set.select.binds.at(i));
            QSet<qint64> listed;
            while (st.next())
                listed.insert(st.int64(0));
            QVERIFY(!st.error());
            kept.removeIf([&](const QString &uuid) { return listed.contains(m_ids.value(uuid)) == set.complement; });
        }
        kept.sort();
        QCOMPARE(kept, expected);
    }

    void orderBy_data()
    {
        QTest::addColumn<QStringList>("orderBy");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("default: start_time DESC, run_uuid")
            << QStringList {}
            << QStringList { u"ggg7"_s, u"hhh8"_s, u"fff6"_s, u"eee5"_s, u"ddd4"_s, u"ccc3"_s, u"bbb2"_s, u"aaa1"_s };
        // Values, then NaN (ccc3), then runs without the metric (ggg7, hhh8), in both directions;
        // the 0.9 tie (aaa1, fff6) falls back to start_time DESC.
        QTest::newRow("metric ASC") << QStringList { u"metrics.acc ASC"_s }
                                    << QStringList { u"bbb2"_s, u"eee5"_s, u"fff6"_s, u"aaa1"_s, u"ddd4"_s, u"ccc3"_s,
                                           u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("metric DESC") << QStringList { u"metrics.acc DESC"_s }
                                     << QStringList { u"ddd4"_s, u"fff6"_s, u"aaa1"_s, u"eee5"_s, u"bbb2"_s, u"ccc3"_s,
                                            u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("param as text") << QStringList { u"params.lr"_s }
                                       << QStringList { u"ccc3"_s, u"aaa1"_s, u"bbb2"_s, u"eee5"_s, u"ggg7"_s,
                                              u"hhh8"_s, u"fff6"_s, u"ddd4"_s };
        QTest::newRow("param DESC, missing last")
            << QStringList { u"params.lr DESC"_s }
            << QStringList { u"eee5"_s, u"bbb2"_s, u"ccc3"_s, u"aaa1"_s, u"ggg7"_s, u"hhh8"_s, u"fff6"_s, u"ddd4"_s };
        QTest::newRow("tag DESC then metric")
            << QStringList { u"tags.env DESC"_s, u"metrics.acc"_s }
            << QStringList { u"eee5"_s, u"aaa1"_s, u"bbb2"_s, u"ccc3"_s, u"fff6"_s, u"ddd4"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("start_time ASC, then run_uuid")
            << QStringList { u"attributes.start_time ASC"_s }
            << QStringList { u"aaa1"_s, u"bbb2"_s, u"ccc3"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s, u"ggg7"_s, u"hhh8"_s };
        QTest::newRow("end_time DESC, unfinished last")
            << QStringList { u"attributes.end_time DESC"_s }
            << QStringList { u"ggg7"_s, u"hhh8"_s, u"fff6"_s, u"eee5"_s, u"ddd4"_s, u"bbb2"_s, u"aaa1"_s, u"ccc3"_s };
        QTest::newRow("end_time ASC, unfinished last")
            << QStringList { u"attributes.end_time ASC"_s }
            << QStringList { u"aaa1"_s, u"bbb2"_s, u"ddd4"_s, u"eee5"_s, u"fff6"_s, u"hhh8"_s, u"ggg7"_s, u"ccc3"_s };
        QTest::newRow("run_name, binary order")
            << QStringList { u"run_name"_s }
            << QStringList { u"ccc3"_s, u"fff6"_s, u"bbb2"_s, u"ddd4"_s, u"hhh8"_s, u"aaa1"_s, u"eee5"_s, u"ggg7"_s };
    }

    void orderBy()
    {
        QFETCH(QStringList, orderBy);
        QFETCH(QStringList, expected);
        const auto order = md::orderByToSql(orderBy);
        QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().toString()));
        QCOMPARE(order->sql.count(u'?'), order->binds.size());
        QCOMPARE(query(md::SqlFragment { u"1"_s, {} }, *order), expected);
    }

    void filterAndOrderTogether()
    {
        const auto where = md::filterToSql(u"metrics.acc > 0.6 AND tags.env IS NOT NULL"_s);
        const auto order = md::orderByToSql({ u"metrics.acc DESC"_s });
        QVERIFY(where.ok() && order.ok());
        QCOMPARE(query(*where, *order), (QStringList { u"aaa1"_s, u"eee5"_s }));
    }

    void defaults()
    {
        const auto where = md::filterToSql(u"  "_s);
        QVERIFY(where.ok());
        QCOMPARE(where->sql, u"1"_s);
        QVERIFY(where->binds.isEmpty());
        const auto order = md::orderByToSql({});
        QVERIFY(order.ok());
        QCOMPARE(order->sql, u"r.start_time DESC, r.run_uuid"_s);
        QVERIFY(order->binds.isEmpty());
    }

    void errors()
    {
        const auto where = md::filterToSql(u"metrics.a < 1 OR metrics.b < 2"_s);
        QVERIFY(!where.ok());
        QCOMPARE(where.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(where.error().where, u"filter, column 15"_s);

        const auto order = md::orderByToSql({ u"metrics.a"_s, u"datasets.name"_s });
        QVERIFY(!order.ok());
        QCOMPARE(order.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(order.error().where, u"order by 2, column 1"_s);
    }
};

QTEST_MAIN(TestFilterSql)
#include "tst_filtersql.moc"
