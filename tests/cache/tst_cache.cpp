// SPDX-License-Identifier: GPL-3.0-or-later
// The cache and the journal on real SQLite files.
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "cache/Schema.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace md;
using namespace Qt::StringLiterals;

class TestCache : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_orderCache;  ///< written once for the rows of runOrderNarrowsLikeTheGeneralQuery
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static Run sampleRun(const QString &id, const QString &exp)
    {
        Run r;
        r.runId = id;
        r.experimentId = exp;
        r.runName = QStringLiteral("run ") + id;
        r.status = QStringLiteral("FINISHED");
        r.startTime = 1000;
        r.endTime = 2000;
        r.params = {{QStringLiteral("lr"), QStringLiteral("0.1")}, {QStringLiteral("depth"), QStringLiteral("5")}};
        r.tags = {{QStringLiteral("mlflow.parentRunId"), QStringLiteral("parent")}};
        r.history = {{QStringLiteral("loss"), 1.0, 10, 0},
                     {QStringLiteral("loss"), std::numeric_limits<double>::quiet_NaN(), 11, 1},
                     {QStringLiteral("grad"), std::numeric_limits<double>::infinity(), 12, 0},
                     {QStringLiteral("ll"), -std::numeric_limits<double>::infinity(), 12, 0}};
        r.hasHistory = true;
        r.computeLatestFromHistory();
        r.inputs = {{QStringLiteral("cars"), QStringLiteral("abc"), QStringLiteral("local"), QStringLiteral("{}"), {}, {},
                     QStringLiteral("training")}};
        return r;
    }

    static RegisteredModel sampleModel()
    {
        RegisteredModel m;
        m.name = QStringLiteral("car_price_model");
        m.description = QStringLiteral("cars");
        for (qint64 v = 1; v <= 3; ++v) {
            ModelVersion mv;
            mv.name = m.name;
            mv.version = v;
            mv.currentStage = v == 3 ? kStageProduction : kStageArchived;
            mv.runId = QStringLiteral("r%1").arg(v);
            mv.tags = {{QStringLiteral("algorithm"), QStringLiteral("a%1").arg(v)}};
            m.versions.append(mv);
        }
        m.aliases = {{QStringLiteral("champion"), 3}};
        return m;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void freshCacheHasCurrentSchemaAndPragmas()
    {
        Cache c;
        const Status st = c.open(path(QStringLiteral("fresh/cache.sqlite")));
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(c.database().userVersion(), Cache::schemaVersion());
        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        // 64 MiB of page cache, unless a connection asks for less (the runs table's reader).
        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA cache_size"))->toInt(), -65536);
        QVERIFY(c.setPageCacheKib(16384).ok());
        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA cache_size"))->toInt(), -16384);
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Cache::schemaVersion(); ++v)
            QTest::addRow("from schema %d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString file = path(QStringLiteral("migrate%1.sqlite").arg(from));
        {
            Database db;
            QVERIFY(db.open(file, true).ok());
            for (int v = 0; v < from; ++v)
                QVERIFY(db.exec(schema::cacheMigrations()[v]).ok());
            QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(from)).ok());
            if (from >= 1) {
                QVERIFY(db.exec(QStringLiteral(
                                    "INSERT INTO sources (id, uri, kind, added_ms) VALUES (1, 'file:///old', 'file', 5);"
                                    "INSERT INTO experiments (id, source_id, experiment_id, name) VALUES (1, 1, '7', 'old');"
                                    "INSERT INTO runs (id, source_id, experiment, run_uuid, run_name) VALUES (1, 1, 1, 'abc', 'kept');"))
                            .ok());
            }
        }
        Cache c;
        const Status st = c.open(file);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(c.database().userVersion(), Cache::schemaVersion());
        if (from >= 1) {
            auto run = c.run(QStringLiteral("abc"));
            QVERIFY(run.ok());
            QCOMPARE(run->run.runName, QStringLiteral("kept"));
        }
        auto models = c.registeredModels({});
        QVERIFY(models.ok());
    }

    void refusesNewerSchema()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        {
            Database db;
            QVERIFY(db.open(file, true).ok());
            QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = 99")).ok());
        }
        Cache c;
        const Status st = c.open(file);
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QStringLiteral("newer")));
        QCOMPARE(st.error().where, file);
    }

    void refusesForeignFiles()
    {
        const QString other = path(QStringLiteral("other.sqlite"));
        {
            Database db;
            QVERIFY(db.open(other, true).ok());
            QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (x)")).ok());
        }
        Cache c;
        Status st = c.open(other);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().where, other);
        QVERIFY(st.error().message.contains(QStringLiteral("not a ModelDesk cache")));

        const QString text = path(QStringLiteral("text.sqlite"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        st = c.open(text);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().where, text);
    }

    void keptTextReadsBackAsBound()
    {
        Database db;
        QVERIFY(db.open(path(QStringLiteral("kept.sqlite")), true).ok());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (i INTEGER, v TEXT)")).ok());
        // Non-ASCII, empty and null values, one longer than a block, and enough values to fill
        // several blocks; the statement is used twice, as a cached one is after reset().
        QStringList values{QStringLiteral("plain"), QStringLiteral("gr\u00f6\u00dfe \u2713 \U0001F600"), QStringLiteral(""),
                           QString(), QString(5000, QLatin1Char('x'))};
        for (int i = 0; i < 300; ++i)
            values.append(QStringLiteral("value-%1-").arg(i).repeated(3));
        QString sql = QStringLiteral("INSERT INTO t VALUES (?, ?)");
        for (qsizetype i = 1; i < values.size(); ++i)
            sql += QStringLiteral(", (?, ?)");
        Statement st = db.prepare(sql);
        QVERIFY(st.isValid());
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < values.size(); ++i)
                st.bind(2 * i + 1, qint64(round * 1000 + i)).bindKept(2 * i + 2, values[i]);
            QVERIFY(st.exec().ok());
            st.reset();
        }
        Statement back = db.prepare(QStringLiteral("SELECT i, v FROM t ORDER BY i"));
        int rows = 0;
        while (back.next()) {
            const int i = int(back.int64(0) % 1000);
            QCOMPARE(back.text(1), values[i]);
            QCOMPARE(back.isNull(1), values[i].isNull());
            ++rows;
        }
        QCOMPARE(rows, 2 * values.size());
    }

    void runRoundTripKeepsNanAndInfinity()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("rt.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///x"), QStringLiteral("file"));
        QVERIFY(src.ok());
        QVERIFY(c.writeExperiment(*src, Experiment{QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2,
                                                   {{QStringLiteral("k"), QStringLiteral("v")}}})
                    .ok());
        const Run r = sampleRun(QStringLiteral("aaa"), QStringLiteral("1"));
        QVERIFY(c.writeRun(*src, r).ok());

        auto back = c.run(QStringLiteral("aaa"));
        QVERIFY(back.ok());
        QCOMPARE(back->run.runName, r.runName);
        QCOMPARE(back->run.endTime, r.endTime);
        QCOMPARE(back->run.params.size(), 2);
        QCOMPARE(back->run.inputs, r.inputs);
        QHash<QString, double> latest;
        for (const auto &m : back->run.latestMetrics)
            latest.insert(m.key, m.value);
        QVERIFY(std::isnan(latest.value(QStringLiteral("loss"))));  // step 1 is later than step 0
        QVERIFY(std::isinf(latest.value(QStringLiteral("grad"))) && latest.value(QStringLiteral("grad")) > 0);
        QVERIFY(std::isinf(latest.value(QStringLiteral("ll"))) && latest.value(QStringLiteral("ll")) < 0);
        auto h = c.history(back->rowId, QStringLiteral("loss"));
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 2);
        QCOMPARE(h->at(0).value, 1.0);
        QVERIFY(std::isnan(h->at(1).value));

        // Writing the same run again with fewer params replaces it: nothing stale stays behind.
        Run r2 = r;
        r2.params.removeLast();
        QVERIFY(c.writeRun(*src, r2).ok());
        auto counts = c.counts(*src);
        QVERIFY(counts.ok());
        QCOMPARE(counts->runs, 1);
        QCOMPARE(counts->params, 1);
        QCOMPARE(counts->metricPoints, 4);
        QCOMPARE(counts->experimentTags, 1);
    }

    void runningRunIdsAreTheRunningRunsNotDeleted()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("running-ids.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///running"), QStringLiteral("file"));
        auto other = c.ensureSource(QStringLiteral("file:///other"), QStringLiteral("file"));
        QVERIFY(src.ok() && other.ok());
        for (qint64 s : { *src, *other })
            QVERIFY(c.writeExperiment(s, Experiment { QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2, {} })
                        .ok());
        const auto write = [&](qint64 source, const QString &id, const QString &status, const QString &stage) {
            Run r = sampleRun(id, QStringLiteral("1"));
            r.status = status;
            r.lifecycleStage = stage;
            return c.writeRun(source, r).ok();
        };
        QVERIFY(write(*src, QStringLiteral("ccc"), QStringLiteral("RUNNING"), kActive));
        QVERIFY(write(*src, QStringLiteral("aaa"), QStringLiteral("RUNNING"), kActive));
        QVERIFY(write(*src, QStringLiteral("bbb"), QStringLiteral("FINISHED"), kActive));
        QVERIFY(write(*src, QStringLiteral("ddd"), QStringLiteral("RUNNING"), QStringLiteral("deleted")));
        QVERIFY(write(*other, QStringLiteral("eee"), QStringLiteral("RUNNING"), kActive));
        QCOMPARE(*c.runningRunIds(*src), (QStringList { QStringLiteral("aaa"), QStringLiteral("ccc") }));
        // A run that ends leaves the list.
        QVERIFY(write(*src, QStringLiteral("ccc"), QStringLiteral("FINISHED"), kActive));
        QCOMPARE(*c.runningRunIds(*src), QStringList { QStringLiteral("aaa") });
        QCOMPARE(*c.runningRunIds(*other), QStringList { QStringLiteral("eee") });
    }

    void historyComesInStepOrderWhateverTheLoggedOrder()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("history-order.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///x"), QStringLiteral("file"));
        QVERIFY(src.ok());
        QVERIFY(
            c.writeExperiment(*src, Experiment { QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2, {} })
                .ok());
        const Run r = sampleRun(QStringLiteral("bbb"), QStringLiteral("1"));
        QVERIFY(c.writeRun(*src, r).ok());
        auto back = c.run(QStringLiteral("bbb"));
        QVERIFY(back.ok());
        const QString key = QStringLiteral("acc");
        // Logged out of order (a store that appends as clients log): step 2, then two points of
        // step 0 with the later timestamp first, then step 1; 0.5 and 0.6 share step and time.
        const QList<MetricPoint> logged { { key, 0.9, 300, 2 }, { key, 0.2, 200, 0 }, { key, 0.1, 100, 0 },
            { key, 0.5, 150, 1 }, { key, 0.6, 150, 1 } };
        QVERIFY(c.writeSeries(back->rowId, key, logged).ok());
        auto h = c.history(back->rowId, key);
        QVERIFY(h.ok());
        QList<double> values;
        for (const MetricPoint &p : *h)
            values.append(p.value);
        QCOMPARE(values, (QList<double> { 0.1, 0.2, 0.5, 0.6, 0.9 }));

        // In order already: read back as written.
        const QList<MetricPoint> sorted { { key, 1, 10, 0 }, { key, 2, 20, 1 }, { key, 3, 30, 2 } };
        QVERIFY(c.writeSeries(back->rowId, key, sorted).ok());
        auto again = c.history(back->rowId, key);
        QVERIFY(again.ok());
        QCOMPARE(*again, sorted);
    }

    void valuesAreReadForASpanOfKeys()
    {
        // Keys in SQLite's BINARY order, bytewise UTF-8: "Z" < "a" < "b" < "z" < "é" < "Ａ"
        // (U+FF21) < "😀" (U+1F600), though UTF-16 puts the emoji before the full-width A.
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("span.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///span"), QStringLiteral("file"));
        QVERIFY(src.ok());
        QVERIFY(c.writeExperiment(*src, Experiment{QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2, {}}).ok());
        const QStringList keys{QStringLiteral("Z"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("z"),
                               QStringLiteral("é"), QStringLiteral("Ａ"), QStringLiteral("😀")};
        for (int i = 0; i < 3; ++i) {
            Run r;
            r.runId = QStringLiteral("run%1").arg(i);
            r.experimentId = QStringLiteral("1");
            r.status = QStringLiteral("FINISHED");
            r.startTime = 1000 + i;
            for (int k = 0; k < keys.size(); ++k) {
                r.latestMetrics.append(MetricPoint{keys[k], i * 10.0 + k, 5, 1});
                r.params.append(KeyValue{keys[k], QString::number(i * 10 + k)});
            }
            QVERIFY(c.writeRun(*src, r).ok());
        }
        auto order = c.runOrder(RunQuery{*src, {QStringLiteral("1")}});
        QVERIFY(order.ok());
        QList<qint64> ids;
        for (const RunOrderKey &k : *order)
            ids.append(k.rowId);
        QCOMPARE(ids.size(), 3);
        const auto read = [&](const KeySpan &metrics, const KeySpan &params) {
            QMap<QString, QStringList> seen;  // "m" / "p" -> "key=value" in the order read
            const Status s = c.forEachRunValue(
                ids,
                [&](qint64, QByteArrayView key, double value, qint64, qint64) {
                    seen[QStringLiteral("m")].append(QString::fromUtf8(key) + u'=' + QString::number(value));
                },
                [&](qint64, QByteArrayView key, QByteArrayView value) {
                    seen[QStringLiteral("p")].append(QString::fromUtf8(key) + u'=' + QString::fromUtf8(value));
                },
                metrics, params);
            if (!s)
                qWarning() << s.error().toString();
            return seen;
        };
        // Everything, as before spans.
        auto all = read({}, {});
        QCOMPARE(all.value(QStringLiteral("m")).size(), 21);
        QCOMPARE(all.value(QStringLiteral("p")).size(), 21);
        // "b" to "Ａ" bytewise: b, z, é, Ａ of each run, not Z, a or the emoji.
        const KeySpan bToA{KeySpan::Between, QStringLiteral("b").toUtf8(), QStringLiteral("Ａ").toUtf8()};
        auto some = read(bToA, KeySpan{KeySpan::None, {}, {}});
        QVERIFY(!some.contains(QStringLiteral("p")));
        QStringList metrics = some.value(QStringLiteral("m"));
        QCOMPARE(metrics.size(), 12);
        for (const QString &key : {QStringLiteral("b"), QStringLiteral("z"), QStringLiteral("é"), QStringLiteral("Ａ")})
            QCOMPARE(metrics.filter(QRegularExpression(u"^"_s + key + u"="_s)).size(), 3);
        QVERIFY(metrics.contains(QStringLiteral("é=14")));
        // One key only, params.
        auto one = read(KeySpan{KeySpan::None, {}, {}},
                        KeySpan{KeySpan::Between, QStringLiteral("😀").toUtf8(), QStringLiteral("😀").toUtf8()});
        QStringList params = one.value(QStringLiteral("p"));
        params.sort();
        QCOMPARE(params, QStringList({QStringLiteral("😀=16"), QStringLiteral("😀=26"), QStringLiteral("😀=6")}));
    }

    void metricSeriesAreThoseOfTheAskedRunsOfTheSource()
    {
        // What a sync fetches full histories for: the asked runs' series in this source only,
        // deleted runs too, whatever the number of ids asked for.
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("series.sqlite"))).ok());
        QList<qint64> sources;
        for (const QString &uri : { QStringLiteral("file:///one"), QStringLiteral("file:///two") }) {
            auto src = c.ensureSource(uri, QStringLiteral("file"));
            QVERIFY(src.ok());
            sources.append(*src);
            QVERIFY(c.writeExperiment(
                         *src, Experiment { QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2, {} })
                        .ok());
            for (const QString &id : { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }) {
                Run r = sampleRun(id, QStringLiteral("1"));
                if (id == "b"_L1)
                    r.lifecycleStage = QStringLiteral("deleted");
                QVERIFY(c.writeRun(*src, r).ok());
            }
        }
        auto rowOf = [&](const QString &id) {
            auto row = c.run(id, sources[0]);
            return row.ok() ? row->rowId : -1;
        };
        const qint64 a = rowOf(QStringLiteral("a"));
        const qint64 b = rowOf(QStringLiteral("b"));
        QVERIFY(a > 0 && b > 0);
        QList<Cache::SeriesRow> expected;
        for (const qint64 row : { std::min(a, b), std::max(a, b) }) // with the step of each latest point
            for (const auto &[key, step] : { std::pair { QStringLiteral("grad"), 0 },
                     std::pair { QStringLiteral("ll"), 0 }, std::pair { QStringLiteral("loss"), 1 } })
                expected.append({ row, key, step });

        QSet<QString> asked { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("not-cached") };
        auto series = c.metricSeries(sources[0], asked);
        QVERIFY2(series.ok(), series.ok() ? "" : qPrintable(series.error().toString()));
        QCOMPARE(*series, expected);
        for (int i = 0; i < 1200; ++i) // more ids than one statement binds
            asked.insert(QStringLiteral("x%1").arg(i));
        series = c.metricSeries(sources[0], asked);
        QVERIFY(series.ok());
        QCOMPARE(*series, expected);
        series = c.metricSeries(sources[0], {});
        QVERIFY(series.ok());
        QVERIFY(series->isEmpty());
    }

    void newRunsOfABatchAreWrittenWholeTogether()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("pending.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///pending"), QStringLiteral("file"));
        QVERIFY(src.ok());
        const Experiment e{QStringLiteral("1"), QStringLiteral("exp"), {}, kActive, 1, 2, {}};
        QVERIFY(c.writeExperiment(*src, e).ok());
        auto runWith = [](int i) {
            Run r = sampleRun(QStringLiteral("run%1").arg(i), QStringLiteral("1"));
            r.hasHistory = false;
            r.history.clear();
            r.params.append({QStringLiteral("seed"), QString::number(i)});
            r.modelOutputs = {{QStringLiteral("m-%1").arg(i), 3}};
            return r;
        };
        // More new runs than wait together, one of them delivered twice (changed) while its rows
        // still wait, and a commit with rows waiting.
        QVERIFY(c.beginBatch().ok());
        for (int i = 0; i < 70; ++i)
            QVERIFY(c.writeRun(*src, runWith(i)).ok());
        Run again = runWith(65);
        again.params.removeFirst();
        QVERIFY(c.writeRun(*src, again).ok());
        for (int i = 70; i < 75; ++i)
            QVERIFY(c.writeRun(*src, runWith(i)).ok());
        QVERIFY(c.commitBatch().ok());
        auto counts = c.counts(*src);
        QVERIFY(counts.ok());
        QCOMPARE(counts->runs, 75);
        QCOMPARE(counts->params, 75 * 3 - 1);
        QCOMPARE(counts->runTags, 75);
        QCOMPARE(counts->latestMetrics, 75 * 3);
        auto back = c.run(QStringLiteral("run65"));
        QVERIFY(back.ok());
        QCOMPARE(back->run.params.size(), 2);
        QCOMPARE(back->run.inputs, again.inputs);
        QCOMPARE(back->run.modelOutputs, again.modelOutputs);

        // A run whose rows cannot go in (the same param twice) fails its write or the commit, and
        // takes back the new runs waiting with it, each whole; the committed ones stay.
        QVERIFY(c.beginBatch().ok());
        bool failed = false;
        for (int i = 100; i < 110; ++i) {
            Run r = runWith(i);
            if (i == 105)
                r.params.append(r.params.first());
            failed = failed || !c.writeRun(*src, r).ok();
        }
        failed = !c.commitBatch().ok() || failed;
        QVERIFY(failed);
        counts = c.counts(*src);
        QVERIFY(counts.ok());
        QCOMPARE(counts->runs, 75);
        QCOMPARE(counts->params, 75 * 3 - 1);
        QCOMPARE(c.database().scalar(QStringLiteral("SELECT count(*) FROM run_models"))->toLongLong(), 75);
        QCOMPARE(c.database().scalar(QStringLiteral("PRAGMA foreign_key_check"))->isValid(), false);
    }

    void registryChangesAreReported()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("reg.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///reg"), QStringLiteral("file"));
        QVERIFY(src.ok());
        QList<RegistryChange> changes;
        RegisteredModel m = sampleModel();
        QVERIFY(c.writeRegisteredModel(*src, m, &changes).ok());
        QVERIFY(changes.isEmpty());  // the first sight of a model is the baseline

        m.versions[1].currentStage = kStageStaging;  // v2 Archived -> Staging
        m.aliases = {{QStringLiteral("champion"), 2}};
        m.versions[2].tags.append({QStringLiteral("deployed_at"), QStringLiteral("today")});
        QVERIFY(c.writeRegisteredModel(*src, m, &changes).ok());
        QCOMPARE(changes.size(), 3);
        auto find = [&](const QString &field) {
            for (const auto &ch : changes)
                if (ch.field == field)
                    return ch;
            return RegistryChange{};
        };
        QCOMPARE(find(QStringLiteral("stage")).version, 2);
        QCOMPARE(find(QStringLiteral("stage")).oldValue, kStageArchived);
        QCOMPARE(find(QStringLiteral("stage")).newValue, kStageStaging);
        QCOMPARE(find(QStringLiteral("alias:champion")).oldValue, QStringLiteral("3"));
        QCOMPARE(find(QStringLiteral("alias:champion")).newValue, QStringLiteral("2"));
        QCOMPARE(find(QStringLiteral("tag:deployed_at")).newValue, QStringLiteral("today"));

        auto back = c.registeredModel(QStringLiteral("car_price_model"));
        QVERIFY(back.ok());
        QCOMPARE(back->versions.size(), 3);
        QCOMPARE(back->versions[1].currentStage, kStageStaging);
        QCOMPARE(back->versions[1].aliases, QStringList{QStringLiteral("champion")});
    }

    void removeMissingDeletesWhatTheSourceLost()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("rm.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("file:///rm"), QStringLiteral("file"));
        QVERIFY(c.writeExperiment(*src, Experiment{QStringLiteral("1"), QStringLiteral("e"), {}, kActive, 0, 0, {}}).ok());
        QVERIFY(c.writeRun(*src, sampleRun(QStringLiteral("a"), QStringLiteral("1"))).ok());
        QVERIFY(c.writeRun(*src, sampleRun(QStringLiteral("b"), QStringLiteral("1"))).ok());
        QVERIFY(c.writeRegisteredModel(*src, sampleModel(), nullptr).ok());
        QList<RegistryChange> changes;
        QVERIFY(c.removeMissing(*src, {QStringLiteral("1")}, QSet<QString>{QStringLiteral("b")}, {}, {}, &changes).ok());
        auto counts = c.counts(*src);
        QCOMPARE(counts->runs, 1);
        QCOMPARE(counts->models, 0);
        QCOMPARE(counts->params, 2);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].field, QStringLiteral("deleted"));
        QVERIFY(!c.run(QStringLiteral("a")).ok());
        QCOMPARE(c.run(QStringLiteral("a")).error().category, ErrorCategory::NotFound);
    }

    void keepsMlflow3LoggedModelsAndTheirLinks()
    {
        Cache c;
        QVERIFY(c.open(path(QStringLiteral("lm.sqlite"))).ok());
        auto src = c.ensureSource(QStringLiteral("sqlite:///lm.db"), QStringLiteral("sqlite"));
        QVERIFY(c.writeExperiment(*src, Experiment{QStringLiteral("1"), QStringLiteral("cars"), {}, kActive, 0, 0, {}}).ok());
        Run run = sampleRun(QStringLiteral("r1"), QStringLiteral("1"));
        run.modelOutputs = {ModelIo{QStringLiteral("m-a27"), 4}};
        run.modelInputs = {ModelIo{QStringLiteral("m-old"), 0}};
        QVERIFY(c.writeRun(*src, run).ok());

        LoggedModel m;
        m.modelId = QStringLiteral("m-a27");
        m.experimentId = QStringLiteral("1");
        m.name = QStringLiteral("model");
        m.artifactLocation = QStringLiteral("mlflow-artifacts:/1/models/m-a27/artifacts");
        m.sourceRunId = QStringLiteral("r1");
        m.status = QStringLiteral("READY");
        m.creationTime = 5;
        m.params = {{QStringLiteral("max_depth"), QStringLiteral("5")}};
        m.tags = {{QStringLiteral("mlflow.modelVersions"), QStringLiteral("[{\"name\": \"car\", \"version\": 1}]")}};
        m.metrics = {{QStringLiteral("holdout_rmse"), 1234.5, 7, 0, QStringLiteral("r1"), QStringLiteral("cars_val"),
                      QStringLiteral("bc79217c")},
                     {QStringLiteral("val_r2_score"), std::numeric_limits<double>::quiet_NaN(), 8, 4, QStringLiteral("r1"),
                      {}, {}}};
        QVERIFY(c.writeLoggedModel(*src, m).ok());
        QVERIFY(c.writeLoggedModel(*src, m).ok());  // a re-sync replaces, never duplicates

        RegisteredModel reg = sampleModel();
        reg.versions[2].source = QStringLiteral("models:/m-a27");
        reg.versions[2].modelId = ModelVersion::modelIdFromSource(reg.versions[2].source);
        QVERIFY(c.writeRegisteredModel(*src, reg, nullptr).ok());

        auto back = c.loggedModel(QStringLiteral("m-a27"));
        QVERIFY(back.ok());
        QCOMPARE(back->name, m.name);
        QCOMPARE(back->artifactLocation, m.artifactLocation);
        QCOMPARE(back->params, m.params);
        QCOMPARE(back->tags, m.tags);
        QCOMPARE(back->metrics.size(), 2);
        QCOMPARE(back->metrics[0].datasetName, QStringLiteral("cars_val"));
        QCOMPARE(back->metrics[0].datasetDigest, QStringLiteral("bc79217c"));
        QVERIFY(std::isnan(back->metrics[1].value));
        QCOMPARE(c.loggedModels(*src, QStringLiteral("1"))->size(), 1);
        QCOMPARE(c.loggedModels(*src, QStringLiteral("2"))->size(), 0);
        QCOMPARE(c.counts(*src)->loggedModels, 1);

        auto r = c.run(QStringLiteral("r1"));
        QVERIFY(r.ok());
        QCOMPARE(r->run.modelOutputs, run.modelOutputs);
        QCOMPARE(r->run.modelInputs, run.modelInputs);
        QCOMPARE(c.registeredModel(reg.name)->versions[2].modelId, QStringLiteral("m-a27"));
        QCOMPARE(c.registeredModel(reg.name)->versions[1].modelId, QString());

        QCOMPARE(c.loggedModel(QStringLiteral("m-none")).error().category, ErrorCategory::NotFound);
        QVERIFY(c.removeMissing(*src, {QStringLiteral("1")}, QSet<QString>{QStringLiteral("r1")}, {reg.name}, {}, nullptr).ok());
        QCOMPARE(c.counts(*src)->loggedModels, 0);
    }

    void modelIdFromSource_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("modelId");
        QTest::newRow("logged model") << QStringLiteral("models:/m-a27747ccc3644ca1b0c96cde62e0b9d2")
                                      << QStringLiteral("m-a27747ccc3644ca1b0c96cde62e0b9d2");
        QTest::newRow("name and version") << QStringLiteral("models:/car_price_model/3") << QString();
        QTest::newRow("run artifacts") << QStringLiteral("mlflow-artifacts:/1/abc/artifacts/model") << QString();
        QTest::newRow("runs uri") << QStringLiteral("runs:/abc/model") << QString();
    }
    void modelIdFromSource()
    {
        QFETCH(QString, source);
        QFETCH(QString, modelId);
        QCOMPARE(ModelVersion::modelIdFromSource(source), modelId);
    }

    void journalIsAppendOnlyAndChained()
    {
        const QString jpath = path(QStringLiteral("j/journal.sqlite"));
        {
            Journal j;
            QVERIFY(j.open(jpath).ok());
            QCOMPARE(j.database().scalar(QStringLiteral("PRAGMA synchronous"))->toInt(), 2);  // FULL
            for (int i = 1; i <= 3; ++i) {
                JournalEntry e;
                e.sourceUri = QStringLiteral("file:///x");
                e.kind = QStringLiteral("observed.stage");
                e.subject = QStringLiteral("m/%1").arg(i);
                e.note = QStringLiteral("note with \"quotes\" and ünïcødé");
                e.details = QJsonObject{{QStringLiteral("new"), QStringLiteral("Production")}};
                QVERIFY(j.append(e).ok());
                QCOMPARE(e.seq, i);
                QCOMPARE(e.hash.size(), 64);
            }
            QVERIFY(j.verify().ok());
            QCOMPARE(j.entries()->size(), 3);
            QCOMPARE(j.entries(QString(), QStringLiteral("m/2"))->size(), 1);
            // The append-only triggers refuse edits through SQL.
            QVERIFY(!j.database().exec(QStringLiteral("UPDATE entries SET note = 'x' WHERE seq = 2")).ok());
            QVERIFY(!j.database().exec(QStringLiteral("DELETE FROM entries WHERE seq = 2")).ok());
        }
        // Someone who drops the triggers and edits the file is still found out.
        {
            Database db;
            QVERIFY(db.open(jpath, false).ok());
            QVERIFY(db.exec(QStringLiteral("DROP TRIGGER entries_no_update; UPDATE entries SET note = 'forged' WHERE seq = 2")).ok());
        }
        {
            Journal j;
            QVERIFY(j.open(jpath).ok());
            const Status st = j.verify();
            QVERIFY(!st.ok());
            QVERIFY(st.error().message.contains(QStringLiteral("entry 2")));
        }
    }

    void runOrderNarrowsLikeTheGeneralQuery_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("includeDeleted");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<int>("expected");  // -1: any count, checked against the general query only
        QTest::newRow("no filter") << QString() << false << QString() << 200;
        QTest::newRow("no filter, with deleted") << QString() << true << QString() << 240;
        QTest::newRow("metric >") << QStringLiteral("metrics.acc > 0.5") << false << QString() << -1;
        QTest::newRow("metric and param") << QStringLiteral("metrics.acc > 0.5 and params.opt = 'adam'") << false << QString() << -1;
        QTest::newRow("param !=") << QStringLiteral("params.opt != 'adam'") << false << QString() << -1;
        QTest::newRow("tag LIKE") << QStringLiteral("tags.team LIKE 'v%'") << true << QString() << -1;
        QTest::newRow("tag IS NULL") << QStringLiteral("tags.team IS NULL") << false << QString() << -1;
        QTest::newRow("param IS NOT NULL") << QStringLiteral("params.opt IS NOT NULL") << false << QString() << -1;
        QTest::newRow("nothing matches") << QStringLiteral("metrics.acc < -5") << false << QString() << 0;
        QTest::newRow("metric = NaN-free") << QStringLiteral("metrics.acc >= 0") << true << QString() << -1;
        QTest::newRow("children of a parent") << QStringLiteral("metrics.acc > 0.3") << false << QStringLiteral("p3") << -1;
        QTest::newRow("attribute: general path") << QStringLiteral("attributes.status = 'FINISHED' and metrics.acc > 0.2")
                                                 << false << QString() << -1;
    }

    void runOrderNarrowsLikeTheGeneralQuery()
    {
        // runOrder() answers metric/param/tag filters from in-memory run sets; runSummaries() runs
        // the general SQL. Both must give the same runs in the same order: newest start first,
        // then by row id, runs without a start time last.
        QFETCH(QString, filter);
        QFETCH(bool, includeDeleted);
        QFETCH(QString, parent);
        QFETCH(int, expected);
        if (!m_orderCache) {
            m_orderCache = std::make_unique<Cache>();
            Cache *shared = m_orderCache.get();
            QVERIFY(shared->open(path(QStringLiteral("order.sqlite"))).ok());
            auto src = shared->ensureSource(QStringLiteral("file:///order"), QStringLiteral("file"));
            QVERIFY(src.ok());
            for (const QString &e : {QStringLiteral("1"), QStringLiteral("2")})
                QVERIFY(shared->writeExperiment(*src, Experiment{e, QStringLiteral("exp") + e, {}, kActive, 1, 2, {}}).ok());
            QVERIFY(shared->beginBatch().ok());
            for (int i = 0; i < 300; ++i) {
                Run r;
                r.runId = QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0'));
                r.experimentId = i < 240 ? QStringLiteral("1") : QStringLiteral("2");
                r.status = i % 5 ? QStringLiteral("FINISHED") : QStringLiteral("FAILED");
                r.startTime = i % 17 == 0 ? 0 : 1000 + (i % 50) * 10;  // ties, and runs without a start
                r.lifecycleStage = i >= 200 && i < 240 ? QStringLiteral("deleted") : kActive;
                if (i % 7 != 3)  // some runs lack the metric
                    r.latestMetrics.append(MetricPoint{QStringLiteral("acc"),
                                                       i % 11 == 0 ? std::numeric_limits<double>::quiet_NaN() : (i % 13) / 12.0,
                                                       5, 1});
                if (i % 4 != 1)
                    r.params.append(KeyValue{QStringLiteral("opt"), i % 3 ? QStringLiteral("adam") : QStringLiteral("sgd")});
                if (i % 6 == 0)
                    r.tags.append(KeyValue{QStringLiteral("team"), QStringLiteral("vision%1").arg(i % 4)});
                if (i % 10 > 0 && i < 40)
                    r.tags.append(KeyValue{QStringLiteral("mlflow.parentRunId"), QStringLiteral("p%1").arg(i / 10)});
                if (i % 10 == 0 && i < 40)
                    r.runId = QStringLiteral("p%1").arg(i / 10);
                QVERIFY(shared->writeRun(*src, r).ok());
            }
            QVERIFY(shared->commitBatch().ok());
        }
        Cache *shared = m_orderCache.get();
        RunQuery q;
        q.experiments = {QStringLiteral("1")};
        q.filter = filter;
        q.includeDeleted = includeDeleted;
        q.parentRunId = parent;
        auto order = shared->runOrder(q);
        QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().toString()));
        auto general = shared->runSummaries(q);
        QVERIFY(general.ok());
        QList<qint64> a, b;
        for (const RunOrderKey &k : std::as_const(*order))
            a.append(k.rowId);
        for (const RunSummary &r : std::as_const(*general))
            b.append(r.rowId);
        QCOMPARE(a, b);
        if (expected >= 0)
            QCOMPARE(a.size(), expected);
        else
            QVERIFY(a.size() > 0);
        for (qsizetype i = 0; i < order->size(); ++i)
            QCOMPARE(order->at(i).startTime, general->at(i).startTime);
    }

    void filteredOrderFollowsWritesFromAnyConnection()
    {
        // A filter narrows the experiment's order remembered from the last read; a write, by
        // this connection or another one (a sync while the table is open), must be seen.
        const QString file = path(QStringLiteral("order-writes.sqlite"));
        Cache reader;
        QVERIFY(reader.open(file).ok());
        auto src = reader.ensureSource(QStringLiteral("file:///w"), QStringLiteral("file"));
        QVERIFY(src.ok());
        QVERIFY(reader.writeExperiment(*src, Experiment{QStringLiteral("1"), QStringLiteral("e"), {}, kActive, 1, 2, {}}).ok());
        const auto run = [](int i, double acc) {
            Run r;
            r.runId = QStringLiteral("w%1").arg(i);
            r.experimentId = QStringLiteral("1");
            r.startTime = 1000 + i;
            r.lifecycleStage = kActive;
            r.latestMetrics.append(MetricPoint{QStringLiteral("acc"), acc, 5, 1});
            return r;
        };
        for (int i = 0; i < 5; ++i)
            QVERIFY(reader.writeRun(*src, run(i, i / 10.0)).ok());
        RunQuery q;
        q.experiments = {QStringLiteral("1")};
        q.filter = QStringLiteral("metrics.acc > 0.15");
        const auto ids = [&]() {
            QList<qint64> out;
            auto order = reader.runOrder(q);
            if (order)
                for (const RunOrderKey &k : std::as_const(*order))
                    out.append(k.rowId);
            return out;
        };
        const QList<qint64> before = ids();
        QCOMPARE(before.size(), 3);  // w4, w3, w2

        Cache writer;  // another connection to the same file
        QVERIFY(writer.open(file).ok());
        auto wsrc = writer.ensureSource(QStringLiteral("file:///w"), QStringLiteral("file"));
        QVERIFY(wsrc.ok());
        QVERIFY(writer.writeRun(*wsrc, run(9, 0.9)).ok());
        const QList<qint64> afterOther = ids();
        QCOMPARE(afterOther.size(), 4);
        QCOMPARE(afterOther.mid(1), before);  // the new run starts last: first in the order

        QVERIFY(reader.writeRun(*src, run(7, 0.8)).ok());
        const QList<qint64> afterOwn = ids();
        QCOMPARE(afterOwn.size(), 5);
        QCOMPARE(afterOwn.mid(2), before);
        q.filter.clear();
        QCOMPARE(ids().size(), 7);
    }

    void journalSurvivesClearingTheCache()
    {
        const QString cpath = path(QStringLiteral("clear/cache.sqlite"));
        const QString jpath = Journal::defaultPathFor(cpath);
        QVERIFY(jpath != cpath);
        {
            Cache c;
            QVERIFY(c.open(cpath).ok());
            Journal j;
            QVERIFY(j.open(jpath).ok());
            JournalEntry e;
            e.sourceUri = QStringLiteral("file:///x");
            e.kind = QStringLiteral("approve");
            e.subject = QStringLiteral("m/1");
            QVERIFY(j.append(e).ok());
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(cpath + QLatin1String(suffix));
        Cache c;
        QVERIFY(c.open(cpath).ok());
        Journal j;
        QVERIFY(j.open(jpath).ok());
        QCOMPARE(j.entries()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
