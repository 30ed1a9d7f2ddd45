// SPDX-License-Identifier: GPL-3.0-or-later
// The first window on a 1366 × 768 laptop screen, as a newcomer meets it: it fits, status bar
// included; a saved geometry from a bigger screen is made to fit; long status text is elided with
// the whole of it in the tooltip; the Open Source dialog starts with the server URL and the recent
// sources; the demo says it is a demo and offers Open Source…, a real source does not.
// Runs on an offscreen 1366 × 768 screen whatever screen the environment asks for.
#include "GuiSupport.h"
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ElidingLabel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/MessageBox.h"
#include "gui/OpenSourceDialog.h"
#include "models/ExperimentsModel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using md::ExperimentsModel;
using md::MainWindow;
using md::OpenSourceDialog;

namespace {

constexpr int kImportTimeoutMs = 60000;

QString fixtureUri()
{
    return QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString();
}

} // namespace

class TestFirstWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstSizeIsAtMost85Percent();
    void firstStartFitsTheScreen();
    void savedGeometryFromABiggerScreenIsMadeToFit();
    void longStatusTextIsElidedWithTooltip();
    void openSourceStartsWithServerUrlAndRecentSources();
    void recentSourceOpensWithEnter();
    void recentSourceOpensWithDoubleClick();
    void demoSaysItIsADemo();
    void realSourceHasNoDemoNotice();
    void dismissedDemoNoticeStaysDismissed();

private:
    MainWindow *makeWindow();
    bool startAndWait(const QString &uri);
    /// Opens File › Open Source… with Ctrl+O and returns the dialog once it shows.
    OpenSourceDialog *openDialog();
    QRect available() const { return m_window->screen()->availableGeometry(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
};

void TestFirstWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    md::MessageBox::setHeadless(true);
    QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(), QSize(1366, 768));
}

void TestFirstWindow::init()
{
    md::Settings::instance().clear();
    md::MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
}

void TestFirstWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow *TestFirstWindow::makeWindow()
{
    m_window = md::test::showMainWindow(md::MainWindowOptions{m_cachePath});
    return m_window.get();
}

bool TestFirstWindow::startAndWait(const QString &uri)
{
    return makeWindow() && md::test::startUpAndWait(*m_window, uri, kImportTimeoutMs);
}

