#include "ParsingTestSupport.h"
#include "parsing/NgsiLdParser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace tlr;
using tlr::test::describe;
using tlr::test::findProblem;
using tlr::test::fixture;
using Kind = ParseProblem::Kind;
using Level = ParseProblem::Level;

namespace {

ParseContext context(FeedKind kind = FeedKind::Unknown)
{
    ParseContext c;
    c.feedId = QStringLiteral("ngsi-feed");
    c.kind = kind;
    c.now = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    return c;
}

ParseResult parseNgsi(const QByteArray &json, ParseContext c = context())
{
    return NgsiLdParser(std::move(c)).parse(json);
}

template <typename Event> QList<Event> eventsOf(const ParseResult &result)
{
    QList<Event> events;
    for (const auto &event : result.events) {
        if (const auto *e = std::get_if<Event>(&event))
            events.append(*e);
    }
    return events;
}

Observation onlyObservation(const ParseResult &result)
{
    INFO(describe(result).toStdString());
    REQUIRE_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 1);
    REQUIRE(std::holds_alternative<Observation>(result.events.first()));
    return std::get<Observation>(result.events.first());
}

Measurement measurement(const Observation &observation, const QString &quantity)
{
    for (const auto &m : observation.measurements) {
        if (m.quantity == quantity)
            return m;
    }
    FAIL("no measurement " << quantity.toStdString());
    return {};
}

} // namespace

TEST_CASE("NGSI-LD TrafficFlowObserved, normalized and keyValues, read the same")
{
    for (const auto *name : {"ngsi/TrafficFlowObserved-normalized.jsonld",
                             "ngsi/TrafficFlowObserved-keyvalues.jsonld"}) {
        INFO(name);
        const auto result = parseNgsi(fixture(QString::fromLatin1(name)));
        CHECK(result.problems.isEmpty());
        const Observation o = onlyObservation(result);
        CHECK(o.source == QStringLiteral("ngsi-feed"));
        CHECK(o.entityId ==
              QStringLiteral(
                  "urn:ngsi-ld:TrafficFlowObserved:TrafficFlowObserved-Valladolid-osm-60821110"));
        CHECK(o.entityType == QStringLiteral("TrafficFlowObserved"));
        CHECK(o.kind == FeedKind::Traffic);
        CHECK(o.kecamatan == QStringLiteral("Valladolid"));
        // dateObserved is an interval: the reading describes its end.
        CHECK(o.observedAt == QDateTime(QDate(2016, 12, 7), QTime(11, 15), Qt::UTC));
        REQUIRE(o.path.size() == 3);
        CHECK(o.path.at(0).longitude() == Approx(-4.73735395519672));
        CHECK(o.path.at(0).latitude() == Approx(41.6538181849672));
        CHECK(o.path.at(2).latitude() == Approx(41.659585195093));
        // The middle of the line by length lies on its first, longer segment.
        REQUIRE(o.location.isValid());
        const double total =
            o.path.at(0).distanceTo(o.path.at(1)) + o.path.at(1).distanceTo(o.path.at(2));
        CHECK(o.path.at(0).distanceTo(o.location) == Approx(total / 2).epsilon(0.01));
        CHECK(*o.value(u"averageVehicleSpeed") == Approx(52.6));
        CHECK(*o.value(u"intensity") == 197);
        CHECK(*o.value(u"occupancy") == Approx(0.76));
        CHECK_FALSE(o.value(u"reversedLane")); // booleans are not measurements
        CHECK_FALSE(o.value(u"laneDirection"));
    }
    const Observation normalized = onlyObservation(
        parseNgsi(fixture(QStringLiteral("ngsi/TrafficFlowObserved-normalized.jsonld"))));
    CHECK(measurement(normalized, QStringLiteral("averageVehicleSpeed")).unit ==
          QStringLiteral("KMH"));
    CHECK(measurement(normalized, QStringLiteral("occupancy")).unit == QStringLiteral("P1"));
}

