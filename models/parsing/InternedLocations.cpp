#include "InternedLocations.h"

#include <QVarLengthArray>

#include <cstring>

namespace tlr {

InternedLocations::Location InternedLocations::location(GeoJsonGeometry::Type type,
                                                        std::span<const double> lonLat)
{
    // The key: the type's number, then the positions as they are (0.0 and -0.0 apart, as
    // QGeoCoordinate keeps them). A lookup key over a stack buffer, not a copy.
    constexpr qsizetype kInline = 32;
    const auto bytes = qsizetype(sizeof(double) * lonLat.size());
    QVarLengthArray<char, kInline * sizeof(double) + 1> buffer(bytes + 1);
    buffer[0] = char(type);
    std::memcpy(buffer.data() + 1, lonLat.data(), size_t(bytes));
    const QByteArray key = QByteArray::fromRawData(buffer.constData(), buffer.size());
    if (const auto found = m_locations.constFind(key); found != m_locations.cend())
        return *found;

    GeoJsonGeometry::Ring line;
    line.reserve(qsizetype(lonLat.size() / 2));
    for (std::size_t i = 0; i + 1 < lonLat.size(); i += 2)
        line.append(QGeoCoordinate(lonLat[i + 1], lonLat[i]));
    const GeoJsonGeometry geometry = GeoJsonGeometry::fromLine(type, std::move(line));
    Location location{type, geometry.representativePoint(), geometry.line()};
    if (m_locations.size() >= m_capacity)
        m_locations.clear();
    m_locations.insert(QByteArray(buffer.constData(), buffer.size()), location);
    return location;
}

} // namespace tlr
