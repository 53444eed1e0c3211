// Free notes on an incident: who may write one, what is refused, the audit entry, where a note
// falls in the timeline, what a wall screen shows of it, the store, and a replay's board.

#include "IncidentTestSupport.h"

#include "access/Permissions.h"
#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTimelineModel.h"
#include "itemmodels/PublicTimelineModel.h"
#include "store/EventStore.h"
#include "store/StoreReplyWait.h"
#include "store/StoreSchema.h"

#include <QAbstractItemModelTester>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

using namespace tlr;
using namespace tlr::test;

namespace {

const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
const Actor operatorOnDuty{QStringLiteral("andi"), Role::Operator};
const Actor executive{QStringLiteral("walikota"), Role::Executive};
const Actor admin{QStringLiteral("budi"), Role::Admin};

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

} // namespace

TEST_CASE(
    "Operators and supervisors write notes and each is audited with who and when and the text")
{
    OneCallBoard f;
    f.clock.setFixedTime(at(8, 2));
    const QString said = QStringLiteral("Bu Siti (0812 555 0101) melapor air masuk rumah");
    CHECK(f.board.addNote(f.id, operatorOnDuty, said).isEmpty());
    f.clock.setFixedTime(at(8, 3));
    CHECK(f.board.addNote(f.id, supervisor, QStringLiteral("  tim BPBD berangkat  ")).isEmpty());

    // A note leaves the state as it was.
    CHECK(f.incident().state == IncidentState::New);
    CHECK(f.incident().transitions.size() == 1);
    REQUIRE(f.incident().notes.size() == 2);
    CHECK(f.incident().notes.at(0).by.name == QStringLiteral("andi"));
    CHECK(f.incident().notes.at(0).at == at(8, 2));
    CHECK(f.incident().notes.at(0).text == said);
    CHECK(f.incident().notes.at(1).text == QStringLiteral("tim BPBD berangkat"));

    CHECK(f.audit.keys() == QStringList{"incident.fused", "incident.noted", "incident.noted"});
    const AuditAction &noted = f.audit.actions.at(1);
    CHECK(noted.actor.name == QStringLiteral("andi"));
    CHECK(noted.actor.role == Role::Operator);
    CHECK(noted.at == at(8, 2));
    CHECK(noted.subject == QStringLiteral("incident:1"));
    CHECK(noted.note == said);
}

TEST_CASE(
    "A note needs the role of the other incident actions and text and an incident not closed")
{
    OneCallBoard f;
    for (const Actor &who : {executive, admin}) {
        const QString refusal = f.board.addNote(f.id, who, QStringLiteral("lihat"));
        CHECK(refusal.contains(QStringLiteral("may not write a note")));
        CHECK(refusal.contains(QStringLiteral("an operator or a supervisor")));
    }
    for (Role role : {Role::Operator, Role::Supervisor, Role::Executive, Role::Admin})
        CHECK(IncidentLifecycle::mayPerform(role, IncidentAction::Note) ==
              canHandleIncidents(role));
    CHECK(f.board.addNote(f.id, Actor::system(), QStringLiteral("x"))
              .contains(QStringLiteral("a person does")));
    CHECK(f.board.addNote(f.id, supervisor, QStringLiteral("   ")) ==
          QStringLiteral("a note needs some text"));
    const QString tooLong(IncidentLifecycle::kMaxNoteLength + 1, u'a');
    CHECK(f.board.addNote(f.id, supervisor, tooLong).contains(QStringLiteral("at most 2000")));
    CHECK(f.board.addNote(f.id, supervisor, QString(IncidentLifecycle::kMaxNoteLength, u'b'))
              .isEmpty());
    CHECK(f.board.addNote(4242, supervisor, QStringLiteral("x"))
              .contains(QStringLiteral("no incident 4242")));

    REQUIRE(f.board.acknowledge(f.id, supervisor, {}).isEmpty());
    REQUIRE(f.board.resolve(f.id, operatorOnDuty, QStringLiteral("surut")).isEmpty());
    CHECK(f.board.addNote(f.id, operatorOnDuty, QStringLiteral("warga kembali")).isEmpty());
    REQUIRE(f.board.close(f.id, supervisor, {}).isEmpty());
    CHECK(f.board.addNote(f.id, supervisor, QStringLiteral("lagi"))
              .contains(QStringLiteral("closed incident takes no more notes")));

    CHECK(f.incident().notes.size() == 2);
    // Every refusal is audited, without the refused text.
    CHECK(f.audit.count(QStringLiteral("incident.refused")) == 7);
    for (const AuditAction &a : std::as_const(f.audit.actions)) {
        if (a.action == QStringLiteral("incident.refused"))
            CHECK_FALSE(a.note.contains(tooLong));
    }
}

