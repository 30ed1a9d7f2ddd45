// SPDX-License-Identifier: GPL-3.0-or-later
// The reviewer's and the on-call engineer's registry work in the main window, by keyboard and
// mouse, against the REST test server answering as MLflow 2.10.2 and as MLflow 3.6, for a model
// with stages only, a model with aliases only (champion/challenger, every version in stage None)
// and a model with both (car_price_model of the fixtures).

#include "TestServer.h"
#include "GuiSupport.h"
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ActionRunner.h"
#include "gui/KeyMetricChart.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/PlanDialog.h"
#include "gui/ReviewDialog.h"
#include "gui/VersionDetailsWidget.h"
#include "models/VersionsModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using md::test::openDialog;
using md::MainWindow;
using md::MessageBox;
using md::PlanDialog;
using md::test::TestServer;

Q_DECLARE_METATYPE(TestServer::MlflowMajor)

namespace {

constexpr int kTimeoutMs = 30000;

#define RETURN_IF_FAILED_VOID()                                                                                        \
    do {                                                                                                               \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

QJsonObject json(const TestServer::Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace

class TestOnCall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aliasModelRollsBackFromTheKeyboard_data() { majors(); }
    void aliasModelRollsBackFromTheKeyboard();
    void stageModelRollsBackToTheArchivedVersion_data() { majors(); }
    void stageModelRollsBackToTheArchivedVersion();
    void sendToReviewShowsThePlanFirst_data() { majors(); }
    void sendToReviewShowsThePlanFirst();
    void registryKeysFireFromEveryWidget();
    void disabledActionsSayWhy();
    void messagesNeverMoveTheVersions();

private:
    static void majors();
    /// Starts the server as `major`, adds stage_model and alias_model through its REST API, and
    /// opens the window on the server with `model` shown, as `modeldesk URL --model NAME` does.
    void startOn(TestServer::MlflowMajor major, const QString &model);
    void post(const QString &path, const QJsonObject &body);
    md::ModelsPage *models() const { return m_window->modelsPage(); }
    void selectVersion(qint64 version);
    PlanDialog *dialogOnceReady();
    void typeReasonAndPerform(PlanDialog *dialog, const QString &reason);
    QString aliasOnServer(const QString &model, const QString &alias);
    QString stageOnServer(const QString &model, qint64 version);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestOnCall::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    MessageBox::setHeadless(true);
}

void TestOnCall::init()
{
    md::Settings::instance().clear();
    MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The built-in rules: four eyes, approval before Production, a reason for a rollback.
    qputenv("MODELDESK_POLICIES", QFile::encodeName(m_dir->filePath(u"no-policies.json"_s)));
    qputenv("USER", "dana");
}

void TestOnCall::cleanup()
{
    if (m_window)
        m_window->modelsPage()->actionRunner()->waitForDone();
    m_window.reset();
    m_server.reset();
    m_dir.reset();
}

void TestOnCall::majors()
{
    QTest::addColumn<TestServer::MlflowMajor>("major");
    QTest::newRow("MLflow 2.10.2") << TestServer::MlflowMajor::V2;
    QTest::newRow("MLflow 3.6") << TestServer::MlflowMajor::V3;
}

void TestOnCall::post(const QString &path, const QJsonObject &body)
{
    const auto reply = m_server->request("POST", u"/api/2.0/mlflow/"_s + path, QJsonDocument(body).toJson());
    QVERIFY2(reply.status == 200, qPrintable(path + u": "_s + QString::fromUtf8(reply.body)));
}

void TestOnCall::startOn(TestServer::MlflowMajor major, const QString &model)
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->startAs(major));
    // The versions of the two new models share car_price_model's model files (the pre-flight
    // check of a rollback reads them).
    const auto search = m_server->request(
        "GET", u"/api/2.0/mlflow/model-versions/search?filter=name%3D%27car_price_model%27&max_results=50"_s);
    QCOMPARE(search.status, 200);
    QMap<qint64, QJsonObject> sources;
    for (const QJsonValue &v : json(search).value(u"model_versions"_s).toArray())
        sources.insert(v[u"version"_s].toString().toLongLong(), v.toObject());
    QVERIFY2(sources.size() >= 3, search.body.constData());
    for (const QString &name : {u"stage_model"_s, u"alias_model"_s}) {
        post(u"registered-models/create"_s, {{u"name"_s, name}});
        RETURN_IF_FAILED_VOID();
        for (qint64 v = 1; v <= 3; ++v)
            post(u"model-versions/create"_s, {{u"name"_s, name},
                                              {u"source"_s, sources.value(v).value(u"source"_s)},
                                              {u"run_id"_s, sources.value(v).value(u"run_id"_s)}});
    }
    // stage_model: v1 Archived (it was Production before v2), v2 Production, v3 None.
    post(u"model-versions/transition-stage"_s, {{u"name"_s, u"stage_model"_s}, {u"version"_s, u"1"_s},
                                                 {u"stage"_s, u"Production"_s}, {u"archive_existing_versions"_s, false}});
    post(u"model-versions/transition-stage"_s, {{u"name"_s, u"stage_model"_s}, {u"version"_s, u"2"_s},
                                                 {u"stage"_s, u"Production"_s}, {u"archive_existing_versions"_s, true}});
    // alias_model: as MLflow now recommends, every version in stage None; champion v2, challenger v3.
    post(u"registered-models/alias"_s, {{u"name"_s, u"alias_model"_s}, {u"alias"_s, u"champion"_s}, {u"version"_s, u"2"_s}});
    post(u"registered-models/alias"_s, {{u"name"_s, u"alias_model"_s}, {u"alias"_s, u"challenger"_s}, {u"version"_s, u"3"_s}});

