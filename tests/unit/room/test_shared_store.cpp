#include "RoomFixtures.h"

#include "alerts/AlertArchive.h"
#include "alerts/AlertEngine.h"
#include "alerts/SharedAlertDecisions.h"
#include "audit/AuditLog.h"
#include "audit/RoomAuditRecorder.h"
#include "audit/RoomLeadership.h"
#include "audit/AuditVerifier.h"
#include "domain/WallClock.h"
#include "store/DatabaseUrl.h"
#include "store/EventStore.h"
#include "store/StoreSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>
#include <cstdio>

#include <memory>
#include <variant>

using namespace tlr;
using namespace tlr::test;

namespace {

// An alert as a console's engine holds it when a supervisor acknowledges it.
AlertRecord openAlert(quint64 localId, const QString &resource)
{
    AlertRecord a;
    a.id = localId;
    a.source = QStringLiteral("dlh-environment");
    a.resource = resource;
    a.event = QStringLiteral("river-level");
    a.origin = QStringLiteral("rule:river-level");
    a.title = QStringLiteral("Pintu Air 10");
    a.kecamatan = QStringLiteral("Neglasari");
    a.agency = Agency::Dlh;
    a.severity = Severity::Extreme;
    a.state = AlertState::Unacknowledged;
    a.raisedAt = kStart;
    a.raisedAtMs = kStart.toMSecsSinceEpoch();
    a.updatedAt = kStart;
    a.unacknowledgedSince = kStart;
    return a;
}

template <typename T> T awaited(QFuture<StoreReply<T>> future)
{
    future.waitForFinished();
    REQUIRE(future.resultCount() == 1);
    const StoreReply<T> reply = future.result();
    INFO(reply.error.toStdString());
    REQUIRE(reply.ok());
    return reply.value;
}

} // namespace

TEST_CASE("The shared database gets the shared tables by the same versioned steps, and only them")
{
    const QString url = freshDatabase();
    {
        EventStore first;
        REQUIRE(first.open(sharedOptions(url)) == QString());
        EventStore second; // another console starting on the migrated database
        REQUIRE(second.open(sharedOptions(url)) == QString());
    }
    Probe probe(url);
    CHECK(probe.value(QStringLiteral("SELECT version FROM tlr_schema")).toInt() ==
          StoreSchema::currentVersion());
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM tlr_schema")).toInt() == 1);
    for (const char *shared : {"incidents", "incident_signals", "incident_handoffs",
                               "incident_transitions", "users", "audit_log", "alert_states"}) {
        INFO(shared);
        CHECK(probe.hasTable(shared));
    }
    for (const char *local : {"messages", "message_archive", "observations", "entities",
                              "rollups_minute", "rollups_hour", "reports", "quarantine"}) {
        INFO(local);
        CHECK_FALSE(probe.hasTable(local));
    }
    // Milliseconds since 1970 do not fit PostgreSQL's INTEGER: the times are BIGINT there.
    CHECK(probe
              .value(QStringLiteral("SELECT data_type FROM information_schema.columns WHERE "
                                    "table_name = 'alert_states' AND column_name = 'raised_at'"))
              .toString() == QLatin1String("bigint"));

    SECTION("a database from a newer program is refused")
    {
        REQUIRE(probe
                    .failureOf(QStringLiteral("UPDATE tlr_schema SET version = %1")
                                   .arg(StoreSchema::currentVersion() + 1))
                    .isEmpty());
        EventStore newer;
        const QString error = newer.open(sharedOptions(url));
        CHECK(error.contains(QLatin1String("newer than this program")));
    }
}

TEST_CASE("The shared audit log refuses changes and deletion, also TRUNCATE")
{
    const QString url = freshDatabase();
    EventStore store;
    REQUIRE(store.open(sharedOptions(url)) == QString());
    {
        AuditLog audit(&store);
        audit.record({kStart, Actor::system(), QStringLiteral("wall.started"),
                      QStringLiteral("wall"), QStringLiteral("console 1")});
    }
    Probe probe(url);
    REQUIRE(probe.value(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() == 1);
    CHECK(probe.failureOf(QStringLiteral("UPDATE audit_log SET note = 'x'"))
              .contains(QLatin1String("append-only")));
    CHECK(probe.failureOf(QStringLiteral("DELETE FROM audit_log"))
              .contains(QLatin1String("append-only")));
    CHECK(probe.failureOf(QStringLiteral("TRUNCATE audit_log"))
              .contains(QLatin1String("append-only")));
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() == 1);
}

