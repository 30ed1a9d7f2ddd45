// SPDX-License-Identifier: GPL-3.0-or-later
// The two ways a runs/search page is read (src/sources/rest/RestJson.h): scanRunsPage() straight
// from the bytes, and parseRunsPage() through a json DOM. Whatever the scanner takes must come out
// exactly as the general way gives it (every field of every run, metric values bit for bit, the
// same runs left out, the same next token); whatever it declines, the general way decides. Cases
// also state what a user would see, so that both ways being wrong alike fails. The recorded
// MLflow 2 and 3 answers in tests/data are checked as well, and mutations of one of them.

#include "TestSupport.h"

#include "sources/rest/RestJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using md::restjson::RunsPage;

namespace {

const QString kUrl = u"http://127.0.0.1:5000/api/2.0/mlflow/runs/search"_s;

QString show(const md::MetricPoint &p)
{
    return u"{%1, %2 (bits %3), t=%4, step=%5}"_s.arg(p.key)
        .arg(p.value, 0, 'g', 17)
        .arg(std::bit_cast<quint64>(p.value), 16, 16, QChar(u'0'))
        .arg(p.timestamp)
        .arg(p.step);
}

QString showKv(const QList<md::KeyValue> &kvs)
{
    QStringList out;
    for (const md::KeyValue &kv : kvs)
        out.append(kv.key + u'=' + kv.value);
    return out.join(u", "_s);
}

/// Empty when the runs are alike in every field (metric values bit for bit); else the first
/// difference.
QString difference(const md::Run &a, const md::Run &b)
{
    const QStringList fa { a.runId, a.experimentId, a.runName, a.userId, a.status, a.artifactUri, a.lifecycleStage };
    const QStringList fb { b.runId, b.experimentId, b.runName, b.userId, b.status, b.artifactUri, b.lifecycleStage };
    if (fa != fb)
        return u"info (%1) against (%2)"_s.arg(fa.join(u'|'), fb.join(u'|'));
    if (a.startTime != b.startTime || a.endTime != b.endTime)
        return u"times %1/%2 against %3/%4"_s.arg(a.startTime)
            .arg(a.endTime.value_or(-1))
            .arg(b.startTime)
            .arg(b.endTime.value_or(-1));
    if (a.params != b.params)
        return u"params %1 against %2"_s.arg(showKv(a.params), showKv(b.params));
    if (a.tags != b.tags)
        return u"tags %1 against %2"_s.arg(showKv(a.tags), showKv(b.tags));
    if (a.latestMetrics.size() != b.latestMetrics.size())
        return u"%1 metrics against %2"_s.arg(a.latestMetrics.size()).arg(b.latestMetrics.size());
    for (qsizetype i = 0; i < a.latestMetrics.size(); ++i) {
        const md::MetricPoint &x = a.latestMetrics[i], &y = b.latestMetrics[i];
        if (x.key != y.key || std::bit_cast<quint64>(x.value) != std::bit_cast<quint64>(y.value)
            || x.timestamp != y.timestamp || x.step != y.step)
            return u"metric %1: %2 against %3"_s.arg(i).arg(show(x), show(y));
    }
    if (a.inputs != b.inputs)
        return u"dataset inputs differ (%1 against %2)"_s.arg(a.inputs.size()).arg(b.inputs.size());
    if (a.modelInputs != b.modelInputs || a.modelOutputs != b.modelOutputs)
        return u"model inputs or outputs differ"_s;
    if (!a.history.isEmpty() || !b.history.isEmpty() || a.hasHistory || b.hasHistory)
        return u"a history where none belongs"_s;
    return {};
}

QString difference(const RunsPage &a, const RunsPage &b)
{
    if (a.next != b.next)
        return u"next '%1' against '%2'"_s.arg(a.next, b.next);
    if (a.withoutId != b.withoutId)
        return u"%1 runs without id against %2"_s.arg(a.withoutId).arg(b.withoutId);
    if (a.runs.size() != b.runs.size())
        return u"%1 runs against %2"_s.arg(a.runs.size()).arg(b.runs.size());
    for (qsizetype i = 0; i < a.runs.size(); ++i)
        if (const QString d = difference(a.runs[i], b.runs[i]); !d.isEmpty())
            return u"run %1: %2"_s.arg(i).arg(d);
    return {};
}

/// A page of `runs`, as MLflow lays it out (indented), with `rest` after the runs.
QByteArray page(const QByteArray &runs, const QByteArray &rest = {})
{
    return "{\n  \"runs\": [\n" + runs + "\n  ]" + rest + "\n}";
}

QByteArray run(const QByteArray &info, const QByteArray &data = {}, const QByteArray &rest = {})
{
    return "{\"info\": {" + info + "}, \"data\": {" + data + "}" + rest + "}";
}

const QByteArray kInfo = "\"run_uuid\": \"r1\", \"experiment_id\": \"1\", \"run_name\": \"first\", \"user_id\": \"ann\", "
                         "\"status\": \"FINISHED\", \"start_time\": 1700000000000, \"end_time\": 1700000005000, "
                         "\"artifact_uri\": \"mlflow-artifacts:/1/r1/artifacts\", \"lifecycle_stage\": \"active\", "
                         "\"run_id\": \"r1\"";

QByteArray metric(const QByteArray &key, const QByteArray &value, const QByteArray &ts = "1700000001000",
                  const QByteArray &step = "3")
{
    return "{\"key\": \"" + key + "\", \"value\": " + value + ", \"timestamp\": " + ts + ", \"step\": " + step + "}";
}

QByteArray kv(const QByteArray &key, const QByteArray &value)
{
    return "{\"key\": \"" + key + "\", \"value\": " + value + "}";
}

struct Fixture {
    QString name;
    QByteArray body;
};

/// The recorded runs/search answers (status 200) of tests/data/rest and tests/data/mlflow3/rest.
QList<Fixture> recordedPages()
{
    QList<Fixture> out;
    for (const QString &folder : { u"rest"_s, u"mlflow3/rest"_s }) {
        const QDir dir(md::test::dataPath(folder));
        for (const QString &f : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(f));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject x = QJsonDocument::fromJson(file.readAll()).object();
            if (!x.value(u"path"_s).toString().endsWith(u"runs/search"_s) || x.value(u"status"_s).toInt() != 200)
                continue;
            out.append(Fixture { folder + u'/' + f, x.value(u"response_body"_s).toString().toUtf8() });
        }
    }
    return out;
}

} // namespace

class TestRunsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void taken_data();
    void taken();
    void declined_data();
    void declined();
    void recorded();
    void mutations();
    void pageToken_data();
    void pageToken();
};

// ---- pages the scanner takes: it must give exactly the general way's result ----

void TestRunsPage::taken_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("withoutId");
    QTest::addColumn<QString>("check"); // "field=value" of the first run that a user would see

    const QByteArray data = "\"metrics\": [" + metric("loss", "0.25") + ", " + metric("acc", "1") + "], "
        "\"params\": [" + kv("lr", "\"0.1\"") + ", " + kv("depth", "\"6\"") + "], "
        "\"tags\": [" + kv("mlflow.runName", "\"first\"") + "]";
    QTest::newRow("plain") << page(run(kInfo, data), ",\n  \"next_page_token\": \"eyJvZmZzZXQiOiAxfQ==\"") << 1 << 0
                           << u"params=depth=6, lr=0.1"_s;
    QTest::newRow("empty page") << QByteArray("{}") << 0 << 0 << QString();
    QTest::newRow("no runs, a token") << QByteArray("{\"runs\": [], \"next_page_token\": \"t\"}") << 0 << 0 << QString();
    QTest::newRow("token null") << QByteArray("{\"runs\": [], \"next_page_token\": null}") << 0 << 0 << QString();
    QTest::newRow("escapes") << page(run(kInfo, "\"tags\": [" + kv("note", "\"a \\\"quoted\\\" \\\\ line\\nnext\\t\\/\\b\\f\\r\"") + "]"))
                             << 1 << 0 << u"tags=note=a \"quoted\" \\ line\nnext\t/\b\f\r"_s;
    QTest::newRow("unicode") << page(run(kInfo, "\"params\": [" + kv("name", "\"Gr\\u00fc\\u00dfe \xe6\x97\xa5\\ud83d\\ude00 \xf0\x9f\x98\x80\"") + "]"))
                             << 1 << 0 << u"params=name=Grüße 日😀 😀"_s;
    QTest::newRow("NUL escape") << page(run(kInfo, "\"params\": [" + kv("p", "\"a\\u0000b\"") + "]")) << 1 << 0 << QString();
    QTest::newRow("NaN and infinities")
        << page(run(kInfo, "\"metrics\": [" + metric("a", "\"NaN\"") + ", " + metric("b", "\"Infinity\"") + ", "
                               + metric("c", "\"-Infinity\"") + ", " + metric("d", "-0.0") + ", " + metric("e", "1e-5")
                               + ", " + metric("f", "-12345678901234567") + ", " + metric("g", "1.7976931348623157e308")
                               + "]"))
        << 1 << 0 << u"metrics=7"_s;
    QTest::newRow("metric without value or key")
        << page(run(kInfo, "\"metrics\": [{\"key\": \"a\", \"timestamp\": 1}, {\"key\": \"b\", \"value\": null}, "
                           "{\"value\": 1.5}, {\"key\": \"\", \"value\": 2}, " + metric("c", "3") + "]"))
        << 1 << 0 << u"metrics=1"_s;
    QTest::newRow("metric without time or step") << page(run(kInfo, "\"metrics\": [{\"key\": \"a\", \"value\": 2, \"timestamp\": null}]"))
                                                 << 1 << 0 << u"metrics=1"_s;
    QTest::newRow("sorted as the general way sorts")
        << page(run(kInfo, "\"metrics\": [" + metric("z", "1") + ", " + metric("a", "2") + "], \"params\": [" + kv("b", "\"1\"")
                               + ", " + kv("a", "\"2\"") + ", " + kv("a", "\"3\"") + "]"))
        << 1 << 0 << u"params=a=2, a=3, b=1"_s;
    QTest::newRow("run name from the last runName tag")
        << page(run("\"run_id\": \"r9\"", "\"tags\": [" + kv("mlflow.runName", "\"one\"") + ", " + kv("mlflow.runName", "\"two\"") + "]"))
        << 1 << 0 << u"runName=two"_s;
    QTest::newRow("run_uuid only") << page(run("\"run_uuid\": \"old\", \"end_time\": null, \"start_time\": null")) << 1 << 0
                                   << u"runId=old"_s;
    QTest::newRow("null fields") << page(run("\"run_id\": \"r2\", \"user_id\": null, \"lifecycle_stage\": null, \"status\": null"))
                                 << 1 << 0 << u"lifecycleStage=active"_s;
    QTest::newRow("deleted") << page(run("\"run_id\": \"r3\", \"lifecycle_stage\": \"deleted\"")) << 1 << 0
                             << u"lifecycleStage=deleted"_s;
    QTest::newRow("runs without id") << page(run("\"run_name\": \"x\"") + ",\n" + run(kInfo) + ",\n{}") << 1 << 2
                                     << u"runId=r1"_s;
    QTest::newRow("unknown members skipped")
        << page(run(kInfo + ", \"extra\": {\"a\": [1, 2.5e3, true, false, null, {\"b\": \"c\\u0041\"}]}",
                    "\"metrics\": [], \"other\": [[[]]]", ", \"extra\": -0, \"x\\u0041\": \"y\""),
                ", \"total\": 12")
        << 1 << 0 << u"runId=r1"_s;
    QTest::newRow("escaped member name") << page(run("\"run\\u005fid\": \"r4\"")) << 1 << 0 << u"runId=r4"_s;
    QTest::newRow("datasets and models (MLflow 3)")
        << page(run(kInfo, {},
                    ", \"inputs\": {\"dataset_inputs\": [{\"tags\": [" + kv("mlflow.data.context", "\"train\"")
                        + "], \"dataset\": {\"name\": \"d2\", \"digest\": \"x\", \"source_type\": \"local\", "
                          "\"source\": \"{}\", \"schema\": \"s\", \"profile\": \"p\"}}, {\"dataset\": {\"name\": \"d1\"}}], "
                          "\"model_inputs\": [{\"model_id\": \"m-2\"}, {\"model_id\": \"\"}]}, "
                          "\"outputs\": {\"model_outputs\": [{\"model_id\": \"m-1\", \"step\": 4}, {\"model_id\": \"m-1\", \"step\": 2}]}"))
        << 1 << 0 << u"inputs=d1,d2:train"_s;
    QTest::newRow("whitespace everywhere") << QByteArray(" \r\n\t{ \"runs\" : [ { \"info\" : { \"run_id\" : \"r5\" } } ] } \n") << 1 << 0
                                           << u"runId=r5"_s;
}

