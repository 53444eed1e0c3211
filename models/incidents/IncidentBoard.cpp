#include "IncidentBoard.h"

#include "DomainSignals.h"
#include "IncidentActionAudit.h"
#include "IncidentLog.h"
#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"

#include <algorithm>
#include <cstdlib>

namespace tlr {
namespace {

QString subject(qint64 id)
{
    return QStringLiteral("incident:%1").arg(id);
}

QString describe(const IncidentSignal &signal)
{
    return QStringLiteral("%1 (%2, %3)").arg(signal.key(), signal.category, signal.kecamatan);
}

} // namespace

IncidentBoard::IncidentBoard(const FusionConfig &config, const KecamatanLocator &locator,
                             const WallClock *clock, AuditRecorder *audit, QObject *parent)
    : QObject(parent)
    , m_fusion(config, locator)
    , m_clock(clock)
    , m_audit(audit)
{
    if (m_clock) {
        connect(m_clock, &WallClock::ticked, this, [this](const QDateTime &utc) {
            if (utc.time().second() == 0)
                expire();
        });
    }
}

IncidentBoard::IncidentBoard(const FusionConfig &config, const WallClock *clock,
                             AuditRecorder *audit, QObject *parent)
    : IncidentBoard(config, KecamatanLocator(), clock, audit, parent)
{
}

QDateTime IncidentBoard::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

const Incident *IncidentBoard::incident(qint64 id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_incidents.at(std::size_t(index));
}

void IncidentBoard::record(const Actor &actor, const QString &action, qint64 id,
                           const QString &note)
{
    if (m_audit)
        m_audit->record({now(), actor, action, subject(id), note});
}

void IncidentBoard::addSignals(const QList<IncidentSignal> &signalList)
{
    for (const IncidentSignal &signal : signalList)
        addSignal(signal);
}

void IncidentBoard::addEvents(const QList<DomainEvent> &events)
{
    addSignals(DomainSignals::fromEvents(events, m_fusion.config()));
}

void IncidentBoard::addSignal(const IncidentSignal &signal)
{
    ++m_counters.received;
    m_evidence.note(signal.time, now());
    apply(m_fusion.add(signal));
}

void IncidentBoard::apply(const IncidentFusion::Decision &decision)
{
    using Outcome = IncidentFusion::Decision::Outcome;
    switch (decision.outcome) {
    case Outcome::Refused:
        ++m_counters.refused;
        // The first few in full, then a reminder now and then: a feed without positions
        // must not drown the log.
        if (m_counters.refused <= 10 || m_counters.refused % 1000 == 0)
            qCWarning(lcIncidents).noquote() << "signal refused:" << decision.reason << "("
                                             << m_counters.refused << "refused so far)";
        return;
    case Outcome::Waiting:
        ++m_counters.waited;
        return;
    case Outcome::Opened: {
        const IncidentSignal &opener = decision.members.first();
        Incident incident;
        incident.id = decision.incident;
        incident.state = IncidentState::New;
        incident.anchor = opener.location;
        incident.kecamatan = opener.kecamatan;
        incident.hazard = decision.hazard;
        incident.category = opener.category;
        incident.suggestedAgency = opener.agency;
        incident.firstSignalAt = opener.time;
        incident.lastSignalAt = opener.time;
        for (const IncidentSignal &member : decision.members) {
            incident.firstSignalAt = std::min(incident.firstSignalAt, member.time);
            incident.lastSignalAt = std::max(incident.lastSignalAt, member.time);
        }
        incident.members = decision.members;
        incident.transitions.append({IncidentState::Unknown, IncidentState::New, Actor::system(),
                                     now(), describe(opener)});
        m_indexOfId.insert(incident.id, int(m_incidents.size()));
        m_incidents.push_back(std::move(incident));
        ++m_counters.opened;
        m_counters.joined += decision.members.size();
        record(Actor::system(), QStringLiteral("incident.fused"), decision.incident,
               QStringLiteral("opened by %1").arg(describe(opener)));
        for (qsizetype i = 1; i < decision.members.size(); ++i)
            record(Actor::system(), QStringLiteral("incident.signal_joined"), decision.incident,
                   describe(decision.members.at(i)));
        emit incidentOpened(decision.incident);
        return;
    }
    case Outcome::Joined:
    case Outcome::Updated: {
        const int index = indexOf(decision.incident);
        if (index < 0) {
            qCWarning(lcIncidents)
                << "fusion named incident" << decision.incident << "which the board does not hold";
            return;
        }
        Incident &incident = m_incidents[std::size_t(index)];
        const IncidentSignal &signal = decision.members.first();
        incident.hazard = decision.hazard;
        incident.firstSignalAt = std::min(incident.firstSignalAt, signal.time);
        incident.lastSignalAt = std::max(incident.lastSignalAt, signal.time);
        const qsizetype member = incident.memberIndex(signal.kind, signal.id);
        if (decision.outcome == Outcome::Updated && member >= 0) {
            incident.members[member] = signal;
            ++m_counters.updated;
        } else {
            incident.members.append(signal);
            ++m_counters.joined;
            record(Actor::system(), QStringLiteral("incident.signal_joined"), incident.id,
                   describe(signal));
        }
        emit incidentChanged(incident.id);
        return;
    }
    }
}

QString IncidentBoard::perform(qint64 id, const IncidentLifecycle::Request &request)
{
    const QString action = QStringLiteral("incident.") + incidentActionKey(request.action);
    const int index = indexOf(id);
    QString refusal;
    if (index < 0)
        refusal = QStringLiteral("there is no incident %1").arg(id);
    else
        refusal = IncidentLifecycle::refusal(m_incidents.at(std::size_t(index)), request);
    if (!refusal.isEmpty()) {
        qCInfo(lcIncidents).noquote()
            << request.actor.name << "was refused" << action << ":" << refusal;
        record(request.actor, QStringLiteral("incident.refused"), id,
               QStringLiteral("%1: %2").arg(incidentActionKey(request.action), refusal));
        return refusal;
    }
    Incident &incident = m_incidents[std::size_t(index)];
    if (m_gate) {
        if (m_pendingActions.contains(id)) {
            const QString pending = QStringLiteral("an action on this incident is on its way");
            record(request.actor, QStringLiteral("incident.refused"), id,
                   QStringLiteral("%1: %2").arg(incidentActionKey(request.action), pending));
            return pending;
        }
        m_pendingActions.insert(id);
        m_gate(incident, request);
        return {};
    }
    const Agency from = incident.accountable;
    IncidentLifecycle::apply(incident, request);
    if (request.action == IncidentAction::Resolve || request.action == IncidentAction::Close)
        m_fusion.retire(id);
    if (request.action == IncidentAction::Forward && incident.handOffs.constLast().bounced) {
        qCWarning(lcIncidents).noquote()
            << incident.displayId() << "bounced back to" << agencyShortName(request.to);
    }
    if (m_audit) {
        for (const AuditAction &entry : incidentActionAudit(incident, request, from, subject(id)))
            m_audit->record(entry);
    }
    emit incidentChanged(id);
    return {};
}

qint64 IncidentBoard::holding(const Incident &other) const
{
    // The newest first: a signal is a member of one incident at a time, and an older incident
    // holding the same one was retired before it was fused again.
    const qint64 windowMs = qint64(kSameIncidentMinutes) * 60000;
    for (auto it = m_incidents.crbegin(); it != m_incidents.crend(); ++it) {
        if (std::abs(it->firstSignalAt.msecsTo(other.firstSignalAt)) > windowMs)
            continue;
        for (const IncidentSignal &member : other.members) {
            if (it->memberIndex(member.kind, member.id) >= 0)
                return it->id;
        }
    }
    return 0;
}

void IncidentBoard::applyShared(qint64 id, const Incident &shared)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    m_pendingActions.remove(id);
    Incident &incident = m_incidents[std::size_t(index)];
    const auto people = [](const Incident &i) {
        return std::count_if(i.transitions.cbegin(), i.transitions.cend(),
                             [](const IncidentTransition &t) { return !t.by.isSystem(); });
    };
    if (incident.state == shared.state && people(incident) == people(shared) &&
        incident.notes.size() == shared.notes.size() &&
        incident.handOffs.size() == shared.handOffs.size()) {
        return; // nothing new (heard twice, or this console's own change)
    }
    incident.state = shared.state;
    incident.accountable = shared.accountable;
    incident.handOffs = shared.handOffs;
    incident.transitions = shared.transitions;
    incident.notes = shared.notes;
    if (!incident.isOpen())
        m_fusion.retire(id);
    emit incidentChanged(id);
}