TEST_CASE("NGSI-LD AirQualityObserved: units, ISPU level as status, a time without offset is UTC")
{
    for (const auto *name : {"ngsi/AirQualityObserved-normalized.jsonld",
                             "ngsi/AirQualityObserved-keyvalues.jsonld"}) {
        INFO(name);
        const auto result = parseNgsi(fixture(QString::fromLatin1(name)));
        CHECK(result.problems.isEmpty());
        const Observation o = onlyObservation(result);
        CHECK(o.kind == FeedKind::Environment);
        CHECK(o.kecamatan == QStringLiteral("Madrid"));
        CHECK(o.status == QStringLiteral("moderate"));
        CHECK(o.observedAt == QDateTime(QDate(2016, 3, 15), QTime(11, 0), Qt::UTC));
        CHECK(o.location.latitude() == Approx(40.423852777777775));
        CHECK(o.location.longitude() == Approx(-3.712247222222222));
        CHECK(o.path.isEmpty());
        CHECK(*o.value(u"no2") == 69);
        CHECK(*o.value(u"airQualityIndex") == 65);
        CHECK(*o.value(u"temperature") == Approx(12.2));
        CHECK(o.measurements.size() == 11);
    }
    const Observation normalized = onlyObservation(
        parseNgsi(fixture(QStringLiteral("ngsi/AirQualityObserved-normalized.jsonld"))));
    CHECK(measurement(normalized, QStringLiteral("co")).unit == QStringLiteral("GP"));
    CHECK(measurement(normalized, QStringLiteral("no2")).unit == QStringLiteral("GQ"));
    CHECK(measurement(normalized, QStringLiteral("temperature")).unit.isEmpty());
}

TEST_CASE("NGSI-LD WaterQualityObserved: only numbers become measurements")
{
    for (const auto *name : {"ngsi/WaterQualityObserved-normalized.jsonld",
                             "ngsi/WaterQualityObserved-keyvalues.jsonld"}) {
        INFO(name);
        const Observation o = onlyObservation(parseNgsi(fixture(QString::fromLatin1(name))));
        CHECK(o.kind == FeedKind::Water);
        CHECK(o.observedAt == QDateTime(QDate(2017, 1, 31), QTime(6, 45), Qt::UTC));
        CHECK(o.measurements.size() == 5);
        CHECK(*o.value(u"pH") == Approx(7.4));
        CHECK(*o.value(u"flow") == Approx(127.53));
        CHECK_FALSE(o.value(u"TKN"));
        CHECK_FALSE(o.value(u"measurand"));
    }
    const Observation normalized = onlyObservation(
        parseNgsi(fixture(QStringLiteral("ngsi/WaterQualityObserved-normalized.jsonld"))));
    CHECK(measurement(normalized, QStringLiteral("temperature")).unit == QStringLiteral("CEL"));
}

TEST_CASE("NGSI-LD Alert becomes a CAP-shaped tlr::Alert")
{
    for (const auto *name : {"ngsi/Alert-normalized.jsonld", "ngsi/Alert-keyvalues.jsonld"}) {
        INFO(name);
        const auto result = parseNgsi(fixture(QString::fromLatin1(name)));
        INFO(describe(result).toStdString());
        CHECK(result.problems.isEmpty());
        REQUIRE(result.events.size() == 1);
        REQUIRE(std::holds_alternative<Alert>(result.events.first()));
        const Alert alert = std::get<Alert>(result.events.first());
        CHECK(alert.source == QStringLiteral("ngsi-feed"));
        CHECK(alert.identifier == QStringLiteral("urn:ngsi-ld:Alert:Alert:1"));
        CHECK(alert.sender == QStringLiteral("https://account.lab.fiware.org/users/8"));
        CHECK(alert.sent == QDateTime(QDate(2017, 1, 2), QTime(9, 25, 55), Qt::UTC));
        CHECK(alert.status == Alert::Status::Actual);
        CHECK(alert.msgType == Alert::MsgType::Alert);
        REQUIRE(alert.infos.size() == 1);
        const AlertInfo info = alert.infos.first();
        CHECK(info.categories == QList<AlertInfo::Category>{AlertInfo::Category::Transport});
        CHECK(info.event == QStringLiteral("trafficJam"));
        CHECK(info.severity == Severity::Severe);
        CHECK(info.description == QStringLiteral("The road is completely blocked for 3kms"));
        CHECK(info.effective == QDateTime(QDate(2017, 1, 2), QTime(9, 25, 55), Qt::UTC));
        CHECK(info.expires == QDateTime(QDate(2017, 1, 2), QTime(10, 25, 55), Qt::UTC));
        REQUIRE(info.areas.size() == 1);
        REQUIRE(info.areas.first().circles.size() == 1);
        CHECK(info.areas.first().circles.first().center().latitude() ==
              Approx(40.423852777777775));
        CHECK(info.areas.first().circles.first().radius() == 0.0);
    }
}

