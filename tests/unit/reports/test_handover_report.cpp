#include "ReportsTestSupport.h"

#include "reports/ShiftWindow.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

using Handover = HandoverReport;

const Handover::AlertItem *findAlert(const std::vector<Handover::AlertItem> &items, quint64 id)
{
    const auto it = std::find_if(items.cbegin(), items.cend(),
                                 [id](const Handover::AlertItem &a) { return a.id == id; });
    return it == items.cend() ? nullptr : &*it;
}

} // namespace

TEST_CASE("The handover report lists open, acknowledged and shelved alerts, who took them and "
          "what missed its time")
{
    ShiftFixture f;
    f.startWall();
    // Before the shift: a critical river alert nobody takes.
    f.setTime(wib(6, 58));
    const quint64 critical = f.raise(river("pintu-air-10", Severity::Extreme, "Pintu Air 10: 720 cm"));
    f.setTime(wib(7, 10));
    const quint64 taken = f.raise(river("kali-sabi", Severity::Severe, "Kali Sabi: Siaga 2"));
    f.setTime(wib(7, 25));
    REQUIRE(f.engine->acknowledge(taken, kSiti, QStringLiteral("Petugas BPBD, sudah di lokasi")));
    f.setTime(wib(7, 30));
    const quint64 shelved = f.raise(river("cisadane-sensor-3", Severity::Moderate, "Cisadane 3"));
    f.setTime(wib(7, 40));
    REQUIRE(f.engine->shelve(shelved, kSiti, QStringLiteral("Sensor rusak (tim teknis)"),
                             wib(11, 40)));
    // A drill from BPBD: shown and marked, never counted.
    f.setTime(wib(8, 0));
    AlertCondition drill = river("latihan-banjir", Severity::Extreme, "LATIHAN banjir Periuk");
    drill.live = false;
    drill.status = Alert::Status::Exercise;
    const quint64 exercise = f.raise(drill);
    // An operator may not acknowledge: refused and audited, not listed as an acknowledgement.
    CHECK_FALSE(f.engine->acknowledge(critical, kBudi, QStringLiteral("coba")));

    // Complaints: one whose 7 × 24 h run out in this shift, one already overdue, a 112 call.
    f.addReport(QStringLiteral("LAKSA-77"), wib(9, 15, 16), false);
    f.addReport(QStringLiteral("LAKSA-12"), wib(20, 0, 14), false);
    f.addReport(QStringLiteral("112-5"), wib(9, 0, 16), true);

    const HandoverReport report = f.build(wib(7, 0), wib(15, 0));
    CHECK(report.from == wib(7, 0));
    CHECK(report.to == wib(15, 0));

    SECTION("open alerts: the unacknowledged critical one, with how long it has waited")
    {
        CHECK(Handover::liveCount(report.openAlerts) == 1);
        const auto *open = findAlert(report.openAlerts, critical);
        REQUIRE(open);
        CHECK(open->live);
        CHECK(open->severity == Severity::Extreme);
        CHECK(open->title == QStringLiteral("Pintu Air 10: 720 cm"));
        CHECK(open->state == AlertState::Unacknowledged);
        CHECK(open->raisedAt == wib(6, 58));
        CHECK(open->escalationLevel == 3); // 2 min for extreme, at most level 3
        CHECK(findAlert(report.openAlerts, taken) == nullptr);
    }
    SECTION("acknowledged: who and when, with the note")
    {
        REQUIRE(report.acknowledgedAlerts.size() == 1);
        const auto &ack = report.acknowledgedAlerts.front();
        CHECK(ack.id == taken);
        CHECK(ack.acknowledgedBy == QStringLiteral("siti"));
        CHECK(ack.acknowledgedAt == wib(7, 25));
        CHECK(ack.acknowledgeNote == QStringLiteral("Petugas BPBD, sudah di lokasi"));
        const auto made = std::find_if(report.acknowledgements.cbegin(),
                                       report.acknowledgements.cend(), [&](const auto &a) {
                                           return a.reference == QString::number(taken);
                                       });
        REQUIRE(made != report.acknowledgements.cend());
        CHECK(made->by == QStringLiteral("siti"));
        CHECK(made->role == QStringLiteral("supervisor"));
        CHECK(made->at == wib(7, 25));
        CHECK(made->waitedSeconds == 15 * 60);
        CHECK(made->title == QStringLiteral("Kali Sabi: Siaga 2"));
        for (const auto &a : report.acknowledgements)
            CHECK(a.by != QStringLiteral("budi"));
    }
    SECTION("shelved: by whom, the reason and the expiry")
    {
        REQUIRE(report.shelvedAlerts.size() == 1);
        const auto &s = report.shelvedAlerts.front();
        CHECK(s.id == shelved);
        CHECK(s.shelvedBy == QStringLiteral("siti"));
        CHECK(s.shelvedAt == wib(7, 40));
        CHECK(s.shelveReason == QStringLiteral("Sensor rusak (tim teknis)"));
        CHECK(s.shelvedUntil == wib(11, 40));
    }
    SECTION("SLA misses: both late alerts, one taken late, and the overdue complaint")
    {
        REQUIRE(report.slaMisses.size() == 3);
        const auto &alert = report.slaMisses.at(0);
        CHECK(alert.kind == Handover::SlaMiss::Kind::AlertEscalated);
        CHECK(alert.reference == QString::number(critical));
        CHECK(alert.dueAt == wib(7, 10)); // the first look after its 2 minutes, in the shift
        CHECK(alert.level == 3);
        CHECK_FALSE(alert.handledAt.isValid());
        // Severe waits 5 minutes: Kali Sabi escalated before siti took it at 07:25.
        const auto &late = report.slaMisses.at(1);
        CHECK(late.reference == QString::number(taken));
        CHECK(late.handledAt == wib(7, 25));
        const auto &complaint = report.slaMisses.at(2);
        CHECK(complaint.kind == Handover::SlaMiss::Kind::ComplaintOverdue);
        CHECK(complaint.reference == QStringLiteral("LAKSA-77"));
        CHECK(complaint.dueAt == wib(9, 15));
        CHECK(complaint.title == QStringLiteral("sampah · Periuk"));
        CHECK(report.complaintsOverdueBefore == 1); // LAKSA-12; the 112 call is no complaint
    }
    SECTION("the drill is listed, marked, and counted apart")
    {
        const auto *drillItem = findAlert(report.openAlerts, exercise);
        REQUIRE(drillItem);
        CHECK_FALSE(drillItem->live);
        CHECK(drillItem->title == QStringLiteral("LATIHAN banjir Periuk"));
        CHECK(report.exerciseAlerts == 1);
        CHECK(report.liveAlertsRaised == 2); // the shift's own: the critical one came before it
        for (const auto &miss : report.slaMisses)
            CHECK(miss.reference != QString::number(exercise)); // a drill never escalates
    }
}

