#include "RecordingSink.h"

#include "feeds/FeedIngestor.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;
using Outcome = FeedIngestor::Outcome;

namespace {

FeedConfig trafficFeed()
{
    FeedConfig config;
    config.id = QStringLiteral("dishub-traffic");
    config.agency = Agency::Dishub;
    config.kind = FeedKind::Traffic;
    config.transport = FeedConfig::Transport::WebSocket;
    return config;
}

const QDateTime kNow = QDateTime::currentDateTimeUtc();

} // namespace

TEST_CASE("A valid message is accepted and delivered with its events")
{
    RecordingSink sink;
    FeedIngestor ingestor(trafficFeed(), &sink);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 1, "ngsi-ld", trafficPayload(1)), kNow) == Outcome::Accepted);
    const auto delivered = sink.messages();
    REQUIRE(delivered.size() == 1);
    CHECK(delivered.first().seq == 1);
    CHECK_FALSE(delivered.first().isRejected());
    REQUIRE(delivered.first().events.size() == 1);
    const auto &observation = std::get<Observation>(delivered.first().events.first());
    CHECK(observation.source == QStringLiteral("dishub-traffic"));
    CHECK(observation.value(u"averageVehicleSpeed") == 21.0);
    CHECK(ingestor.status().received == 1);
    CHECK(ingestor.status().accepted == 1);
    CHECK(ingestor.status().lastDataAt == kNow);
}

TEST_CASE("Every data message is accepted or rejected - heartbeats and duplicates are neither")
{
    RecordingSink sink;
    FeedIngestor ingestor(trafficFeed(), &sink);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 1, "heartbeat", "{}"), kNow) == Outcome::Heartbeat);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 2, "ngsi-ld", trafficPayload(2)), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 2, "ngsi-ld", trafficPayload(2)), kNow) == Outcome::Duplicate);
    CHECK(ingestor.ingestFrame("{\"feed\":\"dishub-traffic\",\"se", kNow) == Outcome::Rejected);    // truncated
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 4, "ngsi-ld", R"({"id":"x"})"), kNow) == Outcome::Rejected);
    CHECK(ingestor.ingestFrame(envelope("other-feed", 5, "ngsi-ld", trafficPayload(5)), kNow) == Outcome::Rejected);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 6, "ngsi-ld", trafficPayload(6)), kNow) == Outcome::Accepted);

    const FeedStatus &status = ingestor.status();
    CHECK(status.received == 5);
    CHECK(status.accepted == 2);
    CHECK(status.rejected == 3);
    CHECK(status.accepted + status.rejected == status.received);
    CHECK(status.duplicates == 1);
    CHECK(status.gaps == 2); // seq 3 (the truncated frame) and 5 (the foreign feed's number)

    const auto delivered = sink.messages();
    REQUIRE(delivered.size() == 5);
    // Rejected messages keep their bytes and a reason an operator can read.
    CHECK(delivered.at(1).isRejected());
    CHECK(delivered.at(1).seq == -1);
    CHECK(delivered.at(1).rejectReason.startsWith(QStringLiteral("envelope: ")));
    CHECK(delivered.at(1).bytes == QByteArray("{\"feed\":\"dishub-traffic\",\"se"));
    CHECK(delivered.at(2).rejectReason.startsWith(QStringLiteral("ngsi-ld: ")));
    CHECK(delivered.at(3).rejectReason.contains(QStringLiteral("other-feed")));
}

TEST_CASE("A feed configured for one format rejects another")
{
    RecordingSink sink;
    FeedConfig config = trafficFeed();
    config.format = PayloadFormat::Cap;
    FeedIngestor ingestor(config, &sink);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 1, "ngsi-ld", trafficPayload(1)), kNow) == Outcome::Rejected);
    CHECK(sink.messages().first().rejectReason.startsWith(QStringLiteral("format: ")));
}

TEST_CASE("HTTP documents are numbered and detected when the format is auto")
{
    RecordingSink sink;
    FeedConfig config = trafficFeed();
    config.transport = FeedConfig::Transport::Http;
    FeedIngestor ingestor(config, &sink);
    CHECK(ingestor.ingestDocument(trafficPayload(1), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestDocument("not a document", kNow) == Outcome::Rejected);
    const auto delivered = sink.messages();
    REQUIRE(delivered.size() == 2);
    CHECK(delivered.at(0).seq == kNow.toMSecsSinceEpoch() * 1000);
    CHECK(delivered.at(0).format == PayloadFormat::NgsiLd);
    CHECK(delivered.at(1).seq == delivered.at(0).seq + 1);
    CHECK(delivered.at(1).isRejected());

    SECTION("and the numbering keeps rising after a restart")
    {
        RecordingSink afterRestart;
        FeedIngestor restarted(config, &afterRestart);
        CHECK(restarted.ingestDocument(trafficPayload(2), kNow.addSecs(30)) == Outcome::Accepted);
        REQUIRE(afterRestart.messages().size() == 1);
        CHECK(afterRestart.messages().first().seq > delivered.at(1).seq);
    }
}

TEST_CASE("A server that restarted its numbering starts a new stream, not a run of duplicates")
{
    RecordingSink sink;
    FeedIngestor ingestor(trafficFeed(), &sink);
    ingestor.beginConnection();
    for (qint64 seq = 1; seq <= 30; ++seq)
        ingestor.ingestFrame(envelope("dishub-traffic", seq, "ngsi-ld", trafficPayload(int(seq))), kNow);
    ingestor.beginConnection(); // reconnect asking since=30; the new server run is at 3
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 3, "ngsi-ld", trafficPayload(3)), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 4, "ngsi-ld", trafficPayload(4)), kNow) == Outcome::Accepted);
    CHECK(ingestor.status().duplicates == 0);
    CHECK(ingestor.status().accepted == 32);

    ingestor.beginConnection(); // an ordinary resume: a replay of what we have is duplicates
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 5, "ngsi-ld", trafficPayload(5)), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 5, "ngsi-ld", trafficPayload(5)), kNow) == Outcome::Duplicate);
}