void TestRunsPage::taken()
{
    QFETCH(QByteArray, body);
    QFETCH(int, runs);
    QFETCH(int, withoutId);
    QFETCH(QString, check);

    const auto general = md::restjson::parseRunsPage(body, kUrl);
    QVERIFY2(general, qPrintable(general ? QString() : general.error().toString()));
    QCOMPARE(general->runs.size(), runs);
    QCOMPARE(general->withoutId, withoutId);
    const auto fast = md::restjson::scanRunsPage(body);
    QVERIFY2(fast, "declined");
    QCOMPARE(difference(*fast, *general), QString());

    if (check.isEmpty())
        return;
    const md::Run &r = fast->runs.first();
    const QString field = check.section(u'=', 0, 0), want = check.section(u'=', 1);
    if (field == "params"_L1) {
        QCOMPARE(showKv(r.params), want);
    } else if (field == "tags"_L1) {
        QStringList got;
        for (const md::KeyValue &t : r.tags)
            got.append(t.key + u'=' + t.value);
        QCOMPARE(got.join(u','), want);
        QCOMPARE(r.runName, u"first"_s);
    } else if (field == "metrics"_L1) {
        QCOMPARE(QString::number(r.latestMetrics.size()), want);
        if (r.latestMetrics.size() == 7) {
            QVERIFY(std::isnan(r.latestMetrics[0].value));
            QCOMPARE(r.latestMetrics[1].value, std::numeric_limits<double>::infinity());
            QCOMPARE(r.latestMetrics[2].value, -std::numeric_limits<double>::infinity());
            QVERIFY(std::signbit(r.latestMetrics[3].value));
            QCOMPARE(r.latestMetrics[5].value, -12345678901234567.0);
        }
    } else if (field == "runName"_L1) {
        QCOMPARE(r.runName, want);
    } else if (field == "runId"_L1) {
        QCOMPARE(r.runId, want);
    } else if (field == "lifecycleStage"_L1) {
        QCOMPARE(r.lifecycleStage, want);
    } else if (field == "inputs"_L1) {
        QStringList got;
        for (const md::DatasetInput &d : r.inputs)
            got.append(d.context.isEmpty() ? d.name : d.name + u':' + d.context);
        QCOMPARE(got.join(u','), want);
        QCOMPARE(r.modelInputs.size(), 1);
        QCOMPARE(r.modelOutputs.size(), 2);
        QCOMPARE(r.modelOutputs.first().step, 2);
    } else {
        QFAIL(qPrintable(u"unknown check "_s + field));
    }
}

