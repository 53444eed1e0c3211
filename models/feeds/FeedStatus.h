#pragma once

#include "FeedConfig.h"

#include <QDateTime>
#include <QString>

namespace tlr {

// What the operator needs to know about one feed, at a glance: is it alive, how fresh is its
// data, is anything going wrong. Counters are since the wall started.
struct FeedStatus
{
    enum class State { Unknown, Connecting, Up, Stale, Down };

    QString id;
    Agency agency = Agency::Unknown;
    FeedKind kind = FeedKind::Unknown;
    State state = State::Unknown;
    QDateTime lastMessageAt; // wall-clock time of the last message (heartbeats included)
    QDateTime lastDataAt;    // wall-clock time of the last accepted data message
    qint64 received = 0;     // data messages (heartbeats are not counted)
    qint64 accepted = 0;
    qint64 rejected = 0;
    qint64 overRate = 0;      // of the rejected, over the feed's rate limit (FeedConfig)
    qint64 partial = 0;       // accepted with a part skipped (an entity, an attribute), logged
    qint64 duplicates = 0;
    qint64 gaps = 0;          // missing sequence numbers seen
    qint64 gapsRecovered = 0; // of those, later filled by a resume
    double messagesPerMinute = 0.0;
    QString lastError;       // the last problem of any kind: a rejected message, a lost connection
    // Why the feed cannot connect at all — a wrong CA, a missing token, a token the server
    // refused — shown on the feed-health strip; empty once a connection is made.
    QString connectionError;
};

QString feedStateKey(FeedStatus::State state);

} // namespace tlr
