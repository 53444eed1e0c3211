// What a day of citizen reports costs in memory, run on demand (-DTLR_BUILD_BENCHMARKS=ON):
// the heap the situation holds for them, and what every map group adds on top for its report
// layer (points, clusters, the reports behind the tooltips). Measured with glibc's mallinfo2
// (bytes in use, every thread held to the main arena), so it reads only on a glibc build without sanitizers.
//
//   build-bench/bin/bench_map_memory [reports [maps]]
//
// reports (default 85,000: the storm day's count) arrive in batches of 40, as the feed thread
// hands them over; maps (default 2) is the number of map groups following the situation, as on
// the 7-screen wall. Prints bytes per report as BenchTable.h rows.
#include "map/LiveMapData.h"
#include "situation/SituationModel.h"
#include "domain/WallClock.h"

#include "BenchTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <malloc.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace tlr;

namespace {

std::size_t heapInUse()
{
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd; // small blocks and mmapped large ones
}

// Reports as the feed parser makes them: every text a string of its own, as decoded from the
// message.
QList<DomainEvent> reportBatch(int from, int count, const QDateTime &now, QRandomGenerator &rng)
{
    static const char *const kecamatan[] = {
        "Tangerang", "Jatiuwung", "Batuceper", "Benda", "Cipondoh", "Ciledug", "Karawaci",
        "Periuk", "Cibodas", "Neglasari", "Pinang", "Karang Tengah", "Larangan"};
    static const char *const category[] = {"banjir", "kemacetan", "kebakaran", "air_bersih",
                                           "pohon_tumbang", "lampu_jalan", "sampah"};
    QList<DomainEvent> batch;
    batch.reserve(count);
    for (int i = from; i < from + count; ++i) {
        Report r;
        r.source = QString::fromLatin1(i % 3 ? "laksa" : "emergency-112");
        r.id = QStringLiteral("LAKSA-2026-%1").arg(i, 7, 10, QLatin1Char('0'));
        r.receivedAt = now.addMSecs(qint64(i) * 1000);
        r.channel = Report::Channel(1 + i % 9);
        r.kind = Report::Kind(1 + i % 6);
        r.category = QString::fromLatin1(category[i % 7]);
        r.emergency = i % 3 == 0;
        r.kecamatan = QString::fromLatin1(kecamatan[rng.bounded(13)]);
        r.location = QGeoCoordinate(-6.26 + rng.generateDouble() * 0.16,
                                    106.55 + rng.generateDouble() * 0.2);
        r.description = QStringLiteral("Genangan air setinggi 40 cm di Jalan Raya %1, "
                                       "kendaraan roda dua tidak bisa lewat sejak pukul %2.")
                            .arg(i % 500)
                            .arg(i % 24);
        r.agency = Agency::Unknown;
        batch.append(r);
    }
    return batch;
}

} // namespace

int main(int argc, char **argv)
{
    // mallinfo2 counts the main arena alone: the layers' worker must allocate there too.
    mallopt(M_ARENA_MAX, 1);
    QCoreApplication app(argc, argv);
    const int reports = argc > 1 ? std::atoi(argv[1]) : 85000;
    const int maps = argc > 2 ? std::atoi(argv[2]) : 2;

    WallClock clock;
    const QDateTime start(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC);
    clock.setFixedTime(start.addSecs(reports)); // every report within the day
    QRandomGenerator rng(20261123);

    const std::size_t before = heapInUse();
    auto situation = std::make_unique<SituationModel>(&clock);
    for (int i = 0; i < reports; i += 40)
        situation->apply(reportBatch(i, std::min(40, reports - i), start, rng));
    const std::size_t withSituation = heapInUse();

    std::vector<std::unique_ptr<LiveMapData>> layers;
    for (int m = 0; m < maps; ++m) {
        layers.push_back(std::make_unique<LiveMapData>(nullptr));
        layers.back()->setSituation(situation.get());
    }
    QElapsedTimer waited;
    waited.start();
    const auto allBuilt = [&] {
        for (const auto &layer : layers) {
            if (layer->isBuildingReports() || layer->reports().size() != std::size_t(reports))
                return false;
        }
        return true;
    };
    while (!allBuilt() && waited.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const std::size_t withMaps = heapInUse();

    std::printf("# %d reports, %d map groups; heap in use: %.1f MB before, %.1f MB with the "
                "situation, %.1f MB with the maps\n",
                reports, maps, before / 1048576.0, withSituation / 1048576.0, withMaps / 1048576.0);
    bench::printTableHeader();
    bench::printRow("map_memory_situation_per_report", double(withSituation - before) / reports,
                    "bytes", "-");
    bench::printRow("map_memory_maps_per_report", double(withMaps - withSituation) / reports,
                    "bytes", "-");
    return 0;
}
