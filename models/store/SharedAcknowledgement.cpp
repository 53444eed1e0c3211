#include "SharedAcknowledgement.h"

#include "SharedAlertRow.h"
#include "SqlValues.h"
#include "WriteTransaction.h"

namespace tlr {

using namespace sqlvalues;

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
    const StoreReply<SharedAlertRow> row = SharedAlertRow::takeUp(db, alert, at);
    if (!row.ok()) {
        reply.error = row.error;
        return reply;
    }
    AcknowledgementOutcome &outcome = reply.value;
    outcome.alertId = row.value.id;

    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE alert_states SET acknowledged = 1, acknowledged_by = ?, acknowledged_at = ?, "
        "acknowledge_note = ?, escalation_level = 0, updated_at = ?, "
        "state = CASE WHEN condition_active = 1 THEN 'acknowledged' ELSE 'closed' END, "
        "closed_at = CASE WHEN condition_active = 1 THEN closed_at ELSE ? END "
        "WHERE id = ? AND acknowledged = 0 "
        "AND (state IN ('unacknowledged', 'returned-unacknowledged') "
        "OR (state = 'shelved' AND shelved_until <= ?))"));
    // A shelf that expired leaves the row 'shelved' (each console expires it by the same
    // shelved_until on its own clock): it no longer holds the alert back.
    for (const QVariant &value : {QVariant(actor.name), ms(at), QVariant(note), ms(at), ms(at),
                                  QVariant(qint64(outcome.alertId)), ms(at)}) {
        update.addBindValue(value);
    }
    if (!exec(update, reply.error))
        return reply;
    outcome.recorded = update.numRowsAffected() == 1;
    if (!outcome.recorded) {
        // Somebody was first (or the alert is shelved or closed): tell who, when and why.
        const auto now = SharedAlertRow::find(db, alert);
        const SharedAlertRow &first = now.ok() && now.value ? *now.value : row.value;
        outcome.acknowledgedBy = first.acknowledgedBy;
        outcome.acknowledgedAt = first.acknowledgedAt;
        outcome.note = first.acknowledgeNote;
        return reply; // rolled back: nothing was written
    }
    outcome.acknowledgedBy = actor.name;
    outcome.acknowledgedAt = at;
    outcome.note = note;
    reply.error = SharedAlertRow::recordDecision(
        db, transaction,
        {at, actor, QStringLiteral("alert.acknowledged"),
         QStringLiteral("alert:%1").arg(outcome.alertId), note},
        outcome.alertId);
    if (!reply.error.isEmpty())
        outcome.recorded = false;
    return reply;
}

} // namespace tlr
