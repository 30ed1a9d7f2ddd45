// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk-cli called as a library (md::cli::run) on a copy of the fixture file store: the text,
// JSON and exit codes a user gets, without starting a process. tst_cli runs the same as a process.
#include "TestSupport.h"
#include "cli/CliApp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the CLI in this process with `arguments` (argv[0] first), capturing both streams.
CliResult runCli(const QStringList &arguments)
{
    CliResult r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.exitCode = md::cli::run(arguments, out, err);
    return r;
}

QJsonObject parseJson(const CliResult &r)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning() << "bad JSON:" << e.errorString() << r.out.left(400);
    return d.object();
}

} // namespace

class TestCliInProcess : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_cache;
    QString m_store;

    /// modeldesk-cli --cache <the test's cache> ARGS
    CliResult cli(const QStringList &args) const
    {
        return runCli(QStringList{u"modeldesk-cli"_s, u"--cache"_s, m_cache} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // no policies.json of the person running the tests
        QVERIFY(m_tmp.isValid());
        m_store = m_tmp.filePath(u"mlruns"_s);
        QVERIFY(md::test::copyTree(md::test::dataPath(u"mlruns"_s), m_store));
        m_cache = m_tmp.filePath(u"cache/cache.sqlite"_s);
        const CliResult r = cli({u"sync"_s, m_store});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, u"Imported 5 experiments, 209 runs, 3 registered models (5 versions) from %1\n"_s
                            .arg(QUrl::fromLocalFile(m_store).toString()));
        QVERIFY2(r.err.contains(u"of 209 runs"_s), qPrintable(r.err));  // progress, one line per update
        QVERIFY(!r.err.contains(u'\r'));
    }

    // Asking for an option the command does not define is a bug QCommandLineParser only warns about.
    void init() { QTest::failOnWarning(QRegularExpression(u"QCommandLineParser"_s)); }

    void runsAsATable()
    {
        const CliResult r = cli({u"runs"_s, u"--experiment"_s, u"car_price"_s, u"--order-by"_s, u"metrics.val_r2_score DESC"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, u"4 run(s)\n"_s);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 + 4);  // header, rule, four runs
        QVERIFY2(lines[0].startsWith(u"run_id"_s), qPrintable(lines[0]));
        const QStringList header = lines[0].simplified().split(u' ');
        QCOMPARE(header.mid(0, 6), (QStringList{u"run_id"_s, u"run_name"_s, u"experiment_id"_s, u"status"_s,
                                                u"start_time"_s, u"end_time"_s}));
        QVERIFY(header.contains(u"metrics.val_r2_score"_s));
        QVERIFY(header.contains(u"params.n_estimators"_s));
        QVERIFY(!header.contains(u"user_id"_s));  // CSV only
        QVERIFY(lines[1].startsWith(u"------"_s));
        // Best first, as ordered; the value as MLflow logged it.
        QVERIFY2(lines[2].contains(u"XGBoost tuned"_s), qPrintable(lines[2]));
        const qsizetype r2At = lines[0].indexOf(u"metrics.val_r2_score"_s);  // cells start under their header
        QCOMPARE(lines[2].mid(r2At).section(u' ', 0, 0), u"0.89"_s);
        QVERIFY(lines[5].contains(u"Linear Regression"_s));
        QCOMPARE(lines[5].mid(r2At).section(u' ', 0, 0), u"0.82"_s);
    }

    void runsAsJson()
    {
        const CliResult r = cli({u"--format"_s, u"json"_s, u"runs"_s, u"--experiment"_s, u"car_price"_s, u"--order-by"_s,
                                 u"metrics.val_r2_score DESC"_s, u"--max"_s, u"2"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        const QJsonArray runs = parseJson(r).value(u"runs"_s).toArray();
        QCOMPARE(runs.size(), 2);
        const QJsonObject info = runs[0].toObject().value(u"info"_s).toObject();
        QCOMPARE(info.value(u"run_name"_s).toString(), u"XGBoost tuned"_s);
        QCOMPARE(info.value(u"status"_s).toString(), u"FINISHED"_s);
        QCOMPARE(runs[1].toObject().value(u"info"_s).toObject().value(u"run_name"_s).toString(), u"XGBoost"_s);
        double r2 = 0;
        for (const auto &m : runs[0].toObject().value(u"data"_s).toObject().value(u"metrics"_s).toArray())
            if (m.toObject().value(u"key"_s).toString() == "val_r2_score"_L1)
                r2 = m.toObject().value(u"value"_s).toDouble();
        QCOMPARE(r2, 0.89);
    }

    // The spellings the hand-written parser took, now QCommandLineParser's: global options after
    // the command, --option=value, -q, repeated options in the order given.
    void optionSpellings()
    {
        CliResult r = cli({u"runs"_s, u"--experiment=car_price"_s, u"--format"_s, u"csv"_s, u"--max=1"_s,
                           u"--order-by"_s, u"metrics.val_r2_score"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());  // CSV: no count on stderr
        QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(u"run_id,run_name,experiment_id,status,start_time,end_time,user_id,artifact_uri,"
                                     "lifecycle_stage,"_s),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(u",Linear Regression,"_s), qPrintable(lines[1]));

        r = cli({u"-q"_s, u"runs"_s, u"--experiment"_s, u"car_price"_s, u"--experiment"_s, u"car_price_sweep"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());  // --quiet: no count
        QCOMPARE(r.out.count(u'\n'), 2 + 4 + 191);

        // Two sort keys, in the order given: the status, then within one status the loss, lowest first.
        r = cli({u"--format"_s, u"json"_s, u"runs"_s, u"--experiment"_s, u"car_price_sweep"_s, u"--order-by"_s,
                 u"attributes.status"_s, u"--order-by"_s, u"metrics.loss"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = parseJson(r).value(u"runs"_s).toArray();
        QCOMPARE(runs.size(), 191);
        QString lastStatus;
        double lastLoss = -1;
        int ordered = 0;
        for (const auto &run : runs) {
            const QString status = run.toObject().value(u"info"_s).toObject().value(u"status"_s).toString();
            double loss = std::nan("");
            for (const auto &m : run.toObject().value(u"data"_s).toObject().value(u"metrics"_s).toArray())
                if (m.toObject().value(u"key"_s).toString() == "loss"_L1 && m.toObject().value(u"value"_s).isDouble())
                    loss = m.toObject().value(u"value"_s).toDouble();
            QVERIFY2(status >= lastStatus, qPrintable(status));
            if (status == lastStatus && !std::isnan(loss)) {
                QVERIFY2(loss >= lastLoss, qPrintable(u"%1 after %2"_s.arg(loss).arg(lastLoss)));
                ++ordered;
            }
            if (status != lastStatus)
                lastLoss = -1;
            if (!std::isnan(loss))
                lastLoss = loss;
            lastStatus = status;
        }
        QCOMPARE(runs.first().toObject().value(u"info"_s).toObject().value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(runs.last().toObject().value(u"info"_s).toObject().value(u"status"_s).toString(), u"RUNNING"_s);
        QVERIFY(ordered > 100);
    }

    void versionsOfAModel()
    {
        CliResult r = cli({u"versions"_s, u"car_price_model"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 + 4);
        QVERIFY(lines[0].startsWith(u"Version  Stage"_s));
        QVERIFY2(lines[5].startsWith(u"4 "_s) && lines[5].contains(u"Production"_s) && lines[5].contains(u"champion"_s),
                 qPrintable(lines[5]));

        r = cli({u"versions"_s, u"no_such_model"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(u"modeldesk-cli: error: "_s) && r.err.contains(u"no_such_model"_s), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }

    // Registry actions on the copy of the store: a plan, a refusal by a policy rule, an A/B test
    // started and then seen by `reviews`.
    void registryActions()
    {
        CliResult r = cli({u"--format"_s, u"json"_s, u"rollback"_s, u"car_price_model"_s, u"--reason"_s, u"p99 doubled"_s,
                           u"--dry-run"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(parseJson(r).value(u"dry_run"_s).toBool(), true);
        const QJsonObject plan = parseJson(r).value(u"plan"_s).toObject();
        QCOMPARE(plan.value(u"action"_s).toString(), u"rollback"_s);
        QCOMPARE(plan.value(u"from_version"_s).toInt(), 4);
        QCOMPARE(plan.value(u"version"_s).toInt(), 2);  // v3 is in Staging, v2 the last one in Production

        r = cli({u"promote"_s, u"car_price_model"_s, u"3"_s, u"--to"_s, u"Production"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.startsWith(u"modeldesk-cli: error: "_s) && r.err.contains(u"refused by rule 'approval-required'"_s),
                 qPrintable(r.err));
        QCOMPARE(r.out, QString());

        r = cli({u"ab"_s, u"car_price_model"_s, u"v3"_s, u"--share"_s, u"10%"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.err, QString());
        QVERIFY2(r.out.startsWith(u"Start an A/B test: car_price_model v3 gets 10 % of requests\n"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"\n  did: tag car_price_model v3: modeldesk.ab.share = 10\n"_s));
        QVERIFY2(QRegularExpression(u"\n  journal entry #\\d+\n$"_s).match(r.out).hasMatch(), qPrintable(r.out));

        r = cli({u"--format"_s, u"json"_s, u"reviews"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray reviews = parseJson(r).value(u"reviews"_s).toArray();
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews[0].toObject().value(u"version"_s).toInt(), 3);
        QCOMPARE(reviews[0].toObject().value(u"ab_share"_s).toDouble(), 10.0);
    }

    void usageErrorsNameWhatWasWrong_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{u"runs"_s, u"--bogus"_s} << u"unknown option --bogus for 'runs'"_s;
        QTest::newRow("unknown option with a value")
            << QStringList{u"runs"_s, u"--bogus=1"_s} << u"unknown option --bogus for 'runs'"_s;
        QTest::newRow("single dash") << QStringList{u"runs"_s, u"-x"_s} << u"unknown option -x for 'runs'"_s;
        QTest::newRow("no bundles") << QStringList{u"-qh"_s, u"runs"_s} << u"unknown option -qh"_s;
        QTest::newRow("two dashes for a letter") << QStringList{u"--q"_s, u"runs"_s} << u"unknown option --q"_s;
        QTest::newRow("one dash for a word") << QStringList{u"runs"_s, u"-deleted"_s} << u"unknown option -deleted for 'runs'"_s;
        QTest::newRow("double dash") << QStringList{u"runs"_s, u"--"_s, u"x"_s} << u"unknown option -- for 'runs'"_s;
        QTest::newRow("error before help")
            << QStringList{u"runs"_s, u"--bogus"_s, u"--help"_s} << u"unknown option --bogus for 'runs'"_s;
        QTest::newRow("another command's option")
            << QStringList{u"sources"_s, u"--deleted"_s} << u"unknown option --deleted for 'sources'"_s;
        QTest::newRow("command option before the command")
            << QStringList{u"--deleted"_s, u"runs"_s} << u"unknown option --deleted"_s;
        QTest::newRow("the first of two")
            << QStringList{u"runs"_s, u"--max"_s, u"1"_s, u"--nope"_s, u"--bogus"_s} << u"unknown option --nope for 'runs'"_s;
        QTest::newRow("missing value") << QStringList{u"runs"_s, u"--filter"_s} << u"option --filter needs a value"_s;
        QTest::newRow("missing global value") << QStringList{u"runs"_s, u"--format"_s} << u"option --format needs a value"_s;
        QTest::newRow("value for a flag") << QStringList{u"runs"_s, u"--deleted=yes"_s} << u"option --deleted takes no value"_s;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
        QTest::newRow("bad format")
            << QStringList{u"--format"_s, u"xml"_s, u"runs"_s} << u"unknown format 'xml' (expected table, csv or json)"_s;
        QTest::newRow("bad format after the command")
            << QStringList{u"runs"_s, u"--format=yaml"_s} << u"unknown format 'yaml' (expected table, csv or json)"_s;
        QTest::newRow("bad number") << QStringList{u"runs"_s, u"--max"_s, u"ten"_s} << u"--max needs a number, got 'ten'"_s;
        QTest::newRow("missing argument") << QStringList{u"run"_s} << u"run needs exactly one RUN_ID"_s;
    }

    void usageErrorsNameWhatWasWrong()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, u"modeldesk-cli: "_s + message + u"\nTry 'modeldesk-cli --help'.\n"_s);
        QCOMPARE(r.out, QString());
    }

    void helpListsEveryCommand()
    {
        const CliResult r = runCli({u"modeldesk-cli"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QVERIFY(r.out.startsWith(u"Usage: modeldesk-cli [--cache PATH]"_s));
        const QStringList commands = md::cli::commandNames();
        QCOMPARE(commands.size(), 23);
        for (const QString &command : commands)
            QVERIFY2(r.out.contains(QRegularExpression(u"^  "_s + QRegularExpression::escape(command) + u"\\b"_s,
                                                       QRegularExpression::MultilineOption)),
                     qPrintable(command));
        for (const char *option : {"--cache PATH", "--journal PATH", "--format F", "--source URI", "--quiet", "--dry-run",
                                   "--policies FILE"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);

        // The same after a command, with -h, and before anything that would fail.
        QCOMPARE(cli({u"runs"_s, u"--help"_s}).out, r.out);
        QCOMPARE(cli({u"-h"_s, u"frobnicate"_s}).out, r.out);
        const CliResult helpFirst = cli({u"runs"_s, u"--help"_s, u"--bogus"_s});
        QCOMPARE(helpFirst.exitCode, 0);
        QCOMPARE(helpFirst.out, r.out);
        // Without a command, the usage goes to stderr with exit code 2.
        const CliResult none = runCli({u"modeldesk-cli"_s});
        QCOMPARE(none.exitCode, 2);
        QCOMPARE(none.out, QString());
        QCOMPARE(none.err, r.out);

        const CliResult version = runCli({u"modeldesk-cli"_s, u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, u"modeldesk-cli " MODELDESK_VERSION "\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliInProcess)
#include "tst_cli_inprocess.moc"
