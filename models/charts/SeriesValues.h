#pragma once

#include "SeriesSpec.h"
#include "TimeSeries.h"
#include "domain/Observation.h"
#include "store/StoreRecords.h"

#include <QDateTime>
#include <QHash>

#include <deque>
#include <optional>
#include <vector>

namespace tlr::SeriesValues {

// Rollups of the store as a chart line needs them: by entity id, then by quantity.
using RollupTable = QHash<QString, QHash<QString, QList<RollupPoint>>>;

// The line's value from the latest observation of each of its entities, at the time of the
// newest of them. None when no entity of the line has reported the quantity yet.
std::optional<TimePoint> live(const SeriesSpec &spec, const SeriesLine &line,
                              const QHash<QString, Observation> &observations);

// The line's history from bucket means, one point per bucket start at which at least one entity
// has the quantity (and the denominator, for a ratio). Buckets no entity reported stay absent:
// a gap is not a zero.
std::vector<TimePoint> fromRollups(const SeriesSpec &spec, const SeriesLine &line,
                                   const RollupTable &rollups);

// Reports the line's filter matches, counted per hour for every hour from the one holding
// `from` to the one holding `to` (the last one partial), stamped at the hour's start. Hours
// are UTC hours, which are WIB hours too: WIB is a whole seven hours ahead.
std::vector<TimePoint> reportsPerHour(const SeriesLine &line, const std::deque<SharedReport> &reports,
                                      const QDateTime &from, const QDateTime &to);

// Combines entity values into the line's value (mean, or ratio of sums), see SeriesLine.
struct EntityValue
{
    double numerator = 0.0;
    std::optional<double> denominator;
};
std::optional<double> combine(const SeriesSpec &spec, const SeriesLine &line,
                              const std::vector<EntityValue> &values);

} // namespace tlr::SeriesValues
