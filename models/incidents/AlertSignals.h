#pragma once

#include "IncidentSignal.h"
#include "alerts/AlertRecord.h"

#include <optional>

namespace tlr::AlertSignals {

// An alert of the alert engine as evidence for the fusion: keyed by its de-duplication key
// (stable across restarts, unlike the engine's ids), at the time it was raised, with its
// current severity. Exercise and Test alerts, and alerts without a place, are not evidence of
// anything happening somewhere: nothing.
std::optional<IncidentSignal> fromAlert(const AlertRecord &alert);

} // namespace tlr::AlertSignals
