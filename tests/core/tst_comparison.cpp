// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison table (md::RunComparison) and metric directions, over the car_price runs of the
// file-store fixture imported into a real cache, and small hand-made runs for the exact exports.
#include "TestSupport.h"

#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/MetricDirection.h"
#include "core/RunComparison.h"
#include "core/TimeFormat.h"
#include "sync/HistoryLoader.h"
#include "sync/Importer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using md::CellOutcome;
using md::RunComparison;
using md::ComparisonSection;
using md::MetricDirection;
using md::StepSelection;

Q_DECLARE_METATYPE(md::MetricDirection)

namespace {

const QString kLinear = u"7d7c9949f52c4a02bac3677187794007"_s;
const QString kForest = u"a341c34930dd436184839c690c80d573"_s;
const QString kXgb = u"08bc4907c58e4e92a92a80dde70debdb"_s;
const QString kTuned = u"961265c7ff03493a80eccd895a6ead54"_s;

const md::ComparisonRow *findRow(const RunComparison &c, ComparisonSection section, const QString &key)
{
    for (const md::ComparisonRow &row : c.rows())
        if (row.section == section && row.key == key)
            return &row;
    return nullptr;
}

md::Run smallRun(const QString &id, const QString &name, double r2, double loss, const QString &depth)
{
    md::Run run;
    run.runId = id;
    run.runName = name;
    run.experimentId = u"1"_s;
    run.status = u"FINISHED"_s;
    run.latestMetrics = {md::MetricPoint{u"r2"_s, r2, 0, 3}, md::MetricPoint{u"loss"_s, loss, 0, 3}};
    run.params = {md::KeyValue{u"max_depth"_s, depth}, md::KeyValue{u"seed"_s, u"42"_s}};
    run.tags = {md::KeyValue{u"note"_s, u"a, \"quoted\" | note"_s}, md::KeyValue{u"mlflow.user"_s, u"ds"_s}};
    return run;
}

} // namespace

class TestComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void inferDirection_data();
    void inferDirection();
    void overridesWin();
    void carPriceAgainstProduction();
    void lowerIsBetterMarksTheLowest();
    void overrideChangesColourAndBest();
    void differencesOnlyDropsIdenticalRows();
    void rowSearch();
    void stepModes_data();
    void stepModes();
    void historyModesWithoutHistoryAreEmpty();
    void defaultBaseline();
    void exportsExactText();
    void transposedTsv();
    void json();
    void nanAndZeroBaseline();
    void keysDifferFromRunToRun();
    void firstPointOfAKeyWins();
    void timesAsQDateTimeWritesThem();

private:
    RunComparison carPrice(const RunComparison::Options &options) const;
    int indexOf(const QString &runId) const;

    QTemporaryDir m_dir;
    md::Cache m_cache;
    QList<md::RunRow> m_rows;  // the four car_price runs, sorted by name
    QList<md::Run> m_runs;
    md::RunHistories m_histories;
};

void TestComparison::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cachePath = m_dir.filePath(u"cache.sqlite"_s);
    std::atomic_bool cancel{false};
    auto report = md::Importer::importUri(QUrl::fromLocalFile(md::test::dataPath(u"mlruns"_s)).toString(), cachePath,
                                          md::Journal::defaultPathFor(cachePath), cancel);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
    QVERIFY(m_cache.open(cachePath).ok());
    md::RunQuery q;
    q.experiments = QStringList{u"car_price"_s};
    auto rows = m_cache.runs(q);
    QVERIFY(rows.ok());
    m_rows = *rows;
    std::sort(m_rows.begin(), m_rows.end(), [](const md::RunRow &a, const md::RunRow &b) { return a.run.runName < b.run.runName; });
    QCOMPARE(m_rows.size(), 4);
    for (const md::RunRow &r : std::as_const(m_rows))
        m_runs.append(r.run);
    QCOMPARE(m_runs.at(0).runName, u"Linear Regression"_s);
    QCOMPARE(m_runs.at(3).runName, u"XGBoost tuned"_s);

    // Full histories the way the page loads them.
    QList<md::HistoryLoader::Request> requests;
    for (const md::RunRow &r : std::as_const(m_rows))
        for (const md::MetricPoint &p : r.run.latestMetrics)
            requests.append({r.rowId, p.key});
    md::HistoryLoader loader(m_cache);
    auto loaded = loader.load(requests, cancel);
    QVERIFY(loaded.ok());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QString runId;
        for (const md::RunRow &r : std::as_const(m_rows))
            if (r.rowId == requests.at(i).runRowId)
                runId = r.run.runId;
        m_histories[runId][requests.at(i).key] = loaded->at(i);
    }
    QCOMPARE(m_histories.value(kLinear).value(u"val_r2_score"_s).size(), 6);
}

