#include "domain/EvidenceClock.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("The evidence clock follows the newest evidence, runs on with the wall between pieces, "
          "never past the wall")
{
    const QDateTime wall(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC);
    EvidenceClock evidence;
    CHECK(evidence.now(wall) == wall); // no evidence yet: the wall's time

    const QDateTime replayed = wall.addDays(-2);
    evidence.note(replayed, wall);
    CHECK(evidence.now(wall) == replayed);
    evidence.note(replayed.addSecs(-600), wall); // a late message does not turn it back
    evidence.note(QDateTime(), wall);
    evidence.note(wall.addSecs(60), wall); // a clock running fast is left out
    CHECK(evidence.now(wall) == replayed);

    // A replay at 96x: an hour of evidence in a little over half a minute of the wall's.
    evidence.note(replayed.addSecs(3600), wall.addSecs(37));
    CHECK(evidence.now(wall.addSecs(37)) == replayed.addSecs(3600));
    // Then silence: it runs on with the wall, so a silent day still passes.
    CHECK(evidence.now(wall.addSecs(37 + 86400)) == replayed.addSecs(3600 + 86400));
    // Never past the wall.
    EvidenceClock live;
    live.note(wall.addSecs(-2), wall);
    CHECK(live.now(wall) == wall.addSecs(-2));
    live.note(wall.addSecs(-1), wall.addSecs(-5)); // noted by a wall that was behind
    CHECK(live.now(wall.addSecs(-3)) == wall.addSecs(-3));
}
