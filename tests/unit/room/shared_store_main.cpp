// The runner of the tests that need a real PostgreSQL server: one throwaway server for the whole
// run (initdb takes seconds), each test case on a database of its own. Without the server
// binaries or Qt's PostgreSQL driver the run is skipped, with the reason, and ctest shows SKIP.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "SharedStoreSupport.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <cstdio>

namespace tlr::test {

ThrowawayPostgres *sharedServer = nullptr;

} // namespace tlr::test

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (tlr::test::ThrowawayPostgres::binDir().isEmpty()) {
        std::printf("SKIP: no PostgreSQL server binaries (Debian: postgresql; "
                    "scripts/install-deps.sh installs it)\n");
        return tlr::test::kSkipReturnCode;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        std::printf("SKIP: no Qt PostgreSQL driver (Debian: libqt6sql6-psql)\n");
        return tlr::test::kSkipReturnCode;
    }
    tlr::test::ThrowawayPostgres server;
    if (const QString error = server.start(); !error.isEmpty()) {
        std::fprintf(stderr, "cannot start a throwaway PostgreSQL: %s\n", qPrintable(error));
        return 1;
    }
    tlr::test::sharedServer = &server;
    const int failed = Catch::Session().run(argc, argv);
    tlr::test::sharedServer = nullptr;
    return failed;
}
