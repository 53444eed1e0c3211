#pragma once

#include "FeedId.h"

#include "parsing/Envelope.h"

#include <QJsonValue>

namespace tlr::feedsim {

// One message an agency system publishes, before the wire gives it a sequence number.
// simTimeMs is the simulated moment it was sent (ms since the epoch, UTC).
struct SimMessage
{
    FeedId feed = FeedId::Unknown;
    PayloadFormat format = PayloadFormat::Unknown;
    qint64 simTimeMs = 0;
    QJsonValue payload;
};

} // namespace tlr::feedsim
