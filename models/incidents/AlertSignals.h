#pragma once

#include "IncidentSignal.h"
#include "alerts/AlertRecord.h"

#include <optional>

namespace tlr::AlertSignals {

// An alert of the alert engine as evidence for the fusion: keyed by its de-duplication key
// (stable across restarts, unlike the engine's ids), at the time of its newest evidence
// (AlertRecord::evidenceAt: reports and observations are placed by their own times, and an
// alert must sit among them, not at the moment this console happened to raise it), with its
// current severity. Exercise and Test alerts, and alerts without a place, are not evidence of
// anything happening somewhere: nothing.
std::optional<IncidentSignal> fromAlert(const AlertRecord &alert);

} // namespace tlr::AlertSignals
