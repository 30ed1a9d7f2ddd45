// SPDX-License-Identifier: GPL-3.0-or-later
// ModelFolderWriter on temporary copies of tests/data/model-folder/artifacts/training: the product's
// sequence (register v5, Staging, Production, roll back to v4), refusals, a corrupt sidecar, and a
// rollback killed (SIGKILL) at every step. For the kill test this executable re-runs itself as
// `tst_modelfolderwriter --victim FOLDER K`, which rolls the folder back to v3 and kills itself at
// the K-th step.

#include "TestSupport.h"

#include "sources/modelfolder/ModelFolderSource.h"
#include "sources/modelfolder/ModelFolderWriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

const QString kModel = u"model-folder"_s;

class CollectingSink : public md::ImportSink {
public:
    QList<md::RegisteredModel> models;
    QList<md::ReadProblem> problems;

    md::Status experiment(const md::Experiment &) override { return {}; }
    md::Status run(const md::Run &) override { return {}; }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        models.append(m);
        return {};
    }
    void problem(const md::ReadProblem &p) override { problems.append(p); }
};

QString fixture()
{
    return md::test::dataPath(u"model-folder/artifacts/training"_s);
}

/// Copies the fixture to DIR/model-folder/artifacts/training and returns that folder.
QString copyFixture(const QTemporaryDir &tmp)
{
    const QString to = tmp.filePath(u"model-folder/artifacts/training"_s);
    return md::test::copyTree(fixture(), to) ? to : QString();
}

/// What ModelFolderSource delivers, with its problems.
struct Read {
    md::RegisteredModel model;
    QList<md::ReadProblem> problems;
    bool ok = false;
};

Read readFolder(const QString &path)
{
    Read r;
    md::ModelFolderSource source(path);
    CollectingSink sink;
    std::atomic_bool cancel { false };
    r.ok = source.readAll(sink, cancel).ok() && sink.models.size() == 1;
    if (r.ok)
        r.model = sink.models.first();
    r.problems = sink.problems;
    for (const auto &p : std::as_const(r.problems))
        qInfo("reader problem: %s", qPrintable(p.error.toString()));
    return r;
}

QStringList stages(const md::RegisteredModel &m)
{
    QStringList out;
    for (const auto &v : m.versions)
        out.append(QString::number(v.version) + u'=' + v.currentStage);
    return out;
}

const md::ModelVersion *version(const md::RegisteredModel &m, qint64 n)
{
    for (const auto &v : m.versions)
        if (v.version == n)
            return &v;
    return nullptr;
}

QString tag(const md::ModelVersion *v, const QString &key)
{
    if (!v)
        return u"<no version>"_s;
    for (const auto &t : v->tags)
        if (t.key == key)
            return t.value;
    return u"<missing>"_s;
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

/// Every file in the folder, dot files included: name -> bytes.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : names)
        out.insert(name, bytesOf(QDir(dir).filePath(name)));
    return out;
}

QString today()
{
    return QDate::currentDate().toString(u"yyyy-MM-dd"_s);
}

QString errorText(const md::Status &s)
{
    return s.ok() ? QString() : s.error().toString();
}

const QString kSidecar = u".modeldesk-registry.json"_s;

/// The rollback the victim performs, and the steps it goes through on a fixture copy whose v3 is
/// in Staging: keep v4's score, switch model.pkl, rewrite version.txt, clear v3's Staging entry.
const QStringList kRollbackSteps = { u"sidecar"_s, u"model.pkl"_s, u"version.txt"_s, u"sidecar"_s, u"done"_s };

int runVictim(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString folder = QString::fromLocal8Bit(argv[2]);
    const int killAt = QByteArray(argv[3]).toInt();
    md::ModelFolderWriter writer(folder);
    int index = 0;
    writer.setStepObserver([&](const QString &step) {
        std::printf("%s\n", step.toUtf8().constData());
        std::fflush(stdout);
        if (index++ == killAt)
            std::raise(SIGKILL);
    });
    const md::Status s = writer.transitionStage(kModel, 3, md::kStageProduction, true);
    if (!s) {
        std::fprintf(stderr, "%s\n", s.error().toString().toUtf8().constData());
        return 1;
    }
    return 0;
}

} // namespace

class TestModelFolderWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identity()
    {
        md::ModelFolderWriter writer(fixture());
        QCOMPARE(writer.uri(), md::ModelFolderSource(fixture()).uri());
        QVERIFY(!writer.supportsAliases());
        QVERIFY2(writer.open().ok(), qPrintable(errorText(writer.open())));

        QTemporaryDir tmp;
        md::ModelFolderWriter missing(tmp.filePath(u"nothing-here"_s));
        const md::Status s = missing.open();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().category, md::ErrorCategory::NotFound);
    }

    void readModelIsWhatTheSourceDelivers()
    {
        md::ModelFolderWriter writer(fixture());
        const auto m = writer.readModel(kModel);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        const Read r = readFolder(fixture());
        QVERIFY(r.ok);
        QCOMPARE(m->name, r.model.name);
        QCOMPARE(stages(*m), stages(r.model));
        QCOMPARE(stages(*m), (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s }));
        for (int i = 0; i < m->versions.size(); ++i)
            QCOMPARE(m->versions[i].tags, r.model.versions[i].tags);

        const auto other = writer.readModel(u"car_price_model"_s);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().category, md::ErrorCategory::NotFound);
        QVERIFY(other.error().message.contains(u"car_price_model"_s));
    }

    // The product's sequence: v5 registered, Staging, Production with v4 archived, rolled back to v4.
    void registerStagePromoteRollBack()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        const QByteArray newModel = "a new model file, never unpickled: \x80\x04\x95 bytes";
        const QString newFile = tmp.filePath(u"incoming/model.pkl"_s);
        QVERIFY(md::test::writeFile(newFile, newModel));

        md::ModelFolderWriter writer(dir);
        QStringList steps;
        writer.setStepObserver([&](const QString &step) { steps.append(step); });

        // Register.
        md::NewModelVersion nv;
        nv.name = kModel;
        nv.source = newFile;
        nv.description = u"XGBoost with new features"_s;
        nv.userId = u"alice"_s;
        nv.tags = { { u"modeldesk.score"_s, u"0.91"_s }, { u"team"_s, u"pricing"_s } };
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto created = writer.createVersion(nv);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(steps, (QStringList { u"sidecar"_s, u"model_v5.pkl"_s, u"done"_s }));
        QCOMPARE(created->version, 5);
        QCOMPARE(created->currentStage, md::kStageNone);
        QCOMPARE(bytesOf(dir + u"/model_v5.pkl"_s), newModel);
        QCOMPARE(bytesOf(newFile), newModel); // copied, not moved

        Read r = readFolder(dir);
        QVERIFY(r.ok);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(stages(r.model),
            (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s, u"5=None"_s }));
        const md::ModelVersion *v5 = version(r.model, 5);
        QCOMPARE(tag(v5, u"modeldesk.score"_s), u"0.91"_s);
        QCOMPARE(tag(v5, u"team"_s), u"pricing"_s);
        QCOMPARE(tag(v5, u"modeldesk.file"_s), u"model_v5.pkl"_s);
        QCOMPARE(tag(v5, u"modeldesk.size_bytes"_s), QString::number(newModel.size()));
        QCOMPARE(v5->description, u"XGBoost with new features"_s);
        QCOMPARE(v5->userId, u"alice"_s);
        QVERIFY(v5->creationTime >= before && v5->creationTime <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(created->tags, v5->tags);
        // model.pkl and version.txt are untouched by a registration.
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v4.pkl"_s));
        QCOMPARE(bytesOf(dir + u"/version.txt"_s), bytesOf(fixture() + u"/version.txt"_s));

        // Staging.
        steps.clear();
        QVERIFY2(writer.transitionStage(kModel, 5, u"Staging"_s, false).ok(), "Staging");
        QCOMPARE(steps, (QStringList { u"sidecar"_s, u"done"_s }));
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(version(r.model, 5)->currentStage, md::kStageStaging);
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v4.pkl"_s));

        // Production: model.pkl <- model_v5.pkl, version.txt says 5 with v5's score.
        steps.clear();
        QVERIFY2(writer.transitionStage(kModel, 5, md::kStageProduction, true).ok(), "Production");
        QCOMPARE(steps, (QStringList { u"sidecar"_s, u"model.pkl"_s, u"version.txt"_s, u"sidecar"_s, u"done"_s }));
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), newModel);
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 5\nBest score: 0.91\nDate created: "_s + today() + u'\n');
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(stages(r.model),
            (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Archived"_s, u"5=Production"_s }));
        QCOMPARE(tag(version(r.model, 5), u"modeldesk.best_score"_s), u"0.91"_s);
        QCOMPARE(tag(version(r.model, 5), u"modeldesk.date_created"_s), today());
        // v4's score left version.txt; the sidecar keeps it for the rollback.
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.score"_s), u"0.89"_s);

        // A problem is found: roll back to v4.
        steps.clear();
        QVERIFY2(writer.transitionStage(kModel, 4, md::kStageProduction, true).ok(), "rollback");
        QCOMPARE(steps, (QStringList { u"model.pkl"_s, u"version.txt"_s, u"done"_s }));
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v4.pkl"_s));
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 4\nBest score: 0.89\nDate created: "_s + today() + u'\n');
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(stages(r.model),
            (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s, u"5=Archived"_s }));
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.best_score"_s), u"0.89"_s);
        QCOMPARE(tag(version(r.model, 5), u"modeldesk.score"_s), u"0.91"_s);
        QCOMPARE(version(r.model, 5)->description, u"XGBoost with new features"_s);

        // Promoting what is already current writes nothing.
        steps.clear();
        const auto files = snapshot(dir);
        QVERIFY(writer.transitionStage(kModel, 4, md::kStageProduction, true).ok());
        QCOMPARE(steps, QStringList { u"done"_s });
        QCOMPARE(snapshot(dir), files);

        // Nothing but the sidecar was added; no lock or temporary file stays behind.
        QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QCOMPARE(names,
            (QStringList { kSidecar, u"encoders.pkl"_s, u"model.pkl"_s, u"model_v1.pkl"_s, u"model_v2.pkl"_s,
                u"model_v3.pkl"_s, u"model_v4.pkl"_s, u"model_v5.pkl"_s, u"scaler.pkl"_s, u"version.txt"_s }));
    }

    // Rolling back to a version without a known score leaves the "Best score" line out, and the
    // reader takes such a version.txt without complaint.
    void promoteWithoutScore()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        md::ModelFolderWriter writer(dir);
        QVERIFY2(writer.transitionStage(kModel, 3, md::kStageProduction, true).ok(), "rollback to 3");
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v3.pkl"_s));
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 3\nDate created: "_s + today() + u'\n');
        Read r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(version(r.model, 3)->currentStage, md::kStageProduction);
        QCOMPARE(tag(version(r.model, 3), u"modeldesk.best_score"_s), u"<missing>"_s);
        QCOMPARE(tag(version(r.model, 3), u"modeldesk.date_created"_s), today());

        // Back to 4: its score comes back from the sidecar.
        QVERIFY(writer.transitionStage(kModel, 4, md::kStageProduction, true).ok());
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 4\nBest score: 0.89\nDate created: "_s + today() + u'\n');
    }

    // model.pkl that is no copy of any model_vN.pkl is saved before it is replaced.
    void unsavedModelIsKept()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        const QByteArray hotfix = "a model someone copied in by hand";
        QVERIFY(md::test::writeFile(dir + u"/model.pkl"_s, hotfix));
        md::ModelFolderWriter writer(dir);
        QStringList steps;
        writer.setStepObserver([&](const QString &step) { steps.append(step); });
        QVERIFY2(writer.transitionStage(kModel, 3, md::kStageProduction, true).ok(), "rollback to 3");
        QCOMPARE(steps, (QStringList { u"model_v5.pkl"_s, u"sidecar"_s, u"model.pkl"_s, u"version.txt"_s, u"done"_s }));
        QCOMPARE(bytesOf(dir + u"/model_v5.pkl"_s), hotfix);
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v3.pkl"_s));
        const Read r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(stages(r.model),
            (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Production"_s, u"4=Archived"_s, u"5=Archived"_s }));
    }

    void stagesTagsAndDescriptions()
    {
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        md::ModelFolderWriter writer(dir);
        QVERIFY(writer.transitionStage(kModel, 2, u"staging"_s, false).ok()); // case-insensitive
        QVERIFY(writer.transitionStage(kModel, 1, md::kStageNone, false).ok());
        QVERIFY(writer.setVersionTag(kModel, 3, u"modeldesk.ab_share"_s, u"10"_s).ok());
        QVERIFY(writer.setVersionTag(kModel, 3, u"note"_s, u"Ünïcødé ✓"_s).ok());
        QVERIFY(writer.setVersionDescription(kModel, 3, u"candidate"_s).ok());
        QVERIFY(writer.setVersionTag(kModel, 4, u"approved_by"_s, u"bob"_s).ok());
        Read r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(stages(r.model), (QStringList { u"1=None"_s, u"2=Staging"_s, u"3=Archived"_s, u"4=Production"_s }));
        QCOMPARE(tag(version(r.model, 3), u"modeldesk.ab_share"_s), u"10"_s);
        QCOMPARE(tag(version(r.model, 3), u"note"_s), u"Ünïcødé ✓"_s);
        QCOMPARE(version(r.model, 3)->description, u"candidate"_s);
        QCOMPARE(tag(version(r.model, 4), u"approved_by"_s), u"bob"_s);
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.best_score"_s), u"0.89"_s);

        // Staging with archiveExisting moves the other Staging version to Archived in one write.
        QStringList steps;
        writer.setStepObserver([&](const QString &step) { steps.append(step); });
        QVERIFY(writer.transitionStage(kModel, 3, md::kStageStaging, true).ok());
        QCOMPARE(steps, (QStringList { u"sidecar"_s, u"done"_s }));
        QVERIFY(writer.deleteVersionTag(kModel, 3, u"note"_s).ok());
        QVERIFY(writer.deleteVersionTag(kModel, 3, u"never-set"_s).ok());
        QVERIFY(writer.transitionStage(kModel, 1, md::kStageArchived, false).ok());
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(
            stages(r.model), (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Staging"_s, u"4=Production"_s }));
        QCOMPARE(tag(version(r.model, 3), u"note"_s), u"<missing>"_s);
        QCOMPARE(tag(version(r.model, 3), u"modeldesk.ab_share"_s), u"10"_s);
        // model.pkl and version.txt never change for these.
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(fixture() + u"/model.pkl"_s));
        QCOMPARE(bytesOf(dir + u"/version.txt"_s), bytesOf(fixture() + u"/version.txt"_s));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<md::ErrorCategory>("category");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("whereEnd");
        QTest::newRow("archive the current version")
            << u"archive-current"_s << md::ErrorCategory::BadInput << u"promote another version"_s << u"/model.pkl"_s;
        QTest::newRow("current version to Staging")
            << u"stage-current"_s << md::ErrorCategory::BadInput << u"promote another version"_s << u"/model.pkl"_s;
        QTest::newRow("set alias") << u"set-alias"_s << md::ErrorCategory::BadInput
                                   << u"a model folder has no aliases"_s << u"champion"_s;
        QTest::newRow("delete alias") << u"delete-alias"_s << md::ErrorCategory::BadInput
                                      << u"a model folder has no aliases"_s << u"champion"_s;
        QTest::newRow("unknown version to Production")
            << u"promote-9"_s << md::ErrorCategory::NotFound << u"model_v9.pkl"_s << u"/model_v9.pkl"_s;
        QTest::newRow("unknown version to Staging")
            << u"stage-9"_s << md::ErrorCategory::NotFound << u"model_v9.pkl"_s << u"/model_v9.pkl"_s;
        QTest::newRow("tag of unknown version")
            << u"tag-9"_s << md::ErrorCategory::NotFound << u"model_v9.pkl"_s << u"/model_v9.pkl"_s;
        QTest::newRow("not a stage") << u"bad-stage"_s << md::ErrorCategory::BadInput << u"invalid stage 'Prod'"_s << u"stage"_s;
        QTest::newRow("another model") << u"other-model"_s << md::ErrorCategory::NotFound << u"car_price_model"_s
                                       << u"/training"_s;
        QTest::newRow("computed tag") << u"computed-tag"_s << md::ErrorCategory::BadInput << u"computed"_s
                                      << u"modeldesk.sha256"_s;
        QTest::newRow("register a missing file")
            << u"create-missing"_s << md::ErrorCategory::NotFound << u"no such model file"_s << u"/missing.pkl"_s;
        QTest::newRow("register with a computed tag")
            << u"create-computed"_s << md::ErrorCategory::BadInput << u"modeldesk.file"_s << u"tags"_s;
    }

    void refusals()
    {
        QFETCH(QString, action);
        QFETCH(md::ErrorCategory, category);
        QFETCH(QString, messagePart);
        QFETCH(QString, whereEnd);
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        md::ModelFolderWriter writer(dir);
        QVERIFY(writer.setVersionTag(kModel, 2, u"kept"_s, u"yes"_s).ok()); // a sidecar exists
        const auto files = snapshot(dir);
        QStringList steps;
        writer.setStepObserver([&](const QString &step) { steps.append(step); });

        md::Status s;
        if (action == QLatin1String("archive-current")) {
            s = writer.transitionStage(kModel, 4, md::kStageArchived, false);
        } else if (action == QLatin1String("stage-current")) {
            s = writer.transitionStage(kModel, 4, md::kStageStaging, false);
        } else if (action == QLatin1String("set-alias")) {
            s = writer.setAlias(kModel, u"champion"_s, 4);
        } else if (action == QLatin1String("delete-alias")) {
            s = writer.deleteAlias(kModel, u"champion"_s);
        } else if (action == QLatin1String("promote-9")) {
            s = writer.transitionStage(kModel, 9, md::kStageProduction, true);
        } else if (action == QLatin1String("stage-9")) {
            s = writer.transitionStage(kModel, 9, md::kStageStaging, false);
        } else if (action == QLatin1String("tag-9")) {
            s = writer.setVersionTag(kModel, 9, u"a"_s, u"b"_s);
        } else if (action == QLatin1String("bad-stage")) {
            s = writer.transitionStage(kModel, 3, u"Prod"_s, false);
        } else if (action == QLatin1String("other-model")) {
            s = writer.transitionStage(u"car_price_model"_s, 3, md::kStageProduction, true);
        } else if (action == QLatin1String("computed-tag")) {
            s = writer.setVersionTag(kModel, 3, u"modeldesk.sha256"_s, u"0000"_s);
        } else if (action.startsWith(u"create-"_s)) {
            md::NewModelVersion nv;
            nv.name = kModel;
            nv.source = tmp.filePath(u"missing.pkl"_s);
            if (action == QLatin1String("create-computed")) {
                nv.source = dir + u"/model_v1.pkl"_s;
                nv.tags = { { u"modeldesk.file"_s, u"x.pkl"_s } };
            }
            const auto created = writer.createVersion(nv);
            if (!created.ok())
                s = created.error();
        } else {
            QFAIL("unknown action");
        }
        QVERIFY2(!s.ok(), qPrintable(action));
        QCOMPARE(s.error().category, category);
        QVERIFY2(s.error().message.contains(messagePart), qPrintable(s.error().toString()));
        QVERIFY2(s.error().where.endsWith(whereEnd), qPrintable(s.error().toString()));
        QCOMPARE(steps, QStringList());
        QCOMPARE(snapshot(dir), files);
    }

    void corruptSidecar_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("whereSuffix"); // after the sidecar's path
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not JSON") << QByteArray("{\n  \"format_version\": 1,\n  \"versions\": {\n    \"5\": {\n")
                                  << u":5"_s << u"not valid JSON"_s;
        QTest::newRow("truncated to nothing") << QByteArray() << u":1"_s << u"not valid JSON"_s;
        QTest::newRow("an array") << QByteArray("[1, 2]") << QString() << u"not a JSON object"_s;
        QTest::newRow("no format version") << QByteArray("{\"versions\": {}}") << QString() << u"format_version"_s;
        QTest::newRow("stage not a string")
            << QByteArray("{\"format_version\": 1, \"versions\": {\"3\": {\"stage\": 2}}}") << QString()
            << u"versions.3.stage"_s;
        QTest::newRow("Production in the sidecar")
            << QByteArray("{\"format_version\": 1, \"versions\": {\"3\": {\"stage\": \"Production\"}}}") << QString()
            << u"'Production' is not None, Staging or Archived"_s;
        QTest::newRow("tag not a string")
            << QByteArray("{\"format_version\": 1, \"versions\": {\"3\": {\"tags\": {\"a\": 1}}}}") << QString()
            << u"versions.3.tags.a"_s;
        QTest::newRow("version key not a number")
            << QByteArray("{\"format_version\": 1, \"versions\": {\"v3\": {}}}") << QString() << u"versions.v3"_s;
        QTest::newRow("newer format") << QByteArray(
            "{\"format_version\": 2, \"versions\": {\"3\": {\"stage\": \"Canary\"}}}")
                                      << QString() << u"newer ModelDesk"_s;
    }

    void corruptSidecar()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, whereSuffix);
        QFETCH(QString, messagePart);
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        const QString sidecar = dir + u'/' + kSidecar;
        QVERIFY(md::test::writeFile(sidecar, content));

        // The reader names the file and still delivers the folder as without a sidecar.
        Read r = readFolder(dir);
        QVERIFY(r.ok);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().error.where, QFileInfo(sidecar).absoluteFilePath() + whereSuffix);
        QVERIFY2(
            r.problems.first().error.message.contains(messagePart), qPrintable(r.problems.first().error.toString()));
        QCOMPARE(
            stages(r.model), (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Archived"_s, u"4=Production"_s }));
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.best_score"_s), u"0.89"_s);

        // Writes that need the sidecar refuse and leave it as it is.
        md::ModelFolderWriter writer(dir);
        const md::Status tagged = writer.setVersionTag(kModel, 3, u"a"_s, u"b"_s);
        QVERIFY(!tagged.ok());
        QCOMPARE(tagged.error().category, md::ErrorCategory::BadInput);
        QVERIFY(tagged.error().where.startsWith(QFileInfo(sidecar).absoluteFilePath()));
        md::NewModelVersion nv { kModel, dir + u"/model_v1.pkl"_s, {}, {}, {}, {} };
        QVERIFY(!writer.createVersion(nv).ok());
        QVERIFY(!QFileInfo::exists(dir + u"/model_v5.pkl"_s));
        QCOMPARE(bytesOf(sidecar), content);

        // The rollback does not depend on it.
        QVERIFY2(writer.transitionStage(kModel, 3, md::kStageProduction, true).ok(), "rollback with a bad sidecar");
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v3.pkl"_s));
        QVERIFY(bytesOf(dir + u"/version.txt"_s).startsWith("Current version: 3\n"));
        QCOMPARE(bytesOf(sidecar), content);
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(
            stages(r.model), (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Production"_s, u"4=Archived"_s }));
    }

    // The rollback 4 -> 3 killed with SIGKILL at each step (before the first write, between the
    // writes, after the last): every file is old or new and complete, the folder reads with one
    // consistent current version, and running the rollback again completes it.
    void killedRollback_data()
    {
        QTest::addColumn<int>("killAt");
        QTest::addColumn<qint64>("served"); // the model_vN.pkl model.pkl is afterwards
        QTest::addColumn<qint64>("versionTxt"); // what version.txt says afterwards
        QTest::addColumn<QString>("v4Score"); // v4's modeldesk.score tag afterwards
        QTest::addColumn<QString>("problemWhere"); // the reader's one problem, if any
        QTest::newRow("0 before the sidecar keeps v4's score")
            << 0 << qint64(4) << qint64(4) << u"<missing>"_s << QString();
        QTest::newRow("1 before model.pkl") << 1 << qint64(4) << qint64(4) << u"0.89"_s << QString();
        QTest::newRow("2 after model.pkl, before version.txt")
            << 2 << qint64(3) << qint64(4) << u"0.89"_s << u"version.txt:1"_s;
        QTest::newRow("3 after version.txt, before the sidecar")
            << 3 << qint64(3) << qint64(3) << u"0.89"_s << QString();
        QTest::newRow("4 after everything") << 4 << qint64(3) << qint64(3) << u"0.89"_s << QString();
    }

    void killedRollback()
    {
        QFETCH(int, killAt);
        QFETCH(qint64, served);
        QFETCH(qint64, versionTxt);
        QFETCH(QString, v4Score);
        QFETCH(QString, problemWhere);
        QTemporaryDir tmp;
        const QString dir = copyFixture(tmp);
        QVERIFY(!dir.isEmpty());
        {
            md::ModelFolderWriter writer(dir);
            QVERIFY(writer.transitionStage(kModel, 3, md::kStageStaging, false).ok());
        }
        const QStringList visibleBefore = QDir(dir).entryList(QDir::Files, QDir::Name);

        QProcess victim;
        victim.start(QCoreApplication::applicationFilePath(), { u"--victim"_s, dir, QString::number(killAt) });
        QVERIFY(victim.waitForStarted(10000));
        QVERIFY(victim.waitForFinished(30000));
        QCOMPARE(victim.exitStatus(), QProcess::CrashExit);
        const QStringList reached = QString::fromUtf8(victim.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(reached, kRollbackSteps.mid(0, killAt + 1));
        // A kill inside a copy would leave a temporary file like this one.
        QVERIFY(md::test::writeFile(dir + u"/.model.pkl.tmp-Ab12Cd"_s, "half a mod"));

        // model.pkl is exactly one saved version, old or new.
        const QByteArray modelPkl = bytesOf(dir + u"/model.pkl"_s);
        QStringList equal;
        for (int n = 1; n <= 4; ++n)
            if (bytesOf(dir + u"/model_v%1.pkl"_s.arg(n)) == modelPkl)
                equal.append(QString::number(n));
        QCOMPARE(equal, QStringList { QString::number(served) });

        // version.txt parses.
        CollectingSink txtProblems;
        const auto txt = md::ModelFolderSource::readVersionTxt(dir + u"/version.txt"_s, &txtProblems);
        QCOMPARE(txtProblems.problems.size(), 0);
        QVERIFY(txt.current.has_value());
        QCOMPARE(*txt.current, versionTxt);

        // The reader: one Production version, the one model.pkl is; dot files are not files to it.
        Read r = readFolder(dir);
        QVERIFY(r.ok);
        QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name), visibleBefore);
        QCOMPARE(r.model.versions.size(), 4);
        QStringList production;
        for (const auto &v : std::as_const(r.model.versions))
            if (v.currentStage == md::kStageProduction)
                production.append(QString::number(v.version));
        QCOMPARE(production, QStringList { QString::number(served) });
        QCOMPARE(tag(version(r.model, served), u"modeldesk.side_files"_s), u"encoders.pkl,scaler.pkl"_s);
        QCOMPARE(version(r.model, 3)->currentStage, served == 3 ? md::kStageProduction : md::kStageStaging);
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.score"_s), v4Score);
        if (problemWhere.isEmpty()) {
            QCOMPARE(r.problems.size(), 0);
        } else {
            QCOMPARE(r.problems.size(), 1);
            QCOMPARE(r.problems.first().error.where, QDir(dir).absoluteFilePath(problemWhere));
            QVERIFY2(r.problems.first().error.message.contains(u"says 4, but model.pkl is model_v3.pkl"_s),
                qPrintable(r.problems.first().error.toString()));
        }

        // Running the same rollback again completes it.
        md::ModelFolderWriter writer(dir);
        QVERIFY2(writer.transitionStage(kModel, 3, md::kStageProduction, true).ok(), "rollback again");
        QCOMPARE(bytesOf(dir + u"/model.pkl"_s), bytesOf(dir + u"/model_v3.pkl"_s));
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 3\nDate created: "_s + today() + u'\n');
        r = readFolder(dir);
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(
            stages(r.model), (QStringList { u"1=Archived"_s, u"2=Archived"_s, u"3=Production"_s, u"4=Archived"_s }));
        QCOMPARE(tag(version(r.model, 4), u"modeldesk.score"_s), u"0.89"_s);
        QVERIFY(!bytesOf(dir + u'/' + kSidecar).contains("Staging"));
        // The leftover temporary file and the killed writer's lock are gone.
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name), QStringList { kSidecar } + visibleBefore);
        // And back to 4 with its score.
        QVERIFY(writer.transitionStage(kModel, 4, md::kStageProduction, true).ok());
        QCOMPARE(QString::fromUtf8(bytesOf(dir + u"/version.txt"_s)),
            u"Current version: 4\nBest score: 0.89\nDate created: "_s + today() + u'\n');
    }
};

int main(int argc, char **argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--victim") == 0)
        return runVictim(argc, argv);
    QCoreApplication app(argc, argv);
    TestModelFolderWriter test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_modelfolderwriter.moc"
