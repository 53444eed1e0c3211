#include "AlertTestSupport.h"

#include <catch2/catch.hpp>

#include <random>

#include <QSignalSpy>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

AlertState stateOf(const AlertEngine &engine, quint64 id)
{
    const AlertRecord *alert = engine.alert(id);
    return alert ? alert->state : AlertState::Unknown;
}

} // namespace

TEST_CASE("A new condition raises one unacknowledged alert and one tone")
{
    EngineFixture f;
    QSignalSpy raised(f.engine.get(), &AlertEngine::alertRaised);
    QSignalSpy updated(f.engine.get(), &AlertEngine::alertsUpdated);
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    REQUIRE(f.engine->size() == 1);
    CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
    CHECK(f.engine->alert(id)->raisedAt == kStart);
    CHECK(f.engine->alert(id)->agency == Agency::Dlh);
    CHECK(raised.size() == 1);
    CHECK(updated.size() == 1);
    CHECK(f.audit.actionsOn(QStringLiteral("alert:%1").arg(id)) == QStringList{"alert.raised"});
    CHECK(f.audit.last().actor.isSystem());
}

TEST_CASE("A repeat of the same key counts a duplicate: no new alert, no new tone")
{
    EngineFixture f;
    QSignalSpy raised(f.engine.get(), &AlertEngine::alertRaised);
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    f.advanceSeconds(10);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Severe),
                               condition("pintu-air-10", Severity::Severe)});
    CHECK(f.engine->size() == 1);
    CHECK(f.engine->alert(id)->duplicateCount == 2);
    CHECK(f.engine->alert(id)->updatedAt == kStart.addSecs(10));
    CHECK(raised.size() == 1);
    CHECK(f.audit.actionsOn(QStringLiteral("alert:%1").arg(id)) == QStringList{"alert.raised"});

    SECTION("another resource, source or event is another alert")
    {
        AlertCondition otherEvent = condition("pintu-air-10", Severity::Severe);
        otherEvent.event = QStringLiteral("river-rising");
        AlertCondition otherSource = condition("pintu-air-10", Severity::Severe);
        otherSource.source = QStringLiteral("bbws-feed");
        f.engine->applyConditions({condition("pintu-air-11", Severity::Severe), otherEvent, otherSource});
        CHECK(f.engine->size() == 4);
        CHECK(raised.size() == 4);
    }
}

TEST_CASE("Unacknowledged to acknowledged to closed")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    f.advanceMinutes(1);
    const auto result = f.engine->acknowledge(id, supervisor(), QStringLiteral("BPBD informed"));
    REQUIRE(result.accepted);
    const AlertRecord *a = f.engine->alert(id);
    CHECK(a->state == AlertState::Acknowledged);
    CHECK(a->acknowledgedBy == QLatin1String("sari"));
    CHECK(a->acknowledgedAt == kStart.addSecs(60));
    CHECK(f.audit.last().action == QLatin1String("alert.acknowledged"));
    CHECK(f.audit.last().note == QLatin1String("BPBD informed"));
    CHECK(f.audit.last().actor.name == QLatin1String("sari"));

    f.engine->applyConditions({cleared("pintu-air-10")});
    CHECK(stateOf(*f.engine, id) == AlertState::Closed);
    CHECK(f.audit.last().action == QLatin1String("alert.closed"));
    CHECK(f.audit.last().actor.isSystem());

    SECTION("the same key after closing is a new alert")
    {
        QSignalSpy raised(f.engine.get(), &AlertEngine::alertRaised);
        const quint64 again = f.raise("pintu-air-10", Severity::Moderate);
        CHECK(again != id);
        CHECK(raised.size() == 1);
    }
    SECTION("a closed alert stays in view for the retention time, then leaves")
    {
        QSignalSpy updated(f.engine.get(), &AlertEngine::alertsUpdated);
        f.advanceMinutes(59);
        CHECK(f.engine->alert(id) != nullptr);
        f.advanceMinutes(1);
        CHECK(f.engine->alert(id) == nullptr);
        REQUIRE(!updated.isEmpty());
        CHECK(updated.last().at(0).value<AlertChanges>().removed == QList<quint64>{id});
    }
}

