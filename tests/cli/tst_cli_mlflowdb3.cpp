// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk-cli on an mlflow.db migrated by a newer MLflow than this build knows (issue 12): it
// syncs what is known with one warning, and every registry action on it exits 2 naming the file
// and the revision, before anything is written. Real processes on a copy of the MLflow 3.6 fixture.
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

/// An alembic id no MLflow has (yet): what a newer MLflow would stamp.
constexpr QLatin1StringView kNewerRevision("a0b1c2d3e4f5");

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool stampRevision(const QString &path, QLatin1StringView revision)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
    const QByteArray sql = "UPDATE alembic_version SET version_num = '" + QByteArray(revision.data(), revision.size())
                           + "';";
    ok = ok && sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestCliMlflowDb3 : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_cache;
    QString m_db;
    test::ProcessResult m_sync;  ///< the sync in initTestCase(), which the actions need

    test::ProcessResult cli(QStringList args)
    {
        args.prepend(m_cache);
        args.prepend(u"--cache"_s);
        return test::runProcess(test::cliPath(), args, {},
                                {{u"USER"_s, u"alice"_s},
                                 {u"MODELDESK_POLICIES"_s, m_tmp.filePath(u"none.json"_s)},
                                 {u"MLFLOW_TRACKING_URI"_s, QString()}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.filePath(u"cache.sqlite"_s);
        m_db = m_tmp.filePath(u"mlflow.db"_s);
        QVERIFY(QFile::copy(test::dataPath(u"mlflow3/mlflow.db"_s), m_db));
        QVERIFY(QFile::setPermissions(m_db, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(stampRevision(m_db, kNewerRevision));
        m_sync = cli({u"--quiet"_s, u"--format"_s, u"csv"_s, u"sync"_s, u"sqlite:///"_s + m_db});
    }

    // Everything known is read; the one warning names the file and both revisions.
    void syncReadsWhatIsKnownAndWarnsOnce()
    {
        const test::ProcessResult &r = m_sync;
        // Nothing was skipped: a warning, not a failure.
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("modeldesk-cli: warning: "), r.err.constData());
        QVERIFY2(r.out.contains("Imported 3 experiments, 27 runs, 3 registered models (9 versions)"), r.out.constData());
        const QByteArray warning = QFileInfo(m_db).absoluteFilePath().toUtf8()
                                   + ": written by a newer MLflow (schema revision a0b1c2d3e4f5; ModelDesk knows up to "
                                     "bf29a5ff90ea): read what is known, writes refused";
        QVERIFY2(r.err.contains(warning), r.err.constData());
        QCOMPARE(r.err.count("newer MLflow"), 1);
    }

    void writesExitTwoAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("promote to a stage") << QStringList{u"promote"_s, u"car_price_model"_s, u"4"_s, u"--to"_s,
                                                           u"Staging"_s};
        QTest::newRow("promote to an alias") << QStringList{u"promote"_s, u"car_price_model"_s, u"4"_s, u"--to"_s,
                                                            u"candidate"_s};
        QTest::newRow("rollback") << QStringList{u"rollback"_s, u"car_price_model"_s, u"--to"_s, u"1"_s,
                                                 u"--reason"_s, u"p99 latency"_s, u"--yes"_s};
        QTest::newRow("register a LoggedModel")
            << QStringList{u"register"_s, u"car_price_model"_s, u"--from"_s,
                           u"models:/m-5511dcb6b7ae4067aab53a1118ab9a10"_s};
    }
    void writesExitTwoAndChangeNothing()
    {
        QFETCH(QStringList, args);
        const QByteArray before = fileHash(m_db);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QFileInfo(m_db).absoluteFilePath().toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("written by a newer MLflow (schema revision a0b1c2d3e4f5; ModelDesk knows up to "
                                "bf29a5ff90ea): writes to it are refused"),
                 r.err.constData());
        QCOMPARE(fileHash(m_db), before);
        QVERIFY(!QFileInfo::exists(m_db + u"-journal"_s));
        QVERIFY(!QFileInfo::exists(m_db + u"-wal"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliMlflowDb3)
#include "tst_cli_mlflowdb3.moc"
