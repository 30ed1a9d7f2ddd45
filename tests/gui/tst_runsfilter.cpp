// SPDX-License-Identifier: GPL-3.0-or-later
// The Runs page's filter as a person reads it: the rows, the heading and the result line under the
// field, on a cache imported from copies of the MLflow fixtures (file store and SQL store) that
// gained empty params and tags, and a metric named val.auc. Offscreen.
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "gui/RunsPage.h"
#include "models/RunsTableModel.h"
#include "sqlite/Database.h"
#include "sync/Importer.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using md::RunsTableModel;

namespace {

// tests/data/ids-mlruns-file-store.json and ids-server-and-mlflow-db.json.
const QString kFileCarPrice = u"841587320559560834"_s;
const QString kFileSweep = u"359751329447329243"_s;
const QStringList kFileCarRuns = { u"7d7c9949f52c4a02bac3677187794007"_s, u"a341c34930dd436184839c690c80d573"_s,
    u"08bc4907c58e4e92a92a80dde70debdb"_s, u"961265c7ff03493a80eccd895a6ead54"_s };
const QStringList kDbCarRuns = { u"725002bf71b846ac946886aaea49b30c"_s, u"a61fdea6c25245ed8973f61519cc9756"_s,
    u"461c5bd83cee458e98633ddf56f8ff5f"_s, u"3f9763b59bcc4a11a9231f572751e2be"_s };

} // namespace

class TestRunsFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStringsMatchAsInMlflow_data();
    void emptyStringsMatchAsInMlflow();
    void nanComparesAsIeee_data();
    void nanComparesAsIeee();
    void unknownKeyIsNamedOnTheResultLine();
    void headingShowsTheStateAfterABadFilter();
    void headingOfARunGroupAfterABadFilter();

private:
    /// Types the filter and presses Enter, as a person does; waits for the table.
    void apply(const QString &filter);
    /// Waits until the table has what it asked for: it loads and reads rows on a worker thread.
    void settle() { QTRY_VERIFY(!m_page->model()->isLoading()); }
    QStringList shownRunIds() const;
    QString heading() const;
    int metricColumn(const QString &key) const { return m_page->model()->metricColumn(key); }

    QTemporaryDir m_dir;
    md::Cache m_cache;
    qint64 m_fileSource = 0;
    qint64 m_dbSource = 0;
    std::unique_ptr<md::RunsPage> m_page;
};

void TestRunsFilter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The file store: params and tags are files holding the value as is, so an empty value is an
    // empty file (MLflow writes it so and reads it back as "").
    const QString store = m_dir.filePath(u"mlruns"_s);
    QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), store));
    const QString car = store + u'/' + kFileCarPrice + u'/';
    QVERIFY(md::test::writeFile(car + kFileCarRuns[0] + u"/params/optimizer"_s, QByteArray()));
    QVERIFY(md::test::writeFile(car + kFileCarRuns[1] + u"/params/optimizer"_s, QByteArray()));
    QVERIFY(md::test::writeFile(car + kFileCarRuns[2] + u"/params/optimizer"_s, "adam"));
    QVERIFY(md::test::writeFile(car + kFileCarRuns[0] + u"/tags/reviewer"_s, QByteArray()));
    QVERIFY(md::test::writeFile(car + kFileCarRuns[1] + u"/tags/reviewer"_s, "bob"));
    QVERIFY(md::test::writeFile(car + kFileCarRuns[3] + u"/metrics/val.auc"_s, "1795736395238 0.91 0\n"));

    // The SQL store: the same values as rows, params.value NOT NULL as in MLflow's schema.
    const QString dbPath = m_dir.filePath(u"mlflow.db"_s);
    QVERIFY(QFile::copy(md::test::dataPath(u"mlflow.db"_s), dbPath));
    QFile::setPermissions(dbPath, QFile::ReadOwner | QFile::WriteOwner);
    {
        md::Database db;
        QVERIFY(db.open(dbPath, false).ok());
        const md::Status s = db.exec(u"INSERT INTO params (key, value, run_uuid) VALUES ('optimizer', '', '%1'), "
                                     "('optimizer', '', '%2'), ('optimizer', 'adam', '%3');"
                                     "INSERT INTO tags (key, value, run_uuid) VALUES ('reviewer', '', '%1'), "
                                     "('reviewer', 'bob', '%2');"_s.arg(kDbCarRuns[0], kDbCarRuns[1], kDbCarRuns[2]));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    }

    const QString cachePath = m_dir.filePath(u"cache.sqlite"_s);
    const std::atomic_bool never{false};
    auto file = md::Importer::importUri(QUrl::fromLocalFile(store).toString(), cachePath,
                                        md::Journal::defaultPathFor(cachePath), never);
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().toString()));
    QVERIFY(file->problems.isEmpty());
    m_fileSource = file->sourceId;
    auto db = md::Importer::importUri(u"sqlite:///"_s + dbPath, cachePath, md::Journal::defaultPathFor(cachePath), never);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().toString()));
    m_dbSource = db->sourceId;
    QVERIFY(m_cache.open(cachePath).ok());
}

