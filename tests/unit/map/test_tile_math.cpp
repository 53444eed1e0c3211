#include "map/TileMath.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("The slippy-map tile of Tangerang's city centre at zoom 12 is 3261/2118")
{
    const TileId tile = TileMath::tileAt(QGeoCoordinate(-6.1783, 106.6319), 12);
    CHECK(tile.z == 12);
    CHECK(tile.x == 3261);
    CHECK(tile.y == 2118);
    CHECK(tile.isValid());
}

TEST_CASE("Known tiles of the OpenStreetMap formulas")
{
    // The whole world is tile 0/0/0; the centre of the map is the corner of the four z1 tiles.
    CHECK(TileMath::tileAt(QGeoCoordinate(0, 0), 0) == TileId{0, 0, 0});
    CHECK(TileMath::tileAt(QGeoCoordinate(0.0001, 0.0001), 1) == TileId{1, 1, 0});
    CHECK(TileMath::tileAt(QGeoCoordinate(-0.0001, -0.0001), 1) == TileId{1, 0, 1});
    // Latitudes beyond the Mercator square clamp onto its edge rows.
    CHECK(TileMath::tileAt(QGeoCoordinate(89.9, 179.99), 3) == TileId{3, 7, 0});
    CHECK(TileMath::tileAt(QGeoCoordinate(-89.9, -180), 3) == TileId{3, 0, 7});
    // The tile's origin is its north-west corner, and it lies in the tile.
    const TileId t{12, 3261, 2118};
    const QGeoCoordinate nw = TileMath::tileOrigin(t);
    CHECK(nw.longitude() == Approx(3261.0 / 4096 * 360 - 180));
    const TileId again =
        TileMath::tileAt(QGeoCoordinate(nw.latitude() - 1e-9, nw.longitude() + 1e-9), 12);
    CHECK(again == t);
}

TEST_CASE("World pixels and coordinates convert back and forth at fractional zooms")
{
    const QGeoCoordinate cityHall(-6.176, 106.633);
    for (double zoom : {0.0, 10.0, 12.5, 15.25, 19.0}) {
        INFO("zoom " << zoom);
        const QPointF p = TileMath::worldPixel(cityHall, zoom);
        CHECK(p.x() >= 0);
        CHECK(p.x() <= TileMath::worldSize(zoom));
        const QGeoCoordinate back = TileMath::fromWorldPixel(p, zoom);
        CHECK(back.latitude() == Approx(cityHall.latitude()).margin(1e-9));
        CHECK(back.longitude() == Approx(cityHall.longitude()).margin(1e-9));
    }
    // One zoom level doubles the pixels.
    const QPointF a = TileMath::worldPixel(cityHall, 12);
    const QPointF b = TileMath::worldPixel(cityHall, 13);
    CHECK(b.x() == Approx(2 * a.x()));
    CHECK(b.y() == Approx(2 * a.y()));
    // A world pixel at zoom z divided by 256 is the tile number.
    CHECK(int(a.x() / 256) == 3261);
    CHECK(int(a.y() / 256) == 2118);
}

TEST_CASE("The TMS row flip counts rows from the south and is its own inverse")
{
    CHECK(TileMath::tmsRow(0, 0) == 0);
    CHECK(TileMath::tmsRow(1, 0) == 1);
    CHECK(TileMath::tmsRow(12, 2118) == 1977);
    for (int z : {1, 5, 12, 19}) {
        for (int y : {0, 1, (1 << z) - 1}) {
            CHECK(TileMath::tmsRow(z, TileMath::tmsRow(z, y)) == y);
        }
    }
}

TEST_CASE("Metres per pixel shrink with zoom and towards the poles")
{
    // 156 543 m per pixel at zoom 0 on the equator, the well-known figure.
    CHECK(TileMath::metresPerPixel(0, 0) == Approx(156543.03).epsilon(1e-6));
    CHECK(TileMath::metresPerPixel(-6.18, 13) ==
          Approx(156543.03 * std::cos(6.18 * M_PI / 180) / 8192).epsilon(1e-6));
    CHECK(TileMath::metresPerPixel(60, 0) == Approx(156543.03 / 2).epsilon(1e-6));
}
