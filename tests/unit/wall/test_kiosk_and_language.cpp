#include "domain/StatusNames.h"
#include "domain/WallClock.h"
#include "incidents/Incident.h"
#include "i18n/LanguageSwitcher.h"
#include "itemmodels/FeedHealthModel.h"
#include "stats/FrameTimes.h"
#include "wall/KioskGuard.h"
#include "wall/WallController.h"
#include "wall/WallPage.h"
#include "wall/WallProfileReader.h"
#include "wall/WallWindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace tlr;

namespace {

WallProfile shippedProfile()
{
    auto result = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
    REQUIRE(std::holds_alternative<WallProfile>(result));
    return std::get<WallProfile>(result);
}

QStringList labelTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

} // namespace

TEST_CASE("In kiosk mode a window cannot be closed by accident and the cursor hides when idle")
{
    WallClock clock;
    FeedHealthModel feedHealth;
    FrameTimes frameTimes;
    TileContext context;
    context.clock = &clock;
    context.feedHealth = &feedHealth;
    WallController controller(shippedProfile(), context, &frameTimes);
    controller.setScreenProvider([] { return QList<QScreen *>{QGuiApplication::primaryScreen()}; });
    controller.setMode(WallController::Mode::Kiosk);
    controller.show();
    WallWindow *window = controller.windows().first();
    CHECK(window->isFullScreen());
    CHECK_FALSE(window->close()); // Alt+F4 and friends end up here
    CHECK(window->isVisible());

    QTest::qWait(KioskGuard::kIdleMilliseconds + 300);
    REQUIRE(QApplication::overrideCursor());
    CHECK(QApplication::overrideCursor()->shape() == Qt::BlankCursor);
    QMouseEvent move(QEvent::MouseMove, QPointF(10, 10), QPointF(10, 10), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(window, &move);
    CHECK_FALSE(QApplication::overrideCursor());
}

TEST_CASE("The language switches at run time, Indonesian by default")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    WallClock clock;
    FeedHealthModel feedHealth;
    FrameTimes frameTimes;
    TileContext context;
    context.clock = &clock;
    context.feedHealth = &feedHealth;
    WallController controller(shippedProfile(), context, &frameTimes);
    controller.setScreenProvider([] { return QList<QScreen *>{QGuiApplication::primaryScreen()}; });
    controller.show();
    WallPage *overview = controller.pages().first();
    const QStringList indonesian = labelTexts(overview);
    CHECK(indonesian.contains(QStringLiteral("Waktu")));         // a translated string
    CHECK(indonesian.contains(QStringLiteral("Ikhtisar kota"))); // the profile's screen name
    CHECK(indonesian.contains(QStringLiteral("Insiden terbuka")));

    REQUIRE(language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    const QStringList english = labelTexts(overview);
    CHECK(english.contains(QStringLiteral("Time")));
    CHECK(english.contains(QStringLiteral("City overview")));
    CHECK(english.contains(QStringLiteral("Open incidents")));
    CHECK_FALSE(english.contains(QStringLiteral("Waktu")));
    CHECK_FALSE(english.contains(QStringLiteral("Ikhtisar kota")));
    CHECK_FALSE(language.setLanguage(QStringLiteral("fr")));
    CHECK(language.language() == QStringLiteral("en"));
    language.setLanguage(QStringLiteral("id"));
}

TEST_CASE("Hazards and device states from the feeds are shown in words of the wall's language")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    CHECK(hazardName(u"flood") == QStringLiteral("Banjir"));
    CHECK(deviceStatusName(u"running") == QStringLiteral("beroperasi"));
    CHECK(deviceStatusName(u"maintenance") == QStringLiteral("perawatan"));
    // What the program does not know is shown as the source wrote it.
    CHECK(hazardName(u"landslide") == QStringLiteral("landslide"));
    CHECK(deviceStatusName(u"Pompa 2 mati") == QStringLiteral("Pompa 2 mati"));

    REQUIRE(language.setLanguage(QStringLiteral("en")));
    CHECK(hazardName(u"flood") == QStringLiteral("Flood"));
    CHECK(deviceStatusName(u"onRoute") == QStringLiteral("on the way"));
    language.setLanguage(QStringLiteral("id"));
}
