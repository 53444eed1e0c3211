#include "AlertSignals.h"

namespace tlr::AlertSignals {

std::optional<IncidentSignal> fromAlert(const AlertRecord &alert)
{
    if (!alert.live || !alert.location.isValid() || !alert.raisedAt.isValid())
        return std::nullopt;
    IncidentSignal signal;
    signal.kind = IncidentSignal::Kind::Alert;
    signal.id = alert.source + u'|' + alert.resource + u'|' + alert.event;
    signal.time = alert.evidenceAt.isValid() ? alert.evidenceAt : alert.raisedAt;
    signal.location = alert.location;
    signal.kecamatan = alert.kecamatan;
    signal.agency = alert.agency;
    signal.severity = alert.severity;
    signal.category = alert.event;
    return signal;
}

} // namespace tlr::AlertSignals
