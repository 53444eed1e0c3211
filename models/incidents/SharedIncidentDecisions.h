#pragma once

#include "IncidentLifecycle.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tlr {

class EventStore;
class IncidentBoard;

// The incident board of one console among several on a shared (PostgreSQL) database: people's
// actions on incidents (acknowledge, forward, resolve, close, notes) are decided there
// (SharedIncidentAction: of two made at once exactly one is kept, and audited once), and what
// the other consoles decide reaches this board through their NOTIFY, re-read and applied to
// the incident here that holds the same signals (IncidentBoard::holding). Each console still
// fuses its own incidents from its feeds. Lives on the board's thread.
class SharedIncidentDecisions : public QObject
{
    Q_OBJECT
public:
    SharedIncidentDecisions(IncidentBoard *board, EventStore *shared, QObject *parent = nullptr);
    ~SharedIncidentDecisions() override; // the board decides alone again

    qint64 heardChanges() const { return m_heard; }
    // Reads the shared incidents open or changed in the last day and applies them here: at
    // start-up, when this board opens an incident (another console may have acted on it
    // already) and when the database answers again. Coalesced.
    void requestCatchUp();

private:
    void ask(const Incident &incident, const IncidentLifecycle::Request &request);
    void heard(const QString &what);
    void apply(const Incident &shared);
    void catchUp();

    QPointer<IncidentBoard> m_board;
    QPointer<EventStore> m_store;
    QTimer m_catchUpTimer{this};
    qint64 m_heard = 0;
};

} // namespace tlr
