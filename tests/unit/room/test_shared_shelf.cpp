#include "RoomFixtures.h"

#include "audit/AuditVerifier.h"

#include <QSignalSpy>

#include <cstdio>

using namespace tlr;
using namespace tlr::test;

namespace {

const Actor kSari{QStringLiteral("sari"), Role::Supervisor};
const Actor kBudi{QStringLiteral("budi"), Role::Supervisor};

int auditCount(const Probe &probe, const char *action)
{
    return probe
        .value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'")
                   .arg(QLatin1String(action)))
        .toInt();
}

} // namespace

TEST_CASE("Two supervisors shelve one alert at once: one shelf kept, audited once, on every "
          "console - and the same for unshelving")
{
    const QString url = freshDatabase();
    RoomConsole a(url, kStart);
    RoomConsole b(url, kStart);
    RoomConsole c(url, kStart);
    // Each engine numbers its alerts itself: b has seen another alert first.
    b.engine->applyConditions({riverLevel("pintu-air-99", Severity::Minor)});
    for (RoomConsole *console : {&a, &b, &c})
        console->engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    REQUIRE(a.river()->id != b.river()->id);
    Probe probe(url);

    QSignalSpy refusedA(a.engine.get(), &AlertEngine::shelfRefused);
    QSignalSpy refusedB(b.engine.get(), &AlertEngine::shelfRefused);
    const auto byA = a.engine->shelve(a.river()->id, kSari, QStringLiteral("sensor rusak"),
                                      kStart.addSecs(7200));
    const auto byB = b.engine->shelve(b.river()->id, kBudi, QStringLiteral("perbaikan pintu"),
                                      kStart.addSecs(3600));
    CHECK(byA.pending);
    CHECK(byB.pending);
    CHECK(a.river()->state == AlertState::Unacknowledged); // until the database answers
    const auto oneRefused = [&] { return refusedA.size() + refusedB.size() == 1; };
    const auto allShelved = [&] {
        return a.river()->state == AlertState::Shelved && b.river()->state == AlertState::Shelved &&
               c.river()->state == AlertState::Shelved;
    };
    REQUIRE(waitFor([&] { return allShelved() && oneRefused(); }));
    const QString winner = a.river()->shelvedBy;
    CHECK((winner == QLatin1String("sari") || winner == QLatin1String("budi")));
    for (RoomConsole *console : {&a, &b, &c}) {
        CHECK(console->river()->shelvedBy == winner);
        CHECK(console->river()->shelvedUntil == a.river()->shelvedUntil);
        CHECK(console->river()->shelveReason == a.river()->shelveReason);
    }
    QSignalSpy &shelveLoser = refusedA.isEmpty() ? refusedB : refusedA;
    CHECK(shelveLoser.first().at(1).toString().startsWith(QStringLiteral("already shelved by ") +
                                                          winner));
    CHECK(auditCount(probe, "alert.shelved") == 1);

    SECTION("both unshelve at once: one is kept, every console takes the shelf off")
    {
        refusedA.clear();
        refusedB.clear();
        a.clock.setFixedTime(kStart.addSecs(60));
        b.clock.setFixedTime(kStart.addSecs(61));
        c.clock.setFixedTime(kStart.addSecs(60));
        CHECK(a.engine->unshelve(a.river()->id, kSari, QStringLiteral("pintu sudah diperbaiki"))
                  .pending);
        CHECK(b.engine->unshelve(b.river()->id, kBudi, QStringLiteral("cek ulang")).pending);
        const auto noneShelved = [&] {
            return a.river()->state == AlertState::Unacknowledged &&
                   b.river()->state == AlertState::Unacknowledged &&
                   c.river()->state == AlertState::Unacknowledged;
        };
        REQUIRE(waitFor([&] { return noneShelved() && oneRefused(); }));
        QSignalSpy &unshelveLoser = refusedA.isEmpty() ? refusedB : refusedA;
        const QString unshelvedBy = refusedA.isEmpty() ? QStringLiteral("sari")
                                                       : QStringLiteral("budi");
        CHECK(unshelveLoser.first().at(1).toString().startsWith(
            QStringLiteral("already unshelved by ") + unshelvedBy));
        CHECK(auditCount(probe, "alert.unshelved") == 1);
        // The escalation clock starts again from the unshelve, the same on every console.
        CHECK(c.river()->unacknowledgedSince == a.river()->unacknowledgedSince);

        // Shelved again later: a new shelf, which the others take too.
        a.clock.setFixedTime(kStart.addSecs(120));
        CHECK(a.engine->shelve(a.river()->id, kSari, QStringLiteral("lagi"),
                               kStart.addSecs(600)).pending);
        CHECK(waitFor([&] {
            return c.river()->state == AlertState::Shelved &&
                   c.river()->shelveReason == QLatin1String("lagi");
        }));
        CHECK(auditCount(probe, "alert.shelved") == 2);
    }

    SECTION("a shelf expires on every console by itself; then the alert can be acknowledged")
    {
        const QDateTime after = a.river()->shelvedUntil.addSecs(1);
        for (RoomConsole *console : {&a, &b, &c}) {
            console->clock.setFixedTime(after);
            console->engine->checkTimers();
            CHECK(console->river()->state == AlertState::Unacknowledged);
        }
        QSignalSpy refused(a.engine.get(), &AlertEngine::acknowledgementRefused);
        CHECK(a.engine->acknowledge(a.river()->id, kSari, QStringLiteral("diterima")).pending);
        CHECK(waitFor([&] { return c.river()->state == AlertState::Acknowledged; }));
        CHECK(refused.isEmpty());
        CHECK(auditCount(probe, "alert.acknowledged") == 1);
    }

    CHECK(AuditVerifier::verifyShared(url).ok());
}

