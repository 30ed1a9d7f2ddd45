// SPDX-License-Identifier: GPL-3.0-or-later
// The Reviews inbox of the main window, with two desktops against one REST test server: alice's
// ModelDesk (its own cache and journal) sends a version to review; another tool moves one to
// Staging through the server's REST API; bob's window syncs, its Reviews tab shows both with the
// count in the tab title, the status bar says what the sync brought, and Enter on alice's request
// opens the Review of that version in the Models tab; once bob decided, the next sync takes it out.
// The desktops' actions go through ModelDesk's ActionService, each on that desktop's own cache and
// journal, acting as the named person; policies are the built-in defaults (MODELDESK_POLICIES
// names a missing file). Offscreen.
#include "TestServer.h"
#include "GuiSupport.h"
#include "TestSupport.h"

#include "actions/ActionService.h"
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ActionRunner.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/ReviewDialog.h"
#include "gui/ReviewsModel.h"
#include "gui/ReviewsPage.h"
#include "models/VersionsModel.h"
#include "sources/RegistryWriter.h"
#include "sync/Importer.h"

#include <QAction>
#include <QHeaderView>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using md::test::openDialog;
using md::MainWindow;
using md::MessageBox;
using md::ReviewsModel;

namespace {

constexpr int kTimeoutMs = 30000;
const QString kModel = u"car_price_model"_s;

} // namespace

class TestReviewsInbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void colleaguesRequestReachesTheOtherDesktop();

private:
    /// bob's desktop: the main window on its own cache, started on the server.
    bool startBob();
    /// alice's desktop: her own cache and journal, and ModelDesk's action service acting as her.
    void aliceSendsToReview(qint64 version);
    /// bob approves `version` through the action service on his desktop's cache and journal.
    void decideAsBob(qint64 version);
    /// One action through ModelDesk's action service, on the cache at `cachePath` (synced first).
    void act(const QString &user, const QString &cachePath, md::ActionRequest request);
    /// The row of `version` in bob's inbox, -1 when not shown.
    int rowOf(qint64 version) const;
    QString cell(int row, int column, int role = Qt::DisplayRole) const;
    int reviewsTab() const { return m_window->pages()->indexOf(m_window->reviewsPage()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<md::test::TestServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    QString m_uri;
};

void TestReviewsInbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    MessageBox::setHeadless(true);
}

void TestReviewsInbox::init()
{
    md::Settings::instance().clear();
    MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("MODELDESK_POLICIES", QFile::encodeName(m_dir->filePath(u"no-such-policies.json"_s)));
    // No signed-in MLflow user from the environment: the window's user is $USER, not alice.
    qunsetenv("MLFLOW_TRACKING_USERNAME");
    qunsetenv("MLFLOW_TRACKING_PASSWORD");
    qunsetenv("MLFLOW_TRACKING_TOKEN");
    m_server = std::make_unique<md::test::TestServer>();
    QVERIFY(m_server->start());
    m_uri = m_server->url().toString();
}

void TestReviewsInbox::cleanup()
{
    if (m_window)
        m_window->modelsPage()->actionRunner()->waitForDone();
    m_window.reset();
    m_server.reset();
    m_dir.reset();
}

bool TestReviewsInbox::startBob()
{
    const QString cachePath = m_dir->filePath(u"bob/cache.sqlite"_s);
    m_window = std::make_unique<MainWindow>(md::MainWindowOptions{cachePath, md::Journal::defaultPathFor(cachePath)});
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(m_uri);
    if (!finished.wait(kTimeoutMs) && finished.isEmpty())
        return false;
    return finished.first().at(0).toBool();
}

