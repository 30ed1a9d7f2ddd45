// SPDX-License-Identifier: GPL-3.0-or-later
// The version card and the two-version comparison, driven like a reviewer would: import the file
// store fixture, open the Models tab, click car_price_model and a version, read the card; compare
// v3 with Production (v4); see a library's version move; see a missing artifact folder named in
// the card; cancel a slow read from a tracking server. Offscreen.
#include "TestServer.h"
#include "TestSupport.h"

#include "cache/Cache.h"
#include "core/TimeFormat.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "core/NumberFormat.h"
#include "gui/ActionRunner.h"
#include "gui/KeyMetricChart.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/PlanDialog.h"
#include "gui/ReviewDialog.h"
#include "gui/VersionDetailsWidget.h"
#include "models/VersionDetails.h"
#include "models/VersionsModel.h"
#include "sync/Importer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QJsonObject>
#include <QJsonDocument>
#include <QTimer>
#include <QInputDialog>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using md::DetailSectionId;
using md::ModelsPage;
using md::RowChange;
using md::VersionArtifacts;
using md::VersionDetailsWidget;
using md::VersionsModel;

namespace {

constexpr int kImportTimeoutMs = 60000;
constexpr int kCardTimeoutMs = 30000;

const QString kExp = u"841587320559560834"_s;
const QString kRunV3 = u"08bc4907c58e4e92a92a80dde70debdb"_s;
const QString kRunV4 = u"961265c7ff03493a80eccd895a6ead54"_s;

QString uriOf(const QString &path)
{
    return QUrl::fromLocalFile(path).toString();
}

const md::SectionDiff *sectionOf(const md::VersionDiff &diff, DetailSectionId id)
{
    for (const md::SectionDiff &s : diff.sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

const md::DiffRow *rowOf(const md::VersionDiff &diff, DetailSectionId id, const QString &label)
{
    const md::SectionDiff *s = sectionOf(diff, id);
    if (!s)
        return nullptr;
    for (const md::DiffRow &r : s->rows)
        if (r.label == label)
            return &r;
    return nullptr;
}

/// The card's text as the user sees it, table cells separated by tabs, rows by new lines.
QString visibleText(const VersionDetailsWidget *w)
{
    return w->view()->toPlainText();
}

/// The card shows `label` with `value` beside it (or right under it).
bool hasRow(const QString &text, const QString &label, const QString &value)
{
    return text.contains(label + u'\t' + value) || text.contains(label + u'\n' + value);
}

/// An ISO 8601 tag time as the card and the table show it (local time).
QString shownTime(const QString &iso)
{
    return md::localDateTime(QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch());
}

bool loaded(const VersionDetailsWidget *w)
{
    if (w->isLoading())
        return false;
    const auto state = [](const md::VersionDetails &d) { return d.artifacts().state; };
    return state(w->details()) != VersionArtifacts::State::Loading && state(w->details()) != VersionArtifacts::State::NotLoaded
        && (!w->isComparing() || (state(w->rightDetails()) != VersionArtifacts::State::Loading
                                  && state(w->rightDetails()) != VersionArtifacts::State::NotLoaded));
}

} // namespace

class TestVersionDetails : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cardInTheMainWindow();
    void compareWithProduction();
    void contextMenuCompareWith();
    void dependencyMoveIsAChangedRow();
    void missingArtifactFolderShownInline();
    void darkPaletteAndSplitterState();
    void cancelSlowServerRead();
    void mlflow3CardShowsTheLoggedModel();
    void mlflow3RegisterOffersTheLoggedModels();
    void reviewStateInTableCardAndDialog();
    void versionsComparedOnOneDataset();
    void mlflow3ChartAndReviewNameTheDataset();

private:
    /// Imports `uri` into a fresh cache in m_dir and shows a ModelsPage on it.
    bool openPage(const QString &uri);
    void clickVersion(qint64 version);
    ModelsPage *page() const { return m_window ? m_window->modelsPage() : m_page.get(); }
    VersionDetailsWidget *card() const { return page()->versionDetails(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<md::MainWindow> m_window;
    std::unique_ptr<md::Cache> m_cache;
    std::unique_ptr<ModelsPage> m_page;
};

void TestVersionDetails::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    md::MessageBox::setHeadless(true);
}

void TestVersionDetails::init()
{
    md::Settings::instance().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestVersionDetails::cleanup()
{
    m_page.reset();
    m_window.reset();
    m_cache.reset();
    m_dir.reset();
}

bool TestVersionDetails::openPage(const QString &uri)
{
    const QString cachePath = m_dir->filePath(u"cache.sqlite"_s);
    const QString journalPath = md::Journal::defaultPathFor(cachePath);
    const std::atomic_bool never{false};
    auto report = md::Importer::importUri(uri, cachePath, journalPath, never);
    if (!report) {
        qWarning("%s", qPrintable(report.error().toString()));
        return false;
    }
    m_cache = std::make_unique<md::Cache>();
    if (!m_cache->open(cachePath))
        return false;
    m_page = std::make_unique<ModelsPage>(m_cache.get(), journalPath);
    m_page->resize(1400, 800);
    m_page->show();
    if (!QTest::qWaitForWindowExposed(m_page.get()))
        return false;
    m_page->showSource(report->sourceId, report->uri);
    return m_page->selectModel(u"car_price_model"_s);
}

void TestVersionDetails::clickVersion(qint64 version)
{
    QTableView *table = page()->versionsTable();
    const int row = page()->versionsModel()->rowOfVersion(version);
    QVERIFY(row >= 0);
    const QModelIndex idx = table->model()->index(row, VersionsModel::StageColumn);
    table->scrollTo(idx);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(idx).center());
    QCOMPARE(table->currentIndex().data(VersionsModel::VersionRole).toLongLong(), version);
}

void TestVersionDetails::cardInTheMainWindow()
{
    // The real window, as tst_models_page drives it.
    const QString cachePath = m_dir->filePath(u"cache.sqlite"_s);
    md::MainWindowOptions options{cachePath, md::Journal::defaultPathFor(cachePath)};
    options.screenshotMode = true;
    m_window = std::make_unique<md::MainWindow>(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy finished(m_window.get(), &md::MainWindow::startupFinished);
    m_window->startUp(uriOf(md::test::dataPath(u"mlruns"_s)));
    QVERIFY(finished.wait(kImportTimeoutMs) || !finished.isEmpty());
    QVERIFY(finished.first().at(0).toBool());
    QTabWidget *tabs = m_window->pages();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == u"Models"_s)
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(i).center());
    QCOMPARE(tabs->currentWidget(), page());
    QVERIFY(page()->selectModel(u"car_price_model"_s));
    QVERIFY(card()->isVisible());
    QVERIFY(visibleText(card()).contains(u"Select a version"_s));

    clickVersion(4);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::Loaded);
    const QString text = visibleText(card());
    // Model: name, flavor and loader from MLmodel.
    QVERIFY2(text.contains(u"car_price_model"_s), qPrintable(text));
    QVERIFY(text.contains(u"python_function, sklearn"_s));
    QVERIFY(text.contains(u"mlflow.sklearn"_s));
    QVERIFY(text.contains(u"Production"_s));
    // Training data: the run's dataset input, 384 × 12.
    QVERIFY(text.contains(u"384 rows × 12 columns"_s));
    // Performance and hyperparameters of the "XGBoost tuned" run.
    QVERIFY(text.contains(u"val_r2_score\n0.89"_s) || text.contains(u"val_r2_score\t0.89"_s));
    QVERIFY(text.contains(u"n_estimators\n400"_s) || text.contains(u"n_estimators\t400"_s));
    // Dependencies: requirements.txt's lines.
    QVERIFY(text.contains(u"scikit-learn\n==1.2.1"_s) || text.contains(u"scikit-learn\t==1.2.1"_s));
    QVERIFY(text.contains(u"mlflow\n==2.10.2"_s) || text.contains(u"mlflow\t==2.10.2"_s));
    // Artifacts: size and checksum of model/model.pkl and model/requirements.txt.
    QVERIFY(text.contains(u"model/model.pkl\n290 bytes"_s) || text.contains(u"model/model.pkl\t290 bytes"_s));
    QVERIFY(text.contains(u"sha256 a92b8309d474db4ec75fc954cf8bf6ee1cc9a9a56c3ad65830b412f3b2881218"_s));
    // MLmodel names environment files the run never wrote: said, not hidden.
    QVERIFY(text.contains(u"MLmodel names conda.yaml, which is not among the artifacts"_s));

