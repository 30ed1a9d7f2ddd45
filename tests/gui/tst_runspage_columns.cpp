// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs page on a wide experiment, as a person scrolls it: a jump far down shows the values of
// the columns in view first (the rest of each row is read afterwards), and the columns scrolled
// into view then show theirs. Offscreen, on a cache of its own.
#include "TestSupport.h"

#include "cache/Cache.h"
#include "gui/RunsPage.h"
#include "models/RunsTableModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using md::RunsTableModel;

namespace {

constexpr int kRuns = 3000;
constexpr int kMetrics = 60;
constexpr int kParams = 20;

double valueOf(int run, int metric) { return run * 1000.0 + metric; }

} // namespace

class TestRunsPageColumns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jumpsShowTheColumnsInViewThenTheOthers();
    void rowsAskedBeforeThePaintArriveUnshown();

private:
    /// The rows and columns the view shows, each cell checked against what was written;
    /// empty when right, else the first wrong cell.
    static QString checkVisibleCells(const QTableView *view);
    /// Shows `page` (1000 × 600) with the wide experiment, all its rows loaded.
    void openWide(md::RunsPage &page);

    QTemporaryDir m_dir;
    md::Cache m_cache;
    qint64 m_source = 0;
};

void TestRunsPageColumns::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_cache.open(m_dir.filePath(u"wide.sqlite"_s)).ok());
    auto source = m_cache.ensureSource(u"file:///wide/mlruns"_s, u"file"_s);
    QVERIFY(source.ok());
    m_source = *source;
    md::Experiment e;
    e.experimentId = u"1"_s;
    e.name = u"wide"_s;
    QVERIFY(m_cache.writeExperiment(m_source, e).ok());
    QVERIFY(m_cache.beginBatch().ok());
    for (int i = 0; i < kRuns; ++i) {
        md::Run run = md::test::numberedRun(i);
        run.endTime = run.startTime + 500;
        for (int m = 0; m < kMetrics; ++m)
            run.latestMetrics.append(md::MetricPoint{u"metric_%1"_s.arg(m, 2, 10, QLatin1Char('0')), valueOf(i, m), run.startTime, 1});
        for (int p = 0; p < kParams; ++p)
            run.params.append(md::KeyValue{u"param_%1"_s.arg(p, 2, 10, QLatin1Char('0')), u"v%1-%2"_s.arg(p).arg(i)});
        QVERIFY(m_cache.writeRun(m_source, run).ok());
    }
    QVERIFY(m_cache.commitBatch().ok());
}

QString TestRunsPageColumns::checkVisibleCells(const QTableView *view)
{
    const QAbstractItemModel *model = view->model();
    const QHeaderView *header = view->horizontalHeader();
    const int first = view->rowAt(0);
    const int last = view->rowAt(view->viewport()->height() - 1);
    const int left = header->visualIndexAt(0);
    const int right = header->visualIndexAt(view->viewport()->width() - 1);
    if (first < 0 || left < 0)
        return u"nothing in view"_s;
    for (int r = first; r <= (last < 0 ? model->rowCount() - 1 : last); ++r) {
        const QString name = model->index(r, RunsTableModel::NameColumn).data().toString();
        const int run = name.mid(4).toInt();
        if (!name.startsWith(u"run-"_s))
            return u"row %1 shows \"%2\""_s.arg(r).arg(name);
        for (int v = left; v <= (right < 0 ? header->count() - 1 : right); ++v) {
            const int c = header->logicalIndex(v);
            const QString key = model->headerData(c, Qt::Horizontal, RunsTableModel::ColumnKeyRole).toString();
            const QString shown = model->index(r, c).data().toString();
            QString expected;
            if (key.startsWith(u"metric_"_s))
                expected = RunsTableModel::formatNumber(valueOf(run, key.mid(7).toInt()));
            else if (key.startsWith(u"param_"_s))
                expected = u"v%1-%2"_s.arg(key.mid(6).toInt()).arg(run);
            else
                continue;
            if (shown != expected)
                return u"row %1 (%2), %3: \"%4\" instead of \"%5\""_s.arg(r).arg(name, key, shown, expected);
        }
    }
    return {};
}