RunComparison TestComparison::carPrice(const RunComparison::Options &options) const
{
    return RunComparison::build(m_runs, options);
}

int TestComparison::indexOf(const QString &runId) const
{
    for (int i = 0; i < m_runs.size(); ++i)
        if (m_runs.at(i).runId == runId)
            return i;
    return -1;
}

void TestComparison::inferDirection_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<MetricDirection>("expected");
    const auto higher = MetricDirection::HigherIsBetter;
    const auto lower = MetricDirection::LowerIsBetter;
    const auto none = MetricDirection::Unknown;
    const QList<std::pair<const char *, MetricDirection>> cases{
        {"r2", higher}, {"val_r2_score", higher}, {"train_r2_score", higher}, {"best_val_r2_score", higher},
        {"accuracy", higher}, {"val_accuracy", higher}, {"valAcc", higher}, {"auc", higher}, {"roc_auc", higher},
        {"f1", higher}, {"f1_macro", higher}, {"eval/precision", higher}, {"recall@10", higher}, {"ndcg_at_5", higher},
        {"log_likelihood", higher}, {"neg_mean_squared_error", higher}, {"neg_log_loss", higher},
        {"loss", lower}, {"val_loss", lower}, {"valLoss", lower}, {"trainloss", lower}, {"mse", lower},
        {"val_mse", lower}, {"rmse", lower}, {"mae", lower}, {"mean_absolute_error", lower}, {"perplexity", lower},
        {"training_time_s", lower}, {"inference.latency_ms", lower}, {"r2_loss", lower}, {"neg_log_likelihood", lower},
        {"anomaly_score", higher},
        {"grad_norm", none}, {"learning_rate", none}, {"epoch", none}, {"n_estimators", none}, {"", none}};
    for (const auto &[key, dir] : cases)
        QTest::newRow(key) << QString::fromUtf8(key) << dir;
}

void TestComparison::inferDirection()
{
    QFETCH(QString, key);
    QFETCH(MetricDirection, expected);
    QCOMPARE(md::inferMetricDirection(key), expected);
}

void TestComparison::overridesWin()
{
    md::MetricDirections d;
    QCOMPARE(d.direction(u"rmse"_s), MetricDirection::LowerIsBetter);
    d.setOverride(u"rmse"_s, MetricDirection::HigherIsBetter);
    d.setOverride(u"grad_norm"_s, MetricDirection::LowerIsBetter);
    QCOMPARE(d.direction(u"rmse"_s), MetricDirection::HigherIsBetter);
    QCOMPARE(d.direction(u"grad_norm"_s), MetricDirection::LowerIsBetter);
    QVERIFY(d.isOverridden(u"rmse"_s));
    QVERIFY(!d.isOverridden(u"mae"_s));

    // Remembered through QSettings' QVariantMap form.
    const QVariantMap map = d.toVariantMap();
    QCOMPARE(map.value(u"rmse"_s).toString(), u"higher"_s);
    QVariantMap withJunk = map;
    withJunk.insert(u"mae"_s, u"sideways"_s);
    const md::MetricDirections back = md::MetricDirections::fromVariantMap(withJunk);
    QCOMPARE(back.overrides(), d.overrides());

    d.clearOverride(u"rmse"_s);
    QCOMPARE(d.direction(u"rmse"_s), MetricDirection::LowerIsBetter);
    QCOMPARE(md::metricDirectionFromName(u"none"_s), std::optional<MetricDirection>(MetricDirection::Unknown));
    QCOMPARE(md::metricDirectionFromName(u"up"_s), std::nullopt);
}

