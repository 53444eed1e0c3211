#pragma once

#include <QString>

#include <optional>

namespace tlr {

// The KPI cards a wall profile can place ("params": {"kpi": "<key>"}).
enum class KpiKind {
    Unknown,
    OpenIncidentsByAgency, // open-incidents-by-agency
    UnacknowledgedAlerts,  // unacknowledged-alerts      (from the alert engine)
    ComplaintsSla,         // complaints-sla
    MedianAck112,          // median-ack-112             (from the alert engine)
    ResponseTimeByAgency,  // response-time-by-agency    (from the alert engine)
    Calls112PerHour,       // calls-112-per-hour
};

QString kpiKindKey(KpiKind kind);
std::optional<KpiKind> kpiKindFromKey(QStringView key);
// Acknowledgements and response times come from the alert engine: a wall without one (a
// tile test, a profile viewer) shows these cards waiting instead of a number.
bool kpiNeedsAlertEngine(KpiKind kind);

} // namespace tlr
