// Messages per second from a WebSocket frame's bytes to stored (SQLite, committed) and modelled
// (SituationModel), beside the same bytes through QJsonDocument alone, in the same run.
//
//   build-bench/bin/bench_feeds [messages] [rounds] [all|baseline|events|pipeline]
//
// Each round runs the baseline, then frame → events alone, then the pipeline into a fresh store
// (its own folder), SituationModel and ingestor, so that every pipeline figure has a baseline
// measured seconds before it: a machine whose speed drifts between phases (other people's builds,
// frequency changes) moves both. Every round's figures go to standard error; the table
// (BenchTable.h) is the round with the median ratio of the pipeline to its baseline, so that
// value, baseline and ratio in one line belong together. Rounds default to 5.
//
// A part alone is for profilers (one round unless rounds are given): `perf record` or callgrind
// of the pipeline without the baseline's and the parser's own runs in the same profile.

#include "domain/WallClock.h"
#include "feeds/FeedIngestor.h"
#include "feeds/FeedSink.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"

#include "../support/BenchTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace tlr;
using tlr::bench::Better;
using tlr::bench::printRow;

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

// Wall time and this thread's CPU time. On a shared machine the wall figures swing with other
// people's builds; the CPU figures say what the code costs.
struct Stopwatch
{
    QElapsedTimer wall;
    double threadStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    Stopwatch() { wall.start(); }
    double wallMs() const { return wall.nsecsElapsed() / 1e6; }
    double threadMs() const { return cpuMs(CLOCK_THREAD_CPUTIME_ID) - threadStart; }
};

// The store thread's CPU time, read on that thread: a job posted to the store runs there, after
// everything appended before it; flush() waits for it.
double storeThreadCpuMs(EventStore &store)
{
    auto reading = std::make_shared<std::atomic<double>>(0.0);
    store.post([reading](QSqlDatabase &) { *reading = cpuMs(CLOCK_THREAD_CPUTIME_ID); });
    store.flush();
    return *reading;
}

double perSecond(int count, double ms)
{
    return ms > 0 ? count / (ms / 1e3) : 0.0;
}

struct Pass
{
    double wallMs = 0;
    double cpuMs = 0;
};

struct Round
{
    Pass baseline;
    Pass events;
    Pass pipeline;        // cpuMs: the busier of the two threads
    double ingestCpuMs = 0; // frames parsed, modelled and appended
    double storeCpuMs = 0;  // batches written and committed
    double ratio = 0;       // pipeline to baseline, messages a second by wall time
};

FeedConfig benchFeed()
{
    FeedConfig config;
    config.id = QStringLiteral("dishub-traffic");
    config.agency = Agency::Dishub;
    config.kind = FeedKind::Traffic;
    config.transport = FeedConfig::Transport::WebSocket;
    // The bench measures how fast one feed can go; the per-feed rate limit would cut it short.
    config.maxMessagesPerSecond = 0;
    return config;
}

// The same bytes through QJsonDocument alone.
bool runBaseline(const QList<QByteArray> &frames, Pass &pass)
{
    qsizetype keys = 0;
    const Stopwatch watch;
    for (const QByteArray &frame : frames)
        keys += QJsonDocument::fromJson(frame).object().size();
    pass = {watch.wallMs(), watch.threadMs()};
    return keys > 0;
}

// Parsed only: the ingest thread's own cost.
bool runEvents(const QList<QByteArray> &frames, Pass &pass)
{
    class CountingSink : public FeedSink
    {
    public:
        void deliver(StoredMessage message) override { events += message.events.size(); }
        qsizetype events = 0;
    } counting;
    FeedIngestor ingestor(benchFeed(), &counting);
    const Stopwatch watch;
    for (const QByteArray &frame : frames)
        ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
    pass = {watch.wallMs(), watch.threadMs()};
    return counting.events == frames.size();
}

