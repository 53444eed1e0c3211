#include "KpiKind.h"

#include "domain/EnumTable.h"

namespace tlr {

namespace {

constexpr EnumEntry<KpiKind> kKinds[] = {
    {u"calls-112-per-hour", KpiKind::Calls112PerHour},
    {u"complaints-sla", KpiKind::ComplaintsSla},
    {u"median-ack-112", KpiKind::MedianAck112},
    {u"open-incidents-by-agency", KpiKind::OpenIncidentsByAgency},
    {u"response-time-by-agency", KpiKind::ResponseTimeByAgency},
    {u"unacknowledged-alerts", KpiKind::UnacknowledgedAlerts},
};
static_assert(isSortedTable(kKinds));

} // namespace

QString kpiKindKey(KpiKind kind) { return enumKey(kKinds, kind); }

std::optional<KpiKind> kpiKindFromKey(QStringView key) { return enumFromKey(kKinds, key); }

bool kpiNeedsAlertEngine(KpiKind kind)
{
    return kind == KpiKind::UnacknowledgedAlerts || kind == KpiKind::MedianAck112
        || kind == KpiKind::ResponseTimeByAgency;
}

} // namespace tlr
