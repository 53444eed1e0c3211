#include "MqttClient.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcMqtt, "tlr.feeds.mqtt")

namespace tlr {
namespace {

constexpr int kMiscIntervalMilliseconds = 1000;

QString errorText(int rc)
{
    if (rc == MOSQ_ERR_ERRNO)
        return QString::fromLocal8Bit(std::strerror(errno));
    return QString::fromUtf8(mosquitto_strerror(rc));
}

} // namespace

MqttClient::MqttClient(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    static std::once_flag libraryReady;
    std::call_once(libraryReady, [] {
        mosquitto_lib_init();
        // libmosquitto writes with write(), not send(MSG_NOSIGNAL): a broker that goes away
        // mid-write would kill the whole wall with SIGPIPE instead of giving EPIPE, which the
        // client takes as a lost connection and reconnects from.
        std::signal(SIGPIPE, SIG_IGN);
    });

    m_miscTimer.setInterval(kMiscIntervalMilliseconds);
    connect(&m_miscTimer, &QTimer::timeout, this, [this] {
        if (m_fd >= 0)
            afterCall(mosquitto_loop_misc(m_mosq), "keep-alive");
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &MqttClient::connectNow);
}

MqttClient::~MqttClient()
{
    close();
    if (m_mosq)
        mosquitto_destroy(m_mosq);
}

QString MqttClient::protocolKey(Protocol protocol)
{
    return protocol == Protocol::Mqtt5 ? QStringLiteral("5") : QStringLiteral("3.1.1");
}

bool MqttClient::open()
{
    const QString scheme = m_settings.url.scheme();
    const bool tls = scheme == u"mqtts";
    if ((scheme != u"mqtt" && !tls) || m_settings.url.host().isEmpty()) {
        m_error = QStringLiteral("expected mqtt://host[:port] or mqtts://host[:port], got \"%1\"")
                      .arg(m_settings.url.toDisplayString());
        return false;
    }
    if (m_settings.clientId.isEmpty() && m_settings.persistentSession) {
        m_error = QStringLiteral("a persistent session needs a client id");
        return false;
    }
    if (!m_mosq) {
        const QByteArray id = m_settings.clientId.toUtf8();
        m_mosq = mosquitto_new(id.isEmpty() ? nullptr : id.constData(), !m_settings.persistentSession, this);
        if (!m_mosq) {
            m_error = QStringLiteral("libmosquitto: cannot create a client: %1").arg(errorText(MOSQ_ERR_ERRNO));
            return false;
        }
        mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION,
                             m_settings.protocol == Protocol::Mqtt5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
        mosquitto_connect_with_flags_callback_set(m_mosq, &MqttClient::onConnect);
        mosquitto_disconnect_callback_set(m_mosq, &MqttClient::onDisconnect);
        mosquitto_publish_callback_set(m_mosq, &MqttClient::onPublish);
        mosquitto_subscribe_callback_set(m_mosq, &MqttClient::onSubscribe);
        mosquitto_message_callback_set(m_mosq, &MqttClient::onMessage);
        if (!m_settings.username.isEmpty()) {
            const QByteArray user = m_settings.username.toUtf8();
            mosquitto_username_pw_set(m_mosq, user.constData(),
                                      m_settings.password.isEmpty() ? nullptr : m_settings.password.constData());
        }
        if (tls) {
            const QByteArray caFile = QFileInfo(m_settings.caFile).absoluteFilePath().toLocal8Bit();
            const int rc = m_settings.caFile.isEmpty()
                               ? mosquitto_tls_set(m_mosq, nullptr, "/etc/ssl/certs", nullptr, nullptr, nullptr)
                               : mosquitto_tls_set(m_mosq, caFile.constData(), nullptr, nullptr, nullptr, nullptr);
            if (rc != MOSQ_ERR_SUCCESS) {
                m_error = QStringLiteral("TLS: %1 (ca_file \"%2\")").arg(errorText(rc), m_settings.caFile);
                return false;
            }
        }
    }
    m_running = true;
    m_miscTimer.start();
    connectNow();
    return true;
}

void MqttClient::close()
{
    if (!m_running)
        return;
    m_running = false;
    m_reconnectTimer.stop();
    m_miscTimer.stop();
    if (m_fd >= 0) {
        mosquitto_disconnect(m_mosq);
        mosquitto_loop_write(m_mosq, 1); // the DISCONNECT, so that the broker keeps no will
    }
    unwatchSocket();
    if (m_connected) {
        m_connected = false;
        emit disconnected(QStringLiteral("closed"));
    }
}

void MqttClient::connectNow()
{
    if (!m_running)
        return;
    unwatchSocket();
    const bool tls = m_settings.url.scheme() == u"mqtts";
    const QByteArray host = m_settings.url.host().toUtf8();
    const int port = m_settings.url.port(tls ? 8883 : 1883);
    int rc = MOSQ_ERR_SUCCESS;
    if (m_settings.protocol == Protocol::Mqtt5 && m_settings.persistentSession) {
        // libmosquitto 2.0 sends CONNECT properties (the session expiry) only through this
        // call, which waits for the TCP connection; reconnect_async would send none, and the
        // broker would end the session at the first disconnect.
        mosquitto_property *properties = nullptr;
        mosquitto_property_add_int32(&properties, MQTT_PROP_SESSION_EXPIRY_INTERVAL, m_settings.sessionExpirySeconds);
        rc = mosquitto_connect_bind_v5(m_mosq, host.constData(), port, m_settings.keepAliveSeconds, nullptr, properties);
        mosquitto_property_free_all(&properties);
    } else {
        rc = mosquitto_connect_async(m_mosq, host.constData(), port, m_settings.keepAliveSeconds);
    }
    if (rc != MOSQ_ERR_SUCCESS || mosquitto_socket(m_mosq) < 0) {
        lost(QStringLiteral("cannot connect to %1:%2: %3").arg(m_settings.url.host()).arg(port).arg(errorText(rc)));
        return;
    }
    watchSocket();
    m_writeNotifier->setEnabled(mosquitto_want_write(m_mosq));
}

void MqttClient::watchSocket()
{
    const int fd = mosquitto_socket(m_mosq);
    if (fd == m_fd)
        return;
    unwatchSocket();
    m_fd = fd;
    m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this,
            [this] { afterCall(mosquitto_loop_read(m_mosq, 1), "read"); });
    m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    connect(m_writeNotifier, &QSocketNotifier::activated, this,
            [this] { afterCall(mosquitto_loop_write(m_mosq, 1), "write"); });
}

void MqttClient::unwatchSocket()
{
    // Possibly called from a notifier's own activation: disable now, delete later.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_fd = -1;
}

void MqttClient::afterCall(int rc, const char *what)
{
    if (m_fd < 0)
        return; // nothing open: a publish while away is queued, the reconnect is under way
    if (rc == MOSQ_ERR_SUCCESS && mosquitto_socket(m_mosq) == m_fd) {
        if (m_writeNotifier)
            m_writeNotifier->setEnabled(mosquitto_want_write(m_mosq));
        return;
    }
    QString reason = std::exchange(m_pendingReason, QString());
    if (reason.isEmpty())
        reason = QStringLiteral("%1: %2").arg(QLatin1String(what), errorText(rc));
    lost(reason);
}

void MqttClient::lost(const QString &reason)
{
    unwatchSocket();
    m_error = reason;
    const bool wasConnected = std::exchange(m_connected, false);
    emit disconnected(reason);
    if (!m_running || m_reconnectTimer.isActive())
        return;
    if (wasConnected)
        ++m_reconnects;
    const int delay = m_backoff.nextDelayMilliseconds();
    qCInfo(lcMqtt).noquote() << m_settings.clientId << "lost" << m_settings.url.toDisplayString() << "("
                             << reason << "), retrying in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

bool MqttClient::subscribe(const QString &topic, int qos)
{
    if (!m_mosq)
        return false;
    const QByteArray bytes = topic.toUtf8();
    const int rc = mosquitto_subscribe(m_mosq, nullptr, bytes.constData(), qos);
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_NO_CONN) {
        m_error = QStringLiteral("subscribe %1: %2").arg(topic, errorText(rc));
        return false;
    }
    afterCall(MOSQ_ERR_SUCCESS, "subscribe");
    return true;
}

bool MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    if (!m_mosq)
        return false;
    const QByteArray bytes = topic.toUtf8();
    const int rc = mosquitto_publish(m_mosq, nullptr, bytes.constData(), int(payload.size()),
                                     payload.constData(), qos, retain);
    // A QoS 1 message is in libmosquitto's queue before it is sent: when sending fails for
    // want of a connection it stays there for the reconnect. Other errors refuse the message.
    const bool connectionTrouble = rc == MOSQ_ERR_NO_CONN || rc == MOSQ_ERR_CONN_LOST || rc == MOSQ_ERR_ERRNO;
    if (rc != MOSQ_ERR_SUCCESS && !(connectionTrouble && qos > 0)) {
        m_error = QStringLiteral("publish %1: %2").arg(topic, errorText(rc));
        return false;
    }
    if (qos > 0)
        ++m_published;
    afterCall(rc == MOSQ_ERR_NO_CONN ? MOSQ_ERR_SUCCESS : rc, "publish");
    return true;
}

