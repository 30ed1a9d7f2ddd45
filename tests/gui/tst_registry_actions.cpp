// SPDX-License-Identifier: GPL-3.0-or-later
// The registry actions of the Models tab, driven like people would: on a copy of the file-store
// fixture imported into a fresh cache, bob reviews and approves car_price_model v3, alice promotes
// it, dana rolls Production back; the four-eyes rule in the review dialog; a policy refusal and a
// race with another tool, each shown as an error box. Identity is $USER, switched before each
// action; policies are the built-in defaults (MODELDESK_POLICIES names a missing file). Offscreen.
#include "TestServer.h"
#include "GuiSupport.h"
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ActionRunner.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/ReviewDialog.h"
#include "gui/MessageBar.h"
#include "gui/PlanDialog.h"
#include "gui/TimelineWidget.h"
#include "gui/VersionDetailsWidget.h"
#include "models/TimelineData.h"
#include "models/VersionsModel.h"
#include "sources/RegistryWriter.h"
#include "sync/Importer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using md::test::openDialog;
using md::MessageBox;
using md::ModelsPage;
using md::VersionsModel;

namespace {

constexpr int kActionTimeoutMs = 20000;
const QString kModel = u"car_price_model"_s;
const QString kSweepExperiment = u"359751329447329243"_s;  // car_price_sweep

QString uriOf(const QString &path)
{
    return QUrl::fromLocalFile(path).toString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

/// Every file under `root` with its contents, to show that nothing was written.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path), readAll(path));
    }
    return files;
}

void actAs(const char *user)
{
    qputenv("USER", user);
}

} // namespace

class TestRegistryActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bobApprovesStagingVersion();
    void fourEyesInTheReviewDialog();
    void alicePromotesApprovedVersion();
    void danaRollsBackWithIncidentReport();
    void timelineShowsTheActions();
    void refusalShowsThePolicyError();
    void changeMeanwhileIsNotOverwritten();
    void offlineActionWaitsForTheServer();