    const QString cachePath = m_dir->filePath(u"cache.sqlite"_s);
    md::MainWindowOptions options{cachePath, md::Journal::defaultPathFor(cachePath)};
    options.modelName = model;
    m_window = std::make_unique<MainWindow>(options);
    m_window->resize(1366, 740);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(m_server->url().toString());
    QVERIFY(finished.wait(kTimeoutMs) || !finished.isEmpty());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_COMPARE(models()->currentModel(), model);
    QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(models()));
}

void TestOnCall::selectVersion(qint64 version)
{
    QTableView *table = models()->versionsTable();
    const int row = models()->versionsModel()->rowOfVersion(version);
    QVERIFY(row >= 0);
    const QModelIndex idx = table->model()->index(row, md::VersionsModel::VersionColumn);
    table->scrollTo(idx);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(idx).center());
    QCOMPARE(table->currentIndex().data(md::VersionsModel::VersionRole).toLongLong(), version);
}

PlanDialog *TestOnCall::dialogOnceReady()
{
    PlanDialog *dialog = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((dialog = openDialog<PlanDialog>(m_window.get())) != nullptr, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->state() != PlanDialog::State::Planning, kTimeoutMs);
    }();
    return dialog;
}

void TestOnCall::typeReasonAndPerform(PlanDialog *dialog, const QString &reason)
{
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->reasonEdit()));
    QTest::keyClicks(QApplication::focusWidget(), reason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == PlanDialog::State::Done || dialog->state() == PlanDialog::State::Failed,
                             kTimeoutMs);
    QVERIFY2(dialog->state() == PlanDialog::State::Done, qPrintable(dialog->messageBar()->text()));
}

QString TestOnCall::aliasOnServer(const QString &model, const QString &alias)
{
    const auto reply = m_server->request(
        "GET", u"/api/2.0/mlflow/registered-models/alias?name=%1&alias=%2"_s.arg(model, alias));
    return json(reply).value(u"model_version"_s).toObject().value(u"version"_s).toString();
}

QString TestOnCall::stageOnServer(const QString &model, qint64 version)
{
    const auto reply =
        m_server->request("GET", u"/api/2.0/mlflow/model-versions/get?name=%1&version=%2"_s.arg(model).arg(version));
    return json(reply).value(u"model_version"_s).toObject().value(u"current_stage"_s).toString();
}