    QVERIFY(m_window->grab().save(u"/tmp/versiondetails.png"_s));

    // Copy puts the card on the clipboard as text.
    QTest::mouseClick(card()->copyButton(), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.startsWith(u"# car_price_model v4\n"_s));
    QVERIFY(copied.contains(u"- n_estimators: 400\n"_s));
    QVERIFY(copied.contains(u"- model/model.pkl: 290 bytes (sha256 "_s));
}

void TestVersionDetails::compareWithProduction()
{
    QVERIFY(openPage(uriOf(md::test::dataPath(u"mlruns"_s))));
    QAction *compare = page()->compareWithProductionAction();
    QVERIFY(!compare->isEnabled());  // nothing selected
    clickVersion(4);
    QVERIFY(!compare->isEnabled());  // v4 is Production itself
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    clickVersion(3);
    QVERIFY(compare->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QVERIFY(visibleText(card()).contains(u"Staging"_s));

    // The header's button for the action.
    QToolButton *button = nullptr;
    const auto buttons = card()->findChildren<QToolButton *>();
    for (QToolButton *b : buttons)
        if (b->defaultAction() == compare)
            button = b;
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(card()->isComparing());
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().version().version, 4);       // the reference: Production
    QCOMPARE(card()->rightDetails().version().version, 3);  // the selected candidate

    const md::VersionDiff diff = card()->diff();
    const md::DiffRow *n = rowOf(diff, DetailSectionId::Hyperparameters, u"n_estimators"_s);
    QVERIFY(n);
    QCOMPARE(n->change, RowChange::Changed);
    QCOMPARE(n->left, u"400"_s);
    QCOMPARE(n->right, u"100"_s);
    const md::DiffRow *folds = rowOf(diff, DetailSectionId::Hyperparameters, u"cv_folds"_s);
    QVERIFY(folds);
    QCOMPARE(folds->change, RowChange::Unchanged);
    // v4's extra params are only on the left.
    const md::DiffRow *lambda = rowOf(diff, DetailSectionId::Hyperparameters, u"reg_lambda"_s);
    QVERIFY(lambda);
    QCOMPARE(lambda->change, RowChange::Removed);
    const md::DiffRow *r2 = rowOf(diff, DetailSectionId::Performance, u"val_r2_score"_s);
    QVERIFY(r2);
    QCOMPARE(r2->change, RowChange::Changed);
    QCOMPARE(r2->left + u' ' + r2->right, u"0.89 0.88"_s);
    // The same libraries in both.
    const md::DiffRow *sk = rowOf(diff, DetailSectionId::Dependencies, u"scikit-learn"_s);
    QVERIFY(sk);
    QCOMPARE(sk->change, RowChange::Unchanged);
    const md::DiffRow *stage = rowOf(diff, DetailSectionId::Model, u"Stage"_s);
    QVERIFY(stage);
    QCOMPARE(stage->change, RowChange::Changed);

    // Marked in the view with a glyph, not only a colour; the title counts the differences.
    const QString text = visibleText(card());
    QVERIFY2(text.contains(u"≠\nn_estimators\n400\n100"_s) || text.contains(u"≠\tn_estimators\t400\t100"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"−\nreg_lambda"_s) || text.contains(u"−\treg_lambda"_s));
    QVERIFY(!text.contains(u"≠\ncv_folds"_s) && !text.contains(u"≠\tcv_folds"_s));
    QVERIFY(card()->findChild<QLabel *>(u"cardTitle"_s)->text().startsWith(u"car_price_model v4 → car_price_model v3: "_s));
    QVERIFY(card()->findChild<QLabel *>(u"cardTitle"_s)->text().endsWith(u" differences"_s));

    // Only the differences.
    QVERIFY(card()->onlyDifferencesBox()->isVisible());
    QTest::mouseClick(card()->onlyDifferencesBox(), Qt::LeftButton);
    QVERIFY(card()->onlyDifferencesBox()->isChecked());
    QVERIFY(!visibleText(card()).contains(u"cv_folds"_s));
    QVERIFY(visibleText(card()).contains(u"n_estimators"_s));

    // The comparison as text.
    QTest::mouseClick(card()->copyButton(), Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(u"≠ n_estimators: 400 → 100\n"_s));

    // Back to one version.
    QToolButton *close = card()->findChild<QToolButton *>(u"closeComparison"_s);
    QVERIFY(close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!card()->isComparing());
    QCOMPARE(card()->details().version().version, 3);
}

