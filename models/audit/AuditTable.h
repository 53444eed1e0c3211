#pragma once

#include "audit/AuditEntry.h"
#include "audit/AuditRecorder.h"
#include "store/StoreRecords.h"

#include <QList>
#include <QSqlDatabase>

namespace tlr {

// The chain's last entry: what the next one links to. seq 0 and the genesis hash when empty.
struct AuditHead
{
    qint64 seq = 0;
    QByteArray hash = AuditEntry::genesisHash();
};

// The audit_log table, with SQL on a connection the caller owns (the store's, on its thread).
class AuditTable
{
public:
    explicit AuditTable(const QSqlDatabase &db);

    StoreReply<AuditHead> head() const;

    // Chains the actions after the stored head and inserts them. Call inside a WriteTransaction:
    // the head read here is then the head the rows are committed after.
    StoreReply<AuditHead> append(const QList<AuditAction> &actions);

private:
    QSqlDatabase m_db;
};

} // namespace tlr
