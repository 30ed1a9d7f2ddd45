// SPDX-License-Identifier: GPL-3.0-or-later
// The item models over a real cache filled from the file-store fixture, each under
// QAbstractItemModelTester. The runs table reads its cells and sorts on a worker thread: a test
// waits for what it asked for (isLoading(), idle()) before it reads the cells.
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/NumberFormat.h"
#include "core/RunComparison.h"
#include "models/ExperimentsModel.h"
#include "models/RunsTableModel.h"
#include "models/RunsTableReader.h"
#include "models/VersionDetails.h"
#include "sync/Importer.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <ctime>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using md::ExperimentsModel;
using md::RunsTableModel;

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void experimentsTree();
    void experimentsShowDeleted();
    void nestedRunsAreATreeUnderTheirExperiment();
    void preferredExperiment();
    void runsOfCarPrice();
    void rowsShowLoadingUntilTheirBlockArrives();
    void sortAppliesOnArrivalKeepingTheSelection();
    void loadsInTheBackground();
    void refreshAfterClearShowsNothing();
    void nanAndInfinity();
    void nestedRunsShowTheirParent();
    void sortsNanLast_data();
    void sortsNanLast();
    void badFilterKeepsTheTable();
    void formatNumber_data();
    void formatNumber();
    void formatNumberFollowsTheLocale();
    void formatDuration_data();
    void formatDuration();
    void startTimesShowInTheTimeZoneOfTheLoad();
    void multiDataAnswersAsDataDoes();
    void syncAgeText_data();
    void syncAgeText();
    void sourceDisplayName_data();
    void sourceDisplayName();
    void tenThousandRunsReadLazily();
    void runIdsOfASelectionAreReadOnTheWorker();
    void rowsAreReadForTheColumnsInViewFirst();
    void removedRunsTakeTheirColumnsAlong();
    void readerFreesRowsLetGoBetweenItsReads();
    void paramCellsKeepNotSetEmptyAndText();

private:
    QModelIndex experiment(const ExperimentsModel &model, const QString &name) const;
    md::RunQuery queryFor(const QString &experimentName) const;
    int rowOf(const RunsTableModel &model, const QString &runName) const;
    /// Asks for every row of `model` (up to 2,048) and waits until the worker has read them.
    static bool waitForRows(RunsTableModel &model);
    /// A cell's data once its row has arrived from the worker.
    static QVariant cell(const RunsTableModel &model, int row, int column, int role = Qt::DisplayRole);
    /// Opens `name`.sqlite in the test folder with a file source and its experiment "1" named
    /// `name`; `sourceId` is the source's row id. False (after a failed QVERIFY) on error.
    bool openOwnCache(md::Cache &cache, const QString &name, qint64 &sourceId);

    QTemporaryDir m_dir;
    md::Cache m_cache;
    qint64 m_sourceId = 0;
};

void TestModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cachePath = m_dir.filePath(u"cache.sqlite"_s);
    std::atomic_bool cancel{false};
    auto report = md::Importer::importUri(QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString(), cachePath,
                                          md::Journal::defaultPathFor(cachePath), cancel);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
    m_sourceId = report->sourceId;
    QVERIFY(m_cache.open(cachePath).ok());
}

QModelIndex TestModels::experiment(const ExperimentsModel &model, const QString &name) const
{
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex source = model.index(s, 0);
        for (int e = 0; e < model.rowCount(source); ++e)
            if (model.index(e, 0, source).data(ExperimentsModel::ExperimentNameRole).toString() == name)
                return model.index(e, 0, source);
    }
    return {};
}

md::RunQuery TestModels::queryFor(const QString &experimentName) const
{
    md::RunQuery q;
    q.sourceId = m_sourceId;
    q.experiments = QStringList{experimentName};
    return q;
}

int TestModels::rowOf(const RunsTableModel &model, const QString &runName) const
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, RunsTableModel::NameColumn).data().toString() == runName)
            return r;
    return -1;
}

bool TestModels::waitForRows(RunsTableModel &model)
{
    model.prefetch(0, model.rowCount() - 1);
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 10000);
}

QVariant TestModels::cell(const RunsTableModel &model, int row, int column, int role)
{
    const QModelIndex index = model.index(row, column);
    if (index.data(RunsTableModel::LoadingRole).toBool()
        && !QTest::qWaitFor([&] { return !index.data(RunsTableModel::LoadingRole).toBool(); }, 10000))
        return u"still loading"_s;
    return index.data(role);
}

bool TestModels::openOwnCache(md::Cache &cache, const QString &name, qint64 &sourceId)
{
    [&] {
        QVERIFY(cache.open(m_dir.filePath(name + u".sqlite"_s)).ok());
        auto source = cache.ensureSource(u"file:///"_s + name + u"/mlruns"_s, u"file"_s);
        QVERIFY(source.ok());
        sourceId = *source;
        md::Experiment e;
        e.experimentId = u"1"_s;
        e.name = name;
        QVERIFY(cache.writeExperiment(sourceId, e).ok());
    }();
    return !QTest::currentTestFailed();
}

void TestModels::experimentsTree()
{
    ExperimentsModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload().ok());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex source = model.index(0, 0);
    QCOMPARE(source.data(ExperimentsModel::ItemKindRole).toInt(), int(ExperimentsModel::ItemKind::Source));
    QCOMPARE(source.data(ExperimentsModel::SourceIdRole).toLongLong(), m_sourceId);
    QCOMPARE(source.data().toString(), u"data/mlruns"_s);
    QCOMPARE(source.data(ExperimentsModel::SourceDetailRole).toString(), u"file store · synced just now"_s);
    QVERIFY(source.data(Qt::ToolTipRole).toString().contains(u"198 runs"_s));
    // Default, car_price, car_price_sweep and the unicode one; the deleted one is hidden.
    QCOMPARE(model.rowCount(source), 4);

    const QModelIndex carPrice = experiment(model, u"car_price"_s);
    QVERIFY(carPrice.isValid());
    QCOMPARE(carPrice.parent(), source);
    QCOMPARE(carPrice.siblingAtColumn(ExperimentsModel::RunsColumn).data().toLongLong(), 4);
    QCOMPARE(carPrice.data(ExperimentsModel::ExperimentIdRole).toString(), u"841587320559560834"_s);
    QCOMPARE(experiment(model, u"car_price_sweep"_s).data(ExperimentsModel::RunCountRole).toLongLong(), 191);
    QCOMPARE(experiment(model, u"Ünïcødé-実験 🚗"_s).data(ExperimentsModel::RunCountRole).toLongLong(), 3);
    QCOMPARE(model.experimentIndex(m_sourceId, u"841587320559560834"_s), carPrice);
    QVERIFY(!model.experimentIndex(m_sourceId + 1, u"841587320559560834"_s).isValid());
}

