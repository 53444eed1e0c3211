#pragma once

#include "SharedStoreSupport.h"

#include "alerts/AlertCondition.h"
#include "alerts/AlertEngine.h"
#include "alerts/SharedAlertDecisions.h"
#include "domain/WallClock.h"
#include "store/DatabaseUrl.h"
#include "store/EventStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

// What the room tests share: a time to start from, a console's store options, a connection
// of the test's own, a river alert, and one console's engine on the shared database.
namespace tlr::test {

inline const QDateTime kStart(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);

inline EventStore::Options sharedOptions(const QString &url)
{
    EventStore::Options options;
    options.path = url;
    options.retentionIntervalMinutes = 0;
    return options;
}

// A connection of the test's own, to look at what the consoles wrote.
class Probe
{
public:
    explicit Probe(const QString &url)
        : m_name(QStringLiteral("probe.") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        const auto where = std::get<DatabaseUrl>(DatabaseUrl::parse(url));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(where.host);
        db.setPort(where.port);
        db.setUserName(where.user);
        db.setDatabaseName(where.databaseName);
        REQUIRE(db.open());
    }
    ~Probe()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            INFO(sql.toStdString() << ": " << query.lastError().text().toStdString());
            return {};
        }
        return query.value(0);
    }
    QString failureOf(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().databaseText();
    }
    bool hasTable(const char *table) const
    {
        return !value(QStringLiteral("SELECT to_regclass('public.%1')::text")
                          .arg(QLatin1String(table)))
                    .isNull();
    }

private:
    QString m_name;
};

inline AlertCondition riverLevel(const char *resource, Severity severity)
{
    AlertCondition c;
    c.source = QStringLiteral("dlh-environment");
    c.resource = QString::fromLatin1(resource);
    c.event = QStringLiteral("river-level");
    c.severity = severity;
    c.title = QStringLiteral("Pintu Air 10");
    c.kecamatan = QStringLiteral("Neglasari");
    c.agency = Agency::Dlh;
    return c;
}

// One console of the room: its own connection to the shared database, clock and engine.
struct RoomConsole
{
    RoomConsole(const QString &url, const QDateTime &at)
    {
        REQUIRE(store.open(sharedOptions(url)) == QString());
        clock.setFixedTime(at);
        engine = std::make_unique<AlertEngine>(&clock, AlertRules{}, nullptr);
        decisions = std::make_unique<SharedAlertDecisions>(engine.get(), &store);
    }
    const AlertRecord *river() const
    {
        return engine->find(QStringLiteral("dlh-environment"), QStringLiteral("pintu-air-10"),
                            QStringLiteral("river-level"));
    }
    EventStore store;
    WallClock clock;
    std::unique_ptr<AlertEngine> engine;
    std::unique_ptr<SharedAlertDecisions> decisions;
};

// Runs the event loop until done() or the time is up; what done() says at the end.
inline bool waitFor(const std::function<bool()> &done, int ms = 5000)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return done();
}

inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index =
        std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

} // namespace tlr::test
