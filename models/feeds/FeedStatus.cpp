#include "FeedStatus.h"

namespace tlr {

QString feedStateKey(FeedStatus::State state)
{
    switch (state) {
    case FeedStatus::State::Connecting: return QStringLiteral("connecting");
    case FeedStatus::State::Up: return QStringLiteral("up");
    case FeedStatus::State::Stale: return QStringLiteral("stale");
    case FeedStatus::State::Down: return QStringLiteral("down");
    case FeedStatus::State::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace tlr