void IncidentBoard::actionNotRecorded(qint64 id, const QString &reason)
{
    m_pendingActions.remove(id);
    qCInfo(lcIncidents).noquote() << "action on incident" << id << "not recorded:" << reason;
    emit actionRefused(id, reason);
}

QString IncidentBoard::acknowledge(qint64 id, const Actor &actor, const QString &note)
{
    return perform(id, {IncidentAction::Acknowledge, actor, note, Agency::Unknown, now()});
}

QString IncidentBoard::forward(qint64 id, Agency to, const Actor &actor, const QString &note)
{
    return perform(id, {IncidentAction::Forward, actor, note, to, now()});
}

QString IncidentBoard::resolve(qint64 id, const Actor &actor, const QString &note)
{
    return perform(id, {IncidentAction::Resolve, actor, note, Agency::Unknown, now()});
}

QString IncidentBoard::close(qint64 id, const Actor &actor, const QString &note)
{
    return perform(id, {IncidentAction::Close, actor, note, Agency::Unknown, now()});
}

QString IncidentBoard::addNote(qint64 id, const Actor &actor, const QString &text)
{
    return perform(id, {IncidentAction::Note, actor, text, Agency::Unknown, now()});
}

void IncidentBoard::restore(const QList<Incident> &incidents)
{
    for (const Incident &incident : incidents) {
        if (m_indexOfId.contains(incident.id))
            continue;
        m_indexOfId.insert(incident.id, int(m_incidents.size()));
        m_incidents.push_back(incident);
        m_fusion.track(incident);
    }
    qCInfo(lcIncidents) << "restored" << incidents.size() << "incidents";
    emit restored();
}

