// SPDX-License-Identifier: GPL-3.0-or-later
// md::Settings as a person meets it across runs of ModelDesk: what one run stores the next one
// reads, a layout saved by a build before Settings still opens, nothing stored means the table's
// defaults, migrate() records the format version, and a hand-edited or corrupt value falls back to
// the default instead of turning into something else.
#include "core/Settings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using md::Settings;
using Key = md::Settings::Key;

Q_DECLARE_METATYPE(md::Settings::Key)

namespace {

const QList<Key> kAllKeys = {Key::MainWindowGeometry, Key::MainWindowState,    Key::MainWindowSplitter,
                             Key::ShowDeleted,        Key::RunsHiddenColumns,  Key::ModelsPageSplitter,
                             Key::MetricDirections,   Key::ParallelAxes,       Key::ParallelUpIsBetter,
                             Key::ParallelColour,     Key::Theme,              Key::RecentSources,
                             Key::DemoNoticeDismissed};

bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

QByteArray readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void namesAreThoseEarlierBuildsWrote_data();
    void namesAreThoseEarlierBuildsWrote();
    void defaultsComeFromTheTable();
    void valueSurvivesANewInstance_data();
    void valueSurvivesANewInstance();
    void layoutOfAnEarlierBuildIsRead();
    void removeAndClear();
    void migrateRecordsTheVersion();
    void migrateLeavesANewerVersion();
    void unreadableValueFallsBackToTheDefault_data();
    void unreadableValueFallsBackToTheDefault();
    void instanceCanUseAFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"modeldesk.conf"_s);
}

void TestSettings::namesAreThoseEarlierBuildsWrote_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("geometry") << Key::MainWindowGeometry << u"mainWindow/geometry"_s;
    QTest::newRow("state") << Key::MainWindowState << u"mainWindow/state"_s;
    QTest::newRow("splitter") << Key::MainWindowSplitter << u"mainWindow/splitter"_s;
    QTest::newRow("show deleted") << Key::ShowDeleted << u"view/showDeleted"_s;
    QTest::newRow("hidden columns") << Key::RunsHiddenColumns << u"runsTable/hiddenColumns"_s;
    QTest::newRow("models splitter") << Key::ModelsPageSplitter << u"modelsPage/splitter"_s;
    QTest::newRow("directions") << Key::MetricDirections << u"comparison/metricDirections"_s;
    QTest::newRow("axes") << Key::ParallelAxes << u"charts/parallelAxes"_s;
    QTest::newRow("up is better") << Key::ParallelUpIsBetter << u"charts/parallelUpIsBetter"_s;
    QTest::newRow("colour") << Key::ParallelColour << u"charts/parallelColour"_s;
    QTest::newRow("theme") << Key::Theme << u"view/theme"_s;
    QTest::newRow("recent sources") << Key::RecentSources << u"openSource/recent"_s;
    QTest::newRow("demo notice") << Key::DemoNoticeDismissed << u"mainWindow/demoNoticeDismissed"_s;
}

void TestSettings::namesAreThoseEarlierBuildsWrote()
{
    // A renamed key would silently drop every user's saved layout.
    QFETCH(Key, key);
    QFETCH(QString, name);
    QCOMPARE(Settings::name(key), name);
}

void TestSettings::defaultsComeFromTheTable()
{
    const Settings settings(m_path);
    for (const Key key : kAllKeys) {
        QVERIFY2(!settings.contains(key), qPrintable(Settings::name(key)));
        QCOMPARE(settings.value(key), Settings::defaultValue(key));
    }
    QCOMPARE(settings.value(Key::ShowDeleted), QVariant(false));
    QCOMPARE(settings.value(Key::ParallelUpIsBetter), QVariant(true));
    QCOMPARE(settings.value(Key::ParallelColour), QVariant(u"lastAxis"_s));
    QCOMPARE(settings.value(Key::MetricDirections), QVariant(QVariantMap()));
    QCOMPARE(settings.value(Key::ParallelAxes), QVariant(QStringList()));
    QCOMPARE(settings.value(Key::MainWindowGeometry), QVariant(QByteArray()));
    QCOMPARE(settings.value(Key::Theme), QVariant(u"system"_s));
    QCOMPARE(settings.value(Key::RecentSources), QVariant(QStringList()));
    QCOMPARE(settings.value(Key::DemoNoticeDismissed), QVariant(false));
    // No stored choice: RunsPage keeps its own.
    QVERIFY(!settings.value(Key::RunsHiddenColumns).isValid());
    // Reading writes nothing.
    QVERIFY(!QFile::exists(m_path));
}

