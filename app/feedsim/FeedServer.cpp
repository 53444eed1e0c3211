#include "FeedServer.h"

#include "domain/Redaction.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcFeedServer, "tlr.feedsim.server", QtInfoMsg)

namespace tlr::feedsim {

FeedServer::FeedServer(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(QStringLiteral("tlr-feedsim"), QWebSocketServer::NonSecureMode,
                                    this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &FeedServer::onNewConnection);
}

FeedServer::~FeedServer()
{
    close();
}

void FeedServer::setTls(const QSslConfiguration &ssl)
{
    // The mode is fixed at construction: a secure server replaces the plain one.
    delete m_server;
    m_server = new QWebSocketServer(QStringLiteral("tlr-feedsim"), QWebSocketServer::SecureMode, this);
    m_server->setSslConfiguration(ssl);
    connect(m_server, &QWebSocketServer::newConnection, this, &FeedServer::onNewConnection);
    connect(m_server, &QWebSocketServer::peerVerifyError, this, [](const QSslError &error) {
        qCInfo(lcFeedServer) << "client certificate refused:" << error.errorString();
    });
}

bool FeedServer::isSecure() const
{
    return m_server->secureMode() == QWebSocketServer::SecureMode;
}

QString FeedServer::authorizationRefusal(const QWebSocket &socket) const
{
    if (m_bearerToken.isEmpty())
        return {};
    const QByteArray header = socket.request().rawHeader("Authorization");
    if (header.isEmpty())
        return QStringLiteral("bearer token required");
    const QByteArray expected = "Bearer " + m_bearerToken;
    // Compared in constant time: how long a refusal takes says nothing about the token.
    unsigned char difference = header.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < header.size(); ++i)
        difference |= header.at(i) ^ expected.at(i % expected.size());
    return difference == 0 ? QString() : QStringLiteral("bearer token not accepted");
}

bool FeedServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

QString FeedServer::errorString() const
{
    return m_server->errorString();
}
quint16 FeedServer::port() const
{
    return m_server->serverPort();
}
QHostAddress FeedServer::address() const
{
    return m_server->serverAddress();
}

bool FeedServer::drain(int timeoutMs)
{
    const auto pending = [this] {
        const bool writing = std::any_of(m_clients.cbegin(), m_clients.cend(), [](const Client &c) {
            return c.socket->bytesToWrite() > 0;
        });
        const bool awaited = std::any_of(m_servedFeeds.cbegin(), m_servedFeeds.cend(), [this](FeedId feed) {
            return std::none_of(m_clients.cbegin(), m_clients.cend(), [feed](const Client &c) {
                return c.feed == feed || c.feed == FeedId::Unknown;
            });
        });
        return writing || awaited;
    };
    const QDeadlineTimer deadline(timeoutMs);
    while (pending() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return !pending();
}

void FeedServer::close()
{
    const auto clients = m_clients;
    m_clients.clear();
    for (const auto &c : clients) {
        c.socket->disconnect(this);
        c.socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                        QStringLiteral("server shutting down"));
        c.socket->deleteLater();
    }
    m_server->close();
}

void FeedServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        const QUrl url = socket->requestUrl();
        const QString path = url.path();
        Client client;
        client.socket = socket;
        QString refusal = authorizationRefusal(*socket);
        if (!refusal.isEmpty()) {
            // Said before the path: a client without the token learns nothing about the feeds.
        } else if (path == QLatin1String("/feeds") || path == QLatin1String("/feeds/")) {
            client.feed = FeedId::Unknown;
        } else if (path.startsWith(QLatin1String("/feeds/"))) {
            const auto feed = feedIdFromKey(QStringView(path).mid(7));
            if (feed)
                client.feed = *feed;
            else
                refusal = QStringLiteral("unknown feed \"%1\"").arg(path.mid(7));
        } else {
            refusal = QStringLiteral("unknown path \"%1\"; use /feeds/<id>").arg(path);
        }
        std::optional<qint64> since;
        const QUrlQuery query(url);
        if (refusal.isEmpty() && query.hasQueryItem(QStringLiteral("since"))) {
            bool ok = false;
            const qint64 value = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
            if (!ok || value < 0)
                refusal = QStringLiteral("since must be a non-negative integer");
            else if (client.feed == FeedId::Unknown)
                refusal = QStringLiteral("since needs one feed: /feeds/<id>?since=N");
            else
                since = value;
        }
        if (!refusal.isEmpty()) {
            qCInfo(lcFeedServer).noquote() << "refusing" << tlr::Redaction::url(url) << refusal;
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, refusal);
            socket->deleteLater();
            continue;
        }
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { removeClient(socket); });
        connect(socket, &QWebSocket::bytesWritten, this, [this, socket](qint64 bytes) {
            for (auto &c : m_clients) {
                if (c.socket == socket)
                    c.pendingBytes = std::max<qint64>(0, c.pendingBytes - bytes);
            }
        });
        m_clients.append(client);
        m_servedFeeds.insert(client.feed);
        qCDebug(lcFeedServer) << "client on" << path << "since" << since.value_or(-1);
        if (since && m_replaySource) {
            const QList<Frame> frames = m_replaySource(client.feed, *since);
            for (const auto &frame : frames)
                sendTo(m_clients.last(), frame);
        }
        Q_EMIT clientCountChanged(clientCount());
    }
}

void FeedServer::sendTo(Client &client, const Frame &frame)
{
    client.socket->sendTextMessage(QString::fromUtf8(frame.bytes));
    client.pendingBytes += frame.bytes.size();
}

void FeedServer::send(FeedId feed, const QList<Frame> &frames)
{
    if (frames.isEmpty())
        return;
    QList<QWebSocket *> tooSlow;
    for (auto &client : m_clients) {
        if (client.feed != feed && client.feed != FeedId::Unknown)
            continue;
        for (const auto &frame : frames)
            sendTo(client, frame);
        if (client.pendingBytes > kMaxPendingBytes)
            tooSlow.append(client.socket);
    }
    for (QWebSocket *socket : tooSlow) {
        qCWarning(lcFeedServer) << "dropping a client that fell behind";
        socket->abort();
        removeClient(socket);
    }
}

void FeedServer::disconnectAll()
{
    const auto clients = m_clients;
    for (const auto &c : clients)
        c.socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                        QStringLiteral("fault: disconnect"));
}

void FeedServer::removeClient(QWebSocket *socket)
{
    const auto before = m_clients.size();
    m_clients.removeIf([socket](const Client &c) { return c.socket == socket; });
    if (m_clients.size() != before) {
        socket->deleteLater();
        Q_EMIT clientCountChanged(clientCount());
    }
}

} // namespace tlr::feedsim