// ---- pages the scanner declines: the general way decides (and may fail) ----

void TestRunsPage::declined_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("generalTakes");

    QTest::newRow("not an object") << QByteArray("[]") << false;
    QTest::newRow("cut short") << page(run(kInfo)).chopped(3) << false;
    QTest::newRow("trailing bytes") << page(run(kInfo)) + "x" << false;
    QTest::newRow("two documents") << page(run(kInfo)) + "{}" << false;
    QTest::newRow("trailing comma") << page(run(kInfo) + ",") << false;
    QTest::newRow("BOM") << "\xef\xbb\xbf" + page(run(kInfo)) << true;
    QTest::newRow("bad UTF-8") << page(run("\"run_id\": \"r\xc3\x28\"")) << false;
    QTest::newRow("overlong UTF-8") << page(run("\"run_id\": \"r\xc0\xaf\"")) << false;
    QTest::newRow("UTF-8 surrogate") << page(run("\"run_id\": \"r\xed\xa0\x80\"")) << false;
    QTest::newRow("lone high surrogate") << page(run("\"run_id\": \"r\\ud800x\"")) << false;
    QTest::newRow("lone low surrogate") << page(run("\"run_id\": \"r\\udc00\"")) << false;
    QTest::newRow("bad escape") << page(run("\"run_id\": \"r\\x\"")) << false;
    QTest::newRow("control character") << page(run("\"run_id\": \"r\x01\"")) << false;
    QTest::newRow("bad number") << page(run(kInfo, "\"metrics\": [" + metric("a", "01") + "]")) << false;
    QTest::newRow("bad literal") << page(run(kInfo + ", \"x\": nul")) << false;
    QTest::newRow("runs twice") << QByteArray("{\"runs\": [], \"runs\": []}") << true;
    QTest::newRow("token twice") << QByteArray("{\"next_page_token\": \"a\", \"next_page_token\": \"b\"}") << true;
    QTest::newRow("run_id twice") << page(run("\"run_id\": \"a\", \"run_id\": \"b\"")) << true;
    QTest::newRow("metric key twice") << page(run(kInfo, "\"metrics\": [{\"key\": \"a\", \"key\": \"b\", \"value\": 1}]")) << true;
    QTest::newRow("runs not an array") << QByteArray("{\"runs\": {}}") << true;
    QTest::newRow("run not an object") << QByteArray("{\"runs\": [1]}") << true;
    QTest::newRow("info null") << page("{\"info\": null}") << true;
    QTest::newRow("param not an object") << page(run(kInfo, "\"params\": [\"a\"]")) << true;
    QTest::newRow("numeric param value") << page(run(kInfo, "\"params\": [" + kv("a", "1") + "]")) << true;
    QTest::newRow("time as a string") << page(run("\"run_id\": \"r\", \"start_time\": \"1700000000000\"")) << true;
    QTest::newRow("time with a fraction") << page(run("\"run_id\": \"r\", \"start_time\": 1.5")) << true;
    QTest::newRow("19-digit time") << page(run("\"run_id\": \"r\", \"end_time\": 1234567890123456789")) << true;
    QTest::newRow("19-digit value") << page(run(kInfo, "\"metrics\": [" + metric("a", "1234567890123456789") + "]")) << true;
    QTest::newRow("value out of range") << page(run(kInfo, "\"metrics\": [" + metric("a", "1e999") + "]")) << false;
    QTest::newRow("lower-case nan") << page(run(kInfo, "\"metrics\": [" + metric("a", "\"nan\"") + "]")) << true;
    QTest::newRow("boolean value") << page(run(kInfo, "\"metrics\": [" + metric("a", "true") + "]")) << true;
    QTest::newRow("token a number") << QByteArray("{\"next_page_token\": 5}") << true;
    const QByteArray deep = QByteArray(70, '[') + QByteArray(70, ']');
    QTest::newRow("nested 70 deep") << page(run(kInfo + ", \"x\": " + deep)) << true;
}

