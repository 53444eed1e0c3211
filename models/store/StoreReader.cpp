#include "StoreReader.h"

#include "AlertJson.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tlr {
namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString describe(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

template <typename T> bool run(QSqlQuery &query, StoreReply<T> &reply)
{
    if (query.exec())
        return true;
    reply.error = describe(query);
    return false;
}

} // namespace

StoreReply<QList<RollupPoint>> StoreReader::rollups(const QString &entityId,
                                                    const QString &quantity, Resolution resolution,
                                                    const QDateTime &from,
                                                    const QDateTime &to) const
{
    StoreReply<QList<RollupPoint>> reply;
    if (resolution == Resolution::Unknown) {
        reply.error = QStringLiteral("rollups: no resolution given");
        return reply;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT bucket_start, sample_count, min_value, max_value, "
                                 "sum_value FROM %1 WHERE entity_id = ? AND quantity = ? "
                                 "AND bucket_start >= ? AND bucket_start < ? "
                                 "ORDER BY bucket_start")
                      .arg(resolution == Resolution::Minute ? QLatin1String("rollups_minute")
                                                            : QLatin1String("rollups_hour")));
    query.addBindValue(entityId);
    query.addBindValue(quantity);
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        reply.value.append({fromMs(query.value(0).toLongLong()), query.value(1).toLongLong(),
                            query.value(2).toDouble(), query.value(3).toDouble(),
                            query.value(4).toDouble()});
    }
    return reply;
}

StoreReply<QList<QuarantineEntry>> StoreReader::quarantineEntries(int limit) const
{
    StoreReply<QList<QuarantineEntry>> reply;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT feed, seq, received_at, reason, bytes FROM quarantine "
                                 "ORDER BY received_at DESC, id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        reply.value.append({query.value(0).toString(),
                            query.value(1).isNull() ? -1 : query.value(1).toLongLong(),
                            fromMs(query.value(2).toLongLong()), query.value(3).toString(),
                            query.value(4).toByteArray()});
    }
    return reply;
}

StoreReply<QList<StoredMessage>> StoreReader::messages(const QString &feed, qint64 fromSeq,
                                                       qint64 toSeq) const
{
    StoreReply<QList<StoredMessage>> reply;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, received_at, format, bytes FROM messages "
                                 "WHERE feed = ? AND seq BETWEEN ? AND ? ORDER BY seq"));
    query.addBindValue(feed);
    query.addBindValue(fromSeq);
    query.addBindValue(toSeq);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        StoredMessage message;
        message.feed = feed;
        message.seq = query.value(0).toLongLong();
        message.receivedAt = fromMs(query.value(1).toLongLong());
        message.format =
            payloadFormatFromKey(query.value(2).toString()).value_or(PayloadFormat::Unknown);
        message.bytes = query.value(3).toByteArray();
        reply.value.append(std::move(message));
    }
    return reply;
}

StoreReply<qint64> StoreReader::lastSeq(const QString &feed) const
{
    StoreReply<qint64> reply;
    reply.value = -1;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // A quarantined message was received too: resuming after it must not ask for it again.
    query.prepare(QStringLiteral("SELECT max(s) FROM (SELECT max(seq) AS s FROM messages "
                                 "WHERE feed = ? UNION ALL SELECT max(seq) FROM quarantine "
                                 "WHERE feed = ?)"));
    query.addBindValue(feed);
    query.addBindValue(feed);
    if (!run(query, reply))
        return reply;
    if (query.next() && !query.value(0).isNull())
        reply.value = query.value(0).toLongLong();
    return reply;
}

StoreReply<QList<Alert>> StoreReader::alerts(const QDateTime &from, const QDateTime &to) const
{
    StoreReply<QList<Alert>> reply;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT document FROM alerts WHERE sent >= ? AND sent < ? "
                                 "ORDER BY sent, id"));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        if (auto alert = AlertJson::fromJson(query.value(0).toString().toUtf8()))
            reply.value.append(std::move(*alert));
    }
    return reply;
}

} // namespace tlr