TEST_CASE("NGSI Alert severities and categories map onto CAP's")
{
    const std::pair<const char *, Severity> severities[] = {
        {"informational", Severity::Minor}, {"low", Severity::Minor},
        {"medium", Severity::Moderate},     {"high", Severity::Severe},
        {"critical", Severity::Extreme},
    };
    const std::pair<const char *, AlertInfo::Category> categories[] = {
        {"traffic", AlertInfo::Category::Transport},   {"weather", AlertInfo::Category::Met},
        {"environment", AlertInfo::Category::Env},     {"health", AlertInfo::Category::Health},
        {"security", AlertInfo::Category::Security},   {"agriculture", AlertInfo::Category::Other},
        {"naturalDisaster", AlertInfo::Category::Geo},
    };
    const auto alertWith = [](const char *category, const char *severity) {
        return QByteArray(R"({"id":"urn:ngsi-ld:Alert:a","type":"Alert","category":")") +
               category + R"(","severity":")" + severity +
               R"(","dateIssued":"2026-11-23T02:00:00Z",)"
               R"("location":{"type":"Point","coordinates":[106.6,-6.17]}})";
    };
    for (const auto &[text, severity] : severities) {
        const auto result = parseNgsi(alertWith("traffic", text));
        REQUIRE(result.events.size() == 1);
        CHECK(std::get<Alert>(result.events.first()).infos.first().severity == severity);
        CHECK(std::get<Alert>(result.events.first()).infos.first().event ==
              QStringLiteral("traffic"));
    }
    for (const auto &[text, category] : categories) {
        const auto result = parseNgsi(alertWith(text, "low"));
        REQUIRE(result.events.size() == 1);
        CHECK(std::get<Alert>(result.events.first()).infos.first().categories.first() == category);
    }
    const auto unknown = parseNgsi(alertWith("volcano", "apocalyptic"));
    REQUIRE(unknown.events.size() == 1);
    const Alert alert = std::get<Alert>(unknown.events.first());
    CHECK(alert.infos.first().severity == Severity::Unknown);
    CHECK(alert.infos.first().categories.first() == AlertInfo::Category::Unknown);
    REQUIRE(findProblem(unknown, QStringLiteral("severity")));
    CHECK(findProblem(unknown, QStringLiteral("severity"))->level == Level::Warning);
    REQUIRE(findProblem(unknown, QStringLiteral("category")));

    const auto noCategory = parseNgsi(
        R"({"id":"urn:ngsi-ld:Alert:b","type":"Alert","dateIssued":"2026-11-23T02:00:00Z"})");
    CHECK(noCategory.isRejected());
    REQUIRE(findProblem(noCategory, QStringLiteral("category")));
    CHECK(findProblem(noCategory, QStringLiteral("category"))->kind == Kind::MissingField);
}

