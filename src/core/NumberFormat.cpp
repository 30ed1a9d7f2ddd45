// SPDX-License-Identifier: GPL-3.0-or-later
#include "NumberFormat.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

namespace md {

namespace {

// QLocale::toString goes through QLocaleData (and, for the system locale, QSystemLocale::query
// for every symbol) on every call: a fifth of building a 1,000-run comparison. The fast path
// reads the symbols once and rounds in integers, to the digits Qt's double-conversion gives.

__extension__ typedef unsigned __int128 Wide;  // GCC and Clang; -Wpedantic wants the __extension__

constexpr int kMaxFastPrecision = 17;
constexpr qsizetype kMaxSymbolSize = 8;
constexpr int kPow10Count = 38;  // 10^37 < 2^123

constexpr std::array<Wide, kPow10Count> kPow10 = [] {
    std::array<Wide, kPow10Count> p{};
    p[0] = 1;
    for (int i = 1; i < kPow10Count; ++i)
        p[i] = p[i - 1] * 10;
    return p;
}();

int bitLength(Wide x)
{
    const auto high = std::uint64_t(x >> 64);
    return high ? 128 - std::countl_zero(high) : 64 - std::countl_zero(std::uint64_t(x));
}

// `a` (positive, normal) rounded to `precision` significant digits the way double-conversion's
// PRECISION mode, which QLocale uses, rounds the exact binary value: to nearest, halves away from
// zero (printf and std::to_chars round halves to even: 0.125 → "0.12" there, "0.13" in Qt).
// Gives the digits without trailing zeros and decpt, the decimal point's place (0.0123: "123",
// −1). False when the exact fraction a × 10^k does not fit 128 bits (very large or small values).
bool roundedDigits(double a, int precision, char *digits, int &count, int &decpt)
{
    if (!(a >= std::numeric_limits<double>::min()) || !std::isfinite(a))
        return false;
    int e2 = 0;
    const double fraction = std::frexp(a, &e2);  // a = fraction × 2^e2, fraction in [0.5, 1)
    std::uint64_t mantissa = std::uint64_t(std::ldexp(fraction, 53));
    int e = e2 - 53;
    const int zeros = std::countr_zero(mantissa);
    mantissa >>= zeros;
    e += zeros;
    // a is in [2^(e2-1), 2^e2): its decimal exponent is this estimate or one more.
    int exp10 = int(std::floor((e2 - 1) * 0.30102999566398120));
    const Wide low = kPow10[precision - 1];
    const Wide high = kPow10[precision];
    Wide n = 0;
    bool up = false;
    bool found = false;
    for (int attempt = 0; attempt < 3 && !found; ++attempt) {
        // a × 10^k = num / (2^shift × 10^-k): n its integer part, `up` when the rest is ≥ ½.
        const int k = precision - 1 - exp10;
        Wide num = mantissa;
        if (e > 0) {
            if (e > 125 - bitLength(num))
                return false;
            num <<= e;
        }
        if (k > 0) {
            if (k >= kPow10Count || bitLength(num) + bitLength(kPow10[k]) > 126)
                return false;
            num *= kPow10[k];
        }
        const int shift = e < 0 ? -e : 0;
        if (shift > 125)
            return false;
        if (k >= 0) {
            n = num >> shift;
            up = shift > 0 && (num & ((Wide(1) << shift) - 1)) >= (Wide(1) << (shift - 1));
        } else {
            if (-k >= kPow10Count || bitLength(kPow10[-k]) + shift > 126)
                return false;
            const Wide den = kPow10[-k] << shift;
            n = num / den;
            const Wide rest = num - n * den;
            up = rest >= den - rest;
        }
        if (n >= high)
            ++exp10;
        else if (n < low)
            --exp10;
        else
            found = true;
    }
    if (!found)
        return false;
    if (up && ++n == high) {
        n = low;
        ++exp10;
    }
    auto value = std::uint64_t(n);
    for (int i = precision - 1; i >= 0; --i) {
        digits[i] = char('0' + value % 10);
        value /= 10;
    }
    count = precision;
    while (count > 1 && digits[count - 1] == '0')
        --count;
    decpt = exp10 + 1;
    return true;
}

// The shortest digits that read back as `a` (positive, finite), as double-conversion's SHORTEST
// mode gives them for QLocale::FloatingPointShortest; same form of result as roundedDigits.
void shortestDigits(double a, char *digits, int &count, int &decpt)
{
    char text[32];
    const char *const end = std::to_chars(text, text + sizeof text, a, std::chars_format::scientific).ptr;
    const char *const e = std::find(static_cast<const char *>(text), end, 'e');  // "d.ddde+XX"
    count = 0;
    for (const char *c = text; c < e; ++c)
        if (*c != '.')
            digits[count++] = *c;
    int exponent = 0;
    std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), end, exponent);
    decpt = exponent + 1;
    while (count > 1 && digits[count - 1] == '0')
        --count;
}

} // namespace

