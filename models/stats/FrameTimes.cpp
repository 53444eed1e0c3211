#include "FrameTimes.h"

#include <algorithm>
#include <cmath>

namespace tlr {

void FrameTimes::record(double milliseconds)
{
    if (m_samples.size() < m_capacity) {
        m_samples.push_back(milliseconds);
    } else {
        m_samples[m_next] = milliseconds;
        m_next = (m_next + 1) % m_capacity;
    }
}

double FrameTimes::percentile(double p) const
{
    if (m_samples.empty())
        return 0.0;
    std::vector<double> sorted = m_samples;
    // Nearest-rank: the smallest sample with at least p % of the samples at or below it.
    const auto rank = std::size_t(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(sorted.size())));
    const std::size_t k = rank == 0 ? 0 : rank - 1;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(k), sorted.end());
    return sorted[k];
}

double FrameTimes::maximum() const
{
    return m_samples.empty() ? 0.0 : *std::max_element(m_samples.begin(), m_samples.end());
}

} // namespace tlr