TEST_CASE("NGSI-LD notification: the property's observedAt dates the reading")
{
    const auto result = parseNgsi(fixture(QStringLiteral("ngsi/Notification-beehive.json")),
                                  context(FeedKind::Environment));
    const Observation o = onlyObservation(result);
    CHECK(o.entityId == QStringLiteral("urn:ngsi-ld:BeeHive:01"));
    CHECK(o.kind == FeedKind::Environment); // not in the table: the feed's kind
    CHECK(o.observedAt == QDateTime(QDate(2019, 10, 26), QTime(22, 35, 52, 986), Qt::UTC));
    CHECK(measurement(o, QStringLiteral("temperature")).value == 42);
    CHECK(measurement(o, QStringLiteral("temperature")).unit == QStringLiteral("CEL"));
}

TEST_CASE("NGSI-LD notification with one bad entity keeps the good ones")
{
    const auto result =
        parseNgsi(fixture(QStringLiteral("ngsi/Notification-tangerang-one-bad-entity.json")),
                  context(FeedKind::Water));
    INFO(describe(result).toStdString());
    CHECK_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 2);
    REQUIRE(result.problems.size() == 1);
    const ParseProblem problem = result.problems.first();
    CHECK(problem.level == Level::Warning);
    CHECK(problem.kind == Kind::OutOfRange);
    CHECK(problem.path == QStringLiteral("data[1].location.coordinates"));

    const auto observations = eventsOf<Observation>(result);
    const Observation beds = observations.at(0);
    CHECK(beds.entityType == QStringLiteral("BedOccupancyObserved"));
    CHECK(beds.kind == FeedKind::Health);
    CHECK(beds.name == QStringLiteral("RSUD Kota Tangerang"));
    CHECK(beds.kecamatan == QStringLiteral("Tangerang"));
    CHECK(*beds.value(u"icuBedsOccupied") == 17);
    CHECK(*beds.value(u"wardBedsTotal") == 250);
    CHECK(beds.measurements.size() == 6);

    const Observation pump = observations.at(1);
    CHECK(pump.entityType == QStringLiteral("WaterNetworkObserved"));
    CHECK(pump.kind == FeedKind::Water);
    CHECK(pump.status == QStringLiteral("running"));
    CHECK(pump.kecamatan == QStringLiteral("Neglasari"));
    CHECK(pump.observedAt == QDateTime(QDate(2026, 11, 22), QTime(19, 58), Qt::UTC));
    CHECK(measurement(pump, QStringLiteral("pressure")).unit == QStringLiteral("BAR"));
    CHECK(*pump.value(u"pressure") == Approx(2.4));
}

TEST_CASE("NGSI: the simulator's entity types map to feed kinds and states")
{
    const QByteArray entities = R"([
      {"id":"urn:ngsi-ld:Vehicle:amb-1","type":"Vehicle","vehicleType":"ambulance",
       "serviceStatus":"onRoute","speed":38.5,
       "location":{"type":"Point","coordinates":[106.63,-6.18]},
       "kecamatan":"Cipondoh","address":{"addressLocality":"Tangerang"}},
      {"id":"urn:ngsi-ld:Vehicle:bus-1","type":"Vehicle","vehicleType":"bus","speed":20},
      {"id":"urn:ngsi-ld:Device:cctv-12","type":"Device","deviceState":"online",
       "address":{"addressLocality":"Karawaci"}},
      {"id":"urn:ngsi-ld:WaterObserved:cisadane","type":"WaterObserved","height":3.2},
      {"id":"urn:ngsi-ld:WeatherObserved:aws-1","type":"WeatherObserved","precipitation":12.5},
      {"id":"urn:ngsi-ld:FloodZone:f","type":"FloodZone","location":{"type":"Polygon",
       "coordinates":[[[106.60,-6.18],[106.62,-6.18],[106.62,-6.16],[106.60,-6.16],
                       [106.60,-6.18]]]}}
    ])";
    const auto result = parseNgsi(entities, context(FeedKind::Traffic));
    INFO(describe(result).toStdString());
    CHECK(result.problems.isEmpty());
    const auto o = eventsOf<Observation>(result);
    REQUIRE(o.size() == 6);
    CHECK(o.at(0).kind == FeedKind::Health);
    CHECK(o.at(0).status == QStringLiteral("onRoute"));
    CHECK(o.at(0).kecamatan == QStringLiteral("Cipondoh")); // "kecamatan" wins over the address
    CHECK(o.at(1).kind == FeedKind::Traffic);
    CHECK(o.at(2).kind == FeedKind::Traffic);
    CHECK(o.at(2).status == QStringLiteral("online"));
    CHECK(o.at(2).kecamatan == QStringLiteral("Karawaci"));
    CHECK(o.at(3).kind == FeedKind::Environment);
    CHECK(*o.at(3).value(u"height") == Approx(3.2));
    CHECK(o.at(4).kind == FeedKind::Environment);
    CHECK(o.at(5).location.latitude() == Approx(-6.17));
    CHECK(o.at(5).location.longitude() == Approx(106.61));
    CHECK_FALSE(o.at(1).observedAt.isValid()); // no time anywhere: left unset, not invented
}

