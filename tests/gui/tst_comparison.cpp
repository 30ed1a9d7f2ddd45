// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison view driven through the real main window like a person: select runs with the
// mouse and Ctrl/Shift, Compare Selected (Ctrl+Return), toggle options, change the baseline,
// export. Offscreen (QT_QPA_PLATFORM=offscreen). The model runs under QAbstractItemModelTester.
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ComparisonDelegate.h"
#include "gui/ComparisonPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/PlaceholderTableView.h"
#include "gui/RunsPage.h"
#include "models/ComparisonModel.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using md::ComparisonModel;
using md::ExperimentsModel;
using md::MainWindow;
using md::MessageBox;
using md::RunsTableModel;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kLinear = u"7d7c9949f52c4a02bac3677187794007"_s;
const QString kForest = u"a341c34930dd436184839c690c80d573"_s;
const QString kXgb = u"08bc4907c58e4e92a92a80dde70debdb"_s;
const QString kTuned = u"961265c7ff03493a80eccd895a6ead54"_s;

QString fixtureUri()
{
    return QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString();
}

} // namespace

class TestComparisonGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void compareSelectedRuns();
    void stepSelectorLoadsHistories();
    void directionOverrideIsRemembered();
    void emptyStateAndShortcut();
    void darkPaletteColours();
    void compareFromCommandLine();
    void selectRunFromChart();
    void narrowColumnsKeepWholeValues();
    void cliSpeaksTheLanguage_data();
    void cliSpeaksTheLanguage();

private:
    bool startAndWait();
    void clickExperiment(const QString &name);
    /// Selects the four car_price runs: click the first row, Shift+click the last, and a Ctrl+click
    /// round trip on the second.
    void selectAllFourRuns();
    void compareFour();
    md::ComparisonPage *page() const { return m_window->comparisonPage(); }
    QTableView *runsTable() const { return m_window->runsPage()->table(); }
    QAbstractItemModel *view() const { return page()->table()->model(); }
    /// The shown row of a comparison key, -1 when hidden.
    int rowOf(const QString &qualifiedKey) const;
    /// The column of a run, -1 when none.
    int columnOf(const QString &runId) const;
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_cachePath;
};

void TestComparisonGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_comparison_gui"_s);
    MessageBox::setHeadless(true);
}

void TestComparisonGui::init()
{
    md::Settings::instance().clear();
    MessageBox::clearHistory();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
}

void TestComparisonGui::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_dir.reset();
}

bool TestComparisonGui::startAndWait()
{
    m_window = std::make_unique<MainWindow>(md::MainWindowOptions{m_cachePath, md::Journal::defaultPathFor(m_cachePath)});
    m_tester = std::make_unique<QAbstractItemModelTester>(m_window->comparisonPage()->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(fixtureUri());
    if (!finished.wait(kTimeoutMs) && finished.isEmpty())
        return false;
    return finished.first().at(0).toBool();
}

void TestComparisonGui::clickExperiment(const QString &name)
{
    const ExperimentsModel *model = m_window->experimentsModel();
    QModelIndex found;
    for (int s = 0; s < model->rowCount() && !found.isValid(); ++s)
        for (int e = 0; e < model->rowCount(model->index(s, 0)); ++e)
            if (model->index(e, 0, model->index(s, 0)).data(ExperimentsModel::ExperimentNameRole).toString() == name)
                found = model->index(e, 0, model->index(s, 0));
    QVERIFY2(found.isValid(), qPrintable(name));
    QTreeView *tree = m_window->experimentsTree();
    tree->scrollTo(found);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(found).center());
    QTRY_COMPARE(runsTable()->model()->rowCount(), 4);
}

void TestComparisonGui::selectAllFourRuns()
{
    QTableView *table = runsTable();
    const auto cellCentre = [table](int row) {
        return table->visualRect(table->model()->index(row, RunsTableModel::NameColumn)).center();
    };
    QAction *compare = action("actionCompareSelected");
    QVERIFY(compare);
    QVERIFY(!compare->isEnabled());  // nothing selected yet
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cellCentre(0));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QVERIFY(!compare->isEnabled());  // one run is no comparison
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(3));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 4);
    QVERIFY(compare->isEnabled());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, cellCentre(1));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, cellCentre(1));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 4);
}

