#include "EventStore.h"

#include "AlertActionReader.h"
#include "HistoryReader.h"
#include "IncidentTables.h"
#include "SqlValues.h"
#include "SqliteStatement.h"
#include "StoreSchema.h"
#include "StoreWorker.h"

#include <QPromise>
#include <QSqlQuery>

#include <mutex>

namespace tlr {

EventStore::EventStore(QObject *parent)
    : QObject(parent)
    , m_counters(std::make_shared<StoreCounters>())
{
    // Before any store's thread opens a connection, which starts SQLite (SqliteStatement.h).
    static std::once_flag configured;
    std::call_once(configured, [] { SqliteStatement::disableMemoryStatistics(); });
    m_thread.setObjectName(QStringLiteral("tlr.store"));
    // Unparented so that it can move to the store's thread; QThread::finished deletes it there.
    m_worker = new StoreWorker(m_counters);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StoreWorker::stored, this, &EventStore::stored);
    connect(m_worker, &StoreWorker::failed, this, &EventStore::failed);
    connect(m_worker, &StoreWorker::sharedChange, this, &EventStore::sharedChange);
    m_thread.start();
}

EventStore::~EventStore()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

QString EventStore::open(const Options &options)
{
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { error = m_worker->open(options); }, Qt::BlockingQueuedConnection);
    if (error.isEmpty())
        m_open = true;
    return error;
}

void EventStore::close()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->close(); }, Qt::BlockingQueuedConnection);
    m_open = false;
}

bool EventStore::isOpen() const
{
    return m_open;
}

void EventStore::append(StoredMessage message)
{
    // Stamped here rather than on the store's thread, which may be a batch behind.
    if (!message.receivedAt.isValid())
        message.receivedAt = QDateTime::currentDateTimeUtc();
    m_worker->submit(std::move(message));
}

void EventStore::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->writePending(); }, Qt::BlockingQueuedConnection);
}

void EventStore::post(std::function<void(QSqlDatabase &)> job)
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { job(worker->connection()); },
        Qt::QueuedConnection);
}

qint64 EventStore::storedEvents() const
{
    return m_counters->storedEvents;
}
qint64 EventStore::quarantined() const
{
    return m_counters->quarantined;
}
qint64 EventStore::duplicatesIgnored() const
{
    return m_counters->duplicatesIgnored;
}
qint64 EventStore::droppedMessages() const
{
    return m_counters->droppedMessages;
}
qint64 EventStore::peakPendingMessages() const
{
    return m_counters->peakPending;
}

