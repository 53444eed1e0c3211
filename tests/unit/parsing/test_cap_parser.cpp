#include "ParsingTestSupport.h"
#include "parsing/CapParser.h"

using namespace tlr;
using tlr::test::describe;
using tlr::test::findProblem;
using tlr::test::fixture;
using Kind = ParseProblem::Kind;
using Level = ParseProblem::Level;

namespace {

ParseContext context()
{
    ParseContext c;
    c.feedId = QStringLiteral("bmkg-cap");
    c.now = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    return c;
}

ParseResult parseCap(const QByteArray &xml, ParseContext c = context())
{
    return CapParser(std::move(c)).parse(xml);
}

Alert onlyAlert(const ParseResult &result)
{
    INFO(describe(result).toStdString());
    REQUIRE_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 1);
    REQUIRE(std::holds_alternative<Alert>(result.events.first()));
    return std::get<Alert>(result.events.first());
}

// A minimal valid CAP 1.2 alert with `infoBody` inside one <info> and `extra` at alert level.
QByteArray capWith(const QByteArray &area, const QByteArray &extra = {},
                   const QByteArray &infoExtra = {})
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>T-1</identifier><sender>test@tlr</sender><sent>2026-11-23T09:00:00+07:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>)" +
           extra + R"(
  <info><category>Met</category><event>Banjir</event><urgency>Immediate</urgency>
    <severity>Severe</severity><certainty>Observed</certainty>)" +
           infoExtra + R"(
    <area><areaDesc>Periuk</areaDesc>)" +
           area + R"(</area>
  </info>
</alert>)";
}

} // namespace

TEST_CASE("CAP 1.2 A.1: homeland security advisory with parameter and resource")
{
    const Alert alert = onlyAlert(
        parseCap(fixture(QStringLiteral("cap/cap12-a1-homeland-security-advisory.xml"))));
    CHECK(alert.source == QStringLiteral("bmkg-cap"));
    CHECK(alert.identifier == QStringLiteral("43b080713727"));
    CHECK(alert.sender == QStringLiteral("hsas@dhs.gov"));
    CHECK(alert.sent == QDateTime(QDate(2003, 4, 2), QTime(19, 39, 1), Qt::UTC));
    CHECK(alert.sent.timeSpec() == Qt::UTC);
    CHECK(alert.status == Alert::Status::Actual);
    CHECK(alert.msgType == Alert::MsgType::Alert);
    CHECK(alert.scope == Alert::Scope::Public);
    REQUIRE(alert.infos.size() == 1);
    const AlertInfo &info = alert.infos.first();
    CHECK(info.language.isEmpty());
    CHECK(info.categories == QList<AlertInfo::Category>{AlertInfo::Category::Security});
    CHECK(info.urgency == AlertInfo::Urgency::Immediate);
    CHECK(info.severity == Severity::Severe);
    CHECK(info.certainty == AlertInfo::Certainty::Likely);
    CHECK(info.headline == QStringLiteral("Homeland Security Sets Code ORANGE"));
    CHECK(info.web == QStringLiteral("http://www.dhs.gov/dhspublic/display?theme=29"));
    REQUIRE(info.parameters.size() == 1);
    CHECK(info.parameters.first().name == QStringLiteral("HSAS"));
    CHECK(info.parameters.first().value == QStringLiteral("ORANGE"));
    REQUIRE(info.resources.size() == 1);
    CHECK(info.resources.first().description == QStringLiteral("Image file (GIF)"));
    CHECK(info.resources.first().mimeType == QStringLiteral("image/gif"));
    CHECK(info.resources.first().uri ==
          QStringLiteral("http://www.dhs.gov/dhspublic/getAdvisoryImage"));
    CHECK(info.resources.first().size == -1);
    REQUIRE(info.areas.size() == 1);
    CHECK(info.areas.first().description ==
          QStringLiteral("U.S. nationwide and interests worldwide"));
    CHECK(info.areas.first().polygons.isEmpty());
    CHECK(alert.highestSeverity() == Severity::Severe);
}

