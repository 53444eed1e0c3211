// Replay on the real wall (tlr-wall's WallApplication, in process, on seven offscreen
// monitors): --replay-from starts it in replay over a database the storm filled; every screen
// carries the banner with the replayed time, the tiles show the replayed models, nothing is
// written back, and Esc returns every screen to live.

#include "StormHistory.h"

#include "WallApplication.h"
#include "WallOptions.h"

#include "alerts/AlertEngine.h"
#include "charts/KpiTile.h"
#include "incidents/IncidentBoard.h"
#include "replay/ReplayBanner.h"
#include "replay/ReplaySession.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"
#include "wall/WallController.h"
#include "wall/WallPage.h"
#include "wall/WallWindow.h"

#include <QApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tlr;

namespace {

qint64 count(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("replay-count");
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(sql));
        REQUIRE(query.next());
        value = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

template <typename Predicate> bool waitFor(Predicate done, int ms = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(50);
    return done();
}

} // namespace

TEST_CASE("tlr-wall --replay-from shows the stored storm on every screen and Esc goes live")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("storm.sqlite"));
    // 90 minutes of storm, ending 10 minutes ago.
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(-600);
    const QDateTime start = end.addSecs(-90 * 60);
    {
        EventStore store;
        EventStore::Options options;
        options.path = path;
        options.retentionIntervalMinutes = 0;
        REQUIRE(store.open(options).isEmpty());
        replaytest::playStorm(start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch(), 0.2,
                              [&](const QDateTime &, const StoredMessage &m) { store.append(m); });
        store.flush();
    }
    const QString events = QStringLiteral(
        "SELECT (SELECT count(*) FROM observations) + (SELECT count(*) FROM alerts) + "
        "(SELECT count(*) FROM reports)");
    const qint64 storedBefore = count(path, events);
    REQUIRE(storedBefore > 1000);

    // Whole seconds: the option is given to the second.
    const QDateTime at =
        QDateTime::fromSecsSinceEpoch(start.addSecs(80 * 60).toSecsSinceEpoch(), Qt::UTC);
    auto parsed = WallOptions::parse({QStringLiteral("tlr-wall"), QStringLiteral("--db"), path,
                                      QStringLiteral("--lang"), QStringLiteral("en"),
                                      QStringLiteral("--replay-from"),
                                      at.toOffsetFromUtc(7 * 3600).toString(Qt::ISODate)});
    REQUIRE(std::holds_alternative<WallOptions>(parsed));
    QElapsedTimer started;
    started.start();
    qint64 auditBefore = 0;
    {
        WallApplication wall(std::get<WallOptions>(std::move(parsed)), started);
        REQUIRE(wall.start().isEmpty());
        REQUIRE(wall.replay());
        const auto replaying = [&] {
            const QList<WallPage *> pages = wall.controller()->pages();
            return !pages.isEmpty() && std::all_of(pages.cbegin(), pages.cend(), [](WallPage *p) {
                return p->replayBanner() != nullptr;
            });
        };
        // The banner goes up at once, over empty models, and says how far the rebuild is.
        REQUIRE(waitFor(replaying));
        const QString screenshots = qEnvironmentVariable("TLR_REPLAY_SCREENSHOTS");
        if (wall.replay()->state() == ReplaySession::State::Loading) {
            const ReplayBanner *banner = wall.controller()->pages().first()->replayBanner();
            CHECK(banner->statusText().startsWith(QStringLiteral("rebuilding… ")));
            if (!screenshots.isEmpty())
                CHECK(wall.controller()
                          ->saveScreenshots(screenshots + QStringLiteral("/rebuilding"))
                          .isEmpty());
        }
        REQUIRE(waitFor([&] { return wall.replay()->state() == ReplaySession::State::Paused; }));
        // The pages are rebuilt on the replayed models in a later turn than the rebuild's end.
        REQUIRE(waitFor([&] {
            return wall.controller()->context().clock == &wall.replay()->models()->clock();
        }));
        REQUIRE(waitFor(replaying));
        CHECK(wall.replay()->time() == at.toUTC());
        auditBefore = count(path, QStringLiteral("SELECT count(*) FROM audit_log"));

        // What the tiles read is the replay's: its clock at T, its situation full of the storm;
        // the live situation (no feeds here) stays empty.
        const TileContext &shown = wall.controller()->context();
        CHECK(shown.clock == &wall.replay()->models()->clock());
        CHECK(shown.clock->now() == at.toUTC());
        CHECK(shown.situation->observations().size() > 50);
        CHECK(shown.alerts->size() > 0);
        CHECK(shown.session == nullptr); // the past is not acknowledged
        CHECK(wall.situation().observations().isEmpty());
        // Alerts from the feeds name their agency from the feeds' configuration (no feed is
        // connected here, so no live status names it).
        int fromFeeds = 0;
        for (const AlertRecord &alert : shown.alerts->alerts()) {
            if (alert.origin == QLatin1String("feed")) {
                ++fromFeeds;
                INFO(alert.source.toStdString() << " " << alert.resource.toStdString());
                CHECK(alert.agency != Agency::Unknown);
            }
        }
        CHECK(fromFeeds > 0);
        // The open-incidents card counts the replayed incidents, not the feeds now.
        int cards = 0;
        for (WallPage *page : wall.controller()->pages()) {
            for (KpiTile *card : page->findChildren<KpiTile *>()) {
                if (card->kind() != KpiKind::OpenIncidentsByAgency)
                    continue;
                ++cards;
                card->refreshNow();
                const std::vector<Incident> &incidents = shown.incidents->incidents();
                const auto open = std::count_if(incidents.cbegin(), incidents.cend(),
                                                [](const Incident &i) { return i.isOpen(); });
                CHECK(card->figureText() == QLocale().toString(int(open)));
                CHECK_FALSE(card->trendText().startsWith(QLatin1String("No data")));
            }
        }
        CHECK(cards > 0);
        if (!screenshots.isEmpty())
            CHECK(wall.controller()
                      ->saveScreenshots(screenshots + QStringLiteral("/replay"))
                      .isEmpty());
        const QString wib = at.toTimeZone(WallClock::wib()).toString(QStringLiteral("HH:mm:ss"));
        // The rebuilt pages' windows go up one per turn.
        REQUIRE(waitFor([&] { return wall.controller()->allWindowsShown(); }));
        for (WallPage *page : wall.controller()->pages()) {
            INFO("page " << page->index());
            CHECK(page->replayBanner()->isVisible());
            CHECK(page->replayBanner()->timeText().contains(wib));
        }

        // Played at 600x for a moment: time moves on, the store does not change.
        wall.replay()->setSpeed(600);
        wall.replay()->play();
        CHECK(waitFor([&] { return wall.replay()->time() > at.addSecs(300); }));
        wall.replay()->pause();

        QTest::keyClick(wall.controller()->windows().first(), Qt::Key_Escape);
        CHECK(waitFor([&] { return wall.replay() == nullptr; }));
        for (WallPage *page : wall.controller()->pages())
            CHECK(page->replayBanner() == nullptr);
        CHECK(wall.controller()->context().clock == &wall.clock());
        CHECK(wall.controller()->context().situation == &wall.situation());
    }
    // Nothing replayed went back into the history or the audit log: the run's own start and
    // stop entries are all it wrote.
    CHECK(count(path, events) == storedBefore);
    CHECK(count(path, QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'alert%'")) == 0);
    CHECK(count(path, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore + 1);
}

TEST_CASE("The replay-from option takes a time with its offset or a span back from now")
{
    const auto parse = [](QStringList arguments) {
        arguments.prepend(QStringLiteral("tlr-wall"));
        return WallOptions::parse(arguments);
    };
    const QString db = QStringLiteral("/tmp/x.sqlite");
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        auto parsed = parse({QStringLiteral("--db"), db, QStringLiteral("--replay-from"),
                             QStringLiteral("-3h"), QStringLiteral("--replay-speed"),
                             QStringLiteral("60")});
        REQUIRE(std::holds_alternative<WallOptions>(parsed));
        const WallOptions &options = std::get<WallOptions>(parsed);
        CHECK(std::abs(options.replayFrom.secsTo(before.addSecs(-3 * 3600))) <= 5);
        CHECK(options.replaySpeed == 60);
    }
    {
        auto parsed = parse({QStringLiteral("--db"), db, QStringLiteral("--replay-from=-90m")});
        REQUIRE(std::holds_alternative<WallOptions>(parsed));
        CHECK(std::abs(std::get<WallOptions>(parsed).replayFrom.secsTo(
                  QDateTime::currentDateTimeUtc().addSecs(-90 * 60))) <= 5);
    }
    {
        auto parsed = parse({QStringLiteral("--db"), db, QStringLiteral("--replay-from"),
                             QStringLiteral("2026-11-20T07:00:00+07:00")});
        REQUIRE(std::holds_alternative<WallOptions>(parsed));
        CHECK(std::get<WallOptions>(parsed).replayFrom ==
              QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC));
    }
    const QList<QStringList> refused{
        {QStringLiteral("--db"), db, QStringLiteral("--replay-from"), QStringLiteral("2026-11-20T07:00:00")},
        {QStringLiteral("--db"), db, QStringLiteral("--replay-from"), QStringLiteral("yesterday")},
        {QStringLiteral("--db"), db, QStringLiteral("--replay-from"), QStringLiteral("2099-01-01T00:00:00Z")},
        {QStringLiteral("--replay-from"), QStringLiteral("-1h")},
        {QStringLiteral("--db"), db, QStringLiteral("--replay-speed"), QStringLiteral("10")},
        {QStringLiteral("--db"), db, QStringLiteral("--replay-from"), QStringLiteral("-1h"),
         QStringLiteral("--replay-speed"), QStringLiteral("0")},
    };
    for (const QStringList &arguments : refused) {
        INFO(arguments.join(u' ').toStdString());
        auto parsed = parse(arguments);
        REQUIRE(std::holds_alternative<WallOptions::Error>(parsed));
        CHECK(std::get<WallOptions::Error>(parsed).message.startsWith(QLatin1String("--replay")));
    }
}
