#pragma once

#include "store/StoreRecords.h"

#include <QString>

#include <optional>

namespace tlr {

// The time span a chart shows, ending now: the profile's "window" parameter.
enum class ChartWindow { Unknown, OneHour, SixHours, OneDay, SevenDays };

std::optional<ChartWindow> chartWindowFromKey(QStringView key); // "1h", "6h", "24h", "7d"
QString chartWindowKey(ChartWindow window);
qint64 chartWindowSeconds(ChartWindow window);
// The store's rollups a window is drawn from: minutes up to a day, hours beyond.
Resolution chartWindowResolution(ChartWindow window);

} // namespace tlr
