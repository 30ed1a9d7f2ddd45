// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the real main window like a person: imports the file-store fixture through the startup
// path, clicks experiments, types filters, toggles menus. Offscreen (QT_QPA_PLATFORM=offscreen).
#include "GuiSupport.h"
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ImportStatusWidget.h"
#include "gui/FilterCompleter.h"
#include <QAbstractItemView>
#include <QCompleter>
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/OpenSourceDialog.h"
#include "gui/PlaceholderTableView.h"
#include "gui/PlaceholderTreeView.h"
#include "gui/RunsPage.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QPushButton>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using md::ExperimentsModel;
using md::MainWindow;
using md::MessageBox;
using md::RunsTableModel;

namespace {

constexpr int kImportTimeoutMs = 60000;

QString fixtureUri()
{
    return QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importShowsExperimentsAndRuns();
    void filterNarrowsTheRuns();
    void nestedRunsOpenUnderTheirParent();
    void brokenFilterShowsErrorWithColumn();
    void importShowsProgressAndCancel();
    void failedImportShowsErrorDialog();
    void openSourceDialogImports();
    void showDeletedRevealsDeletedItems();
    void emptyStatesShowHints();
    void splitterAndOptionsAreRemembered();
    void darkPaletteKeepsContrast();
    void columnsCanBeHiddenAndStayHidden();
    void firstStartImportsTheDemo();
    void opensOnTheExperimentAskedFor();
    void filterKeysComplete();
    void messageBoxSeamAnswersQuestions();
    void screenshotFromCommandLine();
    void screenshotExitCodeWhenImportFails();

private:
    MainWindow *makeWindow();
    /// Starts the window with `uri` and waits until its startup import is over.
    bool startAndWait(const QString &uri);
    QModelIndex experiment(const QString &name) const;
    void clickExperiment(const QString &name);
    QTableView *table() const { return m_window->runsPage()->table(); }
    /// Waits until the runs table has what it asked for: it loads, sorts and reads rows on a
    /// worker thread.
    void settle() const { QTRY_VERIFY(!m_window->runsPage()->model()->isLoading()); }
    /// Every row's text in `column`, once the table has read them all.
    QStringList columnValues(int column) const;
    int columnOf(const QString &header) const;
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    // Boxes would need a person; the seam records them instead.
    MessageBox::setHeadless(true);
}

void TestMainWindow::init()
{
    md::Settings::instance().clear();
    MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow *TestMainWindow::makeWindow()
{
    m_window = md::test::showMainWindow(md::MainWindowOptions{m_cachePath});
    return m_window.get();
}

bool TestMainWindow::startAndWait(const QString &uri)
{
    return makeWindow() && md::test::startUpAndWait(*m_window, uri, kImportTimeoutMs);
}

QModelIndex TestMainWindow::experiment(const QString &name) const
{
    const ExperimentsModel *model = m_window->experimentsModel();
    for (int s = 0; s < model->rowCount(); ++s) {
        const QModelIndex source = model->index(s, 0);
        for (int e = 0; e < model->rowCount(source); ++e) {
            const QModelIndex idx = model->index(e, 0, source);
            if (idx.data(ExperimentsModel::ExperimentNameRole).toString() == name)
                return idx;
        }
    }
    return {};
}

void TestMainWindow::clickExperiment(const QString &name)
{
    QTreeView *tree = m_window->experimentsTree();
    const QModelIndex idx = experiment(name);
    QVERIFY2(idx.isValid(), qPrintable(name));
    tree->scrollTo(idx);
    const QRect rect = tree->visualRect(idx);
    QVERIFY(rect.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(tree->currentIndex().data(ExperimentsModel::ExperimentNameRole).toString(), name);
    settle();
}

QStringList TestMainWindow::columnValues(int column) const
{
    md::RunsTableModel *runs = m_window->runsPage()->model();
    runs->prefetch(0, runs->rowCount() - 1);  // the rows below the first screenful too
    if (!QTest::qWaitFor([runs] { return !runs->isLoading(); }, 10000))
        return {};
    QStringList values;
    const QAbstractItemModel *model = table()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        values.append(model->index(r, column).data().toString());
    return values;
}

int TestMainWindow::columnOf(const QString &header) const
{
    const QAbstractItemModel *model = table()->model();
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == header)
            return c;
    return -1;
}

void TestMainWindow::nestedRunsOpenUnderTheirParent()
{
    QVERIFY(startAndWait(fixtureUri()));
    QTRY_VERIFY_WITH_TIMEOUT(experiment(u"car_price_sweep"_s).isValid(), kImportTimeoutMs);
    QTreeView *tree = m_window->experimentsTree();
    const QModelIndex sweep = experiment(u"car_price_sweep"_s);
    // Folded at first: the experiment shows an arrow, its parents are one click away.
    QVERIFY(!tree->isExpanded(sweep));
    QCOMPARE(tree->model()->rowCount(sweep), 20);
    tree->scrollTo(sweep);
    tree->setFocus();
    tree->setCurrentIndex(sweep);
    QTest::keyClick(tree, Qt::Key_Right);  // unfold, as a person does with the keyboard
    QVERIFY(tree->isExpanded(sweep));
    const QModelIndex parent = tree->model()->index(3, 0, sweep);
    QCOMPARE(parent.data().toString(), u"sweep-parent-03"_s);
    const QRect rect = tree->visualRect(parent);
    QVERIFY(rect.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());

    const int children = int(parent.data(ExperimentsModel::RunCountRole).toLongLong());
    QTRY_COMPARE(table()->model()->rowCount(), children + 1);
    QStringList names = columnValues(RunsTableModel::NameColumn);
    names.sort();
    QCOMPARE(names.first(), u"sweep-parent-03"_s);
    for (qsizetype i = 1; i < names.size(); ++i)
        QVERIFY2(names[i].startsWith(u"trial-03-"_s), qPrintable(names[i]));
    // The Parent column appears and names the parent for each child.
    QVERIFY(!table()->isColumnHidden(RunsTableModel::ParentColumn));
    auto *title = m_window->runsPage()->findChild<QLabel *>(u"titleLabel"_s);
    QVERIFY(title);
    QCOMPARE(title->text(), u"car_price_sweep › sweep-parent-03 — %1 child runs"_s.arg(children));

    // Back to the experiment: all its runs again.
    clickExperiment(u"car_price_sweep"_s);
    QCOMPARE(table()->model()->rowCount(), 191);
}

void TestMainWindow::importShowsExperimentsAndRuns()
{
    QVERIFY(startAndWait(fixtureUri()));
    QTRY_VERIFY_WITH_TIMEOUT(experiment(u"car_price"_s).isValid(), kImportTimeoutMs);
    const QModelIndex carPrice = experiment(u"car_price"_s);
    QCOMPARE(carPrice.siblingAtColumn(ExperimentsModel::RunsColumn).data().toString(), u"4"_s);
    QCOMPARE(experiment(u"car_price_sweep"_s).siblingAtColumn(ExperimentsModel::RunsColumn).data().toString(),
             u"191"_s);
    // The deleted experiment stays hidden until View › Show deleted runs.
    QVERIFY(!experiment(u"scratch_deleted"_s).isValid());
    // The source is the top-level item, with its kind.
    QCOMPARE(carPrice.parent().data().toString(), u"data/mlruns"_s);
    QVERIFY(carPrice.parent().data(ExperimentsModel::SourceDetailRole).toString().startsWith(u"file store · synced"_s));

    clickExperiment(u"car_price_sweep"_s);
    QCOMPARE(table()->model()->rowCount(), 191);
    clickExperiment(u"car_price"_s);
    QCOMPARE(table()->model()->rowCount(), 4);

    QStringList names = columnValues(RunsTableModel::NameColumn);
    names.sort();
    QCOMPARE(names, (QStringList{u"Linear Regression"_s, u"Random Forest"_s, u"XGBoost"_s, u"XGBoost tuned"_s}));
    const int r2 = columnOf(u"val_r2_score"_s);
    QVERIFY(r2 >= RunsTableModel::FixedColumnCount);
    QStringList r2Values = columnValues(r2);
    r2Values.sort();
    QCOMPARE(r2Values, (QStringList{u"0.82"_s, u"0.85"_s, u"0.88"_s, u"0.89"_s}));

    // Clicking the header sorts numerically, best first on the second click.
    const int x = table()->horizontalHeader()->sectionViewportPosition(r2) + 5;
    QTest::mouseClick(table()->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QCOMPARE(columnValues(r2), (QStringList{u"0.82"_s, u"0.85"_s, u"0.88"_s, u"0.89"_s}));
    QTest::mouseClick(table()->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QCOMPARE(columnValues(r2).first(), u"0.89"_s);
    QCOMPARE(table()->model()->index(0, RunsTableModel::NameColumn).data().toString(), u"XGBoost tuned"_s);

    // The import's summary, then what the sync brought for reviewers: the fixture's v3 waits for
    // review, and the inbox names it once it has read the cache again.
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().endsWith(
                     u"/mlruns; 1 new review request: car_price_model v3"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(u"Imported 209 runs and 3 registered models from file://"_s), qPrintable(message));
    QVERIFY(!m_window->importStatus()->isVisible());
    QVERIFY(MessageBox::history().isEmpty());
}

void TestMainWindow::filterNarrowsTheRuns()
{
    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price"_s);
    QCOMPARE(table()->model()->rowCount(), 4);

    // A column the person widened keeps its width through filtering.
    const int mae = columnOf(u"mae"_s);
    QVERIFY(mae > 0);
    table()->horizontalHeader()->resizeSection(mae, 311);

    QLineEdit *filter = m_window->runsPage()->filterEdit();
    QTest::mouseClick(filter, Qt::LeftButton);
    QTest::keyClicks(filter, u"metrics.val_r2_score > 0.86"_s);
    QCOMPARE(table()->model()->rowCount(), 4);  // nothing happens before Enter
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    QCOMPARE(table()->model()->rowCount(), 2);
    QCOMPARE(table()->columnWidth(mae), 311);
    QStringList names = columnValues(RunsTableModel::NameColumn);
    names.sort();
    QCOMPARE(names, (QStringList{u"XGBoost"_s, u"XGBoost tuned"_s}));
    QVERIFY(m_window->runsPage()->filterErrorLabel()->isHidden());

    // A filter that matches nothing empties the table and says so.
    filter->clear();
    settle();
    QTest::keyClicks(filter, u"params.model_type = 'nothing-like-this'"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    QCOMPARE(table()->model()->rowCount(), 0);
    QVERIFY(qobject_cast<md::PlaceholderTableView *>(table())->placeholderText().contains(u"No runs match"_s));

    // The clear button (an emptied field) shows everything again.
    filter->clear();
    settle();
    QCOMPARE(table()->model()->rowCount(), 4);
    QCOMPARE(table()->columnWidth(mae), 311);

    // The filter stays when switching experiments.
    QTest::keyClicks(filter, u"metrics.val_r2_score > 0.86"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    clickExperiment(u"car_price_sweep"_s);
    QCOMPARE(filter->text(), u"metrics.val_r2_score > 0.86"_s);
    const int r2 = columnOf(u"val_r2_score"_s);
    QVERIFY(r2 > 0);
    for (int r = 0; r < table()->model()->rowCount(); ++r)
        QVERIFY(table()->model()->index(r, r2).data(RunsTableModel::SortRole).toDouble() > 0.86);
}

void TestMainWindow::brokenFilterShowsErrorWithColumn()
{
    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price"_s);
    QLineEdit *filter = m_window->runsPage()->filterEdit();
    QLabel *error = m_window->runsPage()->filterErrorLabel();
    QVERIFY(error->isHidden());

    QTest::keyClicks(filter, u"metrics.val_r2_score >> 0.86"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"column"_s), qPrintable(error->text()));
    // The table and its heading show what this filter gives, never the runs of the one before.
    QCOMPARE(table()->model()->rowCount(), 0);
    auto *title = m_window->runsPage()->findChild<QLabel *>(u"titleLabel"_s);
    QVERIFY(title);
    QCOMPARE(title->text(), u"car_price — filter error, 0 of 4 runs shown"_s);
    // The message is red on this palette: clearly not the normal text colour.
    QVERIFY(error->palette().color(QPalette::WindowText) != m_window->palette().color(QPalette::WindowText));

    filter->clear();
    settle();
    QTest::keyClicks(filter, u"metrics.val_r2_score > 0.86"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    QVERIFY(error->isHidden());
    QCOMPARE(table()->model()->rowCount(), 2);
}

void TestMainWindow::importShowsProgressAndCancel()
{
    QVERIFY(makeWindow());
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    m_window->startUp(fixtureUri());
    // The import runs in the background: the window shows its progress bar and Cancel at once.
    auto *progress = m_window->findChild<QProgressBar *>(u"importProgress"_s);
    auto *cancel = m_window->findChild<QToolButton *>(u"cancelImportButton"_s);
    QVERIFY(progress);
    QVERIFY(cancel);
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(cancel->isEnabled());
    QVERIFY(m_window->isImporting());
    QVERIFY(finished.wait(kImportTimeoutMs));
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(finished.first().at(0).toBool());

    // Sync again, and cancel right away: the window goes back to idle without an error dialog.
    finished.clear();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->isImporting());
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kImportTimeoutMs);
    QVERIFY(!m_window->isImporting());
    QVERIFY(!progress->isVisible());
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"cancelled"_s) || message.contains(u"Imported 209 runs"_s), qPrintable(message));
    QVERIFY(MessageBox::history().isEmpty());
    // What was imported before is still shown.
    QVERIFY(experiment(u"car_price"_s).isValid());
}

void TestMainWindow::failedImportShowsErrorDialog()
{
    const QString missing = m_dir->filePath(u"no-such-store"_s);
    QVERIFY(makeWindow());
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(missing);
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!finished.first().at(1).toString().isEmpty());

    const QList<MessageBox::Record> shown = MessageBox::history();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().kind, MessageBox::Kind::Error);
    QCOMPARE(shown.first().title, u"Import Failed"_s);
    QVERIFY2(shown.first().text.contains(u"no-such-store"_s), qPrintable(shown.first().text));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Import failed"_s));
    QCOMPARE(m_window->experimentsModel()->rowCount(), 0);
}

