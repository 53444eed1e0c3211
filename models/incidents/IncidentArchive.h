#pragma once

#include "Incident.h"
#include "store/PendingWrites.h"

#include <QHash>

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tlr {

class EventStore;
class IncidentBoard;

// Keeps the board's incidents in the event store so that they survive a restart: restore()
// once at start-up, then every opened or changed incident is written on the store's thread,
// coalesced (a storm's hundred joins a second are one write, not a hundred).
class IncidentArchive : public QObject
{
    Q_OBJECT
public:
    IncidentArchive(IncidentBoard *board, EventStore *store, QObject *parent = nullptr);
    ~IncidentArchive() override; // queues what is still unsaved

    // Loads the open incidents and those finished within `keepFinishedHours` of `now` into
    // the board; waits for the store. Empty on success, else why nothing was restored.
    QString restore(const QDateTime &now, int keepFinishedHours = 24);
    // Writes what changed since the last write and waits for it. Empty on success.
    QString flush();

    void setSaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    qint64 savedIncidents() const { return m_writes.saved(); } // incident writes that committed
    qint64 failedSaves() const { return m_writes.failures(); }

signals:
    void failed(const QString &message);

private:
    QList<Incident> incidentsOf(const QList<qint64> &ids) const;
    void keepRetired(const QList<qint64> &ids);
    void markChanged(qint64 id);
    void saveChanged();
    QString settle(const QList<qint64> &ids, const StoreReply<int> &reply);

    QPointer<IncidentBoard> m_board;
    QPointer<EventStore> m_store;
    QTimer m_timer{this};
    PendingWrites<qint64> m_writes;
    // Incidents that left the board, kept until a write of them has committed: the board
    // retires them whether or not the store is answering.
    QHash<qint64, Incident> m_retired;
};

} // namespace tlr
