#include "RecordingSink.h"

#include "feeds/WebSocketSubscription.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <vector>

using namespace tlr;
using namespace tlr::test;

namespace {

// A real WebSocket server on loopback that speaks our wire: it numbers messages, keeps them,
// and replays everything after ?since= to a client that comes back.
class ResumingServer : public QObject
{
public:
    ResumingServer()
    {
        REQUIRE(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *client = m_server.nextPendingConnection()) {
                const QUrlQuery query(client->requestUrl());
                const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong();
                m_sinceRequests.append(since);
                for (qint64 seq = since + 1; seq <= m_history.size(); ++seq)
                    client->sendTextMessage(QString::fromUtf8(m_history.at(seq - 1)));
                m_clients.append(QPointer<QWebSocket>(client));
                connect(client, &QWebSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/feeds/t").arg(m_server.serverPort()));
    }

    void publish(const QByteArray &format, const QByteArray &payload)
    {
        const QByteArray message = envelope("t", m_history.size() + 1, format.constData(), payload);
        m_history.append(message);
        for (const QPointer<QWebSocket> &client : std::as_const(m_clients)) {
            if (client)
                client->sendTextMessage(QString::fromUtf8(message));
        }
    }

    // The network goes away under everyone: no close handshake.
    void dropAll()
    {
        for (const QPointer<QWebSocket> &client : std::as_const(m_clients)) {
            if (client)
                client->abort();
        }
        m_clients.clear();
    }

    QList<qint64> sinceRequests() const { return m_sinceRequests; }
    int connectedClients() const { return int(std::count_if(m_clients.begin(), m_clients.end(), [](const auto &c) { return c && c->isValid(); })); }

private:
    QWebSocketServer m_server{QStringLiteral("test"), QWebSocketServer::NonSecureMode};
    QList<QPointer<QWebSocket>> m_clients;
    QList<QByteArray> m_history;
    QList<qint64> m_sinceRequests;
};

bool waitUntil(const std::function<bool()> &condition, int milliseconds = 10000)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

FeedConfig feedAt(const QUrl &url)
{
    FeedConfig config;
    config.id = QStringLiteral("t");
    config.agency = Agency::Dishub;
    config.kind = FeedKind::Traffic;
    config.transport = FeedConfig::Transport::WebSocket;
    config.url = url;
    return config;
}

QList<qint64> seqs(const QList<StoredMessage> &messages)
{
    QList<qint64> result;
    for (const auto &m : messages)
        result.append(m.seq);
    return result;
}

} // namespace

TEST_CASE("After a dropped connection the subscription reconnects and resumes without loss or repeat")
{
    ResumingServer server;
    RecordingSink sink;
    WebSocketSubscription subscription(feedAt(server.url()), &sink);
    subscription.start();
    REQUIRE(waitUntil([&] { return server.connectedClients() == 1; }));

    for (int i = 1; i <= 20; ++i)
        server.publish("ngsi-ld", trafficPayload(i));
    REQUIRE(waitUntil([&] { return sink.messages().size() == 20; }));

    server.dropAll();
    // Published while the console is cut off: only a replay can bring these.
    for (int i = 21; i <= 50; ++i)
        server.publish("ngsi-ld", trafficPayload(i));
    server.publish("heartbeat", "{}");
    REQUIRE(waitUntil([&] { return sink.messages().size() == 50; }));
    for (int i = 52; i <= 60; ++i)
        server.publish("ngsi-ld", trafficPayload(i));
    REQUIRE(waitUntil([&] { return sink.messages().size() == 59; }));

    QList<qint64> expected;
    for (qint64 s = 1; s <= 60; ++s) {
        if (s != 51) // the heartbeat
            expected.append(s);
    }
    CHECK(seqs(sink.messages()) == expected);
    CHECK(subscription.reconnects() >= 1);
    CHECK(server.sinceRequests().first() == 0);
    CHECK(server.sinceRequests().last() == 20);
    const FeedStatus status = subscription.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.accepted == 59);
    CHECK(status.rejected == 0);
    CHECK(status.duplicates == 0);
    CHECK(status.gaps == 0);
    CHECK(status.state == FeedStatus::State::Up);
}

TEST_CASE("A server that is not there yet is retried until it answers")
{
    // Take a free port, then leave it closed for a while.
    quint16 port = 0;
    {
        QWebSocketServer probe(QStringLiteral("probe"), QWebSocketServer::NonSecureMode);
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    RecordingSink sink;
    WebSocketSubscription subscription(feedAt(QUrl(QStringLiteral("ws://127.0.0.1:%1/feeds/t").arg(port))), &sink);
    subscription.start();
    waitUntil([] { return false; }, 1200);
    CHECK(subscription.statusAt(QDateTime::currentDateTimeUtc()).state != FeedStatus::State::Up);

    QWebSocketServer late(QStringLiteral("late"), QWebSocketServer::NonSecureMode);
    REQUIRE(late.listen(QHostAddress::LocalHost, port));
    // The server hands its connections over: ours to delete (LeakSanitizer found them left).
    std::vector<std::unique_ptr<QWebSocket>> clients;
    QObject::connect(&late, &QWebSocketServer::newConnection, &late, [&] {
        QWebSocket *client = late.nextPendingConnection();
        clients.emplace_back(client);
        client->sendTextMessage(QString::fromUtf8(envelope("t", 1, "ngsi-ld", trafficPayload(1))));
    });
    REQUIRE(waitUntil([&] { return sink.messages().size() == 1; }, 15000));
    CHECK(subscription.statusAt(QDateTime::currentDateTimeUtc()).state == FeedStatus::State::Up);
}

TEST_CASE("A feed whose CA file cannot be read is down with a clear message and never connects")
{
    FeedConfig config = feedAt(QUrl(QStringLiteral("wss://127.0.0.1:9/feeds/t")));
    config.caFile = QStringLiteral(TLR_TEST_DATA_DIR "/no-such-ca.pem");
    RecordingSink sink;
    WebSocketSubscription subscription(config, &sink);
    subscription.start();
    waitUntil([] { return false; }, 300);
    const FeedStatus status = subscription.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.state == FeedStatus::State::Down);
    CHECK(status.lastError.contains(QStringLiteral("no-such-ca.pem")));
    CHECK(subscription.reconnects() == 0);
}
