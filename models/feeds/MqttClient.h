#pragma once

#include "ReconnectBackoff.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

struct mosquitto;
struct mosquitto_message;
class QSocketNotifier;

namespace tlr {

// One MQTT connection through libmosquitto, driven by the Qt event loop of the thread it lives
// on (socket notifiers and a timer, no thread of libmosquitto's own), so that callbacks arrive
// where the rest of the feed lives. Reconnects with ReconnectBackoff after any loss; the broker
// keeps the session (clean session off / a session expiry for MQTT 5) when asked to, and then
// delivers what was published meanwhile at QoS 1.
class MqttClient : public QObject
{
    Q_OBJECT
public:
    enum class Protocol { Mqtt311, Mqtt5 };

    struct Settings
    {
        QUrl url; // mqtt://host[:1883] or mqtts://host[:8883]
        QString clientId;
        Protocol protocol = Protocol::Mqtt5;
        bool persistentSession = true;
        quint32 sessionExpirySeconds = 7 * 24 * 3600; // MQTT 5; 3.1.1 sessions last as the broker says
        int keepAliveSeconds = 30;
        QString username;
        QByteArray password;
        QString caFile; // mqtts: the broker's CA; empty: the system's CAs
    };

    explicit MqttClient(Settings settings, QObject *parent = nullptr);
    ~MqttClient() override;

    // Connects now and again after every loss until close(). False (with errorString()) when
    // the settings cannot work at all (a bad URL, an unreadable CA file): retrying cannot help.
    bool open();
    // Leaves the broker cleanly (the session stays on the broker when persistent).
    void close();

    bool isConnected() const { return m_connected; }
    QString errorString() const { return m_error; }
    int reconnects() const { return m_reconnects; }

    // QoS 1 is queued by libmosquitto while disconnected and sent after the reconnect.
    bool subscribe(const QString &topic, int qos);
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain = false);
    // QoS > 0 messages handed to publish() that the broker has not acknowledged yet.
    qint64 unacknowledged() const { return m_published - m_acknowledged; }
    qint64 acknowledged() const { return m_acknowledged; }

    static QString protocolKey(Protocol protocol);

signals:
    void connected(bool sessionPresent);
    void disconnected(const QString &reason);
    void subscribed();
    void messageReceived(const QByteArray &topic, const QByteArray &payload);

private:
    static void onConnect(mosquitto *, void *self, int rc, int flags);
    static void onDisconnect(mosquitto *, void *self, int rc);
    static void onPublish(mosquitto *, void *self, int mid);
    static void onSubscribe(mosquitto *, void *self, int mid, int count, const int *granted);
    static void onMessage(mosquitto *, void *self, const mosquitto_message *message);

    void connectNow();
    // After every call into libmosquitto: follow its socket and what it wants to write, and
    // notice a lost connection.
    void afterCall(int rc, const char *what);
    void watchSocket();
    void unwatchSocket();
    void lost(const QString &reason);

    Settings m_settings;
    mosquitto *m_mosq = nullptr;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_miscTimer{this};      // keep-alive pings and timeouts
    QTimer m_reconnectTimer{this}; // children, so that they follow us to another thread
    ReconnectBackoff m_backoff;
    bool m_running = false;
    bool m_connected = false;
    bool m_everConnected = false;
    int m_reconnects = 0;
    qint64 m_published = 0;
    qint64 m_acknowledged = 0;
    QString m_error;
    QString m_pendingReason; // why libmosquitto dropped the connection, from its callback
};

} // namespace tlr