TEST_CASE("NGSI v2 normalized entities are read, units from metadata")
{
    const QByteArray entity = R"({"id":"TrafficFlowObserved:dmg-03","type":"TrafficFlowObserved",
      "averageVehicleSpeed":{"type":"Number","value":23.5,
                             "metadata":{"unitCode":{"type":"Text","value":"KMH"}}},
      "dateObserved":{"type":"DateTime","value":"2026-11-23T02:55:00Z"},
      "location":{"type":"geo:json","value":{"type":"Point","coordinates":[106.62,-6.17]}},
      "kecamatan":{"type":"Text","value":"Cibodas"}})";
    const Observation o = onlyObservation(parseNgsi(entity));
    CHECK(measurement(o, QStringLiteral("averageVehicleSpeed")).unit == QStringLiteral("KMH"));
    CHECK(*o.value(u"averageVehicleSpeed") == Approx(23.5));
    CHECK(o.kecamatan == QStringLiteral("Cibodas"));
    CHECK(o.observedAt == QDateTime(QDate(2026, 11, 23), QTime(2, 55), Qt::UTC));
}

TEST_CASE("NGSI: the parsed-value path gives the same result as the bytes")
{
    const QByteArray bytes =
        fixture(QStringLiteral("ngsi/Notification-tangerang-one-bad-entity.json"));
    const auto fromBytes = parseNgsi(bytes);
    const auto fromValue =
        NgsiLdParser(context()).parse(QJsonValue(QJsonDocument::fromJson(bytes).object()));
    REQUIRE(fromBytes.events.size() == fromValue.events.size());
    CHECK(fromBytes.problems.size() == fromValue.problems.size());
    CHECK(std::get<Observation>(fromValue.events.at(1)).measurements.size() ==
          std::get<Observation>(fromBytes.events.at(1)).measurements.size());
}

TEST_CASE("NGSI: wrong types of known attributes are warnings, the entity is kept")
{
    const auto result = parseNgsi(R"({"id":"urn:ngsi-ld:TrafficFlowObserved:x",
        "type":"TrafficFlowObserved","averageVehicleSpeed":"fast","intensity":"NaN",
        "occupancy":{"type":"Property","value":0.5},"name":17,
         "dateObserved":"2026-11-23T02:00:00Z"})");
    const Observation o = onlyObservation(result);
    CHECK(o.measurements.size() == 1);
    CHECK(*o.value(u"occupancy") == 0.5);
    for (const auto *path : {"averageVehicleSpeed", "intensity", "name"}) {
        INFO(path);
        const auto *problem = findProblem(result, QString::fromLatin1(path));
        REQUIRE(problem);
        CHECK(problem->level == Level::Warning);
        CHECK(problem->kind == Kind::WrongType);
    }
}

TEST_CASE("NGSI: a non-finite number is not a measurement")
{
    // Qt's JSON reader refuses 1e400 outright; a value built in memory can still carry one.
    CHECK(parseNgsi(R"({"id":"urn:x","type":"WaterObserved","height":1e400})").isRejected());
    const QJsonObject entity{{QStringLiteral("id"), QStringLiteral("urn:x")},
                             {QStringLiteral("type"), QStringLiteral("WaterObserved")},
                             {QStringLiteral("height"), std::numeric_limits<double>::infinity()},
                             {QStringLiteral("flow"), 2}};
    const auto result = NgsiLdParser(context()).parse(QJsonValue(entity));
    const Observation o = onlyObservation(result);
    CHECK_FALSE(o.value(u"height"));
    CHECK(*o.value(u"flow") == 2);
}

