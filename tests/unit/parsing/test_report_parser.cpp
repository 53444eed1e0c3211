#include "ParsingTestSupport.h"
#include "parsing/ReportParser.h"

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
    c.feedId = QStringLiteral("laksa");
    c.kind = FeedKind::Emergency;
    c.now = QDateTime(QDate(2026, 11, 23), QTime(3, 10), Qt::UTC);
    return c;
}

ParseResult parseReport(const QByteArray &json)
{
    return ReportParser(context()).parse(json);
}

Report onlyReport(const ParseResult &result)
{
    INFO(describe(result).toStdString());
    REQUIRE_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 1);
    return std::get<Report>(result.events.first());
}

const QByteArray kMinimal =
    R"({"id":"R-1","received":"2026-11-23T03:00:00Z","channel":"sms","category":"macet")";

} // namespace

TEST_CASE("tlr.report: a LAKSA WhatsApp complaint with every field")
{
    const auto result = parseReport(fixture(QStringLiteral("report/laksa-whatsapp-banjir.json")));
    CHECK(result.problems.isEmpty());
    const Report r = onlyReport(result);
    CHECK(r.source == QStringLiteral("laksa"));
    CHECK(r.id == QStringLiteral("LAKSA-2026-000123"));
    CHECK(r.receivedAt == QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
    CHECK(r.channel == Report::Channel::WhatsApp);
    CHECK(r.kind == Report::Kind::Complaint);
    CHECK(r.category == QStringLiteral("banjir"));
    CHECK_FALSE(r.emergency);
    CHECK(r.kecamatan == QStringLiteral("Periuk"));
    CHECK(r.location.latitude() == Approx(-6.17));
    CHECK(r.location.longitude() == Approx(106.60));
    CHECK(r.agency == Agency::Dlh);
    CHECK(r.description.startsWith(QStringLiteral("Air setinggi lutut")));
    REQUIRE(result.personalDetails.size() == 1);
    const PersonalDetails &reporter = result.personalDetails.front();
    CHECK(reporter.reportId == r.id);
    CHECK(reporter.name == QStringLiteral("Siti Rahmawati"));
    CHECK(reporter.phone == QStringLiteral("+6281234567890"));
}

TEST_CASE("tlr.report: a 112 call")
{
    const Report r =
        onlyReport(parseReport(fixture(QStringLiteral("report/call112-kebakaran.json"))));
    CHECK(r.channel == Report::Channel::Call112);
    CHECK(r.kind == Report::Kind::Emergency);
    CHECK(r.emergency);
    CHECK(r.agency == Agency::CallCentre112);
    CHECK(r.receivedAt == QDateTime(QDate(2026, 11, 23), QTime(3, 5, 30), Qt::UTC));
}

TEST_CASE("tlr.report: every channel and kind")
{
    const std::pair<const char *, Report::Channel> channels[] = {
        {"112", Report::Channel::Call112},       {"app", Report::Channel::App},
        {"whatsapp", Report::Channel::WhatsApp}, {"instagram", Report::Channel::Instagram},
        {"facebook", Report::Channel::Facebook}, {"twitter", Report::Channel::Twitter},
        {"email", Report::Channel::Email},       {"sms", Report::Channel::Sms},
        {"walkin", Report::Channel::WalkIn}};
    for (const auto &[key, channel] : channels) {
        QByteArray json = kMinimal + "}";
        json.replace("\"sms\"", QByteArray("\"") + key + "\"");
        CHECK(onlyReport(parseReport(json)).channel == channel);
    }
    const std::pair<const char *, Report::Kind> kinds[] = {
        {"emergency", Report::Kind::Emergency}, {"keluhan", Report::Kind::Grievance},
        {"pengaduan", Report::Kind::Complaint}, {"masukan", Report::Kind::Input},
        {"saran", Report::Kind::Suggestion},    {"kritik", Report::Kind::Criticism}};
    for (const auto &[key, kind] : kinds) {
        const auto result = parseReport(kMinimal + R"(,"kind":")" + key + "\"}");
        CHECK(result.problems.isEmpty());
        CHECK(onlyReport(result).kind == kind);
    }
}

TEST_CASE("tlr.report: required fields and bad times reject the report")
{
    struct Case
    {
        const char *name;
        QByteArray json;
        Kind kind;
        QString path;
    };
    const Case cases[] = {
        {"no id", R"({"received":"2026-11-23T03:00:00Z","channel":"sms","category":"x"})",
         Kind::MissingField, QStringLiteral("id")},
        {"id a number",
         R"({"id":5,"received":"2026-11-23T03:00:00Z","channel":"sms","category":"x"})",
         Kind::WrongType, QStringLiteral("id")},
        {"no received", R"({"id":"a","channel":"sms","category":"x"})", Kind::MissingField,
         QStringLiteral("received")},
        {"no channel", R"({"id":"a","received":"2026-11-23T03:00:00Z","category":"x"})",
         Kind::MissingField, QStringLiteral("channel")},
        {"empty category",
         R"({"id":"a","received":"2026-11-23T03:00:00Z","channel":"sms","category":" "})",
         Kind::WrongType, QStringLiteral("category")},
        {"bad received", R"({"id":"a","received":"tadi pagi","channel":"sms","category":"x"})",
         Kind::WrongType, QStringLiteral("received")},
        {"future received",
         R"({"id":"a","received":"2026-11-23T04:00:00Z","channel":"sms","category":"x"})",
         Kind::OutOfRange, QStringLiteral("received")},
        {"an array", "[]", Kind::WrongType, {}},
        {"not JSON", "{", Kind::Malformed, {}},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = parseReport(c.json);
        CHECK(result.isRejected());
        CHECK(result.events.isEmpty());
        REQUIRE_FALSE(result.problems.isEmpty());
        CHECK(result.problems.first().kind == c.kind);
        CHECK(result.problems.first().path == c.path);
    }
}

TEST_CASE("tlr.report: unknown values and bad optional fields keep the report")
{
    const auto result = parseReport(kMinimal + R"(,"channel":"telegram","kind":"pujian",
        "agency":"bpbd","emergency":"yes","location":{"type":"Point","coordinates":[106.6,-96]},
        "reporter":{"name":"Ani","phone":6281234}})");
    const Report r = onlyReport(result);
    CHECK(r.channel == Report::Channel::Unknown);
    CHECK(r.kind == Report::Kind::Unknown);
    CHECK(r.agency == Agency::Unknown);
    CHECK_FALSE(r.emergency);
    CHECK_FALSE(r.location.isValid());
    REQUIRE(result.personalDetails.size() == 1);
    CHECK(result.personalDetails.front().name == QStringLiteral("Ani"));
    CHECK(result.personalDetails.front().phone.isEmpty());
    for (const auto *path :
         {"channel", "kind", "agency", "emergency", "location.coordinates", "reporter.phone"}) {
        INFO(path);
        const auto *problem = findProblem(result, QString::fromLatin1(path));
        REQUIRE(problem);
        CHECK(problem->level == Level::Warning);
    }
}

TEST_CASE("tlr.report: personal data never reaches a problem message")
{
    const auto result =
        parseReport(kMinimal + R"(,"agency":"Siti 0812","reporter":{"name":["Siti"],
        "phone":{"n":"+6281234567890"}}})");
    for (const auto &problem : result.problems) {
        CHECK_FALSE(problem.message.contains(QStringLiteral("+6281234567890")));
        CHECK_FALSE(problem.message.contains(QStringLiteral("Siti\"")));
    }
    onlyReport(result);
    CHECK(result.personalDetails.isEmpty());
}
