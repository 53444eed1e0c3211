#include "domain/WallClock.h"
#include "situation/SituationModel.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

using namespace tlr;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);

Observation reading(const char *entity, double speed, int minutesAgo)
{
    Observation o;
    o.entityId = QString::fromLatin1(entity);
    o.observedAt = kNow.addSecs(-60 * minutesAgo);
    o.measurements = {{QStringLiteral("averageVehicleSpeed"), speed, QStringLiteral("KMH")}};
    return o;
}

Alert capAlert(const char *id, Severity severity, const QDateTime &sent, const QDateTime &expires = {})
{
    Alert a;
    a.sender = QStringLiteral("bmkg@example.invalid");
    a.identifier = QString::fromLatin1(id);
    a.sent = sent;
    a.status = Alert::Status::Actual;
    a.msgType = Alert::MsgType::Alert;
    AlertInfo info;
    info.severity = severity;
    info.expires = expires;
    a.infos = {info};
    return a;
}

} // namespace

TEST_CASE("The latest reading per sensor wins, whatever order they arrive in")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    QSignalSpy changed(&situation, &SituationModel::observationsChanged);
    situation.apply({reading("a", 40, 2), reading("b", 10, 1)});
    situation.apply({reading("a", 55, 5)}); // late and older: ignored
    CHECK(situation.observations().value(QStringLiteral("a")).value(u"averageVehicleSpeed") == 40.0);
    situation.apply({reading("a", 12, 0)});
    CHECK(situation.observations().value(QStringLiteral("a")).value(u"averageVehicleSpeed") == 12.0);
    CHECK(changed.size() == 2);
}

TEST_CASE("CAP updates replace, cancels remove, expired alerts leave")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    situation.apply({capAlert("w1", Severity::Moderate, kNow.addSecs(-600), kNow.addSecs(3600)),
                     capAlert("w2", Severity::Minor, kNow.addSecs(-300), kNow.addSecs(60))});
    REQUIRE(situation.activeAlerts().size() == 2);
    CHECK(situation.activeAlerts().first().identifier == QStringLiteral("w1")); // most severe first

    Alert update = capAlert("w1-u", Severity::Severe, kNow, kNow.addSecs(7200));
    update.msgType = Alert::MsgType::Update;
    update.references = {QStringLiteral("bmkg@example.invalid,w1,2026-11-23T02:50:00+00:00")};
    situation.apply({update});
    QStringList ids;
    for (const Alert &a : situation.activeAlerts())
        ids << a.identifier;
    CHECK(ids == QStringList{QStringLiteral("w1-u"), QStringLiteral("w2")});

    Alert cancel = capAlert("w1-c", Severity::Unknown, kNow);
    cancel.msgType = Alert::MsgType::Cancel;
    cancel.references = {QStringLiteral("bmkg@example.invalid,w1-u,2026-11-23T03:00:00+00:00")};
    situation.apply({cancel});
    REQUIRE(situation.activeAlerts().size() == 1);

    clock.setFixedTime(kNow.addSecs(120));
    CHECK(situation.activeAlerts().isEmpty());
}

TEST_CASE("Reports are kept for a day and never with personal data")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    Report old;
    old.id = QStringLiteral("LAKSA-1");
    old.receivedAt = kNow.addSecs(-25 * 3600);
    Report fresh;
    fresh.id = QStringLiteral("112-2");
    fresh.receivedAt = kNow.addSecs(-60);
    situation.apply({fresh, old});
    situation.expire();
    REQUIRE(situation.recentReports().size() == 1);
    CHECK(situation.recentReports().front()->id == QStringLiteral("112-2"));
}

