#pragma once

#include "store/EventStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

#include <catch2/catch.hpp>

#include <memory>

namespace tlr::test {

// A connection of the test's own, to check what the store wrote with SQL the store did not
// write. Opened on the test's thread; WAL lets it read beside the store.
class SqlProbe
{
public:
    explicit SqlProbe(const QString &path, bool readOnly = true)
        : m_name(QStringLiteral("probe.") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
    }
    ~SqlProbe()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    SqlProbe(const SqlProbe &) = delete;
    SqlProbe &operator=(const SqlProbe &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    QVariant value(const QString &sql, const QVariantList &bindings = {}) const
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (const auto &binding : bindings)
            query.addBindValue(binding);
        if (!query.exec()) {
            FAIL_CHECK(sql.toStdString() << ": " << query.lastError().text().toStdString());
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }
    qint64 count(const QString &table) const
    {
        return value(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        const bool ok = query.exec(sql);
        if (!ok)
            UNSCOPED_INFO(sql.toStdString() << ": " << query.lastError().text().toStdString());
        return ok;
    }

private:
    QString m_name;
};

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

inline QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

inline EventStore::Options optionsFor(const QString &path)
{
    EventStore::Options options;
    options.path = path;
    options.retentionIntervalMinutes = 0; // tests run retention when they mean to
    options.busyTimeoutMilliseconds = 200;
    return options;
}

inline Observation makeObservation(const QString &entityId, const QDateTime &at,
                                   QList<Measurement> measurements)
{
    Observation o;
    o.source = QStringLiteral("dlh-air");
    o.entityId = entityId;
    o.entityType = QStringLiteral("AirQualityObserved");
    o.kind = FeedKind::Environment;
    o.name = QStringLiteral("Stasiun Cikokol");
    o.kecamatan = QStringLiteral("Tangerang");
    o.observedAt = at;
    o.location = QGeoCoordinate(-6.1781, 106.6319);
    o.measurements = std::move(measurements);
    return o;
}

inline Report makeReport(const QString &id, const QDateTime &at)
{
    Report r;
    r.source = QStringLiteral("laksa");
    r.id = id;
    r.receivedAt = at;
    r.channel = Report::Channel::WhatsApp;
    r.kind = Report::Kind::Complaint;
    r.category = QStringLiteral("banjir");
    r.kecamatan = QStringLiteral("Ciledug");
    r.location = QGeoCoordinate(-6.2316, 106.7110);
    r.description = QStringLiteral("Air setinggi lutut di Jl. HOS Cokroaminoto");
    r.agency = Agency::Dlh;
    return r;
}

inline Alert makeAlert(const QString &identifier, const QDateTime &sent)
{
    Alert a;
    a.source = QStringLiteral("bpbd-cap");
    a.identifier = identifier;
    a.sender = QStringLiteral("bpbd@tangerangkota.go.id");
    a.sent = sent;
    a.status = Alert::Status::Actual;
    a.msgType = Alert::MsgType::Alert;
    a.scope = Alert::Scope::Public;
    AlertInfo info;
    info.categories = {AlertInfo::Category::Met};
    info.event = QStringLiteral("Banjir");
    info.urgency = AlertInfo::Urgency::Immediate;
    info.severity = Severity::Severe;
    info.certainty = AlertInfo::Certainty::Observed;
    a.infos.append(info);
    return a;
}

inline StoredMessage makeMessage(const QString &feed, qint64 seq, QList<DomainEvent> events,
                                 const QDateTime &receivedAt = QDateTime::currentDateTimeUtc())
{
    StoredMessage m;
    m.feed = feed;
    m.seq = seq;
    m.receivedAt = receivedAt;
    m.format = PayloadFormat::NgsiLd;
    m.bytes = QStringLiteral(R"({"feed":"%1","seq":%2})").arg(feed).arg(seq).toUtf8();
    m.events = std::move(events);
    return m;
}

// Waits for a store future; the store's thread answers it without help from this one.
template <typename T> T result(QFuture<StoreReply<T>> future)
{
    future.waitForFinished();
    REQUIRE(future.resultCount() == 1);
    const StoreReply<T> reply = future.result();
    INFO(reply.error.toStdString());
    REQUIRE(reply.ok());
    return reply.value;
}

} // namespace tlr::test
