#pragma once

#include "FeedChannel.h"
#include "FeedId.h"

#include "feeds/MqttClient.h"

#include <QJsonObject>
#include <QObject>

namespace tlr::feedsim {

// Publishes the feeds to an MQTT broker (--mqtt): every frame, heartbeats included, at QoS 1
// on tlr/<agency>/<feed>/messages, byte for byte what the WebSocket server sends
// (docs/wire.md, "MQTT"). While the broker is away libmosquitto keeps the messages and sends
// them after the reconnect.
class MqttPublisher : public QObject
{
    Q_OBJECT
public:
    explicit MqttPublisher(MqttClient::Settings settings, QObject *parent = nullptr);

    bool open();
    QString errorString() const { return m_client->errorString(); }
    QString url() const { return m_url; }

    void publish(FeedId feed, const QList<Frame> &frames);
    // Runs the event loop until the broker has acknowledged every message, or the timeout.
    // True when nothing is left unacknowledged.
    bool drain(int timeoutMilliseconds);
    void close() { m_client->close(); }

    // {"url", "published", "acknowledged", "failed", "reconnects"} for the exit report.
    QJsonObject report() const;

    static QString topic(FeedId feed);

private:
    MqttClient *m_client;
    QString m_url;
    qint64 m_published = 0;
    qint64 m_failed = 0;
};

} // namespace tlr::feedsim