void TestSettings::valueSurvivesANewInstance_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("geometry") << Key::MainWindowGeometry << QVariant(QByteArray("\x01\xd9\xd0\xcb\0\x03", 6));
    QTest::newRow("show deleted") << Key::ShowDeleted << QVariant(true);
    QTest::newRow("up is better off") << Key::ParallelUpIsBetter << QVariant(false);
    QTest::newRow("colour") << Key::ParallelColour << QVariant(u"run"_s);
    QTest::newRow("theme") << Key::Theme << QVariant(u"dark"_s);
    QTest::newRow("demo notice dismissed") << Key::DemoNoticeDismissed << QVariant(true);
    QTest::newRow("one recent source") << Key::RecentSources << QVariant(QStringList{u"http://localhost:5000"_s});
    QTest::newRow("recent sources")
        << Key::RecentSources << QVariant(QStringList{u"http://mlflow.example:5000"_s, u"file:///data/a, b/mlruns"_s});
    QTest::newRow("two axes") << Key::ParallelAxes
                              << QVariant(QStringList{u"params.max_depth"_s, u"metrics.val_r2_score"_s});
    // An INI file gives a one-element list back as a string, an empty one as @Invalid().
    QTest::newRow("one axis") << Key::ParallelAxes << QVariant(QStringList{u"params.max_depth"_s});
    QTest::newRow("no hidden column") << Key::RunsHiddenColumns << QVariant(QStringList());
    QTest::newRow("hidden columns") << Key::RunsHiddenColumns
                                    << QVariant(QStringList{u"attributes.run_id"_s, u"tags.mlflow.user"_s});
    QTest::newRow("directions") << Key::MetricDirections
                                << QVariant(QVariantMap{{u"rmse"_s, u"higher"_s}, {u"r2, adj"_s, u"lower"_s}});
}

void TestSettings::valueSurvivesANewInstance()
{
    QFETCH(Key, key);
    QFETCH(QVariant, value);
    {
        Settings first(m_path);
        first.setValue(key, value);
    }
    const Settings second(m_path);
    QVERIFY(second.contains(key));
    const QVariant read = second.value(key);
    QCOMPARE(read.metaType().name(), value.metaType().name());
    QCOMPARE(read, value);
    QVERIFY(readText(m_path).contains(Settings::name(key).section(u'/', 1).toUtf8()));
}

void TestSettings::layoutOfAnEarlierBuildIsRead()
{
    // What a build before Settings wrote, through raw QSettings and the same names.
    {
        QSettings raw(m_path, QSettings::IniFormat);
        raw.setValue(u"mainWindow/splitter"_s, QByteArray("splitter state"));
        raw.setValue(u"view/showDeleted"_s, true);
        raw.setValue(u"runsTable/hiddenColumns"_s, QStringList{u"attributes.run_id"_s});
        raw.setValue(u"comparison/metricDirections"_s, QVariantMap{{u"loss"_s, u"higher"_s}});
        raw.setValue(u"charts/parallelUpIsBetter"_s, false);
    }
    const Settings settings(m_path);
    QCOMPARE(settings.version(), 0);
    QCOMPARE(settings.value(Key::MainWindowSplitter), QVariant(QByteArray("splitter state")));
    QCOMPARE(settings.value(Key::ShowDeleted), QVariant(true));
    QCOMPARE(settings.value(Key::RunsHiddenColumns), QVariant(QStringList{u"attributes.run_id"_s}));
    QCOMPARE(settings.value(Key::MetricDirections), QVariant(QVariantMap{{u"loss"_s, u"higher"_s}}));
    QCOMPARE(settings.value(Key::ParallelUpIsBetter), QVariant(false));
    QCOMPARE(settings.value(Key::ParallelColour), QVariant(u"lastAxis"_s));
}

void TestSettings::removeAndClear()
{
    Settings settings(m_path);
    settings.setValue(Key::ParallelAxes, QStringList{u"params.a"_s, u"params.b"_s});
    settings.setValue(Key::ShowDeleted, true);
    settings.remove(Key::ParallelAxes);
    QVERIFY(!Settings(m_path).contains(Key::ParallelAxes));
    QCOMPARE(Settings(m_path).value(Key::ParallelAxes), QVariant(QStringList()));
    QCOMPARE(Settings(m_path).value(Key::ShowDeleted), QVariant(true));

    settings.migrate();
    settings.clear();
    const Settings after(m_path);
    QVERIFY(!after.contains(Key::ShowDeleted));
    QCOMPARE(after.value(Key::ShowDeleted), QVariant(false));
    QCOMPARE(after.version(), 0);
}

