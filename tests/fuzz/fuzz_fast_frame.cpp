// Differential: one WebSocket frame through FastFrameParser and through EnvelopeParser +
// PayloadParser. Whatever the fast path takes, the slow path must take too, with no problem
// and the same events field for field; a frame the fast path declines is the slow path's alone.
#include "FastPathCheck.h"
#include "FuzzSupport.h"

#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tlr::ParseContext context = tlr::fuzz::context();
    static tlr::FastFrameParser fast(context);
    const std::optional<QString> difference =
        tlr::test::fastPathDifference(fast, context, tlr::fuzz::bytes(data, size));
    if (difference && !difference->isEmpty()) {
        std::fprintf(stderr, "fast and slow paths differ: %s\n", qPrintable(*difference));
        __builtin_trap();
    }
    return 0;
}
