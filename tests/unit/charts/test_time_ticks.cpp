#include "charts/ChartWindow.h"
#include "charts/TimeTicks.h"
#include "domain/WallClock.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSet>

using namespace tlr;

namespace {

qint64 utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

TEST_CASE("Time ticks fall on whole WIB hours and are labelled in WIB")
{
    // 24 h ending 23 Nov 10:20 UTC (17:20 WIB), room for 8 labels: every 4 hours of WIB.
    const auto ticks = timeTicks(utc(22, 10, 20), utc(23, 10, 20), 8, WallClock::wib());
    REQUIRE(ticks.size() >= 6);
    REQUIRE(ticks.size() <= 8);
    CHECK(ticks.front().label == QStringLiteral("20:00")); // 22 Nov 13:00 UTC
    CHECK(ticks.front().msecs == utc(22, 13));
    QSet<QString> labels;
    for (const TimeTick &t : ticks)
        labels.insert(t.label);
    CHECK(labels.size() == int(ticks.size()));
}

TEST_CASE("A seven-day window is ticked on WIB midnights")
{
    const auto ticks = timeTicks(utc(16, 10), utc(23, 10), 8, WallClock::wib());
    REQUIRE_FALSE(ticks.empty());
    for (const TimeTick &t : ticks) {
        const QDateTime wib = QDateTime::fromMSecsSinceEpoch(t.msecs, QTimeZone::utc())
                                  .toTimeZone(WallClock::wib());
        CHECK(wib.time() == QTime(0, 0));
    }
}

TEST_CASE("No room, no ticks - a one-hour window every 10 minutes when 7 fit")
{
    CHECK(timeTicks(utc(23, 0), utc(23, 1), 0, WallClock::wib()).empty());
    CHECK(timeTicks(utc(23, 1), utc(23, 0), 5, WallClock::wib()).empty());
    const auto ticks = timeTicks(utc(23, 0), utc(23, 1, 0) + 0, 7, WallClock::wib());
    CHECK(ticks.size() == 7);
}

TEST_CASE("Chart windows of the wall profile")
{
    CHECK(chartWindowFromKey(u"1h") == ChartWindow::OneHour);
    CHECK(chartWindowFromKey(u"6h") == ChartWindow::SixHours);
    CHECK(chartWindowFromKey(u"24h") == ChartWindow::OneDay);
    CHECK(chartWindowFromKey(u"7d") == ChartWindow::SevenDays);
    CHECK_FALSE(chartWindowFromKey(u"2w"));
    CHECK(chartWindowSeconds(ChartWindow::SevenDays) == 7 * 24 * 3600);
    CHECK(chartWindowResolution(ChartWindow::SevenDays) == Resolution::Hour);
    CHECK(chartWindowResolution(ChartWindow::OneDay) == Resolution::Minute);
}
