#include "TimeTicks.h"

#include <QDateTime>
#include <QLocale>

namespace tlr {

std::vector<TimeTick> timeTicks(qint64 fromMsecs, qint64 toMsecs, int maxTicks,
                                const QTimeZone &zone)
{
    static constexpr qint64 kStepsMinutes[] = {5,   10,  15,  20,  30,   60,   120,     180,
                                               240, 360, 720, 1440, 2880, 4320, 7 * 1440};
    std::vector<TimeTick> ticks;
    if (toMsecs <= fromMsecs || maxTicks < 1)
        return ticks;
    const qint64 span = toMsecs - fromMsecs;
    // A window of a day or less is labelled with times of day, never with a lone date.
    const qint64 largest = span <= 24 * 3600 * 1000 ? 720 : kStepsMinutes[std::size(kStepsMinutes) - 1];
    qint64 step = largest * 60000;
    for (qint64 minutes : kStepsMinutes) {
        if (minutes > largest)
            break;
        if (span / (minutes * 60000) + 1 <= maxTicks) {
            step = minutes * 60000;
            break;
        }
    }
    // Align on the zone's clock: an offset-shifted grid, so that 3-hour ticks fall on 00, 03…
    // WIB and day ticks on WIB midnight.
    const qint64 offset = qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(
                                     fromMsecs, QTimeZone::utc()))) * 1000;
    qint64 first = ((fromMsecs + offset) / step) * step - offset;
    if (first < fromMsecs)
        first += step;
    const bool days = step >= 1440 * 60000;
    const QLocale locale;
    for (qint64 t = first; t <= toMsecs; t += step) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc())
                                    .toTimeZone(zone);
        const QString label = days ? locale.toString(local.date(), QStringLiteral("ddd d"))
                                   : locale.toString(local.time(), QStringLiteral("HH:mm"));
        ticks.push_back({t, label});
    }
    return ticks;
}

} // namespace tlr
