// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace md {

/// A point in time as the app shows it: local time, "yyyy-MM-dd HH:mm:ss" (sorts as text, reads
/// the same in every locale); empty for 0 or less (MLflow's "not recorded").
QString localDateTime(qint64 msSinceEpoch);

/// localDateTime() for many times at once (a comparison's start and end times, the runs table's):
/// the time zone is read once, when this is made. QDateTime reads it again for every conversion
/// (glibc's tzset() then checks /etc/localtime each time), which was a tenth of comparing 1,000
/// runs and of painting a screenful of runs. Times QDateTime does not convert with localtime_r
/// (before 1970, after 2037) go through it.
class LocalDateTimes {
public:
    enum class Precision {
        Seconds, ///< "yyyy-MM-dd HH:mm:ss", as localDateTime()
        Minutes, ///< "yyyy-MM-dd HH:mm"
    };
    explicit LocalDateTimes(Precision precision = Precision::Seconds);
    QString operator()(qint64 msSinceEpoch) const;

private:
    QString viaQDateTime(qint64 msSinceEpoch) const;

    Precision m_precision;
};

} // namespace md
