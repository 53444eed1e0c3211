#include "incidents/AlertSignals.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

AlertRecord placedAlert()
{
    AlertRecord alert;
    alert.id = 7;
    alert.source = QStringLiteral("dlh-environment");
    alert.resource = QStringLiteral("urn:ngsi-ld:WaterLevel:pintu-air-10");
    alert.event = QStringLiteral("river-level");
    alert.severity = Severity::Extreme;
    alert.agency = Agency::Dlh;
    alert.kecamatan = QStringLiteral("Neglasari");
    alert.location = QGeoCoordinate(-6.1694, 106.6255);
    alert.raisedAt = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    return alert;
}

} // namespace

TEST_CASE("an engine alert with a place becomes a fusion signal keyed by its de-duplication key")
{
    const auto signal = AlertSignals::fromAlert(placedAlert());
    REQUIRE(signal);
    CHECK(signal->kind == IncidentSignal::Kind::Alert);
    CHECK(signal->id == QStringLiteral("dlh-environment|urn:ngsi-ld:WaterLevel:pintu-air-10|river-level"));
    CHECK(signal->severity == Severity::Extreme);
    CHECK(signal->kecamatan == QStringLiteral("Neglasari"));
    CHECK(signal->time == placedAlert().raisedAt);
}

TEST_CASE("exercises and alerts without a place are no evidence")
{
    AlertRecord exercise = placedAlert();
    exercise.live = false;
    CHECK_FALSE(AlertSignals::fromAlert(exercise));
    AlertRecord nowhere = placedAlert();
    nowhere.location = {};
    CHECK_FALSE(AlertSignals::fromAlert(nowhere));
}

TEST_CASE("An alert's signal is placed at the time of its evidence when it has one")
{
    // Raised by this console on a replayed or late reading: the reading's time is the alert's
    // place among the reports and observations it may fuse with.
    AlertRecord late = placedAlert();
    late.evidenceAt = late.raisedAt.addSecs(-26 * 3600);
    const auto signal = AlertSignals::fromAlert(late);
    REQUIRE(signal);
    CHECK(signal->time == late.evidenceAt);
}