void TestVersionDetails::contextMenuCompareWith()
{
    QVERIFY(openPage(uriOf(md::test::dataPath(u"mlruns"_s))));
    clickVersion(2);
    const int row = page()->versionsModel()->rowOfVersion(2);
    std::unique_ptr<QMenu> menu(page()->createVersionMenu(row, page()));
    QMenu *with = menu->findChild<QMenu *>(u"menuCompareWith"_s);
    QVERIFY(with);
    QStringList labels;
    const auto actions = with->actions();
    for (QAction *a : actions)
        labels.append(a->text());
    QCOMPARE(labels, (QStringList{u"v1 (Archived)"_s, u"v3 (Staging)"_s, u"v4 (Production)"_s}));
    actions.at(0)->trigger();  // v2 compared with v1
    QVERIFY(card()->isComparing());
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().version().version, 1);
    QCOMPARE(card()->rightDetails().version().version, 2);
    // Linear Regression against Random Forest: different params entirely.
    const md::VersionDiff diff = card()->diff();
    const md::DiffRow *fit = rowOf(diff, DetailSectionId::Hyperparameters, u"fit_intercept"_s);
    QVERIFY(fit);
    QCOMPARE(fit->change, RowChange::Removed);
    const md::DiffRow *leaf = rowOf(diff, DetailSectionId::Hyperparameters, u"min_samples_leaf"_s);
    QVERIFY(leaf);
    QCOMPARE(leaf->change, RowChange::Added);
    QVERIFY(sectionOf(diff, DetailSectionId::Artifacts)->count(RowChange::Changed) >= 1);  // other model.pkl
    QAction *production = menu->findChild<QAction *>(u"menuCompareWithProduction"_s);
    QVERIFY(production && production->isEnabled());
}

void TestVersionDetails::dependencyMoveIsAChangedRow()
{
    // A reviewer must see that a library version moved between Production and the candidate.
    const QString store = m_dir->filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    const QString req = u"/artifacts/model/requirements.txt"_s;
    QVERIFY(md::test::writeFile(store + u'/' + kExp + u'/' + kRunV4 + req, "mlflow==2.10.2\nscikit-learn==1.3.0\n"));
    QVERIFY(md::test::writeFile(store + u'/' + kExp + u'/' + kRunV3 + req,
                                "mlflow==2.10.2\nscikit-learn==1.4.0\nxgboost==2.0.3\n"));
    QVERIFY(openPage(uriOf(store)));
    clickVersion(3);
    page()->compareWithProductionAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    const md::VersionDiff diff = card()->diff();
    const md::DiffRow *sk = rowOf(diff, DetailSectionId::Dependencies, u"scikit-learn"_s);
    QVERIFY(sk);
    QCOMPARE(sk->change, RowChange::Changed);
    QCOMPARE(sk->left, u"==1.3.0"_s);
    QCOMPARE(sk->right, u"==1.4.0"_s);
    const md::DiffRow *xgb = rowOf(diff, DetailSectionId::Dependencies, u"xgboost"_s);
    QVERIFY(xgb);
    QCOMPARE(xgb->change, RowChange::Added);
    const md::DiffRow *mlflow = rowOf(diff, DetailSectionId::Dependencies, u"mlflow"_s);
    QCOMPARE(mlflow->change, RowChange::Unchanged);
    // The file itself changed too: its checksum.
    const md::DiffRow *file = rowOf(diff, DetailSectionId::Artifacts, u"model/requirements.txt"_s);
    QVERIFY(file);
    QCOMPARE(file->change, RowChange::Changed);
    const QString text = visibleText(card());
    QVERIFY2(text.contains(u"≠\nscikit-learn\n==1.3.0"_s) || text.contains(u"≠\tscikit-learn\t==1.3.0"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"+\nxgboost"_s) || text.contains(u"+\txgboost"_s));
}

