#include "map/AlertLayer.h"
#include "map/BaseMapLabelLayer.h"
#include "map/BaseMapPainter.h"
#include "map/BuiltinTileSource.h"
#include "map/ChoroplethLayer.h"
#include "map/LabelPlacer.h"
#include "map/LiveMapData.h"
#include "map/MapRenderer.h"
#include "map/MapStyle.h"
#include "map/MapSymbols.h"
#include "map/MapViewGroup.h"
#include "map/PointClusterLayer.h"
#include "map/TileCache.h"
#include "map/TileLayer.h"
#include "map/TileSourceSpec.h"
#include "map/TrafficLayer.h"
#include "map/VehicleLayer.h"
#include "situation/SituationModel.h"
#include "domain/WallClock.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

const QGeoCoordinate kCityHall(-6.176, 106.633);

// Renders a pane of a group once every tile it asks for has arrived.
QImage renderPane(MapViewGroup &group, int pane)
{
    MapRenderer renderer;
    renderer.addLayer(new TileLayer(group.tileSource(), group.tileCache()));
    renderer.addLayer(new BaseMapLabelLayer(group.baseMap()));
    const Viewport v = group.viewport(pane);
    QImage image(v.paneSize(), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer clock;
    clock.start();
    do {
        QPainter painter(&image);
        renderer.render(painter, v);
        painter.end();
        while (group.tileSource()->pendingCount() > 0 && clock.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // A second pass draws from the cache only; it must ask for nothing more.
        QPainter again(&image);
        renderer.render(again, v);
    } while (group.tileSource()->pendingCount() > 0 && clock.elapsed() < 20000);
    return image;
}

} // namespace

TEST_CASE("A viewport maps coordinates to its pane and back")
{
    const Viewport v(kCityHall, 13.5, QSize(1600, 900));
    CHECK(v.pane() == QRect(0, 0, 1600, 900));
    const QPointF centre = v.toPane(kCityHall);
    CHECK(centre.x() == Approx(800).margin(0.51));
    CHECK(centre.y() == Approx(450).margin(0.51));
    const QGeoCoordinate back = v.fromPane(QPointF(123, 456));
    const QPointF again = v.toPane(back);
    CHECK(again.x() == Approx(123).margin(1e-6));
    CHECK(again.y() == Approx(456).margin(1e-6));

    // Zooming around a point keeps what is under it in place.
    const QPointF anchor(300, 200);
    const QGeoCoordinate under = v.fromPane(anchor);
    const Viewport zoomed = v.zoomedAround(anchor, 15.25);
    CHECK(zoomed.zoom() == 15.25);
    CHECK(zoomed.toPane(under).x() == Approx(anchor.x()).margin(1.0));
    CHECK(zoomed.toPane(under).y() == Approx(anchor.y()).margin(1.0));
    // Panning moves the content with the hand.
    const Viewport panned = v.pannedBy(QPointF(100, -40));
    CHECK(panned.toPane(kCityHall).x() == Approx(centre.x() + 100).margin(1.0));
    CHECK(panned.toPane(kCityHall).y() == Approx(centre.y() - 40).margin(1.0));
    // Zoom stays in 10–19.
    CHECK(v.withZoom(25).zoom() == Viewport::kMaxZoom);
    CHECK(v.withZoom(3).zoom() == Viewport::kMinZoom);
}

TEST_CASE("Two panes of a spanning map are the two halves of one map, pixel for pixel")
{
    MapViewGroup spanning;
    const int west = spanning.addPane();
    const int east = spanning.addPane();
    // Different offsets in their pages (one has a title bar): rows still line up.
    spanning.updatePane(west, QPoint(1, 0), QPoint(28, 130), QSize(640, 400));
    spanning.updatePane(east, QPoint(2, 0), QPoint(28, 130), QSize(640, 400));
    spanning.setView(kCityHall, 13.3);
    const Viewport vw = spanning.viewport(west);
    const Viewport ve = spanning.viewport(east);
    CHECK(vw.canvasSize() == QSize(1280, 400));
    CHECK(vw.pane() == QRect(0, 0, 640, 400));
    CHECK(ve.pane() == QRect(640, 0, 640, 400));
    CHECK(vw.seams() == QList<int>{640});

    MapViewGroup single;
    const int whole = single.addPane();
    single.updatePane(whole, std::nullopt, QPoint(0, 0), QSize(1280, 400));
    single.setView(kCityHall, 13.3);

    const QImage a = renderPane(spanning, west);
    const QImage b = renderPane(spanning, east);
    // The single pane has no seam, so labels may sit where the spanning map keeps them off the
    // seam: compare the tiles alone there, and everything with the same seam given.
    MapRenderer tilesOnly;
    tilesOnly.addLayer(new TileLayer(single.tileSource(), single.tileCache()));
    QImage wide(1280, 400, QImage::Format_ARGB32_Premultiplied);
    renderPane(single, whole); // fills the cache
    {
        QPainter p(&wide);
        tilesOnly.render(p, single.viewport(whole));
    }
    MapRenderer tilesOnlySpanning;
    tilesOnlySpanning.addLayer(new TileLayer(spanning.tileSource(), spanning.tileCache()));
    QImage a2(640, 400, QImage::Format_ARGB32_Premultiplied);
    QImage b2(640, 400, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&a2);
        tilesOnlySpanning.render(p, vw);
    }
    {
        QPainter p(&b2);
        tilesOnlySpanning.render(p, ve);
    }
    CHECK(a2 == wide.copy(0, 0, 640, 400));
    CHECK(b2 == wide.copy(640, 0, 640, 400));

    Viewport wideWithSeam = single.viewport(whole);
    wideWithSeam.setSeams({640});
    MapRenderer full;
    full.addLayer(new TileLayer(single.tileSource(), single.tileCache()));
    full.addLayer(new BaseMapLabelLayer(single.baseMap()));
    QImage labelled(1280, 400, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&labelled);
        full.render(p, wideWithSeam);
    }
    CHECK(a == labelled.copy(0, 0, 640, 400));
    CHECK(b == labelled.copy(640, 0, 640, 400));
    // And the map is not blank: the city is drawn in land colour.
    int land = 0;
    for (int y = 0; y < a.height(); y += 4) {
        for (int x = 0; x < a.width(); x += 4)
            land += QColor(a.pixel(x, y)) == MapStyle::land() ? 1 : 0;
    }
    CHECK(land > 100);
}