void TestModels::experimentsShowDeleted()
{
    ExperimentsModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload().ok());
    QVERIFY(model.setShowDeleted(true).ok());
    QCOMPARE(model.rowCount(model.index(0, 0)), 5);
    const QModelIndex deleted = experiment(model, u"scratch_deleted"_s);
    QVERIFY(deleted.isValid());
    QVERIFY(deleted.data(ExperimentsModel::DeletedRole).toBool());
    QCOMPARE(deleted.data().toString(), u"scratch_deleted (deleted)"_s);
    QVERIFY(deleted.data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(deleted.data(ExperimentsModel::RunCountRole).toLongLong(), 2);
    QCOMPARE(experiment(model, u"car_price_sweep"_s).data(ExperimentsModel::RunCountRole).toLongLong(), 200);
    QVERIFY(model.setShowDeleted(false).ok());
    QCOMPARE(model.rowCount(model.index(0, 0)), 4);
}

void TestModels::nestedRunsAreATreeUnderTheirExperiment()
{
    ExperimentsModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload().ok());
    // Experiments without nested runs have no children.
    QCOMPARE(model.rowCount(experiment(model, u"car_price"_s)), 0);

    // The 20 sweep parents, each with its 4 trials (FIXTURES.md), less the deleted ones.
    const QModelIndex sweep = experiment(model, u"car_price_sweep"_s);
    QCOMPARE(model.rowCount(sweep), 20);
    md::RunQuery trials = queryFor(u"car_price_sweep"_s);
    trials.filter = u"attributes.run_name LIKE 'trial-%'"_s;
    RunsTableModel runs(&m_cache);
    QVERIFY(runs.load(trials).ok());
    qint64 children = 0;
    for (int r = 0; r < model.rowCount(sweep); ++r) {
        const QModelIndex group = model.index(r, 0, sweep);
        QCOMPARE(group.data(ExperimentsModel::ItemKindRole).toInt(), int(ExperimentsModel::ItemKind::RunGroup));
        QCOMPARE(group.data().toString(), u"sweep-parent-%1"_s.arg(r, 2, 10, QLatin1Char('0')));
        QCOMPARE(group.data(ExperimentsModel::ExperimentIdRole).toString(), sweep.data(ExperimentsModel::ExperimentIdRole).toString());
        const qint64 count = group.siblingAtColumn(ExperimentsModel::RunsColumn).data().toLongLong();
        QVERIFY(count >= 1 && count <= 4);
        children += count;
        QCOMPARE(model.runGroupIndex(m_sourceId, sweep.data(ExperimentsModel::ExperimentIdRole).toString(),
                                     group.data(ExperimentsModel::ParentRunIdRole).toString()),
                 group);
    }
    QCOMPARE(children, qint64(runs.rowCount()));

    // Selecting a group shows the parent and exactly its children.
    const QModelIndex first = model.index(0, 0, sweep);
    md::RunQuery group = queryFor(u"car_price_sweep"_s);
    group.parentRunId = first.data(ExperimentsModel::ParentRunIdRole).toString();
    QVERIFY(runs.load(group).ok());
    QCOMPARE(runs.rowCount(), int(first.data(ExperimentsModel::RunCountRole).toLongLong()) + 1);
    QVERIFY(waitForRows(runs));
    for (int r = 0; r < runs.rowCount(); ++r) {
        const QString name = runs.index(r, RunsTableModel::NameColumn).data().toString();
        QVERIFY2(name == u"sweep-parent-00"_s || name.startsWith(u"trial-00-"_s), qPrintable(name));
    }

    // With deleted runs shown, every parent has all 4.
    QVERIFY(model.setShowDeleted(true).ok());
    const QModelIndex sweepAll = experiment(model, u"car_price_sweep"_s);
    for (int r = 0; r < model.rowCount(sweepAll); ++r)
        QCOMPARE(model.index(r, 0, sweepAll).data(ExperimentsModel::RunCountRole).toLongLong(), 4);
}

void TestModels::preferredExperiment()
{
    ExperimentsModel model(&m_cache);
    QVERIFY(model.reload().ok());
    QCOMPARE(model.preferredExperiment().data(ExperimentsModel::ExperimentNameRole).toString(), u"car_price"_s);
    QCOMPARE(model.preferredExperiment(m_sourceId, u"car_price_sweep"_s)
                 .data(ExperimentsModel::ExperimentNameRole)
                 .toString(),
             u"car_price_sweep"_s);
    // "Default" has no runs: never preferred over an experiment that has some.
    QVERIFY(model.preferredExperiment(m_sourceId, u"Default"_s).data(ExperimentsModel::RunCountRole).toLongLong() > 0);
    QVERIFY(!model.preferredExperiment(m_sourceId + 100).isValid());
}

/// A live update after the page cleared its table (no experiment selected, or a bad filter) must
/// not fill it with every run of the cache.
void TestModels::refreshAfterClearShowsNothing()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    QCOMPARE(model.rowCount(), 4);
    model.clear();
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 0);
    model.refreshInBackground({});
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 0);
    // Loaded again, it refreshes again.
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 4);
}

void TestModels::runsOfCarPrice()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(!model.hasNestedRuns());
    QVERIFY(waitForRows(model));
    QCOMPARE(model.headerData(RunsTableModel::NameColumn, Qt::Horizontal).toString(), u"Run name"_s);
    QCOMPARE(model.headerData(RunsTableModel::RunIdColumn, Qt::Horizontal).toString(), u"Run ID"_s);

    // Metrics first (sorted by key), then params.
    const QStringList metrics{u"mae"_s, u"rmse"_s, u"train_mse"_s, u"train_r2_score"_s, u"training_time_s"_s,
                              u"val_mse"_s, u"val_r2_score"_s};
    QCOMPARE(model.metricKeys(), metrics);
    QCOMPARE(model.columnCount(),
             RunsTableModel::FixedColumnCount + int(metrics.size()) + int(model.paramKeys().size()));
    const int r2 = model.metricColumn(u"val_r2_score"_s);
    QCOMPARE(r2, RunsTableModel::FixedColumnCount + 6);
    QCOMPARE(model.headerData(r2, Qt::Horizontal).toString(), u"val_r2_score"_s);
    QCOMPARE(model.headerData(r2, Qt::Horizontal, RunsTableModel::ColumnKindRole).toInt(),
             int(RunsTableModel::ColumnKind::Metric));
    QVERIFY(model.paramKeys().contains(u"n_estimators"_s));
    const int nEstimators = model.paramColumn(u"n_estimators"_s);
    QCOMPARE(model.columnKind(nEstimators), RunsTableModel::ColumnKind::Param);

    const QList<std::pair<QString, QString>> expected{{u"Linear Regression"_s, u"0.82"_s},
                                                       {u"Random Forest"_s, u"0.85"_s},
                                                       {u"XGBoost"_s, u"0.88"_s},
                                                       {u"XGBoost tuned"_s, u"0.89"_s}};
    for (const auto &[name, value] : expected) {
        const int row = rowOf(model, name);
        QVERIFY2(row >= 0, qPrintable(name));
        QCOMPARE(model.index(row, r2).data().toString(), value);
        QCOMPARE(model.index(row, r2).data(RunsTableModel::SortRole).toDouble(), value.toDouble());
        QCOMPARE(model.index(row, RunsTableModel::StatusColumn).data().toString(), u"Finished"_s);
        QVERIFY(!model.index(row, RunsTableModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!model.index(row, RunsTableModel::StartedColumn).data().toString().isEmpty());
        QVERIFY(!model.index(row, RunsTableModel::DurationColumn).data().toString().isEmpty());
        QCOMPARE(model.index(row, RunsTableModel::RunIdColumn).data().toString().size(), 32);
        QVERIFY(model.index(row, r2).data(Qt::ToolTipRole).toString().contains(u"step 5"_s));
    }
    const int xgb = rowOf(model, u"XGBoost"_s);
    QCOMPARE(model.index(xgb, nEstimators).data().toString(), u"100"_s);
    QCOMPARE(model.index(xgb, nEstimators).data(RunsTableModel::SortRole).toDouble(), 100.0);
    // The statuses have their own, distinct icons.
    QVERIFY(RunsTableModel::statusIcon(u"FAILED"_s).cacheKey() != RunsTableModel::statusIcon(u"FINISHED"_s).cacheKey());
    QVERIFY(!RunsTableModel::statusIcon(u"FAILED"_s).pixmap(16, 16).isNull());
    QVERIFY(RunsTableModel::statusIcon(u"NOPE"_s).isNull());

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RunsTableModel::FixedColumnCount));
}

