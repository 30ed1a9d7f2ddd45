// SPDX-License-Identifier: GPL-3.0-or-later
// The Models tab, driven like a person in the real main window: import the file-store fixture,
// open the tab, pick a model, read its versions, timeline and key metric; let another tool change
// the registry and sync again; start the binary with --model. Offscreen.
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/PlaceholderTableView.h"
#include "gui/PlaceholderTreeView.h"
#include "gui/TimelineWidget.h"
#include "models/ExperimentsModel.h"
#include "models/VersionsModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using md::MainWindow;
using md::ModelsPage;
using md::TimelineLane;
using md::TimelineMarker;
using md::VersionsModel;

namespace {

constexpr int kImportTimeoutMs = 60000;

QString uriOf(const QString &path)
{
    return QUrl::fromLocalFile(path).toString();
}

} // namespace

class TestModelsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void versionsTimelineAndKeyMetric();
    void sortingKeyboardAndClicks();
    void emptyStates();
    void sourceWithoutModels();
    void observedChangeAppearsAfterSync();
    void darkPaletteScreenshot();
    void modelOptionOpensTheModelsTab();
    void modelOptionOnTheBinary();

private:
    bool startAndWait(const QString &uri, const QString &modelName = {});
    void openModelsTab();
    void clickModel(const QString &name);
    ModelsPage *page() const { return m_window->modelsPage(); }
    QStringList column(int c) const;
    QList<qint64> laneVersions(TimelineLane::Kind kind, const QString &lane) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
    std::unique_ptr<QAbstractItemModelTester> m_versionsTester;
    std::unique_ptr<QAbstractItemModelTester> m_modelsTester;
};

void TestModelsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    md::MessageBox::setHeadless(true);
}

void TestModelsPage::init()
{
    md::Settings::instance().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
}

void TestModelsPage::cleanup()
{
    m_versionsTester.reset();
    m_modelsTester.reset();
    m_window.reset();
    m_dir.reset();
}

