#include "FeedWorker.h"

#include "HttpPoller.h"
#include "MqttSubscription.h"
#include "WebSocketSubscription.h"

namespace tlr {

FeedWorker::FeedWorker(FeedSink *sink, QObject *parent)
    : QObject(parent)
    , m_sink(sink)
{
    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, &FeedWorker::reportStatuses);
}

void FeedWorker::startFeeds(const QList<FeedConfig> &feeds)
{
    for (const FeedConfig &feed : feeds) {
        FeedSource *source = nullptr;
        if (feed.transport == FeedConfig::Transport::WebSocket) {
            auto *subscription = new WebSocketSubscription(feed, m_sink, this);
            connect(subscription, &WebSocketSubscription::connectedChanged, this,
                    [this](bool connected) { m_openConnections += connected ? 1 : -1; });
            source = subscription;
        } else if (feed.transport == FeedConfig::Transport::Mqtt) {
            auto *subscription = new MqttSubscription(feed, m_sink, this);
            connect(subscription, &MqttSubscription::connectedChanged, this,
                    [this](bool connected) { m_openConnections += connected ? 1 : -1; });
            source = subscription;
        } else {
            source = new HttpPoller(feed, m_sink, this);
        }
        m_sources.append(source);
        source->start();
    }
    m_statusTimer.start();
    reportStatuses();
}

void FeedWorker::stopFeeds()
{
    for (FeedSource *source : std::as_const(m_sources))
        source->stop();
    m_openConnections = 0;
    m_statusTimer.stop();
    reportStatuses();
}

void FeedWorker::reportStatuses()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<FeedStatus> statuses;
    statuses.reserve(m_sources.size());
    for (FeedSource *source : std::as_const(m_sources))
        statuses.append(source->statusAt(now));
    emit statusesChanged(statuses);
}

} // namespace tlr