TEST_CASE("Cleared while unacknowledged: returned to normal, then acknowledged closes it")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    f.engine->applyConditions({cleared("pintu-air-10")});
    CHECK(stateOf(*f.engine, id) == AlertState::ReturnedUnacknowledged);
    CHECK(f.audit.last().action == QLatin1String("alert.returned-to-normal"));

    SECTION("acknowledging closes it")
    {
        REQUIRE(f.engine->acknowledge(id, supervisor(), QStringLiteral("seen")).accepted);
        CHECK(stateOf(*f.engine, id) == AlertState::Closed);
        CHECK(f.audit.actionsOn(QStringLiteral("alert:%1").arg(id)).mid(2)
              == QStringList{"alert.acknowledged", "alert.closed"});
    }
    SECTION("the condition returning makes it unacknowledged again, without a new tone")
    {
        QSignalSpy raised(f.engine.get(), &AlertEngine::alertRaised);
        f.engine->applyConditions({condition("pintu-air-10", Severity::Severe)});
        CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
        CHECK(f.engine->size() == 1);
        CHECK(raised.isEmpty());
        CHECK(f.audit.last().action == QLatin1String("alert.reactivated"));
    }
}

TEST_CASE("A more severe update re-opens an acknowledged alert - a milder one does not")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Moderate);
    REQUIRE(f.engine->acknowledge(id, supervisor(), {}).accepted);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Moderate)});
    CHECK(stateOf(*f.engine, id) == AlertState::Acknowledged);

    f.advanceMinutes(3);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Severe)});
    CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
    CHECK(f.engine->alert(id)->severity == Severity::Severe);
    CHECK(f.engine->alert(id)->unacknowledgedSince == kStart.addSecs(180));
    CHECK(f.audit.last().action == QLatin1String("alert.reopened"));
    CHECK(f.audit.last().note == QStringLiteral("moderate → severe"));

    REQUIRE(f.engine->acknowledge(id, supervisor(), {}).accepted);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Minor)});
    CHECK(stateOf(*f.engine, id) == AlertState::Acknowledged);
    CHECK(f.engine->alert(id)->severity == Severity::Minor);
}

TEST_CASE("Only the supervisor on duty acknowledges, shelves and unshelves - refusals are audited")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Extreme);
    const QString subject = QStringLiteral("alert:%1").arg(id);

    const auto byOperator = f.engine->acknowledge(id, operatorActor(), QStringLiteral("on it"));
    CHECK_FALSE(byOperator.accepted);
    CHECK(byOperator.reason.contains(QLatin1String("supervisor")));
    CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
    CHECK(f.audit.last().action == QLatin1String("alert.acknowledge-refused"));
    CHECK(f.audit.last().actor.name == QLatin1String("budi"));
    CHECK(f.audit.last().subject == subject);

    const Actor executive{QStringLiteral("walikota"), Role::Executive};
    CHECK_FALSE(f.engine->acknowledge(id, executive, {}).accepted);
    CHECK_FALSE(f.engine->shelve(id, operatorActor(), QStringLiteral("maintenance"), kStart.addSecs(3600)).accepted);
    CHECK(f.audit.last().action == QLatin1String("alert.shelve-refused"));

    // The admin keeps the accounts; the supervisor on duty answers for the alarms.
    const Actor admin{QStringLiteral("admin"), Role::Admin};
    CHECK_FALSE(f.engine->shelve(id, admin, QStringLiteral("sensor maintenance"), kStart.addSecs(3600)).accepted);
    REQUIRE(f.engine->shelve(id, supervisor(), QStringLiteral("sensor maintenance"), kStart.addSecs(3600)).accepted);
    CHECK_FALSE(f.engine->unshelve(id, operatorActor(), {}).accepted);
    CHECK(f.audit.last().action == QLatin1String("alert.unshelve-refused"));
    CHECK(stateOf(*f.engine, id) == AlertState::Shelved);
    CHECK(f.engine->unshelve(id, supervisor(), QStringLiteral("back")).accepted);
}

