#pragma once

#include "FusionConfig.h"
#include "Incident.h"
#include "KecamatanLocator.h"
#include "SpatialGrid.h"

#include <QHash>

#include <map>

namespace tlr {

// Decides, signal by signal, which incident a signal belongs to (docs/incidents.md):
// - it joins the nearest joinable incident of its kecamatan whose anchor lies within the
//   radius, whose time span widened by the window holds it, and whose hazard does not differ;
// - otherwise an alert (severe enough) or an emergency report opens a new incident, which
//   takes in the signals waiting nearby;
// - otherwise complaints and observations wait for one, and a quorum of complaints close
//   together opens one between them.
// The same signals in the same order give the same incidents and ids. Not thread-safe; the
// board calls it on one thread. Looks at a few grid cells per signal, whatever the number of
// open incidents.
class IncidentFusion
{
public:
    struct Decision
    {
        enum class Outcome {
            Opened,  // a new incident, `members` the signals it starts with
            Joined,  // `members` holds the signal, now part of `incident`
            Updated, // the signal was already a member of `incident`: its new values
            Waiting, // kept until an incident opens nearby or the window passes
            Refused  // cannot be placed: `reason`
        };
        Outcome outcome = Outcome::Refused;
        qint64 incident = 0;
        QList<IncidentSignal> members; // the opener first, then what it took in, oldest first
        QString hazard;                // the incident's, after this signal
        QString reason;
    };

    explicit IncidentFusion(const FusionConfig &config,
                            const KecamatanLocator &locator = KecamatanLocator());

    Decision add(IncidentSignal signal);

    // An open incident from before a restart: signals may join it again.
    void track(const Incident &incident);
    // A resolved or closed incident: nothing joins it any more.
    void retire(qint64 incident);
    // Forgets incidents and waiting signals too old to be joined (a window late is tolerated).
    void expire(const QDateTime &now);

    qint64 nextId() const { return m_nextId; }
    void setNextId(qint64 id) { m_nextId = std::max(m_nextId, id); }
    qsizetype joinableCount() const { return qsizetype(m_candidates.size()); }
    qsizetype waitingCount() const { return qsizetype(m_waiting.size()); }
    const FusionConfig &config() const { return m_config; }

    static QString kecamatanKey(const QString &kecamatan);

private:
    struct Candidate
    {
        QGeoCoordinate anchor;
        QString kecamatanKey;
        QString hazard;
        QDateTime first;
        QDateTime last;
        QStringList signalKeys;
    };
    struct Waiting
    {
        IncidentSignal signal;
        QString kecamatanKey;
        QString hazard;
        bool complaint = false;
    };

    bool opens(const IncidentSignal &signal) const;
    bool isComplaint(const IncidentSignal &signal) const;
    static bool hazardsFit(const QString &a, const QString &b);
    bool withinWindow(const QDateTime &time, const QDateTime &first, const QDateTime &last) const;
    qint64 nearestCandidate(const IncidentSignal &signal, const QString &kecamatan,
                            const QString &hazard) const;
    std::vector<qint64> waitingNear(const IncidentSignal &signal, const QString &kecamatan,
                                    const QString &hazard) const;
    Decision open(const IncidentSignal &opener, const QString &kecamatan, const QString &hazard);
    void join(qint64 id, const IncidentSignal &signal, const QString &hazard);
    void wait(const IncidentSignal &signal, const QString &kecamatan, const QString &hazard);
    void removeWaiting(qint64 seq);
    void evictOlderThan(const QDateTime &limit);

    FusionConfig m_config;
    KecamatanLocator m_locator;
    qint64 m_windowMs;
    qint64 m_nextId = 1;
    std::map<qint64, Candidate> m_candidates; // by incident id
    SpatialGrid m_candidateGrid;
    std::map<qint64, Waiting> m_waiting; // by arrival: the order they joined in
    SpatialGrid m_waitingGrid;
    qint64 m_nextWaitingSeq = 1;
    QHash<QString, qint64> m_incidentOfSignal; // key -> joinable incident it belongs to
    QHash<QString, qint64> m_waitingOfSignal;  // key -> waiting seq
    QDateTime m_latest;                        // the latest signal time seen
    qsizetype m_addsSinceEviction = 0;
};

} // namespace tlr
