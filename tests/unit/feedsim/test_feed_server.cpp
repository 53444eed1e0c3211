#include "FeedServer.h"
#include "FeedSimulator.h"
#include "FeedsimTestSupport.h"

#include "parsing/EnvelopeParser.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

// A client that records the seq of every envelope it reads.
struct Client
{
    QWebSocket socket;
    QList<qint64> seqs;
    QList<QString> feeds;
    QWebSocketProtocol::CloseCode closeCode = QWebSocketProtocol::CloseCodeNormal;

    Client()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             const auto result = EnvelopeParser().parse(text.toUtf8());
                             if (result.envelope) {
                                 seqs.append(result.envelope->seq);
                                 feeds.append(result.envelope->feed);
                             }
                         });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket,
                         [this] { closeCode = socket.closeCode(); });
    }

    bool open(const QString &url)
    {
        socket.open(QUrl(url));
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
};

// Steps the manual clock and lets the event loop deliver, until done() or a time-out.
template <typename Done>
bool runUntil(FeedSimulator &sim, ManualClock &clock, Done done, int maxSteps = 400)
{
    for (int i = 0; i < maxSteps && !done(); ++i) {
        clock.advance(100);
        sim.tick();
        QTest::qWait(5);
    }
    return done();
}

FeedSimulator::Options fastOptions()
{
    FeedSimulator::Options options;
    options.seed = 21;
    options.speed = 10;
    options.startMs = mondayMorningMs();
    options.port = 0;
    return options;
}

} // namespace

TEST_CASE("A client resuming with ?since= gets exactly the seqs it missed, then the live stream")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    ManualClock clock;
    FeedSimulator sim(bundle, fastOptions(), clock);
    REQUIRE(sim.listen());
    const QString base = sim.url() + QStringLiteral("/feeds/dishub-traffic");

    Client first;
    REQUIRE(first.open(base));
    REQUIRE(runUntil(sim, clock, [&] { return first.seqs.size() >= 30; }));
    first.socket.close();
    REQUIRE(QTest::qWaitFor([&] { return sim.server()->clientCount() == 0; }, 5000));
    const qint64 last = first.seqs.last();
    for (qsizetype i = 0; i < first.seqs.size(); ++i)
        CHECK(first.seqs.at(i) == i + 1);

    // Away for a while: the feed goes on without us.
    for (int i = 0; i < 50; ++i) {
        clock.advance(100);
        sim.tick();
    }
    const qint64 missedUpTo = sim.channel(FeedId::DishubTraffic).lastSeq();
    REQUIRE(missedUpTo > last + 10);

    Client second;
    REQUIRE(second.open(base + QStringLiteral("?since=%1").arg(last)));
    REQUIRE(runUntil(sim, clock, [&] { return second.seqs.size() > missedUpTo - last + 5; }));
    for (qsizetype i = 0; i < second.seqs.size(); ++i)
        REQUIRE(second.seqs.at(i) == last + 1 + i);
    CHECK(sim.channel(FeedId::DishubTraffic).stats().replayed == missedUpTo - last);
}

TEST_CASE("The server serves each feed, all feeds on /feeds, and refuses unknown paths")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    ManualClock clock;
    FeedSimulator sim(bundle, fastOptions(), clock);
    REQUIRE(sim.listen());
    Client all;
    REQUIRE(all.open(sim.url() + QStringLiteral("/feeds")));
    Client water;
    REQUIRE(water.open(sim.url() + QStringLiteral("/feeds/tirta-water")));
    REQUIRE(runUntil(sim, clock, [&] {
        return QSet<QString>(all.feeds.cbegin(), all.feeds.cend()).size() == 5 &&
               water.seqs.size() > 10;
    }));
    CHECK(QSet<QString>(water.feeds.cbegin(), water.feeds.cend()) == QSet<QString>{"tirta-water"});

    for (const char *path : {"/feeds/bmkg", "/feeds/tirta-water?since=abc",
                             "/feeds/tirta-water?since=-2", "/feeds?since=3", "/other"}) {
        INFO(path);
        Client refused;
        refused.socket.open(QUrl(sim.url() + QString::fromLatin1(path)));
        CHECK(QTest::qWaitFor(
            [&] { return refused.closeCode == QWebSocketProtocol::CloseCodePolicyViolated; },
            5000));
        CHECK(refused.seqs.isEmpty());
    }
}

TEST_CASE("The disconnect fault closes every client - silence stops a feed, heartbeats included")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    ManualClock clock;
    FeedSimulator::Options options = fastOptions();
    options.faults =
        *FaultPlan::parse(QStringLiteral("disconnect=3,silence=emergency-112:2@1")).plan;
    FeedSimulator sim(bundle, options, clock);
    REQUIRE(sim.listen());
    Client client;
    REQUIRE(client.open(sim.url() + QStringLiteral("/feeds/emergency-112")));
    qint64 seqAtSilence = -1;
    bool closed = false;
    QObject::connect(&client.socket, &QWebSocket::disconnected, &client.socket,
                     [&] { closed = true; });
    for (int i = 0; i < 40 && !closed; ++i) {
        clock.advance(100);
        sim.tick();
        QTest::qWait(5);
        if (clock.elapsedMs() == 1000)
            seqAtSilence = sim.channel(FeedId::Emergency112).lastSeq();
        if (clock.elapsedMs() == 2900)
            CHECK(sim.channel(FeedId::Emergency112).lastSeq() == seqAtSilence);
    }
    CHECK(QTest::qWaitFor([&] { return closed; }, 5000));
    CHECK(client.closeCode == QWebSocketProtocol::CloseCodeGoingAway);
}

