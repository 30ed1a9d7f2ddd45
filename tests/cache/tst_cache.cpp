// SPDX-License-Identifier: GPL-3.0-or-later
// The cache and the journal on real SQLite files.
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "cache/Schema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace md;

class TestCache : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
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
        QVERIFY(c.removeMissing(*src, {QStringLiteral("1")}, QSet<QString>{QStringLiteral("b")}, {}, &changes).ok());
        auto counts = c.counts(*src);
        QCOMPARE(counts->runs, 1);
        QCOMPARE(counts->models, 0);
        QCOMPARE(counts->params, 2);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].field, QStringLiteral("deleted"));
        QVERIFY(!c.run(QStringLiteral("a")).ok());
        QCOMPARE(c.run(QStringLiteral("a")).error().category, ErrorCategory::NotFound);
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
