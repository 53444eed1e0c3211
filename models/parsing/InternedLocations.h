#pragma once

#include "GeoJsonGeometry.h"

#include <QByteArray>
#include <QGeoCoordinate>
#include <QHash>
#include <QList>

#include <span>

namespace tlr {

// A sensor or road segment sends the same Point or LineString in every message. Its
// QGeoCoordinates (each a heap allocation) and the middle of the line by length (spherical
// trigonometry) were a sixth of the parsing thread's work: here they are made once per distinct
// shape, and every later message shares them, as InternedStrings shares texts.
//
// Bounded like InternedStrings: past `capacity` distinct shapes the pool starts again.
class InternedLocations
{
public:
    struct Location
    {
        GeoJsonGeometry::Type type = GeoJsonGeometry::Type::Unknown;
        QGeoCoordinate point;       // GeoJsonGeometry::representativePoint()
        GeoJsonGeometry::Ring line; // GeoJsonGeometry::line(): the point, or the line's vertices
    };

    explicit InternedLocations(qsizetype capacity = 4096) : m_capacity(capacity) {}

    // `lonLat`: longitude, latitude, longitude, … of checked positions, one for a Point and at
    // least two for a LineString. The location is what GeoJsonGeometry::fromLine() gives for
    // them, shared with every earlier call for the same numbers.
    Location location(GeoJsonGeometry::Type type, std::span<const double> lonLat);

    qsizetype size() const { return m_locations.size(); }

private:
    qsizetype m_capacity;
    QHash<QByteArray, Location> m_locations; // by the positions' bytes and the type
};

} // namespace tlr
