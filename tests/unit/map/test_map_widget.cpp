#include "map/MapLayer.h"
#include "map/MapRenderer.h"
#include "map/MapViewGroup.h"
#include "map/MapWidget.h"
#include "tiles/MapTile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <catch2/catch.hpp>

#include <memory>

using namespace tlr;

namespace {

const QGeoCoordinate kCityHall(-6.176, 106.633);

struct Fixture
{
    Fixture()
    {
        widget.resize(800, 600);
        widget.show();
        REQUIRE(QTest::qWaitForWindowExposed(&widget));
        group.setView(kCityHall, 14);
    }
    MapViewGroup group;
    MapWidget widget{&group};
};

// Counts how often the widget asks it for the scene and for the animation.
class CountingLayer : public MapLayer
{
public:
    CountingLayer() : MapLayer(QStringLiteral("counting"), Stage::Overlay, 0) {}
    void render(QPainter &, const Viewport &) override { ++scenes; }
    void renderAnimation(QPainter &, const Viewport &) override { ++animations; }
    void changeData() { emit repaintNeeded({}); }
    void nextFrame() { emit animationFrame(); }
    int scenes = 0;
    int animations = 0;
};

} // namespace

TEST_CASE("A pulse frame draws the animation over the kept scene - data or view changes draw the scene")
{
    Fixture f;
    auto *layer = new CountingLayer;
    f.widget.renderer()->addLayer(layer);
    f.widget.repaint();
    const int scenes = layer->scenes;
    REQUIRE(scenes >= 1);
    const int animations = layer->animations;
    for (int frame = 1; frame <= 3; ++frame) {
        layer->nextFrame();
        f.widget.repaint();
        CHECK(layer->animations == animations + frame);
        CHECK(layer->scenes == scenes);
    }
    layer->changeData();
    f.widget.repaint();
    CHECK(layer->scenes == scenes + 1);
    f.group.setView(kCityHall, 15);
    f.widget.repaint();
    CHECK(layer->scenes == scenes + 2);
    f.widget.resize(640, 480);
    f.widget.repaint();
    CHECK(layer->scenes == scenes + 3);
}

TEST_CASE("The wheel zooms around the cursor, within zoom 10 to 19")
{
    Fixture f;
    const QPointF cursor(200, 150);
    const QGeoCoordinate under = f.widget.viewport().fromPane(cursor);
    QWheelEvent wheel(cursor, f.widget.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&f.widget, &wheel);
    CHECK(f.group.zoom() == Approx(15));
    const QPointF after = f.widget.viewport().toPane(under);
    CHECK(after.x() == Approx(cursor.x()).margin(1.0));
    CHECK(after.y() == Approx(cursor.y()).margin(1.0));
    for (int i = 0; i < 20; ++i)
        QCoreApplication::sendEvent(&f.widget, &wheel);
    CHECK(f.group.zoom() == Viewport::kMaxZoom);
}

TEST_CASE("Dragging pans the map with the hand - keys pan, zoom and go home")
{
    Fixture f;
    f.widget.setHome(kCityHall, 14);
    const QPointF before = f.widget.viewport().toPane(kCityHall);
    QTest::mousePress(&f.widget, Qt::LeftButton, {}, QPoint(400, 300));
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(&f.widget, QPoint(400 + i * 10, 300 + i * 5), 5);
    QTest::mouseRelease(&f.widget, Qt::LeftButton, {}, QPoint(500, 350), 500);
    const QPointF after = f.widget.viewport().toPane(kCityHall);
    CHECK(after.x() - before.x() == Approx(100).margin(12));
    CHECK(after.y() - before.y() == Approx(50).margin(12));

    QTest::keyClick(&f.widget, Qt::Key_Plus);
    CHECK(f.group.zoom() == Approx(15));
    QTest::keyClick(&f.widget, Qt::Key_Minus);
    QTest::keyClick(&f.widget, Qt::Key_Minus);
    CHECK(f.group.zoom() == Approx(13));
    const QGeoCoordinate centre = f.group.center();
    QTest::keyClick(&f.widget, Qt::Key_Left);
    CHECK(f.group.center().longitude() < centre.longitude());
    QTest::keyClick(&f.widget, Qt::Key_Home);
    CHECK(f.group.zoom() == Approx(14));
    CHECK(f.group.center().distanceTo(kCityHall) < 1.0);
}

TEST_CASE("A click on a feature emits its id - a click on nothing emits nothing")
{
    Fixture f;
    QSignalSpy selected(&f.widget, &MapWidget::featureSelected);
    const QPoint hall = f.widget.viewport().toPane(kCityHall).toPoint();
    QTest::mouseClick(&f.widget, Qt::LeftButton, {}, hall);
    REQUIRE(selected.count() == 1);
    CHECK(selected.front().front().toString() == QStringLiteral("Puspemkot Tangerang"));
    // Far outside the city there is nothing to select.
    f.group.setView(QGeoCoordinate(-5.5, 107.5), 14);
    QTest::mouseClick(&f.widget, Qt::LeftButton, {}, QPoint(400, 300));
    CHECK(selected.count() == 1);
}

