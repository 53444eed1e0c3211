#include "incidents/FusionConfigReader.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("The built-in fusion configuration reads without problems")
{
    const auto result = FusionConfigReader::readBuiltin();
    INFO(result.problems.join(u'\n').toStdString());
    REQUIRE(result.config);
    CHECK(result.config->radiusMetres == 1000);
    CHECK(result.config->windowMinutes == 60);
    CHECK(result.config->alertsOpenFrom == Severity::Moderate);
    CHECK(result.config->complaintQuorum == 3);
    CHECK(result.config->observationTypes == QStringList{"FloodReport"});
    CHECK(result.config->hazard(QStringLiteral("banjir")) == QStringLiteral("flood"));
    CHECK(result.config->hazard(QStringLiteral("kecelakaan")) == QStringLiteral("traffic"));
    CHECK(result.config->hazard(QStringLiteral("pelayanan_publik")).isEmpty());
}

TEST_CASE("Fusion configuration fields that are missing keep their defaults")
{
    const auto result = FusionConfigReader::read(R"({"radiusMetres": 250})");
    REQUIRE(result.config);
    CHECK(result.config->radiusMetres == 250);
    CHECK(result.config->windowMinutes == 60);
}

TEST_CASE("Each fusion configuration problem names its field and any one gives no configuration")
{
    const auto result = FusionConfigReader::read(R"({
        "radiusMetres": -5,
        "windowMinutes": 7.5,
        "alertsOpenFrom": "loud",
        "complaintQuorum": "three",
        "observationTypes": ["FloodReport", 3],
        "hazards": {"flood": ["banjir"], "water": ["banjir", ""], "fire": "kebakaran"},
        "radius": 100
    })");
    CHECK_FALSE(result.config);
    const QStringList expected = {
        "radius: unknown field",
        "radiusMetres: must be a number from 10 to 20000",
        "windowMinutes: must be a whole number",
        "complaintQuorum: must be a number from 0 to 1000",
        "alertsOpenFrom: must be one of minor, moderate, severe, extreme",
        "observationTypes[1]: must be a non-empty string",
        "hazards.fire: must be an array of categories",
        "hazards.water[0]: \"banjir\" is already in hazard \"flood\"",
        "hazards.water[1]: must be a non-empty string",
    };
    INFO(result.problems.join(u'\n').toStdString());
    for (const QString &problem : expected) {
        INFO(problem.toStdString());
        CHECK(result.problems.contains(problem));
    }
    CHECK(result.problems.size() == expected.size());

    CHECK(FusionConfigReader::read("{").problems.first().startsWith(QStringLiteral("not JSON")));
    CHECK(FusionConfigReader::read("[]").problems ==
          QStringList{"the top level must be an object"});
}
