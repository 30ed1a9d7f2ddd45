// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts tab driven through the real main window: import the file store fixture, compare the
// four car_price runs, open the Charts tab and chart val_r2_score; a sweep run's 1000-point loss;
// smoothing, log y, legend toggles, reset (Ctrl+0), x modes, the bar, scatter and parallel-coordinates
// charts and the exports. Standalone charts: gaps at NaN, ±∞ marked at the plot's edge, band and line
// from the same level of detail, and the mouse (wheel, Ctrl+wheel, zoom box, middle and Space
// drags), by real events on the plot.
// Offscreen (QT_QPA_PLATFORM=offscreen).
#include "TestServer.h"
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ChartsPage.h"
#include "gui/EnvelopeBand.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/MetricChart.h"
#include "gui/ParallelCoordinatesChart.h"
#include "gui/RunsPage.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"

#include "gui/QCustomPlotInclude.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QRubberBand>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolTip>
#include <QTreeView>
#include <QUrl>
#include <QWheelEvent>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;
using md::ChartsPage;
using md::ExperimentsModel;
using md::MainWindow;
using md::MessageBox;
using md::RunsTableModel;

namespace {

constexpr int kTimeoutMs = 60000;

/// How many min/max bands the plot draws.
int visibleBands(QCustomPlot *plot)
{
    int n = 0;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto *band = dynamic_cast<md::EnvelopeBand *>(plot->plottable(i)); band && band->visible() && !band->isEmpty())
            ++n;
    return n;
}
const QString kLinear = u"7d7c9949f52c4a02bac3677187794007"_s;
const QString kForest = u"a341c34930dd436184839c690c80d573"_s;
const QString kXgb = u"08bc4907c58e4e92a92a80dde70debdb"_s;
const QString kTuned = u"961265c7ff03493a80eccd895a6ead54"_s;

QString fixtureUri()
{
    return QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString();
}

QVector<double> valuesOf(const QCPGraph *g)
{
    QVector<double> out;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        out.append(it->value);
    return out;
}

QVector<double> keysOf(const QCPGraph *g)
{
    QVector<double> out;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        out.append(it->key);
    return out;
}

/// The value at `key` in the line's data (the level it draws), or nullopt without a point there.
std::optional<double> valueAt(const QCPGraph *g, double key)
{
    const auto it = g->data()->findBegin(key, false);
    if (it == g->data()->constEnd() || it->key != key)
        return std::nullopt;
    return it->value;
}

/// Whether the line's data has a point at `key` whose value is NaN: the line breaks there.
bool breaksAt(const QCPGraph *g, double key)
{
    const std::optional<double> v = valueAt(g, key);
    return v && std::isnan(*v);
}

/// Whether a pixel is tinted by a pure red series on a white base: its line, or its band.
bool reddish(QColor c)
{
    return c.red() - c.green() > 40 && c.red() - c.blue() > 40;
}

/// How many pixels of column `x` inside the plot's axis rect are tinted by the red series.
int reddishPixels(QCustomPlot *plot, int x)
{
    const QImage image = plot->toPixmap().toImage();
    const QRect rect = plot->axisRect()->rect();
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        n += reddish(image.pixelColor(x, y)) ? 1 : 0;
    return n;
}

/// Turns the mouse wheel one notch up (zoom in) over `pos` of the plot.
void wheelAt(QCustomPlot *plot, const QPoint &pos, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(QPointF(pos), QPointF(plot->mapToGlobal(pos)), QPoint(), QPoint(0, 120), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(plot, &event);
}

bool sameRange(const QCPRange &a, const QCPRange &b)
{
    const double tolerance = 1e-9 * std::max(std::abs(a.size()), 1e-300);
    return std::abs(a.lower - b.lower) <= tolerance && std::abs(a.upper - b.upper) <= tolerance;
}

/// `runs` noisy, falling series of `steps` steps each on a shown 1000×600 chart with a white base.
void showNoisySeries(md::MetricChart &chart, int runs, int steps)
{
    chart.resize(1000, 600);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    chart.setPalette(light);
    quint32 seed = 11;
    for (int r = 0; r < runs; ++r) {
        QList<md::MetricPoint> points;
        double v = 1.0 + r * 0.02;
        for (int s = 0; s < steps; ++s) {
            seed = seed * 1664525u + 1013904223u;
            v = 0.9998 * v + 0.03 * ((double(seed >> 8) / double(1 << 24)) - 0.5);
            points.append(md::MetricPoint{u"loss"_s, v, 1795736000000 + s, s});
        }
        chart.setSeries(u"run%1"_s.arg(r), u"run %1"_s.arg(r), QColor::fromHsv((r * 37) % 360, 200, 200), points);
    }
    chart.show();
}

/// The plot as the screen shows it after a replot (its paint buffer).
QImage replotted(QCustomPlot *plot)
{
    plot->replot();
    return plot->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

/// The largest difference of a colour channel between two pictures of one size.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            largest = std::max({largest, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                std::abs(qBlue(p) - qBlue(q))});
        }
    return largest;
}

/// A shown 800×500 chart with one red series `points` named "diverged" under the title "loss".
void showChart(md::MetricChart &chart, const QList<md::MetricPoint> &points)
{
    chart.resize(800, 500);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    chart.setPalette(light);
    chart.setValueTitle(u"loss"_s);
    chart.setSeries(u"run"_s, u"diverged"_s, Qt::red, points);
    chart.show();
    chart.plot()->replot();
}

/// showChart() with a loss falling as 1/(1+step) over 500 steps: what the zoom and pan tests drive.
void showFallingLoss(md::MetricChart &chart)
{
    QList<md::MetricPoint> points;
    for (int s = 0; s < 500; ++s)
        points.append(md::MetricPoint{u"loss"_s, 1.0 / (1 + s), 1795736000000 + s, s});
    showChart(chart, points);
}

/// Makes the chart's window active and its plot the focus, for its shortcuts (Ctrl+0).
bool focusPlot(md::MetricChart &chart)
{
    chart.activateWindow();
    if (!QTest::qWaitForWindowActive(&chart))
        return false;
    chart.plot()->setFocus();
    return chart.plot()->hasFocus();
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyState();
    void historyOverlay();
    void smoothingLogYLegendAndReset();
    void xModes();
    void barChart();
    void scatterChart();
    void parallelCoordinates();
    void clickSelectsRun();
    void parallelSweep();
    void exports();
    void darkPalette();
    void emptyChartKeepsItsPlotArea();
    void longHistoryKeepsEveryPoint();
    void manyLongSeriesDrawWithoutAntialiasing();
    void longHistoryDrawsFromLevelsOfDetail();
    void nanBreaksTheLine();
    void seriesOfOnePointIsADot();
    void infinityIsMarkedAtTheEdge();
    void bandAndLineShareTheirLevel();
    void denseBandFillsThePolygonsPixels();
    void secondThreadDrawsTheSamePicture();
    void wheelZoomsXAndCtrlWheelY();
    void dragBoxZooms();
    void middleAndSpaceDragPan();
    void serverHistoriesOfManyRunsComeTogether();

private:
    bool startAndWait(const QString &uri = fixtureUri());
    void compareFourAndOpenCharts();
    bool chooseMetric(const QString &key);
    /// The runs of the car_price_sweep experiment, as the cache holds them (empty on failure).
    QList<md::Run> sweepRuns() const;
    ChartsPage *page() const { return m_window->chartsPage(); }
    md::MetricChart *chart() const { return page()->chart(); }
    QCustomPlot *plot() const { return chart()->plot(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
};

void TestCharts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_charts"_s);
    MessageBox::setHeadless(true);
}

void TestCharts::init()
{
    md::Settings::instance().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
    QVERIFY(startAndWait());
}

void TestCharts::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

bool TestCharts::startAndWait(const QString &uri)
{
    m_window = std::make_unique<MainWindow>(
        md::MainWindowOptions{m_cachePath, md::Journal::defaultPathFor(m_cachePath), true, {}});
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(uri);
    if (!finished.wait(kTimeoutMs) && finished.isEmpty())
        return false;
    return finished.first().at(0).toBool();
}

void TestCharts::compareFourAndOpenCharts()
{
    const ExperimentsModel *model = m_window->experimentsModel();
    QModelIndex found;
    for (int s = 0; s < model->rowCount() && !found.isValid(); ++s)
        for (int e = 0; e < model->rowCount(model->index(s, 0)); ++e)
            if (model->index(e, 0, model->index(s, 0)).data(ExperimentsModel::ExperimentNameRole).toString() == u"car_price"_s)
                found = model->index(e, 0, model->index(s, 0));
    QVERIFY(found.isValid());
    QTreeView *tree = m_window->experimentsTree();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(found).center());
    QTableView *table = m_window->runsPage()->table();
    QTRY_COMPARE(table->model()->rowCount(), 4);
    const auto centre = [table](int row) { return table->visualRect(table->model()->index(row, RunsTableModel::NameColumn)).center(); };
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre(0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier, centre(3));
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(page()->runIds().size(), 4);

    // The Charts tab, by a click on its tab.
    QTabWidget *pages = m_window->pages();
    const int index = pages->indexOf(page());
    QVERIFY(index >= 0);
    QCOMPARE(pages->tabText(index), u"Charts"_s);
    QTest::mouseClick(pages->tabBar(), Qt::LeftButton, {}, pages->tabBar()->tabRect(index).center());
    QCOMPARE(pages->currentWidget(), page());
}

