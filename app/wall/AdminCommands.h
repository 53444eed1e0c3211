#pragma once

#include "WallOptions.h"

namespace tlr {

// tlr-wall's commands that work on the database and exit: --verify-audit and --handover-report
// (HandoverCommand), which only read it, and the account commands, which write through the
// event store and the audit log like the wall does. Whoever can write the database file
// (mode 0600: the wall's own user) is its administrator; the audit log names them as
// "local:<login name>".
class AdminCommands
{
public:
    // Exit codes: 0 done (the chain holds); 1 the chain does not hold, or the change was
    // refused; 3 the database or the password could not be read.
    static int run(const WallOptions &options);
};

} // namespace tlr