private:
    void clickModel(const QString &name);
    void clickVersion(qint64 version);
    /// Clicks the action's toolbar button, as a person would.
    void clickAction(QAction *action);
    void waitIdle();
    /// The plan dialog the page has open, once it shows a plan, a refusal or the offer to queue.
    md::PlanDialog *planShown();
    /// Performs the plan shown with Ctrl+Return, as from the keyboard, and waits for the outcome.
    void confirmWithKeyboard(md::PlanDialog *dialog);
    /// bob reviews v3 against Production v4 and approves it with a note (step 1).
    void approveV3AsBob();
    /// alice promotes v3 to Production after confirming the plan (step 3).
    void promoteV3AsAlice();
    /// dana rolls Production back to the proposed v4 with a reason (step 4).
    void rollBackAsDana(const QString &reason);
    /// alice moves v2 to Staging with "Send to Review".
    void sendV2ToReviewAsAlice();
    QString stageShown(qint64 version) const;
    QString versionFile(qint64 version, const QString &relative) const;
    QList<md::JournalEntry> journal(const QString &subject);

    ModelsPage *page() const { return m_page.get(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<md::Cache> m_cache;
    std::unique_ptr<ModelsPage> m_page;
    QString m_store;
    QString m_uri;
    QString m_journalPath;
};

#define RETURN_IF_FAILED()                                                                                             \
    do {                                                                                                               \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

void TestRegistryActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    // Error boxes would stay open (window-modal) over the page; what they say is in history().
    MessageBox::setHeadless(true);
}

void TestRegistryActions::init()
{
    md::Settings::instance().clear();
    MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The built-in defaults: every rule on.
    qputenv("MODELDESK_POLICIES", QFile::encodeName(m_dir->filePath(u"no-such-policies.json"_s)));
    // The store without the 200-run sweep experiment (3,500 files): the registry and the runs of
    // car_price's versions are all there, and the copy takes a fraction of the time.
    m_store = m_dir->filePath(u"mlruns"_s);
    const QDir fixture(md::test::dataPath(u"mlruns"_s));
    const QStringList entries = fixture.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QVERIFY(entries.contains(kSweepExperiment));
    for (const QString &entry : entries)
        if (entry != kSweepExperiment)
            QVERIFY2(md::test::copyTree(fixture.filePath(entry), m_store + u'/' + entry), qPrintable(entry));

    const QString cachePath = m_dir->filePath(u"cache.sqlite"_s);
    m_journalPath = md::Journal::defaultPathFor(cachePath);
    const std::atomic_bool never{false};
    auto report = md::Importer::importUri(uriOf(m_store), cachePath, m_journalPath, never);
    QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
    m_uri = report->uri;
    m_cache = std::make_unique<md::Cache>();
    QVERIFY(m_cache->open(cachePath));
    m_page = std::make_unique<ModelsPage>(m_cache.get(), m_journalPath);
    m_page->resize(1800, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->showSource(report->sourceId, report->uri);
    clickModel(kModel);
}

void TestRegistryActions::cleanup()
{
    if (m_page)
        m_page->actionRunner()->waitForDone();
    m_page.reset();
    m_cache.reset();
    m_dir.reset();
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestRegistryActions::clickModel(const QString &name)
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

void TestRegistryActions::clickVersion(qint64 version)
{
    QTableView *table = page()->versionsTable();
    const int row = page()->versionsModel()->rowOfVersion(version);
    QVERIFY(row >= 0);
    const QModelIndex idx = table->model()->index(row, VersionsModel::StageColumn);
    table->scrollTo(idx);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(idx).center());
    QCOMPARE(table->currentIndex().data(VersionsModel::VersionRole).toLongLong(), version);
}

void TestRegistryActions::clickAction(QAction *action)
{
    QVERIFY(action);
    auto *bar = page()->findChild<QToolBar *>(u"registryActions"_s);
    QVERIFY(bar);
    QWidget *button = bar->widgetForAction(action);
    QVERIFY2(button && button->isVisible(), qPrintable(action->objectName()));
    QVERIFY2(action->isEnabled(), qPrintable(action->objectName() + u" is disabled: "_s + action->toolTip()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestRegistryActions::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!page()->actionRunner()->isBusy(), kActionTimeoutMs);
}

md::PlanDialog *TestRegistryActions::planShown()
{
    md::PlanDialog *dialog = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((dialog = openDialog<md::PlanDialog>(page())) != nullptr, kActionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->state() != md::PlanDialog::State::Planning, kActionTimeoutMs);
    }();
    return dialog;
}

void TestRegistryActions::confirmWithKeyboard(md::PlanDialog *dialog)
{
    QVERIFY(dialog);
    QCOMPARE(dialog->state(), md::PlanDialog::State::Ready);
    QVERIFY2(dialog->confirmButton()->isEnabled(), qPrintable(dialog->confirmButton()->toolTip()));
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : dialog;
    QTest::keyClick(focus, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == md::PlanDialog::State::Done ||
                                 dialog->state() == md::PlanDialog::State::Failed,
                             kActionTimeoutMs);
    waitIdle();
}

QString TestRegistryActions::stageShown(qint64 version) const
{
    const int row = page()->versionsModel()->rowOfVersion(version);
    if (row < 0)
        return u"<no row>"_s;
    return page()->versionsTable()->model()->index(row, VersionsModel::StageColumn).data().toString();
}

QString TestRegistryActions::versionFile(qint64 version, const QString &relative) const
{
    return m_store + u"/models/"_s + kModel + u"/version-"_s + QString::number(version) + u'/' + relative;
}

QList<md::JournalEntry> TestRegistryActions::journal(const QString &subject)
{
    md::Journal j;
    if (!j.open(m_journalPath))
        return {};
    auto entries = j.entries(m_uri, subject);
    return entries ? *entries : QList<md::JournalEntry>{};
}

void TestRegistryActions::approveV3AsBob()
{
    actAs("bob");
    clickVersion(3);
    RETURN_IF_FAILED();
    QCOMPARE(stageShown(3), u"Staging"_s);
    clickAction(page()->reviewAction());
    RETURN_IF_FAILED();
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<md::ReviewDialog>(page())) != nullptr);
    QCOMPARE(dialog->windowTitle(), u"Review car_price_model v3"_s);

    // Production v4 beside candidate v3, with the judgement in words.
    QTableWidget *metrics = dialog->metricsTable();
    QCOMPARE(metrics->horizontalHeaderItem(1)->text(), u"Production v4"_s);
    QCOMPARE(metrics->horizontalHeaderItem(2)->text(), u"Candidate v3"_s);
    int r2 = -1;
    for (int r = 0; r < metrics->rowCount(); ++r)
        if (metrics->item(r, 0)->text() == u"val_r2_score"_s)
            r2 = r;
    QVERIFY(r2 >= 0);
    QCOMPARE(metrics->item(r2, 1)->text(), u"0.89"_s);
    QCOMPARE(metrics->item(r2, 2)->text(), u"0.88"_s);
    QCOMPARE(metrics->item(r2, 3)->text(), u"-0.01  ▼ worse"_s);

    // No decision without a note.
    QVERIFY(!dialog->approveButton()->isEnabled());
    QVERIFY(!dialog->rejectButton()->isEnabled());
    QVERIFY(!dialog->findChild<QLabel *>(u"fourEyesWarning"_s));
    QTest::keyClicks(dialog->noteEdit(), u"Slightly lower R2 but half the latency; OK."_s);
    QVERIFY(dialog->approveButton()->isEnabled());
    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
    // The plan: the decision's tags, then one confirmation.
    md::PlanDialog *plan = planShown();
    RETURN_IF_FAILED();
    QCOMPARE(plan->summaryLabel()->text(), u"Approve car_price_model v3"_s);
    QCOMPARE(plan->confirmButton()->text(), u"&Approve"_s);
    confirmWithKeyboard(plan);
    RETURN_IF_FAILED();
    QCOMPARE(plan->state(), md::PlanDialog::State::Done);
    plan->close();
    QVERIFY2(MessageBox::history().isEmpty(), qPrintable(MessageBox::history().value(0).text));
}