void TestMainWindow::openSourceDialogImports()
{
    QVERIFY(makeWindow());
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    md::OpenSourceDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<md::OpenSourceDialog *>()) && dialog->isVisible());
    auto *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    QVERIFY(!open->isEnabled());  // nothing typed yet
    // A plain path to the mlflow.db fixture, typed like a person would.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"uriEdit"_s), md::test::dataPath(u"mlflow.db"_s));
    QVERIFY(open->isEnabled());
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(finished.wait(kImportTimeoutMs));
    QVERIFY(finished.first().at(0).toBool());
    // The imported source is shown, its car_price selected.
    QCOMPARE(m_window->experimentsModel()->rowCount(), 1);
    QVERIFY(m_window->experimentsModel()->index(0, 0).data(ExperimentsModel::SourceDetailRole).toString().startsWith(
        u"SQLite database"_s));
    QCOMPARE(m_window->experimentsTree()->currentIndex().data(ExperimentsModel::ExperimentNameRole).toString(),
             u"car_price"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 4);
}

void TestMainWindow::showDeletedRevealsDeletedItems()
{
    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price_sweep"_s);
    QCOMPARE(table()->model()->rowCount(), 191);
    QVERIFY(!experiment(u"scratch_deleted"_s).isValid());
    // The source's active runs, whichever experiments are shown: 209 imported, 11 deleted.
    const auto sourceRuns = [this] {
        const QAbstractItemModel *tree = m_window->experimentsTree()->model();
        return tree->index(0, ExperimentsModel::RunsColumn).data().toString();
    };
    QCOMPARE(sourceRuns(), u"198"_s);

    QAction *showDeleted = action("actionShowDeleted");
    QVERIFY(showDeleted);
    showDeleted->trigger();
    settle();
    QVERIFY(showDeleted->isChecked());
    // The selection survives the reload, now with the 9 deleted runs.
    QCOMPARE(m_window->experimentsTree()->currentIndex().data(ExperimentsModel::ExperimentNameRole).toString(),
             u"car_price_sweep"_s);
    QCOMPARE(table()->model()->rowCount(), 200);
    const QModelIndex deleted = experiment(u"scratch_deleted"_s);
    QVERIFY(deleted.isValid());
    QCOMPARE(deleted.data().toString(), u"scratch_deleted (deleted)"_s);
    QCOMPARE(deleted.siblingAtColumn(ExperimentsModel::RunsColumn).data().toString(), u"2"_s);
    QCOMPARE(sourceRuns(), u"198"_s);

    showDeleted->trigger();
    settle();
    QCOMPARE(table()->model()->rowCount(), 191);
    QVERIFY(!experiment(u"scratch_deleted"_s).isValid());
}