void TestComparison::carPriceAgainstProduction()
{
    auto models = m_cache.registeredModels(std::nullopt);
    QVERIFY(models.ok());
    QStringList ids;
    for (const md::Run &r : std::as_const(m_runs))
        ids.append(r.runId);
    // v4 (XGBoost tuned) is in Production.
    const int baseline = md::defaultBaselineIndex(ids, *models);
    QCOMPARE(baseline, indexOf(kTuned));

    RunComparison::Options options;
    options.baseline = baseline;
    const RunComparison c = carPrice(options);
    QCOMPARE(c.runCount(), 4);
    QCOMPARE(c.baseline(), 3);
    QCOMPARE(c.runLabel(0), u"Linear Regression"_s);

    const md::ComparisonRow *r2 = findRow(c, ComparisonSection::Metric, u"val_r2_score"_s);
    QVERIFY(r2);
    QCOMPARE(r2->direction, MetricDirection::HigherIsBetter);
    QVERIFY(!r2->directionOverridden);
    QVERIFY(r2->differs);
    QCOMPARE(r2->bestRuns, QList<int>{indexOf(kTuned)});
    QCOMPARE(r2->cells.at(3).text, u"0.89"_s);
    QCOMPARE(*r2->cells.at(3).step, 5);

    // The baseline against itself: zero.
    const md::ComparisonCell &own = r2->cells.at(3);
    QCOMPARE(*own.delta, 0.0);
    QCOMPARE(*own.deltaPercent, 0.0);
    QCOMPARE(own.outcome, CellOutcome::Equal);
    QCOMPARE(c.displayText(*r2, 3), u"0.89"_s);

    const md::ComparisonCell &linear = r2->cells.at(indexOf(kLinear));
    QVERIFY(std::abs(*linear.delta - -0.07) < 1e-9);
    QVERIFY(std::abs(*linear.deltaPercent - -7.8651685) < 1e-6);
    QCOMPARE(linear.outcome, CellOutcome::Regressed);
    QCOMPARE(c.displayText(*r2, indexOf(kLinear)), u"0.82 (\u22120.07, \u22127.9 %)"_s);
    QCOMPARE(c.displayText(*r2, indexOf(kXgb)), u"0.88 (\u22120.01, \u22121.1 %)"_s);

    // Against Linear Regression instead, the others improved.
    options.baseline = indexOf(kLinear);
    const RunComparison vsLinear = carPrice(options);
    const md::ComparisonRow *r2l = findRow(vsLinear, ComparisonSection::Metric, u"val_r2_score"_s);
    QCOMPARE(r2l->cells.at(indexOf(kTuned)).outcome, CellOutcome::Improved);
    QCOMPARE(vsLinear.displayText(*r2l, indexOf(kTuned)), u"0.89 (+0.07, +8.5 %)"_s);

    // Params and tags compare as text; MLflow's system tags are not rows.
    const md::ComparisonRow *depth = findRow(c, ComparisonSection::Param, u"max_depth"_s);
    QVERIFY(depth);
    QCOMPARE(depth->cells.at(indexOf(kTuned)).text, u"6"_s);
    QCOMPARE(depth->cells.at(indexOf(kXgb)).outcome, CellOutcome::Changed);
    QVERIFY(!depth->cells.at(indexOf(kLinear)).present);
    QVERIFY(findRow(c, ComparisonSection::Tag, u"algorithm"_s));
    QVERIFY(!findRow(c, ComparisonSection::Tag, u"mlflow.runName"_s));
    const md::ComparisonRow *status = findRow(c, ComparisonSection::Attribute, u"status"_s);
    QVERIFY(status);
    QCOMPARE(status->cells.at(0).text, u"FINISHED"_s);
    QCOMPARE(findRow(c, ComparisonSection::Attribute, u"run_id"_s)->cells.at(3).text, kTuned);
    // Metrics first, then params, tags, attributes.
    QCOMPARE(c.rows().first().section, ComparisonSection::Metric);
    QCOMPARE(c.rows().last().section, ComparisonSection::Attribute);
    QCOMPARE(c.rows().size(), 7 + 19 + 3 + 8);
}

void TestComparison::lowerIsBetterMarksTheLowest()
{
    RunComparison::Options options;
    options.baseline = indexOf(kTuned);
    const RunComparison c = carPrice(options);
    const md::ComparisonRow *rmse = findRow(c, ComparisonSection::Metric, u"rmse"_s);
    QVERIFY(rmse);
    QCOMPARE(rmse->direction, MetricDirection::LowerIsBetter);
    QCOMPARE(rmse->bestRuns, QList<int>{indexOf(kTuned)});  // 2653.2998 is the lowest
    QCOMPARE(rmse->cells.at(indexOf(kForest)).outcome, CellOutcome::Regressed);  // 3098.3867
    QCOMPARE(rmse->cells.at(indexOf(kForest)).text, u"3098.39"_s);

    // Decision: time is lower-is-better; Random Forest (13.193 s) is not the fastest, tuned is.
    const md::ComparisonRow *time = findRow(c, ComparisonSection::Metric, u"training_time_s"_s);
    QCOMPARE(time->direction, MetricDirection::LowerIsBetter);
    QCOMPARE(time->bestRuns, QList<int>{indexOf(kTuned)});
    QCOMPARE(time->cells.at(indexOf(kLinear)).outcome, CellOutcome::Regressed);
}