TEST_CASE("Panes stacked in a wall column are the two halves of one map, top and bottom")
{
    MapViewGroup spanning;
    const int north = spanning.addPane();
    const int south = spanning.addPane();
    // The upper page has a title bar, the lower one only its header: the map still goes on
    // in the lower pane's first row exactly where it ended in the upper pane's last row.
    spanning.updatePane(north, QPoint(1, 0), QPoint(28, 130), QSize(640, 400));
    spanning.updatePane(south, QPoint(1, 1), QPoint(28, 60), QSize(640, 470));
    spanning.setView(kCityHall, 13.3);
    const Viewport vn = spanning.viewport(north);
    const Viewport vs = spanning.viewport(south);
    CHECK(vn.canvasSize() == QSize(640, 870));
    CHECK(vn.pane() == QRect(0, 0, 640, 400));
    CHECK(vs.pane() == QRect(0, 400, 640, 470));
    CHECK(vn.seams().isEmpty());
    CHECK(vn.rowSeams() == QList<int>{400});

    MapViewGroup single;
    const int whole = single.addPane();
    single.updatePane(whole, std::nullopt, QPoint(0, 0), QSize(640, 870));
    single.setView(kCityHall, 13.3);
    renderPane(single, whole); // fills the cache
    Viewport tallWithSeam = single.viewport(whole);
    tallWithSeam.setRowSeams({400});
    MapRenderer full;
    full.addLayer(new TileLayer(single.tileSource(), single.tileCache()));
    full.addLayer(new BaseMapLabelLayer(single.baseMap()));
    QImage tall(640, 870, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&tall);
        full.render(p, tallWithSeam);
    }
    CHECK(renderPane(spanning, north) == tall.copy(0, 0, 640, 400));
    CHECK(renderPane(spanning, south) == tall.copy(0, 400, 640, 470));
    // No label straddles the row seam.
    BaseMapLabelLayer labels(single.baseMap());
    for (const auto &label : labels.placedLabels(tallWithSeam))
        CHECK_FALSE(label.rect.intersects(QRectF(0, 399, 640, 2)));
}