void TestMainWindow::emptyStatesShowHints()
{
    QVERIFY(makeWindow());
    // Nothing imported: both views explain what to do instead of a grey area.
    auto *tree = qobject_cast<md::PlaceholderTreeView *>(m_window->experimentsTree());
    QVERIFY(tree);
    QVERIFY(tree->placeholderText().contains(u"Open Source"_s));
    auto *runs = qobject_cast<md::PlaceholderTableView *>(table());
    QVERIFY(runs);
    QVERIFY(!runs->placeholderText().isEmpty());
    QVERIFY(!m_window->runsPage()->filterEdit()->isEnabled());
    // The hint is really painted: the empty viewport is not one flat colour.
    const QImage empty = runs->viewport()->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < empty.height(); y += 2)
        for (int x = 0; x < empty.width(); x += 2)
            colours.insert(empty.pixel(x, y));
    QVERIFY2(colours.size() > 2, "no placeholder text painted");

    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(fixtureUri());
    QVERIFY(finished.wait(kImportTimeoutMs));
    // The Default experiment has no runs: the table says so.
    clickExperiment(u"Default"_s);
    QCOMPARE(table()->model()->rowCount(), 0);
    QVERIFY2(runs->placeholderText().contains(u"no active runs"_s), qPrintable(runs->placeholderText()));
    // A source item selected: a hint to pick an experiment.
    const QModelIndex source = m_window->experimentsModel()->index(0, 0);
    m_window->experimentsTree()->setCurrentIndex(source);
    QVERIFY(runs->placeholderText().contains(u"Select one of this source's experiments"_s));
    QCOMPARE(table()->model()->rowCount(), 0);
}

