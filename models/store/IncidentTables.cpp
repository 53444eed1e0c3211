#include "IncidentTables.h"

#include "SqlValues.h"

#include "access/RoleKey.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tlr {
namespace {

using namespace sqlvalues;

bool saveOne(QSqlDatabase &db, const Incident &incident, const QDateTime &now, QString &error)
{
    QSqlQuery query(db);
    for (const char *table :
         {"incident_signals", "incident_handoffs", "incident_transitions", "incident_notes"}) {
        query.prepare(
            QStringLiteral("DELETE FROM %1 WHERE incident_id = ?").arg(QLatin1String(table)));
        query.addBindValue(incident.id);
        if (!exec(query, error))
            return false;
    }
    query.prepare(QStringLiteral(
        "INSERT INTO incidents (id, state, lat, lon, kecamatan, hazard, category, "
        "first_signal_at, last_signal_at, suggested_agency, accountable_agency, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "state = excluded.state, lat = excluded.lat, lon = excluded.lon, "
        "kecamatan = excluded.kecamatan, hazard = excluded.hazard, "
        "category = excluded.category, first_signal_at = excluded.first_signal_at, "
        "last_signal_at = excluded.last_signal_at, "
        "suggested_agency = excluded.suggested_agency, "
        "accountable_agency = excluded.accountable_agency, updated_at = excluded.updated_at"));
    query.addBindValue(incident.id);
    query.addBindValue(incidentStateKey(incident.state));
    query.addBindValue(coordinate(incident.anchor, true));
    query.addBindValue(coordinate(incident.anchor, false));
    query.addBindValue(incident.kecamatan);
    query.addBindValue(incident.hazard);
    query.addBindValue(incident.category);
    query.addBindValue(ms(incident.firstSignalAt));
    query.addBindValue(ms(incident.lastSignalAt));
    query.addBindValue(agency(incident.suggestedAgency));
    query.addBindValue(agency(incident.accountable));
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!exec(query, error))
        return false;

