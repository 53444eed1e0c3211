#include "SeriesValues.h"

#include <cmath>
#include <map>

namespace tlr::SeriesValues {

namespace {

constexpr qint64 kHourMsecs = 3600 * 1000;

qint64 hourStart(qint64 msecs)
{
    return msecs - ((msecs % kHourMsecs) + kHourMsecs) % kHourMsecs;
}

} // namespace

std::optional<double> combine(const SeriesSpec &spec, const SeriesLine &line,
                              const std::vector<EntityValue> &values)
{
    const bool ratio = !spec.lineDenominator(line).isEmpty();
    double numerator = 0.0;
    double denominator = 0.0;
    int count = 0;
    for (const EntityValue &v : values) {
        if (ratio && !v.denominator)
            continue;
        numerator += v.numerator;
        denominator += ratio ? *v.denominator : 1.0;
        ++count;
    }
    if (count == 0 || denominator == 0.0)
        return std::nullopt;
    double value = numerator / denominator;
    if (line.reference)
        value /= *line.reference;
    value *= spec.scale;
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<TimePoint> live(const SeriesSpec &spec, const SeriesLine &line,
                              const QHash<QString, Observation> &observations)
{
    const QString quantity = spec.lineQuantity(line);
    const QString denominator = spec.lineDenominator(line);
    std::vector<EntityValue> values;
    qint64 newest = 0;
    bool any = false;
    for (const QString &id : line.entities) {
        const auto it = observations.constFind(id);
        if (it == observations.constEnd() || !it->observedAt.isValid())
            continue;
        const auto value = it->value(quantity);
        if (!value)
            continue;
        EntityValue v{*value, std::nullopt};
        if (!denominator.isEmpty())
            v.denominator = it->value(denominator);
        values.push_back(v);
        newest = any ? std::max(newest, it->observedAt.toMSecsSinceEpoch())
                     : it->observedAt.toMSecsSinceEpoch();
        any = true;
    }
    const auto value = combine(spec, line, values);
    if (!value)
        return std::nullopt;
    return TimePoint{newest, *value};
}

std::vector<TimePoint> fromRollups(const SeriesSpec &spec, const SeriesLine &line,
                                   const RollupTable &rollups)
{
    const QString quantity = spec.lineQuantity(line);
    const QString denominator = spec.lineDenominator(line);
    // bucket start -> the entities' values in it
    std::map<qint64, std::vector<EntityValue>> buckets;
    for (const QString &id : line.entities) {
        const auto entity = rollups.constFind(id);
        if (entity == rollups.constEnd())
            continue;
        QHash<qint64, double> denominators;
        if (!denominator.isEmpty()) {
            for (const RollupPoint &p : entity->value(denominator)) {
                if (p.count > 0)
                    denominators.insert(p.bucketStart.toMSecsSinceEpoch(), p.mean());
            }
        }
        for (const RollupPoint &p : entity->value(quantity)) {
            if (p.count <= 0 || !p.bucketStart.isValid())
                continue;
            const qint64 t = p.bucketStart.toMSecsSinceEpoch();
            EntityValue v{p.mean(), std::nullopt};
            if (!denominator.isEmpty()) {
                const auto d = denominators.constFind(t);
                if (d == denominators.constEnd())
                    continue;
                v.denominator = *d;
            }
            buckets[t].push_back(v);
        }
    }
    std::vector<TimePoint> points;
    points.reserve(buckets.size());
    for (const auto &[t, values] : buckets) {
        if (const auto value = combine(spec, line, values))
            points.push_back({t, *value});
    }
    return points;
}

std::vector<TimePoint> reportsPerHour(const SeriesLine &line, const std::deque<SharedReport> &reports,
                                      const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to < from)
        return {};
    const qint64 first = hourStart(from.toMSecsSinceEpoch());
    const qint64 last = hourStart(to.toMSecsSinceEpoch());
    std::vector<TimePoint> points;
    points.reserve(std::size_t((last - first) / kHourMsecs + 1));
    for (qint64 t = first; t <= last; t += kHourMsecs)
        points.push_back({t, 0.0});
    for (const SharedReport &report : reports) {
        if (!report->receivedAt.isValid() || !line.reports.matches(*report))
            continue;
        const qint64 at = report->receivedAt.toMSecsSinceEpoch();
        if (at < first || at > to.toMSecsSinceEpoch())
            continue;
        points[std::size_t((hourStart(at) - first) / kHourMsecs)].value += 1.0;
    }
    return points;
}

} // namespace tlr::SeriesValues
