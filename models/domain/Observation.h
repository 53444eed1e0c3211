#pragma once

#include "Agency.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QList>
#include <QString>

namespace tlr {

// One measured quantity of an observation. Quantity names follow the Smart Data Models
// attribute names (averageVehicleSpeed, pm25, waterLevel…) so that rollups and charts can be
// keyed by them whatever the source.
struct Measurement
{
    QString quantity;
    double value = 0.0;
    QString unit; // UN/CEFACT unit code where the source gives one (KMH, GQ, MTR…)
};

// A sensor reading: a road segment's speed, a station's air quality, a reservoir level, a
// hospital's beds. Values, not identities: the store and models key them by entityId.
struct Observation
{
    QString source;     // feed id it arrived on
    QString entityId;   // e.g. urn:ngsi-ld:TrafficFlowObserved:dmg-03
    QString entityType; // e.g. TrafficFlowObserved
    FeedKind kind = FeedKind::Unknown;
    QString name;
    QString kecamatan;
    QDateTime observedAt; // UTC
    QGeoCoordinate location;   // a point, or the middle of a path
    QList<QGeoCoordinate> path; // a road segment's LineString, empty for point sensors
    QList<Measurement> measurements;
    QString status; // free text state where the source has one (CCTV "online", pump "running")

    std::optional<double> value(QStringView quantity) const
    {
        for (const auto &m : measurements) {
            if (m.quantity == quantity)
                return m.value;
        }
        return std::nullopt;
    }
};

} // namespace tlr
