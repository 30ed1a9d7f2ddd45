// SPDX-License-Identifier: GPL-3.0-or-later
// ChartData: histories as x/y vectors per x mode, EMA, levels of detail with their bands, gaps at
// NaN and ±∞ in every level, the stretches of ±∞;
// scatter points; parallel-coordinates axes (scaling, categories, gaps, flipped metrics, the
// default axes of the car_price fixture's four runs, read from the file store's files).
#include "TestSupport.h"

#include "models/ChartData.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using md::ChartXMode;
using md::MetricPoint;

namespace {

MetricPoint point(qint64 step, double value, qint64 timestamp)
{
    return MetricPoint{u"loss"_s, value, timestamp, step};
}

} // namespace

class TestChartData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void xModes_data();
    void xModes();
    void sortsByX();
    void nanAndInfinityAreKept();
    void ema();
    void emaEdgeCases();
    void emaGoesOnAcrossGaps();
    void levelKeepsEachSlicesExtremes();
    void levelOfAShortSeriesIsTheSeries();
    void levelBreaksAtEveryGap();
    void levelBandHoldsTheLine_data();
    void levelBandHoldsTheLine();
    void infinities();
    void latestFiniteValue();
    void scatterNumeric();
    void scatterCategorical_data();
    void scatterCategorical();
    void parallelAxisKeys();
    void parallelNumericScaling();
    void parallelCategorical_data();
    void parallelCategorical();
    void parallelMissingAndNan();
    void parallelFlipDirection_data();
    void parallelFlipDirection();
    void parallelDefaultAxesOfCarPrice();
    void parallelColourRamp();
};

void TestChartData::xModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QVector<double>>("x");
    QTest::newRow("step") << int(ChartXMode::Step) << QVector<double>{0, 1, 2};
    QTest::newRow("wall time") << int(ChartXMode::WallTime) << QVector<double>{1700000000.0, 1700000001.5, 1700000004.0};
    QTest::newRow("relative time") << int(ChartXMode::RelativeTime) << QVector<double>{0.0, 1.5, 4.0};
}

void TestChartData::xModes()
{
    QFETCH(int, mode);
    QFETCH(QVector<double>, x);
    const QList<MetricPoint> points{point(0, 3.0, 1700000000000), point(1, 2.0, 1700000001500), point(2, 1.0, 1700000004000)};
    const md::ChartSeries s = md::chartSeries(points, ChartXMode(mode));
    QCOMPARE(s.x, x);
    QCOMPARE(s.y, (QVector<double>{3.0, 2.0, 1.0}));
    QCOMPARE(s.steps, (QVector<qint64>{0, 1, 2}));
    QVERIFY(!s.hasGaps());
}

void TestChartData::sortsByX()
{
    // Logged out of time order (a resumed run): wall time sorts by timestamp, step by step.
    const QList<MetricPoint> points{point(0, 1.0, 5000), point(1, 2.0, 2000), point(2, 3.0, 9000)};
    const md::ChartSeries byTime = md::chartSeries(points, ChartXMode::RelativeTime);
    QCOMPARE(byTime.x, (QVector<double>{0.0, 3.0, 7.0}));
    QCOMPARE(byTime.y, (QVector<double>{2.0, 1.0, 3.0}));
    QCOMPARE(byTime.steps, (QVector<qint64>{1, 0, 2}));
    const md::ChartSeries byStep = md::chartSeries(points, ChartXMode::Step);
    QCOMPARE(byStep.y, (QVector<double>{1.0, 2.0, 3.0}));
}

void TestChartData::nanAndInfinityAreKept()
{
    // MLflow keeps NaN and ±∞: so does the series, for the line to break there.
    const double inf = std::numeric_limits<double>::infinity();
    const QList<MetricPoint> points{point(0, std::nan(""), 100), point(1, 0.5, 1000), point(2, inf, 2000),
                                    point(3, -inf, 3000), point(4, 0.25, 4000)};
    const md::ChartSeries s = md::chartSeries(points, ChartXMode::RelativeTime);
    QCOMPARE(s.nanCount, 1);
    QCOMPARE(s.infiniteCount, 2);
    QVERIFY(s.hasGaps());
    QCOMPARE(s.size(), 5);
    QVERIFY(std::isnan(s.y.at(0)));
    QCOMPARE(s.y.mid(1), (QVector<double>{0.5, inf, -inf, 0.25}));
    // Relative time starts at the first logged point, a NaN here.
    QCOMPARE(s.x, (QVector<double>{0.0, 0.9, 1.9, 2.9, 3.9}));
    QCOMPARE(s.steps, (QVector<qint64>{0, 1, 2, 3, 4}));
    const md::ChartSeries finite = md::chartSeries({point(0, 1.0, 0), point(1, 2.0, 1)}, ChartXMode::Step);
    QCOMPARE(finite.nanCount + finite.infiniteCount, 0);
    QVERIFY(!finite.hasGaps());
}

