#include "SharedAlertRow.h"

#include "AlertTables.h"
#include "SharedChanges.h"
#include "SqlValues.h"
#include "WriteTransaction.h"
#include "audit/AuditTable.h"

namespace tlr {

using namespace sqlvalues;

StoreReply<std::optional<SharedAlertRow>> SharedAlertRow::find(QSqlDatabase &db,
                                                               const AlertRecord &alert)
{
    StoreReply<std::optional<SharedAlertRow>> reply;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT id, state, acknowledged, acknowledged_by, acknowledged_at, acknowledge_note, "
        "shelved_by, shelve_reason, shelved_until, updated_at FROM alert_states "
        "WHERE source = ? AND resource = ? AND event = ? AND state <> 'closed'"));
    for (const QString &part : {alert.source, alert.resource, alert.event})
        query.addBindValue(part);
    if (!exec(query, reply.error))
        return reply;
    if (!query.next())
        return reply;
    SharedAlertRow row;
    row.id = query.value(0).toULongLong();
    row.state = alertStateFromKey(query.value(1).toString()).value_or(AlertState::Unknown);
    row.acknowledged = query.value(2).toInt() != 0;
    row.acknowledgedBy = query.value(3).toString();
    row.acknowledgedAt = fromMs(query.value(4));
    row.acknowledgeNote = query.value(5).toString();
    row.shelvedBy = query.value(6).toString();
    row.shelveReason = query.value(7).toString();
    row.shelvedUntil = fromMs(query.value(8));
    row.updatedAt = fromMs(query.value(9));
    reply.value = std::move(row);
    return reply;
}

StoreReply<SharedAlertRow> SharedAlertRow::takeUp(QSqlDatabase &db, const AlertRecord &alert,
                                                  const QDateTime &at)
{
    StoreReply<SharedAlertRow> reply;
    auto open = find(db, alert);
    if (!open.ok()) {
        reply.error = open.error;
        return reply;
    }
    if (open.value && open.value->acknowledged &&
        alert.isOfEarlierEpisode(open.value->acknowledgedAt)) {
        // That acknowledgement was of an earlier episode: its row is closed, a new one starts.
        QSqlQuery close(db);
        close.prepare(QStringLiteral("UPDATE alert_states SET state = 'closed', closed_at = ?, "
                                     "updated_at = ? WHERE id = ?"));
        for (const QVariant &value : {ms(at), ms(at), QVariant(qint64(open.value->id))})
            close.addBindValue(value);
        if (!exec(close, reply.error))
            return reply;
        open.value.reset();
    }
    if (open.value) {
        reply.value = *open.value;
        return reply;
    }
    // No console has stored this alert yet: it gets the next id of the shared table, as this
    // console sees it.
    QSqlQuery next(db);
    if (!next.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM alert_states")) ||
        !next.next()) {
        reply.error = describe(next);
        return reply;
    }
    AlertRecord stored = alert;
    stored.id = next.value(0).toULongLong();
    const StoreReply<int> saved = AlertTables::saveInTransaction(db, {stored});
    if (!saved.ok()) {
        reply.error = saved.error;
        return reply;
    }
    SharedAlertRow &row = reply.value;
    row.id = stored.id;
    row.state = stored.state;
    row.acknowledged = stored.acknowledged;
    row.acknowledgedBy = stored.acknowledgedBy;
    row.acknowledgedAt = stored.acknowledgedAt;
    row.acknowledgeNote = stored.acknowledgeNote;
    row.shelvedBy = stored.shelvedBy;
    row.shelveReason = stored.shelveReason;
    row.shelvedUntil = stored.shelvedUntil;
    row.updatedAt = stored.updatedAt;
    return reply;
}

QString SharedAlertRow::notifyChanged(QSqlDatabase &db, quint64 id)
{
    return SharedChanges::notify(db, QStringLiteral("alert:%1").arg(id));
}

QString SharedAlertRow::recordDecision(QSqlDatabase &db, WriteTransaction &transaction,
                                       const AuditAction &action, quint64 id)
{
    const StoreReply<AuditHead> audited = AuditTable(db).append({action});
    if (!audited.ok())
        return audited.error;
    if (QString error = notifyChanged(db, id); !error.isEmpty())
        return error;
    return transaction.commit();
}

} // namespace tlr
