#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace tlr {

// The Live Room's shifts, in WIB: 07:00–15:00, 15:00–23:00 and 23:00–07:00. A handover report
// by default covers the shift going on, from its start until now.
struct ShiftWindow
{
    QDateTime from; // UTC
    QDateTime to;   // UTC

    static constexpr int kShiftStartHours[] = {7, 15, 23};

    static ShiftWindow current(const QDateTime &now);
    // ISO 8601 with a date and time; with no offset the time is taken as WIB, the room's time.
    static std::optional<QDateTime> parseTime(const QString &text);
};

} // namespace tlr
