// SPDX-License-Identifier: GPL-3.0-or-later
// MlflowDbWriter and FileStoreWriter on temporary copies of tests/data/mlflow.db and
// tests/data/mlruns (real MLflow 2.10.2 output). Every write is checked by re-reading the store
// with the matching Source, the way a sync would see it.

#include "SqlSupport.h"
#include "TestSupport.h"

#include "sources/filestore/FileStoreSource.h"
#include "sources/filestore/FileStoreWriter.h"
#include "sources/mlflowdb/MlflowDbSource.h"
#include "sources/mlflowdb/MlflowDbWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

using namespace Qt::StringLiterals;
using md::test::execSql;
using namespace md;

namespace {

const QString kModel = u"car_price_model"_s;
// The runs behind v4 of car_price_model in each store (ids-*.json).
const QString kDbRun = u"3f9763b59bcc4a11a9231f572751e2be"_s;
const QString kFileRun = u"961265c7ff03493a80eccd895a6ead54"_s;

class ModelSink : public ImportSink {
public:
    QList<RegisteredModel> models;
    QList<ReadProblem> problems;
    Status experiment(const Experiment &) override { return {}; }
    Status run(const Run &) override { return {}; }
    Status registeredModel(const RegisteredModel &m) override
    {
        models.append(m);
        return {};
    }
    void problem(const ReadProblem &p) override { problems.append(p); }
};

/// One temporary copy of a store with its writer.
struct Store {
    bool db = false;
    std::unique_ptr<QTemporaryDir> tmp;
    QString path;  ///< the mlflow.db file or the mlruns folder
    std::unique_ptr<RegistryWriter> writer;

    std::unique_ptr<Source> source() const
    {
        if (db)
            return std::make_unique<MlflowDbSource>(path);
        return std::make_unique<FileStoreSource>(path);
    }
    /// A full read of the store with its Source; the model named `name`.
    std::optional<RegisteredModel> sourceModel(const QString &name, QList<RegisteredModel> *all = nullptr) const
    {
        ModelSink sink;
        std::atomic_bool cancel{false};
        auto src = source();
        const Status s = src->readAll(sink, cancel);
        if (!s)
            qWarning("readAll: %s", qPrintable(s.error().toString()));
        if (all)
            *all = sink.models;
        for (const RegisteredModel &m : std::as_const(sink.models))
            if (m.name == name)
                return m;
        return std::nullopt;
    }
    QString runId() const { return db ? kDbRun : kFileRun; }
    QString source5() const
    {
        return db ? u"mlflow-artifacts:/1/"_s + kDbRun + u"/artifacts/model"_s
                  : u"file:///home/ds/projects/car-price/mlruns/841587320559560834/"_s + kFileRun
                        + u"/artifacts/model"_s;
    }
};

Store makeStore(const QString &kind)
{
    Store s;
    s.db = kind == u"mlflow.db"_s;
    s.tmp = std::make_unique<QTemporaryDir>();
    if (s.db) {
        s.path = s.tmp->filePath(u"mlflow.db"_s);
        QFile::copy(test::dataPath(u"mlflow.db"_s), s.path);
        QFile::setPermissions(s.path, QFile::permissions(s.path) | QFile::WriteOwner);
        s.writer = std::make_unique<MlflowDbWriter>(s.path);
    } else {
        s.path = s.tmp->filePath(u"mlruns"_s);
        test::copyTree(test::dataPath(u"mlruns"_s), s.path);
        s.writer = std::make_unique<FileStoreWriter>(s.path);
    }
    return s;
}

const ModelVersion *versionOf(const RegisteredModel &m, qint64 v)
{
    for (const ModelVersion &mv : m.versions)
        if (mv.version == v)
            return &mv;
    return nullptr;
}

QString tagOf(const ModelVersion &v, const QString &key)
{
    for (const KeyValue &t : v.tags)
        if (t.key == key)
            return t.value;
    return u"<unset>"_s;
}

QList<qint64> versionNumbers(const RegisteredModel &m)
{
    QList<qint64> out;
    for (const ModelVersion &v : m.versions)
        out.append(v.version);
    return out;
}

/// Compares two models field by field, failing the test at the first difference.
void compareModels(const RegisteredModel &a, const RegisteredModel &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.creationTime, b.creationTime);
    QCOMPARE(a.lastUpdatedTime, b.lastUpdatedTime);
    QCOMPARE(a.description, b.description);
    QCOMPARE(a.tags, b.tags);
    QCOMPARE(a.aliases, b.aliases);
    QCOMPARE(versionNumbers(a), versionNumbers(b));
    for (qsizetype i = 0; i < a.versions.size(); ++i) {
        const ModelVersion &x = a.versions[i];
        const ModelVersion &y = b.versions[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.version, y.version);
        QCOMPARE(x.creationTime, y.creationTime);
        QCOMPARE(x.lastUpdatedTime, y.lastUpdatedTime);
        QCOMPARE(x.currentStage, y.currentStage);
        QCOMPARE(x.description, y.description);
        QCOMPARE(x.userId, y.userId);
        QCOMPARE(x.source, y.source);
        QCOMPARE(x.runId, y.runId);
        QCOMPARE(x.status, y.status);
        QCOMPARE(x.statusMessage, y.statusMessage);
        QCOMPARE(x.runLink, y.runLink);
        QCOMPARE(x.tags, y.tags);
        QCOMPARE(x.aliases, y.aliases);
    }
}