void TestModels::rowsShowLoadingUntilTheirBlockArrives()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    QCOMPARE(model.rowCount(), 4);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy idle(&model, &RunsTableModel::idle);

    // Asked for, not read yet: a greyed "Loading…" name, no values, the start time already known.
    const QModelIndex name = model.index(3, RunsTableModel::NameColumn);
    const int r2 = model.metricColumn(u"val_r2_score"_s);
    QVERIFY(name.data(RunsTableModel::LoadingRole).toBool());
    QVERIFY(model.isLoading());
    QCOMPARE(name.data().toString(), u"Loading…"_s);
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), u"Loading…"_s);
    QVERIFY(name.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(!name.data(RunsTableModel::RunIdRole).isValid());
    QVERIFY(model.index(3, r2).data().toString().isEmpty());
    QVERIFY(!model.index(3, r2).data(RunsTableModel::SortRole).isValid());
    QVERIFY(model.index(3, r2).data(RunsTableModel::LoadingRole).toBool());
    QVERIFY(!model.index(3, RunsTableModel::StartedColumn).data().toString().isEmpty());

    // Then the block arrives: the row is repainted with its values.
    QVERIFY(idle.wait());
    QVERIFY(!model.isLoading());
    QVERIFY(!changed.isEmpty());
    const QModelIndex topLeft = changed.last().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.last().at(1).value<QModelIndex>();
    QVERIFY(topLeft.row() <= 3 && bottomRight.row() >= 3);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), model.columnCount() - 1);
    QVERIFY(!name.data(RunsTableModel::LoadingRole).toBool());
    QVERIFY(!name.data(Qt::ForegroundRole).isValid());
    const QString runName = name.data().toString();
    QVERIFY2(QStringList({u"Linear Regression"_s, u"Random Forest"_s, u"XGBoost"_s, u"XGBoost tuned"_s}).contains(runName),
             qPrintable(runName));
    QCOMPARE(name.data(RunsTableModel::RunIdRole).toString().size(), 32);
    QVERIFY(model.index(3, r2).data(RunsTableModel::SortRole).toDouble() > 0.8);
    // The whole block came: the other rows show without asking again.
    QVERIFY(!model.index(0, r2).data(RunsTableModel::LoadingRole).toBool());
    QVERIFY(model.readError().isEmpty());
}

void TestModels::sortAppliesOnArrivalKeepingTheSelection()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    QVERIFY(waitForRows(model));
    const int r2 = model.metricColumn(u"val_r2_score"_s);
    const int xgb = rowOf(model, u"XGBoost"_s);
    QVERIFY(xgb >= 0);
    QItemSelectionModel selection(&model);
    selection.select(model.index(xgb, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(model.index(xgb, r2), QItemSelectionModel::NoUpdate);
    const QStringList before{cell(model, 0, 0).toString(), cell(model, 1, 0).toString(), cell(model, 2, 0).toString(),
                             cell(model, 3, 0).toString()};

    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.sort(r2, Qt::DescendingOrder);
    QCOMPARE(model.sortColumn(), r2);
    // Read on the worker: until the order arrives, the rows stay where they were.
    QVERIFY(model.isLoading());
    QCOMPARE(layout.count(), 0);
    for (int r = 0; r < 4; ++r)
        QCOMPARE(model.index(r, 0).data().toString(), before.at(r));

    QVERIFY(layout.wait());
    QVERIFY(!model.isLoading());
    QStringList after;
    for (int r = 0; r < 4; ++r)
        after.append(model.index(r, RunsTableModel::NameColumn).data().toString());
    QCOMPARE(after, (QStringList{u"XGBoost tuned"_s, u"XGBoost"_s, u"Random Forest"_s, u"Linear Regression"_s}));
    // The selection and the current index moved with their run.
    const QModelIndexList selected = selection.selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 1);
    QCOMPARE(selected.first().data().toString(), u"XGBoost"_s);
    QCOMPARE(selection.currentIndex(), model.index(1, r2));

    // A newer sort wins over one on its way.
    model.sort(r2, Qt::AscendingOrder);
    model.sort(RunsTableModel::NameColumn, Qt::AscendingOrder);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.index(0, RunsTableModel::NameColumn).data().toString(), u"Linear Regression"_s);
    QCOMPARE(model.index(3, RunsTableModel::NameColumn).data().toString(), u"XGBoost tuned"_s);
    QCOMPARE(selection.selectedRows().first().data().toString(), u"XGBoost"_s);
}

