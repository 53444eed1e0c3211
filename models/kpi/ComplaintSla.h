#pragma once

#include "domain/Report.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>
#include <span>

namespace tlr {

// One complaint as the SLA sees it. The wire does not yet say when a complaint was followed up
// (that comes with the alert engine's workflow); until then closedAt stays empty and every
// complaint counts as open.
struct Complaint
{
    QString id;
    QDateTime receivedAt; // UTC
    std::optional<QDateTime> closedAt;
};

// The city's promise to LAKSA complainants: a follow-up within 7 × 24 hours of receipt, counted
// in elapsed hours (not in calendar days: a complaint made at 23:50 WIB is not a day older ten
// minutes later).
struct ComplaintSlaFigures
{
    int openInside = 0;   // open, still within the limit
    int openPast = 0;     // open, past the limit
    int closedInside = 0; // followed up in time
    int closedLate = 0;   // followed up after the limit
    int dueToday = 0;     // open, inside, and due before the end of today (WIB calendar day)
    std::optional<QDateTime> nextDue; // the earliest deadline of an open complaint inside

    int open() const { return openInside + openPast; }
};

class ComplaintSla
{
public:
    static constexpr qint64 kLimitSeconds = 7 * 24 * 3600;

    // LAKSA complaints: every citizen report that is not an emergency nor a 112 call.
    static bool isComplaint(const Report &report);
    static QDateTime dueAt(const QDateTime &receivedUtc);
    // The figures at `now`. "Today" is the calendar day of `now` in `zone` (WIB by default).
    static ComplaintSlaFigures evaluate(std::span<const Complaint> complaints,
                                        const QDateTime &now, const QTimeZone &zone);
    static ComplaintSlaFigures evaluate(std::span<const Complaint> complaints,
                                        const QDateTime &now);
};

} // namespace tlr
