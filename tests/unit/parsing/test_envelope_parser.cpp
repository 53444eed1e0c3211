#include "parsing/EnvelopeParser.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("A well-formed envelope is read with every field")
{
    const QByteArray message = R"({"feed":"dlh-air","seq":42,"sent":"2026-11-23T03:00:05.250Z",
        "format":"ngsi-ld","payload":{"id":"urn:ngsi-ld:AirQualityObserved:x","type":"AirQualityObserved"}})";
    const auto result = EnvelopeParser().parse(message);
    REQUIRE(result.envelope);
    CHECK(result.envelope->feed == QStringLiteral("dlh-air"));
    CHECK(result.envelope->seq == 42);
    CHECK(result.envelope->sent == QDateTime(QDate(2026, 11, 23), QTime(3, 0, 5, 250), Qt::UTC));
    CHECK(result.envelope->format == PayloadFormat::NgsiLd);
    CHECK(result.envelope->payload.isObject());
}

TEST_CASE("A sent time with an offset is normalized to UTC")
{
    const auto result = EnvelopeParser().parse(
        R"({"feed":"f","seq":1,"sent":"2026-11-23T10:00:00+07:00","format":"heartbeat"})");
    REQUIRE(result.envelope);
    CHECK(result.envelope->sent.timeSpec() == Qt::UTC);
    CHECK(result.envelope->sent.time() == QTime(3, 0));
}

TEST_CASE("Malformed envelopes are rejected with the field that is wrong")
{
    struct Case
    {
        const char *name;
        QByteArray message;
        ParseProblem::Kind kind;
        QString path;
    };
    const Case cases[] = {
        {"not JSON", "{\"feed\":", ParseProblem::Kind::Malformed, {}},
        {"an array", "[1,2]", ParseProblem::Kind::WrongType, {}},
        {"no feed", R"({"seq":1,"sent":"2026-11-23T03:00:00Z","format":"heartbeat"})",
         ParseProblem::Kind::MissingField, QStringLiteral("feed")},
        {"seq a string", R"({"feed":"f","seq":"1","sent":"2026-11-23T03:00:00Z","format":"heartbeat"})",
         ParseProblem::Kind::WrongType, QStringLiteral("seq")},
        {"seq negative", R"({"feed":"f","seq":-3,"sent":"2026-11-23T03:00:00Z","format":"heartbeat"})",
         ParseProblem::Kind::WrongType, QStringLiteral("seq")},
        {"seq fractional", R"({"feed":"f","seq":1.5,"sent":"2026-11-23T03:00:00Z","format":"heartbeat"})",
         ParseProblem::Kind::WrongType, QStringLiteral("seq")},
        {"bad date", R"({"feed":"f","seq":1,"sent":"yesterday","format":"heartbeat"})",
         ParseProblem::Kind::WrongType, QStringLiteral("sent")},
        {"unknown format", R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"csv","payload":1})",
         ParseProblem::Kind::Unsupported, QStringLiteral("format")},
        {"no payload", R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"geojson"})",
         ParseProblem::Kind::MissingField, QStringLiteral("payload")},
        {"CAP not a string", R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"cap","payload":{}})",
         ParseProblem::Kind::WrongType, QStringLiteral("payload")},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto result = EnvelopeParser().parse(c.message);
        CHECK_FALSE(result.envelope);
        CHECK(result.problem.kind == c.kind);
        CHECK(result.problem.path == c.path);
        CHECK_FALSE(result.problem.message.isEmpty());
    }
}

TEST_CASE("A message over the size limit is rejected before it is parsed")
{
    ParserLimits limits;
    limits.maxMessageBytes = 64;
    const QByteArray message = R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"geojson","payload":")"
                               + QByteArray(100, 'x') + "\"}";
    const auto result = EnvelopeParser(limits).parse(message);
    CHECK_FALSE(result.envelope);
    CHECK(result.problem.kind == ParseProblem::Kind::TooLarge);
}

TEST_CASE("A payload nested deeper than the limit is refused before it is parsed")
{
    ParserLimits limits;
    limits.maxNestingDepth = 8;
    const auto nested = [](int depth) {
        return R"({"feed":"f","seq":1,"sent":"2026-11-23T03:00:00Z","format":"ngsi-ld","payload":)"
               + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
    };
    const auto deep = EnvelopeParser(limits).parse(nested(9));
    CHECK_FALSE(deep.envelope);
    CHECK(deep.problem.kind == ParseProblem::Kind::TooDeep);

    const auto within = EnvelopeParser(limits).parse(nested(8));
    REQUIRE(within.envelope);
    CHECK(within.envelope->payloadNestingChecked);
}
