#include "HandoverReportBuilder.h"

#include "ReportsLog.h"

#include "access/RoleKey.h"
#include "kpi/ComplaintSla.h"

#include <QHash>

#include <algorithm>

namespace tlr {
namespace {

using AlertItem = HandoverReport::AlertItem;
using Acknowledgement = HandoverReport::Acknowledgement;
using SlaMiss = HandoverReport::SlaMiss;

const QString kExerciseSuffix = QStringLiteral(" exercise/test");
const QString kWhileShelved = QStringLiteral("while shelved");

struct TrackedAlert
{
    AlertItem item;
    bool conditionActive = true;
    bool acknowledged = false;
};

// "extreme Pintu Air 10: 720 cm [source | resource | event] exercise/test" (AlertEngine::raise)
void readRaisedNote(const QString &note, AlertItem &item)
{
    QString rest = note;
    item.live = !rest.endsWith(kExerciseSuffix);
    if (!item.live)
        rest.chop(kExerciseSuffix.size());
    const qsizetype space = rest.indexOf(u' ');
    item.severity = severityFromKey(QStringView(rest).left(space)).value_or(Severity::Unknown);
    rest = space < 0 ? QString() : rest.mid(space + 1);
    const qsizetype key = rest.lastIndexOf(QStringLiteral(" ["));
    item.title = key < 0 ? rest : rest.left(key);
}

// "moderate → severe"
void readSeverityChange(const QString &note, AlertItem &item)
{
    const qsizetype arrow = note.indexOf(QStringLiteral(" → "));
    if (arrow >= 0) {
        if (const auto severity = severityFromKey(QStringView(note).mid(arrow + 3)))
            item.severity = *severity;
    }
}

// "reason (until 2026-11-23T09:00:00Z)"; the reason itself may hold brackets.
void readShelveNote(const QString &note, AlertItem &item)
{
    const qsizetype until = note.lastIndexOf(QStringLiteral(" (until "));
    if (until < 0 || !note.endsWith(u')')) {
        item.shelveReason = note;
        return;
    }
    item.shelveReason = note.left(until);
    const qsizetype start = until + 8;
    item.shelvedUntil = QDateTime::fromString(note.mid(start, note.size() - start - 1),
                                              Qt::ISODate).toUTC();
}

// "level 2: unacknowledged for 31 min"
int readEscalationLevel(const QString &note)
{
    return note.section(u':', 0, 0).section(u' ', 1, 1).toInt();
}

void settle(TrackedAlert &alert, const QDateTime &at)
{
    AlertItem &item = alert.item;
    if (alert.acknowledged) {
        item.state = alert.conditionActive ? AlertState::Acknowledged : AlertState::Closed;
    } else {
        item.state = alert.conditionActive ? AlertState::Unacknowledged
                                           : AlertState::ReturnedUnacknowledged;
    }
    if (item.state == AlertState::Unacknowledged) {
        item.unacknowledgedSince = at;
        item.escalationLevel = 0;
    }
}

bool moreUrgent(const AlertItem &a, const AlertItem &b)
{
    if (a.severity != b.severity)
        return a.severity > b.severity;
    return a.raisedAt < b.raisedAt;
}

IncidentState stateAt(const Incident &incident, const QDateTime &to)
{
    IncidentState state = IncidentState::Unknown;
    for (const IncidentTransition &t : incident.transitions) {
        if (t.at <= to)
            state = t.to;
    }
    return state;
}

class Builder
{
public:
    Builder(const QDateTime &from, const QDateTime &to) : m_from(from), m_to(to) {}

    void readAudit(const QList<AuditEntry> &entries);
    void readIncidents(const QList<Incident> &incidents);
    void readComplaints(const QList<ComplaintRecord> &complaints);
    HandoverReport take();

private:
    bool inWindow(const QDateTime &at) const { return at >= m_from && at <= m_to; }
    void applyAlertEntry(const AuditEntry &entry, const QDateTime &at);
    void addIncident(const Incident &incident);

