#include "FeedSource.h"

namespace tlr {

void FeedSource::noteReceived(const QDateTime &at)
{
    m_recent.append(at);
}

FeedStatus FeedSource::statusAt(const QDateTime &now)
{
    const QDateTime minuteAgo = now.addSecs(-60);
    while (!m_recent.isEmpty() && m_recent.first() < minuteAgo)
        m_recent.removeFirst();

    FeedStatus &status = m_ingestor.status();
    status.messagesPerMinute = double(m_recent.size());
    const int stale = config().staleSeconds;
    const qint64 silentFor = status.lastMessageAt.isValid() ? status.lastMessageAt.secsTo(now) : -1;
    if (!isConnected() && status.state != FeedStatus::State::Connecting)
        status.state = FeedStatus::State::Down;
    else if (silentFor < 0)
        status.state = isConnected() ? FeedStatus::State::Up : FeedStatus::State::Connecting;
    else if (silentFor > 4 * stale)
        status.state = FeedStatus::State::Down;
    else if (silentFor > stale)
        status.state = FeedStatus::State::Stale;
    else
        status.state = FeedStatus::State::Up;
    return status;
}

} // namespace tlr
