// Map benchmarks, run on demand (-DTLR_BUILD_BENCHMARKS=ON; QT_QPA_PLATFORM=offscreen):
//   1. ClusterIndex::build on 100,000 points beside supercluster (node) on the same points,
//      with the cluster count per zoom of both;
//   2. the frame time of a 1920 × 1080 map pane with every layer, with 10,000 and 100,000
//      sensor points, at city zoom (13) and street zoom (16): p50 and p99.
//
//   QT_QPA_PLATFORM=offscreen build-bench/bin/bench_map [points [frames]]
//
// points (default 100,000) is the larger count (the smaller is a tenth of it); frames (default
// 300) the frames panned per case. Prints the figures as BenchTable.h rows, details as notes.
#include "map/AlertLayer.h"
#include "map/BaseMapLabelLayer.h"
#include "map/ChoroplethLayer.h"
#include "map/ClusterIndex.h"
#include "map/LiveMapData.h"
#include "map/MapRenderer.h"
#include "map/MapViewGroup.h"
#include "map/PointClusterLayer.h"
#include "map/TileLayer.h"
#include "map/TileMath.h"
#include "map/TrafficLayer.h"
#include "map/VehicleLayer.h"

#include "BenchTable.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace tlr;

namespace {

// Points as a city has them: most in hot spots (markets, main roads), the rest spread out.
std::vector<QGeoCoordinate> cityPoints(int count)
{
    QRandomGenerator rng(20261123);
    std::vector<QGeoCoordinate> points;
    points.reserve(std::size_t(count));
    const double west = 106.55, east = 106.75, south = -6.26, north = -6.10;
    std::vector<QGeoCoordinate> spots;
    for (int i = 0; i < 40; ++i)
        spots.emplace_back(south + rng.generateDouble() * (north - south),
                           west + rng.generateDouble() * (east - west));
    for (int i = 0; i < count; ++i) {
        if (i % 3 == 0) {
            points.emplace_back(south + rng.generateDouble() * (north - south),
                                west + rng.generateDouble() * (east - west));
        } else {
            const auto &s = spots[std::size_t(rng.bounded(int(spots.size())))];
            // A rough normal spread of ~500 m (sum of uniforms).
            double dx = 0, dy = 0;
            for (int k = 0; k < 4; ++k) {
                dx += rng.generateDouble() - 0.5;
                dy += rng.generateDouble() - 0.5;
            }
            points.emplace_back(s.latitude() + dy * 0.008, s.longitude() + dx * 0.008);
        }
    }
    return points;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i =
        std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size() - 1) + 0.5));
    return v[i];
}

void clusterBenchmark(const std::vector<QGeoCoordinate> &points)
{
    std::vector<QPointF> projected;
    for (const auto &c : points)
        projected.push_back(TileMath::project(c.latitude(), c.longitude()));
    ClusterIndex warm;
    warm.build(projected);
    std::vector<double> ours;
    ClusterIndex index;
    for (int r = 0; r < 5; ++r) {
        ClusterIndex run;
        QElapsedTimer t;
        t.start();
        run.build(projected);
        ours.push_back(double(t.nsecsElapsed()) / 1e6);
        index = std::move(run);
    }

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("points.json"));
    {
        QJsonArray array;
        for (const auto &c : points)
            array.append(QJsonArray{c.longitude(), c.latitude()});
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    }
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(TLR_BENCH_JS_DIR));
    node.start(QStringLiteral("node"),
               {QStringLiteral("supercluster_bench.mjs"), file, QStringLiteral("5")});
    const bool ran = node.waitForFinished(300000) && node.exitCode() == 0;
    const QJsonObject sc = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    std::vector<double> theirs;
    for (const auto &v : sc.value(QLatin1String("buildMs")).toArray())
        theirs.push_back(v.toDouble());

    std::printf("# Cluster index build, %zu points (radius 40, extent 512, zoom 0-16), 5 runs\n",
                points.size());
    std::printf("#   ClusterIndex   median %8.1f ms  (min %.1f)\n", percentile(ours, 50),
                *std::min_element(ours.begin(), ours.end()));
    if (!ran || theirs.empty()) {
        std::printf("#   supercluster   did not run (npm install in %s?): %s\n", TLR_BENCH_JS_DIR,
                    qPrintable(QString::fromUtf8(node.readAllStandardError()).left(300).simplified()));
        bench::printRow("map_cluster_build_ms", percentile(ours, 50), "ms", ">= 3x faster than supercluster");
        return;
    }
    std::printf("#   supercluster   median %8.1f ms  (min %.1f)  node %s\n", percentile(theirs, 50),
                *std::min_element(theirs.begin(), theirs.end()), qPrintable(node.program()));
    std::printf("#   zoom  ClusterIndex  supercluster  difference\n");
    const QJsonObject counts = sc.value(QLatin1String("counts")).toObject();
    double worst = 0;
    for (int z = 0; z <= 17; ++z) {
        const double a = double(index.nodes(z).size());
        const double b = counts.value(QString::number(z)).toDouble();
        const double diff = b > 0 ? (a - b) / b * 100 : 0;
        worst = std::max(worst, std::abs(diff));
        std::printf("#   %4d  %12.0f  %12.0f  %+9.2f %%\n", z, a, b, diff);
    }
    bench::printRow("map_cluster_build_ms", percentile(ours, 50), "ms", percentile(theirs, 50),
                    bench::Better::Less, ">= 3x faster than supercluster");
    bench::printRow("map_cluster_count_max_diff_pct", worst, "%", "<= 2 % at every zoom");
}

