#pragma once

#include "ThrowawayPostgres.h"

#include <QUuid>

#include <catch2/catch.hpp>

namespace tlr::test {

// ctest's SKIP_RETURN_CODE for these tests (tests/unit/room/CMakeLists.txt).
constexpr int kSkipReturnCode = 77;

// Started by the runner for the whole run.
extern ThrowawayPostgres *sharedServer;

// A fresh database on the run's server: its URL.
inline QString freshDatabase()
{
    REQUIRE(sharedServer);
    const QString name =
        QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    const QString error = sharedServer->createDatabase(name);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    return sharedServer->url(name);
}

} // namespace tlr::test
