#pragma once

#include "Envelope.h"
#include "ParseResult.h"
#include "ParserLimits.h"

#include <QByteArray>

namespace tlr {

// Reads one wire message (a WebSocket text frame) into an Envelope.
class EnvelopeParser
{
public:
    struct Result
    {
        std::optional<Envelope> envelope;
        ParseProblem problem; // set when envelope is empty
    };

    explicit EnvelopeParser(ParserLimits limits = {}) : m_limits(limits) {}

    Result parse(const QByteArray &message) const;

private:
    ParserLimits m_limits;
};

} // namespace tlr
