#pragma once

#include "FeedChannel.h"
#include "FeedId.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>

#include <functional>

class QWebSocket;
class QWebSocketServer;

namespace tlr::feedsim {

// Serves the feeds over WebSocket: ws://host:port/feeds/<id>[?since=N] for one feed,
// ws://host:port/feeds for all of them on one socket. A client resuming with ?since= first
// gets every held frame after N, then the live stream.
class FeedServer : public QObject
{
    Q_OBJECT

public:
    using ReplaySource = std::function<QList<Frame>(FeedId feed, qint64 since)>;

    explicit FeedServer(QObject *parent = nullptr);
    ~FeedServer() override;

    // Before listen(): serve wss:// with this configuration (certificate, key; a CA list and
    // VerifyPeer to require client certificates).
    void setTls(const QSslConfiguration &ssl);
    bool isSecure() const;
    // Require "Authorization: Bearer <token>"; a client without it, or with another, is told
    // why and closed (1008, policy violated). Empty: no token needed.
    void setBearerToken(const QByteArray &token) { m_bearerToken = token; }

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    quint16 port() const;
    QHostAddress address() const;

    void setReplaySource(ReplaySource source) { m_replaySource = std::move(source); }
    void send(FeedId feed, const QList<Frame> &frames);
    // The disconnect fault: every client is told the server is going away.
    void disconnectAll();
    int clientCount() const { return int(m_clients.size()); }
    // Runs the event loop until every client has been handed what was sent to it, and every
    // feed that ever had a subscriber has one again, or timeoutMs passed: a client slower than
    // the run, or reconnecting after a disconnect at the very end, still gets (by its resume)
    // the frames the report counts as sent. False when some were left.
    bool drain(int timeoutMs);
    void close();

    // Clients that fall this far behind are dropped rather than buffered without bound.
    static constexpr qint64 kMaxPendingBytes = 256LL * 1024 * 1024;

Q_SIGNALS:
    void clientCountChanged(int count);

private:
    struct Client
    {
        QWebSocket *socket = nullptr;
        FeedId feed = FeedId::Unknown; // Unknown: every feed
        qint64 pendingBytes = 0;
    };

    void onNewConnection();
    QString authorizationRefusal(const QWebSocket &socket) const;
    void removeClient(QWebSocket *socket);
    void sendTo(Client &client, const Frame &frame);

    QWebSocketServer *m_server = nullptr;
    QList<Client> m_clients;
    QSet<FeedId> m_servedFeeds; // subscribed to at some time; Unknown: all of them
    ReplaySource m_replaySource;
    QByteArray m_bearerToken;
};

} // namespace tlr::feedsim