void TestComparisonGui::compareFour()
{
    clickExperiment(u"car_price"_s);
    selectAllFourRuns();
    // Ctrl+Return where the person is: in the runs table.
    QTest::keyClick(runsTable(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), page());
    QCOMPARE(m_window->pages()->tabText(m_window->pages()->currentIndex()), u"Compare (4)"_s);
}

int TestComparisonGui::rowOf(const QString &qualifiedKey) const
{
    for (int r = 0; r < view()->rowCount(); ++r)
        if (view()->index(r, ComparisonModel::KeyColumn).data(ComparisonModel::QualifiedKeyRole).toString() == qualifiedKey)
            return r;
    return -1;
}

int TestComparisonGui::columnOf(const QString &runId) const
{
    for (int c = 0; c < view()->columnCount(); ++c)
        if (view()->headerData(c, Qt::Horizontal, ComparisonModel::RunIdRole).toString() == runId)
            return c;
    return -1;
}

void TestComparisonGui::compareSelectedRuns()
{
    QVERIFY(startAndWait());
    compareFour();

    // Four run columns, newest first as the runs table showed them; the Production run (v4,
    // XGBoost tuned) is the baseline.
    QCOMPARE(view()->columnCount(), ComparisonModel::FirstRunColumn + 4);
    const int tuned = columnOf(kTuned);
    const int linear = columnOf(kLinear);
    QVERIFY(tuned >= ComparisonModel::FirstRunColumn && linear >= ComparisonModel::FirstRunColumn);
    QCOMPARE(page()->baselineCombo()->currentText(), u"XGBoost tuned"_s);
    QCOMPARE(view()->headerData(tuned, Qt::Horizontal).toString(), u"XGBoost tuned (baseline)"_s);
    QVERIFY(view()->headerData(tuned, Qt::Horizontal, ComparisonModel::BaselineRole).toBool());

    const int r2 = rowOf(u"metrics.val_r2_score"_s);
    QVERIFY(r2 >= 0);
    QCOMPARE(view()->index(r2, ComparisonModel::KeyColumn).data().toString(), u"val_r2_score ↑"_s);
    QCOMPARE(view()->index(r2, tuned).data().toString(), u"0.89"_s);
    QVERIFY(view()->index(r2, tuned).data(ComparisonModel::BestRole).toBool());
    QCOMPARE(view()->index(r2, linear).data().toString(), u"0.82 (\u22120.07, \u22127.9 %)"_s);
    QCOMPARE(view()->index(r2, linear).data(ComparisonModel::OutcomeRole).toInt(), int(md::CellOutcome::Regressed));
    // Regressed is red text on a reddish background.
    const QColor red = view()->index(r2, linear).data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(red.red() > 150 && red.green() < 100);
    // A param a run does not have shows a dash.
    QCOMPARE(view()->index(rowOf(u"params.fit_intercept"_s), tuned).data().toString(), u"—"_s);

    // Differences only: the 11 rows with one value everywhere go (n_samples 384 …).
    const int all = view()->rowCount();
    QCOMPARE(all, 37);
    QVERIFY(rowOf(u"params.n_samples"_s) >= 0);
    QTest::mouseClick(page()->differencesOnlyCheck(), Qt::LeftButton);
    QVERIFY(page()->differencesOnlyCheck()->isChecked());
    QCOMPARE(view()->rowCount(), all - 11);
    QCOMPARE(rowOf(u"params.n_samples"_s), -1);

    // Another baseline, chosen with the keyboard in the combo: Linear Regression is the last run.
    QComboBox *combo = page()->baselineCombo();
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_End);
    QCOMPARE(combo->currentText(), u"Linear Regression"_s);
    QCOMPARE(view()->headerData(columnOf(kLinear), Qt::Horizontal).toString(), u"Linear Regression (baseline)"_s);
    const int r2Now = rowOf(u"metrics.val_r2_score"_s);
    QCOMPARE(view()->index(r2Now, columnOf(kTuned)).data().toString(), u"0.89 (+0.07, +8.5 %)"_s);
    QCOMPARE(view()->index(r2Now, columnOf(kTuned)).data(ComparisonModel::OutcomeRole).toInt(),
             int(md::CellOutcome::Improved));
    QCOMPARE(view()->index(r2Now, columnOf(kLinear)).data().toString(), u"0.82"_s);

    // The row search narrows the rows as one types.
    QTest::keyClicks(page()->searchEdit(), u"r2"_s);
    QCOMPARE(view()->rowCount(), 2);  // train_r2_score, val_r2_score

    // Ctrl+C copies what is shown, tab-separated.
    page()->table()->setFocus();
    QTest::keyClick(page()->table(), Qt::Key_C, Qt::ControlModifier);
    const QString tsv = QGuiApplication::clipboard()->text();
    QCOMPARE(tsv, u"key\tXGBoost tuned\tXGBoost\tRandom Forest\tLinear Regression\n"
                  "metrics.train_r2_score\t0.933997\t0.925182\t0.895696\t0.875236\n"
                  "metrics.val_r2_score\t0.89\t0.88\t0.85\t0.82\n"_s);
    page()->searchEdit()->clear();
    QCOMPARE(view()->rowCount(), all - 11);

    // Export CSV… through the file dialog, typed like a person.
    const QString csvPath = m_dir->filePath(u"comparison.csv"_s);
    QVERIFY(page()->exportCsvAction()->isEnabled());
    QTest::mouseClick(page()->findChild<QToolButton *>(u"exportButton"_s), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<QFileDialog *>()) && dialog->isVisible());
    auto *nameEdit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(nameEdit);
    // Typed at once: a completer popup would take the Enter key of typing letter by letter.
    nameEdit->setText(csvPath);
    QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(save && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + all - 11);
    QCOMPARE(lines.first(), u"key,XGBoost tuned,XGBoost,Random Forest,Linear Regression"_s);
    QVERIFY(lines.contains(u"metrics.val_r2_score,0.89,0.88,0.85,0.82"_s));
    QVERIFY(lines.contains(u"metrics.rmse,2653.2998,2771.2813,3098.3867,3394.1125"_s));
    QVERIFY(!lines.join(u'\n').contains(u"params.n_samples"_s));  // Differences only is on
    QVERIFY(page()->infoLabel()->text().contains(u"comparison.csv"_s));
    QVERIFY(MessageBox::history().isEmpty());

    // Transposed: the runs become rows.
    QTest::mouseClick(page()->transposeButton(), Qt::LeftButton);
    QCOMPARE(view()->rowCount(), 4);
    QCOMPARE(view()->columnCount(), ComparisonModel::FirstKeyColumn + all - 11);
    QCOMPARE(view()->index(0, ComparisonModel::RunColumn).data().toString(), u"XGBoost tuned"_s);
    QCOMPARE(view()->index(3, ComparisonModel::RunColumn).data().toString(), u"Linear Regression (baseline)"_s);
    QTest::mouseClick(page()->transposeButton(), Qt::LeftButton);
    QCOMPARE(view()->rowCount(), all - 11);

    // Selecting other runs and comparing again replaces the comparison, with its own baseline.
    m_window->pages()->setCurrentIndex(0);
    QTest::mouseClick(runsTable()->viewport(), Qt::LeftButton, {},
                      runsTable()->visualRect(runsTable()->model()->index(1, 0)).center());
    QTest::mouseClick(runsTable()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      runsTable()->visualRect(runsTable()->model()->index(2, 0)).center());
    action("actionCompareSelected")->trigger();  // Runs › Compare Selected
    QCOMPARE(view()->columnCount(), ComparisonModel::FirstRunColumn + 2);
    QCOMPARE(page()->baselineCombo()->currentIndex(), 0);  // no Production run among them: the first
    QCOMPARE(m_window->pages()->tabText(1), u"Compare (2)"_s);
}