TEST_CASE("Two consoles appending to the shared audit log at once make one chain that verifies")
{
    const QString url = freshDatabase();
    constexpr int kEach = 150;
    {
        EventStore consoleA;
        EventStore consoleB;
        REQUIRE(consoleA.open(sharedOptions(url)) == QString());
        REQUIRE(consoleB.open(sharedOptions(url)) == QString());
        AuditLog auditA(&consoleA);
        AuditLog auditB(&consoleB);
        for (int i = 0; i < kEach; ++i) {
            auditA.record({kStart.addMSecs(i),
                           {QStringLiteral("sari"), Role::Supervisor},
                           QStringLiteral("alert.acknowledged"),
                           QStringLiteral("alert:%1").arg(i),
                           QStringLiteral("A %1").arg(i)});
            auditB.record({kStart.addMSecs(i),
                           {QStringLiteral("budi"), Role::Supervisor},
                           QStringLiteral("alert.acknowledged"),
                           QStringLiteral("alert:%1").arg(i),
                           QStringLiteral("B %1").arg(i)});
            if (i % 10 == 0)
                QCoreApplication::processEvents();
        }
        auditA.flush();
        auditB.flush();
        CHECK(auditA.written() == kEach);
        CHECK(auditB.written() == kEach);
        CHECK(auditA.lost() + auditB.lost() == 0);
    }
    const AuditVerification verification = AuditVerifier::verifyShared(url);
    INFO(verification.message.toStdString());
    CHECK(verification.ok());
    CHECK(verification.entries == 2 * kEach);
    CHECK(verification.headSeq == 2 * kEach);

    SECTION("an altered entry is named by the verifier")
    {
        Probe probe(url);
        REQUIRE(probe.failureOf(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"))
                    .isEmpty());
        REQUIRE(probe
                    .failureOf(QStringLiteral("UPDATE audit_log SET note = 'B 0 (edited)' "
                                              "WHERE note = 'B 0'"))
                    .isEmpty());
        const AuditVerification tampered = AuditVerifier::verifyShared(url);
        CHECK(tampered.problem == AuditVerification::Problem::HashMismatch);
        CHECK(tampered.badSeq > 0);
    }
}

TEST_CASE("An acknowledgement kept in the shared database survives a restart")
{
    const QString url = freshDatabase();
    quint64 id = 0;
    const QDateTime acknowledgedAt = kStart.addSecs(30);
    {
        EventStore store;
        REQUIRE(store.open(sharedOptions(url)) == QString());
        WallClock clock;
        clock.setFixedTime(kStart);
        AlertEngine engine(&clock, AlertRules{}, nullptr);
        AlertArchive archive(&engine, &store);
        REQUIRE(archive.restore(kStart) == QString());
        engine.applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
        id = engine.alerts().value(0).id;
        clock.setFixedTime(acknowledgedAt);
        REQUIRE(engine.acknowledge(id, {QStringLiteral("sari"), Role::Supervisor},
                                   QStringLiteral("BPBD dikabari")));
    }
    EventStore store;
    REQUIRE(store.open(sharedOptions(url)) == QString());
    WallClock clock;
    clock.setFixedTime(acknowledgedAt.addSecs(60));
    AlertEngine engine(&clock, AlertRules{}, nullptr);
    AlertArchive archive(&engine, &store);
    REQUIRE(archive.restore(clock.now()) == QString());
    const AlertRecord *alert = engine.alert(id);
    REQUIRE(alert);
    CHECK(alert->state == AlertState::Acknowledged);
    CHECK(alert->acknowledgedBy == QLatin1String("sari"));
    CHECK(alert->acknowledgedAt == acknowledgedAt);
    CHECK(alert->acknowledgeNote == QLatin1String("BPBD dikabari"));
    CHECK(alert->raisedAt == kStart);
}

TEST_CASE("Without the password in PGPASSWORD or ~/.pgpass the server's refusal is reported")
{
    const QString url = freshDatabase();
    const QByteArray password = qgetenv("PGPASSWORD");
    const QByteArray home = qgetenv("HOME");
    qunsetenv("PGPASSWORD");
    qputenv("HOME", "/nonexistent"); // no ~/.pgpass either
    EventStore store;
    const QString error = store.open(sharedOptions(url));
    qputenv("PGPASSWORD", password);
    qputenv("HOME", home);
    CHECK(error.contains(QLatin1String("cannot connect to ") + url));
    CHECK(error.contains(QLatin1String("password")));
    CHECK_FALSE(store.isOpen());
}

TEST_CASE(
    "Two consoles acknowledging one alert at once: exactly one is recorded, the other is told who")
{
    const QString url = freshDatabase();
    EventStore consoleA;
    EventStore consoleB;
    REQUIRE(consoleA.open(sharedOptions(url)) == QString());
    REQUIRE(consoleB.open(sharedOptions(url)) == QString());
    const Actor sari{QStringLiteral("sari"), Role::Supervisor};
    const Actor budi{QStringLiteral("budi"), Role::Supervisor};
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        // Each console knows the alert by its own engine's id; the shared row is one per key.
        const QString resource = QStringLiteral("pintu-air-%1").arg(round);
        auto fromA = consoleA.acknowledgeShared(openAlert(100 + round, resource), sari,
                                                QStringLiteral("A"), kStart.addSecs(round));
        auto fromB = consoleB.acknowledgeShared(openAlert(900 + round, resource), budi,
                                                QStringLiteral("B"), kStart.addSecs(round));
        const AcknowledgementOutcome a = awaited(fromA);
        const AcknowledgementOutcome b = awaited(fromB);
        INFO("round " << round);
        CHECK(a.recorded != b.recorded);
        CHECK(a.alertId == b.alertId);
        const AcknowledgementOutcome &winner = a.recorded ? a : b;
        const AcknowledgementOutcome &loser = a.recorded ? b : a;
        CHECK(loser.acknowledgedBy == winner.acknowledgedBy);
        CHECK(loser.note == winner.note);
        CHECK(loser.acknowledgedAt == winner.acknowledgedAt);
    }
    Probe probe(url);
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM alert_states")).toInt() == kRounds);
    CHECK(probe
              .value(QStringLiteral("SELECT count(*) FROM alert_states WHERE acknowledged = 1 "
                                    "AND state = 'acknowledged'"))
              .toInt() == kRounds);
    CHECK(probe
              .value(QStringLiteral("SELECT count(*) FROM audit_log "
                                    "WHERE action = 'alert.acknowledged'"))
              .toInt() == kRounds);
    CHECK(probe.value(QStringLiteral("SELECT count(DISTINCT subject) FROM audit_log")).toInt() ==
          kRounds);
    const AuditVerification verification = AuditVerifier::verifyShared(url);
    INFO(verification.message.toStdString());
    CHECK(verification.ok());
    CHECK(verification.entries == kRounds);
}

