#include "IncidentTestSupport.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "access/Permissions.h"
#include "access/RoleKey.h"

using namespace tlr;
using namespace tlr::test;

namespace {

const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
const Actor admin{QStringLiteral("budi"), Role::Admin};
const Actor operatorOnDuty{QStringLiteral("andi"), Role::Operator};
const Actor executive{QStringLiteral("walikota"), Role::Executive};

} // namespace

TEST_CASE("An incident goes from new through acknowledged and forwarded to closed and is recorded")
{
    OneCallBoard f;
    CHECK(f.incident().state == IncidentState::New);
    CHECK(f.incident().accountable == Agency::Unknown);
    CHECK(f.incident().suggestedAgency == Agency::CallCentre112);
    CHECK(f.audit.keys() == QStringList{"incident.fused"});
    CHECK(f.audit.actions.first().actor.isSystem());
    CHECK(f.audit.actions.first().subject == QStringLiteral("incident:1"));

    f.clock.setFixedTime(at(8, 3));
    CHECK(f.board.acknowledge(f.id, supervisor, QStringLiteral("seen")).isEmpty());
    CHECK(f.incident().state == IncidentState::Acknowledged);
    f.clock.setFixedTime(at(8, 5));
    CHECK(f.board.forward(f.id, Agency::Dlh, supervisor, QStringLiteral("pompa di Periuk"))
              .isEmpty());
    CHECK(f.incident().state == IncidentState::Forwarded);
    CHECK(f.incident().accountable == Agency::Dlh);
    f.clock.setFixedTime(at(9, 40));
    CHECK(f.board.resolve(f.id, operatorOnDuty, QStringLiteral("air surut")).isEmpty());
    CHECK(f.incident().state == IncidentState::Resolved);
    CHECK(f.board.close(f.id, supervisor, {}).isEmpty());
    CHECK(f.incident().state == IncidentState::Closed);

    CHECK(f.audit.keys() == QStringList{"incident.fused", "incident.acknowledged",
                                        "incident.forwarded", "incident.resolved",
                                        "incident.closed"});
    const AuditAction &forwarded = f.audit.actions.at(2);
    CHECK(forwarded.actor.name == QStringLiteral("siti"));
    CHECK(forwarded.at == at(8, 5));
    CHECK(forwarded.note == QStringLiteral("unknown -> dlh: pompa di Periuk"));

    const auto &transitions = f.incident().transitions;
    REQUIRE(transitions.size() == 5);
    CHECK(transitions.at(1).from == IncidentState::New);
    CHECK(transitions.at(1).to == IncidentState::Acknowledged);
    CHECK(transitions.at(1).at == at(8, 3));
    CHECK(transitions.at(3).by.name == QStringLiteral("andi"));
    CHECK(transitions.at(3).note == QStringLiteral("air surut"));
}

TEST_CASE("Acknowledged incidents may be resolved in the room without forwarding")
{
    OneCallBoard f;
    REQUIRE(f.board.acknowledge(f.id, supervisor, {}).isEmpty());
    CHECK(f.board.resolve(f.id, supervisor, QStringLiteral("false alarm")).isEmpty());
    CHECK(f.incident().state == IncidentState::Resolved);
    CHECK(f.incident().handOffs.isEmpty());
}

