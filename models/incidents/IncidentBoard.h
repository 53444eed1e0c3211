#pragma once

#include "IncidentFusion.h"
#include "IncidentLifecycle.h"
#include "domain/DomainEvent.h"
#include "domain/EvidenceClock.h"

#include <QHash>
#include <QSet>
#include <QObject>

#include <functional>
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

    // On a database shared with other consoles people's actions are decided there, where of two
    // made at once on what each console saw exactly one is kept (SharedIncidentDecisions). With
    // a gate set, an action allowed here is handed to the gate (and the call returns no
    // refusal); the answer comes back through applyShared() or actionNotRecorded().
    using ActionGate = std::function<void(const Incident &, const IncidentLifecycle::Request &)>;
    void setActionGate(ActionGate gate) { m_gate = std::move(gate); }
    // The incident here that holds any signal of `other` (an incident as another console or
    // the shared database has it) and began within kSameIncidentMinutes of it, or 0: a sensor
    // or an alert's key is a member of other incidents on other days.
    qint64 holding(const Incident &other) const;
    static constexpr int kSameIncidentMinutes = 120;
    // What people decided on the incident as the shared database holds it (state, accountable
    // agency, hand-offs, state changes, notes) replaces this board's; its members stay this
    // console's own fusion. Not audited: the database recorded it.
    void applyShared(qint64 id, const Incident &shared);
    // A pending action was not the one kept, or could not be made: actionRefused() says why.
    void actionNotRecorded(qint64 id, const QString &reason);

    // Incidents kept from before a restart; open ones take signals again. Ids already on the
    // board are skipped.
    void restore(const QList<Incident> &incidents);
    // Forgets what can no longer be joined (also done as signals arrive), and retires the
    // finished incidents that are past kFinishedKeptHours.
    void expire();
    // A resolved or closed incident leaves the board once the newest evidence is this many hours
    // past its last signal: the store keeps it (the archive, the replay, the handover report read
    // it there), and a wall that runs for months holds only the days that it shows. A day and two
    // hours: the KPI cards count this hour against the same hour yesterday from the board.
    static constexpr int kFinishedKeptHours = 26;
    // The time the signals have reached (EvidenceClock): what expiry and retirement go by.
    QDateTime evidenceNow() const { return m_evidence.now(now()); }

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
    // These finished incidents leave incidents() right after the signal; during it they can
    // still be read. Indexes (indexOf) change with the removal.
    void incidentsAboutToBeRetired(const QList<qint64> &ids);
    // A pending action was not recorded, and why ("already acknowledged by budi at …").
    void actionRefused(qint64 id, const QString &reason);

private:
    QString perform(qint64 id, const IncidentLifecycle::Request &request);
    void apply(const IncidentFusion::Decision &decision);
    void record(const Actor &actor, const QString &action, qint64 id, const QString &note);
    void retireFinished(const QDateTime &evidence);
    QDateTime now() const;

    IncidentFusion m_fusion;
    const WallClock *m_clock;
    AuditRecorder *m_audit;
    std::vector<Incident> m_incidents; // in the order they opened
    QHash<qint64, int> m_indexOfId;
    EvidenceClock m_evidence; // by the signals' times
    QHash<qint64, qint64> m_replayedIdOfStored; // showStoredNotes: stored id -> id here
    Counters m_counters;
    ActionGate m_gate;
    QSet<qint64> m_pendingActions; // handed to the gate, no answer yet
};

} // namespace tlr
