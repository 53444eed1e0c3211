#pragma once

#include "StoreRecords.h"
#include "alerts/AlertRecord.h"
#include "audit/AuditRecorder.h"

#include <QSqlDatabase>

#include <optional>

namespace tlr {

class WriteTransaction;

// The row of alert_states that stands for one open alert on a database several consoles share:
// at most one per de-duplication key (the partial unique index alert_states_open_key). Every
// decision on an alert (acknowledgement, shelf) is a conditional UPDATE of this row inside a
// WriteTransaction, so that of two consoles acting at once exactly one changes it.
struct SharedAlertRow
{
    quint64 id = 0;
    AlertState state = AlertState::Unknown;
    bool acknowledged = false;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString acknowledgeNote;
    QString shelvedBy;
    QString shelveReason;
    QDateTime shelvedUntil;
    QDateTime updatedAt; // the latest decision's time

    // The open row with the alert's key, if any.
    static StoreReply<std::optional<SharedAlertRow>> find(QSqlDatabase &db,
                                                          const AlertRecord &alert);
    // The open row with the alert's key, inserted (numbered max + 1, safe under the write lock)
    // when no console stored it yet. A row holding an acknowledgement of an earlier episode of
    // this alert (AlertRecord::isOfEarlierEpisode) is closed at `at` and a new one started.
    // Call inside a WriteTransaction.
    static StoreReply<SharedAlertRow> takeUp(QSqlDatabase &db, const AlertRecord &alert,
                                             const QDateTime &at);
    // Queues NOTIFY 'alert:<id>' (SharedChanges).
    static QString notifyChanged(QSqlDatabase &db, quint64 id);
    // Ends a decision that changed row `id`: its audit entry, the NOTIFY, the commit. The
    // error, empty when all three held; on an error nothing of the decision is kept.
    static QString recordDecision(QSqlDatabase &db, WriteTransaction &transaction,
                                  const AuditAction &action, quint64 id);
};

} // namespace tlr