struct LocalNumberFormat::Symbols {
    QLocale locale;      // as given, for isFor()
    QLocale formatting;  // with OmitGroupSeparator, for what the fast path leaves to QLocale
    bool fast = false;
    char16_t zero = u'0';
    QString decimal, exponential, plus, minus;

    QString format(double value, int precision) const;
};

QString LocalNumberFormat::Symbols::format(double value, int precision) const
{
    const bool shortest = precision == QLocale::FloatingPointShortest;
    char digits[32];
    int count = 0;
    int decpt = 0;
    if (value == 0) {
        digits[0] = '0';
        count = 1;
        decpt = 1;
    } else if (shortest) {
        shortestDigits(std::abs(value), digits, count, decpt);
    } else if (!roundedDigits(std::abs(value), precision, digits, count, decpt)) {
        return formatting.toString(value, 'g', precision);
    }

    // QLocaleData::doubleToString with DFSignificantDigits and PMChopTrailingZeros: printf's
    // %g choice of decimal or exponent form (for the shortest digits, the shorter form), the
    // exponent with a sign and at least two digits.
    bool decimalForm = false;
    if (shortest) {
        int bias = 4;  // what the exponent form adds: the separator, the sign, two digits
        if (count <= decpt && count > 1)
            ++bias;  // the decimal form ends without a point, the exponent form has one
        else if (count == 1 && decpt <= 0)
            --bias;  // the other way round
        decimalForm = decpt <= 0 ? 1 - decpt <= bias : decpt <= count || decpt <= count + bias;
    } else {
        decimalForm = decpt > -4 && decpt <= precision;
    }
    char16_t out[96];
    int size = 0;
    const auto put = [&](const QString &s) {
        std::memcpy(out + size, s.utf16(), size_t(s.size()) * sizeof(char16_t));
        size += int(s.size());
    };
    const auto digit = [&](char c) { out[size++] = char16_t(zero + (c - '0')); };
    if (value < 0)  // −0 has no sign in Qt
        put(minus);
    if (decimalForm) {
        if (decpt <= 0) {
            digit('0');
            put(decimal);
            for (int i = decpt; i < 0; ++i)
                digit('0');
            for (int i = 0; i < count; ++i)
                digit(digits[i]);
        } else {
            for (int i = 0; i < count; ++i) {
                if (i == decpt)
                    put(decimal);
                digit(digits[i]);
            }
            for (int i = count; i < decpt; ++i)
                digit('0');
        }
    } else {
        digit(digits[0]);
        if (count > 1) {
            put(decimal);
            for (int i = 1; i < count; ++i)
                digit(digits[i]);
        }
        put(exponential);
        int exponent = decpt - 1;
        put(exponent < 0 ? minus : plus);
        exponent = std::abs(exponent);
        if (exponent >= 100)
            digit(char('0' + exponent / 100));
        digit(char('0' + exponent / 10 % 10));
        digit(char('0' + exponent % 10));
    }
    return QString(reinterpret_cast<const QChar *>(out), size);
}

LocalNumberFormat::LocalNumberFormat()
    : LocalNumberFormat(QLocale())
{
}

LocalNumberFormat::LocalNumberFormat(const QLocale &locale)
{
    auto s = std::make_shared<Symbols>();
    s->locale = locale;
    s->formatting = locale;
    s->formatting.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const QString zero = locale.zeroDigit();
    s->decimal = locale.decimalPoint();
    s->exponential = locale.exponential();
    s->plus = locale.positiveSign();
    s->minus = locale.negativeSign();
    const auto small = [](const QString &symbol) { return symbol.size() <= kMaxSymbolSize; };
    // Digits that are not one UTF-16 unit, or not consecutive from zero (Suzhou's U+3007, U+3021
    // …), and options that change the form are QLocale's business.
    s->fast = zero.size() == 1 && !zero.at(0).isSurrogate() && zero.at(0) != QChar(0x3007)
        && small(s->decimal) && small(s->exponential) && small(s->plus) && small(s->minus)
        && !(locale.numberOptions() & (QLocale::IncludeTrailingZeroesAfterDot | QLocale::OmitLeadingZeroInExponent));
    if (s->fast)
        s->zero = zero.at(0).unicode();
    m_symbols = std::move(s);
}

bool LocalNumberFormat::isFor(const QLocale &locale) const
{
    return m_symbols->locale == locale;
}

QString LocalNumberFormat::operator()(double value, int precision) const
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("\u221E") : QStringLiteral("\u2212\u221E");
    if (!m_symbols->fast
        || (precision != QLocale::FloatingPointShortest && (precision < 1 || precision > kMaxFastPrecision)))
        return m_symbols->formatting.toString(value, 'g', precision);
    return m_symbols->format(value, precision);
}

QString localNumber(double value, int precision)
{
    // One formatter per thread (the runs table formats on worker threads), made anew when the
    // default locale changes.
    thread_local std::optional<LocalNumberFormat> format;
    const QLocale locale;
    if (!format || !format->isFor(locale))
        format.emplace(locale);
    return (*format)(value, precision);
}

} // namespace md
