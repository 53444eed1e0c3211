// Issue 8's must-show: three consoles (tlr-e2e-room: the real wall, driven like a supervisor at
// the desk) on one throwaway PostgreSQL, fed by one tlr-feedsim, as a room's consoles share the
// agencies' feeds.
//   1. 100 acknowledgements made on console 1 are seen on consoles 2 and 3: how long from the
//      key press on 1 to the row showing it on the others (p50, p99, max).
//   2. Consoles 1 and 2 acknowledge the same 10 alerts at the same moment (1 from the first,
//      2 from the last): each alert has exactly one acknowledgement in the audit log, every
//      console shows the same winner, and every losing press is told who was first.
//   3. Console 3 is killed (SIGKILL), 5 more alerts are acknowledged on console 1 meanwhile,
//      and it is started again: it shows every acknowledgement, with who, when and the note.
//   4. The system's own entries ("alert.raised"…) are in the shared chain once, not per console.
//   5. The consoles stop in good order; the audit chain verifies through each one's head.
// Skipped (77) without the PostgreSQL server binaries or Qt's driver.

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "ThrowawayPostgres.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

using namespace tlr::test;

namespace {

constexpr int kSkipReturnCode = 77;
constexpr int kAcknowledgements = 100;
constexpr int kRaced = 10;
constexpr int kWhileDown = 5;
const QString kBin = QStringLiteral(TLR_BINARY_DIR);
const QString kSource = QStringLiteral(TLR_SOURCE_DIR);

ThrowawayPostgres *server = nullptr;

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
}

// One console: its process, and what it said on standard output.
class Console
{
public:
    Console(QString name, QStringList wallArguments, QString log)
        : m_name(std::move(name))
        , m_arguments(std::move(wallArguments))
        , m_log(std::move(log))
    {
    }
    ~Console() { kill(); }

    void start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setStandardErrorFile(m_log, QIODevice::Append);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                         [this] { read(); });
        m_ready = false;
        m_process->start(kBin + QStringLiteral("/tlr-e2e-room"), m_arguments);
    }
    bool waitReady(int timeoutMs)
    {
        return waitUntil([this] { return m_ready || !running(); }, timeoutMs) && m_ready;
    }
    bool running() const { return m_process && m_process->state() != QProcess::NotRunning; }
    void send(const QJsonObject &command)
    {
        m_process->write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
    }
    // Asks for the panel's rows and waits for them.
    QJsonObject state()
    {
        m_state = {};
        send({{QStringLiteral("cmd"), QStringLiteral("state")}});
        waitUntil([this] { return !m_state.isEmpty() || !running(); }, 20000);
        return m_state;
    }
    void kill()
    {
        if (!running())
            return;
        m_process->kill(); // SIGKILL: no orderly anything
        m_process->waitForFinished(10000);
    }
    // SIGTERM: the wall stops in good order and logs its audit head.
    bool stop()
    {
        if (!running())
            return false;
        m_process->terminate();
        return waitUntil([this] { return !running(); }, 30000) &&
               m_process->exitStatus() == QProcess::NormalExit;
    }
    QString auditHead() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        static const QRegularExpression head(QStringLiteral("audit log head (\\S+)"));
        QString last;
        auto it = head.globalMatch(QString::fromUtf8(file.readAll()));
        while (it.hasNext())
            last = it.next().captured(1);
        return last;
    }

    const QString &name() const { return m_name; }
    // key → (acknowledged at, seen at), the first time this console showed that acknowledgement
    QHash<QString, QPair<qint64, qint64>> seen;
    QHash<QString, QString> seenBy;
    QHash<QString, qint64> pressed; // key → ms
    QStringList refused;            // "key: reason"
    QStringList shelfRefused;       // "key: reason"
    int shelvePresses = -1;         // of the last shelve command: 1 pressed, 0 not there
    int acknowledgedDone = -1;
    QJsonObject raced;