void TestModels::loadsInTheBackground()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<RunsTableModel::LoadResult> results;
    connect(&model, &RunsTableModel::loaded, this, [&](const RunsTableModel::LoadResult &r) {
        results.append(r);
        // The rows asked for came with the load: shown at once, never "Loading…".
        if (!r.error && model.rowCount() > 0)
            QVERIFY(!model.index(0, RunsTableModel::NameColumn).data(RunsTableModel::LoadingRole).toBool());
    });
    const qint64 first = model.loadInBackground(queryFor(u"car_price"_s));
    QCOMPARE(model.rowCount(), 0);  // nothing until it arrives
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().request, first);
    QVERIFY(!results.first().error);
    QCOMPARE(model.rowCount(), 4);

    // A malformed filter: the error with the number of runs without it; the table stays.
    md::RunQuery bad = queryFor(u"car_price"_s);
    bad.filter = u"metrics.val_r2_score >> 0.5"_s;
    const qint64 second = model.loadInBackground(bad);
    QTRY_COMPARE(results.size(), 2);
    QCOMPARE(results.last().request, second);
    QVERIFY(results.last().error);
    QCOMPARE(results.last().error->category, md::ErrorCategory::BadInput);
    QCOMPARE(results.last().unfilteredRuns, std::optional<qsizetype>(4));
    QCOMPARE(model.rowCount(), 4);

    // A key no run has is named; only the newest of two loads is applied.
    md::RunQuery unknown = queryFor(u"car_price"_s);
    unknown.filter = u"metrics.val_auc > 0.5"_s;
    md::RunQuery good = queryFor(u"car_price"_s);
    good.filter = u"metrics.val_r2_score > 0.86"_s;
    (void)model.loadInBackground(good);
    const qint64 newest = model.loadInBackground(unknown);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.last().request, newest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(results.last().unknownKeys.size(), 1);
    QCOMPARE(results.last().unknownKeys.first().key, u"val_auc"_s);
}

void TestModels::nanAndInfinity()
{
    RunsTableModel model(&m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    md::RunQuery q = queryFor(u"car_price_sweep"_s);
    q.filter = u"attributes.status = 'FAILED'"_s;
    q.includeDeleted = true;
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.rowCount(), 13);
    QVERIFY(waitForRows(model));
    const int loss = model.metricColumn(u"loss"_s);
    const int grad = model.metricColumn(u"grad_norm"_s);
    const int ll = model.metricColumn(u"log_likelihood"_s);
    QVERIFY(loss > 0 && grad > 0 && ll > 0);
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, loss).data().toString(), u"NaN"_s);
        QVERIFY(std::isnan(model.index(r, loss).data(RunsTableModel::SortRole).toDouble()));
        QCOMPARE(model.index(r, grad).data().toString(), u"∞"_s);
        QCOMPARE(model.index(r, ll).data().toString(), u"−∞"_s);
        QCOMPARE(model.index(r, RunsTableModel::StatusColumn).data().toString(), u"Failed"_s);
    }
}

void TestModels::nestedRunsShowTheirParent()
{
    RunsTableModel model(&m_cache);
    QVERIFY(model.load(queryFor(u"car_price_sweep"_s)).ok());
    QCOMPARE(model.rowCount(), 191);
    QVERIFY(model.hasNestedRuns());
    QVERIFY(waitForRows(model));
    int children = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString name = model.index(r, RunsTableModel::NameColumn).data().toString();
        const QString parent = model.index(r, RunsTableModel::ParentColumn).data().toString();
        if (name.startsWith(u"trial-"_s)) {
            ++children;
            QVERIFY2(parent.startsWith(u"sweep-parent-"_s), qPrintable(name + u" / "_s + parent));
            // trial-NN-c belongs to sweep-parent-NN.
            QCOMPARE(parent.mid(13, 2), name.mid(6, 2));
        } else {
            QVERIFY(parent.isEmpty());
        }
    }
    QVERIFY(children > 0);

    // A filter that hides the parents still names them.
    md::RunQuery q = queryFor(u"car_price_sweep"_s);
    q.filter = u"attributes.run_name LIKE 'trial-%'"_s;
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.rowCount(), children);
    QVERIFY(waitForRows(model));
    QVERIFY(model.index(0, RunsTableModel::ParentColumn).data().toString().startsWith(u"sweep-parent-"_s));
}

void TestModels::sortsNanLast_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("ascending") << Qt::AscendingOrder;
    QTest::newRow("descending") << Qt::DescendingOrder;
}

void TestModels::sortsNanLast()
{
    QFETCH(Qt::SortOrder, order);
    RunsTableModel model(&m_cache);
    RunsTableModel &proxy = model;  // the model sorts itself
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    md::RunQuery q = queryFor(u"car_price_sweep"_s);
    q.includeDeleted = true;
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.rowCount(), 200);
    const int loss = model.metricColumn(u"loss"_s);
    proxy.sort(loss, order);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(waitForRows(model));

    // Numbers in order, then NaN, then runs without the metric.
    int phase = 0;  // 0 numbers, 1 NaN, 2 missing
    double previous = order == Qt::AscendingOrder ? -std::numeric_limits<double>::infinity()
                                                  : std::numeric_limits<double>::infinity();
    int numbers = 0, nans = 0;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QVariant v = proxy.index(r, loss).data(RunsTableModel::SortRole);
        const int cls = !v.isValid() ? 2 : std::isnan(v.toDouble()) ? 1 : 0;
        QVERIFY2(cls >= phase, qPrintable(u"row %1 out of order"_s.arg(r)));
        phase = cls;
        if (cls == 0) {
            ++numbers;
            const double d = v.toDouble();
            QVERIFY(order == Qt::AscendingOrder ? d >= previous : d <= previous);
            previous = d;
        } else if (cls == 1) {
            ++nans;
        }
    }
    QVERIFY(numbers > 100);
    // The 13 FAILED runs and one FINISHED run end with loss = NaN (FIXTURES.md).
    QCOMPARE(nans, 14);

    // Text columns sort too, and the first row's name is the extreme one.
    proxy.sort(RunsTableModel::NameColumn, Qt::AscendingOrder);
    QTRY_VERIFY(!model.isLoading());
    QString prev;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QString name = proxy.index(r, RunsTableModel::NameColumn).data().toString();
        QVERIFY(QString::localeAwareCompare(prev, name) <= 0);
        prev = name;
    }
}

void TestModels::badFilterKeepsTheTable()
{
    RunsTableModel model(&m_cache);
    QVERIFY(model.load(queryFor(u"car_price"_s)).ok());
    md::RunQuery q = queryFor(u"car_price"_s);
    q.filter = u"metrics.val_r2_score >> 0.5"_s;
    const md::Status s = model.load(q);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().category, md::ErrorCategory::BadInput);
    QVERIFY2(s.error().where.contains(u"column"_s), qPrintable(s.error().toString()));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.query().filter.isEmpty());
}

void TestModels::formatNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("r2") << 0.82 << u"0.82"_s;
    QTest::newRow("integer") << 100.0 << u"100"_s;
    QTest::newRow("6 digits") << 0.123456789 << u"0.123457"_s;
    QTest::newRow("large") << 1234567.0 << u"1.23457e+06"_s;
    QTest::newRow("small") << 0.0000123456 << u"1.23456e-05"_s;
    QTest::newRow("negative") << -3.5 << u"-3.5"_s;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << u"NaN"_s;
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << u"∞"_s;
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << u"−∞"_s;
}

void TestModels::formatNumber()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(RunsTableModel::formatNumber(value), text);
}

