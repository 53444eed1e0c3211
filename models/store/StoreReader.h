#pragma once

#include "StoreRecords.h"
#include "StoredMessage.h"

#include <QList>
#include <QSqlDatabase>

namespace tlr {

// The store's read queries, run on the store's thread over its connection. Not the hot path:
// statements are prepared per call.
class StoreReader
{
public:
    explicit StoreReader(const QSqlDatabase &db)
        : m_db(db)
    {
    }

    // Buckets whose start lies in [from, to), oldest first.
    StoreReply<QList<RollupPoint>> rollups(const QString &entityId, const QString &quantity,
                                           Resolution resolution, const QDateTime &from,
                                           const QDateTime &to) const;
    // Newest first.
    StoreReply<QList<QuarantineEntry>> quarantineEntries(int limit) const;
    // Raw messages of a feed with fromSeq <= seq <= toSeq, by seq; events are not rebuilt.
    StoreReply<QList<StoredMessage>> messages(const QString &feed, qint64 fromSeq,
                                              qint64 toSeq) const;
    // The highest sequence number stored or quarantined for the feed, -1 if none.
    StoreReply<qint64> lastSeq(const QString &feed) const;
    // Alerts with from <= sent < to, rebuilt from their stored documents, oldest first.
    StoreReply<QList<Alert>> alerts(const QDateTime &from, const QDateTime &to) const;

private:
    QSqlDatabase m_db;
};

} // namespace tlr
