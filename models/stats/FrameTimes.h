#pragma once

#include <QtGlobal>

#include <vector>

namespace tlr {

// Frame durations in milliseconds, kept in a bounded ring so a wall running for weeks reports
// recent figures in constant memory.
class FrameTimes
{
public:
    explicit FrameTimes(std::size_t capacity = 20000) : m_capacity(capacity) {}

    void record(double milliseconds);
    qsizetype count() const { return qsizetype(m_samples.size()); }
    double percentile(double p) const; // p in [0, 100]; 0 when nothing was recorded
    double maximum() const;

private:
    std::size_t m_capacity;
    std::size_t m_next = 0;
    std::vector<double> m_samples;
};

} // namespace tlr