void TestModels::formatNumberFollowsTheLocale()
{
    // What a German user reads: decimal comma, no thousands dot (12.345,6 would read as two
    // numbers in a narrow cell), the same NaN and infinity everywhere values are shown.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    QCOMPARE(RunsTableModel::formatNumber(0.82), u"0,82"_s);
    QCOMPARE(RunsTableModel::formatNumber(12345.6), u"12345,6"_s);
    QCOMPARE(md::RunComparison::formatNumber(-3.5), u"-3,5"_s);
    QCOMPARE(md::VersionDetails::formatMetric(0.8937), u"0,8937"_s);
    QCOMPARE(md::localNumber(std::numeric_limits<double>::quiet_NaN()), u"NaN"_s);
}

void TestModels::formatDuration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("ms") << qint64(350) << u"350 ms"_s;
    QTest::newRow("s") << qint64(4200) << u"4.2 s"_s;
    QTest::newRow("min") << qint64(185000) << u"3 min 05 s"_s;
    QTest::newRow("h") << qint64(2 * 3600000 + 7 * 60000) << u"2 h 07 min"_s;
    QTest::newRow("d") << qint64(3 * 86400000LL + 5 * 3600000) << u"3 d 5 h"_s;
}

void TestModels::formatDuration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(RunsTableModel::formatDuration(ms), text);
}

void TestModels::syncAgeText_data()
{
    const qint64 now = 1795736400000;
    QTest::addColumn<std::optional<qint64>>("sync");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("text");
    QTest::newRow("never") << std::optional<qint64>() << now << u"never synced"_s;
    QTest::newRow("now") << std::optional<qint64>(now - 20000) << now << u"synced just now"_s;
    QTest::newRow("min") << std::optional<qint64>(now - 5 * 60000) << now << u"synced 5 min ago"_s;
    QTest::newRow("h") << std::optional<qint64>(now - 3 * 3600000 - 60000) << now << u"synced 3 h ago"_s;
    const qint64 old = now - 3 * 86400000LL;
    QTest::newRow("days") << std::optional<qint64>(old) << now
                          << u"synced "_s + QDateTime::fromMSecsSinceEpoch(old).toString(u"yyyy-MM-dd"_s);
    // A clock that went backwards is not "in the future".
    QTest::newRow("future") << std::optional<qint64>(now + 60000) << now << u"synced just now"_s;
}

void TestModels::syncAgeText()
{
    QFETCH(std::optional<qint64>, sync);
    QFETCH(qint64, now);
    QFETCH(QString, text);
    QCOMPARE(ExperimentsModel::syncAgeText(sync, now), text);
}

void TestModels::sourceDisplayName_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("name");
    QTest::newRow("file") << u"file:///home/ds/car-price/mlruns"_s << u"car-price/mlruns"_s;
    QTest::newRow("sqlite") << u"sqlite:///srv/mlflow/mlflow.db"_s << u"mlflow/mlflow.db"_s;
    QTest::newRow("folder") << u"folder:///work/artifacts/training/"_s << u"artifacts/training"_s;
    QTest::newRow("http") << u"http://127.0.0.1:5000"_s << u"127.0.0.1:5000"_s;
    QTest::newRow("plain path") << u"/data/mlruns"_s << u"data/mlruns"_s;
}

void TestModels::sourceDisplayName()
{
    QFETCH(QString, uri);
    QFETCH(QString, name);
    QCOMPARE(ExperimentsModel::sourceDisplayName(uri), name);
}

// Start times show in the system's time zone as it is at each load (the zone is read once a
// load, not once a cell), also under an offset from UTC with seconds, where two instants of one
// minute of UTC fall in two local minutes.
void TestModels::startTimesShowInTheTimeZoneOfTheLoad()
{
    md::Cache cache;
    qint64 source = 0;
    QVERIFY(openOwnCache(cache, u"zones"_s, source));
    const qint64 noon = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    // 12:00:10, 12:00:40 and 12:01:10 UTC.
    for (int i = 0; i < 3; ++i) {
        md::Run run = md::test::numberedRun(i);
        run.startTime = noon + 10000 + i * 30000;
        QVERIFY(cache.writeRun(source, run).ok());
    }
    const md::test::RestoreTimeZone restore;
    RunsTableModel model(&cache);
    md::RunQuery q;
    q.experiments = QStringList { u"1"_s };
    // POSIX zones, which need no time zone database: UTC, Nepal's +05:45, and 30 s ahead of UTC.
    const QList<std::pair<QByteArray, QStringList>> zones {
        { "UTC0", { u"2026-03-01 12:01"_s, u"2026-03-01 12:00"_s, u"2026-03-01 12:00"_s } },
        { "<+0545>-5:45", { u"2026-03-01 17:46"_s, u"2026-03-01 17:45"_s, u"2026-03-01 17:45"_s } },
        { "<+0000>-0:00:30", { u"2026-03-01 12:01"_s, u"2026-03-01 12:01"_s, u"2026-03-01 12:00"_s } },
        { "UTC0", { u"2026-03-01 12:01"_s, u"2026-03-01 12:00"_s, u"2026-03-01 12:00"_s } }
    };
    for (const auto &[tz, expected] : zones) {
        qputenv("TZ", tz); // as a changed system zone: the model reads it again, no one else
        QVERIFY(model.load(q).ok());
        QStringList shown;
        for (int r = 0; r < model.rowCount(); ++r)
            shown.append(model.index(r, RunsTableModel::StartedColumn).data().toString());
        QCOMPARE(shown, expected);
        // Painted again (the texts kept): the same.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, RunsTableModel::StartedColumn).data().toString(), expected.at(r));
    }
}