TEST_CASE("An unreadable frame replayed after a reconnect is counted once")
{
    RecordingSink sink;
    FeedIngestor ingestor(trafficFeed(), &sink);
    ingestor.beginConnection();
    ingestor.ingestFrame(envelope("dishub-traffic", 1, "ngsi-ld", trafficPayload(1)), kNow);
    const QByteArray cut = envelope("dishub-traffic", 2, "ngsi-ld", trafficPayload(2)).left(40);
    CHECK(ingestor.ingestFrame(cut, kNow) == Outcome::Rejected);
    // The connection drops; the resume from seq 1 replays the same broken bytes, then seq 3.
    ingestor.beginConnection();
    CHECK(ingestor.ingestFrame(cut, kNow) == Outcome::Duplicate);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 3, "ngsi-ld", trafficPayload(3)), kNow) == Outcome::Accepted);
    // A new unreadable frame later is a new rejection.
    CHECK(ingestor.ingestFrame(cut, kNow) == Outcome::Rejected);
    CHECK(ingestor.status().received == 4);
    CHECK(ingestor.status().rejected == 2);
    CHECK(ingestor.status().accepted == 2);
}

TEST_CASE("A message kept with a part skipped is accepted and counted as partial")
{
    RecordingSink sink;
    FeedIngestor ingestor(trafficFeed(), &sink);
    QByteArray payload = trafficPayload(1);
    payload.replace("\"intensity\":640", "\"intensity\":\"many\"");
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 1, "ngsi-ld", payload), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 2, "ngsi-ld", trafficPayload(2)), kNow) == Outcome::Accepted);
    CHECK(ingestor.status().accepted == 2);
    CHECK(ingestor.status().partial == 1);
    const Observation observation = std::get<Observation>(sink.messages().first().events.first());
    CHECK_FALSE(observation.value(u"intensity"));
    CHECK(observation.value(u"averageVehicleSpeed") == 21.0);
}

TEST_CASE("A feed over its rate limit: each message over it is rejected unparsed, counted and quarantined")
{
    RecordingSink sink;
    FeedConfig config = trafficFeed();
    config.maxMessagesPerSecond = 5;
    config.burstSeconds = 2; // a burst of 10
    FeedIngestor ingestor(config, &sink);
    for (qint64 seq = 1; seq <= 30; ++seq)
        ingestor.ingestFrame(envelope("dishub-traffic", seq, "ngsi-ld", trafficPayload(int(seq))), kNow);
    // Heartbeats keep the feed alive and are not held to the data rate.
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 31, "heartbeat", "{}"), kNow) == Outcome::Heartbeat);

    const FeedStatus &status = ingestor.status();
    CHECK(status.received == 30);
    CHECK(status.accepted == 10);
    CHECK(status.rejected == 20);
    CHECK(status.overRate == 20);
    CHECK(status.lastError == QStringLiteral("rate: over 5 messages a second"));
    const auto delivered = sink.messages();
    REQUIRE(delivered.size() == 30);
    CHECK(delivered.at(10).isRejected());
    CHECK(delivered.at(10).seq == 11);
    CHECK(delivered.at(10).events.isEmpty());
    CHECK(delivered.at(10).bytes.contains("seg-11")); // kept whole in quarantine

    // The flood ends: a second later five more tokens, and the numbers go on without a gap.
    CHECK(ingestor.ingestFrame(envelope("dishub-traffic", 32, "ngsi-ld", trafficPayload(32)), kNow.addSecs(1)) == Outcome::Accepted);
    CHECK(ingestor.status().gaps == 0);
}

TEST_CASE("HTTP documents are held to the feed's rate too")
{
    RecordingSink sink;
    FeedConfig config = trafficFeed();
    config.transport = FeedConfig::Transport::Http;
    config.maxMessagesPerSecond = 1;
    config.burstSeconds = 1;
    FeedIngestor ingestor(config, &sink);
    CHECK(ingestor.ingestDocument(trafficPayload(1), kNow) == Outcome::Accepted);
    CHECK(ingestor.ingestDocument(trafficPayload(2), kNow) == Outcome::Rejected);
    CHECK(ingestor.status().overRate == 1);
    CHECK(ingestor.ingestDocument(trafficPayload(3), kNow.addSecs(1)) == Outcome::Accepted);
}
