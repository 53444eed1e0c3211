// Messages per second from a WebSocket frame's bytes to stored (SQLite, committed) and modelled
// (SituationModel), beside the same bytes through QJsonDocument alone, in the same run.
//
//   build-bench/bin/bench_feeds [messages] [all|baseline|events|pipeline]
//
// A part alone (the last argument) is for profilers: `perf record` or callgrind of the pipeline
// without the baseline's and the parser's own runs in the same profile.
// Prints one figure a line: name value unit baseline ratio aim (tab-separated).

#include "domain/WallClock.h"
#include "feeds/FeedIngestor.h"
#include "feeds/FeedSink.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace tlr;

namespace {

QList<QByteArray> makeFrames(int count)
{
    QList<QByteArray> frames;
    frames.reserve(count);
    const QByteArray sent = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs).toUtf8();
    for (int i = 0; i < count; ++i) {
        const QByteArray observed = QDateTime::currentDateTimeUtc().addSecs(-3600 + i / 64).toString(Qt::ISODate).toUtf8();
        const QByteArray payload = R"({"id":"urn:ngsi-ld:TrafficFlowObserved:tangerang-seg-)" + QByteArray::number(i % 64)
                                   + R"(","type":"TrafficFlowObserved","dateObserved":")" + observed
                                   + R"(","name":"Jl. Daan Mogot segmen )" + QByteArray::number(i % 64)
                                   + R"(","address":{"addressLocality":"Batuceper"},"location":{"type":"LineString",
                                   "coordinates":[[106.6512,-6.1651],[106.6555,-6.1660],[106.6601,-6.1667]]},
                                   "averageVehicleSpeed":)" + QByteArray::number(15 + i % 50)
                                   + R"(,"intensity":)" + QByteArray::number(400 + i % 900)
                                   + R"(,"occupancy":0.)" + QByteArray::number(10 + i % 80) + "}";
        frames.append(R"({"feed":"dishub-traffic","seq":)" + QByteArray::number(i + 1) + R"(,"sent":")" + sent
                      + R"(","format":"ngsi-ld","payload":)" + payload + "}");
    }
    return frames;
}

class StoreAndModelSink : public FeedSink
{
public:
    StoreAndModelSink(EventStore *store, SituationModel *situation) : m_store(store), m_situation(situation) {}

    void deliver(StoredMessage message) override
    {
        m_batch.append(message.events);
        if (m_batch.size() >= 500)
            flushModel();
        m_store->append(std::move(message));
    }
    void flushModel()
    {
        m_situation->apply(m_batch);
        m_batch.clear();
    }

private:
    EventStore *m_store;
    SituationModel *m_situation;
    QList<DomainEvent> m_batch;
};

double cpuMs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// Wall time, and the CPU time of this thread and of the whole process (here: this thread and
// the store's). On a shared machine the wall figures swing with other people's builds; the CPU
// figures say what the code costs.
struct Stopwatch
{
    QElapsedTimer wall;
    double threadStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    double processStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    Stopwatch() { wall.start(); }
    double wallMs() const { return wall.nsecsElapsed() / 1e6; }
    double threadMs() const { return cpuMs(CLOCK_THREAD_CPUTIME_ID) - threadStart; }
    double otherThreadsMs() const
    {
        return cpuMs(CLOCK_PROCESS_CPUTIME_ID) - processStart - threadMs();
    }
};

double perSecond(int count, double ms)
{
    return ms > 0 ? count / (ms / 1e3) : 0.0;
}

void row(const char *name, double value, const char *unit, double baseline, const char *aim)
{
    std::printf("%s\t%.0f\t%s\t%.0f\t%.2f\t%s\n", name, value, unit, baseline,
                baseline > 0 ? value / baseline : 0.0, aim);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, atoi(argv[1])) : 200000;
    const QByteArray part = argc > 2 ? QByteArray(argv[2]) : QByteArrayLiteral("all");
    const bool all = part == "all";
    const QList<QByteArray> frames = makeFrames(count);

    // Baseline: the same bytes through QJsonDocument alone.
    double baselineRate = 0;
    double baselineCpuRate = 0;
    if (all || part == "baseline") {
        qsizetype keys = 0;
        const Stopwatch baseline;
        for (const QByteArray &frame : frames)
            keys += QJsonDocument::fromJson(frame).object().size();
        baselineRate = perSecond(count, baseline.wallMs());
        baselineCpuRate = perSecond(count, baseline.threadMs());
        if (keys == 0)
            return 1;
    }

    QTemporaryDir dir;
    EventStore store;
    EventStore::Options options;
    options.path = dir.filePath(QStringLiteral("bench.sqlite"));
    options.maxPendingMessages = count + 1;
    if (const QString error = store.open(options); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    WallClock clock;
    SituationModel situation(&clock);
    StoreAndModelSink sink(&store, &situation);
    FeedConfig config;
    config.id = QStringLiteral("dishub-traffic");
    config.agency = Agency::Dishub;
    config.kind = FeedKind::Traffic;
    config.transport = FeedConfig::Transport::WebSocket;
    // The bench measures how fast one feed can go; the per-feed rate limit would cut it short.
    config.maxMessagesPerSecond = 0;

    // Parsed only: the ingest thread's own cost.
    if (all || part == "events") {
        class CountingSink : public FeedSink
        {
        public:
            void deliver(StoredMessage message) override { events += message.events.size(); }
            qsizetype events = 0;
        } counting;
        FeedIngestor ingestor(config, &counting);
        const Stopwatch parse;
        for (const QByteArray &frame : frames)
            ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
        row("feeds_frame_to_events", perSecond(count, parse.wallMs()), "msg/s", baselineRate,
            ">= 0.5 of baseline");
        row("feeds_frame_to_events_cpu", perSecond(count, parse.threadMs()), "msg/s",
            baselineCpuRate, ">= 0.5 of baseline");
    }

    if (!all && part != "pipeline")
        return 0;
    FeedIngestor ingestor(config, &sink);
    const Stopwatch pipeline;
    for (const QByteArray &frame : frames)
        ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
    sink.flushModel();
    const double ingestWallMs = pipeline.wallMs();
    store.flush();
    const double ingestThreadMs = pipeline.threadMs();
    const double storeThreadMs = pipeline.otherThreadsMs();
    std::fprintf(stderr,
                 "pipeline: ingest %.0f ms then the store's drain %.0f ms of wall time; CPU: "
                 "ingest thread %.0f ms, store thread %.0f ms\n",
                 ingestWallMs, pipeline.wallMs() - ingestWallMs, ingestThreadMs, storeThreadMs);
    const char *aim = ">= 100000 msg/s and >= 0.5 of baseline";
    row("feeds_frame_to_stored_and_modelled", perSecond(count, pipeline.wallMs()), "msg/s",
        baselineRate, aim);
    // The two threads run side by side: with a core each, the busier one sets the pace.
    row("feeds_frame_to_stored_and_modelled_cpu",
        perSecond(count, std::max(ingestThreadMs, storeThreadMs)), "msg/s", baselineCpuRate, aim);
    std::printf("feeds_baseline_qjsondocument\t%.0f\tmsg/s\t-\t-\t-\n", baselineRate);
    std::printf("feeds_baseline_qjsondocument_cpu\t%.0f\tmsg/s\t-\t-\t-\n", baselineCpuRate);
    std::fprintf(stderr, "accepted %lld of %d, stored events %lld, at most %lld waiting, %lld dropped\n",
                 ingestor.status().accepted, count, store.storedEvents(),
                 store.peakPendingMessages(), store.droppedMessages());
    return ingestor.status().accepted == count ? 0 : 1;
}
