// A feeds file names where secrets are (a variable, a file), never holds one.
#include "feeds/FeedsFileReader.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

FeedsFileReader::Result readFeed(const QByteArray &fields)
{
    return FeedsFileReader::read(R"({"feeds": [{"id": "d", "agency": "dishub", "kind": "traffic",
        "transport": "ws", )" + fields + "}]}", QStringLiteral("feeds.json"));
}

QString errorOf(const FeedsFileReader::Result &result)
{
    const auto *error = std::get_if<FeedsFileReader::Error>(&result);
    return error ? error->toString() : QString();
}

} // namespace

TEST_CASE("TLS and token fields are read from a feeds file")
{
    const auto result = readFeed(R"("url": "wss://gw.example/feeds/d", "ca_file": "/etc/tlr/ca.pem",
        "client_cert": "/etc/tlr/wall.pem", "client_key": "/etc/tlr/wall.key",
        "token_file": "/etc/tlr/dishub.token")");
    REQUIRE(errorOf(result).isEmpty());
    const FeedConfig feed = std::get<FeedsFile>(result).feeds.first();
    CHECK(feed.caFile == QStringLiteral("/etc/tlr/ca.pem"));
    CHECK(feed.clientCertFile == QStringLiteral("/etc/tlr/wall.pem"));
    CHECK(feed.clientKeyFile == QStringLiteral("/etc/tlr/wall.key"));
    CHECK(feed.tokenFile == QStringLiteral("/etc/tlr/dishub.token"));
}

TEST_CASE("A secret in the feeds file is refused, naming the field, without repeating the secret")
{
    struct Case { const char *fields; const char *field; };
    const Case cases[] = {
        {R"("url": "wss://gw.example/d", "token": "abc123secret")", "feeds[0].token"},
        {R"("url": "wss://gw.example/d", "password": "abc123secret")", "feeds[0].password"},
        {R"("url": "wss://gw.example/d", "authorization": "Bearer abc123secret")", "feeds[0].authorization"},
        {R"("url": "wss://user:abc123secret@gw.example/d")", "feeds[0].url"},
        {R"("url": "wss://gw.example/d?access_token=abc123secret")", "feeds[0].url"},
        {R"("url": "wss://gw.example/d", "token_env": "abc123secret-not-a-name")", "feeds[0].token_env"},
    };
    for (const Case &c : cases) {
        INFO(c.fields);
        const QString error = errorOf(readFeed(c.fields));
        CHECK(error.contains(QLatin1String(c.field)));
        CHECK_FALSE(error.contains(QStringLiteral("abc123secret")));
    }
}

TEST_CASE("Inconsistent TLS and token fields are refused with what is missing")
{
    CHECK(errorOf(readFeed(R"("url": "wss://gw.example/d", "client_cert": "/c.pem")"))
          .contains(QStringLiteral("feeds[0].client_key is needed too")));
    CHECK(errorOf(readFeed(R"("url": "ws://gw.example/d", "ca_file": "/ca.pem")"))
          .contains(QStringLiteral("feeds[0].ca_file needs a wss://, https:// or mqtts:// url")));
    CHECK(errorOf(readFeed(R"("url": "wss://gw.example/d", "token_env": "A", "token_file": "/t")"))
          .contains(QStringLiteral("feeds[0].token_file and token_env")));
}
