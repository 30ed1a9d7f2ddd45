// SPDX-License-Identifier: GPL-3.0-or-later
// View › Theme and --theme as a person meets them: the menu switches the whole window at once —
// tables, charts, comparison colours, timeline, key-metric chart — the choice survives a new
// window, --theme overrides it for one run without storing it, and the palettes and icons keep
// their contrast in both looks. Offscreen (QT_QPA_PLATFORM=offscreen).
#include "GuiSupport.h"
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ChartsPage.h"
#include "gui/ComparisonPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/MetricChart.h"
#include "gui/ModelsPage.h"
#include "gui/QCustomPlotInclude.h"
#include "gui/RunsPage.h"
#include "gui/Theme.h"
#include "models/ComparisonModel.h"
#include "models/ExperimentsModel.h"
#include "models/Resources.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using md::MainWindow;
using md::Theme;

namespace {

constexpr int kImportTimeoutMs = 60000;

QString fixtureUri()
{
    return QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString();
}

/// WCAG's contrast ratio of two colours (1 … 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// The colour of `widget`'s pixel a few pixels in from its bottom-right corner, as drawn now.
QColor cornerColour(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    return image.pixelColor(image.width() - 4, image.height() - 4);
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void namesAreParsed_data();
    void namesAreParsed();
    void palettesKeepContrast();
    void iconsReadOnBothBases();
    void menuSwitchesTheWholeWindow();
    void choiceSurvivesANewWindow();
    void commandLineOverridesForOneRun();
    void commandLineParsesTheme();

private:
    /// Opens View › Theme with the keyboard (Alt+V, T) and presses `key`, the mnemonic of a mode.
    void chooseTheme(Qt::Key key);
    MainWindow *makeWindow(std::optional<Theme::Mode> theme = std::nullopt);
    bool startAndWait(const QString &uri);
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
    QPalette m_platformPalette;
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    md::MessageBox::setHeadless(true);
    m_platformPalette = QApplication::palette();
    Theme::apply(Theme::Mode::System);  // remembers the platform's look
}

void TestTheme::init()
{
    md::Settings::instance().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(u"cache.sqlite"_s);
}

void TestTheme::cleanup()
{
    m_window.reset();
    // The next test starts as the application does: with the platform's look.
    Theme::apply(Theme::Mode::System);
    m_dir.reset();
}

MainWindow *TestTheme::makeWindow(std::optional<Theme::Mode> theme)
{
    md::MainWindowOptions options{m_cachePath};
    options.theme = theme;
    m_window = md::test::showMainWindow(options);
    return m_window.get();
}

bool TestTheme::startAndWait(const QString &uri)
{
    return makeWindow() && md::test::startUpAndWait(*m_window, uri, kImportTimeoutMs);
}

void TestTheme::chooseTheme(Qt::Key key)
{
    auto *view = m_window->findChild<QMenu *>(u"menuView"_s);
    auto *themes = m_window->findChild<QMenu *>(u"menuTheme"_s);
    QVERIFY(view && themes);
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(view->isVisible());
    QTest::keyClick(view, Qt::Key_T);
    QTRY_VERIFY(themes->isVisible());
    QTest::keyClick(themes, key);
    QTRY_VERIFY(!themes->isVisible() && !view->isVisible());
}

void TestTheme::namesAreParsed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("mode");  // -1: not a theme
    QTest::newRow("dark") << u"dark"_s << int(Theme::Mode::Dark);
    QTest::newRow("any case, blanks") << u" Light "_s << int(Theme::Mode::Light);
    QTest::newRow("system") << u"SYSTEM"_s << int(Theme::Mode::System);
    QTest::newRow("unknown") << u"purple"_s << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("prefix") << u"dar"_s << -1;
}

void TestTheme::namesAreParsed()
{
    QFETCH(QString, name);
    QFETCH(int, mode);
    const std::optional<Theme::Mode> parsed = Theme::fromName(name);
    QCOMPARE(parsed ? int(*parsed) : -1, mode);
    if (parsed)
        QVERIFY(Theme::fromName(Theme::name(*parsed)) == parsed);
}

void TestTheme::palettesKeepContrast()
{
    for (const QPalette &p : {Theme::lightPalette(), Theme::darkPalette()}) {
        const bool dark = Theme::isDark(p);
        const QString which = dark ? u"dark"_s : u"light"_s;
        // Text: WCAG AAA; hints, links and grid lines: readable; selection: AA.
        QVERIFY2(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 7, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::ButtonText), p.color(QPalette::Button)) >= 7, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase)) >= 7, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.5, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5, qPrintable(which));
        QVERIFY2(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) >= 2, qPrintable(which));
        // Grid lines and separators (timeline, key-metric chart, legend border) are drawn with Mid.
        QVERIFY2(contrast(p.color(QPalette::Mid), p.color(QPalette::Base)) >= 1.8, qPrintable(which));
        // Better and worse in the comparison stay readable on this base.
        QVERIFY2(contrast(md::ComparisonModel::improvedColour(p), p.color(QPalette::Base)) >= 4.5, qPrintable(which));
        QVERIFY2(contrast(md::ComparisonModel::regressedColour(p), p.color(QPalette::Base)) >= 4.5, qPrintable(which));
    }
    QVERIFY(Theme::isDark(Theme::darkPalette()));
    QVERIFY(!Theme::isDark(Theme::lightPalette()));
    // Opaque hint text on dark: alpha would blend it into whatever is below.
    QVERIFY(contrast(Theme::darkPalette().color(QPalette::PlaceholderText), Theme::darkPalette().color(QPalette::Base)) >= 4.5);
}