OpenSourceDialog *TestFirstWindow::openDialog()
{
    m_window->activateWindow();
    QTest::qWaitFor([this] { return m_window->isActiveWindow(); }, 2000);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    // The last one: a closed dialog is deleted later.
    const auto shown = [this]() -> OpenSourceDialog * {
        for (OpenSourceDialog *d : m_window->findChildren<OpenSourceDialog *>())
            if (d->isVisible())
                return d;
        return nullptr;
    };
    QTest::qWaitFor([&] { return shown() != nullptr; }, 5000);
    OpenSourceDialog *dialog = shown();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestFirstWindow::firstSizeIsAtMost85Percent()
{
    QCOMPARE(MainWindow::firstSize(QRect(0, 0, 1366, 768)), QSize(1161, 652));
    QCOMPARE(MainWindow::firstSize(QRect(0, 0, 800, 600)), QSize(680, 510));
    // A big screen gets the window ModelDesk always had.
    QCOMPARE(MainWindow::firstSize(QRect(0, 0, 2560, 1440)), QSize(1280, 800));
}

void TestFirstWindow::firstStartFitsTheScreen()
{
    QVERIFY(makeWindow());
    const QRect area = available();
    QVERIFY2(m_window->width() <= area.width() * 85 / 100 && m_window->height() <= area.height() * 85 / 100,
             qPrintable(u"%1x%2"_s.arg(m_window->width()).arg(m_window->height())));
    // The whole window, frame and status bar included, is on the screen.
    QVERIFY2(area.contains(m_window->frameGeometry()),
             qPrintable(u"%1,%2 %3x%4"_s.arg(m_window->frameGeometry().x()).arg(m_window->frameGeometry().y())
                            .arg(m_window->frameGeometry().width()).arg(m_window->frameGeometry().height())));
    QStatusBar *status = m_window->statusBar();
    QVERIFY(status->isVisible());
    QVERIFY(area.contains(QRect(status->mapToGlobal(QPoint(0, 0)), status->size())));
    // Laid out at that size, not held larger by a minimum.
    QVERIFY(m_window->minimumSizeHint().width() <= m_window->width());
    QVERIFY(m_window->minimumSizeHint().height() <= m_window->height());
}

void TestFirstWindow::savedGeometryFromABiggerScreenIsMadeToFit()
{
    // A window left 2400 × 1500 at (300, 200) on a bigger screen.
    QVERIFY(makeWindow());
    m_window->setGeometry(300, 200, 2400, 1500);
    QTRY_COMPARE(m_window->size(), QSize(2400, 1500));
    m_window->close();
    m_window.reset();
    QVERIFY(!md::Settings::instance().value(md::Settings::Key::MainWindowGeometry).toByteArray().isEmpty());

    QVERIFY(makeWindow());
    const QRect area = available();
    QVERIFY2(m_window->width() <= area.width() && m_window->height() <= area.height(),
             qPrintable(u"%1x%2"_s.arg(m_window->width()).arg(m_window->height())));
    QVERIFY(area.contains(m_window->frameGeometry()));
    QStatusBar *status = m_window->statusBar();
    QVERIFY(area.contains(QRect(status->mapToGlobal(QPoint(0, 0)), status->size())));
}

void TestFirstWindow::longStatusTextIsElidedWithTooltip()
{
    QVERIFY(makeWindow());
    md::ElidingLabel *text = m_window->statusText();
    QVERIFY(text);
    const QString lengthy = u"Imported 4 runs and 1 registered model from file:///home/someone/projects/"
                            "a-rather-long-folder-name/another-one/mlruns; Imported 0 runs and 1 registered model from "
                            "folder:///home/someone/projects/a-rather-long-folder-name/artifacts/training; 1 new review request"_s;
    m_window->statusBar()->showMessage(lengthy);
    QTRY_COMPARE(text->text(), lengthy);
    QVERIFY(text->isVisible());
    QVERIFY(text->isElided());
    QVERIFY(text->shownText().endsWith(u'…'));
    QCOMPARE(text->toolTip(), lengthy);
    // Within the window, left of the status bar's other parts.
    QVERIFY(text->geometry().right() <= m_window->statusBar()->width());

    m_window->statusBar()->showMessage(u"Imported 4 runs"_s);
    QTRY_VERIFY(!text->isElided());
    QCOMPARE(text->shownText(), u"Imported 4 runs"_s);
    QVERIFY(text->toolTip().isEmpty());
    m_window->statusBar()->clearMessage();
    QTRY_VERIFY(text->text().isEmpty());
}

void TestFirstWindow::openSourceStartsWithServerUrlAndRecentSources()
{
    const QStringList recent{u"http://mlflow.example.org:5000"_s, fixtureUri()};
    md::Settings::instance().setValue(md::Settings::Key::RecentSources, recent);
    QVERIFY(makeWindow());
    OpenSourceDialog *dialog = openDialog();
    QVERIFY(dialog);
    QLineEdit *url = dialog->locationEdit();
    QListWidget *list = dialog->recentList();
    // The server URL field comes first and has the focus.
    QCOMPARE(url->placeholderText(), u"MLflow tracking server, e.g. http://localhost:5000"_s);
    QTRY_COMPARE(QApplication::focusWidget(), url);
    const auto top = [dialog](QWidget *w) { return w->mapTo(dialog, QPoint(0, 0)).y(); };
    auto *folder = dialog->findChild<QPushButton *>(u"folderButton"_s);
    auto *file = dialog->findChild<QPushButton *>(u"fileButton"_s);
    QVERIFY(folder && file && folder->isVisible() && file->isVisible());
    QVERIFY(top(url) < top(list));
    QVERIFY(top(list) < top(folder));
    // The recent sources, latest first.
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), recent.at(0));
    QCOMPARE(list->item(1)->text(), recent.at(1));
    auto *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    QVERIFY(!open->isEnabled());
    // Typing a server URL is enough to open it.
    QTest::keyClicks(url, u"http://localhost:5000"_s);
    QVERIFY(open->isEnabled());
    QCOMPARE(dialog->location(), u"http://localhost:5000"_s);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());

    // Nothing opened yet: no recent list to show.
    md::Settings::instance().remove(md::Settings::Key::RecentSources);
    dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->recentList()->isHidden());
    QVERIFY(dialog->locationEdit()->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
}

