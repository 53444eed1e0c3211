#include "access/LoginThrottle.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace std::chrono_literals;

TEST_CASE("The delay doubles with each failure in a row up to 30 s")
{
    CHECK(LoginThrottle::delayAfter(0) == 0ms);
    CHECK(LoginThrottle::delayAfter(1) == 1s);
    CHECK(LoginThrottle::delayAfter(2) == 2s);
    CHECK(LoginThrottle::delayAfter(3) == 4s);
    CHECK(LoginThrottle::delayAfter(5) == 16s);
    CHECK(LoginThrottle::delayAfter(6) == 30s);
    CHECK(LoginThrottle::delayAfter(1000) == 30s);
}

TEST_CASE("A failure makes the next attempt wait - time and a success release it")
{
    const QDateTime t0(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC);
    LoginThrottle throttle;
    CHECK(throttle.wait(t0) == 0ms);
    throttle.registerFailure(t0);
    throttle.registerFailure(t0);
    CHECK(throttle.failuresInARow() == 2);
    CHECK(throttle.wait(t0) == 2s);
    CHECK(throttle.wait(t0.addMSecs(1500)) == 500ms);
    CHECK(throttle.wait(t0.addSecs(3)) == 0ms);
    throttle.registerSuccess();
    CHECK(throttle.failuresInARow() == 0);
    CHECK(throttle.wait(t0) == 0ms);
}