void TestChartData::ema()
{
    // s0 = 10; s1 = 0.5·10 + 0.5·0 = 5; s2 = 0.5·5 + 0.5·10 = 7.5; s3 = 0.5·7.5 + 0.5·2 = 4.75
    QCOMPARE(md::emaSmooth({10, 0, 10, 2}, 0.5), (QVector<double>{10, 5, 7.5, 4.75}));
    // 0.9: s1 = 0.9·1 + 0.1·11 = 2
    const QVector<double> s = md::emaSmooth({1, 11}, 0.9);
    QCOMPARE(s.size(), 2);
    QCOMPARE(s.at(0), 1.0);
    QVERIFY(qFuzzyCompare(s.at(1), 2.0));
}

void TestChartData::emaEdgeCases()
{
    QCOMPARE(md::emaSmooth({1, 2, 3}, 0.0), (QVector<double>{1, 2, 3}));
    QCOMPARE(md::emaSmooth({1, 2, 3}, -1.0), (QVector<double>{1, 2, 3}));  // clamped to 0
    QVERIFY(md::emaSmooth({}, 0.6).isEmpty());
    // Clamped to 0.999: still moves a little.
    const QVector<double> s = md::emaSmooth({0, 1000}, 5.0);
    QVERIFY(qFuzzyCompare(s.at(1), 1.0));
}

void TestChartData::emaGoesOnAcrossGaps()
{
    // A NaN or ±∞ stays where it is (the smoothed line breaks there too) and leaves the average
    // alone: s = 10, then 0.5·10 + 0.5·0 = 5 after the gap, then 0.5·5 + 0.5·10 = 7.5.
    const double inf = std::numeric_limits<double>::infinity();
    const QVector<double> s = md::emaSmooth({std::nan(""), 10, inf, std::nan(""), 0, -inf, 10}, 0.5);
    QCOMPARE(s.size(), 7);
    QVERIFY(std::isnan(s.at(0)));
    QCOMPARE(s.at(1), 10.0);
    QCOMPARE(s.at(2), inf);
    QVERIFY(std::isnan(s.at(3)));
    QCOMPARE(s.at(4), 5.0);
    QCOMPARE(s.at(5), -inf);
    QCOMPARE(s.at(6), 7.5);
}

void TestChartData::levelKeepsEachSlicesExtremes()
{
    const QVector<double> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const QVector<double> y{0, 1, 2, -3, 4, 5, -6, 7, 8, -9};
    // Two slices of width 4.5: x 0–4 (lowest -3 at 3, highest 4 at 4, and the first point) and
    // x 5–9 (highest 8 at 8, lowest -9 at 9, which is also the last point).
    const md::ChartLevel l = md::chartLevel(x, y, 2);
    QCOMPARE(l.sliceWidth, 4.5);
    QCOMPARE(l.x, (QVector<double>{0, 3, 4, 8, 9}));
    QCOMPARE(l.y, (QVector<double>{0, -3, 4, 8, -9}));
    // The band of each point is its slice's range.
    QCOMPARE(l.low, (QVector<double>{-3, -3, -3, -9, -9}));
    QCOMPARE(l.high, (QVector<double>{4, 4, 4, 8, 8}));

    // A long random walk: in every slice the level reaches exactly the true extremes.
    QVector<double> bx, by;
    double v = 0;
    quint32 seed = 7;
    for (int i = 0; i < 100000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        v += (double(seed >> 8) / double(1 << 24)) - 0.5;
        bx.append(i * 0.5);
        by.append(v);
    }
    const int buckets = 1000;
    const md::ChartLevel big = md::chartLevel(bx, by, buckets);
    QVERIFY(big.x.size() <= 2 * buckets + 2);
    QVERIFY(big.x.size() > buckets);
    QCOMPARE(big.x.first(), bx.first());
    QCOMPARE(big.y.first(), by.first());
    QCOMPARE(big.x.last(), bx.last());
    QCOMPARE(big.y.last(), by.last());
    QVERIFY(std::is_sorted(big.x.cbegin(), big.x.cend()));
    QVERIFY(std::adjacent_find(big.x.cbegin(), big.x.cend()) == big.x.cend());
    QVector<double> trueMin(buckets, 1e300), trueMax(buckets, -1e300), levelMin(buckets, 1e300), levelMax(buckets, -1e300);
    auto sliceOf = [&](double xv) { return std::min(buckets - 1, int((xv - bx.first()) / big.sliceWidth)); };
    for (int i = 0; i < bx.size(); ++i) {
        const int s = sliceOf(bx.at(i));
        trueMin[s] = std::min(trueMin[s], by.at(i));
        trueMax[s] = std::max(trueMax[s], by.at(i));
    }
    for (int i = 0; i < big.x.size(); ++i) {
        const int s = sliceOf(big.x.at(i));
        levelMin[s] = std::min(levelMin[s], big.y.at(i));
        levelMax[s] = std::max(levelMax[s], big.y.at(i));
    }
    QCOMPARE(levelMin, trueMin);
    QCOMPARE(levelMax, trueMax);
}

