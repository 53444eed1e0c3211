#pragma once

#include "HandoverSources.h"

#include "store/StoreRecords.h"

#include <QSqlDatabase>

namespace tlr {

// Reads what the handover report for [from, to] needs from the wall's database: the audit log
// from the last wall start at or before `from`, the incidents open or finished since `from`, and
// the LAKSA complaints whose 7 × 24 h ran out by `to` (no reporter columns are read).
class HandoverStoreReader
{
public:
    // On a connection the caller owns: the store's, on its thread (EventStore::post).
    static StoreReply<HandoverSources> read(QSqlDatabase db, const QDateTime &from,
                                            const QDateTime &to);
    // Opens the file read-only, as the audit verifier does (nothing migrated, nothing written
    // beside a database without a -wal file), reads it, closes it.
    static StoreReply<HandoverSources> readFile(const QString &path, const QDateTime &from,
                                                const QDateTime &to);
};

} // namespace tlr
