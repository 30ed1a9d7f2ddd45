// SPDX-License-Identifier: GPL-3.0-or-later
// Security check of issue 6: nothing a store or server sends (run names, tags, params, descriptions)
// is ever run, opened or rendered as rich text. A copy of the file-store fixture gets hostile values
// (HTML, `$(…)` and backticks, a 1 MB string, control characters) in a run of car_price, the
// experiment's description and the registered model and its versions; then the real main window
// is driven like a person: runs table, comparison, charts, Models view and the version card.
#include "TestSupport.h"

#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ChartsPage.h"
#include "gui/MetricChart.h"
#include "gui/QCustomPlotInclude.h"
#include "gui/ComparisonPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/ModelsPage.h"
#include "gui/RunsPage.h"
#include "gui/VersionDetailsWidget.h"
#include "models/ComparisonModel.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"
#include "models/VersionsModel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>
#include <QUrl>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using md::ExperimentsModel;
using md::MainWindow;
using md::RunsTableModel;
using md::VersionsModel;

namespace {

constexpr int kImportTimeoutMs = 120000;
const QString kCarPrice = u"841587320559560834"_s;
const QString kRun = u"7d7c9949f52c4a02bac3677187794007"_s;  // Linear Regression

/// The part of every hostile value a rich-text renderer would turn into bold text, an image and a link.
const QString kHtml = u"<b>hostile</b><img src=\"file:///etc/passwd\"><a href=\"x\">link</a>"_s;
/// Control characters: SOH, an ANSI colour escape, a carriage return and RIGHT-TO-LEFT OVERRIDE.
const QString kControl = u"ctl\x01\x1b[31mred\rback\u202eevil"_s;

/// YAML double-quoted scalar of `s`, with control characters escaped as yaml-cpp reads them.
QByteArray yamlQuoted(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c.unicode() < 0x20)
            out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else if (c.unicode() == 0x202e)
            out += u"\\u202E"_s;
        else
            out += c;
    }
    return (out + u'"').toUtf8();
}

/// Replaces the line starting with `key:` in a meta.yaml file (or appends it).
bool setYamlKey(const QString &path, const QByteArray &key, const QString &value)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    const QByteArray line = key + ": " + yamlQuoted(value);
    bool replaced = false;
    for (QByteArray &l : lines)
        if (l.startsWith(QByteArray(key + ':'))) {
            l = line;
            replaced = true;
        }
    if (!replaced)
        lines.insert(0, line);
    return md::test::writeFile(path, lines.join('\n'));
}

bool looksRich(const QString &text)
{
    return Qt::mightBeRichText(text);
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileValuesStayPlainText();
    void cleanupTestCase();

private:
    bool plant();
    bool startAndWait();
    void clickExperiment(const QString &name);
    /// Every tooltip (cells, headers, children) of `model` that holds the hostile HTML is not rich text.
    void checkToolTips(const QAbstractItemModel *model, const QString &what, const QModelIndex &parent = {},
                       int depth = 0);
    /// Every label and widget tooltip of the window that holds the hostile HTML is not rich text.
    void checkWidgets(const QString &where);
    void checkNothingRan();

    QTemporaryDir m_dir;
    QString m_store;
    QString m_marker;
    QString m_shell;
    QString m_huge;
    std::unique_ptr<MainWindow> m_window;
    int m_hostileTipsSeen = 0;
    QStringList m_offenders;  // what a person would see rendered as rich text
    int m_hostileLabelsSeen = 0;
};

void TestHostile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_hostile"_s);
    md::MessageBox::setHeadless(true);
    md::Settings::instance().clear();
    QVERIFY(m_dir.isValid());
    m_marker = QDir::temp().filePath(u"md-pwned-"_s + QUuid::createUuid().toString(QUuid::Id128));
    m_shell = u"$(touch "_s + m_marker + u") `touch "_s + m_marker + u"-bt`; touch "_s + m_marker + u"-semi"_s;
    m_huge = kHtml + QString(1 << 20, u'x');  // 1 MB after the HTML
    QVERIFY(plant());
}

void TestHostile::cleanupTestCase()
{
    m_window.reset();
    for (const QString &suffix : {u""_s, u"-bt"_s, u"-semi"_s})
        QFile::remove(m_marker + suffix);
}

