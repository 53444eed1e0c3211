#include "map/BaseMapReader.h"

#include <catch2/catch.hpp>

using namespace tlr;
using Kind = BaseMapFeature::Kind;

TEST_CASE("The built-in base map has the city, its 13 kecamatan and the Cisadane")
{
    const auto result = BaseMapReader::readBuiltin();
    REQUIRE(result.ok());
    CHECK(result.problems.isEmpty());
    const BaseMap &map = result.map;
    CHECK(map.attribution.contains(QStringLiteral("schematic")));
    const QStringList names = {
        QStringLiteral("Batuceper"),     QStringLiteral("Benda"),    QStringLiteral("Cibodas"),
        QStringLiteral("Ciledug"),       QStringLiteral("Cipondoh"), QStringLiteral("Jatiuwung"),
        QStringLiteral("Karang Tengah"), QStringLiteral("Karawaci"), QStringLiteral("Larangan"),
        QStringLiteral("Neglasari"),     QStringLiteral("Periuk"),   QStringLiteral("Pinang"),
        QStringLiteral("Tangerang")};
    int kecamatan = 0;
    for (const auto &f : map.features)
        kecamatan += f.kind == Kind::Kecamatan ? 1 : 0;
    CHECK(kecamatan == 13);
    const BaseMapFeature *city = map.find(Kind::City, u"Kota Tangerang");
    REQUIRE(city);
    for (const auto &name : names) {
        INFO(name.toStdString());
        const BaseMapFeature *k = map.find(Kind::Kecamatan, name);
        REQUIRE(k);
        CHECK(k->population > 0);
        CHECK(k->parts.size() == 1);
        CHECK(k->parts.front().size() >= 4);
        CHECK(city->bounds.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(k->bounds));
        CHECK(k->bounds.contains(k->labelAt));
    }
    // The river runs south to north through the city around longitude 106.62–106.64.
    const BaseMapFeature *river = map.find(Kind::River, u"Sungai Cisadane");
    REQUIRE(river);
    const auto &line = river->parts.front();
    CHECK(line.front().y() < city->bounds.top());   // enters south of the city
    CHECK(line.back().y() > city->bounds.bottom()); // leaves north of it
    for (const QPointF &p : line) {
        if (p.y() > -6.23 && p.y() < -6.15) {
            CHECK(p.x() > 106.62);
            CHECK(p.x() < 106.64);
        }
    }
    // Landmarks where the brief and the simulator put them.
    const BaseMapFeature *hall = map.find(Kind::Landmark, u"Puspemkot Tangerang");
    REQUIRE(hall);
    CHECK(hall->landmark == BaseMapFeature::Landmark::CityHall);
    CHECK(hall->labelAt.y() == Approx(-6.176));
    const BaseMapFeature *gate = map.find(Kind::Landmark, u"Pintu Air 10");
    REQUIRE(gate);
    CHECK(gate->landmark == BaseMapFeature::Landmark::Sluice);
    CHECK(map.find(Kind::TollRoad, u"Jalan Tol Jakarta-Tangerang"));
}

TEST_CASE("A bad base map feature is skipped with a warning, the rest kept")
{
    const QByteArray json = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"kecamatan","name":"A","population":10},
         "geometry":{"type":"Polygon","coordinates":[[[106.6,-6.2],[106.7,-6.2],[106.7,-6.1],[106.6,-6.2]]]}},
        {"type":"Feature","properties":{"kind":"volcano","name":"B"},
         "geometry":{"type":"Point","coordinates":[106.6,-6.2]}},
        {"type":"Feature","properties":{"kind":"landmark","name":"C","landmark":"hospital"},
         "geometry":{"type":"Point","coordinates":[106.6,"x"]}},
        {"type":"Feature","properties":{"kind":"road","name":"D"},
         "geometry":{"type":"LineString","coordinates":[[106.6,-6.2],[400,-6.2]]}},
        {"type":"Feature","properties":{"kind":"landmark","name":"E","landmark":"hospital"},
         "geometry":{"type":"Point","coordinates":[106.65,-6.15]}}
    ]})";
    const auto result = BaseMapReader::read(json);
    CHECK(result.ok());
    REQUIRE(result.map.features.size() == 2);
    CHECK(result.map.features[0].name == QStringLiteral("A"));
    CHECK(result.map.features[1].landmark == BaseMapFeature::Landmark::Hospital);
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].path == QStringLiteral("features[1].properties.kind"));
    CHECK(result.problems[1].path == QStringLiteral("features[2].geometry.coordinates"));
    CHECK(result.problems[2].path == QStringLiteral("features[3].geometry.coordinates"));
}

TEST_CASE("A base map that is not GeoJSON is an error")
{
    CHECK_FALSE(BaseMapReader::read("{\"type\":").ok());
    CHECK_FALSE(BaseMapReader::read(R"({"type":"Feature"})").ok());
}