void TestComparisonGui::stepSelectorLoadsHistories()
{
    QVERIFY(startAndWait());
    compareFour();
    QVERIFY(!page()->stepSpin()->isEnabled());
    QSignalSpy loaded(page(), &md::ComparisonPage::historiesLoaded);
    page()->stepCombo()->setFocus();
    QTest::keyClick(page()->stepCombo(), Qt::Key_Down);  // Latest → Minimum
    QCOMPARE(page()->stepCombo()->currentText(), u"Minimum"_s);
    QVERIFY(loaded.wait(kTimeoutMs) || !loaded.isEmpty());
    QVERIFY(loaded.first().at(0).toBool());
    QVERIFY(!page()->isLoadingHistories());
    int r2 = rowOf(u"metrics.val_r2_score"_s);
    QCOMPARE(view()->index(r2, columnOf(kLinear)).data().toString().section(u' ', 0, 0), u"0.796461"_s);

    QTest::keyClick(page()->stepCombo(), Qt::Key_Down);  // Maximum: XGBoost's fold 2 is the best
    QCOMPARE(page()->stepCombo()->currentText(), u"Maximum"_s);
    QCOMPARE(loaded.size(), 1);  // no second load
    r2 = rowOf(u"metrics.val_r2_score"_s);
    QCOMPARE(view()->index(r2, columnOf(kXgb)).data().toString(), u"0.890906 (+0.000906, +0.1 %)"_s);
    QVERIFY(view()->index(r2, columnOf(kXgb)).data(ComparisonModel::BestRole).toBool());

    QTest::keyClick(page()->stepCombo(), Qt::Key_Down);  // At step N
    QVERIFY(page()->stepSpin()->isEnabled());
    page()->stepSpin()->setFocus();
    page()->stepSpin()->selectAll();
    QTest::keyClicks(page()->stepSpin(), u"2"_s);
    QCOMPARE(page()->stepSelection().step, 2);
    r2 = rowOf(u"metrics.val_r2_score"_s);
    QCOMPARE(view()->index(r2, columnOf(kForest)).data().toString().section(u' ', 0, 0), u"0.821961"_s);
    // training_time_s has no value at step 2.
    QCOMPARE(view()->index(rowOf(u"metrics.training_time_s"_s), columnOf(kTuned)).data().toString(), u"—"_s);
}