TEST_CASE("The day of reports is the evidence's day: a run a day behind the wall keeps its last "
          "24 hours, neither none nor all")
{
    // A replay, a feed catching up, the time-compressed soak: the reports' times run two days
    // behind the wall. By the wall's clock every one of them would be gone at once, or, a day
    // later, every one kept for as long as the run lasts.
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    const QDateTime replayed = kNow.addDays(-2);
    const auto report = [](const QString &id, const QDateTime &at) {
        Report r;
        r.id = id;
        r.receivedAt = at;
        return r;
    };
    situation.apply({report(QStringLiteral("LAKSA-1"), replayed.addSecs(-25 * 3600)),
                     report(QStringLiteral("LAKSA-2"), replayed.addSecs(-23 * 3600)),
                     report(QStringLiteral("112-3"), replayed)});
    situation.expire();
    REQUIRE(situation.recentReports().size() == 2);
    CHECK(situation.recentReports().front()->id == QStringLiteral("LAKSA-2"));

    // The evidence moves on by its readings too; a reading from the future does not move it.
    Observation reading;
    reading.entityId = QStringLiteral("urn:ngsi-ld:WaterObserved:pintu-air-10");
    reading.observedAt = replayed.addSecs(2 * 3600);
    Observation ahead = reading;
    ahead.entityId = QStringLiteral("urn:ngsi-ld:WaterObserved:wrong-clock");
    ahead.observedAt = kNow.addDays(3);
    situation.apply({reading, ahead});
    situation.expire();
    REQUIRE(situation.recentReports().size() == 1);
    CHECK(situation.recentReports().front()->id == QStringLiteral("112-3"));
}

TEST_CASE("Reports share the texts every report repeats: feed, category, kecamatan")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    // As the parser makes them: each text decoded into a string of its own.
    const auto report = [](int i) {
        Report r;
        r.source = QString::fromLatin1("laksa");
        r.id = QStringLiteral("LAKSA-%1").arg(i);
        r.receivedAt = kNow.addSecs(-i);
        r.category = QString::fromLatin1("banjir");
        r.kecamatan = QString::fromLatin1("Periuk");
        r.description = QStringLiteral("Genangan air %1").arg(i);
        return r;
    };
    situation.apply({report(3), report(2)});
    situation.apply({report(1)});
    const auto &kept = situation.recentReports();
    REQUIRE(kept.size() == 3);
    for (const SharedReport &r : kept) {
        CHECK(r->source.constData() == kept.front()->source.constData());
        CHECK(r->category.constData() == kept.front()->category.constData());
        CHECK(r->kecamatan.constData() == kept.front()->kecamatan.constData());
    }
    // What is the report's own stays its own.
    CHECK(kept[0]->id == QStringLiteral("LAKSA-3"));
    CHECK(kept[2]->description == QStringLiteral("Genangan air 1"));
}

TEST_CASE("Reports are kept in the order they were received, a late batch in its place")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    const auto report = [](const char *id, int secondsAgo) {
        Report r;
        r.id = QString::fromLatin1(id);
        r.receivedAt = kNow.addSecs(-secondsAgo);
        return r;
    };
    situation.apply({report("a", 300), report("c", 100)});
    situation.apply({report("d", 50), report("b", 200), report("c2", 100)});
    situation.apply({report("e", 10)});
    QStringList ids;
    for (const SharedReport &r : situation.recentReports())
        ids.append(r->id);
    // Same receiving time: the one applied first stays first.
    CHECK(ids == QStringList{"a", "b", "c", "c2", "d", "e"});
}

TEST_CASE("The report history outlives the situation's day, each report once")
{
    WallClock clock;
    clock.setFixedTime(kNow);
    SituationModel situation(&clock);
    situation.expire(); // ticks before the first batch cover nothing yet
    CHECK_FALSE(situation.reportHistory().coverageStart().isValid());
    Report complaint;
    complaint.id = QStringLiteral("LAKSA-7");
    complaint.receivedAt = kNow.addSecs(-60);
    complaint.kind = Report::Kind::Complaint;
    complaint.channel = Report::Channel::WhatsApp;
    complaint.description = QStringLiteral("Jalan berlubang di depan rumah no. 12");
    complaint.kecamatan = QStringLiteral("Cibodas");
    situation.apply({complaint, complaint}); // sent twice
    CHECK(situation.reportHistory().coverageStart() == kNow);

    clock.setFixedTime(kNow.addSecs(25 * 3600));
    situation.expire();
    CHECK(situation.recentReports().empty());
    REQUIRE(situation.reportHistory().size() == 1);
    CHECK(situation.reportHistory().times(ReportHistory::Counting::Complaints)
          == std::vector<QDateTime>{complaint.receivedAt});
    CHECK(situation.reportHistory().times(ReportHistory::Counting::Calls112).empty());

    clock.setFixedTime(kNow.addSecs(8 * 24 * 3600 + 60));
    situation.expire();
    CHECK(situation.reportHistory().isEmpty());
}