bool TestModelsPage::startAndWait(const QString &uri, const QString &modelName)
{
    md::MainWindowOptions options{m_cachePath, md::Journal::defaultPathFor(m_cachePath)};
    options.screenshotMode = true;
    options.modelName = modelName;
    m_window = std::make_unique<MainWindow>(options);
    m_versionsTester = std::make_unique<QAbstractItemModelTester>(
        m_window->modelsPage()->versionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_modelsTester = std::make_unique<QAbstractItemModelTester>(
        m_window->modelsPage()->modelsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(uri);
    if (!finished.wait(kImportTimeoutMs) && finished.isEmpty())
        return false;
    return finished.first().at(0).toBool();
}

void TestModelsPage::openModelsTab()
{
    QTabWidget *tabs = m_window->pages();
    int index = -1;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == u"Models"_s)
            index = i;
    QVERIFY(index >= 0);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QCOMPARE(tabs->currentWidget(), page());
}

void TestModelsPage::clickModel(const QString &name)
{
    QTreeView *view = page()->modelsView();
    QModelIndex found;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data().toString() == name)
            found = view->model()->index(r, 0);
    QVERIFY2(found.isValid(), qPrintable(name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(found).center());
    QCOMPARE(page()->currentModel(), name);
}

QStringList TestModelsPage::column(int c) const
{
    QStringList values;
    const QAbstractItemModel *model = page()->versionsTable()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        values.append(model->index(r, c).data().toString());
    return values;
}

QList<qint64> TestModelsPage::laneVersions(TimelineLane::Kind kind, const QString &lane) const
{
    const md::TimelineData &d = page()->timeline()->timeline();
    const int i = d.laneIndex(kind, lane);
    if (i < 0)
        return {-1};
    QList<qint64> out;
    for (const auto &b : d.lanes.at(i).blocks)
        out.append(b.version);
    return out;
}

void TestModelsPage::versionsTimelineAndKeyMetric()
{
    QVERIFY(startAndWait(uriOf(md::test::dataPath(u"mlruns"_s))));
    openModelsTab();

    // The models of the selected source, with their version counts.
    const QStandardItemModel *models = page()->modelsModel();
    QCOMPARE(models->rowCount(), 3);
    QStringList names, counts;
    for (int r = 0; r < models->rowCount(); ++r) {
        names.append(models->index(r, 0).data().toString());
        counts.append(models->index(r, 1).data().toString());
    }
    QCOMPARE(names, (QStringList{u"car_price_model"_s, u"empty_model"_s, u"Ünïcødé-モデル 🚗"_s}));
    QCOMPARE(counts, (QStringList{u"4"_s, u"0"_s, u"1"_s}));

    clickModel(u"car_price_model"_s);
    QCOMPARE(page()->versionsTable()->model()->rowCount(), 4);
    QCOMPARE(column(VersionsModel::VersionColumn), (QStringList{u"v1"_s, u"v2"_s, u"v3"_s, u"v4"_s}));
    QCOMPARE(column(VersionsModel::StageColumn),
             (QStringList{u"Archived"_s, u"Archived"_s, u"Staging"_s, u"Production"_s}));
    QCOMPARE(column(VersionsModel::AliasesColumn), (QStringList{QString(), QString(), u"challenger"_s, u"champion"_s}));
    QCOMPARE(column(VersionsModel::KeyMetricColumn), (QStringList{u"0.82"_s, u"0.85"_s, u"0.88"_s, u"0.89"_s}));
    QCOMPARE(page()->versionsModel()->headerData(VersionsModel::KeyMetricColumn, Qt::Horizontal).toString(),
             u"val_r2_score"_s);
    QCOMPARE(column(VersionsModel::RunColumn).at(0), u"7d7c9949f52c4a02bac3677187794007"_s);
    QCOMPARE(column(VersionsModel::DescriptionColumn).at(3), u"XGBoost tuned (val R2 0.89)"_s);
    QCOMPARE(column(VersionsModel::StatusColumn), (QStringList(4, u"READY"_s)));
    QVERIFY(column(VersionsModel::TagsColumn).at(3).contains(u"deployed_at="_s));
    QVERIFY(page()->versionsTable()->isVisible());

    // The timeline: one lane per stage and alias, v4 in Production, v3 in Staging.
    const md::TimelineData &d = page()->timeline()->timeline();
    QVERIFY(d.laneIndex(TimelineLane::Kind::Stage, u"Production"_s) >= 0);
    QVERIFY(d.laneIndex(TimelineLane::Kind::Stage, u"Staging"_s) >= 0);
    QVERIFY(d.laneIndex(TimelineLane::Kind::Stage, u"Archived"_s) >= 0);
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Production"_s), QList<qint64>{4});
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Staging"_s), QList<qint64>{3});
    QCOMPARE(laneVersions(TimelineLane::Kind::Alias, u"champion"_s), QList<qint64>{4});
    QCOMPARE(laneVersions(TimelineLane::Kind::Alias, u"challenger"_s), QList<qint64>{3});
    QCOMPARE(d.markers.size(), 4);  // the registrations
    QVERIFY(page()->timeline()->markerToolTip(0).contains(u"v1 registered"_s));

    // The key metric across versions.
    QCOMPARE(page()->versionsModel()->keyMetricSeries(),
             (QList<QPair<qint64, double>>{{1, 0.82}, {2, 0.85}, {3, 0.88}, {4, 0.89}}));

    QVERIFY(page()->grab().save(u"/tmp/models.png"_s));
}

void TestModelsPage::sortingKeyboardAndClicks()
{
    QVERIFY(startAndWait(uriOf(md::test::dataPath(u"mlruns"_s))));
    openModelsTab();
    clickModel(u"car_price_model"_s);

    // Click the key metric header twice: descending.
    QHeaderView *header = page()->versionsTable()->horizontalHeader();
    const int x = header->sectionViewportPosition(VersionsModel::KeyMetricColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(column(VersionsModel::KeyMetricColumn), (QStringList{u"0.82"_s, u"0.85"_s, u"0.88"_s, u"0.89"_s}));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(column(VersionsModel::KeyMetricColumn), (QStringList{u"0.89"_s, u"0.88"_s, u"0.85"_s, u"0.82"_s}));

    // A click on v3's Staging block selects v3's row.
    md::TimelineWidget *timeline = page()->timeline();
    const md::TimelineData &d = timeline->timeline();
    const int staging = d.laneIndex(TimelineLane::Kind::Stage, u"Staging"_s);
    QSignalSpy clicked(timeline, &md::TimelineWidget::versionClicked);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->blockRect(staging, 0).center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().at(0).toLongLong(), 3);
    QCOMPARE(page()->versionsTable()->currentIndex().data(VersionsModel::VersionRole).toLongLong(), 3);
    QVERIFY(timeline->blockToolTip(staging, 0).contains(u"v3 in Staging"_s));
    QCOMPARE(timeline->toolTipAt(timeline->blockRect(staging, 0).center().toPoint()), timeline->blockToolTip(staging, 0));

    // Keyboard: Down in the models list moves to the next model; in the timeline Right/Enter
    // walks the markers and opens a version.
    page()->modelsView()->setFocus();
    QTest::keyClick(page()->modelsView(), Qt::Key_Down);
    QCOMPARE(page()->currentModel(), u"empty_model"_s);
    QTest::keyClick(page()->modelsView(), Qt::Key_Up);
    QCOMPARE(page()->currentModel(), u"car_price_model"_s);
    timeline->setFocus();
    QTest::keyClick(timeline, Qt::Key_Right);
    QTest::keyClick(timeline, Qt::Key_Right);
    QCOMPARE(timeline->currentMarker(), 1);
    QTest::keyClick(timeline, Qt::Key_Return);
    QCOMPARE(page()->versionsTable()->currentIndex().data(VersionsModel::VersionRole).toLongLong(), 2);
}

void TestModelsPage::emptyStates()
{
    QVERIFY(startAndWait(uriOf(md::test::dataPath(u"mlruns"_s))));
    openModelsTab();
    auto *table = qobject_cast<md::PlaceholderTableView *>(page()->versionsTable());
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(table->placeholderText().startsWith(u"Select a model"_s));
    clickModel(u"empty_model"_s);
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(table->placeholderText(), u"This model has no versions yet."_s);
    QVERIFY(page()->timeline()->timeline().markers.isEmpty());

    clickModel(u"Ünïcødé-モデル 🚗"_s);
    QCOMPARE(column(VersionsModel::StageColumn), QStringList{u"Archived"_s});
    // Archived without observed history: only the registration marker.
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Archived"_s), QList<qint64>{});
    QCOMPARE(page()->timeline()->timeline().markers.size(), 1);
}

void TestModelsPage::sourceWithoutModels()
{
    const QString store = m_dir->filePath(u"store"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    QVERIFY(QDir(store + u"/models"_s).removeRecursively());
    QVERIFY(startAndWait(uriOf(store)));
    openModelsTab();
    QCOMPARE(page()->modelsModel()->rowCount(), 0);
    auto *list = qobject_cast<md::PlaceholderTreeView *>(page()->modelsView());
    QVERIFY(list);
    QCOMPARE(list->placeholderText(), u"This source has no registered models."_s);
    auto *table = qobject_cast<md::PlaceholderTableView *>(page()->versionsTable());
    QCOMPARE(table->placeholderText(), u"This source has no registered models."_s);
}

void TestModelsPage::observedChangeAppearsAfterSync()
{
    const QString store = m_dir->filePath(u"store"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    QVERIFY(startAndWait(uriOf(store)));
    openModelsTab();
    clickModel(u"car_price_model"_s);
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Staging"_s), QList<qint64>{3});

    // Another tool promotes v3, as MLflow's file store writes it.
    QFile v3(store + u"/models/car_price_model/version-3/meta.yaml"_s);
    QVERIFY(v3.open(QIODevice::ReadOnly));
    QByteArray y = v3.readAll();
    v3.close();
    QVERIFY(y.contains("current_stage: Staging"));
    y.replace("current_stage: Staging", "current_stage: Production");
    QVERIFY(md::test::writeFile(v3.fileName(), y));

    // File › Sync Again (F5).
    QAction *sync = m_window->findChild<QAction *>(u"actionSyncAgain"_s);
    QVERIFY(sync);
    QCOMPARE(sync->shortcut(), QKeySequence(Qt::Key_F5));
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(finished.wait(kImportTimeoutMs));
    QVERIFY(finished.first().at(0).toBool());

    // The model stays selected and now shows the observed change.
    QCOMPARE(page()->currentModel(), u"car_price_model"_s);
    QCOMPARE(column(VersionsModel::StageColumn),
             (QStringList{u"Archived"_s, u"Archived"_s, u"Production"_s, u"Production"_s}));
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Production"_s), (QList<qint64>{4, 3}));
    QCOMPARE(laneVersions(TimelineLane::Kind::Stage, u"Staging"_s), QList<qint64>{3});
    const md::TimelineData &d = page()->timeline()->timeline();
    int observed = -1;
    for (int i = 0; i < d.markers.size(); ++i)
        if (d.markers.at(i).kind == TimelineMarker::Kind::Observed)
            observed = i;
    QVERIFY(observed >= 0);
    QCOMPARE(d.markers.at(observed).version, 3);
    QCOMPARE(d.markers.at(observed).lane, d.laneIndex(TimelineLane::Kind::Stage, u"Production"_s));
    QVERIFY(d.markers.at(observed).windowEndMs >= d.markers.at(observed).windowStartMs);
    const QString tip = page()->timeline()->markerToolTip(observed);
    QVERIFY2(tip.contains(u"observed by sync between"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"stage Staging → Production"_s), qPrintable(tip));
    // Hovering the marker gives the same text.
    const QPoint at = page()->timeline()->markerRect(observed).center().toPoint();
    QCOMPARE(page()->timeline()->toolTipAt(at), tip);
    // A click on the marker selects v3.
    QTest::mouseClick(page()->timeline(), Qt::LeftButton, {}, at);
    QCOMPARE(page()->versionsTable()->currentIndex().data(VersionsModel::VersionRole).toLongLong(), 3);
    QVERIFY(page()->grab().save(u"/tmp/models-observed.png"_s));
}

void TestModelsPage::darkPaletteScreenshot()
{
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xde));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });

    QVERIFY(startAndWait(uriOf(md::test::dataPath(u"mlruns"_s)), u"car_price_model"_s));
    const QImage shot = page()->timeline()->grab().toImage();
    // The timeline's background is the dark base colour.
    QVERIFY(QColor(shot.pixel(shot.width() - 3, shot.height() - 3)).lightness() < 80);
    QVERIFY(page()->grab().save(u"/tmp/models-dark.png"_s));
}