// The delegate asks for its roles together (multiData), other code one by one (data): the
// answers must be the same, for rows read, rows still "Loading…" and every kind of column.
void TestModels::multiDataAnswersAsDataDoes()
{
    const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole, Qt::ForegroundRole, Qt::FontRole,
        Qt::DecorationRole, Qt::CheckStateRole, Qt::BackgroundRole, RunsTableModel::SortRole,
        RunsTableModel::LoadingRole, RunsTableModel::RunIdRole, RunsTableModel::DeletedRole,
        RunsTableModel::RunRowIdRole, RunsTableModel::ColumnKindRole, RunsTableModel::ColumnKeyRole };
    const auto comparable = [](const QVariant &v) -> QVariant {
        // Icons have no operator==: the same icon has the same cache key.
        return v.userType() == QMetaType::QIcon ? QVariant(v.value<QIcon>().cacheKey()) : v;
    };
    const auto compareRows = [&](const RunsTableModel &model, int first, int last, int *loading) {
        for (int r = first; r < last; ++r) {
            for (int c = 0; c < model.columnCount(); ++c) {
                const QModelIndex index = model.index(r, c);
                // Together first: data()'s LoadingRole asks for the row, which may change nothing
                // that is shown, but the order is the delegate's.
                std::vector<QModelRoleData> together;
                for (int role : roles)
                    together.emplace_back(role);
                index.multiData(QModelRoleDataSpan(together));
                for (qsizetype i = 0; i < roles.size(); ++i) {
                    const QVariant alone = index.data(roles[i]);
                    QVERIFY2(comparable(together[size_t(i)].data()) == comparable(alone),
                        qPrintable(
                            u"row %1, column %2, role %3: %4 together, %5 alone"_s.arg(r).arg(c).arg(roles[i]).arg(
                                together[size_t(i)].data().toString(), alone.toString())));
                }
                if (together[size_t(roles.indexOf(RunsTableModel::LoadingRole))].data().toBool())
                    ++*loading;
            }
        }
    };
    // Rows read: the fixture's runs, deleted ones too.
    {
        RunsTableModel model(&m_cache);
        md::RunQuery q = queryFor(u"car_price"_s);
        q.includeDeleted = true;
        QVERIFY(model.load(q).ok());
        QVERIFY(waitForRows(model));
        int loading = 0;
        compareRows(model, 0, model.rowCount(), &loading);
        QCOMPARE(loading, 0);
    }
    // Rows not read yet: "Loading…".
    {
        md::Cache cache;
        qint64 source = 0;
        QVERIFY(openOwnCache(cache, u"together"_s, source));
        QVERIFY(cache.beginBatch().ok());
        for (int i = 0; i < 300; ++i) {
            md::Run run = md::test::numberedRun(i);
            run.latestMetrics.append(md::MetricPoint { u"loss"_s, i * 0.5, run.startTime, 3 });
            run.params.append(md::KeyValue { u"lr"_s, QString::number(i) });
            QVERIFY(cache.writeRun(source, run).ok());
        }
        QVERIFY(cache.commitBatch().ok());
        RunsTableModel model(&cache);
        md::RunQuery q;
        q.experiments = QStringList { u"1"_s };
        QVERIFY(model.load(q).ok());
        int loading = 0;
        compareRows(model, 200, 260, &loading);
        QVERIFY(loading > 0);
    }
}

void TestModels::tenThousandRunsReadLazily()
{
    // A cache of its own with one experiment of 10,000 runs, 8 metrics and 6 params each.
    md::Cache cache;
    qint64 source = 0;
    QVERIFY(openOwnCache(cache, u"big"_s, source));
    QVERIFY(cache.beginBatch().ok());
    for (int i = 0; i < 10000; ++i) {
        md::Run run = md::test::numberedRun(i);
        run.endTime = run.startTime + 500;
        for (int m = 0; m < 8; ++m)
            run.latestMetrics.append(md::MetricPoint{u"metric_%1"_s.arg(m), (i % 7919) * 0.001 + m, run.startTime, 5});
        for (int p = 0; p < 6; ++p)
            run.params.append(md::KeyValue{u"param_%1"_s.arg(p), QString::number(i % (p + 2))});
        QVERIFY(cache.writeRun(source, run).ok());
    }
    QVERIFY(cache.commitBatch().ok());

    RunsTableModel model(&cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    md::RunQuery q;
    q.experiments = QStringList{u"1"_s};
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.columnCount(), RunsTableModel::FixedColumnCount + 8 + 6);
    // The cache's order: newest start first.
    QCOMPARE(cell(model, 0, RunsTableModel::NameColumn).toString(), u"run-9999"_s);
    // Only the rows a view asked for are in memory.
    const int metric3 = model.metricColumn(u"metric_3"_s);
    QCOMPARE(cell(model, 5000, metric3).toString(), RunsTableModel::formatNumber((4999 % 7919) * 0.001 + 3));
    QVERIFY2(model.cachedRowCount() > 0 && model.cachedRowCount() <= 64, qPrintable(QString::number(model.cachedRowCount())));
    // Reading every row keeps a bounded window, and every value is right.
    for (int r = 0; r < model.rowCount(); r += 37) {
        const int i = 9999 - r;
        QCOMPARE(cell(model, r, metric3, RunsTableModel::SortRole).toDouble(), (i % 7919) * 0.001 + 3);
        QCOMPARE(cell(model, r, model.paramColumn(u"param_4"_s)).toString(), QString::number(i % 6));
    }
    QVERIFY(model.cachedRowCount() <= 8192);

    // Prefetching the page below a view reads it whole, clamped to the table, and never more
    // than a quarter of what the model keeps.
    QVERIFY(model.load(q).ok());
    QTRY_VERIFY(!model.isLoading());
    const int top = model.cachedRowCount();  // the model tester may have asked for the first block
    QVERIFY(top == 0 || top == 16);
    model.prefetch(9990, 20000);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.cachedRowCount(), top + 10000 - 9984);  // the block of rows 9984–9999
    model.prefetch(-100, 100);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.cachedRowCount(), 16 + 112);  // rows 0–111: whole blocks of 16
    model.prefetch(0, 9999);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY2(model.cachedRowCount() <= 16 + 112 + 8192 / 4 + 16, qPrintable(QString::number(model.cachedRowCount())));
    QVERIFY(!model.index(100, metric3).data(RunsTableModel::LoadingRole).toBool());
    QCOMPARE(model.index(100, metric3).data(RunsTableModel::SortRole).toDouble(), ((9999 - 100) % 7919) * 0.001 + 3);

    // Sorting by a metric orders all 10,000 rows, the highest value first, ties in cache order.
    model.sort(metric3, Qt::DescendingOrder);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(cell(model, 0, RunsTableModel::NameColumn).toString(), u"run-7918"_s);
    double previous = std::numeric_limits<double>::infinity();
    for (int r = 0; r < model.rowCount(); r += 13) {
        const double v = cell(model, r, metric3, RunsTableModel::SortRole).toDouble();
        QVERIFY2(v <= previous, qPrintable(u"row %1"_s.arg(r)));
        previous = v;
    }
    // A param whose values are numbers sorts numerically.
    model.sort(model.paramColumn(u"param_4"_s), Qt::AscendingOrder);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(cell(model, 0, model.paramColumn(u"param_4"_s)).toString(), u"0"_s);
    QCOMPARE(cell(model, 9999, model.paramColumn(u"param_4"_s)).toString(), u"5"_s);

    // A filter keeps the experiment's columns and the sort.
    q.filter = u"metrics.metric_3 > 10.9"_s;
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.columnCount(), RunsTableModel::FixedColumnCount + 8 + 6);
    QCOMPARE(model.sortColumn(), model.paramColumn(u"param_4"_s));
    QVERIFY(model.rowCount() > 0 && model.rowCount() < 10000);
    QVERIFY(model.readError().isEmpty());
}

