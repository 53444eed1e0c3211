#include "WibCalendar.h"

#include "domain/WallClock.h"

namespace tlr::WibCalendar {

QDateTime hourStart(const QDateTime &utc, const QTimeZone &zone)
{
    const QDateTime local = utc.toTimeZone(zone);
    const QDateTime start(local.date(), QTime(local.time().hour(), 0), zone);
    return start.toUTC();
}

QDateTime hourStart(const QDateTime &utc) { return hourStart(utc, WallClock::wib()); }

QDateTime dayStart(const QDateTime &utc, const QTimeZone &zone)
{
    return QDateTime(date(utc, zone), QTime(0, 0), zone).toUTC();
}

QDateTime dayStart(const QDateTime &utc) { return dayStart(utc, WallClock::wib()); }

QDate date(const QDateTime &utc, const QTimeZone &zone) { return utc.toTimeZone(zone).date(); }

QDate date(const QDateTime &utc) { return date(utc, WallClock::wib()); }

} // namespace tlr::WibCalendar
