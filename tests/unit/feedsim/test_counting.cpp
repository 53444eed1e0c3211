#include "FeedServer.h"
#include "FeedSimulator.h"
#include "FeedsimTestSupport.h"

#include "parsing/EnvelopeParser.h"
#include "parsing/PayloadParser.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

// A client written the way docs/wire.md ("Counting") tells: de-duplicate by seq, resume with
// since after every disconnect, never count unreadable frames as they arrive.
class CountingClient
{
public:
    explicit CountingClient(QString url, FeedKind kind)
        : m_url(std::move(url))
    {
        m_context.feedId = QStringLiteral("emergency-112");
        m_context.kind = kind;
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) { receive(text.toUtf8()); });
        // Back after a moment, as a real client's back-off would be: the feed moves on meanwhile.
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] {
            ++reconnects;
            QTimer::singleShot(40, &m_socket, [this] { open(); });
        });
    }

    void open()
    {
        QString url = m_url;
        if (!seen.isEmpty())
            url += QStringLiteral("?since=%1").arg(*std::max_element(seen.cbegin(), seen.cend()));
        m_socket.open(QUrl(url));
    }

    qint64 maxSeen() const
    {
        return seen.isEmpty() ? 0 : *std::max_element(seen.cbegin(), seen.cend());
    }

    QSet<qint64> seen; // every seq read in an envelope, data or heartbeat
    QSet<qint64> accepted;
    QSet<qint64> rejected;
    QSet<qint64> flagged; // accepted or not, the parser named a problem
    int reconnects = 0;

private:
    void receive(const QByteArray &frame)
    {
        const auto envelope = EnvelopeParser().parse(frame);
        if (!envelope.envelope)
            return; // truncated: counted later as a gap
        const qint64 seq = envelope.envelope->seq;
        if (seen.contains(seq))
            return; // duplicate or replayed
        seen.insert(seq);
        if (envelope.envelope->format == PayloadFormat::Heartbeat)
            return;
        m_context.now = envelope.envelope->sent;
        const ParseResult result = PayloadParser(m_context).parse(*envelope.envelope);
        (result.isRejected() ? rejected : accepted).insert(seq);
        if (!result.problems.isEmpty())
            flagged.insert(seq);
    }

    QString m_url;
    QWebSocket m_socket;
    ParseContext m_context;
};

} // namespace

TEST_CASE("Through every fault, accepted + rejected + lost == sent, as docs/wire.md says")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    ManualClock clock;
    FeedSimulator::Options options;
    options.seed = 31;
    options.speed = 20;
    options.startMs = mondayMorningMs();
    options.faults =
        *FaultPlan::parse(
             QStringLiteral("malformed=0.1,duplicate=0.03,reorder=0.03,disconnect=1.5"))
             .plan;
    FeedSimulator sim(bundle, options, clock);
    REQUIRE(sim.listen());
    CountingClient client(sim.url() + QStringLiteral("/feeds/emergency-112"), FeedKind::Emergency);
    client.open();
    REQUIRE(QTest::qWaitFor([&] { return sim.server()->clientCount() == 1; }, 5000));

    const FeedChannel &channel = sim.channel(FeedId::Emergency112);
    for (int i = 0; i < 200; ++i) {
        clock.advance(50);
        sim.tick();
        QTest::qWait(2);
    }
    // Let the client catch up with the last frame sent (a truncated last frame needs one more).
    REQUIRE(QTest::qWaitFor(
        [&] {
            if (client.maxSeen() == channel.lastSeq() && sim.server()->clientCount() == 1)
                return true;
            clock.advance(50);
            sim.tick();
            return false;
        },
        20000));

    const FeedStats stats = channel.stats();
    const qint64 lost = channel.lastSeq() - client.seen.size();
    INFO("sent " << stats.sent << ", malformed " << stats.malformed << ", duplicates "
                 << stats.duplicates << ", reordered " << stats.reordered << ", replayed "
                 << stats.replayed << ", reconnects " << client.reconnects);
    INFO("accepted " << client.accepted.size() << ", rejected " << client.rejected.size()
                     << ", lost " << lost);
    CHECK(client.reconnects >= 3);
    CHECK(stats.duplicates > 0);
    CHECK(stats.reordered > 0);
    CHECK(stats.replayed > 0);
    CHECK(lost > 0);
    CHECK(client.accepted.size() + client.rejected.size() + lost == stats.sent);
    CHECK(client.rejected.size() + lost <= stats.malformed);
    // No corruption passes unnoticed: the parser rejects it or at least warns.
    INFO("flagged " << client.flagged.size());
    CHECK(client.flagged.size() + lost >= stats.malformed);
    CHECK(stats.sent + stats.heartbeats == channel.lastSeq());
}
