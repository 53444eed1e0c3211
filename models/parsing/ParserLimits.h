#pragma once

#include <QtGlobal>

namespace tlr {

// Bounds on what one message may hold. Anything over them is rejected and counted, never
// allowed to grow memory without bound. The defaults fit the busiest real payloads we know
// (a DWD CAP warning with 14 polygons and 2,600 points is about 100 KB).
struct ParserLimits
{
    qsizetype maxMessageBytes = 4 * 1024 * 1024;
    int maxNestingDepth = 64;
    int maxPolygonVertices = 20000;
    int maxFeatures = 50000;
};

} // namespace tlr
