// SPDX-License-Identifier: GPL-3.0-or-later
// Live runs (issue 14): a source with RUNNING runs syncs in the background; the runs table updates
// in place (selection kept, no reset), an open chart grows without losing its zoom, the status
// bar's badge shows the last sync's age, and syncing stops once no run is running. Against the
// REST test server with a run that logs while it runs, and a file store whose metric file grows.
#include "LiveRun.h"
#include "TestServer.h"
#include "TestSupport.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/ChartsPage.h"
#include "gui/LiveUpdater.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/MetricChart.h"
#include "gui/QCustomPlotInclude.h"
#include "gui/RunsPage.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"

#include <QAction>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using md::MainWindow;
namespace test = md::test;

class TestLive : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    bool start(const QString &uri)
    {
        const QString cache = m_dir->filePath(u"cache.sqlite"_s);
        m_window = std::make_unique<MainWindow>(md::MainWindowOptions{cache, md::Journal::defaultPathFor(cache)});
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        QSignalSpy finished(m_window.get(), &MainWindow::startupFinished);
        m_window->startUp(uri);
        return (finished.wait(30000) || !finished.isEmpty()) && finished.first().at(0).toBool();
    }

    /// Selects the experiment with MLflow id `id` in the tree (the runs table shows it).
    bool selectExperiment(const QString &id)
    {
        const md::ExperimentsModel *model = m_window->experimentsModel();
        for (int s = 0; s < model->rowCount(); ++s)
            for (int e = 0; e < model->rowCount(model->index(s, 0)); ++e) {
                const QModelIndex idx = model->index(e, 0, model->index(s, 0));
                if (idx.data(md::ExperimentsModel::ExperimentIdRole).toString() == id) {
                    m_window->experimentsTree()->setCurrentIndex(idx);
                    return true;
                }
            }
        return false;
    }

    /// The displayed row of `runId` in the runs table, -1 when not there.
    int rowOf(const QString &runId) const
    {
        const QAbstractItemModel *m = m_window->runsPage()->table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(md::RunsTableModel::RunIdRole).toString() == runId)
                return r;
        return -1;
    }

    QString cell(const QString &runId, int column) const
    {
        const QAbstractItemModel *m = m_window->runsPage()->table()->model();
        return m->index(rowOf(runId), column).data().toString();
    }

    QLabel *badge() const { return m_window->findChild<QLabel *>(u"liveBadge"_s); }

    /// Zooms the chart's x axis with the wheel, as a person does; returns the range it shows.
    static QCPRange zoomIn(md::MetricChart *chart)
    {
        QCustomPlot *plot = chart->plot();
        const QPointF at = plot->axisRect()->center();
        QWheelEvent wheel(at, plot->mapToGlobal(at.toPoint()), {}, {0, 240}, Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(plot, &wheel);
        return plot->xAxis->range();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"ModelDeskTests"_s);
        md::MessageBox::setHeadless(true);
    }
    void init()
    {
        md::Settings::instance().clear();
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void serverRunUpdatesInPlaceAndStopsWhenFinished()
    {
        test::TestServer server;
        QVERIFY(server.start());
        // The fixture's own running runs end first: only ours is running.
        const auto ended = test::runProcess(u"python3"_s, {u"-c"_s, u"import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                                                                   "c.execute(\"UPDATE runs SET status = 'FINISHED' WHERE status = 'RUNNING'\"); "
                                                                   "c.commit()"_s, server.dbPath()});
        QCOMPARE(ended.exitCode, 0);
        test::LiveRun run(server);
        QVERIFY(run.create(u"1"_s, u"live-gui"_s));
        for (int step = 0; step < 3; ++step)
            QVERIFY(run.log(u"loss"_s, 1.0 / (step + 1), step));

        QVERIFY(start(server.url().toString()));
        md::LiveUpdater *live = m_window->liveUpdater();
        live->setServerInterval(250);
        QTRY_COMPARE_WITH_TIMEOUT(live->liveSources().size(), 1, 5000);
        QCOMPARE(live->runningRuns(live->liveSources().first()), QStringList{run.runId()});

        QVERIFY(selectExperiment(u"1"_s));
        QTRY_VERIFY(rowOf(run.runId()) >= 0);
        md::RunsTableModel *model = m_window->runsPage()->model();
        const int lossColumn = model->metricColumn(u"loss"_s);
        QVERIFY(lossColumn >= 0);
        QTableView *table = m_window->runsPage()->table();
        table->selectRow(rowOf(run.runId()));
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);

        md::ChartsPage *charts = m_window->chartsPage();
        QSignalSpy loaded(charts, &md::ChartsPage::historiesLoaded);
        QVERIFY(charts->setRuns({run.runId()}));
        QVERIFY(charts->setMetric(u"loss"_s));
        QTRY_VERIFY(!charts->isLoading() && charts->chart()->graph(run.runId()));
        QTRY_COMPARE(charts->chart()->graph(run.runId())->data()->size(), 3);
        const QCPRange zoomed = zoomIn(charts->chart());

        for (int step = 3; step < 6; ++step)
            QVERIFY(run.log(u"loss"_s, 1.0 / (step + 1), step));
        // The row shows the new latest value, still selected, without a reset.
        QTRY_COMPARE_WITH_TIMEOUT(cell(run.runId(), lossColumn), md::RunsTableModel::formatNumber(1.0 / 6), 10000);
        QCOMPARE(resets.count(), 0);
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(md::RunsTableModel::RunIdRole).toString(), run.runId());
        // The chart grew, and kept the person's zoom.
        QTRY_COMPARE_WITH_TIMEOUT(charts->chart()->graph(run.runId())->data()->size(), 6, 10000);
        QCOMPARE(charts->chart()->plot()->xAxis->range().lower, zoomed.lower);
        QCOMPARE(charts->chart()->plot()->xAxis->range().upper, zoomed.upper);
        // The badge says it is live and how long ago it synced; the import's progress bar went
        // when the import ended (live syncs are quiet), and Sync Again is back.
        QVERIFY(badge() && badge()->isVisible());
        auto *progress = m_window->findChild<QProgressBar *>(u"importProgress"_s);
        QVERIFY(progress);
        QTRY_VERIFY(!progress->isVisible());
        auto *syncAgain = m_window->findChild<QAction *>(u"actionSyncAgain"_s);
        QVERIFY(syncAgain && syncAgain->isEnabled());
        QVERIFY2(!m_window->statusBar()->currentMessage().startsWith(u"Importing"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY2(badge()->text().contains(u"live · synced"_s), qPrintable(badge()->text()));

        // Pausing stops the syncs, and is remembered.
        auto *pause = m_window->findChild<QAction *>(u"actionPauseLive"_s);
        QVERIFY(pause);
        pause->trigger();
        QVERIFY(live->isPaused());
        QVERIFY(md::Settings::instance().value(md::Settings::Key::LivePaused).toBool());
        QTRY_COMPARE(badge()->text(), u"live updates paused"_s);
        const int pausedAt = live->syncCount();
        QTest::qWait(800);
        QCOMPARE(live->syncCount(), pausedAt);
        pause->trigger();

        // Finished: one more sync sees it, then none.
        QVERIFY(run.end());
        QTRY_VERIFY_WITH_TIMEOUT(live->liveSources().isEmpty(), 10000);
        QTRY_COMPARE(cell(run.runId(), md::RunsTableModel::StatusColumn), md::RunsTableModel::statusText(u"FINISHED"_s));
        QVERIFY(!badge()->isVisible());
        const int syncs = live->syncCount();
        QTest::qWait(1000);
        QCOMPARE(live->syncCount(), syncs);
        QCOMPARE(resets.count(), 0);
    }

    void fileStoreMetricFileGrows()
    {
        const QString root = m_dir->filePath(u"mlruns"_s);
        QVERIFY(test::copyTree(test::dataPath(u"mlruns"_s), root));
        const QString runId = u"52d3620b4b574a7f84af29bb4a9fabd2"_s;
        const QString runDir = root + u"/359751329447329243/"_s + runId;
        // Only this run is running.
        QDirIterator metas(root, {u"meta.yaml"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (metas.hasNext()) {
            const QString path = metas.next();
            if (path.startsWith(runDir))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray yaml = f.readAll();
            f.close();
            if (!yaml.contains("\nstatus: 1\n"))
                continue;
            yaml.replace("\nstatus: 1\n", "\nstatus: 3\n");
            QVERIFY(test::writeFile(path, yaml));
        }
        QVERIFY(start(QUrl::fromLocalFile(root).toString()));
        md::LiveUpdater *live = m_window->liveUpdater();
        QTRY_COMPARE_WITH_TIMEOUT(live->liveSources().size(), 1, 5000);
        QVERIFY(live->watchedPaths().contains(runDir + u"/metrics/loss"_s));

        md::ChartsPage *charts = m_window->chartsPage();
        QVERIFY(charts->setRuns({runId}));
        QVERIFY(charts->setMetric(u"loss"_s));
        QTRY_VERIFY(!charts->isLoading() && charts->chart()->graph(runId));
        const int before = charts->chart()->graph(runId)->data()->size();
        QCOMPARE(before, 1000);

        QFile metric(runDir + u"/metrics/loss"_s);
        QVERIFY(metric.open(QIODevice::Append));
        metric.write("1795736411994 0.12 1000\n1795736412094 0.11 1001\n");
        metric.close();
        QTRY_COMPARE_WITH_TIMEOUT(charts->chart()->graph(runId)->data()->size(), 1002, 10000);
        QVERIFY(badge()->isVisible());

        // The run ends (MLflow writes status 3 and the end time into meta.yaml): syncing stops.
        QFile metaFile(runDir + u"/meta.yaml"_s);
        QVERIFY(metaFile.open(QIODevice::ReadOnly));
        QByteArray yaml = metaFile.readAll();
        metaFile.close();
        yaml.replace("\nstatus: 1\n", "\nstatus: 3\n").replace("end_time: null", "end_time: 1795736412194");
        QVERIFY(test::writeFile(runDir + u"/meta.yaml"_s, yaml));
        QTRY_VERIFY_WITH_TIMEOUT(live->liveSources().isEmpty(), 10000);
        QVERIFY(live->watchedPaths().isEmpty());
    }
};

QTEST_MAIN(TestLive)
#include "tst_live.moc"