void TestRunsFilter::init()
{
    m_page = std::make_unique<md::RunsPage>(&m_cache);
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestRunsFilter::cleanup()
{
    m_page.reset();
}

void TestRunsFilter::apply(const QString &filter)
{
    QLineEdit *edit = m_page->filterEdit();
    edit->selectAll();
    if (filter.isEmpty())
        edit->clear();
    else
        QTest::keyClicks(edit, filter);
    QTest::keyClick(edit, Qt::Key_Return);
    settle();
}

QStringList TestRunsFilter::shownRunIds() const
{
    QStringList ids;
    const RunsTableModel *model = m_page->model();
    for (int r = 0; r < model->rowCount(); ++r)
        ids.append(model->index(r, 0).data(RunsTableModel::RunIdRole).toString());
    ids.sort();
    return ids;
}

QString TestRunsFilter::heading() const
{
    auto *title = m_page->findChild<QLabel *>(u"titleLabel"_s);
    return title ? title->text() : QString();
}

void TestRunsFilter::emptyStringsMatchAsInMlflow_data()
{
    QTest::addColumn<bool>("sqlStore");
    QTest::newRow("file store") << false;
    QTest::newRow("SQL store") << true;
}

void TestRunsFilter::emptyStringsMatchAsInMlflow()
{
    QFETCH(bool, sqlStore);
    const QStringList runs = sqlStore ? kDbCarRuns : kFileCarRuns;
    m_page->showExperiment(sqlStore ? m_dbSource : m_fileSource, sqlStore ? u"1"_s : kFileCarPrice, u"car_price"_s);
    settle();
    QCOMPARE(m_page->model()->rowCount(), 4);
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };

    apply(u"params.optimizer = ''"_s);
    QCOMPARE(shownRunIds(), sorted({ runs[0], runs[1] }));
    QCOMPARE(heading(), u"car_price — 2 runs match the filter"_s);
    QVERIFY(m_page->filterHintLabel()->isHidden());
    QVERIFY(m_page->filterErrorLabel()->isHidden());

    apply(u"params.optimizer = \"\""_s);
    QCOMPARE(shownRunIds(), sorted({ runs[0], runs[1] }));
    // != '' keeps the runs with a value; the run without the param matches neither (MLflow's rule).
    apply(u"params.optimizer != ''"_s);
    QCOMPARE(shownRunIds(), QStringList { runs[2] });
    QCOMPARE(heading(), u"car_price — 1 run matches the filter"_s);
    apply(u"params.optimizer != 'adam'"_s);
    QCOMPARE(shownRunIds(), sorted({ runs[0], runs[1] }));
    apply(u"params.optimizer IS NULL"_s);
    QCOMPARE(shownRunIds(), QStringList { runs[3] });
    apply(u"tags.reviewer = ''"_s);
    QCOMPARE(shownRunIds(), QStringList { runs[0] });
    apply(u"tags.reviewer != ''"_s);
    QCOMPARE(shownRunIds(), QStringList { runs[1] });
    apply(u"params.optimizer = '' and tags.reviewer = ''"_s);
    QCOMPARE(shownRunIds(), QStringList { runs[0] });
    QCOMPARE(heading(), u"car_price — 1 run matches the filter"_s);
}