void TestChartData::levelOfAShortSeriesIsTheSeries()
{
    const QVector<double> x{0, 1, 2, 3};
    const QVector<double> y{3, 1, 4, 1};
    const md::ChartLevel l = md::chartLevel(x, y, 2);
    QCOMPARE(l.x, x);
    QCOMPARE(l.y, y);
    QCOMPARE(l.low, y);
    QCOMPARE(l.high, y);
    QCOMPARE(l.sliceWidth, 0.0);
    QCOMPARE(md::chartLevel(x, y, 0).x, x);
    QVERIFY(md::chartLevel({}, {}, 10).x.isEmpty());
    // With the raw values behind a smoothed line, each point's band spans both.
    const md::ChartLevel smoothed = md::chartLevel(x, {2, 2, 3, 2}, 2, y);
    QCOMPARE(smoothed.y, (QVector<double>{2, 2, 3, 2}));
    QCOMPARE(smoothed.low, (QVector<double>{2, 1, 3, 1}));
    QCOMPARE(smoothed.high, (QVector<double>{3, 2, 4, 2}));
    // Unthinned, a NaN or ±∞ is a NaN point: the line and the band break there.
    const double inf = std::numeric_limits<double>::infinity();
    const md::ChartLevel gaps = md::chartLevel(x, {1, std::nan(""), inf, 4}, 2);
    QCOMPARE(gaps.x, x);
    QCOMPARE(gaps.y.at(0), 1.0);
    QVERIFY(std::isnan(gaps.y.at(1)) && std::isnan(gaps.y.at(2)));
    QVERIFY(std::isnan(gaps.low.at(2)) && std::isnan(gaps.high.at(2)));
    QCOMPARE(gaps.y.at(3), 4.0);
}

void TestChartData::levelBreaksAtEveryGap()
{
    // 10,000 steps of a falling loss that diverged to NaN for steps 5000–5002 and to +∞ at 7000:
    // at every level the line still breaks there, with the last point before and the first
    // after each gap kept, and no point of a gap bridged.
    QVector<double> x, y;
    for (int i = 0; i < 10000; ++i) {
        x.append(i);
        y.append(1.0 / (1 + i) + (i % 13) * 0.001);
    }
    for (int i : {5000, 5001, 5002})
        y[i] = std::nan("");
    y[7000] = std::numeric_limits<double>::infinity();
    for (const int buckets : {4096, 1024, 100, 7}) {
        const md::ChartLevel l = md::chartLevel(x, y, buckets);
        QVERIFY2(l.sliceWidth > 0, qPrintable(QString::number(buckets)));
        QVERIFY(std::is_sorted(l.x.cbegin(), l.x.cend()));
        QList<double> gapsAt;
        for (qsizetype i = 0; i < l.x.size(); ++i) {
            const bool gap = std::isnan(l.y.at(i));
            QCOMPARE(std::isnan(l.low.at(i)), gap);
            QCOMPARE(std::isnan(l.high.at(i)), gap);
            if (gap)
                gapsAt.append(l.x.at(i));
            else
                QVERIFY(std::isfinite(l.y.at(i)));
        }
        // One NaN point per gap, at its first step.
        QCOMPARE(gapsAt, (QList<double>{5000, 7000}));
        const qsizetype first = l.x.indexOf(5000.0);
        QCOMPARE(l.x.at(first - 1), 4999.0);
        QCOMPARE(l.y.at(first - 1), y.at(4999));
        QCOMPARE(l.x.at(first + 1), 5003.0);
        QCOMPARE(l.y.at(first + 1), y.at(5003));
        const qsizetype second = l.x.indexOf(7000.0);
        QCOMPARE(l.x.at(second - 1), 6999.0);
        QCOMPARE(l.x.at(second + 1), 7001.0);
        QCOMPARE(l.x.first(), 0.0);
        QCOMPARE(l.x.last(), 9999.0);
    }
    // A series that starts and ends with NaN: the gaps stay at both ends.
    QVector<double> edges = y;
    edges[0] = edges[9999] = std::nan("");
    const md::ChartLevel e = md::chartLevel(x, edges, 100);
    QVERIFY(std::isnan(e.y.first()) && std::isnan(e.y.last()));
    QCOMPARE(e.x.at(1), 1.0);
    QCOMPARE(e.x.at(e.x.size() - 2), 9998.0);
}

void TestChartData::levelBandHoldsTheLine_data()
{
    QTest::addColumn<int>("buckets");
    QTest::addColumn<bool>("smoothed");
    for (const int buckets : {0, 16384, 4096, 1024, 64}) {
        QTest::addRow("%d slices", buckets) << buckets << false;
        QTest::addRow("%d slices, smoothed", buckets) << buckets << true;
    }
}

