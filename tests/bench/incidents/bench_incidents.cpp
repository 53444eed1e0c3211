// Fusion cost per signal with thousands of open incidents, beside a scan of every incident's
// anchor (what the fusion would do without its grid), in the same run.
//
//   build-bench/bin/bench_incidents [signals]
//
// Prints one figure a line: name value unit baseline ratio aim (BenchTable.h).

#include "incidents/IncidentFusion.h"

#include "BenchTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace tlr;

namespace {

IncidentSignal call(int i, double lat, double lon, const QDateTime &time)
{
    IncidentSignal s;
    s.kind = IncidentSignal::Kind::Report;
    s.id = QString::number(i);
    s.time = time;
    s.location = QGeoCoordinate(lat, lon);
    // 13 kecamatan as strips of longitude, as many as Kota Tangerang has.
    s.kecamatan = QStringLiteral("K%1").arg(int((lon - 106.45) / 0.03));
    s.category = QStringLiteral("banjir");
    s.emergency = true;
    s.severity = Severity::Severe;
    return s;
}

// Spread so that `open` incidents stay apart: one per cell of a square lattice 2.5 km apart
// over as much land as they need, then signals at random places among them.
QList<IncidentSignal> signalsFor(int open, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<IncidentSignal> list;
    const int side = int(std::ceil(std::sqrt(double(open))));
    const double step = 0.0225; // about 2.5 km
    const QDateTime start(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < open; ++i)
        list.append(call(i, -6.0 - (i / side) * step, 106.45 + (i % side) * step, start));
    for (int i = 0; i < count; ++i) {
        const double lat = -6.0 - rng.bounded(double(side) * step);
        const double lon = 106.45 + rng.bounded(double(side) * step);
        list.append(call(open + i, lat, lon, start.addMSecs(qint64(i) * 20)));
    }
    return list;
}

// The reference: every incident's anchor checked for every signal. The first `open` signals
// set up the incidents untimed; returns the nanoseconds the rest took.
qint64 scan(const QList<IncidentSignal> &list, qsizetype open, double radius)
{
    struct Anchor
    {
        QGeoCoordinate at;
        QString kecamatan;
    };
    std::vector<Anchor> anchors;
    QElapsedTimer timer;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i == open)
            timer.start();
        const IncidentSignal &s = list.at(i);
        const bool found = std::any_of(anchors.cbegin(), anchors.cend(), [&](const Anchor &a) {
            return a.kecamatan == s.kecamatan && a.at.distanceTo(s.location) <= radius;
        });
        if (!found)
            anchors.push_back({s.location, s.kecamatan});
    }
    return timer.nsecsElapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    FusionConfig config;
    config.windowMinutes = 24 * 60; // nothing leaves by time during the run
    bench::printTableHeader();
    for (const int open : {1000, 5000, 20000}) {
        const QList<IncidentSignal> list = signalsFor(open, count, 7);
        IncidentFusion fusion(config);
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < open; ++i)
            fusion.add(list.at(i));
        const qint64 setupNs = timer.nsecsElapsed();
        timer.restart();
        for (qsizetype i = open; i < list.size(); ++i)
            fusion.add(list.at(i));
        const double fusedUs = double(timer.nsecsElapsed()) / 1000.0 / count;
        const qint64 joinable = fusion.joinableCount();

        // The scan is slow: time it on the first of the same signals.
        const int scanned = std::min(count, 2000);
        const double scanUs =
            double(scan(list.mid(0, open + scanned), open, config.radiusMetres)) / 1000.0 /
            scanned;
        std::printf("# %d open: %lld open at the end, set up in %.1f ms\n", open,
                    qint64(joinable), double(setupNs) / 1e6);
        const QByteArray name = "incidents_fusion_open_" + QByteArray::number(open) + "_us";
        bench::printRow(name.constData(), fusedUs, "us/signal", scanUs, bench::Better::Less, "-");
    }
    return 0;
}
