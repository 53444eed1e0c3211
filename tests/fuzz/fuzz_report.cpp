// Our tlr.report JSON (112 calls, LAKSA complaints).
#include "FuzzSupport.h"
#include "parsing/ReportParser.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::ReportParser parser(tlr::fuzz::context());
    const tlr::ParseResult result = parser.parse(tlr::fuzz::bytes(data, size));
    if (result.isRejected() && !result.events.isEmpty())
        __builtin_trap();
    return 0;
}
