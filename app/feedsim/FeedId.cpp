#include "FeedId.h"

#include "domain/EnumTable.h"

namespace tlr::feedsim {
namespace {

constexpr EnumEntry<FeedId> kFeedKeys[] = {
    {u"dinkes-health", FeedId::DinkesHealth},     {u"dishub-traffic", FeedId::DishubTraffic},
    {u"dlh-environment", FeedId::DlhEnvironment}, {u"emergency-112", FeedId::Emergency112},
    {u"tirta-water", FeedId::TirtaWater},
};
static_assert(isSortedTable(kFeedKeys));

} // namespace

QString feedIdKey(FeedId feed)
{
    return enumKey(kFeedKeys, feed);
}

std::optional<FeedId> feedIdFromKey(QStringView key)
{
    return enumFromKey(kFeedKeys, key);
}

int feedIndex(FeedId feed)
{
    for (std::size_t i = 0; i < kAllFeeds.size(); ++i) {
        if (kAllFeeds[i] == feed)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace tlr::feedsim