TEST_CASE("CAP 1.2 A.2: severe thunderstorm with a polygon, geocodes and an expiry")
{
    const auto result =
        parseCap(fixture(QStringLiteral("cap/cap12-a2-severe-thunderstorm-polygon.xml")));
    CHECK(result.problems.isEmpty());
    const Alert alert = onlyAlert(result);
    const AlertInfo &info = alert.infos.first();
    CHECK(info.categories == QList<AlertInfo::Category>{AlertInfo::Category::Met});
    CHECK(info.responseTypes == QList<AlertInfo::ResponseType>{AlertInfo::ResponseType::Shelter});
    CHECK(info.certainty == AlertInfo::Certainty::Observed);
    REQUIRE(info.eventCodes.size() == 1);
    CHECK(info.eventCodes.first().name == QStringLiteral("SAME"));
    CHECK(info.eventCodes.first().value == QStringLiteral("SVR"));
    CHECK(info.expires == QDateTime(QDate(2003, 6, 17), QTime(23, 0), Qt::UTC));
    CHECK(info.contact == QStringLiteral("BARUFFALDI/JUSKIE"));
    REQUIRE(info.areas.size() == 1);
    const AlertArea &area = info.areas.first();
    REQUIRE(area.polygons.size() == 1);
    // Five pairs in the document; the closing pair repeats the first and QGeoPolygon is closed.
    const auto ring = area.polygons.first().perimeter();
    REQUIRE(ring.size() == 4);
    CHECK(ring.at(0).latitude() == Approx(38.47));
    CHECK(ring.at(0).longitude() == Approx(-120.14));
    CHECK(ring.at(2).latitude() == Approx(38.52));
    CHECK(ring.at(2).longitude() == Approx(-119.74));
    REQUIRE(area.geocodes.size() == 3);
    CHECK(area.geocodes.at(2).value == QStringLiteral("006003"));
}

TEST_CASE("CAP 1.2 A.3: an earthquake update with references and a circle in metres")
{
    const Alert alert =
        onlyAlert(parseCap(fixture(QStringLiteral("cap/cap12-a3-earthquake-update-circle.xml"))));
    CHECK(alert.msgType == Alert::MsgType::Update);
    CHECK(alert.references == QStringList{QStringLiteral(
                                  "trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00")});
    const AlertInfo &info = alert.infos.first();
    CHECK(info.urgency == AlertInfo::Urgency::Past);
    CHECK(info.severity == Severity::Minor);
    CHECK(info.parameters.size() == 5);
    CHECK(info.parameters.at(2).value == QStringLiteral("3.4 Ml"));
    REQUIRE(info.areas.first().circles.size() == 1);
    const QGeoCircle circle = info.areas.first().circles.first();
    CHECK(circle.center().latitude() == Approx(32.9525));
    CHECK(circle.center().longitude() == Approx(-115.5527));
    CHECK(circle.radius() == 0.0);
}

TEST_CASE("CAP 1.2 A.4: two info blocks in two languages")
{
    const Alert alert =
        onlyAlert(parseCap(fixture(QStringLiteral("cap/cap12-a4-amber-alert-en-es.xml"))));
    REQUIRE(alert.infos.size() == 2);
    CHECK(alert.infos.at(0).language == QStringLiteral("en-US"));
    CHECK(alert.infos.at(1).language == QStringLiteral("es-US"));
    CHECK(alert.infos.at(1).event == QStringLiteral("Abducción de Niño"));
    CHECK(alert.infos.at(0).categories == QList<AlertInfo::Category>{AlertInfo::Category::Rescue});
    CHECK(alert.infos.at(1).areas.first().description == QStringLiteral("condado de Los Ángeles"));
}

TEST_CASE("CAP 1.1: an empty polygon is a warning, and 'Very Likely' reads as Likely")
{
    const auto result =
        parseCap(fixture(QStringLiteral("cap/cap11-nws-empty-polygon-very-likely.xml")));
    const Alert alert = onlyAlert(result);
    const AlertInfo &info = alert.infos.first();
    CHECK(info.certainty == AlertInfo::Certainty::Likely);
    CHECK(info.severity == Severity::Moderate);
    CHECK(info.effective == QDateTime(QDate(2021, 12, 27), QTime(16, 8), Qt::UTC));
    CHECK(info.areas.first().polygons.isEmpty());
    CHECK(info.areas.first().geocodes.size() == 2);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems.first().level == Level::Warning);
    CHECK(result.problems.first().path == QStringLiteral("alert/info[0]/area[0]/polygon[0]"));
}

