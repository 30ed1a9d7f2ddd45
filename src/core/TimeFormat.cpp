// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeFormat.h"

#include <QDateTime>

#include <ctime>

using namespace Qt::StringLiterals;

namespace md {

QString localDateTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

LocalDateTimes::LocalDateTimes(Precision precision)
    : m_precision(precision)
{
    tzset();
}

QString LocalDateTimes::viaQDateTime(qint64 ms) const
{
    if (m_precision == Precision::Seconds)
        return localDateTime(ms);
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString LocalDateTimes::operator()(qint64 ms) const
{
    constexpr qint64 kLastMs = qint64(2145916799) * 1000;  // QDateTime's own local time ends here
    if (ms <= 0)
        return {};
    if (ms > kLastMs)
        return viaQDateTime(ms);
    const time_t seconds = time_t(ms / 1000);
    tm local{};
    if (!localtime_r(&seconds, &local) || local.tm_sec > 59)
        return viaQDateTime(ms);
    const int year = local.tm_year + 1900;
    if (year < 1000 || year > 9999)
        return viaQDateTime(ms);
    char16_t text[19];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, local.tm_mon + 1, 2);
    text[7] = u'-';
    put(8, local.tm_mday, 2);
    text[10] = u' ';
    put(11, local.tm_hour, 2);
    text[13] = u':';
    put(14, local.tm_min, 2);
    if (m_precision == Precision::Minutes)
        return QString(reinterpret_cast<const QChar *>(text), 16);
    text[16] = u':';
    put(17, local.tm_sec, 2);
    return QString(reinterpret_cast<const QChar *>(text), 19);
}

} // namespace md
