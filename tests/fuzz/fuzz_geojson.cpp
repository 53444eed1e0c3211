// GeoJSON FeatureCollections and Features (DLH flood reports and the like).
#include "FuzzSupport.h"
#include "parsing/GeoJsonParser.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::GeoJsonParser parser(tlr::fuzz::context());
    const tlr::ParseResult result = parser.parse(tlr::fuzz::bytes(data, size));
    if (result.isRejected() && !result.events.isEmpty())
        __builtin_trap();
    return 0;
}