void TestChartData::levelBandHoldsTheLine()
{
    // A noisy walk with gaps. Each point of a level lies within its own band (so does the line
    // between two points, as band edges and line are straight there), and every point the level
    // leaves out lies within the band between the kept points either side of it: raw values too,
    // when the line is smoothed.
    QFETCH(int, buckets);
    QFETCH(bool, smoothed);
    QVector<double> x, raw;
    double v = 0;
    quint32 seed = 11;
    for (int i = 0; i < 50000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        v += (double(seed >> 8) / double(1 << 24)) - 0.5;
        x.append(i * 0.25);
        raw.append(i % 9973 < 3 ? std::nan("") : v);
    }
    const QVector<double> y = md::emaSmooth(raw, smoothed ? 0.9 : 0.0);
    const md::ChartLevel l = md::chartLevel(x, y, buckets, smoothed ? raw : QVector<double>());
    QCOMPARE(l.sliceWidth > 0, buckets > 0);
    QCOMPARE(l.low.size(), l.x.size());
    QCOMPARE(l.high.size(), l.x.size());
    qsizetype source = 0;  // index into x of the current level point
    for (qsizetype i = 0; i < l.x.size(); ++i) {
        while (x.at(source) != l.x.at(i))
            ++source;
        if (std::isnan(l.y.at(i)))
            continue;
        QCOMPARE(l.y.at(i), y.at(source));
        QVERIFY2(l.low.at(i) <= l.y.at(i) && l.y.at(i) <= l.high.at(i), qPrintable(QString::number(i)));
        if (smoothed) {
            QVERIFY(l.low.at(i) <= raw.at(source));
            QVERIFY(raw.at(source) <= l.high.at(i));
        }
    }
    qsizetype next = 0;  // the first level point at or after x[j]
    for (qsizetype j = 0; j < x.size(); ++j) {
        while (l.x.at(next) < x.at(j))
            ++next;
        if (!std::isfinite(y.at(j)))
            continue;
        const qsizetype before = l.x.at(next) == x.at(j) ? next : next - 1;
        QVERIFY2(!std::isnan(l.y.at(before)) && !std::isnan(l.y.at(next)), qPrintable(QString::number(j)));  // no gap bridged
        const double low = std::min(l.low.at(before), l.low.at(next));
        const double high = std::max(l.high.at(before), l.high.at(next));
        QVERIFY2(low <= y.at(j) && y.at(j) <= high, qPrintable(QString::number(j)));
        if (smoothed)
            QVERIFY2(low <= raw.at(j) && raw.at(j) <= high, qPrintable(QString::number(j)));
    }
}

void TestChartData::infinities()
{
    const double inf = std::numeric_limits<double>::infinity();
    md::ChartSeries s;
    s.x = {0, 10, 20, 30, 40, 50, 60};
    s.y = {1, inf, inf, -inf, 2, std::nan(""), inf};
    s.steps = {0, 1, 2, 3, 4, 5, 6};
    s.infiniteCount = 4;
    const QList<md::ChartInfinity> stretches = md::chartInfinities(s);
    QCOMPARE(stretches.size(), 3);
    QCOMPARE(stretches.at(0).positive, true);
    QCOMPARE(stretches.at(0).firstX, 10.0);
    QCOMPARE(stretches.at(0).lastX, 20.0);
    QCOMPARE(stretches.at(0).firstStep, 1);
    QCOMPARE(stretches.at(0).lastStep, 2);
    QCOMPARE(stretches.at(0).count, 2);
    QCOMPARE(stretches.at(1).positive, false);
    QCOMPARE(stretches.at(1).firstStep, 3);
    QCOMPARE(stretches.at(1).count, 1);
    QCOMPARE(stretches.at(2).positive, true);
    QCOMPARE(stretches.at(2).firstX, 60.0);
    QVERIFY(md::chartInfinities(md::chartSeries({point(0, 1.0, 0)}, ChartXMode::Step)).isEmpty());
}

void TestChartData::latestFiniteValue()
{
    md::Run run;
    run.latestMetrics = {MetricPoint{u"r2"_s, 0.82, 0, 5}, MetricPoint{u"loss"_s, std::nan(""), 0, 9}};
    QCOMPARE(md::latestFiniteValue(run, u"r2"_s), std::optional<double>(0.82));
    QCOMPARE(md::latestFiniteValue(run, u"loss"_s), std::nullopt);
    QCOMPARE(md::latestFiniteValue(run, u"mae"_s), std::nullopt);
}

namespace {

md::Run scatterRun(const QString &id, const QList<md::KeyValue> &params, std::optional<double> r2)
{
    md::Run run;
    run.runId = id;
    run.params = params;
    if (r2)
        run.latestMetrics.append(MetricPoint{u"r2"_s, *r2, 0, 5});
    return run;
}

} // namespace