void TestComparison::overrideChangesColourAndBest()
{
    RunComparison::Options options;
    options.baseline = indexOf(kTuned);
    options.directions.setOverride(u"rmse"_s, MetricDirection::HigherIsBetter);
    options.directions.setOverride(u"mae"_s, MetricDirection::Unknown);
    const RunComparison c = carPrice(options);
    const md::ComparisonRow *rmse = findRow(c, ComparisonSection::Metric, u"rmse"_s);
    QVERIFY(rmse->directionOverridden);
    QCOMPARE(rmse->bestRuns, QList<int>{indexOf(kLinear)});  // 3394.1125, now "best"
    QCOMPARE(rmse->cells.at(indexOf(kForest)).outcome, CellOutcome::Improved);
    const md::ComparisonRow *mae = findRow(c, ComparisonSection::Metric, u"mae"_s);
    QVERIFY(mae->bestRuns.isEmpty());
    QCOMPARE(mae->cells.at(indexOf(kForest)).outcome, CellOutcome::Changed);
    QVERIFY(mae->cells.at(indexOf(kForest)).delta.has_value());
}

void TestComparison::differencesOnlyDropsIdenticalRows()
{
    const RunComparison c = carPrice({});
    const md::ComparisonRow *samples = findRow(c, ComparisonSection::Param, u"n_samples"_s);
    QVERIFY(samples);
    QVERIFY(!samples->differs);
    for (const md::ComparisonCell &cell : samples->cells)
        QCOMPARE(cell.text, u"384"_s);
    QVERIFY(samples->cells.at(1).outcome == CellOutcome::Equal);

    const QList<int> all = c.visibleRows({});
    md::ComparisonExportOptions only;
    only.onlyDifferences = true;
    const QList<int> diff = c.visibleRows(only);
    QCOMPARE(all.size(), c.rows().size());
    // Same everywhere: params cv_folds, n_features, n_samples, random_state, test_size; tags
    // dataset_version, model_type; attributes experiment_id, status, user_id, and duration (each
    // run took 1.4 s: attributes compare as shown).
    QStringList dropped;
    for (int i : all)
        if (!diff.contains(i))
            dropped.append(c.rows().at(i).qualifiedKey());
    QCOMPARE(all.size() - diff.size(), dropped.size());
    QCOMPARE(dropped, (QStringList{u"params.cv_folds"_s, u"params.n_features"_s, u"params.n_samples"_s,
                                   u"params.random_state"_s, u"params.test_size"_s, u"tags.dataset_version"_s,
                                   u"tags.model_type"_s, u"attributes.experiment_id"_s, u"attributes.status"_s,
                                   u"attributes.user_id"_s, u"attributes.duration"_s}));
    QCOMPARE(findRow(c, ComparisonSection::Attribute, u"duration"_s)->cells.at(0).text, u"1.4 s"_s);
    // A param only some runs have differs.
    QVERIFY(findRow(c, ComparisonSection::Param, u"fit_intercept"_s)->differs);
    QVERIFY(!c.toTsv(only).contains(u"params.n_samples"_s));
    QVERIFY(c.toTsv({}).contains(u"params.n_samples\t384\t384\t384\t384\n"_s));
}

void TestComparison::rowSearch()
{
    const RunComparison c = carPrice({});
    md::ComparisonExportOptions o;
    o.search = u"R2"_s;
    QStringList keys;
    for (int i : c.visibleRows(o))
        keys.append(c.rows().at(i).qualifiedKey());
    QCOMPARE(keys, (QStringList{u"metrics.train_r2_score"_s, u"metrics.val_r2_score"_s}));
    o.search = u"params.max"_s;
    QCOMPARE(c.visibleRows(o).size(), 2);  // max_depth, max_features
}

void TestComparison::stepModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("linear");
    QTest::addColumn<qint64>("linearStep");
    QTest::addColumn<QString>("tuned");
    QTest::addColumn<int>("best");

    // val_r2_score, Linear Regression: 0.807085 0.796461 0.796774 0.827876 0.822067 0.82 (steps 0–5)
    // XGBoost tuned: 0.887204 0.877498 0.877249 0.880712 0.878447 0.89
    QTest::newRow("latest") << int(StepSelection::Mode::Latest) << qint64(0) << u"0.82"_s << qint64(5) << u"0.89"_s << 3;
    QTest::newRow("min") << int(StepSelection::Mode::Min) << qint64(0) << u"0.796461"_s << qint64(1) << u"0.877249"_s << 3;
    // XGBoost's best fold (0.890906, step 2) beats everything.
    QTest::newRow("max") << int(StepSelection::Mode::Max) << qint64(0) << u"0.827876"_s << qint64(3) << u"0.89"_s << 2;
    QTest::newRow("at step 2") << int(StepSelection::Mode::AtStep) << qint64(2) << u"0.796774"_s << qint64(2)
                               << u"0.877249"_s << 2;  // XGBoost's fold 2 (0.890906) wins there
}