void TestRegistryActions::promoteV3AsAlice()
{
    actAs("alice");
    clickVersion(3);
    RETURN_IF_FAILED();
    clickAction(page()->promoteAction());
    RETURN_IF_FAILED();
    md::PlanDialog *plan = planShown();
    RETURN_IF_FAILED();
    // alice sees what the promotion does to the other versions before anything is written.
    QStringList lines;
    for (int i = 0; i < plan->planList()->count(); ++i)
        lines.append(plan->planList()->item(i)->text());
    QVERIFY2(plan->summaryLabel()->text().contains(u"replacing v4"_s), qPrintable(plan->summaryLabel()->text()));
    QVERIFY2(lines.contains(u"✓ approved by bob"_s), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.contains(u"→ move car_price_model v3 to Production, archiving v4"_s), qPrintable(lines.join(u'\n')));
    confirmWithKeyboard(plan);
    RETURN_IF_FAILED();
    QVERIFY2(plan->outcomeEdit()->toPlainText().contains(u"Journal entry"_s), qPrintable(plan->outcomeEdit()->toPlainText()));
    plan->close();
}

void TestRegistryActions::rollBackAsDana(const QString &reason)
{
    actAs("dana");
    // From the versions table, as on call: the shortcut is window-wide.
    page()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page()));
    page()->versionsTable()->setFocus();
    QTest::keyClick(page()->versionsTable(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    md::PlanDialog *dialog = nullptr;
    QTRY_VERIFY2_WITH_TIMEOUT((dialog = openDialog<md::PlanDialog>(page())) != nullptr,
                              qPrintable(page()->actionStatusText()), kActionTimeoutMs);
    QCOMPARE(dialog->kind(), md::ActionKind::Rollback);
    // The reason field has the focus at once, before the plan is even made.
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->reasonEdit()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == md::PlanDialog::State::Ready, kActionTimeoutMs);
    auto *target = dialog->targetBox();
    QCOMPARE(target->currentData().toLongLong(), 4);
    QCOMPARE(target->currentText(), u"v4 (last known-good)"_s);
    // The fixture's v4 was in Production before any sync saw it: the tag alice's promotion wrote says so.
    QCOMPARE(dialog->targetWhyLabel()->text(), u"v4 is tagged as the rollback target"_s);
    // The plan for it, in the same dialog: what is checked and written.
    QListWidget *plan = dialog->planList();
    QStringList planLines;
    for (int i = 0; i < plan->count(); ++i)
        planLines.append(plan->item(i)->text());
    QVERIFY2(planLines.contains(u"→ move car_price_model v4 to Production, archiving v3"_s),
             qPrintable(planLines.join(u'\n')));
    // The step that writes the reason prompts for it, greyed, until it is typed; then shows it as typed.
    const QString reasonStep = u"→ tag car_price_model v3: modeldesk.rolled_back_reason = "_s;
    const auto reasonLine = [plan, &reasonStep]() -> QListWidgetItem * {
        for (int i = 0; i < plan->count(); ++i)
            if (plan->item(i)->text().startsWith(reasonStep))
                return plan->item(i);
        return nullptr;
    };
    QVERIFY2(reasonLine(), qPrintable(planLines.join(u'\n')));
    QCOMPARE(reasonLine()->text(), reasonStep + u"write the reason above ↑"_s);
    QVERIFY(reasonLine()->font().italic());
    QCOMPARE(reasonLine()->foreground().color(), plan->palette().color(QPalette::PlaceholderText));
    QVERIFY2(!planLines.join(u'\n').contains(u"(the reason you give)"_s), qPrintable(planLines.join(u'\n')));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    // Ctrl+Return without a reason does nothing.
    QTest::keyClick(dialog->reasonEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(dialog->state(), md::PlanDialog::State::Ready);
    QTest::keyClicks(QApplication::focusWidget(), reason.left(5));
    QCOMPARE(reasonLine()->text(), reasonStep + reason.left(5));
    QTest::keyClicks(QApplication::focusWidget(), reason.mid(5));
    QCOMPARE(reasonLine()->text(), reasonStep + reason);
    QVERIFY(!reasonLine()->font().italic());
    confirmWithKeyboard(dialog);
}

void TestRegistryActions::sendV2ToReviewAsAlice()
{
    actAs("alice");
    clickVersion(2);
    RETURN_IF_FAILED();
    QCOMPARE(stageShown(2), u"Archived"_s);
    const QByteArray metaBefore = readAll(versionFile(2, u"meta.yaml"_s));
    clickAction(page()->sendToReviewAction());
    RETURN_IF_FAILED();
    md::PlanDialog *plan = planShown();
    RETURN_IF_FAILED();
    // Nothing is written before alice confirms the plan.
    QCOMPARE(readAll(versionFile(2, u"meta.yaml"_s)), metaBefore);
    // The model keeps stages and aliases in step, and says so.
    QCOMPARE(plan->summaryLabel()->text(), u"Move car_price_model v2 to Staging ('challenger') for review"_s);
    QCOMPARE(plan->confirmButton()->text(), u"&Send to Review"_s);
    confirmWithKeyboard(plan);
    RETURN_IF_FAILED();
    plan->close();
    QVERIFY2(MessageBox::history().isEmpty(), qPrintable(MessageBox::history().value(0).text));
    QVERIFY(readAll(versionFile(2, u"meta.yaml"_s)).contains("current_stage: Staging\n"));
    QCOMPARE(readAll(versionFile(2, u"tags/modeldesk.review.requested_by"_s)), QByteArray("alice"));
    QCOMPARE(stageShown(2), u"Staging"_s);
}

void TestRegistryActions::bobApprovesStagingVersion()
{
    approveV3AsBob();
    RETURN_IF_FAILED();

    // The source has the decision, by bob.
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.approval.state"_s)), QByteArray("approved"));
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.approval.by"_s)), QByteArray("bob"));
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.approval.note"_s)),
             QByteArray("Slightly lower R2 but half the latency; OK."));
    QVERIFY(readAll(versionFile(3, u"meta.yaml"_s)).contains("current_stage: Staging\n"));

    // The page shows it: the version stays selected, its row says Approved by bob.
    QCOMPARE(page()->versionsTable()->currentIndex().data(VersionsModel::VersionRole).toLongLong(), 3);
    const int row = page()->versionsModel()->rowOfVersion(3);
    const QModelIndex approval = page()->versionsModel()->index(row, VersionsModel::ApprovalColumn);
    QCOMPARE(approval.data().toString(), u"Approved by bob"_s);
    QVERIFY(approval.data(Qt::ToolTipRole).toString().startsWith(u"Approved by bob on "_s));
    // The card says so too, with the note and the evidence bob saw in the review.
    const QString card = page()->versionDetails()->plainText();
    QVERIFY2(card.contains(u"- Decision: Approved\n"_s) && card.contains(u"- By: bob\n"_s), qPrintable(card));
    QVERIFY(card.contains(u"- Note: Slightly lower R2 but half the latency; OK.\n"_s));
    QVERIFY(card.contains(u"- Candidate v3: "_s) && card.contains(u"val_r2_score 0.88"_s));
    QVERIFY(page()->versionsModel()->index(row, VersionsModel::TagsColumn).data().toString()
                .contains(u"modeldesk.approval.state=approved"_s));
    const QList<md::JournalEntry> entries = journal(kModel + u"/3"_s);
    QCOMPARE(entries.size(), 2);  // intent, approve
    QCOMPARE(entries.last().kind, u"approve"_s);
    QCOMPARE(entries.last().user, u"bob"_s);
    // The evidence is what the dialog showed.
    const QJsonObject evidence = entries.last().details.value(u"evidence"_s).toObject();
    const QJsonObject candidateMetrics = evidence.value(u"candidate"_s).toObject().value(u"metrics"_s).toObject();
    QCOMPARE(candidateMetrics.value(u"val_r2_score"_s).toDouble(), 0.88);
    QCOMPARE(evidence.value(u"production"_s).toObject().value(u"version"_s).toInt(), 4);
    QVERIFY(page()->actionStatusText().contains(u"journal entry %1, by bob"_s.arg(entries.last().seq)));
}

