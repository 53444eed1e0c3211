#pragma once

#include "StoreRecords.h"
#include "incidents/Incident.h"

#include <QSqlDatabase>

#include <optional>

namespace tlr {

// Incidents in the store's tables (schema step "incidents"), on the store's thread. Saving an
// incident replaces its row, members and history in one transaction, so that a crash leaves
// either the old or the new incident, never half of each.
class IncidentTables
{
public:
    // Returns how many incidents were written.
    static StoreReply<int> save(QSqlDatabase db, const QList<Incident> &incidents,
                                const QDateTime &now);
    // The same inside a transaction the caller holds (a WriteTransaction on a shared database).
    static StoreReply<int> saveInTransaction(QSqlDatabase db, const QList<Incident> &incidents,
                                             const QDateTime &now);
    static StoreReply<std::optional<Incident>> loadOne(QSqlDatabase db, qint64 id);
    // Open incidents and those resolved or closed at or after `changedSince`, by id.
    static StoreReply<QList<Incident>> load(QSqlDatabase db, const QDateTime &changedSince);
    // Every incident with at least one note, by id; none from a file without the notes' table.
    static StoreReply<QList<Incident>> loadNoted(QSqlDatabase db);

private:
    // The incidents the WHERE clause (bound to `values`) selects, with all they hold.
    static StoreReply<QList<Incident>> loadWhere(QSqlDatabase db, const QString &where,
                                                 const QVariantList &values);
};

} // namespace tlr
