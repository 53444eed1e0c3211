#include "Simulation.h"

#include "EmergencyGenerator.h"
#include "EnvironmentGenerator.h"
#include "HealthGenerator.h"
#include "TrafficGenerator.h"
#include "WaterGenerator.h"

namespace tlr::feedsim {

Simulation::Simulation(const ScenarioBundle &bundle, const Options &options)
{
    Rng seeds(options.seed);
    m_world = std::make_unique<World>(bundle, options.startMs, seeds.next64());
    m_scheduler.setNow(options.startMs);
    GeneratorContext context;
    context.world = m_world.get();
    context.scheduler = &m_scheduler;
    context.rate = options.rate > 0 ? options.rate : 1.0;
    context.output = [this](SimMessage message) {
        m_pending.push_back(std::move(message));
    };
    // Each generator draws its own seed in a fixed order: adding draws to one agency does not
    // change what the others publish.
    m_generators.push_back(std::make_unique<TrafficGenerator>(context, seeds.next64()));
    m_generators.push_back(std::make_unique<HealthGenerator>(context, seeds.next64()));
    m_generators.push_back(std::make_unique<WaterGenerator>(context, seeds.next64()));
    m_generators.push_back(std::make_unique<EnvironmentGenerator>(context, seeds.next64()));
    m_generators.push_back(std::make_unique<EmergencyGenerator>(context, seeds.next64()));
    for (auto &generator : m_generators)
        generator->start(options.startMs);
}

Simulation::~Simulation() = default;

std::vector<SimMessage> Simulation::advanceTo(qint64 simMs)
{
    m_scheduler.runUntil(simMs);
    m_world->advanceTo(simMs);
    std::vector<SimMessage> out;
    out.swap(m_pending);
    return out;
}

} // namespace tlr::feedsim
