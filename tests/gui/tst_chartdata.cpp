// SPDX-License-Identifier: GPL-3.0-or-later
// ChartData: histories as x/y vectors per x mode, EMA, the thinned min/max envelope, NaN and ±∞.
#include "models/ChartData.h"

#include <QTest>

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
    void nanAndInfinityAreSkipped();
    void ema();
    void emaEdgeCases();
    void envelopeThinsToMinMax();
    void envelopeWithoutThinning();
    void latestFiniteValue();
    void scatterNumeric();
    void scatterCategorical_data();
    void scatterCategorical();
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
    QCOMPARE(s.skipped, 0);
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

void TestChartData::nanAndInfinityAreSkipped()
{
    const double inf = std::numeric_limits<double>::infinity();
    const QList<MetricPoint> points{point(0, std::nan(""), 100), point(1, 0.5, 1000), point(2, inf, 2000),
                                    point(3, -inf, 3000), point(4, 0.25, 4000)};
    const md::ChartSeries s = md::chartSeries(points, ChartXMode::RelativeTime);
    QCOMPARE(s.skipped, 3);
    QCOMPARE(s.y, (QVector<double>{0.5, 0.25}));
    // Relative time starts at the first plotted point, not at the skipped NaN.
    QCOMPARE(s.x, (QVector<double>{0.0, 3.0}));
    QCOMPARE(s.steps, (QVector<qint64>{1, 4}));
    QVERIFY(md::chartSeries({point(0, std::nan(""), 0)}, ChartXMode::Step).isEmpty());
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

void TestChartData::envelopeThinsToMinMax()
{
    md::ChartSeries s;
    for (int i = 0; i < 10; ++i) {
        s.x.append(i);
        s.y.append(i % 3 == 0 ? -double(i) : double(i));  // 0 1 2 -3 4 5 -6 7 8 -9
    }
    // 10 points in at most 4 buckets: 3 per bucket → {0,1,2} {3,4,5} {6,7,8} {9}
    const md::ChartEnvelope e = md::chartEnvelope(s, 4);
    QCOMPARE(e.x, (QVector<double>{1.0, 4.0, 7.0, 9.0}));
    QCOMPARE(e.min, (QVector<double>{0.0, -3.0, -6.0, -9.0}));
    QCOMPARE(e.max, (QVector<double>{2.0, 5.0, 8.0, -9.0}));

    // 1000 points in 100 buckets: 10 each, min/max of each group.
    md::ChartSeries big;
    for (int i = 0; i < 1000; ++i) {
        big.x.append(i);
        big.y.append(i);
    }
    const md::ChartEnvelope b = md::chartEnvelope(big, 100);
    QCOMPARE(b.x.size(), 100);
    QCOMPARE(b.min.at(0), 0.0);
    QCOMPARE(b.max.at(0), 9.0);
    QCOMPARE(b.min.at(99), 990.0);
    QCOMPARE(b.max.at(99), 999.0);
    QCOMPARE(b.x.at(99), 994.5);
}

void TestChartData::envelopeWithoutThinning()
{
    md::ChartSeries s;
    s.x = {0, 1, 2};
    s.y = {5, 4, 6};
    const md::ChartEnvelope e = md::chartEnvelope(s, 10);
    QCOMPARE(e.x, s.x);
    QCOMPARE(e.min, s.y);
    QCOMPARE(e.max, s.y);
    QCOMPARE(md::chartEnvelope(s, 0).x.size(), 3);
    QVERIFY(md::chartEnvelope(md::ChartSeries{}, 10).x.isEmpty());
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

QTEST_APPLESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
