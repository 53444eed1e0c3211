#pragma once

#include "IncidentFusion.h"
#include "IncidentLifecycle.h"
#include "domain/DomainEvent.h"

#include <QHash>
#include <QObject>

#include <vector>

namespace tlr {

class AuditRecorder;
class WallClock;

// The incidents of the Live Room: signals come in and are fused (IncidentFusion), people act
// on incidents (IncidentLifecycle), every action, the system's included, goes to the audit
// recorder. Lives on the GUI thread beside the SituationModel; the incident table model and
// the archive (persistence) listen to it.
class IncidentBoard : public QObject
{
    Q_OBJECT
public:
    // What became of the signals received; refused ones are also logged.
    struct Counters
    {
        qint64 received = 0;
        qint64 opened = 0;  // incidents opened
        qint64 joined = 0;  // signals that became members, openers included
        qint64 updated = 0; // members sent again
        qint64 waited = 0;  // signals that had to wait (some joined later)
        qint64 refused = 0;
    };

    // The clock gives the time of people's actions; the audit recorder may be null.
    IncidentBoard(const FusionConfig &config, const KecamatanLocator &locator,
                  const WallClock *clock, AuditRecorder *audit, QObject *parent = nullptr);
    IncidentBoard(const FusionConfig &config, const WallClock *clock, AuditRecorder *audit,
                  QObject *parent = nullptr);

    void addSignal(const IncidentSignal &signal);
    void addSignals(const QList<IncidentSignal> &signalList);
    // Reports and listed observations of a batch (FeedManager::eventsArrived).
    void addEvents(const QList<DomainEvent> &events);

    // Each returns why the action was refused, or an empty string when it was done. A refused
    // action is audited too ("incident.refused"): an attempt is an action.
    QString acknowledge(qint64 id, const Actor &actor, const QString &note);
    QString forward(qint64 id, Agency to, const Actor &actor, const QString &note);
    QString resolve(qint64 id, const Actor &actor, const QString &note);
    QString close(qint64 id, const Actor &actor, const QString &note);
    // A free note (IncidentNote), audited as "incident.noted" with its text.
    QString addNote(qint64 id, const Actor &actor, const QString &text);

    // Incidents kept from before a restart; open ones take signals again. Ids already on the
    // board are skipped.
    void restore(const QList<Incident> &incidents);
    // Forgets what can no longer be joined (also done as signals arrive).
    void expire();

    // For a replay's board, which fuses the stored signals afresh under ids of its own: puts on
    // each of its incidents the notes that `stored` (incidents as the store keeps them) had
    // written up to `until`, matched by a signal both hold. Not audited; nothing else changes.
    void showStoredNotes(const QList<Incident> &stored, const QDateTime &until);

    const std::vector<Incident> &incidents() const { return m_incidents; }
    const Incident *incident(qint64 id) const;
    int indexOf(qint64 id) const { return m_indexOfId.value(id, -1); }
    const Counters &counters() const { return m_counters; }
    const IncidentFusion &fusion() const { return m_fusion; }

signals:
    void incidentOpened(qint64 id); // appended at the end of incidents()
    void incidentChanged(qint64 id);
    void restored(); // incidents() was reset

private:
    QString perform(qint64 id, const IncidentLifecycle::Request &request);
    void apply(const IncidentFusion::Decision &decision);
    void record(const Actor &actor, const QString &action, qint64 id, const QString &note);
    QDateTime now() const;

    IncidentFusion m_fusion;
    const WallClock *m_clock;
    AuditRecorder *m_audit;
    std::vector<Incident> m_incidents; // in the order they opened
    QHash<qint64, int> m_indexOfId;
    QDateTime m_newestSignal; // the latest time any signal carried
    QHash<qint64, qint64> m_replayedIdOfStored; // showStoredNotes: stored id -> id here
    Counters m_counters;
};

} // namespace tlr