void TestVersionDetails::missingArtifactFolderShownInline()
{
    const QString store = m_dir->filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    QVERIFY(QDir(store + u'/' + kExp + u'/' + kRunV4 + u"/artifacts"_s).removeRecursively());
    QVERIFY(openPage(uriOf(store)));
    clickVersion(4);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::Failed);
    const QString text = visibleText(card());
    // The error names the artifact URI the store recorded …
    QVERIFY2(text.contains(u"Cannot read the artifacts: file:///home/ds/projects/car-price/mlruns/"_s + kExp + u'/'
                           + kRunV4 + u"/artifacts: the artifact folder does not exist"_s),
             qPrintable(text));
    // … and the rest of the card is still there.
    QVERIFY(text.contains(u"n_estimators"_s));
    QVERIFY(text.contains(u"val_r2_score"_s));
    QVERIFY(text.contains(u"384 rows × 12 columns"_s));

    // Compared with v3, the artifact sections say why they cannot be compared.
    clickVersion(3);
    page()->compareWithProductionAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    const md::VersionDiff diff = card()->diff();
    QVERIFY(sectionOf(diff, DetailSectionId::Artifacts)->rows.isEmpty());
    QVERIFY(sectionOf(diff, DetailSectionId::Artifacts)->leftNote.startsWith(u"Cannot read the artifacts"_s));
    QCOMPARE(rowOf(diff, DetailSectionId::Hyperparameters, u"n_estimators"_s)->change, RowChange::Changed);
}

void TestVersionDetails::darkPaletteAndSplitterState()
{
    QVERIFY(openPage(uriOf(md::test::dataPath(u"mlruns"_s))));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    page()->setPalette(dark);
    clickVersion(3);
    page()->compareWithProductionAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    // Changed rows get a background mixed from the dark base and the highlight: still dark, so
    // the light text stays readable.
    const QString html = card()->view()->toHtml();
    const QColor changed = QColor::fromRgbF(0.7f * 0x1e / 255.f + 0.3f * 0x2f / 255.f,
                                            0.7f * 0x1e / 255.f + 0.3f * 0x65 / 255.f,
                                            0.7f * 0x1e / 255.f + 0.3f * 0xca / 255.f);
    QVERIFY2(html.contains(changed.name(), Qt::CaseInsensitive), qPrintable(changed.name()));
    QVERIFY(changed.lightness() < 100);
    // Notes are drawn in the palette's placeholder colour, not a fixed grey.
    QVERIFY(html.contains(u"#909090"_s, Qt::CaseInsensitive));
    QVERIFY(card()->grab().save(u"/tmp/versiondetails-dark.png"_s));

    // The splitter's state is remembered for the next page.
    auto *splitter = page()->findChild<QSplitter *>(u"splitter"_s);
    QVERIFY(splitter);
    QCOMPARE(splitter->count(), 3);
    QCOMPARE(splitter->widget(2), static_cast<QWidget *>(card()));
    QList<int> sizes = splitter->sizes();
    sizes = {200, 500, 700};
    splitter->setSizes(sizes);
    // What a drag by the user does.
    Q_EMIT splitter->splitterMoved(200, 1);
    const QList<int> saved = splitter->sizes();
    m_page.reset();
    m_page = std::make_unique<ModelsPage>(m_cache.get(), QString());
    m_page->resize(1400, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->findChild<QSplitter *>(u"splitter"_s)->sizes(), saved);
}

void TestVersionDetails::cancelSlowServerRead()
{
    md::test::TestServer server;
    QVERIFY(server.start());
    QVERIFY(openPage(server.url().toString()));
    // Every request now takes 3 s.
    QVERIFY(server.setFaults(QJsonObject{{u"delay_ms"_s, 3000}}));
    clickVersion(4);
    QVERIFY(card()->isLoading());
    QVERIFY(card()->cancelButton()->isVisible());
    // The cache's part of the card shows at once.
    QVERIFY(visibleText(card()).contains(u"n_estimators"_s));
    QVERIFY(visibleText(card()).contains(u"Reading the artifacts…"_s));
    QSignalSpy finished(card(), &VersionDetailsWidget::artifactsFinished);
    QTest::mouseClick(card()->cancelButton(), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!card()->isLoading());
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::Cancelled);
    QVERIFY(visibleText(card()).contains(u"Reading the artifacts was cancelled."_s));
    QVERIFY(visibleText(card()).contains(u"n_estimators"_s));

    // Without the delay the server's artifacts come through the proxy.
    QVERIFY(server.resetFaults());
    clickVersion(3);
    clickVersion(4);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::Loaded);
    const QString text = visibleText(card());
    QVERIFY(text.contains(u"python_function, sklearn"_s));
    QVERIFY(text.contains(u"sha256 a92b8309d474db4ec75fc954cf8bf6ee1cc9a9a56c3ad65830b412f3b2881218"_s));
}