QList<md::Run> TestCharts::sweepRuns() const
{
    md::Cache cache;
    if (!cache.open(m_cachePath))
        return {};
    md::RunQuery q;
    q.experiments = {u"car_price_sweep"_s};
    auto rows = cache.runs(q);
    QList<md::Run> out;
    if (rows)
        for (const md::RunRow &r : *rows)
            out.append(r.run);
    return out;
}

bool TestCharts::chooseMetric(const QString &key)
{
    QComboBox *combo = page()->metricCombo();
    const int index = combo->findText(key);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    if (page()->isLoading()) {
        QSignalSpy loaded(page(), &ChartsPage::historiesLoaded);
        if (!loaded.wait(kTimeoutMs))
            return false;
    }
    return !page()->isLoading();
}

void TestCharts::emptyState()
{
    QTabWidget *pages = m_window->pages();
    pages->setCurrentWidget(page());
    QVERIFY(page()->emptyLabel()->isVisible());
    QVERIFY(page()->emptyLabel()->text().startsWith(u"Nothing to chart yet."_s));
    QVERIFY(!page()->metricCombo()->isEnabled());
    QVERIFY(!page()->exportButton()->isEnabled());
}

void TestCharts::historyOverlay()
{
    compareFourAndOpenCharts();
    QVERIFY(chart()->isVisible());
    QVERIFY(!page()->emptyLabel()->isVisible());
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QCOMPARE(chart()->seriesIds().size(), 4);
    const QHash<QString, double> last{{kLinear, 0.82}, {kForest, 0.85}, {kXgb, 0.88}, {kTuned, 0.89}};
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        const QCPGraph *g = chart()->graph(it.key());
        QVERIFY2(g, qPrintable(it.key()));
        QCOMPARE(g->dataCount(), 6);
        QCOMPARE(keysOf(g), (QVector<double>{0, 1, 2, 3, 4, 5}));
        QVERIFY2(qFuzzyCompare(valuesOf(g).last(), it.value()), qPrintable(QString::number(valuesOf(g).last())));
        QVERIFY(g->adaptiveSampling());
    }
    // Four lines in the legend (the envelopes stay out of it).
    QCOMPARE(plot()->legend->itemCount(), 4);
    QCOMPARE(plot()->yAxis->label(), u"val_r2_score"_s);

    // Hovering the tuned run's last point names run, step and value.
    const QCPGraph *tuned = chart()->graph(kTuned);
    const QPoint at(int(plot()->xAxis->coordToPixel(5)), int(plot()->yAxis->coordToPixel(0.89)));
    const QString tip = chart()->toolTipAt(at);
    QVERIFY2(tip.contains(tuned->name()) && tip.contains(u"step 5"_s) && tip.contains(u"0.89"_s), qPrintable(tip));
    QVERIFY(chart()->toolTipAt(QPoint(2, 2)).isEmpty());

    QVERIFY(page()->grab().save(u"/tmp/charts.png"_s));
}

