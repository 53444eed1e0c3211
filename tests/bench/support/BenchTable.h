#pragma once

// One figure a line, tab-separated, the table tests/bench/run-all collects from every benchmark:
//
//   name  value  unit  baseline  ratio  aim
//
// The baseline is measured in the same run on the same machine, so the ratio holds when the
// machine is busy and the absolute figures swing. The ratio always reads "times as good as the
// baseline": value / baseline for a figure where more is better (messages per second),
// baseline / value for one where less is better (milliseconds). Above 1 beats the baseline.
// A figure without a baseline prints "-" for both. Lines starting with '#' are notes.

#include <cmath>
#include <cstdio>

namespace tlr::bench {

enum class Better { More, Less };

inline void printTableHeader()
{
    std::printf("# name\tvalue\tunit\tbaseline\tratio\taim\n");
    std::fflush(stdout);
}

// Enough digits to read, never an exponent: 128922, 23.8, 4.67, 0.032.
inline void printNumber(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1000 || value == std::floor(value))
        std::printf("%.0f", value);
    else if (magnitude >= 10)
        std::printf("%.1f", value);
    else if (magnitude >= 0.1)
        std::printf("%.2f", value);
    else
        std::printf("%.4f", value);
}

inline void printRow(const char *name, double value, const char *unit, double baseline,
                     Better better, const char *aim)
{
    std::printf("%s\t", name);
    printNumber(value);
    std::printf("\t%s\t", unit);
    printNumber(baseline);
    const double ratio = better == Better::More ? (baseline > 0 ? value / baseline : 0.0)
                                                : (value > 0 ? baseline / value : 0.0);
    std::printf("\t%.2f\t%s\n", ratio, aim && *aim ? aim : "-");
    std::fflush(stdout); // a line is there even if a later figure crashes the run
}

// A figure with no baseline of its own (a frame time against a fixed aim).
inline void printRow(const char *name, double value, const char *unit, const char *aim)
{
    std::printf("%s\t", name);
    printNumber(value);
    std::printf("\t%s\t-\t-\t%s\n", unit, aim && *aim ? aim : "-");
    std::fflush(stdout);
}

} // namespace tlr::bench