TEST_CASE("The tile cache is bounded in bytes and drops the least recently used")
{
    QImage tile(256, 256, QImage::Format_ARGB32_Premultiplied); // 256 KiB
    tile.fill(Qt::red);
    TileCache cache(4 * tile.sizeInBytes());
    for (int i = 0; i < 4; ++i)
        cache.insert(1, TileId{12, i, 0}, tile);
    CHECK(cache.count() == 4);
    CHECK_FALSE(cache.find(1, TileId{12, 0, 0}).isNull()); // 0 is now the most recent
    for (int i = 4; i < 10; ++i) {
        cache.insert(1, TileId{12, i, 0}, tile);
        CHECK(cache.bytes() <= cache.maxBytes());
    }
    CHECK(cache.count() == 4);
    CHECK_FALSE(cache.contains(1, TileId{12, 1, 0}));
    CHECK(cache.contains(1, TileId{12, 9, 0}));
    // Sources do not see each other's tiles.
    CHECK_FALSE(cache.contains(2, TileId{12, 9, 0}));
}

TEST_CASE("Base map sources are read from builtin, mbtiles:FILE and xyz:URL")
{
    auto builtin = TileSourceSpec::parse(QStringLiteral("builtin"));
    REQUIRE(std::holds_alternative<TileSourceSpec>(builtin));
    CHECK(std::get<TileSourceSpec>(builtin).kind == TileSourceSpec::Kind::Builtin);
    auto mb = TileSourceSpec::parse(QStringLiteral("mbtiles:maps/city.mbtiles"),
                                    QStringLiteral("/srv/wall"));
    REQUIRE(std::holds_alternative<TileSourceSpec>(mb));
    CHECK(std::get<TileSourceSpec>(mb).location == QStringLiteral("/srv/wall/maps/city.mbtiles"));
    auto xyz = TileSourceSpec::parse(QStringLiteral("xyz:https://tiles.example/{z}/{x}/{y}.png"));
    REQUIRE(std::holds_alternative<TileSourceSpec>(xyz));
    CHECK(std::get<TileSourceSpec>(xyz).kind == TileSourceSpec::Kind::Xyz);
    CHECK(std::holds_alternative<TileSourceSpec::Error>(
        TileSourceSpec::parse(QStringLiteral("xyz:https://tiles.example/{z}/{x}.png"))));
    CHECK(std::holds_alternative<TileSourceSpec::Error>(
        TileSourceSpec::parse(QStringLiteral("xyz:file:///etc/{z}/{x}/{y}"))));
    CHECK(std::holds_alternative<TileSourceSpec::Error>(
        TileSourceSpec::parse(QStringLiteral("google"))));
    CHECK(std::holds_alternative<TileSourceSpec::Error>(
        TileSourceSpec::parse(QStringLiteral("mbtiles:"))));
}

TEST_CASE("The built-in base map draws the city and leaves the sea empty")
{
    const auto group = std::make_unique<MapViewGroup>();
    const BaseMap &map = *group->baseMap();
    const QImage city = BaseMapPainter::renderTile(map, TileMath::tileAt(kCityHall, 13));
    const QImage far = BaseMapPainter::renderTile(map, TileId{13, 100, 100});
    CHECK(city.size() == QSize(256, 256));
    int landPixels = 0;
    for (int y = 0; y < 256; ++y) {
        for (int x = 0; x < 256; ++x)
            landPixels += QColor(city.pixel(x, y)) == MapStyle::land() ? 1 : 0;
    }
    CHECK(landPixels > 256 * 256 / 4);
    QImage empty(256, 256, QImage::Format_ARGB32_Premultiplied);
    empty.fill(MapStyle::outside());
    CHECK(far == empty);
}