void TestCharts::smoothingLogYLegendAndReset()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    const QCPGraph *g = chart()->graph(kLinear);
    const QVector<double> raw = valuesOf(g);

    // EMA: other values, same count; the raw band appears behind the line.
    page()->smoothingSlider()->setValue(60);
    QCOMPARE(chart()->smoothing(), 0.6);
    QCOMPARE(g->dataCount(), 6);
    const QVector<double> smooth = valuesOf(g);
    QCOMPARE(smooth.first(), raw.first());
    QVERIFY(smooth.at(5) != raw.at(5));
    QVERIFY(qFuzzyCompare(smooth.at(1), 0.6 * raw.at(0) + 0.4 * raw.at(1)));
    QVERIFY(chart()->toolTipAt(QPoint(int(plot()->xAxis->coordToPixel(1)), int(plot()->yAxis->coordToPixel(smooth.at(1)))))
                .contains(u"smoothed"_s));
    page()->smoothingSlider()->setValue(0);
    QCOMPARE(valuesOf(g), raw);

    // Log y.
    QCOMPARE(plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QTest::mouseClick(page()->logYCheck(), Qt::LeftButton);
    QVERIFY(page()->logYCheck()->isChecked());
    QCOMPARE(plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QTest::mouseClick(page()->logYCheck(), Qt::LeftButton);
    QCOMPARE(plot()->yAxis->scaleType(), QCPAxis::stLinear);

    // A click on a legend entry hides its line; another shows it again.
    QCPPlottableLegendItem *item = plot()->legend->itemWithPlottable(g);
    QVERIFY(item);
    QSignalSpy toggled(chart(), &md::MetricChart::seriesVisibilityChanged);
    QTest::mouseClick(plot(), Qt::LeftButton, {}, item->rect().center());
    QCOMPARE(toggled.size(), 1);
    QVERIFY(!g->visible());
    QVERIFY(!chart()->isSeriesVisible(kLinear));
    QVERIFY(chart()->graph(kTuned)->visible());
    QTest::mouseClick(plot(), Qt::LeftButton, {}, item->rect().center());
    QVERIFY(g->visible());

    // Zoom, then Ctrl+0 fits the data again.
    const QCPRange x = plot()->xAxis->range();
    const QCPRange y = plot()->yAxis->range();
    plot()->xAxis->setRange(2, 3);
    plot()->yAxis->setRange(0.5, 0.6);
    QTest::keyClick(plot(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(plot()->xAxis->range().lower, x.lower);
    QCOMPARE(plot()->xAxis->range().upper, x.upper);
    QCOMPARE(plot()->yAxis->range().lower, y.lower);
    QCOMPARE(plot()->yAxis->range().upper, y.upper);
    // The wheel zooms through QCustomPlot; dragging is the chart's own (a zoom box, or a pan).
    QVERIFY(plot()->interactions().testFlag(QCP::iRangeZoom));
    QVERIFY(!plot()->interactions().testFlag(QCP::iRangeDrag));
    QVERIFY(plot()->toolTip().contains(u"Ctrl+wheel"_s));
    QVERIFY(plot()->toolTip().contains(u"Space+drag"_s));
}

void TestCharts::xModes()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    const QCPGraph *g = chart()->graph(kXgb);
    page()->xModeCombo()->setCurrentIndex(int(md::ChartXMode::WallTime));
    QCOMPARE(g->dataCount(), 6);
    QVERIFY(keysOf(g).first() > 1.6e9);  // seconds since 1970, logged after 2020
    QVERIFY(plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>());
    page()->xModeCombo()->setCurrentIndex(int(md::ChartXMode::RelativeTime));
    QCOMPARE(keysOf(g).first(), 0.0);
    QVERIFY(keysOf(g).last() >= 0.0);
    page()->xModeCombo()->setCurrentIndex(int(md::ChartXMode::Step));
    QCOMPARE(keysOf(g).last(), 5.0);
}

void TestCharts::barChart()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    page()->kindCombo()->setCurrentIndex(int(ChartsPage::Kind::Bar));
    QVERIFY(chart()->isBarChart());
    QVERIFY(!page()->smoothingSlider()->isEnabled());
    QVERIFY(!page()->smoothingSlider()->isVisible());
    QVERIFY(!page()->xModeCombo()->isVisible());
    QMap<QString, double> bars;
    for (int i = 0; i < plot()->plottableCount(); ++i) {
        auto *b = qobject_cast<QCPBars *>(plot()->plottable(i));
        QVERIFY(b);
        QCOMPARE(b->dataCount(), 1);
        bars.insert(b->name(), b->data()->constBegin()->value);
    }
    QCOMPARE(bars.size(), 4);
    QVERIFY(qFuzzyCompare(bars.value(u"Linear Regression"_s), 0.82));
    QVERIFY(qFuzzyCompare(bars.value(u"XGBoost tuned"_s), 0.89));
    QList<double> sorted = bars.values();
    std::sort(sorted.begin(), sorted.end());
    const QList<double> expected{0.82, 0.85, 0.88, 0.89};
    for (int i = 0; i < 4; ++i)
        QVERIFY(qFuzzyCompare(sorted.at(i), expected.at(i)));
    // Hovering a bar names the run and its value.
    const QPoint onTuned(int(plot()->xAxis->coordToPixel(page()->runIds().indexOf(kTuned) + 1)),
                         int(plot()->yAxis->coordToPixel(0.5)));
    const QString tip = chart()->toolTipAt(onTuned);
    QVERIFY2(tip.contains(u"XGBoost tuned"_s) && tip.contains(u"val_r2_score: 0.89"_s), qPrintable(tip));
    // A box zooms into the bars too, and Ctrl+0 shows them all again.
    const QCPRange barsX = plot()->xAxis->range();
    const QCPRange barsY = plot()->yAxis->range();
    const QPoint middle = plot()->axisRect()->rect().center();
    QTest::mousePress(plot(), Qt::LeftButton, {}, middle - QPoint(80, 40));
    QTest::mouseMove(plot(), middle + QPoint(80, 40));
    QTest::mouseRelease(plot(), Qt::LeftButton, {}, middle + QPoint(80, 40));
    QVERIFY(plot()->xAxis->range().size() < barsX.size() / 2);
    QVERIFY(plot()->yAxis->range().size() < barsY.size() / 2);
    QTest::keyClick(plot(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(sameRange(plot()->xAxis->range(), barsX));
    QVERIFY(sameRange(plot()->yAxis->range(), barsY));
    QVERIFY(page()->grab().save(u"/tmp/charts-bar.png"_s));
    // Back to the history: the lines come back from what was loaded.
    page()->kindCombo()->setCurrentIndex(int(ChartsPage::Kind::History));
    QCOMPARE(chart()->seriesIds().size(), 4);
    QCOMPARE(chart()->graph(kTuned)->dataCount(), 6);
}

void TestCharts::scatterChart()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QComboBox *params = page()->paramCombo();
    QVERIFY(!params->isVisible());
    QCOMPARE(page()->kindCombo()->count(), 4);
    page()->kindCombo()->setCurrentIndex(page()->kindCombo()->findText(u"Scatter"_s));
    QCOMPARE(page()->kind(), ChartsPage::Kind::Scatter);
    QVERIFY(chart()->isScatterChart());
    QVERIFY(params->isVisible());
    QVERIFY(!page()->xModeCombo()->isEnabled());
    QVERIFY(!page()->smoothingSlider()->isEnabled());
    // The history's own controls give the toolbar their room.
    QVERIFY(!page()->xModeCombo()->isVisible());
    QVERIFY(!page()->smoothingSlider()->isVisible());
    QVERIFY(!page()->logYCheck()->isVisible());
    // It starts on the param most runs logged with values that differ (max_depth: 12, 5, 6; before
    // n_estimators by name), not on the first by name (colsample_bytree: two runs only).
    QCOMPARE(page()->param(), u"max_depth"_s);
    QCOMPARE(plot()->plottableCount(), 3);
    // Every param of the four runs, once (Linear Regression 8, Random Forest 10, XGBoost 11 and
    // XGBoost tuned 13, 19 different keys).
    QCOMPARE(params->count(), 19);
    for (const QString &key : {u"n_estimators"_s, u"scaler"_s, u"max_features"_s, u"objective"_s, u"cv_folds"_s})
        QVERIFY2(params->findText(key) >= 0, qPrintable(key));

    // n_estimators: Linear Regression has none, the three others are points at their value.
    params->setCurrentIndex(params->findText(u"n_estimators"_s));
    QCOMPARE(page()->param(), u"n_estimators"_s);
    QCOMPARE(plot()->plottableCount(), 3);
    const QList<std::tuple<QString, double, double>> expected{
        {u"Random Forest"_s, 200, 0.85}, {u"XGBoost"_s, 100, 0.88}, {u"XGBoost tuned"_s, 400, 0.89}};
    for (const auto &[name, x, y] : expected) {
        const QCPGraph *g = chart()->scatterGraph(name);
        QVERIFY2(g, qPrintable(name));
        QCOMPARE(g->dataCount(), 1);
        QCOMPARE(g->data()->constBegin()->key, x);
        QVERIFY2(qFuzzyCompare(g->data()->constBegin()->value, y), qPrintable(name));
        QCOMPARE(g->lineStyle(), QCPGraph::lsNone);
        QCOMPARE(g->scatterStyle().shape(), QCPScatterStyle::ssDisc);
        const int run = int(page()->runIds().indexOf(name == u"Random Forest"_s ? kForest : name == u"XGBoost"_s ? kXgb : kTuned));
        QCOMPARE(g->scatterStyle().brush().color(), ChartsPage::runColour(run, page()->palette()));
    }
    QVERIFY(!chart()->scatterGraph(u"Linear Regression"_s));
    QCOMPARE(page()->infoLabel()->text(), u"1 run without params.n_estimators is not shown"_s);
    QVERIFY(!plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>());
    QCOMPARE(plot()->xAxis->label(), u"n_estimators"_s);
    QCOMPARE(plot()->yAxis->label(), u"val_r2_score"_s);
    // Every point inside the view.
    for (const auto &[name, x, y] : expected) {
        QVERIFY(plot()->xAxis->range().contains(x));
        QVERIFY(plot()->yAxis->range().contains(y));
    }
    QCOMPARE(plot()->legend->itemCount(), 3);

    // Hovering a point names run, param and value; next to none, nothing.
    const QPoint onTuned(int(plot()->xAxis->coordToPixel(400)), int(plot()->yAxis->coordToPixel(0.89)));
    const QString tip = chart()->toolTipAt(onTuned + QPoint(3, -2));
    QVERIFY2(tip.contains(u"XGBoost tuned"_s) && tip.contains(u"n_estimators: 400"_s) && tip.contains(u"val_r2_score: 0.89"_s),
             qPrintable(tip));
    QVERIFY(chart()->toolTipAt(QPoint(int(plot()->xAxis->coordToPixel(250)), int(plot()->yAxis->coordToPixel(0.86)))).isEmpty());
    QVERIFY(page()->grab().save(u"/tmp/charts-scatter.png"_s));
    // A legend click hides a point (and its hover); another shows it again.
    QCPGraph *tunedPoint = chart()->scatterGraph(u"XGBoost tuned"_s);
    QCPPlottableLegendItem *item = plot()->legend->itemWithPlottable(tunedPoint);
    QVERIFY(item);
    QTest::mouseClick(plot(), Qt::LeftButton, {}, item->rect().center());
    QVERIFY(!tunedPoint->visible());
    QVERIFY(item->font().strikeOut());
    QVERIFY(chart()->toolTipAt(onTuned).isEmpty());
    QTest::mouseClick(plot(), Qt::LeftButton, {}, item->rect().center());
    QVERIFY(tunedPoint->visible());
    QVERIFY(!chart()->toolTipAt(onTuned).isEmpty());

    // Exports work like for the other charts.
    for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s}) {
        const QString path = m_dir->filePath(u"scatter."_s + suffix);
        const md::Status s = page()->exportChart(path, QSize(640, 400));
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    QCOMPARE(QImage(m_dir->filePath(u"scatter.png"_s)).size(), QSize(640, 400));

    // A text param: categories on a text ticker. `objective` is logged by the two XGBoost runs.
    QVERIFY(page()->setParam(u"objective"_s));
    QCOMPARE(plot()->plottableCount(), 2);
    auto ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().values(), QStringList{u"reg:squarederror"_s});
    QCOMPARE(chart()->scatterGraph(u"XGBoost"_s)->data()->constBegin()->key, 1.0);
    QCOMPARE(page()->infoLabel()->text(), u"2 runs without params.objective are not shown"_s);
    const QString catTip = chart()->toolTipAt(
        QPoint(int(plot()->xAxis->coordToPixel(1)), int(plot()->yAxis->coordToPixel(0.88))));
    QVERIFY2(catTip.contains(u"XGBoost\n"_s) && catTip.contains(u"objective: reg:squarederror"_s), qPrintable(catTip));

    QVERIFY(page()->setParam(u"scaler"_s));
    QCOMPARE(plot()->plottableCount(), 1);
    ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().values(), QStringList{u"StandardScaler"_s});
    QVERIFY(chart()->scatterGraph(u"Linear Regression"_s));
    QCOMPARE(page()->infoLabel()->text(), u"3 runs without params.scaler are not shown"_s);
    QVERIFY(!page()->setParam(u"no_such_param"_s));
    QVERIFY(page()->grab().save(u"/tmp/charts-scatter-text.png"_s));

    // Another metric keeps the param; a param every run logged leaves nobody out.
    QVERIFY(page()->setParam(u"cv_folds"_s));
    QCOMPARE(plot()->plottableCount(), 4);
    QVERIFY(page()->infoLabel()->text().isEmpty());
    QVERIFY(chooseMetric(u"val_mse"_s));
    QCOMPARE(page()->param(), u"cv_folds"_s);
    QCOMPARE(plot()->yAxis->label(), u"val_mse"_s);
    QCOMPARE(plot()->plottableCount(), 4);

    // Back to the bar chart: the Param combo goes away.
    page()->setKind(ChartsPage::Kind::Bar);
    QVERIFY(chart()->isBarChart());
    QVERIFY(!chart()->isScatterChart());
    QVERIFY(!params->isVisible());
    // And to the history: val_mse's histories load now.
    page()->setKind(ChartsPage::Kind::History);
    QVERIFY(!chart()->isScatterChart());
    QTRY_COMPARE_WITH_TIMEOUT(chart()->seriesIds().size(), 4, kTimeoutMs);
    QCOMPARE(plot()->xAxis->label(), u"Step"_s);
}

