#include "RoomFixtures.h"

#include "../incidents/IncidentTestSupport.h"

#include "audit/AuditVerifier.h"
#include "incidents/SharedIncidentDecisions.h"

#include <QSignalSpy>

#include <cstdio>

using namespace tlr;
using namespace tlr::test;

namespace {

const Actor kSari{QStringLiteral("sari"), Role::Supervisor};
const Actor kBudi{QStringLiteral("budi"), Role::Supervisor};
const Actor kTono{QStringLiteral("tono"), Role::Operator};

// One console of the room with its own incident board, fusing the signals it is given.
struct IncidentConsole
{
    IncidentConsole(const QString &url, const QDateTime &time)
        : board(testConfig(), &clock, nullptr)
    {
        REQUIRE(store.open(sharedOptions(url)) == QString());
        clock.setFixedTime(time);
        decisions = std::make_unique<SharedIncidentDecisions>(&board, &store);
    }
    // The incident here holding the 112 call `callId`.
    const Incident *holding(const QString &callId) const
    {
        for (const Incident &incident : board.incidents()) {
            if (incident.memberIndex(IncidentSignal::Kind::Report, callId) >= 0)
                return &incident;
        }
        return nullptr;
    }
    qint64 idOf(const QString &callId) const
    {
        const Incident *incident = holding(callId);
        REQUIRE(incident);
        return incident->id;
    }
    IncidentState stateOf(const QString &callId) const
    {
        const Incident *incident = holding(callId);
        return incident ? incident->state : IncidentState::Unknown;
    }

    EventStore store;
    WallClock clock;
    IncidentBoard board;
    std::unique_ptr<SharedIncidentDecisions> decisions;
};

int auditCount(const Probe &probe, const char *action)
{
    return probe
        .value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'")
                   .arg(QLatin1String(action)))
        .toInt();
}

} // namespace

