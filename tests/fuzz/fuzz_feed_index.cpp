// RSS 2.0 and Atom indexes of CAP alerts, as HTTP warning services publish them.
#include "FuzzSupport.h"
#include "parsing/FeedIndexParser.h"

#include <QUrl>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QUrl base(QStringLiteral("https://warnings.example.org/cap/index.xml"));
    const auto links = tlr::FeedIndexParser::links(tlr::fuzz::bytes(data, size), base);
    if (links) {
        for (const QUrl &link : *links)
            (void)link.toString();
    }
    return 0;
}
