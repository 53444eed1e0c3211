#pragma once

#include "FeedSource.h"
#include "ReconnectBackoff.h"

#include <QTimer>
#include <QWebSocket>

namespace tlr {

// A WebSocket feed: connects, reconnects with backoff after any loss, and resumes with
// ?since=<last seq> so that the server replays what was missed (docs/wire.md).
class WebSocketSubscription : public FeedSource
{
    Q_OBJECT
public:
    WebSocketSubscription(FeedConfig config, FeedSink *sink, QObject *parent = nullptr);
    ~WebSocketSubscription() override;

    void start() override;
    void stop() override;
    int reconnects() const { return m_reconnects; }

    // A connection that is open but silent this long is treated as lost: heartbeats come at
    // least every 5 s, so 3 missed heartbeats mean the peer or the path is gone.
    static constexpr int kSilenceTimeoutMilliseconds = 15000;

signals:
    void connectedChanged(bool connected);

protected:
    bool isConnected() const override { return m_connected; }

private:
    void open();
    void scheduleReconnect(const QString &why);
    void onTextMessage(const QString &message);
    QUrl resumeUrl() const;
    static bool isRefusal(QWebSocketProtocol::CloseCode code);

    QWebSocket *m_socket = nullptr;
    QString m_handshakeProblem; // the TLS errors of the attempt under way, said plainly
    ReconnectBackoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_silenceTimer;
    bool m_running = false;
    bool m_connected = false;
    bool m_everConnected = false;
    int m_reconnects = 0;
};

} // namespace tlr