private:
    void read()
    {
        m_buffer += m_process->readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            const QString kind = event.value(QLatin1String("event")).toString();
            const QString key = event.value(QLatin1String("key")).toString();
            if (kind == QLatin1String("ready")) {
                m_ready = true;
            } else if (kind == QLatin1String("seen")) {
                if (!seen.contains(key)) {
                    seen.insert(key, {qint64(event.value(QLatin1String("atMs")).toDouble()),
                                      qint64(event.value(QLatin1String("seenMs")).toDouble())});
                    seenBy.insert(key, event.value(QLatin1String("by")).toString());
                }
            } else if (kind == QLatin1String("pressed")) {
                pressed.insert(key, qint64(event.value(QLatin1String("ms")).toDouble()));
            } else if (kind == QLatin1String("refused")) {
                refused.append(key + QStringLiteral(": ") +
                               event.value(QLatin1String("reason")).toString());
            } else if (kind == QLatin1String("acknowledged")) {
                acknowledgedDone = event.value(QLatin1String("count")).toInt();
            } else if (kind == QLatin1String("shelf-refused")) {
                shelfRefused.append(key + QStringLiteral(": ") +
                                    event.value(QLatin1String("reason")).toString());
            } else if (kind == QLatin1String("shelve-pressed")) {
                shelvePresses = event.value(QLatin1String("pressed")).toBool() ? 1 : 0;
            } else if (kind == QLatin1String("raced")) {
                raced = event;
            } else if (kind == QLatin1String("state")) {
                m_state = event;
            }
        }
    }

    QString m_name;
    QStringList m_arguments;
    QString m_log;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    bool m_ready = false;
    QJsonObject m_state;
};

struct Acknowledged
{
    QString by;
    qint64 atMs = 0;
    QString note;
    bool operator==(const Acknowledged &other) const
    {
        return by == other.by && atMs == other.atMs && note == other.note;
    }
};