    query.prepare(QStringLiteral(
        "INSERT INTO incident_signals (incident_id, position, kind, signal_id, at, lat, lon, "
        "kecamatan, agency, severity, category, emergency) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < incident.members.size(); ++i) {
        const IncidentSignal &s = incident.members.at(i);
        query.addBindValue(incident.id);
        query.addBindValue(i);
        query.addBindValue(signalKindKey(s.kind));
        query.addBindValue(s.id);
        query.addBindValue(ms(s.time));
        query.addBindValue(coordinate(s.location, true));
        query.addBindValue(coordinate(s.location, false));
        query.addBindValue(s.kecamatan);
        query.addBindValue(agency(s.agency));
        query.addBindValue(severityKey(s.severity));
        query.addBindValue(s.category);
        query.addBindValue(s.emergency ? 1 : 0);
        if (!exec(query, error))
            return false;
    }

    query.prepare(QStringLiteral(
        "INSERT INTO incident_handoffs (incident_id, position, from_agency, to_agency, by_name, "
        "by_role, at, note, bounced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < incident.handOffs.size(); ++i) {
        const HandOff &h = incident.handOffs.at(i);
        query.addBindValue(incident.id);
        query.addBindValue(i);
        query.addBindValue(agency(h.from));
        query.addBindValue(agencyKey(h.to));
        query.addBindValue(h.by.name);
        query.addBindValue(roleKey(h.by.role));
        query.addBindValue(ms(h.at));
        query.addBindValue(h.note);
        query.addBindValue(h.bounced ? 1 : 0);
        if (!exec(query, error))
            return false;
    }

    query.prepare(QStringLiteral(
        "INSERT INTO incident_transitions (incident_id, position, from_state, to_state, "
        "by_name, by_role, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < incident.transitions.size(); ++i) {
        const IncidentTransition &t = incident.transitions.at(i);
        query.addBindValue(incident.id);
        query.addBindValue(i);
        query.addBindValue(t.from == IncidentState::Unknown
                               ? QVariant(QMetaType(QMetaType::QString))
                               : QVariant(incidentStateKey(t.from)));
        query.addBindValue(incidentStateKey(t.to));
        query.addBindValue(t.by.name);
        query.addBindValue(roleKey(t.by.role));
        query.addBindValue(ms(t.at));
        query.addBindValue(t.note);
        if (!exec(query, error))
            return false;
    }

    query.prepare(QStringLiteral("INSERT INTO incident_notes (incident_id, position, by_name, "
                                 "by_role, at, note) VALUES (?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < incident.notes.size(); ++i) {
        const IncidentNote &n = incident.notes.at(i);
        query.addBindValue(incident.id);
        query.addBindValue(i);
        query.addBindValue(n.by.name);
        query.addBindValue(roleKey(n.by.role));
        query.addBindValue(ms(n.at));
        query.addBindValue(n.text);
        if (!exec(query, error))
            return false;
    }
    return true;
}

Actor actorFrom(const QVariant &name, const QVariant &role)
{
    return {name.toString(), roleFromKey(role.toString()).value_or(Role::Operator)};
}

} // namespace

StoreReply<int> IncidentTables::save(QSqlDatabase db, const QList<Incident> &incidents,
                                     const QDateTime &now)
{
    StoreReply<int> reply;
    if (incidents.isEmpty())
        return reply;
    if (!db.transaction()) {
        reply.error = QStringLiteral("incidents: cannot begin: %1").arg(db.lastError().text());
        return reply;
    }
    reply = saveInTransaction(db, incidents, now);
    if (!reply.ok()) {
        db.rollback();
        return reply;
    }
    if (!db.commit()) {
        reply.error = QStringLiteral("incidents: commit failed: %1").arg(db.lastError().text());
        db.rollback();
        return reply;
    }
    reply.value = int(incidents.size());
    return reply;
}

StoreReply<int> IncidentTables::saveInTransaction(QSqlDatabase db,
                                                  const QList<Incident> &incidents,
                                                  const QDateTime &now)
{
    StoreReply<int> reply;
    for (const Incident &incident : incidents) {
        QString error;
        if (!saveOne(db, incident, now, error)) {
            reply.error =
                QStringLiteral("incidents: saving %1 failed: %2").arg(incident.displayId(), error);
            return reply;
        }
    }
    reply.value = int(incidents.size());
    return reply;
}

StoreReply<std::optional<Incident>> IncidentTables::loadOne(QSqlDatabase db, qint64 id)
{
    StoreReply<std::optional<Incident>> reply;
    const StoreReply<QList<Incident>> loaded = loadWhere(db, QStringLiteral("id = ?"), {id});
    reply.error = loaded.error;
    if (loaded.ok() && !loaded.value.isEmpty())
        reply.value = loaded.value.constFirst();
    return reply;
}

StoreReply<QList<Incident>> IncidentTables::load(QSqlDatabase db, const QDateTime &changedSince)
{
    return loadWhere(db, QStringLiteral("state NOT IN ('resolved', 'closed') OR updated_at >= ?"),
                     {changedSince.toMSecsSinceEpoch()});
}

StoreReply<QList<Incident>> IncidentTables::loadNoted(QSqlDatabase db)
{
    if (!db.tables().contains(QStringLiteral("incident_notes")))
        return {};
    return loadWhere(db, QStringLiteral("id IN (SELECT incident_id FROM incident_notes)"), {});
}

StoreReply<QList<Incident>> IncidentTables::loadWhere(QSqlDatabase db, const QString &where,
                                                      const QVariantList &values)
{
    StoreReply<QList<Incident>> reply;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, state, lat, lon, kecamatan, hazard, category, first_signal_at, "
        "last_signal_at, suggested_agency, accountable_agency FROM incidents "
        "WHERE %1 ORDER BY id").arg(where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!exec(query, reply.error))
        return reply;
    QHash<qint64, qsizetype> indexOf;
    while (query.next()) {
        Incident incident;
        incident.id = query.value(0).toLongLong();
        const auto state = incidentStateFromKey(query.value(1).toString());
        if (!state) {
            reply.error = QStringLiteral("incident %1 has an unknown state \"%2\"")
                              .arg(incident.id)
                              .arg(query.value(1).toString());
            return reply;
        }
        incident.state = *state;
        incident.anchor = coordinateFrom(query.value(2), query.value(3));
        incident.kecamatan = query.value(4).toString();
        incident.hazard = query.value(5).toString();
        incident.category = query.value(6).toString();
        incident.firstSignalAt = fromMs(query.value(7));
        incident.lastSignalAt = fromMs(query.value(8));
        incident.suggestedAgency = agencyFrom(query.value(9));
        incident.accountable = agencyFrom(query.value(10));
        indexOf.insert(incident.id, reply.value.size());
        reply.value.append(std::move(incident));
    }
    if (reply.value.isEmpty())
        return reply;

    // Children of the selected incidents in one pass per table.
    const QString ofSelected =
        QStringLiteral("WHERE incident_id IN (SELECT id FROM incidents WHERE %1)").arg(where);
    const auto bindAll = [&query, &values] {
        for (const QVariant &value : values)
            query.addBindValue(value);
    };
    query.prepare(QStringLiteral(
        "SELECT incident_id, kind, signal_id, at, lat, lon, kecamatan, agency, severity, "
        "category, emergency FROM incident_signals %1 ORDER BY incident_id, position")
                      .arg(ofSelected));
    bindAll();
    if (!exec(query, reply.error))
        return reply;
    while (query.next()) {
        const qsizetype index = indexOf.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        IncidentSignal s;
        s.kind =
            signalKindFromKey(query.value(1).toString()).value_or(IncidentSignal::Kind::Unknown);
        s.id = query.value(2).toString();
        s.time = fromMs(query.value(3));
        s.location = coordinateFrom(query.value(4), query.value(5));
        s.kecamatan = query.value(6).toString();
        s.agency = agencyFrom(query.value(7));
        s.severity = severityFromKey(query.value(8).toString()).value_or(Severity::Unknown);
        s.category = query.value(9).toString();
        s.emergency = query.value(10).toInt() != 0;
        reply.value[index].members.append(std::move(s));
    }

    query.prepare(QStringLiteral(
        "SELECT incident_id, from_agency, to_agency, by_name, by_role, at, note, bounced "
        "FROM incident_handoffs %1 ORDER BY incident_id, position")
                      .arg(ofSelected));
    bindAll();
    if (!exec(query, reply.error))
        return reply;
    while (query.next()) {
        const qsizetype index = indexOf.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        reply.value[index].handOffs.append({agencyFrom(query.value(1)), agencyFrom(query.value(2)),
                                            actorFrom(query.value(3), query.value(4)),
                                            fromMs(query.value(5)), query.value(6).toString(),
                                            query.value(7).toInt() != 0});
    }

    query.prepare(
        QStringLiteral("SELECT incident_id, from_state, to_state, by_name, by_role, at, note "
                       "FROM incident_transitions %1 ORDER BY incident_id, position")
            .arg(ofSelected));
    bindAll();
    if (!exec(query, reply.error))
        return reply;
    while (query.next()) {
        const qsizetype index = indexOf.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        reply.value[index].transitions.append(
            {incidentStateFromKey(query.value(1).toString()).value_or(IncidentState::Unknown),
             incidentStateFromKey(query.value(2).toString()).value_or(IncidentState::Unknown),
             actorFrom(query.value(3), query.value(4)), fromMs(query.value(5)),
             query.value(6).toString()});
    }

    // A file from before schema version 7, read without migrating it (a handover report made
    // from an old copy), has no notes to read.
    if (!db.tables().contains(QStringLiteral("incident_notes")))
        return reply;
    query.prepare(QStringLiteral("SELECT incident_id, by_name, by_role, at, note "
                                 "FROM incident_notes %1 ORDER BY incident_id, position")
                      .arg(ofSelected));
    bindAll();
    if (!exec(query, reply.error))
        return reply;
    while (query.next()) {
        const qsizetype index = indexOf.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        reply.value[index].notes.append({actorFrom(query.value(1), query.value(2)),
                                         fromMs(query.value(3)), query.value(4).toString()});
    }
    return reply;
}

} // namespace tlr