void TestModels::runIdsOfASelectionAreReadOnTheWorker()
{
    // "Compare Selected" asks the model for the ids of the selected rows; rows no view painted
    // are not held, and their ids come from the worker, never from a query on this thread.
    md::Cache cache;
    qint64 source = 0;
    QVERIFY(openOwnCache(cache, u"ids"_s, source));
    for (int i = 0; i < 300; ++i) {
        md::Run run;
        run.runId = u"id-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
        run.experimentId = u"1"_s;
        run.runName = u"run-%1"_s.arg(i);
        run.startTime = 1795736000000 + i * 1000;
        QVERIFY(cache.writeRun(source, run).ok());
    }
    RunsTableModel model(&cache);
    md::RunQuery q;
    q.experiments = QStringList{u"1"_s};
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.cachedRowCount(), 0);  // nothing painted, nothing held

    QObject context;
    std::optional<QStringList> got;
    model.runIdsInBackground({0, 150, 299}, &context, [&](const QStringList &ids) { got = ids; });
    QVERIFY(!got);  // asked of the worker, not read here
    QTRY_VERIFY(got.has_value());
    QCOMPARE(*got, (QStringList{u"id-299"_s, u"id-149"_s, u"id-000"_s}));  // newest first, as shown

    // Held rows answer at once.
    QCOMPARE(cell(model, 5, RunsTableModel::NameColumn).toString(), u"run-294"_s);  // reads rows 0–15
    got.reset();
    model.runIdsInBackground({5, 3}, &context, [&](const QStringList &ids) { got = ids; });
    QVERIFY(got.has_value());
    QCOMPARE(*got, (QStringList{u"id-294"_s, u"id-296"_s}));

    // The ids stay those of the rows asked for when the order changes meanwhile, and nothing
    // is delivered to a context that is gone.
    got.reset();
    model.runIdsInBackground({200}, &context, [&](const QStringList &ids) { got = ids; });
    model.sort(RunsTableModel::StartedColumn, Qt::AscendingOrder);
    QTRY_VERIFY(got.has_value());
    QCOMPARE(*got, QStringList{u"id-099"_s});
    bool called = false;
    {
        QObject shortLived;
        model.runIdsInBackground({250}, &shortLived, [&](const QStringList &) { called = true; });
    }
    // The worker answers in order: once a later request has arrived, the one before it has too.
    got.reset();
    model.runIdsInBackground({251}, &context, [&](const QStringList &ids) { got = ids; });
    QTRY_VERIFY(got.has_value());
    QCOMPARE(*got, QStringList{u"id-251"_s});
    QVERIFY(!called);
}

void TestModels::rowsAreReadForTheColumnsInViewFirst()
{
    // 2,000 runs × 14 metrics (two keys whose UTF-8 order differs from UTF-16's) × 6 params.
    md::Cache cache;
    qint64 source = 0;
    QVERIFY(openOwnCache(cache, u"pick"_s, source));
    QStringList metricKeys;
    for (int m = 0; m < 12; ++m)
        metricKeys.append(u"metric_%1"_s.arg(m, 2, 10, QLatin1Char('0')));
    metricKeys << u"z_Ａ"_s << u"z_😀"_s;
    const auto value = [](int run, int m) { return run * 100.0 + m; };
    QVERIFY(cache.beginBatch().ok());
    for (int i = 0; i < 2000; ++i) {
        md::Run run = md::test::numberedRun(i);
        for (int m = 0; m < metricKeys.size(); ++m)
            run.latestMetrics.append(md::MetricPoint{metricKeys[m], value(i, m), run.startTime, 1});
        for (int p = 0; p < 6; ++p)
            run.params.append(md::KeyValue{u"param_%1"_s.arg(p), u"p%1-%2"_s.arg(p).arg(i)});
        QVERIFY(cache.writeRun(source, run).ok());
    }
    QVERIFY(cache.commitBatch().ok());

    RunsTableModel model(&cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    md::RunQuery q;
    q.experiments = QStringList{u"1"_s};
    QVERIFY(model.load(q).ok());
    QTRY_VERIFY(!model.isLoading());
    const int rows = model.rowCount();
    QCOMPARE(rows, 2000);
    const auto runOf = [rows](int row) { return rows - 1 - row; };  // newest first
    // In view: metric_05 and z_Ａ; param_2. The span of metrics is metric_05…z_Ａ, without z_😀:
    // it sorts after z_Ａ as UTF-8 (SQLite's order), before it as UTF-16. Of params, param_2.
    const int m4 = model.metricColumn(u"metric_04"_s);
    const int m5 = model.metricColumn(u"metric_05"_s);
    const int m9 = model.metricColumn(u"metric_09"_s);
    const int fullA = model.metricColumn(u"z_Ａ"_s);
    const int emoji = model.metricColumn(u"z_😀"_s);
    const int p2 = model.paramColumn(u"param_2"_s);
    const int p4 = model.paramColumn(u"param_4"_s);
    model.setColumnsInView({RunsTableModel::NameColumn, m5, fullA, p2});

    // A view shows row 1,000: its block is read with the pick's columns, then whole.
    struct Seen {
        bool arrived = false;
        bool pickedShown = false;
        bool outsideLoading = false;
    } seen;
    const int row = 1000;
    const auto first = connect(&model, &QAbstractItemModel::dataChanged, &model, [&](const QModelIndex &tl, const QModelIndex &br) {
        if (seen.arrived || tl.row() > row || br.row() < row)
            return;
        seen.arrived = true;
        // The values in view are there; the others not yet (the row is not read whole).
        seen.pickedShown = !model.index(row, m9).data(RunsTableModel::LoadingRole).toBool()
            && model.index(row, m9).data(RunsTableModel::SortRole).toDouble() == value(runOf(row), 9)
            && model.index(row, fullA).data(RunsTableModel::SortRole).toDouble() == value(runOf(row), 12)
            && model.index(row, p2).data().toString() == u"p2-%1"_s.arg(runOf(row));
        seen.outsideLoading = model.index(row, m4).data(RunsTableModel::LoadingRole).toBool()
            && model.index(row, emoji).data(RunsTableModel::LoadingRole).toBool()
            && model.index(row, p4).data(RunsTableModel::LoadingRole).toBool()
            && model.index(row, p4).data().toString().isEmpty();
    });
    QVERIFY(model.index(row, m5).data(RunsTableModel::LoadingRole).toBool());
    QTRY_VERIFY(seen.arrived);
    disconnect(first);
    QVERIFY(seen.pickedShown);
    QVERIFY(seen.outsideLoading);
    // Read whole when the worker is idle: every cell of the block, right, without asking again.
    // (Row 1,200's block, whose cells outside the view nobody looked at meanwhile.)
    const int later = 1200;
    QVERIFY(model.index(later, m5).data(RunsTableModel::LoadingRole).toBool());
    QTRY_VERIFY(!model.isLoading());
    const int held = model.cachedRowCount();
    for (int r = later - later % 16; r < later - later % 16 + 16; ++r) {
        for (int m = 0; m < metricKeys.size(); ++m) {
            const QModelIndex index = model.index(r, model.metricColumn(metricKeys[m]));
            QVERIFY2(!index.data(RunsTableModel::LoadingRole).toBool(), qPrintable(u"row %1 %2"_s.arg(r).arg(metricKeys[m])));
            QCOMPARE(index.data(RunsTableModel::SortRole).toDouble(), value(runOf(r), m));
        }
        QCOMPARE(model.index(r, p4).data().toString(), u"p4-%1"_s.arg(runOf(r)));
    }
    QVERIFY(!model.isLoading());
    QCOMPARE(model.cachedRowCount(), held);

    // Far more rows than the worker completes later (a long drag of the scroll bar): those left
    // in part show "Loading…" in a column scrolled into view, then the value.
    model.prefetch(1100, 1600);
    QTRY_VERIFY(!model.isLoading());
    int loadingFirst = 0;
    for (int r = 1100; r <= 1600; r += 7) {
        loadingFirst += model.index(r, m4).data(RunsTableModel::LoadingRole).toBool() ? 1 : 0;
        QCOMPARE(cell(model, r, m4, RunsTableModel::SortRole).toDouble(), value(runOf(r), 4));
        QCOMPARE(cell(model, r, emoji, RunsTableModel::SortRole).toDouble(), value(runOf(r), 13));
    }
    QVERIFY2(loadingFirst > 0, "every row was read whole: the test shows nothing");
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.readError().isEmpty());

    // New columns (another load) forget the pick: rows are read whole at once.
    QVERIFY(model.load(q).ok());
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.index(1500, m5).data(RunsTableModel::LoadingRole).toBool());
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(!model.index(1500, m4).data(RunsTableModel::LoadingRole).toBool());
    QCOMPARE(model.index(1500, p4).data().toString(), u"p4-%1"_s.arg(runOf(1500)));
}