void IncidentBoard::showStoredNotes(const QList<Incident> &stored, const QDateTime &until)
{
    for (const Incident &original : stored) {
        if (original.notes.isEmpty() || original.members.isEmpty())
            continue;
        qint64 id = m_replayedIdOfStored.value(original.id, 0);
        if (id == 0) {
            // The signal that opened it fuses first here too, or joins the same incident.
            const IncidentSignal &opener = original.members.constFirst();
            for (const Incident &incident : m_incidents) {
                if (incident.memberIndex(opener.kind, opener.id) >= 0) {
                    id = incident.id;
                    break;
                }
            }
            if (id == 0)
                continue; // not replayed yet at this time
            m_replayedIdOfStored.insert(original.id, id);
        }
        const int index = indexOf(id);
        if (index < 0)
            continue;
        QList<IncidentNote> notes;
        for (const IncidentNote &note : original.notes) {
            if (note.at <= until)
                notes.append(note);
        }
        Incident &incident = m_incidents[std::size_t(index)];
        if (notes.size() == incident.notes.size())
            continue; // notes only grow as the replay moves forward; a seek builds a new board
        incident.notes = std::move(notes);
        emit incidentChanged(id);
    }
}

void IncidentBoard::expire()
{
    // By the evidence's own time when it runs behind the wall's: a replay or a time-compressed
    // demo would otherwise have every incident evicted before anything could join it.
    const QDateTime evidence = evidenceNow();
    m_fusion.expire(evidence);
    retireFinished(evidence);
}

void IncidentBoard::retireFinished(const QDateTime &evidence)
{
    const QDateTime keptSince = evidence.addSecs(-qint64(kFinishedKeptHours) * 3600);
    const auto isRetired = [&](const Incident &incident) {
        return !incident.isOpen() && incident.state != IncidentState::Unknown
               && !m_pendingActions.contains(incident.id) && incident.lastSignalAt.isValid()
               && incident.lastSignalAt < keptSince;
    };
    QList<qint64> retired;
    for (const Incident &incident : m_incidents) {
        if (isRetired(incident))
            retired.append(incident.id);
    }
    if (retired.isEmpty())
        return;
    emit incidentsAboutToBeRetired(retired);
    std::erase_if(m_incidents, isRetired);
    m_indexOfId.clear();
    for (std::size_t i = 0; i < m_incidents.size(); ++i)
        m_indexOfId.insert(m_incidents[i].id, int(i));
    qCInfo(lcIncidents) << "retired" << retired.size() << "finished incidents from the board;"
                        << m_incidents.size() << "remain";
}

} // namespace tlr
