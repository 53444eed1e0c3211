// CAP 1.2/1.1 XML documents, as HTTP feeds and the envelope carry them.
#include "FuzzSupport.h"
#include "parsing/CapParser.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::CapParser parser(tlr::fuzz::context());
    const tlr::ParseResult result = parser.parse(tlr::fuzz::bytes(data, size));
    // A rejected document yields nothing (ParseResult::isRejected promises it).
    if (result.isRejected() && !result.events.isEmpty())
        __builtin_trap();
    return 0;
}
