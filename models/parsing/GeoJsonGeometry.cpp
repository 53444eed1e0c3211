#include "GeoJsonGeometry.h"

#include "ParseHelpers.h"

#include <QJsonArray>

#include <cmath>

namespace tlr {
namespace {

struct Reader
{
    int maxVertices = 0;
    int vertices = 0;
    QString error;
    QString path;

    bool fail(const QString &where, const QString &message)
    {
        path = where;
        error = message;
        return false;
    }

    // GeoJSON positions are [longitude, latitude(, altitude)]. The path of a position in a
    // list (where[index]) is spelt out only when it is wrong: lines have thousands of points.
    bool position(const QJsonValue &value, const QString &where, QGeoCoordinate *out,
                  qsizetype index = -1)
    {
        const auto at = [&] { return index < 0 ? where : where + QStringLiteral("[%1]").arg(index); };
        const QJsonArray array = value.toArray();
        if (!value.isArray() || array.size() < 2)
            return fail(at(),
                        QStringLiteral("a position must be an array [longitude, latitude]"));
        if (!array.at(0).isDouble() || !array.at(1).isDouble())
            return fail(at(), QStringLiteral("a position's coordinates must be numbers"));
        const double lon = array.at(0).toDouble();
        const double lat = array.at(1).toDouble();
        if (!parsing::isValidLongitude(lon) || !parsing::isValidLatitude(lat)) {
            return fail(at(),
                        QStringLiteral("coordinates out of range: longitude %1, latitude %2")
                            .arg(lon)
                            .arg(lat));
        }
        if (++vertices > maxVertices) {
            return fail(at(), QStringLiteral("more than %1 vertices").arg(maxVertices));
        }
        *out = QGeoCoordinate(lat, lon);
        return true;
    }

    bool positions(const QJsonValue &value, const QString &where, int minimum,
                   GeoJsonGeometry::Ring *out)
    {
        if (!value.isArray())
            return fail(where, QStringLiteral("must be an array of positions"));
        const QJsonArray array = value.toArray();
        if (array.size() < minimum)
            return fail(where, QStringLiteral("needs at least %1 positions").arg(minimum));
        out->reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            QGeoCoordinate c;
            if (!position(array.at(i), where, &c, i))
                return false;
            out->append(c);
        }
        return true;
    }

    // The outer ring only: a linear ring is closed, with at least four positions.
    bool polygon(const QJsonValue &value, const QString &where, GeoJsonGeometry::Ring *out)
    {
        const QJsonArray rings = value.toArray();
        if (!value.isArray() || rings.isEmpty())
            return fail(where, QStringLiteral("a polygon must be an array of linear rings"));
        if (!positions(rings.at(0), where + QStringLiteral("[0]"), 4, out))
            return false;
        if (out->first() != out->last())
            return fail(where + QStringLiteral("[0]"), QStringLiteral("the ring is not closed"));
        out->removeLast(); // QGeoPolygon and the centroid treat rings as implicitly closed
        return true;
    }
};

double ringArea2(const GeoJsonGeometry::Ring &ring) // twice the signed planar area
{
    double sum = 0;
    for (qsizetype i = 0, n = ring.size(); i < n; ++i) {
        const auto &a = ring.at(i);
        const auto &b = ring.at((i + 1) % n);
        sum += a.longitude() * b.latitude() - b.longitude() * a.latitude();
    }
    return sum;
}

QGeoCoordinate centroid(const GeoJsonGeometry::Ring &ring)
{
    // Tangerang's polygons span a few kilometres: the planar formula is accurate enough and a
    // degenerate (zero-area) ring falls back to the mean of its vertices.
    const double area2 = ringArea2(ring);
    double x = 0;
    double y = 0;
    if (std::abs(area2) > 1e-15) {
        for (qsizetype i = 0, n = ring.size(); i < n; ++i) {
            const auto &a = ring.at(i);
            const auto &b = ring.at((i + 1) % n);
            const double cross = a.longitude() * b.latitude() - b.longitude() * a.latitude();
            x += (a.longitude() + b.longitude()) * cross;
            y += (a.latitude() + b.latitude()) * cross;
        }
        return QGeoCoordinate(y / (3 * area2), x / (3 * area2));
    }
    for (const auto &c : ring) {
        x += c.longitude();
        y += c.latitude();
    }
    return ring.isEmpty() ? QGeoCoordinate() : QGeoCoordinate(y / ring.size(), x / ring.size());
}

QGeoCoordinate middleOfLine(const GeoJsonGeometry::Ring &line)
{
    if (line.size() < 2)
        return line.value(0);
    double total = 0;
    for (qsizetype i = 1; i < line.size(); ++i)
        total += line.at(i - 1).distanceTo(line.at(i));
    double remaining = total / 2;
    for (qsizetype i = 1; i < line.size(); ++i) {
        const double step = line.at(i - 1).distanceTo(line.at(i));
        if (remaining <= step && step > 0) {
            return line.at(i - 1).atDistanceAndAzimuth(remaining,
                                                       line.at(i - 1).azimuthTo(line.at(i)));
        }
        remaining -= step;
    }
    return line.last();
}

} // namespace

