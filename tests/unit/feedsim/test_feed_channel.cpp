#include "FaultPlan.h"
#include "FeedChannel.h"
#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include "parsing/EnvelopeParser.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QSet>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

// The messages of one busy feed: an hour of traffic at twice the load.
std::vector<SimMessage> trafficMessages()
{
    static std::vector<SimMessage> messages = [] {
        Simulation sim(loadBundle(QStringLiteral("normal")), {5, mondayMorningMs(), 2.0});
        std::vector<SimMessage> traffic;
        for (auto &m : sim.advanceTo(mondayMorningMs() + 3600000)) {
            if (m.feed == FeedId::DishubTraffic)
                traffic.push_back(std::move(m));
        }
        return traffic;
    }();
    return messages;
}

struct Received
{
    QList<Frame> frames;
    FeedStats stats;
};

Received transmit(const FeedChannel::Options &options, quint64 seed)
{
    FeedChannel channel(FeedId::DishubTraffic, options, seed);
    Received r;
    int n = 0;
    for (const auto &m : trafficMessages()) {
        r.frames += channel.publish(m, 0);
        if (++n % 10 == 0)
            r.frames += channel.heartbeat(m.simTimeMs, 0);
    }
    r.frames += channel.flush(0);
    r.stats = channel.stats();
    return r;
}

} // namespace

TEST_CASE("Sequence numbers start at 1 and increase by one, heartbeats included")
{
    const Received r = transmit({}, 1);
    REQUIRE(r.frames.size() > 1000);
    qint64 expected = 1;
    for (const auto &f : r.frames)
        CHECK(f.seq == expected++);
    CHECK(r.stats.sent == qint64(trafficMessages().size()));
    CHECK(r.stats.heartbeats == qint64(trafficMessages().size() / 10));
    CHECK(r.stats.malformed == 0);
}

TEST_CASE(
    "Malformed messages: the share asked for, counted, each either unparseable or bad inside")
{
    FeedChannel::Options options;
    options.malformed = 0.05;
    const Received r = transmit(options, 99);
    const auto messages = trafficMessages();
    const double share = double(r.stats.malformed) / double(r.stats.sent);
    INFO("malformed " << r.stats.malformed << " of " << r.stats.sent);
    CHECK(share > 0.035);
    CHECK(share < 0.065);

    // What a client sees: frames it cannot read, and readable envelopes around bad payloads.
    const EnvelopeParser parser;
    qint64 unreadable = 0;
    qint64 badPayload = 0;
    QSet<qint64> seen;
    std::size_t next = 0; // index into the data messages, in seq order (no reordering here)
    for (const auto &f : r.frames) {
        const auto result = parser.parse(f.bytes);
        if (!result.envelope) {
            CHECK(f.truncated);
            ++unreadable;
            ++next;
            continue;
        }
        CHECK_FALSE(f.truncated);
        CHECK(result.envelope->seq == f.seq);
        seen.insert(f.seq);
        if (result.envelope->format == PayloadFormat::Heartbeat)
            continue;
        const SimMessage &original = messages.at(next++);
        if (result.envelope->payload != original.payload)
            ++badPayload;
    }
    CHECK(unreadable > 0);
    CHECK(badPayload > 0);
    CHECK(unreadable + badPayload == r.stats.malformed);
    // The same seed corrupts the same messages.
    const Received again = transmit(options, 99);
    REQUIRE(again.frames.size() == r.frames.size());
    for (qsizetype i = 0; i < r.frames.size(); ++i)
        REQUIRE(again.frames.at(i).bytes == r.frames.at(i).bytes);
}

TEST_CASE("Duplicates resend an earlier frame byte for byte with its seq")
{
    FeedChannel::Options options;
    options.duplicate = 0.05;
    const Received r = transmit(options, 4);
    QHash<qint64, QByteArray> first;
    qint64 duplicates = 0;
    for (const auto &f : r.frames) {
        if (first.contains(f.seq)) {
            ++duplicates;
            CHECK(first.value(f.seq) == f.bytes);
            CHECK_FALSE(f.heartbeat);
        } else {
            first.insert(f.seq, f.bytes);
        }
    }
    CHECK(duplicates == r.stats.duplicates);
    CHECK(duplicates > 0.03 * r.stats.sent);
    // "sent" counts each seq once.
    CHECK(r.stats.sent + r.stats.heartbeats == first.size());
}

