// Downsampling and chart frame times, each beside a naive baseline measured in the same run.
//
//   QT_QPA_PLATFORM=offscreen build-bench/bin/bench_charts [frames]
//
// Prints one figure a line: name value unit baseline ratio aim (tab-separated).
//  - lttb_1m_to_2k: Lttb::downsample of 1,000,000 points to 2,000 (median of 15 runs), against
//    the same algorithm written plainly over QList<QPointF> with a copy per bucket.
//  - chart_frame_p99: a ChartTile (960 x 480) holding 24 h of 1 Hz readings (86,400 points)
//    while a live point arrives every frame: add, refresh, paint. Against a bare QChartView
//    whose QLineSeries gets every point, nothing downsampled.

#include "charts/ChartTile.h"
#include "charts/Lttb.h"
#include "charts/SeriesCatalog.h"
#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "situation/SituationModel.h"

#include "BenchTable.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

using namespace tlr;

namespace {

constexpr qint64 kStart = 1795401600000; // 2026-11-23T00:00:00Z

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(std::ceil(p / 100.0 * double(v.size()))) - 1);
    return v[i];
}

double signal(std::size_t i)
{
    return 200.0 + 80.0 * std::sin(double(i) / 3000.0) + 15.0 * std::sin(double(i) / 7.0)
         + double((i * 2654435761u) % 1000) / 100.0;
}

// The textbook algorithm as one might first write it with Qt containers.
QList<QPointF> naiveLttb(const QList<QPointF> &data, int threshold)
{
    QList<QPointF> sampled;
    sampled.append(data.first());
    const double every = double(data.size() - 2) / double(threshold - 2);
    int a = 0;
    for (int i = 0; i < threshold - 2; ++i) {
        const int nextStart = int(std::floor(double(i + 1) * every)) + 1;
        const int nextEnd = std::min(int(std::floor(double(i + 2) * every)) + 1, int(data.size()));
        const QList<QPointF> next = data.mid(nextStart, nextEnd - nextStart);
        const QPointF sum = std::accumulate(next.begin(), next.end(), QPointF());
        const QPointF avg = sum / double(next.size());
        const int start = int(std::floor(double(i) * every)) + 1;
        const QList<QPointF> bucket = data.mid(start, nextStart - start);
        double maxArea = -1;
        int chosen = start;
        for (int j = 0; j < bucket.size(); ++j) {
            const QPointF pa = data.at(a);
            const QPointF pb = bucket.at(j);
            const double area = std::abs((pa.x() - avg.x()) * (pb.y() - pa.y())
                                         - (pa.x() - pb.x()) * (avg.y() - pa.y())) * 0.5;
            if (area > maxArea) {
                maxArea = area;
                chosen = start + j;
            }
        }
        sampled.append(data.at(chosen));
        a = chosen;
    }
    sampled.append(data.last());
    return sampled;
}

// Every figure here is a time: less is better.
void print(const char *name, double value, const char *unit, double baseline, const char *aim)
{
    bench::printRow(name, value, unit, baseline, bench::Better::Less, aim);
}

void benchLttb()
{
    constexpr std::size_t n = 1'000'000;
    std::vector<TimePoint> points(n);
    QList<QPointF> qpoints;
    qpoints.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        points[i] = {kStart + qint64(i) * 1000, signal(i)};
        qpoints.append(QPointF(double(i) * 1000.0, signal(i)));
    }
    std::vector<double> fast;
    std::vector<double> naive;
    std::size_t check = 0;
    for (int run = 0; run < 15; ++run) {
        QElapsedTimer t;
        t.start();
        const auto out = Lttb::downsample(points, 2000);
        fast.push_back(double(t.nsecsElapsed()) / 1e6);
        check += out.size();
        t.restart();
        const auto slow = naiveLttb(qpoints, 2000);
        naive.push_back(double(t.nsecsElapsed()) / 1e6);
        check += std::size_t(slow.size());
    }
    if (check != 15 * 4000)
        std::fprintf(stderr, "unexpected output size %zu\n", check);
    print("charts_lttb_1m_to_2k_ms", median(fast), "ms", median(naive), "<= 5 ms");
}

void benchChart(int frames)
{
    WallClock clock;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(kStart + 86400 * 1000, QTimeZone::utc());
    clock.setFixedTime(now);
    SituationModel situation(&clock);
    FeedHealthModel feedHealth;
    TileContext context;
    context.clock = &clock;
    context.situation = &situation;
    context.feedHealth = &feedHealth;
    TileSpec spec;
    spec.type = QStringLiteral("chart");
    const SeriesSpec *series = SeriesCatalog::builtIn().find(u"river-level");
    if (!series) {
        std::fprintf(stderr, "no river-level series\n");
        return;
    }
    ChartTile tile(spec, *series, ChartWindow::OneDay, context);
    tile.resize(960, 480);
    tile.show();
    for (qint64 i = 0; i < 86400; ++i)
        tile.addPoint(0, {kStart + i * 1000, signal(std::size_t(i))});
    tile.refreshNow();
    QCoreApplication::processEvents();

    std::vector<double> times;
    QElapsedTimer t;
    for (int f = 0; f < frames; ++f) {
        const qint64 at = now.toMSecsSinceEpoch() + qint64(f + 1) * 1000;
        clock.setFixedTime(QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()));
        t.start();
        tile.addPoint(0, {at, signal(std::size_t(86400 + f))});
        tile.refreshNow();
        tile.repaint();
        QCoreApplication::processEvents(); // the scene's deferred updates and the view's paint
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const std::size_t drawn = std::size_t(tile.drawnPoints(0).size());

    // Baseline: every point straight into a QLineSeries, appended live.
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *line = new QLineSeries;
    QList<QPointF> all;
    all.reserve(86400);
    for (qint64 i = 0; i < 86400; ++i)
        all.append(QPointF(double(kStart + i * 1000), signal(std::size_t(i))));
    line->replace(all);
    chart->addSeries(line);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    y->setRange(0, 400);
    QChartView view(chart);
    view.resize(960, 480);
    view.show();
    QCoreApplication::processEvents();
    std::vector<double> baseline;
    for (int f = 0; f < frames; ++f) {
        const qint64 at = now.toMSecsSinceEpoch() + qint64(f + 1) * 1000;
        t.start();
        line->append(double(at), signal(std::size_t(86400 + f)));
        x->setRange(double(at - 86400000), double(at));
        view.repaint();
        QCoreApplication::processEvents();
        baseline.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("# chart tile draws %zu of %d points\n", drawn, 86400 + frames);
    print("charts_frame_p50_ms", percentile(times, 50), "ms", percentile(baseline, 50), "-");
    print("charts_frame_p99_ms", percentile(times, 99), "ms", percentile(baseline, 99), "<= 16 ms");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 300;
    bench::printTableHeader();
    benchLttb();
    benchChart(frames);
    return 0;
}
