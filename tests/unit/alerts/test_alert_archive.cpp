#include "AlertTestSupport.h"

#include "alerts/AlertArchive.h"
#include "store/EventStore.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

namespace {

// A job that holds the store's thread until released: writes queued behind it wait.
struct StoreGate
{
    explicit StoreGate(EventStore &store)
    {
        store.post([open = m_open](QSqlDatabase &) { open->acquire(); });
    }
    ~StoreGate() { release(); }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_open->release();
    }

private:
    std::shared_ptr<QSemaphore> m_open = std::make_shared<QSemaphore>(); // the job may outlive us
    bool m_released = false;
};

// The alert's row as another connection to the file sees it: what has been committed.
bool committedAcknowledged(const QString &path, quint64 id)
{
    const QString name = QStringLiteral("committed-reader");
    bool acknowledged = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.prepare(QStringLiteral("SELECT acknowledged FROM alert_states "
                                                      "WHERE id = ?"))) {
            query.addBindValue(id);
            acknowledged = query.exec() && query.next() && query.value(0).toInt() == 1;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return acknowledged;
}

} // namespace

// Found by kill9.sh: a second acknowledgement (the alert re-opened at a graver level in
// between) was confirmed by the answer to the coalesced write of the re-opening, queued before
// it, so the supervisor was told it was done while the row still said unacknowledged.
TEST_CASE("An action is confirmed by its own write, never by an earlier one still in flight")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alerts.sqlite"));
    Run run(path, kStart);
    AlertEngine &engine = *run.fixture.engine;
    const quint64 id = run.fixture.raise("pintu-air-10", Severity::Moderate);
    REQUIRE(engine.acknowledge(id, supervisor(), QStringLiteral("diterima")));
    REQUIRE(run.archive->flush().isEmpty());
    QSignalSpy recorded(run.archive.get(), &AlertArchive::actionRecorded);
    REQUIRE(recorded.wait(5000)); // the first acknowledgement's own write
    QList<bool> committedWhenConfirmed;
    QObject::connect(run.archive.get(), &AlertArchive::actionRecorded, run.archive.get(),
                     [&](quint64 done) { committedWhenConfirmed.append(committedAcknowledged(path, done)); });

    // Re-opened at a graver level: the coalesced write of the unacknowledged row is queued and
    // held on the store's thread.
    StoreGate beforeReopening(run.store);
    engine.applyConditions({condition("pintu-air-10", Severity::Extreme)});
    REQUIRE(engine.alert(id)->state == AlertState::Unacknowledged);
    run.archive->setSaveDelay(0);
    QTest::qWait(50); // the timer queues the write; the gate holds it
    StoreGate beforeAcknowledgement(run.store);
    // The second acknowledgement's write is queued behind the second gate.
    REQUIRE(engine.acknowledge(id, supervisor(), QStringLiteral("BPBD dikabari")));
    REQUIRE(run.archive->isRecording(id));

    beforeReopening.release(); // the re-opening's write commits and answers
    QTest::qWait(200);
    CHECK(committedWhenConfirmed.isEmpty());
    CHECK(run.archive->isRecording(id));

    beforeAcknowledgement.release();
    QElapsedTimer waited;
    waited.start();
    while (committedWhenConfirmed.isEmpty() && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    CHECK(committedWhenConfirmed == QList<bool>{true});
    CHECK_FALSE(run.archive->isRecording(id));
}