    QDateTime m_from;
    QDateTime m_to;
    HandoverReport m_report;
    QHash<quint64, TrackedAlert> m_alerts; // the current run's
    QHash<quint64, std::size_t> m_missOf;  // alert → its row in slaMisses, the current run's
};

void Builder::readAudit(const QList<AuditEntry> &entries)
{
    for (const AuditEntry &entry : entries) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(entry.atMsecs, Qt::UTC);
        if (at > m_to)
            continue; // a later entry of a command run beside the wall may come first
        ++m_report.auditEntriesRead;
        if (entry.action == u"wall.started") {
            // A new run: the engine starts empty and numbers alerts from 1 again.
            m_alerts.clear();
            m_missOf.clear();
            if (inWindow(at))
                ++m_report.wallRuns;
            continue;
        }
        if (entry.subject.startsWith(u"alert:") && entry.action.startsWith(u"alert."))
            applyAlertEntry(entry, at);
    }
}

void Builder::applyAlertEntry(const AuditEntry &entry, const QDateTime &at)
{
    bool ok = false;
    const quint64 id = entry.subject.mid(6).toULongLong(&ok);
    if (!ok) {
        qCWarning(lcReports) << "audit entry" << entry.seq << "names no alert number:"
                             << entry.subject;
        return;
    }
    const QStringView action = QStringView(entry.action).mid(6);
    if (action == u"raised") {
        TrackedAlert alert;
        alert.item.id = id;
        readRaisedNote(entry.note, alert.item);
        alert.item.state = AlertState::Unacknowledged;
        alert.item.raisedAt = at;
        alert.item.unacknowledgedSince = at;
        if (inWindow(at))
            ++(alert.item.live ? m_report.liveAlertsRaised : m_report.exerciseAlerts);
        m_alerts.insert(id, alert);
        return;
    }
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return; // refused actions on numbers never raised, or a run read from its middle
    TrackedAlert &alert = *it;
    AlertItem &item = alert.item;
    if (action == u"acknowledged") {
        const qint64 waited = item.unacknowledgedSince.secsTo(at);
        alert.acknowledged = true;
        item.acknowledgedBy = entry.actor;
        item.acknowledgedAt = at;
        item.acknowledgeNote = entry.note;
        item.escalationLevel = 0;
        item.state = alert.conditionActive ? AlertState::Acknowledged : AlertState::Closed;
        if (inWindow(at)) {
            Acknowledgement ack;
            ack.subject = Acknowledgement::Subject::Alert;
            ack.reference = QString::number(id);
            ack.title = item.title;
            ack.at = at;
            ack.by = entry.actor;
            ack.role = entry.role;
            ack.note = entry.note;
            ack.waitedSeconds = waited;
            ack.live = item.live;
            m_report.acknowledgements.push_back(std::move(ack));
            if (const auto miss = m_missOf.constFind(id); miss != m_missOf.cend())
                m_report.slaMisses[*miss].handledAt = at;
        }
    } else if (action == u"returned-to-normal") {
        alert.conditionActive = false;
        item.state = AlertState::ReturnedUnacknowledged;
    } else if (action == u"closed") {
        alert.conditionActive = false;
        item.state = AlertState::Closed;
    } else if (action == u"cleared") {
        alert.conditionActive = false; // while shelved: it stays on the shelf
    } else if (action == u"reactivated") {
        alert.conditionActive = true;
        if (entry.note != kWhileShelved) {
            item.state = AlertState::Unacknowledged;
            item.unacknowledgedSince = at;
            item.escalationLevel = 0;
        }
    } else if (action == u"reopened") {
        readSeverityChange(entry.note, item);
        alert.acknowledged = false;
        item.state = AlertState::Unacknowledged;
        item.unacknowledgedSince = at;
        item.escalationLevel = 0;
    } else if (action == u"severity-changed") {
        readSeverityChange(entry.note, item);
    } else if (action == u"shelved") {
        item.state = AlertState::Shelved;
        item.shelvedBy = entry.actor;
        item.shelvedAt = at;
        readShelveNote(entry.note, item);
        item.escalationLevel = 0;
    } else if (action == u"unshelved" || action == u"shelve-expired") {
        settle(alert, at);
    } else if (action == u"escalated") {
        item.escalationLevel = readEscalationLevel(entry.note);
        if (!inWindow(at))
            return;
        if (const auto miss = m_missOf.constFind(id); miss != m_missOf.cend()) {
            SlaMiss &known = m_report.slaMisses[*miss];
            known.level = std::max(known.level, item.escalationLevel);
            known.detail = entry.note;
            return;
        }
        SlaMiss miss;
        miss.kind = SlaMiss::Kind::AlertEscalated;
        miss.reference = QString::number(id);
        miss.title = item.title;
        miss.dueAt = at;
        miss.detail = entry.note;
        miss.level = item.escalationLevel;
        m_missOf.insert(id, m_report.slaMisses.size());
        m_report.slaMisses.push_back(std::move(miss));
    }
}

void Builder::readIncidents(const QList<Incident> &incidents)
{
    for (const Incident &incident : incidents)
        addIncident(incident);
}

void Builder::addIncident(const Incident &incident)
{
    const IncidentState state = stateAt(incident, m_to);
    if (state == IncidentState::Unknown)
        return; // opened after the window
    HandoverReport::IncidentItem item;
    item.id = incident.id;
    item.displayId = incident.displayId();
    item.state = state;
    item.severity = incident.severity();
    item.kecamatan = incident.kecamatan;
    item.hazard = incident.hazard;
    item.category = incident.category;
    item.firstSignalAt = incident.firstSignalAt;
    for (const IncidentSignal &member : incident.members) {
        if (member.time <= m_to) {
            ++item.signalCount;
            item.lastSignalAt = std::max(item.lastSignalAt, member.time);
        }
    }
    for (const HandOff &h : incident.handOffs) {
        if (h.at > m_to)
            continue;
        item.accountable = h.to;
        item.bounced = item.bounced || h.bounced;
        if (h.at < m_from)
            continue;
        m_report.handOffs.push_back({item.displayId, h.from, h.to, h.by.name, h.at, h.note,
                                     h.bounced});
    }
    for (const IncidentNote &n : incident.notes) {
        if (inWindow(n.at))
            m_report.notes.push_back(
                {item.displayId, n.by.name, roleKey(n.by.role), n.at, n.text});
    }
    bool finishedInWindow = false;
    for (const IncidentTransition &t : incident.transitions) {
        if (!inWindow(t.at))
            continue;
        if (t.to == IncidentState::Resolved || t.to == IncidentState::Closed)
            finishedInWindow = true;
        if (t.to == IncidentState::Acknowledged && !t.by.isSystem()) {
            Acknowledgement ack;
            ack.subject = Acknowledgement::Subject::Incident;
            ack.reference = item.displayId;
            ack.title = incident.subject();
            if (!incident.kecamatan.isEmpty())
                ack.title += QStringLiteral(" · ") + incident.kecamatan;
            ack.at = t.at;
            ack.by = t.by.name;
            ack.role = roleKey(t.by.role);
            ack.note = t.note;
            ack.waitedSeconds = incident.firstSignalAt.secsTo(t.at);
            m_report.acknowledgements.push_back(std::move(ack));
        }
    }
    if (state >= IncidentState::New && state < IncidentState::Resolved)
        m_report.openIncidents.push_back(std::move(item));
    else if (finishedInWindow)
        m_report.finishedIncidents.push_back(std::move(item));
}

void Builder::readComplaints(const QList<ComplaintRecord> &complaints)
{
    for (const ComplaintRecord &complaint : complaints) {
        const QDateTime due = ComplaintSla::dueAt(complaint.receivedAt);
        if (due > m_to)
            continue;
        if (due < m_from) {
            ++m_report.complaintsOverdueBefore;
            continue;
        }
        SlaMiss miss;
        miss.kind = SlaMiss::Kind::ComplaintOverdue;
        miss.reference = complaint.id;
        miss.title = complaint.kecamatan.isEmpty()
                         ? complaint.category
                         : complaint.category + QStringLiteral(" · ") + complaint.kecamatan;
        miss.dueAt = due;
        m_report.slaMisses.push_back(std::move(miss));
    }
}

HandoverReport Builder::take()
{
    for (const TrackedAlert &alert : std::as_const(m_alerts)) {
        switch (alert.item.state) {
        case AlertState::Unacknowledged:
        case AlertState::ReturnedUnacknowledged:
            m_report.openAlerts.push_back(alert.item);
            break;
        case AlertState::Acknowledged:
            m_report.acknowledgedAlerts.push_back(alert.item);
            break;
        case AlertState::Shelved:
            m_report.shelvedAlerts.push_back(alert.item);
            break;
        case AlertState::Closed:
        case AlertState::Unknown:
            break;
        }
    }
    for (auto *alerts : {&m_report.openAlerts, &m_report.acknowledgedAlerts,
                         &m_report.shelvedAlerts})
        std::sort(alerts->begin(), alerts->end(), moreUrgent);
    const auto byTime = [](const auto &a, const auto &b) { return a.at < b.at; };
    std::stable_sort(m_report.acknowledgements.begin(), m_report.acknowledgements.end(), byTime);
    std::stable_sort(m_report.handOffs.begin(), m_report.handOffs.end(), byTime);
    std::stable_sort(m_report.notes.begin(), m_report.notes.end(), byTime);
    std::stable_sort(m_report.slaMisses.begin(), m_report.slaMisses.end(),
                     [](const SlaMiss &a, const SlaMiss &b) { return a.dueAt < b.dueAt; });
    const auto bySeverity = [](const HandoverReport::IncidentItem &a,
                               const HandoverReport::IncidentItem &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.signalCount != b.signalCount)
            return a.signalCount > b.signalCount; // the larger story first
        return a.firstSignalAt < b.firstSignalAt;
    };
    std::sort(m_report.openIncidents.begin(), m_report.openIncidents.end(), bySeverity);
    std::sort(m_report.finishedIncidents.begin(), m_report.finishedIncidents.end(), bySeverity);
    return std::move(m_report);
}

} // namespace

HandoverReport HandoverReportBuilder::build(const HandoverSources &sources, const QDateTime &from,
                                            const QDateTime &to, const QDateTime &generatedAt)
{
    Builder builder(from.toUTC(), to.toUTC());
    builder.readAudit(sources.audit);
    builder.readIncidents(sources.incidents);
    builder.readComplaints(sources.complaints);
    HandoverReport report = builder.take();
    report.from = from.toUTC();
    report.to = to.toUTC();
    report.generatedAt = generatedAt.toUTC();
    return report;
}

} // namespace tlr