TEST_CASE("CAP: two areas, circle radius in metres, signature and extensions skipped")
{
    const auto result =
        parseCap(fixture(QStringLiteral("cap/cap12-bmkg-banjir-tangerang-id-en-signed.xml")));
    INFO(describe(result).toStdString());
    CHECK(result.problems.isEmpty());
    const Alert alert = onlyAlert(result);
    CHECK(alert.sent == QDateTime(QDate(2026, 11, 23), QTime(2, 30), Qt::UTC));
    CHECK(alert.codes == QStringList{QStringLiteral("IDN-BMKG"), QStringLiteral("TLR")});
    CHECK(alert.incidents ==
          QStringList{QStringLiteral("TNG-BANJIR-2026-11"), QStringLiteral("TNG-HUJAN-2026-47")});
    CHECK(alert.addresses == QStringLiteral("dishub dinkes \"BPBD Kota Tangerang\""));
    REQUIRE(alert.infos.size() == 2);
    const AlertInfo &id = alert.infos.at(0);
    CHECK(id.language == QStringLiteral("id-ID"));
    CHECK(id.categories ==
          QList<AlertInfo::Category>{AlertInfo::Category::Met, AlertInfo::Category::Infra});
    CHECK(id.responseTypes == QList<AlertInfo::ResponseType>{AlertInfo::ResponseType::Prepare,
                                                             AlertInfo::ResponseType::Monitor});
    CHECK(id.onset == QDateTime(QDate(2026, 11, 23), QTime(5, 0), Qt::UTC));
    CHECK(id.audience == QStringLiteral("Warga Kecamatan Periuk dan Karawaci"));
    REQUIRE(id.resources.size() == 1);
    CHECK(id.resources.first().size == 48213);
    REQUIRE(id.areas.size() == 2);
    CHECK(id.areas.at(0).polygons.first().perimeter().size() == 4);
    REQUIRE(id.areas.at(0).altitude);
    CHECK(*id.areas.at(0).altitude == 10.0);
    CHECK(*id.areas.at(0).ceiling == 50.5);
    REQUIRE(id.areas.at(1).circles.size() == 1);
    CHECK(id.areas.at(1).circles.first().radius() == Approx(2500.0));
    CHECK(alert.infos.at(1).language == QStringLiteral("en-US"));
    CHECK(alert.infos.at(1).certainty == AlertInfo::Certainty::Possible);
    CHECK(alert.highestSeverity() == Severity::Severe);
}