void TestComparisonGui::directionOverrideIsRemembered()
{
    QVERIFY(startAndWait());
    compareFour();
    const int rmse = rowOf(u"metrics.rmse"_s);
    QVERIFY(view()->index(rmse, columnOf(kTuned)).data(ComparisonModel::BestRole).toBool());

    // Right-click the rmse row and choose "Higher Is Better".
    QTableView *table = page()->table();
    const QRect cell = table->visualRect(view()->index(rmse, ComparisonModel::KeyColumn));
    QVERIFY(cell.isValid());
    Q_EMIT table->customContextMenuRequested(cell.center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = page()->findChild<QMenu *>()) && menu->isVisible());
    QAction *higher = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == u"&Higher Is Better"_s)
            higher = a;
    QVERIFY(higher);
    QVERIFY(!higher->isChecked());
    higher->trigger();
    menu->close();

    const int rmseNow = rowOf(u"metrics.rmse"_s);
    QCOMPARE(view()->index(rmseNow, ComparisonModel::KeyColumn).data().toString(), u"rmse ↑"_s);
    QVERIFY(view()->index(rmseNow, columnOf(kLinear)).data(ComparisonModel::BestRole).toBool());
    const QVariantMap directions = md::Settings::instance().value(md::Settings::Key::MetricDirections).toMap();
    QCOMPARE(directions.value(u"rmse"_s).toString(), u"higher"_s);

    // A new window remembers it.
    m_tester.reset();
    m_window.reset();
    QVERIFY(startAndWait());
    compareFour();
    QCOMPARE(view()->index(rowOf(u"metrics.rmse"_s), ComparisonModel::KeyColumn).data().toString(), u"rmse ↑"_s);
    // Automatic again.
    page()->setMetricDirection(u"rmse"_s, std::nullopt);
    QCOMPARE(view()->index(rowOf(u"metrics.rmse"_s), ComparisonModel::KeyColumn).data().toString(), u"rmse ↓"_s);
    QVERIFY(!md::Settings::instance().value(md::Settings::Key::MetricDirections).toMap().contains(u"rmse"_s));
}

