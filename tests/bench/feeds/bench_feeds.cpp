// Messages per second from a WebSocket frame's bytes to stored (SQLite, committed) and modelled
// (SituationModel), beside the same bytes through QJsonDocument alone, in the same run.
//
//   build-bench/bin/bench_feeds [messages]
//
// Prints one figure a line: name value unit baseline ratio aim (tab-separated).

#include "domain/WallClock.h"
#include "feeds/FeedIngestor.h"
#include "feeds/FeedSink.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>

#include <cstdio>

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
    const QList<QByteArray> frames = makeFrames(count);

    // Baseline: the same bytes through QJsonDocument alone.
    QElapsedTimer timer;
    timer.start();
    qsizetype keys = 0;
    for (const QByteArray &frame : frames)
        keys += QJsonDocument::fromJson(frame).object().size();
    const double baselineRate = count / (double(timer.nsecsElapsed()) / 1e9);
    if (keys == 0)
        return 1;

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

    // Parsed and modelled only: the ingest thread's own cost.
    {
        class CountingSink : public FeedSink
        {
        public:
            void deliver(StoredMessage message) override { events += message.events.size(); }
            qsizetype events = 0;
        } counting;
        FeedIngestor ingestor(config, &counting);
        timer.restart();
        for (const QByteArray &frame : frames)
            ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
        const double parseRate = count / (double(timer.nsecsElapsed()) / 1e9);
        row("feeds_frame_to_events", parseRate, "msg/s", baselineRate, ">= 0.5 of baseline");
    }

    FeedIngestor ingestor(config, &sink);
    timer.restart();
    for (const QByteArray &frame : frames)
        ingestor.ingestFrame(frame, QDateTime::currentDateTimeUtc());
    sink.flushModel();
    store.flush();
    const double pipelineRate = count / (double(timer.nsecsElapsed()) / 1e9);
    row("feeds_frame_to_stored_and_modelled", pipelineRate, "msg/s", baselineRate, ">= 100000 msg/s and >= 0.5 of baseline");
    std::printf("feeds_baseline_qjsondocument\t%.0f\tmsg/s\t-\t-\t-\n", baselineRate);
    std::fprintf(stderr, "accepted %lld of %d, stored events %lld\n", ingestor.status().accepted, count,
                 store.storedEvents());
    return ingestor.status().accepted == count ? 0 : 1;
}
