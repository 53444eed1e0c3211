#include "ParsingTestSupport.h"
#include "parsing/EnvelopeParser.h"
#include "parsing/PayloadParser.h"

#include <QJsonObject>

using namespace tlr;
using tlr::test::describe;
using tlr::test::fixture;
using Kind = ParseProblem::Kind;

namespace {

ParseContext context()
{
    ParseContext c;
    c.feedId = QStringLiteral("configured-id");
    c.now = QDateTime(QDate(2026, 11, 23), QTime(3, 10), Qt::UTC);
    return c;
}

} // namespace

TEST_CASE("PayloadParser::detect recognizes each format")
{
    CHECK(PayloadParser::detect(fixture(QStringLiteral(
              "cap/cap12-a2-severe-thunderstorm-polygon.xml"))) == PayloadFormat::Cap);
    CHECK(PayloadParser::detect(fixture(QStringLiteral(
              "cap/cap11-nws-empty-polygon-very-likely.xml"))) == PayloadFormat::Cap);
    CHECK(PayloadParser::detect(fixture(QStringLiteral(
              "ngsi/AirQualityObserved-keyvalues.jsonld"))) == PayloadFormat::NgsiLd);
    CHECK(PayloadParser::detect(fixture(QStringLiteral("ngsi/Notification-beehive.json"))) ==
          PayloadFormat::NgsiLd);
    CHECK(PayloadParser::detect(R"([{"id":"a","type":"T"}])") == PayloadFormat::NgsiLd);
    CHECK(PayloadParser::detect(fixture(QStringLiteral("geojson/dlh-flood-reports.geojson"))) ==
          PayloadFormat::GeoJson);
    CHECK(PayloadParser::detect(R"({"type":"Feature","geometry":null,"properties":{}})") ==
          PayloadFormat::GeoJson);
    CHECK(PayloadParser::detect(fixture(QStringLiteral("report/laksa-whatsapp-banjir.json"))) ==
          PayloadFormat::TlrReport);
    CHECK(PayloadParser::detect("<rss version='2.0'/>") == PayloadFormat::Unknown);
    CHECK(PayloadParser::detect("{\"hello\":1}") == PayloadFormat::Unknown);
    CHECK(PayloadParser::detect("[]") == PayloadFormat::Unknown);
    CHECK(PayloadParser::detect("not a document") == PayloadFormat::Unknown);
    CHECK(PayloadParser::detect("{broken") == PayloadFormat::Unknown);
    CHECK(PayloadParser::detect("") == PayloadFormat::Unknown);
}

TEST_CASE("PayloadParser dispatches by format and detected format")
{
    const PayloadParser parser(context());
    const QByteArray documents[] = {
        fixture(QStringLiteral("cap/cap12-a1-homeland-security-advisory.xml")),
        fixture(QStringLiteral("ngsi/TrafficFlowObserved-keyvalues.jsonld")),
        fixture(QStringLiteral("geojson/dlh-flood-reports.geojson")),
        fixture(QStringLiteral("report/laksa-whatsapp-banjir.json")),
    };
    const std::size_t expectedEvents[] = {1, 1, 4, 1};
    for (std::size_t i = 0; i < std::size(documents); ++i) {
        INFO(i);
        const auto result = parser.parse(PayloadParser::detect(documents[i]), documents[i]);
        INFO(describe(result).toStdString());
        CHECK_FALSE(result.isRejected());
        CHECK(std::size_t(result.events.size()) == expectedEvents[i]);
        CHECK(eventSource(result.events.first()) == QStringLiteral("configured-id"));
    }
    const auto unknown = parser.parse(PayloadFormat::Unknown, "x");
    CHECK(unknown.isRejected());
    CHECK(unknown.problems.first().kind == Kind::Unsupported);
    const auto heartbeat = parser.parse(PayloadFormat::Heartbeat, {});
    CHECK(heartbeat.events.isEmpty());
    CHECK(heartbeat.problems.isEmpty());
}

TEST_CASE("PayloadParser parses an envelope's payload with the envelope's feed as source")
{
    const PayloadParser parser(context());
    const auto wire = [](const QByteArray &format, const QByteArray &payload) {
        return EnvelopeParser()
            .parse(R"({"feed":"dishub-traffic","seq":7,"sent":"2026-11-23T03:00:00Z","format":")" +
                   format + R"(","payload":)" + payload + "}")
            .envelope.value();
    };
    const auto ngsi = parser.parse(wire("ngsi-ld", R"({"id":"urn:ngsi-ld:TrafficFlowObserved:a",
        "type":"TrafficFlowObserved","averageVehicleSpeed":31,
        "dateObserved":"2026-11-23T02:59:00Z"})"));
    REQUIRE(ngsi.events.size() == 1);
    CHECK(eventSource(ngsi.events.first()) == QStringLiteral("dishub-traffic"));
    CHECK(std::get<Observation>(ngsi.events.first()).kind == FeedKind::Traffic);

    const auto cap = parser.parse(wire(
        "cap",
        R"("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>i</identifier>)"
               R"(<sender>s</sender><sent>2026-11-23T03:00:00Z</sent><status>Test</status>)"
               R"(<msgType>Alert</msgType><scope>Public</scope></alert>")"));
    INFO(describe(cap).toStdString());
    REQUIRE(cap.events.size() == 1);
    CHECK(std::get<Alert>(cap.events.first()).status == Alert::Status::Test);
    CHECK(eventSource(cap.events.first()) == QStringLiteral("dishub-traffic"));

    const auto report =
        parser.parse(wire("tlr.report", R"({"id":"R","received":"2026-11-23T03:00:00Z",
        "channel":"app","category":"sampah"})"));
    REQUIRE(report.events.size() == 1);

    const auto geojson =
        parser.parse(wire("geojson", R"({"type":"FeatureCollection","features":[]})"));
    CHECK_FALSE(geojson.isRejected());

    const auto heartbeat = parser.parse(
        EnvelopeParser()
            .parse(R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"heartbeat"})")
            .envelope.value());
    CHECK(heartbeat.events.isEmpty());
    CHECK(heartbeat.problems.isEmpty());

    Envelope capAsObject;
    capAsObject.format = PayloadFormat::Cap;
    capAsObject.payload = QJsonObject();
    CHECK(parser.parse(capAsObject).problems.first().kind == Kind::WrongType);
}
