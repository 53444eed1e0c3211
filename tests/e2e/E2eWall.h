#pragma once

#include "WallApplication.h"

#include <QElapsedTimer>
#include <QStringList>

#include <memory>

namespace tlr::e2e {

// The tlr-wall options left after an e2e tool's own arguments, parsed as tlr-wall parses them,
// with the wall's theme applied and the wall started on them. Null, after saying why on stderr,
// when the options are wrong (*exitStatus 2) or the wall cannot start (*exitStatus 1).
std::unique_ptr<WallApplication> startWall(const QStringList &wallArguments,
                                           const QElapsedTimer &startTimer, int *exitStatus);

} // namespace tlr::e2e