void TestMainWindow::splitterAndOptionsAreRemembered()
{
    QVERIFY(makeWindow());
    auto *splitter = m_window->findChild<QSplitter *>(u"splitter"_s);
    QVERIFY(splitter);
    splitter->setSizes({250, 900});
    const QList<int> sizes = splitter->sizes();
    m_window->resize(1100, 700);
    action("actionShowDeleted")->setChecked(true);
    m_window->close();
    m_window.reset();

    QVERIFY(makeWindow());
    splitter = m_window->findChild<QSplitter *>(u"splitter"_s);
    QCOMPARE(splitter->sizes().first(), sizes.first());
    QCOMPARE(m_window->size(), QSize(1100, 700));
    QVERIFY(action("actionShowDeleted")->isChecked());
}

void TestMainWindow::darkPaletteKeepsContrast()
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

    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price_sweep"_s);
    QLineEdit *filter = m_window->runsPage()->filterEdit();
    QTest::keyClicks(filter, u"metrics.loss <"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    settle();
    QLabel *error = m_window->runsPage()->filterErrorLabel();
    QVERIFY(error->isVisible());
    // The error red is a light one on a dark window, and the table uses the dark base colour.
    QVERIFY(error->palette().color(QPalette::WindowText).lightness() > 128);
    QCOMPARE(error->palette().color(QPalette::WindowText).red(), 0xff);
    const QImage shot = m_window->grab().toImage();
    const QPoint inTable = table()->viewport()->mapTo(m_window.get(), table()->viewport()->rect().bottomRight()
                                                                          - QPoint(5, 5));
    QVERIFY(QColor(shot.pixel(inTable)).lightness() < 80);
    if (const QString dir = qEnvironmentVariable("MD_TEST_SHOTS"); !dir.isEmpty())
        shot.save(dir + u"/dark.png"_s);
}