TEST_CASE("Reordering swaps neighbours and loses nothing")
{
    FeedChannel::Options options;
    options.reorder = 0.05;
    const Received r = transmit(options, 6);
    qint64 swaps = 0;
    QList<qint64> seqs;
    for (qsizetype i = 0; i < r.frames.size(); ++i) {
        seqs.append(r.frames.at(i).seq);
        if (i > 0 && r.frames.at(i).seq < r.frames.at(i - 1).seq) {
            ++swaps;
            CHECK(r.frames.at(i).seq == r.frames.at(i - 1).seq - 1);
        }
    }
    CHECK(swaps == r.stats.reordered);
    CHECK(swaps > 0.03 * r.stats.sent);
    std::sort(seqs.begin(), seqs.end());
    for (qsizetype i = 0; i < seqs.size(); ++i)
        REQUIRE(seqs.at(i) == i + 1);
}

TEST_CASE("Replay sends every held frame after since, in order, within the history bounds")
{
    FeedChannel::Options options;
    options.reorder = 0.05;
    options.historyLimit = 500;
    FeedChannel channel(FeedId::DishubTraffic, options, 2);
    qint64 realMs = 0;
    for (const auto &m : trafficMessages()) {
        channel.publish(m, realMs);
        realMs += 10;
    }
    channel.flush(realMs);
    const qint64 last = channel.lastSeq();
    const QList<Frame> tail = channel.replaySince(last - 100);
    REQUIRE(tail.size() == 100);
    for (qsizetype i = 0; i < tail.size(); ++i)
        CHECK(tail.at(i).seq == last - 99 + i);
    CHECK(channel.replaySince(last).isEmpty());
    // Older than the history holds: what is left, from the oldest kept.
    const QList<Frame> all = channel.replaySince(0);
    CHECK(all.size() == 500);
    CHECK(all.first().seq == last - 499);
    CHECK(channel.stats().replayed == 600);

    FeedChannel::Options hourOnly;
    hourOnly.historyMaxAgeMs = 1000;
    FeedChannel aged(FeedId::DishubTraffic, hourOnly, 2);
    aged.publish(trafficMessages().at(0), 0);
    aged.publish(trafficMessages().at(1), 5000);
    CHECK(aged.historySize() == 1);

    FeedChannel::Options small;
    small.historyMaxBytes = 20000;
    FeedChannel bounded(FeedId::DishubTraffic, small, 2);
    for (const auto &m : trafficMessages())
        bounded.publish(m, 0);
    CHECK(bounded.historyBytes() <= 20000);
    CHECK(bounded.historySize() > 5);
    CHECK(bounded.replaySince(0).first().seq > 1);
}

TEST_CASE("The fault list is read, and refused with a reason")
{
    const auto all = FaultPlan::parse(QStringLiteral(
        "disconnect=20,malformed=0.02,duplicate,reorder=0.01,silence=dlh-environment:30@60"));
    REQUIRE(all.plan);
    CHECK(all.plan->disconnectSeconds == 20);
    CHECK(all.plan->malformed == 0.02);
    CHECK(all.plan->duplicate == 0.01);
    CHECK(all.plan->reorder == 0.01);
    REQUIRE(all.plan->silences.size() == 1);
    CHECK(all.plan->isSilenced(FeedId::DlhEnvironment, 60000));
    CHECK(all.plan->isSilenced(FeedId::DlhEnvironment, 89999));
    CHECK_FALSE(all.plan->isSilenced(FeedId::DlhEnvironment, 90000));
    CHECK_FALSE(all.plan->isSilenced(FeedId::DlhEnvironment, 59999));
    CHECK_FALSE(all.plan->isSilenced(FeedId::DishubTraffic, 70000));
    for (const char *bad : {"malformed=2", "explode", "silence=nowhere:10",
                            "silence=tirta-water:x", "disconnect=-1"}) {
        INFO(bad);
        const auto parsed = FaultPlan::parse(QString::fromLatin1(bad));
        CHECK_FALSE(parsed.plan);
        CHECK_FALSE(parsed.error.isEmpty());
    }
}
