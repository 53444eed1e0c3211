#pragma once

#include "FeedConfig.h"
#include "FeedStatus.h"

#include "domain/DomainEvent.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace tlr {

class EventStore;
class FeedSource;
class FeedWorker;

// Runs every configured feed on a thread of its own — receiving, parsing, storing — and hands
// the GUI thread what it needs in batches: statuses twice a second, new events every 200 ms.
// Events reach the GUI without reporters' personal data, which travels beside them (see
// PersonalDetails) to the store alone.
class FeedManager : public QObject
{
    Q_OBJECT
public:
    explicit FeedManager(EventStore *store, QObject *parent = nullptr);
    ~FeedManager() override;

    void start(const QList<FeedConfig> &feeds);
    // Stops receiving: waits until every source has closed. Statuses stay readable.
    void stop();

    QList<FeedStatus> statuses() const { return m_statuses; }
    // True once every WebSocket feed has no open connection (used to drain before exit).
    bool allDisconnected() const;

signals:
    void statusesChanged(const QList<FeedStatus> &statuses);
    void eventsArrived(const QList<DomainEvent> &events);

private:
    class Sink;
    void drainEvents();

    std::unique_ptr<Sink> m_sink;
    QThread m_thread;
    FeedWorker *m_worker = nullptr; // lives on m_thread
    QList<FeedStatus> m_statuses;
    QTimer m_eventTimer;
};

} // namespace tlr