TEST_CASE("A note takes its place in the timeline by time and after an action of the same second")
{
    OneCallBoard f;
    IncidentTimelineModel timeline(&f.board);
    QAbstractItemModelTester tester(&timeline);
    timeline.setIncident(f.id);
    f.clock.setFixedTime(at(8, 5));
    REQUIRE(f.board.acknowledge(f.id, supervisor, QStringLiteral("dilihat")).isEmpty());
    REQUIRE(f.board.addNote(f.id, supervisor, QStringLiteral("pompa 3 mati")).isEmpty());
    f.board.addSignal(complaint(QStringLiteral("L-7"), at(8, 9), moved(periuk(), 40)));
    f.clock.setFixedTime(at(8, 7));
    REQUIRE(f.board.addNote(f.id, operatorOnDuty, QStringLiteral("teknisi dipanggil")).isEmpty());

    using Model = IncidentTimelineModel;
    REQUIRE(timeline.rowCount() == 6);
    QList<Model::EntryKind> kinds;
    for (int row = 0; row < timeline.rowCount(); ++row)
        kinds.append(timeline.entry(row).kind);
    CHECK(kinds == QList<Model::EntryKind>{Model::EntryKind::Report, Model::EntryKind::Transition,
                                           Model::EntryKind::Transition, Model::EntryKind::Note,
                                           Model::EntryKind::Note, Model::EntryKind::Report});
    CHECK(column(timeline, Model::KindColumn).at(3) == QStringLiteral("Note"));
    CHECK(column(timeline, Model::WhatColumn).at(3) == QStringLiteral("pompa 3 mati"));
    CHECK(column(timeline, Model::WhoColumn).at(4) == QStringLiteral("andi"));
    CHECK(timeline.index(4, Model::TimeColumn).data(Model::TimeRole).toDateTime() == at(8, 7));
    CHECK(timeline.index(3, Model::WhatColumn).data(Qt::ToolTipRole).toString() ==
          QStringLiteral("pompa 3 mati"));
}

TEST_CASE("A wall screen's timeline keeps every entry but no text a person typed")
{
    OneCallBoard f;
    const QString secret = QStringLiteral("Pak Joko 0813 1111 2222");
    REQUIRE(f.board.acknowledge(f.id, supervisor, QStringLiteral("ack ") + secret).isEmpty());
    REQUIRE(f.board.forward(f.id, Agency::Dlh, supervisor, QStringLiteral("hubungi ") + secret)
                .isEmpty());
    REQUIRE(f.board.addNote(f.id, operatorOnDuty, secret).isEmpty());
    IncidentTimelineModel timeline(&f.board);
    timeline.setIncident(f.id);
    PublicTimelineModel wall;
    QAbstractItemModelTester tester(&wall);
    wall.setSourceModel(&timeline);

    REQUIRE(wall.rowCount() == timeline.rowCount());
    int hidden = 0;
    for (int row = 0; row < wall.rowCount(); ++row) {
        for (int c = 0; c < wall.columnCount(); ++c) {
            for (int role = 0; role <= Qt::UserRole + 64; ++role) {
                const QString text = wall.index(row, c).data(role).toString();
                CHECK_FALSE(text.contains(QStringLiteral("Joko")));
                hidden += text == QStringLiteral("(kept for the consoles)") ? 1 : 0;
            }
        }
    }
    // The acknowledgement's note, the forwarding's and its hand-off's, the free note.
    CHECK(hidden == 4);
    // What the wall keeps: the opening (the system's words), who acted, and when.
    using Model = IncidentTimelineModel;
    CHECK(column(wall, Model::NoteColumn).at(0) == column(timeline, Model::NoteColumn).at(0));
    CHECK(column(wall, Model::WhoColumn) == column(timeline, Model::WhoColumn));
    CHECK(column(wall, Model::KindColumn) == column(timeline, Model::KindColumn));
    // The dossier's own model keeps the text for the console, the brief and the CSV.
    CHECK(column(timeline, Model::WhatColumn).contains(secret));
}