void TestComparisonGui::emptyStateAndShortcut()
{
    QVERIFY(startAndWait());
    // The empty page explains how to fill it.
    auto *placeholder = qobject_cast<md::PlaceholderTableView *>(page()->table());
    QVERIFY(placeholder);
    QVERIFY2(placeholder->placeholderText().contains(u"Compare Selected (Ctrl+Return)"_s),
             qPrintable(placeholder->placeholderText()));
    QCOMPARE(view()->columnCount(), ComparisonModel::FirstRunColumn);
    QCOMPARE(view()->rowCount(), 0);
    QVERIFY(!page()->baselineCombo()->isEnabled());
    QVERIFY(!page()->exportCsvAction()->isEnabled());
    QCOMPARE(m_window->pages()->tabText(1), u"Compare"_s);
    // The page fits beside the experiments in a 1100 px wide window.
    QVERIFY2(page()->minimumSizeHint().width() <= 800, qPrintable(QString::number(page()->minimumSizeHint().width())));
    // Ctrl+Return does not clash: no other action of the window has it.
    int owners = 0;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Return))
            ++owners;
    QCOMPARE(owners, 1);
    // With fewer than two runs selected, the action says what to do.
    clickExperiment(u"car_price"_s);
    QVERIFY(!action("actionCompareSelected")->isEnabled());
    // An unknown run id leaves the Runs tab and says so.
    QVERIFY(!m_window->showComparison({kTuned, u"no-such-run"_s}));
    QCOMPARE(m_window->pages()->currentIndex(), 0);
}

void TestComparisonGui::darkPaletteColours()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    // Both colours keep their contrast on the base colour.
    for (const QPalette &p : {dark, light}) {
        const int base = p.color(QPalette::Base).lightness();
        QVERIFY(std::abs(ComparisonModel::improvedColour(p).lightness() - base) > 60);
        QVERIFY(std::abs(ComparisonModel::regressedColour(p).lightness() - base) > 60);
    }
    QVERIFY(ComparisonModel::improvedColour(dark) != ComparisonModel::improvedColour(light));
}

void TestComparisonGui::compareFromCommandLine()
{
    const QString shot = m_dir->filePath(u"compare.png"_s);
    const auto result = md::test::runProcess(
        QStringLiteral(MD_GUI_PATH), {fixtureUri(), u"--cache"_s, m_cachePath, u"--compare"_s,
                                      QStringList{kLinear, kForest, kXgb, kTuned}.join(u','), u"--screenshot"_s, shot});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    // The comparison's reddish "worse than the baseline" cells are in the picture.
    int reddish = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 240 && c.red() - c.green() >= 10 && c.green() > 200 && c.red() - c.blue() >= 10)
                ++reddish;
        }
    QVERIFY2(reddish > 500, qPrintable(QString::number(reddish)));

    const auto bad = md::test::runProcess(QStringLiteral(MD_GUI_PATH), {u"--compare"_s, u","_s});
    QCOMPARE(bad.exitCode, 2);
}

void TestComparisonGui::selectRunFromChart()
{
    QVERIFY(startAndWait());
    compareFour();
    QItemSelectionModel *selection = page()->table()->selectionModel();
    // A click on a run in a chart selects its whole column here.
    QVERIFY(page()->selectRun(kXgb));
    const int column = columnOf(kXgb);
    QVERIFY(column >= 0);
    QVERIFY(selection->isColumnSelected(column, {}));
    QCOMPARE(selection->selectedColumns().size(), 1);
    // Another run replaces the selection.
    QVERIFY(page()->selectRun(kTuned));
    QVERIFY(selection->isColumnSelected(columnOf(kTuned), {}));
    QVERIFY(!selection->isColumnSelected(column, {}));
    // Transposed, runs are rows: its row.
    QTest::mouseClick(page()->transposeButton(), Qt::LeftButton);
    QVERIFY(page()->model()->isTransposed());
    QVERIFY(page()->selectRun(kForest));
    const QModelIndexList rows = selection->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().siblingAtColumn(ComparisonModel::RunColumn).data(ComparisonModel::RunIdRole).toString(), kForest);
    // A run that is not compared selects nothing new.
    QVERIFY(!page()->selectRun(u"0123456789abcdef0123456789abcdef"_s));
}

