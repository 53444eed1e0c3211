#include "IncidentFusion.h"

#include <algorithm>

namespace tlr {
namespace {

// Eviction scans every joinable incident and waiting signal; running it once per so many
// signals, and never more often than one signal in eight of what it scans, keeps its cost
// per signal constant however many incidents are open.
constexpr qsizetype kAddsPerEviction = 256;

} // namespace

IncidentFusion::IncidentFusion(const FusionConfig &config, const KecamatanLocator &locator)
    : m_config(config)
    , m_locator(locator)
    , m_windowMs(qint64(config.windowMinutes) * 60000)
    , m_candidateGrid(config.radiusMetres)
    , m_waitingGrid(config.radiusMetres)
{
}

QString IncidentFusion::kecamatanKey(const QString &kecamatan)
{
    return kecamatan.simplified().toCaseFolded();
}

bool IncidentFusion::isComplaint(const IncidentSignal &signal) const
{
    return signal.kind == IncidentSignal::Kind::Report && !signal.emergency;
}

bool IncidentFusion::opens(const IncidentSignal &signal) const
{
    switch (signal.kind) {
    case IncidentSignal::Kind::Alert:
        return signal.severity != Severity::Unknown && signal.severity >= m_config.alertsOpenFrom;
    case IncidentSignal::Kind::Report:
        return signal.emergency;
    case IncidentSignal::Kind::Observation:
    case IncidentSignal::Kind::Unknown:
        break;
    }
    return false;
}

bool IncidentFusion::hazardsFit(const QString &a, const QString &b)
{
    return a.isEmpty() || b.isEmpty() || a == b;
}

bool IncidentFusion::withinWindow(const QDateTime &time, const QDateTime &first,
                                  const QDateTime &last) const
{
    const qint64 t = time.toMSecsSinceEpoch();
    return t >= first.toMSecsSinceEpoch() - m_windowMs &&
           t <= last.toMSecsSinceEpoch() + m_windowMs;
}

IncidentFusion::Decision IncidentFusion::add(IncidentSignal signal)
{
    using Outcome = Decision::Outcome;
    const auto refuse = [](const QString &reason) {
        Decision d;
        d.outcome = Outcome::Refused;
        d.reason = reason;
        return d;
    };
    if (signal.kind == IncidentSignal::Kind::Unknown)
        return refuse(QStringLiteral("a signal of unknown kind"));
    if (signal.id.isEmpty())
        return refuse(QStringLiteral("a signal without an id"));
    if (!signal.time.isValid())
        return refuse(QStringLiteral("%1 has no time").arg(signal.key()));
    if (!signal.location.isValid())
        return refuse(QStringLiteral("%1 has no location").arg(signal.key()));
    if (signal.kecamatan.trimmed().isEmpty())
        signal.kecamatan = m_locator.locate(signal.location);
    if (signal.kecamatan.trimmed().isEmpty())
        return refuse(QStringLiteral("%1 names no kecamatan and its location lies in none")
                          .arg(signal.key()));

    const QString kecamatan = kecamatanKey(signal.kecamatan);
    const QString hazard = m_config.hazard(signal.category);
    if (!m_latest.isValid() || signal.time > m_latest)
        m_latest = signal.time;
    if (++m_addsSinceEviction >=
        std::max(kAddsPerEviction, (joinableCount() + waitingCount()) / 8)) {
        m_addsSinceEviction = 0;
        evictOlderThan(m_latest.addMSecs(-2 * m_windowMs));
    }

    const QString key = signal.key();
    if (const auto member = m_incidentOfSignal.constFind(key);
        member != m_incidentOfSignal.cend()) {
        Candidate &candidate = m_candidates.at(*member);
        candidate.first = std::min(candidate.first, signal.time);
        candidate.last = std::max(candidate.last, signal.time);
        if (candidate.hazard.isEmpty())
            candidate.hazard = hazard;
        Decision d;
        d.outcome = Outcome::Updated;
        d.incident = *member;
        d.members = {signal};
        d.hazard = candidate.hazard;
        return d;
    }
    // A waiting signal sent again is placed afresh with its new values.
    if (const auto waiting = m_waitingOfSignal.constFind(key); waiting != m_waitingOfSignal.cend())
        removeWaiting(*waiting);

    if (const qint64 id = nearestCandidate(signal, kecamatan, hazard); id != 0) {
        join(id, signal, hazard);
        Decision d;
        d.outcome = Outcome::Joined;
        d.incident = id;
        d.members = {signal};
        d.hazard = m_candidates.at(id).hazard;
        return d;
    }
    if (opens(signal))
        return open(signal, kecamatan, hazard);

    if (isComplaint(signal) && m_config.complaintQuorum > 0) {
        const std::vector<qint64> near = waitingNear(signal, kecamatan, hazard);
        const auto complaints = std::count_if(near.cbegin(), near.cend(), [this](qint64 seq) {
            return m_waiting.at(seq).complaint;
        });
        if (complaints + 1 >= m_config.complaintQuorum)
            return open(signal, kecamatan, hazard);
    }
    wait(signal, kecamatan, hazard);
    Decision d;
    d.outcome = Outcome::Waiting;
    d.members = {signal};
    d.reason = QStringLiteral("no incident nearby yet");
    return d;
}

qint64 IncidentFusion::nearestCandidate(const IncidentSignal &signal, const QString &kecamatan,
                                        const QString &hazard) const
{
    qint64 best = 0;
    double bestDistance = 0;
    for (const qint64 id : m_candidateGrid.near(signal.location, m_config.radiusMetres)) {
        const Candidate &c = m_candidates.at(id);
        if (c.kecamatanKey != kecamatan || !hazardsFit(c.hazard, hazard) ||
            !withinWindow(signal.time, c.first, c.last))
            continue;
        const double distance = c.anchor.distanceTo(signal.location);
        // Ids come in ascending order: on a tie the older incident wins.
        if (distance <= m_config.radiusMetres && (best == 0 || distance < bestDistance)) {
            best = id;
            bestDistance = distance;
        }
    }
    return best;
}

std::vector<qint64> IncidentFusion::waitingNear(const IncidentSignal &signal,
                                                const QString &kecamatan,
                                                const QString &hazard) const
{
    std::vector<qint64> found;
    for (const qint64 seq : m_waitingGrid.near(signal.location, m_config.radiusMetres)) {
        const Waiting &w = m_waiting.at(seq);
        if (w.kecamatanKey == kecamatan && hazardsFit(w.hazard, hazard) &&
            withinWindow(w.signal.time, signal.time, signal.time) &&
            signal.location.distanceTo(w.signal.location) <= m_config.radiusMetres)
            found.push_back(seq);
    }
    return found;
}

IncidentFusion::Decision IncidentFusion::open(const IncidentSignal &opener,
                                              const QString &kecamatan, const QString &hazard)
{
    const qint64 id = m_nextId++;
    Candidate candidate{opener.location, kecamatan,   hazard,
                        opener.time,     opener.time, {opener.key()}};
    Decision d;
    d.outcome = Decision::Outcome::Opened;
    d.incident = id;
    d.members = {opener};
    // Waiting signals in arrival order, so that the members and the hazard do not depend on
    // how the grid stores them.
    for (const qint64 seq : m_waitingGrid.near(opener.location, m_config.radiusMetres)) {
        const Waiting &w = m_waiting.at(seq);
        if (w.kecamatanKey != kecamatan || !hazardsFit(candidate.hazard, w.hazard) ||
            !withinWindow(w.signal.time, candidate.first, candidate.last) ||
            opener.location.distanceTo(w.signal.location) > m_config.radiusMetres)
            continue;
        if (candidate.hazard.isEmpty())
            candidate.hazard = w.hazard;
        candidate.first = std::min(candidate.first, w.signal.time);
        candidate.last = std::max(candidate.last, w.signal.time);
        candidate.signalKeys.append(w.signal.key());
        d.members.append(w.signal);
        removeWaiting(seq);
    }
    for (const QString &key : std::as_const(candidate.signalKeys))
        m_incidentOfSignal.insert(key, id);
    d.hazard = candidate.hazard;
    m_candidateGrid.insert(id, candidate.anchor);
    m_candidates.emplace(id, std::move(candidate));
    return d;
}

void IncidentFusion::join(qint64 id, const IncidentSignal &signal, const QString &hazard)
{
    Candidate &c = m_candidates.at(id);
    if (c.hazard.isEmpty())
        c.hazard = hazard;
    c.first = std::min(c.first, signal.time);
    c.last = std::max(c.last, signal.time);
    const QString key = signal.key();
    c.signalKeys.append(key);
    m_incidentOfSignal.insert(key, id);
}

void IncidentFusion::wait(const IncidentSignal &signal, const QString &kecamatan,
                          const QString &hazard)
{
    const qint64 seq = m_nextWaitingSeq++;
    m_waitingGrid.insert(seq, signal.location);
    m_waitingOfSignal.insert(signal.key(), seq);
    m_waiting.emplace(seq, Waiting{signal, kecamatan, hazard, isComplaint(signal)});
}

void IncidentFusion::removeWaiting(qint64 seq)
{
    const auto it = m_waiting.find(seq);
    if (it == m_waiting.end())
        return;
    m_waitingGrid.remove(seq, it->second.signal.location);
    m_waitingOfSignal.remove(it->second.signal.key());
    m_waiting.erase(it);
}

void IncidentFusion::track(const Incident &incident)
{
    m_nextId = std::max(m_nextId, incident.id + 1);
    if (!incident.isOpen() || m_candidates.count(incident.id) > 0)
        return;
    Candidate candidate{incident.anchor,       kecamatanKey(incident.kecamatan),
                        incident.hazard,       incident.firstSignalAt,
                        incident.lastSignalAt, {}};
    for (const IncidentSignal &member : incident.members) {
        candidate.signalKeys.append(member.key());
        m_incidentOfSignal.insert(member.key(), incident.id);
    }
    m_candidateGrid.insert(incident.id, candidate.anchor);
    m_candidates.emplace(incident.id, std::move(candidate));
}

void IncidentFusion::retire(qint64 incident)
{
    const auto it = m_candidates.find(incident);
    if (it == m_candidates.end())
        return;
    m_candidateGrid.remove(incident, it->second.anchor);
    for (const QString &key : std::as_const(it->second.signalKeys))
        m_incidentOfSignal.remove(key);
    m_candidates.erase(it);
}

void IncidentFusion::expire(const QDateTime &now)
{
    evictOlderThan(now.addMSecs(-2 * m_windowMs));
}

void IncidentFusion::evictOlderThan(const QDateTime &limit)
{
    std::vector<qint64> stale;
    for (const auto &[id, candidate] : m_candidates) {
        if (candidate.last < limit)
            stale.push_back(id);
    }
    for (const qint64 id : stale)
        retire(id);
    // Waiting signals are in arrival order, not time order: a scan, like the incidents.
    std::vector<qint64> old;
    for (const auto &[seq, waiting] : m_waiting) {
        if (waiting.signal.time < limit)
            old.push_back(seq);
    }
    for (const qint64 seq : old)
        removeWaiting(seq);
}

} // namespace tlr
