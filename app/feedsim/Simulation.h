#pragma once

#include "Generator.h"
#include "ScenarioBundle.h"
#include "Scheduler.h"
#include "SimMessage.h"
#include "World.h"

#include <memory>
#include <vector>

namespace tlr::feedsim {

// The whole simulated city: advance it to a moment of simulated time and collect what the
// agency systems published meanwhile, in order. Same bundle, seed, start and rate: the same
// messages, however the advance is sliced.
class Simulation
{
public:
    struct Options
    {
        quint64 seed = 1;
        qint64 startMs = 0; // simulated start, UTC ms since the epoch
        double rate = 1.0;
    };

    Simulation(const ScenarioBundle &bundle, const Options &options);
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    std::vector<SimMessage> advanceTo(qint64 simMs);
    qint64 now() const { return m_scheduler.now(); }
    const World &world() const { return *m_world; }

private:
    std::unique_ptr<World> m_world;
    Scheduler m_scheduler;
    std::vector<std::unique_ptr<Generator>> m_generators;
    std::vector<SimMessage> m_pending;
};

} // namespace tlr::feedsim