void TestChartData::scatterNumeric()
{
    const QList<md::Run> runs{
        scatterRun(u"a"_s, {{u"depth"_s, u"12"_s}}, 0.85),
        scatterRun(u"b"_s, {{u"alpha"_s, u"1"_s}}, 0.82),              // no depth
        scatterRun(u"c"_s, {{u"depth"_s, u" 5 "_s}}, 0.88),
        scatterRun(u"d"_s, {{u"depth"_s, u"1e-3"_s}}, std::nan("")),  // r2 not finite
        scatterRun(u"e"_s, {{u"depth"_s, u"-2.5"_s}}, std::nullopt),  // no r2
        scatterRun(u"f"_s, {{u"depth"_s, u"6"_s}}, 0.89),
    };
    const md::ScatterData d = md::scatterData(runs, u"depth"_s, u"r2"_s);
    QVERIFY(!d.isCategorical());
    QCOMPARE(d.runs, (QList<int>{0, 2, 5}));
    QCOMPARE(d.x, (QVector<double>{12, 5, 6}));
    QCOMPARE(d.y, (QVector<double>{0.85, 0.88, 0.89}));
    QCOMPARE(d.xTexts, (QStringList{u"12"_s, u" 5 "_s, u"6"_s}));
    QCOMPARE(d.withoutParam, 1);
    QCOMPARE(d.withoutMetric, 2);
    QCOMPARE(md::paramValue(runs.at(1), u"alpha"_s), std::optional<QString>(u"1"_s));
    QCOMPARE(md::paramValue(runs.at(1), u"depth"_s), std::nullopt);

    const md::ScatterData none = md::scatterData(runs, u"missing"_s, u"r2"_s);
    QCOMPARE(none.size(), 0);
    QCOMPARE(none.withoutParam, 6);
    QVERIFY(md::scatterData({}, u"depth"_s, u"r2"_s).x.isEmpty());
}

void TestChartData::scatterCategorical_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QVector<double>>("x");
    QTest::newRow("words") << QStringList{u"sqrt"_s, u"log2"_s, u"sqrt"_s} << QStringList{u"log2"_s, u"sqrt"_s}
                           << QVector<double>{2, 1, 2};
    // One text makes the numbers categories too (sorted as text).
    QTest::newRow("mixed") << QStringList{u"10"_s, u"auto"_s, u"2"_s} << QStringList{u"10"_s, u"2"_s, u"auto"_s}
                           << QVector<double>{1, 3, 2};
    QTest::newRow("case-insensitive order") << QStringList{u"b"_s, u"A"_s, u"True"_s}
                                            << QStringList{u"A"_s, u"b"_s, u"True"_s} << QVector<double>{2, 1, 3};
    QTest::newRow("nan is not a number") << QStringList{u"nan"_s, u"1"_s} << QStringList{u"1"_s, u"nan"_s}
                                         << QVector<double>{2, 1};
}

void TestChartData::scatterCategorical()
{
    QFETCH(QStringList, values);
    QFETCH(QStringList, categories);
    QFETCH(QVector<double>, x);
    QList<md::Run> runs;
    for (qsizetype i = 0; i < values.size(); ++i)
        runs.append(scatterRun(QString::number(i), {{u"p"_s, values.at(i)}}, 0.5 + double(i) / 10));
    const md::ScatterData d = md::scatterData(runs, u"p"_s, u"r2"_s);
    QVERIFY(d.isCategorical());
    QCOMPARE(d.categories, categories);
    QCOMPARE(d.x, x);
    QCOMPARE(d.xTexts, values);
    QCOMPARE(d.y.size(), values.size());
    QCOMPARE(d.withoutParam, 0);
    QCOMPARE(d.withoutMetric, 0);
}

namespace {

md::Run parallelRun(const QList<md::KeyValue> &params, const QList<std::pair<QString, double>> &metrics)
{
    md::Run run;
    run.params = params;
    for (const auto &[key, value] : metrics)
        run.latestMetrics.append(MetricPoint{key, value, 0, 0});
    return run;
}

QVector<std::optional<double>> positions(std::initializer_list<std::optional<double>> list)
{
    return QVector<std::optional<double>>(list);
}

/// A run of the file store fixture as the file store lays it out: params/<key> holds the value,
/// metrics/<key> one "timestamp value step" line per point (the latest is the highest step).
md::Run fileStoreRun(const QString &runDir)
{
    md::Run run;
    run.runId = QDir(runDir).dirName();
    const QDir params(runDir + u"/params"_s);
    for (const QString &key : params.entryList(QDir::Files, QDir::Name)) {
        QFile f(params.filePath(key));
        if (f.open(QIODevice::ReadOnly))
            run.params.append({key, QString::fromUtf8(f.readAll())});
    }
    const QDir metrics(runDir + u"/metrics"_s);
    for (const QString &key : metrics.entryList(QDir::Files, QDir::Name)) {
        QFile f(metrics.filePath(key));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        std::optional<MetricPoint> latest;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() < 3)
                continue;
            const MetricPoint p{key, parts.at(1).toDouble(), parts.at(0).toLongLong(), parts.at(2).toLongLong()};
            if (!latest || p.step >= latest->step)
                latest = p;
        }
        if (latest)
            run.latestMetrics.append(*latest);
    }
    return run;
}

} // namespace

