#pragma once

#include <QGeoCoordinate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tlr {

// An RFC 7946 geometry as NGSI GeoProperties and GeoJSON features carry it. Only the shapes the
// wall draws are read: Point, LineString, Polygon and MultiPolygon (outer rings; holes are
// dropped because a location marker never needs them).
class GeoJsonGeometry
{
public:
    enum class Type { Unknown, Point, LineString, Polygon, MultiPolygon };
    using Ring = QList<QGeoCoordinate>;

    // Reads `object`; on failure returns a geometry whose isValid() is false and sets `error`
    // (a sentence for the operator) and `errorPath` (relative: "coordinates[2][1]").
    static GeoJsonGeometry read(const QJsonObject &object, int maxVertices, QString *error,
                                QString *errorPath = nullptr);

    // A Point or LineString whose positions were read and checked elsewhere, by the same
    // rules as read() (FastFrameParser reads them straight from simdjson).
    static GeoJsonGeometry fromLine(Type type, Ring line);

    bool isValid() const { return m_type != Type::Unknown; }
    Type type() const { return m_type; }
    const Ring &line() const { return m_line; } // the point itself, or the LineString's vertices
    const QList<Ring> &polygons() const { return m_polygons; } // outer rings
    int vertexCount() const;

    // One coordinate to pin the geometry on a map: the point, the middle of a line by length,
    // the area-weighted centroid of the (largest) polygon.
    QGeoCoordinate representativePoint() const;

private:
    Type m_type = Type::Unknown;
    Ring m_line;
    QList<Ring> m_polygons;
};

} // namespace tlr