void TestComparison::stepModes()
{
    QFETCH(int, mode);
    QFETCH(qint64, step);
    QFETCH(QString, linear);
    QFETCH(qint64, linearStep);
    QFETCH(QString, tuned);
    QFETCH(int, best);

    RunComparison::Options options;
    options.baseline = indexOf(kTuned);
    options.step = StepSelection{StepSelection::Mode(mode), step};
    options.histories = m_histories;
    const RunComparison c = carPrice(options);
    QCOMPARE(c.step(), options.step);
    const md::ComparisonRow *r2 = findRow(c, ComparisonSection::Metric, u"val_r2_score"_s);
    QVERIFY(r2);
    QCOMPARE(r2->cells.at(indexOf(kLinear)).text, linear);
    QCOMPARE(*r2->cells.at(indexOf(kLinear)).step, linearStep);
    QCOMPARE(r2->cells.at(indexOf(kTuned)).text, tuned);
    QCOMPARE(r2->bestRuns, QList<int>{best});

    // training_time_s is logged once, at step 0.
    const md::ComparisonRow *time = findRow(c, ComparisonSection::Metric, u"training_time_s"_s);
    QCOMPARE(time->cells.at(0).present, StepSelection::Mode(mode) != StepSelection::Mode::AtStep);
}

void TestComparison::historyModesWithoutHistoryAreEmpty()
{
    RunComparison::Options options;
    options.step = StepSelection{StepSelection::Mode::Max, 0};
    const RunComparison c = carPrice(options);
    // No histories given, and the cached runs carry none: the metric rows have no values.
    const md::ComparisonRow *r2 = findRow(c, ComparisonSection::Metric, u"val_r2_score"_s);
    QVERIFY(r2);
    for (const md::ComparisonCell &cell : r2->cells)
        QVERIFY(!cell.present);
    QVERIFY(!r2->differs);

    // Run::history is used when hasHistory is set.
    QList<md::Run> runs{smallRun(u"a"_s, u"A"_s, 0.5, 1, u"3"_s), smallRun(u"b"_s, u"B"_s, 0.6, 2, u"4"_s)};
    runs[0].hasHistory = true;
    runs[0].history = {md::MetricPoint{u"r2"_s, 0.7, 0, 1}, md::MetricPoint{u"r2"_s, 0.5, 0, 3}};
    const RunComparison own = RunComparison::build(runs, options);
    const md::ComparisonRow *r2a = findRow(own, ComparisonSection::Metric, u"r2"_s);
    QCOMPARE(r2a->cells.at(0).text, u"0.7"_s);
    QVERIFY(!r2a->cells.at(1).present);
}

void TestComparison::defaultBaseline()
{
    const QStringList ids{u"r1"_s, u"r2"_s, u"r3"_s};
    md::RegisteredModel m;
    m.name = u"model"_s;
    md::ModelVersion v1;
    v1.version = 1;
    v1.runId = u"r3"_s;
    v1.currentStage = md::kStageArchived;
    md::ModelVersion v2;
    v2.version = 2;
    v2.runId = u"r2"_s;
    v2.currentStage = md::kStageStaging;
    m.versions = {v1, v2};
    QCOMPARE(md::defaultBaselineIndex(ids, {m}), 0);  // neither Production nor champion
    m.aliases = {md::ModelAlias{u"champion"_s, 1}};
    QCOMPARE(md::defaultBaselineIndex(ids, {m}), 2);
    m.versions[1].currentStage = md::kStageProduction;
    QCOMPARE(md::defaultBaselineIndex(ids, {m}), 1);  // Production wins over the alias
    m.versions[1].runId = u"elsewhere"_s;
    QCOMPARE(md::defaultBaselineIndex(ids, {m}), 2);  // Production's run is not compared
    QCOMPARE(md::defaultBaselineIndex({}, {m}), 0);
}