void TestModels::removedRunsTakeTheirColumnsAlong()
{
    // Columns come from the keys the cache keeps per experiment: a metric only a removed run had
    // must not stay behind as an empty column.
    md::Cache cache;
    qint64 source = 0;
    QVERIFY(openOwnCache(cache, u"keys"_s, source));
    for (int i = 0; i < 3; ++i) {
        md::Run run;
        run.runId = u"run%1"_s.arg(i);
        run.experimentId = u"1"_s;
        run.runName = run.runId;
        run.latestMetrics.append(md::MetricPoint{u"shared"_s, double(i), 1, 0});
        run.latestMetrics.append(md::MetricPoint{u"only_%1"_s.arg(i), double(i), 1, 0});
        run.params.append(md::KeyValue{u"p%1"_s.arg(i), u"x"_s});
        QVERIFY(cache.writeRun(source, run).ok());
    }
    RunsTableModel model(&cache);
    md::RunQuery q;
    q.experiments = QStringList{u"1"_s};
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.metricKeys(), (QStringList{u"only_0"_s, u"only_1"_s, u"only_2"_s, u"shared"_s}));
    QCOMPARE(model.paramKeys(), (QStringList{u"p0"_s, u"p1"_s, u"p2"_s}));

    QVERIFY(cache.removeMissing(source, {u"1"_s}, QSet<QString>{u"run0"_s, u"run2"_s}, {}, {}, nullptr).ok());
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.metricKeys(), (QStringList{u"only_0"_s, u"only_2"_s, u"shared"_s}));
    QCOMPARE(model.paramKeys(), (QStringList{u"p0"_s, u"p2"_s}));

    // Explicit run ids: exactly those runs' keys.
    q.runIds = QStringList{u"run2"_s};
    QVERIFY(model.load(q).ok());
    QCOMPARE(model.metricKeys(), (QStringList{u"only_2"_s, u"shared"_s}));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"

void TestModels::readerFreesRowsLetGoBetweenItsReads()
{
    using md::RunsTableReader;
    auto summaries = m_cache.runSummaries(queryFor(u"car_price"_s));
    QVERIFY(summaries.ok() && !summaries->isEmpty());
    const qint64 rowId = summaries->first().rowId;
    const QString runName = summaries->first().runName;

    // Every row let go holds this pick: its use count says how many are not freed yet.
    const auto layout = RunsTableReader::Layout::of({}, {});
    const auto pick = std::make_shared<const RunsTableReader::Pick>();
    const auto rowsToLetGo = [&](int n) {
        std::vector<RunsTableReader::Row> rows(static_cast<size_t>(n));
        for (RunsTableReader::Row &row : rows) {
            row.pick = pick;
            row.params = RunsTableReader::ParamCells(50);
            for (int p = 0; p < 50; ++p)
                row.params.set(p, u"a param value that is not short"_s);
        }
        return rows;
    };
    QMutex mutex;
    QList<long> aliveAtDelivery;
    QStringList delivered;
    {
        RunsTableReader reader(m_cache.path(), [&](RunsTableReader::BlockRead read) {
            const QMutexLocker lock(&mutex);
            aliveAtDelivery.append(pick.use_count() - 1);
            for (const RunsTableReader::Row &row : std::as_const(read.rows))
                delivered.append(row.run.runName);
        });
        // The reader is busy while 20,000 rows are let go and then a block is asked for: the
        // block is read first, the rows are freed after it.
        QSemaphore busy;
        reader.post([&busy](md::Cache &, const md::Status &) { busy.acquire(); });
        reader.discard(rowsToLetGo(20000));
        RunsTableReader::Block block;
        block.id = 1;
        block.rowIds = { rowId };
        block.bases = { 0 };
        block.layout = layout;
        (void)reader.putUrgent({ block }, 4);
        QCOMPARE(pick.use_count(), 20001);
        busy.release();
        QTRY_COMPARE(pick.use_count(), 1);
        const QMutexLocker lock(&mutex);
        QCOMPARE(delivered, QStringList { runName });
        QCOMPARE(aliveAtDelivery, QList<long> { 20000 });

        // Rows let go while the reader is being stopped are freed with it.
        reader.post([&busy](md::Cache &, const md::Status &) { busy.acquire(); });
        reader.discard(rowsToLetGo(1000));
        QCOMPARE(pick.use_count(), 1001);
        busy.release();
    }
    QCOMPARE(pick.use_count(), 1);
}

void TestModels::paramCellsKeepNotSetEmptyAndText()
{
    // Set out of column order, as a run's values arrive in the keys' byte order.
    md::RunsTableReader::ParamCells cells(5);
    QCOMPARE(cells.size(), 5);
    cells.set(3, QByteArrayView("gbr"));
    cells.set(0, u"Глубина 12 — 深さ"_s);
    cells.set(1, QByteArrayView(""));
    cells.set(2, QByteArrayView()); // SQL NULL: not set
    cells.set(4, QString());
    QCOMPARE(cells.at(0), u"Глубина 12 — 深さ"_s);
    QVERIFY(cells.at(1).isEmpty());
    QVERIFY(!cells.at(1).isNull());
    QVERIFY(cells.at(2).isNull());
    QCOMPARE(cells.at(3), u"gbr"_s);
    QVERIFY(cells.at(4).isNull());
    const QString long6000(6000, u'x');
    cells.set(2, long6000);
    QCOMPARE(cells.at(2), long6000);
    QCOMPARE(cells.at(3), u"gbr"_s);
    // An empty value alone in its row is still set.
    md::RunsTableReader::ParamCells one(1);
    one.set(0, QByteArrayView(""));
    QVERIFY(one.at(0).isEmpty() && !one.at(0).isNull());
}
