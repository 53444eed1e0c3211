#include "SharedIncidentAction.h"

#include "IncidentTables.h"
#include "SharedChanges.h"
#include "SqlValues.h"
#include "WriteTransaction.h"
#include "audit/AuditTable.h"
#include "incidents/IncidentActionAudit.h"
#include "incidents/IncidentBoard.h"

#include <algorithm>

namespace tlr {

using namespace sqlvalues;

namespace {

// Members looked up to find the shared incident: the opener first; a fused incident's first
// few are plenty.
constexpr qsizetype kMembersToMatch = 16;

qsizetype peopleChanges(const Incident &incident)
{
    return std::count_if(incident.transitions.cbegin(), incident.transitions.cend(),
                         [](const IncidentTransition &t) { return !t.by.isSystem(); });
}

// The shared incident that holds one of the local incident's signals and began about when it
// did (a sensor or an alert key is a member of other incidents on other days), or 0.
StoreReply<qint64> findShared(QSqlDatabase &db, const Incident &local)
{
    StoreReply<qint64> reply;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT s.incident_id FROM incident_signals s JOIN incidents i ON i.id = s.incident_id "
        "WHERE s.kind = ? AND s.signal_id = ? AND i.first_signal_at BETWEEN ? AND ? "
        "ORDER BY s.incident_id DESC LIMIT 1"));
    const qint64 window = qint64(IncidentBoard::kSameIncidentMinutes) * 60000;
    const qint64 first = local.firstSignalAt.toMSecsSinceEpoch();
    for (qsizetype i = 0; i < std::min(local.members.size(), kMembersToMatch); ++i) {
        const IncidentSignal &member = local.members.at(i);
        for (const QVariant &value : {QVariant(signalKindKey(member.kind)), QVariant(member.id),
                                      QVariant(first - window), QVariant(first + window)}) {
            query.addBindValue(value);
        }
        if (!exec(query, reply.error))
            return reply;
        if (query.next()) {
            reply.value = query.value(0).toLongLong();
            return reply;
        }
    }
    return reply;
}

// Who changed the shared incident last, for the console whose action came second.
QString firstChange(const Incident &shared)
{
    for (auto it = shared.transitions.crbegin(); it != shared.transitions.crend(); ++it) {
        if (it->by.isSystem())
            continue;
        const QString when = it->at.toString(Qt::ISODate);
        if (it->to == IncidentState::Forwarded && !shared.handOffs.isEmpty()) {
            return QStringLiteral("already forwarded to %1 by %2 at %3")
                .arg(agencyShortName(shared.handOffs.constLast().to), it->by.name, when);
        }
        return QStringLiteral("already %1 by %2 at %3")
            .arg(incidentStateKey(it->to), it->by.name, when);
    }
    return QStringLiteral("changed on another console");
}

} // namespace

StoreReply<IncidentOutcome> SharedIncidentAction::decide(QSqlDatabase db, const Incident &local,
                                                         const IncidentLifecycle::Request &request)
{
    StoreReply<IncidentOutcome> reply;
    WriteTransaction transaction(db);
    if (!transaction.error().isEmpty()) {
        reply.error = transaction.error();
        return reply;
    }
    const StoreReply<qint64> found = findShared(db, local);
    if (!found.ok()) {
        reply.error = found.error;
        return reply;
    }
    qint64 id = found.value;
    if (id == 0) {
        // Nobody acted on it yet: this console's incident becomes the room's, with the next
        // shared id (max + 1 is safe under the write lock).
        QSqlQuery next(db);
        if (!next.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM incidents")) ||
            !next.next()) {
            reply.error = describe(next);
            return reply;
        }
        id = next.value(0).toLongLong();
        Incident first = local;
        first.id = id;
        const StoreReply<int> saved = IncidentTables::saveInTransaction(db, {first}, request.at);
        if (!saved.ok()) {
            reply.error = saved.error;
            return reply;
        }
    }
    const StoreReply<std::optional<Incident>> loaded = IncidentTables::loadOne(db, id);
    if (!loaded.ok() || !loaded.value) {
        reply.error = loaded.ok() ? QStringLiteral("incident %1 vanished").arg(id) : loaded.error;
        return reply;
    }
    IncidentOutcome &outcome = reply.value;
    outcome.shared = *loaded.value;
    Incident &shared = outcome.shared;

    if (request.action != IncidentAction::Note && peopleChanges(shared) != peopleChanges(local)) {
        outcome.refusal = firstChange(shared);
        return reply; // rolled back
    }
    // Checked on the shared incident, named as this console names it.
    Incident asSeenHere = shared;
    asSeenHere.id = local.id;
    outcome.refusal = IncidentLifecycle::refusal(asSeenHere, request);
    if (!outcome.refusal.isEmpty())
        return reply;

    const Agency from = shared.accountable;
    IncidentLifecycle::apply(shared, request);
    const StoreReply<int> saved = IncidentTables::saveInTransaction(db, {shared}, request.at);
    if (!saved.ok()) {
        reply.error = saved.error;
        return reply;
    }
    const StoreReply<AuditHead> audited = AuditTable(db).append(
        incidentActionAudit(shared, request, from, QStringLiteral("incident:%1").arg(id)));
    if (!audited.ok()) {
        reply.error = audited.error;
        return reply;
    }
    reply.error = SharedChanges::notify(db, QStringLiteral("incident:%1").arg(id));
    if (!reply.error.isEmpty())
        return reply;
    reply.error = transaction.commit();
    outcome.recorded = reply.error.isEmpty();
    return reply;
}

} // namespace tlr
