#pragma once

#include "domain/Agency.h"
#include "domain/Alert.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace tlr {

// Incidents open now, per agency: the live alerts in force (Actual status; exercises and tests
// are never counted in live figures). An alert's agency is the agency of the feed it came on.
struct OpenIncidents
{
    QMap<Agency, int> byAgency;
    int total = 0;

    static OpenIncidents count(const QList<Alert> &activeAlerts,
                               const QHash<QString, Agency> &agencyOfFeed);
};

} // namespace tlr
