#pragma once

#include "TimeSeries.h"

#include <span>
#include <vector>

namespace tlr::Lttb {

// Largest-Triangle-Three-Buckets (Steinarsson 2013): picks `threshold` points that keep a line's
// visual shape: the first and the last point, and from each bucket between them the point
// spanning the largest triangle with the point kept before and the next bucket's mean, which is
// where peaks and dips are. Returns exactly min(threshold, size) points; with fewer points than
// that, or a threshold under 3, the points pass through unchanged (a line needs its ends).
// Points must be in time order. One pass, no allocation beyond the result.
std::vector<TimePoint> downsample(std::span<const TimePoint> points, std::size_t threshold);

} // namespace tlr::Lttb
