#include "feeds/FeedsFileReader.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("The demo feeds file lists the five agencies' feeds")
{
    auto result = FeedsFileReader::readFile(FeedsFileReader::demoFeedsPath(), {{QStringLiteral("DEMO_PORT"), QStringLiteral("4711")}});
    REQUIRE(std::holds_alternative<FeedsFile>(result));
    const auto &feeds = std::get<FeedsFile>(result).feeds;
    REQUIRE(feeds.size() == 5);
    QSet<Agency> agencies;
    for (const FeedConfig &feed : feeds) {
        agencies.insert(feed.agency);
        CHECK(feed.transport == FeedConfig::Transport::WebSocket);
        CHECK(feed.url.port() == 4711);
        CHECK(feed.url.path() == QStringLiteral("/feeds/") + feed.id);
    }
    CHECK(agencies.size() == 5);
}

TEST_CASE("A feeds file with every field")
{
    const QByteArray json = R"({"feeds":[{"id":"bmkg","agency":"dlh","kind":"environment","transport":"http",
        "url":"https://example.invalid/cap/rss.xml","format":"cap","poll_seconds":120,
        "token_env":"BMKG_TOKEN","ca_file":"/etc/tlr/ca.pem"}]})";
    auto result = FeedsFileReader::read(json, QStringLiteral("f.json"));
    REQUIRE(std::holds_alternative<FeedsFile>(result));
    const FeedConfig &feed = std::get<FeedsFile>(result).feeds.first();
    CHECK(feed.transport == FeedConfig::Transport::Http);
    CHECK(feed.format == PayloadFormat::Cap);
    CHECK(feed.pollSeconds == 120);
    CHECK(feed.staleSeconds == 360);
    CHECK(feed.tokenEnv == QStringLiteral("BMKG_TOKEN"));
    CHECK(feed.caFile == QStringLiteral("/etc/tlr/ca.pem"));
}

TEST_CASE("A bad feeds file names the field")
{
    const struct
    {
        const char *name;
        QByteArray json;
        const char *field;
    } cases[] = {
        {"not JSON", "{", ""},
        {"no list", R"({"feed":[]})", "feeds"},
        {"empty list", R"({"feeds":[]})", "feeds"},
        {"no id", R"({"feeds":[{"agency":"dlh","kind":"environment","transport":"ws","url":"ws://h/x"}]})", "feeds[0].id"},
        {"unknown agency", R"({"feeds":[{"id":"a","agency":"bpbd","kind":"environment","transport":"ws","url":"ws://h/x"}]})", "feeds[0].agency"},
        {"unknown kind", R"({"feeds":[{"id":"a","agency":"dlh","kind":"weather","transport":"ws","url":"ws://h/x"}]})", "feeds[0].kind"},
        {"unknown transport", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"amqp","url":"ws://h/x"}]})", "feeds[0].transport"},
        {"ws URL on mqtt", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"mqtt","url":"ws://h/x"}]})", "feeds[0].url"},
        {"a password in the file", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"mqtt","url":"mqtt://h",
                                       "mqtt":{"username":"u","password":"secret"}}]})", "feeds[0].mqtt.password"},
        {"a wildcard topic", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"mqtt","url":"mqtt://h",
                                 "mqtt":{"topic":"tlr/dlh/#"}}]})", "feeds[0].mqtt.topic"},
        {"MQTT 4", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"mqtt","url":"mqtt://h",
                       "mqtt":{"protocol":"4"}}]})", "feeds[0].mqtt.protocol"},
        {"both password sources", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"mqtt","url":"mqtt://h",
                                      "mqtt":{"password_env":"P","password_file":"/p"}}]})", "feeds[0].mqtt.password_env"},
        {"mqtt on a ws feed", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"ws","url":"ws://h/x",
                                  "mqtt":{}}]})", "feeds[0].mqtt"},
        {"http URL on ws", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"ws","url":"http://h/x"}]})", "feeds[0].url"},
        {"bad format", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"ws","url":"ws://h/x","format":"csv"}]})", "feeds[0].format"},
        {"poll too fast", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"http","url":"http://h/x","poll_seconds":1}]})", "feeds[0].poll_seconds"},
        {"duplicate id", R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment","transport":"ws","url":"ws://h/x"},
                                       {"id":"a","agency":"dlh","kind":"environment","transport":"ws","url":"ws://h/y"}]})", "feeds[1].id"},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        auto result = FeedsFileReader::read(c.json, QStringLiteral("f.json"));
        REQUIRE(std::holds_alternative<FeedsFileReader::Error>(result));
        const auto &error = std::get<FeedsFileReader::Error>(result);
        CHECK(error.field == QLatin1String(c.field));
        CHECK(error.toString().startsWith(QStringLiteral("f.json: ")));
    }
}

