// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk-cli against the test server answering as MLflow 3.6 (issue 12): prompts are listed
// apart from models, never offered as one, and any registry action on a prompt is refused with
// exit 2 naming it as a prompt; LoggedModels are counted by `stats`.
#include "TestServer.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
namespace test = md::test;

namespace {
const QString kPrompt = u"car_price_summary_prompt"_s;
}

class TestCliMlflow3 : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::TestServer m_server;

    test::ProcessResult cli(QStringList args)
    {
        args.prepend(m_dir.filePath(u"cache.sqlite"_s));
        args.prepend(u"--cache"_s);
        return test::runProcess(test::cliPath(), args);
    }
    static QJsonObject json(const test::ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.startAs(test::TestServer::MlflowMajor::V3));
        const auto r = cli({u"--quiet"_s, u"sync"_s, m_server.url().toString()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void promptsAreListedApartFromModels()
    {
        auto models = cli({u"--format"_s, u"json"_s, u"models"_s});
        QCOMPARE(models.exitCode, 0);
        QStringList names;
        for (const QJsonValue &m : json(models).value(u"registered_models"_s).toArray())
            names.append(m.toObject().value(u"name"_s).toString());
        QCOMPARE(names, (QStringList{u"car_price_model"_s, u"churn_model_v3"_s}));

        auto prompts = cli({u"--format"_s, u"json"_s, u"prompts"_s});
        QCOMPARE(prompts.exitCode, 0);
        const QJsonArray list = json(prompts).value(u"prompts"_s).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(u"name"_s).toString(), kPrompt);
        QCOMPARE(list[0].toObject().value(u"versions"_s).toInt(), 2);

        auto versions = cli({u"--format"_s, u"json"_s, u"prompts"_s, kPrompt});
        QCOMPARE(versions.exitCode, 0);
        const QJsonArray v = json(versions).value(u"prompt_versions"_s).toArray();
        QCOMPARE(v.size(), 2);
        QVERIFY(v[0].toObject().value(u"template"_s).toString().contains(u"{{price}}"_s));
        QCOMPARE(v[1].toObject().value(u"aliases"_s).toArray().first().toString(), u"production"_s);

        auto table = cli({u"prompts"_s, kPrompt});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("production"));

        auto notAPrompt = cli({u"prompts"_s, u"car_price_model"_s});
        QCOMPARE(notAPrompt.exitCode, 2);
        QVERIFY(notAPrompt.err.contains("not a prompt"));
    }

    void actionsOnAPromptAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("rollback") << QStringList{u"rollback"_s, kPrompt, u"--to"_s, u"1"_s, u"--reason"_s, u"r"_s, u"--yes"_s};
        QTest::newRow("promote") << QStringList{u"promote"_s, kPrompt, u"1"_s, u"--to"_s, u"Production"_s};
        QTest::newRow("dry run") << QStringList{u"promote"_s, kPrompt, u"1"_s, u"--to"_s, u"Staging"_s, u"--dry-run"_s};
    }
    void actionsOnAPromptAreRefused()
    {
        QFETCH(QStringList, args);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(kPrompt.toUtf8()) && r.err.contains("is a prompt"), r.err.constData());
        // Nothing was written: the prompt's alias is where it was.
        auto versions = cli({u"--format"_s, u"json"_s, u"prompts"_s, kPrompt});
        QCOMPARE(json(versions).value(u"prompt_versions"_s).toArray()[1].toObject().value(u"aliases"_s).toArray().size(), 1);
    }

    void statsCountLoggedModels()
    {
        auto r = cli({u"--format"_s, u"json"_s, u"stats"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r).value(u"sources"_s).toArray().first().toObject();
        QCOMPARE(o.value(u"logged_models"_s).toInt(), 6);
        QCOMPARE(o.value(u"runs"_s).toInt(), 27);
        QCOMPARE(o.value(u"registered_models"_s).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliMlflow3)
#include "tst_cli_mlflow3.moc"