TEST_CASE("CAP: every enumeration value is read")
{
    struct Case
    {
        QByteArray status, msgType, scope;
        Alert::Status s;
        Alert::MsgType m;
        Alert::Scope sc;
    };
    const Case cases[] = {
        {"Actual", "Alert", "Public", Alert::Status::Actual, Alert::MsgType::Alert,
         Alert::Scope::Public},
        {"Exercise", "Update", "Restricted", Alert::Status::Exercise, Alert::MsgType::Update,
         Alert::Scope::Restricted},
        {"System", "Cancel", "Private", Alert::Status::System, Alert::MsgType::Cancel,
         Alert::Scope::Private},
        {"Test", "Ack", "Public", Alert::Status::Test, Alert::MsgType::Ack, Alert::Scope::Public},
        {"Draft", "Error", "Public", Alert::Status::Draft, Alert::MsgType::Error,
         Alert::Scope::Public},
    };
    for (const auto &c : cases) {
        const QByteArray xml = "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>x"
                               "</identifier><sender>s</sender><sent>2026-01-01T00:00:00Z</sent>"
                               "<status>" +
                               c.status + "</status><msgType>" + c.msgType + "</msgType><scope>" +
                               c.scope + "</scope></alert>";
        const Alert alert = onlyAlert(parseCap(xml));
        CHECK(alert.status == c.s);
        CHECK(alert.msgType == c.m);
        CHECK(alert.scope == c.sc);
        CHECK(alert.isLive() == (c.s == Alert::Status::Actual));
    }

    const QByteArray categories[] = {"Geo",    "Met", "Safety",    "Security", "Rescue", "Fire",
                                     "Health", "Env", "Transport", "Infra",    "CBRNE",  "Other"};
    const QByteArray responses[] = {"Shelter", "Evacuate", "Prepare",  "Execute", "Avoid",
                                    "Monitor", "Assess",   "AllClear", "None"};
    QByteArray infoExtra;
    for (const auto &c : categories)
        infoExtra += "<category>" + c + "</category>";
    for (const auto &r : responses)
        infoExtra += "<responseType>" + r + "</responseType>";
    const auto result = parseCap(capWith({}, {}, infoExtra));
    const AlertInfo info = onlyAlert(result).infos.first();
    CHECK(info.categories.size() == 13); // Met twice
    CHECK_FALSE(info.categories.contains(AlertInfo::Category::Unknown));
    CHECK(info.categories.contains(AlertInfo::Category::CBRNE));
    CHECK(info.responseTypes.size() == 9);
    CHECK(info.responseTypes.last() == AlertInfo::ResponseType::None);
    CHECK(result.problems.isEmpty());

    const std::pair<QByteArray, AlertInfo::Urgency> urgencies[] = {
        {"Immediate", AlertInfo::Urgency::Immediate},
        {"Expected", AlertInfo::Urgency::Expected},
        {"Future", AlertInfo::Urgency::Future},
        {"Past", AlertInfo::Urgency::Past},
        {"Unknown", AlertInfo::Urgency::Unknown}};
    for (const auto &[text, value] : urgencies) {
        QByteArray xml = capWith({});
        xml.replace("<urgency>Immediate</urgency>", "<urgency>" + text + "</urgency>");
        const auto parsed = parseCap(xml);
        CHECK(parsed.problems.isEmpty());
        CHECK(onlyAlert(parsed).infos.first().urgency == value);
    }
    const std::pair<QByteArray, AlertInfo::Certainty> certainties[] = {
        {"Observed", AlertInfo::Certainty::Observed},
        {"Likely", AlertInfo::Certainty::Likely},
        {"Possible", AlertInfo::Certainty::Possible},
        {"Unlikely", AlertInfo::Certainty::Unlikely},
        {"Unknown", AlertInfo::Certainty::Unknown}};
    for (const auto &[text, value] : certainties) {
        QByteArray xml = capWith({});
        xml.replace("<certainty>Observed</certainty>", "<certainty>" + text + "</certainty>");
        CHECK(onlyAlert(parseCap(xml)).infos.first().certainty == value);
    }
    const std::pair<QByteArray, Severity> severities[] = {{"Extreme", Severity::Extreme},
                                                          {"Severe", Severity::Severe},
                                                          {"Moderate", Severity::Moderate},
                                                          {"Minor", Severity::Minor},
                                                          {"Unknown", Severity::Unknown}};
    for (const auto &[text, value] : severities) {
        QByteArray xml = capWith({});
        xml.replace("<severity>Severe</severity>", "<severity>" + text + "</severity>");
        CHECK(onlyAlert(parseCap(xml)).infos.first().severity == value);
    }
}

TEST_CASE("CAP: an unknown enum value is a warning and leaves Unknown")
{
    QByteArray xml = capWith({});
    xml.replace("<severity>Severe</severity>", "<severity>Catastrophic</severity>");
    xml.replace("<status>Actual</status>", "<status>Rehearsal</status>");
    const auto result = parseCap(xml);
    const Alert alert = onlyAlert(result);
    CHECK(alert.status == Alert::Status::Unknown);
    CHECK(alert.infos.first().severity == Severity::Unknown);
    const auto *severity = findProblem(result, QStringLiteral("alert/info[0]/severity"));
    REQUIRE(severity);
    CHECK(severity->level == Level::Warning);
    CHECK(severity->kind == Kind::Unsupported);
    REQUIRE(findProblem(result, QStringLiteral("alert/status")));
}