void TestRegistryActions::fourEyesInTheReviewDialog()
{
    sendV2ToReviewAsAlice();
    RETURN_IF_FAILED();

    // alice asked for the review, so she cannot decide it.
    QVERIFY(page()->reviewAction()->isEnabled());
    clickAction(page()->reviewAction());
    RETURN_IF_FAILED();
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<md::ReviewDialog>(page())) != nullptr);
    QCOMPARE(dialog->windowTitle(), u"Review car_price_model v2"_s);
    auto *warning = dialog->findChild<QLabel *>(u"fourEyesWarning"_s);
    QVERIFY(warning);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"someone else must decide"_s));
    QVERIFY(!dialog->approveButton()->isEnabled());
    QVERIFY(!dialog->rejectButton()->isEnabled());
    // A note does not change that.
    QTest::keyClicks(dialog->noteEdit(), u"Looks good to me"_s);
    QVERIFY(!dialog->approveButton()->isEnabled());
    QVERIFY(!dialog->rejectButton()->isEnabled());
    QVERIFY(dialog->approveButton()->toolTip().contains(u"four eyes"_s));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!openDialog<md::ReviewDialog>(page()));
    QVERIFY(!page()->actionRunner()->isBusy());
    QVERIFY(!QFile::exists(versionFile(2, u"tags/modeldesk.approval.state"_s)));
}

