#pragma once

#include "FeedSource.h"
#include "MqttClient.h"

namespace tlr {

// An MQTT feed: one topic of an agency's tree (docs/wire.md, "MQTT") at QoS 1 under a
// persistent session, so that the broker keeps what arrives while this console is away. Each
// message is one envelope and goes through the same ingest as a WebSocket frame: its seq
// de-duplicates what QoS 1 redelivers and counts what went missing.
class MqttSubscription : public FeedSource
{
    Q_OBJECT
public:
    MqttSubscription(FeedConfig config, FeedSink *sink, QObject *parent = nullptr);

    void start() override;
    void stop() override;
    int reconnects() const { return m_client ? m_client->reconnects() : 0; }

    // The broker settings of a feed, with the password read from where the feeds file says.
    // An empty optional and `error` set when the password cannot be read.
    static std::optional<MqttClient::Settings> clientSettings(const FeedConfig &config, QString *error);

signals:
    void connectedChanged(bool connected);
    // The broker confirmed the subscription (after every connect).
    void subscribed();

protected:
    bool isConnected() const override { return m_client && m_client->isConnected(); }

private:
    void onMessage(const QByteArray &topic, const QByteArray &payload);

    MqttClient *m_client = nullptr;
    bool m_reportedConnected = false;
};

} // namespace tlr
