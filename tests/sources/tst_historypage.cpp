// SPDX-License-Identifier: GPL-3.0-or-later
// The two ways a metrics/get-history page is read (src/sources/RestJson.h): scanHistoryPage()
// straight from the bytes, and parseHistoryPage() through a json DOM; and the same two ways for a
// get-history-bulk answer (scanBulkHistories(), parseBulkHistories()). Whatever the scanner takes
// must come out exactly as the general way gives it (the same points with the same value bits,
// in the same order, and the same next token); whatever it declines, the general way decides.
// Every case also states the points a user would see, so that both ways being wrong alike fails.
// The recorded MLflow answers in tests/data/rest are checked as well.

#include "TestSupport.h"

#include "sources/rest/RestJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using md::MetricPoint;
using md::restjson::HistoryPage;

Q_DECLARE_METATYPE(md::MetricPoint)

namespace {

const QString kUrl = u"http://127.0.0.1:5000/api/2.0/mlflow/metrics/get-history?run_id=r1&metric_key=loss"_s;

MetricPoint pt(const QString &key, double value, qint64 timestamp, qint64 step)
{
    MetricPoint p;
    p.key = key;
    p.value = value;
    p.timestamp = timestamp;
    p.step = step;
    return p;
}

QString show(const MetricPoint &p)
{
    return u"{%1, %2 (bits %3), t=%4, step=%5}"_s.arg(p.key)
        .arg(p.value, 0, 'g', 17)
        .arg(std::bit_cast<quint64>(p.value), 16, 16, QChar(u'0'))
        .arg(p.timestamp)
        .arg(p.step);
}

/// Empty when `a` and `b` hold the same points (value compared bit for bit); else the first
/// difference.
QString difference(const QList<MetricPoint> &a, const QList<MetricPoint> &b)
{
    if (a.size() != b.size())
        return u"%1 points against %2"_s.arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const MetricPoint &x = a[i], &y = b[i];
        if (x.key != y.key || std::bit_cast<quint64>(x.value) != std::bit_cast<quint64>(y.value)
            || x.timestamp != y.timestamp || x.step != y.step)
            return u"point %1: %2 against %3"_s.arg(i).arg(show(x), show(y));
    }
    return {};
}

/// NaN payloads differ between ways of making a NaN: a NaN only has to be a NaN.
QString differenceNanAware(const QList<MetricPoint> &got, const QList<MetricPoint> &want)
{
    if (got.size() != want.size())
        return difference(got, want);
    QList<MetricPoint> g = got, w = want;
    for (qsizetype i = 0; i < g.size(); ++i)
        if (std::isnan(g[i].value) && std::isnan(w[i].value))
            g[i].value = w[i].value = 0;
    return difference(g, w);
}

QByteArray page(const QByteArray &metrics, const QByteArray &rest = {})
{
    return "{\"metrics\": [" + metrics + "]" + rest + "}";
}

QByteArray point(const QByteArray &key, const QByteArray &value, const QByteArray &ts = "1700000000000",
                 const QByteArray &step = "0")
{
    return "{\"key\": \"" + key + "\", \"value\": " + value + ", \"timestamp\": " + ts + ", \"step\": " + step + "}";
}

struct Fixture {
    QString name;
    QByteArray body;
    QString key;
};

/// The recorded get-history answers of tests/data/rest (status 200).
QList<Fixture> recordedPages()
{
    QList<Fixture> out;
    const QDir dir(md::test::dataPath(u"rest"_s));
    for (const QString &f : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(f));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject x = QJsonDocument::fromJson(file.readAll()).object();
        if (!x.value(u"path"_s).toString().endsWith(u"metrics/get-history"_s) || x.value(u"status"_s).toInt() != 200)
            continue;
        out.append(Fixture { f, x.value(u"response_body"_s).toString().toUtf8(),
                             x.value(u"query"_s).toObject().value(u"metric_key"_s).toString() });
    }
    return out;
}

} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void taken_data();
    void taken();
    void declined_data();
    void declined();
    void recorded_data();
    void recorded();
    void bulkAnswerAndCutAnswer();
    void bulk_data();
    void bulk();
    void recordedBulkAnswer();
};

