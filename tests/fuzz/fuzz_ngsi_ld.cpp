// NGSI-LD entities, arrays and notifications, and NGSI v2 entities (Smart Data Models).
#include "FuzzSupport.h"
#include "parsing/NgsiLdParser.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::NgsiLdParser parser(tlr::fuzz::context());
    const tlr::ParseResult result = parser.parse(tlr::fuzz::bytes(data, size));
    if (result.isRejected() && !result.events.isEmpty())
        __builtin_trap();
    return 0;
}
