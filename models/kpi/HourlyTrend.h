#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <optional>
#include <span>
#include <vector>

namespace tlr {

// Events per hour for a KPI card: this hour so far, the same part of the same hour yesterday,
// and a sparkline of the last hours. Only hours the history covers are reported: before
// `coverageStart` nothing is known, and an unknown hour is never shown as a zero.
struct HourlyTrend
{
    int current = 0;
    std::optional<int> sameHourYesterday;
    QDateTime sparklineStart;   // UTC start of the sparkline's first hour
    std::vector<int> sparkline; // per hour, oldest first; the last is the current, partial hour

    std::optional<int> delta() const
    {
        return sameHourYesterday ? std::optional<int>(current - *sameHourYesterday)
                                 : std::nullopt;
    }

    // `times` are the events' instants (any order); hours are counted in `zone` (WIB unless
    // given), so "the same hour yesterday" is the same hour of the clock on the wall.
    static HourlyTrend compute(std::span<const QDateTime> times, const QDateTime &coverageStart,
                               const QDateTime &now, int sparklineHours,
                               const QTimeZone &zone);
    static HourlyTrend compute(std::span<const QDateTime> times, const QDateTime &coverageStart,
                               const QDateTime &now, int sparklineHours = 24);
};

} // namespace tlr
