#include "HandoverReport.h"

#include <algorithm>

namespace tlr {

int HandoverReport::liveCount(const std::vector<AlertItem> &items)
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const AlertItem &item) { return item.live; }));
}

} // namespace tlr
