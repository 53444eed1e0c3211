// Wall profiles (docs/wall-profiles.md): screens, tiles and their spans.
#include "FuzzSupport.h"
#include "wall/WallProfileReader.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = tlr::WallProfileReader::read(tlr::fuzz::bytes(data, size),
                                                     QStringLiteral("fuzz.json"));
    if (const auto *error = std::get_if<tlr::WallProfileReader::Error>(&result))
        (void)error->toString();
    return 0;
}
