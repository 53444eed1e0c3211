#include "ShiftWindow.h"

#include "domain/WallClock.h"

namespace tlr {

ShiftWindow ShiftWindow::current(const QDateTime &now)
{
    const QDateTime local = now.toTimeZone(WallClock::wib());
    QDateTime start;
    for (const int hour : kShiftStartHours) {
        const QDateTime candidate(local.date(), QTime(hour, 0), WallClock::wib());
        if (candidate <= local)
            start = candidate;
    }
    if (!start.isValid()) // before 07:00: the night shift began at 23:00 the day before
        start = QDateTime(local.date().addDays(-1), QTime(23, 0), WallClock::wib());
    return {start.toUTC(), now.toUTC()};
}

std::optional<QDateTime> ShiftWindow::parseTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!parsed.isValid() || text.trimmed().size() < 16) // a date alone is not a time
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), WallClock::wib());
    return parsed.toUTC();
}

} // namespace tlr
