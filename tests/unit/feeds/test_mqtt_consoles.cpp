#include "MosquittoBroker.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <iostream>
#include <memory>

// The Room issue's MQTT must-show, with the real programs: tlr-feedsim publishes the five feeds
// to Mosquitto at QoS 1; two headless tlr-wall consoles (MQTT 3.1.1 and MQTT 5, each its own
// persistent session) take them through their whole ingest into their own databases; the
// broker is restarted in the middle of the run. Nothing may be lost and nothing stored twice.

using namespace tlr::test;

namespace {

const char *const kFeeds[][3] = {
    {"dishub-traffic", "dishub", "traffic"},
    {"dinkes-health", "dinkes", "health"},
    {"tirta-water", "tirtabenteng", "water"},
    {"dlh-environment", "dlh", "environment"},
    {"emergency-112", "112", "emergency"},
};

QString writeFeedsFile(const QString &path, const QString &brokerUrl, const char *protocol)
{
    QJsonArray feeds;
    for (const auto &feed : kFeeds) {
        feeds.append(QJsonObject{{QStringLiteral("id"), QLatin1String(feed[0])},
                                 {QStringLiteral("agency"), QLatin1String(feed[1])},
                                 {QStringLiteral("kind"), QLatin1String(feed[2])},
                                 {QStringLiteral("transport"), QStringLiteral("mqtt")},
                                 {QStringLiteral("url"), brokerUrl},
                                 {QStringLiteral("mqtt"), QJsonObject{{QStringLiteral("client_id"), QStringLiteral("${TLR_CONSOLE}")},
                                                                      {QStringLiteral("protocol"), QLatin1String(protocol)}}}});
    }
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("feeds"), feeds}}).toJson());
    return path;
}

// One headless console, as an operator would start it, stopped the way systemd stops it.
class Console
{
public:
    Console(const QTemporaryDir &dir, const QString &name, const QString &feedsFile)
        : m_db(dir.filePath(name + QStringLiteral(".sqlite")))
        , m_stats(dir.filePath(name + QStringLiteral(".json")))
        , m_log(dir.filePath(name + QStringLiteral(".log")))
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
        env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(name + QStringLiteral("-data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"),
                   QStringLiteral("offscreen:configfile=" TLR_TEST_DATA_DIR "/screens/screens-1.json"));
        env.insert(QStringLiteral("TLR_CONSOLE"), name);
        m_process.setProcessEnvironment(env);
        // To a file, not a pipe: a console whose log nobody reads must never block on it.
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_log);
        m_process.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"),
                        {QStringLiteral("--feeds"), feedsFile, QStringLiteral("--db"), m_db, QStringLiteral("--stats"), m_stats});
    }

    bool subscribedToAll(int milliseconds)
    {
        QDeadlineTimer deadline(milliseconds);
        while (output().count(QLatin1String("subscribed to")) < 5) {
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return false;
            QThread::msleep(100);
        }
        return true;
    }

    // Messages stored per feed, read from the console's database while it runs: `messages`
    // has one row per (feed, seq), the archive counts every message it was handed.
    QHash<QString, qint64> storedPerFeed(const char *sql = "SELECT feed, count(*) FROM messages GROUP BY feed")
    {
        QHash<QString, qint64> counts;
        const QString connection = QStringLiteral("read-") + m_db;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_db);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (db.open()) {
                QSqlQuery query(QString::fromLatin1(sql), db);
                while (query.next())
                    counts.insert(query.value(0).toString(), query.value(1).toLongLong());
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return counts;
    }

    QJsonObject stop()
    {
        m_process.terminate();
        m_process.waitForFinished(30000);
        QFile file(m_stats);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }
    QString output() const
    {
        QFile file(m_log);
        file.open(QIODevice::ReadOnly);
        return QString::fromUtf8(file.readAll());
    }

private:
    QString m_db;
    QString m_stats;
    QString m_log;
    QProcess m_process;
};

QHash<QString, QJsonObject> byId(const QJsonArray &feeds)
{
    QHash<QString, QJsonObject> result;
    for (const QJsonValue &feed : feeds)
        result.insert(feed.toObject().value(QLatin1String("id")).toString(), feed.toObject());
    return result;
}

} // namespace

