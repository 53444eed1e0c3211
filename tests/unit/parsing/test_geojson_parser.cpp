#include "ParsingTestSupport.h"
#include "parsing/GeoJsonParser.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace tlr;
using tlr::test::describe;
using tlr::test::fixture;
using Kind = ParseProblem::Kind;
using Level = ParseProblem::Level;

namespace {

ParseContext context()
{
    ParseContext c;
    c.feedId = QStringLiteral("dlh-banjir");
    c.kind = FeedKind::Environment;
    c.now = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    return c;
}

ParseResult parseGeoJson(const QByteArray &json, ParseContext c = context())
{
    return GeoJsonParser(std::move(c)).parse(json);
}

QList<Observation> observations(const ParseResult &result)
{
    QList<Observation> list;
    for (const auto &event : result.events)
        list.append(std::get<Observation>(event));
    return list;
}

QByteArray point(const QByteArray &coordinates, const QByteArray &properties = "{}")
{
    return R"({"type":"Feature","geometry":{"type":"Point","coordinates":)" + coordinates +
           R"(},"properties":)" + properties + "}";
}

} // namespace

TEST_CASE("GeoJSON: DLH flood reports, one feature with bad coordinates skipped")
{
    const auto result = parseGeoJson(fixture(QStringLiteral("geojson/dlh-flood-reports.geojson")));
    INFO(describe(result).toStdString());
    CHECK_FALSE(result.isRejected());
    const auto o = observations(result);
    REQUIRE(o.size() == 4);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems.first().level == Level::Warning);
    CHECK(result.problems.first().kind == Kind::OutOfRange);
    CHECK(result.problems.first().path == QStringLiteral("features[4].geometry.coordinates"));

    CHECK(o.at(0).source == QStringLiteral("dlh-banjir"));
    CHECK(o.at(0).entityId == QStringLiteral("DLH-BANJIR-0001"));
    CHECK(o.at(0).entityType == QStringLiteral("FloodReport"));
    CHECK(o.at(0).kind == FeedKind::Environment);
    CHECK(o.at(0).kecamatan == QStringLiteral("Periuk"));
    CHECK(o.at(0).status == QStringLiteral("active"));
    CHECK(o.at(0).observedAt == QDateTime(QDate(2026, 11, 23), QTime(2, 40), Qt::UTC));
    CHECK(o.at(0).location.latitude() == Approx(-6.1718));
    CHECK(o.at(0).location.longitude() == Approx(106.6012));
    CHECK(*o.at(0).value(u"depth_cm") == 45);

    // A feature's own id wins; the polygon is pinned at its centroid; +07:00 becomes UTC.
    CHECK(o.at(1).entityId == QStringLiteral("DLH-BANJIR-0002"));
    CHECK(o.at(1).location.latitude() == Approx(-6.17));
    CHECK(o.at(1).location.longitude() == Approx(106.61));
    CHECK(o.at(1).observedAt == QDateTime(QDate(2026, 11, 23), QTime(2, 45), Qt::UTC));

    CHECK(o.at(2).entityType == QStringLiteral("Embankment"));
    CHECK(o.at(2).path.size() == 3);
    CHECK(o.at(2).location.longitude() == Approx(106.64).epsilon(1e-4));
    CHECK(o.at(2).measurements.isEmpty());

    // A MultiPolygon is pinned on its largest polygon; dateObserved is read too.
    CHECK(o.at(3).location.latitude() == Approx(-6.12));
    CHECK(o.at(3).location.longitude() == Approx(106.62));
    CHECK(o.at(3).observedAt == QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
}

TEST_CASE("GeoJSON: a single Feature, and a null geometry")
{
    const auto single = parseGeoJson(point("[106.6,-6.17]", R"({"id":"a","depth_cm":10})"));
    REQUIRE(single.events.size() == 1);
    CHECK(std::get<Observation>(single.events.first()).entityType == QStringLiteral("Feature"));

    const auto unlocated =
        parseGeoJson(R"({"type":"Feature","id":"x","geometry":null,"properties":{"depth_cm":3}})");
    REQUIRE(unlocated.events.size() == 1);
    CHECK(unlocated.problems.isEmpty());
    CHECK_FALSE(std::get<Observation>(unlocated.events.first()).location.isValid());

    const auto empty = parseGeoJson(R"({"type":"FeatureCollection","features":[]})");
    CHECK_FALSE(empty.isRejected());
    CHECK(empty.events.isEmpty());
}