void TestRunsFilter::nanComparesAsIeee_data()
{
    QTest::addColumn<bool>("sqlStore");
    QTest::newRow("file store") << false;
    // MLflow's SQL store keeps NaN as 0 with is_nan set; the import reads it back as NaN.
    QTest::newRow("SQL store") << true;
}

void TestRunsFilter::nanComparesAsIeee()
{
    QFETCH(bool, sqlStore);
    m_page->showExperiment(sqlStore ? m_dbSource : m_fileSource, sqlStore ? u"2"_s : kFileSweep,
                           u"car_price_sweep"_s);
    settle();
    const int loss = metricColumn(u"loss"_s);
    QVERIFY(loss >= RunsTableModel::FixedColumnCount);
    auto nanRows = [&] {
        md::RunsTableModel *model = m_page->model();
        model->prefetch(0, model->rowCount() - 1);  // the rows below the first screenful too
        if (!QTest::qWaitFor([model] { return !model->isLoading(); }, 10000))
            return -1;
        int n = 0;
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            n += std::isnan(m_page->model()->index(r, loss).data(RunsTableModel::SortRole).toDouble()) ? 1 : 0;
        return n;
    };
    // The FAILED runs (and one finished run) of the sweep end with loss = NaN.
    apply(u"metrics.loss != 1"_s);
    const int notOne = m_page->model()->rowCount();
    const int nan = nanRows();
    QVERIFY2(nan > 0, "!= keeps the runs whose loss is NaN");
    apply(u"metrics.loss < 1e308"_s);
    QCOMPARE(nanRows(), 0);
    QCOMPARE(m_page->model()->rowCount(), notOne - nan);
    apply(u"metrics.loss >= -1e308"_s);
    QCOMPARE(nanRows(), 0);
    QCOMPARE(m_page->model()->rowCount(), notOne - nan);
    // MLflow's SQL store would match the NaN runs here (it compares the 0 it stores); IEEE does not.
    apply(u"metrics.loss = 0"_s);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(heading(), u"car_price_sweep — 0 runs match the filter"_s);
    apply(u"metrics.loss <= 0"_s);
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestRunsFilter::unknownKeyIsNamedOnTheResultLine()
{
    m_page->showExperiment(m_fileSource, kFileCarPrice, u"car_price"_s);
    settle();
    QLabel *hint = m_page->filterHintLabel();
    QVERIFY(hint->isHidden());

    apply(u"metrics.val_auc > 0.5"_s);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"No run in this experiment has metric 'val_auc' — did you mean 'val.auc'?"_s);
    QCOMPARE(heading(), u"car_price — 0 runs match the filter"_s);
    QVERIFY(m_page->filterErrorLabel()->isHidden());
    // A hint, not an error: the window's text colour, whatever the palette.
    QCOMPARE(hint->palette().color(QPalette::WindowText), m_page->palette().color(QPalette::WindowText));

    // The key meant gives the run.
    apply(u"metrics.`val.auc` > 0.5"_s);
    QCOMPARE(shownRunIds(), QStringList { kFileCarRuns[3] });
    QVERIFY(hint->isHidden());

    // Params and tags too, each unknown key on its own line; a key of another kind is named whole.
    apply(u"params.Optimizer = 'adam' and tags.reveiwer = 'bob' and metrics.n_estimators > 1"_s);
    QCOMPARE(hint->text(),
             u"No run in this experiment has param 'Optimizer' — did you mean 'optimizer'?\n"
             "No run in this experiment has tag 'reveiwer' — did you mean 'reviewer'?\n"
             "No run in this experiment has metric 'n_estimators' — did you mean 'params.n_estimators'?"_s);
    // Nothing close: the key alone.
    apply(u"tags.zzz_unheard_of = 'x'"_s);
    QCOMPARE(hint->text(), u"No run in this experiment has tag 'zzz_unheard_of'"_s);
    // A key that only the other experiment has is unknown here.
    apply(u"metrics.loss < 1"_s);
    QVERIFY(hint->text().startsWith(u"No run in this experiment has metric 'loss'"_s));

    // Clearing the field clears the line.
    apply(QString());
    QCOMPARE(m_page->model()->rowCount(), 4);
    QVERIFY(hint->isHidden());

    // Only the keys of this experiment are offered: the reviewer tag is car_price's.
    m_page->showExperiment(m_fileSource, kFileSweep, u"car_price_sweep"_s);
    settle();
    apply(u"tags.reviewer = 'bob'"_s);
    QCOMPARE(hint->text(), u"No run in this experiment has tag 'reviewer'"_s);
    apply(u"tags.mlflow.runname LIKE 'trial%'"_s);
    QCOMPARE(hint->text(), u"No run in this experiment has tag 'mlflow.runname' — did you mean 'mlflow.runName'?"_s);
}