TEST_CASE("NGSI: rejected documents and entities say why and where")
{
    struct Case
    {
        const char *name;
        QByteArray json;
        Kind kind;
        QString path;
    };
    const Case cases[] = {
        {"not JSON", R"({"id":"x","type":)", Kind::Malformed, {}},
        {"NaN literal", R"({"id":"x","type":"T","v":NaN})", Kind::Malformed, {}},
        {"a number", "42", Kind::Malformed, {}},
        {"a string root", R"("entity")", Kind::Malformed, {}},
        {"no id", R"({"type":"T"})", Kind::MissingField, QStringLiteral("id")},
        {"id a number", R"({"id":7,"type":"T"})", Kind::WrongType, QStringLiteral("id")},
        {"no type", R"({"id":"urn:x"})", Kind::MissingField, QStringLiteral("type")},
        {"location a string", R"({"id":"urn:x","type":"T","location":"Periuk"})", Kind::OutOfRange,
         QStringLiteral("location")},
        {"location a number", R"({"id":"urn:x","type":"T","location":5})", Kind::WrongType,
         QStringLiteral("location")},
        {"latitude out of range",
         R"({"id":"urn:x","type":"T","location":{"type":"Point","coordinates":[106.6,-96.1]}})",
         Kind::OutOfRange, QStringLiteral("location.coordinates")},
        {"coordinates strings",
         R"({"id":"urn:x","type":"T","location":{"type":"Point","coordinates":["106.6","-6.1"]}})",
         Kind::OutOfRange, QStringLiteral("location.coordinates")},
        {"line with one point",
         R"({"id":"urn:x","type":"T",)"
         R"("location":{"type":"LineString","coordinates":[[106.6,-6.1]]}})",
         Kind::OutOfRange, QStringLiteral("location.coordinates")},
        {"unclosed polygon",
         R"({"id":"urn:x","type":"T",)"
         R"("location":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,2]]]}})",
         Kind::OutOfRange, QStringLiteral("location.coordinates[0]")},
        {"unknown geometry",
         R"({"id":"urn:x","type":"T","location":{"type":"Circle","coordinates":[1,1]}})",
         Kind::Unsupported, QStringLiteral("location.type")},
        {"future reading",
         R"({"id":"urn:x","type":"T","dateObserved":"2026-11-23T03:06:00Z","v":1})",
         Kind::OutOfRange, QStringLiteral("dateObserved")},
        {"notification data not an array",
         R"({"type":"Notification","notifiedAt":"2026-11-23T03:00:00Z","data":{}})",
         Kind::WrongType, QStringLiteral("data")},
        {"all entities bad", R"([{"type":"T"},{"id":"x"}])", Kind::Malformed, {}},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = parseNgsi(c.json);
        INFO(describe(result).toStdString());
        CHECK(result.isRejected());
        CHECK(result.events.isEmpty());
        REQUIRE_FALSE(result.problems.isEmpty());
        CHECK(result.problems.last().level == Level::Error);
        CHECK(result.problems.last().kind == c.kind);
        CHECK(result.problems.last().path == c.path);
    }
}

TEST_CASE("NGSI: a future entity among good ones is a warning - within tolerance is fine")
{
    const auto result = parseNgsi(R"([
        {"id":"urn:a","type":"WaterObserved","height":1.0,"dateObserved":"2026-11-23T03:04:00Z"},
        {"id":"urn:b","type":"WaterObserved","height":2.0,"dateObserved":"2026-12-23T03:00:00Z"},
        {"id":"urn:c","type":"WaterObserved","height":{"type":"Property","value":3.0,
         "observedAt":"2027-01-01T00:00:00Z"}}])");
    INFO(describe(result).toStdString());
    CHECK_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 1);
    CHECK(std::get<Observation>(result.events.first()).entityId == QStringLiteral("urn:a"));
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems.at(0).path == QStringLiteral("[1].dateObserved"));
    CHECK(result.problems.at(0).kind == Kind::OutOfRange);
    CHECK(result.problems.at(0).level == Level::Warning);
    CHECK(result.problems.at(1).path == QStringLiteral("[2].height.observedAt"));
}