// Issue 12: on MLflow 3 a version points at a LoggedModel (models:/m-…) whose files are not
// among its run's artifacts; the card showed no model, flavor or dependencies.
void TestVersionDetails::mlflow3CardShowsTheLoggedModel()
{
    md::test::TestServer server;
    QVERIFY(server.startAs(md::test::TestServer::MlflowMajor::V3));
    QVERIFY(openPage(server.url().toString()));
    clickVersion(2);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::Loaded);
    const QString text = visibleText(card());
    QVERIFY2(text.contains(u"m-50d01002a6d840bd8975570db78bb91d"_s), qPrintable(text));
    QVERIFY(text.contains(u"Logged model"_s));
    QVERIFY(text.contains(u"python_function, sklearn"_s));
    // The LoggedModel's own metrics, one measured on the validation dataset.
    QVERIFY(text.contains(u"holdout_rmse (cars_synth_v1_val)"_s));
    QVERIFY(text.contains(u"digest bc79217c"_s));
    // Dependencies and files from models/<model_id>/artifacts.
    QVERIFY(text.contains(u"scikit-learn"_s));
    QVERIFY(text.contains(u"model.pkl"_s));
    QVERIFY(!text.contains(u"Cannot read the artifacts"_s));
    // The signature from MLmodel: the input columns with their types, the output tensor.
    QVERIFY2(text.contains(u"Signature"_s), qPrintable(text));
    QVERIFY(hasRow(text, u"age_years"_s, u"double"_s));
    QVERIFY(hasRow(text, u"doors"_s, u"double"_s));
    QVERIFY(hasRow(text, u"(unnamed output)"_s, u"tensor float64 (-1)"_s));

    // The prompt is listed apart, marked, and no registry action is offered for it.
    const QString prompt = u"car_price_summary_prompt"_s;
    QAbstractItemModel *models = page()->findChild<QTreeView *>()->model();
    QCOMPARE(models->index(models->rowCount() - 1, 0).data().toString(), prompt + u" (prompt)"_s);
    QVERIFY(page()->selectModel(prompt));
    for (const char *name : {"actionSendToReview", "actionReview", "actionPromote", "actionRollback", "actionRegisterVersion"}) {
        QAction *a = page()->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(a && !a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(u"is a prompt"_s), qPrintable(a->toolTip()));
    }
    // A prompt has no model files: its card shows the template and reads nothing from the server.
    QVERIFY(server.resetStats());
    clickVersion(2);
    QVERIFY(!card()->isLoading());
    QCOMPARE(card()->details().artifacts().state, VersionArtifacts::State::NotApplicable);
    const QString promptCard = visibleText(card());
    QVERIFY2(promptCard.contains(u"You are a car pricing assistant"_s), qPrintable(promptCard));
    QVERIFY(hasRow(promptCard, u"Kind"_s, u"Prompt"_s));
    QVERIFY(promptCard.contains(u"A prompt has no model files: its content is its template."_s));
    QVERIFY(!promptCard.contains(u"Cannot read the artifacts"_s));
    const QStringList asked = server.stats().value(u"requests"_s).toObject().keys();
    QVERIFY2(asked.filter(u"artifacts"_s).isEmpty() && asked.filter(u"logged-models"_s).isEmpty(),
             qPrintable(asked.join(u", "_s)));
    // Back on a model, the actions and their tooltips are the model's again.
    QVERIFY(page()->selectModel(u"car_price_model"_s));
    QAction *rollback = page()->findChild<QAction *>(u"actionRollback"_s);
    QVERIFY(rollback->isEnabled());
    QVERIFY(!rollback->toolTip().contains(u"prompt"_s));
}