void TestRegistryActions::alicePromotesApprovedVersion()
{
    approveV3AsBob();
    RETURN_IF_FAILED();
    MessageBox::clearHistory();
    promoteV3AsAlice();
    RETURN_IF_FAILED();

    // alice saw the plan in its dialog (promoteV3AsAlice checks it) and no other box.
    QVERIFY2(MessageBox::history().isEmpty(), qPrintable(MessageBox::history().value(0).text));

    QCOMPARE(stageShown(3), u"Production"_s);
    QCOMPARE(stageShown(4), u"Archived"_s);
    QCOMPARE(stageShown(2), u"Archived"_s);
    QVERIFY(readAll(versionFile(3, u"meta.yaml"_s)).contains("current_stage: Production\n"));
    QVERIFY(readAll(versionFile(4, u"meta.yaml"_s)).contains("current_stage: Archived\n"));
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.promoted_by"_s)), QByteArray("alice"));
    QCOMPARE(readAll(versionFile(4, u"tags/modeldesk.rollback_target"_s)), QByteArray("true"));

    const QList<md::JournalEntry> entries = journal(kModel + u"/3"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().kind, u"promote"_s);
    QCOMPARE(entries.last().user, u"alice"_s);
    const QString status = page()->actionStatusText();
    QVERIFY2(status.startsWith(u"Done: "_s), qPrintable(status));
    QVERIFY2(status.contains(u"(journal entry %1, by alice)"_s.arg(entries.last().seq)), qPrintable(status));
    md::MessageBar *bar = page()->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), md::MessageBar::Kind::Positive);
    QCOMPARE(bar->text(), status);
    // Production now: promoting again is pointless, rolling back possible.
    QVERIFY(!page()->promoteAction()->isEnabled());
    QVERIFY(page()->rollbackAction()->isEnabled());
}