void TestReviewsInbox::act(const QString &user, const QString &cachePath, md::ActionRequest request)
{
    const QString journalPath = md::Journal::defaultPathFor(cachePath);
    const std::atomic_bool never{false};
    auto report = md::Importer::importUri(m_uri, cachePath, journalPath, never);
    QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
    auto writer = md::createRegistryWriter(m_uri);
    QVERIFY(writer);
    QVERIFY((*writer)->open());
    md::Journal journal;
    QVERIFY(journal.open(journalPath));
    md::Cache cache;
    QVERIFY(cache.open(cachePath));
    auto policies = md::Policies::load();
    QVERIFY(policies);
    md::ActionService service(**writer, journal, &cache, *policies, md::Identity{user, u"mlflow"_s});
    request.sourceUri = (*writer)->uri();
    request.model = kModel;
    auto outcome = service.execute(request);
    QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().toString()));
}

void TestReviewsInbox::aliceSendsToReview(qint64 version)
{
    md::ActionRequest request;
    request.kind = md::ActionKind::Promote;
    request.version = version;
    request.target = u"Staging"_s;
    act(u"alice"_s, m_dir->filePath(u"alice/cache.sqlite"_s), request);
}

void TestReviewsInbox::decideAsBob(qint64 version)
{
    md::ActionRequest request;
    request.kind = md::ActionKind::Approve;
    request.version = version;
    request.note = u"R² lower, but the A/B error rate is flat"_s;
    act(u"bob"_s, m_dir->filePath(u"bob/cache.sqlite"_s), request);
}

int TestReviewsInbox::rowOf(qint64 version) const
{
    return m_window->reviewsPage()->model()->rowOf(m_uri, kModel, version);
}

QString TestReviewsInbox::cell(int row, int column, int role) const
{
    const ReviewsModel *model = m_window->reviewsPage()->model();
    return model->index(row, column).data(role).toString();
}

