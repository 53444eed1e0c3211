#include "MqttSubscription.h"

#include <QFile>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcMqtt)

namespace tlr {

MqttSubscription::MqttSubscription(FeedConfig config, FeedSink *sink, QObject *parent)
    : FeedSource(std::move(config), sink, parent)
{
    ingestor().setSeqOneStartsStream(true);
}

std::optional<MqttClient::Settings> MqttSubscription::clientSettings(const FeedConfig &config, QString *error)
{
    MqttClient::Settings settings;
    settings.url = config.url;
    settings.clientId = config.mqtt.clientId;
    settings.protocol = config.mqtt.mqtt5 ? MqttClient::Protocol::Mqtt5 : MqttClient::Protocol::Mqtt311;
    settings.persistentSession = true;
    settings.sessionExpirySeconds = config.mqtt.sessionExpirySeconds;
    settings.username = config.mqtt.username;
    settings.caFile = config.caFile;
    if (!config.mqtt.passwordEnv.isEmpty()) {
        settings.password = qgetenv(config.mqtt.passwordEnv.toUtf8().constData());
        if (settings.password.isEmpty()) {
            *error = QStringLiteral("mqtt.password_env: the variable %1 is not set").arg(config.mqtt.passwordEnv);
            return std::nullopt;
        }
    } else if (!config.mqtt.passwordFile.isEmpty()) {
        QFile file(config.mqtt.passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("mqtt.password_file %1: %2").arg(config.mqtt.passwordFile, file.errorString());
            return std::nullopt;
        }
        settings.password = file.readLine(4096).trimmed();
    }
    return settings;
}

void MqttSubscription::start()
{
    QString error;
    const auto settings = clientSettings(config(), &error);
    if (settings) {
        m_client = new MqttClient(*settings, this);
        connect(m_client, &MqttClient::connected, this, [this](bool sessionPresent) {
            // Every time: a broker that lost its sessions (restarted without persistence) must
            // hear the subscription again, and a kept session takes it as a no-op.
            m_client->subscribe(config().mqtt.topic, 1);
            if (!sessionPresent && ingestor().sequence().highest() > 0) {
                qCWarning(lcMqtt).noquote() << config().id << "the broker kept no session for"
                                            << config().mqtt.clientId
                                            << ": what was published while away is lost (counted as gaps)";
            }
            ingestor().status().lastError.clear();
            if (!std::exchange(m_reportedConnected, true))
                emit connectedChanged(true);
        });
        connect(m_client, &MqttClient::disconnected, this, [this](const QString &reason) {
            // Down at once, with the reason (a refused password, a lost broker), also before
            // the first connection: the operator must not read "connecting" for hours.
            ingestor().status().lastError = reason;
            ingestor().status().state = FeedStatus::State::Down;
            if (std::exchange(m_reportedConnected, false))
                emit connectedChanged(false);
        });
        connect(m_client, &MqttClient::subscribed, this, [this] {
            qCInfo(lcMqtt).noquote() << config().id << "subscribed to" << config().mqtt.topic;
            emit subscribed();
        });
        connect(m_client, &MqttClient::messageReceived, this, &MqttSubscription::onMessage);
        if (m_client->open())
            return;
        error = m_client->errorString();
    }
    // A configuration error: retrying cannot help.
    qCWarning(lcMqtt).noquote() << config().id << error;
    ingestor().status().lastError = error;
    ingestor().status().state = FeedStatus::State::Down;
}

void MqttSubscription::stop()
{
    if (m_client)
        m_client->close();
    m_reportedConnected = false;
}

void MqttSubscription::onMessage(const QByteArray &topic, const QByteArray &payload)
{
    Q_UNUSED(topic) // one topic per subscription; the envelope names the feed
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const FeedIngestor::Outcome outcome = ingestor().ingestFrame(payload, now);
    if (outcome == FeedIngestor::Outcome::Accepted || outcome == FeedIngestor::Outcome::Rejected)
        noteReceived(now);
}

} // namespace tlr