void TestMainWindow::columnsCanBeHiddenAndStayHidden()
{
    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price"_s);
    // The run id is hidden by default (it is in the run name's tooltip).
    QVERIFY(table()->isColumnHidden(RunsTableModel::RunIdColumn));
    QVERIFY(!table()->isColumnHidden(RunsTableModel::UserColumn));
    QVERIFY(table()->isColumnHidden(RunsTableModel::ParentColumn));  // no nested runs here

    m_window->runsPage()->setHiddenColumns({u"attributes.user_id"_s, u"metrics.mae"_s});
    QVERIFY(table()->isColumnHidden(RunsTableModel::UserColumn));
    QVERIFY(!table()->isColumnHidden(RunsTableModel::RunIdColumn));
    QVERIFY(table()->isColumnHidden(m_window->runsPage()->model()->metricColumn(u"mae"_s)));
    // Another experiment: the same columns stay hidden; its nested runs show their parent.
    clickExperiment(u"car_price_sweep"_s);
    QVERIFY(table()->isColumnHidden(m_window->runsPage()->model()->metricColumn(u"mae"_s)));
    QVERIFY(!table()->isColumnHidden(RunsTableModel::ParentColumn));
    m_window->close();

    m_window.reset();
    QVERIFY(startAndWait(fixtureUri()));
    QCOMPARE(m_window->runsPage()->hiddenColumns(), (QStringList{u"attributes.user_id"_s, u"metrics.mae"_s}));
}