// Issue 12, point 7: on MLflow 3 a run's model is a LoggedModel; Register… offers the
// LoggedModels (source models:/m-…) before the runs, and the new version points at the model.
void TestVersionDetails::mlflow3RegisterOffersTheLoggedModels()
{
    md::test::TestServer server;
    QVERIFY(server.startAs(md::test::TestServer::MlflowMajor::V3));
    QVERIFY(openPage(server.url().toString()));
    const QString modelId = u"m-5511dcb6b7ae4067aab53a1118ab9a10"_s;
    QStringList offered;
    // QInputDialog::getItem() runs its own event loop: answer it like a person once it is up.
    QTimer answer;
    answer.setInterval(50);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        offered = dialog->comboBoxItems();
        for (const QString &item : std::as_const(offered))
            if (item.contains(modelId))
                dialog->setTextValue(item);
        dialog->accept();
    });
    answer.start();
    page()->findChild<QAction *>(u"actionRegisterVersion"_s)->trigger();
    QVERIFY(!offered.isEmpty());
    // The six LoggedModels first, newest first, then the runs.
    QVERIFY2(offered.first().startsWith(u"Logged model model (m-"_s), qPrintable(offered.first()));
    QCOMPARE(offered.filter(u"Logged model"_s).size(), 6);
    QVERIFY(offered.filter(u"Logged model"_s).first() == offered.first());
    // The plan of the write, confirmed once from the keyboard.
    md::PlanDialog *plan = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((plan = page()->findChild<md::PlanDialog *>()) != nullptr, kCardTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(plan->state() == md::PlanDialog::State::Ready, kCardTimeoutMs);
    QVERIFY2(plan->summaryLabel()->text().contains(modelId), qPrintable(plan->summaryLabel()->text()));
    QTest::keyClick(plan, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(plan->state() == md::PlanDialog::State::Done, kCardTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->actionRunner()->isBusy(), kCardTimeoutMs);

    const auto reply = server.request("GET", u"/api/2.0/mlflow/model-versions/get?name=car_price_model&version=5"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject v = QJsonDocument::fromJson(reply.body).object().value(u"model_version"_s).toObject();
    QCOMPARE(v.value(u"source"_s).toString(), u"models:/"_s + modelId);
    QVERIFY(!v.value(u"run_id"_s).toString().isEmpty());
    // The page shows the new version (and may read a card): let that finish while the server runs.
    QTRY_VERIFY_WITH_TIMEOUT(page()->versionsModel()->rowOfVersion(5) >= 0, kCardTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!card()->isLoading(), kCardTimeoutMs);
}

// Issue 13, point 6: a review is visible afterwards — in the versions table beside the aliases,
// in the card with the note and the evidence the reviewer saw, and for a version another tool
// moved, as such. Decisions made on other desktops arrive as version tags with a sync.
void TestVersionDetails::reviewStateInTableCardAndDialog()
{
    const QString store = m_dir->filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    const QString uri = uriOf(store);
    const QString cachePath = m_dir->filePath(u"cache.sqlite"_s);
    const QString journalPath = md::Journal::defaultPathFor(cachePath);
    const std::atomic_bool never{false};
    auto first = md::Importer::importUri(uri, cachePath, journalPath, never);
    QVERIFY(first.ok());

    // Between two syncs: alice asked for v3's review and carol approved it (here, see the journal
    // below), dave approved v4 on his own desktop, and another tool moved v2 to Staging.
    const QString versions = store + u"/models/car_price_model/version-"_s;
    auto tag = [&](int v, const QString &key, const QByteArray &value) {
        return md::test::writeFile(versions + QString::number(v) + u"/tags/"_s + key, value);
    };
    QVERIFY(tag(3, u"modeldesk.review.requested_by"_s, "alice"));
    QVERIFY(tag(3, u"modeldesk.review.requested_at"_s, "2026-11-26T09:00:00Z"));
    QVERIFY(tag(3, u"modeldesk.approval.state"_s, "approved"));
    QVERIFY(tag(3, u"modeldesk.approval.by"_s, "carol"));
    QVERIFY(tag(3, u"modeldesk.approval.at"_s, "2026-11-27T10:15:00Z"));
    QVERIFY(tag(3, u"modeldesk.approval.note"_s, "Better on the holdout set; latency unchanged."));
    QVERIFY(tag(4, u"modeldesk.approval.state"_s, "approved"));
    QVERIFY(tag(4, u"modeldesk.approval.by"_s, "dave"));
    QVERIFY(tag(4, u"modeldesk.approval.at"_s, "2026-11-20T08:00:00Z"));
    QVERIFY(tag(4, u"modeldesk.approval.note"_s, "Shipped after the load test."));
    QFile meta(versions + u"2/meta.yaml"_s);
    QVERIFY(meta.open(QIODevice::ReadOnly));
    QByteArray yaml = meta.readAll();
    meta.close();
    QVERIFY(yaml.contains("current_stage: Archived"));
    QVERIFY(md::test::writeFile(meta.fileName(), yaml.replace("current_stage: Archived", "current_stage: Staging")));
    {
        md::Journal journal;
        QVERIFY(journal.open(journalPath));
        md::JournalEntry approve;
        approve.sourceUri = first->uri;
        approve.kind = u"approve"_s;
        approve.subject = u"car_price_model/3"_s;
        approve.user = u"carol"_s;
        approve.note = u"Better on the holdout set; latency unchanged."_s;
        approve.timeMs = QDateTime::fromString(u"2026-11-27T10:15:04Z"_s, Qt::ISODate).toMSecsSinceEpoch();
        approve.details = QJsonObject{
            {u"evidence"_s,
             QJsonObject{{u"candidate"_s, QJsonObject{{u"version"_s, 3}, {u"run_id"_s, kRunV3},
                                                     {u"metrics"_s, QJsonObject{{u"val_r2_score"_s, 0.88}}}}},
                         {u"production"_s, QJsonObject{{u"version"_s, 4}, {u"run_id"_s, kRunV4},
                                                      {u"metrics"_s, QJsonObject{{u"val_r2_score"_s, 0.89}}}}}}}};
        QVERIFY(journal.append(approve).ok());
        // v1 was rejected here; the file store has no tags of it.
        md::JournalEntry reject = approve;
        reject.kind = u"reject"_s;
        reject.subject = u"car_price_model/1"_s;
        reject.user = u"erin"_s;
        reject.note = u"Worse on every metric."_s;
        reject.details = {};
        QVERIFY(journal.append(reject).ok());
    }
    QVERIFY(openPage(uri));  // the second sync

    // The table: the review column beside the aliases and the key metric, in view without scrolling.
    QCOMPARE(VersionsModel::ApprovalColumn, VersionsModel::KeyMetricColumn + 1);
    QCOMPARE(VersionsModel::KeyMetricColumn, VersionsModel::AliasesColumn + 1);
    QTableView *table = page()->versionsTable();
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->headerData(VersionsModel::ApprovalColumn, Qt::Horizontal).toString(), u"Review"_s);
    auto cell = [&](qint64 version, int role = Qt::DisplayRole) {
        return model->index(page()->versionsModel()->rowOfVersion(version), VersionsModel::ApprovalColumn).data(role).toString();
    };
    QCOMPARE(cell(3), u"Approved by carol"_s);
    QCOMPARE(cell(4), u"Approved by dave"_s);
    QCOMPARE(cell(2), u"In review, moved by another tool"_s);
    QCOMPARE(cell(1), u"Rejected by erin"_s);
    const QString tip3 = cell(3, Qt::ToolTipRole);
    QVERIFY2(tip3.startsWith(u"Approved by carol on "_s + shownTime(u"2026-11-27T10:15:00Z"_s)), qPrintable(tip3));
    QVERIFY(tip3.contains(u"Note: Better on the holdout set; latency unchanged."_s));
    QVERIFY(tip3.contains(u"Review requested by alice on "_s + shownTime(u"2026-11-26T09:00:00Z"_s)));
    QVERIFY2(cell(2, Qt::ToolTipRole).contains(u"a sync saw it move to Staging between "_s), qPrintable(cell(2, Qt::ToolTipRole)));
    QVERIFY(cell(1, Qt::ToolTipRole).contains(u"from this desktop's journal"_s));
    const QRect shown = table->visualRect(model->index(0, VersionsModel::ApprovalColumn));
    QVERIFY(table->viewport()->rect().contains(shown.center()));

    // The card of v3: the request, the decision, the note and what carol saw.
    clickVersion(3);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QString text = visibleText(card());
    QVERIFY2(hasRow(text, u"Requested by"_s, u"alice"_s), qPrintable(text));
    QVERIFY(hasRow(text, u"Decision"_s, u"Approved"_s));
    QVERIFY(hasRow(text, u"By"_s, u"carol"_s));
    QVERIFY(hasRow(text, u"At"_s, shownTime(u"2026-11-27T10:15:00Z"_s)));
    QVERIFY(hasRow(text, u"Note"_s, u"Better on the holdout set; latency unchanged."_s));
    QVERIFY(hasRow(text, u"Candidate v3"_s, u"val_r2_score 0.88"_s));
    QVERIFY(hasRow(text, u"Production v4"_s, u"val_r2_score 0.89"_s));
    QVERIFY(card()->plainText().contains(u"- Candidate v3: val_r2_score 0.88 (run "_s + kRunV3 + u')'));

    // v4, decided on dave's desktop: the evidence is in his journal.
    clickVersion(4);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    text = visibleText(card());
    QVERIFY(hasRow(text, u"By"_s, u"dave"_s));
    QVERIFY2(text.contains(u"in the approver's journal, on dave's desktop"_s), qPrintable(text));

    // v2, moved by another tool: the requester is unknown; the sync's window is known.
    clickVersion(2);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    text = visibleText(card());
    QVERIFY2(hasRow(text, u"Requested by"_s, u"unknown — moved by another tool"_s), qPrintable(text));
    QVERIFY(text.contains(u"a sync saw it move to Staging between "_s));
    QVERIFY(hasRow(text, u"Decision"_s, u"Not decided yet"_s));

    // Its review dialog says the same, never "not recorded".
    QAction *review = page()->reviewAction();
    QVERIFY2(review->isEnabled(), qPrintable(review->toolTip()));
    review->trigger();
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<md::ReviewDialog *>()) != nullptr);
    auto *asked = dialog->findChild<QLabel *>(u"reviewRequester"_s);
    QVERIFY(asked);
    QVERIFY2(asked->text().startsWith(u"unknown — moved by another tool (a sync saw it move to Staging between "_s),
             qPrintable(asked->text()));
    dialog->reject();
}

