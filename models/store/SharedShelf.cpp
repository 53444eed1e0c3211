#include "SharedShelf.h"

#include "SharedAlertRow.h"
#include "SqlValues.h"
#include "WriteTransaction.h"

namespace tlr {

using namespace sqlvalues;

namespace {

// The shelve: the row takes the shelf unless it holds one that has not expired; the state it
// had is kept to return to (an expired shelf's own is kept).
const char *const kShelve =
    "UPDATE alert_states SET state_before_shelving = CASE WHEN state = 'shelved' "
    "THEN state_before_shelving ELSE state END, state = 'shelved', shelved_by = ?, "
    "shelve_reason = ?, shelved_until = ?, shelve_reminded = 0, escalation_level = 0, "
    "updated_at = ? WHERE id = ? AND state <> 'closed' "
    "AND (state <> 'shelved' OR shelved_until <= ?)";

// The unshelve: only a shelf still in force is taken off. Who shelved it, why and until when
// stay on the row, so that a console that hears of it can tell which shelf was lifted.
const char *const kUnshelve =
    "UPDATE alert_states SET state = CASE WHEN state_before_shelving IN ('unacknowledged', "
    "'returned-unacknowledged', 'acknowledged') THEN state_before_shelving "
    "WHEN acknowledged = 1 THEN 'acknowledged' ELSE 'unacknowledged' END, updated_at = ? "
    "WHERE id = ? AND state = 'shelved' AND shelved_until > ?";

// Who lifted the shelf of the shared alert `id` last, and when: the audit log says.
void findUnshelve(QSqlDatabase &db, quint64 id, ShelfOutcome &outcome)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT actor, at FROM audit_log WHERE subject = ? AND "
                                 "action = 'alert.unshelved' ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(QStringLiteral("alert:%1").arg(id));
    QString error;
    if (exec(query, error) && query.next()) {
        outcome.firstBy = query.value(0).toString();
        outcome.firstAt = fromMs(query.value(1));
    }
}

} // namespace

StoreReply<ShelfOutcome> SharedShelf::decide(QSqlDatabase db, const AlertRecord &alert,
                                             const ShelfRequest &request)
{
    StoreReply<ShelfOutcome> reply;
    const bool shelving = request.kind == ShelfRequest::Kind::Shelve;
    if (!shelving && request.kind != ShelfRequest::Kind::Unshelve) {
        reply.error = QStringLiteral("neither a shelve nor an unshelve");
        return reply;
    }
    WriteTransaction transaction(db);
    if (!transaction.error().isEmpty()) {
        reply.error = transaction.error();
        return reply;
    }
    const StoreReply<SharedAlertRow> row = SharedAlertRow::takeUp(db, alert, request.at);
    if (!row.ok()) {
        reply.error = row.error;
        return reply;
    }
    ShelfOutcome &outcome = reply.value;
    outcome.alertId = row.value.id;
    const QVariant id(qint64(outcome.alertId));

    QSqlQuery update(db);
    update.prepare(QString::fromLatin1(shelving ? kShelve : kUnshelve));
    const QVariantList values =
        shelving ? QVariantList{request.actor.name, request.text, ms(request.until),
                                ms(request.at), id, ms(request.at)}
                 : QVariantList{ms(request.at), id, ms(request.at)};
    for (const QVariant &value : values)
        update.addBindValue(value);
    if (!exec(update, reply.error))
        return reply;
    outcome.recorded = update.numRowsAffected() == 1;

    const auto now = SharedAlertRow::find(db, alert);
    if (!now.ok()) {
        reply.error = now.error;
        return reply;
    }
    if (now.value) {
        const SharedAlertRow &held = *now.value;
        outcome.shelved = held.state == AlertState::Shelved && held.shelvedUntil > request.at;
        outcome.shelvedBy = held.shelvedBy;
        outcome.shelveReason = held.shelveReason;
        outcome.shelvedUntil = held.shelvedUntil;
        if (!outcome.recorded && shelving && outcome.shelved) {
            outcome.firstBy = held.shelvedBy;
            outcome.firstAt = held.updatedAt;
        }
    }
    if (!outcome.recorded) {
        if (!shelving && !outcome.shelved)
            findUnshelve(db, outcome.alertId, outcome);
        return reply; // rolled back: nothing was written
    }
    const QString note =
        shelving ? QStringLiteral("%1 (until %2)")
                       .arg(request.text, request.until.toUTC().toString(Qt::ISODate))
                 : request.text;
    reply.error = SharedAlertRow::recordDecision(
        db, transaction,
        {request.at, request.actor,
         shelving ? QStringLiteral("alert.shelved") : QStringLiteral("alert.unshelved"),
         QStringLiteral("alert:%1").arg(outcome.alertId), note},
        outcome.alertId);
    if (!reply.error.isEmpty())
        outcome.recorded = false;
    return reply;
}

} // namespace tlr
