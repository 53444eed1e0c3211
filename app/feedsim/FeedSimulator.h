#pragma once

#include "Clock.h"
#include "FaultPlan.h"
#include "FeedChannel.h"
#include "ScenarioBundle.h"
#include "Simulation.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace tlr::feedsim {

class FeedServer;
class MqttPublisher;

// The running simulator: on each tick it reads the clock, advances the simulation to
// start + elapsed × speed, passes what the agencies published through the feed channels
// (sequence numbers, faults, history) to the WebSocket server, and sends the heartbeats.
class FeedSimulator : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        quint64 seed = 1;
        double speed = 1.0; // simulated seconds per real second
        double rate = 1.0;  // load multiplier
        qint64 startMs = 0; // simulated start (UTC ms since the epoch)
        FaultPlan faults;
        int heartbeatMs = 2000;
        int tickMs = 50;
        QHostAddress bind = QHostAddress::LocalHost;
        quint16 port = 0;
        qsizetype historyLimit = 100000;
        qint64 historyMaxAgeMs = 3600 * 1000;
        std::optional<QSslConfiguration> tls; // serve wss:// (ServerCredentials)
        QByteArray bearerToken;               // required of every client when not empty
    };

    FeedSimulator(const ScenarioBundle &bundle, const Options &options, const Clock &clock,
                  QObject *parent = nullptr);
    ~FeedSimulator() override;

    bool listen();
    QString errorString() const;
    quint16 port() const;
    QString url() const; // ws://127.0.0.1:<port>, wss:// with TLS

    // Ticks on a timer; tests call tick() themselves with a ManualClock.
    void start();
    void stop(); // stops ticking and sends frames still held back
    void tick();

    // Sees every frame as it goes to the server (--dump prints them).
    using FrameTap = std::function<void(FeedId, const QList<Frame> &)>;
    void setFrameTap(FrameTap tap) { m_tap = std::move(tap); }

    qint64 simulatedNowMs() const { return m_simulation.now(); }
    const Simulation &simulation() const { return m_simulation; }
    FeedChannel &channel(FeedId feed);
    FeedServer *server() const { return m_server; }
    // Publishes every frame to a broker as well (--mqtt); null: WebSocket only.
    void setMqttPublisher(MqttPublisher *publisher) { m_mqtt = publisher; }
    QJsonObject report() const;

private:
    void deliver(FeedId feed, const QList<Frame> &frames);

    Options m_options;
    const Clock &m_clock;
    Simulation m_simulation;
    std::vector<std::unique_ptr<FeedChannel>> m_channels;
    std::array<qint64, 5> m_lastHeartbeatMs{};
    qint64 m_nextDisconnectMs = 0;
    FeedServer *m_server = nullptr;
    MqttPublisher *m_mqtt = nullptr;
    QTimer *m_timer = nullptr;
    QString m_scenarioName;
    FrameTap m_tap;
};

} // namespace tlr::feedsim
