// SPDX-License-Identifier: GPL-3.0-or-later
// The one YAML emitter of MLflow's file store (sources/filestore/MlflowYaml.h), which the file
// store's writer, the demo store and the data generator share: it must write what MLflow writes.

#include "TestSupport.h"

#include "sources/filestore/MlflowYaml.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using md::YamlValue;
namespace mlflowyaml = md::mlflowyaml;

class TestMlflowYaml : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryMetaYamlMlflowWrote_data();
    void roundTripsEveryMetaYamlMlflowWrote();
    void yamlQuoting_data();
    void yamlQuoting();
    void writesCollectionsAsMlflowDoes();
    void foldsLongLinesPastColumn80();
    void namesTheFileAndLineOfBadYaml();
    void missingFileIsNotFound();
};

void TestMlflowYaml::roundTripsEveryMetaYamlMlflowWrote_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<int>("atLeast");
    // MLflow 2.10.2: experiments, runs, inputs, datasets, registered models, versions, the trash.
    QTest::addRow("mlflow 2.10.2") << u"mlruns"_s << 200;
    // MLflow 3.6 adds LoggedModels (status as a number, model_type: null), run outputs, model
    // inputs, versions with model_id and deployment_job_state and without aliases, registered
    // models with deployment_job_id, and a prompt.
    QTest::addRow("mlflow 3.6") << u"mlflow3/mlruns"_s << 61;
}

void TestMlflowYaml::roundTripsEveryMetaYamlMlflowWrote()
{
    // Every meta.yaml of a file store MLflow wrote, read and written again, byte for byte.
    QFETCH(QString, store);
    QFETCH(int, atLeast);
    int files = 0;
    QDirIterator it(md::test::dataPath(store), {u"meta.yaml"_s}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray original = f.readAll();
        auto parsed = mlflowyaml::parse(original, path);
        QVERIFY2(parsed.ok(), qPrintable(path));
        QCOMPARE(QString::fromUtf8(mlflowyaml::dump(*parsed)), QString::fromUtf8(original));
        ++files;
    }
    QVERIFY2(files >= atLeast, qPrintable(QString::number(files)));
}

