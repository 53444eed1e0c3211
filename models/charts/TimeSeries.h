#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

namespace tlr {

// One sample of a chart line: milliseconds since the epoch (UTC) and a value.
struct TimePoint
{
    qint64 msecs = 0;
    double value = 0.0;

    friend bool operator==(const TimePoint &, const TimePoint &) = default;
};

// A chart line's samples in time order. Late points are put in their place and a point at a time
// already held replaces it, so replays and history arriving after live data cannot scramble the
// line. Non-finite values are refused: a NaN must never become a spike or a hole drawn as data.
class TimeSeries
{
public:
    bool append(TimePoint point); // false when the value is not finite
    void merge(std::span<const TimePoint> points);
    void removeBefore(qint64 msecs);
    void clear() { m_points.clear(); }

    const std::vector<TimePoint> &points() const { return m_points; }
    std::span<const TimePoint> between(qint64 fromMsecs, qint64 toMsecs) const;
    bool isEmpty() const { return m_points.empty(); }
    std::size_t size() const { return m_points.size(); }
    const TimePoint &last() const { return m_points.back(); }

private:
    std::vector<TimePoint> m_points;
};

} // namespace tlr
