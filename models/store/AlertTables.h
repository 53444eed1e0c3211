#pragma once

#include "StoreRecords.h"
#include "alerts/AlertRecord.h"

#include <QSqlDatabase>

#include <optional>

namespace tlr {

// What a restarted wall takes up: the alerts to show, and the first id never used (closed alerts
// no longer shown keep theirs, so that "alert:<id>" in the audit log names one alert forever).
struct StoredAlerts
{
    QList<AlertRecord> alerts;
    quint64 nextId = 1;
};

// The alert engine's alerts in the store's `alert_states` table (schema version 6), on the
// store's thread: lifecycle state, acknowledgement, shelf and counts, so that a restarted wall
// takes up every alert where it stood. The SQL is common to SQLite and PostgreSQL.
class AlertTables
{
public:
    // Inserts or rewrites the alerts' rows in one transaction, in id order (so that an alert
    // closing frees its key before a later one with the same key is written). Returns how many.
    static StoreReply<int> save(QSqlDatabase db, const QList<AlertRecord> &alerts);
    // The same inside a transaction the caller holds.
    static StoreReply<int> saveInTransaction(QSqlDatabase db, const QList<AlertRecord> &alerts);
    // Alerts not closed, and those closed at or after `closedSince`, by id.
    static StoreReply<StoredAlerts> load(QSqlDatabase db, const QDateTime &closedSince);
    // One alert by id, whatever its state; nullopt when there is none.
    static StoreReply<std::optional<AlertRecord>> loadOne(QSqlDatabase db, quint64 id);
};

} // namespace tlr
