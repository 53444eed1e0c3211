#pragma once

#include "WallOptions.h"

namespace tlr {

// tlr-wall --db FILE --handover-report OUT.pdf [--since T] [--until T] [--lang id|en]: reads the
// database read-only (as --verify-audit does, so it may run beside the wall) and writes the shift
// handover report. Needs a QGuiApplication (fonts), not a display.
class HandoverCommand
{
public:
    // Exit codes: 0 written; 1 the PDF could not be written; 2 a window ending before it
    // starts; 3 the database could not be read.
    static int run(const WallOptions &options);
};

} // namespace tlr
