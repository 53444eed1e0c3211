#include "ComplaintSla.h"

#include "WibCalendar.h"
#include "domain/WallClock.h"

namespace tlr {

bool ComplaintSla::isComplaint(const Report &report)
{
    return !report.emergency && report.kind != Report::Kind::Emergency
        && report.channel != Report::Channel::Call112;
}

QDateTime ComplaintSla::dueAt(const QDateTime &receivedUtc)
{
    return receivedUtc.toUTC().addSecs(kLimitSeconds);
}

ComplaintSlaFigures ComplaintSla::evaluate(std::span<const Complaint> complaints,
                                           const QDateTime &now, const QTimeZone &zone)
{
    ComplaintSlaFigures figures;
    const QDateTime endOfToday = WibCalendar::dayStart(now, zone).addDays(1);
    for (const Complaint &c : complaints) {
        if (!c.receivedAt.isValid() || c.receivedAt > now)
            continue; // a complaint from the future is not counted against anyone
        const QDateTime due = dueAt(c.receivedAt);
        if (c.closedAt && c.closedAt->isValid() && *c.closedAt <= now) {
            ++(*c.closedAt <= due ? figures.closedInside : figures.closedLate);
            continue;
        }
        if (now <= due) {
            ++figures.openInside;
            if (due < endOfToday)
                ++figures.dueToday;
            if (!figures.nextDue || due < *figures.nextDue)
                figures.nextDue = due;
        } else {
            ++figures.openPast;
        }
    }
    return figures;
}

ComplaintSlaFigures ComplaintSla::evaluate(std::span<const Complaint> complaints,
                                           const QDateTime &now)
{
    return evaluate(complaints, now, WallClock::wib());
}

} // namespace tlr