void TestComparisonGui::narrowColumnsKeepWholeValues()
{
    // "1.08845e+07 (+7.74e+06, +247 %)" does not fit a 200 px column: the cell drops the absolute
    // delta, then the percentage, before it would cut the number itself.
    QVERIFY(startAndWait());
    compareFour();
    QTableView *table = page()->table();
    QVERIFY(qobject_cast<md::ComparisonDelegate *>(table->itemDelegate()));
    const int row = rowOf(u"metrics.train_mse"_s);
    QVERIFY(row >= 0);
    int column = -1;
    for (const QString &run : {kLinear, kForest, kXgb, kTuned}) {
        const int c = columnOf(run);
        if (!view()->index(row, c).data(ComparisonModel::BaselineRole).toBool()) {
            column = c;
            break;
        }
    }
    QVERIFY(column >= 0);
    const QModelIndex cell = view()->index(row, column);
    const QStringList forms = cell.data(ComparisonModel::DisplayFormsRole).toStringList();
    QCOMPARE(forms.size(), 3);
    QCOMPARE(forms.first(), cell.data().toString());
    QVERIFY2(forms.at(1).endsWith(u" %)"_s) && forms.at(1).startsWith(forms.at(2) + u" ("_s), qPrintable(forms.join(u" | "_s)));
    QVERIFY(!forms.at(2).contains(u'('));
    const QFontMetrics fm(table->font());
    using md::ComparisonDelegate;
    QCOMPARE(ComparisonDelegate::fittingForm(forms, fm, fm.horizontalAdvance(forms.at(0))), forms.at(0));
    QCOMPARE(ComparisonDelegate::fittingForm(forms, fm, fm.horizontalAdvance(forms.at(0)) - 1), forms.at(1));
    QCOMPARE(ComparisonDelegate::fittingForm(forms, fm, fm.horizontalAdvance(forms.at(1)) - 1), forms.at(2));
    QCOMPARE(ComparisonDelegate::fittingForm(forms, fm, 5), forms.at(2));
    // The baseline's own cell has one form: its value.
    const int baselineColumn = [&] {
        for (int c = 0; c < view()->columnCount(); ++c)
            if (view()->headerData(c, Qt::Horizontal, ComparisonModel::BaselineRole).toBool())
                return c;
        return -1;
    }();
    QVERIFY(baselineColumn >= 0);
    QCOMPARE(view()->index(row, baselineColumn).data(ComparisonModel::DisplayFormsRole).toStringList().size(), 1);
    // The whole text stays in the tooltip.
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(forms.at(2)));
}

void TestComparisonGui::cliSpeaksTheLanguage_data()
{
    QTest::addColumn<QStringList>("lang");
    QTest::addColumn<QString>("systemLocale");
    QTest::addColumn<QByteArray>("missingSource");
    QTest::addColumn<QByteArray>("missingRuns");
    const QByteArray en = "no such file or folder";
    const QByteArray de = "Datei oder Ordner existiert nicht";
    const QByteArray enRuns = "runs abc, def are not in the cache";
    const QByteArray deRuns = "Läufe abc, def sind nicht im Cache";
    QTest::newRow("English system") << QStringList{} << u"en_US.UTF-8"_s << en << enRuns;
    QTest::newRow("German system") << QStringList{} << u"de_DE.UTF-8"_s << de << deRuns;
    QTest::newRow("--lang de") << QStringList{u"--lang"_s, u"de"_s} << u"en_US.UTF-8"_s << de << deRuns;
    QTest::newRow("--lang=de") << QStringList{u"--lang=de"_s} << u"C"_s << de << deRuns;
    QTest::newRow("--lang en overrides") << QStringList{u"--lang"_s, u"en"_s} << u"de_DE.UTF-8"_s << en << enRuns;
}

void TestComparisonGui::cliSpeaksTheLanguage()
{
    QFETCH(QStringList, lang);
    QFETCH(QString, systemLocale);
    QFETCH(QByteArray, missingSource);
    QFETCH(QByteArray, missingRuns);
    const QHash<QString, QString> env{{u"LC_ALL"_s, systemLocale}, {u"LANG"_s, systemLocale}, {u"LANGUAGE"_s, QString()}};
    const QString missing = m_dir->filePath(u"no-such-store/mlruns"_s);
    const auto sync = md::test::runProcess(md::test::cliPath(), lang + QStringList{u"--cache"_s, m_cachePath, u"sync"_s, missing},
                                           {}, env);
    QCOMPARE(sync.exitCode, 2);
    QVERIFY2(sync.err.contains(QByteArray(missing.toUtf8() + ": " + missingSource)), sync.err.constData());
    // The option may stand anywhere before the command's own arguments end.
    const auto compare = md::test::runProcess(md::test::cliPath(),
                                              QStringList{u"--cache"_s, m_cachePath, u"compare"_s} + lang + QStringList{u"abc"_s, u"def"_s},
                                              {}, env);
    QCOMPARE(compare.exitCode, 2);
    QVERIFY2(compare.err.contains(missingRuns), compare.err.constData());
}

QTEST_MAIN(TestComparisonGui)
#include "tst_comparison.moc"
