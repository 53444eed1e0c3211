// What a day of citizen reports costs in memory, run on demand (-DTLR_BUILD_BENCHMARKS=ON): the
// heap the situation holds for them, what the maps' report layer adds on top (points, clusters,
// the reports behind the tooltips), and the incident board with its table, which the same
// reports open and join. Measured with glibc's mallinfo2 (bytes in use, every thread held to
// the main arena), so it reads only on a glibc build without sanitizers.
//
//   build-bench/bin/bench_memory [reports [maps]]
//
// reports (default 85,000: the storm day's count) arrive in batches of 40, as the feed thread
// hands them over; maps (default 2) is the number of map groups following the situation, as on
// the 7-screen wall. Prints bytes per report (per incident for the board) as BenchTable.h rows.
#include "domain/WallClock.h"
#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTableModel.h"
#include "map/LiveMapData.h"
#include "situation/SituationModel.h"
#include "stats/MemoryFigures.h"

#include "BenchTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <malloc.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace tlr;

namespace {

std::size_t heapInUse()
{
    malloc_trim(0);
    return std::size_t(MemoryFigures::now().heapInUse);
}

// Reports as the feed parser makes them: every text a string of its own, as decoded from the
// message. A third are 112 emergencies, which open incidents; the rest are complaints.
QList<DomainEvent> reportBatch(int from, int count, const QDateTime &start, QRandomGenerator &rng)
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
        r.receivedAt = start.addMSecs(qint64(i) * 1000);
        r.channel = i % 3 ? Report::Channel(2 + i % 8) : Report::Channel::Call112;
        r.kind = i % 3 ? Report::Kind(2 + i % 5) : Report::Kind::Emergency;
        r.category = QString::fromLatin1(category[i % 7]);
        r.emergency = i % 3 == 0;
        r.kecamatan = QString::fromLatin1(kecamatan[rng.bounded(13)]);
        r.location = QGeoCoordinate(-6.26 + rng.generateDouble() * 0.16,
                                    106.55 + rng.generateDouble() * 0.2);
        r.description = QStringLiteral("Genangan air setinggi 40 cm di Jalan Raya %1, "
                                       "kendaraan roda dua tidak bisa lewat sejak pukul %2.")
                            .arg(i % 500)
                            .arg(i % 24);
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
    // Each batch is made, applied and freed, as the feed's are: what is measured is what the
    // holder keeps, not what it shares with batches still held here.
    const auto feed = [&](const std::function<void(const QList<DomainEvent> &)> &apply) {
        QRandomGenerator rng(20261123);
        for (int i = 0; i < reports; i += 40)
            apply(reportBatch(i, std::min(40, reports - i), start, rng));
    };
    const std::size_t before = heapInUse();

    auto situation = std::make_unique<SituationModel>(&clock);
    feed([&](const QList<DomainEvent> &batch) { situation->apply(batch); });
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

    const auto fusion = FusionConfigReader::readBuiltin();
    IncidentBoard board(fusion.config.value_or(FusionConfig()), &clock, nullptr);
    IncidentTableModel table(&board, &clock);
    feed([&](const QList<DomainEvent> &batch) {
        board.addEvents(batch);
        board.expire();
    });
    const std::size_t withIncidents = heapInUse();
    const std::size_t incidents = board.incidents().size();

    std::printf("# %d reports, %d map groups, %zu incidents; heap in use: %.1f MB before, "
                "%.1f MB with the situation, %.1f MB with the maps, %.1f MB with the incidents\n",
                reports, maps, incidents, before / 1048576.0, withSituation / 1048576.0,
                withMaps / 1048576.0, withIncidents / 1048576.0);
    bench::printTableHeader();
    bench::printRow("memory_situation_per_report", double(withSituation - before) / reports,
                    "bytes", "-");
    bench::printRow("memory_maps_per_report", double(withMaps - withSituation) / reports, "bytes",
                    "-");
    bench::printRow("memory_incidents_per_incident",
                    incidents ? double(withIncidents - withMaps) / double(incidents) : 0.0,
                    "bytes", "-");
    return 0;
}