// ---- pages the scanner takes: it must give exactly the general way's result ----

void TestHistoryPage::taken_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QList<MetricPoint>>("points");
    QTest::addColumn<QString>("next");

    const QString loss = u"loss"_s;
    QTest::newRow("int and float values")
        << page(point("loss", "3", "1700000000000", "0") + "," + point("loss", "0.25", "1700000000100", "1"))
        << loss << QList { pt(loss, 3, 1700000000000, 0), pt(loss, 0.25, 1700000000100, 1) } << QString();
    QTest::newRow("float that is an integer") << page(point("loss", "3.0")) << loss
                                              << QList { pt(loss, 3.0, 1700000000000, 0) } << QString();
    QTest::newRow("negative") << page(point("loss", "-2.5", "-1", "-7")) << loss << QList { pt(loss, -2.5, -1, -7) }
                              << QString();
    QTest::newRow("exponents") << page(point("loss", "1e-7") + "," + point("loss", "1E+300", "1", "1") + ","
                                       + point("loss", "-4.5e2", "2", "2") + "," + point("loss", "2E0", "3", "3"))
                               << loss
                               << QList { pt(loss, 1e-7, 1700000000000, 0), pt(loss, 1e300, 1, 1),
                                          pt(loss, -450, 2, 2), pt(loss, 2, 3, 3) }
                               << QString();
    QTest::newRow("-0.0 keeps its sign") << page(point("loss", "-0.0")) << loss
                                         << QList { pt(loss, -0.0, 1700000000000, 0) } << QString();
    // nlohmann reads "-0" as the integer 0: +0.0
    QTest::newRow("-0 is +0") << page(point("loss", "-0")) << loss << QList { pt(loss, 0.0, 1700000000000, 0) }
                              << QString();
    QTest::newRow("DBL_MAX") << page(point("loss", "1.7976931348623157e+308") + ","
                                     + point("loss", "-1.7976931348623157e+308"))
                             << loss
                             << QList { pt(loss, std::numeric_limits<double>::max(), 1700000000000, 0),
                                        pt(loss, -std::numeric_limits<double>::max(), 1700000000000, 0) }
                             << QString();
    QTest::newRow("subnormals") << page(point("loss", "4.9e-324") + "," + point("loss", "2.2250738585072011e-308"))
                                << loss
                                << QList { pt(loss, std::numeric_limits<double>::denorm_min(), 1700000000000, 0),
                                           pt(loss, 2.2250738585072011e-308, 1700000000000, 0) }
                                << QString();
    QTest::newRow("17 significant digits") << page(point("loss", "0.10000000000000001")) << loss
                                           << QList { pt(loss, 0.1, 1700000000000, 0) } << QString();
    QTest::newRow("18-digit integers")
        << page(point("loss", "123456789012345678", "999999999999999999", "-999999999999999999"))
        << loss << QList { pt(loss, double(123456789012345678LL), 999999999999999999LL, -999999999999999999LL) }
        << QString();
    QTest::newRow("other keys are not returned, order kept")
        << page(point("acc", "0.9", "5", "0") + "," + point("loss", "0.5", "7", "2") + ","
                + point("loss_ema", "0.4", "6", "1") + "," + point("loss", "0.6", "6", "1") + ","
                + point("Loss", "0.7", "6", "0"))
        << loss << QList { pt(loss, 0.5, 7, 2), pt(loss, 0.6, 6, 1) } << QString();
    QTest::newRow("members in any order") << QByteArray(R"({"next_page_token": "tok", "metrics": [
        {"step": 4, "timestamp": 9, "value": 1.5, "key": "loss"}]})")
                                          << loss << QList { pt(loss, 1.5, 9, 4) } << u"tok"_s;
    QTest::newRow("no timestamp, no step: 0")
        << QByteArray(R"({"metrics":[{"key":"loss","value":2}]})") << loss << QList { pt(loss, 2, 0, 0) }
        << QString();
    QTest::newRow("a point without value or key is dropped")
        << QByteArray(R"({"metrics":[{"key":"loss","step":1},{"value":1,"step":2},{},{"key":"","value":1},)"
                      R"({"key":"loss","value":1,"step":3}]})")
        << loss << QList { pt(loss, 1, 0, 3) } << QString();
    QTest::newRow("empty metrics") << QByteArray(R"({"metrics": []})") << loss << QList<MetricPoint>() << QString();
    QTest::newRow("empty object") << QByteArray("{}") << loss << QList<MetricPoint>() << QString();
    QTest::newRow("only a token") << QByteArray(R"({"next_page_token":"eyJvZmZzZXQiOiAxMDB9"})") << loss
                                  << QList<MetricPoint>() << u"eyJvZmZzZXQiOiAxMDB9"_s;
    QTest::newRow("next page token")
        << page(point("loss", "1"), R"(, "next_page_token": "eyJvZmZzZXQiOiAxfQ==")") << loss
        << QList { pt(loss, 1, 1700000000000, 0) } << u"eyJvZmZzZXQiOiAxfQ=="_s;
    QTest::newRow("empty token") << page(point("loss", "1"), R"(,"next_page_token":"")") << loss
                                 << QList { pt(loss, 1, 1700000000000, 0) } << QString();
    QTest::newRow("printable ASCII key and token")
        << QByteArray(R"x({"metrics":[{"key":"a b/c:d~!@#$%^&*()","value":1}],"next_page_token":" +/=~ "})x")
        << u"a b/c:d~!@#$%^&*()"_s << QList { pt(u"a b/c:d~!@#$%^&*()"_s, 1, 0, 0) } << u" +/=~ "_s;
    QTest::newRow("indent=2 layout") << QByteArray("{\n  \"metrics\": [\n    {\n      \"key\": \"loss\",\n"
                                                   "      \"value\": 0.875271,\n      \"timestamp\": 1795736372748,\n"
                                                   "      \"step\": 0\n    }\n  ],\n"
                                                   "  \"next_page_token\": \"abc\"\n}\n")
                                     << loss << QList { pt(loss, 0.875271, 1795736372748, 0) } << u"abc"_s;
    QTest::newRow("CR LF, tabs, no spaces")
        << QByteArray("\r\n\t{\t\"metrics\"\r\n:\t[{\"key\":\"loss\",\"value\":1,\"timestamp\":2,\"step\":3}"
                      "\r\n]\t}\r\n\t ")
        << loss << QList { pt(loss, 1, 2, 3) } << QString();
    QTest::newRow("asked key is empty: nothing") << page(point("", "1") + "," + point("loss", "1")) << QString()
                                                 << QList<MetricPoint>() << QString();
    QTest::newRow("asked key not ASCII: nothing") << page(point("loss", "1")) << u"lössé"_s << QList<MetricPoint>()
                                                  << QString();
}

