#pragma once

#include "store/PendingWrites.h"

#include <QObject>
#include <QPointer>
#include <QHash>
#include <QTimer>

namespace tlr {

class AlertEngine;
class EventStore;
struct AlertChanges;

// Keeps the engine's alerts in the event store so that none is lost to a restart, least of all
// an acknowledged one: restore() once at start-up, then every raised or changed alert is written
// on the store's thread. What the engine does on its own is coalesced (a storm's repeats are one
// write, not hundreds); what a person does (acknowledge, shelve, unshelve) is written at once,
// queued right behind its audit entry, and actionRecorded() says when it has been committed:
// only then may a console tell the person it is done (a kill -9 before loses it).
class AlertArchive : public QObject
{
    Q_OBJECT
public:
    AlertArchive(AlertEngine *engine, EventStore *store, QObject *parent = nullptr);
    ~AlertArchive() override; // queues what is still unsaved

    // Loads the open alerts and those closed within the engine's closed retention of `now`
    // into the engine; waits for the store. Empty on success, else why nothing was restored.
    QString restore(const QDateTime &now);
    // Writes what changed since the last write and waits for it. Empty on success.
    QString flush();

    void setSaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    qint64 savedAlerts() const { return m_writes.saved(); } // alert writes that committed
    qint64 failedSaves() const { return m_writes.failures(); }

    // Alerts a person acted on whose write has not committed yet.
    bool isRecording(quint64 id) const { return m_unrecordedActions.contains(id); }

signals:
    void failed(const QString &message);
    // A person's action on this alert, and its audit entry queued before it, are committed.
    void actionRecorded(quint64 id);
    // Its write failed; it is kept and tried again with the next write (then actionRecorded).
    void actionNotRecorded(quint64 id, const QString &reason);

private:
    void markChanged(const AlertChanges &changes);
    void saveNow(quint64 id);
    void save(const QList<quint64> &ids);
    QString settle(const QList<quint64> &ids, const StoreReply<int> &reply, quint64 write);

    QPointer<AlertEngine> m_engine;
    QPointer<EventStore> m_store;
    QTimer m_timer{this};
    PendingWrites<quint64> m_writes;
    // Writes are numbered as they are queued, and the store commits them in that order. An
    // action is recorded by the first write queued after it that commits: an earlier one still
    // in flight carries the alert as it was before (say, re-opened just before the second
    // acknowledgement), and its answer must not confirm the action.
    quint64 m_writesQueued = 0;
    QHash<quint64, quint64> m_unrecordedActions; // alert id → the write that carries the action
};

} // namespace tlr
