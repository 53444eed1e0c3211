#pragma once

#include "FeedConfig.h"
#include "FeedStatus.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>

namespace tlr {

class FeedSink;
class FeedSource;

// The feeds' thread's side of FeedManager: owns the sources and reports their statuses.
class FeedWorker : public QObject
{
    Q_OBJECT
public:
    explicit FeedWorker(FeedSink *sink, QObject *parent = nullptr);

    void startFeeds(const QList<FeedConfig> &feeds);
    void stopFeeds();
    int openConnections() const { return m_openConnections; }

signals:
    void statusesChanged(const QList<FeedStatus> &statuses);

private:
    void reportStatuses();

    FeedSink *m_sink;
    QList<FeedSource *> m_sources;
    QTimer m_statusTimer{this}; // a child, so that it moves to the feeds' thread with us
    std::atomic<int> m_openConnections{0};
};

} // namespace tlr