TEST_CASE("The handover report follows incidents: acknowledgements, hand-offs and their holder")
{
    ShiftFixture f;
    f.startWall();
    f.setTime(wib(8, 10));
    f.board->addSignal(emergencyCall(QStringLiteral("112-1"), wib(8, 5), periuk()));
    f.board->addSignal(floodReport(QStringLiteral("flood-7"), wib(8, 8), moved(periuk(), 100)));
    REQUIRE(f.board->incidents().size() == 1);
    const qint64 id = f.board->incidents().front().id;
    f.setTime(wib(8, 20));
    REQUIRE(f.board->acknowledge(id, kSiti, QStringLiteral("dilihat")).isEmpty());
    f.setTime(wib(8, 30));
    REQUIRE(f.board->forward(id, Agency::Dlh, kSiti, QStringLiteral("pompa di Periuk")).isEmpty());
    f.setTime(wib(9, 0));
    REQUIRE(f.board->forward(id, Agency::Dishub, kBudi, QStringLiteral("jalan tergenang")).isEmpty());
    f.setTime(wib(9, 30));
    REQUIRE(f.board->forward(id, Agency::Dlh, kBudi, QStringLiteral("kembali ke DLH")).isEmpty());
    f.setTime(wib(9, 40));
    REQUIRE(f.board->addNote(id, kBudi, QStringLiteral("pompa 3 mati")).isEmpty());

    SECTION("at the end of the shift")
    {
        const HandoverReport report = f.build(wib(7, 0), wib(15, 0));
        REQUIRE(report.openIncidents.size() == 1);
        const auto &incident = report.openIncidents.front();
        CHECK(incident.displayId == QStringLiteral("INC-%1").arg(id, 6, 10, QLatin1Char('0')));
        CHECK(incident.state == IncidentState::Forwarded);
        CHECK(incident.accountable == Agency::Dlh);
        CHECK(incident.bounced);
        CHECK(incident.signalCount == 2);
        REQUIRE(report.handOffs.size() == 3);
        CHECK(report.handOffs.at(0).to == Agency::Dlh);
        CHECK(report.handOffs.at(0).by == QStringLiteral("siti"));
        CHECK(report.handOffs.at(1).from == Agency::Dlh);
        CHECK(report.handOffs.at(1).to == Agency::Dishub);
        CHECK(report.handOffs.at(2).bounced);
        CHECK(report.handOffs.at(2).note == QStringLiteral("kembali ke DLH"));
        REQUIRE(report.acknowledgements.size() == 1);
        const auto &ack = report.acknowledgements.front();
        CHECK(ack.subject == Handover::Acknowledgement::Subject::Incident);
        CHECK(ack.by == QStringLiteral("siti"));
        CHECK(ack.at == wib(8, 20));
        CHECK(ack.waitedSeconds == 15 * 60);
        REQUIRE(report.notes.size() == 1);
        CHECK(report.notes.front().incident == incident.displayId);
        CHECK(report.notes.front().by == kBudi.name);
        CHECK(report.notes.front().at == wib(9, 40));
        CHECK(report.notes.front().text == QStringLiteral("pompa 3 mati"));
    }
    SECTION("as it stood at a window's end, not as it stands now")
    {
        const HandoverReport report = f.build(wib(7, 0), wib(8, 45));
        CHECK(report.notes.empty()); // written after the window
        REQUIRE(report.openIncidents.size() == 1);
        CHECK(report.openIncidents.front().accountable == Agency::Dlh);
        CHECK_FALSE(report.openIncidents.front().bounced);
        CHECK(report.handOffs.size() == 1);
    }
    SECTION("a window before it opened knows nothing of it")
    {
        const HandoverReport report = f.build(wib(7, 0), wib(8, 0));
        CHECK(report.openIncidents.empty());
        CHECK(report.handOffs.empty());
        CHECK(report.acknowledgements.empty());
    }
}

