#include "FeedSource.h"

#include "domain/Redaction.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFeedSource, "tlr.feeds")

namespace tlr {

std::optional<FeedCredentials> FeedSource::credentials()
{
    FeedCredentials::Result loaded = FeedCredentials::load(config());
    if (auto *error = std::get_if<QString>(&loaded)) {
        setConnectionError(*error);
        return std::nullopt;
    }
    return std::get<FeedCredentials>(std::move(loaded));
}

void FeedSource::setConnectionError(const QString &message)
{
    FeedStatus &status = m_ingestor.status();
    const QString shown = Redaction::text(message);
    if (status.connectionError != shown)
        qCWarning(lcFeedSource).noquote() << config().id << "cannot connect:" << shown;
    status.connectionError = shown;
    status.lastError = shown;
    status.state = FeedStatus::State::Down;
}

void FeedSource::clearConnectionError()
{
    m_ingestor.status().connectionError.clear();
}

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
