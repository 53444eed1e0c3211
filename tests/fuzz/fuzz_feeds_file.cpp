// Feeds files (docs/feeds.md), with a ${VAR} in urls replaced the way the demo does it.
#include "FuzzSupport.h"
#include "feeds/FeedsFileReader.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QHash<QString, QString> variables{{QStringLiteral("DEMO_PORT"), QStringLiteral("8765")}};
    const auto result = tlr::FeedsFileReader::read(tlr::fuzz::bytes(data, size),
                                                   QStringLiteral("fuzz.json"), variables);
    if (const auto *error = std::get_if<tlr::FeedsFileReader::Error>(&result))
        (void)error->toString();
    return 0;
}