QHash<QString, Acknowledged> acknowledgedIn(const QJsonObject &state)
{
    QHash<QString, Acknowledged> out;
    for (const QJsonValue &value : state.value(QLatin1String("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        if (alert.value(QLatin1String("acknowledged")).toBool()) {
            out.insert(alert.value(QLatin1String("key")).toString(),
                       {alert.value(QLatin1String("by")).toString(),
                        qint64(alert.value(QLatin1String("atMs")).toDouble()),
                        alert.value(QLatin1String("note")).toString()});
        }
    }
    return out;
}

QSet<QString> unacknowledgedIn(const QJsonObject &state)
{
    QSet<QString> out;
    for (const QJsonValue &value : state.value(QLatin1String("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        if (alert.value(QLatin1String("state")).toString() == QLatin1String("unacknowledged"))
            out.insert(alert.value(QLatin1String("key")).toString());
    }
    return out;
}

qint64 percentile(std::vector<qint64> sorted, double q)
{
    if (sorted.empty())
        return -1;
    const auto rank = std::size_t(std::ceil(q * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// The test's own connection to the shared database.
class Probe
{
public:
    Probe(int port, const QString &database)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port);
        db.setUserName(QStringLiteral("tlr"));
        db.setPassword(ThrowawayPostgres::password());
        db.setDatabaseName(database);
        REQUIRE(db.open());
    }
    ~Probe() { QSqlDatabase::removeDatabase(m_name); }
    QSqlQuery query(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        INFO(sql.toStdString());
        REQUIRE(query.exec(sql));
        return query;
    }
    QHash<QString, Acknowledged> acknowledged() const
    {
        QHash<QString, Acknowledged> out;
        QSqlQuery rows = query(QStringLiteral(
            "SELECT source, resource, event, acknowledged_by, acknowledged_at, acknowledge_note "
            "FROM alert_states WHERE acknowledged = 1"));
        while (rows.next()) {
            out.insert(rows.value(0).toString() + u'|' + rows.value(1).toString() + u'|' +
                           rows.value(2).toString(),
                       {rows.value(3).toString(), rows.value(4).toLongLong(),
                        rows.value(5).toString()});
        }
        return out;
    }

private:
    QString m_name = QStringLiteral("room-probe");
};

int freePort()
{
    QTcpServer listener;
    return listener.listen(QHostAddress::LocalHost, 0) ? listener.serverPort() : 0;
}

} // namespace

TEST_CASE("room: three consoles on one PostgreSQL share acknowledgements")
{
    REQUIRE(server);
    REQUIRE(server->createDatabase(QStringLiteral("room")).isEmpty());
    const QString url = server->url(QStringLiteral("room"));
    QTemporaryDir work;
    REQUIRE(work.isValid());
    // TLR_ROOM_KEEP=1 keeps the consoles' logs and files.
    work.setAutoRemove(!qEnvironmentVariableIsSet("TLR_ROOM_KEEP"));
    std::printf("room: consoles' logs in %s\n", qPrintable(work.path()));
    const double loadBefore = loadAverage();
    const int cores = QThread::idealThreadCount();

    // One simulator for the room: the consoles receive the same feeds.
    const int port = freePort();
    REQUIRE(port > 0);
    QFile demo(kSource + QStringLiteral("/resources/feeds/demo.json"));
    REQUIRE(demo.open(QIODevice::ReadOnly));
    const QString feedsPath = work.filePath(QStringLiteral("feeds.json"));
    {
        QFile feeds(feedsPath);
        REQUIRE(feeds.open(QIODevice::WriteOnly));
        feeds.write(demo.readAll().replace("${DEMO_PORT}", QByteArray::number(port)));
    }
    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::MergedChannels);
    simulator.start(kBin + QStringLiteral("/tlr-feedsim"),
                    {QStringLiteral("--port"), QString::number(port), QStringLiteral("--scenario"),
                     kSource + QStringLiteral("/tests/data/room/accidents.json"),
                     QStringLiteral("--rate"), QStringLiteral("40"),
                     QStringLiteral("--exit-on-stdin-close")});
    REQUIRE(waitUntil([&] { return simulator.canReadLine() ||
                                   simulator.state() == QProcess::NotRunning; }, 30000));
    REQUIRE(simulator.state() == QProcess::Running);

    const auto wallArguments = [&](int n) {
        return QStringList{QStringLiteral("--profile"),
                           kSource + QStringLiteral("/tests/data/room/desk.json"),
                           QStringLiteral("--feeds"), feedsPath, QStringLiteral("--db"), url,
                           QStringLiteral("--local-db"),
                           work.filePath(QStringLiteral("w%1.sqlite").arg(n))};
    };
    std::vector<std::unique_ptr<Console>> consoles;
    for (int n = 1; n <= 3; ++n) {
        consoles.push_back(std::make_unique<Console>(
            QStringLiteral("w%1").arg(n), wallArguments(n),
            work.filePath(QStringLiteral("w%1.log").arg(n))));
        consoles.back()->start();
    }
    Console &w1 = *consoles[0];
    Console &w2 = *consoles[1];
    Console &w3 = *consoles[2];
    for (auto &console : consoles) {
        INFO(console->name().toStdString() << " did not start; log in " << work.path().toStdString());
        REQUIRE(console->waitReady(60000));
    }
    w1.send({{QStringLiteral("cmd"), QStringLiteral("login")},
             {QStringLiteral("name"), QStringLiteral("supervisor-1")}});
    w2.send({{QStringLiteral("cmd"), QStringLiteral("login")},
             {QStringLiteral("name"), QStringLiteral("supervisor-2")}});

    // Enough alerts on the desk: an accident every few tenths of a second.
    const int needed = kAcknowledgements + kRaced;
    REQUIRE(waitUntil([&] {
        return w1.state().value(QLatin1String("unacknowledged")).toInt() >= needed;
    }, 90000));

    // 1. A hundred acknowledgements on console 1, ten a second, seen on 2 and 3.
    w1.send({{QStringLiteral("cmd"), QStringLiteral("acknowledge")},
             {QStringLiteral("count"), kAcknowledgements},
             {QStringLiteral("intervalMs"), 100}});
    REQUIRE(waitUntil([&] { return w1.acknowledgedDone >= 0; }, 60000));
    CHECK(w1.acknowledgedDone == kAcknowledgements);
    const QList<QString> made = w1.pressed.keys();
    const auto seenEverywhere = [&](const QList<QString> &keys) {
        for (const QString &key : keys) {
            for (Console *console : {&w1, &w2, &w3}) {
                if (!console->seen.contains(key))
                    return false;
            }
        }
        return true;
    };
    waitUntil([&] { return seenEverywhere(made); }, 20000);
    std::vector<qint64> delays;
    int neverSeen = 0;
    for (const QString &key : made) {
        for (Console *console : {&w2, &w3}) {
            if (!console->seen.contains(key)) {
                ++neverSeen;
                UNSCOPED_INFO(console->name().toStdString() << " never showed " << key.toStdString());
                continue;
            }
            const auto [atMs, seenMs] = console->seen.value(key);
            CHECK(atMs == w1.seen.value(key).first); // the same acknowledgement
            CHECK(console->seenBy.value(key) == QLatin1String("supervisor-1"));
            delays.push_back(seenMs - atMs);
        }
    }
    std::sort(delays.begin(), delays.end());
    const double loadAfter = loadAverage();
    const qint64 p50 = percentile(delays, 0.50);
    const qint64 p99 = percentile(delays, 0.99);
    const qint64 worst = delays.empty() ? -1 : delays.back();
    std::printf("room: %lld acknowledgements made on console 1, %zu sightings on consoles 2 and 3 "
                "(%d never): key press on 1 to the row showing it on another, p50 %lld ms, p99 "
                "%lld ms, max %lld ms; load average %.1f before, %.1f after, %d cores\n",
                static_cast<long long>(made.size()), delays.size(), neverSeen,
                static_cast<long long>(p50), static_cast<long long>(p99),
                static_cast<long long>(worst), loadBefore, loadAfter, cores);
    CHECK(made.size() == kAcknowledgements);
    CHECK(neverSeen == 0);
    // The aim is p99 < 1 s. Asserted, with a margin, only where the machine is not
    // oversubscribed: on a loaded machine the figure says more about the load than the room.
    if (std::max(loadBefore, loadAfter) <= cores) {
        CHECK(p99 < 3000);
    } else {
        std::printf("room: load above the %d cores, the p99 aim is reported, not asserted\n", cores);
    }

    // 2. Consoles 1 and 2 on the same ten alerts at the same moment.
    const QSet<QString> open1 = unacknowledgedIn(w1.state());
    const QSet<QString> open2 = unacknowledgedIn(w2.state());
    QStringList race;
    for (const QString &key : open1) {
        if (open2.contains(key) && race.size() < kRaced)
            race.append(key);
    }
    REQUIRE(race.size() == kRaced);
    const qint64 at = QDateTime::currentMSecsSinceEpoch() + 1500;
    // Console 2 takes them last first: the two meet somewhere in the list, each winning some.
    for (Console *console : {&w1, &w2}) {
        console->send({{QStringLiteral("cmd"), QStringLiteral("race")},
                       {QStringLiteral("atMs"), double(at)},
                       {QStringLiteral("keys"), QJsonArray::fromStringList(race)},
                       {QStringLiteral("reverse"), console == &w2}});
    }
    REQUIRE(waitUntil([&] { return !w1.raced.isEmpty() && !w2.raced.isEmpty(); }, 30000));
    waitUntil([&] { return seenEverywhere(race); }, 20000);
    CHECK(seenEverywhere(race));
    int wonBy1 = 0;
    for (const QString &key : race) {
        // Every console shows the one acknowledgement the database kept.
        CHECK(w1.seenBy.value(key) == w2.seenBy.value(key));
        CHECK(w1.seen.value(key).first == w2.seen.value(key).first);
        CHECK(w3.seenBy.value(key) == w1.seenBy.value(key));
        if (w1.seenBy.value(key) == QLatin1String("supervisor-1"))
            ++wonBy1;
    }
    const int pressed1 = w1.raced.value(QLatin1String("pressed")).toInt();
    const int pressed2 = w2.raced.value(QLatin1String("pressed")).toInt();
    int toldFirst = 0;
    for (Console *console : {&w1, &w2}) {
        for (const QString &refusal : console->refused)
            toldFirst += refusal.contains(QLatin1String("already acknowledged by")) ? 1 : 0;
    }
    std::printf("room: race on %d alerts: console 1 pressed %d, console 2 pressed %d; console 1 "
                "kept %d, console 2 kept %d; %d presses were told who was first\n",
                kRaced, pressed1, pressed2, wonBy1, kRaced - wonBy1, toldFirst);
    CHECK(pressed1 + pressed2 - kRaced == toldFirst); // every press that lost was told so

    Probe probe(server->port(), QStringLiteral("room"));
    // One audit entry per acknowledged alert, raced or not.
    {
        QSqlQuery twice = probe.query(QStringLiteral(
            "SELECT count(*) FROM (SELECT subject FROM audit_log WHERE action = "
            "'alert.acknowledged' GROUP BY subject HAVING count(*) > 1) twice"));
        REQUIRE(twice.next());
        CHECK(twice.value(0).toInt() == 0);
        QSqlQuery entries = probe.query(QStringLiteral(
            "SELECT count(*) FROM audit_log WHERE action = 'alert.acknowledged'"));
        REQUIRE(entries.next());
        CHECK(entries.value(0).toInt() == kAcknowledgements + kRaced);
    }

    // 2b. Consoles 1 and 2 shelve the same alert at the same moment: one shelf, audited once,
    // shown on all three; the losing press is told who was first.
    {
        const QSet<QString> open3 = unacknowledgedIn(w3.state());
        const QSet<QString> still2 = unacknowledgedIn(w2.state());
        QString shelfKey;
        for (const QString &key : unacknowledgedIn(w1.state())) {
            if (still2.contains(key) && open3.contains(key)) {
                shelfKey = key;
                break;
            }
        }
        REQUIRE_FALSE(shelfKey.isEmpty());
        const qint64 shelveAt = QDateTime::currentMSecsSinceEpoch() + 1000;
        for (Console *console : {&w1, &w2}) {
            console->shelvePresses = -1;
            console->send({{QStringLiteral("cmd"), QStringLiteral("shelve")},
                           {QStringLiteral("atMs"), double(shelveAt)},
                           {QStringLiteral("key"), shelfKey}});
        }
        REQUIRE(waitUntil([&] { return w1.shelvePresses >= 0 && w2.shelvePresses >= 0; },
                          20000));
        const auto shelvedByIn = [&shelfKey](Console &console) {
            const QJsonArray alerts = console.state().value(QLatin1String("alerts")).toArray();
            for (const QJsonValue &value : alerts) {
                const QJsonObject alert = value.toObject();
                if (alert.value(QLatin1String("key")).toString() == shelfKey &&
                    alert.value(QLatin1String("state")).toString() == QLatin1String("shelved")) {
                    return alert.value(QLatin1String("shelvedBy")).toString();
                }
            }
            return QString();
        };
        QString by1, by2, by3;
        QElapsedTimer waited;
        waited.start();
        do {
            by1 = shelvedByIn(w1);
            by2 = shelvedByIn(w2);
            by3 = shelvedByIn(w3);
        } while ((by1.isEmpty() || by1 != by2 || by1 != by3) && waited.elapsed() < 10000);
        CHECK_FALSE(by1.isEmpty());
        CHECK(by2 == by1);
        CHECK(by3 == by1);
        const int shelvePressed = w1.shelvePresses + w2.shelvePresses;
        int shelfToldFirst = 0;
        for (Console *console : {&w1, &w2}) {
            for (const QString &refusal : console->shelfRefused)
                shelfToldFirst += refusal.contains(QLatin1String("already shelved by")) ? 1 : 0;
        }
        QSqlQuery shelves = probe.query(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'alert.shelved'"));
        REQUIRE(shelves.next());
        std::printf("room: shelve race on one alert: %d presses, kept %s's, %d told who was "
                    "first, %d alert.shelved entries, shown on all three after %lld ms\n",
                    shelvePressed, qPrintable(by1), shelfToldFirst, shelves.value(0).toInt(),
                    static_cast<long long>(waited.elapsed()));
        CHECK(shelvePressed >= 1);
        CHECK(shelves.value(0).toInt() == 1);
        CHECK(shelvePressed - 1 == shelfToldFirst);
    }

    // 3. Console 3 killed; five more acknowledged on console 1 while it is down, of the newest
    // alerts (some raised after the kill); console 3 again on its own file.
    const QHash<QString, Acknowledged> beforeKill = acknowledgedIn(w3.state());
    w3.kill();
    w1.acknowledgedDone = -1;
    w1.send({{QStringLiteral("cmd"), QStringLiteral("acknowledge")},
             {QStringLiteral("count"), kWhileDown},
             {QStringLiteral("intervalMs"), 300},
             {QStringLiteral("newest"), true}});
    REQUIRE(waitUntil([&] { return w1.acknowledgedDone >= 0; }, 30000));
    QElapsedTimer restart;
    restart.start();
    w3.start();
    REQUIRE(w3.waitReady(60000));
    const QHash<QString, Acknowledged> shared = probe.acknowledged();
    CHECK(shared.size() == kAcknowledgements + kRaced + kWhileDown);
    QHash<QString, Acknowledged> after;
    const bool caughtUp = waitUntil([&] {
        after = acknowledgedIn(w3.state());
        for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
            if (!(after.value(it.key()) == it.value()))
                return false;
        }
        return true;
    }, 30000);
    int differing = 0;
    for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
        if (!(after.value(it.key()) == it.value())) {
            ++differing;
            UNSCOPED_INFO("after the restart console 3 shows " << it.key().toStdString() << " as "
                          << (after.contains(it.key()) ? after.value(it.key()).by.toStdString()
                                                       : std::string("not acknowledged")));
        }
    }
    int keptFromBefore = 0;
    for (auto it = beforeKill.cbegin(); it != beforeKill.cend(); ++it)
        keptFromBefore += after.value(it.key()) == it.value() ? 1 : 0;
    std::printf("room: console 3 killed with SIGKILL and started again: it shows %d of the %lld "
                "shared acknowledgements with the same who, when and note (%d of the %lld it "
                "showed before; %d made while it was down) %.1f s after its start\n",
                int(shared.size()) - differing, static_cast<long long>(shared.size()),
                keptFromBefore, static_cast<long long>(beforeKill.size()), kWhileDown,
                double(restart.elapsed()) / 1000.0);
    CHECK(caughtUp);
    CHECK(differing == 0);
    CHECK(keptFromBefore == beforeKill.size());

    // 4. The system's own entries once for the room, not once per console: "alert.raised" by
    // the leader alone, so no more of them than alerts on the most complete console's panel.
    // The feeds still run: the panels are read after the count, so that an alert raised in
    // between is on them too.
    {
        QSqlQuery raised = probe.query(QStringLiteral(
            "SELECT count(*) FROM audit_log WHERE action = 'alert.raised'"));
        REQUIRE(raised.next());
        qsizetype mostAlerts = 0;
        for (Console *console : {&w1, &w2, &w3})
            mostAlerts = std::max(mostAlerts, console->state().value(QLatin1String("alerts")).toArray().size());
        std::printf("room: %d \"alert.raised\" entries in the shared chain, %lld alerts on the "
                    "fullest panel\n", raised.value(0).toInt(), static_cast<long long>(mostAlerts));
        CHECK(raised.value(0).toInt() <= mostAlerts);
        CHECK(raised.value(0).toInt() >= kAcknowledgements + kRaced);
    }

    // 5. In good order; the chain verifies through each console's head.
    for (auto &console : consoles)
        CHECK(console->stop());
    simulator.closeWriteChannel();
    simulator.waitForFinished(10000);
    for (Console *console : {&w1, &w2, &w3}) {
        const QString head = console->auditHead();
        INFO(console->name().toStdString() << " logged no audit head");
        REQUIRE(!head.isEmpty());
        QProcess verify;
        verify.setProcessChannelMode(QProcess::MergedChannels);
        verify.start(kBin + QStringLiteral("/tlr-wall"),
                     {QStringLiteral("--db"), url, QStringLiteral("--verify-audit"),
                      QStringLiteral("--expect-head"), head});
        REQUIRE(verify.waitForFinished(60000));
        const QString said = QString::fromUtf8(verify.readAll()).trimmed();
        INFO(said.toStdString());
        CHECK(verify.exitCode() == 0);
        std::printf("room: --verify-audit --expect-head %s (%s): %s\n", qPrintable(head),
                    qPrintable(console->name()), qPrintable(said.split(u'\n').join(u' ')));
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (ThrowawayPostgres::binDir().isEmpty()) {
        std::printf("SKIP: no PostgreSQL server binaries (Debian: postgresql; "
                    "scripts/install-deps.sh installs it)\n");
        return kSkipReturnCode;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        std::printf("SKIP: no Qt PostgreSQL driver (Debian: libqt6sql6-psql)\n");
        return kSkipReturnCode;
    }
    ThrowawayPostgres postgres;
    if (const QString error = postgres.start(); !error.isEmpty()) {
        std::fprintf(stderr, "cannot start a throwaway PostgreSQL: %s\n", qPrintable(error));
        return 1;
    }
    server = &postgres;
    const int failed = Catch::Session().run(argc, argv);
    server = nullptr;
    return failed;
}