void frameBenchmark(const std::vector<QGeoCoordinate> &all, int count, double zoom, int frames)
{
    MapViewGroup group;
    const int pane = group.addPane();
    group.updatePane(pane, std::nullopt, QPoint(0, 0), QSize(1920, 1080));
    std::vector<LiveMapData::Point> sensors;
    sensors.reserve(std::size_t(count));
    const FeedKind kinds[] = {FeedKind::Traffic, FeedKind::Water, FeedKind::Environment,
                              FeedKind::Health};
    for (int i = 0; i < count; ++i) {
        sensors.push_back(
            {QStringLiteral("s%1").arg(i),
             {},
             all[std::size_t(i)],
             kinds[i % 4],
             i % 17 == 0 ? LiveMapData::Point::State::Fault : LiveMapData::Point::State::Normal,
             false});
    }
    QElapsedTimer indexTime;
    indexTime.start();
    group.liveData()->setSensors(std::move(sensors));
    const double indexMs = double(indexTime.nsecsElapsed()) / 1e6;

    MapRenderer renderer;
    renderer.addLayer(new TileLayer(group.tileSource(), group.tileCache()));
    renderer.addLayer(new BaseMapLabelLayer(group.baseMap()));
    LiveMapData *live = group.liveData();
    renderer.addLayer(new ChoroplethLayer(live));
    renderer.addLayer(new AlertLayer(live));
    renderer.addLayer(new TrafficLayer(live));
    renderer.addLayer(new PointClusterLayer(PointClusterLayer::Content::Sensors, live));
    renderer.addLayer(new VehicleLayer(live));

    QImage frame(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const QGeoCoordinate centre(-6.1783, 106.6319);
    // Warm the tile cache over the whole pan path first: the measure is of drawing, not of
    // making tiles (which happens on workers, off the frame).
    for (int i = 0; i < 12; ++i) {
        group.setView(centre, zoom);
        const Viewport v = group.viewport(pane).pannedBy(QPointF(i * 25.0, i * 10.0));
        group.setView(v.center(), zoom);
        QPainter p(&frame);
        renderer.render(p, group.viewport(pane));
        p.end();
        QElapsedTimer wait;
        wait.start();
        while (group.tileSource()->pendingCount() > 0 && wait.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    std::vector<double> times;
    group.setView(centre, zoom);
    for (int i = 0; i < frames; ++i) {
        const Viewport v = group.viewport(pane).withCenter(centre).pannedBy(
            QPointF((i % 12) * 25.0, (i % 12) * 10.0));
        group.setView(v.center(), zoom);
        QElapsedTimer t;
        t.start();
        QPainter p(&frame);
        renderer.render(p, group.viewport(pane));
        p.end();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents();
    }
    // Where the time goes: each layer alone on the last view.
    QString breakdown;
    for (MapLayer *layer : renderer.layers()) {
        std::vector<double> t1;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer t;
            t.start();
            QPainter p(&frame);
            layer->render(p, group.viewport(pane));
            p.end();
            t1.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        breakdown +=
            QStringLiteral(" %1 %2").arg(layer->name()).arg(percentile(t1, 50), 0, 'f', 2);
    }
    std::printf("# %7d points  zoom %4.1f   p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms"
                "   (index %6.1f ms)\n",
                count, zoom, percentile(times, 50), percentile(times, 99),
                *std::max_element(times.begin(), times.end()), indexMs);
    std::printf("#     layers (p50 ms):%s\n", qPrintable(breakdown));
    const QByteArray name = "map_frame_" + QByteArray::number(count) + "_points_z"
                            + QByteArray::number(int(zoom));
    bench::printRow(QByteArray(name + "_p50_ms").constData(), percentile(times, 50), "ms", "-");
    bench::printRow(QByteArray(name + "_p99_ms").constData(), percentile(times, 99), "ms", "<= 16 ms");
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 100000;
    const int frames = argc > 2 ? std::max(10, std::atoi(argv[2])) : 300;
    bench::printTableHeader();
    const auto points = cityPoints(count);
    clusterBenchmark(points);
    std::printf("# Frame time, 1920 x 1080 pane, all layers, %d frames panning\n", frames);
    for (double zoom : {13.0, 16.0}) {
        for (int n : {count / 10, count})
            frameBenchmark(points, n, zoom, frames);
    }
    return 0;
}
