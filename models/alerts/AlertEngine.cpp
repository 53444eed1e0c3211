#include "AlertEngine.h"

#include "AlertLog.h"

#include "access/Permissions.h"
#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"

namespace tlr {
namespace {

constexpr int kFlushReserveMs = 2;

QString severityChange(Severity from, Severity to)
{
    return QStringLiteral("%1 → %2").arg(severityKey(from), severityKey(to));
}

} // namespace

AlertEngine::AlertEngine(const WallClock *clock, AlertRules rules, AuditRecorder *audit,
                         QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_rules(std::move(rules))
    , m_audit(audit)
    , m_evaluator(m_rules.rules)
    , m_sliceTimer(this)
    , m_frameBudget(this)
{
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &AlertEngine::applyQueuedSlice);
    connect(clock, &WallClock::ticked, this, &AlertEngine::checkTimers);
}

AlertEngine::~AlertEngine() = default;

QString AlertEngine::key(const QString &source, const QString &resource, const QString &event)
{
    return source + u'\x1f' + resource + u'\x1f' + event;
}


void AlertEngine::apply(const QList<DomainEvent> &events)
{
    const QDateTime now = m_clock->now();
    QList<AlertCondition> conditions;
    for (const DomainEvent &event : events) {
        if (const auto *observation = std::get_if<Observation>(&event))
            m_evaluator.observe(*observation, conditions);
        else if (const auto *report = std::get_if<Report>(&event))
            m_evaluator.report(*report, now, conditions);
        else if (const auto *alert = std::get_if<Alert>(&event))
            m_feedAlerts.apply(*alert, now, conditions);
    }
    applyConditions(conditions);
}

void AlertEngine::updateFeedStatuses(const QList<FeedStatus> &statuses)
{
    for (const FeedStatus &status : statuses)
        m_agencyOfSource.insert(status.id, status.agency);
    m_evaluator.updateFeedStatuses(statuses, m_clock->now());
}

void AlertEngine::setFeedAgencies(const QHash<QString, Agency> &agencies)
{
    m_agencyOfSource.insert(agencies);
}

void AlertEngine::applyConditions(const QList<AlertCondition> &conditions)
{
    // A burst (a storm, a feed replaying after a reconnect) is applied a slice per frame, in
    // order, so that the wall keeps painting; a usual batch goes through at once.
    m_queued.insert(m_queued.end(), conditions.cbegin(), conditions.cend());
    applyQueuedSlice();
}

void AlertEngine::applyQueuedSlice()
{
    const QDateTime now = m_clock->now();
    int applied = 0;
    while (!m_queued.empty()) {
        // Asked every time, so that the first conditions count against the frame too. The
        // batch's signal after the slice (the table's insertions, the timer index) costs up
        // to about half as much again: kept out of the budget's end.
        if (!m_frameBudget.hasTimeLeft(kFlushReserveMs) && applied >= kMinSliceConditions)
            break;
        applyCondition(m_queued.front(), now);
        m_queued.pop_front();
        ++applied;
    }
    flush();
    if (!m_queued.empty() && !m_sliceTimer.isActive())
        m_sliceTimer.start(m_frameBudget.msUntilNextFrame());
}

void AlertEngine::applyQueuedConditions()
{
    m_sliceTimer.stop();
    const QDateTime now = m_clock->now();
    while (!m_queued.empty()) {
        applyCondition(m_queued.front(), now);
        m_queued.pop_front();
    }
    flush();
}

void AlertEngine::applyCondition(const AlertCondition &condition, const QDateTime &now)
{
    const auto open = m_openByKey.constFind(key(condition.source, condition.resource, condition.event));
    if (open == m_openByKey.cend()) {
        if (condition.active)
            raise(condition, now);
        return; // a clear for an alert not (or no longer) open says nothing new
    }
    Entry &entry = m_alerts[*open];
    AlertRecord &a = entry.record;
    a.updatedAt = now;
    if (condition.observedAt.isValid() && condition.observedAt > a.evidenceAt)
        a.evidenceAt = condition.observedAt;
    if (!condition.active) {
        if (!a.conditionActive)
            return;
        markChanged(entry);
        a.conditionActive = false;
        recordFlip(entry, now);
        if (a.state == AlertState::Shelved) {
            audit(Actor::system(), "alert.cleared", a, QStringLiteral("while shelved"));
            return;
        }
        settle(entry, now, Actor::system());
        return;
    }

    // A repeat changes the count alone, which the table shows cheaply; a new title or place is
    // a change like any other.
    if (a.title != condition.title
        || (!condition.kecamatan.isEmpty() && a.kecamatan != condition.kecamatan)
        || (condition.location.isValid() && a.location != condition.location)) {
        markChanged(entry);
        a.title = condition.title;
        if (!condition.kecamatan.isEmpty())
            a.kecamatan = condition.kecamatan;
        if (condition.location.isValid())
            a.location = condition.location;
    }
    const Severity before = a.severity;
    a.severity = condition.severity;

    if (!a.conditionActive) {
        markChanged(entry);
        a.conditionActive = true;
        recordFlip(entry, now);
        if (a.state == AlertState::Shelved) {
            audit(Actor::system(), "alert.reactivated", a, QStringLiteral("while shelved"));
            return;
        }
        // Returned to normal but nobody acknowledged it, and it is back: the same alert.
        a.state = AlertState::Unacknowledged;
        a.unacknowledgedSince = now;
        a.escalationLevel = 0;
        audit(Actor::system(), "alert.reactivated", a, severityKey(a.severity));
        return;
    }
    if (a.severity != before)
        markChanged(entry);
    if (a.severity > before && a.state == AlertState::Acknowledged) {
        a.acknowledged = false;
        a.state = AlertState::Unacknowledged;
        a.unacknowledgedSince = now;
        a.escalationLevel = 0;
        audit(Actor::system(), "alert.reopened", a, severityChange(before, a.severity));
    } else if (a.severity != before) {
        audit(Actor::system(), "alert.severity-changed", a, severityChange(before, a.severity));
    } else {
        ++a.duplicateCount;
        markRepeated(entry);
    }
}

void AlertEngine::raise(const AlertCondition &condition, const QDateTime &now)
{
    Entry entry;
    AlertRecord &a = entry.record;
    a.id = m_nextId++;
    a.source = condition.source;
    a.resource = condition.resource;
    a.event = condition.event;
    a.origin = condition.origin;
    a.title = condition.title;
    a.kecamatan = condition.kecamatan;
    a.agency = condition.agency != Agency::Unknown ? condition.agency
                                                   : m_agencyOfSource.value(condition.source);
    a.severity = condition.severity;
    a.state = AlertState::Unacknowledged;
    a.live = condition.live;
    a.status = condition.status;
    a.location = condition.location;
    a.raisedAt = now;
    a.raisedAtMs = now.toMSecsSinceEpoch();
    a.evidenceAt = condition.observedAt.isValid() ? condition.observedAt : now;
    a.updatedAt = now;
    a.unacknowledgedSince = now;
    entry.flips.push_back(now.toMSecsSinceEpoch());
    entry.pending = Pending::Changed;
    m_openByKey.insert(key(a.source, a.resource, a.event), a.id);
    m_changes.inserted.append(a.id);
    audit(Actor::system(), "alert.raised", a,
          QStringLiteral("%1 %2 [%3 | %4 | %5]%6")
              .arg(severityKey(a.severity), a.title, a.source, a.resource, a.event,
                   a.live ? QString() : QStringLiteral(" exercise/test")));
    const quint64 id = a.id;
    m_alerts.insert(id, std::move(entry));
    if (condition.live)
        emit alertRaised(m_alerts.value(id).record);
}

void AlertEngine::recordFlip(Entry &entry, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    entry.flips.push_back(nowMs);
    const qint64 windowStart = nowMs - qint64(m_rules.policy.flappingWindowMinutes) * 60000;
    while (!entry.flips.empty() && entry.flips.front() < windowStart)
        entry.flips.pop_front();
    AlertRecord &a = entry.record;
    if (!a.flapping && int(entry.flips.size()) >= m_rules.policy.flappingChanges) {
        a.flapping = true;
        audit(Actor::system(), "alert.flapping", a,
              QStringLiteral("%1 changes within %2 min")
                  .arg(entry.flips.size())
                  .arg(m_rules.policy.flappingWindowMinutes));
    }
}

// The state an alert's acknowledgement and condition give it, when nothing holds it elsewhere.
void AlertEngine::settle(Entry &entry, const QDateTime &now, const Actor &actor)
{
    AlertRecord &a = entry.record;
    const AlertState before = a.state;
    if (a.acknowledged)
        a.state = a.conditionActive ? AlertState::Acknowledged : AlertState::Closed;
    else
        a.state = a.conditionActive ? AlertState::Unacknowledged : AlertState::ReturnedUnacknowledged;
    if (a.state == before)
        return;
    markChanged(entry);
    if (a.state == AlertState::Unacknowledged) {
        a.unacknowledgedSince = now;
        a.escalationLevel = 0;
    }
    if (a.state == AlertState::Closed) {
        a.closedAt = now;
        m_openByKey.remove(key(a.source, a.resource, a.event));
        audit(actor, "alert.closed", a, alertStateKey(before));
    } else if (a.state == AlertState::ReturnedUnacknowledged) {
        audit(actor, "alert.returned-to-normal", a, alertStateKey(before));
    }
}

AlertEngine::ActionResult AlertEngine::acknowledge(quint64 id, const Actor &actor, const QString &note)
{
    if (!canAcknowledge(actor.role))
        return refuse(id, actor, "alert.acknowledge-refused",
                      QStringLiteral("only the supervisor on duty may acknowledge alerts"));
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return refuse(id, actor, "alert.acknowledge-refused", QStringLiteral("no such alert"));
    AlertRecord &a = it->record;
    if (a.state != AlertState::Unacknowledged && a.state != AlertState::ReturnedUnacknowledged)
        return refuse(id, actor, "alert.acknowledge-refused",
                      QStringLiteral("the alert is %1").arg(alertStateKey(a.state)));
    const QDateTime now = m_clock->now();
    if (m_gate) {
        if (m_pendingAcknowledgements.contains(id))
            return refuse(id, actor, "alert.acknowledge-refused",
                          QStringLiteral("an acknowledgement of this alert is on its way"));
        m_pendingAcknowledgements.insert(id);
        m_gate(a, actor, note, now);
        return {true, {}, true};
    }
    a.acknowledged = true;
    a.acknowledgedBy = actor.name;
    a.acknowledgedAt = now;
    a.acknowledgeNote = note;
    a.escalationLevel = 0;
    audit(actor, "alert.acknowledged", a, note);
    settle(*it, now, actor);
    markChanged(*it);
    flush();
    emit alertActedOn(id);
    return {true, {}};
}

void AlertEngine::applySharedAcknowledgement(const QString &source, const QString &resource,
                                             const QString &event, const QString &by,
                                             const QDateTime &at, const QString &note)
{
    Entry *open = openEntry(source, resource, event);
    if (!open)
        return; // closed here already, or never raised on this console
    Entry &entry = *open;
    AlertRecord &a = entry.record;
    m_pendingAcknowledgements.remove(a.id);
    if (a.acknowledged && a.acknowledgedBy == by && a.acknowledgedAt == at)
        return; // heard twice
    if (a.isOfEarlierEpisode(at))
        return;
    if (a.state == AlertState::Unacknowledged || a.state == AlertState::ReturnedUnacknowledged ||
        (a.state == AlertState::Shelved && !a.acknowledged)) {
        a.acknowledged = true;
        a.acknowledgedBy = by;
        a.acknowledgedAt = at;
        a.acknowledgeNote = note;
        a.escalationLevel = 0;
        if (a.state != AlertState::Shelved)
            settle(entry, m_clock->now(), Actor::system());
        markChanged(entry);
        flush();
        emit alertActedOn(a.id);
    }
}

void AlertEngine::acknowledgementNotRecorded(quint64 id, const QString &reason)
{
    m_pendingAcknowledgements.remove(id);
    qCInfo(lcAlerts).noquote() << "acknowledgement of alert" << id << "not recorded:" << reason;
    emit acknowledgementRefused(id, reason);
}

AlertEngine::ActionResult AlertEngine::shelve(quint64 id, const Actor &actor, const QString &reason,
                                              const QDateTime &until)
{
    const char *refused = "alert.shelve-refused";
    if (!canShelve(actor.role))
        return refuse(id, actor, refused, QStringLiteral("only the supervisor on duty may shelve alerts"));
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return refuse(id, actor, refused, QStringLiteral("no such alert"));
    const QDateTime now = m_clock->now();
    if (reason.trimmed().isEmpty())
        return refuse(id, actor, refused, QStringLiteral("a reason is required"));
    if (!until.isValid() || until <= now)
        return refuse(id, actor, refused, QStringLiteral("an expiry in the future is required"));
    if (until > now.addSecs(qint64(m_rules.policy.maxShelveHours) * 3600))
        return refuse(id, actor, refused,
                      QStringLiteral("at most %1 h on the shelf").arg(m_rules.policy.maxShelveHours));
    AlertRecord &a = it->record;
    if (a.state == AlertState::Shelved || a.state == AlertState::Closed)
        return refuse(id, actor, refused, QStringLiteral("the alert is %1").arg(alertStateKey(a.state)));
    if (m_shelfGate)
        return handToShelfGate(a, {ShelfRequest::Kind::Shelve, actor, reason, until.toUTC(), now});
    putOnShelf(*it, actor.name, reason, until);
    audit(actor, "alert.shelved", a,
          QStringLiteral("%1 (until %2)").arg(reason, a.shelvedUntil.toString(Qt::ISODate)));
    markChanged(*it);
    flush();
    emit alertActedOn(id);
    return {true, {}};
}

void AlertEngine::putOnShelf(Entry &entry, const QString &by, const QString &reason,
                             const QDateTime &until)
{
    AlertRecord &a = entry.record;
    a.stateBeforeShelving = a.state;
    a.state = AlertState::Shelved;
    a.shelvedBy = by;
    a.shelveReason = reason;
    a.shelvedUntil = until.toUTC();
    a.shelveReminded = false;
    a.escalationLevel = 0;
}

AlertEngine::ActionResult AlertEngine::handToShelfGate(const AlertRecord &alert,
                                                       const ShelfRequest &request)
{
    const bool shelving = request.kind == ShelfRequest::Kind::Shelve;
    if (m_pendingShelves.contains(alert.id))
        return refuse(alert.id, request.actor,
                      shelving ? "alert.shelve-refused" : "alert.unshelve-refused",
                      QStringLiteral("a shelve or unshelve of this alert is on its way"));
    m_pendingShelves.insert(alert.id);
    m_shelfGate(alert, request);
    return {true, {}, true};
}

void AlertEngine::applySharedShelf(const QString &source, const QString &resource,
                                   const QString &event, const QString &by,
                                   const QString &reason, const QDateTime &until)
{
    Entry *open = openEntry(source, resource, event);
    if (!open)
        return; // closed here already, or never raised on this console
    Entry &entry = *open;
    AlertRecord &a = entry.record;
    m_pendingShelves.remove(a.id);
    if (!until.isValid() || until <= m_clock->now())
        return; // expired: this console's own timer took it off, or will
    if (a.state == AlertState::Shelved) {
        if (a.shelvedBy == by && a.shelvedUntil == until)
            return; // heard twice
        // Another shelf than the one shown here (shelved again after an expiry elsewhere):
        // the database's is the one in force.
        a.state = a.stateBeforeShelving;
    }
    putOnShelf(entry, by, reason, until);
    markChanged(entry);
    flush();
    emit alertActedOn(a.id);
}

void AlertEngine::applySharedUnshelve(const QString &source, const QString &resource,
                                      const QString &event, const QString &by,
                                      const QDateTime &until, const QDateTime &at)
{
    Entry *open = openEntry(source, resource, event);
    if (!open)
        return;
    Entry &entry = *open;
    AlertRecord &a = entry.record;
    m_pendingShelves.remove(a.id);
    if (a.state != AlertState::Shelved || a.shelvedBy != by || a.shelvedUntil != until)
        return; // not that shelf (taken off here already, or another one)
    a.state = AlertState::Unknown; // settle() works out where it stands now
    settle(entry, at.isValid() ? at : m_clock->now(), Actor::system());
    markChanged(entry);
    flush();
    emit alertActedOn(a.id);
}

void AlertEngine::shelfNotRecorded(quint64 id, const QString &reason)
{
    m_pendingShelves.remove(id);
    qCInfo(lcAlerts).noquote() << "shelve or unshelve of alert" << id << "not recorded:" << reason;
    emit shelfRefused(id, reason);
}

AlertEngine::ActionResult AlertEngine::unshelve(quint64 id, const Actor &actor, const QString &note)
{
    const char *refused = "alert.unshelve-refused";
    if (!canShelve(actor.role))
        return refuse(id, actor, refused, QStringLiteral("only the supervisor on duty may unshelve alerts"));
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return refuse(id, actor, refused, QStringLiteral("no such alert"));
    if (it->record.state != AlertState::Shelved)
        return refuse(id, actor, refused,
                      QStringLiteral("the alert is %1").arg(alertStateKey(it->record.state)));
    if (m_shelfGate) {
        return handToShelfGate(it->record, {ShelfRequest::Kind::Unshelve, actor, note, {},
                                            m_clock->now()});
    }
    audit(actor, "alert.unshelved", it->record, note);
    it->record.state = AlertState::Unknown; // settle() works out where it stands now
    settle(*it, m_clock->now(), actor);
    markChanged(*it);
    flush();
    emit alertActedOn(id);
    return {true, {}};
}

AlertEngine::ActionResult AlertEngine::refuse(quint64 id, const Actor &actor, const char *action,
                                              const QString &reason)
{
    if (m_audit) {
        m_audit->record({m_clock->now(), actor, QString::fromLatin1(action),
                         QStringLiteral("alert:%1").arg(id), reason});
    }
    qCInfo(lcAlerts).noquote() << action << "alert" << id << "by" << actor.name + u':' << reason;
    return {false, reason};
}

void AlertEngine::audit(const Actor &actor, const char *action, const AlertRecord &alert,
                        const QString &note)
{
    if (m_audit)
        m_audit->record({m_clock->now(), actor, QString::fromLatin1(action), alert.subject(), note});
}

void AlertEngine::checkTimers()
{
    const QDateTime now = m_clock->now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const AlertPolicy &policy = m_rules.policy;
    const qint64 retentionMs = qint64(policy.closedRetentionMinutes) * 60000;
    const qint64 flappingWindowMs = qint64(policy.flappingWindowMinutes) * 60000;
    QList<quint64> leaving;
    std::vector<quint64> due;
    while (!m_due.empty() && m_due.begin()->first <= nowMs) {
        due.push_back(m_due.begin()->second);
        m_due.erase(m_due.begin());
    }
    for (quint64 id : due) {
        const auto it = m_alerts.find(id);
        if (it == m_alerts.end())
            continue;
        it->dueMs = -1;
        AlertRecord &a = it->record;
        switch (a.state) {
        case AlertState::Shelved:
            if (a.shelvedUntil <= now) {
                audit(Actor::system(), "alert.shelve-expired", a, a.shelveReason);
                a.state = AlertState::Unknown;
                settle(*it, now, Actor::system());
            } else if (!a.shelveReminded
                       && a.shelvedUntil.addSecs(-qint64(policy.shelveReminderMinutes) * 60) <= now) {
                a.shelveReminded = true;
                markChanged(*it);
                audit(Actor::system(), "alert.shelve-reminder", a,
                      QStringLiteral("expires %1").arg(a.shelvedUntil.toString(Qt::ISODate)));
                emit shelveReminder(a);
            }
            break;
        case AlertState::Unacknowledged: {
            const int minutes = policy.escalationMinutes(a.severity);
            if (!a.live || minutes <= 0)
                break;
            const qint64 waited = nowMs - a.unacknowledgedSince.toMSecsSinceEpoch();
            const int level = int(std::min<qint64>(policy.maxEscalationLevel, waited / (qint64(minutes) * 60000)));
            if (level > a.escalationLevel) {
                a.escalationLevel = level;
                markChanged(*it);
                audit(Actor::system(), "alert.escalated", a,
                      QStringLiteral("level %1: unacknowledged for %2 min").arg(level).arg(waited / 60000));
                emit alertEscalated(a, level);
            }
            break;
        }
        case AlertState::Closed:
            if (nowMs - a.closedAt.toMSecsSinceEpoch() >= retentionMs)
                leaving.append(a.id);
            break;
        default:
            break;
        }
        if (a.flapping) {
            while (!it->flips.empty() && it->flips.front() < nowMs - flappingWindowMs)
                it->flips.pop_front();
            if (int(it->flips.size()) < policy.flappingChanges) {
                a.flapping = false;
                markChanged(*it);
                audit(Actor::system(), "alert.flapping-ended", a, {});
            }
        }
        schedule(*it); // its next time, whether or not anything changed now
    }
    for (quint64 id : std::as_const(leaving)) {
        if (const auto it = m_alerts.constFind(id); it != m_alerts.cend()) {
            unschedule(*it);
            uncount(*it);
        }
        m_alerts.remove(id);
        m_changes.removed.append(id);
    }
    QList<AlertCondition> conditions;
    m_evaluator.tick(now, conditions);
    m_feedAlerts.tick(now, conditions);
    for (const AlertCondition &condition : std::as_const(conditions))
        applyCondition(condition, now);
    flush();
}

qint64 AlertEngine::nextDueMs(const Entry &entry) const
{
    const AlertRecord &a = entry.record;
    const AlertPolicy &policy = m_rules.policy;
    qint64 due = -1;
    const auto earliest = [&due](qint64 ms) { due = due < 0 ? ms : std::min(due, ms); };
    switch (a.state) {
    case AlertState::Shelved: {
        const qint64 expiry = a.shelvedUntil.toMSecsSinceEpoch();
        earliest(a.shelveReminded ? expiry : expiry - qint64(policy.shelveReminderMinutes) * 60000);
        break;
    }
    case AlertState::Unacknowledged: {
        const int minutes = policy.escalationMinutes(a.severity);
        if (a.live && minutes > 0 && a.escalationLevel < policy.maxEscalationLevel) {
            earliest(a.unacknowledgedSince.toMSecsSinceEpoch()
                     + qint64(a.escalationLevel + 1) * minutes * 60000);
        }
        break;
    }
    case AlertState::Closed:
        earliest(a.closedAt.toMSecsSinceEpoch() + qint64(policy.closedRetentionMinutes) * 60000);
        break;
    default:
        break;
    }
    if (a.flapping && !entry.flips.empty())
        earliest(entry.flips.front() + qint64(policy.flappingWindowMinutes) * 60000);
    return due;
}

void AlertEngine::schedule(Entry &entry)
{
    const qint64 due = nextDueMs(entry);
    if (due == entry.dueMs)
        return;
    unschedule(entry);
    entry.dueMs = due;
    if (due >= 0)
        m_due.emplace(due, entry.record.id);
}

void AlertEngine::unschedule(const Entry &entry)
{
    if (entry.dueMs >= 0)
        m_due.erase({entry.dueMs, entry.record.id});
}

void AlertEngine::markChanged(Entry &entry)
{
    if (entry.pending == Pending::Changed)
        return;
    entry.pending = Pending::Changed;
    m_changes.changed.append(entry.record.id);
}

void AlertEngine::markRepeated(Entry &entry)
{
    if (entry.pending != Pending::None)
        return;
    entry.pending = Pending::Repeated;
    m_changes.repeated.append(entry.record.id);
}

void AlertEngine::flush()
{
    if (m_changes.isEmpty())
        return;
    AlertChanges changes;
    std::swap(changes, m_changes);
    for (const QList<quint64> *ids : {&changes.inserted, &changes.changed, &changes.repeated}) {
        for (quint64 id : *ids) {
            const auto it = m_alerts.find(id);
            if (it == m_alerts.end())
                continue;
            // Whatever changed (state, severity, a flip) may change when it is next due.
            if (it->pending == Pending::Changed || ids == &changes.inserted) {
                schedule(*it);
                recount(*it);
            }
            it->pending = Pending::None;
        }
    }
    emit alertsUpdated(changes);
}

void AlertEngine::restore(const QList<AlertRecord> &alerts, quint64 nextId)
{
    for (const AlertRecord &record : alerts) {
        if (record.id == 0 || m_alerts.contains(record.id))
            continue;
        const QString alertKey = key(record.source, record.resource, record.event);
        if (record.state != AlertState::Closed && m_openByKey.contains(alertKey)) {
            qCWarning(lcAlerts) << "alert" << record.id << "not restored: its key is open as alert"
                                << m_openByKey.value(alertKey);
            continue;
        }
        Entry entry;
        entry.record = record;
        entry.pending = Pending::Changed;
        // The flips themselves are not kept: a flapping alert counts as having flipped when it
        // last changed, so that it stops flapping one window after, as it would have.
        if (record.flapping)
            entry.flips.push_back(record.updatedAt.toMSecsSinceEpoch());
        if (record.state != AlertState::Closed)
            m_openByKey.insert(alertKey, record.id);
        m_nextId = std::max(m_nextId, record.id + 1);
        m_changes.inserted.append(record.id);
        m_alerts.insert(record.id, std::move(entry));
    }
    m_nextId = std::max(m_nextId, nextId);
    flush();
}

const AlertRecord *AlertEngine::alert(quint64 id) const
{
    const auto it = m_alerts.constFind(id);
    return it == m_alerts.cend() ? nullptr : &it->record;
}

const AlertRecord *AlertEngine::find(const QString &source, const QString &resource,
                                     const QString &event) const
{
    const auto open = m_openByKey.constFind(key(source, resource, event));
    return open == m_openByKey.cend() ? nullptr : alert(*open);
}

AlertEngine::Entry *AlertEngine::openEntry(const QString &source, const QString &resource,
                                           const QString &event)
{
    const auto open = m_openByKey.constFind(key(source, resource, event));
    return open == m_openByKey.cend() ? nullptr : &m_alerts[*open];
}

QList<AlertRecord> AlertEngine::alerts() const
{
    QList<AlertRecord> result;
    result.reserve(m_alerts.size());
    for (const Entry &entry : m_alerts)
        result.append(entry.record);
    std::sort(result.begin(), result.end(),
              [](const AlertRecord &a, const AlertRecord &b) { return a.id < b.id; });
    return result;
}

int AlertEngine::liveUnacknowledgedCount() const
{
    return m_liveUnacknowledged;
}

int AlertEngine::liveUnacknowledgedCriticalCount() const
{
    return m_liveUnacknowledgedCritical;
}

void AlertEngine::recount(Entry &entry)
{
    const bool unacknowledged = entry.record.live && entry.record.state == AlertState::Unacknowledged;
    const bool critical = entry.record.isUnacknowledgedCritical();
    m_liveUnacknowledged += int(unacknowledged) - int(entry.countedUnacknowledged);
    m_liveUnacknowledgedCritical += int(critical) - int(entry.countedCritical);
    entry.countedUnacknowledged = unacknowledged;
    entry.countedCritical = critical;
}

void AlertEngine::uncount(const Entry &entry)
{
    m_liveUnacknowledged -= int(entry.countedUnacknowledged);
    m_liveUnacknowledgedCritical -= int(entry.countedCritical);
}

} // namespace tlr