void TestComparison::exportsExactText()
{
    const QList<md::Run> runs{smallRun(u"run-a"_s, u"A"_s, 0.8, 0.25, u"3"_s),
                              smallRun(u"run-b"_s, u"B"_s, 0.9, 0.5, u"3"_s)};
    RunComparison::Options options;
    options.baseline = 1;
    options.includeAttributes = false;
    const RunComparison c = RunComparison::build(runs, options);

    QCOMPARE(c.toTsv(), u"key\tA\tB\n"
                        "metrics.loss\t0.25\t0.5\n"
                        "metrics.r2\t0.8\t0.9\n"
                        "params.max_depth\t3\t3\n"
                        "params.seed\t42\t42\n"
                        "tags.note\ta, \"quoted\" | note\ta, \"quoted\" | note\n"_s);
    md::ComparisonExportOptions only;
    only.onlyDifferences = true;
    QCOMPARE(c.toCsv(only), u"key,A,B\r\nmetrics.loss,0.25,0.5\r\nmetrics.r2,0.8,0.9\r\n"_s);
    QCOMPARE(c.toCsv(), u"key,A,B\r\n"
                        "metrics.loss,0.25,0.5\r\n"
                        "metrics.r2,0.8,0.9\r\n"
                        "params.max_depth,3,3\r\n"
                        "params.seed,42,42\r\n"
                        "tags.note,\"a, \"\"quoted\"\" | note\",\"a, \"\"quoted\"\" | note\"\r\n"_s);
    // Loss is lower-is-better: A's 0.25 is the best; r2: B's 0.9.
    QCOMPARE(c.toMarkdown(only), u"| key | A | B (baseline) |\n"
                                 "| --- | --- | --- |\n"
                                 "| metrics.loss | **0.25 (\u22120.25, \u221250.0 %)** | 0.5 |\n"
                                 "| metrics.r2 | 0.8 (\u22120.1, \u221211.1 %) | **0.9** |\n"_s);
    md::ComparisonExportOptions search;
    search.search = u"note"_s;
    QCOMPARE(c.toMarkdown(search), u"| key | A | B (baseline) |\n"
                                   "| --- | --- | --- |\n"
                                   "| tags.note | a, \"quoted\" \\| note | a, \"quoted\" \\| note |\n"_s);
}

void TestComparison::transposedTsv()
{
    const QList<md::Run> runs{smallRun(u"run-a"_s, u"A"_s, 0.8, 0.25, u"3"_s),
                              smallRun(u"run-b"_s, QString(), 0.9, 0.5, u"4"_s)};
    RunComparison::Options options;
    options.includeAttributes = false;
    const RunComparison c = RunComparison::build(runs, options);
    md::ComparisonExportOptions o;
    o.transposed = true;
    o.onlyDifferences = true;
    QCOMPARE(c.toTsv(o), u"run\tmetrics.loss\tmetrics.r2\tparams.max_depth\n"
                         "A\t0.25\t0.8\t3\n"
                         "run-b\t0.5\t0.9\t4\n"_s);
}

void TestComparison::json()
{
    RunComparison::Options options;
    options.baseline = indexOf(kTuned);
    const RunComparison c = carPrice(options);
    md::ComparisonExportOptions o;
    o.search = u"val_r2"_s;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(c.toJson(o), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(u"baseline_run_id"_s).toString(), kTuned);
    QCOMPARE(root.value(u"step"_s).toObject().value(u"mode"_s).toString(), u"latest"_s);
    QCOMPARE(root.value(u"runs"_s).toArray().size(), 4);
    QCOMPARE(root.value(u"runs"_s).toArray().at(0).toObject().value(u"run_name"_s).toString(), u"Linear Regression"_s);
    const QJsonArray rows = root.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.value(u"section"_s).toString(), u"metric"_s);
    QCOMPARE(row.value(u"key"_s).toString(), u"val_r2_score"_s);
    QCOMPARE(row.value(u"direction"_s).toString(), u"higher"_s);
    QCOMPARE(row.value(u"best_run_ids"_s).toArray(), QJsonArray{kTuned});
    const QJsonObject linear = row.value(u"values"_s).toArray().at(indexOf(kLinear)).toObject();
    QCOMPARE(linear.value(u"run_id"_s).toString(), kLinear);
    QCOMPARE(linear.value(u"value"_s).toDouble(), 0.82);
    QCOMPARE(linear.value(u"step"_s).toInteger(), 5);
    QVERIFY(std::abs(linear.value(u"delta"_s).toDouble() - -0.07) < 1e-9);
    QVERIFY(std::abs(linear.value(u"delta_pct"_s).toDouble() - -7.8651685) < 1e-6);
    QCOMPARE(linear.value(u"outcome"_s).toString(), u"regressed"_s);
}