TEST_CASE("Two fingers pinch: the zoom follows their spread, the place between them stays there")
{
    Fixture f;
    // Ours to delete (LeakSanitizer): QTest registers the device but does not own it.
    const std::unique_ptr<QPointingDevice> touchScreen(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen));
    QPointingDevice *screen = touchScreen.get();
    const QPointF between(400, 300);
    const QGeoCoordinate held = f.widget.viewport().fromPane(between);
    const auto expectUnder = [&](QPointF at) {
        const QPointF now = f.widget.viewport().toPane(held);
        CHECK(now.x() == Approx(at.x()).margin(1.0));
        CHECK(now.y() == Approx(at.y()).margin(1.0));
    };

    QTest::touchEvent(&f.widget, screen).press(0, QPoint(350, 300)).press(1, QPoint(450, 300));
    CHECK(f.group.zoom() == Approx(14));
    // Spreading step by step, as fingers do, to twice the distance: one zoom level in.
    for (int step = 1; step <= 10; ++step) {
        QTest::touchEvent(&f.widget, screen)
            .move(0, QPoint(350 - 5 * step, 300))
            .move(1, QPoint(450 + 5 * step, 300));
    }
    CHECK(f.group.zoom() == Approx(15).margin(1e-9));
    expectUnder(between);
    // Both fingers slide while pinching in to half their first spread: the held place goes
    // with them.
    QTest::touchEvent(&f.widget, screen).move(0, QPoint(475, 380)).move(1, QPoint(525, 380));
    CHECK(f.group.zoom() == Approx(13).margin(1e-9));
    expectUnder(QPointF(500, 380));
    QTest::touchEvent(&f.widget, screen).release(0, QPoint(475, 380)).release(1, QPoint(525, 380));
    CHECK(f.group.zoom() == Approx(13).margin(1e-9));
    expectUnder(QPointF(500, 380));
}

TEST_CASE("One finger pans and a tap selects and a touchpad pinch zooms around the pointer")
{
    Fixture f;
    // Ours to delete (LeakSanitizer): QTest registers the device but does not own it.
    const std::unique_ptr<QPointingDevice> touchScreen(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen));
    QPointingDevice *screen = touchScreen.get();
    const QPointF before = f.widget.viewport().toPane(kCityHall);
    QTest::touchEvent(&f.widget, screen).press(0, QPoint(400, 300));
    for (int i = 1; i <= 10; ++i)
        QTest::touchEvent(&f.widget, screen).move(0, QPoint(400 - i * 8, 300 + i * 4));
    QTest::touchEvent(&f.widget, screen).release(0, QPoint(320, 340));
    const QPointF after = f.widget.viewport().toPane(kCityHall);
    CHECK(after.x() - before.x() == Approx(-80).margin(1.0));
    CHECK(after.y() - before.y() == Approx(40).margin(1.0));
    CHECK(f.group.zoom() == Approx(14));

    QSignalSpy selected(&f.widget, &MapWidget::featureSelected);
    const QPoint hall = f.widget.viewport().toPane(kCityHall).toPoint();
    QTest::touchEvent(&f.widget, screen).press(0, hall);
    QTest::touchEvent(&f.widget, screen).release(0, hall);
    REQUIRE(selected.count() == 1);
    CHECK(selected.front().front().toString() == QStringLiteral("Puspemkot Tangerang"));

    // A touchpad reports the change of scale: +1 doubles it, which is one zoom level.
    QPointingDevice touchpad(QStringLiteral("touchpad"), 2, QInputDevice::DeviceType::TouchPad,
                             QPointingDevice::PointerType::Finger,
                             QInputDevice::Capability::Position, 2, 3);
    const QPointF pointer(600, 200);
    const QGeoCoordinate under = f.widget.viewport().fromPane(pointer);
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, &touchpad, 2, pointer, pointer,
                              f.widget.mapToGlobal(pointer), 1.0, QPointF());
    QCoreApplication::sendEvent(&f.widget, &pinch);
    CHECK(f.group.zoom() == Approx(15).margin(1e-9));
    const QPointF now = f.widget.viewport().toPane(under);
    CHECK(now.x() == Approx(pointer.x()).margin(1.0));
    CHECK(now.y() == Approx(pointer.y()).margin(1.0));
}

TEST_CASE("Map tile parameters are checked with the field named")
{
    TileSpec spec;
    spec.type = QStringLiteral("map");
    spec.params = QJsonObject{{QStringLiteral("zoom"), 25}};
    auto error = MapTile::checkParams(spec);
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("params.zoom"));
    spec.params = QJsonObject{{QStringLiteral("center"), QJsonArray{106.6, -6.1, 3}}};
    REQUIRE(MapTile::checkParams(spec));
    CHECK(MapTile::checkParams(spec)->field == QStringLiteral("params.center"));
    spec.params = QJsonObject{{QStringLiteral("basemap"), QStringLiteral("wms:x")}};
    CHECK(MapTile::checkParams(spec)->field == QStringLiteral("params.basemap"));
    spec.params = QJsonObject{{QStringLiteral("center"), QJsonArray{-6.1783, 106.6319}},
                              {QStringLiteral("zoom"), 13},
                              {QStringLiteral("layers"), QJsonArray{QStringLiteral("traffic")}}};
    CHECK_FALSE(MapTile::checkParams(spec));
}
