#include "WebSocketSubscription.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcWebSocket, "tlr.feeds.ws")

namespace tlr {

WebSocketSubscription::WebSocketSubscription(FeedConfig config, FeedSink *sink, QObject *parent)
    : FeedSource(std::move(config), sink, parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WebSocketSubscription::open);
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(kSilenceTimeoutMilliseconds);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
        scheduleReconnect(QStringLiteral("no message or heartbeat for %1 s").arg(kSilenceTimeoutMilliseconds / 1000));
    });
}

WebSocketSubscription::~WebSocketSubscription()
{
    stop();
}

void WebSocketSubscription::start()
{
    m_running = true;
    open();
}

void WebSocketSubscription::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_silenceTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_connected = false;
}

QUrl WebSocketSubscription::resumeUrl() const
{
    // Also the first time (since=0): whatever the server still holds from before we came is
    // part of the picture, and was counted as sent.
    QUrl url = config().url;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("since"));
    query.addQueryItem(QStringLiteral("since"), QString::number(ingestor().sequence().resumeFrom()));
    url.setQuery(query);
    return url;
}

void WebSocketSubscription::open()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // A city feed can carry a large CAP document; the parser's limit applies after this one.
    m_socket->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        m_everConnected = true;
        m_backoff.reset();
        m_silenceTimer.start();
        ingestor().beginConnection();
        qCInfo(lcWebSocket).noquote() << config().id << "connected to" << m_socket->requestUrl().toDisplayString();
        emit connectedChanged(true);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        scheduleReconnect(m_socket ? m_socket->closeReason() : QString());
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        ingestor().status().lastError = m_socket->errorString();
        scheduleReconnect(m_socket->errorString());
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketSubscription::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &frame) {
        onTextMessage(QString::fromUtf8(frame));
    });

    const auto ssl = sslConfiguration();
    if (!ssl) {
        m_running = false; // a configuration error: retrying cannot help
        return;
    }
    m_socket->setSslConfiguration(*ssl);
    QNetworkRequest request(resumeUrl());
    if (!config().tokenEnv.isEmpty()) {
        const QByteArray token = qgetenv(config().tokenEnv.toUtf8().constData());
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
    }
    m_socket->open(request);
}

void WebSocketSubscription::scheduleReconnect(const QString &why)
{
    const bool wasConnected = m_connected;
    m_connected = false;
    m_silenceTimer.stop();
    if (wasConnected)
        emit connectedChanged(false);
    if (!m_running || m_reconnectTimer.isActive())
        return;
    const int delay = m_backoff.nextDelayMilliseconds();
    if (m_everConnected)
        ++m_reconnects;
    if (m_everConnected)
        ingestor().status().state = FeedStatus::State::Down;
    qCInfo(lcWebSocket).noquote() << config().id << "connection lost (" << why << "), retrying in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void WebSocketSubscription::onTextMessage(const QString &message)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_silenceTimer.start();
    const FeedIngestor::Outcome outcome = ingestor().ingestFrame(message.toUtf8(), now);
    if (outcome == FeedIngestor::Outcome::Accepted || outcome == FeedIngestor::Outcome::Rejected)
        noteReceived(now);
}

} // namespace tlr