bool TestHostile::plant()
{
    m_store = m_dir.filePath(u"mlruns"_s);
    if (!md::test::copyTree(md::test::dataPath(u"mlruns"_s), m_store))
        return false;
    const QString exp = m_store + u'/' + kCarPrice;
    const QString run = exp + u'/' + kRun;
    const QString name = kHtml + u' ' + m_shell + u' ' + kControl;
    bool ok = md::test::writeFile(run + u"/tags/mlflow.runName"_s, name.toUtf8())
        && setYamlKey(run + u"/meta.yaml"_s, "run_name", name)
        && md::test::writeFile(run + u"/tags/hostile_tag"_s, (kHtml + kControl + m_shell).toUtf8())
        && md::test::writeFile(run + u"/tags/huge_tag"_s, m_huge.toUtf8())
        && md::test::writeFile(run + u"/params/hostile_param"_s, (kHtml + u' ' + m_shell).toUtf8())
        && md::test::writeFile(run + u"/params/huge_param"_s, m_huge.toUtf8())
        && md::test::writeFile(exp + u"/tags/mlflow.note.content"_s, (kHtml + u'\n' + m_shell).toUtf8());
    const QString model = m_store + u"/models/car_price_model"_s;
    ok = ok && setYamlKey(model + u"/meta.yaml"_s, "description", kHtml + u' ' + m_shell + u' ' + kControl)
        && md::test::writeFile(model + u"/tags/hostile"_s, (kHtml + m_shell).toUtf8())
        && setYamlKey(model + u"/version-4/meta.yaml"_s, "description", kHtml + u' ' + m_shell + u' ' + kControl)
        && md::test::writeFile(model + u"/version-4/tags/hostile"_s, (kHtml + kControl).toUtf8())
        && setYamlKey(model + u"/version-3/meta.yaml"_s, "description", m_huge)
        && md::test::writeFile(model + u"/version-3/tags/huge"_s, m_huge.toUtf8());
    return ok;
}

bool TestHostile::startAndWait()
{
    const QString cache = m_dir.filePath(u"cache.sqlite"_s);
    m_window = std::make_unique<MainWindow>(md::MainWindowOptions{cache, md::Journal::defaultPathFor(cache)});
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
    m_window->startUp(QUrl::fromLocalFile(m_store).toString());
    if (!finished.wait(kImportTimeoutMs) && finished.isEmpty())
        return false;
    if (!finished.first().at(0).toBool())
        qWarning() << "startup failed:" << finished.first().at(1).toString().left(500);
    return finished.first().at(0).toBool();
}

void TestHostile::clickExperiment(const QString &name)
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
}

void TestHostile::checkToolTips(const QAbstractItemModel *model, const QString &what, const QModelIndex &parent,
                                int depth)
{
    const auto check = [&](const QString &tip, const QString &where) {
        if (!tip.contains(u"<b>hostile</b>"_s))
            return;
        ++m_hostileTipsSeen;
        if (looksRich(tip))
            m_offenders.append(u"%1 %2: rich-text tooltip: %3"_s.arg(what, where, tip.left(120)));
    };
    if (!parent.isValid()) {
        for (int c = 0; c < model->columnCount(); ++c)
            check(model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString(), u"header %1"_s.arg(c));
        for (int r = 0; r < model->rowCount(); ++r)
            check(model->headerData(r, Qt::Vertical, Qt::ToolTipRole).toString(), u"row header %1"_s.arg(r));
    }
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex idx = model->index(r, c, parent);
            check(idx.data(Qt::ToolTipRole).toString(), u"cell %1,%2 (depth %3)"_s.arg(r).arg(c).arg(depth));
            if (c == 0 && depth < 2 && model->hasChildren(idx))
                checkToolTips(model, what, idx, depth + 1);
        }
}

void TestHostile::checkWidgets(const QString &where)
{
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const QString tip = w->toolTip();
        if (tip.contains(u"<b>hostile</b>"_s)) {
            ++m_hostileTipsSeen;
            if (looksRich(tip))
                m_offenders.append(u"%1: tooltip of %2 %3 is rich text: %4"_s.arg(
                    where, QString::fromLatin1(w->metaObject()->className()), w->objectName(), tip.left(120)));
        }
        if (auto *label = qobject_cast<QLabel *>(w); label && label->text().contains(u"<b>hostile</b>"_s)) {
            ++m_hostileLabelsSeen;
            const bool plain = label->textFormat() == Qt::PlainText
                || (label->textFormat() == Qt::AutoText && !looksRich(label->text()));
            if (!plain)
                m_offenders.append(u"%1: label %2 shows store data as rich text: %3"_s.arg(
                    where, label->objectName(), label->text().left(120)));
        }
    }
}

void TestHostile::checkNothingRan()
{
    for (const QString &suffix : {u""_s, u"-bt"_s, u"-semi"_s})
        QVERIFY2(!QFile::exists(m_marker + suffix), qPrintable(m_marker + suffix + u" was created"_s));
}

