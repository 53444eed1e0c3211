#include "store/DatabaseUrl.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

QString errorOf(const char *text)
{
    const auto result = DatabaseUrl::parse(QString::fromLatin1(text));
    const auto *error = std::get_if<DatabaseUrl::Error>(&result);
    return error ? error->message : QString();
}

} // namespace

TEST_CASE("A postgresql URL names user, host, port and database")
{
    const auto result = DatabaseUrl::parse(QStringLiteral("postgresql://wall@db.room:5433/tlr"));
    REQUIRE(std::holds_alternative<DatabaseUrl>(result));
    const DatabaseUrl &url = std::get<DatabaseUrl>(result);
    CHECK(url.user == QLatin1String("wall"));
    CHECK(url.host == QLatin1String("db.room"));
    CHECK(url.port == 5433);
    CHECK(url.databaseName == QLatin1String("tlr"));
    CHECK(url.toString() == QLatin1String("postgresql://wall@db.room:5433/tlr"));

    const auto defaultPort = DatabaseUrl::parse(QStringLiteral("postgres://wall@127.0.0.1/tlr"));
    REQUIRE(std::holds_alternative<DatabaseUrl>(defaultPort));
    CHECK(std::get<DatabaseUrl>(defaultPort).port == 5432);
    CHECK(DatabaseUrl::isPostgres(QStringLiteral("PostgreSQL://wall@h/tlr")));
    CHECK_FALSE(DatabaseUrl::isPostgres(QStringLiteral("/var/lib/tlr/wall.sqlite")));
}

TEST_CASE("A password in the URL is refused, without repeating it, pointing to PGPASSWORD")
{
    const QString error = errorOf("postgresql://wall:s3cret-pw@db.room:5432/tlr");
    CHECK(error.contains(QLatin1String("must not contain a password")));
    CHECK(error.contains(QLatin1String("PGPASSWORD")));
    CHECK(error.contains(QLatin1String(".pgpass")));
    CHECK_FALSE(error.contains(QLatin1String("s3cret")));
    CHECK(errorOf("postgresql://wall:@db.room/tlr").contains(QLatin1String("password")));
    // A password with a slash breaks the URL's shape; it is still found, and not repeated.
    const QString slashed = errorOf("postgresql://wall:pa/ss@db.room/tlr");
    CHECK(slashed.contains(QLatin1String("must not contain a password")));
    CHECK_FALSE(slashed.contains(QLatin1String("pa/ss")));
}

TEST_CASE("A URL without user, host or database, or with options, is refused with the form")
{
    for (const char *text :
         {"postgresql://db.room/tlr", "postgresql://wall@/tlr", "postgresql://wall@db.room",
          "postgresql://wall@db.room/", "postgresql://wall@db.room/a/b",
          "postgresql://wall@db.room/tlr?password=x"}) {
        INFO(text);
        const QString error = errorOf(text);
        CHECK(error.contains(QLatin1String("postgresql://user@host:port/dbname")));
        CHECK_FALSE(error.contains(QLatin1String("=x")));
    }
}

TEST_CASE("TLS is asked for in the URL: sslmode and sslrootcert reach the driver's options")
{
    const auto result = DatabaseUrl::parse(QStringLiteral(
        "postgresql://wall@db.room/tlr?sslmode=verify-full&sslrootcert=/etc/tlr/room-ca.pem"));
    REQUIRE(std::holds_alternative<DatabaseUrl>(result));
    const DatabaseUrl &url = std::get<DatabaseUrl>(result);
    CHECK(url.sslMode == QLatin1String("verify-full"));
    CHECK(url.sslRootCert == QLatin1String("/etc/tlr/room-ca.pem"));
    CHECK(url.connectOptions() ==
          QLatin1String("sslmode=verify-full;sslrootcert=/etc/tlr/room-ca.pem"));
    CHECK(url.toString() == QLatin1String("postgresql://wall@db.room:5432/tlr?sslmode=verify-full"
                                          "&sslrootcert=/etc/tlr/room-ca.pem"));
    const auto plain = DatabaseUrl::parse(QStringLiteral("postgresql://wall@db.room/tlr"));
    CHECK(std::get<DatabaseUrl>(plain).connectOptions().isEmpty());

    CHECK(errorOf("postgresql://wall@db.room/tlr?sslmode=sometimes").contains(
        QLatin1String("sslmode must be one of disable, allow, prefer, require")));
    // QPSQL joins options with spaces: a path that could spill into another option is refused.
    for (const char *text : {"postgresql://wall@db.room/tlr?sslrootcert=ca.pem",
                             "postgresql://wall@db.room/tlr?sslrootcert=/etc/a%20b.pem",
                             "postgresql://wall@db.room/tlr?sslrootcert=/etc/a.pem;sslmode=disable"}) {
        INFO(text);
        CHECK(errorOf(text).contains(QLatin1String("sslrootcert must be an absolute path")));
    }
    CHECK(errorOf("postgresql://wall@db.room/tlr?sslmode=require#x").contains(
        QLatin1String("no #fragment")));
}
