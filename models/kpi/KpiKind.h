#pragma once

#include <QString>

#include <optional>

namespace tlr {

// The KPI cards a wall profile can place ("params": {"kpi": "<key>"}).
enum class KpiKind {
    Unknown,
    OpenIncidentsByAgency, // open-incidents-by-agency
    UnacknowledgedAlerts,  // unacknowledged-alerts      (needs the alert engine)
    ComplaintsSla,         // complaints-sla
    MedianAck112,          // median-ack-112             (needs the alert engine)
    ResponseTimeByAgency,  // response-time-by-agency    (needs the alert engine)
    Calls112PerHour,       // calls-112-per-hour
};

QString kpiKindKey(KpiKind kind);
std::optional<KpiKind> kpiKindFromKey(QStringView key);
// Acknowledgements and dispatch times come from the alert engine, which does not exist yet:
// these cards must say so instead of showing a number.
bool kpiNeedsAlertEngine(KpiKind kind);

} // namespace tlr
