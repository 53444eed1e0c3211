#include "domain/WallClock.h"
#include "kpi/ComplaintSla.h"
#include "kpi/HourlyTrend.h"
#include "kpi/KpiKind.h"
#include "kpi/OpenIncidents.h"
#include "kpi/ReportHistory.h"
#include "kpi/WibCalendar.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

QDateTime utc(int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute, second), Qt::UTC);
}

Complaint complaint(const QDateTime &received, std::optional<QDateTime> closed = std::nullopt)
{
    return Complaint{QStringLiteral("LAKSA-x"), received, closed};
}

} // namespace

TEST_CASE("WIB hours and days start seven hours before UTC's")
{
    // 23 Nov 17:10 UTC is 24 Nov 00:10 WIB: a new WIB day, the same UTC day.
    CHECK(WibCalendar::date(utc(23, 17, 10)) == QDate(2026, 11, 24));
    CHECK(WibCalendar::dayStart(utc(23, 17, 10)) == utc(23, 17));
    CHECK(WibCalendar::dayStart(utc(23, 16, 59)) == utc(22, 17));
    CHECK(WibCalendar::hourStart(utc(23, 17, 10, 30)) == utc(23, 17));
    const QTimeZone india(5 * 3600 + 1800);
    CHECK(WibCalendar::hourStart(utc(23, 17, 10), india) == utc(23, 16, 30));
}

TEST_CASE("A complaint is inside the limit for exactly 7 x 24 hours")
{
    const Complaint c = complaint(utc(16, 3));
    CHECK(ComplaintSla::dueAt(c.receivedAt) == utc(23, 3));
    const auto before = ComplaintSla::evaluate({&c, 1}, utc(23, 2, 59));
    CHECK(before.openInside == 1);
    CHECK(before.openPast == 0);
    CHECK(before.nextDue == utc(23, 3));
    CHECK(ComplaintSla::evaluate({&c, 1}, utc(23, 3)).openInside == 1); // the limit itself
    const auto after = ComplaintSla::evaluate({&c, 1}, utc(23, 3, 0, 1));
    CHECK(after.openInside == 0);
    CHECK(after.openPast == 1);
    CHECK_FALSE(after.nextDue);
}

TEST_CASE("The limit counts elapsed hours, not calendar days, across WIB midnight")
{
    // Received 16 Nov 23:50 WIB: due 23 Nov 23:50 WIB, not at the end of 23 Nov.
    const Complaint lateEvening = complaint(utc(16, 16, 50));
    CHECK(ComplaintSla::evaluate({&lateEvening, 1}, utc(23, 16, 49)).openInside == 1);
    CHECK(ComplaintSla::evaluate({&lateEvening, 1}, utc(23, 16, 55)).openPast == 1);

    // Received 17 Nov 00:30 WIB (16 Nov UTC): due 24 Nov 00:30 WIB.
    const Complaint afterMidnight = complaint(utc(16, 17, 30));
    CHECK(ComplaintSla::dueAt(afterMidnight.receivedAt) == utc(23, 17, 30));
    // At 23 Nov 17:00 WIB it is due tomorrow on the wall's calendar, but today in UTC's.
    const QDateTime now = utc(23, 10);
    CHECK(ComplaintSla::evaluate({&afterMidnight, 1}, now).dueToday == 0);
    CHECK(ComplaintSla::evaluate({&afterMidnight, 1}, now, QTimeZone::utc()).dueToday == 1);
    // The evening one is due today in both.
    CHECK(ComplaintSla::evaluate({&lateEvening, 1}, now).dueToday == 1);
}

TEST_CASE("Followed-up complaints count by when they were closed")
{
    const Complaint list[] = {
        complaint(utc(10, 0), utc(12, 0)),          // closed in time
        complaint(utc(10, 0), utc(17, 0, 0, 1)),    // closed a second late
        complaint(utc(20, 0), utc(23, 12)),         // closed, but in the future: still open
        complaint(utc(23, 11)),                     // received in the future: not counted
        complaint(QDateTime()),                     // no time: not counted
        complaint(utc(15, 0)),                      // open, past (due 22 Nov)
    };
    const auto f = ComplaintSla::evaluate(list, utc(23, 10));
    CHECK(f.closedInside == 1);
    CHECK(f.closedLate == 1);
    CHECK(f.openInside == 1);
    CHECK(f.openPast == 1);
    CHECK(f.open() == 2);
}

TEST_CASE("Complaints are the LAKSA reports: not emergencies, not 112 calls")
{
    Report r;
    r.channel = Report::Channel::App;
    r.kind = Report::Kind::Grievance;
    CHECK(ComplaintSla::isComplaint(r));
    r.channel = Report::Channel::Call112;
    CHECK_FALSE(ComplaintSla::isComplaint(r));
    r.channel = Report::Channel::WhatsApp;
    r.kind = Report::Kind::Emergency;
    r.emergency = true;
    CHECK_FALSE(ComplaintSla::isComplaint(r));
}

