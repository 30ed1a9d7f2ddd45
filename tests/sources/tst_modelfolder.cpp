// SPDX-License-Identifier: GPL-3.0-or-later
// ModelFolderSource against tests/data/model-folder/artifacts/training and changed copies of it.

#include "TestSupport.h"

#include "sources/modelfolder/ModelFolderSource.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

class CollectingSink : public md::ImportSink {
public:
    int experiments = 0;
    int runs = 0;
    QList<md::RegisteredModel> models;
    QList<md::ReadProblem> problems;

    md::Status experiment(const md::Experiment &) override
    {
        ++experiments;
        return {};
    }
    md::Status run(const md::Run &) override
    {
        ++runs;
        return {};
    }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        models.append(m);
        return {};
    }
    void problem(const md::ReadProblem &p) override { problems.append(p); }
};

QString tag(const md::ModelVersion &v, const QString &key)
{
    for (const auto &t : v.tags)
        if (t.key == key)
            return t.value;
    return u"<missing>"_s;
}

bool hasTag(const md::ModelVersion &v, const QString &key) { return tag(v, key) != QLatin1String("<missing>"); }

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

QString fixture() { return md::test::dataPath(u"model-folder/artifacts/training"_s); }

/// Copies the fixture to DIR/model-folder/artifacts/training and returns that folder.
QString copyFixture(const QTemporaryDir &tmp)
{
    const QString to = tmp.filePath(u"model-folder/artifacts/training"_s);
    return md::test::copyTree(fixture(), to) ? to : QString();
}

md::Status readFolder(const QString &path, CollectingSink &sink)
{
    md::ModelFolderSource source(path);
    if (auto s = source.open(); !s)
        return s;
    std::atomic_bool cancel{false};
    return source.readAll(sink, cancel);
}

QStringList stages(const md::RegisteredModel &m)
{
    QStringList out;
    for (const auto &v : m.versions)
        out.append(QString::number(v.version) + u'=' + v.currentStage);
    return out;
}

} // namespace

