#pragma once

#include <QString>

#include <optional>

namespace tlr {

// Where an alert stands in its life, after ISA-18.2 as Alerta implements it. Closed alerts stay
// visible for a while (AlertPolicy::closedRetentionMinutes) so an acknowledged alert is never
// lost from view the moment its condition clears.
enum class AlertState {
    Unknown,
    Unacknowledged,         // condition active, nobody has taken it
    Acknowledged,           // condition active, a supervisor has taken it
    ReturnedUnacknowledged, // condition cleared before anyone acknowledged it
    Shelved,                // set aside by a supervisor, with a reason, until a time
    Closed,                 // cleared and acknowledged
};

QString alertStateKey(AlertState state);
std::optional<AlertState> alertStateFromKey(QStringView key);

} // namespace tlr