void TestRunsPage::declined()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, generalTakes);

    QVERIFY(!md::restjson::scanRunsPage(body));
    const auto general = md::restjson::parseRunsPage(body, kUrl);
    QCOMPARE(bool(general), generalTakes);
    if (!general) {
        QCOMPARE(general.error().where, kUrl);
        QVERIFY2(general.error().message.startsWith(u"the server sent malformed JSON"_s),
                 qPrintable(general.error().message));
    }
}

// ---- MLflow's own answers ----

void TestRunsPage::recorded()
{
    const QList<Fixture> pages = recordedPages();
    QVERIFY2(pages.size() >= 15, qPrintable(QString::number(pages.size())));
    qsizetype runs = 0, metrics = 0, inputs = 0, outputs = 0, tokens = 0;
    for (const Fixture &f : pages) {
        const auto general = md::restjson::parseRunsPage(f.body, kUrl);
        QVERIFY2(general, qPrintable(f.name));
        const auto fast = md::restjson::scanRunsPage(f.body);
        QVERIFY2(fast, qPrintable(f.name + u": declined"_s));
        QVERIFY2(difference(*fast, *general).isEmpty(), qPrintable(f.name + u": "_s + difference(*fast, *general)));
        QCOMPARE(md::restjson::quickPageToken(f.body), std::optional<QString>(general->next));
        tokens += general->next.isEmpty() ? 0 : 1;
        QCOMPARE(fast->withoutId, 0);
        runs += fast->runs.size();
        for (const md::Run &r : std::as_const(fast->runs)) {
            QVERIFY(!r.runId.isEmpty());
            metrics += r.latestMetrics.size();
            inputs += r.inputs.size();
            outputs += r.modelOutputs.size();
        }
    }
    // What the recordings hold: runs with metrics, MLflow 2 dataset inputs, MLflow 3 model outputs.
    QVERIFY2(runs > 100, qPrintable(QString::number(runs)));
    QVERIFY(metrics > runs);
    QVERIFY(inputs > 0);
    QVERIFY(outputs > 0);
    QVERIFY2(tokens > 0, "no recorded page with a next page");
}