void TestRegistryActions::danaRollsBackWithIncidentReport()
{
    approveV3AsBob();
    RETURN_IF_FAILED();
    promoteV3AsAlice();
    RETURN_IF_FAILED();
    QCOMPARE(stageShown(3), u"Production"_s);
    MessageBox::clearHistory();

    const QString reason = u"p99 latency doubled since 14:05"_s;
    rollBackAsDana(reason);
    RETURN_IF_FAILED();
    QVERIFY2(MessageBox::history().isEmpty(), qPrintable(MessageBox::history().value(0).text));

    QCOMPARE(stageShown(4), u"Production"_s);
    QCOMPARE(stageShown(3), u"Archived"_s);
    QVERIFY(readAll(versionFile(4, u"meta.yaml"_s)).contains("current_stage: Production\n"));
    QVERIFY(readAll(versionFile(3, u"meta.yaml"_s)).contains("current_stage: Archived\n"));
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.rolled_back_by"_s)), QByteArray("dana"));
    QCOMPARE(readAll(versionFile(3, u"tags/modeldesk.rolled_back_reason"_s)), reason.toUtf8());

    // The outcome and the incident report replace the plan in the same dialog.
    md::PlanDialog *dialog = openDialog<md::PlanDialog>(page());
    QVERIFY(dialog);
    QCOMPARE(dialog->state(), md::PlanDialog::State::Done);
    QVERIFY(dialog->outcomeEdit()->isVisible());
    QVERIFY(!dialog->planList()->isVisible());
    const QString text = dialog->outcomeEdit()->toPlainText();
    QVERIFY2(text.contains(u"| What | Production ('champion') of `car_price_model` moved from v3 back to v4 |"_s), qPrintable(text));
    QVERIFY2(text.contains(reason), qPrintable(text));
    QVERIFY(text.contains(u"dana"_s));
    QVERIFY(dialog->findChild<QPushButton *>(u"planCopy"_s)->isVisible());
    dialog->close();

    const QList<md::JournalEntry> entries = journal(kModel + u"/4"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().kind, u"rollback"_s);
    QCOMPARE(entries.last().user, u"dana"_s);
    QCOMPARE(entries.last().note, reason);
    QVERIFY(page()->actionStatusText().contains(u"(journal entry %1, by dana)"_s.arg(entries.last().seq)));
}

void TestRegistryActions::timelineShowsTheActions()
{
    approveV3AsBob();
    RETURN_IF_FAILED();
    promoteV3AsAlice();
    RETURN_IF_FAILED();
    rollBackAsDana(u"error rate 4 %"_s);
    RETURN_IF_FAILED();
    if (auto *dialog = openDialog<md::PlanDialog>(page()))
        dialog->close();

    const md::TimelineData &data = page()->timeline()->timeline();
    QStringList actions;
    for (int i = 0; i < data.markers.size(); ++i) {
        const md::TimelineMarker &m = data.markers.at(i);
        if (m.kind != md::TimelineMarker::Kind::Action)
            continue;
        actions.append(u"%1 v%2 by %3"_s.arg(m.field).arg(m.version).arg(m.user));
        // The tooltip a user hovers names who did it.
        const QString tip = page()->timeline()->markerToolTip(i);
        QVERIFY2(tip.contains(m.user), qPrintable(tip));
    }
    QCOMPARE(actions, (QStringList{u"approve v3 by bob"_s, u"promote v3 by alice"_s, u"rollback v4 by dana"_s}));
    // The stage lanes follow the actions: v4 holds Production again, after v3.
    const int production = data.laneIndex(md::TimelineLane::Kind::Stage, u"Production"_s);
    QVERIFY(production >= 0);
    QList<qint64> held;
    for (const md::TimelineBlock &b : data.lanes.at(production).blocks)
        held.append(b.version);
    QCOMPARE(held, (QList<qint64>{4, 3, 4}));
}

