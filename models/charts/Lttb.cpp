#include "Lttb.h"

#include <cmath>

namespace tlr::Lttb {

std::vector<TimePoint> downsample(std::span<const TimePoint> points, std::size_t threshold)
{
    const std::size_t n = points.size();
    if (threshold >= n || threshold < 3)
        return {points.begin(), points.end()};

    std::vector<TimePoint> out;
    out.reserve(threshold);
    out.push_back(points.front());

    // Times relative to the first point: epoch milliseconds squared lose every digit that
    // matters to the triangle areas.
    const qint64 origin = points.front().msecs;
    const auto x = [&](std::size_t i) { return double(points[i].msecs - origin); };

    const double every = double(n - 2) / double(threshold - 2);
    std::size_t a = 0; // the point kept last
    for (std::size_t bucket = 0; bucket < threshold - 2; ++bucket) {
        const std::size_t begin = std::size_t(double(bucket) * every) + 1;
        const std::size_t end = std::min(std::size_t(double(bucket + 1) * every) + 1, n - 1);

        // The next bucket's mean (the last point for the last bucket).
        const std::size_t nextBegin = end;
        const std::size_t nextEnd = std::min(std::size_t(double(bucket + 2) * every) + 1, n);
        double meanX = 0.0;
        double meanY = 0.0;
        for (std::size_t i = nextBegin; i < nextEnd; ++i) {
            meanX += x(i);
            meanY += points[i].value;
        }
        const double count = double(nextEnd - nextBegin);
        meanX /= count;
        meanY /= count;

        const double ax = x(a);
        const double ay = points[a].value;
        double largest = -1.0;
        std::size_t chosen = begin;
        for (std::size_t i = begin; i < end; ++i) {
            // Twice the triangle's area; the factor does not change which is largest.
            const double area = std::abs((ax - meanX) * (points[i].value - ay)
                                         - (ax - x(i)) * (meanY - ay));
            if (area > largest) {
                largest = area;
                chosen = i;
            }
        }
        out.push_back(points[chosen]);
        a = chosen;
    }
    out.push_back(points.back());
    return out;
}

} // namespace tlr::Lttb