TEST_CASE("A shelf made on one console is shown on another within a second (NOTIFY, re-read)")
{
    const QString url = freshDatabase();
    RoomConsole a(url, kStart);
    RoomConsole c(url, kStart);
    // A console that starts after the shelf takes it at its catch-up.
    constexpr int kRounds = 25;
    for (RoomConsole *console : {&a, &c})
        console->engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    std::vector<double> delaysMs;
    for (int i = 0; i < kRounds; ++i) {
        const QDateTime at = kStart.addSecs(10 * (i + 1));
        a.clock.setFixedTime(at);
        c.clock.setFixedTime(at);
        QElapsedTimer sincePress;
        sincePress.start();
        const bool shelving = i % 2 == 0;
        const QString text = QStringLiteral("putaran %1").arg(i);
        const auto result = shelving
                                ? a.engine->shelve(a.river()->id, kSari, text, at.addSecs(3600))
                                : a.engine->unshelve(a.river()->id, kSari, text);
        REQUIRE(result.pending);
        const AlertState expected = shelving ? AlertState::Shelved : AlertState::Unacknowledged;
        REQUIRE(waitFor([&] { return c.river()->state == expected; }, 3000));
        delaysMs.push_back(double(sincePress.nsecsElapsed()) / 1e6);
        REQUIRE(waitFor([&] { return a.river()->state == expected; }, 3000));
    }
    const double p50 = percentile(delaysMs, 0.50);
    const double p99 = percentile(delaysMs, 0.99);
    std::printf("shelve/unshelve seen by the other console, press to shown: p50 %.1f ms, "
                "p99 %.1f ms, max %.1f ms (%d changes)\n",
                p50, p99, *std::max_element(delaysMs.cbegin(), delaysMs.cend()), kRounds);
    CHECK(p99 < 1000.0);

    RoomConsole late(url, kStart.addSecs(10 * kRounds));
    late.engine->applyConditions({riverLevel("pintu-air-10", Severity::Extreme)});
    CHECK(waitFor([&] { return late.river()->state == AlertState::Shelved; }));
    CHECK(late.river()->shelveReason == QStringLiteral("putaran %1").arg(kRounds - 1));
}