void TestChartData::parallelAxisKeys()
{
    const md::ParallelAxisKey depth{md::ParallelAxisKind::Param, u"max_depth"_s};
    const md::ParallelAxisKey r2{md::ParallelAxisKind::Metric, u"val_r2_score"_s};
    QCOMPARE(depth.qualified(), u"params.max_depth"_s);
    QCOMPARE(r2.qualified(), u"metrics.val_r2_score"_s);
    QCOMPARE(md::ParallelAxisKey::fromQualified(u"params.max_depth"_s), std::optional(depth));
    QCOMPARE(md::ParallelAxisKey::fromQualified(u"metrics.val_r2_score"_s), std::optional(r2));
    QCOMPARE(md::ParallelAxisKey::fromQualified(u"tags.x"_s), std::nullopt);
    QCOMPARE(md::ParallelAxisKey::fromQualified(u"params."_s), std::nullopt);
    QCOMPARE(md::ParallelAxisKey::fromQualified(u"max_depth"_s), std::nullopt);
}

void TestChartData::parallelNumericScaling()
{
    const QList<md::Run> runs{
        parallelRun({{u"depth"_s, u"2"_s}, {u"lr"_s, u"0.1"_s}}, {{u"r2"_s, 0.80}}),
        parallelRun({{u"depth"_s, u" 4 "_s}, {u"lr"_s, u"0.1"_s}}, {{u"r2"_s, 0.90}}),
        parallelRun({{u"depth"_s, u"10"_s}, {u"lr"_s, u"0.1"_s}}, {{u"r2"_s, 0.85}}),
    };
    const md::ParallelData d = md::parallelData(runs, {{md::ParallelAxisKind::Param, u"depth"_s},
                                                        {md::ParallelAxisKind::Param, u"lr"_s},
                                                        {md::ParallelAxisKind::Metric, u"r2"_s}});
    QCOMPARE(d.runCount, 3);
    QCOMPARE(d.axes.size(), 3);
    QCOMPARE(d.runsWithGaps, 0);
    const md::ParallelAxis &depth = d.axes.at(0);
    QVERIFY(!depth.isCategorical());
    QCOMPARE(depth.min, 2.0);
    QCOMPARE(depth.max, 10.0);
    QCOMPARE(depth.positions, positions({0.0, 0.25, 1.0}));
    QCOMPARE(depth.texts, (QStringList{u"2"_s, u" 4 "_s, u"10"_s}));
    QCOMPARE(depth.bottomLabel(), u"2"_s);
    QCOMPARE(depth.topLabel(), u"10"_s);
    QCOMPARE(depth.textAt(0.5), u"6"_s);
    QCOMPARE(depth.missing, 0);
    QCOMPARE(depth.nonFinite, 0);
    // One value for all: the middle of the axis.
    QCOMPARE(d.axes.at(1).positions, positions({0.5, 0.5, 0.5}));
    QCOMPARE(d.axes.at(1).topLabel(), u"0.1"_s);
    const md::ParallelAxis &r2 = d.axes.at(2);
    QVERIFY(!r2.flipped);
    QCOMPARE(r2.positions.size(), 3);
    QCOMPARE(*r2.positions.at(0), 0.0);
    QCOMPARE(*r2.positions.at(1), 1.0);
    QVERIFY(std::abs(*r2.positions.at(2) - 0.5) < 1e-9);
    // The lines are coloured by the last axis.
    QCOMPARE(d.colourPositions(), r2.positions);
    QVERIFY(md::parallelData(runs, {}).colourPositions() == QVector<std::optional<double>>(3));
}

void TestChartData::parallelCategorical_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QVector<std::optional<double>>>("expected");
    QTest::newRow("three words") << QStringList{u"sqrt"_s, u"log2"_s, u"auto"_s, u"sqrt"_s}
                                 << QStringList{u"auto"_s, u"log2"_s, u"sqrt"_s} << positions({1.0, 0.5, 0.0, 1.0});
    QTest::newRow("one text makes numbers categories") << QStringList{u"10"_s, u"auto"_s, u"2"_s}
                                                       << QStringList{u"10"_s, u"2"_s, u"auto"_s} << positions({0.0, 1.0, 0.5});
    QTest::newRow("one category") << QStringList{u"reg:squarederror"_s, u"reg:squarederror"_s}
                                  << QStringList{u"reg:squarederror"_s} << positions({0.5, 0.5});
    QTest::newRow("booleans, case-insensitive") << QStringList{u"True"_s, u"false"_s, u"True"_s, u"False"_s}
                                                << QStringList{u"False"_s, u"false"_s, u"True"_s}
                                                << positions({1.0, 0.5, 1.0, 0.0});
}

void TestChartData::parallelCategorical()
{
    QFETCH(QStringList, values);
    QFETCH(QStringList, categories);
    QFETCH(QVector<std::optional<double>>, expected);
    QList<md::Run> runs;
    for (const QString &v : std::as_const(values))
        runs.append(parallelRun({{u"p"_s, v}}, {}));
    const md::ParallelData d = md::parallelData(runs, {{md::ParallelAxisKind::Param, u"p"_s}});
    const md::ParallelAxis &axis = d.axes.first();
    QVERIFY(axis.isCategorical());
    QCOMPARE(axis.categories, categories);
    QCOMPARE(axis.positions, expected);
    QCOMPARE(axis.bottomLabel(), categories.first());
    QCOMPARE(axis.topLabel(), categories.last());
    QCOMPARE(axis.textAt(0.0), categories.first());
    QCOMPARE(axis.textAt(1.0), categories.last());
    QCOMPARE(axis.missing, 0);
}

