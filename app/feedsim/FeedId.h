#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace tlr::feedsim {

// The five simulated agency systems, each served on ws://host:port/feeds/<key> (docs/wire.md).
enum class FeedId {
    Unknown,
    DishubTraffic,
    DinkesHealth,
    TirtaWater,
    DlhEnvironment,
    Emergency112
};

inline constexpr std::array<FeedId, 5> kAllFeeds = {FeedId::DishubTraffic, FeedId::DinkesHealth,
                                                    FeedId::TirtaWater, FeedId::DlhEnvironment,
                                                    FeedId::Emergency112};

QString feedIdKey(FeedId feed);
std::optional<FeedId> feedIdFromKey(QStringView key);
// Position in kAllFeeds, for per-feed arrays; -1 for Unknown.
int feedIndex(FeedId feed);

} // namespace tlr::feedsim