void TestCharts::parallelCoordinates()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QCOMPARE(page()->kindCombo()->count(), 4);
    QVERIFY(!page()->axesButton()->isVisible());
    page()->kindCombo()->setCurrentIndex(page()->kindCombo()->findText(u"Parallel coordinates"_s));
    QCOMPARE(page()->kind(), ChartsPage::Kind::Parallel);
    md::ParallelCoordinatesChart *pc = page()->parallelChart();
    QVERIFY(pc->isVisible());
    QVERIFY(!chart()->isVisible());
    QVERIFY(page()->axesButton()->isVisible());
    QVERIFY(page()->flipCheck()->isVisible());
    QVERIFY(!page()->smoothingSlider()->isVisible());

    // Default axes: the five params whose values differ between the four runs, then the metric.
    QCOMPARE(pc->lineCount(), 4);
    QCOMPARE(pc->axisCount(), 6);
    QStringList titles;
    for (const md::ParallelAxis &a : pc->data().axes)
        titles.append(a.source.key);
    QCOMPARE(titles, (QStringList{u"colsample_bytree"_s, u"learning_rate"_s, u"max_depth"_s, u"n_estimators"_s,
                                  u"subsample"_s, u"val_r2_score"_s}));
    QCOMPARE(pc->data().axes.at(3).bottomLabel(), u"100"_s);
    QCOMPARE(pc->data().axes.at(3).topLabel(), u"400"_s);
    // Linear Regression and Random Forest miss some params.
    QCOMPARE(page()->infoLabel()->text(), u"2 runs without a value on some axis (markers below the axes)"_s);

    // Hover the XGBoost tuned line a quarter of the way from max_depth (6) to n_estimators (400).
    const int tuned = int(page()->runIds().indexOf(kTuned));
    const QPointF a = pc->pointOf(tuned, 2);
    const QPointF b = pc->pointOf(tuned, 3);
    const QPoint onTuned = (a + (b - a) * 0.25).toPoint();
    QCOMPARE(pc->runAt(onTuned), tuned);
    QTest::mouseMove(pc, onTuned);
    QTRY_COMPARE(pc->highlightedRun(), tuned);
    const QString tip = pc->toolTipAt(onTuned);
    QVERIFY2(tip.startsWith(u"XGBoost tuned\n"_s) && tip.contains(u"n_estimators: 400"_s) && tip.contains(u"max_depth: 6"_s)
                 && tip.contains(u"val_r2_score: 0.89"_s),
             qPrintable(tip));
    QTRY_VERIFY(QToolTip::text().startsWith(u"XGBoost tuned"_s));
    // Off the lines (a corner), nothing; over an axis title, what the axis shows.
    QCOMPARE(pc->runAt(QPoint(pc->width() - 3, pc->height() - 3)), -1);
    QVERIFY(pc->toolTipAt(QPoint(pc->width() - 3, pc->height() - 3)).isEmpty());
    QCOMPARE(pc->toolTipAt(QPoint(int(pc->axisX(2)), 12)), u"Param max_depth\nWithout a value: 1 (marker below the axis)"_s);
    // Linear Regression has no n_estimators: its line drops to the marker below the axis.
    QCOMPARE(pc->pointOf(int(page()->runIds().indexOf(kLinear)), 3).y(), pc->pointOf(int(page()->runIds().indexOf(kLinear)), 0).y());
    QVERIFY(pc->pointOf(int(page()->runIds().indexOf(kLinear)), 3).y() > pc->yOf(0));

    // A click selects the run.
    QSignalSpy selected(page(), &ChartsPage::runSelected);
    QTest::mouseClick(pc, Qt::LeftButton, {}, onTuned);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().at(0).toString(), kTuned);
    QCOMPARE(pc->selectedRun(), tuned);

    // Brush val_r2_score from the top down to 0.86: XGBoost (0.88) and XGBoost tuned (0.89) stay.
    const int r2 = 5;
    const int x = int(pc->axisX(r2));
    const double at086 = (0.86 - 0.82) / (0.89 - 0.82);
    QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(x, int(pc->yOf(1.0)) - 3));
    QTest::mouseMove(pc, QPoint(x, int(pc->yOf(0.9))));
    QTest::mouseMove(pc, QPoint(x, int(pc->yOf(at086))));
    QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(x, int(pc->yOf(at086))));
    QVERIFY(pc->brush(r2).has_value());
    QCOMPARE(pc->activeCount(), 2);
    QVERIFY(pc->isActive(tuned));
    QVERIFY(pc->isActive(int(page()->runIds().indexOf(kXgb))));
    QVERIFY(!pc->isActive(int(page()->runIds().indexOf(kForest))));
    QCOMPARE(page()->infoLabel()->text(),
             u"2 of 4 runs inside the brushed ranges (Esc shows all); 2 runs without a value on some axis (markers below the axes)"_s);
    // A second brush on max_depth's lower part (5 to 6.5): XGBoost tuned (6) and XGBoost (5) keep.
    const int depthX = int(pc->axisX(2));
    QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(depthX, int(pc->yOf(0.0)) + 2));
    QTest::mouseMove(pc, QPoint(depthX, int(pc->yOf(0.1))));
    QTest::mouseMove(pc, QPoint(depthX, int(pc->yOf(1.5 / 7))));
    QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(depthX, int(pc->yOf(1.5 / 7))));
    QCOMPARE(pc->activeCount(), 2);
    QVERIFY(page()->grab().save(u"/tmp/charts-parallel-brushed.png"_s));
    // Esc clears every brush.
    pc->setFocus();
    QTest::keyClick(pc, Qt::Key_Escape);
    QVERIFY(!pc->hasBrushes());
    QCOMPARE(pc->activeCount(), 4);

    // Up is better: val_mse (lower is better) is drawn upside down, its smallest value at the top.
    QVERIFY(page()->flipCheck()->isChecked());
    page()->setParallelAxes({{md::ParallelAxisKind::Param, u"n_estimators"_s}, {md::ParallelAxisKind::Metric, u"val_mse"_s}});
    QCOMPARE(pc->axisCount(), 2);
    QVERIFY(pc->data().axes.last().flipped);
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::ParallelAxes).toStringList(),
             (QStringList{u"params.n_estimators"_s, u"metrics.val_mse"_s}));
    const QVector<std::optional<double>> flippedPositions = pc->data().axes.last().positions;
    QTest::mouseClick(page()->flipCheck(), Qt::LeftButton);
    QVERIFY(!pc->data().axes.last().flipped);
    for (int i = 0; i < 4; ++i)
        QVERIFY(qFuzzyCompare(1.0 + *pc->data().axes.last().positions.at(i), 2.0 - *flippedPositions.at(i)));
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::ParallelUpIsBetter).toBool(), false);
    // Colour by run, as elsewhere.
    page()->colourCombo()->setCurrentIndex(1);
    QCOMPARE(pc->colourMode(), md::ParallelCoordinatesChart::ColourMode::Run);
    QCOMPARE(pc->lineColour(tuned), ChartsPage::runColour(tuned, page()->palette()));
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::ParallelColour).toString(), u"run"_s);

    // The chosen axes are remembered: a new window opens with them.
    m_window.reset();
    QVERIFY(startAndWait());
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    page()->setKind(ChartsPage::Kind::Parallel);
    QCOMPARE(page()->parallelChart()->axisCount(), 2);
    QVERIFY(!page()->flipCheck()->isChecked());
    QCOMPARE(page()->parallelChart()->colourMode(), md::ParallelCoordinatesChart::ColourMode::Run);
    // Back to the defaults.
    page()->setParallelAxes({});
    QCOMPARE(page()->parallelChart()->axisCount(), 6);
    QVERIFY(!md::Settings::instance().contains(md::Settings::Key::ParallelAxes));

    // Exports, and a dark palette.
    for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s}) {
        const QString path = m_dir->filePath(u"parallel."_s + suffix);
        const md::Status s = page()->exportChart(path, QSize(900, 500));
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    QCOMPARE(QImage(m_dir->filePath(u"parallel.png"_s)).size(), QSize(900, 500));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    page()->setPalette(dark);
    page()->colourCombo()->setCurrentIndex(0);
    QCOMPARE(page()->parallelChart()->grab().toImage().pixelColor(2, 2), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(page()->parallelChart()->lineColour(tuned), md::parallelColourRamp(1.0, true));
    QVERIFY(page()->grab().save(u"/tmp/charts-parallel-dark.png"_s));
}

void TestCharts::clickSelectsRun()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QSignalSpy selected(page(), &ChartsPage::runSelected);
    const auto pixel = [this](double x, double y) {
        return QPoint(int(std::lround(plot()->xAxis->coordToPixel(x))), int(std::lround(plot()->yAxis->coordToPixel(y))));
    };
    const auto click = [&](const QPoint &at) {
        selected.clear();
        QTest::mouseClick(plot(), Qt::LeftButton, {}, at);
        return selected.isEmpty() ? QString() : selected.first().at(0).toString();
    };

    // History: on a point of the XGBoost tuned line, the one farthest from the other lines.
    QTRY_COMPARE(chart()->graph(kTuned)->dataCount(), 6);
    const QCPGraph *tuned = chart()->graph(kTuned);
    QPoint onTuned;
    double farthest = -1;
    for (auto it = tuned->data()->constBegin(); it != tuned->data()->constEnd(); ++it) {
        const QPoint p = pixel(it->key, it->value);
        double nearestOther = 1e9;
        for (const QString &id : page()->runIds())
            if (id != kTuned)
                nearestOther = std::min(nearestOther, chart()->graph(id)->selectTest(p, false));
        if (nearestOther > farthest) {
            farthest = nearestOther;
            onTuned = p;
        }
    }
    QVERIFY2(farthest > plot()->selectionTolerance(), qPrintable(QString::number(farthest)));
    QCOMPARE(page()->runAt(onTuned), int(page()->runIds().indexOf(kTuned)));
    QCOMPARE(click(onTuned), kTuned);
    // Off the lines (just inside the plot's bottom-right corner), nothing.
    const QPoint corner = plot()->axisRect()->bottomRight() - QPoint(3, 3);
    QCOMPARE(page()->runAt(corner), -1);
    QCOMPARE(click(corner), QString());
    // A hidden line cannot be clicked.
    chart()->setSeriesVisible(kTuned, false);
    QVERIFY(page()->runAt(onTuned) != int(page()->runIds().indexOf(kTuned)));
    chart()->setSeriesVisible(kTuned, true);

    // Bar: halfway up the XGBoost bar (0.88).
    page()->setKind(ChartsPage::Kind::Bar);
    QCOMPARE(click(pixel(double(page()->runIds().indexOf(kXgb) + 1), 0.44)), kXgb);
    // Between two bars, nothing.
    QCOMPARE(click(pixel(1.5, 0.44)), QString());

    // Scatter of n_estimators: the Random Forest point (200, 0.85); Linear Regression has no point.
    page()->setKind(ChartsPage::Kind::Scatter);
    QVERIFY(page()->setParam(u"n_estimators"_s));
    QCOMPARE(click(pixel(200, 0.85)), kForest);
    QCOMPARE(click(pixel(300, 0.85)), QString());

    // The right button selects nothing.
    selected.clear();
    QTest::mouseClick(plot(), Qt::RightButton, {}, pixel(200, 0.85));
    QVERIFY(selected.isEmpty());
}