void TestHistoryPage::taken()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(QList<MetricPoint>, points);
    QFETCH(QString, next);

    const auto general = md::restjson::parseHistoryPage(body, key, kUrl);
    QVERIFY2(general, qPrintable(general ? QString() : general.error().toString()));
    const auto fast = md::restjson::scanHistoryPage(body, key);
    QVERIFY2(fast, "the scanner declined a plain page");

    QCOMPARE(difference(fast->points, general->points), QString());
    QCOMPARE(fast->next, general->next);
    QCOMPARE(difference(general->points, points), QString());
    QCOMPARE(general->next, next);

    // A later page of a series goes after the earlier pages' points, which stay as they were.
    const MetricPoint earlier { key, 0.5, 1700000000000, -1 };
    QList<MetricPoint> series { earlier, earlier };
    const auto appendedNext = md::restjson::scanHistoryPage(body, key, series);
    QVERIFY2(appendedNext, "the scanner declined a plain page after earlier points");
    QCOMPARE(*appendedNext, next);
    QCOMPARE(difference(series, QList<MetricPoint> { earlier, earlier } + points), QString());
}

// ---- pages the scanner declines: the general way decides ----

void TestHistoryPage::declined_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("fails"); ///< the general way gives an error naming the URL
    QTest::addColumn<QList<MetricPoint>>("points");
    QTest::addColumn<QString>("next");

    const QString loss = u"loss"_s;
    const double inf = std::numeric_limits<double>::infinity();
    const QList<MetricPoint> none;
    const QList<MetricPoint> one { pt(loss, 1, 1700000000000, 0) };

    // values MLflow writes as strings
    QTest::newRow("NaN string") << page(point("loss", "1") + "," + point("loss", "\"NaN\"", "2", "1")) << loss << false
                                << QList { pt(loss, 1, 1700000000000, 0),
                                           pt(loss, std::numeric_limits<double>::quiet_NaN(), 2, 1) }
                                << QString();
    QTest::newRow("Infinity strings") << page(point("loss", "\"Infinity\"") + "," + point("loss", "\"-Infinity\"", "3", "1"))
                                      << loss << false
                                      << QList { pt(loss, inf, 1700000000000, 0), pt(loss, -inf, 3, 1) } << QString();
    QTest::newRow("value as numeric string") << page(point("loss", "\"0.5\"")) << loss << false
                                             << QList { pt(loss, 0.5, 1700000000000, 0) } << QString();
    QTest::newRow("value null: dropped") << page(point("loss", "null") + "," + point("loss", "1")) << loss << false
                                         << one << QString();
    QTest::newRow("value true: dropped") << page(point("loss", "true") + "," + point("loss", "1")) << loss << false
                                         << one << QString();
    // strings beyond printable ASCII
    QTest::newRow("escaped key \\u00e9") << page(point("acc_\\u00e9", "1")) << u"acc_é"_s << false
                                         << QList { pt(u"acc_é"_s, 1, 1700000000000, 0) } << QString();
    QTest::newRow("raw UTF-8 key") << page(point("acc_\xc3\xa9", "1")) << u"acc_é"_s << false
                                   << QList { pt(u"acc_é"_s, 1, 1700000000000, 0) } << QString();
    QTest::newRow("escaped quote in key") << page(point("a\\\"b", "1")) << u"a\"b"_s << false
                                          << QList { pt(u"a\"b"_s, 1, 1700000000000, 0) } << QString();
    QTest::newRow("escape in the token") << page(point("loss", "1"), R"(,"next_page_token":"ab\/c")") << loss
                                         << false << one << u"ab/c"_s;
    QTest::newRow("escaped member name") << QByteArray(R"({"metrics":[{"k\u0065y":"loss","value":1}]})") << loss
                                         << false << QList { pt(loss, 1, 0, 0) } << QString();
    // numbers beyond 18 digits or not integers where integers go
    QTest::newRow("19-digit timestamp") << page(point("loss", "1", "1234567890123456789")) << loss << false
                                        << QList { pt(loss, 1, 1234567890123456789LL, 0) } << QString();
    QTest::newRow("19-digit value") << page(point("loss", "1234567890123456789")) << loss << false
                                    << QList { pt(loss, double(1234567890123456789LL), 1700000000000, 0) }
                                    << QString();
    QTest::newRow("20-digit value") << page(point("loss", "12345678901234567890")) << loss << false
                                    << QList { pt(loss, double(12345678901234567890ULL), 1700000000000, 0) }
                                    << QString();
    QTest::newRow("1e-400 underflows to 0") << page(point("loss", "1e-400")) << loss << false
                                            << QList { pt(loss, 0.0, 1700000000000, 0) } << QString();
    QTest::newRow("float timestamp: rounded") << page(point("loss", "1", "1.5e12", "2.5")) << loss << false
                                              << QList { pt(loss, 1, 1500000000000, 3) } << QString();
    QTest::newRow("string timestamp (proto3)") << page(point("loss", "1", "\"1795736374171\"", "\"4\"")) << loss
                                               << false << QList { pt(loss, 1, 1795736374171, 4) } << QString();
    QTest::newRow("number as key") << QByteArray(R"({"metrics":[{"key":5,"value":1}]})") << u"5"_s << false
                                   << QList { pt(u"5"_s, 1, 0, 0) } << QString();
    // repeated and unknown members: nlohmann keeps the last of a repeated member
    QTest::newRow("duplicate step") << QByteArray(R"({"metrics":[{"key":"loss","value":1,"step":1,"step":2}]})")
                                    << loss << false << QList { pt(loss, 1, 0, 2) } << QString();
    QTest::newRow("duplicate key") << QByteArray(R"({"metrics":[{"key":"acc","value":1,"key":"loss"}]})") << loss
                                   << false << QList { pt(loss, 1, 0, 0) } << QString();
    QTest::newRow("duplicate metrics")
        << QByteArray(R"({"metrics":[{"key":"loss","value":1}],"metrics":[{"key":"loss","value":2}]})") << loss
        << false << QList { pt(loss, 2, 0, 0) } << QString();
    QTest::newRow("duplicate token") << QByteArray(R"({"next_page_token":"a","next_page_token":"b"})") << loss
                                     << false << none << u"b"_s;
    QTest::newRow("unknown member in a point (ajax bulk run_id)")
        << QByteArray(R"({"metrics":[{"key":"loss","run_id":"r1","value":1}]})") << loss << false
        << QList { pt(loss, 1, 0, 0) } << QString();
    QTest::newRow("unknown top-level member") << page(point("loss", "1"), R"(, "total": 1)") << loss << false << one
                                              << QString();
    // nesting
    QTest::newRow("nested object as value: dropped")
        << page(point("loss", R"({"v": 1})") + "," + point("loss", "1")) << loss << false << one << QString();
    QTest::newRow("nested object at top level") << page(point("loss", "1"), R"(, "x": {"metrics": [[{}]]})")
                                                << loss << false << one << QString();
    QTest::newRow("metrics is an object: none")
        << QByteArray(R"({"metrics":{"key":"loss","value":1}})") << loss << false << none << QString();
    QTest::newRow("an element that is not an object") << page("1, [], \"loss\", " + point("loss", "1")) << loss
                                                      << false << one << QString();
    QTest::newRow("token is a number") << QByteArray(R"({"next_page_token":12})") << loss << false << none << u"12"_s;
    QTest::newRow("UTF-8 BOM") << "\xef\xbb\xbf" + page(point("loss", "1")) << loss << false << one << QString();
    // not JSON, or not an object: the general way fails
    QTest::newRow("trailing garbage") << page(point("loss", "1")) + " x" << loss << true << none << QString();
    QTest::newRow("two objects") << QByteArray("{}{}") << loss << true << none << QString();
    QTest::newRow("truncated") << page(point("loss", "1")).chopped(3) << loss << true << none << QString();
    QTest::newRow("cut inside a number") << QByteArray(R"({"metrics":[{"key":"loss","value":1.)") << loss << true
                                         << none << QString();
    QTest::newRow("empty body") << QByteArray() << loss << true << none << QString();
    QTest::newRow("array") << QByteArray("[]") << loss << true << none << QString();
    QTest::newRow("string") << QByteArray(R"("metrics")") << loss << true << none << QString();
    QTest::newRow("null") << QByteArray("null") << loss << true << none << QString();
    QTest::newRow("trailing comma") << QByteArray(R"({"metrics":[{"key":"loss","value":1},]})") << loss << true
                                    << none << QString();
    QTest::newRow("leading zero") << page(point("loss", "1", "1", "01")) << loss << true << none << QString();
    QTest::newRow("bare NaN") << page(point("loss", "NaN")) << loss << true << none << QString();
    QTest::newRow("1e400 overflows") << page(point("loss", "1e400")) << loss << true << none << QString();
    QTest::newRow("control character in a string") << page(point("lo\tss", "1")) << loss << true << none
                                                   << QString();
    QTest::newRow("comment") << QByteArray("{/* */}") << loss << true << none << QString();
}