// What PyYAML 6 with libyaml (MLflow's dumper) wrote for each of these values.
void TestMlflowYaml::yamlQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    // Golden output of yaml.dump({"description": value}, Dumper=yaml.CSafeDumper,
    // default_flow_style=False, allow_unicode=True): PyYAML 6.0.3 on libyaml, as MLflow writes.
    QTest::addRow("case 0") << QString::fromUtf8("3") << QByteArray("description: '3'\n");
    QTest::addRow("case 1") << QString::fromUtf8("a b") << QByteArray("description: a b\n");
    QTest::addRow("case 2") << QString::fromUtf8("") << QByteArray("description: ''\n");
    QTest::addRow("case 3") << QString::fromUtf8("Ünïcødé-モデル 🚗") << QByteArray("description: \"Ünïcødé-モデル \\U0001F697\"\n");
    QTest::addRow("case 4") << QString::fromUtf8("null") << QByteArray("description: 'null'\n");
    QTest::addRow("case 5") << QString::fromUtf8("it's") << QByteArray("description: it's\n");
    QTest::addRow("case 6") << QString::fromUtf8("#x") << QByteArray("description: '#x'\n");
    QTest::addRow("case 7") << QString::fromUtf8("a #b") << QByteArray("description: 'a #b'\n");
    QTest::addRow("case 8") << QString::fromUtf8("a: b") << QByteArray("description: 'a: b'\n");
    QTest::addRow("case 9") << QString::fromUtf8("a:b") << QByteArray("description: a:b\n");
    QTest::addRow("case 10") << QString::fromUtf8("- x") << QByteArray("description: '- x'\n");
    QTest::addRow("case 11") << QString::fromUtf8("-x") << QByteArray("description: -x\n");
    QTest::addRow("case 12") << QString::fromUtf8("line1\nline2") << QByteArray("description: 'line1\n\n  line2'\n");
    QTest::addRow("case 13") << QString::fromUtf8("tab\there") << QByteArray("description: \"tab\\there\"\n");
    QTest::addRow("case 14") << QString::fromUtf8("trailing ") << QByteArray("description: 'trailing '\n");
    QTest::addRow("case 15") << QString::fromUtf8("  lead") << QByteArray("description: '  lead'\n");
    QTest::addRow("case 16") << QString::fromUtf8("x\n") << QByteArray("description: 'x\n\n  '\n");
    QTest::addRow("case 17") << QString::fromUtf8("true") << QByteArray("description: 'true'\n");
    QTest::addRow("case 18") << QString::fromUtf8("No") << QByteArray("description: 'No'\n");
    QTest::addRow("case 19") << QString::fromUtf8("1.5") << QByteArray("description: '1.5'\n");
    QTest::addRow("case 20") << QString::fromUtf8("1e5") << QByteArray("description: 1e5\n");
    QTest::addRow("case 21") << QString::fromUtf8("0x1F") << QByteArray("description: '0x1F'\n");
    QTest::addRow("case 22") << QString::fromUtf8("2024-06-11") << QByteArray("description: '2024-06-11'\n");
    QTest::addRow("case 23") << QString::fromUtf8("2024-06-11T10:00:00Z") << QByteArray("description: '2024-06-11T10:00:00Z'\n");
    QTest::addRow("case 24") << QString::fromUtf8("~") << QByteArray("description: '~'\n");
    QTest::addRow("case 25") << QString::fromUtf8("*star") << QByteArray("description: '*star'\n");
    QTest::addRow("case 26") << QString::fromUtf8("say \"hi\"") << QByteArray("description: say \"hi\"\n");
    QTest::addRow("case 27") << QString::fromUtf8("back\\slash") << QByteArray("description: back\\slash\n");
    QTest::addRow("case 28") << QString::fromUtf8("Predicts used-car sale price in USD from 11 vehicle features and a few more words to go past eighty columns easily.") << QByteArray("description: Predicts used-car sale price in USD from 11 vehicle features and a few\n  more words to go past eighty columns easily.\n");
    QTest::addRow("case 29") << QString::fromUtf8("A long description with an apostrophe isn't it 'quoted' and more words so that the line is longer than eighty chars.") << QByteArray("description: A long description with an apostrophe isn't it 'quoted' and more words\n  so that the line is longer than eighty chars.\n");
    QTest::addRow("case 30") << QString::fromUtf8("A long description with emoji 🚗 and more words so that the line is longer than eighty characters for sure, yes.") << QByteArray("description: \"A long description with emoji \\U0001F697 and more words so that the\n  line is longer than eighty characters for sure, yes.\"\n");
    QTest::addRow("case 31") << QString::fromUtf8("word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word ") << QByteArray("description: 'word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word '\n");
    QTest::addRow("case 32") << QString::fromUtf8("two  spaces  between  words  repeated  many  times  to  pass  the  eighty  column  limit  ok  yes  done") << QByteArray("description: two  spaces  between  words  repeated  many  times  to  pass  the  eighty  column  limit  ok  yes  done\n");
    QTest::addRow("case 33") << QString::fromUtf8("para one\n\npara two with more words to make it long enough to be folded at some point beyond eighty columns wide") << QByteArray("description: 'para one\n\n\n  para two with more words to make it long enough to be folded at some point beyond\n  eighty columns wide'\n");
    QTest::addRow("case 34") << QString::fromUtf8("---") << QByteArray("description: '---'\n");
    QTest::addRow("case 35") << QString::fromUtf8("...x") << QByteArray("description: '...x'\n");
    QTest::addRow("case 36") << QString::fromUtf8("key?") << QByteArray("description: key?\n");
    QTest::addRow("case 37") << QString::fromUtf8("?x") << QByteArray("description: ?x\n");
    QTest::addRow("case 38") << QString::fromUtf8("@at") << QByteArray("description: '@at'\n");
    QTest::addRow("case 39") << QString::fromUtf8("%pct") << QByteArray("description: '%pct'\n");
    QTest::addRow("case 40") << QString::fromUtf8("`tick") << QByteArray("description: '`tick'\n");
    QTest::addRow("case 41") << QString::fromUtf8("a\u2028b") << QByteArray("description: 'a\u2028  b'\n");
    QTest::addRow("case 42") << QString::fromUtf8(" nbsp") << QByteArray("description:  nbsp\n");
    QTest::addRow("case 43") << QString::fromUtf8("mlflow-artifacts:/1/3f9763b59bcc4a11a9231f572751e2be/artifacts/model") << QByteArray("description: mlflow-artifacts:/1/3f9763b59bcc4a11a9231f572751e2be/artifacts/model\n");
    QTest::addRow("case 44") << QString::fromUtf8("ends with colon:") << QByteArray("description: 'ends with colon:'\n");
    QTest::addRow("case 45") << QString::fromUtf8("= ") << QByteArray("description: '= '\n");
    QTest::addRow("case 46") << QString::fromUtf8("=") << QByteArray("description: '='\n");
    QTest::addRow("case 47") << QString::fromUtf8("<<") << QByteArray("description: '<<'\n");
    QTest::addRow("case 48") << QString::fromUtf8("0o17") << QByteArray("description: 0o17\n");
    QTest::addRow("case 49") << QString::fromUtf8("0b101") << QByteArray("description: '0b101'\n");
    QTest::addRow("case 50") << QString::fromUtf8("+1") << QByteArray("description: '+1'\n");
    QTest::addRow("case 51") << QString::fromUtf8("-1.0") << QByteArray("description: '-1.0'\n");
    QTest::addRow("case 52") << QString::fromUtf8(".inf") << QByteArray("description: '.inf'\n");
    QTest::addRow("case 53") << QString::fromUtf8(".NaN") << QByteArray("description: '.NaN'\n");
    QTest::addRow("case 54") << QString::fromUtf8("1_000") << QByteArray("description: '1_000'\n");
    QTest::addRow("case 55") << QString::fromUtf8("12:30") << QByteArray("description: '12:30'\n");
    QTest::addRow("case 56") << QString::fromUtf8("1:20:30.5") << QByteArray("description: '1:20:30.5'\n");
}

