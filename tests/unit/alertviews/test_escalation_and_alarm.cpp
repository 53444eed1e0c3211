#include "AlertTestSupport.h"

#include "alerts/AlarmPlayer.h"
#include "alerts/EscalationBanner.h"
#include "itemmodels/AlertTableModel.h"
#include "map/AlertLayer.h"
#include "map/LiveMapData.h"
#include "map/MapViewGroup.h"
#include "map/MapWidget.h"
#include "tiles/MapTile.h"
#include "tiles/TileContext.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace tlr;
using namespace tlr::test;

TEST_CASE("the escalation strip turns red while an escalated alert waits, and quiet when it is taken, "
          "without moving anything else on the page")
{
    EngineFixture f;
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    auto *banner = new EscalationBanner(f.engine.get(), &f.clock, &page);
    auto *tiles = new QWidget(&page);
    layout->addWidget(banner);
    layout->addWidget(tiles, 1);
    page.resize(1920, 1080);
    page.show();
    QCoreApplication::processEvents();
    const QRect tilesAtRest = tiles->geometry();
    const quint64 id = f.raise("river-a", Severity::Extreme);
    CHECK(banner->text().isEmpty());
    CHECK_FALSE(banner->isEscalated());
    CHECK(banner->isVisible());

    f.advanceMinutes(f.engine->policy().escalationMinutes(Severity::Extreme));
    f.engine->checkTimers();
    REQUIRE(f.engine->alert(id)->escalationLevel >= 1);
    CHECK(banner->isEscalated());
    CHECK(banner->text().contains(QStringLiteral("Pintu Air 10")));
    CHECK(banner->text().contains(QStringLiteral("Neglasari")));
    QCoreApplication::processEvents();
    CHECK(tiles->geometry() == tilesAtRest);

    REQUIRE(f.engine->acknowledge(id, supervisor(), QStringLiteral("on it")));
    CHECK(banner->text().isEmpty());
    CHECK_FALSE(banner->isEscalated());
    CHECK(banner->isVisible());
    QCoreApplication::processEvents();
    CHECK(tiles->geometry() == tilesAtRest);
}

TEST_CASE("a tone once per new alert: not for repeats, not for refreshes")
{
    EngineFixture f;
    AlarmPlayer alarm(f.engine.get());
    QSignalSpy tones(&alarm, &AlarmPlayer::tonePlayed);
    f.raise("river-a", Severity::Severe);
    f.raise("river-a", Severity::Severe); // a repeat
    f.engine->checkTimers();              // a refresh
    f.raise("river-b", Severity::Minor);
    REQUIRE(tones.size() == 2);
    CHECK(tones.at(0).at(0).value<Severity>() == Severity::Severe);
    CHECK(tones.at(1).at(0).value<Severity>() == Severity::Minor);
    CHECK(alarm.tonesRequested() == 2);
}

TEST_CASE("an escalation sounds louder and longer than the alert's own tone")
{
    const QByteArray plain = AlarmPlayer::synthesize(Severity::Extreme, false);
    const QByteArray escalated = AlarmPlayer::synthesize(Severity::Extreme, true);
    CHECK(escalated.size() > plain.size());
    const auto peak = [](const QByteArray &pcm) {
        int peak = 0;
        for (qsizetype i = 0; i + 1 < pcm.size(); i += 2)
            peak = std::max(peak, std::abs(int(*reinterpret_cast<const qint16 *>(pcm.constData() + i))));
        return peak;
    };
    CHECK(peak(escalated) > peak(plain));
    CHECK(AlarmPlayer::synthesize(Severity::Minor, false).size() < plain.size());
}

TEST_CASE("the map marks placed alerts and pulses the waiting ones until they are acknowledged")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    LiveMapData data(nullptr);
    data.setAlertTable(&table);
    AlertLayer layer(&data);
    AlertCondition placed = condition("river-a", Severity::Extreme);
    placed.location = QGeoCoordinate(-6.1783, 106.6319);
    f.engine->applyConditions({placed, condition("unplaced", Severity::Severe)});
    QTest::qWait(400); // the map takes alert changes in bursts of 250 ms
    REQUIRE(data.engineAlerts().size() == 1);
    CHECK(data.engineAlerts().front().waiting);
    QSignalSpy repaints(&layer, &MapLayer::repaintNeeded);
    QSignalSpy frames(&layer, &MapLayer::animationFrame);
    QTest::qWait(400);
    CHECK(frames.size() >= 2); // the ring breathes without any new data,
    CHECK(repaints.isEmpty()); // over the map drawn once

    const quint64 id = f.engine->find(QStringLiteral("dlh-environment"), QStringLiteral("river-a"),
                                      QStringLiteral("river-level"))->id;
    REQUIRE(f.engine->acknowledge(id, supervisor(), QString()));
    QTest::qWait(400);
    CHECK_FALSE(data.hasWaitingAlerts());
    frames.clear();
    QTest::qWait(400);
    CHECK(frames.isEmpty());
}

TEST_CASE("an alert that becomes critical brings the map to it once")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    TileContext context;
    context.clock = &f.clock;
    context.alerts = f.engine.get();
    context.alertTable = &table;
    TileSpec spec;
    spec.type = QStringLiteral("map");
    MapTile tile(spec, context);
    const QGeoCoordinate home = tile.map()->group()->center();

    AlertCondition river = condition("river-a", Severity::Severe);
    river.location = QGeoCoordinate(-6.1694, 106.6255);
    f.engine->applyConditions({river});
    CHECK(tile.map()->group()->center() == home); // severe: the map stays where it is

    river.severity = Severity::Extreme; // the river rises to awas
    f.engine->applyConditions({river});
    CHECK(tile.map()->group()->center().distanceTo(river.location) < 1.0);
    CHECK(tile.map()->group()->zoom() >= 14);
}
