#pragma once

#include "EventComparison.h"

#include "parsing/EnvelopeParser.h"
#include "parsing/FastFrameParser.h"
#include "parsing/PayloadParser.h"

#include <optional>

namespace tlr::test {

// One frame through FastFrameParser and through EnvelopeParser + PayloadParser, as
// FeedIngestor runs them. nullopt: the fast path declined (nothing to compare); empty: it took
// the frame and agrees with the slow path in every field; else what differs.
inline std::optional<QString> fastPathDifference(FastFrameParser &fast, const ParseContext &context,
                                                 const QByteArray &frame)
{
    const std::optional<FastFrameParser::Frame> quick = fast.parse(frame);
    if (!quick)
        return std::nullopt;
    const EnvelopeParser::Result read = EnvelopeParser(context.limits).parse(frame);
    if (!read.envelope)
        return QStringLiteral("the slow path refuses the envelope: ") + read.problem.toString();
    const Envelope &slow = *read.envelope;
    const Envelope &envelope = quick->envelope;
    if (slow.feed != envelope.feed || slow.seq != envelope.seq || slow.sent != envelope.sent ||
        slow.format != envelope.format)
        return QStringLiteral("the envelopes differ");
    const ParseResult result = PayloadParser(context).parse(slow);
    if (!result.problems.isEmpty())
        return QStringLiteral("the slow path has a problem: ") + result.problems.first().toString();
    if (!quick->result.problems.isEmpty())
        return QStringLiteral("the fast path reports a problem");
    return eventsDifference(quick->result.events, result.events);
}

} // namespace tlr::test
