// Alert rule files (docs/alert-rules.md).
#include "FuzzSupport.h"
#include "alerts/AlertRulesReader.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = tlr::AlertRulesReader::read(tlr::fuzz::bytes(data, size),
                                                    QStringLiteral("fuzz.json"));
    if (const auto *error = std::get_if<tlr::AlertRulesReader::Error>(&result))
        (void)error->toString();
    return 0;
}
