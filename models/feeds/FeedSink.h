#pragma once

#include "store/StoredMessage.h"

namespace tlr {

// Where a feed delivers what it received: every data message, accepted or rejected, exactly
// once. Called on the feeds' thread; implementations must be thread-safe.
class FeedSink
{
public:
    virtual ~FeedSink() = default;
    virtual void deliver(StoredMessage message) = 0;
};

} // namespace tlr