TEST_CASE("Two supervisors act on one incident at once: one is kept and audited once, every "
          "console shows it - hand-offs, notes, resolving and closing reach the others too")
{
    const QString url = freshDatabase();
    IncidentConsole a(url, at(8, 1));
    IncidentConsole b(url, at(8, 1));
    IncidentConsole c(url, at(8, 1));
    // Each board numbers its incidents itself: b has fused another one first.
    b.board.addSignal(emergencyCall(QStringLiteral("112-0"), at(7, 30), moved(periuk(), 5000)));
    const QString call = QStringLiteral("112-1");
    for (IncidentConsole *console : {&a, &b, &c})
        console->board.addSignal(emergencyCall(call, at(8, 0), periuk()));
    REQUIRE(a.idOf(call) != b.idOf(call));
    Probe probe(url);

    QSignalSpy refusedA(&a.board, &IncidentBoard::actionRefused);
    QSignalSpy refusedB(&b.board, &IncidentBoard::actionRefused);
    CHECK(a.board.acknowledge(a.idOf(call), kSari, QStringLiteral("dari meja A")).isEmpty());
    CHECK(b.board.acknowledge(b.idOf(call), kBudi, QStringLiteral("dari meja B")).isEmpty());
    CHECK(a.stateOf(call) == IncidentState::New); // until the database answers
    const auto everywhere = [&](IncidentState state) {
        return a.stateOf(call) == state && b.stateOf(call) == state && c.stateOf(call) == state;
    };
    REQUIRE(waitFor([&] {
        return everywhere(IncidentState::Acknowledged) && refusedA.size() + refusedB.size() == 1;
    }));
    const QString winner = a.holding(call)->transitions.constLast().by.name;
    CHECK((winner == QLatin1String("sari") || winner == QLatin1String("budi")));
    for (IncidentConsole *console : {&b, &c})
        CHECK(console->holding(call)->transitions.constLast().by.name == winner);
    QSignalSpy &loser = refusedA.isEmpty() ? refusedB : refusedA;
    CHECK(loser.first().at(1).toString().startsWith(QStringLiteral("already acknowledged by ") +
                                                    winner));
    CHECK(auditCount(probe, "incident.acknowledged") == 1);
    // Acting again on what the console now shows is refused there, not sent.
    CHECK_FALSE(b.board.acknowledge(b.idOf(call), kBudi, QStringLiteral("lagi")).isEmpty());

    // A hand-off on one desk; the others show the agency now accountable.
    b.clock.setFixedTime(at(8, 5));
    CHECK(b.board.forward(b.idOf(call), Agency::TirtaBenteng, kBudi,
                          QStringLiteral("mohon pompa")).isEmpty());
    REQUIRE(waitFor([&] { return everywhere(IncidentState::Forwarded); }));
    for (IncidentConsole *console : {&a, &b, &c}) {
        CHECK(console->holding(call)->accountable == Agency::TirtaBenteng);
        REQUIRE(console->holding(call)->handOffs.size() == 1);
        CHECK(console->holding(call)->handOffs.constFirst().by.name == QLatin1String("budi"));
    }

    // Two notes at once do not race: both are kept, in the order the database took them.
    CHECK(a.board.addNote(a.idOf(call), kSari, QStringLiteral("warga mengungsi")).isEmpty());
    CHECK(c.board.addNote(c.idOf(call), kTono, QStringLiteral("pompa tiba")).isEmpty());
    REQUIRE(waitFor([&] {
        return a.holding(call)->notes.size() == 2 && b.holding(call)->notes.size() == 2 &&
               c.holding(call)->notes.size() == 2;
    }));
    CHECK(a.holding(call)->notes.at(0).text == b.holding(call)->notes.at(0).text);
    CHECK(auditCount(probe, "incident.noted") == 2);

    // A console started now fuses the same call and takes up what was decided.
    IncidentConsole late(url, at(8, 20));
    late.board.addSignal(emergencyCall(call, at(8, 0), periuk()));
    CHECK(waitFor([&] {
        return late.stateOf(call) == IncidentState::Forwarded &&
               late.holding(call)->notes.size() == 2;
    }));

    // An operator resolves it on one desk, the supervisor closes it on another.
    c.clock.setFixedTime(at(9, 0));
    CHECK(c.board.resolve(c.idOf(call), kTono, QStringLiteral("air surut")).isEmpty());
    REQUIRE(waitFor([&] { return everywhere(IncidentState::Resolved); }));
    a.clock.setFixedTime(at(9, 5));
    CHECK(a.board.close(a.idOf(call), kSari, QStringLiteral("selesai")).isEmpty());
    REQUIRE(waitFor([&] { return everywhere(IncidentState::Closed); }));
    CHECK(waitFor([&] { return late.stateOf(call) == IncidentState::Closed; }));

    for (const char *action : {"incident.forwarded", "incident.resolved", "incident.closed"})
        CHECK(auditCount(probe, action) == 1);
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM incidents")).toInt() == 1);
    CHECK(c.decisions->heardChanges() >= 4);
    CHECK(AuditVerifier::verifyShared(url).ok());
}

TEST_CASE("An incident acknowledged on one console is shown on another within a second")
{
    const QString url = freshDatabase();
    IncidentConsole a(url, at(8, 30));
    IncidentConsole c(url, at(8, 30));
    constexpr int kIncidents = 20;
    for (int i = 0; i < kIncidents; ++i) {
        // 3 km apart: each call opens an incident of its own.
        const IncidentSignal call = emergencyCall(QStringLiteral("112-%1").arg(i), at(8, 0, i),
                                                  moved(periuk(), 3000.0 * i));
        a.board.addSignal(call);
        c.board.addSignal(call);
    }
    REQUIRE(a.board.incidents().size() == std::size_t(kIncidents));
    std::vector<double> delaysMs;
    for (int i = 0; i < kIncidents; ++i) {
        const QString call = QStringLiteral("112-%1").arg(i);
        QElapsedTimer sincePress;
        sincePress.start();
        REQUIRE(a.board.acknowledge(a.idOf(call), kSari, QStringLiteral("diterima")).isEmpty());
        REQUIRE(waitFor([&] { return c.stateOf(call) == IncidentState::Acknowledged; }, 3000));
        delaysMs.push_back(double(sincePress.nsecsElapsed()) / 1e6);
    }
    const double p50 = percentile(delaysMs, 0.50);
    const double p99 = percentile(delaysMs, 0.99);
    std::printf("incident acknowledgement seen by the other console, press to shown: p50 %.1f "
                "ms, p99 %.1f ms, max %.1f ms (%d incidents)\n",
                p50, p99, *std::max_element(delaysMs.cbegin(), delaysMs.cend()), kIncidents);
    CHECK(p99 < 1000.0);
}