TEST_CASE("NGSI: size, depth, count and vertex limits")
{
    ParseContext c = context();
    c.limits.maxNestingDepth = 6;
    const QByteArray deep = R"({"id":"urn:x","type":"T","a":{"b":{"c":{"d":{"e":{"f":{}}}}}}})";
    const auto tooDeep = parseNgsi(deep, c);
    CHECK(tooDeep.isRejected());
    CHECK(tooDeep.problems.last().kind == Kind::TooDeep);
    // The same limit on an already parsed value.
    const auto tooDeepValue =
        NgsiLdParser(c).parse(QJsonValue(QJsonDocument::fromJson(deep).object()));
    CHECK(tooDeepValue.isRejected());
    CHECK(tooDeepValue.problems.last().kind == Kind::TooDeep);
    // Brackets inside strings do not count.
    CHECK_FALSE(
        parseNgsi(R"({"id":"urn:x","type":"T","s":"[[[[[[[[[[{{{{{{{{"})", c).isRejected());

    c = context();
    c.limits.maxMessageBytes = 32;
    const auto tooLarge = parseNgsi(R"({"id":"urn:x","type":"T","padding":"0123456789"})", c);
    CHECK(tooLarge.isRejected());
    CHECK(tooLarge.problems.last().kind == Kind::TooLarge);

    c = context();
    c.limits.maxFeatures = 2;
    const auto tooMany =
        parseNgsi(R"([{"id":"a","type":"T"},{"id":"b","type":"T"},{"id":"c","type":"T"}])", c);
    CHECK(tooMany.isRejected());
    CHECK(tooMany.problems.last().kind == Kind::TooLarge);

    c = context();
    c.limits.maxPolygonVertices = 3;
    const auto tooManyVertices = parseNgsi(
        R"({"id":"urn:x","type":"T",)"
        R"("location":{"type":"LineString","coordinates":[[1,1],[2,2],[3,3],[4,4]]}})",
        c);
    CHECK(tooManyVertices.isRejected());
    CHECK(tooManyVertices.problems.last().kind == Kind::TooLarge);
    CHECK(tooManyVertices.problems.last().path == QStringLiteral("location.coordinates[3]"));
}

TEST_CASE("NGSI-LD: expanded type IRIs and multi-attribute instances")
{
    const auto result = parseNgsi(R"({"id":"urn:ngsi-ld:TrafficFlowObserved:e",
        "type":"https://uri.fiware.org/ns/data-models#TrafficFlowObserved",
        "averageVehicleSpeed":[
            {"type":"Property","value":61.0,"datasetId":"urn:ngsi-ld:Dataset:radar"},
            {"type":"Property","value":48.5,"unitCode":"KMH"}],
        "dateObserved":"2026-11-23T02:00:00Z"})");
    const Observation o = onlyObservation(result);
    CHECK(o.entityType == QStringLiteral("TrafficFlowObserved"));
    CHECK(o.kind == FeedKind::Traffic);
    CHECK(measurement(o, QStringLiteral("averageVehicleSpeed")).value == 48.5);
    CHECK(measurement(o, QStringLiteral("averageVehicleSpeed")).unit == QStringLiteral("KMH"));

    const auto alert = parseNgsi(R"({"id":"urn:a",
        "type":"https://smartdatamodels.org/dataModel.Alert/Alert",
        "category":"weather","dateIssued":"2026-11-23T02:00:00Z"})");
    REQUIRE(alert.events.size() == 1);
    CHECK(std::holds_alternative<Alert>(alert.events.first()));
}