void TestComparison::nanAndZeroBaseline()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<md::Run> runs{smallRun(u"a"_s, u"A"_s, nan, 0.0, u"1"_s), smallRun(u"b"_s, u"B"_s, 0.5, 0.0, u"1"_s),
                        smallRun(u"c"_s, u"C"_s, 0.7, 0.1, u"1"_s)};
    RunComparison::Options options;
    const RunComparison c = RunComparison::build(runs, options);
    const md::ComparisonRow *r2 = findRow(c, ComparisonSection::Metric, u"r2"_s);
    QCOMPARE(r2->cells.at(0).text, u"NaN"_s);
    QCOMPARE(r2->cells.at(1).outcome, CellOutcome::Changed);  // NaN baseline: no delta, no colour
    QVERIFY(!r2->cells.at(1).delta);
    QCOMPARE(r2->bestRuns, QList<int>{2});  // NaN never wins
    const md::ComparisonRow *loss = findRow(c, ComparisonSection::Metric, u"loss"_s);
    QCOMPARE(*loss->cells.at(2).delta, 0.1);
    QVERIFY(!loss->cells.at(2).deltaPercent);  // no percentage of zero
    QCOMPARE(c.displayText(*loss, 2), u"0.1 (+0.1)"_s);
    QCOMPARE(c.displayText(*loss, 1), u"0 (±0)"_s);
    QCOMPARE(loss->bestRuns, (QList<int>{0, 1}));  // a tie: both marked
    const QJsonObject json = QJsonDocument::fromJson(c.toJson()).object();
    QCOMPARE(json.value(u"rows"_s).toArray().at(1).toObject().value(u"values"_s).toArray().at(0).toObject().value(u"value"_s).toString(),
             u"NaN"_s);
}

void TestComparison::keysDifferFromRunToRun()
{
    // build() skips collecting a run's keys when they are the previous run's, one by one, and
    // guesses a cell's row as the one after the previous key's. These runs break both: other
    // keys, as many other keys, unsorted keys, a key twice, keys apart only in case, system tags
    // among the tags. Every cell must be what a search of the run for the row's key finds first.
    const QStringList pool{u"loss"_s, u"Loss"_s, u"acc"_s, u"b"_s, u"B"_s, u"z_last"_s,
                           u"val/loss"_s, u"mlflow.note"_s, u"f1"_s};
    QRandomGenerator rng(20261205);
    QList<md::Run> runs;
    for (int i = 0; i < 200; ++i) {
        md::Run run;
        run.runId = u"run%1"_s.arg(i);
        const auto keysOf = [&](const auto &items) {
            QStringList keys;
            for (const auto &item : items)
                keys.append(item.key);
            return keys;
        };
        const auto randomKeys = [&] {
            QStringList keys;
            for (int k = rng.bounded(0, 8); k > 0; --k)
                keys.append(pool.at(rng.bounded(int(pool.size()))));
            if (rng.bounded(2))
                std::sort(keys.begin(), keys.end());
            return keys;
        };
        // A third of the runs carry the previous run's keys with values of their own.
        const bool same = !runs.isEmpty() && rng.bounded(3) == 0;
        const QStringList metricKeys = same ? keysOf(runs.last().latestMetrics) : randomKeys();
        const QStringList paramKeys = same ? keysOf(runs.last().params) : randomKeys();
        const QStringList tagKeys = same ? keysOf(runs.last().tags) : randomKeys();
        for (const QString &key : metricKeys)
            run.latestMetrics.append(md::MetricPoint{key, double(rng.bounded(-4000, 4000)) / 8.0, 0, i});
        for (const QString &key : paramKeys)
            run.params.append(md::KeyValue{key, u"p%1"_s.arg(rng.bounded(5))});
        for (const QString &key : tagKeys)
            run.tags.append(md::KeyValue{key, u"t%1"_s.arg(rng.bounded(5))});
        runs.append(run);
    }
    RunComparison::Options options;
    options.includeAttributes = false;
    options.baseline = 3;
    const RunComparison c = RunComparison::build(runs, options);

    const auto keyLess = [](const QString &a, const QString &b) {
        const int cmp = a.compare(b, Qt::CaseInsensitive);
        return cmp != 0 ? cmp < 0 : a < b;
    };
    const auto check = [&](ComparisonSection section, const auto member, bool hideSystem) {
        QStringList expectedKeys;
        for (const md::Run &run : std::as_const(runs))
            for (const auto &item : run.*member)
                if (!expectedKeys.contains(item.key) && !(hideSystem && item.key.startsWith(u"mlflow."_s)))
                    expectedKeys.append(item.key);
        std::sort(expectedKeys.begin(), expectedKeys.end(), keyLess);
        QStringList keys;
        for (const md::ComparisonRow &row : c.rows())
            if (row.section == section)
                keys.append(row.key);
        QCOMPARE(keys, expectedKeys);
        for (const QString &key : std::as_const(expectedKeys)) {
            const md::ComparisonRow *row = findRow(c, section, key);
            QCOMPARE(row->cells.size(), runs.size());
            for (int r = 0; r < runs.size(); ++r) {
                const md::ComparisonCell &cell = row->cells.at(r);
                const auto &items = runs.at(r).*member;
                const auto first = std::find_if(items.cbegin(), items.cend(), [&](const auto &i) { return i.key == key; });
                QCOMPARE(cell.present, first != items.cend());
                if (first == items.cend())
                    continue;
                if constexpr (std::is_same_v<std::decay_t<decltype(*first)>, md::MetricPoint>) {
                    QCOMPARE(cell.number, std::optional<double>(first->value));
                    QCOMPARE(cell.text, RunComparison::formatNumber(first->value));
                } else {
                    QCOMPARE(cell.text, first->value);
                }
            }
        }
    };
    check(ComparisonSection::Metric, &md::Run::latestMetrics, false);
    check(ComparisonSection::Param, &md::Run::params, false);
    check(ComparisonSection::Tag, &md::Run::tags, true);
}

