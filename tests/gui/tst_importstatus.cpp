// SPDX-License-Identifier: GPL-3.0-or-later
// What the import progress bar says while a source is read.
#include "gui/ImportStatusWidget.h"
#include "sync/Importer.h"

#include <QLocale>
#include <QProgressBar>
#include <QTest>

using namespace md;

class TestImportStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void details_data()
    {
        QTest::addColumn<qint64>("done");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("local store: nothing to add") << 50LL << 200LL << 0LL << 5000LL << QStringLiteral("15 s left");
        QTest::newRow("too early to guess") << 5LL << 200LL << 0LL << 5000LL << QString();
        QTest::newRow("too soon to guess") << 100LL << 200LL << 0LL << 500LL << QString();
        QTest::newRow("server: bytes and time") << 100LL << 200LL << 1536000LL << 4000LL << QStringLiteral("1.5 MiB · 4 s left");
        QTest::newRow("minutes") << 20LL << 200LL << 0LL << 60000LL << QStringLiteral("9 min left");
        QTest::newRow("done") << 200LL << 200LL << 1000LL << 9000LL << QStringLiteral("1000 bytes");
        QTest::newRow("total unknown") << 20LL << 0LL << 2048LL << 9000LL << QStringLiteral("2.0 KiB");
    }

    void details()
    {
        QFETCH(qint64, done);
        QFETCH(qint64, total);
        QFETCH(qint64, bytes);
        QFETCH(qint64, elapsedMs);
        QFETCH(QString, expected);
        ImportProgress p;
        p.runsDone = done;
        p.runsTotal = total;
        p.bytes = bytes;
        QCOMPARE(ImportStatusWidget::details(p, elapsedMs), expected);
    }

    void barShowsRunsAndBytes()
    {
        ImportStatusWidget w;
        w.begin(QStringLiteral("http://127.0.0.1:5000"));
        QVERIFY(w.isVisible() || !w.isHidden());
        ImportProgress p;
        p.runsDone = 10;
        p.runsTotal = 40;
        p.bytes = 2048;
        w.setProgress(QStringLiteral("http://127.0.0.1:5000"), p);
        QCOMPARE(w.progressBar()->maximum(), 40);
        QCOMPARE(w.progressBar()->value(), 10);
        QVERIFY2(w.progressBar()->format().startsWith(QStringLiteral("10 / 40 runs · 2.0 KiB")), qPrintable(w.progressBar()->format()));
        w.end();
        QVERIFY(w.isHidden());
    }

    void longTextIsElidedWithTooltip()
    {
        const QString uri = QStringLiteral("http://mlflow.example.org:5000");
        ImportStatusWidget w;
        w.begin(uri);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // A status bar with little room left.
        w.progressBar()->setFixedWidth(150);
        ImportProgress p;
        p.runsDone = 123456;
        p.runsTotal = 987654;
        p.bytes = 123456789;
        p.phase = QStringLiteral("Reading runs");
        w.setProgress(uri, p);
        QVERIFY(w.text().startsWith(QStringLiteral("123456 / 987654 runs · 117.7 MiB")));
        QTRY_VERIFY(w.isTextElided());
        QVERIFY2(w.progressBar()->format().endsWith(QChar(0x2026)), qPrintable(w.progressBar()->format()));
        QVERIFY(w.text().startsWith(w.progressBar()->format().chopped(1)));
        // The whole text and where it comes from, in the tooltip.
        QVERIFY(w.progressBar()->toolTip().contains(w.text()));
        QVERIFY(w.progressBar()->toolTip().contains(QStringLiteral("Reading runs: ") + uri));

        // Room again: the whole text, and the tooltip only says where.
        w.progressBar()->setFixedWidth(700);
        QTRY_VERIFY(!w.isTextElided());
        QCOMPARE(w.progressBar()->format(), w.text());
        QCOMPARE(w.progressBar()->toolTip(), QStringLiteral("Reading runs: ") + uri);
    }
};

QTEST_MAIN(TestImportStatus)
#include "tst_importstatus.moc"