TEST_CASE("Acknowledging what cannot be acknowledged is refused with the reason")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    REQUIRE(f.engine->acknowledge(id, supervisor(), {}).accepted);
    const auto twice = f.engine->acknowledge(id, supervisor(), {});
    CHECK_FALSE(twice.accepted);
    CHECK(twice.reason == QLatin1String("the alert is acknowledged"));
    CHECK_FALSE(f.engine->acknowledge(9999, supervisor(), {}).accepted);
    CHECK(f.audit.last().subject == QLatin1String("alert:9999"));
}

TEST_CASE("Shelving needs a reason and a future expiry within the limit")
{
    EngineFixture f;
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    CHECK(f.engine->shelve(id, supervisor(), QStringLiteral("  "), kStart.addSecs(600)).reason
          == QLatin1String("a reason is required"));
    CHECK_FALSE(f.engine->shelve(id, supervisor(), QStringLiteral("works"), QDateTime()).accepted);
    CHECK_FALSE(f.engine->shelve(id, supervisor(), QStringLiteral("works"), kStart).accepted);
    CHECK_FALSE(f.engine->shelve(id, supervisor(), QStringLiteral("works"), kStart.addDays(2)).accepted);
    CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
    REQUIRE(f.engine->shelve(id, supervisor(), QStringLiteral("works"), kStart.addSecs(600)).accepted);
    const AlertRecord *a = f.engine->alert(id);
    CHECK(a->state == AlertState::Shelved);
    CHECK(a->shelveReason == QLatin1String("works"));
    CHECK(a->shelvedBy == QLatin1String("sari"));
    CHECK(f.audit.last().action == QLatin1String("alert.shelved"));
    CHECK(f.audit.last().note.startsWith(QLatin1String("works (until 2026-11-23T02:10:00")));
}

TEST_CASE("A shelf reminds before it expires, then the alert returns to where it stands")
{
    AlertPolicy policy;
    policy.shelveReminderMinutes = 5;
    EngineFixture f(policy);
    const quint64 id = f.raise("pintu-air-10", Severity::Severe);
    QSignalSpy reminders(f.engine.get(), &AlertEngine::shelveReminder);
    REQUIRE(f.engine->shelve(id, supervisor(), QStringLiteral("gauge being cleaned"), kStart.addSecs(30 * 60)).accepted);

    f.advanceMinutes(24);
    CHECK(reminders.isEmpty());
    f.advanceMinutes(1);
    REQUIRE(reminders.size() == 1);
    CHECK(reminders.first().at(0).value<AlertRecord>().id == id);
    CHECK(f.audit.last().action == QLatin1String("alert.shelve-reminder"));
    f.advanceMinutes(1);
    CHECK(reminders.size() == 1); // once

    SECTION("still active and unacknowledged: back to unacknowledged, the escalation clock restarted")
    {
        f.advanceMinutes(4);
        CHECK(stateOf(*f.engine, id) == AlertState::Unacknowledged);
        CHECK(f.engine->alert(id)->unacknowledgedSince == kStart.addSecs(30 * 60));
        CHECK(f.audit.actionsOn(QStringLiteral("alert:%1").arg(id)).last() == QLatin1String("alert.shelve-expired"));
    }
    SECTION("cleared while shelved: returned to normal, unacknowledged")
    {
        f.engine->applyConditions({cleared("pintu-air-10")});
        CHECK(stateOf(*f.engine, id) == AlertState::Shelved);
        f.advanceMinutes(4);
        CHECK(stateOf(*f.engine, id) == AlertState::ReturnedUnacknowledged);
    }
    SECTION("acknowledged before shelving and cleared while shelved: closed on expiry")
    {
        // Unshelve, acknowledge, shelve again, clear.
        REQUIRE(f.engine->unshelve(id, supervisor(), {}).accepted);
        REQUIRE(f.engine->acknowledge(id, supervisor(), {}).accepted);
        REQUIRE(f.engine->shelve(id, supervisor(), QStringLiteral("again"), f.clock.now().addSecs(600)).accepted);
        f.engine->applyConditions({cleared("pintu-air-10")});
        f.advanceMinutes(10);
        CHECK(stateOf(*f.engine, id) == AlertState::Closed);
    }
}

