#include "WebSocketSubscription.h"

#include "domain/Redaction.h"

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
        m_socket = nullptr;
    }
    // Read at every attempt: a token file or certificate put right is taken without a restart.
    const std::optional<FeedCredentials> credentials = this->credentials();
    if (!credentials) {
        scheduleReconnect(ingestor().status().connectionError);
        return;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // A city feed can carry a large CAP document; the parser's limit applies after this one.
    m_socket->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    m_handshakeProblem.clear();
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        m_everConnected = true;
        m_silenceTimer.start();
        ingestor().beginConnection();
        qCInfo(lcWebSocket).noquote() << config().id << "connected to" << Redaction::url(m_socket->requestUrl());
        emit connectedChanged(true);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (!m_socket) {
            scheduleReconnect(QString());
            return;
        }
        const QString reason = m_socket->closeReason();
        if (isRefusal(m_socket->closeCode())) {
            setConnectionError(QStringLiteral("refused by the server (%1): %2")
                                   .arg(int(m_socket->closeCode()))
                                   .arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason));
        }
        scheduleReconnect(reason);
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_handshakeProblem = FeedCredentials::describeSslErrors(errors, config());
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError error) {
        if (!m_socket)
            return;
        QString problem = m_handshakeProblem.isEmpty() ? Redaction::text(m_socket->errorString())
                                                       : m_handshakeProblem;
        // A server that wants a client certificate and gets none just hangs up mid-handshake.
        if (!m_connected && m_handshakeProblem.isEmpty() && config().url.scheme() == u"wss"
            && config().clientCertFile.isEmpty() && error == QAbstractSocket::RemoteHostClosedError) {
            problem += QStringLiteral(" (does it want a client certificate? client_cert, client_key)");
        }
        if (!m_connected)
            setConnectionError(problem); // it never got as far as a connection: say why
        ingestor().status().lastError = problem;
        scheduleReconnect(problem);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketSubscription::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &frame) {
        onTextMessage(QString::fromUtf8(frame));
    });

    m_socket->setSslConfiguration(credentials->ssl);
    QNetworkRequest request(resumeUrl());
    if (const QByteArray authorization = credentials->authorizationHeader(); !authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    m_socket->open(request);
}

bool WebSocketSubscription::isRefusal(QWebSocketProtocol::CloseCode code)
{
    // 1008: the server's policy (our simulator's answer to a missing or wrong token);
    // 4401 / 4403: the private-range mirrors of HTTP 401 and 403 that gateways use.
    return code == QWebSocketProtocol::CloseCodePolicyViolated || int(code) == 4401 || int(code) == 4403;
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
    qCInfo(lcWebSocket).noquote() << config().id << "connection lost (" << Redaction::text(why)
                                  << "), retrying in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void WebSocketSubscription::onTextMessage(const QString &message)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_silenceTimer.start();
    // The backoff starts again only once the server sends something: one that accepts and
    // at once closes (a refused token) is retried ever more slowly, not every half second.
    m_backoff.reset();
    clearConnectionError();
    const FeedIngestor::Outcome outcome = ingestor().ingestFrame(message.toUtf8(), now);
    if (outcome == FeedIngestor::Outcome::Accepted || outcome == FeedIngestor::Outcome::Rejected)
        noteReceived(now);
}

} // namespace tlr