TEST_CASE("GeoJSON: bad features are skipped with their path, the good ones kept")
{
    struct Case
    {
        const char *name;
        QByteArray feature;
        Kind kind;
        QString path;
    };
    const Case cases[] = {
        {"longitude over 180", point("[186.6,-6.17]"), Kind::OutOfRange,
         QStringLiteral("features[1].geometry.coordinates")},
        {"coordinates as strings", point(R"(["106.6","-6.17"])"), Kind::OutOfRange,
         QStringLiteral("features[1].geometry.coordinates")},
        {"geometry a string", R"({"type":"Feature","geometry":"here","properties":{}})",
         Kind::WrongType, QStringLiteral("features[1].geometry")},
        {"properties an array", point("[106.6,-6.17]", "[1]"), Kind::WrongType,
         QStringLiteral("features[1].properties")},
        {"not a Feature", R"({"type":"Point","coordinates":[1,2]})", Kind::WrongType,
         QStringLiteral("features[1].type")},
        {"bad time", point("[106.6,-6.17]", R"({"observedAt":"kemarin"})"), Kind::WrongType,
         QStringLiteral("features[1].properties.observedAt")},
        {"future time", point("[106.6,-6.17]", R"({"observedAt":"2026-11-24T00:00:00Z"})"),
         Kind::OutOfRange, QStringLiteral("features[1].properties.observedAt")},
        {"polygon not closed",
         R"({"type":"Feature","properties":{},)"
         R"("geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,3]]]}})",
         Kind::OutOfRange, QStringLiteral("features[1].geometry.coordinates[0]")},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const QByteArray collection = R"({"type":"FeatureCollection","features":[)" +
                                      point("[106.6,-6.17]", R"({"id":"good"})") + "," +
                                      c.feature + "]}";
        const auto result = parseGeoJson(collection);
        INFO(describe(result).toStdString());
        CHECK_FALSE(result.isRejected());
        REQUIRE(result.events.size() == 1);
        CHECK(std::get<Observation>(result.events.first()).entityId == QStringLiteral("good"));
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems.first().level == Level::Warning);
        CHECK(result.problems.first().kind == c.kind);
        CHECK(result.problems.first().path == c.path);
    }
}

TEST_CASE("GeoJSON: a string where a property string belongs is a warning only")
{
    const auto result = parseGeoJson(point("[106.6,-6.17]", R"({"kecamatan":5,"depth_cm":7})"));
    REQUIRE(result.events.size() == 1);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems.first().path == QStringLiteral("properties.kecamatan"));
    CHECK(result.problems.first().level == Level::Warning);
}

TEST_CASE("GeoJSON: rejected documents")
{
    struct Case
    {
        const char *name;
        QByteArray json;
        Kind kind;
        QString path;
    };
    const Case cases[] = {
        {"not JSON", "{\"type\":\"Feature", Kind::Malformed, {}},
        {"not GeoJSON", R"({"type":"Topology"})", Kind::Unsupported, QStringLiteral("type")},
        {"features not an array", R"({"type":"FeatureCollection","features":{}})", Kind::WrongType,
         QStringLiteral("features")},
        {"no features", R"({"type":"FeatureCollection"})", Kind::MissingField,
         QStringLiteral("features")},
        {"no usable feature",
         R"({"type":"FeatureCollection","features":[)" + point("[1,100]") + "]}", Kind::Malformed,
         QStringLiteral("features")},
        {"lone feature with bad coordinates", point("[1,100]"), Kind::OutOfRange,
         QStringLiteral("geometry.coordinates")},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = parseGeoJson(c.json);
        INFO(describe(result).toStdString());
        CHECK(result.isRejected());
        CHECK(result.events.isEmpty());
        REQUIRE_FALSE(result.problems.isEmpty());
        CHECK(result.problems.last().kind == c.kind);
        CHECK(result.problems.last().path == c.path);
    }
}

TEST_CASE("GeoJSON: feature count, vertex, depth and size limits")
{
    ParseContext c = context();
    c.limits.maxFeatures = 1;
    const QByteArray two = R"({"type":"FeatureCollection","features":[)" + point("[1,1]") + "," +
                           point("[2,2]") + "]}";
    const auto tooMany = parseGeoJson(two, c);
    CHECK(tooMany.isRejected());
    CHECK(tooMany.problems.last().kind == Kind::TooLarge);

    c = context();
    c.limits.maxPolygonVertices = 4;
    const QByteArray bigPolygon =
        R"({"type":"FeatureCollection","features":[)" + point("[1,1]") +
        R"(,{"type":"Feature","properties":{},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}}]})";
    const auto vertices = parseGeoJson(bigPolygon, c);
    CHECK(vertices.events.size() == 1);
    REQUIRE(vertices.problems.size() == 1);
    CHECK(vertices.problems.first().kind == Kind::TooLarge);
    CHECK(vertices.problems.first().path.startsWith(QStringLiteral("features[1].geometry")));

    c = context();
    c.limits.maxNestingDepth = 4;
    const auto deep = parseGeoJson(
        R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
        R"("geometry":{"type":"Polygon","coordinates":[[[1,1]]]}}]})",
        c);
    CHECK(deep.isRejected());
    CHECK(deep.problems.last().kind == Kind::TooDeep);

    c = context();
    c.limits.maxMessageBytes = 10;
    CHECK(parseGeoJson(point("[1,1]"), c).problems.last().kind == Kind::TooLarge);
}

TEST_CASE("GeoJSON: the parsed-value path equals the bytes path")
{
    const QByteArray bytes = fixture(QStringLiteral("geojson/dlh-flood-reports.geojson"));
    const auto fromValue =
        GeoJsonParser(context()).parse(QJsonValue(QJsonDocument::fromJson(bytes).object()));
    const auto fromBytes = parseGeoJson(bytes);
    CHECK(fromValue.events.size() == fromBytes.events.size());
    CHECK(fromValue.problems.size() == fromBytes.problems.size());
}
