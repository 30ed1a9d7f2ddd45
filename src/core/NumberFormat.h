// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

#include <memory>

namespace md {

/// A metric or param value as a person reads it: in the current default locale (0,89 in German),
/// without group separators (they would make 12345.6 look like two numbers in a cell), with NaN
/// as "NaN" and infinities as "∞" / "−∞". `precision` as for QLocale::toString with 'g';
/// QLocale::FloatingPointShortest gives every digit needed to read the value back.
QString localNumber(double value, int precision = 6);

/// localNumber() for one locale, with the locale's symbols read once: for tables that format
/// thousands of numbers. The text is exactly QLocale::toString(value, 'g', precision) with
/// OmitGroupSeparator (NaN and ∞ as localNumber() gives them); precisions 1 to 17 and
/// QLocale::FloatingPointShortest in locales with one-character digits take a path of their own
/// that skips QLocale (3–4 × faster), others go through QLocale.
class LocalNumberFormat {
public:
    /// For the default locale as it is now.
    LocalNumberFormat();
    explicit LocalNumberFormat(const QLocale &locale);

    QString operator()(double value, int precision = 6) const;
    /// True when this formats as `locale` does (same locale data and number options).
    bool isFor(const QLocale &locale) const;

private:
    struct Symbols;
    std::shared_ptr<const Symbols> m_symbols;
};

} // namespace md