class TestModelFolder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identity()
    {
        md::ModelFolderSource source(fixture());
        QCOMPARE(source.kind(), md::SourceKind::ModelFolder);
        QCOMPARE(source.uri(), u"folder://"_s + QFileInfo(fixture()).absoluteFilePath());
        QVERIFY(source.uri().startsWith(u"folder:///"_s));
        QVERIFY(md::ModelFolderSource::looksLikeModelFolder(fixture()));
        QVERIFY(!md::ModelFolderSource::looksLikeModelFolder(md::test::dataPath(u"mlruns"_s)));
        QVERIFY(!md::ModelFolderSource::looksLikeModelFolder(md::test::dataPath(u"model-folder"_s)));
    }

    void modelName_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("name");
        QTest::newRow("generic names are skipped") << u"car-price/artifacts/training"_s << u"car-price"_s;
        QTest::newRow("case-insensitive") << u"fraud/Models/OUTPUT"_s << u"fraud"_s;
        QTest::newRow("own name") << u"projects/churn_v2"_s << u"churn_v2"_s;
    }

    void modelName()
    {
        QFETCH(QString, relative);
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(relative);
        QVERIFY(QDir().mkpath(dir));
        QCOMPARE(md::ModelFolderSource::modelNameFor(dir), name);
    }

    void fixtureFolder()
    {
        CollectingSink sink;
        const md::Status s = readFolder(fixture(), sink);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(sink.problems.size(), 0);
        QCOMPARE(sink.experiments, 0);
        QCOMPARE(sink.runs, 0);
        QCOMPARE(sink.models.size(), 1);

        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(m.name, u"model-folder"_s);
        QVERIFY(m.description.contains(QFileInfo(fixture()).absoluteFilePath()));
        QVERIFY(m.aliases.isEmpty());
        QCOMPARE(stages(m), (QStringList{u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s}));

        const QDir dir(fixture());
        for (const auto &v : m.versions) {
            const QString file = u"model_v%1.pkl"_s.arg(v.version);
            QCOMPARE(v.name, u"model-folder"_s);
            QCOMPARE(v.source, u"folder://"_s + dir.absoluteFilePath(file));
            QCOMPARE(v.status, u"READY"_s);
            QCOMPARE(tag(v, u"modeldesk.file"_s), file);
            QCOMPARE(tag(v, u"modeldesk.sha256"_s), sha256Of(dir.filePath(file)));
            QCOMPARE(tag(v, u"modeldesk.size_bytes"_s), QString::number(QFileInfo(dir.filePath(file)).size()));
            QVERIFY(v.aliases.isEmpty());
            if (v.version != 4) {
                QVERIFY(!hasTag(v, u"modeldesk.best_score"_s));
                QVERIFY(!hasTag(v, u"modeldesk.side_files"_s));
                QCOMPARE(v.creationTime, QFileInfo(dir.filePath(file)).lastModified().toMSecsSinceEpoch());
            }
        }
        QCOMPARE(tag(m.versions[0], u"modeldesk.size_bytes"_s), u"213"_s);

        const md::ModelVersion &current = m.versions[3];
        QCOMPARE(tag(current, u"modeldesk.best_score"_s), u"0.89"_s);
        QCOMPARE(tag(current, u"modeldesk.date_created"_s), u"2024-01-15"_s);
        QCOMPARE(tag(current, u"modeldesk.side_files"_s), u"encoders.pkl,scaler.pkl"_s);
        QCOMPARE(current.creationTime, QDateTime(QDate(2024, 1, 15), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        // model.pkl is a copy of model_v4.pkl.
        QCOMPARE(tag(current, u"modeldesk.sha256"_s), sha256Of(dir.filePath(u"model.pkl"_s)));
    }

    // Without a usable "Current version", the current version is the model_vN.pkl that model.pkl
    // is a byte-for-byte copy of.
    void currentFoundByBytes_data()
    {
        QTest::addColumn<QByteArray>("versionTxt");  // empty: no version.txt
        QTest::addColumn<int>("problems");
        QTest::addColumn<QString>("problemWhere");
        QTest::newRow("no version.txt") << QByteArray() << 0 << QString();
        QTest::newRow("unknown format") << QByteArray("v4\nscore=0.89\n") << 1 << u"version.txt:1"_s;
        QTest::newRow("JSON") << QByteArray("{\"current\": 4, \"score\": 0.89}\n") << 1 << u"version.txt:1"_s;
        QTest::newRow("bad current version")
            << QByteArray("Best score: 0.89\nCurrent version: four\n") << 1 << u"version.txt:2"_s;
    }

    void currentFoundByBytes()
    {
        QFETCH(QByteArray, versionTxt);
        QFETCH(int, problems);
        QFETCH(QString, problemWhere);

        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        // model.pkl becomes a copy of v3 so that "current by bytes" differs from the fixture's v4.
        QVERIFY(QFile::remove(dir + u"/model.pkl"_s));
        QVERIFY(QFile::copy(dir + u"/model_v3.pkl"_s, dir + u"/model.pkl"_s));
        QVERIFY(QFile::remove(dir + u"/version.txt"_s));
        if (!versionTxt.isEmpty())
            QVERIFY(md::test::writeFile(dir + u"/version.txt"_s, versionTxt));

        CollectingSink sink;
        const md::Status s = readFolder(dir, sink);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        for (const auto &p : std::as_const(sink.problems))
            qInfo("problem: %s", qPrintable(p.error.toString()));
        QCOMPARE(sink.problems.size(), problems);
        if (problems > 0) {
            QCOMPARE(sink.problems.first().error.where, QDir(dir).absoluteFilePath(problemWhere));
            QVERIFY(sink.problems.first().error.message.contains(u"Current version"_s));
        }
        QCOMPARE(sink.models.size(), 1);
        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(m.name, u"model-folder"_s);
        QCOMPARE(stages(m), (QStringList{u"1=Archived"_s, u"2=Archived"_s, u"3=Production"_s, u"4=Archived"_s}));
        QCOMPARE(tag(m.versions[2], u"modeldesk.side_files"_s), u"encoders.pkl,scaler.pkl"_s);
        QVERIFY(!hasTag(m.versions[2], u"modeldesk.date_created"_s));
    }

    void badValuesAreReportedByLine()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(md::test::writeFile(dir + u"/version.txt"_s,
                                    "current VERSION: 4\r\nBest score: high\r\nDate created: 15.01.2024\r\n"));
        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 2);
        QCOMPARE(sink.problems[0].error.where, QDir(dir).absoluteFilePath(u"version.txt:2"_s));
        QVERIFY(sink.problems[0].error.message.contains(u"Best score"_s));
        QCOMPARE(sink.problems[1].error.where, QDir(dir).absoluteFilePath(u"version.txt:3"_s));
        QVERIFY(sink.problems[1].error.message.contains(u"Date created"_s));
        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(m.versions[3].currentStage, md::kStageProduction);
        QVERIFY(!hasTag(m.versions[3], u"modeldesk.best_score"_s));
    }

    // model.pkl matches no saved version: it is delivered as the current version itself.
    void unsavedCurrentModel_data()
    {
        QTest::addColumn<QByteArray>("versionTxt");
        QTest::addColumn<qint64>("expectedVersion");
        QTest::newRow("number from version.txt") << QByteArray("Current version: 7\nBest score: 0.91\n") << qint64(7);
        QTest::newRow("no version.txt: highest + 1") << QByteArray() << qint64(5);
    }

    void unsavedCurrentModel()
    {
        QFETCH(QByteArray, versionTxt);
        QFETCH(qint64, expectedVersion);
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(md::test::writeFile(dir + u"/model.pkl"_s, "a model that was never saved as model_vN.pkl"));
        QVERIFY(QFile::remove(dir + u"/version.txt"_s));
        if (!versionTxt.isEmpty())
            QVERIFY(md::test::writeFile(dir + u"/version.txt"_s, versionTxt));

        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 0);
        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(m.versions.size(), 5);
        const md::ModelVersion &current = m.versions.last();
        QCOMPARE(current.version, expectedVersion);
        QCOMPARE(current.currentStage, md::kStageProduction);
        QCOMPARE(current.source, u"folder://"_s + QDir(dir).absoluteFilePath(u"model.pkl"_s));
        QCOMPARE(tag(current, u"modeldesk.file"_s), u"model.pkl"_s);
        QCOMPARE(tag(current, u"modeldesk.sha256"_s), sha256Of(dir + u"/model.pkl"_s));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m.versions[i].currentStage, md::kStageArchived);
    }

    // model.pkl is what is served: when it is a copy of model_vM.pkl but version.txt says N, M is
    // current and version.txt is reported. This is the state a rollback killed between replacing
    // model.pkl and rewriting version.txt leaves (new behaviour with ModelFolderWriter; before, N won).
    void modelPklWinsOverVersionTxt()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(QFile::remove(dir + u"/model.pkl"_s));
        QVERIFY(QFile::copy(dir + u"/model_v3.pkl"_s, dir + u"/model.pkl"_s));  // version.txt still says 4

        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 1);
        QCOMPARE(sink.problems.first().error.where, QDir(dir).absoluteFilePath(u"version.txt:1"_s));
        QVERIFY2(sink.problems.first().error.message.contains(u"says 4, but model.pkl is model_v3.pkl"_s),
                 qPrintable(sink.problems.first().error.toString()));
        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(stages(m), (QStringList{u"1=Archived"_s, u"2=Archived"_s, u"3=Production"_s, u"4=Archived"_s}));
        // version.txt's score and date describe v4, not the served v3.
        QVERIFY(!hasTag(m.versions[2], u"modeldesk.best_score"_s));
        QVERIFY(!hasTag(m.versions[2], u"modeldesk.date_created"_s));
        QVERIFY(!hasTag(m.versions[3], u"modeldesk.best_score"_s));
        QCOMPARE(tag(m.versions[2], u"modeldesk.side_files"_s), u"encoders.pkl,scaler.pkl"_s);
    }

    // version.txt names an existing version but model.pkl is a copy of none: version.txt still
    // decides, and the mismatch is reported.
    void modelPklMatchesNoSavedVersion()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(md::test::writeFile(dir + u"/model.pkl"_s, "copied in by hand"));
        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 1);
        QCOMPARE(sink.problems.first().error.where, QDir(dir).absoluteFilePath(u"version.txt:1"_s));
        QVERIFY(sink.problems.first().error.message.contains(u"model.pkl is not a copy of model_v4.pkl"_s));
        QCOMPARE(stages(sink.models.first()),
                 (QStringList{u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s}));
    }

    // version.txt without a "Best score" line (ModelFolderWriter leaves it out when the score is
    // unknown) is fine.
    void versionTxtWithoutScore()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(md::test::writeFile(dir + u"/version.txt"_s, "Current version: 4\nDate created: 2024-06-01\n"));
        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 0);
        const md::ModelVersion &current = sink.models.first().versions[3];
        QCOMPARE(current.currentStage, md::kStageProduction);
        QVERIFY(!hasTag(current, u"modeldesk.best_score"_s));
        QCOMPARE(tag(current, u"modeldesk.date_created"_s), u"2024-06-01"_s);
    }

    // .modeldesk-registry.json adds what the folder cannot hold: None and Staging, tags,
    // descriptions, who registered a version and when. The files decide Production, and computed
    // tags win.
    void sidecarIsMerged()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        QVERIFY(md::test::writeFile(dir + u"/.modeldesk-registry.json"_s, R"({
  "format_version": 1,
  "future_field": "ignored",
  "versions": {
    "1": {"stage": "None"},
    "2": {"stage": "Staging", "description": "Random Forest", "user_id": "alice", "run_id": "abc123",
          "creation_timestamp": 1700000000000, "last_updated_timestamp": 1700000500000,
          "tags": {"modeldesk.score": "0.85", "modeldesk.sha256": "forged", "team": "pricing"}},
    "3": {"stage": "Archived"},
    "4": {"stage": "Staging", "tags": {"modeldesk.best_score": "0.99", "approved_by": "bob"}},
    "9": {"stage": "Staging", "description": "no model_v9.pkl: ignored"}
  }
}
)"));
        CollectingSink sink;
        QVERIFY(readFolder(dir, sink).ok());
        QCOMPARE(sink.problems.size(), 0);
        const md::RegisteredModel &m = sink.models.first();
        QCOMPARE(stages(m), (QStringList{u"1=None"_s, u"2=Staging"_s, u"3=Archived"_s, u"4=Production"_s}));
        const md::ModelVersion &v2 = m.versions[1];
        QCOMPARE(v2.description, u"Random Forest"_s);
        QCOMPARE(v2.userId, u"alice"_s);
        QCOMPARE(v2.runId, u"abc123"_s);
        QCOMPARE(v2.creationTime, qint64(1700000000000));
        QCOMPARE(v2.lastUpdatedTime,
                 std::max(qint64(1700000500000),
                          QFileInfo(dir + u"/model_v2.pkl"_s).lastModified().toMSecsSinceEpoch()));
        QCOMPARE(tag(v2, u"modeldesk.score"_s), u"0.85"_s);
        QCOMPARE(tag(v2, u"team"_s), u"pricing"_s);
        QCOMPARE(tag(v2, u"modeldesk.sha256"_s), sha256Of(dir + u"/model_v2.pkl"_s));
        QCOMPARE(v2.tags.size(), 5);  // file, sha256, size_bytes, score, team
        const md::ModelVersion &v4 = m.versions[3];
        QCOMPARE(tag(v4, u"modeldesk.best_score"_s), u"0.89"_s);
        QCOMPARE(tag(v4, u"approved_by"_s), u"bob"_s);
        QVERIFY(std::is_sorted(v4.tags.cbegin(), v4.tags.cend(),
                               [](const md::KeyValue &a, const md::KeyValue &b) { return a.key < b.key; }));
        // The sidecar is no side file.
        QCOMPARE(tag(v4, u"modeldesk.side_files"_s), u"encoders.pkl,scaler.pkl"_s);
    }

    void cannotOpen_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<md::ErrorCategory>("category");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty folder") << u"empty"_s << md::ErrorCategory::BadInput << u"not a model folder"_s;
        QTest::newRow("only side files") << u"side-files"_s << md::ErrorCategory::BadInput << u"not a model folder"_s;
        QTest::newRow("a file") << u"file"_s << md::ErrorCategory::BadInput << u"not a model folder"_s;
        QTest::newRow("missing folder") << u"missing"_s << md::ErrorCategory::NotFound << u"no such folder"_s;
    }

    void cannotOpen()
    {
        QFETCH(QString, kind);
        QFETCH(md::ErrorCategory, category);
        QFETCH(QString, messagePart);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"training"_s);
        if (kind == QLatin1String("empty")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("side-files")) {
            QVERIFY(md::test::writeFile(path + u"/scaler.pkl"_s, "x"));
        } else if (kind == QLatin1String("file")) {
            QVERIFY(md::test::writeFile(path, "model"));
        }
        md::ModelFolderSource source(path);
        const md::Status s = source.open();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, category);
        QVERIFY2(s.error().message.contains(messagePart), qPrintable(s.error().toString()));
        QCOMPARE(s.error().where, QFileInfo(path).absoluteFilePath());

        CollectingSink sink;
        std::atomic_bool cancel{false};
        const md::Status read = source.readAll(sink, cancel);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().category, category);
        QVERIFY(sink.models.isEmpty());
    }

    void cancel()
    {
        md::ModelFolderSource source(fixture());
        CollectingSink sink;
        std::atomic_bool cancel{true};
        const md::Status s = source.readAll(sink, cancel);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::Cancelled);
        QVERIFY(sink.models.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestModelFolder)
#include "tst_modelfolder.moc"
