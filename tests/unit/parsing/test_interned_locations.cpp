#include "parsing/InternedLocations.h"

#include <catch2/catch.hpp>

#include <array>

using namespace tlr;

namespace {

GeoJsonGeometry::Ring ringOf(std::span<const double> lonLat)
{
    GeoJsonGeometry::Ring ring;
    for (std::size_t i = 0; i + 1 < lonLat.size(); i += 2)
        ring.append(QGeoCoordinate(lonLat[i + 1], lonLat[i]));
    return ring;
}

} // namespace

TEST_CASE("A recurring line is shared and is what GeoJsonGeometry makes of it")
{
    InternedLocations locations(2);
    const std::array<double, 6> segment = {106.6512, -6.1651, 106.6555, -6.1660, 106.6601, -6.1667};
    const auto first = locations.location(GeoJsonGeometry::Type::LineString, segment);
    const GeoJsonGeometry expected =
        GeoJsonGeometry::fromLine(GeoJsonGeometry::Type::LineString, ringOf(segment));
    CHECK(first.type == GeoJsonGeometry::Type::LineString);
    CHECK(first.line == expected.line());
    CHECK(first.point == expected.representativePoint()); // the middle by length, not a vertex
    CHECK(first.point != first.line.at(1));

    const std::array<double, 6> copy = segment; // other memory, the same numbers
    const auto again = locations.location(GeoJsonGeometry::Type::LineString, copy);
    CHECK(again.line.isSharedWith(first.line)); // not built again
    CHECK(again.point == first.point);
    CHECK(locations.size() == 1);
}

TEST_CASE("Locations differ by every number and by type, and the pool stays within capacity")
{
    InternedLocations locations(2);
    const std::array<double, 2> point = {106.63, -6.17};
    const std::array<double, 2> negativeZero = {-0.0, 0.0};
    const std::array<double, 2> zero = {0.0, 0.0};
    const auto a = locations.location(GeoJsonGeometry::Type::Point, point);
    CHECK(a.type == GeoJsonGeometry::Type::Point);
    CHECK(a.point == QGeoCoordinate(-6.17, 106.63));
    CHECK(a.line.size() == 1);
    locations.location(GeoJsonGeometry::Type::Point, zero);
    CHECK(locations.size() == 2);
    // A third distinct shape starts the pool again rather than growing it.
    const auto signedZero = locations.location(GeoJsonGeometry::Type::Point, negativeZero);
    CHECK(std::signbit(signedZero.point.longitude())); // not the 0.0 point from before
    CHECK(locations.size() == 1);
    CHECK(locations.location(GeoJsonGeometry::Type::Point, point).point == a.point);
}