// Issue 12, point 8: where versions have metrics measured on datasets, they are compared on one
// dataset — the one most share, an evaluation context breaking a tie — and a version without a
// value on it has no value, not its value on another dataset.
void TestVersionDetails::versionsComparedOnOneDataset()
{
    md::RegisteredModel model;
    model.name = u"m"_s;
    QList<md::LoggedModel> logged;
    auto metric = [](const QString &key, double value, const QString &dataset, const QString &digest) {
        md::LoggedModelMetric m;
        m.key = key;
        m.value = value;
        m.datasetName = dataset;
        m.datasetDigest = digest;
        return m;
    };
    const QList<QList<md::LoggedModelMetric>> metrics{
        {metric(u"val_r2_score"_s, 0.81, u"cars_val"_s, u"aa11"_s), metric(u"val_r2_score"_s, 0.95, u"cars_train"_s, u"bb22"_s)},
        {metric(u"val_r2_score"_s, 0.84, u"cars_val"_s, u"aa11"_s)},
        {metric(u"val_r2_score"_s, 0.97, u"cars_train"_s, u"bb22"_s)},
        {}};
    for (int i = 0; i < 4; ++i) {
        md::ModelVersion v;
        v.name = model.name;
        v.version = i + 1;
        v.runId = u"run"_s + QString::number(i + 1);
        v.source = u"models:/m-"_s + QString::number(i + 1);
        model.versions.append(v);
        md::LoggedModel m;
        m.modelId = u"m-"_s + QString::number(i + 1);
        m.metrics = metrics.at(i);
        logged.append(m);
    }
    // Every run also logged a val_r2_score of its own: not what the versions are compared on.
    QHash<QString, QList<md::MetricPoint>> runMetrics;
    for (int i = 1; i <= 4; ++i)
        runMetrics.insert(u"run"_s + QString::number(i), {md::MetricPoint{u"val_r2_score"_s, 0.5, 0, 0}});
    const QList<md::DatasetInput> inputs{{u"cars_val"_s, u"aa11"_s, {}, {}, {}, {}, u"validation"_s},
                                         {u"cars_train"_s, u"bb22"_s, {}, {}, {}, {}, u"training"_s}};
    VersionsModel versions;
    versions.setRegisteredModel(model, runMetrics, {}, logged, inputs);
    QCOMPARE(versions.keyMetric(), u"val_r2_score"_s);
    // Two versions each on cars_val and cars_train: the validation context decides.
    QCOMPARE(versions.keyMetricDataset().name, u"cars_val"_s);
    QCOMPARE(versions.keyMetricDataset().displayName(), u"cars_val (digest aa11)"_s);
    const auto series = versions.keyMetricSeries();
    QCOMPARE(series.size(), 4);
    QCOMPARE(series.at(0).second, 0.81);
    QCOMPARE(series.at(1).second, 0.84);
    QVERIFY(std::isnan(series.at(2).second));  // only measured on cars_train
    QVERIFY(std::isnan(series.at(3).second));  // no dataset at all: not its run's 0.5
    QCOMPARE(versions.index(2, VersionsModel::KeyMetricColumn).data().toString(), QString());
    QVERIFY(versions.index(2, VersionsModel::KeyMetricColumn).data(Qt::ToolTipRole).toString()
                .contains(u"No val_r2_score measured on cars_val (digest aa11)"_s));

    // A third version on cars_train: now most versions share that one, whatever its context.
    logged[3].metrics = {metric(u"val_r2_score"_s, 0.9, u"cars_train"_s, u"bb22"_s)};
    versions.setRegisteredModel(model, runMetrics, {}, logged, inputs);
    QCOMPARE(versions.keyMetricDataset().name, u"cars_train"_s);
    QCOMPARE(versions.keyMetricSeries().at(3).second, 0.9);

    // The chart names the dataset; a version without a value has no point.
    md::KeyMetricChart chart(nullptr);
    chart.setSeries(versions.keyMetric(), versions.keyMetricSeries(), versions.keyMetricDataset());
    QCOMPARE(chart.title(), u"val_r2_score on cars_train (digest bb22) by version"_s);
    QCOMPARE(chart.series().size(), 3);
    chart.setSeries(versions.keyMetric(), versions.keyMetricSeries());
    QCOMPARE(chart.title(), u"val_r2_score by version"_s);

    // Without LoggedModels (MLflow 2), the runs' values as before.
    versions.setRegisteredModel(model, runMetrics);
    QVERIFY(versions.keyMetricDataset().isEmpty());
    QCOMPARE(versions.keyMetricSeries().at(2).second, 0.5);
}