void TestFirstWindow::recentSourceOpensWithEnter()
{
    const QString db = md::test::dataPath(u"mlflow.db"_s);
    md::Settings::instance().setValue(md::Settings::Key::RecentSources, QStringList{fixtureUri(), db});
    QVERIFY(makeWindow());
    OpenSourceDialog *dialog = openDialog();
    QVERIFY(dialog);
    // Tab to the list, down to the second source, Enter.
    QTRY_COMPARE(QApplication::focusWidget(), dialog->locationEdit());
    QTest::keyClick(dialog->locationEdit(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), dialog->recentList());
    QTest::keyClick(dialog->recentList(), Qt::Key_Down);
    if (dialog->recentList()->currentRow() == 0)  // the first Down may only make the first row current
        QTest::keyClick(dialog->recentList(), Qt::Key_Down);
    QCOMPARE(dialog->recentList()->currentRow(), 1);
    QCOMPARE(dialog->location(), db);
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QTest::keyClick(dialog->recentList(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(finished.size(), 1);  // opened once
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(m_window->experimentsModel()->rowCount(), 1);
    const QString uri = m_window->experimentsModel()->index(0, 0).data(ExperimentsModel::SourceUriRole).toString();
    QVERIFY(uri.startsWith(u"sqlite:"_s));
    // Remembered first, by the URI it was imported under.
    const QStringList recent = md::Settings::instance().value(md::Settings::Key::RecentSources).toStringList();
    QCOMPARE(recent.value(0), uri);
    QVERIFY(recent.contains(fixtureUri()));
}

void TestFirstWindow::recentSourceOpensWithDoubleClick()
{
    md::Settings::instance().setValue(md::Settings::Key::RecentSources,
                                      QStringList{u"http://mlflow.example.org:5000"_s, fixtureUri()});
    QVERIFY(makeWindow());
    OpenSourceDialog *dialog = openDialog();
    QVERIFY(dialog);
    QListWidget *list = dialog->recentList();
    const QRect second = list->visualItemRect(list->item(1));
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    // A double-click: its first click, then Qt's double-click event.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, second.center());
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(finished.wait(kImportTimeoutMs));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(m_window->experimentsModel()->index(0, 0).data(ExperimentsModel::SourceUriRole).toString(), fixtureUri());
    const QStringList recent = md::Settings::instance().value(md::Settings::Key::RecentSources).toStringList();
    QCOMPARE(recent, (QStringList{fixtureUri(), u"http://mlflow.example.org:5000"_s}));
    QCOMPARE(OpenSourceDialog::withRecent(recent, u"http://mlflow.example.org:5000"_s),
             (QStringList{u"http://mlflow.example.org:5000"_s, fixtureUri()}));
}

void TestFirstWindow::demoSaysItIsADemo()
{
    QVERIFY(startAndWait(QString()));  // an empty cache: the demo
    md::MessageBar *notice = m_window->demoNotice();
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"This is a demo data set — Open Source… to connect your MLflow server"_s);
    // Above the pages.
    QVERIFY(notice->mapTo(m_window.get(), QPoint(0, 0)).y() < m_window->pages()->mapTo(m_window.get(), QPoint(0, 0)).y());
    auto *button = notice->findChild<QPushButton *>(u"demoOpenSourceButton"_s);
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    OpenSourceDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<OpenSourceDialog *>()) && dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());

    // A real source opened from the dialog: the bar goes while it is shown…
    dialog = openDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->locationEdit(), md::test::dataPath(u"mlruns"_s));
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QTest::keyClick(dialog->locationEdit(), Qt::Key_Return);
    QVERIFY(finished.wait(kImportTimeoutMs));
    const QModelIndex current = m_window->experimentsTree()->currentIndex();
    QVERIFY(!m_window->isDemoSource(current.data(ExperimentsModel::SourceUriRole).toString()));
    QVERIFY(!notice->isVisible());
    // … and comes back with a demo experiment.
    const ExperimentsModel *model = m_window->experimentsModel();
    QModelIndex demo;
    for (int s = 0; s < model->rowCount() && !demo.isValid(); ++s) {
        const QModelIndex source = model->index(s, 0);
        if (m_window->isDemoSource(source.data(ExperimentsModel::SourceUriRole).toString()) && model->rowCount(source) > 0)
            demo = model->index(0, 0, source);
    }
    QVERIFY(demo.isValid());
    QTreeView *tree = m_window->experimentsTree();
    tree->scrollTo(demo);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(demo).center());
    QTRY_VERIFY(notice->isVisible());
    // The demo is never a recent source; the real one is.
    const QStringList recent = md::Settings::instance().value(md::Settings::Key::RecentSources).toStringList();
    QCOMPARE(recent.size(), 1);
    QVERIFY(!m_window->isDemoSource(recent.first()));
    QDir(QFileInfo(m_cachePath).absoluteDir().filePath(u"demo"_s)).removeRecursively();
}

void TestFirstWindow::realSourceHasNoDemoNotice()
{
    QVERIFY(startAndWait(fixtureUri()));
    QVERIFY(m_window->experimentsTree()->currentIndex().isValid());
    QVERIFY(!m_window->demoNotice()->hasMessage());
    QVERIFY(m_window->demoNotice()->isHidden());
    QVERIFY(!m_window->isDemoSource(fixtureUri()));
    QVERIFY(!m_window->isDemoSource(u"http://localhost:5000"_s));
}

void TestFirstWindow::dismissedDemoNoticeStaysDismissed()
{
    QVERIFY(startAndWait(QString()));
    md::MessageBar *notice = m_window->demoNotice();
    QTRY_VERIFY(notice->isVisible());
    QTest::mouseClick(notice->closeButton(), Qt::LeftButton);
    QTRY_VERIFY(!notice->isVisible());
    m_window->close();
    m_window.reset();

    // The next start shows the demo from the cache, without the bar.
    QVERIFY(startAndWait(QString()));
    QVERIFY(m_window->isDemoSource(
        m_window->experimentsTree()->currentIndex().data(ExperimentsModel::SourceUriRole).toString()));
    QVERIFY(!m_window->demoNotice()->isVisible());
    QDir(QFileInfo(m_cachePath).absoluteDir().filePath(u"demo"_s)).removeRecursively();
}

int main(int argc, char *argv[])
{
    // A 1366 × 768 laptop screen (the offscreen platform's own is 800 × 800).
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" MD_SCREEN_1366_CONFIG);
    QApplication app(argc, argv);
    TestFirstWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firstwindow.moc"
