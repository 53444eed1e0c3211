#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace tlr::WibCalendar {

// Hours and days as the wall's people count them: in WIB (UTC+7, no daylight saving time) by
// default, or in the zone given. All arguments and results are instants; results are in UTC.

// The start of the hour holding `utc`, in `zone` (a zone with a half-hour offset has its hours
// start at :30 UTC).
QDateTime hourStart(const QDateTime &utc, const QTimeZone &zone);
QDateTime hourStart(const QDateTime &utc);
// The start of the calendar day holding `utc`, in `zone`.
QDateTime dayStart(const QDateTime &utc, const QTimeZone &zone);
QDateTime dayStart(const QDateTime &utc);
// The calendar date of `utc` in `zone`.
QDate date(const QDateTime &utc, const QTimeZone &zone);
QDate date(const QDateTime &utc);

} // namespace tlr::WibCalendar