TEST_CASE("An acknowledgement on one console is seen on another within a second (NOTIFY, re-read)")
{
    const QString url = freshDatabase();
    EventStore actor;
    EventStore watcher;
    REQUIRE(actor.open(sharedOptions(url)) == QString());
    REQUIRE(watcher.open(sharedOptions(url)) == QString());
    QStringList heard;
    QObject::connect(&watcher, &EventStore::sharedChange,
                     [&heard](const QString &what) { heard.append(what); });
    bool ownHeard = false;
    QObject::connect(&actor, &EventStore::sharedChange, [&ownHeard] { ownHeard = true; });

    constexpr int kAcknowledgements = 100;
    std::vector<double> delaysMs;
    const Actor sari{QStringLiteral("sari"), Role::Supervisor};
    for (int i = 0; i < kAcknowledgements; ++i) {
        const AcknowledgementOutcome outcome = awaited(
            actor.acknowledgeShared(openAlert(i + 1, QStringLiteral("pintu-air-%1").arg(i)), sari,
                                    QStringLiteral("diterima %1").arg(i), kStart.addSecs(i)));
        REQUIRE(outcome.recorded);
        QElapsedTimer sinceCommit;
        sinceCommit.start();
        const QString expected = QStringLiteral("alert:%1").arg(outcome.alertId);
        while (!heard.contains(expected) && sinceCommit.elapsed() < 3000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        REQUIRE(heard.contains(expected));
        // What the watching console does with it: re-read the changed alert.
        const StoredAlerts stored = awaited(watcher.alertStates(kStart));
        const auto it =
            std::find_if(stored.alerts.cbegin(), stored.alerts.cend(),
                         [&](const AlertRecord &a) { return a.id == outcome.alertId; });
        REQUIRE(it != stored.alerts.cend());
        CHECK(it->acknowledgedBy == QLatin1String("sari"));
        CHECK(it->acknowledgeNote == QStringLiteral("diterima %1").arg(i));
        delaysMs.push_back(double(sinceCommit.nsecsElapsed()) / 1e6);
    }
    const double p50 = percentile(delaysMs, 0.50);
    const double p99 = percentile(delaysMs, 0.99);
    std::printf("acknowledgement seen by the other console, commit to re-read: p50 %.1f ms, "
                "p99 %.1f ms, max %.1f ms (%d acknowledgements)\n",
                p50, p99, *std::max_element(delaysMs.cbegin(), delaysMs.cend()),
                kAcknowledgements);
    CHECK(p99 < 1000.0);
    CHECK(heard.size() == kAcknowledgements);
    CHECK_FALSE(ownHeard); // a console is not told of its own changes
}

TEST_CASE("Three consoles' engines: two acknowledge at once, one is kept - all three show it")
{
    const QString url = freshDatabase();
    struct Console
    {
        explicit Console(const QString &url)
        {
            REQUIRE(store.open(sharedOptions(url)) == QString());
            clock.setFixedTime(kStart);
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
    Console a(url);
    Console b(url);
    Console c(url);
    // Each engine numbers its alerts itself: b has seen another alert first.
    b.engine->applyConditions({riverLevel("pintu-air-99", Severity::Minor)});
    for (Console *console : {&a, &b, &c})
        console->engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    REQUIRE(a.river()->id != b.river()->id);

    QSignalSpy refusedA(a.engine.get(), &AlertEngine::acknowledgementRefused);
    QSignalSpy refusedB(b.engine.get(), &AlertEngine::acknowledgementRefused);
    a.clock.setFixedTime(kStart.addSecs(20));
    b.clock.setFixedTime(kStart.addSecs(21));
    const auto byA = a.engine->acknowledge(
        a.river()->id, {QStringLiteral("sari"), Role::Supervisor}, QStringLiteral("dari meja A"));
    const auto byB = b.engine->acknowledge(
        b.river()->id, {QStringLiteral("budi"), Role::Supervisor}, QStringLiteral("dari meja B"));
    CHECK(byA.accepted);
    CHECK(byA.pending);
    CHECK(byB.pending);
    CHECK(a.river()->state == AlertState::Unacknowledged); // until the database answers

    QElapsedTimer waited;
    waited.start();
    const auto settled = [&] {
        return a.river()->acknowledged && b.river()->acknowledged && c.river()->acknowledged &&
               refusedA.size() + refusedB.size() == 1;
    };
    while (!settled() && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    REQUIRE(settled());
    const QString winner = a.river()->acknowledgedBy;
    CHECK((winner == QLatin1String("sari") || winner == QLatin1String("budi")));
    for (Console *console : {&a, &b, &c}) {
        CHECK(console->river()->state == AlertState::Acknowledged);
        CHECK(console->river()->acknowledgedBy == winner);
        CHECK(console->river()->acknowledgedAt == a.river()->acknowledgedAt);
        CHECK(console->river()->acknowledgeNote == a.river()->acknowledgeNote);
    }
    QSignalSpy &loser = refusedA.isEmpty() ? refusedB : refusedA;
    CHECK(loser.first().at(1).toString().startsWith(QStringLiteral("already acknowledged by ") +
                                                    winner));
    CHECK(c.decisions->heardChanges() >= 1);
    CHECK_FALSE(a.decisions->isStale());

    Probe probe(url);
    CHECK(probe
              .value(QStringLiteral("SELECT count(*) FROM audit_log "
                                    "WHERE action = 'alert.acknowledged'"))
              .toInt() == 1);
    const AuditVerification verification = AuditVerifier::verifyShared(url);
    CHECK(verification.ok());

    SECTION("acknowledging again is refused on the console, not sent")
    {
        const auto again = a.engine->acknowledge(
            a.river()->id, {QStringLiteral("sari"), Role::Supervisor}, QStringLiteral("lagi"));
        CHECK_FALSE(again.accepted);
    }
}

TEST_CASE("A console raising an alert after another acknowledged it takes that acknowledgement - "
          "once the alert closed a new raise starts unacknowledged")
{
    const QString url = freshDatabase();
    struct Console
    {
        explicit Console(const QString &url, const QDateTime &at)
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
    const auto waitFor = [](const std::function<bool()> &done) {
        QElapsedTimer waited;
        waited.start();
        while (!done() && waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        return done();
    };
    Console a(url, kStart);
    a.engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    a.clock.setFixedTime(kStart.addSecs(20));
    a.engine->acknowledge(a.river()->id, {QStringLiteral("sari"), Role::Supervisor},
                          QStringLiteral("pintu dibuka"));
    REQUIRE(waitFor([&] { return a.river()->acknowledged; }));

    // Console b was off, or behind on its feeds: it raises the alert a minute after the
    // acknowledgement, and shows it.
    Console b(url, kStart.addSecs(80));
    b.engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    REQUIRE(b.river()->raisedAt > a.river()->acknowledgedAt);
    CHECK(waitFor([&] { return b.river()->acknowledged; }));
    CHECK(b.river()->acknowledgedBy == QLatin1String("sari"));
    CHECK(b.river()->acknowledgedAt == a.river()->acknowledgedAt);
    CHECK(b.river()->acknowledgeNote == QLatin1String("pintu dibuka"));

    // The river falls: acknowledged and cleared, the alert closes, and so does its shared row.
    AlertCondition cleared = riverLevel("pintu-air-10", Severity::Extreme);
    cleared.active = false;
    a.clock.setFixedTime(kStart.addSecs(300));
    a.engine->applyConditions({cleared});
    Probe probe(url);
    CHECK(waitFor([&] {
        return probe.value(QStringLiteral("SELECT count(*) FROM alert_states WHERE state <> "
                                          "'closed'")).toInt() == 0;
    }));

    // It rises again: a new episode, on a console that never saw the first one too.
    Console c(url, kStart.addSecs(400));
    c.engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    a.clock.setFixedTime(kStart.addSecs(400));
    a.engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    QTest::qWait(600); // the catch-up after a raise runs 250 ms later
    CHECK(c.decisions->heardChanges() == 0);
    CHECK_FALSE(c.river()->acknowledged);
    CHECK_FALSE(a.river()->acknowledged);
    CHECK(a.river()->state == AlertState::Unacknowledged);
}

TEST_CASE("One console of the room records the system's entries; another takes over when it goes")
{
    const QString url = freshDatabase();
    const auto waitFor = [](const std::function<bool()> &done, int ms) {
        QElapsedTimer waited;
        waited.start();
        while (!done() && waited.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        return done();
    };
    struct Collected : AuditRecorder
    {
        void record(const AuditAction &action) override { actions.append(action.action); }
        QStringList actions;
    };
    auto first = std::make_unique<EventStore>();
    REQUIRE(first->open(sharedOptions(url)) == QString());
    auto firstLeadership = std::make_unique<RoomLeadership>(first.get());
    REQUIRE(waitFor([&] { return firstLeadership->isLeader(); }, 5000));
    EventStore second;
    REQUIRE(second.open(sharedOptions(url)) == QString());
    RoomLeadership secondLeadership(&second);
    QTest::qWait(RoomLeadership::kRetryMs + 500);
    CHECK(firstLeadership->isLeader());
    CHECK_FALSE(secondLeadership.isLeader()); // one leader, not two

    Collected chain;
    RoomAuditRecorder follower(&chain, &secondLeadership);
    const QDateTime at = kStart;
    follower.record({at, Actor::system(), QStringLiteral("alert.raised"), QStringLiteral("alert:1"), {}});
    follower.record({at, Actor::system(), QStringLiteral("incident.fused"), QStringLiteral("incident:1"), {}});
    follower.record({at, Actor::system(), QStringLiteral("wall.started"), QStringLiteral("wall:b"), {}});
    follower.record({at, {QStringLiteral("sari"), Role::Supervisor}, QStringLiteral("alert.shelved"),
                     QStringLiteral("alert:1"), QStringLiteral("pompa diperbaiki")});
    CHECK(chain.actions == QStringList{QStringLiteral("wall.started"), QStringLiteral("alert.shelved")});
    CHECK(follower.leftToLeader() == 2);

    // The leader stops (or dies: its connection goes either way): the other takes over.
    QElapsedTimer failover;
    failover.start();
    firstLeadership.reset();
    first.reset();
    CHECK(waitFor([&] { return secondLeadership.isLeader(); }, RoomLeadership::kRetryMs * 3));
    std::printf("room leadership taken over %lld ms after the leader closed\n",
                static_cast<long long>(failover.elapsed()));
    follower.record({at, Actor::system(), QStringLiteral("alert.raised"), QStringLiteral("alert:2"), {}});
    CHECK(chain.actions.last() == QLatin1String("alert.raised"));
}

TEST_CASE("sslmode in the URL reaches the server: require is refused by one without TLS")
{
    const QString url = freshDatabase();
    EventStore plain;
    CHECK(plain.open(sharedOptions(url + QStringLiteral("?sslmode=disable"))) == QString());
    EventStore tls;
    const QString refused = tls.open(sharedOptions(url + QStringLiteral("?sslmode=require")));
    INFO(refused.toStdString());
    // The throwaway server has no certificate: libpq's own refusal, naming SSL.
    CHECK(refused.contains(QLatin1String("SSL"), Qt::CaseInsensitive));
    CHECK(refused.contains(QLatin1String("sslmode=require")));
}
