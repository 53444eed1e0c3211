#include "HourlyTrend.h"

#include "WibCalendar.h"
#include "domain/WallClock.h"

namespace tlr {

HourlyTrend HourlyTrend::compute(std::span<const QDateTime> times, const QDateTime &coverageStart,
                                 const QDateTime &now, int sparklineHours, const QTimeZone &zone)
{
    HourlyTrend trend;
    if (!now.isValid() || !coverageStart.isValid() || coverageStart > now)
        return trend;
    const QDateTime hour = WibCalendar::hourStart(now, zone);
    // The same hour of the clock a day earlier, in the zone's own calendar.
    const QDateTime yesterdayStart = hour.toTimeZone(zone).addDays(-1).toUTC();
    const QDateTime yesterdayNow = yesterdayStart.addMSecs(hour.msecsTo(now));
    const bool yesterdayKnown = coverageStart <= yesterdayStart;

    const int hours = std::max(1, sparklineHours);
    QDateTime first = hour.addSecs(-3600 * qint64(hours - 1));
    const QDateTime coveredHour = WibCalendar::hourStart(coverageStart, zone);
    if (first < coveredHour)
        first = coveredHour;
    const int slotCount = int(first.secsTo(hour) / 3600) + 1;
    trend.sparklineStart = first;
    trend.sparkline.assign(std::size_t(slotCount), 0);

    int yesterday = 0;
    for (const QDateTime &t : times) {
        if (!t.isValid() || t > now)
            continue; // a future timestamp counts nowhere
        if (t >= yesterdayStart && t <= yesterdayNow)
            ++yesterday;
        if (t >= first) {
            const qint64 slot = first.secsTo(t) / 3600;
            if (slot >= 0 && slot < slotCount)
                ++trend.sparkline[std::size_t(slot)];
        }
        if (t >= hour)
            ++trend.current;
    }
    if (yesterdayKnown)
        trend.sameHourYesterday = yesterday;
    return trend;
}

HourlyTrend HourlyTrend::compute(std::span<const QDateTime> times, const QDateTime &coverageStart,
                                 const QDateTime &now, int sparklineHours)
{
    return compute(times, coverageStart, now, sparklineHours, WallClock::wib());
}

} // namespace tlr