void TestReviewsInbox::colleaguesRequestReachesTheOtherDesktop()
{
    QVERIFY(startBob());
    md::ReviewsPage *inbox = m_window->reviewsPage();
    QTabWidget *pages = m_window->pages();
    QVERIFY(reviewsTab() >= 0);
    // The server's v3 is in Staging and holds `challenger`, put there before any sync by a tool
    // that wrote no request.
    QTRY_COMPARE_WITH_TIMEOUT(pages->tabText(reviewsTab()), u"Reviews (1)"_s, kTimeoutMs);
    QCOMPARE(inbox->count(), 1);
    QCOMPARE(cell(0, ReviewsModel::VersionColumn), u"v3"_s);
    QCOMPARE(cell(0, ReviewsModel::RequesterColumn), u"unknown — moved by another tool"_s);
    QVERIFY2(cell(0, ReviewsModel::RequestedColumn, Qt::ToolTipRole).startsWith(u"Moved before the first sync"_s),
             qPrintable(cell(0, ReviewsModel::RequestedColumn, Qt::ToolTipRole)));

    // On alice's desktop: v1 goes to review. Meanwhile another tool moves v2 to Staging.
    aliceSendsToReview(1);
    if (QTest::currentTestFailed())
        return;
    const auto moved = m_server->request("POST", u"/api/2.0/mlflow/model-versions/transition-stage"_s,
                                         R"({"name": "car_price_model", "version": "2", "stage": "Staging",
                                             "archive_existing_versions": false})");
    QVERIFY2(moved.status == 200, moved.body.constData());

    // bob syncs.
    QSignalSpy loaded(inbox, &md::ReviewsPage::loaded);
    QSignalSpy imported(m_window.get(), &MainWindow::importFinished);
    QAction *sync = m_window->findChild<QAction *>(u"actionSyncAgain"_s);
    QVERIFY(sync && sync->isEnabled());
    sync->trigger();
    QVERIFY(imported.wait(kTimeoutMs) || !imported.isEmpty());
    QVERIFY(imported.first().at(0).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(pages->tabText(reviewsTab()), u"Reviews (3)"_s, kTimeoutMs);
    QTRY_VERIFY(!loaded.isEmpty());

    // What the sync brought, after what the import itself says.
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"Imported"_s), qPrintable(message));
    QVERIFY2(message.contains(u"2 new review requests: "_s), qPrintable(message));
    QVERIFY2(message.contains(u"car_price_model v1"_s) && message.contains(u"car_price_model v2"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"car_price_model v3"_s), qPrintable(message));

    // alice's request, with her name; v2 with the window in which bob's sync saw the move.
    const int alice = rowOf(1), other = rowOf(2), before = rowOf(3);
    QVERIFY(alice >= 0 && other >= 0 && before >= 0);
    QCOMPARE(cell(alice, ReviewsModel::RequesterColumn), u"alice"_s);
    QVERIFY2(cell(alice, ReviewsModel::RequestedColumn) == u"just now"_s,
             qPrintable(cell(alice, ReviewsModel::RequestedColumn)));
    QVERIFY(cell(alice, ReviewsModel::RequestedColumn, Qt::ToolTipRole).startsWith(u"Asked on "_s));
    QCOMPARE(cell(alice, ReviewsModel::SourceColumn, Qt::ToolTipRole), m_uri);
    QCOMPARE(cell(alice, ReviewsModel::DeltaColumn), u"-0.07"_s);  // val_r2_score 0.82 against Production v4's 0.89
    QCOMPARE(cell(other, ReviewsModel::RequesterColumn), u"unknown — moved by another tool"_s);
    QVERIFY2(cell(other, ReviewsModel::RequestedColumn, Qt::ToolTipRole).startsWith(u"Moved between "_s),
             qPrintable(cell(other, ReviewsModel::RequestedColumn, Qt::ToolTipRole)));
    QCOMPARE(cell(other, ReviewsModel::RequestedColumn), u"just now"_s);
    QCOMPARE(cell(before, ReviewsModel::RequesterColumn), u"unknown — moved by another tool"_s);
    QCOMPARE(cell(before, ReviewsModel::RequestedColumn), u"before the first sync"_s);

    // The Reviews tab by a click, alice's request by a click, then Enter.
    QTest::mouseClick(pages->tabBar(), Qt::LeftButton, {}, pages->tabBar()->tabRect(reviewsTab()).center());
    QCOMPARE(pages->currentWidget(), static_cast<QWidget *>(inbox));
    QTableView *table = inbox->table();
    // Newest first; a click on the key metric's header sorts by it, worst first.
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(ReviewsModel::RequestedColumn));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(ReviewsModel::DeltaColumn) + 10, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(ReviewsModel::DeltaColumn));
    QCOMPARE((QList<int>{rowOf(1), rowOf(2), rowOf(3)}), (QList<int>{0, 1, 2}));
    const QRect rect = table->visualRect(inbox->model()->index(rowOf(1), ReviewsModel::ModelColumn));
    QVERIFY(rect.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(inbox->currentRequest() && inbox->currentRequest()->version == 1);
    QTest::keyClick(table, Qt::Key_Return);

    md::ModelsPage *models = m_window->modelsPage();
    QCOMPARE(pages->currentWidget(), static_cast<QWidget *>(models));
    QCOMPARE(models->currentModel(), kModel);
    const QModelIndex current = models->versionsTable()->currentIndex();
    QCOMPARE(current.data(md::VersionsModel::VersionRole).toLongLong(), 1);
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<md::ReviewDialog>(m_window.get())) != nullptr);
    QCOMPARE(dialog->windowTitle(), u"Review car_price_model v1"_s);

    // bob closes the review and decides on his own desktop's service: the next sync empties
    // that row, and brings nothing new to announce.
    const QPointer<md::ReviewDialog> review(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!review || !review->isVisible());
    decideAsBob(1);
    if (QTest::currentTestFailed())
        return;
    imported.clear();
    sync->trigger();
    QVERIFY(imported.wait(kTimeoutMs) || !imported.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(pages->tabText(reviewsTab()), u"Reviews (2)"_s, kTimeoutMs);
    QCOMPARE(rowOf(1), -1);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"Imported"_s));
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(u"review request"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(MessageBox::history().isEmpty());
}

QTEST_MAIN(TestReviewsInbox)
#include "tst_reviews_inbox.moc"
