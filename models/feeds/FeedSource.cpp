#include "FeedSource.h"

#include <QSslCertificate>

namespace tlr {

std::optional<QSslConfiguration> FeedSource::sslConfiguration()
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (config().caFile.isEmpty())
        return ssl;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(config().caFile, QSsl::Pem);
    if (certificates.isEmpty()) {
        m_ingestor.status().lastError = QStringLiteral("ca_file %1: no PEM certificate could be read").arg(config().caFile);
        m_ingestor.status().state = FeedStatus::State::Down;
        return std::nullopt;
    }
    // Only the feed's own CA: a gateway's certificate from any other issuer is refused.
    ssl.setCaCertificates(certificates);
    return ssl;
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