TEST_CASE("An MBTiles base map draws its PNG tiles - a corrupt one falls back to the built-in map")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("raster.mbtiles"));
    const TileId tile = TileMath::tileAt(kCityHall, 12);
    {
        QImage png(256, 256, QImage::Format_RGB32);
        png.fill(QColor(0x12, 0x80, 0x40));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        REQUIRE(png.save(&buffer, "PNG"));
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raster-writer"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE metadata (name text, value text)")));
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column "
                                      "integer, tile_row integer, tile_data blob)")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO metadata VALUES ('format', 'png'), "
                                      "('attribution', 'green test tiles')")));
        q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
        q.addBindValue(tile.z);
        q.addBindValue(tile.x);
        q.addBindValue(TileMath::tmsRow(tile.z, tile.y));
        q.addBindValue(bytes);
        REQUIRE(q.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raster-writer"));

    MapViewGroup group;
    group.setBaseMap(TileSourceSpec{TileSourceSpec::Kind::Mbtiles, path});
    CHECK(group.baseMapError().isEmpty());
    CHECK(group.baseMapSpec().kind == TileSourceSpec::Kind::Mbtiles);
    CHECK(group.tileSource()->attribution() == QStringLiteral("green test tiles"));
    std::optional<QImage> ready;
    bool missing = false;
    QObject::connect(group.tileSource(), &TileSource::tileReady,
                     [&](const TileId &, const QImage &image) { ready = image; });
    QObject::connect(group.tileSource(), &TileSource::tileMissing,
                     [&](const TileId &) { missing = true; });
    group.tileSource()->request(tile);
    group.tileSource()->request(TileId{tile.z, tile.x + 1, tile.y});
    QElapsedTimer clock;
    clock.start();
    while ((!ready || !missing) && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE(ready);
    CHECK(QColor(ready->pixel(100, 100)) == QColor(0x12, 0x80, 0x40));
    CHECK(missing); // the neighbour is not in the file: no tile, no error

    const QString corrupt = dir.filePath(QStringLiteral("corrupt.mbtiles"));
    {
        QFile file(corrupt);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    group.setBaseMap(TileSourceSpec{TileSourceSpec::Kind::Mbtiles, corrupt});
    CHECK(group.baseMapError().contains(corrupt));
    CHECK(group.baseMapSpec().kind == TileSourceSpec::Kind::Builtin);
    CHECK(group.tileSource()->attribution().contains(QStringLiteral("schematic")));
}

TEST_CASE("Labels never overlap and the more important one wins")
{
    LabelPlacer placer;
    const QFont font = MapStyle::font(26);
    placer.add({QStringLiteral("minor"), QPointF(200, 100), 1, font, Qt::white,
                LabelPlacer::Anchor::Centre, 0});
    placer.add({QStringLiteral("Kecamatan"), QPointF(205, 100), 100, font, Qt::white,
                LabelPlacer::Anchor::Centre, 0});
    for (int i = 0; i < 50; ++i) {
        placer.add({QStringLiteral("label %1").arg(i), QPointF(20 + i * 7, 40 + (i % 5) * 9),
                    i % 7, font, Qt::white, LabelPlacer::Anchor::Right, 8});
    }
    placer.block(QRectF(0, 180, 400, 20));
    const auto placed = placer.place(QRectF(0, 0, 400, 200));
    REQUIRE_FALSE(placed.empty());
    CHECK(placed.front().text == QStringLiteral("Kecamatan"));
    for (std::size_t i = 0; i < placed.size(); ++i) {
        CHECK(QRectF(0, 0, 400, 200).contains(placed[i].rect));
        CHECK_FALSE(placed[i].rect.intersects(QRectF(0, 180, 400, 20)));
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            CHECK_FALSE(placed[i].rect.intersects(placed[j].rect));
    }
    // The kecamatan label is at least 24 px tall: legible at three metres.
    CHECK(placed.front().rect.height() >= 24);
}

TEST_CASE("Base map labels keep clear of live symbols: sensors, clusters, alerts, ambulances")
{
    MapViewGroup group;
    const int pane = group.addPane();
    group.updatePane(pane, std::nullopt, QPoint(0, 0), QSize(1280, 800));
    group.setView(QGeoCoordinate(-6.19, 106.64), 13);
    MapRenderer renderer;
    auto *labels = new BaseMapLabelLayer(group.baseMap());
    renderer.addLayer(labels);
    LiveMapData *live = group.liveData();
    renderer.addLayer(new PointClusterLayer(PointClusterLayer::Content::Sensors, live));
    renderer.addLayer(new AlertLayer(live));
    renderer.addLayer(new VehicleLayer(live));
    const Viewport v = group.viewport(pane);
    const auto before = labels->placedLabels(v);
    REQUIRE(before.size() >= 8);

    // A live symbol on the middle of every label placed on an empty map: a sensor on most, an
    // alert on one, an ambulance on another, and on the first a pair of sensors (a cluster).
    using Point = LiveMapData::Point;
    std::vector<Point> sensors;
    std::vector<LiveMapData::EngineAlert> alerts;
    std::vector<Point> vehicles;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const QGeoCoordinate at =
            TileMath::fromWorldPixel(before[i].rect.center() + v.canvasOrigin(), v.zoom());
        if (i == 1) {
            LiveMapData::EngineAlert alert;
            alert.id = QStringLiteral("alert");
            alert.at = at;
            alert.severity = Severity::Severe;
            alerts.push_back(alert);
        } else if (i == 2) {
            vehicles.push_back(Point{QStringLiteral("ambulance"), {}, at, FeedKind::Health,
                                     Point::State::Normal, false});
        } else {
            const int copies = i == 0 ? 2 : 1;
            for (int k = 0; k < copies; ++k) {
                sensors.push_back(Point{QStringLiteral("s%1-%2").arg(i).arg(k),
                                        {},
                                        at,
                                        FeedKind::Water,
                                        Point::State::Normal,
                                        false});
            }
        }
    }
    live->setSensors(std::move(sensors));
    live->setEngineAlerts(std::move(alerts));
    live->setVehicles(std::move(vehicles));

    // Drawn through the renderer, which hands the label layer the symbols' boxes.
    QImage image(v.paneSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.render(painter, v);
    painter.end();
    const std::vector<QRectF> boxes = renderer.symbolBoxes(v);
    // One box per label: the two sensors on the first are one cluster, the rest one symbol each
    // (labels do not overlap, so their middles lie further apart than the cluster radius).
    CHECK(boxes.size() == before.size());
    const auto after = labels->placedLabels(v);
    REQUIRE_FALSE(after.empty());
    for (const auto &label : after) {
        INFO(label.text.toStdString());
        for (const QRectF &box : boxes)
            CHECK_FALSE(label.rect.intersects(box));
    }
    // Each label that was under a symbol moved aside or gave way; none stayed where it was.
    for (const auto &was : before) {
        for (const auto &now : after)
            CHECK_FALSE((now.text == was.text && now.rect == was.rect));
    }
}

TEST_CASE("Hit-testing finds a landmark under the cursor and nothing beside it")
{
    MapViewGroup group;
    const int pane = group.addPane();
    group.updatePane(pane, std::nullopt, QPoint(0, 0), QSize(800, 600));
    group.setView(kCityHall, 15);
    MapRenderer renderer;
    renderer.addLayer(new TileLayer(group.tileSource(), group.tileCache()));
    renderer.addLayer(new BaseMapLabelLayer(group.baseMap()));
    const Viewport v = group.viewport(pane);
    const auto hit = renderer.hitTest(v.toPane(kCityHall) + QPointF(3, -2), v);
    REQUIRE(hit);
    CHECK(hit->entityId == QStringLiteral("Puspemkot Tangerang"));
    CHECK_FALSE(renderer.hitTest(v.toPane(kCityHall) + QPointF(60, 60), v));
}

TEST_CASE("Live points cluster at low zoom - a click on a cluster zooms, on a point selects it")
{
    MapViewGroup group;
    const int pane = group.addPane();
    group.updatePane(pane, std::nullopt, QPoint(0, 0), QSize(800, 600));
    LiveMapData *live = group.liveData();
    using Point = LiveMapData::Point;
    live->setSensors({
        Point{QStringLiteral("urn:ngsi-ld:Device:a"), QStringLiteral("A"),
              QGeoCoordinate(-6.1760, 106.6330), FeedKind::Water, Point::State::Normal, false},
        Point{QStringLiteral("urn:ngsi-ld:Device:b"), QStringLiteral("B"),
              QGeoCoordinate(-6.1762, 106.6333), FeedKind::Water, Point::State::Fault, false},
        Point{QStringLiteral("urn:ngsi-ld:Device:c"), QStringLiteral("C"),
              QGeoCoordinate(-6.2000, 106.7000), FeedKind::Traffic, Point::State::Normal, false},
    });
    PointClusterLayer layer(PointClusterLayer::Content::Sensors, live);

    group.setView(kCityHall, 12);
    Viewport v = group.viewport(pane);
    const auto &nodes = live->sensorClusters().nodes(12);
    const auto cluster =
        std::find_if(nodes.begin(), nodes.end(), [](const auto &n) { return n.count == 2; });
    REQUIRE(cluster != nodes.end());
    const QPointF at = v.worldToPane(cluster->position * TileMath::worldSize(12));
    const auto hit = layer.hitTest(at + QPointF(2, 2), v);
    REQUIRE(hit);
    CHECK(hit->entityId.isEmpty());
    REQUIRE(hit->zoomTo);
    CHECK(hit->zoomTo->left() == Approx(106.6330).margin(1e-4));

    group.setView(QGeoCoordinate(-6.1761, 106.63315), 19);
    v = group.viewport(pane);
    const auto single = layer.hitTest(v.toPane(QGeoCoordinate(-6.1762, 106.6333)), v);
    REQUIRE(single);
    CHECK(single->entityId == QStringLiteral("urn:ngsi-ld:Device:b"));
    CHECK_FALSE(layer.hitTest(v.toPane(QGeoCoordinate(-6.1762, 106.6333)) + QPointF(40, 0), v));

    // Drawing touches every point and cluster without failing.
    QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    QPainter painter(&image);
    layer.render(painter, v);
    painter.end();
    CHECK(image.pixel(v.toPane(QGeoCoordinate(-6.1760, 106.6330)).toPoint()) != qRgb(0, 0, 0));
}

TEST_CASE("Traffic speeds and report rates map to ordered classes")
{
    CHECK(TrafficLayer::colourFor(5) == MapStyle::bad());
    CHECK(TrafficLayer::colourFor(20) == MapStyle::warning());
    CHECK(TrafficLayer::colourFor(50) == MapStyle::good());
    CHECK(TrafficLayer::colourFor(-1) == MapStyle::textMuted());
    // The ramp gets brighter (luminance) with the rate: readable without hue.
    double previous = -1;
    for (double rate : {0.0, 0.7, 1.5, 3.0, 10.0}) {
        const QColor c = ChoroplethLayer::colourFor(rate);
        const double lightness = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
        CHECK(lightness > previous);
        previous = lightness;
    }
}

TEST_CASE("A map keeps tiles for what its panes show twice over, not a fixed quarter gigabyte")
{
    MapViewGroup group;
    const int left = group.addPane();
    group.updatePane(left, QPoint(0, 0), QPoint(0, 0), QSize(1920, 1080));
    const qint64 tileBytes = 256 * 256 * 4;
    // 1920 x 1080 at the smallest a tile is drawn (215 px): 9 x 6 tiles, one more each way.
    CHECK(group.tileCache()->maxBytes() == 2 * 10 * 7 * tileBytes);
    const int right = group.addPane();
    group.updatePane(right, QPoint(1, 0), QPoint(0, 0), QSize(1920, 1080));
    CHECK(group.tileCache()->maxBytes() == 2 * 2 * 10 * 7 * tileBytes);

    // Following alerts around the city: the tiles of old views leave, memory stays put.
    QImage tile(256, 256, QImage::Format_ARGB32_Premultiplied);
    for (int x = 0; x < 2000; ++x)
        group.tileCache()->insert(0, TileId{14, x, 0}, tile);
    CHECK(group.tileCache()->bytes() <= group.tileCache()->maxBytes());

    group.removePane(right);
    CHECK(group.tileCache()->maxBytes() == 2 * 10 * 7 * tileBytes);
    CHECK(group.tileCache()->bytes() <= group.tileCache()->maxBytes());
}

TEST_CASE("Cluster bubbles of a whole storm's counts stay within the sprite budget")
{
    QImage canvas(256, 256, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&canvas);
    // Every count from 1 to 3,000 in two colours: each is a sprite of its own, the large ones
    // larger.
    for (int count = 1; count <= 3000; ++count) {
        MapSymbols::blitCluster(painter, QPointF(128, 128), count, MapStyle::warning());
        MapSymbols::blitCluster(painter, QPointF(128, 128), count, MapStyle::bad());
    }
    CHECK(MapSymbols::cachedSpriteBytes() > MapSymbols::kSpriteBudgetBytes / 2);
    CHECK(MapSymbols::cachedSpriteBytes() <= MapSymbols::kSpriteBudgetBytes);
}

TEST_CASE("A day of reports is laid out for the map on a worker, and a change meanwhile is not lost")
{
    WallClock clock;
    const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
    clock.setFixedTime(now);
    SituationModel situation(&clock);
    const auto reports = [&](int from, int count) {
        QList<DomainEvent> batch;
        for (int i = from; i < from + count; ++i) {
            Report r;
            r.id = QStringLiteral("112-%1").arg(i);
            r.receivedAt = now.addSecs(-(i % 80000));
            r.category = QStringLiteral("banjir");
            r.kecamatan = QStringLiteral("Periuk");
            r.location = QGeoCoordinate(-6.17 + (i % 100) * 1e-4, 106.59 + (i / 100 % 100) * 1e-4);
            batch.append(r);
        }
        return batch;
    };
    situation.apply(reports(0, 40000));

    LiveMapData map(nullptr);
    QSignalSpy changed(&map, &LiveMapData::changed);
    map.setSituation(&situation);
    // The GUI thread only handed the reports over: the points come when the worker is done.
    CHECK(map.isBuildingReports());
    CHECK(map.reports().empty());
    situation.apply(reports(40000, 10));
    const auto waitForReports = [&](std::size_t count) {
        QElapsedTimer waited;
        waited.start();
        while (map.reports().size() != count && waited.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return map.reports().size();
    };
    CHECK(waitForReports(40000) == 40000);
    CHECK(changed.count() >= 1);
    // The ten that came while it built are taken by the next build, within the refresh interval.
    CHECK(waitForReports(40010) == 40010);
    CHECK(map.reportClusters().pointCount() == 40010);
    CHECK(map.reportTooltip(0).startsWith(QStringLiteral("banjir — Periuk")));
    CHECK(map.reportTooltip(40010).isEmpty());

    // A second map of the same situation shares the layer the first one has, at once: a day's
    // layer is tens of megabytes, and each map building its own held one per map.
    LiveMapData other(nullptr);
    other.setSituation(&situation);
    CHECK_FALSE(other.isBuildingReports());
    CHECK(&other.reports() == &map.reports());
    CHECK(&other.reportClusters() == &map.reportClusters());
    situation.apply(reports(40010, 5));
    CHECK(waitForReports(40015) == 40015);
    CHECK(&other.reports() == &map.reports());

    // A map that leaves the situation leaves its reports too; the other keeps them.
    other.setSituation(nullptr);
    CHECK(other.reports().empty());
    CHECK(map.reports().size() == 40015);
}