GeoJsonGeometry GeoJsonGeometry::read(const QJsonObject &object, int maxVertices, QString *error,
                                      QString *errorPath)
{
    Reader reader;
    reader.maxVertices = maxVertices;
    GeoJsonGeometry geometry;
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue coordinates = object.value(QLatin1String("coordinates"));
    const QString where = QStringLiteral("coordinates");
    bool ok = false;
    Type parsedType = Type::Unknown;
    if (type == QLatin1String("Point")) {
        QGeoCoordinate c;
        ok = reader.position(coordinates, where, &c);
        geometry.m_line = {c};
        parsedType = Type::Point;
    } else if (type == QLatin1String("LineString")) {
        ok = reader.positions(coordinates, where, 2, &geometry.m_line);
        parsedType = Type::LineString;
    } else if (type == QLatin1String("Polygon")) {
        Ring ring;
        ok = reader.polygon(coordinates, where, &ring);
        geometry.m_polygons = {ring};
        parsedType = Type::Polygon;
    } else if (type == QLatin1String("MultiPolygon")) {
        const QJsonArray polygons = coordinates.toArray();
        ok = coordinates.isArray() && !polygons.isEmpty();
        if (!ok)
            reader.fail(where, QStringLiteral("a MultiPolygon needs an array of polygons"));
        for (qsizetype i = 0; ok && i < polygons.size(); ++i) {
            Ring ring;
            ok = reader.polygon(polygons.at(i), where + QStringLiteral("[%1]").arg(i), &ring);
            geometry.m_polygons.append(ring);
        }
        parsedType = Type::MultiPolygon;
    } else if (type.isEmpty()) {
        reader.fail(QStringLiteral("type"), QStringLiteral("a geometry needs a \"type\""));
    } else {
        reader.fail(QStringLiteral("type"),
                    QStringLiteral("unsupported geometry type \"%1\"").arg(type.left(40)));
    }
    if (!ok) {
        if (error)
            *error = reader.error;
        if (errorPath)
            *errorPath = reader.path;
        return {};
    }
    geometry.m_type = parsedType;
    return geometry;
}

GeoJsonGeometry GeoJsonGeometry::fromLine(Type type, Ring line)
{
    Q_ASSERT(type == Type::Point || type == Type::LineString);
    GeoJsonGeometry geometry;
    geometry.m_type = type;
    geometry.m_line = std::move(line);
    return geometry;
}

int GeoJsonGeometry::vertexCount() const
{
    qsizetype count = m_line.size();
    for (const auto &ring : m_polygons)
        count += ring.size();
    return int(count);
}

QGeoCoordinate GeoJsonGeometry::representativePoint() const
{
    switch (m_type) {
    case Type::Point:
        return m_line.value(0);
    case Type::LineString:
        return middleOfLine(m_line);
    case Type::Polygon:
    case Type::MultiPolygon: {
        const Ring *largest = nullptr;
        for (const auto &ring : m_polygons) {
            if (!largest || std::abs(ringArea2(ring)) > std::abs(ringArea2(*largest)))
                largest = &ring;
        }
        return largest ? centroid(*largest) : QGeoCoordinate();
    }
    case Type::Unknown:
        break;
    }
    return {};
}

} // namespace tlr