void TestRunsFilter::headingShowsTheStateAfterABadFilter()
{
    m_page->showExperiment(m_fileSource, kFileCarPrice, u"car_price"_s);
    settle();
    QSignalSpy shown(m_page.get(), &md::RunsPage::runsShown);
    apply(u"metrics.val_r2_score > 0.86"_s);
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(heading(), u"car_price — 2 runs match the filter"_s);
    const int mae = metricColumn(u"mae"_s);
    m_page->table()->horizontalHeader()->resizeSection(mae, 311);

    apply(u"metrics.val_r2_score >> 0.86"_s);
    QVERIFY(m_page->filterErrorLabel()->isVisible());
    QVERIFY(m_page->filterHintLabel()->isHidden());
    // Neither the rows nor the count of the filter before: what this filter gives.
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(heading(), u"car_price — filter error, 0 of 4 runs shown"_s);
    QCOMPARE(shown.last().at(0).toInt(), 0);
    // The columns stay, with their widths; a live update re-reads the table and it stays empty.
    QCOMPARE(metricColumn(u"mae"_s), mae);
    QCOMPARE(m_page->table()->columnWidth(mae), 311);
    QVERIFY(m_page->model()->refresh().ok());
    QCOMPARE(m_page->model()->rowCount(), 0);

    // A second bad filter in a row says the same.
    apply(u"metrics.val_r2_score > 0.86 or metrics.mae < 1"_s);
    QCOMPARE(heading(), u"car_price — filter error, 0 of 4 runs shown"_s);

    // Fixed: the runs, the count and the column widths from before the error are back.
    apply(u"metrics.val_r2_score > 0.86"_s);
    QVERIFY(m_page->filterErrorLabel()->isHidden());
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(heading(), u"car_price — 2 runs match the filter"_s);
    QCOMPARE(m_page->table()->columnWidth(mae), 311);

    // The clear button after a bad filter shows every run.
    apply(u"metrics.mae <"_s);
    QCOMPARE(heading(), u"car_price — filter error, 0 of 4 runs shown"_s);
    m_page->filterEdit()->clear();
    settle();
    QCOMPARE(m_page->model()->rowCount(), 4);
    QCOMPARE(heading(), u"car_price — 4 runs"_s);
}

void TestRunsFilter::headingOfARunGroupAfterABadFilter()
{
    auto groups = m_cache.runGroups(m_fileSource, false);
    QVERIFY(groups.ok());
    const auto parent = std::find_if(groups->cbegin(), groups->cend(),
                                     [](const md::RunGroup &g) { return g.parentName == u"sweep-parent-03"_s; });
    QVERIFY(parent != groups->cend());
    m_page->showRunGroup(m_fileSource, kFileSweep, u"car_price_sweep"_s, parent->parentRunId, parent->parentName);
    settle();
    const int rows = m_page->model()->rowCount();
    QCOMPARE(rows, int(parent->childCount) + 1);
    apply(u"params.seed ="_s);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(heading(), u"car_price_sweep › sweep-parent-03 — filter error, 0 of %1 runs shown"_s.arg(rows));
}

QTEST_MAIN(TestRunsFilter)
#include "tst_runsfilter.moc"