void TestCharts::parallelSweep()
{
    // Twenty finished trials of the sweep: five params that differ, then val_r2_score.
    const QList<md::Run> sweep = sweepRuns();
    QStringList ids;
    for (const md::Run &r : sweep)
        if (r.runName.startsWith(u"trial-"_s) && r.status == u"FINISHED"_s && ids.size() < 20
            && md::latestFiniteValue(r, u"val_r2_score"_s))
            ids.append(r.runId);
    QCOMPARE(ids.size(), 20);
    QVERIFY(m_window->showComparison(ids));
    m_window->pages()->setCurrentWidget(page());
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    page()->setKind(ChartsPage::Kind::Parallel);
    md::ParallelCoordinatesChart *pc = page()->parallelChart();
    QCOMPARE(pc->lineCount(), 20);
    QStringList titles;
    for (const md::ParallelAxis &a : pc->data().axes)
        titles.append(a.source.key);
    QCOMPARE(titles, (QStringList{u"learning_rate"_s, u"max_depth"_s, u"n_estimators"_s, u"seed"_s, u"subsample"_s,
                                  u"val_r2_score"_s}));
    QCOMPARE(pc->data().runsWithGaps, 0);
    QVERIFY(page()->infoLabel()->text().isEmpty());
    // Brushing the top half of val_r2_score keeps exactly the runs at or above the middle value.
    const md::ParallelAxis &r2 = pc->data().axes.last();
    int expected = 0;
    for (const auto &p : r2.positions)
        expected += (p && *p >= 0.5) ? 1 : 0;
    pc->setBrush(5, std::pair(0.5, 1.0));
    QCOMPARE(pc->activeCount(), expected);
    QVERIFY(expected > 0 && expected < 20);
    QVERIFY(page()->grab().save(u"/tmp/charts-parallel-sweep.png"_s));
}

void TestCharts::exports()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QVERIFY(page()->exportButton()->isEnabled());
    const QSize size(800, 500);
    for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s, u"PNG"_s}) {
        const QString path = m_dir->filePath(u"chart."_s + suffix);
        const md::Status s = page()->exportChart(path, size);
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    QImage png(m_dir->filePath(u"chart.png"_s));
    QCOMPARE(png.size(), size);
    QFile svg(m_dir->filePath(u"chart.svg"_s));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    QFile pdf(m_dir->filePath(u"chart.pdf"_s));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!page()->exportChart(m_dir->filePath(u"chart.bmp"_s)));
}

