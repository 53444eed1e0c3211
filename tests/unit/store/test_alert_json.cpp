#include "StoreTestSupport.h"

#include "store/AlertJson.h"

using namespace tlr;
using namespace tlr::test;

namespace {

Alert fullAlert()
{
    Alert alert = makeAlert(QStringLiteral("BMKG-20261123-banjir"), utc(2026, 11, 23, 2, 0, 5));
    alert.msgType = Alert::MsgType::Update;
    alert.scope = Alert::Scope::Restricted;
    alert.restriction = QStringLiteral("BPBD only");
    alert.addresses = QStringLiteral("bpbd dishub");
    alert.codes = {QStringLiteral("IPAWSv1.0")};
    alert.note = QStringLiteral("ketinggian air naik");
    alert.references = {
        QStringLiteral("bpbd@tangerangkota.go.id,BMKG-1,2026-11-23T01:00:00+07:00")};
    alert.incidents = {QStringLiteral("banjir-cisadane")};
    AlertInfo &info = alert.infos[0];
    info.language = QStringLiteral("id-ID");
    info.categories = {AlertInfo::Category::Met, AlertInfo::Category::CBRNE};
    info.responseTypes = {AlertInfo::ResponseType::Evacuate, AlertInfo::ResponseType::AllClear};
    info.audience = QStringLiteral("warga bantaran");
    info.eventCodes = {{QStringLiteral("SAME"), QStringLiteral("FLW")}};
    info.effective = utc(2026, 11, 23, 2);
    info.onset = utc(2026, 11, 23, 3);
    info.expires = utc(2026, 11, 23, 9, 30);
    info.senderName = QStringLiteral("BPBD Kota Tangerang");
    info.headline = QStringLiteral("Siaga banjir Cisadane");
    info.description = QStringLiteral("Tinggi muka air \"Pintu Air 10\" 1.2 m");
    info.instruction = QStringLiteral("Mengungsi ke tempat tinggi");
    info.web = QStringLiteral("https://bpbd.tangerangkota.go.id");
    info.contact = QStringLiteral("112");
    info.parameters = {{QStringLiteral("waterLevel"), QStringLiteral("1.2")}};
    info.resources = {{QStringLiteral("peta"), QStringLiteral("image/png"), 2048,
                       QStringLiteral("https://example.org/peta.png")}};
    AlertArea area;
    area.description = QStringLiteral("Kecamatan Tangerang");
    area.polygons = {
        QGeoPolygon({{-6.17, 106.62}, {-6.18, 106.64}, {-6.19, 106.62}, {-6.17, 106.62}})};
    area.circles = {QGeoCircle({-6.178, 106.632}, 1500.0)};
    area.geocodes = {{QStringLiteral("kecamatan"), QStringLiteral("36.71.01")}};
    area.altitude = 10.0;
    area.ceiling = 40.5;
    info.areas = {area};
    AlertInfo second;
    second.language = QStringLiteral("en-US");
    second.severity = Severity::Extreme;
    alert.infos.append(second);
    return alert;
}

} // namespace

TEST_CASE("An alert survives the JSON document the store keeps field for field")
{
    const Alert in = fullAlert();
    const auto out = AlertJson::fromJson(AlertJson::toJson(in));
    REQUIRE(out);
    CHECK(out->source == in.source);
    CHECK(out->identifier == in.identifier);
    CHECK(out->sender == in.sender);
    CHECK(out->sent == in.sent);
    CHECK(out->status == in.status);
    CHECK(out->msgType == in.msgType);
    CHECK(out->scope == in.scope);
    CHECK(out->restriction == in.restriction);
    CHECK(out->addresses == in.addresses);
    CHECK(out->codes == in.codes);
    CHECK(out->note == in.note);
    CHECK(out->references == in.references);
    CHECK(out->incidents == in.incidents);
    REQUIRE(out->infos.size() == 2);
    const AlertInfo &a = out->infos[0];
    const AlertInfo &b = in.infos[0];
    CHECK(a.language == b.language);
    CHECK(a.categories == b.categories);
    CHECK(a.responseTypes == b.responseTypes);
    CHECK(a.urgency == b.urgency);
    CHECK(a.severity == b.severity);
    CHECK(a.certainty == b.certainty);
    CHECK(a.audience == b.audience);
    REQUIRE(a.eventCodes.size() == 1);
    CHECK(a.eventCodes[0].value == QLatin1String("FLW"));
    CHECK(a.effective == b.effective);
    CHECK(a.onset == b.onset);
    CHECK(a.expires == b.expires);
    CHECK(a.senderName == b.senderName);
    CHECK(a.headline == b.headline);
    CHECK(a.description == b.description);
    CHECK(a.instruction == b.instruction);
    CHECK(a.web == b.web);
    CHECK(a.contact == b.contact);
    REQUIRE(a.parameters.size() == 1);
    CHECK(a.parameters[0].name == QLatin1String("waterLevel"));
    REQUIRE(a.resources.size() == 1);
    CHECK(a.resources[0].size == 2048);
    CHECK(a.resources[0].uri == b.resources[0].uri);
    REQUIRE(a.areas.size() == 1);
    CHECK(a.areas[0].description == b.areas[0].description);
    REQUIRE(a.areas[0].polygons.size() == 1);
    CHECK(a.areas[0].polygons[0].perimeter() == b.areas[0].polygons[0].perimeter());
    REQUIRE(a.areas[0].circles.size() == 1);
    CHECK(a.areas[0].circles[0].center() == b.areas[0].circles[0].center());
    CHECK(a.areas[0].circles[0].radius() == 1500.0);
    CHECK(a.areas[0].geocodes[0].value == QLatin1String("36.71.01"));
    CHECK(a.areas[0].altitude == 10.0);
    CHECK(a.areas[0].ceiling == 40.5);
    CHECK(out->infos[1].severity == Severity::Extreme);
    CHECK_FALSE(out->infos[1].areas.size());
    CHECK(out->highestSeverity() == Severity::Extreme);
}

TEST_CASE("A document that is not a JSON object is not an alert")
{
    CHECK_FALSE(AlertJson::fromJson("[1,2]"));
    CHECK_FALSE(AlertJson::fromJson("{\"identifier\":"));
}

TEST_CASE("Stored alerts are rebuilt by the store's alerts query")
{
    QTemporaryDir dir;
    EventStore store;
    REQUIRE(store.open(optionsFor(dir.filePath(QStringLiteral("alerts.db")))).isEmpty());
    const Alert alert = fullAlert();
    store.append(makeMessage(QStringLiteral("bmkg-cap"), 1, {alert}));
    store.append(makeMessage(QStringLiteral("bmkg-cap"), 2,
                             {makeAlert(QStringLiteral("later"), utc(2026, 11, 24))}));
    const auto alerts = result(store.alerts(utc(2026, 11, 23), utc(2026, 11, 24)));
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].identifier == alert.identifier);
    CHECK(alerts[0].infos.size() == 2);
    CHECK(alerts[0].infos[0].areas[0].polygons[0].perimeter().size() == 4);
}
