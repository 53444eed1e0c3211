#include "StoreReader.h"

#include "AlertJson.h"
#include "MessageArchive.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

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
    const auto append = [&](qint64 seq, qint64 receivedAtMs, PayloadFormat format,
                            QByteArray bytes) {
        StoredMessage message;
        message.feed = feed;
        message.seq = seq;
        message.receivedAt = fromMs(receivedAtMs);
        message.format = format;
        message.bytes = std::move(bytes);
        reply.value.append(std::move(message));
    };

    // Stored before schema version 5: a row each, with its bytes.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, received_at, format, bytes FROM messages_v4 "
                                 "WHERE feed = ? AND seq BETWEEN ? AND ?"));
    query.addBindValue(feed);
    query.addBindValue(fromSeq);
    query.addBindValue(toSeq);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        append(query.value(0).toLongLong(), query.value(1).toLongLong(),
               payloadFormatFromKey(query.value(2).toString()).value_or(PayloadFormat::Unknown),
               query.value(3).toByteArray());
    }

    query.prepare(QStringLiteral("SELECT a.id, a.bytes FROM message_archive a WHERE a.id IN "
                                 "(SELECT DISTINCT archive FROM message_runs WHERE feed = ? AND "
                                 "last_seq >= ? AND first_seq <= ?) ORDER BY a.id"));
    query.addBindValue(feed);
    query.addBindValue(fromSeq);
    query.addBindValue(toSeq);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        QString error;
        const auto frames = MessageArchive::decompress(query.value(1).toByteArray(), &error);
        if (!frames) {
            reply.error = QStringLiteral("message archive %1: %2")
                              .arg(query.value(0).toLongLong())
                              .arg(error);
            return reply;
        }
        for (const MessageArchive::Frame &frame : *frames) {
            if (frame.seq >= fromSeq && frame.seq <= toSeq)
                append(frame.seq, frame.receivedAtMs, frame.format, frame.bytes);
        }
    }
    std::sort(reply.value.begin(), reply.value.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.seq < b.seq; });
    return reply;
}

StoreReply<qint64> StoreReader::lastSeq(const QString &feed) const
{
    StoreReply<qint64> reply;
    reply.value = -1;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // A quarantined message was received too: resuming after it must not ask for it again.
    query.prepare(QStringLiteral("SELECT max(s) FROM (SELECT max(last_seq) AS s FROM "
                                 "message_runs WHERE feed = ? UNION ALL SELECT max(seq) FROM messages_v4 "
                                 "WHERE feed = ? UNION ALL SELECT max(seq) FROM quarantine "
                                 "WHERE feed = ?)"));
    query.addBindValue(feed);
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