NewModelVersion newVersion(const Store &s)
{
    NewModelVersion v;
    v.name = kModel;
    v.source = s.source5();
    v.runId = s.runId();
    v.description = u"XGBoost retrained on 2024-07 data (val R2 0.91)"_s;
    v.tags = {{u"algorithm"_s, u"XGBRegressor"_s}, {u"val_r2_score"_s, u"0.91"_s}};
    return v;
}

/// Every file below `dir` with a hash of its contents.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        out.insert(QDir(dir).relativeFilePath(path), QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

/// The top-level keys of a YAML file, in file order.
QStringList topLevelKeys(const QByteArray &yaml)
{
    QStringList keys;
    static const QRegularExpression re(u"^([A-Za-z_]+):"_s);
    for (const QByteArray &line : yaml.split('\n')) {
        const auto m = re.match(QString::fromUtf8(line));
        if (m.hasMatch())
            keys.append(m.captured(1));
    }
    return keys;
}

/// SQL on a database file, outside the code under test.
/// Rows of a query as text, one string per row.
QStringList queryRows(const QString &path, const char *sql)
{
    QStringList rows;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cols;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
                cols.append(t ? QString::fromUtf8(t) : u"<NULL>"_s);
            }
            rows.append(cols.join(u'|'));
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

QStringList registryTables(const QString &path)
{
    QStringList all;
    for (const char *sql : {"SELECT * FROM registered_models ORDER BY name",
                            "SELECT * FROM model_versions ORDER BY name, version",
                            "SELECT * FROM model_version_tags ORDER BY name, version, key",
                            "SELECT * FROM registered_model_tags ORDER BY name, key",
                            "SELECT * FROM registered_model_aliases ORDER BY name, alias"})
        all += queryRows(path, sql) << u"--"_s;
    return all;
}

} // namespace

class TestLocalWriters : public QObject {
    Q_OBJECT

private:
    void stores()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("mlflow.db") << u"mlflow.db"_s;
        QTest::newRow("mlruns") << u"mlruns"_s;
    }

