#pragma once

#include "FeedConfig.h"
#include "FeedStatus.h"
#include "RateLimit.h"
#include "SequenceTracker.h"

#include "parsing/EnvelopeParser.h"
#include "parsing/FastFrameParser.h"
#include "parsing/PayloadParser.h"

#include <QByteArray>
#include <QDateTime>

namespace tlr {

class FeedSink;

// Turns what one feed receives into stored messages and normalized events, and keeps that
// feed's account: every data message is either accepted or rejected (with its reason, kept in
// quarantine); heartbeats keep the feed alive but are not messages; a message seen twice is a
// duplicate and goes nowhere. No network here: subscriptions and pollers hand bytes in.
class FeedIngestor
{
public:
    enum class Outcome { Heartbeat, Accepted, Rejected, Duplicate };

    FeedIngestor(FeedConfig config, FeedSink *sink, ParserLimits limits = {});

    // One wire message (a WebSocket text frame with our envelope).
    Outcome ingestFrame(const QByteArray &frame, const QDateTime &receivedAt);
    // A new connection is about to deliver from resumeFrom() on. A first message numbered below
    // that means the server was restarted and numbers a new stream from 1 (docs/wire.md).
    void beginConnection();
    // Over a broker no connection reaches the publisher, so none can tell of its restart: with
    // this on, a message numbered 1 after higher numbers starts a new stream (docs/wire.md, "MQTT").
    void setSeqOneStartsStream(bool on) { m_seqOneStartsStream = on; }
    // One document fetched over HTTP (no envelope): its format is the feed's, or detected.
    Outcome ingestDocument(const QByteArray &document, const QDateTime &receivedAt);

    const FeedConfig &config() const { return m_config; }
    const FeedStatus &status() const { return m_status; }
    FeedStatus &status() { return m_status; }
    const SequenceTracker &sequence() const { return m_sequence; }

private:
    // False, with the message rejected, when the feed is over its rate: a flood is logged when
    // it starts and when it ends, not once a message.
    bool admitAtRate(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                     const QDateTime &receivedAt);
    Outcome reject(const QByteArray &bytes, qint64 seq, PayloadFormat format, const QDateTime &receivedAt,
                   const QString &reason);
    void quarantine(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                    const QDateTime &receivedAt, const QString &reason);
    Outcome accept(const QByteArray &bytes, qint64 seq, PayloadFormat format, const QDateTime &receivedAt,
                   ParseResult &&result);

    FeedConfig m_config;
    FeedSink *m_sink;
    // Tried first on every frame; what it is unsure of goes to the two parsers below.
    FastFrameParser m_fastParser;
    EnvelopeParser m_envelopeParser;
    PayloadParser m_payloadParser;
    SequenceTracker m_sequence;
    RateLimit m_rate;
    qint64 m_overRateRun = 0; // messages rejected over the rate since the last one admitted
    FeedStatus m_status;
    // HTTP documents are numbered by arrival: at least the arrival time in milliseconds x 1000,
    // so that the numbers keep rising across restarts and the store never takes a new document
    // for one it kept in an earlier run.
    qint64 m_documentSeq = 0;
    bool m_awaitingFirstOnConnection = false;
    bool m_seqOneStartsStream = false;
    // An unreadable frame has no seq: if the connection drops right after one, the resume
    // replays it, and it must not be counted twice (docs/wire.md, "Counting").
    qint64 m_unreadableAfterSeq = -1;
    bool m_replayMayRepeatUnreadable = false;
    qint64 m_connectionSince = 0;
};

} // namespace tlr
