#include "AlertTestSupport.h"

#include "alerts/AlertArchive.h"
#include "store/EventStore.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace tlr;
using namespace tlr::test;

namespace {

EventStore::Options optionsFor(const QString &path)
{
    EventStore::Options options;
    options.path = path;
    options.retentionIntervalMinutes = 0;
    options.busyTimeoutMilliseconds = 200;
    return options;
}

// One run of the wall's alert half on a database: store, engine and archive, restored on
// construction as the wall does at start-up.
struct Run
{
    Run(const QString &path, const QDateTime &now)
    {
        fixture.clock.setFixedTime(now);
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        archive = std::make_unique<AlertArchive>(fixture.engine.get(), &store);
        REQUIRE(archive->restore(now).isEmpty());
    }
    ~Run()
    {
        archive.reset(); // queues what is unsaved; the store writes it before closing
        store.close();
    }

    EventStore store;
    EngineFixture fixture;
    std::unique_ptr<AlertArchive> archive;
};

StoredAlerts storedAlerts(EventStore &store, const QDateTime &closedSince)
{
    auto future = store.alertStates(closedSince);
    future.waitForFinished();
    REQUIRE(future.resultCount() == 1);
    REQUIRE(future.result().ok());
    return future.result().value;
}

} // namespace

TEST_CASE("An acknowledgement survives a restart of the store and the engine")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alerts.sqlite"));
    const QDateTime acknowledgedAt = kStart.addSecs(90);
    quint64 acknowledged = 0;
    quint64 shelved = 0;
    quint64 untouched = 0;
    {
        Run run(path, kStart);
        acknowledged = run.fixture.raise("pintu-air-10", Severity::Extreme);
        shelved = run.fixture.raise("pintu-air-11", Severity::Severe);
        untouched = run.fixture.raise("pintu-air-12", Severity::Moderate);
        run.fixture.clock.setFixedTime(acknowledgedAt);
        REQUIRE(run.fixture.engine->acknowledge(acknowledged, supervisor(),
                                                QStringLiteral("BPBD dikabari")));
        REQUIRE(run.fixture.engine->shelve(shelved, supervisor(), QStringLiteral("sensor dirawat"),
                                           acknowledgedAt.addSecs(3600)));
        run.fixture.engine->applyConditions({condition("pintu-air-12", Severity::Moderate)});
    }

    Run run(path, acknowledgedAt.addSecs(60));
    AlertEngine &engine = *run.fixture.engine;
    REQUIRE(engine.size() == 3);
    const AlertRecord *a = engine.alert(acknowledged);
    REQUIRE(a);
    CHECK(a->state == AlertState::Acknowledged);
    CHECK(a->acknowledged);
    CHECK(a->acknowledgedBy == QLatin1String("sari"));
    CHECK(a->acknowledgedAt == acknowledgedAt);
    CHECK(a->acknowledgeNote == QLatin1String("BPBD dikabari"));
    CHECK(a->severity == Severity::Extreme);
    CHECK(a->raisedAt == kStart);
    CHECK(a->kecamatan == QLatin1String("Neglasari"));
    CHECK(a->agency == Agency::Dlh);

    const AlertRecord *s = engine.alert(shelved);
    REQUIRE(s);
    CHECK(s->state == AlertState::Shelved);
    CHECK(s->shelvedBy == QLatin1String("sari"));
    CHECK(s->shelveReason == QLatin1String("sensor dirawat"));
    CHECK(s->shelvedUntil == acknowledgedAt.addSecs(3600));
    CHECK(s->stateBeforeShelving == AlertState::Unacknowledged);
    CHECK(engine.alert(untouched)->duplicateCount == 1);
    CHECK(engine.liveUnacknowledgedCount() == 1);
    CHECK(engine.liveUnacknowledgedCriticalCount() == 0);

    // The conditions go on after the restart: the same alerts, not new ones, no new tone.
    QSignalSpy raised(&engine, &AlertEngine::alertRaised);
    engine.applyConditions({condition("pintu-air-10", Severity::Extreme)});
    CHECK(engine.size() == 3);
    CHECK(raised.isEmpty());
    CHECK(engine.alert(acknowledged)->duplicateCount == 1);

    // A new alert takes a new id; the shelf still expires on time and says so.
    const quint64 fresh = run.fixture.raise("pintu-air-13", Severity::Minor);
    CHECK(fresh > std::max({acknowledged, shelved, untouched}));
    run.fixture.clock.setFixedTime(acknowledgedAt.addSecs(3601));
    engine.checkTimers();
    CHECK(engine.alert(shelved)->state == AlertState::Unacknowledged);
    CHECK(run.fixture.audit.actionsOn(QStringLiteral("alert:%1").arg(shelved))
              .contains(QStringLiteral("alert.shelve-expired")));
}

TEST_CASE("An acknowledgement is written at once, not with the next coalesced write")
{
    QTemporaryDir dir;
    Run run(dir.filePath(QStringLiteral("alerts.sqlite")), kStart);
    run.archive->setSaveDelay(3600 * 1000);
    const quint64 id = run.fixture.raise("pintu-air-10", Severity::Severe);
    CHECK(storedAlerts(run.store, kStart).alerts.isEmpty()); // the raise waits for the timer
    REQUIRE(run.fixture.engine->acknowledge(id, supervisor(), QStringLiteral("diterima")));
    const StoredAlerts stored = storedAlerts(run.store, kStart);
    REQUIRE(stored.alerts.size() == 1);
    CHECK(stored.alerts.first().acknowledgedBy == QLatin1String("sari"));
    CHECK(stored.alerts.first().state == AlertState::Acknowledged);
}

TEST_CASE("Closed alerts are kept for their retention, and their ids are never given again")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alerts.sqlite"));
    quint64 closed = 0;
    {
        Run run(path, kStart);
        closed = run.fixture.raise("pintu-air-10", Severity::Severe);
        REQUIRE(run.fixture.engine->acknowledge(closed, supervisor(), QStringLiteral("ok")));
        run.fixture.engine->applyConditions({cleared("pintu-air-10")});
        REQUIRE(run.fixture.engine->alert(closed)->state == AlertState::Closed);
        REQUIRE(run.archive->flush().isEmpty());
    }
    const int retentionMinutes = AlertPolicy{}.closedRetentionMinutes;
    {
        Run run(path, kStart.addSecs(60));
        REQUIRE(run.fixture.engine->alert(closed));
        CHECK(run.fixture.engine->alert(closed)->state == AlertState::Closed);
        // The key is free again: the same condition is a new alert.
        const quint64 again = run.fixture.raise("pintu-air-10", Severity::Severe);
        CHECK(again > closed);
    }
    Run late(path, kStart.addSecs(qint64(retentionMinutes + 5) * 60));
    CHECK(late.fixture.engine->alert(closed) == nullptr);
    const quint64 next = late.fixture.raise("pintu-air-20", Severity::Minor);
    CHECK(next > closed + 1);
}
