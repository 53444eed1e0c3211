#pragma once

#include <QList>
#include <QRandomGenerator>

#include <array>
#include <cmath>
#include <numbers>

namespace tlr::feedsim {

// A seeded generator with the few distributions the simulation needs. Every part of the
// simulation owns one, seeded from the run's seed, so that the global generator never leaks
// wall-clock entropy into a run.
class Rng
{
public:
    explicit Rng(quint64 seed = 1)
        : m_generator(seedWords(seed).data(), 2)
    {
    }

    double uniform() { return m_generator.generateDouble(); }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    int index(int count) { return count <= 0 ? 0 : static_cast<int>(m_generator.bounded(count)); }
    quint64 next64() { return m_generator.generate64(); }

    double normal(double mean, double sd)
    {
        // Box-Muller; 1 - u keeps the logarithm away from zero.
        const double u = 1.0 - uniform();
        const double v = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }

    // Waiting time of a Poisson process with the given rate (events per unit).
    double exponential(double rate)
    {
        return rate <= 0 ? 1e300 : -std::log(1.0 - uniform()) / rate;
    }

    int weightedIndex(const QList<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += std::max(0.0, w);
        if (total <= 0)
            return index(static_cast<int>(weights.size()));
        double pick = uniform() * total;
        for (int i = 0; i < weights.size(); ++i) {
            pick -= std::max(0.0, weights.at(i));
            if (pick < 0)
                return i;
        }
        return static_cast<int>(weights.size()) - 1;
    }

    template <typename T> const T &pick(const QList<T> &list)
    {
        return list.at(index(static_cast<int>(list.size())));
    }

private:
    static std::array<quint32, 2> seedWords(quint64 seed)
    {
        return {static_cast<quint32>(seed), static_cast<quint32>(seed >> 32)};
    }

    QRandomGenerator m_generator;
};

} // namespace tlr::feedsim