void TestCharts::darkPalette()
{
    compareFourAndOpenCharts();
    QVERIFY(chooseMetric(u"val_r2_score"_s));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    page()->setPalette(dark);
    QCOMPARE(plot()->toPixmap(200, 100).toImage().pixelColor(1, 1), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(plot()->xAxis->tickLabelColor(), QColor(0xe0, 0xe0, 0xe0));
    QCOMPARE(plot()->legend->textColor(), QColor(0xe0, 0xe0, 0xe0));
    // Run colours are lightened on a dark base, and the lines follow.
    QVERIFY(ChartsPage::runColour(0, dark).lightness() > ChartsPage::runColour(0, QPalette(Qt::white)).lightness());
    QTRY_COMPARE(chart()->graph(kLinear)->dataCount(), 6);
    QCOMPARE(chart()->graph(page()->runIds().first())->pen().color(), ChartsPage::runColour(0, dark));
    QVERIFY(page()->grab().save(u"/tmp/charts-dark.png"_s));
}

void TestCharts::emptyChartKeepsItsPlotArea()
{
    // Before the first history arrives the legend is empty; the plot must still fill the widget.
    md::MetricChart chart;
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
    QVERIFY2(chart.plot()->axisRect()->width() > 600, qPrintable(QString::number(chart.plot()->axisRect()->width())));
    chart.setBars({u"a"_s, u"b"_s}, {Qt::red, Qt::blue}, {1.0, std::nullopt});
    QVERIFY2(chart.plot()->axisRect()->width() > 600, qPrintable(QString::number(chart.plot()->axisRect()->width())));
    chart.clear();
    chart.plot()->replot();
    QVERIFY2(chart.plot()->axisRect()->width() > 600, qPrintable(QString::number(chart.plot()->axisRect()->width())));
}

void TestCharts::manyLongSeriesDrawWithoutAntialiasing()
{
    // A handful of lines stay smooth; dozens of long crossing lines are drawn without
    // antialiasing so the chart keeps up with the mouse. Every point stays in the graphs. The
    // lines are smoothed, so that each has its band of raw values.
    md::MetricChart chart;
    chart.resize(800, 500);
    chart.setSmoothing(0.3);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    auto series = [](int run) {
        QList<md::MetricPoint> points;
        for (int s = 0; s < 5000; ++s)
            points.append(md::MetricPoint{u"loss"_s, 1.0 / (1 + s) + run * 0.01, 1795736000000 + s, s});
        return points;
    };
    for (int r = 0; r < 3; ++r)
        chart.setSeries(u"run%1"_s.arg(r), u"run %1"_s.arg(r), Qt::red, series(r));
    chart.plot()->replot();
    QVERIFY(!chart.plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    QCOMPARE(chart.graph(u"run0"_s)->pen().widthF(), 1.6);  // 15,000 points in all
    for (int r = 3; r < 30; ++r)
        chart.setSeries(u"run%1"_s.arg(r), u"run %1"_s.arg(r), Qt::blue, series(r));
    chart.plot()->replot();
    QVERIFY(chart.plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    QCOMPARE(chart.graph(u"run29"_s)->dataCount(), 5000);
    // Thirty legend rows would squeeze the plot: the legend goes, the plot takes the height,
    // and the min/max bands (which thirty overlapping runs would only tint) are not drawn.
    const int plotHeightWithLegend = [&] {
        md::MetricChart few;
        few.resize(800, 500);
        few.show();
        for (int r = 0; r < 3; ++r)
            few.setSeries(u"run%1"_s.arg(r), u"run %1"_s.arg(r), Qt::red, series(r));
        few.plot()->replot();
        return few.plot()->axisRect()->height();
    }();
    QVERIFY(!chart.plot()->legend->visible());
    QVERIFY2(chart.plot()->axisRect()->height() > plotHeightWithLegend,
             qPrintable(u"%1 vs %2"_s.arg(chart.plot()->axisRect()->height()).arg(plotHeightWithLegend)));
    QCOMPARE(visibleBands(chart.plot()), 0);
    // Hiding most of them brings the smooth lines, the bands and the legend back.
    for (int r = 3; r < 30; ++r)
        chart.setSeriesVisible(u"run%1"_s.arg(r), false);
    chart.plot()->replot();
    QVERIFY(!chart.plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    QCOMPARE(visibleBands(chart.plot()), 3);
    QCOMPARE(chart.graph(u"run0"_s)->pen().widthF(), 1.6);
    // Five of them, 25,000 points: still antialiased with bands, but 1 px lines (drawn by the
    // raster engine's cosmetic stroker, a few times faster than stroking 1.6 px).
    for (int r = 3; r < 5; ++r)
        chart.setSeriesVisible(u"run%1"_s.arg(r), true);
    chart.plot()->replot();
    QVERIFY(!chart.plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    QCOMPARE(visibleBands(chart.plot()), 5);
    QCOMPARE(chart.graph(u"run0"_s)->pen().widthF(), 1.0);
    QCOMPARE(chart.graph(u"run4"_s)->pen().widthF(), 1.0);
}

void TestCharts::longHistoryDrawsFromLevelsOfDetail()
{
    // 200,000 steps in an 800 px chart: the line draws a level of detail (each slice's lowest
    // and highest point, several slices per pixel), so a replot does not visit every point;
    // zoomed in, it draws every point; hovering always names the true step and value.
    md::MetricChart chart;
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    constexpr int kSteps = 200000;
    QList<md::MetricPoint> points;
    for (int s = 0; s < kSteps; ++s)
        points.append(md::MetricPoint{u"loss"_s, std::sin(s * 0.001) + (s % 7 == 0 ? 0.5 : 0.0), 1795736000000 + s, s});
    chart.setSeries(u"long"_s, u"long run"_s, Qt::darkGreen, points);
    chart.plot()->replot();
    const QCPGraph *line = chart.graph(u"long"_s);
    const int drawn = line->dataCount();
    QVERIFY2(drawn < kSteps / 4, qPrintable(QString::number(drawn)));
    QVERIFY2(drawn > 2 * chart.plot()->axisRect()->width(), qPrintable(QString::number(drawn)));
    // The level keeps the extremes: the line still reaches the spikes (+0.5) and the troughs.
    double top = -1e9, bottom = 1e9;
    for (auto it = line->data()->constBegin(); it != line->data()->constEnd(); ++it) {
        top = std::max(top, it->value);
        bottom = std::min(bottom, it->value);
    }
    double trueTop = -1e9;
    for (const md::MetricPoint &p : std::as_const(points))
        trueTop = std::max(trueTop, p.value);
    QCOMPARE(top, trueTop);  // a spike, sin + 0.5
    QVERIFY(trueTop > 1.4999);
    QVERIFY(bottom < -0.9999);

    // Zoomed to 400 steps: every point.
    chart.plot()->xAxis->setRange(100000, 100400);
    chart.plot()->replot();
    QCOMPARE(line->dataCount(), kSteps);
    const int x = int(chart.plot()->xAxis->coordToPixel(100002));
    const int y = int(chart.plot()->yAxis->coordToPixel(std::sin(100.002)));
    const QString tip = chart.toolTipAt(QPoint(x, y));
    // The point under the mouse (steps are 2 px apart here) with its logged value.
    const QRegularExpressionMatch hit = QRegularExpression(u"step (\\d+): (\\S+)"_s).match(tip);
    QVERIFY2(hit.hasMatch(), qPrintable(tip));
    const int step = hit.captured(1).toInt();
    QVERIFY2(std::abs(step - 100002) <= 1, qPrintable(tip));
    QVERIFY2(std::abs(hit.captured(2).toDouble() - points.at(step).value) < 1e-5, qPrintable(tip));

    // Back to the whole range: the level again, and the hover still names real steps.
    chart.resetView();
    chart.plot()->replot();
    QCOMPARE(line->dataCount(), drawn);
    const int spikeX = int(chart.plot()->xAxis->coordToPixel(70000));
    const int spikeY = int(chart.plot()->yAxis->coordToPixel(std::sin(70.0) + 0.5));
    const QString spikeTip = chart.toolTipAt(QPoint(spikeX, spikeY));
    QVERIFY2(spikeTip.contains(u"long run"_s) && spikeTip.contains(u"step "_s), qPrintable(spikeTip));

    // A large export draws from a finer level than the screen, then the screen's comes back.
    QTemporaryDir dir;
    QVERIFY(chart.exportTo(dir.filePath(u"wide.png"_s), QSize(4000, 1000)).ok());
    QCOMPARE(QImage(dir.filePath(u"wide.png"_s)).width(), 4000);
    QVERIFY2(line->dataCount() > drawn, qPrintable(QString::number(line->dataCount())));
    chart.plot()->replot();
    QCOMPARE(line->dataCount(), drawn);
}

void TestCharts::longHistoryKeepsEveryPoint()
{
    // The sweep runs with 1000 `loss` points: their latest loss is at step 999 (finite ones only).
    const QList<md::Run> sweep = sweepRuns();
    QStringList ids;
    for (const md::Run &r : sweep)
        for (const md::MetricPoint &p : r.latestMetrics)
            if (p.key == u"loss"_s && p.step == 999 && std::isfinite(p.value) && ids.size() < 2)
                ids.append(r.runId);
    QCOMPARE(ids.size(), 2);
    QVERIFY(m_window->showComparison(ids));
    m_window->pages()->setCurrentWidget(page());
    QSignalSpy arrived(page(), &ChartsPage::seriesArrived);
    QVERIFY(chooseMetric(u"loss"_s));
    QCOMPARE(arrived.size(), 2);  // one run at a time
    for (const QString &id : ids) {
        const QCPGraph *g = chart()->graph(id);
        QVERIFY(g);
        QCOMPARE(g->dataCount(), 1000);
        QCOMPARE(keysOf(g).last(), 999.0);
    }
    page()->smoothingSlider()->setValue(90);
    QCOMPARE(chart()->graph(ids.first())->dataCount(), 1000);
    QVERIFY(page()->grab().save(u"/tmp/charts-loss.png"_s));
}

void TestCharts::nanBreaksTheLine()
{
    // A loss that was NaN for steps 10–12: the line stops at step 9 and goes on at step 13, in
    // the graph's data and on the screen; never a straight line across.
    md::MetricChart chart;
    QList<md::MetricPoint> points;
    for (int s = 0; s < 100; ++s)
        points.append(md::MetricPoint{u"loss"_s, s >= 10 && s <= 12 ? std::nan("") : 1.013, 1795736000000 + s, s});
    showChart(chart, points);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    const QCPGraph *line = chart.graph(u"run"_s);
    QCOMPARE(line->dataCount(), 100);  // every step, the NaN ones too
    for (int s = 0; s < 100; ++s)
        QCOMPARE(breaksAt(line, s), s >= 10 && s <= 12);
    const auto column = [&plot](double step) { return reddishPixels(plot, int(std::lround(plot->xAxis->coordToPixel(step)))); };
    QVERIFY(plot->toPixmap().save(u"/tmp/charts-nan.png"_s));
    QVERIFY(column(5) > 0);
    QVERIFY(column(50) > 0);
    QCOMPARE(column(10.5), 0);
    QCOMPARE(column(11), 0);
    QCOMPARE(column(11.5), 0);
    // Smoothed, the line breaks at the same steps.
    chart.setSmoothing(0.6);
    plot->replot();
    QVERIFY(breaksAt(line, 11));
    QVERIFY(qFuzzyCompare(valueAt(line, 13).value_or(0), 1.013));
    QCOMPARE(column(11), 0);
    QVERIFY(column(50) > 0);

    // 200,000 steps with a long NaN stretch (100,000–109,999) and a short one (150,000–150,002):
    // the whole range draws a level of detail (and its band), which breaks at both; so does
    // every finer level, and all points when zoomed in.
    md::MetricChart dense;
    points.clear();
    for (int s = 0; s < 200000; ++s) {
        const bool nan = (s >= 100000 && s < 110000) || (s >= 150000 && s <= 150002);
        points.append(md::MetricPoint{u"loss"_s, nan ? std::nan("") : 0.5 + 0.3 * std::sin(s * 1e-4) + (s % 7) * 0.01,
                                      1795736000000 + s, s});
    }
    showChart(dense, points);
    QVERIFY(QTest::qWaitForWindowExposed(&dense));
    plot = dense.plot();
    const QCPGraph *long_ = dense.graph(u"run"_s);
    QVERIFY2(long_->dataCount() < 20000, qPrintable(QString::number(long_->dataCount())));
    QVERIFY(dense.band(u"run"_s)->visible());
    QVERIFY(breaksAt(long_, 100000));
    QVERIFY(breaksAt(long_, 150000));
    QVERIFY(plot->toPixmap().save(u"/tmp/charts-nan-dense.png"_s));
    QCOMPARE(column(105000), 0);  // neither line nor band across the long gap
    QVERIFY(column(50000) > 0);
    QVERIFY(column(120000) > 0);
    // 30,000 steps draw a finer level; 10,000 and fewer, every point.
    for (const auto &[from, to] : {std::pair(135000.0, 165000.0), std::pair(145000.0, 155000.0), std::pair(149990.0, 150012.0)}) {
        plot->xAxis->setRange(from, to);
        plot->replot();
        QVERIFY2(breaksAt(long_, 150000), qPrintable(QString::number(to - from)));
        // Only the gap: the points either side of it are finite.
        const auto gap = long_->data()->findBegin(150000, false);
        QVERIFY(std::isfinite((gap - 1)->value));
        QVERIFY(std::isnan((gap + 1)->value) == (long_->dataCount() == 200000));
        QCOMPARE(long_->dataCount() < 200000, to - from > 20000);
    }
    QCOMPARE(long_->dataCount(), 200000);  // zoomed in to 22 steps: every point
    QCOMPARE(column(150001), 0);
    QVERIFY(column(149995) > 0);
}

void TestCharts::seriesOfOnePointIsADot()
{
    // A metric logged once (a sweep's best score, a training time): one point, no line to draw.
    md::MetricChart chart;
    showChart(chart, { md::MetricPoint { u"loss"_s, 0.87, 1795736000000, 0 } });
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    QCOMPARE(chart.graph(u"run"_s)->dataCount(), 1);
    QVERIFY(plot->toPixmap().save(u"/tmp/charts-one-point.png"_s));
    QVERIFY(reddishPixels(plot, int(std::lround(plot->xAxis->coordToPixel(0)))) > 0);
    // Two points are a line, without dots.
    showChart(chart,
        { md::MetricPoint { u"loss"_s, 0.87, 1795736000000, 0 },
            md::MetricPoint { u"loss"_s, 0.9, 1795736000001, 10 } });
    QVERIFY(reddishPixels(plot, int(std::lround(plot->xAxis->coordToPixel(5)))) > 0);
}

void TestCharts::infinityIsMarkedAtTheEdge()
{
    // +∞ at step 1,200, +∞ for steps 1,300–1,302 and −∞ at step 1,500 of values between 0.5 and
    // 1: the y range stays that of the finite values, the line breaks there, and triangles at the
    // top and bottom edge name run, metric, step and value when hovered.
    const double inf = std::numeric_limits<double>::infinity();
    md::MetricChart chart;
    QList<md::MetricPoint> points;
    for (int s = 0; s < 2000; ++s) {
        double v = 0.5 + 0.5 * s / 2000.0;
        if (s == 1200 || (s >= 1300 && s <= 1302))
            v = inf;
        else if (s == 1500)
            v = -inf;
        points.append(md::MetricPoint{u"loss"_s, v, 1795736000000 + s, s});
    }
    showChart(chart, points);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    const QCPRange y = plot->yAxis->range();
    QVERIFY2(y.lower > 0.4 && y.upper < 1.1, qPrintable(u"%1 … %2"_s.arg(y.lower).arg(y.upper)));
    const QCPGraph *line = chart.graph(u"run"_s);
    QVERIFY(breaksAt(line, 1200));
    QVERIFY(breaksAt(line, 1500));

    const QLocale locale;
    const auto top = [plot](double step) {
        return QPoint(int(std::lround(plot->xAxis->coordToPixel(step))), plot->axisRect()->rect().top() + 4);
    };
    const auto bottom = [plot](double step) {
        return QPoint(int(std::lround(plot->xAxis->coordToPixel(step))), plot->axisRect()->rect().bottom() - 4);
    };
    QString tip = chart.toolTipAt(top(1200));
    QCOMPARE(tip, u"diverged\nloss: +inf at step %1"_s.arg(locale.toString(1200)));
    tip = chart.toolTipAt(top(1301));
    QCOMPARE(tip, u"diverged\nloss: +inf at steps %1–%2"_s.arg(locale.toString(1300), locale.toString(1302)));
    tip = chart.toolTipAt(bottom(1500));
    QCOMPARE(tip, u"diverged\nloss: -inf at step %1"_s.arg(locale.toString(1500)));
    // No marker where no value is infinite; none at the wrong edge.
    QVERIFY(!chart.toolTipAt(top(600)).contains(u"inf"_s));
    QVERIFY(!chart.toolTipAt(bottom(1200)).contains(u"inf"_s));
    // Drawn there, in the series' colour.
    const QImage image = plot->toPixmap().toImage();
    QVERIFY(image.save(u"/tmp/charts-inf.png"_s));
    QVERIFY(reddish(image.pixelColor(top(1200) + QPoint(0, 2))));
    QVERIFY(reddish(image.pixelColor(bottom(1500) - QPoint(0, 2))));
    QVERIFY(!reddish(image.pixelColor(top(600) + QPoint(0, 2))));

    // Zoomed into the values, the markers move with the edges; the range is still finite.
    plot->yAxis->scaleRange(0.8);
    plot->replot();
    QVERIFY(plot->yAxis->range().size() < y.size());
    QCOMPARE(chart.toolTipAt(top(1200)), u"diverged\nloss: +inf at step %1"_s.arg(locale.toString(1200)));
    QVERIFY(reddish(plot->toPixmap().toImage().pixelColor(top(1200) + QPoint(0, 2))));
    // A hidden series hides its markers.
    chart.setSeriesVisible(u"run"_s, false);
    QVERIFY(chart.toolTipAt(top(1200)).isEmpty());
    QVERIFY(!reddish(plot->toPixmap().toImage().pixelColor(top(1200) + QPoint(0, 2))));
}

void TestCharts::bandAndLineShareTheirLevel()
{
    // 200,000 noisy steps: at every zoom, raw and smoothed, the band is drawn through the very
    // points the line draws, and holds each of them; unsmoothed behind all points there is no band.
    md::MetricChart chart;
    constexpr int kSteps = 200000;
    QList<md::MetricPoint> points;
    quint32 seed = 5;
    double v = 1;
    for (int s = 0; s < kSteps; ++s) {
        seed = seed * 1664525u + 1013904223u;
        v = 0.9999 * v + 0.02 * ((double(seed >> 8) / double(1 << 24)) - 0.5);
        points.append(md::MetricPoint{u"loss"_s, v, 1795736000000 + s, s});
    }
    showChart(chart, points);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    const QCPGraph *line = chart.graph(u"run"_s);
    const md::EnvelopeBand *band = chart.band(u"run"_s);
    for (const double smoothing : {0.0, 0.9}) {
        chart.setSmoothing(smoothing);
        for (const double width : {0.0, 100000.0, 30000.0, 10000.0, 100.0}) {
            if (width == 0)
                chart.resetView();
            else
                plot->xAxis->setRange(100000, 100000 + width);
            plot->replot();
            const QString where = u"smoothing %1, %2 steps"_s.arg(smoothing).arg(width);
            const bool thinned = line->dataCount() < kSteps;
            if (width == 0 || width == 100)
                QCOMPARE(thinned, width == 0);
            QVERIFY2(band->visible() == (thinned || smoothing > 0), qPrintable(where));
            if (!band->visible())
                continue;
            const md::ChartEnvelope &e = band->envelope();
            QCOMPARE(e.x, keysOf(line));
            const QVector<double> values = valuesOf(line);
            qsizetype wide = 0;
            for (qsizetype i = 0; i < values.size(); ++i) {
                const double lo = std::min(e.min.at(i), e.max.at(i));
                const double hi = std::max(e.min.at(i), e.max.at(i));
                QVERIFY2(lo <= values.at(i) && values.at(i) <= hi, qPrintable(where + u", point %1"_s.arg(i)));
                wide += hi > lo ? 1 : 0;
            }
            // A band that shows a spread: each slice's range around its points.
            QVERIFY2(wide > values.size() / 2, qPrintable(where));
        }
    }
    // Without the envelope, no band at any zoom.
    chart.setEnvelopeVisible(false);
    chart.resetView();
    plot->replot();
    QVERIFY(!band->visible());
}

void TestCharts::denseBandFillsThePolygonsPixels()
{
    // 20 smoothed runs of 20,000 steps: wide bands from a level of detail, which the screen gets
    // as rectangles of the antialiased polygon's coverage; the polygon itself gives the same
    // pixels but for rounding.
    md::MetricChart chart;
    chart.setSecondThread(false);
    showNoisySeries(chart, 20, 20000);
    chart.setSmoothing(0.95);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    const auto fill = [&chart](bool rects) {
        for (const QString &id : chart.seriesIds())
            chart.band(id)->setPixelFill(rects);
    };
    for (const auto &[from, to] : {std::pair(-200.0, 20200.0), std::pair(3000.0, 9000.0)}) {
        plot->xAxis->setRange(from, to);
        fill(true);
        const QImage rects = replotted(plot);
        QCOMPARE(visibleBands(plot), 20);
        fill(false);
        const QImage polygon = replotted(plot);
        QVERIFY(rects.save(u"/tmp/charts-band-rects.png"_s));
        const int difference = largestDifference(rects, polygon);
        QVERIFY2(difference <= 4, qPrintable(u"%1 … %2: %3"_s.arg(from).arg(to).arg(difference)));
    }
    // The bands are in those pictures: without them it is another.
    const QImage withBands = replotted(plot);
    chart.setEnvelopeVisible(false);
    QVERIFY(largestDifference(withBands, replotted(plot)) > 20);
}

void TestCharts::secondThreadDrawsTheSamePicture()
{
    // 20 runs of 20,000 steps (raw, then smoothed with bands; whole range and zoomed): a replot
    // draws the upper runs on a second thread and lays them over the lower ones. The picture is
    // the one the GUI thread draws alone but for rounding; the runs cross, so a wrong order or
    // place would show.
    md::MetricChart chart;
    showNoisySeries(chart, 20, 20000);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    if (QThread::idealThreadCount() < 2) {
        // One core: a second thread would only take turns with the first, so the chart draws alone.
        chart.setSecondThread(true);
        replotted(plot);
        QVERIFY(!chart.lastReplotUsedSecondThread());
        return;
    }
    for (const double smoothing : {0.0, 0.95}) {
        chart.setSmoothing(smoothing);
        for (const auto &[from, to] : {std::pair(-200.0, 20200.0), std::pair(3000.0, 5000.0)}) {
            plot->xAxis->setRange(from, to);
            chart.setSecondThread(true);
            const QImage two = replotted(plot);
            QVERIFY(chart.lastReplotUsedSecondThread());
            chart.setSecondThread(false);
            const QImage one = replotted(plot);
            QVERIFY(!chart.lastReplotUsedSecondThread());
            // Long lines are 1 px, drawn by Qt's cosmetic stroker, which clips a line at the
            // plot's right edge on its own terms in each picture: the last column of the plot
            // may differ there (4 pixels of 600,000 did).
            QImage oneInside = one;
            QImage twoInside = two;
            const QRect inside = plot->axisRect()->rect();
            for (QImage *image : {&oneInside, &twoInside})
                for (int y = 0; y < image->height(); ++y)
                    for (int x = inside.right() - 1; x <= inside.right() + 1; ++x)
                        image->setPixel(x, y, qRgb(0, 0, 0));
            QVERIFY(largestDifference(one, two) <= 40);
            const int difference = largestDifference(oneInside, twoInside);
            QVERIFY2(difference <= 6, qPrintable(u"smoothing %1, %2 … %3: %4"_s.arg(smoothing).arg(from).arg(to).arg(difference)));
        }
    }
    // A few short series are not worth a thread.
    md::MetricChart small;
    showNoisySeries(small, 3, 500);
    small.plot()->replot();
    QVERIFY(!small.lastReplotUsedSecondThread());
}

void TestCharts::wheelZoomsXAndCtrlWheelY()
{
    md::MetricChart chart;
    showFallingLoss(chart);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    const QPoint at = plot->axisRect()->rect().center() + QPoint(60, 0);
    const double under = plot->xAxis->pixelToCoord(at.x());
    // The wheel: the steps zoom in around the mouse, the values stay.
    wheelAt(plot, at);
    QVERIFY2(plot->xAxis->range().size() < 0.9 * x.size(), qPrintable(QString::number(plot->xAxis->range().size())));
    QVERIFY(std::abs(plot->xAxis->pixelToCoord(at.x()) - under) < 1e-6 * x.size());
    QVERIFY(sameRange(plot->yAxis->range(), y));
    // Ctrl+wheel: the values zoom, the steps stay.
    const QCPRange zoomedX = plot->xAxis->range();
    wheelAt(plot, at, Qt::ControlModifier);
    QVERIFY(plot->yAxis->range().size() < 0.9 * y.size());
    QVERIFY(sameRange(plot->xAxis->range(), zoomedX));
    // Ctrl+0 fits both again.
    QVERIFY(focusPlot(chart));
    QTest::keyClick(plot, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(sameRange(plot->xAxis->range(), x));
    QVERIFY(sameRange(plot->yAxis->range(), y));
}

void TestCharts::dragBoxZooms()
{
    md::MetricChart chart;
    showFallingLoss(chart);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    auto *rubberBand = plot->findChild<QRubberBand *>();
    QVERIFY(rubberBand);
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    const QRect rect = plot->axisRect()->rect();
    const QPoint from = rect.topLeft() + QPoint(100, 60);
    const QPoint to = from + QPoint(240, 150);
    const QCPRange wantX(plot->xAxis->pixelToCoord(from.x()), plot->xAxis->pixelToCoord(to.x()));
    const QCPRange wantY(plot->yAxis->pixelToCoord(to.y()), plot->yAxis->pixelToCoord(from.y()));

    // A left drag draws the box while the button is down, then zooms both axes to it.
    QTest::mousePress(plot, Qt::LeftButton, {}, from);
    QTest::mouseMove(plot, from + QPoint(100, 50));
    QTest::mouseMove(plot, to);
    QVERIFY(rubberBand->isVisible());
    QCOMPARE(rubberBand->geometry(), QRect(from, to).normalized());
    QVERIFY(sameRange(plot->xAxis->range(), x));  // nothing moves before the release
    QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
    QVERIFY(!rubberBand->isVisible());
    QVERIFY2(sameRange(plot->xAxis->range(), wantX),
             qPrintable(u"%1 … %2"_s.arg(plot->xAxis->range().lower).arg(plot->xAxis->range().upper)));
    QVERIFY(sameRange(plot->yAxis->range(), wantY));

    // A click draws no box and zooms nothing.
    const QCPRange zoomedX = plot->xAxis->range();
    const QCPRange zoomedY = plot->yAxis->range();
    QTest::mouseClick(plot, Qt::LeftButton, {}, rect.center());
    QVERIFY(sameRange(plot->xAxis->range(), zoomedX));
    QVERIFY(sameRange(plot->yAxis->range(), zoomedY));

    // A drag along the x axis (a box 2 px high) zooms the steps only.
    const QPoint left = rect.center() - QPoint(150, 0);
    const QPoint right = rect.center() + QPoint(50, 2);
    const QCPRange stripX(plot->xAxis->pixelToCoord(left.x()), plot->xAxis->pixelToCoord(right.x()));
    QTest::mousePress(plot, Qt::LeftButton, {}, left);
    QTest::mouseMove(plot, right);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, right);
    QVERIFY(sameRange(plot->xAxis->range(), stripX));
    QVERIFY(sameRange(plot->yAxis->range(), zoomedY));

    // Esc drops a box being drawn.
    const QCPRange stripY = plot->yAxis->range();
    QTest::mousePress(plot, Qt::LeftButton, {}, from);
    QTest::mouseMove(plot, to);
    QVERIFY(rubberBand->isVisible());
    QTest::keyClick(plot, Qt::Key_Escape);
    QVERIFY(!rubberBand->isVisible());
    QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
    QVERIFY(sameRange(plot->xAxis->range(), stripX));
    QVERIFY(sameRange(plot->yAxis->range(), stripY));

    // A double click fits the data again.
    QTest::mouseDClick(plot, Qt::LeftButton, {}, rect.center());
    QVERIFY(sameRange(plot->xAxis->range(), x));
    QVERIFY(sameRange(plot->yAxis->range(), y));
}

void TestCharts::middleAndSpaceDragPan()
{
    md::MetricChart chart;
    showFallingLoss(chart);
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCustomPlot *plot = chart.plot();
    auto *rubberBand = plot->findChild<QRubberBand *>();
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    const QPoint from = plot->axisRect()->rect().center();
    const QPoint to = from + QPoint(120, -60);
    // Moving the mouse right and up moves the data with it: the view goes left and down.
    const double dx = plot->xAxis->pixelToCoord(from.x()) - plot->xAxis->pixelToCoord(to.x());
    const double dy = plot->yAxis->pixelToCoord(from.y()) - plot->yAxis->pixelToCoord(to.y());
    QVERIFY(dx < 0 && dy < 0);
    const QCPRange pannedX(x.lower + dx, x.upper + dx);
    const QCPRange pannedY(y.lower + dy, y.upper + dy);

    QTest::mousePress(plot, Qt::MiddleButton, {}, from);
    QTest::mouseMove(plot, from + QPoint(30, -10));
    QTest::mouseMove(plot, to);
    QVERIFY(!rubberBand->isVisible());
    QVERIFY(sameRange(plot->xAxis->range(), pannedX));  // the view follows the mouse
    QTest::mouseRelease(plot, Qt::MiddleButton, {}, to);
    QVERIFY(sameRange(plot->xAxis->range(), pannedX));
    QVERIFY(sameRange(plot->yAxis->range(), pannedY));

    // Space held down: the left button pans too, and draws no box.
    QVERIFY(focusPlot(chart));
    QTest::keyClick(plot, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(sameRange(plot->xAxis->range(), x));
    QTest::keyPress(plot, Qt::Key_Space);
    QTest::mousePress(plot, Qt::LeftButton, {}, from);
    QTest::mouseMove(plot, to);
    QVERIFY(!rubberBand->isVisible());
    QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
    QTest::keyRelease(plot, Qt::Key_Space);
    QVERIFY(sameRange(plot->xAxis->range(), pannedX));
    QVERIFY(sameRange(plot->yAxis->range(), pannedY));
    // Space released: the left button draws a box again.
    QTest::mousePress(plot, Qt::LeftButton, {}, from);
    QTest::mouseMove(plot, to);
    QVERIFY(rubberBand->isVisible());
    QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
    QVERIFY(plot->xAxis->range().size() < 0.5 * x.size());
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

void TestCharts::serverHistoriesOfManyRunsComeTogether()
{
    // A fresh cache of the test server (MLflow 2.10.2) holds each run's latest values only.
    md::test::TestServer server;
    QVERIFY(server.start());
    // No run running: the live rounds would fetch histories of their own meanwhile.
    const auto ended = md::test::runProcess(u"python3"_s,
        { u"-c"_s,
            u"import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"UPDATE runs SET status = 'FINISHED' WHERE status = 'RUNNING'\"); c.commit()"_s,
            server.dbPath() });
    QCOMPARE(ended.exitCode, 0);
    m_window.reset();
    m_cachePath = m_dir->filePath(u"server-cache.sqlite"_s);
    QVERIFY(startAndWait(server.url().toString()));
    QStringList ids;
    for (const md::Run &r : sweepRuns())
        if (ids.size() < 30 && md::latestFiniteValue(r, u"val_loss"_s))
            ids.append(r.runId);
    QCOMPARE(ids.size(), 30);
    // What the server holds: val_loss points of each of these runs.
    const auto counted = md::test::runProcess(u"python3"_s,
        { u"-c"_s,
            u"import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "[print(r, n) for r, n in c.execute(\"SELECT run_uuid, COUNT(*) FROM metrics WHERE key = 'val_loss' "
            "GROUP BY run_uuid\")]"_s,
            server.dbPath() });
    QCOMPARE(counted.exitCode, 0);
    QHash<QString, int> points;
    for (const QString &line : QString::fromUtf8(counted.out).split(u'\n', Qt::SkipEmptyParts))
        points.insert(line.section(u' ', 0, 0), line.section(u' ', 1).toInt());

    QVERIFY(m_window->showComparison(ids));
    m_window->pages()->setCurrentWidget(page());
    // The chart opens on the first metric; val_loss is chosen after it.
    QVERIFY(page()->metric() != u"val_loss"_s);
    QTRY_VERIFY(!page()->isLoading());
    QVERIFY(server.resetStats());
    QVERIFY(chooseMetric(u"val_loss"_s));
    QCOMPARE(chart()->seriesIds().size(), 30);
    int total = 0;
    for (const QString &id : std::as_const(ids)) {
        const QCPGraph *g = chart()->graph(id);
        QVERIFY2(g, qPrintable(id));
        QCOMPARE(g->dataCount(), points.value(id));
        total += g->dataCount();
    }
    QVERIFY2(total > 30, qPrintable(QString::number(total)));
    // Twenty runs an answer: two requests, not thirty one after the other.
    const QJsonObject asked = server.stats().value(u"requests"_s).toObject();
    QCOMPARE(asked.value(u"GET /ajax-api/2.0/mlflow/metrics/get-history-bulk"_s).toInt(), 2);
    QCOMPARE(asked.value(u"GET /api/2.0/mlflow/metrics/get-history"_s).toInt(), 0);
    QVERIFY(page()->infoLabel()->text().isEmpty());
}
