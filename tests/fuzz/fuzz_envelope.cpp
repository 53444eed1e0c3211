// One WebSocket frame as a feed delivers it: the envelope, then its payload the way the
// ingestor hands it on (the parser for the envelope's format, on the already parsed payload).
#include "FuzzSupport.h"
#include "parsing/EnvelopeParser.h"
#include "parsing/PayloadParser.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::EnvelopeParser envelopeParser;
    static const tlr::PayloadParser payloadParser(tlr::fuzz::context());
    const tlr::EnvelopeParser::Result read = envelopeParser.parse(tlr::fuzz::bytes(data, size));
    if (!read.envelope)
        return 0;
    const tlr::ParseResult result = payloadParser.parse(*read.envelope);
    if (result.isRejected() && !result.events.isEmpty())
        __builtin_trap();
    return 0;
}
