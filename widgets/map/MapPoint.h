#pragma once

#include "domain/Agency.h"
#include "map/ClusterIndex.h"

#include <QGeoCoordinate>
#include <QString>

#include <vector>

namespace tlr {

// A point the live layers draw: a sensor, a vehicle or a citizen report.
struct MapPoint
{
    enum class State { Unknown, Normal, Warning, Fault };
    QString id;
    QString tooltip;
    QGeoCoordinate at;
    FeedKind kind = FeedKind::Unknown;
    State state = State::Unknown;
    bool emergency = false; // reports: a 112 emergency
};

// The points clustered as every point layer draws them: 40 screen pixels apart.
ClusterIndex clusterIndexOf(const std::vector<MapPoint> &points);

} // namespace tlr
