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
    CHECK(situation.recentReports().front().id == QStringLiteral("112-2"));
}
