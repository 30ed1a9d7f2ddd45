// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace md {

/// A metric or param value as a person reads it: in the current default locale (0,89 in German),
/// without group separators (they would make 12345.6 look like two numbers in a cell), with NaN
/// as "NaN" and infinities as "∞" / "−∞". `precision` as for QLocale::toString with 'g';
/// QLocale::FloatingPointShortest gives every digit needed to read the value back.
QString localNumber(double value, int precision = 6);

} // namespace md