TEST_CASE(
    "Notes arrive by a schema step of their own and a replay's board shows them up to its time")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    EventStore store;
    EventStore::Options options;
    options.path = path;
    options.retentionIntervalMinutes = 0;
    REQUIRE(store.open(options).isEmpty());

    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard live(testConfig(), &clock, nullptr);
    // Two incidents before the noted one, so that its id is 3 live and 1 in the replay below.
    live.addSignal(emergencyCall(QStringLiteral("112-a"), at(7, 0), moved(periuk(), 9000),
                                 QStringLiteral("Benda")));
    live.addSignal(emergencyCall(QStringLiteral("112-b"), at(7, 1), moved(periuk(), 5000),
                                 QStringLiteral("Neglasari"), QStringLiteral("kebakaran")));
    const QList<IncidentSignal> flood = {
        floodReport(QStringLiteral("fr-1"), at(8, 0), periuk()),
        emergencyCall(QStringLiteral("112-1"), at(8, 1), moved(periuk(), 50))};
    live.addSignals(flood);
    REQUIRE(live.incidents().size() == 3);
    const qint64 noted = live.incidents().back().id;
    clock.setFixedTime(at(8, 10));
    REQUIRE(live.addNote(noted, supervisor, QStringLiteral("jam delapan sepuluh")).isEmpty());
    clock.setFixedTime(at(8, 30));
    REQUIRE(
        live.addNote(noted, operatorOnDuty, QStringLiteral("jam delapan tiga puluh")).isEmpty());
    REQUIRE(waitForReply(store.saveIncidents({live.incidents().cbegin(), live.incidents().cend()}),
                         QStringLiteral("closed"))
                .ok());

    const auto stored = waitForReply(store.notedIncidents(), QStringLiteral("closed"));
    REQUIRE(stored.ok());
    REQUIRE(stored.value.size() == 1);
    CHECK(stored.value.first().id == noted);
    CHECK(stored.value.first().notes.size() == 2);

    // The replay fuses the same signals afresh: the flood is its first incident.
    WallClock replayClock;
    replayClock.setFixedTime(at(8, 1));
    IncidentBoard replayed(testConfig(), &replayClock, nullptr);
    replayed.addSignals(flood);
    REQUIRE(replayed.incidents().size() == 1);
    const qint64 replayedId = replayed.incidents().front().id;
    CHECK(replayedId != noted);
    replayed.showStoredNotes(stored.value, at(8, 5));
    CHECK(replayed.incident(replayedId)->notes.isEmpty());
    replayed.showStoredNotes(stored.value, at(8, 20));
    REQUIRE(replayed.incident(replayedId)->notes.size() == 1);
    CHECK(replayed.incident(replayedId)->notes.first().text ==
          QStringLiteral("jam delapan sepuluh"));
    replayed.showStoredNotes(stored.value, at(9, 0));
    CHECK(replayed.incident(replayedId)->notes.size() == 2);

    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(
            query.exec(QStringLiteral("SELECT position, by_name, by_role, note FROM "
                                      "incident_notes WHERE incident_id = %1 ORDER BY position")
                           .arg(noted)));
        REQUIRE(query.next());
        CHECK(query.value(1).toString() == QStringLiteral("siti"));
        CHECK(query.value(2).toString() == QStringLiteral("supervisor"));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 1);
        CHECK(query.value(3).toString() == QStringLiteral("jam delapan tiga puluh"));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    CHECK(StoreSchema::currentVersion() >= 7);
}
