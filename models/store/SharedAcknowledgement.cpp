#include "SharedAcknowledgement.h"

#include "AlertTables.h"
#include "SqlValues.h"
#include "WriteTransaction.h"
#include "audit/AuditTable.h"

namespace tlr {
namespace {

using namespace sqlvalues;

struct OpenRow
{
    quint64 id = 0;
    bool acknowledged = false;
    QString by;
    QDateTime at;
    QString note;
};

// The open (not closed) alert with this key: at most one, by the partial unique index.
StoreReply<std::optional<OpenRow>> findOpen(QSqlDatabase &db, const AlertRecord &alert)
{
    StoreReply<std::optional<OpenRow>> reply;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT id, acknowledged, acknowledged_by, acknowledged_at, acknowledge_note "
        "FROM alert_states WHERE source = ? AND resource = ? AND event = ? AND state <> "
        "'closed'"));
    for (const QString &part : {alert.source, alert.resource, alert.event})
        query.addBindValue(part);
    if (!exec(query, reply.error))
        return reply;
    if (query.next()) {
        reply.value =
            OpenRow{query.value(0).toULongLong(), query.value(1).toInt() != 0,
                    query.value(2).toString(), fromMs(query.value(3)), query.value(4).toString()};
    }
    return reply;
}

} // namespace

StoreReply<int> SharedAcknowledgement::closeEpisode(QSqlDatabase db, const AlertRecord &alert)
{
    StoreReply<int> reply;
    QSqlQuery close(db);
    close.prepare(QStringLiteral(
        "UPDATE alert_states SET state = 'closed', closed_at = ?, updated_at = ? "
        "WHERE source = ? AND resource = ? AND event = ? AND state <> 'closed' "
        "AND acknowledged = 1 AND acknowledged_at = ?"));
    for (const QVariant &value : {ms(alert.closedAt), ms(alert.closedAt), QVariant(alert.source),
                                  QVariant(alert.resource), QVariant(alert.event),
                                  ms(alert.acknowledgedAt)}) {
        close.addBindValue(value);
    }
    if (exec(close, reply.error))
        reply.value = close.numRowsAffected();
    return reply;
}

StoreReply<AcknowledgementOutcome>
SharedAcknowledgement::acknowledge(QSqlDatabase db, const AlertRecord &alert, const Actor &actor,
                                   const QString &note, const QDateTime &at)
{
    StoreReply<AcknowledgementOutcome> reply;
    WriteTransaction transaction(db);
    if (!transaction.error().isEmpty()) {
        reply.error = transaction.error();
        return reply;
    }
    auto open = findOpen(db, alert);
    if (!open.ok()) {
        reply.error = open.error;
        return reply;
    }
    if (open.value && open.value->acknowledged && alert.isOfEarlierEpisode(open.value->at)) {
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
    if (!open.value) {
        // No console has stored this alert yet: it gets the next id of the shared table (the
        // write lock makes max + 1 safe), as this console sees it.
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
        open.value = OpenRow{stored.id, stored.acknowledged, stored.acknowledgedBy,
                             stored.acknowledgedAt, stored.acknowledgeNote};
    }
    AcknowledgementOutcome &outcome = reply.value;
    outcome.alertId = open.value->id;

    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE alert_states SET acknowledged = 1, acknowledged_by = ?, acknowledged_at = ?, "
        "acknowledge_note = ?, escalation_level = 0, updated_at = ?, "
        "state = CASE WHEN condition_active = 1 THEN 'acknowledged' ELSE 'closed' END, "
        "closed_at = CASE WHEN condition_active = 1 THEN closed_at ELSE ? END "
        "WHERE id = ? AND acknowledged = 0 "
        "AND state IN ('unacknowledged', 'returned-unacknowledged')"));
    for (const QVariant &value : {QVariant(actor.name), ms(at), QVariant(note), ms(at), ms(at),
                                  QVariant(qint64(outcome.alertId))}) {
        update.addBindValue(value);
    }
    if (!exec(update, reply.error))
        return reply;
    outcome.recorded = update.numRowsAffected() == 1;
    if (!outcome.recorded) {
        // Somebody was first (or the alert is shelved or closed): tell who, when and why.
        const auto now = findOpen(db, alert);
        const OpenRow row = now.ok() && now.value ? *now.value : *open.value;
        outcome.acknowledgedBy = row.by;
        outcome.acknowledgedAt = row.at;
        outcome.note = row.note;
        return reply; // rolled back: nothing was written
    }
    outcome.acknowledgedBy = actor.name;
    outcome.acknowledgedAt = at;
    outcome.note = note;
    const StoreReply<AuditHead> audited =
        AuditTable(db).append({{at, actor, QStringLiteral("alert.acknowledged"),
                                QStringLiteral("alert:%1").arg(outcome.alertId), note}});
    if (!audited.ok()) {
        reply.error = audited.error;
        return reply;
    }
    if (db.driverName() == QLatin1String("QPSQL")) {
        QSqlQuery notify(db);
        notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        notify.addBindValue(QString::fromLatin1(kChangesChannel));
        notify.addBindValue(QStringLiteral("alert:%1").arg(outcome.alertId));
        if (!exec(notify, reply.error))
            return reply;
    }
    reply.error = transaction.commit();
    if (!reply.error.isEmpty())
        outcome.recorded = false;
    return reply;
}

} // namespace tlr