TEST_CASE("tlr-feedsim prints its address, then its report on SIGTERM and after --duration")
{
    const QString program = QStringLiteral(TLR_BINARY_DIR "/tlr-feedsim");
    const QRegularExpression listening(
        QStringLiteral("^tlr-feedsim listening on ws://127\\.0\\.0\\.1:(\\d+)\n$"));
    const auto checkReport = [](const QByteArray &line) {
        const QJsonObject report = QJsonDocument::fromJson(line).object();
        const QJsonArray feeds = report.value(QLatin1String("feeds")).toArray();
        REQUIRE(feeds.size() == 5);
        for (const auto &f : feeds) {
            const QJsonObject feed = f.toObject();
            for (const char *key :
                 {"id", "sent", "heartbeats", "malformed", "duplicates", "reordered", "replayed"})
                CHECK(feed.contains(QLatin1String(key)));
            CHECK(feed.value(QLatin1String("heartbeats")).toInt() >= 1);
        }
    };

    SECTION("SIGTERM")
    {
        QProcess process;
        process.start(program, {QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--seed"), QStringLiteral("3")});
        REQUIRE(process.waitForStarted());
        REQUIRE(QTest::qWaitFor([&] { return process.canReadLine(); }, 10000));
        const auto match = listening.match(QString::fromUtf8(process.readLine()));
        REQUIRE(match.hasMatch());
        CHECK(match.captured(1).toInt() > 0);
        QTest::qWait(300);
        process.terminate();
        REQUIRE(process.waitForFinished(10000));
        CHECK(process.exitStatus() == QProcess::NormalExit);
        CHECK(process.exitCode() == 0);
        checkReport(process.readLine());
    }
    SECTION("--duration")
    {
        QProcess process;
        process.start(program, {QStringLiteral("--duration"), QStringLiteral("0.5"),
                                QStringLiteral("--scenario"), QStringLiteral("storm")});
        REQUIRE(process.waitForFinished(10000));
        CHECK(process.exitCode() == 0);
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        REQUIRE(lines.size() >= 2);
        CHECK(listening.match(QString::fromUtf8(lines.at(0) + '\n')).hasMatch());
        checkReport(lines.at(1));
    }
    SECTION("--dump: the same seed and options give the same frames, byte for byte")
    {
        const auto dump = [&program](const QString &seed) {
            QProcess process;
            process.start(program,
                          {QStringLiteral("--dump"), QStringLiteral("400"),
                           QStringLiteral("--seed"), seed, QStringLiteral("--scenario"),
                           QStringLiteral("storm"), QStringLiteral("--start"),
                           QStringLiteral("2026-11-23T06:00:00+07:00"), QStringLiteral("--faults"),
                           QStringLiteral("malformed=0.02,duplicate=0.02,reorder=0.02")});
            REQUIRE(process.waitForFinished(20000));
            REQUIRE(process.exitCode() == 0);
            return process.readAllStandardOutput();
        };
        const QByteArray first = dump(QStringLiteral("9"));
        CHECK(first.count('\n') == 401); // 400 frames and the report
        CHECK(dump(QStringLiteral("9")) == first);
        CHECK(dump(QStringLiteral("10")) != first);
        const QList<QByteArray> lines = first.split('\n');
        const auto parsed = EnvelopeParser().parse(lines.at(0));
        REQUIRE(parsed.envelope);
        CHECK(parsed.envelope->sent == QDateTime(QDate(2026, 11, 22), QTime(23, 0), Qt::UTC));
    }
    SECTION("a bad option is refused")
    {
        QProcess process;
        process.start(program, {QStringLiteral("--faults"), QStringLiteral("explode")});
        REQUIRE(process.waitForFinished(10000));
        CHECK(process.exitCode() == 2);
        CHECK(process.readAllStandardError().contains("unknown fault"));
    }
}

TEST_CASE("At the end the server waits for a feed's client to come back and take what it missed")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    ManualClock clock;
    FeedSimulator sim(bundle, fastOptions(), clock);
    REQUIRE(sim.listen());
    const QString base = sim.url() + QStringLiteral("/feeds/dishub-traffic");
    Client first;
    REQUIRE(first.open(base));
    REQUIRE(runUntil(sim, clock, [&] { return first.seqs.size() >= 10; }));
    // A disconnect just before the end: what was sent meanwhile is only in the server's hold.
    sim.server()->disconnectAll();
    REQUIRE(QTest::qWaitFor([&] { return sim.server()->clientCount() == 0; }, 5000));
    for (int i = 0; i < 20; ++i) {
        clock.advance(100);
        sim.tick();
    }
    sim.stop();
    const qint64 sentUpTo = sim.channel(FeedId::DishubTraffic).lastSeq();
    REQUIRE(sentUpTo > first.seqs.last());
    CHECK_FALSE(sim.server()->drain(200)); // nobody has taken the last frames

    Client second; // the reconnect, resuming where the first left off
    QTimer::singleShot(300, [&] {
        second.socket.open(QUrl(base + QStringLiteral("?since=%1").arg(first.seqs.last())));
    });
    CHECK(sim.server()->drain(5000));
    REQUIRE(QTest::qWaitFor([&] { return !second.seqs.isEmpty() && second.seqs.last() == sentUpTo; }, 5000));
}