TEST_CASE("This hour is compared with the same part of the same hour yesterday")
{
    // 23 Nov 17:10 UTC = 24 Nov 00:10 WIB: yesterday's hour is 23 Nov 00:00-00:10 WIB.
    const std::vector<QDateTime> times{
        utc(22, 17, 5),  // yesterday, inside the compared part
        utc(22, 17, 15), // yesterday, after it: not compared
        utc(23, 16, 59), // the previous hour (23:59 WIB)
        utc(23, 17, 1),  utc(23, 17, 9),
        utc(23, 18, 0),  // in the future: counted nowhere
    };
    const auto trend = HourlyTrend::compute(times, utc(21, 0), utc(23, 17, 10));
    CHECK(trend.current == 2);
    REQUIRE(trend.sameHourYesterday);
    CHECK(*trend.sameHourYesterday == 1);
    CHECK(trend.delta() == 1);
    REQUIRE(trend.sparkline.size() == 24);
    CHECK(trend.sparklineStart == utc(22, 18));
    CHECK(trend.sparkline.back() == 2);
    CHECK(trend.sparkline[22] == 1);
}

TEST_CASE("Without history for yesterday there is no trend, and no invented zeros")
{
    const std::vector<QDateTime> times{utc(23, 15, 40), utc(23, 17, 2)};
    const auto trend = HourlyTrend::compute(times, utc(23, 15, 30), utc(23, 17, 10));
    CHECK(trend.current == 1);
    CHECK_FALSE(trend.sameHourYesterday);
    CHECK_FALSE(trend.delta());
    CHECK(trend.sparklineStart == utc(23, 15));
    CHECK(trend.sparkline == std::vector<int>{1, 0, 1});
}

TEST_CASE("Hours follow the zone given: a half-hour zone starts hours at :30 UTC")
{
    const std::vector<QDateTime> times{utc(23, 16, 40), utc(23, 17, 5)};
    const QTimeZone india(5 * 3600 + 1800);
    CHECK(HourlyTrend::compute(times, utc(20, 0), utc(23, 17, 10), 24, india).current == 2);
    CHECK(HourlyTrend::compute(times, utc(20, 0), utc(23, 17, 10)).current == 1); // WIB
}

TEST_CASE("Open incidents are live alerts in force, by the agency of their feed")
{
    auto alert = [](const char *feed, Alert::Status status) {
        Alert a;
        a.source = QString::fromLatin1(feed);
        a.status = status;
        return a;
    };
    const QList<Alert> active{
        alert("dishub-traffic", Alert::Status::Actual),
        alert("dishub-traffic", Alert::Status::Actual),
        alert("tirta-water", Alert::Status::Actual),
        alert("tirta-water", Alert::Status::Exercise), // never in live figures
        alert("tirta-water", Alert::Status::Test),
        alert("somewhere", Alert::Status::Actual),
    };
    const QHash<QString, Agency> agencies{{QStringLiteral("dishub-traffic"), Agency::Dishub},
                                          {QStringLiteral("tirta-water"), Agency::TirtaBenteng}};
    const auto incidents = OpenIncidents::count(active, agencies);
    CHECK(incidents.total == 4);
    CHECK(incidents.byAgency.value(Agency::Dishub) == 2);
    CHECK(incidents.byAgency.value(Agency::TirtaBenteng) == 1);
    CHECK(incidents.byAgency.value(Agency::Unknown) == 1);
}

TEST_CASE("The report history keeps each report once for eight days")
{
    ReportHistory history(utc(10, 0));
    Report r;
    r.id = QStringLiteral("LAKSA-2026-000001");
    r.receivedAt = utc(10, 1);
    history.add(r);
    history.add(r); // a replay
    r.id = QStringLiteral("112-2026-000001");
    r.channel = Report::Channel::Call112;
    r.receivedAt = utc(17, 0);
    history.add(r);
    REQUIRE(history.size() == 2);
    CHECK(history.times(ReportHistory::Counting::Complaints) == std::vector<QDateTime>{utc(10, 1)});
    CHECK(history.times(ReportHistory::Counting::Calls112) == std::vector<QDateTime>{utc(17, 0)});

    history.prune(utc(18, 2)); // eight days after 10 Nov 00:01 and a minute
    CHECK(history.size() == 1);
    CHECK(history.coverageStart() == utc(10, 2));
    history.add(r); // still held: still once
    CHECK(history.size() == 1);
}

TEST_CASE("KPI keys of the wall profile are known - alert-engine KPIs say they need it")
{
    for (const char *key : {"open-incidents-by-agency", "unacknowledged-alerts", "complaints-sla",
                            "median-ack-112", "response-time-by-agency", "calls-112-per-hour"}) {
        INFO(key);
        const auto kind = kpiKindFromKey(QString::fromLatin1(key));
        REQUIRE(kind);
        CHECK(kpiKindKey(*kind) == QString::fromLatin1(key));
    }
    CHECK_FALSE(kpiKindFromKey(u"happiness"));
    CHECK(kpiNeedsAlertEngine(KpiKind::UnacknowledgedAlerts));
    CHECK(kpiNeedsAlertEngine(KpiKind::MedianAck112));
    CHECK(kpiNeedsAlertEngine(KpiKind::ResponseTimeByAgency));
    CHECK_FALSE(kpiNeedsAlertEngine(KpiKind::ComplaintsSla));
}