// The same on the MLflow 3.6 fixture served as MLflow 3: car_price_model's LoggedModels of v1–v3
// measured holdout_rmse on the validation set cars_synth_v1_val; v4 has no LoggedModel.
void TestVersionDetails::mlflow3ChartAndReviewNameTheDataset()
{
    md::test::TestServer server;
    QVERIFY(server.startAs(md::test::TestServer::MlflowMajor::V3));
    QVERIFY(openPage(server.url().toString()));
    VersionsModel *versions = page()->versionsModel();
    QCOMPARE(versions->keyMetric(), u"holdout_rmse"_s);
    QCOMPARE(versions->keyMetricDataset().name, u"cars_synth_v1_val"_s);
    QCOMPARE(versions->keyMetricDataset().digest, u"bc79217c"_s);
    QCOMPARE(versions->keyMetricDataset().context, u"validation"_s);
    const auto series = versions->keyMetricSeries();
    QCOMPARE(series.size(), 4);
    QCOMPARE(series.at(0).second, 2214.5668124291);
    QCOMPARE(series.at(1).second, 2481.42718153973);
    QCOMPARE(series.at(2).second, 2405.44366197379);
    QVERIFY(std::isnan(series.at(3).second));

    auto *chart = dynamic_cast<md::KeyMetricChart *>(page()->keyMetricChart());
    QVERIFY(chart);
    QCOMPARE(chart->title(), u"holdout_rmse on cars_synth_v1_val (digest bc79217c) by version"_s);
    QCOMPARE(chart->series().size(), 3);
    QVERIFY(chart->toolTip().contains(u"a version without a value on that dataset has no point"_s));

    // The review of v3 (challenger) against Production v2 compares them on that dataset, named.
    clickVersion(3);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(card()), kCardTimeoutMs);
    QAction *review = page()->reviewAction();
    QVERIFY2(review->isEnabled(), qPrintable(review->toolTip()));
    review->trigger();
    md::ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<md::ReviewDialog *>()) != nullptr);
    QTableWidget *table = dialog->metricsTable();
    QCOMPARE(table->horizontalHeaderItem(1)->text(), u"Production v2"_s);
    QCOMPARE(table->item(0, 0)->text(), u"On cars_synth_v1_val (digest bc79217c), context validation"_s);
    QCOMPARE(table->columnSpan(0, 0), 4);
    QCOMPARE(table->item(1, 0)->text(), u"holdout_rmse"_s);
    QCOMPARE(table->item(1, 1)->text(), md::localNumber(2481.42718153973));
    QCOMPARE(table->item(1, 2)->text(), md::localNumber(2405.44366197379));
    QVERIFY2(table->item(1, 3)->text().endsWith(u"▲ better"_s), qPrintable(table->item(1, 3)->text()));
    QCOMPARE(table->item(2, 0)->text(), u"Latest values of the runs (datasets not recorded)"_s);
    QStringList runRows;
    for (int r = 3; r < table->rowCount(); ++r)
        runRows.append(table->item(r, 0)->text());
    QVERIFY2(runRows.contains(u"val_r2_score"_s), qPrintable(runRows.join(u", "_s)));
    QVERIFY(!runRows.contains(u"holdout_rmse"_s));  // shown on the dataset, not again from the runs
    // What the decision will keep: the dataset and both versions' values on it.
    const QJsonObject evidence = dialog->evidence();
    QCOMPARE(evidence.value(u"dataset"_s).toObject().value(u"name"_s).toString(), u"cars_synth_v1_val"_s);
    QCOMPARE(evidence.value(u"candidate"_s).toObject().value(u"dataset_metrics"_s).toObject().value(u"holdout_rmse"_s).toDouble(),
             2405.44366197379);
    QCOMPARE(evidence.value(u"production"_s).toObject().value(u"dataset_metrics"_s).toObject().value(u"holdout_rmse"_s).toDouble(),
             2481.42718153973);
    dialog->reject();
}

QTEST_MAIN(TestVersionDetails)
#include "tst_versiondetails.moc"