void TestComparison::firstPointOfAKeyWins()
{
    md::Run a;
    a.runId = u"a"_s;
    a.latestMetrics = {md::MetricPoint{u"z"_s, 1.5, 0, 1}, md::MetricPoint{u"a"_s, 2.0, 0, 1},
                       md::MetricPoint{u"z"_s, 9.0, 0, 2}};
    a.params = {md::KeyValue{u"seed"_s, u"1"_s}, md::KeyValue{u"seed"_s, u"2"_s}};
    md::Run b = a;  // the same keys in the same order: the collecting fast path
    b.runId = u"b"_s;
    b.latestMetrics[0].value = 0.25;
    b.params[0].value = u"3"_s;
    const RunComparison c = RunComparison::build({a, b}, {});
    const md::ComparisonRow *z = findRow(c, ComparisonSection::Metric, u"z"_s);
    QCOMPARE(z->cells.at(0).text, u"1.5"_s);
    QCOMPARE(*z->cells.at(0).step, 1);
    QCOMPARE(z->cells.at(1).text, u"0.25"_s);
    QCOMPARE(findRow(c, ComparisonSection::Metric, u"a"_s)->cells.at(1).text, u"2"_s);
    const md::ComparisonRow *seed = findRow(c, ComparisonSection::Param, u"seed"_s);
    QCOMPARE(seed->cells.at(0).text, u"1"_s);
    QCOMPARE(seed->cells.at(1).text, u"3"_s);
    QCOMPARE(c.rows().size(), 3 + 8);  // a, z, seed and the attributes
}

void TestComparison::timesAsQDateTimeWritesThem()
{
    // build() converts the start and end times to local time itself, with the time zone read once
    // (QDateTime reads it for every time); the text must be QDateTime's, in zones with daylight
    // saving (Lord Howe's moves by half an hour) and around its changes, from 1970 to 2040; and
    // LocalDateTimes to the minute likewise.
    const md::test::RestoreTimeZone restore;
    const QList<qint64> changes{QDateTime(QDate(2026, 3, 29), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch(),
                                QDateTime(QDate(2026, 10, 25), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch(),
                                QDateTime(QDate(2026, 3, 8), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch(),
                                QDateTime(QDate(2026, 4, 4), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch()};
    QRandomGenerator rng(20261205);
    for (const char *name : {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"}) {
        qputenv("TZ", name);
        tzset();
        QList<md::Run> runs;
        for (int i = 0; i < 400; ++i) {
            md::Run run;
            run.runId = u"run%1"_s.arg(i);
            run.startTime = i % 2 ? qint64(rng.generate64() % 2208988800000ULL) + 1
                                  : changes.at(i / 2 % changes.size()) + rng.bounded(-7200000, 7200000);
            run.endTime = run.startTime + rng.bounded(0, 7200000);
            runs.append(run);
        }
        const RunComparison c = RunComparison::build(runs, {});
        const md::ComparisonRow *start = findRow(c, ComparisonSection::Attribute, u"start_time"_s);
        const md::ComparisonRow *end = findRow(c, ComparisonSection::Attribute, u"end_time"_s);
        for (int r = 0; r < runs.size(); ++r) {
            const QString format = u"yyyy-MM-dd HH:mm:ss"_s;
            QCOMPARE(start->cells.at(r).text, QDateTime::fromMSecsSinceEpoch(runs.at(r).startTime).toString(format));
            QCOMPARE(end->cells.at(r).text, QDateTime::fromMSecsSinceEpoch(*runs.at(r).endTime).toString(format));
        }
        // To the minute, as the runs table shows them: the same times, with and without localtime_r.
        const md::LocalDateTimes minutes(md::LocalDateTimes::Precision::Minutes);
        for (const md::Run &run : std::as_const(runs))
            QCOMPARE(
                minutes(run.startTime), QDateTime::fromMSecsSinceEpoch(run.startTime).toString(u"yyyy-MM-dd HH:mm"_s));
        const qint64 later = QDateTime(QDate(2040, 6, 1), QTime(12, 34, 56), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(minutes(later), QDateTime::fromMSecsSinceEpoch(later).toString(u"yyyy-MM-dd HH:mm"_s));
        QCOMPARE(minutes(0), QString());
    }
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