void TestHistoryPage::declined()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(bool, fails);
    QFETCH(QList<MetricPoint>, points);
    QFETCH(QString, next);

    QVERIFY(!md::restjson::scanHistoryPage(body, key));
    // Declined after earlier pages: their points are left as they were, none of this page's.
    const MetricPoint earlier { key, 0.5, 1700000000000, -1 };
    QList<MetricPoint> series { earlier };
    QVERIFY(!md::restjson::scanHistoryPage(body, key, series));
    QCOMPARE(difference(series, QList<MetricPoint> { earlier }), QString());

    const auto general = md::restjson::parseHistoryPage(body, key, kUrl);
    if (fails) {
        QVERIFY2(!general, "the general way took a page that is not a JSON object");
        QCOMPARE(general.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(general.error().where, kUrl);
        QVERIFY2(general.error().message.contains(u"malformed JSON (%1 bytes"_s.arg(body.size())),
                 qPrintable(general.error().message));
        return;
    }
    QVERIFY2(general, qPrintable(general ? QString() : general.error().toString()));
    QCOMPARE(differenceNanAware(general->points, points), QString());
    QCOMPARE(general->next, next);
}

// ---- MLflow's own answers ----

void TestHistoryPage::recorded_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("lastStep");

    // What MLflow returned (tests/data/rest/*.json): points of the asked key and the last step.
    struct Want {
        bool taken;
        int count;
        qint64 lastStep;
    };
    const QHash<QString, Want> want {
        { u"034_metrics_get_history_car_val_r2.json"_s, { true, 6, 5 } },
        { u"035_metrics_get_history_car_rmse.json"_s, { true, 6, 5 } },
        { u"036_metrics_get_history_1000.json"_s, { true, 1000, 999 } },
        { u"037_metrics_get_history_1000_max_results_100.json"_s, { true, 1000, 999 } },
        { u"038_metrics_get_history_page_token.json"_s, { true, 1000, 999 } },
        { u"039_metrics_get_history_nan.json"_s, { false, 101, 100 } }, // "NaN" strings
        { u"040_metrics_get_history_inf.json"_s, { true, 1, 100 } },
        { u"041_metrics_get_history_neg_inf.json"_s, { true, 1, 100 } },
        { u"042_metrics_get_history_unknown_key.json"_s, { true, 0, -1 } },
        { u"093_err_metrics_get_history_missing_key.json"_s, { true, 0, -1 } },
        { u"094_err_metrics_get_history_unknown_run.json"_s, { true, 0, -1 } },
    };
    const QList<Fixture> pages = recordedPages();
    QVERIFY2(pages.size() >= want.size(), qPrintable(QString::number(pages.size())));
    int rows = 0;
    for (const Fixture &f : pages) {
        if (!want.contains(f.name))
            continue;
        const Want w = want.value(f.name);
        QTest::newRow(qPrintable(f.name)) << f.body << f.key << w.taken << w.count << w.lastStep;
        ++rows;
    }
    QCOMPARE(rows, want.size());
}

