#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "stats/FrameTimes.h"
#include "wall/WallController.h"
#include "wall/WallPage.h"
#include "wall/WallProfileReader.h"
#include "wall/WallWindow.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tlr;

// This executable runs on Qt's offscreen platform configured with nine 1920x1080 screens
// (tests/data/screens/screens-9.json): real QScreens, so windows really land on monitors.

namespace {

struct Fixture
{
    WallClock clock;
    FeedHealthModel feedHealth;
    FrameTimes frameTimes;
    QList<QScreen *> connected;

    std::unique_ptr<WallController> makeController()
    {
        auto result = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
        REQUIRE(std::holds_alternative<WallProfile>(result));
        TileContext context;
        context.clock = &clock;
        context.feedHealth = &feedHealth;
        auto controller = std::make_unique<WallController>(std::get<WallProfile>(result), context, &frameTimes);
        controller->setScreenProvider([this] { return connected; });
        return controller;
    }
};

void requireNineScreens()
{
    if (QGuiApplication::screens().size() != 9)
        FAIL("expected the nine-screen offscreen configuration, got " << QGuiApplication::screens().size());
}

void checkLayout(const WallController &controller, int monitors)
{
    REQUIRE(QTest::qWaitFor([&] { return controller.allWindowsShown(); }, 2000));
    const auto windows = controller.windows();
    REQUIRE(windows.size() == monitors);
    QList<int> shown;
    for (int w = 0; w < windows.size(); ++w) {
        QScreen *screen = controller.windowScreens().at(w);
        CHECK(windows.at(w)->geometry() == screen->geometry());
        CHECK(windows.at(w)->isVisible());
        for (WallPage *page : windows.at(w)->pages())
            shown.append(page->index());
    }
    std::sort(shown.begin(), shown.end());
    CHECK(shown == QList<int>({0, 1, 2, 3, 4, 5, 6}));
}

} // namespace

TEST_CASE("One window per monitor for 1, 2, 6, 7 and 9 monitors")
{
    requireNineScreens();
    Fixture f;
    auto controller = f.makeController();
    for (int count : {1, 2, 6, 7, 9}) {
        INFO(count << " monitors");
        f.connected = QGuiApplication::screens().mid(0, count);
        controller->relayout();
        checkLayout(*controller, count);
    }
}

TEST_CASE("Windows are shown one per event-loop turn so that no turn paints every monitor")
{
    requireNineScreens();
    Fixture f;
    auto controller = f.makeController();
    f.connected = QGuiApplication::screens().mid(0, 7);
    QSignalSpy shown(controller.get(), &WallController::windowsShown);
    controller->show();
    const auto windows = controller->windows();
    REQUIRE(windows.size() == 7);
    CHECK(windows.first()->isVisible()); // the wall is never blank for a turn
    CHECK(std::count_if(windows.cbegin(), windows.cend(), [](WallWindow *w) { return w->isVisible(); }) == 1);
    CHECK(shown.isEmpty());
    int turns = 0;
    while (shown.isEmpty() && turns < 50) {
        const auto visibleBefore = std::count_if(windows.cbegin(), windows.cend(), [](WallWindow *w) { return w->isVisible(); });
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const auto visibleAfter = std::count_if(windows.cbegin(), windows.cend(), [](WallWindow *w) { return w->isVisible(); });
        CHECK(visibleAfter - visibleBefore <= 1);
        ++turns;
    }
    CHECK(shown.size() == 1);
    checkLayout(*controller, 7);
}

TEST_CASE("Monitors plugged in and removed while running are re-laid out within 2 s")
{
    requireNineScreens();
    Fixture f;
    auto controller = f.makeController();
    f.connected = QGuiApplication::screens().mid(0, 7);
    controller->show();
    checkLayout(*controller, 7);

    QSignalSpy relaid(controller.get(), &WallController::relaidOut);
    for (int count : {2, 9, 1, 7}) {
        INFO("now " << count << " monitors");
        f.connected = QGuiApplication::screens().mid(0, count);
        QElapsedTimer timer;
        timer.start();
        // What QGuiApplication::screenAdded / screenRemoved deliver when a cable moves.
        QMetaObject::invokeMethod(qGuiApp, [] {
            emit qGuiApp->screenAdded(QGuiApplication::primaryScreen());
        });
        REQUIRE(relaid.wait(2000 * TLR_TEST_TIME_FACTOR));
        CHECK(timer.elapsed() < 2000 * TLR_TEST_TIME_FACTOR);
        checkLayout(*controller, count);
    }
}

TEST_CASE("Screenshots save every profile screen, also those sharing a monitor")
{
    requireNineScreens();
    Fixture f;
    auto controller = f.makeController();
    f.connected = QGuiApplication::screens().mid(0, 1);
    controller->show();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    CHECK(controller->saveScreenshots(dir.path()).isEmpty());
    QList<QImage> images;
    for (int i = 0; i < 7; ++i) {
        const QImage image(QDir(dir.path()).filePath(QStringLiteral("screen-%1.png").arg(i)));
        INFO("screen " << i);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.size() == QSize(1920, 1080));
        for (const QImage &earlier : images)
            CHECK(image != earlier); // each shows its own screen's tiles
        images.append(image);
    }
    // The window goes back to the page it showed.
    CHECK(controller->windows().first()->currentPage()->index() == 0);
}