void TestHostile::hostileValuesStayPlainText()
{
    QElapsedTimer clock;
    clock.start();
    QVERIFY(startAndWait());
    // How long the 1 MB values took to import, for the log; speed is the benchmarks' business.
    qInfo("import took %lld ms", static_cast<long long>(clock.elapsed()));
    checkToolTips(m_window->experimentsModel(), u"experiments"_s);

    // Runs table of car_price: the hostile run name is shown as it is, never interpreted.
    clickExperiment(u"car_price"_s);
    QTableView *runs = m_window->runsPage()->table();
    QTRY_COMPARE(runs->model()->rowCount(), 4);
    QStringList names;
    for (int r = 0; r < runs->model()->rowCount(); ++r)
        names.append(runs->model()->index(r, RunsTableModel::NameColumn).data().toString());
    QVERIFY2(names.join(u'|').contains(kHtml), qPrintable(names.join(u'|').left(400)));
    for (int c = 0; c < runs->model()->columnCount(); ++c)
        runs->scrollTo(runs->model()->index(0, c));  // paint every column, the 1 MB ones too
    QTest::qWait(50);
    checkToolTips(runs->model(), u"runs table"_s);
    checkWidgets(u"runs page"_s);

    // Compare the four runs (Ctrl+A, Ctrl+Return), then the charts.
    runs->setFocus();
    runs->selectAll();
    QTest::keyClick(runs, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->comparisonPage()));
    QTRY_VERIFY(m_window->comparisonPage()->model()->rowCount() > 0);
    m_window->comparisonPage()->differencesOnlyCheck()->setChecked(false);
    QTest::qWait(50);
    checkToolTips(m_window->comparisonPage()->model(), u"comparison"_s);
    checkToolTips(m_window->comparisonPage()->baselineCombo()->model(), u"baseline combo"_s);
    checkWidgets(u"comparison"_s);

    m_window->pages()->setCurrentWidget(m_window->chartsPage());
    QTest::qWait(200);
    checkWidgets(u"charts"_s);
    // Hover a point of the hostile run: the tooltip QToolTip shows must be plain text.
    md::MetricChart *chart = m_window->chartsPage()->chart();
    QWidget *plot = chart->plot();
    QPoint hostilePoint(-1, -1);
    for (int y = 0; y < plot->height() && hostilePoint.x() < 0; y += 2)
        for (int x = 0; x < plot->width(); x += 2)
            if (chart->toolTipAt(QPoint(x, y)).contains(u"<b>hostile</b>"_s)) {
                hostilePoint = QPoint(x, y);
                break;
            }
    QVERIFY2(hostilePoint.x() >= 0, "no chart point of the hostile run");
    QTest::mouseMove(plot, hostilePoint);
    QTRY_VERIFY(!QToolTip::text().isEmpty());
    ++m_hostileTipsSeen;
    if (QToolTip::text().contains(u"<b>hostile</b>"_s) && looksRich(QToolTip::text()))
        m_offenders.append(u"chart hover: rich-text tooltip: "_s + QToolTip::text().left(120));
    QToolTip::hideText();

    // The Models view and the card of every version (v3 has a 1 MB description).
    QVERIFY(m_window->showModel(u"car_price_model"_s));
    md::ModelsPage *models = m_window->modelsPage();
    QTRY_COMPARE(models->versionsModel()->rowCount(), 4);
    checkToolTips(models->modelsModel(), u"models list"_s);
    checkToolTips(models->versionsModel(), u"versions table"_s);
    QTableView *versions = models->versionsTable();
    for (const qint64 version : {4, 3}) {
        const int row = models->versionsModel()->rowOfVersion(version);
        QVERIFY(row >= 0);
        const QModelIndex idx = versions->model()->index(row, VersionsModel::StageColumn);
        versions->scrollTo(idx);
        QTest::mouseClick(versions->viewport(), Qt::LeftButton, {}, versions->visualRect(idx).center());
        QTest::qWait(100);
        auto *card = m_window->findChild<QTextBrowser *>(u"cardView"_s);
        QVERIFY(card);
        // The description reaches the card as text: the tags show, nothing became an image or link.
        QTRY_VERIFY_WITH_TIMEOUT(card->toPlainText().contains(u"<b>hostile</b>"_s), 10000);
        QVERIFY2(!card->toHtml().contains(u"<img"_s), "the card holds an image from store data");
        QVERIFY2(!card->toHtml().contains(u"href=\"x\""_s), "the card holds a link from store data");
        checkWidgets(u"version %1 card"_s.arg(version));
        }
    checkToolTips(models->versionsModel(), u"versions table"_s);

    // The hostile values were really on screen somewhere, so the checks above checked something.
    QVERIFY2(m_hostileTipsSeen > 0, "no tooltip held the hostile value");
    QVERIFY2(m_offenders.isEmpty(), qPrintable(u"\n"_s + m_offenders.join(u'\n')));
    checkNothingRan();
    QVERIFY(m_window->isVisible());
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
