#pragma once

#include "FusionConfig.h"
#include "IncidentSignal.h"
#include "domain/DomainEvent.h"

#include <optional>

namespace tlr {

// The signals that feed events carry. Alerts are not among them: they reach the fusion
// through the alert engine, which knows their agency, kecamatan and lifecycle.
namespace DomainSignals {

// A 112 call or a LAKSA complaint. An emergency counts as severe, anything else as minor.
IncidentSignal fromReport(const Report &report);
// An observation whose entity type the configuration lists; nothing otherwise. An
// observation's severity is unknown: it supports an incident, never makes it graver.
std::optional<IncidentSignal> fromObservation(const Observation &observation,
                                              const FusionConfig &config);
QList<IncidentSignal> fromEvents(const QList<DomainEvent> &events, const FusionConfig &config);

} // namespace DomainSignals

} // namespace tlr