void TestTheme::iconsReadOnBothBases()
{
    // Non-text graphics need 3:1 against what they are drawn on (WCAG 1.4.11): most of each icon
    // of the tree and the runs table — all but its inner details, like a status disc's white
    // glyph — stands out from the light and from the dark Base.
    md::ensureResources();
    const QDir icons(u":/icons"_s);
    const QStringList files = icons.entryList({u"*.svg"_s}, QDir::Files);
    QVERIFY(files.size() >= 8);
    for (const QString &file : files) {
        if (file == u"modeldesk.svg"_s)  // the application icon brings its own background
            continue;
        const QImage image = QIcon(icons.filePath(file)).pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
        QVERIFY2(!image.isNull(), qPrintable(file));
        for (const QPalette &p : {Theme::lightPalette(), Theme::darkPalette()}) {
            const QColor base = p.color(QPalette::Base);
            int drawn = 0, standing = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c.alpha() < 128)
                        continue;
                    ++drawn;
                    if (contrast(QColor(c.rgb()), base) >= 3.0)
                        ++standing;
                }
            QVERIFY2(drawn > 50, qPrintable(file));
            QVERIFY2(standing >= drawn * 6 / 10,
                     qPrintable(u"%1 on %2: %3 of %4 pixels at 3:1"_s.arg(file, base.name()).arg(standing).arg(drawn)));
        }
    }
}

void TestTheme::menuSwitchesTheWholeWindow()
{
    QVERIFY(startAndWait(fixtureUri()));
    QCOMPARE(Theme::current(), Theme::Mode::System);
    QVERIFY(action("actionThemeSystem")->isChecked());
    const QString platformStyle = QApplication::style()->name();

    // Something in every place that draws for itself: a comparison with its charts.
    QTableView *runs = m_window->runsPage()->table();
    QTRY_VERIFY(runs->model()->rowCount() >= 2);
    runs->setFocus();
    QTest::keyClick(runs, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(runs, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_window->pages()->currentWidget(), m_window->comparisonPage());
    md::ComparisonPage *comparison = m_window->comparisonPage();
    auto *comparisonTable = comparison->findChild<QTableView *>(u"comparisonTable"_s);
    QVERIFY(comparisonTable);
    // A cell better or worse than the baseline.
    QModelIndex delta;
    const QAbstractItemModel *cm = comparisonTable->model();
    for (int r = 0; r < cm->rowCount() && !delta.isValid(); ++r)
        for (int c = 0; c < cm->columnCount() && !delta.isValid(); ++c)
            if (const auto outcome = md::CellOutcome(cm->index(r, c).data(md::ComparisonModel::OutcomeRole).toInt());
                outcome == md::CellOutcome::Improved || outcome == md::CellOutcome::Regressed)
                delta = cm->index(r, c);
    QVERIFY(delta.isValid());
    m_window->pages()->setCurrentWidget(m_window->chartsPage());
    QCustomPlot *plot = m_window->chartsPage()->chart()->plot();
    QTRY_VERIFY(plot->graphCount() > 0 || plot->plottableCount() > 0);

    chooseTheme(Qt::Key_D);
    QCOMPARE(Theme::current(), Theme::Mode::Dark);
    QVERIFY(action("actionThemeDark")->isChecked());
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    QCOMPARE(QApplication::palette().color(QPalette::Base), Theme::darkPalette().color(QPalette::Base));
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::Theme).toString(), u"dark"_s);
    // At once, without waiting for the event loop: the window and the pages have the dark palette.
    QVERIFY(Theme::isDark(m_window->palette()));
    QVERIFY(Theme::isDark(runs->palette()));

    // The chart: background, axes, ticks, grid, legend follow the palette.
    const QColor text = Theme::darkPalette().color(QPalette::WindowText);
    QCOMPARE(plot->xAxis->tickLabelColor(), text);
    QCOMPARE(plot->yAxis->labelColor(), text);
    QCOMPARE(plot->xAxis->basePen().color(), text);
    QCOMPARE(plot->legend->textColor(), text);
    QVERIFY(plot->legend->brush().color().lightness() < 80);
    QVERIFY(plot->xAxis->grid()->pen().color().lightness() > 128);
    QVERIFY2(cornerColour(plot).lightness() < 80, qPrintable(cornerColour(plot).name()));

    // The comparison: the delta colours are the dark palette's.
    const auto outcome = md::CellOutcome(delta.data(md::ComparisonModel::OutcomeRole).toInt());
    const QColor expected = outcome == md::CellOutcome::Improved ? md::ComparisonModel::improvedColour(Theme::darkPalette())
                                                                 : md::ComparisonModel::regressedColour(Theme::darkPalette());
    QCOMPARE(delta.data(Qt::ForegroundRole).value<QColor>(), expected);
    QVERIFY(delta.data(Qt::BackgroundRole).value<QColor>().lightness() < 80);
    m_window->pages()->setCurrentWidget(comparison);
    QVERIFY2(cornerColour(comparisonTable->viewport()).lightness() < 80,
             qPrintable(cornerColour(comparisonTable->viewport()).name()));

    // The runs table and the Models tab's timeline and key-metric chart are drawn dark.
    m_window->pages()->setCurrentWidget(m_window->runsPage());
    QVERIFY(cornerColour(runs->viewport()).lightness() < 80);
    m_window->pages()->setCurrentWidget(m_window->modelsPage());
    for (const char *name : {"timeline", "keyMetricChart"}) {
        QWidget *w = m_window->modelsPage()->findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(w, name);
        QVERIFY2(cornerColour(w).lightness() < 80, name);
    }

    // Light: Fusion with a light palette; System: what the platform gave, style and palette.
    chooseTheme(Qt::Key_L);
    QCOMPARE(Theme::current(), Theme::Mode::Light);
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
    QVERIFY(!Theme::isDark(runs->palette()));
    QCOMPARE(plot->xAxis->tickLabelColor(), QColor(Qt::black));
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::Theme).toString(), u"light"_s);
    chooseTheme(Qt::Key_S);
    QCOMPARE(Theme::current(), Theme::Mode::System);
    QCOMPARE(QApplication::style()->name(), platformStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Base), m_platformPalette.color(QPalette::Base));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_platformPalette.color(QPalette::Text));
    // Handed back to the platform, not pinned: a later change of the desktop's colours shows.
    QCOMPARE(QApplication::palette().resolveMask(), m_platformPalette.resolveMask());
    QCOMPARE(md::Settings::instance().value(md::Settings::Key::Theme).toString(), u"system"_s);
}

