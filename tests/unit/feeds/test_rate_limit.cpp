#include "feeds/RateLimit.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {
const QDateTime kStart = QDateTime::fromString(QStringLiteral("2026-11-23T03:00:00Z"), Qt::ISODate);
}

TEST_CASE("A rate limit lets a burst through, then its rate, and refills while quiet")
{
    RateLimit limit(10, 20);
    int admitted = 0;
    for (int i = 0; i < 100; ++i)
        admitted += limit.admit(kStart) ? 1 : 0;
    CHECK(admitted == 20); // the burst, all at one instant

    // One second later: ten more tokens, no more.
    admitted = 0;
    for (int i = 0; i < 100; ++i)
        admitted += limit.admit(kStart.addSecs(1)) ? 1 : 0;
    CHECK(admitted == 10);

    // A steady 10 a second passes whole, for a long while.
    admitted = 0;
    for (int i = 0; i < 600; ++i)
        admitted += limit.admit(kStart.addMSecs(1000 + 100 * (i + 1))) ? 1 : 0;
    CHECK(admitted == 600);
}

TEST_CASE("A clock stepping back mints no tokens")
{
    RateLimit limit(10, 5);
    for (int i = 0; i < 5; ++i)
        REQUIRE(limit.admit(kStart));
    CHECK_FALSE(limit.admit(kStart.addSecs(-3600)));
    CHECK_FALSE(limit.admit(kStart));
    CHECK(limit.admit(kStart.addMSecs(100)));
}

TEST_CASE("A rate of 0 admits everything")
{
    RateLimit limit(0, 0);
    for (int i = 0; i < 10000; ++i)
        REQUIRE(limit.admit(kStart));
}