void MqttClient::onConnect(mosquitto *, void *self, int rc, int flags)
{
    auto *client = static_cast<MqttClient *>(self);
    if (rc != 0) {
        client->m_pendingReason = QStringLiteral("the broker refused the connection: %1")
                                      .arg(QString::fromUtf8(client->m_settings.protocol == Protocol::Mqtt5
                                                                 ? mosquitto_reason_string(rc)
                                                                 : mosquitto_connack_string(rc)));
        return;
    }
    client->m_connected = true;
    client->m_everConnected = true;
    client->m_backoff.reset();
    client->m_error.clear();
    const bool sessionPresent = flags & 1;
    qCInfo(lcMqtt).noquote() << client->m_settings.clientId << "connected to"
                             << client->m_settings.url.toDisplayString() << "MQTT"
                             << protocolKey(client->m_settings.protocol)
                             << (sessionPresent ? "(session resumed)" : "(new session)");
    emit client->connected(sessionPresent);
}

void MqttClient::onDisconnect(mosquitto *, void *self, int rc)
{
    auto *client = static_cast<MqttClient *>(self);
    if (client->m_pendingReason.isEmpty() && rc != 0)
        client->m_pendingReason = QStringLiteral("connection lost: %1").arg(errorText(rc));
}

void MqttClient::onPublish(mosquitto *, void *self, int)
{
    ++static_cast<MqttClient *>(self)->m_acknowledged;
}

void MqttClient::onSubscribe(mosquitto *, void *self, int, int count, const int *granted)
{
    auto *client = static_cast<MqttClient *>(self);
    for (int i = 0; i < count; ++i) {
        if (granted[i] >= 0x80) {
            client->m_error = QStringLiteral("the broker refused the subscription (not authorised for the topic?)");
            qCWarning(lcMqtt).noquote() << client->m_settings.clientId << client->m_error;
            return;
        }
    }
    emit client->subscribed();
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *message)
{
    auto *client = static_cast<MqttClient *>(self);
    emit client->messageReceived(QByteArray(message->topic),
                                 QByteArray(static_cast<const char *>(message->payload), message->payloadlen));
}

} // namespace tlr