void TestModelsPage::modelOptionOpensTheModelsTab()
{
    QVERIFY(startAndWait(uriOf(md::test::dataPath(u"mlruns"_s)), u"car_price_model"_s));
    QCOMPARE(m_window->pages()->currentWidget(), page());
    QCOMPARE(page()->currentModel(), u"car_price_model"_s);
    QCOMPARE(page()->versionsTable()->model()->rowCount(), 4);

    // An unknown name leaves the tab as it is and says so.
    m_window->pages()->setCurrentIndex(0);
    QVERIFY(!m_window->showModel(u"no_such_model"_s));
    QCOMPARE(m_window->pages()->currentIndex(), 0);
}

void TestModelsPage::modelOptionOnTheBinary()
{
    const QString shot = m_dir->filePath(u"shot.png"_s);
    const auto result = md::test::runProcess(QStringLiteral(MD_GUI_PATH),
                                             {uriOf(md::test::dataPath(u"mlruns"_s)), u"--cache"_s, m_cachePath,
                                              u"--model"_s, u"car_price_model"_s, u"--screenshot"_s, shot});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.save(u"/tmp/models-binary.png"_s));
    const auto help = md::test::runProcess(QStringLiteral(MD_GUI_PATH), {u"--help"_s});
    QVERIFY(help.out.contains("--model <NAME>"));
}

QTEST_MAIN(TestModelsPage)
#include "tst_models_page.moc"