TEST_CASE("Transitions out of order are refused with the reason and the refusal is audited")
{
    OneCallBoard f;
    const QString note = QStringLiteral("n");
    // From new: only acknowledge.
    CHECK(f.board.forward(f.id, Agency::Dlh, supervisor, note) ==
          QStringLiteral("acknowledge INC-000001 before forwarding it"));
    CHECK(f.board.resolve(f.id, supervisor, note) ==
          QStringLiteral("INC-000001 is new; only acknowledged or forwarded incidents can be "
                         "resolved"));
    CHECK(f.board.close(f.id, supervisor, note) ==
          QStringLiteral("only a resolved incident can be closed; INC-000001 is new"));
    CHECK(f.incident().state == IncidentState::New);

    // From acknowledged: not again, not closed.
    REQUIRE(f.board.acknowledge(f.id, supervisor, note).isEmpty());
    CHECK(f.board.acknowledge(f.id, supervisor, note) ==
          QStringLiteral("only a new incident can be acknowledged; INC-000001 is acknowledged"));
    CHECK_FALSE(f.board.close(f.id, supervisor, note).isEmpty());

    // Forwarding needs an agency, a different one, and a note.
    CHECK(f.board.forward(f.id, Agency::Unknown, supervisor, note) ==
          QStringLiteral("forwarding needs the agency it goes to"));
    CHECK(f.board.forward(f.id, Agency::Dlh, supervisor, QStringLiteral("  ")) ==
          QStringLiteral("a hand-off needs a note: what the agency is asked to do"));
    REQUIRE(f.board.forward(f.id, Agency::Dlh, supervisor, note).isEmpty());
    CHECK(f.board.forward(f.id, Agency::Dlh, supervisor, note) ==
          QStringLiteral("DLH is already accountable for INC-000001"));
    CHECK_FALSE(f.board.acknowledge(f.id, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.close(f.id, supervisor, note).isEmpty());
    CHECK(f.board.resolve(f.id, supervisor, {}) ==
          QStringLiteral("resolving needs a note: what was done"));

    // Resolved: only close. Closed: nothing.
    REQUIRE(f.board.resolve(f.id, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.acknowledge(f.id, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.forward(f.id, Agency::Dinkes, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.resolve(f.id, supervisor, note).isEmpty());
    REQUIRE(f.board.close(f.id, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.acknowledge(f.id, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.forward(f.id, Agency::Dinkes, supervisor, note).isEmpty());
    CHECK_FALSE(f.board.resolve(f.id, supervisor, note).isEmpty());
    CHECK(f.board.close(f.id, supervisor, note) ==
          QStringLiteral("only a resolved incident can be closed; INC-000001 is closed"));
    CHECK(f.incident().state == IncidentState::Closed);

    CHECK(f.board.acknowledge(99, supervisor, note) == QStringLiteral("there is no incident 99"));
    CHECK(f.audit.count(QStringLiteral("incident.refused")) == 19);
    CHECK(f.incident().transitions.size() == 5);
}

TEST_CASE("The board asks access/Permissions who may act on an incident and says who may")
{
    for (const Role role : allRoles()) {
        INFO(roleKey(role).toStdString());
        CHECK(IncidentLifecycle::mayPerform(role, IncidentAction::Acknowledge) == canAcknowledge(role));
        CHECK(IncidentLifecycle::mayPerform(role, IncidentAction::Forward) == canHandleIncidents(role));
        CHECK(IncidentLifecycle::mayPerform(role, IncidentAction::Resolve) == canHandleIncidents(role));
        CHECK(IncidentLifecycle::mayPerform(role, IncidentAction::Close) == canCloseIncidents(role));
    }

    OneCallBoard f;
    CHECK(f.board.acknowledge(f.id, operatorOnDuty, QStringLiteral("ok")) ==
          QStringLiteral("an operator may not acknowledge an incident; it needs the supervisor "
                         "on duty"));
    CHECK(f.board.acknowledge(f.id, admin, QStringLiteral("ok")) ==
          QStringLiteral("an admin may not acknowledge an incident; it needs the supervisor on "
                         "duty"));
    CHECK(f.board.acknowledge(f.id, executive, QStringLiteral("ok")) ==
          QStringLiteral("an executive may not acknowledge an incident; it needs the supervisor "
                         "on duty"));
    CHECK(f.board.acknowledge(f.id, Actor::system(), {}) ==
          QStringLiteral("the system does not acknowledge incidents; a person does"));
    CHECK(f.board.acknowledge(f.id, Actor{QString(), Role::Supervisor}, {}) ==
          QStringLiteral("an action needs a named person"));
    CHECK(f.incident().state == IncidentState::New);
    const AuditAction &refused = f.audit.actions.at(1);
    CHECK(refused.action == QStringLiteral("incident.refused"));
    CHECK(refused.actor.name == QStringLiteral("andi"));
    CHECK(refused.note.startsWith(QStringLiteral("acknowledge: an operator may not")));

    REQUIRE(f.board.acknowledge(f.id, supervisor, {}).isEmpty());
    CHECK(f.board.forward(f.id, Agency::Dlh, admin, QStringLiteral("x")) ==
          QStringLiteral("an admin may not forward an incident; it needs an operator or a "
                         "supervisor"));
    CHECK_FALSE(f.board.forward(f.id, Agency::Dlh, executive, QStringLiteral("x")).isEmpty());
    REQUIRE(f.board.forward(f.id, Agency::Dlh, operatorOnDuty, QStringLiteral("x")).isEmpty());
    CHECK_FALSE(f.board.resolve(f.id, executive, QStringLiteral("x")).isEmpty());
    CHECK_FALSE(f.board.resolve(f.id, admin, QStringLiteral("x")).isEmpty());
    REQUIRE(f.board.resolve(f.id, operatorOnDuty, QStringLiteral("x")).isEmpty());
    CHECK(f.board.close(f.id, operatorOnDuty, {}) ==
          QStringLiteral("an operator may not close an incident; it needs the supervisor on "
                         "duty"));
    CHECK_FALSE(f.board.close(f.id, admin, {}).isEmpty());
    CHECK(f.board.close(f.id, supervisor, {}).isEmpty());
    CHECK(f.incident().state == IncidentState::Closed);
}

TEST_CASE("Hand-offs are kept in order and handing back to an agency that had it is flagged")
{
    OneCallBoard f;
    REQUIRE(f.board.acknowledge(f.id, supervisor, {}).isEmpty());
    f.clock.setFixedTime(at(8, 10));
    REQUIRE(f.board.forward(f.id, Agency::Dishub, supervisor, QStringLiteral("jalan tergenang"))
                .isEmpty());
    f.clock.setFixedTime(at(8, 30));
    REQUIRE(
        f.board.forward(f.id, Agency::Dlh, operatorOnDuty, QStringLiteral("bukan lalu lintas"))
            .isEmpty());
    CHECK_FALSE(f.incident().hasBounced());
    f.clock.setFixedTime(at(8, 50));
    REQUIRE(
        f.board.forward(f.id, Agency::Dishub, supervisor, QStringLiteral("kembali")).isEmpty());

    const auto &handOffs = f.incident().handOffs;
    REQUIRE(handOffs.size() == 3);
    CHECK(handOffs.at(0).from == Agency::Unknown);
    CHECK(handOffs.at(0).to == Agency::Dishub);
    CHECK(handOffs.at(0).by.name == QStringLiteral("siti"));
    CHECK(handOffs.at(0).at == at(8, 10));
    CHECK(handOffs.at(0).note == QStringLiteral("jalan tergenang"));
    CHECK_FALSE(handOffs.at(0).bounced);
    CHECK(handOffs.at(1).from == Agency::Dishub);
    CHECK(handOffs.at(1).to == Agency::Dlh);
    CHECK(handOffs.at(1).by.role == Role::Operator);
    CHECK_FALSE(handOffs.at(1).bounced);
    CHECK(handOffs.at(2).from == Agency::Dlh);
    CHECK(handOffs.at(2).to == Agency::Dishub);
    CHECK(handOffs.at(2).bounced);
    CHECK(f.incident().hasBounced());
    CHECK(f.incident().accountable == Agency::Dishub);

    // The bounce is the system's observation beside the person's forward.
    REQUIRE(f.audit.count(QStringLiteral("incident.bounced")) == 1);
    const AuditAction &bounce = f.audit.actions.last();
    CHECK(bounce.action == QStringLiteral("incident.bounced"));
    CHECK(bounce.actor.isSystem());
    CHECK(bounce.note == QStringLiteral("back to dishub, which had it from hand-off 1 (now 3)"));
}

TEST_CASE("The board audits fusion as the system and counts what became of each signal")
{
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    ListRecorder audit;
    IncidentBoard board(testConfig(), &clock, &audit);
    board.addSignals({floodReport(QStringLiteral("fr-1"), at(8, 0), periuk()),
                      emergencyCall(QStringLiteral("112-1"), at(8, 1), moved(periuk(), 50)),
                      complaint(QStringLiteral("L-1"), at(8, 2), moved(periuk(), 80)),
                      complaint(QStringLiteral("L-1"), at(8, 3), moved(periuk(), 80)),
                      emergencyCall(QStringLiteral("112-2"), at(8, 2), {})});
    REQUIRE(board.incidents().size() == 1);
    const Incident &incident = board.incidents().front();
    CHECK(incident.members.size() == 3);
    CHECK(incident.severity() == Severity::Severe);
    CHECK(incident.hazard == QStringLiteral("flood"));
    CHECK(incident.firstSignalAt == at(8, 0));
    CHECK(incident.lastSignalAt == at(8, 3));
    CHECK(audit.keys() ==
          QStringList{"incident.fused", "incident.signal_joined", "incident.signal_joined"});
    for (const AuditAction &a : audit.actions)
        CHECK(a.actor.isSystem());
    const auto &c = board.counters();
    CHECK(c.received == 5);
    CHECK(c.opened == 1);
    CHECK(c.joined == 3);
    CHECK(c.updated == 1);
    CHECK(c.waited == 1);
    CHECK(c.refused == 1);
}

TEST_CASE("Reports and listed observations of a feed batch become signals and nothing else does")
{
    WallClock clock;
    IncidentBoard board(testConfig(), &clock, nullptr);
    Report call;
    call.id = QStringLiteral("112-2026-000001");
    call.receivedAt = at(8, 0);
    call.emergency = true;
    call.kind = Report::Kind::Emergency;
    call.category = QStringLiteral("banjir");
    call.kecamatan = QStringLiteral("Periuk");
    call.location = periuk();
    call.agency = Agency::CallCentre112;
    Observation flood;
    flood.entityId = QStringLiteral("fr-1");
    flood.entityType = QStringLiteral("FloodReport");
    flood.observedAt = at(8, 1);
    flood.location = moved(periuk(), 10);
    flood.kecamatan = QStringLiteral("Periuk");
    Observation traffic = flood;
    traffic.entityType = QStringLiteral("TrafficFlowObserved");
    board.addEvents({call, flood, traffic});
    REQUIRE(board.incidents().size() == 1);
    const Incident &incident = board.incidents().front();
    REQUIRE(incident.members.size() == 2);
    CHECK(incident.members.at(0).key() == QStringLiteral("report:112-2026-000001"));
    CHECK(incident.members.at(0).severity == Severity::Severe);
    CHECK(incident.members.at(1).key() == QStringLiteral("observation:fr-1"));
    CHECK(board.counters().received == 2);
}

TEST_CASE("Evidence behind the wall's clock (a replay or a fast demo) still fuses")
{
    WallClock clock;
    ListRecorder audit;
    IncidentBoard board(testConfig(), &clock, &audit);
    clock.setFixedTime(at(12, 0)); // the wall is hours ahead of what the signals say
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    board.expire();
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 10), moved(periuk(), 200)));
    REQUIRE(board.incidents().size() == 1);
    CHECK(board.incidents().front().members.size() == 2);
}