TEST_CASE("Unacknowledged alerts escalate per severity - acknowledging stops it")
{
    EngineFixture f; // extreme after 2 min, severe after 5, minor never; at most level 3
    QSignalSpy escalated(f.engine.get(), &AlertEngine::alertEscalated);
    const quint64 extreme = f.raise("pintu-air-10", Severity::Extreme);
    const quint64 severe = f.raise("pintu-air-11", Severity::Severe);
    const quint64 minor = f.raise("pintu-air-12", Severity::Minor);

    f.advanceSeconds(119);
    CHECK(escalated.isEmpty());
    f.advanceSeconds(1);
    REQUIRE(escalated.size() == 1);
    CHECK(escalated.at(0).at(0).value<AlertRecord>().id == extreme);
    CHECK(escalated.at(0).at(1).toInt() == 1);
    CHECK(f.audit.last().action == QLatin1String("alert.escalated"));
    CHECK(f.audit.last().actor.isSystem());

    f.advanceMinutes(2);
    CHECK(f.engine->alert(extreme)->escalationLevel == 2);
    f.advanceMinutes(1);
    CHECK(f.engine->alert(severe)->escalationLevel == 1);
    f.advanceMinutes(60);
    CHECK(f.engine->alert(extreme)->escalationLevel == 3);
    CHECK(f.engine->alert(severe)->escalationLevel == 3);
    CHECK(f.engine->alert(minor)->escalationLevel == 0);
    const int before = int(escalated.size());
    f.advanceMinutes(60);
    CHECK(escalated.size() == before); // capped

    REQUIRE(f.engine->acknowledge(extreme, supervisor(), {}).accepted);
    CHECK(f.engine->alert(extreme)->escalationLevel == 0);
    f.advanceMinutes(30);
    CHECK(f.engine->alert(extreme)->escalationLevel == 0);
}

TEST_CASE("Raise/clear changes within the window flag an alert as flapping, and unflag it")
{
    AlertPolicy policy;
    policy.flappingChanges = 4;
    policy.flappingWindowMinutes = 10;
    EngineFixture f(policy);
    const quint64 id = f.raise("pintu-air-10", Severity::Moderate); // change 1
    f.advanceMinutes(1);
    f.engine->applyConditions({cleared("pintu-air-10")}); // 2
    f.advanceMinutes(1);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Moderate)}); // 3
    CHECK_FALSE(f.engine->alert(id)->flapping);
    f.advanceMinutes(1);
    f.engine->applyConditions({cleared("pintu-air-10")}); // 4
    CHECK(f.engine->alert(id)->flapping);
    CHECK(f.audit.actionsOn(QStringLiteral("alert:%1").arg(id)).contains(QStringLiteral("alert.flapping")));
    CHECK(f.engine->size() == 1);

    f.advanceMinutes(9); // the first two changes leave the window
    CHECK_FALSE(f.engine->alert(id)->flapping);
    CHECK(f.audit.last().action == QLatin1String("alert.flapping-ended"));
}

