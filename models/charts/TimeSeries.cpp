#include "TimeSeries.h"

#include <algorithm>
#include <cmath>

namespace tlr {

namespace {

bool earlier(const TimePoint &a, const TimePoint &b) { return a.msecs < b.msecs; }

} // namespace

bool TimeSeries::append(TimePoint point)
{
    if (!std::isfinite(point.value))
        return false;
    if (m_points.empty() || m_points.back().msecs < point.msecs) {
        m_points.push_back(point); // the live case: constant time
        return true;
    }
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), point, earlier);
    if (it != m_points.end() && it->msecs == point.msecs)
        *it = point;
    else
        m_points.insert(it, point);
    return true;
}

void TimeSeries::merge(std::span<const TimePoint> points)
{
    for (const TimePoint &p : points)
        append(p);
}

void TimeSeries::removeBefore(qint64 msecs)
{
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), TimePoint{msecs, 0.0},
                                     earlier);
    m_points.erase(m_points.begin(), it);
}

std::span<const TimePoint> TimeSeries::between(qint64 fromMsecs, qint64 toMsecs) const
{
    const auto first = std::lower_bound(m_points.begin(), m_points.end(),
                                        TimePoint{fromMsecs, 0.0}, earlier);
    const auto last = std::upper_bound(first, m_points.end(), TimePoint{toMsecs, 0.0}, earlier);
    return {first, last};
}

} // namespace tlr
