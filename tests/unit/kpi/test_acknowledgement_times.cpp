#include "kpi/AcknowledgementTimes.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

const QDateTime kNoon(QDate(2026, 11, 23), QTime(5, 0), Qt::UTC); // 12:00 WIB

AlertRecord acknowledged(quint64 id, Agency agency, qint64 waitedSeconds, qint64 ackedSecondsAgo = 0)
{
    AlertRecord alert;
    alert.id = id;
    alert.agency = agency;
    alert.acknowledgedAt = kNoon.addSecs(-ackedSecondsAgo);
    alert.raisedAt = alert.acknowledgedAt.addSecs(-waitedSeconds);
    alert.acknowledged = true;
    return alert;
}

} // namespace

TEST_CASE("median time to acknowledge, overall and per agency")
{
    AcknowledgementTimes times;
    times.record(acknowledged(1, Agency::CallCentre112, 60));
    times.record(acknowledged(2, Agency::CallCentre112, 180));
    times.record(acknowledged(3, Agency::CallCentre112, 120));
    times.record(acknowledged(4, Agency::Dlh, 600));
    times.record(acknowledged(5, Agency::Dlh, 400));
    CHECK(times.count() == 5);
    CHECK(times.medianSeconds(Agency::CallCentre112) == 120);
    CHECK(times.medianSeconds(Agency::Dlh) == 500); // even count: the mean of the middle two
    CHECK(times.medianSeconds() == 180);
    CHECK_FALSE(times.medianSeconds(Agency::Dishub));
    const auto byAgency = times.medianSecondsByAgency();
    CHECK(byAgency.value(Agency::CallCentre112) == 120);
    CHECK(byAgency.value(Agency::Dlh) == 500);
}

TEST_CASE("each alert counts once - exercises and unacknowledged alerts never")
{
    AcknowledgementTimes times;
    times.record(acknowledged(1, Agency::Dishub, 60));
    times.record(acknowledged(1, Agency::Dishub, 900)); // the same alert seen again
    AlertRecord exercise = acknowledged(2, Agency::Dishub, 30);
    exercise.live = false;
    times.record(exercise);
    AlertRecord waiting;
    waiting.id = 3;
    waiting.raisedAt = kNoon;
    times.record(waiting);
    CHECK(times.count() == 1);
    CHECK(times.medianSeconds() == 60);
}

TEST_CASE("acknowledgements older than a day leave the figures")
{
    AcknowledgementTimes times;
    times.record(acknowledged(1, Agency::Dinkes, 60, 25 * 3600));
    times.record(acknowledged(2, Agency::Dinkes, 300, 3600));
    times.prune(kNoon);
    CHECK(times.count() == 1);
    CHECK(times.medianSeconds() == 300);
}
