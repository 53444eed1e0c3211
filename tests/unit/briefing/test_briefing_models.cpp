#include "IncidentTestSupport.h"

#include "alerts/AlertEngine.h"
#include "briefing/AgencyKpiModel.h"
#include "briefing/IncidentTrendModel.h"
#include "briefing/TopIncidentsModel.h"
#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"
#include "itemmodels/IncidentTableModel.h"

#include <QAbstractItemModelTester>

using namespace tlr;
using namespace tlr::test;

namespace {

QGeoCoordinate cibodas() { return QGeoCoordinate(-6.2100, 106.6100); }
QGeoCoordinate karawaci() { return QGeoCoordinate(-6.1900, 106.6200); }

AlertCondition condition(const QString &resource, Agency agency, Severity severity,
                         bool live = true)
{
    AlertCondition c;
    c.source = QStringLiteral("test-feed");
    c.resource = resource;
    c.event = QStringLiteral("river-level");
    c.severity = severity;
    c.title = resource;
    c.kecamatan = QStringLiteral("Periuk");
    c.agency = agency;
    c.live = live;
    c.status = live ? Alert::Status::Actual : Alert::Status::Exercise;
    return c;
}

Actor supervisor() { return {QStringLiteral("sari"), Role::Supervisor}; }

// Three incidents: a flood in Periuk opened by a 112 call (three signals, severe), a traffic
// incident in Cibodas forwarded to Dishub, and a flood in Karawaci an hour earlier, resolved.
struct BriefingFixture
{
    BriefingFixture()
    {
        clock.setFixedTime(at(9, 30));
        board.addSignal(emergencyCall(QStringLiteral("112-1"), at(9, 1), periuk()));
        board.addSignal(emergencyCall(QStringLiteral("112-2"), at(9, 5), moved(periuk(), 100)));
        board.addSignal(emergencyCall(QStringLiteral("112-3"), at(9, 9), moved(periuk(), 200)));
        board.addSignal(emergencyCall(QStringLiteral("112-4"), at(9, 12), cibodas(),
                                      QStringLiteral("Cibodas"), QStringLiteral("kecelakaan")));
        board.addSignal(emergencyCall(QStringLiteral("112-5"), at(8, 10), karawaci(),
                                      QStringLiteral("Karawaci")));
        REQUIRE(board.incidents().size() == 3);
        periukId = board.incidents().at(0).id;
        cibodasId = board.incidents().at(1).id;
        karawaciId = board.incidents().at(2).id;
        for (qint64 id : {cibodasId, karawaciId})
            REQUIRE(board.acknowledge(id, supervisor(), QStringLiteral("seen")).isEmpty());
        REQUIRE(board.forward(cibodasId, Agency::Dishub, supervisor(), QStringLiteral("tow truck"))
                    .isEmpty());
        REQUIRE(board.resolve(karawaciId, supervisor(), QStringLiteral("water receded")).isEmpty());
    }

    WallClock clock;
    ListRecorder audit;
    IncidentBoard board{testConfig(), &clock, &audit};
    qint64 periukId = 0;
    qint64 cibodasId = 0;
    qint64 karawaciId = 0;
};

QVariant agencyData(const AgencyKpiModel &model, Agency agency, int role)
{
    return model.index(model.rowOfAgency(agency)).data(role);
}

} // namespace

TEST_CASE("Agency KPIs count each agency's open incidents and the room's by their first signal")
{
    BriefingFixture f;
    AgencyKpiModel model(&f.board, nullptr, &f.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model.rowCount() == 5);
    CHECK(agencyData(model, Agency::CallCentre112, AgencyKpiModel::NameRole).toString()
          == agencyShortName(Agency::CallCentre112));
    // Periuk is still the room's (suggested: 112); Cibodas was forwarded to Dishub; Karawaci is
    // resolved and counts no more.
    CHECK(agencyData(model, Agency::CallCentre112, AgencyKpiModel::OpenIncidentsRole).toInt() == 1);
    CHECK(agencyData(model, Agency::Dishub, AgencyKpiModel::OpenIncidentsRole).toInt() == 1);
    CHECK(agencyData(model, Agency::Dinkes, AgencyKpiModel::OpenIncidentsRole).toInt() == 0);
    CHECK(model.openIncidents() == 2);

    // A change on the board reaches the model (after its half-second gathering, or at once).
    REQUIRE(f.board.acknowledge(f.periukId, supervisor(), QStringLiteral("seen")).isEmpty());
    REQUIRE(f.board.forward(f.periukId, Agency::TirtaBenteng, supervisor(), QStringLiteral("pumps"))
                .isEmpty());
    model.refreshNow();
    CHECK(agencyData(model, Agency::CallCentre112, AgencyKpiModel::OpenIncidentsRole).toInt() == 0);
    CHECK(agencyData(model, Agency::TirtaBenteng, AgencyKpiModel::OpenIncidentsRole).toInt() == 1);
}

