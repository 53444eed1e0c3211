#include "AlertTestSupport.h"

#include "access/Session.h"
#include "alerts/AlertArchive.h"
#include "alerts/AlertPanelTile.h"
#include "itemmodels/AlertTableModel.h"
#include "store/EventStore.h"
#include "tiles/TileContext.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

// The supervisor desk's panel on a wall with a database: engine, store and archive as the wall
// wires them.
struct RecordingDesk : EngineFixture
{
    RecordingDesk()
    {
        EventStore::Options options;
        options.path = dir.filePath(QStringLiteral("wall.sqlite"));
        options.retentionIntervalMinutes = 0;
        REQUIRE(store.open(options).isEmpty());
        archive = std::make_unique<AlertArchive>(engine.get(), &store);
        table = std::make_unique<AlertTableModel>(engine.get(), &clock);
        session = std::make_unique<Session>(nullptr);
        session->begin(supervisor());
        TileContext context;
        context.clock = &clock;
        context.alerts = engine.get();
        context.alertTable = table.get();
        context.alertArchive = archive.get();
        context.session = session.get();
        TileSpec spec;
        spec.type = QStringLiteral("alerts");
        spec.params = QJsonObject{{QStringLiteral("filter"), QStringLiteral("all")},
                                  {QStringLiteral("acknowledge"), true}};
        panel = std::make_unique<AlertPanelTile>(spec, context);
        panel->resize(1880, 700);
        panel->show();
    }
    ~RecordingDesk()
    {
        panel.reset();
        archive.reset();
        store.close();
    }

    void act(quint64 id, char key, const QString &note)
    {
        const QAbstractItemModel *shown = panel->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(AlertTableModel::AlertIdRole).toULongLong() == id)
                panel->table()->setCurrentIndex(shown->index(row, 0));
        }
        QTest::keyClick(panel->table(), key);
        QTest::keyClicks(panel->noteField(), note);
        QTest::keyClick(panel->noteField(), Qt::Key_Return);
    }

    // What another process reading the file sees of the alert's row: its state, "none", or
    // why it could not read (called from a slot: no REQUIRE, whose throw Qt cannot pass on).
    QString committedState(quint64 id) const
    {
        const QString name = QStringLiteral("reader-%1").arg(++readers);
        QString state = QStringLiteral("none");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dir.filePath(QStringLiteral("wall.sqlite")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QSqlQuery query(db);
            if (!db.open())
                state = QStringLiteral("cannot open: ") + db.lastError().text();
            else if (!query.prepare(QStringLiteral("SELECT state FROM alert_states WHERE id = ?")))
                state = QStringLiteral("cannot read: ") + query.lastError().text();
            query.addBindValue(id);
            if (db.isOpen() && query.exec() && query.next())
                state = query.value(0).toString();
        }
        QSqlDatabase::removeDatabase(name);
        return state;
    }

    bool waitFor(const std::function<bool()> &done) const
    {
        QElapsedTimer waited;
        waited.start();
        while (!done() && waited.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return done();
    }

    QTemporaryDir dir;
    EventStore store;
    std::unique_ptr<AlertArchive> archive;
    std::unique_ptr<AlertTableModel> table;
    std::unique_ptr<Session> session;
    std::unique_ptr<AlertPanelTile> panel;
    mutable int readers = 0;
};

} // namespace

TEST_CASE("The desk says an acknowledgement is done only once the store has committed it")
{
    RecordingDesk desk;
    const quint64 id = desk.raise("pintu-air-10", Severity::Extreme);
    // What the file holds at the moment the panel tells the supervisor it is done.
    QStringList stateWhenConfirmed;
    QObject::connect(desk.panel.get(), &AlertPanelTile::actionConfirmed, desk.panel.get(),
                     [&](quint64 done) { stateWhenConfirmed.append(desk.committedState(done)); });

    desk.act(id, 'A', QStringLiteral("BPBD dikabari"));
    // The engine has taken it; the store's answer has not come back yet.
    CHECK(desk.engine->alert(id)->state == AlertState::Acknowledged);
    CHECK(stateWhenConfirmed.isEmpty());
    CHECK(desk.panel->messageLabel()->text().contains(QLatin1String("saving")));
    CHECK(desk.archive->isRecording(id));

    REQUIRE(desk.waitFor([&] { return !stateWhenConfirmed.isEmpty(); }));
    CHECK(stateWhenConfirmed == QStringList{QStringLiteral("acknowledged")});
    CHECK(desk.panel->messageLabel()->text().contains(QLatin1String("(recorded)")));
    CHECK_FALSE(desk.archive->isRecording(id));
}

TEST_CASE("The desk says a shelve is done only once the store has committed it")
{
    RecordingDesk desk;
    const quint64 id = desk.raise("pintu-air-11", Severity::Severe);
    QStringList stateWhenConfirmed;
    QObject::connect(desk.panel.get(), &AlertPanelTile::actionConfirmed, desk.panel.get(),
                     [&](quint64 done) { stateWhenConfirmed.append(desk.committedState(done)); });

    desk.act(id, 'S', QStringLiteral("sensor dirawat"));
    CHECK(desk.engine->alert(id)->state == AlertState::Shelved);
    CHECK(stateWhenConfirmed.isEmpty());
    REQUIRE(desk.waitFor([&] { return !stateWhenConfirmed.isEmpty(); }));
    CHECK(stateWhenConfirmed == QStringList{QStringLiteral("shelved")});
}

TEST_CASE("An acknowledgement the store could not write is reported, never confirmed")
{
    RecordingDesk desk;
    const quint64 id = desk.raise("pintu-air-12", Severity::Extreme);
    int confirmations = 0;
    QObject::connect(desk.panel.get(), &AlertPanelTile::actionConfirmed, desk.panel.get(),
                     [&] { ++confirmations; });
    QString reason;
    QObject::connect(desk.archive.get(), &AlertArchive::actionNotRecorded, desk.panel.get(),
                     [&](quint64, const QString &why) { reason = why; });
    desk.store.close(); // a disk gone, as far as the archive can tell

    desk.act(id, 'A', QStringLiteral("BPBD dikabari"));
    REQUIRE(desk.waitFor([&] { return !reason.isEmpty(); }));
    CHECK(confirmations == 0);
    CHECK(desk.panel->messageLabel()->text().contains(QLatin1String("NOT recorded")));
    CHECK(desk.archive->isRecording(id)); // kept, to be written with the next write
}