void TestHistoryPage::recorded()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(bool, taken);
    QFETCH(int, count);
    QFETCH(qint64, lastStep);

    const auto general = md::restjson::parseHistoryPage(body, key, kUrl);
    QVERIFY2(general, qPrintable(general ? QString() : general.error().toString()));
    QCOMPARE(general->points.size(), count);
    if (count > 0) {
        QCOMPARE(general->points.last().step, lastStep);
        QCOMPARE(general->points.first().key, key);
    }
    QCOMPARE(general->next, QString());

    const auto fast = md::restjson::scanHistoryPage(body, key);
    QCOMPARE(bool(fast), taken);
    if (fast) {
        QCOMPARE(difference(fast->points, general->points), QString());
        QCOMPARE(fast->next, general->next);
    }
}

void TestHistoryPage::bulkAnswerAndCutAnswer()
{
    // The UI's bulk answer (tests/data/rest/043: run_id in every point) is declined and read the
    // general way: all 12 points of both runs, in the answer's order.
    QFile file(md::test::dataPath(u"rest/043_ajax_metrics_get_history_bulk.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray body =
        QJsonDocument::fromJson(file.readAll()).object().value(u"response_body"_s).toString().toUtf8();
    QVERIFY(!body.isEmpty());
    QVERIFY(!md::restjson::scanHistoryPage(body, u"val_r2_score"_s));
    const auto general = md::restjson::parseHistoryPage(body, u"val_r2_score"_s, kUrl);
    QVERIFY(general);
    QCOMPARE(general->points.size(), 12);
    QCOMPARE(general->points.first().step, 0);
    QCOMPARE(general->points.first().value, 0.807085);
    QCOMPARE(general->points.last().step, 5);
    QCOMPARE(general->points.last().value, 0.85);

    // Cut short: declined, and the error says so and names the URL, as the source reports it.
    QVERIFY(!md::restjson::scanHistoryPage(body.left(100), u"val_r2_score"_s));
    const auto cut = md::restjson::parseHistoryPage(body.left(100), u"val_r2_score"_s, kUrl);
    QVERIFY(!cut);
    QCOMPARE(cut.error().where, kUrl);
    QCOMPARE(cut.error().message,
             u"the server sent malformed JSON (100 bytes; the answer may have been cut short)"_s);
}

// ---- get-history-bulk answers: points by run ----

namespace {

using ByRun = QHash<QString, QList<MetricPoint>>;

QByteArray bulkPoint(const QByteArray &run, const QByteArray &key, const QByteArray &value, const QByteArray &step)
{
    return "{\"key\":\"" + key + "\",\"run_id\":\"" + run + "\",\"step\":" + step
        + ",\"timestamp\":1700000000000,\"value\":" + value + "}";
}

/// Empty when both hold the same runs with the same points; else the first difference.
QString differenceByRun(const ByRun &got, const ByRun &want)
{
    QStringList runs = want.keys();
    runs.sort();
    QStringList gotRuns = got.keys();
    gotRuns.sort();
    if (gotRuns != runs)
        return u"runs %1 against %2"_s.arg(gotRuns.join(u','), runs.join(u','));
    for (const QString &run : std::as_const(runs))
        if (const QString d = differenceNanAware(got.value(run), want.value(run)); !d.isEmpty())
            return run + u": "_s + d;
    return {};
}

} // namespace

void TestHistoryPage::bulk_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("scanned"); // the scanner takes it
    QTest::addColumn<bool>("usable"); // the general way takes it (else: each series asked alone)
    QTest::addColumn<QString>("points"); // what a user would see: "run:step=value ..." by run, sorted

    const QByteArray a1 = bulkPoint("r1", "loss", "0.5", "0"), a2 = bulkPoint("r1", "loss", "0.25", "1"),
                     b1 = bulkPoint("r2", "loss", "1", "0"), other = bulkPoint("r2", "acc", "0.9", "0");
    QTest::newRow("two runs") << page(a1 + "," + a2 + "," + b1) << true << true << u"r1:0=0.5 r1:1=0.25 r2:0=1"_s;
    QTest::newRow("another key left out") << page(a1 + "," + other + "," + b1) << true << true << u"r1:0=0.5 r2:0=1"_s;
    QTest::newRow("a run again later") << page(a1 + "," + b1 + "," + a2) << true << true
                                       << u"r1:0=0.5 r1:1=0.25 r2:0=1"_s;
    QTest::newRow("no points") << page({}) << true << true << QString();
    QTest::newRow("only another key") << page(other) << true << true << QString();
    QTest::newRow("spaces") << QByteArray("{ \"metrics\" : [ " + a1 + " ] }\n") << true << true << u"r1:0=0.5"_s;
    QTest::newRow("NaN string") << page(a1 + "," + bulkPoint("r1", "loss", "\"NaN\"", "1")) << false << true
                                << u"r1:0=0.5 r1:1=nan"_s;
    QTest::newRow("escaped run id") << page(bulkPoint("r\\u0031", "loss", "2", "0")) << false << true << u"r1:0=2"_s;
    QTest::newRow("another member") << page(a1, ", \"next_page_token\": \"x\"") << false << true << u"r1:0=0.5"_s;
    QTest::newRow("an element without a run id") << page(a1 + "," + point("loss", "1")) << false << false << QString();
    QTest::newRow("an empty run id") << page(a1 + "," + bulkPoint("", "loss", "1", "1")) << false << false << QString();
    QTest::newRow("a run id twice") << page("{\"key\":\"loss\",\"run_id\":\"r1\",\"run_id\":\"r2\",\"value\":1}")
                                    << false << true << u"r2:0=1"_s;
    QTest::newRow("cut at max_results (4)")
        << page(a1 + "," + a2 + "," + b1 + "," + other) << false << false << QString();
    QTest::newRow("cut short") << page(a1 + "," + b1).chopped(3) << false << false << QString();
    QTest::newRow("not an object") << QByteArray("[]") << false << false << QString();
}

void TestHistoryPage::bulk()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, scanned);
    QFETCH(bool, usable);
    QFETCH(QString, points);
    const int maxResults = 4;

    const auto general = md::restjson::parseBulkHistories(body, u"loss"_s, maxResults);
    QCOMPARE(bool(general), usable);
    if (general) {
        QStringList seen;
        for (auto it = general->cbegin(); it != general->cend(); ++it)
            for (const MetricPoint &p : it.value()) {
                QCOMPARE(p.key, u"loss"_s);
                seen.append(u"%1:%2=%3"_s.arg(it.key()).arg(p.step).arg(
                    std::isnan(p.value) ? u"nan"_s : QString::number(p.value)));
            }
        seen.sort();
        QCOMPARE(seen.join(u' '), points);
    }
    const auto fast = md::restjson::scanBulkHistories(body, u"loss"_s, maxResults);
    QCOMPARE(bool(fast), scanned);
    if (fast) {
        QVERIFY(general);
        QCOMPARE(differenceByRun(*fast, *general), QString());
    }
}

