#pragma once

#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include "parsing/PayloadParser.h"
#include "store/StoredMessage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tlr::replaytest {

// The storm scenario's messages sent in [startMs, endMs), as the wall receives them: numbered,
// parsed by the real parsers, each handed to receive(sentAt, message) in the order sent.
// Returns how many there were.
// `rate` scales the scenario's message rate (1: the storm as specified, ~40 messages/s).
template <typename Receive>
qint64 playStorm(qint64 startMs, qint64 endMs, double rate, Receive receive)
{
    using namespace tlr::feedsim;
    const ScenarioBundle bundle = test::loadBundle(QStringLiteral("storm"));
    Simulation sim(bundle, {7, startMs, rate});
    qint64 sequence = 0;
    for (qint64 until = startMs; until < endMs;) {
        until = std::min(endMs, until + 60000);
        for (const SimMessage &m : sim.advanceTo(until)) {
            const QDateTime sentAt = QDateTime::fromMSecsSinceEpoch(m.simTimeMs, Qt::UTC);
            ParseContext context;
            context.feedId = feedIdKey(m.feed);
            context.now = sentAt;
            Envelope envelope;
            envelope.feed = context.feedId;
            envelope.seq = ++sequence;
            envelope.sent = sentAt;
            envelope.format = m.format;
            envelope.payload = m.payload;
            ParseResult parsed = PayloadParser(context).parse(envelope);
            if (parsed.isRejected())
                FAIL(parsed.firstError().toStdString());
            StoredMessage message;
            message.feed = envelope.feed;
            message.seq = envelope.seq;
            message.receivedAt = sentAt;
            message.format = m.format;
            message.bytes = m.payload.isObject()
                                ? QJsonDocument(m.payload.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(m.payload.toArray()).toJson(QJsonDocument::Compact);
            message.events = std::move(parsed.events);
            message.personalDetails = std::move(parsed.personalDetails);
            receive(sentAt, message);
        }
    }
    return sequence;
}

} // namespace tlr::replaytest
