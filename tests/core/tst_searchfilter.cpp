// SPDX-License-Identifier: GPL-3.0-or-later
// The MLflow run-search language: parse cases taken from MLflow's documentation and
// tests/utils/test_search_utils.py, each with the exact AST, and bad filters with the column the
// error must point at.
#include "core/SearchFilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using md::Comparison;
using md::OrderBy;
using md::SearchEntity;

Q_DECLARE_METATYPE(md::Comparison)
Q_DECLARE_METATYPE(md::OrderBy)

namespace {

Comparison cmp(SearchEntity e, const QString &key, const QString &op, const QVariant &value, int column = 1)
{
    Comparison c;
    c.entity = e;
    c.key = key;
    c.op = op;
    c.value = value;
    c.column = column;
    return c;
}

Comparison cmpList(SearchEntity e, const QString &key, const QString &op, const QStringList &list, int column = 1)
{
    Comparison c = cmp(e, key, op, QVariant(), column);
    c.list = list;
    return c;
}

QVariant i64(qint64 v)
{
    return QVariant(v);
}

QString describe(const Comparison &c)
{
    QString value;
    if (c.value.isValid()) {
        value = QString::fromLatin1(c.value.typeName()) + u':'
            + (c.value.typeId() == QMetaType::Double ? QString::number(c.value.toDouble(), 'g', 17)
                                                     : c.value.toString());
    }
    return md::searchEntityPrefix(c.entity) + u'.' + c.key + u' ' + c.op + u' ' + value + u" ["_s + c.list.join(u'|')
        + u"] @"_s + QString::number(c.column);
}

QStringList describe(const QList<Comparison> &cs)
{
    QStringList out;
    for (const Comparison &c : cs)
        out << describe(c);
    return out;
}

QStringList describe(const QList<OrderBy> &os)
{
    QStringList out;
    for (const OrderBy &o : os)
        out << md::searchEntityPrefix(o.entity) + u'.' + o.key + (o.ascending ? u" ASC"_s : u" DESC"_s);
    return out;
}

} // namespace

class TestSearchFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<Comparison>>("expected");
        using E = SearchEntity;

        // tests/utils/test_search_utils.py::test_filter
        QTest::newRow("metric >=") << u"metric.acc >= 0.94"_s << QList { cmp(E::Metric, u"acc"_s, u">="_s, 0.94) };
        QTest::newRow("no spaces") << u"metric.acc>=100"_s << QList { cmp(E::Metric, u"acc"_s, u">="_s, 100.0) };
        QTest::newRow("param !=") << u"params.m!='tf'"_s << QList { cmp(E::Param, u"m"_s, u"!="_s, u"tf"_s) };
        QTest::newRow("double quoted key and value")
            << u"params.\"m\"!=\"tf\""_s << QList { cmp(E::Param, u"m"_s, u"!="_s, u"tf"_s) };
        QTest::newRow("key with space") << u"metric.\"legit name\" >= 0.243"_s
                                        << QList { cmp(E::Metric, u"legit name"_s, u">="_s, 0.243) };
        QTest::newRow("upper-case key") << u"metrics.XYZ = 3"_s << QList { cmp(E::Metric, u"XYZ"_s, u"="_s, 3.0) };
        QTest::newRow("double-quoted value")
            << u"params.\"cat dog\" = \"pets\""_s << QList { cmp(E::Param, u"cat dog"_s, u"="_s, u"pets"_s) };
        QTest::newRow("dashes in key") << u"metrics.\"X-Y-Z\" = 3"_s
                                       << QList { cmp(E::Metric, u"X-Y-Z"_s, u"="_s, 3.0) };
        QTest::newRow("symbols in key") << u"metrics.\"X//Y#$$@&Z\" = 3"_s
                                        << QList { cmp(E::Metric, u"X//Y#$$@&Z"_s, u"="_s, 3.0) };
        QTest::newRow("param string") << u"params.model = 'LinearRegression'"_s
                                      << QList { cmp(E::Param, u"model"_s, u"="_s, u"LinearRegression"_s) };
        QTest::newRow("lower-case and") << u"metrics.rmse < 1 and params.model_class = 'LR'"_s
                                        << QList { cmp(E::Metric, u"rmse"_s, u"<"_s, 1.0),
                                               cmp(E::Param, u"model_class"_s, u"="_s, u"LR"_s, 22) };
        QTest::newRow("empty") << QString() << QList<Comparison> {};
        QTest::newRow("blank") << u"   "_s << QList<Comparison> {};
        QTest::newRow("backticked entity") << u"`metric`.a >= 0.1"_s << QList { cmp(E::Metric, u"a"_s, u">="_s, 0.1) };
        QTest::newRow("tag") << u"tags.version = 'commit-hash'"_s
                             << QList { cmp(E::Tag, u"version"_s, u"="_s, u"commit-hash"_s) };
        QTest::newRow("backticked tags") << u"`tags`.source_name = 'a notebook'"_s
                                         << QList { cmp(E::Tag, u"source_name"_s, u"="_s, u"a notebook"_s) };
        QTest::newRow("dots in quoted key")
            << u"metrics.\"accuracy.2.0\" > 5"_s << QList { cmp(E::Metric, u"accuracy.2.0"_s, u">"_s, 5.0) };
        QTest::newRow("backticked key") << u"metrics.`spacey name` > 5"_s
                                        << QList { cmp(E::Metric, u"spacey name"_s, u">"_s, 5.0) };
        QTest::newRow("dotted param") << u"params.\"p.a.r.a.m\" != \"a\""_s
                                      << QList { cmp(E::Param, u"p.a.r.a.m"_s, u"!="_s, u"a"_s) };
        QTest::newRow("dotted tag") << u"tags.\"t.a.g\" = \"a\""_s << QList { cmp(E::Tag, u"t.a.g"_s, u"="_s, u"a"_s) };
        QTest::newRow("artifact_uri") << u"attribute.artifact_uri = '1/23/4'"_s
                                      << QList { cmp(E::Attribute, u"artifact_uri"_s, u"="_s, u"1/23/4"_s) };
        QTest::newRow("start_time") << u"attribute.start_time >= 1234"_s
                                    << QList { cmp(E::Attribute, u"start_time"_s, u">="_s, i64(1234)) };
        QTest::newRow("run.status") << u"run.status = 'RUNNING'"_s
                                    << QList { cmp(E::Attribute, u"status"_s, u"="_s, u"RUNNING"_s) };
        QTest::newRow("dataset.name") << u"dataset.name = 'my_dataset'"_s
                                      << QList { cmp(E::Dataset, u"name"_s, u"="_s, u"my_dataset"_s) };
        QTest::newRow("tag IS NULL") << u"tags.version IS NULL"_s
                                     << QList { cmp(E::Tag, u"version"_s, u"IS NULL"_s, QVariant()) };
        QTest::newRow("tag IS NOT NULL") << u"tags.version IS NOT NULL"_s
                                         << QList { cmp(E::Tag, u"version"_s, u"IS NOT NULL"_s, QVariant()) };
        QTest::newRow("param is null") << u"params.lr is null"_s
                                       << QList { cmp(E::Param, u"lr"_s, u"IS NULL"_s, QVariant()) };
        QTest::newRow("IS NULL AND") << u"tags.a IS NULL AND params.b = 'val'"_s
                                     << QList { cmp(E::Tag, u"a"_s, u"IS NULL"_s, QVariant()),
                                            cmp(E::Param, u"b"_s, u"="_s, u"val"_s, 20) };
        // test_correct_quote_trimming
        QTest::newRow("single quote inside double quotes")
            << u"params.m = \"L'Hosp\""_s << QList { cmp(E::Param, u"m"_s, u"="_s, u"L'Hosp"_s) };

        // The "Search Runs" documentation.
        QTest::newRow("doc: runName tag") << u"tags.`mlflow.runName` = 'red-boar-163'"_s
                                          << QList { cmp(E::Tag, u"mlflow.runName"_s, u"="_s, u"red-boar-163"_s) };
        QTest::newRow("doc: run_id IN") << u"attributes.run_id IN ('a1b2', \"c3d4\")"_s
                                        << QList { cmpList(
                                               E::Attribute, u"run_id"_s, u"IN"_s, { u"a1b2"_s, u"c3d4"_s }) };
        QTest::newRow("doc: created alias") << u"attributes.created > 1664067852747"_s
                                            << QList { cmp(E::Attribute, u"start_time"_s, u">"_s, i64(1664067852747)) };
        QTest::newRow("doc: datasets IN AND context")
            << u"datasets.digest IN ('s8ds293b', 'jks834s2') AND datasets.context = 'train'"_s
            << QList { cmpList(E::Dataset, u"digest"_s, u"IN"_s, { u"s8ds293b"_s, u"jks834s2"_s }),
                   cmp(E::Dataset, u"context"_s, u"="_s, u"train"_s, 49) };
        QTest::newRow("doc: ilike and like, lower case") << u"tags.task ilike '%classif%' and params.opt like 'ad_m'"_s
                                                         << QList { cmp(E::Tag, u"task"_s, u"ILIKE"_s, u"%classif%"_s),
                                                                cmp(E::Param, u"opt"_s, u"LIKE"_s, u"ad_m"_s, 33) };
        QTest::newRow("doc: run_name like")
            << u"attributes.run_name LIKE 'red%'"_s << QList { cmp(E::Attribute, u"run_name"_s, u"LIKE"_s, u"red%"_s) };

        // Aliases, bare attributes and number forms.
        QTest::newRow("bare status") << u"status = 'FINISHED'"_s
                                     << QList { cmp(E::Attribute, u"status"_s, u"="_s, u"FINISHED"_s) };
        QTest::newRow("quoted 'Run name'")
            << u"\"Run name\" LIKE 'red%'"_s << QList { cmp(E::Attribute, u"run_name"_s, u"LIKE"_s, u"red%"_s) };
        QTest::newRow("run_id not in") << u"run_id not in ('x')"_s
                                       << QList { cmpList(E::Attribute, u"run_id"_s, u"NOT IN"_s, { u"x"_s }) };
        QTest::newRow("attr.end_time") << u"attr.end_time <= 0"_s
                                       << QList { cmp(E::Attribute, u"end_time"_s, u"<="_s, i64(0)) };
        QTest::newRow("parameter.") << u"parameter.lr = '0.1'"_s << QList { cmp(E::Param, u"lr"_s, u"="_s, u"0.1"_s) };
        QTest::newRow("scientific") << u"metrics.loss < 1e-3"_s << QList { cmp(E::Metric, u"loss"_s, u"<"_s, 0.001) };
        QTest::newRow("negative scientific")
            << u"metrics.x > -2.5E+2"_s << QList { cmp(E::Metric, u"x"_s, u">"_s, -250.0) };
        QTest::newRow("leading dot") << u"metrics.x >= .5"_s << QList { cmp(E::Metric, u"x"_s, u">="_s, 0.5) };
        QTest::newRow("negative int") << u"metrics.x != -1"_s << QList { cmp(E::Metric, u"x"_s, u"!="_s, -1.0) };
        QTest::newRow("doubled quote") << u"tags.note = 'it''s'"_s
                                       << QList { cmp(E::Tag, u"note"_s, u"="_s, u"it's"_s) };
        QTest::newRow("leading blanks") << u"  metrics.a=1  "_s << QList { cmp(E::Metric, u"a"_s, u"="_s, 1.0, 3) };
        QTest::newRow("unicode key") << u"params.Modèle = 'é'"_s
                                     << QList { cmp(E::Param, u"Modèle"_s, u"="_s, u"é"_s) };
        QTest::newRow("dotted bare key") << u"params.a.b = 'x'"_s << QList { cmp(E::Param, u"a.b"_s, u"="_s, u"x"_s) };
        QTest::newRow("three clauses") << u"metrics.a>1 AND tags.b='c' AND datasets.name LIKE 'ir%'"_s
                                       << QList { cmp(E::Metric, u"a"_s, u">"_s, 1.0),
                                              cmp(E::Tag, u"b"_s, u"="_s, u"c"_s, 17),
                                              cmp(E::Dataset, u"name"_s, u"LIKE"_s, u"ir%"_s, 32) };
    }

    void parses()
    {
        QFETCH(QString, filter);
        QFETCH(QList<Comparison>, expected);
        const auto parsed = md::parseSearchFilter(filter);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(describe(parsed->clauses), describe(expected));
        QVERIFY(parsed->clauses == expected);
        QCOMPARE(parsed->isEmpty(), expected.isEmpty());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("mentions"); // a piece of the message: what was expected or found

        // The brief's examples.
        QTest::newRow("missing value") << u"metrics.rmse >"_s << 15 << u"end of the filter"_s;
        QTest::newRow("string for metric") << u"metric.x = 'a'"_s << 12 << u"a number"_s;
        QTest::newRow("> for params") << u"params.a > 1"_s << 10 << u"found '>'"_s;
        QTest::newRow("unknown entity") << u"foo.bar = 1"_s << 1 << u"'foo.'"_s;
        QTest::newRow("OR") << u"metrics.a < 1 OR metrics.b < 2"_s << 15 << u"OR"_s;
        QTest::newRow("unterminated value") << u"params.a = 'abc"_s << 12 << u"closing"_s;
        QTest::newRow("unknown attribute") << u"attributes.nope = 'x'"_s << 12 << u"'nope'"_s;

        // tests/utils/test_search_utils.py: test_error_filter and friends.
        QTest::newRow("m.") << u"m.acc >= 0.94"_s << 1 << u"'m.'"_s;
        QTest::newRow("bare unknown") << u"acc >= 0.94"_s << 1 << u"'acc'"_s;
        QTest::newRow("attri.") << u"attri.x != 1"_s << 1 << u"'attri.'"_s;
        QTest::newRow("attribute.start") << u"attribute.start != 1"_s << 11 << u"'start'"_s;
        QTest::newRow("experiment_id") << u"attribute.experiment_id != 1"_s << 11 << u"run_id"_s;
        QTest::newRow("lifecycle_stage") << u"attribute.lifecycle_stage = 'ACTIVE'"_s << 11 << u"lifecycle_stage"_s;
        QTest::newRow("unquoted true") << u"attribute.status = true"_s << 20 << u"'true'"_s;
        QTest::newRow("dataset.status") << u"dataset.status = 'true'"_s << 9 << u"name, digest or context"_s;
        QTest::newRow("dataset.profile") << u"dataset.profile = 'num_rows: 10'"_s << 9 << u"'profile'"_s;
        QTest::newRow("metric IS NULL") << u"metrics.acc IS NULL"_s << 13 << u"params and tags"_s;
        QTest::newRow("attribute IS NULL") << u"attribute.status IS NULL"_s << 18 << u"params and tags"_s;
        QTest::newRow("quoted number for metric") << u"metric.model = '5'"_s << 16 << u"the string '5'"_s;
        QTest::newRow("number for param") << u"params.acc = 5"_s << 14 << u"quoted string"_s;
        QTest::newRow("number for tag") << u"tags.acc = 5"_s << 12 << u"the number 5"_s;
        QTest::newRow("identifier as value") << u"metrics.acc != metrics.acc"_s << 16 << u"'metrics.acc'"_s;
        QTest::newRow("value first") << u"1.0 > metrics.acc"_s << 1 << u"'1.0'"_s;
        QTest::newRow("number for status") << u"attribute.status = 1"_s << 20 << u"quoted string"_s;
        QTest::newRow("unquoted value") << u"params.acc = LR"_s << 14 << u"'LR'"_s;
        QTest::newRow("backticked value") << u"params.acc = `LR`"_s << 14 << u"`LR`"_s;
        QTest::newRow("unterminated key") << u"params.'acc = LR"_s << 8 << u"closing '"_s;
        QTest::newRow("stray closing quote") << u"params.acc = LR'"_s << 14 << u"'LR'"_s;
        QTest::newRow("mismatched quotes") << u"params.acc = \"LR'"_s << 14 << u"closing \""_s;
        QTest::newRow("double operator") << u"tags.acc = = 'LR'"_s << 12 << u"'='"_s;
        QTest::newRow("IS value") << u"attribute.status IS 'RUNNING'"_s << 21 << u"NULL"_s;
        QTest::newRow("word instead of operator") << u"params.acc LR !="_s << 12 << u"'LR'"_s;
        QTest::newRow("operator without value") << u"metric.acc !="_s << 14 << u"end of the filter"_s;
        QTest::newRow("1=1") << u"1=1"_s << 1 << u"'1'"_s;
        QTest::newRow("two statements") << u"metric.acc >= 0.94; metrics.rmse < 1"_s << 19 << u"';'"_s;
        QTest::newRow("NAND") << u"metrics.A > 0.1 NAND params.B = 'LR'"_s << 17 << u"'NAND'"_s;
        QTest::newRow("parentheses") << u"metrics.A > 0.1 AND (params.B = 'LR')"_s << 21 << u"'('"_s;
        QTest::newRow("unterminated backtick") << u"`metrics.A > 0.1"_s << 1 << u"closing `"_s;
        QTest::newRow("backtick after entity") << u"param`.A > 0.1"_s << 1 << u"'param'"_s;
        QTest::newRow("IN on run_name") << u"attributes.run_name IN ('foo','bar')"_s << 21 << u"run_id"_s;

        // More of our own.
        QTest::newRow("dangling AND") << u"metrics.a < 1 AND"_s << 18 << u"after AND"_s;
        QTest::newRow("empty list") << u"datasets.name IN ()"_s << 19 << u"')'"_s;
        QTest::newRow("trailing comma") << u"datasets.name IN ('a',)"_s << 23 << u"')'"_s;
        QTest::newRow("IN without list") << u"run_id IN 'a'"_s << 11 << u"('a', 'b')"_s;
        QTest::newRow("empty key") << u"metrics. = 1"_s << 9 << u"after 'metrics.', found a space"_s;
        QTest::newRow("empty quoted key") << u"tags.\"\" = 'a'"_s << 6 << u"empty key"_s;
        QTest::newRow("<>") << u"metrics.a <> 1"_s << 11 << u"'<>'"_s;
        QTest::newRow("==") << u"metrics.a == 1"_s << 11 << u"'=='"_s;
        QTest::newRow("~") << u"tags.x ~ 'a'"_s << 8 << u"'~'"_s;
        QTest::newRow("fractional time") << u"attributes.start_time = 1.5"_s << 25 << u"whole number"_s;
        QTest::newRow("LIKE on time") << u"attributes.start_time LIKE 1"_s << 23 << u"LIKE"_s;
        QTest::newRow("number glued to word") << u"metrics.a > 1abc"_s << 13 << u"'1abc'"_s;
        QTest::newRow("number out of range") << u"metrics.a > 1e999"_s << 13 << u"1e999"_s;
        QTest::newRow("NOT LIKE") << u"params.x NOT LIKE 'a'"_s << 14 << u"IN after NOT"_s;
        QTest::newRow("> on dataset") << u"datasets.name > 'a'"_s << 15 << u"IN or NOT IN"_s;
        QTest::newRow("number for LIKE") << u"attributes.status LIKE 5"_s << 24 << u"quoted string"_s;
        QTest::newRow("prefixes are case-sensitive") << u"Metrics.x > 1"_s << 1 << u"'Metrics.'"_s;
        QTest::newRow("AND AND") << u"metrics.a > 1 AND AND metrics.b > 1"_s << 19 << u"'AND'"_s;
    }

    void rejects()
    {
        QFETCH(QString, filter);
        QFETCH(int, column);
        QFETCH(QString, mentions);
        const auto parsed = md::parseSearchFilter(filter);
        QVERIFY2(!parsed.ok(), qPrintable(describe(parsed.ok() ? parsed->clauses : QList<Comparison> {}).join(u"; ")));
        const md::Error &e = parsed.error();
        QCOMPARE(e.category, md::ErrorCategory::BadInput);
        QCOMPARE(e.where, u"filter, column "_s + QString::number(column));
        QCOMPARE(md::errorColumn(e), column);
        QVERIFY2(
            e.message.startsWith(u"expected"_s) || e.message.contains(u"can only"_s) || e.message.startsWith(u"only"_s),
            qPrintable(e.message));
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
    }

    void orderBy_data()
    {
        QTest::addColumn<QStringList>("orderBy");
        QTest::addColumn<QList<OrderBy>>("expected");
        using E = SearchEntity;
        QTest::newRow("none") << QStringList {} << QList<OrderBy> {};
        // test_space_order_by_search_runs
        QTest::newRow("backticked key") << QStringList { u"metrics.`Mean Square Error`"_s }
                                        << QList { OrderBy { E::Metric, u"Mean Square Error"_s, true } };
        QTest::newRow("ASC") << QStringList { u"metrics.`Mean Square Error` ASC"_s }
                             << QList { OrderBy { E::Metric, u"Mean Square Error"_s, true } };
        QTest::newRow("DESC") << QStringList { u"metrics.`Mean Square Error` DESC"_s }
                              << QList { OrderBy { E::Metric, u"Mean Square Error"_s, false } };
        // test_correct_sorting
        QTest::newRow("asc") << QStringList { u"metrics.key1 asc"_s }
                             << QList { OrderBy { E::Metric, u"key1"_s, true } };
        QTest::newRow("quoted desc") << QStringList { u"metrics.\"key1\"  desc"_s }
                                     << QList { OrderBy { E::Metric, u"key1"_s, false } };
        QTest::newRow("two") << QStringList { u"params.my_param aSc"_s, u"attributes.status  ASC"_s }
                             << QList { OrderBy { E::Param, u"my_param"_s, true },
                                    OrderBy { E::Attribute, u"status"_s, true } };
        QTest::newRow("two desc") << QStringList { u"params.`my_param` DESC"_s, u"attributes.status   DESC"_s }
                                  << QList { OrderBy { E::Param, u"my_param"_s, false },
                                         OrderBy { E::Attribute, u"status"_s, false } };
        QTest::newRow("tag") << QStringList { u"tags.tag1    DESC"_s }
                             << QList { OrderBy { E::Tag, u"tag1"_s, false } };
        QTest::newRow("created") << QStringList { u"created"_s }
                                 << QList { OrderBy { E::Attribute, u"start_time"_s, true } };
        QTest::newRow("same key, other entities")
            << QStringList { u"params.a"_s, u"metrics.a desc"_s, u"attr.run_id"_s }
            << QList { OrderBy { E::Param, u"a"_s, true }, OrderBy { E::Metric, u"a"_s, false },
                   OrderBy { E::Attribute, u"run_id"_s, true } };
    }

    void orderBy()
    {
        QFETCH(QStringList, orderBy);
        QFETCH(QList<OrderBy>, expected);
        const auto parsed = md::parseOrderBy(orderBy);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(describe(*parsed), describe(expected));
        QVERIFY(*parsed == expected);
    }

    void orderByRejects_data()
    {
        QTest::addColumn<QStringList>("orderBy");
        QTest::addColumn<QString>("where");
        // test_invalid_order_by_search_runs
        QTest::newRow("m.acc") << QStringList { u"m.acc"_s } << u"order by 1, column 1"_s;
        QTest::newRow("acc") << QStringList { u"acc"_s } << u"order by 1, column 1"_s;
        QTest::newRow("attri.x") << QStringList { u"attri.x"_s } << u"order by 1, column 1"_s;
        QTest::newRow("unterminated") << QStringList { u"`metrics.A"_s } << u"order by 1, column 1"_s;
        QTest::newRow("all in backticks") << QStringList { u"`metrics.A`"_s } << u"order by 1, column 1"_s;
        QTest::newRow("attribute.start") << QStringList { u"attribute.start"_s } << u"order by 1, column 11"_s;
        QTest::newRow("experiment_id") << QStringList { u"attribute.experiment_id"_s } << u"order by 1, column 11"_s;
        QTest::newRow("comparison") << QStringList { u"metrics.A != 1"_s } << u"order by 1, column 11"_s;
        QTest::newRow("ACS") << QStringList { u"attribute.run_id ACS"_s } << u"order by 1, column 18"_s;
        QTest::newRow("decs") << QStringList { u"attribute.run_id decs"_s } << u"order by 1, column 18"_s;
        // Our own.
        QTest::newRow("trailing word") << QStringList { u"metrics.a DESC x"_s } << u"order by 1, column 16"_s;
        QTest::newRow("dataset") << QStringList { u"datasets.name"_s } << u"order by 1, column 1"_s;
        QTest::newRow("empty") << QStringList { u"metrics.a"_s, QString() } << u"order by 2, column 1"_s;
        QTest::newRow("duplicate") << QStringList { u"metrics.a"_s, u" metrics.a DESC"_s } << u"order by 2, column 2"_s;
        QTest::newRow("alias duplicate") << QStringList { u"created"_s, u"attributes.start_time"_s }
                                         << u"order by 2, column 1"_s;
    }

    void orderByRejects()
    {
        QFETCH(QStringList, orderBy);
        QFETCH(QString, where);
        const auto parsed = md::parseOrderBy(orderBy);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().category, md::ErrorCategory::BadInput);
        QCOMPARE(parsed.error().where, where);
        QCOMPARE(md::errorColumn(parsed.error()), where.section(u' ', -1).toInt());
        QVERIFY2(parsed.error().message.startsWith(u"expected"_s), qPrintable(parsed.error().message));
    }

    void keywords()
    {
        const QStringList k = md::searchFilterKeywords();
        for (const QString &prefix : { u"metrics."_s, u"params."_s, u"tags."_s, u"attributes."_s, u"datasets."_s })
            QVERIFY2(k.contains(prefix), qPrintable(prefix));
        const QStringList attributes = { u"attributes.run_id"_s, u"attributes.run_name"_s, u"attributes.status"_s,
            u"attributes.user_id"_s, u"attributes.artifact_uri"_s, u"attributes.start_time"_s, u"attributes.end_time"_s,
            u"attributes.created"_s, u"datasets.name"_s, u"datasets.digest"_s, u"datasets.context"_s };
        for (const QString &a : attributes)
            QVERIFY2(k.contains(a), qPrintable(a));
        QCOMPARE(k.size(), 5 + attributes.size());
        // Every complete identifier offered must be accepted by the parser.
        for (const QString &a : attributes) {
            const bool numeric = a.endsWith(u"_time"_s) || a.endsWith(u"created"_s);
            const auto parsed = md::parseSearchFilter(a + (numeric ? u" > 1"_s : u" = 'x'"_s));
            QVERIFY2(parsed.ok(), qPrintable(a));
        }
    }

    void errorColumnWithoutColumn()
    {
        QCOMPARE(md::errorColumn(md::makeError(md::ErrorCategory::BadInput, u"x"_s, u"/tmp/a.yaml:3"_s)), 0);
        QCOMPARE(md::errorColumn(md::makeError(md::ErrorCategory::BadInput, u"x"_s)), 0);
    }

    void closestKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("candidates");
        QTest::addColumn<QString>("expected");
        const QStringList metrics
            = { u"loss"_s, u"rmse"_s, u"train_mse"_s, u"val.auc"_s, u"val_loss"_s, u"val_r2_score"_s };
        QTest::newRow("itself") << u"rmse"_s << metrics << u"rmse"_s;
        QTest::newRow("other separator") << u"val_auc"_s << metrics << u"val.auc"_s;
        QTest::newRow("case and separator") << u"Val-AUC"_s << metrics << u"val.auc"_s;
        QTest::newRow("swapped letters") << u"rsme"_s << metrics << u"rmse"_s;
        QTest::newRow("one letter missing") << u"val_r2_scre"_s << metrics << u"val_r2_score"_s;
        QTest::newRow("two edits in a long key") << u"val_r2_sorce"_s << metrics << u"val_r2_score"_s;
        QTest::newRow("too far") << u"accuracy"_s << metrics << QString();
        QTest::newRow("short keys only by normalising") << u"lss"_s << metrics << QString();
        QTest::newRow("short key by case") << u"LR"_s << QStringList { u"lr"_s, u"l1"_s } << u"lr"_s;
        QTest::newRow("nearest wins") << u"val_los"_s << metrics << u"val_loss"_s;
        QTest::newRow("tie: the first") << u"abcd"_s << QStringList { u"abce"_s, u"abcf"_s } << u"abce"_s;
        QTest::newRow("nothing to choose from") << u"rmse"_s << QStringList {} << QString();
    }

    void closestKey()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, candidates);
        QFETCH(QString, expected);
        QCOMPARE(md::closestSearchKey(key, candidates), expected);
    }

    void unknownKeysAndTheirMessages()
    {
        md::SearchKeys known;
        known.metrics = { u"loss"_s, u"val.auc"_s };
        known.params = { u"lr"_s, u"max depth"_s };
        known.tags = { u"mlflow.runName"_s, u"team"_s };
        const auto filter = md::parseSearchFilter(
            u"metrics.val_auc > 0.9 and metrics.lr < 1 and params.max_depth = '5' and tags.teem = 'a' "
            "and metrics.loss < 1 and metrics.val_auc < 1 and params.zzz = '' and attributes.status = 'x'"_s);
        QVERIFY(filter.ok());
        const QList<md::UnknownSearchKey> unknown = md::unknownSearchKeys(*filter, known);
        QCOMPARE(unknown.size(), 5); // each once; loss and the attribute are fine
        QCOMPARE(unknown[0], (md::UnknownSearchKey { SearchEntity::Metric, u"val_auc"_s, u"val.auc"_s, 1 }));
        QCOMPARE(unknown[1], (md::UnknownSearchKey { SearchEntity::Metric, u"lr"_s, u"params.lr"_s, 27 }));
        QCOMPARE(unknown[2], (md::UnknownSearchKey { SearchEntity::Param, u"max_depth"_s, u"max depth"_s, 46 }));
        QCOMPARE(unknown[3], (md::UnknownSearchKey { SearchEntity::Tag, u"teem"_s, u"team"_s, 73 }));
        QCOMPARE(unknown[4].suggestion, QString());

        QCOMPARE(md::unknownSearchKeyMessage(unknown[0], md::SearchKeyScope::Experiment),
            u"no run in this experiment has metric 'val_auc' — did you mean 'val.auc'?"_s);
        QCOMPARE(md::unknownSearchKeyMessage(unknown[1], md::SearchKeyScope::Experiments),
            u"no run in these experiments has metric 'lr' — did you mean 'params.lr'?"_s);
        QCOMPARE(md::unknownSearchKeyMessage(unknown[3], md::SearchKeyScope::Source),
            u"no run in this source has tag 'teem' — did you mean 'team'?"_s);
        QCOMPARE(md::unknownSearchKeyMessage(unknown[4], md::SearchKeyScope::Cache),
            u"no run in the cache has param 'zzz'"_s);

        // A key of another kind that needs quoting comes back-ticked, ready to paste.
        const auto quoted = md::parseSearchFilter(u"metrics.`max depth` > 1"_s);
        QVERIFY(quoted.ok());
        QCOMPARE(md::unknownSearchKeys(*quoted, known).value(0).suggestion, u"params.`max depth`"_s);
        // Every key known: nothing to say.
        const auto fine = md::parseSearchFilter(u"metrics.loss < 1 and params.lr = '0.1' and tags.team = 'a'"_s);
        QVERIFY(fine.ok());
        QVERIFY(md::unknownSearchKeys(*fine, known).isEmpty());
    }
};

QTEST_MAIN(TestSearchFilter)
#include "tst_searchfilter.moc"
