#pragma once

#include "Rng.h"
#include "Scheduler.h"
#include "SimMessage.h"
#include "World.h"

#include <functional>

namespace tlr::feedsim {

// What every agency generator is given: the shared world, the event queue, the load multiplier
// and where its messages go.
struct GeneratorContext
{
    World *world = nullptr;
    Scheduler *scheduler = nullptr;
    double rate = 1.0; // --rate: multiplies update frequencies and event rates
    std::function<void(SimMessage)> output;
};

// Base of the five agency systems: periodic per-entity updates and Poisson events, both in
// simulated time and both drawing from the generator's own seeded Rng.
class Generator
{
public:
    virtual ~Generator() = default;
    virtual void start(qint64 startMs) = 0;

protected:
    Generator(const GeneratorContext &context, FeedId feed, quint64 seed)
        : m_context(context)
        , m_feed(feed)
        , m_rng(seed)
    {
    }

    World &world() { return *m_context.world; }
    const Network &network() const { return m_context.world->network(); }
    const Scenario &scenario() const { return m_context.world->scenario(); }
    Rng &rng() { return m_rng; }
    double rate() const { return m_context.rate; }

    // Runs update(i, now) for each of count entities every intervalSeconds / rate, spread
    // evenly over the interval so that the wall sees a steady stream rather than bursts.
    void every(qint64 startMs, double intervalSeconds, int count,
               std::function<void(int, qint64)> update);
    // Fires a Poisson process whose rate (events per hour, before --rate) may change with
    // time: the rate is re-read at least once a simulated minute.
    void poisson(qint64 startMs, std::function<double(qint64)> ratePerHour,
                 std::function<void(qint64)> fire);
    void at(qint64 ms, std::function<void(qint64)> task);

    void publish(PayloadFormat format, qint64 ms, const QJsonValue &payload);
    void publishEntity(qint64 ms, const QJsonObject &entity)
    {
        publish(PayloadFormat::NgsiLd, ms, entity);
    }

private:
    void scheduleUpdate(qint64 ms, qint64 periodMs, int index,
                        const std::shared_ptr<std::function<void(int, qint64)>> &update);
    void schedulePoisson(qint64 fromMs, const std::shared_ptr<std::function<double(qint64)>> &rate,
                         const std::shared_ptr<std::function<void(qint64)>> &fire);

    GeneratorContext m_context;
    FeedId m_feed;
    Rng m_rng;
};

} // namespace tlr::feedsim
