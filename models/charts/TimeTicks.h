#pragma once

#include <QString>
#include <QTimeZone>

#include <vector>

namespace tlr {

// Where a time axis puts its labels: whole steps of the clock in the zone shown (WIB on the
// wall), as many as fit without touching each other.
struct TimeTick
{
    qint64 msecs = 0;
    QString label;
};

// Ticks inside [fromMsecs, toMsecs], at most `maxTicks`, on the smallest step from 5 minutes
// to 7 days that keeps to that count (12 hours at most for a window of a day or less, which
// may then exceed the count: a day is never labelled by a date alone). Labels are "HH:mm", or "ddd d" for whole-day steps (the
// locale's day names), and unique within a result.
std::vector<TimeTick> timeTicks(qint64 fromMsecs, qint64 toMsecs, int maxTicks,
                                const QTimeZone &zone);

} // namespace tlr
