#include "alerts/AlertRulesReader.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

AlertRulesReader::Error errorOf(const char *json)
{
    const auto result = AlertRulesReader::read(QByteArray(json), QStringLiteral("rules.json"));
    const auto *error = std::get_if<AlertRulesReader::Error>(&result);
    if (!error)
        FAIL("expected an error");
    return *error;
}

} // namespace

TEST_CASE("The shipped rules read without error and cover every rule kind")
{
    const auto result = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
    if (const auto *error = std::get_if<AlertRulesReader::Error>(&result))
        FAIL(error->toString().toStdString());
    const AlertRules &rules = std::get<AlertRules>(result);
    QSet<AlertRule::Kind> kinds;
    for (const AlertRule &rule : rules.rules)
        kinds.insert(rule.kind);
    CHECK(kinds.size() == 5);
    CHECK(rules.policy.escalationMinutes(Severity::Extreme) == 2);
    CHECK(rules.policy.escalationMinutes(Severity::Minor) == 0);
    CHECK(rules.policy.flappingChanges == 6);
}

TEST_CASE("Rules file errors name the file, the rule and the field")
{
    SECTION("not JSON")
    {
        const auto e = errorOf("{ rules: ");
        CHECK(e.fileName == QLatin1String("rules.json"));
        CHECK(e.message.startsWith(QLatin1String("is not valid JSON")));
    }
    SECTION("an unknown kind")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "r1", "kind": "threshhold", "title": "t", "agency": "dlh"}]})");
        CHECK(e.rule == QLatin1String("r1"));
        CHECK(e.field == QLatin1String("kind"));
        CHECK(e.message.contains(QLatin1String("\"threshhold\" is not a rule kind")));
        CHECK(e.toString() == QStringLiteral("rules.json: rule \"r1\": kind \"threshhold\" is not a rule kind "
                                             "(expected threshold, rate-of-change, corridor-speed, "
                                             "report-surge or feed-silent)"));
    }
    SECTION("a rule without an id is named by its place")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [{"kind": "threshold"}]})");
        CHECK(e.rule == QLatin1String("rules[0]"));
        CHECK(e.field == QLatin1String("id"));
    }
    SECTION("a misspelt field")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "river", "kind": "threshold", "title": "t", "agency": "dlh", "hysteresys": 5,
             "match": {"quantity": "height"}, "direction": "above",
             "bands": [{"at": 300, "severity": "moderate"}]}]})");
        CHECK(e.rule == QLatin1String("river"));
        CHECK(e.field == QLatin1String("hysteresys"));
        CHECK(e.message.startsWith(QLatin1String("unknown field")));
    }
    SECTION("bands out of order")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "river", "kind": "threshold", "title": "t", "agency": "dlh",
             "match": {"quantity": "height"}, "direction": "above",
             "bands": [{"at": 400, "severity": "moderate"}, {"at": 300, "severity": "severe"}]}]})");
        CHECK(e.field == QLatin1String("bands[1].at"));
        CHECK(e.message == QLatin1String("bands must rise, mildest first"));
    }
    SECTION("a below rule's bands must fall")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "slow", "kind": "corridor-speed", "title": "t", "agency": "dishub",
             "match": {"quantity": "averageVehicleSpeed"}, "corridorPattern": "^(.+) ruas",
             "bands": [{"at": 6, "severity": "moderate"}, {"at": 12, "severity": "severe"}]}]})");
        CHECK(e.field == QLatin1String("bands[1].at"));
    }
    SECTION("an unknown severity")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "river", "kind": "threshold", "title": "t", "agency": "dlh",
             "match": {"quantity": "height"}, "direction": "above",
             "bands": [{"at": 300, "severity": "critical"}]}]})");
        CHECK(e.field == QLatin1String("bands[0].severity"));
        CHECK(e.message.contains(QLatin1String("\"critical\" is not a severity")));
    }
    SECTION("a corridor pattern without a group")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "slow", "kind": "corridor-speed", "title": "t", "agency": "dishub",
             "match": {"quantity": "averageVehicleSpeed"}, "corridorPattern": "ruas",
             "bands": [{"at": 12, "severity": "moderate"}]}]})");
        CHECK(e.field == QLatin1String("corridorPattern"));
    }
    SECTION("a rate rule needs a window")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "rising", "kind": "rate-of-change", "title": "t", "agency": "dlh",
             "match": {"quantity": "height"}, "direction": "above",
             "bands": [{"at": 30, "severity": "moderate"}]}]})");
        CHECK(e.field == QLatin1String("windowMinutes"));
        CHECK(e.message.startsWith(QLatin1String("is required")));
    }
    SECTION("an unknown report channel")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "calls", "kind": "report-surge", "title": "t", "agency": "112",
             "channels": ["pager"], "windowMinutes": 30,
             "bands": [{"at": 30, "severity": "moderate"}]}]})");
        CHECK(e.field == QLatin1String("channels[0]"));
    }
    SECTION("the same id twice")
    {
        const auto e = errorOf(R"({"version": 1, "rules": [
            {"id": "quiet", "kind": "feed-silent", "title": "t", "feeds": ["*"], "silentMinutes": 2, "severity": "severe"},
            {"id": "quiet", "kind": "feed-silent", "title": "t", "feeds": ["*"], "silentMinutes": 5, "severity": "extreme"}]})");
        CHECK(e.rule == QLatin1String("quiet"));
        CHECK(e.field == QLatin1String("id"));
    }
    SECTION("a lifecycle error names the lifecycle field")
    {
        const auto e = errorOf(R"({"version": 1, "lifecycle": {"escalateAfterMinutes": {"critical": 2}}, "rules": []})");
        CHECK(e.rule.isEmpty());
        CHECK(e.field == QLatin1String("lifecycle.escalateAfterMinutes.critical"));
    }
    SECTION("a file that is not there")
    {
        const auto result = AlertRulesReader::readFile(QStringLiteral("/nonexistent/rules.json"));
        REQUIRE(std::holds_alternative<AlertRulesReader::Error>(result));
        CHECK(std::get<AlertRulesReader::Error>(result).message.startsWith(QLatin1String("cannot be read")));
    }
}

TEST_CASE("Lifecycle settings override the defaults")
{
    const auto result = AlertRulesReader::read(R"({"version": 1,
        "lifecycle": {"escalateAfterMinutes": {"severe": 7}, "flapping": {"changes": 3, "windowMinutes": 5},
                      "shelveReminderMinutes": 2},
        "rules": []})", QStringLiteral("rules.json"));
    REQUIRE(std::holds_alternative<AlertRules>(result));
    const AlertPolicy &policy = std::get<AlertRules>(result).policy;
    CHECK(policy.escalationMinutes(Severity::Severe) == 7);
    CHECK(policy.escalationMinutes(Severity::Extreme) == 2);
    CHECK(policy.flappingChanges == 3);
    CHECK(policy.flappingWindowMinutes == 5);
    CHECK(policy.shelveReminderMinutes == 2);
}

TEST_CASE("A rules path that never ends (a device, a pipe) is refused at the size limit")
{
    auto result = AlertRulesReader::readFile(QStringLiteral("/dev/zero"));
    REQUIRE(std::holds_alternative<AlertRulesReader::Error>(result));
    CHECK(std::get<AlertRulesReader::Error>(result).message.contains(QStringLiteral("larger than 1 MB")));
}
