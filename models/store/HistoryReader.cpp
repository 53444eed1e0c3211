#include "HistoryReader.h"

#include "AlertJson.h"
#include "MeasurementsJson.h"
#include "StoreLog.h"

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

template <typename T> bool run(QSqlQuery &query, StoreReply<T> &reply)
{
    if (query.exec())
        return true;
    const QSqlError error = query.lastError();
    reply.error = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return false;
}

QGeoCoordinate coordinate(const QVariant &lat, const QVariant &lon)
{
    return lat.isNull() || lon.isNull() ? QGeoCoordinate()
                                        : QGeoCoordinate(lat.toDouble(), lon.toDouble());
}

// The columns every observation query selects, in this order.
const char kObservationColumns[] =
    "o.observed_at, e.entity_id, e.entity_type, e.kind, e.source, e.name, o.lat, o.lon, "
    "o.kecamatan, o.status, o.measurements FROM observations o JOIN entities e ON e.id = o.entity";

Observation observationFrom(const QSqlQuery &query)
{
    Observation o;
    o.observedAt = fromMs(query.value(0).toLongLong());
    o.entityId = query.value(1).toString();
    o.entityType = query.value(2).toString();
    o.kind = feedKindFromKey(query.value(3).toString()).value_or(FeedKind::Unknown);
    o.source = query.value(4).toString();
    o.name = query.value(5).toString();
    o.location = coordinate(query.value(6), query.value(7));
    o.kecamatan = query.value(8).toString();
    o.status = query.value(9).toString();
    o.measurements = MeasurementsJson::decode(query.value(10).toByteArray());
    return o;
}

struct Timed
{
    qint64 ms;
    int order; // observations, alerts, reports
    DomainEvent event;
};

} // namespace

QDateTime eventTime(const DomainEvent &event)
{
    if (const auto *o = std::get_if<Observation>(&event))
        return o->observedAt;
    if (const auto *a = std::get_if<Alert>(&event))
        return a->sent;
    return std::get<Report>(event).receivedAt;
}

StoreReply<QList<DomainEvent>> HistoryReader::events(const QDateTime &from,
                                                     const QDateTime &to) const
{
    StoreReply<QList<DomainEvent>> reply;
    std::vector<Timed> timed;
    const qint64 fromMsecs = from.toMSecsSinceEpoch();
    const qint64 toMsecs = to.toMSecsSinceEpoch();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);

    query.prepare(QStringLiteral("SELECT %1 WHERE o.observed_at > ? AND o.observed_at <= ? "
                                 "ORDER BY o.observed_at, o.id")
                      .arg(QLatin1String(kObservationColumns)));
    query.addBindValue(fromMsecs);
    query.addBindValue(toMsecs);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        Observation o = observationFrom(query);
        timed.push_back({o.observedAt.toMSecsSinceEpoch(), 0, std::move(o)});
    }

    query.prepare(QStringLiteral("SELECT id, document FROM alerts WHERE sent > ? AND sent <= ? "
                                 "ORDER BY sent, id"));
    query.addBindValue(fromMsecs);
    query.addBindValue(toMsecs);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        auto alert = AlertJson::fromJson(query.value(1).toString().toUtf8());
        if (!alert) {
            // Counted by the log, not fatal: one unreadable document must not stop a replay.
            qCWarning(lcStore) << "replay: stored alert" << query.value(0).toLongLong()
                               << "cannot be read back; left out";
            continue;
        }
        const qint64 ms = alert->sent.toMSecsSinceEpoch();
        timed.push_back({ms, 1, std::move(*alert)});
    }

    query.prepare(QStringLiteral(
        "SELECT id, source, received_at, channel, kind, category, emergency, kecamatan, lat, "
        "lon, agency, description FROM reports WHERE received_at > ? AND received_at <= ? "
        "ORDER BY received_at, rowid"));
    query.addBindValue(fromMsecs);
    query.addBindValue(toMsecs);
    if (!run(query, reply))
        return reply;
    while (query.next()) {
        Report r;
        r.id = query.value(0).toString();
        r.source = query.value(1).toString();
        r.receivedAt = fromMs(query.value(2).toLongLong());
        r.channel = channelFromKey(query.value(3).toString()).value_or(Report::Channel::Unknown);
        r.kind = reportKindFromKey(query.value(4).toString()).value_or(Report::Kind::Unknown);
        r.category = query.value(5).toString();
        r.emergency = query.value(6).toInt() != 0;
        r.kecamatan = query.value(7).toString();
        r.location = coordinate(query.value(8), query.value(9));
        r.agency = agencyFromKey(query.value(10).toString()).value_or(Agency::Unknown);
        r.description = query.value(11).toString();
        const qint64 ms = r.receivedAt.toMSecsSinceEpoch();
        timed.push_back({ms, 2, std::move(r)});
    }

    std::stable_sort(timed.begin(), timed.end(), [](const Timed &a, const Timed &b) {
        return a.ms != b.ms ? a.ms < b.ms : a.order < b.order;
    });
    reply.value.reserve(qsizetype(timed.size()));
    for (Timed &t : timed)
        reply.value.append(std::move(t.event));
    return reply;
}

StoreReply<QList<Observation>> HistoryReader::latestObservations(const QDateTime &at) const
{
    StoreReply<QList<Observation>> reply;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 JOIN (SELECT entity, max(observed_at) AS latest "
                                 "FROM observations WHERE observed_at <= ? GROUP BY entity) l "
                                 "ON l.entity = o.entity AND l.latest = o.observed_at "
                                 "ORDER BY o.observed_at, o.id")
                      .arg(QLatin1String(kObservationColumns)));
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!run(query, reply))
        return reply;
    while (query.next())
        reply.value.append(observationFrom(query));
    return reply;
}

StoreReply<TimeSpan> HistoryReader::span() const
{
    StoreReply<TimeSpan> reply;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT min(f), max(l) FROM ("
        "SELECT min(observed_at) AS f, max(observed_at) AS l FROM observations "
        "UNION ALL SELECT min(sent), max(sent) FROM alerts "
        "UNION ALL SELECT min(received_at), max(received_at) FROM reports)"));
    if (!run(query, reply))
        return reply;
    if (query.next() && !query.value(0).isNull()) {
        reply.value.first = fromMs(query.value(0).toLongLong());
        reply.value.last = fromMs(query.value(1).toLongLong());
    }
    return reply;
}

} // namespace tlr