// Frame → stored and modelled, into a store of its own.
bool runPipeline(const QList<QByteArray> &frames, Round &round)
{
    const auto count = int(frames.size());
    QTemporaryDir dir;
    EventStore store;
    EventStore::Options options;
    options.path = dir.filePath(QStringLiteral("bench.sqlite"));
    options.maxPendingMessages = count + 1;
    if (const QString error = store.open(options); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    WallClock clock;
    SituationModel situation(&clock);
    StoreAndModelSink sink(&store, &situation);
    FeedIngestor ingestor(benchFeed(), &sink);

    const double storeStart = storeThreadCpuMs(store);
    const Stopwatch watch;
    for (const QByteArray &frame : frames)
        ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
    sink.flushModel();
    round.ingestCpuMs = watch.threadMs();
    const double storeEnd = storeThreadCpuMs(store); // after the flush: everything committed
    round.pipeline.wallMs = watch.wallMs();
    round.storeCpuMs = storeEnd - storeStart;
    round.pipeline.cpuMs = std::max(round.ingestCpuMs, round.storeCpuMs);

    const bool complete = ingestor.status().accepted == count && store.storedEvents() == count &&
                          store.droppedMessages() == 0;
    if (!complete) {
        std::fprintf(stderr, "pipeline incomplete: accepted %lld of %d, stored events %lld, "
                             "%lld dropped\n",
                     ingestor.status().accepted, count, store.storedEvents(),
                     store.droppedMessages());
    }
    return complete;
}

void report(int index, int count, const Round &r, bool baseline, bool events, bool pipeline)
{
    QByteArray line = "round " + QByteArray::number(index) + ":";
    const auto pass = [&](const char *name, const Pass &p) {
        line += QByteArray(" ") + name + " " + QByteArray::number(perSecond(count, p.wallMs), 'f', 0)
                + " msg/s (wall " + QByteArray::number(p.wallMs, 'f', 0) + " ms, CPU "
                + QByteArray::number(p.cpuMs, 'f', 0) + " ms);";
    };
    if (baseline)
        pass("baseline", r.baseline);
    if (events)
        pass("events", r.events);
    if (pipeline) {
        pass("pipeline", r.pipeline);
        line += " CPU: ingest thread " + QByteArray::number(r.ingestCpuMs, 'f', 0)
                + " ms, store thread " + QByteArray::number(r.storeCpuMs, 'f', 0) + " ms;";
    }
    if (baseline && pipeline)
        line += " ratio " + QByteArray::number(r.ratio, 'f', 2);
    std::fprintf(stderr, "%s\n", line.constData());
}

void printTable(int count, const Round &r, bool baseline, bool events, bool pipeline)
{
    const double base = baseline ? perSecond(count, r.baseline.wallMs) : 0.0;
    const double baseCpu = baseline ? perSecond(count, r.baseline.cpuMs) : 0.0;
    if (events) {
        printRow("feeds_frame_to_events", perSecond(count, r.events.wallMs), "msg/s", base,
                 Better::More, ">= 0.5 of baseline");
        printRow("feeds_frame_to_events_cpu", perSecond(count, r.events.cpuMs), "msg/s", baseCpu,
                 Better::More, ">= 0.5 of baseline");
    }
    if (pipeline) {
        const char *aim = ">= 100000 msg/s and >= 0.5 of baseline";
        printRow("feeds_frame_to_stored_and_modelled", perSecond(count, r.pipeline.wallMs),
                 "msg/s", base, Better::More, aim);
        // The two threads run side by side: with a core each, the busier one sets the pace.
        printRow("feeds_frame_to_stored_and_modelled_cpu", perSecond(count, r.pipeline.cpuMs),
                 "msg/s", baseCpu, Better::More, aim);
        printRow("feeds_ingest_thread_cpu", r.ingestCpuMs, "ms", "-");
        printRow("feeds_store_thread_cpu", r.storeCpuMs, "ms", "-");
    }
    if (baseline) {
        printRow("feeds_baseline_qjsondocument", base, "msg/s", "-");
        printRow("feeds_baseline_qjsondocument_cpu", baseCpu, "msg/s", "-");
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // A fresh store a round: its migrations are not news.
    QLoggingCategory::setFilterRules(QStringLiteral("tlr.store.info=false"));
    const int count = argc > 1 ? std::max(1000, atoi(argv[1])) : 200000;
    QByteArray part = QByteArrayLiteral("all");
    int rounds = 0;
    for (int i = 2; i < argc; ++i) {
        bool number = false;
        const int value = QByteArray(argv[i]).toInt(&number);
        if (number)
            rounds = std::max(1, value);
        else
            part = argv[i];
    }
    const bool all = part == "all";
    const bool baseline = all || part == "baseline";
    const bool events = all || part == "events";
    const bool pipeline = all || part == "pipeline";
    if (!baseline && !events && !pipeline) {
        std::fprintf(stderr, "bench_feeds: unknown part \"%s\" (all, baseline, events, pipeline)\n",
                     part.constData());
        return 2;
    }
    if (rounds == 0)
        rounds = all ? 5 : 1;
    const QList<QByteArray> frames = makeFrames(count);

    std::vector<Round> results;
    for (int i = 1; i <= rounds; ++i) {
        Round round;
        if (baseline && !runBaseline(frames, round.baseline))
            return 1;
        if (events && !runEvents(frames, round.events)) {
            std::fprintf(stderr, "frame → events: not every frame made an event\n");
            return 1;
        }
        if (pipeline && !runPipeline(frames, round))
            return 1;
        if (baseline && pipeline)
            round.ratio = round.baseline.wallMs / round.pipeline.wallMs;
        report(i, count, round, baseline, events, pipeline);
        results.push_back(round);
    }
    // The median round by its ratio (by the pipeline's rate without a baseline).
    std::sort(results.begin(), results.end(), [](const Round &a, const Round &b) {
        return a.ratio != b.ratio ? a.ratio < b.ratio : a.pipeline.wallMs > b.pipeline.wallMs;
    });
    const Round &median = results[results.size() / 2];
    std::printf("# bench_feeds %d messages, %d rounds: the round with the median ratio\n", count,
                rounds);
    bench::printTableHeader();
    printTable(count, median, baseline, events, pipeline);
    return 0;
}
