#include "OpenIncidents.h"

namespace tlr {

OpenIncidents OpenIncidents::count(const QList<Alert> &activeAlerts,
                                   const QHash<QString, Agency> &agencyOfFeed)
{
    OpenIncidents incidents;
    for (const Alert &alert : activeAlerts) {
        if (!alert.isLive())
            continue;
        ++incidents.byAgency[agencyOfFeed.value(alert.source, Agency::Unknown)];
        ++incidents.total;
    }
    return incidents;
}

} // namespace tlr
