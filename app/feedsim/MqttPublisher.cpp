#include "MqttPublisher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace tlr::feedsim {
namespace {

QString agencyKey(FeedId feed)
{
    switch (feed) {
    case FeedId::DishubTraffic:
        return QStringLiteral("dishub");
    case FeedId::DinkesHealth:
        return QStringLiteral("dinkes");
    case FeedId::TirtaWater:
        return QStringLiteral("tirtabenteng");
    case FeedId::DlhEnvironment:
        return QStringLiteral("dlh");
    case FeedId::Emergency112:
        return QStringLiteral("112");
    case FeedId::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace

MqttPublisher::MqttPublisher(MqttClient::Settings settings, QObject *parent)
    : QObject(parent)
    , m_url(settings.url.toDisplayString())
{
    m_client = new MqttClient(std::move(settings), this);
}

bool MqttPublisher::open()
{
    return m_client->open();
}

QString MqttPublisher::topic(FeedId feed)
{
    return QStringLiteral("tlr/%1/%2/messages").arg(agencyKey(feed), feedIdKey(feed));
}

void MqttPublisher::publish(FeedId feed, const QList<Frame> &frames)
{
    const QString name = topic(feed);
    for (const Frame &frame : frames) {
        if (m_client->publish(name, frame.bytes, 1))
            ++m_published;
        else
            ++m_failed;
    }
}

bool MqttPublisher::drain(int timeoutMilliseconds)
{
    QDeadlineTimer deadline(timeoutMilliseconds);
    while (m_client->unacknowledged() > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return m_client->unacknowledged() == 0;
}

QJsonObject MqttPublisher::report() const
{
    return {{QStringLiteral("url"), m_url},
            {QStringLiteral("published"), m_published},
            {QStringLiteral("acknowledged"), m_client->acknowledged()},
            {QStringLiteral("failed"), m_failed},
            {QStringLiteral("reconnects"), m_client->reconnects()}};
}

} // namespace tlr::feedsim