void TestChartData::parallelMissingAndNan()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const QList<md::Run> runs{
        parallelRun({{u"depth"_s, u"3"_s}}, {{u"loss"_s, 0.5}}),
        parallelRun({}, {{u"loss"_s, nan}}),                        // no depth, loss NaN
        parallelRun({{u"depth"_s, u"nan"_s}}, {{u"loss"_s, inf}}),  // depth "nan", loss +inf
        parallelRun({{u"depth"_s, u"5"_s}}, {}),                    // no loss
        parallelRun({{u"depth"_s, u"4"_s}}, {{u"loss"_s, 1.5}}),
    };
    const md::ParallelData d = md::parallelData(runs, {{md::ParallelAxisKind::Param, u"depth"_s},
                                                        {md::ParallelAxisKind::Metric, u"loss"_s}});
    const md::ParallelAxis &depth = d.axes.at(0);
    // "nan" among numbers keeps the axis numeric; it is placed below the axis like a missing value.
    QVERIFY(!depth.isCategorical());
    QCOMPARE(depth.min, 3.0);
    QCOMPARE(depth.max, 5.0);
    QCOMPARE(depth.positions, positions({0.0, std::nullopt, std::nullopt, 1.0, 0.5}));
    QCOMPARE(depth.missing, 1);
    QCOMPARE(depth.nonFinite, 1);
    QCOMPARE(depth.texts.at(2), u"nan"_s);
    QVERIFY(depth.texts.at(1).isEmpty());
    const md::ParallelAxis &loss = d.axes.at(1);
    QCOMPARE(loss.min, 0.5);
    QCOMPARE(loss.max, 1.5);
    QCOMPARE(loss.positions, positions({0.0, std::nullopt, std::nullopt, std::nullopt, 1.0}));
    QCOMPARE(loss.missing, 1);
    QCOMPARE(loss.nonFinite, 2);
    QVERIFY(!loss.texts.at(1).isEmpty());  // the tooltip says it is NaN
    QVERIFY(loss.texts.at(3).isEmpty());
    QCOMPARE(d.runsWithGaps, 3);

    // Only non-finite values: a numeric axis without a range, every run below it.
    const md::ParallelData onlyNan = md::parallelData({runs.at(1), runs.at(2)}, {{md::ParallelAxisKind::Metric, u"loss"_s}});
    QVERIFY(!onlyNan.axes.first().isCategorical());
    QCOMPARE(onlyNan.axes.first().nonFinite, 2);
    QVERIFY(onlyNan.axes.first().topLabel().isEmpty());
    QCOMPARE(onlyNan.runsWithGaps, 2);
    // A key nobody logged: every run missing.
    const md::ParallelData none = md::parallelData(runs, {{md::ParallelAxisKind::Param, u"nope"_s}});
    QCOMPARE(none.axes.first().missing, 5);
    QCOMPARE(none.runsWithGaps, 5);
}

void TestChartData::parallelFlipDirection_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("flip");
    QTest::addColumn<QString>("override");  // metricDirectionName() or empty
    QTest::addColumn<bool>("flipped");
    QTest::newRow("rmse, flip on") << u"rmse"_s << true << QString() << true;
    QTest::newRow("rmse, flip off") << u"rmse"_s << false << QString() << false;
    QTest::newRow("r2 is never flipped") << u"r2"_s << true << QString() << false;
    QTest::newRow("unknown direction") << u"grad_norm"_s << true << QString() << false;
    QTest::newRow("overridden to higher") << u"rmse"_s << true << u"higher"_s << false;
    QTest::newRow("overridden to lower") << u"grad_norm"_s << true << u"lower"_s << true;
}

void TestChartData::parallelFlipDirection()
{
    QFETCH(QString, metric);
    QFETCH(bool, flip);
    QFETCH(QString, override);
    QFETCH(bool, flipped);
    md::MetricDirections directions;
    if (!override.isEmpty())
        directions.setOverride(metric, *md::metricDirectionFromName(override));
    const QList<md::Run> runs{parallelRun({}, {{metric, 2.0}}), parallelRun({}, {{metric, 4.0}}),
                              parallelRun({}, {{metric, 3.0}})};
    const md::ParallelAxis axis = md::parallelData(runs, {{md::ParallelAxisKind::Metric, metric}}, directions, flip).axes.first();
    QCOMPARE(axis.flipped, flipped);
    QCOMPARE(axis.min, 2.0);
    QCOMPARE(axis.max, 4.0);
    if (flipped) {
        // The smallest (best) value at the top.
        QCOMPARE(axis.positions, positions({1.0, 0.0, 0.5}));
        QCOMPARE(axis.topLabel(), u"2"_s);
        QCOMPARE(axis.bottomLabel(), u"4"_s);
        QCOMPARE(axis.textAt(0.75), u"2.5"_s);
    } else {
        QCOMPARE(axis.positions, positions({0.0, 1.0, 0.5}));
        QCOMPARE(axis.topLabel(), u"4"_s);
        QCOMPARE(axis.bottomLabel(), u"2"_s);
        QCOMPARE(axis.textAt(0.75), u"3.5"_s);
    }
}

