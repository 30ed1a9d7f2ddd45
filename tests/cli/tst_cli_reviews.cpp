// SPDX-License-Identifier: GPL-3.0-or-later
// `modeldesk-cli reviews` as a reviewer runs it: real processes on a copy of the file-store
// fixture, acting as different people (USER). The fixture's v3 is in Staging without a request
// (another tool put it there); alice sends v2 to review and starts its A/B test.
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

const QString kSweepExperiment = u"359751329447329243"_s;  // car_price_sweep: not needed here

const QRegularExpression kIsoUtc(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);

} // namespace

class TestCliReviews : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_cache;
    QString m_store;

    test::ProcessResult cli(const QString &user, QStringList args)
    {
        args.prepend(m_cache);
        args.prepend(u"--cache"_s);
        return test::runProcess(test::cliPath(), args, {},
                                {{u"USER"_s, user}, {u"MODELDESK_POLICIES"_s, m_tmp.filePath(u"none.json"_s)},
                                 {u"MLFLOW_TRACKING_URI"_s, QString()}, {u"LC_ALL"_s, u"C.UTF-8"_s}});
    }
    static QJsonArray reviews(const test::ProcessResult &r)
    {
        return QJsonDocument::fromJson(r.out).object().value(u"reviews"_s).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.filePath(u"cache.sqlite"_s);
        m_store = m_tmp.filePath(u"mlruns"_s);
        const QDir fixture(test::dataPath(u"mlruns"_s));
        for (const QString &entry : fixture.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
            if (entry != kSweepExperiment)
                QVERIFY(test::copyTree(fixture.filePath(entry), m_store + u'/' + entry));
        const auto r = cli(u"alice"_s, {u"--quiet"_s, u"sync"_s, m_store});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void helpNamesTheCommand()
    {
        const auto r = test::runProcess(test::cliPath(), {u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("  reviews [--policies FILE]"));
        const auto bad = cli(u"bob"_s, {u"reviews"_s, u"car_price_model"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("reviews takes no arguments"), bad.err.constData());
    }

    /// v3, moved to Staging by another tool before the first sync: no requester, no request time,
    /// the window from its registration to the first sync.
    void anotherToolsMoveAsJson()
    {
        const auto r = cli(u"bob"_s, {u"--format"_s, u"json"_s, u"reviews"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray a = reviews(r);
        QCOMPARE(a.size(), 1);
        const QJsonObject o = a.first().toObject();
        QCOMPARE(o.value(u"name"_s).toString(), u"car_price_model"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 3);
        QVERIFY(o.value(u"source"_s).toString().startsWith(u"file://"_s));
        QCOMPARE(o.value(u"stage"_s).toString(), u"Staging"_s);
        QCOMPARE(o.value(u"aliases"_s).toArray(), QJsonArray{u"challenger"_s});
        QVERIFY(o.contains(u"requested_by"_s) && o.value(u"requested_by"_s).isNull());
        QVERIFY(o.contains(u"requested_at"_s) && o.value(u"requested_at"_s).isNull());
        QCOMPARE(o.value(u"requester_known"_s).toBool(true), false);
        QVERIFY2(kIsoUtc.match(o.value(u"window_start"_s).toString()).hasMatch(), qPrintable(o.value(u"window_start"_s).toString()));
        QVERIFY2(kIsoUtc.match(o.value(u"window_end"_s).toString()).hasMatch(), qPrintable(o.value(u"window_end"_s).toString()));
        QVERIFY(o.value(u"window_start"_s).toString() < o.value(u"window_end"_s).toString());
        QCOMPARE(o.value(u"window_seen_by_sync"_s).toBool(true), false);
        QCOMPARE(o.value(u"key_metric"_s).toString(), u"val_r2_score"_s);
        QCOMPARE(o.value(u"key_metric_value"_s).toDouble(), 0.88);
        QCOMPARE(o.value(u"production_version"_s).toInt(), 4);
        QCOMPARE(o.value(u"key_metric_delta"_s).toDouble(), -0.01);
        QVERIFY(o.contains(u"ab_share"_s) && o.value(u"ab_share"_s).isNull());

        const auto table = cli(u"bob"_s, {u"reviews"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("unknown — moved by another tool"), table.out.constData());
        QVERIFY(table.out.contains("-0.01 (v4)"));
    }

    /// alice's request from her ModelDesk: her name, the time as ISO 8601 UTC, the A/B share;
    /// newest first, in JSON and CSV.
    void colleaguesRequestWithShare()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        auto r = cli(u"alice"_s, {u"promote"_s, u"car_price_model"_s, u"2"_s, u"--to"_s, u"Staging"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli(u"alice"_s, {u"ab"_s, u"car_price_model"_s, u"2"_s, u"--share"_s, u"10"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        r = cli(u"bob"_s, {u"--format"_s, u"json"_s, u"reviews"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray a = reviews(r);
        QCOMPARE(a.size(), 2);
        const QJsonObject o = a.first().toObject();
        QCOMPARE(o.value(u"version"_s).toInt(), 2);
        QCOMPARE(o.value(u"requested_by"_s).toString(), u"alice"_s);
        QCOMPARE(o.value(u"requester_known"_s).toBool(), true);
        const QString at = o.value(u"requested_at"_s).toString();
        QVERIFY2(kIsoUtc.match(at).hasMatch(), qPrintable(at));
        const QDateTime when = QDateTime::fromString(at, Qt::ISODate);
        QVERIFY2(when.secsTo(before) <= 1 && when <= QDateTime::currentDateTimeUtc(), qPrintable(at));
        QVERIFY(!o.contains(u"window_start"_s));
        QCOMPARE(o.value(u"ab_share"_s).toDouble(), 10.0);
        QCOMPARE(o.value(u"key_metric_delta"_s).toDouble(), -0.04);
        QCOMPARE(a.at(1).toObject().value(u"version"_s).toInt(), 3);

        r = cli(u"bob"_s, {u"--format"_s, u"csv"_s, u"reviews"_s});
        QCOMPARE(r.exitCode, 0);
        QList<QByteArray> lines = r.out.trimmed().split('\n');
        for (QByteArray &line : lines)
            line = line.trimmed();  // RFC 4180: CRLF
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QByteArray("Source,Model,Version,Stage / aliases,Requested by,Requested at,Key metric,Value,"
                                         "Δ vs Production,A/B share"));
        const QByteArray row = ",car_price_model,2,\"Staging, challenger\",alice," + at.toUtf8() + ",val_r2_score,0.85,-0.04,10";
        QVERIFY2(lines.at(1).endsWith(row), lines.at(1).constData());
    }

    /// Decided reviews leave the inbox; an empty inbox says so.
    void decisionsEmptyTheInbox()
    {
        auto r = cli(u"bob"_s, {u"approve"_s, u"car_price_model"_s, u"2"_s, u"--note"_s, u"A/B flat, R² fine"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli(u"bob"_s, {u"reject"_s, u"car_price_model"_s, u"3"_s, u"--note"_s, u"superseded"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli(u"bob"_s, {u"--format"_s, u"json"_s, u"reviews"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object().value(u"reviews"_s).isArray());
        QCOMPARE(reviews(r).size(), 0);
        r = cli(u"bob"_s, {u"reviews"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("Nothing waits for review.\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliReviews)
#include "tst_cli_reviews.moc"
