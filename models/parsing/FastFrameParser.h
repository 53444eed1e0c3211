#pragma once

#include "Envelope.h"
#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace simdjson::dom {
class parser;
}

namespace tlr {

class InternedLocations;
class InternedStrings;

// The wire's common case read in one simdjson pass: an envelope around a heartbeat or one clean
// NGSI-LD entity (normalized or keyValues) becomes the same Envelope header and the same events
// EnvelopeParser + PayloadParser would make, at a fraction of QJsonDocument's cost.
//
// It only ever says "yes, these" or "not mine": any message it has the least doubt about (a
// shape it does not read, a duplicate key, an escape, a byte over 0x7f, a number QJsonDocument
// might read differently, anything the slow path would warn about or reject) returns nullopt,
// and the caller hands the bytes to the QJsonDocument parsers, which give the counted, worded
// verdict. So rejections and warnings always come from one place.
class FastFrameParser
{
public:
    struct Frame
    {
        Envelope envelope; // without its payload: the events below are what it held
        ParseResult result; // never a problem in it: those are the slow path's to report
    };

    // `context` as PayloadParser gets it: the envelope's feed becomes the events' source.
    explicit FastFrameParser(ParseContext context = {});
    ~FastFrameParser();
    FastFrameParser(const FastFrameParser &) = delete;
    FastFrameParser &operator=(const FastFrameParser &) = delete;

    std::optional<Frame> parse(const QByteArray &message);

private:
    ParseContext m_context;
    std::unique_ptr<simdjson::dom::parser> m_parser; // reused: its buffers stay allocated
    std::unique_ptr<InternedStrings> m_strings; // the feed's recurring texts, shared
    std::unique_ptr<InternedLocations> m_locations; // its sensors' shapes, shared
    bool m_ready = false; // false: out of memory at start, every frame takes the slow path
};

} // namespace tlr
