#include "ChartWindow.h"

#include "domain/EnumTable.h"

namespace tlr {

namespace {

constexpr EnumEntry<ChartWindow> kWindows[] = {
    {u"1h", ChartWindow::OneHour},
    {u"24h", ChartWindow::OneDay},
    {u"6h", ChartWindow::SixHours},
    {u"7d", ChartWindow::SevenDays},
};
static_assert(isSortedTable(kWindows));

} // namespace

std::optional<ChartWindow> chartWindowFromKey(QStringView key)
{
    return enumFromKey(kWindows, key);
}

QString chartWindowKey(ChartWindow window) { return enumKey(kWindows, window); }

qint64 chartWindowSeconds(ChartWindow window)
{
    switch (window) {
    case ChartWindow::OneHour: return 3600;
    case ChartWindow::SixHours: return 6 * 3600;
    case ChartWindow::OneDay: return 24 * 3600;
    case ChartWindow::SevenDays: return 7 * 24 * 3600;
    case ChartWindow::Unknown: break;
    }
    return 0;
}

Resolution chartWindowResolution(ChartWindow window)
{
    return window == ChartWindow::SevenDays ? Resolution::Hour : Resolution::Minute;
}

} // namespace tlr