void TestMlflowYaml::yamlQuoting()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(mlflowyaml::dump(YamlValue::map({{u"description"_s, YamlValue::str(value)}})), expected);
}

void TestMlflowYaml::writesCollectionsAsMlflowDoes()
{
    YamlValue meta = YamlValue::map();
    meta.set(u"version"_s, YamlValue::integer(3))
        .set(u"aliases"_s, YamlValue::strings({u"champion"_s, u"a b"_s}))
        .set(u"tags"_s, YamlValue::seq())
        .set(u"run_link"_s, YamlValue::null())
        .set(u"extra"_s, YamlValue::map({{u"z"_s, YamlValue::str(u"1"_s)}, {u"a"_s, YamlValue::map()}}));
    QCOMPARE(QString::fromUtf8(mlflowyaml::dump(meta)),
             u"aliases:\n- champion\n- a b\nextra:\n  a: {}\n  z: '1'\nrun_link: null\ntags: []\nversion: 3\n"_s);
}

void TestMlflowYaml::foldsLongLinesPastColumn80()
{
    const QString words = u"word "_s.repeated(20).trimmed();
    const QByteArray bytes = mlflowyaml::dump(YamlValue::map({{u"description"_s, YamlValue::str(words)}}));
    const QList<QByteArray> lines = bytes.split('\n');
    QVERIFY2(lines.size() > 2, bytes.constData());
    QVERIFY(lines.at(1).startsWith("  word"));
    auto back = mlflowyaml::parse(bytes, u"test"_s);
    QVERIFY(back.ok());
    QCOMPARE(back->scalar(u"description"_s), words);
}

void TestMlflowYaml::namesTheFileAndLineOfBadYaml()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"meta.yaml"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: ok\nversion: [1, 2\n");
    f.close();
    auto r = mlflowyaml::load(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().category, md::ErrorCategory::BadInput);
    QVERIFY2(r.error().where.startsWith(path + u':'), qPrintable(r.error().where));

    auto list = mlflowyaml::parse("- a\n- b\n", path);
    QVERIFY(!list.ok());
    QCOMPARE(list.error().where, path);
}

void TestMlflowYaml::missingFileIsNotFound()
{
    auto r = mlflowyaml::load(u"/nonexistent/meta.yaml"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().category, md::ErrorCategory::NotFound);
    QCOMPARE(r.error().where, u"/nonexistent/meta.yaml"_s);
}

QTEST_GUILESS_MAIN(TestMlflowYaml)
#include "tst_mlflowyaml.moc"