void TestTheme::choiceSurvivesANewWindow()
{
    QVERIFY(makeWindow());
    chooseTheme(Qt::Key_D);
    QVERIFY(Theme::isDark(QApplication::palette()));
    m_window->close();
    m_window.reset();
    // As a new start of the application would: the platform's look until the window reads the choice.
    Theme::apply(Theme::Mode::System);
    QVERIFY(!Theme::isDark(QApplication::palette()));

    QVERIFY(makeWindow());
    QCOMPARE(Theme::current(), Theme::Mode::Dark);
    QVERIFY(action("actionThemeDark")->isChecked());
    QVERIFY(!action("actionThemeSystem")->isChecked());
    QVERIFY(Theme::isDark(m_window->palette()));
    QVERIFY(Theme::isDark(m_window->runsPage()->table()->palette()));
}

void TestTheme::commandLineOverridesForOneRun()
{
    Theme::store(Theme::Mode::Dark);
    QVERIFY(makeWindow(Theme::Mode::Light));
    QCOMPARE(Theme::current(), Theme::Mode::Light);
    QVERIFY(action("actionThemeLight")->isChecked());
    QVERIFY(!Theme::isDark(m_window->palette()));
    // Not stored: the next start without --theme is dark again.
    QCOMPARE(Theme::stored(), Theme::Mode::Dark);
    m_window->close();
    QCOMPARE(Theme::stored(), Theme::Mode::Dark);
}

void TestTheme::commandLineParsesTheme()
{
    // The real binary, as a person starts it; --screenshot reads and writes no settings.
    const auto shot = [&](const QStringList &themeArgs, const QString &name) {
        const QString file = m_dir->filePath(name);
        const auto result = md::test::runProcess(
            QStringLiteral(MD_GUI_PATH), QStringList{fixtureUri(), u"--cache"_s, m_cachePath, u"--screenshot"_s, file} + themeArgs);
        if (result.exitCode != 0)
            qWarning() << result.err;
        return QImage(file);
    };
    // A pixel of the experiments tree's empty area, low on the left.
    const auto treeColour = [](const QImage &image) { return image.pixelColor(60, image.height() - 60); };

    const QImage dark = shot({u"--theme"_s, u"dark"_s}, u"dark.png"_s);
    QVERIFY(!dark.isNull());
    QVERIFY2(treeColour(dark).lightness() < 80, qPrintable(treeColour(dark).name()));
    const QImage light = shot({u"--theme=Light"_s}, u"light.png"_s);
    QVERIFY(!light.isNull());
    QVERIFY2(treeColour(light).lightness() > 200, qPrintable(treeColour(light).name()));

    const auto wrong = md::test::runProcess(QStringLiteral(MD_GUI_PATH), {u"--theme"_s, u"purple"_s});
    QCOMPARE(wrong.exitCode, 2);
    const QString err = QString::fromUtf8(wrong.err);
    QVERIFY2(err.contains(u"--theme"_s) && err.contains(u"system, light, dark"_s), qPrintable(err));

    const auto help = md::test::runProcess(QStringLiteral(MD_GUI_PATH), {u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(QString::fromUtf8(help.out).contains(u"--theme <THEME>"_s));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