private Q_SLOTS:
    void uriAndOpen_data() { stores(); }
    void uriAndOpen()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        QCOMPARE(s.writer->uri(), s.source()->uri());
        const Status st = s.writer->open();
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QVERIFY(s.writer->supportsAliases());
    }

    void createVersion_data() { stores(); }
    void createVersion()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto created = s.writer->createVersion(newVersion(s));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->version, 5);
        QCOMPARE(created->currentStage, u"None"_s);
        QCOMPARE(created->status, u"READY"_s);
        QVERIFY(created->creationTime >= before);
        QCOMPARE(created->lastUpdatedTime, created->creationTime);

        // What a sync sees: a full read of the store with its Source.
        auto model = s.sourceModel(kModel);
        QVERIFY(model);
        QCOMPARE(versionNumbers(*model), (QList<qint64>{1, 2, 3, 4, 5}));
        const ModelVersion *v5 = versionOf(*model, 5);
        QVERIFY(v5);
        QCOMPARE(v5->name, kModel);
        QCOMPARE(v5->currentStage, u"None"_s);
        QCOMPARE(v5->status, u"READY"_s);
        QCOMPARE(v5->description, u"XGBoost retrained on 2024-07 data (val R2 0.91)"_s);
        QCOMPARE(v5->runId, s.runId());
        QCOMPARE(v5->source, s.source5());
        QCOMPARE(v5->creationTime, created->creationTime);
        QCOMPARE(tagOf(*v5, u"algorithm"_s), u"XGBRegressor"_s);
        QCOMPARE(tagOf(*v5, u"val_r2_score"_s), u"0.91"_s);
        QCOMPARE(v5->tags.size(), 2);
        QVERIFY(v5->aliases.isEmpty());
        // MLflow bumps the model's last_updated time when it registers a version.
        QCOMPARE(model->lastUpdatedTime, created->creationTime);
        // The older versions are untouched.
        QCOMPARE(versionOf(*model, 4)->currentStage, u"Production"_s);
        QCOMPARE(versionOf(*model, 3)->currentStage, u"Staging"_s);

        // storage_location as MLflow fills it: the source.
        if (s.db) {
            QCOMPARE(queryRows(s.path, "SELECT storage_location, run_link IS NULL, user_id IS NULL FROM model_versions "
                                       "WHERE name = 'car_price_model' AND version = 5"),
                     QStringList{s.source5() + u"|1|1"_s});
        } else {
            const QByteArray meta = readFile(s.path + u"/models/car_price_model/version-5/meta.yaml"_s);
            QVERIFY(meta.contains(QByteArray("storage_location: " + s.source5().toUtf8() + "\n")));
        }

        // Registering into a model that does not exist yet creates it.
        NewModelVersion other = newVersion(s);
        other.name = u"brand_new_model"_s;
        auto first = s.writer->createVersion(other);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        QCOMPARE(first->version, 1);
        QList<RegisteredModel> all;
        auto fresh = s.sourceModel(u"brand_new_model"_s, &all);
        QVERIFY(fresh);
        QCOMPARE(versionNumbers(*fresh), QList<qint64>{1});
        QCOMPARE(all.size(), 4);
    }

    void stagesAndArchive_data() { stores(); }
    void stagesAndArchive()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        QVERIFY(s.writer->createVersion(newVersion(s)).ok());

        Status st = s.writer->transitionStage(kModel, 5, u"staging"_s, false);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        auto model = s.sourceModel(kModel);
        QCOMPARE(versionOf(*model, 5)->currentStage, u"Staging"_s);
        QCOMPARE(versionOf(*model, 3)->currentStage, u"Staging"_s);  // not archived without the flag

        st = s.writer->transitionStage(kModel, 5, u"Production"_s, true);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        model = s.sourceModel(kModel);
        QCOMPARE(versionOf(*model, 1)->currentStage, u"Archived"_s);
        QCOMPARE(versionOf(*model, 2)->currentStage, u"Archived"_s);
        QCOMPARE(versionOf(*model, 3)->currentStage, u"Staging"_s);
        QCOMPARE(versionOf(*model, 4)->currentStage, u"Archived"_s);
        QCOMPARE(versionOf(*model, 5)->currentStage, u"Production"_s);
        // One time for the whole transition, as MLflow stamps it.
        const qint64 t = versionOf(*model, 5)->lastUpdatedTime;
        QCOMPARE(versionOf(*model, 4)->lastUpdatedTime, t);
        QCOMPARE(model->lastUpdatedTime, t);
        QVERIFY(versionOf(*model, 1)->lastUpdatedTime < t);  // was already Archived: untouched

        // Archiving is only for Staging and Production; stages are MLflow's four.
        st = s.writer->transitionStage(kModel, 4, u"Archived"_s, true);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::BadInput);
        st = s.writer->transitionStage(kModel, 4, u"Prod"_s, false);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::BadInput);
        QCOMPARE(st.error().where, u"stage"_s);
        QVERIFY(st.error().message.contains(u"Prod"_s));
    }

    void aliases_data() { stores(); }
    void aliases()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        QVERIFY(s.writer->createVersion(newVersion(s)).ok());

        Status st = s.writer->setAlias(kModel, u"champion"_s, 5);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        auto model = s.sourceModel(kModel);
        QCOMPARE(model->aliases, (QList<ModelAlias>{{u"challenger"_s, 3}, {u"champion"_s, 5}}));
        QCOMPARE(versionOf(*model, 5)->aliases, QStringList{u"champion"_s});
        QVERIFY(versionOf(*model, 4)->aliases.isEmpty());
        QCOMPARE(versionOf(*model, 3)->aliases, QStringList{u"challenger"_s});

        st = s.writer->deleteAlias(kModel, u"champion"_s);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        model = s.sourceModel(kModel);
        QCOMPARE(model->aliases, (QList<ModelAlias>{{u"challenger"_s, 3}}));
        QVERIFY(versionOf(*model, 5)->aliases.isEmpty());

        st = s.writer->deleteAlias(kModel, u"champion"_s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::NotFound);
        QVERIFY(st.error().message.contains(u"champion"_s));

        for (const QString &bad : {u"v3"_s, u"latest"_s, u"../evil"_s, u"a b"_s, QString()}) {
            st = s.writer->setAlias(kModel, bad, 4);
            QVERIFY2(!st.ok(), qPrintable(bad));
            QCOMPARE(st.error().category, ErrorCategory::BadInput);
            QCOMPARE(st.error().where, u"alias"_s);
        }
        st = s.writer->setAlias(kModel, u"champion"_s, 42);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::NotFound);
    }

    void tagsAndDescription_data() { stores(); }
    void tagsAndDescription()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        Status st = s.writer->setVersionTag(kModel, 4, u"modeldesk.ab_share"_s, u"10"_s);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        st = s.writer->setVersionTag(kModel, 4, u"validation_status"_s, u"rolled back"_s);
        QVERIFY(st.ok());
        st = s.writer->setVersionTag(kModel, 4, u"modeldesk/review note"_s, u"ok by Bob ✓"_s);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        auto model = s.sourceModel(kModel);
        const ModelVersion *v4 = versionOf(*model, 4);
        QCOMPARE(tagOf(*v4, u"modeldesk.ab_share"_s), u"10"_s);
        QCOMPARE(tagOf(*v4, u"validation_status"_s), u"rolled back"_s);
        QCOMPARE(tagOf(*v4, u"modeldesk/review note"_s), u"ok by Bob ✓"_s);
        QCOMPARE(v4->tags.size(), 6);

        QVERIFY(s.writer->deleteVersionTag(kModel, 4, u"modeldesk.ab_share"_s).ok());
        QVERIFY(s.writer->deleteVersionTag(kModel, 4, u"modeldesk.ab_share"_s).ok());  // not set: no error
        model = s.sourceModel(kModel);
        QCOMPARE(tagOf(*versionOf(*model, 4), u"modeldesk.ab_share"_s), u"<unset>"_s);
        QCOMPARE(versionOf(*model, 4)->tags.size(), 5);

        const qint64 before = versionOf(*model, 3)->lastUpdatedTime;
        st = s.writer->setVersionDescription(kModel, 3, u"XGBoost — superseded"_s);
        QVERIFY(st.ok());
        model = s.sourceModel(kModel);
        QCOMPARE(versionOf(*model, 3)->description, u"XGBoost — superseded"_s);
        QVERIFY(versionOf(*model, 3)->lastUpdatedTime > before);

        for (const QString &bad : {u"../x"_s, u"a/../b"_s, u"/abs"_s, u"."_s, QString(), u"semi;colon"_s}) {
            st = s.writer->setVersionTag(kModel, 4, bad, u"x"_s);
            QVERIFY2(!st.ok(), qPrintable(bad));
            QCOMPARE(st.error().category, ErrorCategory::BadInput);
            QCOMPARE(st.error().where, u"key"_s);
        }
        st = s.writer->setVersionTag(kModel, 4, u"long"_s, QString(5001, u'x'));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().where, u"value"_s);
    }

    void readModelMatchesSource_data() { stores(); }
    void readModelMatchesSource()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        for (int round = 0; round < 2; ++round) {
            QList<RegisteredModel> all;
            (void)s.sourceModel(QString(), &all);
            QCOMPARE(all.size(), 3);
            for (const RegisteredModel &m : std::as_const(all)) {
                auto direct = s.writer->readModel(m.name);
                QVERIFY2(direct.ok(), qPrintable(m.name));
                compareModels(*direct, m);
                if (QTest::currentTestFailed())
                    return;
            }
            // Again after writes of every kind.
            QVERIFY(s.writer->createVersion(newVersion(s)).ok());
            QVERIFY(s.writer->transitionStage(kModel, 5, u"Production"_s, true).ok());
            QVERIFY(s.writer->setAlias(kModel, u"champion"_s, 5).ok());
            QVERIFY(s.writer->setVersionTag(kModel, 5, u"approved_by"_s, u"bob"_s).ok());
        }
        auto model = s.writer->readModel(kModel);
        QCOMPARE(versionNumbers(*model), (QList<qint64>{1, 2, 3, 4, 5, 6}));
    }

    void notFound_data() { stores(); }
    void notFound()
    {
        QFETCH(QString, kind);
        Store s = makeStore(kind);
        auto m = s.writer->readModel(u"no_such_model"_s);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().category, ErrorCategory::NotFound);
        QVERIFY(m.error().message.contains(u"no_such_model"_s));

        const QList<std::function<Status()>> ops = {
            [&] { return s.writer->transitionStage(kModel, 9, u"Staging"_s, false); },
            [&] { return s.writer->setAlias(kModel, u"champion"_s, 9); },
            [&] { return s.writer->setVersionTag(kModel, 9, u"k"_s, u"v"_s); },
            [&] { return s.writer->deleteVersionTag(kModel, 9, u"k"_s); },
            [&] { return s.writer->setVersionDescription(kModel, 9, u"d"_s); },
        };
        for (const auto &op : ops) {
            const Status st = op();
            QVERIFY(!st.ok());
            QCOMPARE(st.error().category, ErrorCategory::NotFound);
            QVERIFY2(st.error().message.contains(u"9"_s) && st.error().message.contains(kModel),
                     qPrintable(st.error().message));
        }
        const Status st = s.writer->transitionStage(u"no_such_model"_s, 1, u"Staging"_s, false);
        QCOMPARE(st.error().category, ErrorCategory::NotFound);
        QVERIFY(st.error().message.contains(u"no_such_model"_s));
        const Status del = s.writer->deleteAlias(u"no_such_model"_s, u"champion"_s);
        QCOMPARE(del.error().category, ErrorCategory::NotFound);
    }

    // ---- mlflow.db only

    void dbFailedOperationChangesNothing()
    {
        Store s = makeStore(u"mlflow.db"_s);
        QVERIFY(s.writer->open().ok());
        // Fails the last statement of a transition and the tag inserts of a new version.
        QVERIFY(execSql(s.path, "CREATE TRIGGER md_fail_model BEFORE UPDATE ON registered_models "
                                "WHEN NEW.name = 'car_price_model' BEGIN SELECT RAISE(ABORT, 'forced failure'); END;"
                                "CREATE TRIGGER md_fail_tag BEFORE INSERT ON model_version_tags "
                                "WHEN NEW.key = 'boom' BEGIN SELECT RAISE(ABORT, 'forced failure'); END;"));
        const QStringList before = registryTables(s.path);
        QVERIFY(before.size() > 10);

        Status st = s.writer->transitionStage(kModel, 3, u"Production"_s, true);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().where, s.path);
        QVERIFY(st.error().message.contains(u"forced failure"_s));
        QCOMPARE(registryTables(s.path), before);

        NewModelVersion v = newVersion(s);
        v.name = u"Ünïcødé-モデル 🚗"_s;
        v.tags.append({u"boom"_s, u"x"_s});
        auto created = s.writer->createVersion(v);
        QVERIFY(!created.ok());
        QCOMPARE(registryTables(s.path), before);

        // The writer still works after a rollback, and the file is sound.
        QVERIFY(s.writer->setAlias(kModel, u"champion"_s, 3).ok());
        QCOMPARE(queryRows(s.path, "SELECT version FROM registered_model_aliases WHERE alias = 'champion'"),
                 QStringList{u"3"_s});
        QCOMPARE(queryRows(s.path, "PRAGMA integrity_check"), QStringList{u"ok"_s});
    }

    void dbOpenChecks()
    {
        Store s = makeStore(u"mlflow.db"_s);
        QVERIFY(execSql(s.path, "UPDATE alembic_version SET version_num = 'ffffffffffff'"));
        const Status st = s.writer->open();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::BadInput);
        QVERIFY(st.error().message.contains(u"ffffffffffff"_s));
        QCOMPARE(st.error().where, s.path);

        MlflowDbWriter missing(s.tmp->filePath(u"nope.db"_s));
        QCOMPARE(missing.open().error().category, ErrorCategory::NotFound);
    }

    // ---- mlruns only

    void fileStoreRefusesPathTraversal()
    {
        Store s = makeStore(u"mlruns"_s);
        const QMap<QString, QByteArray> before = snapshot(s.tmp->path());
        Status st = s.writer->setVersionTag(kModel, 4, u"../evil"_s, u"x"_s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::BadInput);
        QCOMPARE(st.error().where, u"key"_s);
        QVERIFY(s.writer->setVersionTag(kModel, 4, u"../../../../evil"_s, u"x"_s).error().category
                == ErrorCategory::BadInput);
        QCOMPARE(s.writer->setAlias(kModel, u"../evil"_s, 4).error().where, u"alias"_s);
        NewModelVersion v = newVersion(s);
        v.name = u"../evil"_s;
        QCOMPARE(s.writer->createVersion(v).error().where, u"name"_s);
        v.name = u".."_s;
        QCOMPARE(s.writer->createVersion(v).error().where, u"name"_s);
        v = newVersion(s);
        v.tags.append({u"../evil"_s, u"x"_s});
        QCOMPARE(s.writer->createVersion(v).error().where, u"tags"_s);
        QCOMPARE(snapshot(s.tmp->path()), before);
        QCOMPARE(QDir(s.tmp->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"mlruns"_s});
    }

    void fileStoreYamlLikeMlflow()
    {
        Store s = makeStore(u"mlruns"_s);
        const QString modelDir = s.path + u"/models/car_price_model"_s;
        QVERIFY(s.writer->createVersion(newVersion(s)).ok());
        const QByteArray v4 = readFile(modelDir + u"/version-4/meta.yaml"_s);
        const QByteArray v5 = readFile(modelDir + u"/version-5/meta.yaml"_s);
        QCOMPARE(topLevelKeys(v5), topLevelKeys(v4));
        for (const char *line : {"aliases: []\n", "current_stage: None\n", "run_link: null\n", "status: READY\n",
                                 "status_message: null\n", "user_id: null\n", "version: 5\n",
                                 "description: XGBoost retrained on 2024-07 data (val R2 0.91)\n"})
            QVERIFY2(v5.contains(line), line);
        QCOMPARE(readFile(modelDir + u"/version-5/tags/val_r2_score"_s), QByteArray("0.91"));
        QVERIFY(!QDir(modelDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .join(u',')
                     .contains(u"modeldesk"_s));  // no temporary folder left behind

        // Rewriting a fixture file changes only what the operation changes.
        QVERIFY(s.writer->setVersionDescription(kModel, 4, u"XGBoost tuned (val R2 0.89)"_s).ok());
        QByteArray rewritten = readFile(modelDir + u"/version-4/meta.yaml"_s);
        static const QRegularExpression stamp(u"last_updated_timestamp: \\d+"_s);
        // Like MLflow, a rewritten version file lists the aliases that point at it now (champion).
        QCOMPARE(QString::fromUtf8(rewritten).replace(stamp, u"T"_s),
                 QString::fromUtf8(v4).replace(stamp, u"T"_s).replace(u"aliases: []\n"_s, u"aliases:\n- champion\n"_s));
        const QByteArray unicodeMeta = readFile(s.path + u"/models/Ünïcødé-モデル 🚗/version-1/meta.yaml"_s);
        QVERIFY(s.writer->transitionStage(u"Ünïcødé-モデル 🚗"_s, 1, u"Archived"_s, false).ok());
        QCOMPARE(QString::fromUtf8(readFile(s.path + u"/models/Ünïcødé-モデル 🚗/version-1/meta.yaml"_s)).replace(stamp, u"T"_s),
                 QString::fromUtf8(unicodeMeta).replace(stamp, u"T"_s));

        // Keys this version of MLflow does not write (a newer one might) are kept, quoting included.
        const QString v3Path = modelDir + u"/version-3/meta.yaml"_s;
        QVERIFY(test::writeFile(v3Path, readFile(v3Path) + "zz_quoted: '12'\nzz_plain: 12\nzz_list:\n- a\n- '1'\n"));
        QVERIFY(s.writer->setVersionDescription(kModel, 3, u"XGBoost (val R2 0.88)"_s).ok());
        QVERIFY2(readFile(v3Path).endsWith("version: 3\nzz_list:\n- a\n- '1'\nzz_plain: 12\nzz_quoted: '12'\n"),
                 readFile(v3Path).constData());

        // An alias write touches aliases/<alias> and the aliases: copy in the model's meta.yaml.
        QVERIFY(s.writer->setAlias(kModel, u"champion"_s, 5).ok());
        QCOMPARE(readFile(modelDir + u"/aliases/champion"_s), QByteArray("5"));
        const QByteArray modelMeta = readFile(modelDir + u"/meta.yaml"_s);
        QVERIFY2(modelMeta.startsWith("aliases:\n  challenger: '3'\n  champion: '5'\ncreation_timestamp: 1795736400498\n"
                                      "description: Predicts used-car sale price in USD from 11 vehicle features.\n"
                                      "last_updated_timestamp: "),
                 modelMeta.constData());
        QVERIFY(modelMeta.endsWith("\nname: car_price_model\n"));
        QVERIFY(s.writer->deleteAlias(kModel, u"champion"_s).ok());
        QVERIFY(s.writer->deleteAlias(kModel, u"challenger"_s).ok());
        QVERIFY(readFile(modelDir + u"/meta.yaml"_s).startsWith("aliases: {}\n"));

        // The store still parses completely, with the counts of FIXTURES.md plus our version.
        ModelSink sink;
        std::atomic_bool cancel{false};
        QVERIFY(FileStoreSource(s.path).readAll(sink, cancel).ok());
        QCOMPARE(sink.problems.size(), 0);
        QCOMPARE(sink.models.size(), 3);
        qsizetype versions = 0;
        for (const RegisteredModel &m : std::as_const(sink.models))
            versions += m.versions.size();
        QCOMPARE(versions, 6);
    }
};

QTEST_GUILESS_MAIN(TestLocalWriters)
#include "tst_localwriters.moc"