void TestMainWindow::filterKeysComplete()
{
    QVERIFY(startAndWait(fixtureUri()));
    clickExperiment(u"car_price"_s);
    QLineEdit *edit = m_window->runsPage()->filterEdit();
    md::FilterCompleter *completer = m_window->runsPage()->filterCompleter();
    QVERIFY(completer->candidates().contains(u"metrics.val_r2_score"_s));
    QVERIFY(completer->candidates().contains(u"params.n_estimators"_s));
    QVERIFY(completer->candidates().contains(u"attributes.status"_s));

    // Typing the start of a key after a clause offers the keys that begin with it …
    edit->setFocus();
    QTest::keyClicks(edit, u"params.n_estimators = '100' and metrics.val_"_s);
    QTRY_VERIFY(completer->completer()->popup()->isVisible());
    QCOMPARE(completer->completer()->currentCompletion(), u"metrics.val_mse"_s);
    // … and choosing one replaces only the word being typed.
    QAbstractItemView *popup = completer->completer()->popup();
    for (int i = 0; i < 5 && popup->currentIndex().data().toString() != u"metrics.val_r2_score"_s; ++i)
        QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(edit->text(), u"params.n_estimators = '100' and metrics.val_r2_score"_s);
    QTest::keyClicks(edit, u" > 0.85"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    settle();
    QCOMPARE(table()->model()->rowCount(), 1);  // XGBoost: 100 estimators, 0.88

    QCOMPARE(md::FilterCompleter::qualified(u"metrics."_s, u"my metric"_s), u"metrics.`my metric`"_s);
    QCOMPARE(md::FilterCompleter::wordStart(u"a = 1 and metrics.x"_s, 19), 10);
}

void TestMainWindow::opensOnTheExperimentAskedFor()
{
    // `modeldesk SOURCE --experiment NAME|ID`
    // An empty experiment opens too when the user names it ("Default" has no runs).
    for (const QString &wanted : {u"car_price_sweep"_s, u"393852857774839636"_s, u"Default"_s}) {
        m_window = std::make_unique<MainWindow>(
            md::MainWindowOptions{m_cachePath, md::Journal::defaultPathFor(m_cachePath), false, {}, {}, wanted});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
        m_window->startUp(fixtureUri());
        QVERIFY(finished.wait(kImportTimeoutMs));
        const QModelIndex current = m_window->experimentsTree()->currentIndex();
        QVERIFY(current.data(ExperimentsModel::ExperimentNameRole).toString() == wanted
                || current.data(ExperimentsModel::ExperimentIdRole).toString() == wanted);
        m_window.reset();
    }
}

void TestMainWindow::firstStartImportsTheDemo()
{
    // The demo is written beside the cache, in the data folder.
    const QString demoDir = QFileInfo(m_cachePath).absoluteDir().filePath(u"demo"_s);
    QVERIFY(!QFileInfo::exists(demoDir));
    QVERIFY(startAndWait(QString()));
    QVERIFY(QFileInfo::exists(demoDir + u"/mlruns"_s));
    // Both demo stores are sources, and car_price is selected with its 4 runs.
    QCOMPARE(m_window->experimentsModel()->rowCount(), 2);
    QCOMPARE(m_window->experimentsTree()->currentIndex().data(ExperimentsModel::ExperimentNameRole).toString(),
             u"car_price"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 4);

    // A second start finds the sources in the cache and imports nothing.
    m_window.reset();
    QVERIFY(makeWindow());
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(QString());
    QVERIFY(!m_window->isImporting());
    QVERIFY(finished.wait(5000));
    QTRY_COMPARE(table()->model()->rowCount(), 4);
    QDir(demoDir).removeRecursively();
}

void TestMainWindow::messageBoxSeamAnswersQuestions()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QCOMPARE(MessageBox::question(nullptr, u"Title"_s, u"Go on?"_s), QMessageBox::Yes);
    // Headless: the default button.
    QCOMPARE(MessageBox::question(nullptr, u"Title"_s, u"Again?"_s), QMessageBox::No);
    QCOMPARE(MessageBox::history().size(), 2);
    QCOMPARE(MessageBox::history().first().answer, QMessageBox::Yes);
    QCOMPARE(MessageBox::history().last().text, u"Again?"_s);
}

void TestMainWindow::screenshotFromCommandLine()
{
    const QString shot = m_dir->filePath(u"shot.png"_s);
    const auto result = md::test::runProcess(QStringLiteral(MD_GUI_PATH),
                                             {fixtureUri(), u"--cache"_s, m_cachePath, u"--screenshot"_s, shot});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(qAbs(image.width() - 1280) <= 64 && qAbs(image.height() - 800) <= 64,
             qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
    // Not a blank picture.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 10);
}

void TestMainWindow::screenshotExitCodeWhenImportFails()
{
    const QString shot = m_dir->filePath(u"shot.png"_s);
    const auto result = md::test::runProcess(QStringLiteral(MD_GUI_PATH),
                                             {m_dir->filePath(u"missing"_s), u"--cache"_s, m_cachePath,
                                              u"--screenshot"_s, shot});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("missing"));

    const auto version = md::test::runProcess(QStringLiteral(MD_GUI_PATH), {u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QByteArray("modeldesk " MODELDESK_VERSION));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
