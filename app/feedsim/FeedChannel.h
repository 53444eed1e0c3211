#pragma once

#include "Rng.h"
#include "SimMessage.h"

#include <QByteArray>
#include <QList>

#include <deque>
#include <optional>

namespace tlr::feedsim {

// One WebSocket text frame as it goes out.
struct Frame
{
    qint64 seq = 0;
    QByteArray bytes;
    bool heartbeat = false;
    bool truncated = false; // corrupted so badly that the envelope, and its seq, is lost
};

// What a feed sent, as the exit report lists it (docs/wire.md, "Counting").
struct FeedStats
{
    qint64 sent = 0; // distinct data messages, each seq once
    qint64 heartbeats = 0;
    qint64 malformed = 0;  // data messages sent corrupted (a subset of sent)
    qint64 duplicates = 0; // extra copies of earlier frames
    qint64 reordered = 0;  // frames sent after their successor
    qint64 replayed = 0;   // frames sent again to clients resuming with ?since=
};

// The wire side of one feed: numbers messages, wraps them in the envelope, applies the
// message faults, keeps the history that ?since= replays. No sockets here: it returns the
// frames to send, in order.
class FeedChannel
{
public:
    struct Options
    {
        double malformed = 0;
        double duplicate = 0;
        double reorder = 0;
        qsizetype historyLimit = 100000;
        qint64 historyMaxAgeMs = 3600 * 1000;
        // A last bound for fast runs (--speed 60 fills 100,000 messages in minutes).
        qint64 historyMaxBytes = 64LL * 1024 * 1024;
    };

    FeedChannel(FeedId feed, const Options &options, quint64 seed);

    QList<Frame> publish(const SimMessage &message, qint64 realMs);
    QList<Frame> heartbeat(qint64 simMs, qint64 realMs);
    QList<Frame> flush(qint64 realMs); // releases a frame held back for reordering
    // Every held frame with seq > since, in seq order, and counts them as replayed.
    QList<Frame> replaySince(qint64 since);

    FeedId feed() const { return m_feed; }
    qint64 lastSeq() const { return m_seq; }
    const FeedStats &stats() const { return m_stats; }
    qsizetype historySize() const { return qsizetype(m_history.size()); }
    qint64 historyBytes() const { return m_historyBytes; }

    static QByteArray envelope(FeedId feed, qint64 seq, qint64 simMs, PayloadFormat format,
                               const QJsonValue &payload);

private:
    struct Stored
    {
        Frame frame;
        qint64 realMs;
    };

    QJsonValue corruptPayload(const QJsonValue &payload, PayloadFormat format);
    void remember(const Frame &frame, qint64 realMs);
    QList<Frame> release(QList<Frame> out, qint64 realMs);

    FeedId m_feed;
    Options m_options;
    Rng m_rng;
    qint64 m_seq = 0;
    FeedStats m_stats;
    std::deque<Stored> m_history;
    qint64 m_historyBytes = 0;
    std::optional<Frame> m_held;
};

} // namespace tlr::feedsim