void TestRunsPageColumns::openWide(md::RunsPage &page)
{
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showExperiment(m_source, u"1"_s, u"wide"_s);
    QTRY_COMPARE(page.model()->rowCount(), kRuns);
}

void TestRunsPageColumns::jumpsShowTheColumnsInViewThenTheOthers()
{
    md::RunsPage page(&m_cache);
    openWide(page);
    if (QTest::currentTestFailed())
        return;
    QTableView *view = page.table();
    RunsTableModel *model = page.model();
    QTRY_VERIFY(!model->isLoading());
    QTRY_COMPARE(checkVisibleCells(view), QString());

    // Jump to the middle, as a dragged scroll bar does. When the rows in view arrive, the last
    // param (far to the right) is not read yet: only the columns in view were.
    const int lastParam = model->paramColumn(u"param_19"_s);
    QVERIFY(lastParam > 0);
    bool arrived = false;
    bool lastParamLoading = false;
    const int middle = kRuns / 2;
    const auto watch = connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &tl, const QModelIndex &br) {
        if (arrived || tl.row() > middle || br.row() < middle)
            return;
        arrived = true;
        lastParamLoading = model->index(middle, lastParam).data(RunsTableModel::LoadingRole).toBool();
    });
    view->scrollTo(model->index(middle, RunsTableModel::NameColumn), QAbstractItemView::PositionAtTop);
    // Painted now, before the rows can arrive (the scroll asked for them): they show "Loading…"
    // and are repainted when they come.
    view->viewport()->repaint();
    QTRY_VERIFY(arrived);
    disconnect(watch);
    QVERIFY(lastParamLoading);
    QTRY_COMPARE(checkVisibleCells(view), QString());
    QTRY_VERIFY(!model->isLoading());

    // Scrolled to the far right: the params in view show their values, read whole by now or
    // read when shown.
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
    QVERIFY(view->columnAt(view->viewport()->width() - 1) == lastParam || view->columnAt(view->viewport()->width() - 1) < 0);
    QTRY_COMPARE(checkVisibleCells(view), QString());
    // And back at the left after another jump, whose rows were read with the params in view.
    view->scrollTo(model->index(kRuns - 40, lastParam), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(checkVisibleCells(view), QString());
    view->horizontalScrollBar()->setValue(0);
    QTRY_COMPARE(checkVisibleCells(view), QString());
    QTRY_VERIFY(!model->isLoading());
    QVERIFY(model->readError().isEmpty());
}

void TestRunsPageColumns::rowsAskedBeforeThePaintArriveUnshown()
{
    md::RunsPage page(&m_cache);
    openWide(page);
    if (QTest::currentTestFailed())
        return;
    RunsTableModel *model = page.model();
    QTRY_VERIFY(!model->isLoading());

    // What a scroll does before the view paints: the rows it brings into view are asked for.
    // They arrive (and are read whole) without a repaint: no view showed them "Loading…".
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    const int first = 2000, last = 2030;
    model->fetchNow(first, last);
    QVERIFY(model->isLoading());
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(changed.count(), 0);
    const int lastParam = model->paramColumn(u"param_19"_s);
    for (int r = first; r <= last; ++r) {
        QVERIFY(!model->index(r, RunsTableModel::NameColumn).data(RunsTableModel::LoadingRole).toBool());
        QVERIFY(!model->index(r, lastParam).data(RunsTableModel::LoadingRole).toBool());
        const QString name = model->index(r, RunsTableModel::NameColumn).data().toString();
        QCOMPARE(model->index(r, lastParam).data().toString(), u"v19-%1"_s.arg(name.mid(4)));
    }
    // Nothing was asked for by reading them: they were held.
    QVERIFY(!model->isLoading());
}

QTEST_MAIN(TestRunsPageColumns)
#include "tst_runspage_columns.moc"
