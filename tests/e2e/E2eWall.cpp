#include "E2eWall.h"

#include "WallOptions.h"
#include "theme/Theme.h"

#include <QApplication>

#include <cstdio>

namespace tlr::e2e {

std::unique_ptr<WallApplication> startWall(const QStringList &wallArguments,
                                           const QElapsedTimer &startTimer, int *exitStatus)
{
    auto parsed = WallOptions::parse(wallArguments);
    if (auto *error = std::get_if<WallOptions::Error>(&parsed)) {
        std::fprintf(stderr, "%s\n", qPrintable(error->message));
        *exitStatus = 2;
        return nullptr;
    }
    Theme::apply(*qApp);
    auto wall = std::make_unique<WallApplication>(std::get<WallOptions>(std::move(parsed)),
                                                  startTimer);
    if (const QString error = wall->start(); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        *exitStatus = 1;
        return nullptr;
    }
    return wall;
}

} // namespace tlr::e2e