TEST_CASE("Agency KPIs take live unacknowledged alerts and acknowledgement times per agency")
{
    BriefingFixture f;
    AlertEngine engine(&f.clock, AlertRules{}, nullptr);
    AlertTableModel alerts(&engine, &f.clock);
    AgencyKpiModel model(&f.board, &alerts, &f.clock);

    engine.applyConditions({condition(QStringLiteral("pintu-air-10"), Agency::Dlh, Severity::Extreme),
                            condition(QStringLiteral("cisadane"), Agency::Dlh, Severity::Moderate),
                            condition(QStringLiteral("jl-daan-mogot"), Agency::Dishub, Severity::Severe),
                            condition(QStringLiteral("drill"), Agency::Dinkes, Severity::Extreme,
                                      false)});
    engine.applyQueuedConditions(); // a burst is otherwise applied a few milliseconds per turn
    alerts.flushPendingChanges();
    model.refreshNow();
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::UnacknowledgedRole).toInt() == 2);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::CriticalRole).toInt() == 1);
    CHECK(agencyData(model, Agency::Dishub, AgencyKpiModel::UnacknowledgedRole).toInt() == 1);
    // An exercise is shown marked on the wall but never counted.
    CHECK(agencyData(model, Agency::Dinkes, AgencyKpiModel::UnacknowledgedRole).toInt() == 0);
    CHECK(agencyData(model, Agency::Dinkes, AgencyKpiModel::CriticalRole).toInt() == 0);
    CHECK(model.unacknowledgedAlerts() == 3);
    CHECK(model.criticalAlerts() == 1);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::MedianAcknowledgeSecondsRole).toInt() == -1);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::MedianAcknowledgeRole).toString().isEmpty());

    f.clock.setFixedTime(at(9, 34));
    const AlertRecord *critical = engine.find(QStringLiteral("test-feed"), QStringLiteral("pintu-air-10"),
                                              QStringLiteral("river-level"));
    REQUIRE(critical);
    REQUIRE(engine.acknowledge(critical->id, supervisor(), QStringLiteral("on it")).accepted);
    alerts.flushPendingChanges();
    model.refreshNow();
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::UnacknowledgedRole).toInt() == 1);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::CriticalRole).toInt() == 0);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::MedianAcknowledgeSecondsRole).toInt() == 240);
    CHECK(agencyData(model, Agency::Dlh, AgencyKpiModel::MedianAcknowledgeRole).toString()
          == AlertTableModel::formatAge(240));
    CHECK(agencyData(model, Agency::Dishub, AgencyKpiModel::MedianAcknowledgeSecondsRole).toInt() == -1);
}