template <typename Reply, typename Job> QFuture<Reply> EventStore::runOnStore(Job job) const
{
    // Shared: the queued call is copied; a call dropped at shutdown destroys the promise,
    // which cancels the future rather than leaving a waiter hanging.
    auto promise = std::make_shared<QPromise<Reply>>();
    QFuture<Reply> future = promise->future();
    promise->start();
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, job] {
            if (!worker->isOpen()) {
                Reply reply;
                reply.error = QStringLiteral("the event store is not open");
                promise->addResult(std::move(reply));
            } else {
                worker->writePending(); // a query sees everything appended before it
                promise->addResult(job(*worker));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<StoreReply<QList<RollupPoint>>>
EventStore::rollups(const QString &entityId, const QString &quantity, Resolution resolution,
                    const QDateTime &from, const QDateTime &to) const
{
    return runOnStore<StoreReply<QList<RollupPoint>>>([=](StoreWorker &worker) {
        return worker.reader().rollups(entityId, quantity, resolution, from, to);
    });
}

QFuture<StoreReply<QList<QuarantineEntry>>> EventStore::quarantineEntries(int limit) const
{
    return runOnStore<StoreReply<QList<QuarantineEntry>>>(
        [=](StoreWorker &worker) { return worker.reader().quarantineEntries(limit); });
}

QFuture<StoreReply<QList<StoredMessage>>> EventStore::messages(const QString &feed, qint64 fromSeq,
                                                               qint64 toSeq) const
{
    return runOnStore<StoreReply<QList<StoredMessage>>>(
        [=](StoreWorker &worker) { return worker.reader().messages(feed, fromSeq, toSeq); });
}

QFuture<StoreReply<qint64>> EventStore::lastSeq(const QString &feed) const
{
    return runOnStore<StoreReply<qint64>>(
        [=](StoreWorker &worker) { return worker.reader().lastSeq(feed); });
}

QFuture<StoreReply<QList<DomainEvent>>> EventStore::history(const QDateTime &from,
                                                            const QDateTime &to) const
{
    return runOnStore<StoreReply<QList<DomainEvent>>>([=](StoreWorker &worker) {
        return HistoryReader(worker.database()).events(from, to);
    });
}

QFuture<StoreReply<QList<Observation>>> EventStore::latestObservations(const QDateTime &at) const
{
    return runOnStore<StoreReply<QList<Observation>>>([=](StoreWorker &worker) {
        return HistoryReader(worker.database()).latestObservations(at);
    });
}

QFuture<StoreReply<QList<AlertAction>>>
EventStore::alertActions(const QDateTime &from, const QDateTime &to, bool standing) const
{
    return runOnStore<StoreReply<QList<AlertAction>>>([=](StoreWorker &worker) {
        return AlertActionReader(worker.database()).actions(from, to, standing);
    });
}

QFuture<StoreReply<TimeSpan>> EventStore::historySpan() const
{
    return runOnStore<StoreReply<TimeSpan>>(
        [](StoreWorker &worker) { return HistoryReader(worker.database()).span(); });
}

QFuture<StoreReply<QList<Alert>>> EventStore::alerts(const QDateTime &from,
                                                     const QDateTime &to) const
{
    return runOnStore<StoreReply<QList<Alert>>>(
        [=](StoreWorker &worker) { return worker.reader().alerts(from, to); });
}

QFuture<StoreReply<int>> EventStore::saveIncidents(const QList<Incident> &incidents)
{
    return runOnStore<StoreReply<int>>([=](StoreWorker &worker) {
        return IncidentTables::save(worker.database(), incidents,
                                    QDateTime::currentDateTimeUtc());
    });
}

QFuture<StoreReply<QList<Incident>>> EventStore::incidents(const QDateTime &changedSince) const
{
    return runOnStore<StoreReply<QList<Incident>>>([=](StoreWorker &worker) {
        return IncidentTables::load(worker.database(), changedSince);
    });
}

QFuture<StoreReply<std::optional<Incident>>> EventStore::incident(qint64 id) const
{
    return runOnStore<StoreReply<std::optional<Incident>>>(
        [=](StoreWorker &worker) { return IncidentTables::loadOne(worker.database(), id); });
}

QFuture<StoreReply<IncidentOutcome>>
EventStore::actOnSharedIncident(const Incident &local, const IncidentLifecycle::Request &request)
{
    return runOnStore<StoreReply<IncidentOutcome>>([=](StoreWorker &worker) {
        return SharedIncidentAction::decide(worker.database(), local, request);
    });
}

QFuture<StoreReply<QList<Incident>>> EventStore::notedIncidents() const
{
    return runOnStore<StoreReply<QList<Incident>>>(
        [](StoreWorker &worker) { return IncidentTables::loadNoted(worker.database()); });
}

QFuture<StoreReply<int>> EventStore::saveAlertStates(const QList<AlertRecord> &alerts)
{
    return runOnStore<StoreReply<int>>(
        [=](StoreWorker &worker) { return AlertTables::save(worker.database(), alerts); });
}

QFuture<StoreReply<StoredAlerts>> EventStore::alertStates(const QDateTime &closedSince) const
{
    return runOnStore<StoreReply<StoredAlerts>>(
        [=](StoreWorker &worker) { return AlertTables::load(worker.database(), closedSince); });
}

QFuture<StoreReply<std::optional<AlertRecord>>> EventStore::alertState(quint64 id) const
{
    return runOnStore<StoreReply<std::optional<AlertRecord>>>(
        [=](StoreWorker &worker) { return AlertTables::loadOne(worker.database(), id); });
}

QFuture<StoreReply<AcknowledgementOutcome>>
EventStore::acknowledgeShared(const AlertRecord &alert, const Actor &actor, const QString &note,
                              const QDateTime &at)
{
    return runOnStore<StoreReply<AcknowledgementOutcome>>([=](StoreWorker &worker) {
        return SharedAcknowledgement::acknowledge(worker.database(), alert, actor, note, at);
    });
}

QFuture<StoreReply<int>> EventStore::closeSharedEpisode(const AlertRecord &alert)
{
    return runOnStore<StoreReply<int>>([=](StoreWorker &worker) {
        return SharedAcknowledgement::closeEpisode(worker.database(), alert);
    });
}

QFuture<StoreReply<ShelfOutcome>> EventStore::shelveShared(const AlertRecord &alert,
                                                           const ShelfRequest &request)
{
    return runOnStore<StoreReply<ShelfOutcome>>([=](StoreWorker &worker) {
        return SharedShelf::decide(worker.database(), alert, request);
    });
}

QFuture<StoreReply<bool>> EventStore::holdRoomLeadership()
{
    return runOnStore<StoreReply<bool>>([](StoreWorker &worker) {
        StoreReply<bool> reply;
        QSqlDatabase db = worker.database();
        if (db.driverName() != QLatin1String("QPSQL")) {
            reply.value = true;
            return reply;
        }
        // Held already (by this session), or free: taken. pg_try_advisory_lock would count
        // one more hold per call; asking pg_locks first keeps it at one.
        // (A bigint key shows in pg_locks as classid 0, objid the key, objsubid 1.)
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND "
                "pid = pg_backend_pid() AND classid = 0 AND objid = %1 AND objsubid = 1 AND "
                "granted) OR pg_try_advisory_lock(%1)")
                            .arg(StoreSchema::kRoomLeaderLockKey))) {
            reply.error = sqlvalues::describe(query);
            return reply;
        }
        reply.value = query.next() && query.value(0).toBool();
        return reply;
    });
}

QFuture<StoreReply<RetentionResult>> EventStore::applyRetention(const QDateTime &now)
{
    return runOnStore<StoreReply<RetentionResult>>(
        [=](StoreWorker &worker) { return worker.applyRetention(now); });
}

} // namespace tlr