void TestOnCall::aliasModelRollsBackFromTheKeyboard()
{
    QFETCH(TestServer::MlflowMajor, major);
    startOn(major, u"alias_model"_s);
    RETURN_IF_FAILED_VOID();

    // Champion is Production: the page says so in the model's own words.
    QCOMPARE(models()->scheme(), md::RegistryScheme::Aliases);
    selectVersion(3);
    RETURN_IF_FAILED_VOID();
    QVERIFY(models()->compareWithProductionAction()->isEnabled());
    QCOMPARE(models()->compareWithProductionAction()->text(), u"Compare with champion"_s);
    auto *chart = dynamic_cast<md::KeyMetricChart *>(models()->keyMetricChart());
    QVERIFY(chart);
    QCOMPARE(chart->productionLabel(), u"v2 · champion"_s);
    QVERIFY(models()->rollbackAction()->isEnabled());

    // Focus in the versions table; Ctrl+Shift+B; type the reason; Ctrl+Return.
    models()->versionsTable()->setFocus();
    QTest::keyClick(models()->versionsTable(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    PlanDialog *dialog = dialogOnceReady();
    QVERIFY(dialog);
    QVERIFY2(dialog->state() == PlanDialog::State::Ready, qPrintable(dialog->messageBar()->text()));
    // No history, no Archived version: v1, the highest READY version below the champion, said so
    // in the dialog, the plan and (below) the incident report.
    QCOMPARE(dialog->targetBox()->currentData().toLongLong(), 1);
    QCOMPARE(dialog->targetBox()->currentText(), u"v1 (proposed without history)"_s);
    QVERIFY2(dialog->targetWhyLabel()->text().startsWith(u"proposed without history"_s),
             qPrintable(dialog->targetWhyLabel()->text()));
    QVERIFY2(dialog->summaryLabel()->text().contains(u"proposed without history"_s),
             qPrintable(dialog->summaryLabel()->text()));
    QStringList plan;
    for (int i = 0; i < dialog->planList()->count(); ++i)
        plan.append(dialog->planList()->item(i)->text());
    QVERIFY2(plan.contains(u"→ move alias 'champion' from v2 to alias_model v1"_s), qPrintable(plan.join(u'\n')));
    typeReasonAndPerform(dialog, u"error rate 4 % since the deploy"_s);
    RETURN_IF_FAILED_VOID();

    QCOMPARE(aliasOnServer(u"alias_model"_s, u"champion"_s), u"1"_s);
    QCOMPARE(aliasOnServer(u"alias_model"_s, u"challenger"_s), u"3"_s);
    const QString report = dialog->outcomeEdit()->toPlainText();
    QVERIFY2(report.contains(u"| What | 'champion' of `alias_model` moved from v2 back to v1 |"_s), qPrintable(report));
    QVERIFY2(report.contains(u"| Target | proposed without history"_s), qPrintable(report));
    QVERIFY2(report.contains(u"error rate 4 % since the deploy"_s), qPrintable(report));
    dialog->close();
    // The page shows the new champion and the outcome above the versions.
    QVERIFY2(models()->actionStatusText().startsWith(u"Done: Roll back alias_model from v2 to v1"_s),
             qPrintable(models()->actionStatusText()));
    const int row = models()->versionsModel()->rowOfVersion(1);
    QVERIFY(models()->versionsModel()->index(row, md::VersionsModel::AliasesColumn).data().toString().contains(u"champion"_s));
}

void TestOnCall::stageModelRollsBackToTheArchivedVersion()
{
    QFETCH(TestServer::MlflowMajor, major);
    startOn(major, u"stage_model"_s);
    RETURN_IF_FAILED_VOID();
    QCOMPARE(models()->scheme(), md::RegistryScheme::Stages);
    QCOMPARE(models()->compareWithProductionAction()->text(), u"Compare with Production"_s);
    auto *chart = dynamic_cast<md::KeyMetricChart *>(models()->keyMetricChart());
    QVERIFY(chart);
    QCOMPARE(chart->productionLabel(), u"v2 · Production"_s);

    // From the models list this time.
    models()->modelsView()->setFocus();
    QTest::keyClick(models()->modelsView(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    PlanDialog *dialog = dialogOnceReady();
    QVERIFY(dialog);
    QCOMPARE(dialog->targetBox()->currentText(), u"v1 (last known-good)"_s);
    QVERIFY2(dialog->summaryLabel()->text().endsWith(u"from v2 to v1 (emergency: approval bypassed)"_s),
             qPrintable(dialog->summaryLabel()->text()));
    QStringList plan;
    for (int i = 0; i < dialog->planList()->count(); ++i)
        plan.append(dialog->planList()->item(i)->text());
    QVERIFY2(plan.contains(u"→ move stage_model v1 to Production, archiving v2"_s), qPrintable(plan.join(u'\n')));
    typeReasonAndPerform(dialog, u"p99 latency doubled"_s);
    RETURN_IF_FAILED_VOID();
    QCOMPARE(stageOnServer(u"stage_model"_s, 1), u"Production"_s);
    QCOMPARE(stageOnServer(u"stage_model"_s, 2), u"Archived"_s);
    QVERIFY(dialog->outcomeEdit()->toPlainText().contains(u"| What | Production of `stage_model` moved from v2 back to v1 |"_s));
}

void TestOnCall::sendToReviewShowsThePlanFirst()
{
    QFETCH(TestServer::MlflowMajor, major);
    startOn(major, u"alias_model"_s);
    RETURN_IF_FAILED_VOID();
    qputenv("USER", "alice");
    selectVersion(1);
    RETURN_IF_FAILED_VOID();
    QCOMPARE(models()->sendToReviewAction()->toolTip(),
             u"Give v1 the 'challenger' alias and ask a second person to review it (Ctrl+Shift+S)"_s);
    QTest::keyClick(models()->versionsTable(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    PlanDialog *dialog = dialogOnceReady();
    QVERIFY(dialog);
    // Nothing is written yet, and the plan says the alias leaves v3.
    QCOMPARE(aliasOnServer(u"alias_model"_s, u"challenger"_s), u"3"_s);
    QCOMPARE(dialog->summaryLabel()->text(), u"Give alias_model v1 the alias 'challenger' for review"_s);
    QStringList plan;
    for (int i = 0; i < dialog->planList()->count(); ++i)
        plan.append(dialog->planList()->item(i)->text());
    QVERIFY2(plan.contains(u"→ move alias 'challenger' from v3 to alias_model v1"_s), qPrintable(plan.join(u'\n')));
    QVERIFY2(plan.contains(u"→ tag alias_model v1: modeldesk.review.requested_by = alice"_s), qPrintable(plan.join(u'\n')));
    QVERIFY(!plan.join(u'\n').contains(u"Staging"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == PlanDialog::State::Done, kTimeoutMs);
    QVERIFY(dialog->outcomeEdit()->isVisible());
    QCOMPARE(aliasOnServer(u"alias_model"_s, u"challenger"_s), u"1"_s);
    QCOMPARE(stageOnServer(u"alias_model"_s, 1), u"None"_s);
    dialog->close();

    // bob reviews it from the keyboard: Ctrl+Shift+R; the baseline is the champion.
    qputenv("USER", "bob");
    // The offscreen platform has no window manager to give the window back its activation.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY2(models()->reviewAction()->isEnabled(), qPrintable(models()->reviewAction()->toolTip()));
    QTest::keyClick(models()->versionsTable(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    md::ReviewDialog *review = nullptr;
    QTRY_VERIFY((review = openDialog<md::ReviewDialog>(m_window.get())) != nullptr);
    QCOMPARE(review->windowTitle(), u"Review alias_model v1"_s);
    QCOMPARE(review->metricsTable()->horizontalHeaderItem(1)->text(), u"champion v2"_s);
    QTest::keyClick(review, Qt::Key_Escape);
}

void TestOnCall::registryKeysFireFromEveryWidget()
{
    startOn(TestServer::MlflowMajor::V2, u"car_price_model"_s);
    RETURN_IF_FAILED_VOID();
    qputenv("USER", "bob");
    selectVersion(3);  // in Staging, asked for by nobody recorded
    RETURN_IF_FAILED_VOID();
    QCOMPARE(models()->scheme(), md::RegistryScheme::Both);
    // From the table, the models list, the card, and the Runs tab's filter field.
    const QList<QWidget *> places{models()->versionsTable(), models()->modelsView(), models()->versionDetails(),
                                  m_window->findChild<QWidget *>(u"filterEdit"_s)};
    for (QWidget *from : places) {
        QVERIFY(from);
        if (from->objectName() == u"filterEdit"_s)
            m_window->pages()->setCurrentIndex(0);
        from->setFocus();
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : from, Qt::Key_R,
                        Qt::ControlModifier | Qt::ShiftModifier);
        md::ReviewDialog *review = nullptr;
        QTRY_VERIFY2((review = openDialog<md::ReviewDialog>(m_window.get())) != nullptr, qPrintable(from->objectName()));
        QCOMPARE(review->windowTitle(), u"Review car_price_model v3"_s);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(models()));
        QTest::keyClick(review, Qt::Key_Escape);
        QTRY_VERIFY(!openDialog<md::ReviewDialog>(m_window.get()));
    }
    // The Registry menu holds them, and Help › Keyboard Shortcuts lists their keys.
    QMenu *registry = m_window->findChild<QMenu *>(u"menuRegistry"_s);
    QVERIFY(registry);
    QVERIFY(registry->actions().contains(models()->rollbackAction()));
    m_window->findChild<QAction *>(u"actionShortcuts"_s)->trigger();
    QCOMPARE(MessageBox::history().size(), 1);
    const QString help = MessageBox::history().first().text;
    for (const QString &key : {u"Ctrl+Shift+S"_s, u"Ctrl+Shift+R"_s, u"Ctrl+Shift+P"_s, u"Ctrl+Shift+B"_s})
        QVERIFY2(help.contains(key), qPrintable(key));
    QVERIFY(help.contains(u"Roll Back"_s));
}

void TestOnCall::disabledActionsSayWhy()
{
    startOn(TestServer::MlflowMajor::V2, u"car_price_model"_s);
    RETURN_IF_FAILED_VOID();
    // car_price_model v4 is Production: nothing to promote or review.
    selectVersion(4);
    RETURN_IF_FAILED_VOID();
    QVERIFY(!models()->promoteAction()->isEnabled());
    QCOMPARE(models()->promoteAction()->toolTip(), u"v4 is already the Production version (Ctrl+Shift+P)"_s);
    QVERIFY(!models()->reviewAction()->isEnabled());
    QCOMPARE(models()->reviewAction()->toolTip(), u"v4 is not in review; Send to Review first (Ctrl+Shift+R)"_s);
    QVERIFY(!models()->sendToReviewAction()->isEnabled());
    QCOMPARE(models()->sendToReviewAction()->toolTip(), u"v4 is the Production version (Ctrl+Shift+S)"_s);
    // v3 is in Staging without an approval.
    selectVersion(3);
    RETURN_IF_FAILED_VOID();
    QVERIFY(!models()->promoteAction()->isEnabled());
    QVERIFY2(models()->promoteAction()->toolTip().contains(u"needs an approval by a second person first"_s),
             qPrintable(models()->promoteAction()->toolTip()));
    // The disabled key does nothing, and no dialog opens.
    QTest::keyClick(models()->versionsTable(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(100);
    QVERIFY(!openDialog<PlanDialog>(m_window.get()));
}

void TestOnCall::messagesNeverMoveTheVersions()
{
    startOn(TestServer::MlflowMajor::V2, u"car_price_model"_s);
    RETURN_IF_FAILED_VOID();
    QTableView *table = models()->versionsTable();
    const QPoint before = table->mapTo(m_window.get(), QPoint(0, 0));
    // A refusal: only dana is on call; alice tries to roll back.
    const QString policies = m_dir->filePath(u"policies.json"_s);
    {
        QFile f(policies);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"defaults": {"on_call": ["dana"]}})");
    }
    qputenv("MODELDESK_POLICIES", QFile::encodeName(policies));
    qputenv("USER", "alice");
    QTest::keyClick(table, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    PlanDialog *dialog = dialogOnceReady();
    QVERIFY(dialog);
    QCOMPARE(dialog->state(), PlanDialog::State::Failed);
    dialog->close();
    QVERIFY2(models()->actionStatusText().contains(u"on-call"_s), qPrintable(models()->actionStatusText()));
    QCOMPARE(models()->messageBar()->kind(), md::MessageBar::Kind::Error);
    QCOMPARE(table->mapTo(m_window.get(), QPoint(0, 0)), before);
    // Another model: the refusal about car_price_model goes, and the table stays where it was.
    QVERIFY(models()->selectModel(u"stage_model"_s));
    QVERIFY(models()->actionStatusText().isEmpty());
    QCOMPARE(table->mapTo(m_window.get(), QPoint(0, 0)), before);
}

QTEST_MAIN(TestOnCall)
#include "tst_oncall.moc"