TEST_CASE("A feed's rate limit: 1000 a second unless the file says otherwise - 0 lifts it")
{
    auto feedWith = [](const char *extra) {
        const QByteArray json = QByteArray(R"({"feeds":[{"id":"a","agency":"dlh","kind":"environment",
            "transport":"ws","url":"ws://127.0.0.1:1/a")") + extra + "}]}";
        return FeedsFileReader::read(json, QStringLiteral("f.json"));
    };
    auto plain = feedWith("");
    REQUIRE(std::holds_alternative<FeedsFile>(plain));
    CHECK(std::get<FeedsFile>(plain).feeds.first().maxMessagesPerSecond == 1000);
    auto lifted = feedWith(R"(,"max_messages_per_second":0)");
    REQUIRE(std::holds_alternative<FeedsFile>(lifted));
    CHECK(std::get<FeedsFile>(lifted).feeds.first().maxMessagesPerSecond == 0);
    for (const char *bad : {R"(,"max_messages_per_second":-1)", R"(,"max_messages_per_second":"50")",
                            R"(,"max_messages_per_second":2.5)"}) {
        auto result = feedWith(bad);
        REQUIRE(std::holds_alternative<FeedsFileReader::Error>(result));
        CHECK(std::get<FeedsFileReader::Error>(result).field == QStringLiteral("feeds[0].max_messages_per_second"));
    }
}

TEST_CASE("A feeds file path that never ends (a device, a pipe) is refused at the size limit")
{
    auto result = FeedsFileReader::readFile(QStringLiteral("/dev/zero"));
    REQUIRE(std::holds_alternative<FeedsFileReader::Error>(result));
    CHECK(std::get<FeedsFileReader::Error>(result).message.contains(QStringLiteral("larger than 4 MB")));
}

TEST_CASE("An MQTT feed: the broker, the agency's topic and a session per console and feed")
{
    const QByteArray json = R"({"feeds":[
        {"id":"tirta-water","agency":"tirtabenteng","kind":"water","transport":"mqtt",
         "url":"mqtts://broker.example:8883","ca_file":"/etc/tlr/broker-ca.pem",
         "mqtt":{"client_id":"${CONSOLE}","protocol":"3.1.1","username":"wall","password_env":"TLR_BROKER_PASSWORD"}},
        {"id":"dlh-environment","agency":"dlh","kind":"environment","transport":"mqtt","url":"mqtt://127.0.0.1:1883",
         "mqtt":{"topic":"city/dlh/air","session_expiry_seconds":3600,"password_file":"/etc/tlr/pw"}}]})";
    auto result = FeedsFileReader::read(json, QStringLiteral("f.json"), {{QStringLiteral("CONSOLE"), QStringLiteral("desk-2")}});
    REQUIRE(std::holds_alternative<FeedsFile>(result));
    const auto &feeds = std::get<FeedsFile>(result).feeds;
    const FeedConfig &water = feeds.at(0);
    CHECK(water.transport == FeedConfig::Transport::Mqtt);
    CHECK(water.url.port() == 8883);
    CHECK(water.caFile == QStringLiteral("/etc/tlr/broker-ca.pem"));
    CHECK(water.mqtt.topic == QStringLiteral("tlr/tirtabenteng/tirta-water/messages"));
    CHECK(water.mqtt.clientId == QStringLiteral("desk-2-tirta-water"));
    CHECK_FALSE(water.mqtt.mqtt5);
    CHECK(water.mqtt.username == QStringLiteral("wall"));
    CHECK(water.mqtt.passwordEnv == QStringLiteral("TLR_BROKER_PASSWORD"));
    CHECK(water.staleSeconds == 15);

    const FeedConfig &air = feeds.at(1);
    CHECK(air.mqtt.topic == QStringLiteral("city/dlh/air"));
    CHECK(air.mqtt.mqtt5);
    CHECK(air.mqtt.sessionExpirySeconds == 3600u);
    CHECK(air.mqtt.passwordFile == QStringLiteral("/etc/tlr/pw"));
    // No client_id: the host names the console.
    CHECK(air.mqtt.clientId.startsWith(QStringLiteral("tlr-wall-")));
    CHECK(air.mqtt.clientId.endsWith(QStringLiteral("-dlh-environment")));
}