void TestRegistryActions::refusalShowsThePolicyError()
{
    const QMap<QString, QByteArray> before = snapshot(m_store + u"/models"_s);
    // An unapproved version cannot be promoted, and the disabled action says why.
    actAs("alice");
    clickVersion(2);
    RETURN_IF_FAILED();
    QVERIFY(!page()->promoteAction()->isEnabled());
    QVERIFY2(page()->promoteAction()->toolTip().contains(u"needs an approval by a second person"_s),
             qPrintable(page()->promoteAction()->toolTip()));

    // Only dana is on call for the model: alice's rollback is refused, naming the rule.
    const QString policies = m_dir->filePath(u"policies.json"_s);
    {
        QFile f(policies);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"models": {"car_price_model": {"on_call": ["dana"]}}})");
    }
    qputenv("MODELDESK_POLICIES", QFile::encodeName(policies));
    clickAction(page()->rollbackAction());
    RETURN_IF_FAILED();
    md::PlanDialog *dialog = planShown();
    RETURN_IF_FAILED();
    waitIdle();

    // The refusal, in the dialog and in the page's message bar; nothing to confirm.
    QCOMPARE(dialog->state(), md::PlanDialog::State::Failed);
    QVERIFY(!dialog->confirmButton()->isEnabled());
    const QString refusal = dialog->messageBar()->text();
    QVERIFY2(refusal.startsWith(u"Refused by policy: "_s), qPrintable(refusal));
    QVERIFY2(refusal.contains(u"'on-call'"_s), qPrintable(refusal));
    QVERIFY2(refusal.contains(u"alice is not on call for car_price_model (on call: dana)"_s), qPrintable(refusal));
    QVERIFY(MessageBox::history().isEmpty());
    dialog->close();
    QVERIFY(page()->actionStatusText().contains(u"on-call"_s));
    QCOMPARE(page()->messageBar()->kind(), md::MessageBar::Kind::Error);
    // The error stays while the same model is shown …
    clickVersion(4);
    RETURN_IF_FAILED();
    QVERIFY(page()->actionStatusText().contains(u"on-call"_s));
    // … until dismissed; another model clears it too.
    QTest::mouseClick(page()->messageBar()->closeButton(), Qt::LeftButton);
    QVERIFY(page()->actionStatusText().isEmpty());

    QCOMPARE(snapshot(m_store + u"/models"_s), before);
    QCOMPARE(stageShown(2), u"Archived"_s);
    QCOMPARE(stageShown(4), u"Production"_s);
}

