#pragma once

#include "FeedCredentials.h"
#include "FeedIngestor.h"

#include <QObject>

#include <optional>

namespace tlr {

// A running feed: a WebSocket subscription or an HTTP poller. It lives on the feeds' thread,
// receives, hands bytes to its ingestor, and reports its status.
class FeedSource : public QObject
{
    Q_OBJECT
public:
    FeedSource(FeedConfig config, FeedSink *sink, QObject *parent = nullptr)
        : QObject(parent)
        , m_ingestor(std::move(config), sink)
    {
    }

    virtual void start() = 0;
    virtual void stop() = 0;

    const FeedConfig &config() const { return m_ingestor.config(); }
    // TLS settings and bearer token (FeedCredentials). Empty, with the connection error set
    // and logged, when a file or variable they come from cannot be used: such a feed is not
    // connected at all.
    std::optional<FeedCredentials> credentials();
    // Recomputes state and rate against now and returns a copy for the GUI thread.
    FeedStatus statusAt(const QDateTime &now);

protected:
    FeedIngestor &ingestor() { return m_ingestor; }
    const FeedIngestor &ingestor() const { return m_ingestor; }
    void noteReceived(const QDateTime &at);
    // The feed cannot connect: shown on the health strip, logged once per distinct reason.
    void setConnectionError(const QString &message);
    void clearConnectionError();
    virtual bool isConnected() const = 0;

private:
    FeedIngestor m_ingestor;
    QList<QDateTime> m_recent; // data-message times in the last minute, for the rate
};

} // namespace tlr
