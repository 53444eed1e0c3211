#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tlr {

class AlertEngine;
class EventStore;
struct Actor;
struct AlertRecord;
struct ShelfRequest;

// The alert engine of one console among several on a shared (PostgreSQL) database: its
// acknowledgements, shelves and unshelves are decided there (SharedAcknowledgement,
// SharedShelf: exactly one of two supervisors acting at once is kept, and audited once), and
// what the other consoles decide reaches it through their NOTIFY, re-read from the database
// and applied to the open alert with the same key. Lives on the engine's thread; the store
// does the SQL on its own.
class SharedAlertDecisions : public QObject
{
    Q_OBJECT
public:
    SharedAlertDecisions(AlertEngine *engine, EventStore *shared, QObject *parent = nullptr);
    ~SharedAlertDecisions() override; // the engine decides alone again

    // The shared database did not answer the last request: what the consoles decided may be
    // out of date here, and actions are refused rather than queued.
    bool isStale() const { return m_stale; }
    qint64 heardChanges() const { return m_heard; }
    // Reads every open alert the consoles acknowledged or shelved and applies it here: at
    // start-up (what happened while this console was off), for alerts this console raises
    // after another did, and when the database answers again after being unreachable.
    // Coalesced.
    void requestCatchUp();

signals:
    void staleChanged(bool stale);

private:
    void ask(const AlertRecord &alert, const Actor &actor, const QString &note,
             const QDateTime &at);
    void askShelf(const AlertRecord &alert, const ShelfRequest &request);
    // What the shared row says the consoles decided (acknowledgement, shelf on or taken off),
    // applied to this console's open alert with the row's key.
    void applyRow(const AlertRecord &row);
    void heard(const QString &what);
    void setStale(bool stale, const QString &why = {});
    void catchUp();
    // An acknowledged alert closed here (its condition cleared): the shared row of that
    // acknowledgement is closed, so that when the alert is raised again, on any console, it
    // starts unacknowledged instead of taking the old acknowledgement.
    void closeEndedEpisodes(const QList<quint64> &changed);

    QPointer<AlertEngine> m_engine;
    QPointer<EventStore> m_store;
    QTimer m_catchUpTimer{this};
    QTimer m_heartbeat{this};
    bool m_stale = false;
    qint64 m_heard = 0;
};

} // namespace tlr
