#include "charts/Lttb.h"
#include "charts/TimeSeries.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace tlr;

namespace {

constexpr qint64 kStart = 1795401600000; // 2026-11-23T00:00:00Z

std::vector<TimePoint> sine(std::size_t n)
{
    std::vector<TimePoint> points(n);
    for (std::size_t i = 0; i < n; ++i)
        points[i] = {kStart + qint64(i) * 1000, std::sin(double(i) / 500.0) * 100.0};
    return points;
}

bool contains(const std::vector<TimePoint> &points, const TimePoint &p)
{
    return std::find(points.begin(), points.end(), p) != points.end();
}

} // namespace

TEST_CASE("LTTB returns exactly the number of points asked for")
{
    const auto points = sine(100000);
    for (std::size_t threshold : {3u, 10u, 777u, 2000u, 99999u}) {
        INFO(threshold);
        CHECK(Lttb::downsample(points, threshold).size() == threshold);
    }
}

TEST_CASE("LTTB keeps the first and the last point")
{
    const auto points = sine(10000);
    const auto out = Lttb::downsample(points, 100);
    REQUIRE(out.size() == 100);
    CHECK(out.front() == points.front());
    CHECK(out.back() == points.back());
}

TEST_CASE("LTTB keeps a spike and a dip that a line would show")
{
    auto points = sine(50000);
    const TimePoint peak{points[12345].msecs, 900.0};
    const TimePoint dip{points[40001].msecs, -700.0};
    points[12345] = peak;
    points[40001] = dip;
    const auto out = Lttb::downsample(points, 500);
    CHECK(contains(out, peak));
    CHECK(contains(out, dip));

    // Without spikes, the sine's own maximum and minimum survive too.
    const auto smooth = sine(50000);
    const auto kept = Lttb::downsample(smooth, 500);
    const auto [lo, hi] = std::minmax_element(kept.begin(), kept.end(),
        [](const TimePoint &a, const TimePoint &b) { return a.value < b.value; });
    CHECK(hi->value == Approx(100.0).margin(0.01));
    CHECK(lo->value == Approx(-100.0).margin(0.01));
}

TEST_CASE("LTTB passes fewer points than buckets through unchanged")
{
    const auto points = sine(50);
    CHECK(Lttb::downsample(points, 50) == points);
    CHECK(Lttb::downsample(points, 2000) == points);
    CHECK(Lttb::downsample(points, 2) == points); // no line without its two ends
    CHECK(Lttb::downsample({}, 100).empty());
}

TEST_CASE("LTTB output stays in time order")
{
    const auto out = Lttb::downsample(sine(123457), 1999);
    CHECK(std::is_sorted(out.begin(), out.end(),
                         [](const TimePoint &a, const TimePoint &b) { return a.msecs < b.msecs; }));
    CHECK(std::adjacent_find(out.begin(), out.end()) == out.end());
}

TEST_CASE("A time series keeps time order, replaces equal times and refuses NaN")
{
    TimeSeries series;
    CHECK(series.append({kStart + 2000, 2.0}));
    CHECK(series.append({kStart + 1000, 1.0})); // late: put in its place
    CHECK(series.append({kStart + 3000, 3.0}));
    CHECK(series.append({kStart + 2000, 20.0})); // the same time again: replaced
    CHECK_FALSE(series.append({kStart + 4000, std::numeric_limits<double>::quiet_NaN()}));
    CHECK_FALSE(series.append({kStart + 4000, std::numeric_limits<double>::infinity()}));
    REQUIRE(series.size() == 3);
    CHECK(series.points()[0] == TimePoint{kStart + 1000, 1.0});
    CHECK(series.points()[1] == TimePoint{kStart + 2000, 20.0});
    CHECK(series.points()[2] == TimePoint{kStart + 3000, 3.0});

    CHECK(series.between(kStart + 1500, kStart + 3000).size() == 2);
    CHECK(series.between(kStart + 5000, kStart + 6000).empty());
    series.removeBefore(kStart + 2000);
    CHECK(series.size() == 2);
    CHECK(series.points().front().msecs == kStart + 2000);
}