void TestChartData::parallelDefaultAxesOfCarPrice()
{
    // The four car_price runs of the file store fixture, read from their files.
    const QDir experiment(md::test::dataPath(u"mlruns/841587320559560834"_s));
    QList<md::Run> runs;
    for (const QString &id : {u"7d7c9949f52c4a02bac3677187794007"_s, u"a341c34930dd436184839c690c80d573"_s,
                              u"08bc4907c58e4e92a92a80dde70debdb"_s, u"961265c7ff03493a80eccd895a6ead54"_s})
        runs.append(fileStoreRun(experiment.filePath(id)));
    QCOMPARE(runs.size(), 4);
    QCOMPARE(runs.at(3).params.size(), 13);

    // 19 params and 7 metrics in all.
    const QList<md::ParallelAxisKey> all = md::availableParallelAxes(runs);
    QCOMPARE(all.size(), 19 + 7);
    QCOMPARE(all.first().qualified(), u"params.colsample_bytree"_s);
    QCOMPARE(all.last().qualified(), u"metrics.val_r2_score"_s);

    // cv_folds, n_features, n_samples, random_state and test_size are the same in all four;
    // objective is reg:squarederror in both XGBoost runs; scaler, max_features and the rest are
    // logged by one run only. What tells the runs apart, then the key metric:
    QStringList names;
    for (const md::ParallelAxisKey &k : md::defaultParallelAxes(runs, u"val_r2_score"_s))
        names.append(k.qualified());
    QCOMPARE(names, (QStringList{u"params.colsample_bytree"_s, u"params.learning_rate"_s, u"params.max_depth"_s,
                                 u"params.n_estimators"_s, u"params.subsample"_s, u"metrics.val_r2_score"_s}));
    // Without a key metric (or one nobody logged), the first metric.
    QCOMPARE(md::defaultParallelAxes(runs).last().qualified(), u"metrics.mae"_s);
    QCOMPARE(md::defaultParallelAxes(runs, u"accuracy"_s).last().qualified(), u"metrics.mae"_s);

    // The chart of those axes: max_depth from 5 to 12, Linear Regression below it (no max_depth).
    const md::ParallelData d = md::parallelData(runs, md::defaultParallelAxes(runs, u"val_r2_score"_s));
    QCOMPARE(d.axes.size(), 6);
    const md::ParallelAxis &depth = d.axes.at(2);
    QCOMPARE(depth.min, 5.0);
    QCOMPARE(depth.max, 12.0);
    QCOMPARE(depth.missing, 1);
    QCOMPARE(depth.positions.at(0), std::nullopt);
    QCOMPARE(*depth.positions.at(1), 1.0);
    QCOMPARE(*depth.positions.at(2), 0.0);
    const md::ParallelAxis &r2 = d.axes.last();
    QCOMPARE(r2.min, 0.82);
    QCOMPARE(r2.max, 0.89);
    QCOMPARE(*r2.positions.at(0), 0.0);
    QCOMPARE(*r2.positions.at(3), 1.0);
    // Linear Regression logged none of the five params, Random Forest no colsample_bytree,
    // learning_rate or subsample.
    QCOMPARE(d.runsWithGaps, 2);
    QCOMPARE(d.axes.at(0).missing, 2);
}

void TestChartData::parallelColourRamp()
{
    for (bool dark : {false, true}) {
        const QColor low = md::parallelColourRamp(0.0, dark);
        const QColor high = md::parallelColourRamp(1.0, dark);
        QVERIFY(low != high);
        QCOMPARE(md::parallelColourRamp(-1.0, dark), low);
        QCOMPARE(md::parallelColourRamp(2.0, dark), high);
        QVERIFY(md::parallelColourRamp(0.5, dark) != low);
    }
    // Light background: the ramp starts at viridis' dark violet and stops before its pale yellow.
    QCOMPARE(md::parallelColourRamp(0.0, false), QColor(0x44, 0x01, 0x54));
    QVERIFY(md::parallelColourRamp(1.0, false).lightness() < QColor(0xfd, 0xe7, 0x25).lightness());
    // Dark background: no near-black start, ending at the yellow.
    QVERIFY(md::parallelColourRamp(0.0, true).lightness() > md::parallelColourRamp(0.0, false).lightness());
    QCOMPARE(md::parallelColourRamp(1.0, true), QColor(0xfd, 0xe7, 0x25));
}

QTEST_APPLESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
