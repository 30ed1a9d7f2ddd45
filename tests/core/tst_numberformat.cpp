// SPDX-License-Identifier: GPL-3.0-or-later
// md::localNumber and md::LocalNumberFormat give exactly the text of QLocale::toString(value, 'g',
// precision) without group separators, for every double and precision, in the locales ModelDesk
// meets: their own path rounds in integers and writes the locale's symbols, so a million random
// values (random bits, subnormals, huge and tiny, integers, halves that round up) are compared
// with QLocale in each.
#include "core/NumberFormat.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

double fromBits(quint64 bits)
{
    return std::bit_cast<double>(bits);
}

QString describe(double value, int precision, const QString &expected, const QString &actual)
{
    return u"%1 (bits %2), precision %3: QLocale \"%4\", localNumber \"%5\""_s
        .arg(QString::number(value, 'g', 17))
        .arg(std::bit_cast<quint64>(value), 16, 16, QLatin1Char('0'))
        .arg(precision)
        .arg(expected, actual);
}

// Values of every kind, many of them where rounding is hard: exact halves (k / 2^j: 0.125,
// 2.5, 999999.5), neighbours of powers of ten, and the ends of the double range.
double randomValue(QRandomGenerator &rng)
{
    const double sign = rng.bounded(2) ? -1.0 : 1.0;
    switch (rng.bounded(9)) {
    case 0:  // any bits; NaN and ∞ included
        return fromBits(rng.generate64());
    case 1:  // subnormal
        return fromBits((rng.generate64() & ((quint64(1) << 52) - 1)) | (quint64(rng.bounded(2)) << 63));
    case 2:  // a mantissa of every digit at a decimal exponent from tiny to huge
        return sign * rng.generateDouble() * std::pow(10.0, rng.bounded(-330, 330));
    case 3:  // an integer
        return sign * double(rng.generate64() >> rng.bounded(1, 64));
    case 4:  // a dyadic fraction: exact halves at some precision
        return sign * std::ldexp(double(rng.bounded(1, 1 << 24)), rng.bounded(-40, 40));
    case 5: {  // n + ½ times a power of ten: "999999.5", "0.0125"
        const double n = double(rng.bounded(0, 2000000));
        return sign * (n + 0.5) * std::pow(10.0, rng.bounded(-8, 8));
    }
    case 6: {  // a power of ten and its neighbours
        const double p = std::pow(10.0, rng.bounded(-320, 309));
        const int step = rng.bounded(-3, 4);
        double v = p;
        for (int i = 0; i < std::abs(step); ++i)
            v = std::nextafter(v, step < 0 ? 0.0 : std::numeric_limits<double>::infinity());
        return sign * v;
    }
    case 7:  // a short decimal, as metrics are logged: 0.89, 2653.2998
        return sign * double(rng.bounded(0, 10000000)) / std::pow(10.0, rng.bounded(0, 10));
    default:  // a value in the range of most metrics
        return sign * rng.generateDouble() * 1000;
    }
}

} // namespace

class TestNumberFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void matchesQLocale_data();
    void matchesQLocale();
    void nonFiniteValues();
    void followsTheDefaultLocale();
    void formatForOneLocale();
};

void TestNumberFormat::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestNumberFormat::matchesQLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("C") << QLocale::c();
    QTest::newRow("en_US") << QLocale(u"en_US"_s);
    QTest::newRow("de_DE") << QLocale(u"de_DE"_s);
    QTest::newRow("fr_FR") << QLocale(u"fr_FR"_s);
    QTest::newRow("ar_EG") << QLocale(u"ar_EG"_s);  // Arabic-Indic digits, its own signs
    QTest::newRow("hi_IN") << QLocale(u"hi_IN"_s);
}

void TestNumberFormat::matchesQLocale()
{
    QFETCH(QLocale, locale);
    QLocale::setDefault(locale);
    QLocale reference;
    reference.setNumberOptions(reference.numberOptions() | QLocale::OmitGroupSeparator);

    QList<double> values = {0.0,
                            -0.0,
                            1.0,
                            -1.0,
                            0.125,
                            2.5,
                            999999.5,
                            9.5,
                            0.00001,
                            0.0001,
                            123456789012345678.0,
                            std::numeric_limits<double>::max(),
                            -std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::min(),
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::epsilon()};
    QRandomGenerator rng(20261205);
    while (values.size() < 1000000)
        values.append(randomValue(rng));

    int failures = 0;
    QStringList firstFailures;
    qsizetype compared = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double value = values.at(i);
        if (!std::isfinite(value))
            continue;
        // Every precision for the fixed values, one per random value; 0 stands for
        // QLocale::FloatingPointShortest.
        const int from = i < 16 ? 0 : int(i % 18);
        const int to = i < 16 ? 17 : from;
        for (int p = from; p <= to; ++p) {
            const int precision = p == 0 ? int(QLocale::FloatingPointShortest) : p;
            const QString expected = reference.toString(value, 'g', precision);
            const QString actual = md::localNumber(value, precision);
            ++compared;
            if (actual != expected && ++failures <= 10)
                firstFailures.append(describe(value, precision, expected, actual));
        }
    }
    QVERIFY2(failures == 0, qPrintable(u"%1 of %2 differ, the first:\n"_s.arg(failures).arg(compared)
                                        + firstFailures.join(u'\n')));
}

void TestNumberFormat::nonFiniteValues()
{
    QLocale::setDefault(QLocale(u"de_DE"_s));
    QCOMPARE(md::localNumber(std::numeric_limits<double>::quiet_NaN()), u"NaN"_s);
    QCOMPARE(md::localNumber(std::numeric_limits<double>::infinity()), u"\u221E"_s);
    QCOMPARE(md::localNumber(-std::numeric_limits<double>::infinity(), 3), u"\u2212\u221E"_s);
    QCOMPARE(md::LocalNumberFormat()(std::numeric_limits<double>::quiet_NaN()), u"NaN"_s);
}

void TestNumberFormat::followsTheDefaultLocale()
{
    QCOMPARE(md::localNumber(1234.5), u"1234.5"_s);
    QLocale::setDefault(QLocale(u"de_DE"_s));
    QCOMPARE(md::localNumber(1234.5), u"1234,5"_s);
    QCOMPARE(md::localNumber(-0.000012345, 3), u"-1,23E-05"_s);  // German writes E
    QLocale::setDefault(QLocale(u"en_US"_s));
    QCOMPARE(md::localNumber(1234.5), u"1234.5"_s);
    // Precisions outside 1–17 go through QLocale.
    QCOMPARE(md::localNumber(0.1, QLocale::FloatingPointShortest), u"0.1"_s);
    QCOMPARE(md::localNumber(2.5, 0), u"3"_s);
    QCOMPARE(md::localNumber(0.1, 20), QLocale().toString(0.1, 'g', 20));
}

void TestNumberFormat::formatForOneLocale()
{
    const md::LocalNumberFormat german(QLocale(u"de_DE"_s));
    QVERIFY(german.isFor(QLocale(u"de_DE"_s)));
    QVERIFY(!german.isFor(QLocale::c()));
    QCOMPARE(german(0.125, 2), u"0,13"_s);  // halves round up, as in QLocale
    QCOMPARE(german(999999.5), u"1E+06"_s);
    QCOMPARE(german(-2653.2998, 6), u"-2653,3"_s);
    QCOMPARE(md::LocalNumberFormat(QLocale::c())(0.89), u"0.89"_s);
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