void TestRegistryActions::changeMeanwhileIsNotOverwritten()
{
    sendV2ToReviewAsAlice();
    RETURN_IF_FAILED();

    actAs("bob");
    clickVersion(2);
    RETURN_IF_FAILED();
    clickAction(page()->reviewAction());
    RETURN_IF_FAILED();
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<md::ReviewDialog>(page())) != nullptr);
    QCOMPARE(dialog->windowTitle(), u"Review car_price_model v2"_s);
    QTest::keyClicks(dialog->noteEdit(), u"Fine by me"_s);
    QVERIFY(dialog->approveButton()->isEnabled());
    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
    md::PlanDialog *plan = planShown();
    RETURN_IF_FAILED();
    QCOMPARE(plan->state(), md::PlanDialog::State::Ready);

    // While bob reads the plan, carol archives v2 with another tool.
    {
        actAs("carol");
        auto writer = md::createRegistryWriter(m_uri);
        QVERIFY2(writer, writer ? "" : qPrintable(writer.error().toString()));
        QVERIFY((*writer)->open());
        QVERIFY((*writer)->transitionStage(kModel, 2, u"Archived"_s, false));
    }
    const QMap<QString, QByteArray> before = snapshot(m_store + u"/models"_s);

    actAs("bob");
    confirmWithKeyboard(plan);
    RETURN_IF_FAILED();

    QCOMPARE(plan->state(), md::PlanDialog::State::Failed);
    const QString text = plan->messageBar()->text();
    QVERIFY2(text.startsWith(u"Changed meanwhile: "_s), qPrintable(text));
    QVERIFY2(text.contains(u"v2 changed since you looked: stage Staging → Archived"_s), qPrintable(text));
    QVERIFY(text.contains(u"Nothing was written"_s));
    // carol's write is not in the journal, so nobody known made it.
    QVERIFY2(!text.contains(u"by alice"_s), qPrintable(text));
    QVERIFY2(text.contains(u"by another tool"_s), qPrintable(text));
    QVERIFY(MessageBox::history().isEmpty());
    plan->close();

    // bob's approval did not land on the version carol moved.
    QCOMPARE(snapshot(m_store + u"/models"_s), before);
    QVERIFY(!QFile::exists(versionFile(2, u"tags/modeldesk.approval.state"_s)));
    QVERIFY(readAll(versionFile(2, u"meta.yaml"_s)).contains("current_stage: Archived\n"));
    const QList<md::JournalEntry> entries = journal(kModel + u"/2"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().kind, u"refused"_s);
    QCOMPARE(entries.last().user, u"bob"_s);
    // The page reloads after a conflict and shows what the source holds now.
    QCOMPARE(stageShown(2), u"Archived"_s);
}

/// The tracking server goes away while bob approves: the approval waits in the queue ("Apply
/// Queued" appears), and once the server is back (a successful sync) it is applied.
void TestRegistryActions::offlineActionWaitsForTheServer()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    const QString cachePath = m_dir->filePath(u"server-cache.sqlite"_s);
    const QString journalPath = md::Journal::defaultPathFor(cachePath);
    const std::atomic_bool never{false};
    auto report = md::Importer::importUri(server.url().toString(), cachePath, journalPath, never);
    QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
    md::Cache cache;
    QVERIFY(cache.open(cachePath));
    m_page.reset();
    m_page = std::make_unique<ModelsPage>(&cache, journalPath);
    m_page->resize(1800, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->showSource(report->sourceId, report->uri);
    clickModel(kModel);
    clickVersion(3);

    QVERIFY(server.pause());
    actAs("bob");
    clickAction(page()->reviewAction());
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<md::ReviewDialog>(page())) != nullptr);
    QTest::keyClicks(dialog->noteEdit(), u"approved on the train"_s);
    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
    // No plan without the server: the dialog offers the queue instead.
    md::PlanDialog *plan = planShown();
    QVERIFY(plan);
    QCOMPARE(plan->confirmButton()->text(), u"&Queue"_s);
    QCOMPARE(plan->messageBar()->kind(), md::MessageBar::Kind::Warning);
    confirmWithKeyboard(plan);
    QCOMPARE(plan->state(), md::PlanDialog::State::Done);
    QVERIFY2(plan->summaryLabel()->text().startsWith(u"Queued"_s), qPrintable(plan->summaryLabel()->text()));
    plan->close();
    QVERIFY2(page()->actionStatusText().contains(u"waits in the queue"_s), qPrintable(page()->actionStatusText()));
    QVERIFY(page()->applyQueueAction()->isVisible());
    QCOMPARE(page()->applyQueueAction()->text(), u"Apply Queued (1)"_s);

    QVERIFY(server.resume());
    QVERIFY(page()->applyQueuedFor(report->uri));
    waitIdle();
    QVERIFY2(page()->actionStatusText().contains(u"applied"_s), qPrintable(page()->actionStatusText()));
    QVERIFY(!page()->applyQueueAction()->isVisible());
    const auto reply = server.request("GET", u"/api/2.0/mlflow/model-versions/get?name=car_price_model&version=3"_s);
    QVERIFY2(reply.body.contains("modeldesk.approval.state"), reply.body.constData());
    QVERIFY(reply.body.contains("approved"));
    page()->actionRunner()->waitForDone();
    m_page.reset();
}

QTEST_MAIN(TestRegistryActions)
#include "tst_registry_actions.moc"
