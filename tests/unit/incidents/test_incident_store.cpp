#include "IncidentTestSupport.h"

#include "domain/WallClock.h"
#include "incidents/IncidentArchive.h"
#include "incidents/IncidentBoard.h"
#include "store/EventStore.h"
#include "store/StoreSchema.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

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

const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};

void checkSame(const Incident &a, const Incident &b)
{
    CHECK(a.id == b.id);
    CHECK(a.state == b.state);
    CHECK(a.anchor == b.anchor);
    CHECK(a.kecamatan == b.kecamatan);
    CHECK(a.hazard == b.hazard);
    CHECK(a.category == b.category);
    CHECK(a.firstSignalAt == b.firstSignalAt);
    CHECK(a.lastSignalAt == b.lastSignalAt);
    CHECK(a.suggestedAgency == b.suggestedAgency);
    CHECK(a.accountable == b.accountable);
    REQUIRE(a.members.size() == b.members.size());
    for (qsizetype i = 0; i < a.members.size(); ++i) {
        const IncidentSignal &x = a.members.at(i);
        const IncidentSignal &y = b.members.at(i);
        CHECK(x.key() == y.key());
        CHECK(x.time == y.time);
        CHECK(x.location == y.location);
        CHECK(x.kecamatan == y.kecamatan);
        CHECK(x.agency == y.agency);
        CHECK(x.severity == y.severity);
        CHECK(x.category == y.category);
        CHECK(x.emergency == y.emergency);
    }
    REQUIRE(a.handOffs.size() == b.handOffs.size());
    for (qsizetype i = 0; i < a.handOffs.size(); ++i) {
        const HandOff &x = a.handOffs.at(i);
        const HandOff &y = b.handOffs.at(i);
        CHECK(x.from == y.from);
        CHECK(x.to == y.to);
        CHECK(x.by.name == y.by.name);
        CHECK(x.by.role == y.by.role);
        CHECK(x.at == y.at);
        CHECK(x.note == y.note);
        CHECK(x.bounced == y.bounced);
    }
    REQUIRE(a.transitions.size() == b.transitions.size());
    for (qsizetype i = 0; i < a.transitions.size(); ++i) {
        const IncidentTransition &x = a.transitions.at(i);
        const IncidentTransition &y = b.transitions.at(i);
        CHECK(x.from == y.from);
        CHECK(x.to == y.to);
        CHECK(x.by.name == y.by.name);
        CHECK(x.by.role == y.by.role);
        CHECK(x.at == y.at);
        CHECK(x.note == y.note);
    }
    REQUIRE(a.notes.size() == b.notes.size());
    for (qsizetype i = 0; i < a.notes.size(); ++i) {
        CHECK(a.notes.at(i).by.name == b.notes.at(i).by.name);
        CHECK(a.notes.at(i).by.role == b.notes.at(i).by.role);
        CHECK(a.notes.at(i).at == b.notes.at(i).at);
        CHECK(a.notes.at(i).text == b.notes.at(i).text);
    }
}

} // namespace

TEST_CASE("Incidents survive a restart with their members and hand-offs and history as they were")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incidents.db"));
    std::vector<Incident> before;
    {
        EventStore store;
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        WallClock clock;
        clock.setFixedTime(at(8, 0));
        IncidentBoard board(testConfig(), &clock, nullptr);
        IncidentArchive archive(&board, &store);
        board.addSignals({floodReport(QStringLiteral("fr-1"), at(8, 0), periuk()),
                          emergencyCall(QStringLiteral("112-1"), at(8, 1), moved(periuk(), 50)),
                          complaint(QStringLiteral("L-1"), at(8, 2), moved(periuk(), 80)),
                          emergencyCall(QStringLiteral("112-9"), at(8, 4), moved(periuk(), 5000),
                                        QStringLiteral("Neglasari"), QStringLiteral("kebakaran")),
                          emergencyCall(QStringLiteral("112-10"), at(8, 4), moved(periuk(), 9000),
                                        QStringLiteral("Benda"))});
        REQUIRE(board.incidents().size() == 3);
        const qint64 first = board.incidents().at(0).id;
        const qint64 closed = board.incidents().at(2).id;
        clock.setFixedTime(at(8, 6));
        REQUIRE(board.acknowledge(first, supervisor, QStringLiteral("dilihat")).isEmpty());
        REQUIRE(board.forward(first, Agency::Dishub, supervisor, QStringLiteral("a")).isEmpty());
        REQUIRE(board.forward(first, Agency::Dlh, supervisor, QStringLiteral("b")).isEmpty());
        REQUIRE(board.forward(first, Agency::Dishub, supervisor, QStringLiteral("c")).isEmpty());
        REQUIRE(board.addNote(first, supervisor, QStringLiteral("Pak RT: air 40 cm, naik"))
                    .isEmpty());
        clock.setFixedTime(at(8, 7));
        REQUIRE(board.addNote(first, {QStringLiteral("andi"), Role::Operator},
                              QStringLiteral("pompa 3 mati; \"teknisi\" dipanggil,\nbesok pagi"))
                    .isEmpty());
        REQUIRE(board.acknowledge(closed, supervisor, {}).isEmpty());
        REQUIRE(board.addNote(closed, supervisor, QStringLiteral("damkar di lokasi")).isEmpty());
        REQUIRE(board.resolve(closed, supervisor, QStringLiteral("padam")).isEmpty());
        REQUIRE(board.close(closed, supervisor, {}).isEmpty());
        REQUIRE(archive.flush().isEmpty());
        CHECK(archive.savedIncidents() >= 3);
        before = board.incidents();
    }

    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    WallClock clock;
    clock.setFixedTime(at(8, 10));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentArchive archive(&board, &store);
    QSignalSpy restored(&board, &IncidentBoard::restored);
    REQUIRE(archive.restore(QDateTime::currentDateTimeUtc()).isEmpty());
    CHECK(restored.count() == 1);
    REQUIRE(board.incidents().size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        checkSame(board.incidents().at(i), before.at(i));
    CHECK(board.incidents().at(0).hasBounced());
    REQUIRE(board.incidents().at(0).notes.size() == 2);
    CHECK(board.incidents().at(0).notes.at(1).by.role == Role::Operator);
    CHECK(board.incidents().at(2).notes.size() == 1);

    // The open incidents take signals again, and new ones continue the numbering.
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 11), moved(periuk(), 60)));
    CHECK(board.incidents().at(0).members.size() == 4);
    board.addSignal(emergencyCall(QStringLiteral("112-3"), at(8, 12), moved(periuk(), 20000),
                                  QStringLiteral("Cipondoh")));
    REQUIRE(board.incidents().size() == 4);
    CHECK(board.incidents().back().id == 4);

    // Finished incidents older than the restore horizon stay in the store, off the board.
    IncidentBoard later(testConfig(), &clock, nullptr);
    IncidentArchive laterArchive(&later, &store);
    REQUIRE(laterArchive.restore(QDateTime::currentDateTimeUtc().addDays(2)).isEmpty());
    CHECK(later.incidents().size() == 2);
}