void TestHistoryPage::recordedBulkAnswer()
{
    // MLflow 2.10.2's answer for two runs (tests/data/rest/043): taken from the bytes, the same as
    // the general way, six points of each run in step order.
    QFile file(md::test::dataPath(u"rest/043_ajax_metrics_get_history_bulk.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject x = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray body = x.value(u"response_body"_s).toString().toUtf8();
    const auto general = md::restjson::parseBulkHistories(body, u"val_r2_score"_s, 25000);
    QVERIFY(general);
    const auto fast = md::restjson::scanBulkHistories(body, u"val_r2_score"_s, 25000);
    QVERIFY(fast);
    QCOMPARE(differenceByRun(*fast, *general), QString());
    QCOMPARE(fast->size(), 2);
    const QList<MetricPoint> first = fast->value(u"725002bf71b846ac946886aaea49b30c"_s);
    QCOMPARE(first.size(), 6);
    QCOMPARE(first.first().step, 0);
    QCOMPARE(first.first().value, 0.807085);
    QCOMPARE(first.first().timestamp, 1795736369881);
    QCOMPARE(fast->value(u"a61fdea6c25245ed8973f61519cc9756"_s).size(), 6);
    // Another key's bulk answer has none of these points.
    QCOMPARE(md::restjson::scanBulkHistories(body, u"rmse"_s, 25000)->size(), 0);
}

QTEST_GUILESS_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