/// Random edits of a recorded page: whatever the scanner takes, the general way takes alike.
void TestRunsPage::mutations()
{
    QFile file(md::test::dataPath(u"rest/011_runs_search_car_price.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original =
        QJsonDocument::fromJson(file.readAll()).object().value(u"response_body"_s).toString().toUtf8();
    QVERIFY(md::restjson::scanRunsPage(original));
    // Bytes that make JSON structure, escapes, numbers and UTF-8 out of a small edit.
    static const char kBytes[] = "{}[]\":,\\u0123456789.eE+-ntrfal \n\x7f\xc3\xa9\xed\xf0\x80";
    QRandomGenerator rng(16);
    int taken = 0, differed = 0, tokensCompared = 0;
    for (int i = 0; i < 4000; ++i) {
        QByteArray body = original;
        for (int edits = 1 + rng.bounded(3); edits > 0; --edits) {
            const qsizetype at = rng.bounded(body.size());
            const char c = kBytes[rng.bounded(int(sizeof kBytes - 1))];
            switch (rng.bounded(3)) {
            case 0: body[at] = c; break;
            case 1: body.insert(at, c); break;
            default: body.remove(at, 1 + rng.bounded(4)); break;
            }
        }
        // The quick token look agrees with the general way on every page that is valid JSON.
        if (const auto token = md::restjson::quickPageToken(body)) {
            if (const auto parsed = md::restjson::parseRunsPage(body, kUrl)) {
                ++tokensCompared;
                if (*token != parsed->next) {
                    ++differed;
                    qWarning("mutation %d: token '%s', parsed '%s'", i, qPrintable(*token), qPrintable(parsed->next));
                }
            }
        }
        const auto fast = md::restjson::scanRunsPage(body);
        if (!fast)
            continue;
        ++taken;
        const auto general = md::restjson::parseRunsPage(body, kUrl);
        if (!general || !difference(*fast, *general).isEmpty()) {
            ++differed;
            qWarning("mutation %d: %s", i, general ? qPrintable(difference(*fast, *general)) : "the general way fails");
        }
    }
    QCOMPARE(differed, 0);
    // Edits inside strings and numbers keep many pages valid: the comparison above saw some.
    QVERIFY2(taken > 200, qPrintable(QString::number(taken)));
    QVERIFY2(tokensCompared > 200, qPrintable(QString::number(tokensCompared)));
}

// ---- the next page's token without a parse: what the general way gives, or "cannot tell" ----

void TestRunsPage::pageToken_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("tells"); // false: quickPageToken() must leave it to a parse

    const QByteArray run = "{\"info\": {\"run_id\": \"r1\"}}";
    QTest::newRow("last member, as MLflow writes it")
        << QByteArray("{\n  \"runs\": [\n    " + run + "\n  ],\n  \"next_page_token\": \"eyJvZmZzZXQiOiAxMDB9\"\n}\n") << true;
    QTest::newRow("compact") << QByteArray("{\"runs\":[" + run + "],\"next_page_token\":\"t\"}") << true;
    QTest::newRow("only member") << QByteArray("{ \"next_page_token\" : \"t\" }") << true;
    QTest::newRow("first member") << QByteArray("{\"next_page_token\": \"t\", \"runs\": [" + run + "]}") << true;
    QTest::newRow("spaces in the token") << QByteArray("{\"runs\": [], \"next_page_token\": \"a b\"}") << true;
    QTest::newRow("UTF-8 in the token") << QByteArray("{\"runs\": [], \"next_page_token\": \"\xc3\xa9t\xc3\xa9\"}") << true;
    QTest::newRow("empty token") << QByteArray("{\"runs\": [], \"next_page_token\": \"\"}") << true;
    QTest::newRow("no token") << QByteArray("{\"runs\": [" + run + "]}") << true;
    QTest::newRow("empty page") << QByteArray("{}") << true;
    QTest::newRow("twice: the last counts") << QByteArray("{\"next_page_token\": \"a\", \"runs\": [], \"next_page_token\": \"b\"}") << true;
    // Look-alikes the quick look must not take for the token.
    QTest::newRow("in a nested object at the end")
        << QByteArray("{\"runs\": [{\"info\": {\"run_id\": \"r\", \"next_page_token\": \"evil\"}}]}") << true;
    QTest::newRow("last member an object") << QByteArray("{\"runs\": [], \"x\": {\"next_page_token\": \"evil\"}}") << true;
    QTest::newRow("in a tag's value")
        << QByteArray("{\"runs\": [{\"data\": {\"tags\": [{\"key\": \"k\", \"value\": \"\\\", \\\"next_page_token\\\": \\\"evil\"}]}}]}")
        << true;
    QTest::newRow("a longer key ending alike") << QByteArray("{\"runs\": [], \"x\\\"next_page_token\": \"evil\"}") << true;
    QTest::newRow("a key with a space") << QByteArray("{\"runs\": [], \" next_page_token\": \"evil\"}") << true;
    QTest::newRow("a value ending in an escaped quote")
        << QByteArray("{\"runs\": [], \"x\": \"\\\": \\\"next_page_token\\\": \\\"evil\"}") << true;
    // Left to a parse.
    QTest::newRow("escaped token") << QByteArray("{\"runs\": [], \"next_page_token\": \"a\\/b\"}") << false;
    QTest::newRow("null token") << QByteArray("{\"runs\": [], \"next_page_token\": null}") << false;
    QTest::newRow("not an object") << QByteArray("[\"next_page_token\"]") << false;
}

void TestRunsPage::pageToken()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, tells);

    const auto general = md::restjson::parseRunsPage(body, kUrl);
    const auto quick = md::restjson::quickPageToken(body);
    QCOMPARE(quick.has_value(), tells);
    if (tells) {
        QVERIFY2(general, qPrintable(general ? QString() : general.error().toString()));
        QCOMPARE(*quick, general->next);
        QVERIFY(!quick->contains(u"evil"_s));
    }
}

QTEST_GUILESS_MAIN(TestRunsPage)
#include "tst_runspage.moc"
