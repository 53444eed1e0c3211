#pragma once

#include "domain/Agency.h"
#include "domain/Alert.h"
#include "domain/Severity.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

namespace tlr {

// What a rule or a feed says about one alert at one moment: it is active at this severity, or
// it has cleared. The engine turns conditions into alerts and their lifecycle; source, resource
// and event together are the de-duplication key (as in Alerta).
struct AlertCondition
{
    QString source;   // the feed it came from, or "wall" for the wall's own checks
    QString resource; // what it is about: an entity id, a corridor, a kecamatan, a feed id
    QString event;    // the rule id, or the feed alert's event
    bool active = true;
    Severity severity = Severity::Unknown;
    QString title;
    QString kecamatan;
    Agency agency = Agency::Unknown; // Unknown: the engine takes the source feed's agency
    bool live = true;                // false for Exercise and Test messages
    Alert::Status status = Alert::Status::Actual; // what a message that is not live says it is
    QGeoCoordinate location;
    // When what it says was true, by the evidence (the observation's time, the report's, the
    // message's sent time); invalid when it has none (the wall's own checks of its feeds).
    QDateTime observedAt;
    QString origin;                  // "rule:<id>", "cap", "ngsi"
};

} // namespace tlr
