#pragma once

#include "domain/Agency.h"
#include "domain/Severity.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

#include <optional>

namespace tlr {

// One piece of evidence that something is happening at a place and time: an alert of the
// alert engine, a 112 call or LAKSA complaint, an observation such as a flood report. The
// fusion only sees this shape, so that each source feeds it with a few lines and the fusion
// never depends on the alert engine's or the parsers' types.
struct IncidentSignal
{
    enum class Kind { Unknown, Alert, Report, Observation };

    Kind kind = Kind::Unknown;
    QString id;     // unique within its kind: alert id, report id, observation entity id
    QDateTime time; // UTC, when it happened or was received
    QGeoCoordinate location;
    QString kecamatan; // empty: the fusion looks it up from the location when it can
    Agency agency = Agency::Unknown;
    Severity severity = Severity::Unknown;
    QString category;       // banjir, kecelakaan, an alert's event, an observation's entity type
    bool emergency = false; // a report taken as an emergency (112)

    // The same key arriving again is an update of that signal, never a second member.
    QString key() const;
};

QString signalKindKey(IncidentSignal::Kind kind);
std::optional<IncidentSignal::Kind> signalKindFromKey(QStringView key);

} // namespace tlr