TEST_CASE("Exercise and test alerts are kept and marked, but neither counted, toned nor escalated")
{
    EngineFixture f;
    QSignalSpy raised(f.engine.get(), &AlertEngine::alertRaised);
    QSignalSpy escalated(f.engine.get(), &AlertEngine::alertEscalated);
    AlertCondition drill = condition("pintu-air-10", Severity::Extreme);
    drill.live = false;
    f.engine->applyConditions({drill, condition("pintu-air-11", Severity::Extreme)});
    // On a busy machine the first condition alone may use up the engine's slice.
    f.engine->applyQueuedConditions();
    CHECK(f.engine->size() == 2);
    CHECK(raised.size() == 1);
    CHECK(f.engine->liveUnacknowledgedCount() == 1);
    CHECK(f.engine->liveUnacknowledgedCriticalCount() == 1);
    f.advanceMinutes(3);
    CHECK(escalated.size() == 1);
    const AlertRecord *marked = f.engine->find(QStringLiteral("dlh-environment"),
                                               QStringLiteral("pintu-air-10"),
                                               QStringLiteral("river-level"));
    REQUIRE(marked);
    CHECK_FALSE(marked->live);
    CHECK(f.audit.actionsOn(marked->subject()) == QStringList{"alert.raised"});
}

TEST_CASE("Without an audit recorder the engine still works")
{
    WallClock clock;
    clock.setFixedTime(kStart);
    AlertEngine engine(&clock, AlertRules{}, nullptr);
    engine.applyConditions({condition("pintu-air-10", Severity::Severe)});
    REQUIRE(engine.size() == 1);
    CHECK(engine.acknowledge(engine.alerts().first().id, supervisor(), {}).accepted);
}

TEST_CASE("A burst of conditions is applied in order over event-loop turns and none is lost")
{
    EngineFixture f;
    QList<AlertCondition> burst;
    for (int i = 0; i < 20000; ++i)
        burst.append(condition(QByteArray("river-" + QByteArray::number(i % 2000)).constData(), Severity::Severe));
    burst.append(condition("river-0", Severity::Extreme)); // the last word on river-0
    f.engine->applyConditions(burst);
    // By time, not by turns: the slices keep to a frame budget, and a slow build gets through
    // fewer conditions a turn.
    REQUIRE(QTest::qWaitFor([&] { return !f.engine->hasQueuedConditions(); }, 60000));
    CHECK(f.engine->size() == 2000);
    const AlertRecord *first = f.engine->find(QStringLiteral("dlh-environment"), QStringLiteral("river-0"),
                                              QStringLiteral("river-level"));
    REQUIRE(first);
    CHECK(first->severity == Severity::Extreme);
    CHECK(first->duplicateCount == 9);
}

TEST_CASE("The live unacknowledged counts kept per batch agree with counting every alert")
{
    EngineFixture f;
    std::mt19937 rng(5);
    const Severity severities[] = {Severity::Minor, Severity::Moderate, Severity::Severe, Severity::Extreme};
    for (int step = 0; step < 3000; ++step) {
        const QByteArray resource = "river-" + QByteArray::number(int(rng() % 40));
        const int dice = int(rng() % 10);
        if (dice < 5) {
            AlertCondition c = condition(resource.constData(), severities[rng() % 4]);
            c.live = rng() % 10 != 0;
            f.engine->applyConditions({c});
        } else if (dice < 7) {
            f.engine->applyConditions({cleared(resource.constData())});
        } else if (const AlertRecord *a = f.engine->find(QStringLiteral("dlh-environment"),
                                                          QString::fromLatin1(resource),
                                                          QStringLiteral("river-level"))) {
            if (dice < 9)
                f.engine->acknowledge(a->id, supervisor(), {});
            else
                f.engine->shelve(a->id, supervisor(), QStringLiteral("test"), f.clock.now().addSecs(600));
        }
        f.advanceSeconds(int(rng() % 120));
        f.engine->checkTimers();
        int unacknowledged = 0;
        int critical = 0;
        for (const AlertRecord &a : f.engine->alerts()) {
            unacknowledged += a.live && a.state == AlertState::Unacknowledged;
            critical += a.isUnacknowledgedCritical();
        }
        REQUIRE(f.engine->liveUnacknowledgedCount() == unacknowledged);
        REQUIRE(f.engine->liveUnacknowledgedCriticalCount() == critical);
    }
}