TEST_CASE("Two consoles on one Mosquitto receive identical counts per feed and a broker restart mid-run loses nothing")
{
    MosquittoBroker::skipUnlessInstalled();
    QTemporaryDir dir;
    MosquittoBroker broker;
    REQUIRE(broker.start());

    Console a(dir, QStringLiteral("console-a"), writeFeedsFile(dir.filePath(QStringLiteral("a.json")), broker.url(), "3.1.1"));
    Console b(dir, QStringLiteral("console-b"), writeFeedsFile(dir.filePath(QStringLiteral("b.json")), broker.url(), "5"));
    const bool ready = a.subscribedToAll(60000) && b.subscribedToAll(60000);
    INFO("console a:\n" << a.output().toStdString() << "\nconsole b:\n" << b.output().toStdString());
    REQUIRE(ready);

    // A quarter of an hour of the city in 15 s, heartbeats every half second, ending before now
    // (the wall refuses observations from the future).
    QElapsedTimer clock;
    clock.start();
    QProcess simulator;
    const QString reportPath = dir.filePath(QStringLiteral("feedsim.json"));
    simulator.start(QStringLiteral(TLR_BINARY_DIR "/tlr-feedsim"),
                    {QStringLiteral("--mqtt"), broker.url(), QStringLiteral("--no-websocket"),
                     QStringLiteral("--mqtt-client-id"), QStringLiteral("test-feedsim"), QStringLiteral("--seed"),
                     QStringLiteral("8"), QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--duration"),
                     QStringLiteral("15"), QStringLiteral("--heartbeat-ms"), QStringLiteral("500"), QStringLiteral("--start"),
                     QDateTime::currentDateTimeUtc().addSecs(-20 * 60).toString(Qt::ISODate),
                     QStringLiteral("--report"), reportPath});
    REQUIRE(simulator.waitForStarted());

    // The broker goes down in the middle of the run, with messages flowing to both consoles,
    // and comes back with what it kept on disk.
    const auto total = [](const QHash<QString, qint64> &counts) {
        qint64 sum = 0;
        for (const qint64 count : counts)
            sum += count;
        return sum;
    };
    QDeadlineTimer flowing(20000);
    while ((total(a.storedPerFeed()) < 1000 || total(b.storedPerFeed()) < 1000) && !flowing.hasExpired())
        QThread::msleep(100);
    broker.stop();
    const qint64 downAt = clock.elapsed();
    QThread::msleep(1500);
    REQUIRE(broker.start());
    const qint64 upAt = clock.elapsed();

    REQUIRE(simulator.waitForFinished(60000));
    INFO("simulator: " << QString::fromUtf8(simulator.readAll()).toStdString());
    REQUIRE(simulator.exitCode() == 0);
    QFile reportFile(reportPath);
    REQUIRE(reportFile.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
    const QHash<QString, QJsonObject> sent = byId(report.value(QLatin1String("feeds")).toArray());
    const QJsonObject mqtt = report.value(QLatin1String("mqtt")).toObject();
    REQUIRE(sent.size() == 5);

    // Both consoles have stored everything the simulator sent, or the wait ends.
    const auto caughtUp = [&sent](Console &console) {
        const QHash<QString, qint64> stored = console.storedPerFeed();
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            if (stored.value(it.key()) < it.value().value(QLatin1String("sent")).toInteger())
                return false;
        }
        return true;
    };
    QDeadlineTimer deadline(30000);
    while (!(caughtUp(a) && caughtUp(b)) && !deadline.hasExpired())
        QThread::msleep(250);
    const qint64 caughtUpAt = clock.elapsed();
    const QHash<QString, QJsonObject> statsA = byId(a.stop().value(QLatin1String("feeds")).toArray());
    const QHash<QString, QJsonObject> statsB = byId(b.stop().value(QLatin1String("feeds")).toArray());
    const QHash<QString, qint64> storedA = a.storedPerFeed();
    const QHash<QString, qint64> storedB = b.storedPerFeed();
    const char *archived = "SELECT feed, sum(message_count) FROM message_archive GROUP BY feed";
    const QHash<QString, qint64> archivedA = a.storedPerFeed(archived);
    const QHash<QString, qint64> archivedB = b.storedPerFeed(archived);
    CHECK(a.exitCode() == 0);
    CHECK(b.exitCode() == 0);
    const auto feedLines = [](const QString &output) {
        QStringList lines = output.split(u'\n');
        lines.removeIf([](const QString &line) { return !line.contains(QLatin1String("tlr.feeds")); });
        return lines.join(u'\n').toStdString();
    };
    INFO("console a:\n" << feedLines(a.output()) << "\nconsole b:\n" << feedLines(b.output()));

    std::cout << "MQTT consoles: broker down " << downAt << "-" << upAt << " ms, both caught up at "
              << caughtUpAt << " ms; publisher " << QJsonDocument(mqtt).toJson(QJsonDocument::Compact).toStdString()
              << "\n  feed: sent | a accepted/duplicates/gaps stored | b accepted/duplicates/gaps stored\n";
    CHECK(mqtt.value(QLatin1String("acknowledged")).toInteger() == mqtt.value(QLatin1String("published")).toInteger());
    CHECK(mqtt.value(QLatin1String("failed")).toInteger() == 0);
    CHECK(mqtt.value(QLatin1String("reconnects")).toInt() >= 1);
    for (const auto &feed : kFeeds) {
        const QString id = QLatin1String(feed[0]);
        INFO(id.toStdString());
        const qint64 sentCount = sent.value(id).value(QLatin1String("sent")).toInteger();
        const QJsonObject fa = statsA.value(id);
        const QJsonObject fb = statsB.value(id);
        const auto figure = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(); };
        std::cout << "  " << feed[0] << ": " << sentCount << " | " << figure(fa, "accepted") << "/"
                  << figure(fa, "duplicates") << "/" << figure(fa, "gaps") << " " << storedA.value(id) << " | "
                  << figure(fb, "accepted") << "/" << figure(fb, "duplicates") << "/" << figure(fb, "gaps") << " "
                  << storedB.value(id) << "\n";
        CHECK(sentCount > 50);
        // Nothing lost at QoS 1: every message the simulator sent is accepted, on both.
        CHECK(figure(fa, "accepted") == sentCount);
        CHECK(figure(fb, "accepted") == sentCount);
        CHECK(figure(fa, "received") == sentCount);
        CHECK(figure(fb, "received") == sentCount);
        CHECK(figure(fa, "rejected") == 0);
        CHECK(figure(fb, "rejected") == 0);
        CHECK(figure(fa, "gaps") == figure(fa, "gaps_recovered"));
        CHECK(figure(fb, "gaps") == figure(fb, "gaps_recovered"));
        // Each stored once: a redelivered message is a duplicate, not a second row.
        CHECK(storedA.value(id) == sentCount);
        CHECK(storedB.value(id) == sentCount);
        CHECK(archivedA.value(id) == sentCount);
        CHECK(archivedB.value(id) == sentCount);
    }
    std::cout.flush();
}