TEST_CASE("CAP: bad polygons and circles are skipped with a warning, the rest is kept")
{
    struct Case
    {
        const char *name;
        QByteArray area;
        Kind kind;
    };
    const QByteArray good = "<polygon>-6.1,106.6 -6.1,106.7 -6.2,106.7 -6.1,106.6</polygon>";
    const Case cases[] = {
        {"latitude over 90", "<polygon>96.1,106.6 -6.1,106.7 -6.2,106.7 96.1,106.6</polygon>",
         Kind::OutOfRange},
        {"longitude over 180", "<polygon>-6.1,206.6 -6.1,106.7 -6.2,106.7 -6.1,206.6</polygon>",
         Kind::OutOfRange},
        {"not numbers", "<polygon>a,b -6.1,106.7 -6.2,106.7 a,b</polygon>", Kind::OutOfRange},
        {"NaN", "<polygon>nan,106.6 -6.1,106.7 -6.2,106.7 nan,106.6</polygon>", Kind::OutOfRange},
        {"three points", "<polygon>-6.1,106.6 -6.1,106.7 -6.1,106.6</polygon>", Kind::OutOfRange},
        {"not closed", "<polygon>-6.1,106.6 -6.1,106.7 -6.2,106.7 -6.2,106.6</polygon>",
         Kind::OutOfRange},
        {"circle without radius", "<circle>-6.1,106.6</circle>", Kind::OutOfRange},
        {"circle negative radius", "<circle>-6.1,106.6 -2</circle>", Kind::OutOfRange},
        {"circle bad centre", "<circle>-96.1,106.6 2</circle>", Kind::OutOfRange},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = parseCap(capWith(c.area + good));
        const Alert alert = onlyAlert(result);
        const AlertArea &area = alert.infos.first().areas.first();
        CHECK(area.polygons.size() == 1); // the good one
        CHECK(area.circles.isEmpty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems.first().level == Level::Warning);
        CHECK(result.problems.first().kind == c.kind);
        CHECK(result.problems.first().path.startsWith(QStringLiteral("alert/info[0]/area[0]/")));
    }
}

TEST_CASE("CAP: a polygon over the vertex limit is skipped")
{
    ParseContext c = context();
    c.limits.maxPolygonVertices = 4;
    const QByteArray five =
        "<polygon>-6.1,106.6 -6.1,106.7 -6.2,106.7 -6.2,106.6 -6.1,106.6</polygon>";
    const auto result = parseCap(capWith(five), c);
    CHECK(onlyAlert(result).infos.first().areas.first().polygons.isEmpty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems.first().kind == Kind::TooLarge);
    CHECK(result.problems.first().path == QStringLiteral("alert/info[0]/area[0]/polygon[0]"));
}