void TestSettings::migrateRecordsTheVersion()
{
    {
        Settings settings(m_path);
        settings.setValue(Key::ParallelColour, u"run"_s);
        QCOMPARE(settings.version(), 0);
        settings.migrate();
        QCOMPARE(settings.version(), Settings::kCurrentVersion);
    }
    // In the file, for the next run; the values are kept.
    QVERIFY(readText(m_path).contains(QByteArray("settingsVersion=" + QByteArray::number(Settings::kCurrentVersion))));
    Settings next(m_path);
    QCOMPARE(next.version(), Settings::kCurrentVersion);
    QCOMPARE(next.value(Key::ParallelColour), QVariant(u"run"_s));
    // Again: nothing changes.
    const QByteArray before = readText(m_path);
    next.migrate();
    QCOMPARE(readText(m_path), before);

    // An empty store gets its version too.
    const QString fresh = m_dir->filePath(u"fresh.conf"_s);
    Settings(fresh).migrate();
    QCOMPARE(Settings(fresh).version(), Settings::kCurrentVersion);
}

void TestSettings::migrateLeavesANewerVersion()
{
    // A newer build wrote these; this one must not claim them as its own format.
    QVERIFY(writeText(m_path, "[General]\nsettingsVersion=99\n\n[view]\nshowDeleted=true\n"));
    Settings settings(m_path);
    settings.migrate();
    QCOMPARE(settings.version(), 99);
    QCOMPARE(settings.value(Key::ShowDeleted), QVariant(true));
}

void TestSettings::unreadableValueFallsBackToTheDefault_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<Key>("key");
    QTest::addColumn<QVariant>("expected");
    // QVariant would read any word but "false" and "0" as true: the person never chose that.
    QTest::newRow("bool: a word") << QByteArray("[view]\nshowDeleted=banana\n") << Key::ShowDeleted << QVariant(false);
    QTest::newRow("bool: a number") << QByteArray("[charts]\nparallelUpIsBetter=@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)\n")
                                    << Key::ParallelUpIsBetter << QVariant(true);
    QTest::newRow("bool: bytes") << QByteArray("[charts]\nparallelUpIsBetter=@ByteArray(false)\n")
                                 << Key::ParallelUpIsBetter << QVariant(true);
    QTest::newRow("map: text") << QByteArray("[comparison]\nmetricDirections=rmse=higher\n") << Key::MetricDirections
                               << QVariant(QVariantMap());
    QTest::newRow("map: a list") << QByteArray("[comparison]\nmetricDirections=rmse, higher\n")
                                 << Key::MetricDirections << QVariant(QVariantMap());
    QTest::newRow("map: broken @Variant") << QByteArray("[comparison]\nmetricDirections=@Variant(\\0\\0)\n")
                                          << Key::MetricDirections << QVariant(QVariantMap());
    QTest::newRow("string: a list") << QByteArray("[charts]\nparallelColour=run, lastAxis\n") << Key::ParallelColour
                                    << QVariant(u"lastAxis"_s);
    QTest::newRow("list: a map") << QByteArray("[charts]\nparallelAxes=@Variant(\\0\\0\\0\\x8\\0\\0\\0\\0)\n")
                                 << Key::ParallelAxes << QVariant(QStringList());
    // What is readable is read.
    QTest::newRow("bool: text true") << QByteArray("[view]\nshowDeleted=true\n") << Key::ShowDeleted << QVariant(true);
    QTest::newRow("bool: 0") << QByteArray("[charts]\nparallelUpIsBetter=0\n") << Key::ParallelUpIsBetter
                             << QVariant(false);
    QTest::newRow("list: one word") << QByteArray("[charts]\nparallelAxes=params.a\n") << Key::ParallelAxes
                                    << QVariant(QStringList{u"params.a"_s});
}

void TestSettings::unreadableValueFallsBackToTheDefault()
{
    QFETCH(QByteArray, file);
    QFETCH(Key, key);
    QFETCH(QVariant, expected);
    QVERIFY(writeText(m_path, file));
    const Settings settings(m_path);
    QVERIFY(settings.contains(key));
    const QVariant read = settings.value(key);
    QCOMPARE(read.metaType().name(), expected.metaType().name());
    QCOMPARE(read, expected);
}

void TestSettings::instanceCanUseAFile()
{
    Settings::useFile(m_path);
    Settings::instance().setValue(Key::ParallelColour, u"run"_s);
    QCOMPARE(Settings(m_path).value(Key::ParallelColour), QVariant(u"run"_s));
    Settings::instance().migrate();
    QCOMPARE(Settings(m_path).version(), Settings::kCurrentVersion);
    Settings::useFile(QString());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