TEST_CASE("A restart of the wall ends its alerts - their acknowledgements stay in the report")
{
    ShiftFixture f;
    f.startWall();
    f.setTime(wib(7, 5));
    const quint64 first = f.raise(river("kali-sabi", Severity::Severe, "Kali Sabi: Siaga 2"));
    f.setTime(wib(7, 6));
    REQUIRE(f.engine->acknowledge(first, kSiti, QStringLiteral("ok")));
    f.setTime(wib(7, 8));
    const quint64 open = f.raise(river("pintu-air-10", Severity::Minor, "Pintu Air 10: 600 cm"));
    // The wall restarts at 09:00; the new engine numbers its alerts from 1 again.
    f.setTime(wib(9, 0));
    f.engine = std::make_unique<AlertEngine>(&f.clock, AlertRules(), f.audit.get());
    f.startWall();
    f.setTime(wib(9, 1));
    const quint64 again = f.raise(river("cisadane-1", Severity::Moderate, "Cisadane 1"));
    CHECK(again == first); // the same number, another alert

    const HandoverReport report = f.build(wib(7, 0), wib(15, 0));
    CHECK(report.wallRuns == 1);
    CHECK(report.acknowledgedAlerts.empty()); // gone with the run that had it
    REQUIRE(report.openAlerts.size() == 1);
    CHECK(report.openAlerts.front().title == QStringLiteral("Cisadane 1"));
    CHECK(open != again);
    REQUIRE(report.acknowledgements.size() == 1);
    CHECK(report.acknowledgements.front().title == QStringLiteral("Kali Sabi: Siaga 2"));
    CHECK(report.liveAlertsRaised == 3);
}

TEST_CASE("Shifts run 07-15, 15-23 and 23-07 WIB - times without an offset are WIB")
{
    CHECK(ShiftWindow::current(wib(9, 30)).from == wib(7, 0));
    CHECK(ShiftWindow::current(wib(9, 30)).to == wib(9, 30));
    CHECK(ShiftWindow::current(wib(15, 0)).from == wib(15, 0));
    CHECK(ShiftWindow::current(wib(23, 59)).from == wib(23, 0));
    CHECK(ShiftWindow::current(wib(3, 0)).from == wib(23, 0, 22));
    CHECK(ShiftWindow::parseTime(QStringLiteral("2026-11-23T07:00")) == wib(7, 0));
    CHECK(ShiftWindow::parseTime(QStringLiteral("2026-11-23T00:00:00Z")) == wib(7, 0));
    CHECK(ShiftWindow::parseTime(QStringLiteral("2026-11-23T08:00:00+08:00")) == wib(7, 0));
    CHECK_FALSE(ShiftWindow::parseTime(QStringLiteral("2026-11-23")));
    CHECK_FALSE(ShiftWindow::parseTime(QStringLiteral("kemarin")));
}

TEST_CASE("A file that is no wall database is a clear error, not a report")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not.sqlite"));
    writeFile(path, "hello");
    const auto read = HandoverStoreReader::readFile(path, wib(7, 0), wib(15, 0));
    CHECK(read.error.contains(QStringLiteral("not an SQLite database")));
    const auto missing = HandoverStoreReader::readFile(dir.filePath(QStringLiteral("none")),
                                                       wib(7, 0), wib(15, 0));
    CHECK_FALSE(missing.error.isEmpty());
}
