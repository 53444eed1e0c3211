#include "DomainSignals.h"

namespace tlr::DomainSignals {

IncidentSignal fromReport(const Report &report)
{
    IncidentSignal signal;
    signal.kind = IncidentSignal::Kind::Report;
    signal.id = report.id;
    signal.time = report.receivedAt;
    signal.location = report.location;
    signal.kecamatan = report.kecamatan;
    signal.agency = report.agency;
    signal.emergency = report.emergency;
    signal.severity = report.emergency ? Severity::Severe : Severity::Minor;
    signal.category = report.category;
    return signal;
}

std::optional<IncidentSignal> fromObservation(const Observation &observation,
                                              const FusionConfig &config)
{
    if (!config.observationTypes.contains(observation.entityType))
        return std::nullopt;
    IncidentSignal signal;
    signal.kind = IncidentSignal::Kind::Observation;
    signal.id = observation.entityId;
    signal.time = observation.observedAt;
    signal.location = observation.location;
    signal.kecamatan = observation.kecamatan;
    signal.category = observation.entityType;
    return signal;
}

QList<IncidentSignal> fromEvents(const QList<DomainEvent> &events, const FusionConfig &config)
{
    QList<IncidentSignal> signals_;
    for (const DomainEvent &event : events) {
        if (const auto *report = std::get_if<Report>(&event)) {
            signals_.append(fromReport(*report));
        } else if (const auto *observation = std::get_if<Observation>(&event)) {
            if (auto signal = fromObservation(*observation, config))
                signals_.append(std::move(*signal));
        }
    }
    return signals_;
}

} // namespace tlr::DomainSignals
