// SPDX-License-Identifier: GPL-3.0-or-later
#include "NumberFormat.h"

#include <cmath>

namespace md {

QString localNumber(double value, int precision)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("\u221E") : QStringLiteral("\u2212\u221E");
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, 'g', precision);
}

} // namespace md