TEST_CASE("The archive writes changes coalesced on the store's thread")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incidents.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentArchive archive(&board, &store);
    archive.setSaveDelay(20);
    for (int i = 0; i < 50; ++i)
        board.addSignal(emergencyCall(QStringLiteral("112-%1").arg(i), at(8, 0).addSecs(i),
                                      moved(periuk(), i * 10)));
    REQUIRE(board.incidents().size() == 1);
    QDeadlineTimer deadline(10000);
    while (archive.savedIncidents() < 1 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    CHECK(archive.savedIncidents() == 1);
    CHECK(archive.failedSaves() == 0);

    auto loaded = store.incidents(at(0, 0));
    loaded.waitForFinished();
    REQUIRE(loaded.result().ok());
    REQUIRE(loaded.result().value.size() == 1);
    CHECK(loaded.result().value.first().members.size() == 50);
}

TEST_CASE("Saving to a closed store fails visibly and keeps the incidents to save again")
{
    EventStore store; // never opened
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentArchive archive(&board, &store);
    QSignalSpy failed(&archive, &IncidentArchive::failed);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    CHECK(archive.flush() == QStringLiteral("the event store is not open"));
    CHECK(archive.failedSaves() == 1);
    CHECK(failed.count() == 1);
    CHECK(archive.flush() == QStringLiteral("the event store is not open")); // still pending
    CHECK_FALSE(archive.restore(at(8, 0)).isEmpty());
}

TEST_CASE("An incident that leaves the board is written as it leaves, even when the store "
          "refused its earlier write")
{
    EventStore store; // not open yet: the close below cannot be written
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentArchive archive(&board, &store);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    REQUIRE(board.acknowledge(1, supervisor, {}).isEmpty());
    REQUIRE(board.resolve(1, supervisor, QStringLiteral("water gone")).isEmpty());
    REQUIRE(board.close(1, supervisor, {}).isEmpty());
    CHECK_FALSE(archive.flush().isEmpty());

    const QDateTime later = at(8, 0).addSecs(qint64(IncidentBoard::kFinishedKeptHours + 1) * 3600);
    clock.setFixedTime(later);
    board.addSignal(emergencyCall(QStringLiteral("112-9"), later, moved(periuk(), 12000),
                                  QStringLiteral("Karawaci"), QStringLiteral("kebakaran")));
    board.expire();
    REQUIRE(board.incident(1) == nullptr);

    QTemporaryDir dir;
    REQUIRE(store.open(optionsFor(dir.filePath(QStringLiteral("incidents.db")))).isEmpty());
    REQUIRE(archive.flush().isEmpty());
    auto loaded = store.incidents(at(0, 0));
    loaded.waitForFinished();
    REQUIRE(loaded.result().ok());
    const auto stored = std::find_if(loaded.result().value.cbegin(), loaded.result().value.cend(),
                                     [](const Incident &incident) { return incident.id == 1; });
    REQUIRE(stored != loaded.result().value.cend());
    CHECK(stored->state == IncidentState::Closed);
}

TEST_CASE("The incident tables arrive by migration with the schema version")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fresh.db"));
    {
        EventStore store;
        REQUIRE(store.open(optionsFor(path)).isEmpty());
    }
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("PRAGMA user_version")));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == StoreSchema::currentVersion());
        for (const char *table :
             {"incidents", "incident_signals", "incident_handoffs", "incident_transitions",
              "incident_notes"}) {
            REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                              "type = 'table' AND name = '%1'")
                                   .arg(QLatin1String(table))));
            REQUIRE(query.next());
            CHECK(query.value(0).toInt() == 1);
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
