#include "FeedManager.h"

#include "FeedSink.h"
#include "FeedWorker.h"

#include "store/EventStore.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace tlr {

class FeedManager::Sink : public FeedSink
{
public:
    explicit Sink(EventStore *store) : m_store(store) {}

    void deliver(StoredMessage message) override
    {
        // The events only: the message's personal details go to the store and no further.
        if (!message.isRejected()) {
            QMutexLocker lock(&m_mutex);
            m_pending.append(message.events);
        }
        if (m_store)
            m_store->append(std::move(message));
    }

    QList<DomainEvent> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_pending, {});
    }

private:
    EventStore *m_store;
    QMutex m_mutex;
    QList<DomainEvent> m_pending;
};

FeedManager::FeedManager(EventStore *store, QObject *parent)
    : QObject(parent)
    , m_sink(std::make_unique<Sink>(store))
{
    m_thread.setObjectName(QStringLiteral("tlr-feeds"));
    m_worker = new FeedWorker(m_sink.get());
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FeedWorker::statusesChanged, this, [this](const QList<FeedStatus> &statuses) {
        m_statuses = statuses;
        emit statusesChanged(statuses);
    });
    m_eventTimer.setInterval(200);
    connect(&m_eventTimer, &QTimer::timeout, this, &FeedManager::drainEvents);
    m_thread.start();
}

FeedManager::~FeedManager()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void FeedManager::start(const QList<FeedConfig> &feeds)
{
    QMetaObject::invokeMethod(m_worker, [this, feeds] { m_worker->startFeeds(feeds); });
    m_eventTimer.start();
}

void FeedManager::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, [this] { m_worker->stopFeeds(); }, Qt::BlockingQueuedConnection);
    // The worker's last status report is queued to us: take it now, the loop may not run again.
    QCoreApplication::sendPostedEvents(this);
    m_eventTimer.stop();
    drainEvents();
}

bool FeedManager::allDisconnected() const
{
    return m_worker->openConnections() == 0;
}

void FeedManager::drainEvents()
{
    QList<DomainEvent> events = m_sink->take();
    if (!events.isEmpty())
        emit eventsArrived(events);
}

} // namespace tlr
