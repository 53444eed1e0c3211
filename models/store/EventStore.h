#pragma once

#include "AlertActionReader.h"
#include "AlertTables.h"
#include "SharedAcknowledgement.h"
#include "SharedIncidentAction.h"
#include "SharedShelf.h"
#include "StoreOptions.h"
#include "StoreRecords.h"
#include "StoredMessage.h"
#include "incidents/Incident.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class QSqlDatabase;

namespace tlr {

class StoreWorker;
struct StoreCounters;

// The application's event store: every wire message and the events it produced, kept in an
// SQLite database (WAL) written on a thread of its own. Calls made on the owner's thread never
// wait for the disk, except open(), close() and flush(), which say so. Read queries run on the
// store's thread after everything appended before them, and answer through a QFuture.
class EventStore : public QObject
{
    Q_OBJECT

public:
    using Options = StoreOptions;

    explicit EventStore(QObject *parent = nullptr);
    ~EventStore() override; // writes what is pending, then stops the thread

    // Opens or creates the database and migrates it; waits for the store's thread. Refuses,
    // without modifying it, a file that is not a database or fails its quick check, that is
    // locked by another writer, or whose schema is newer than ours. Empty on success.
    QString open(const Options &options);
    void close(); // waits: writes what is pending and closes the file
    bool isOpen() const;

    void append(StoredMessage message); // queued, batched into transactions
    void flush();                       // waits until everything appended so far is committed

    // Any thread: runs job on the store's thread with the store's connection, after every job
    // posted before it. For the tables other parts keep in this database (accounts, the audit
    // log). The connection is not open (isOpen() false) when the store is not; the job must not
    // keep it. A job still queued when the store is destroyed is dropped unrun.
    void post(std::function<void(QSqlDatabase &)> job);

    qint64 storedEvents() const;
    qint64 quarantined() const;
    qint64 duplicatesIgnored() const;
    qint64 droppedMessages() const;
    qint64 peakPendingMessages() const; // the most appended messages that waited at once

    QFuture<StoreReply<QList<RollupPoint>>> rollups(const QString &entityId,
                                                    const QString &quantity, Resolution resolution,
                                                    const QDateTime &from,
                                                    const QDateTime &to) const;
    QFuture<StoreReply<QList<QuarantineEntry>>> quarantineEntries(int limit = 100) const;
    QFuture<StoreReply<QList<StoredMessage>>> messages(const QString &feed, qint64 fromSeq,
                                                       qint64 toSeq) const;
    QFuture<StoreReply<qint64>> lastSeq(const QString &feed) const; // to resume a feed
    QFuture<StoreReply<QList<Alert>>> alerts(const QDateTime &from, const QDateTime &to) const;
    // Replay's reads (HistoryReader.h): the events of (from, to] by time, reports without
    // their reporters; each entity's latest observation at a time; the stored stretch.
    QFuture<StoreReply<QList<DomainEvent>>> history(const QDateTime &from,
                                                    const QDateTime &to) const;
    QFuture<StoreReply<QList<Observation>>> latestObservations(const QDateTime &at) const;
    QFuture<StoreReply<TimeSpan>> historySpan() const;
    // People's acknowledgements and shelves of alerts with from < at <= to from the audit log,
    // and with `standing` those before that still held at `from` (AlertActionReader.h).
    QFuture<StoreReply<QList<AlertAction>>> alertActions(const QDateTime &from,
                                                         const QDateTime &to,
                                                         bool standing) const;
    // Writes incidents whole (row, members, hand-offs, state changes), replacing what was
    // stored of them; the value is how many were written.
    QFuture<StoreReply<int>> saveIncidents(const QList<Incident> &incidents);
    // Open incidents and those resolved or closed since `changedSince`, by id: what the board
    // starts with after a restart.
    QFuture<StoreReply<QList<Incident>>> incidents(const QDateTime &changedSince) const;
    QFuture<StoreReply<std::optional<Incident>>> incident(qint64 id) const;
    // A person's action on an incident on a shared database (SharedIncidentAction.h): of two
    // made at once on the same state exactly one is recorded and audited.
    QFuture<StoreReply<IncidentOutcome>>
    actOnSharedIncident(const Incident &local, const IncidentLifecycle::Request &request);
    // Every incident with a free note, whatever its state and age (a replay shows the notes).
    QFuture<StoreReply<QList<Incident>>> notedIncidents() const;
    // The alert engine's alerts with their lifecycle (AlertTables.h): rows written whole.
    QFuture<StoreReply<int>> saveAlertStates(const QList<AlertRecord> &alerts);
    // Alerts not closed and those closed since `closedSince`, and the next unused id.
    QFuture<StoreReply<StoredAlerts>> alertStates(const QDateTime &closedSince) const;
    QFuture<StoreReply<std::optional<AlertRecord>>> alertState(quint64 id) const;
    // Acknowledges an alert on a database several consoles share (SharedAcknowledgement.h):
    // exactly one of concurrent acknowledgements is recorded and audited; the outcome says
    // whether it was this one, and otherwise who was first.
    QFuture<StoreReply<AcknowledgementOutcome>>
    acknowledgeShared(const AlertRecord &alert, const Actor &actor, const QString &note,
                      const QDateTime &at);
    // Closes the shared row of a closed alert's acknowledgement (SharedAcknowledgement.h).
    QFuture<StoreReply<int>> closeSharedEpisode(const AlertRecord &alert);
    // Shelves or unshelves an alert on a shared database (SharedShelf.h): of concurrent
    // requests exactly one is recorded and audited; the outcome says who was first.
    QFuture<StoreReply<ShelfOutcome>> shelveShared(const AlertRecord &alert,
                                                   const ShelfRequest &request);
    // The room's leader among the consoles on a shared (PostgreSQL) database: this console holds
    // a session advisory lock on its connection, or takes it now if nobody does. The lock goes
    // with the connection: a console that stops, dies or loses the server lets another take
    // it. A database of one console's own (SQLite) has no room: always true.
    QFuture<StoreReply<bool>> holdRoomLeadership();
    // Runs a retention pass now (it also runs every Options::retentionIntervalMinutes).
    QFuture<StoreReply<RetentionResult>>
    applyRetention(const QDateTime &now = QDateTime::currentDateTimeUtc());

signals:
    void stored(qint64 totalEvents);     // after each committed batch
    void failed(const QString &message); // a lost batch, a failed retention pass
    // On a shared (PostgreSQL) database: another console changed what `what` names
    // ("alert:<id>", "incident:<id>"; "reconnected": anything may have changed); re-read it.
    void sharedChange(const QString &what);

private:
    template <typename Reply, typename Job> QFuture<Reply> runOnStore(Job job) const;

    std::shared_ptr<StoreCounters> m_counters;
    QThread m_thread;
    StoreWorker *m_worker = nullptr; // lives on m_thread; deleted when the thread finishes
    std::atomic<bool> m_open{false};
};

} // namespace tlr