TEST_CASE("The hourly trend counts new incidents per agency from the board's first incident")
{
    BriefingFixture f;
    AgencyKpiModel agencies(&f.board, nullptr, &f.clock);
    IncidentTrendModel trend(&agencies);
    QAbstractItemModelTester tester(&trend, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // The board's history starts with Karawaci's call at 08:10 UTC (15:10 WIB): two hours are
    // known, 15:00 and 16:00 WIB, and none before is drawn as a zero.
    CHECK(agencies.coverageStart() == at(8, 10));
    CHECK(trend.coverageStartText() == u"15:10");
    REQUIRE(trend.rowCount() == 2);
    CHECK(trend.index(0).data(IncidentTrendModel::HourRole).toString() == u"15:00");
    CHECK(trend.index(1).data(IncidentTrendModel::HourRole).toString() == u"16:00");
    CHECK(trend.index(0).data(IncidentTrendModel::TotalRole).toInt() == 1);
    CHECK(trend.index(1).data(IncidentTrendModel::TotalRole).toInt() == 2);
    CHECK(trend.index(1).data(IncidentTrendModel::CurrentRole).toBool());
    CHECK_FALSE(trend.index(0).data(IncidentTrendModel::CurrentRole).toBool());
    CHECK(trend.maximum() == 2);
    CHECK(trend.current() == 2);
    CHECK(trend.sameHourYesterday() == -1); // the history does not reach back a day

    // By agency, in the agency model's rows: this hour's are the room's Periuk flood (112) and
    // Dishub's Cibodas crash.
    const QVariantList byAgency = trend.index(1).data(IncidentTrendModel::ByAgencyRole).toList();
    REQUIRE(byAgency.size() == 5);
    CHECK(byAgency.at(agencies.rowOfAgency(Agency::CallCentre112)).toInt() == 1);
    CHECK(byAgency.at(agencies.rowOfAgency(Agency::Dishub)).toInt() == 1);
    CHECK(agencyData(agencies, Agency::CallCentre112, AgencyKpiModel::NewThisHourRole).toInt() == 1);
    CHECK(agencyData(agencies, Agency::CallCentre112, AgencyKpiModel::HourlyRole).toList()
          == QVariantList{1, 1});

    // The next hour starts empty and the window slides.
    f.clock.setFixedTime(at(10, 5));
    agencies.refreshNow();
    REQUIRE(trend.rowCount() == 3);
    CHECK(trend.current() == 0);
    CHECK(trend.index(2).data(IncidentTrendModel::HourRole).toString() == u"17:00");
}

TEST_CASE("Top incidents list the open ones gravest first and filter by agency")
{
    BriefingFixture f;
    IncidentTableModel table(&f.board, &f.clock);
    TopIncidentsModel top(&table, &f.board);
    QAbstractItemModelTester tester(&top, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Karawaci is resolved: not listed. Periuk (severe, three signals) before Cibodas (one).
    REQUIRE(top.count() == 2);
    CHECK(top.incidentIdAt(0) == f.periukId);
    CHECK(top.incidentIdAt(1) == f.cibodasId);
    const QModelIndex first = top.index(0, 0);
    CHECK(first.data(TopIncidentsModel::DisplayIdRole).toString() == QStringLiteral("INC-%1").arg(f.periukId, 6, 10, QLatin1Char('0')));
    CHECK(first.data(TopIncidentsModel::KecamatanRole).toString() == u"Periuk");
    CHECK(first.data(TopIncidentsModel::HazardRole).toString() == u"flood");
    CHECK(first.data(TopIncidentsModel::SeverityKeyRole).toString() == u"severe");
    CHECK(first.data(TopIncidentsModel::SignalsRole).toInt() == 3);
    CHECK(first.data(TopIncidentsModel::HolderAgencyKeyRole).toString() == agencyKey(Agency::CallCentre112));
    CHECK(first.data(TopIncidentsModel::AgeRole).toString() == IncidentTableModel::tr("%1 min").arg(29));
    CHECK(top.roleNames().value(TopIncidentsModel::IncidentIdRole) == "incidentId");

    // A graver signal moves Cibodas up.
    IncidentSignal graver = alert(QStringLiteral("alert-1"), at(9, 20), cibodas(), Severity::Extreme,
                                  QStringLiteral("Cibodas"));
    graver.category = QStringLiteral("kecelakaan");
    f.board.addSignal(graver);
    REQUIRE(f.board.incident(f.cibodasId)->severity() == Severity::Extreme);
    CHECK(top.incidentIdAt(0) == f.cibodasId);

    top.setAgencyFilter(agencyKey(Agency::Dishub));
    REQUIRE(top.count() == 1);
    CHECK(top.incidentIdAt(0) == f.cibodasId);
    top.setAgencyFilter(agencyKey(Agency::Dinkes));
    CHECK(top.count() == 0);
    top.setAgencyFilter({});
    CHECK(top.count() == 2);

    // Resolving takes an incident off the list.
    REQUIRE(f.board.acknowledge(f.periukId, supervisor(), QStringLiteral("seen")).isEmpty());
    REQUIRE(f.board.resolve(f.periukId, supervisor(), QStringLiteral("drained")).isEmpty());
    REQUIRE(top.count() == 1);
    CHECK(top.incidentIdAt(0) == f.cibodasId);
}