TEST_CASE("CAP: malformed documents are rejected with the reason")
{
    const QByteArray valid = capWith({});
    struct Case
    {
        const char *name;
        QByteArray xml;
        Kind kind;
        QString path;
    };
    QByteArray missingSender = valid;
    missingSender.replace("<sender>test@tlr</sender>", "");
    QByteArray badSent = valid;
    badSent.replace("2026-11-23T09:00:00+07:00", "yesterday");
    QByteArray wrongNamespace = valid;
    wrongNamespace.replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:example:not-cap");
    QByteArray cap10 = valid;
    cap10.replace("urn:oasis:names:tc:emergency:cap:1.2", "http://www.incident.com/cap/1.0");
    QByteArray futureSent = valid;
    futureSent.replace("2026-11-23T09:00:00+07:00", "2026-11-23T03:10:00Z");
    QByteArray textWithChild = valid;
    textWithChild.replace("<event>Banjir</event>", "<event>Banjir<b>!</b></event>");
    const Case cases[] = {
        {"truncated", valid.left(valid.size() / 2), Kind::Malformed, {}},
        {"not XML", "{\"alert\": 1}", Kind::Malformed, {}},
        {"empty", "", Kind::Malformed, {}},
        {"wrong namespace", wrongNamespace, Kind::Unsupported, {}},
        {"CAP 1.0", cap10, Kind::Unsupported, {}},
        {"not an alert",
         "<feed xmlns='urn:oasis:names:tc:emergency:cap:1.2'/>",
         Kind::Unsupported,
         {}},
        {"missing sender", missingSender, Kind::MissingField, QStringLiteral("alert/sender")},
        {"bad sent", badSent, Kind::WrongType, QStringLiteral("alert/sent")},
        {"future sent", futureSent, Kind::OutOfRange, QStringLiteral("alert/sent")},
        {"element inside text", textWithChild, Kind::Malformed,
         QStringLiteral("alert/info[0]/event")},
        {"DTD",
         "<?xml version='1.0'?><!DOCTYPE alert [<!ENTITY x 'y'>]>"
         "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'/>",
         Kind::Unsupported,
         {}},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = parseCap(c.xml);
        CHECK(result.isRejected());
        CHECK(result.events.isEmpty());
        REQUIRE_FALSE(result.problems.isEmpty());
        CHECK(result.problems.last().level == Level::Error);
        CHECK(result.problems.last().kind == c.kind);
        CHECK(result.problems.last().path == c.path);
        CHECK_FALSE(result.problems.last().message.isEmpty());
    }
}

TEST_CASE("CAP: an info without its mandatory fields is dropped, the others kept")
{
    QByteArray xml = fixture(QStringLiteral("cap/cap12-a4-amber-alert-en-es.xml"));
    xml.replace("<event>Abducción de Niño</event>", "");
    const auto result = parseCap(xml);
    const Alert alert = onlyAlert(result);
    REQUIRE(alert.infos.size() == 1);
    CHECK(alert.infos.first().language == QStringLiteral("en-US"));
    const auto *problem = findProblem(result, QStringLiteral("alert/info[1]/event"));
    REQUIRE(problem);
    CHECK(problem->level == Level::Warning);
    CHECK(problem->kind == Kind::MissingField);

    // With no usable info left, the alert says nothing that can be shown.
    QByteArray noUsable = capWith({});
    noUsable.replace("<certainty>Observed</certainty>", "");
    const auto rejected = parseCap(noUsable);
    CHECK(rejected.isRejected());
    REQUIRE(findProblem(rejected, QStringLiteral("alert/info[0]/certainty")));
}

TEST_CASE("CAP: nesting and size limits")
{
    ParseContext c = context();
    c.limits.maxNestingDepth = 8;
    QByteArray deep;
    for (int i = 0; i < 20; ++i)
        deep += "<x>";
    for (int i = 0; i < 20; ++i)
        deep += "</x>";
    const auto tooDeep = parseCap(capWith({}, deep), c);
    CHECK(tooDeep.isRejected());
    CHECK(tooDeep.problems.last().kind == Kind::TooDeep);

    c.limits.maxMessageBytes = 100;
    const auto tooLarge = parseCap(capWith({}), c);
    CHECK(tooLarge.isRejected());
    CHECK(tooLarge.problems.last().kind == Kind::TooLarge);

    // Foreign elements at a sane depth are skipped without a problem.
    const auto unknown = parseCap(capWith({}, "<extra><y>1</y></extra>"));
    CHECK(unknown.problems.isEmpty());
    CHECK(unknown.events.size() == 1);
}

TEST_CASE("CAP: bad optional values are warnings")
{
    const auto result =
        parseCap(capWith("<altitude>high</altitude>", {}, "<expires>soon</expires>"));
    const Alert alert = onlyAlert(result);
    CHECK_FALSE(alert.infos.first().expires.isValid());
    CHECK_FALSE(alert.infos.first().areas.first().altitude);
    REQUIRE(findProblem(result, QStringLiteral("alert/info[0]/expires")));
    REQUIRE(findProblem(result, QStringLiteral("alert/info[0]/area[0]/altitude")));
    CHECK_FALSE(result.hasError());
}
