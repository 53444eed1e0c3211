#include "Generator.h"

#include <memory>

namespace tlr::feedsim {

void Generator::at(qint64 ms, std::function<void(qint64)> task)
{
    m_context.scheduler->at(ms, [this, task = std::move(task)](qint64 now) {
        world().advanceTo(now);
        task(now);
    });
}

void Generator::every(qint64 startMs, double intervalSeconds, int count,
                      std::function<void(int, qint64)> update)
{
    const qint64 periodMs = std::max<qint64>(50, qint64(intervalSeconds * 1000.0 / rate()));
    auto shared = std::make_shared<std::function<void(int, qint64)>>(std::move(update));
    for (int i = 0; i < count; ++i)
        scheduleUpdate(startMs + periodMs * i / std::max(1, count), periodMs, i, shared);
}

void Generator::scheduleUpdate(qint64 ms, qint64 periodMs, int index,
                               const std::shared_ptr<std::function<void(int, qint64)>> &update)
{
    at(ms, [this, periodMs, index, update](qint64 now) {
        (*update)(index, now);
        scheduleUpdate(now + periodMs, periodMs, index, update);
    });
}

void Generator::poisson(qint64 startMs, std::function<double(qint64)> ratePerHour,
                        std::function<void(qint64)> fire)
{
    schedulePoisson(startMs,
                    std::make_shared<std::function<double(qint64)>>(std::move(ratePerHour)),
                    std::make_shared<std::function<void(qint64)>>(std::move(fire)));
}

void Generator::schedulePoisson(qint64 fromMs,
                                const std::shared_ptr<std::function<double(qint64)>> &ratePerHour,
                                const std::shared_ptr<std::function<void(qint64)>> &fire)
{
    constexpr qint64 recheckMs = 60 * 1000;
    world().advanceTo(fromMs);
    const double perMs = std::max(0.0, (*ratePerHour)(fromMs)) * rate() / 3600000.0;
    const double wait = m_rng.exponential(perMs);
    // Memorylessness: if nothing happens before the re-check, drawing afresh with the rate of
    // that moment is the same process, now following the rate's changes.
    if (wait >= double(recheckMs)) {
        at(fromMs + recheckMs,
           [this, ratePerHour, fire](qint64 now) { schedulePoisson(now, ratePerHour, fire); });
        return;
    }
    at(fromMs + std::max<qint64>(1, qint64(wait)), [this, ratePerHour, fire](qint64 now) {
        (*fire)(now);
        schedulePoisson(now, ratePerHour, fire);
    });
}

void Generator::publish(PayloadFormat format, qint64 ms, const QJsonValue &payload)
{
    m_context.output(SimMessage{m_feed, format, ms, payload});
}

} // namespace tlr::feedsim
