#include "StoreTestSupport.h"
#include "store/MeasurementsJson.h"
#include "store/MessageArchive.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>

#include <charconv>
#include <cstdio>
#include <ctime>

using namespace tlr;
using namespace tlr::test;

namespace {

const QString kFeed = QStringLiteral("dlh-air");

QList<Measurement> threeMeasurements(int i)
{
    return {{QStringLiteral("pm25"), 10.0 + i % 50, QStringLiteral("GQ")},
            {QStringLiteral("pm10"), 20.0 + i % 70, QStringLiteral("GQ")},
            {QStringLiteral("no2"), 5.0 + i % 30, QStringLiteral("GQ")}};
}

} // namespace

TEST_CASE("Ten thousand observations appended in batches are counted in every table")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bulk.db"));
    EventStore store;
    auto options = optionsFor(path);
    options.maxBatch = 5000;
    REQUIRE(store.open(options).isEmpty());
    int batches = 0;
    QObject::connect(&store, &EventStore::stored, &store, [&] { ++batches; });

    constexpr int kObservations = 10000;
    const QDateTime start = utc(2026, 11, 23, 0);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock(); // both threads: tells load from cost
    for (int i = 0; i < kObservations; ++i) {
        store.append(makeMessage(kFeed, i,
                                 {makeObservation(QStringLiteral("urn:ngsi-ld:AQ:%1").arg(i % 40),
                                                  start.addSecs(i), threeMeasurements(i))}));
    }
    const qint64 appendMs = timer.elapsed();
    store.flush();
    const qint64 totalMs = std::max<qint64>(1, timer.elapsed());
    const double cpuMs = 1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double perSecond = kObservations * 1000.0 / static_cast<double>(totalMs);
    std::printf("store: %d observations x 3 measurements appended in %lld ms, committed in "
                "%lld ms (%.0f ms CPU): %.0f events/s (%.0f measurements/s)\n",
                kObservations, static_cast<long long>(appendMs), static_cast<long long>(totalMs),
                cpuMs, perSecond, perSecond * 3);
    // A floor far under what the store does, to catch a lost prepared statement or a
    // transaction per row, not to benchmark a shared machine.
    CHECK(perSecond > 1000.0);

    CHECK(store.storedEvents() == kObservations);
    CHECK(store.duplicatesIgnored() == 0);
    CHECK(store.quarantined() == 0);
    QCoreApplication::processEvents();
    CHECK(batches >= 2);  // maxBatch splits the work into transactions...
    CHECK(batches <= 50); // ... far fewer than one per message

    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("messages")) == kObservations);
    CHECK(probe.count(QStringLiteral("observations")) == kObservations);
    CHECK(probe.count(QStringLiteral("measurements")) == 3 * kObservations);
    CHECK(probe.count(QStringLiteral("alerts")) == 0);
    CHECK(probe.count(QStringLiteral("reports")) == 0);
    CHECK(probe.count(QStringLiteral("quarantine")) == 0);
    CHECK(
        probe.value(QStringLiteral("SELECT sum(sample_count) FROM rollups_minute")).toLongLong() ==
        3 * kObservations);
    CHECK(probe.value(QStringLiteral("SELECT sum(sample_count) FROM rollups_hour")).toLongLong() ==
          3 * kObservations);
    // Sensor times are stored as UTC milliseconds.
    CHECK(probe.value(QStringLiteral("SELECT min(observed_at) FROM observations")).toLongLong() ==
          start.toMSecsSinceEpoch());
}

TEST_CASE("Appends are committed by the batch timer without a flush")
{
    QTemporaryDir dir;
    EventStore store;
    auto options = optionsFor(dir.filePath(QStringLiteral("timer.db")));
    options.batchMilliseconds = 150;
    REQUIRE(store.open(options).isEmpty());
    QSignalSpy stored(&store, &EventStore::stored);
    QElapsedTimer timer;
    timer.start();
    for (int seq = 0; seq < 3; ++seq)
        store.append(
            makeMessage(kFeed, seq,
                        {makeObservation(QStringLiteral("e"), utc(2026, 11, 23).addSecs(seq),
                                         threeMeasurements(seq))}));
    REQUIRE(stored.wait(5000));
    // One transaction for the three, written once the batch window closed.
    CHECK(timer.elapsed() >= 140);
    CHECK(stored.count() == 1);
    CHECK(stored.at(0).at(0).toLongLong() == 3);
    CHECK(store.storedEvents() == 3);
}

TEST_CASE("Appends beyond the pending limit are dropped and counted")
{
    QTemporaryDir dir;
    EventStore store;
    auto options = optionsFor(dir.filePath(QStringLiteral("full.db")));
    options.batchMilliseconds = 5000; // nothing is written until flush()
    options.maxPendingMessages = 10;
    REQUIRE(store.open(options).isEmpty());
    QStringList failures;
    QObject::connect(&store, &EventStore::failed, &store,
                     [&](const QString &message) { failures.append(message); });
    for (int seq = 0; seq < 15; ++seq)
        store.append(makeMessage(kFeed, seq, {}));
    CHECK(store.droppedMessages() == 5);
    QCoreApplication::processEvents();
    CHECK(failures.size() == 1); // once per overflow, not once per message
    store.flush();
    CHECK(result(store.lastSeq(kFeed)) == 9);
    store.append(makeMessage(kFeed, 15, {}));
    CHECK(store.droppedMessages() == 5);
}

TEST_CASE("A producer faster than the store waits for each full batch to be taken")
{
    QTemporaryDir dir;
    EventStore store;
    auto options = optionsFor(dir.filePath(QStringLiteral("handoff.db")));
    options.maxBatch = 50;
    // Long enough never to run out here, even on a loaded machine: the bound is what is tested.
    options.maxAppendWaitMilliseconds = 60000;
    REQUIRE(store.open(options).isEmpty());
    const QDateTime start = utc(2026, 11, 23);
    for (int seq = 0; seq < 2000; ++seq) {
        store.append(makeMessage(
            kFeed, seq,
            {makeObservation(QStringLiteral("e%1").arg(seq % 7), start.addSecs(seq),
                             threeMeasurements(seq))}));
    }
    CHECK(store.peakPendingMessages() == 50);
    store.flush();
    CHECK(store.storedEvents() == 2000);
    CHECK(store.droppedMessages() == 0);
    CHECK(result(store.lastSeq(kFeed)) == 1999);
}

TEST_CASE("A busy store holds a producer back once and for a bounded time, then appends queue")
{
    QTemporaryDir dir;
    EventStore store;
    auto options = optionsFor(dir.filePath(QStringLiteral("busy-thread.db")));
    options.maxBatch = 10;
    options.maxAppendWaitMilliseconds = 100;
    REQUIRE(store.open(options).isEmpty());
    // The store's thread is busy for a while (as with a slow disk or a retention pass). The
    // appends start once it is: on a loaded machine the thread could otherwise wake to a full
    // batch and take it before the posted work (seen once: a peak of 190 pending, not 200).
    QSemaphore busy;
    store.post([&busy](QSqlDatabase &) {
        busy.release();
        QThread::msleep(600);
    });
    REQUIRE(busy.tryAcquire(1, 10000));

    QElapsedTimer timer;
    timer.start();
    for (int seq = 0; seq < 200; ++seq)
        store.append(makeMessage(kFeed, seq, {}));
    const qint64 appendMs = timer.elapsed();
    // The first batch fills and is not taken: one wait of 100 ms, then the rest queue.
    CHECK(appendMs >= 95);
    CHECK(appendMs < 600);
    CHECK(store.peakPendingMessages() == 200);
    CHECK(store.droppedMessages() == 0);

    store.flush();
    CHECK(store.droppedMessages() == 0);
    CHECK(result(store.lastSeq(kFeed)) == 199);
}

TEST_CASE("Messages appended before open are written once it opens")
{
    QTemporaryDir dir;
    EventStore store;
    store.append(makeMessage(kFeed, 1, {}));
    store.append(makeMessage(kFeed, 2, {}));
    REQUIRE(store.open(optionsFor(dir.filePath(QStringLiteral("late.db")))).isEmpty());
    CHECK(result(store.lastSeq(kFeed)) == 2);
    CHECK(store.droppedMessages() == 0);
}

TEST_CASE("Messages of every event kind land in their tables")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kinds.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    const QDateTime at = utc(2026, 11, 23, 3);
    store.append(makeMessage(QStringLiteral("bpbd-cap"), 1,
                             {makeAlert(QStringLiteral("BPBD-2026-0042"), at)}));
    store.append(makeMessage(QStringLiteral("laksa"), 1,
                             {makeReport(QStringLiteral("LAKSA-1"), at),
                              makeReport(QStringLiteral("LAKSA-2"), at.addSecs(5))}));
    store.flush();
    CHECK(store.storedEvents() == 3);

    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("alerts")) == 1);
    CHECK(probe
              .value(QStringLiteral("SELECT severity || ' ' || status || ' ' || msg_type "
                                    "FROM alerts"))
              .toString() == QLatin1String("severe Actual Alert"));
    CHECK(probe.count(QStringLiteral("reports")) == 2);
    CHECK(probe
              .value(QStringLiteral("SELECT channel || ' ' || kind || ' ' || agency FROM "
                                    "reports WHERE id = 'LAKSA-1'"))
              .toString() == QLatin1String("whatsapp pengaduan dlh"));
    CHECK(probe.value(QStringLiteral("SELECT received_at FROM reports WHERE id = 'LAKSA-2'"))
              .toLongLong() == at.addSecs(5).toMSecsSinceEpoch());
}

TEST_CASE("Duplicates are stored once and counted")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dup.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    const QString entity = QStringLiteral("urn:ngsi-ld:AQ:cikokol");
    const QDateTime at = utc(2026, 11, 23, 3, 10);

    SECTION("the same feed and sequence number")
    {
        const auto message =
            makeMessage(kFeed, 5, {makeObservation(entity, at, threeMeasurements(1))});
        store.append(message);
        store.append(message);
        store.append(message);
        store.flush();
        CHECK(store.storedEvents() == 1);
        CHECK(store.duplicatesIgnored() == 2);
        SqlProbe probe(path);
        CHECK(probe.count(QStringLiteral("messages")) == 1);
        CHECK(probe.count(QStringLiteral("measurements")) == 3);
        CHECK(probe.value(QStringLiteral("SELECT sum(sample_count) FROM rollups_minute"))
                  .toLongLong() == 3);
    }
    SECTION("the same report id in different messages")
    {
        store.append(
            makeMessage(QStringLiteral("laksa"), 1, {makeReport(QStringLiteral("LAKSA-7"), at)}));
        store.flush(); // in another batch as well
        store.append(
            makeMessage(QStringLiteral("laksa"), 2, {makeReport(QStringLiteral("LAKSA-7"), at)}));
        store.append(makeMessage(QStringLiteral("laksa-mirror"), 1,
                                 {makeReport(QStringLiteral("LAKSA-7"), at)}));
        store.flush();
        CHECK(store.storedEvents() == 1);
        CHECK(store.duplicatesIgnored() == 2);
        SqlProbe probe(path);
        CHECK(probe.count(QStringLiteral("reports")) == 1);
        CHECK(probe.count(QStringLiteral("messages")) == 3); // each frame was received
    }
    SECTION("the same CAP sender, identifier and sent")
    {
        store.append(
            makeMessage(QStringLiteral("bpbd-cap"), 1, {makeAlert(QStringLiteral("A-1"), at)}));
        store.append(
            makeMessage(QStringLiteral("bmkg-cap"), 9, {makeAlert(QStringLiteral("A-1"), at)}));
        // An update has its own sent time: a new message, not a duplicate.
        store.append(makeMessage(QStringLiteral("bpbd-cap"), 2,
                                 {makeAlert(QStringLiteral("A-1"), at.addSecs(60))}));
        store.flush();
        CHECK(store.storedEvents() == 2);
        CHECK(store.duplicatesIgnored() == 1);
        SqlProbe probe(path);
        CHECK(probe.count(QStringLiteral("alerts")) == 2);
    }
    SECTION("the same entity and time: only quantities not yet stored are added")
    {
        store.append(makeMessage(
            kFeed, 1, {makeObservation(entity, at, {{QStringLiteral("pm25"), 30, {}}})}));
        store.append(makeMessage(QStringLiteral("dlh-air-backup"), 1,
                                 {makeObservation(entity, at,
                                                  {{QStringLiteral("pm25"), 99, {}},
                                                   {QStringLiteral("no2"), 12, {}}})}));
        store.append(
            makeMessage(QStringLiteral("dlh-air-backup"), 2,
                        {makeObservation(entity, at, {{QStringLiteral("pm25"), 31, {}}})}));
        store.flush();
        CHECK(store.storedEvents() == 2);
        CHECK(store.duplicatesIgnored() == 1);
        SqlProbe probe(path);
        CHECK(probe.count(QStringLiteral("observations")) == 1);
        CHECK(probe.count(QStringLiteral("measurements")) == 2);
        CHECK(probe
                  .value(QStringLiteral("SELECT value FROM measurements WHERE quantity = "
                                        "'pm25'"))
                  .toDouble() == 30.0);
        const auto rollups = result(
            store.rollups(entity, QStringLiteral("pm25"), Resolution::Minute, at, at.addSecs(60)));
        REQUIRE(rollups.size() == 1);
        CHECK(rollups[0].count == 1);
        CHECK(rollups[0].max == 30.0);
    }
}

TEST_CASE("Rejected messages and bad events are quarantined with reason and bytes")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("q.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    const QDateTime at = utc(2026, 11, 23, 3, 20);

    StoredMessage rejected;
    rejected.feed = QStringLiteral("dishub-traffic");
    rejected.seq = 17;
    rejected.receivedAt = at;
    rejected.format = PayloadFormat::Unknown;
    rejected.bytes = QByteArray("{\"feed\":\"dishub-traffic\",\xff\xfe\0\x01 trailing", 33);
    rejected.rejectReason = QStringLiteral("not JSON: illegal value at offset 27");
    store.append(rejected);
    store.append(rejected); // resent: kept once

    // One message, one good observation, one without a time, one with a NaN reading.
    auto bad = makeObservation(
        QStringLiteral("urn:ngsi-ld:AQ:bad"), at,
        {{QStringLiteral("pm25"), qQNaN(), {}}, {QStringLiteral("no2"), 11.0, {}}});
    auto timeless = makeObservation(QStringLiteral("urn:ngsi-ld:AQ:timeless"), {}, {});
    store.append(makeMessage(
        kFeed, 3,
        {makeObservation(QStringLiteral("urn:ngsi-ld:AQ:good"), at, threeMeasurements(0)),
         timeless, bad},
        at));
    store.flush();

    CHECK(store.quarantined() == 3);
    CHECK(store.duplicatesIgnored() == 1);
    CHECK(store.storedEvents() == 2); // good, and bad's no2

    const auto entries = result(store.quarantineEntries(10));
    REQUIRE(entries.size() == 3);
    const auto byFeed = [&](const QString &feed) {
        QList<QuarantineEntry> found;
        for (const auto &e : entries) {
            if (e.feed == feed)
                found.append(e);
        }
        return found;
    };
    const auto whole = byFeed(QStringLiteral("dishub-traffic"));
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].seq == 17);
    CHECK(whole[0].receivedAt == at);
    CHECK(whole[0].reason == rejected.rejectReason);
    CHECK(whole[0].bytes == rejected.bytes); // byte for byte, NUL and invalid UTF-8 included
    const auto parts = byFeed(kFeed);
    REQUIRE(parts.size() == 2);
    QStringList reasons;
    for (const auto &e : parts)
        reasons.append(e.reason);
    reasons.sort();
    CHECK(reasons[0].startsWith(QLatin1String("events[1]: observation of "
                                              "urn:ngsi-ld:AQ:timeless without a valid")));
    CHECK(reasons[1] == QLatin1String("events[2]/measurements[0]: pm25 of urn:ngsi-ld:AQ:bad "
                                      "is not a finite number"));

    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("quarantine")) == 3);
    CHECK(probe.count(QStringLiteral("observations")) == 2);
    CHECK(probe.count(QStringLiteral("measurements")) == 4);
    // A rejected message goes to quarantine only, never to the event tables.
    CHECK(probe
              .value(QStringLiteral("SELECT count(*) FROM messages WHERE feed = "
                                    "'dishub-traffic'"))
              .toInt() == 0);
}

TEST_CASE("Personal data is kept in the reports table only")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pd.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    const QString name = QStringLiteral("Siti Rahayu");
    const QString phone = QStringLiteral("+62 812-3456-7890");
    Report report = makeReport(QStringLiteral("112-20261123-0001"), utc(2026, 11, 23, 3, 30));
    report.emergency = true;
    report.channel = Report::Channel::Call112;
    StoredMessage message = makeMessage(QStringLiteral("call112"), 1, {report});
    message.personalDetails = {{report.id, name, phone}};
    message.format = PayloadFormat::TlrReport;
    message.bytes = QStringLiteral(R"({"id":"112-20261123-0001","reporter":{"name":"%1",)"
                                   R"("phone":"%2"}})")
                        .arg(name, phone)
                        .toUtf8();
    store.append(message);
    store.append(makeMessage(QStringLiteral("laksa"), 1,
                             {makeReport(QStringLiteral("LAKSA-9"), utc(2026, 11, 23))}));
    store.close();

    SqlProbe probe(path);
    CHECK(probe
              .value(QStringLiteral("SELECT reporter_name || '|' || reporter_phone FROM "
                                    "reports WHERE emergency = 1"))
              .toString() == name + QLatin1Char('|') + phone);
    // Search every text and blob column of every other table for either value.
    QSqlQuery tables(probe.db());
    REQUIRE(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name <> 'reports'")));
    int searched = 0;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery columns(probe.db());
        REQUIRE(
            columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)));
        while (columns.next()) {
            const QString column = columns.value(0).toString();
            INFO(table.toStdString() << "." << column.toStdString());
            for (const QString &secret : {name, QStringLiteral("3456-7890")}) {
                CHECK(probe
                          .value(QStringLiteral("SELECT count(*) FROM %1 WHERE instr(CAST(%2 "
                                                "AS TEXT), ?) > 0")
                                     .arg(table, column),
                                 {secret})
                          .toInt() == 0);
            }
            ++searched;
        }
    }
    CHECK(searched > 30);
    // The raw archive is compressed, so the search above cannot see into it: unpack each.
    QSqlQuery archives(probe.db());
    REQUIRE(archives.exec(QStringLiteral("SELECT bytes FROM message_archive")));
    int frames = 0;
    while (archives.next()) {
        QString error;
        const auto unpacked = MessageArchive::decompress(archives.value(0).toByteArray(), &error);
        INFO(error.toStdString());
        REQUIRE(unpacked);
        for (const MessageArchive::Frame &frame : *unpacked) {
            CHECK_FALSE(frame.bytes.contains(name.toUtf8()));
            CHECK_FALSE(frame.bytes.contains("3456-7890"));
            ++frames;
        }
    }
    CHECK(frames == 2);
    // The frame itself is still accounted for (for dedup and resume), without its bytes.
    EventStore reopened;
    REQUIRE(reopened.open(optionsFor(path)).isEmpty());
    const auto call = result(reopened.messages(QStringLiteral("call112"), 0, 10));
    REQUIRE(call.size() == 1);
    CHECK(call.first().bytes.isEmpty());
    const auto laksa = result(reopened.messages(QStringLiteral("laksa"), 0, 10));
    REQUIRE(laksa.size() == 1);
    CHECK_FALSE(laksa.first().bytes.isEmpty());
}

TEST_CASE("A refused report keeps its frame for the operator without its reporter")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pdq.db"));
    {
        EventStore store;
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        StoredMessage refused = makeMessage(QStringLiteral("call112"), 1, {});
        refused.format = PayloadFormat::TlrReport;
        refused.bytes = QByteArrayLiteral(
            R"({"feed":"call112","seq":1,"format":"tlr.report","payload":{"channel":"112",)"
            R"("reporter":{"name":"Siti Rahayu","phone":"+62 812-3456-7890"}}})");
        refused.rejectReason = QStringLiteral("tlr.report: id: missing");
        store.append(refused);
        StoredMessage unreadable = makeMessage(QStringLiteral("call112"), 2, {});
        unreadable.bytes = QByteArrayLiteral(R"({"payload":{"reporter":{"name":"Siti Rahayu",)");
        unreadable.rejectReason = QStringLiteral("not JSON");
        store.append(unreadable);
    }
    SqlProbe probe(path);
    const QString kept =
        probe.value(QStringLiteral("SELECT CAST(bytes AS TEXT) FROM quarantine WHERE seq = 1"))
            .toString();
    CHECK(kept.contains(QStringLiteral("\"channel\":\"112\"")));
    CHECK_FALSE(kept.contains(QStringLiteral("Siti")));
    CHECK_FALSE(kept.contains(QStringLiteral("3456")));
    CHECK(probe.value(QStringLiteral("SELECT bytes IS NULL FROM quarantine WHERE seq = 2")).toBool());
    CHECK(probe.value(QStringLiteral("SELECT reason FROM quarantine WHERE seq = 2")).toString()
          == QStringLiteral("not JSON"));
}

TEST_CASE("A feed resumes after the last sequence number stored and its raw frames read back")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("resume.db"));
    {
        EventStore store;
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        CHECK(result(store.lastSeq(kFeed)) == -1);
        for (int seq = 1; seq <= 5; ++seq)
            store.append(makeMessage(kFeed, seq, {}));
        StoredMessage rejected = makeMessage(kFeed, 6, {});
        rejected.rejectReason = QStringLiteral("payload: missing");
        store.append(rejected);
        store.append(makeMessage(QStringLiteral("other"), 100, {}));
    } // the destructor writes what is pending

    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    CHECK(result(store.lastSeq(kFeed)) == 6);
    CHECK(result(store.lastSeq(QStringLiteral("other"))) == 100);
    const auto frames = result(store.messages(kFeed, 2, 4));
    REQUIRE(frames.size() == 3);
    CHECK(frames[0].seq == 2);
    CHECK(frames[2].seq == 4);
    CHECK(frames[1].bytes == makeMessage(kFeed, 3, {}).bytes);
    CHECK(frames[1].format == PayloadFormat::NgsiLd);
}

TEST_CASE("Sequence numbers are kept as runs: gaps, reordering and replays across batches and restarts")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.db"));
    const auto appendSeqs = [](EventStore &store, std::initializer_list<qint64> seqs) {
        for (const qint64 seq : seqs)
            store.append(makeMessage(kFeed, seq, {}));
        store.flush();
    };
    {
        EventStore store;
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        appendSeqs(store, {1, 2, 3, 4, 7, 8, 6, 3}); // a gap, one late, one repeated
        CHECK(store.duplicatesIgnored() == 1);
        appendSeqs(store, {9, 10, 5, 8, 1}); // the gap filled, two replays of the last batch
        CHECK(store.duplicatesIgnored() == 3);
    }
    SqlProbe probe(path);
    // 1-4 and 7-8 and 6 in the first batch, 9-10 and 5 in the second.
    CHECK(probe.count(QStringLiteral("message_runs")) == 5);
    CHECK(probe.count(QStringLiteral("messages")) == 10);
    CHECK(probe.value(QStringLiteral("SELECT count(DISTINCT seq) FROM messages")).toInt() == 10);

    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    CHECK(result(store.lastSeq(kFeed)) == 10);
    appendSeqs(store, {4, 6, 10, 11, 11});
    CHECK(store.duplicatesIgnored() == 4); // the store's own memory is gone: the runs say
    CHECK(SqlProbe(path).count(QStringLiteral("messages")) == 11);
    const auto frames = result(store.messages(kFeed, 1, 11));
    REQUIRE(frames.size() == 11);
    for (int i = 0; i < frames.size(); ++i)
        CHECK(frames[i].seq == i + 1);
}

TEST_CASE("Raw bytes are dropped when keepRawMessages is off and dedup still works")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("noraw.db"));
    EventStore store;
    auto options = optionsFor(path);
    options.keepRawMessages = false;
    REQUIRE(store.open(options).isEmpty());
    store.append(makeMessage(kFeed, 1, {}));
    store.append(makeMessage(kFeed, 1, {}));
    store.flush();
    CHECK(store.duplicatesIgnored() == 1);
    CHECK(SqlProbe(path).count(QStringLiteral("messages")) == 1);
    const auto frames = result(store.messages(kFeed, 0, 10));
    REQUIRE(frames.size() == 1);
    CHECK(frames.first().seq == 1);
    CHECK(frames.first().bytes.isEmpty());
}

TEST_CASE("The raw archive reads back what was packed and refuses a damaged blob")
{
    MessageArchive archive;
    StoredMessage first = makeMessage(kFeed, 7, {});
    StoredMessage second = makeMessage(kFeed, 5, {});
    second.format = PayloadFormat::Cap;
    second.bytes = QByteArray("<alert>\0binary\xff</alert>", 23);
    archive.add(first, true);
    archive.add(second, true);
    archive.add(makeMessage(kFeed, 9, {}), false);
    CHECK(archive.count() == 3);
    CHECK(archive.firstSeq() == 5);
    CHECK(archive.lastSeq() == 9);

    MessageArchive::Compressor compressor;
    const QByteArray blob = archive.compressed(compressor);
    QString error;
    const auto frames = MessageArchive::decompress(blob, &error);
    REQUIRE(frames);
    REQUIRE(frames->size() == 3);
    CHECK(frames->at(0).seq == 7);
    CHECK(frames->at(0).bytes == first.bytes);
    CHECK(frames->at(0).receivedAtMs == first.receivedAt.toMSecsSinceEpoch());
    CHECK(frames->at(1).format == PayloadFormat::Cap);
    CHECK(frames->at(1).bytes == second.bytes);
    CHECK(frames->at(2).bytes.isEmpty());

    SECTION("a cut blob")
    {
        CHECK_FALSE(MessageArchive::decompress(blob.left(blob.size() / 2), &error));
        CHECK_FALSE(error.isEmpty());
    }
    SECTION("not zstd at all")
    {
        CHECK_FALSE(MessageArchive::decompress(QByteArray("not an archive"), &error));
        CHECK(error.contains(QStringLiteral("zstd")));
    }
    SECTION("over the unpacking limit")
    {
        CHECK_FALSE(MessageArchive::decompress(blob, &error, 16));
        CHECK(error.contains(QStringLiteral("limit")));
    }
}

TEST_CASE("One compressor packs batch after batch, each blob holding only its own frames")
{
    MessageArchive::Compressor compressor;
    MessageArchive large;
    for (int seq = 1; seq <= 2000; ++seq)
        large.add(makeMessage(kFeed, seq, {}), true);
    MessageArchive small;
    small.add(makeMessage(kFeed, 2001, {}), true);

    const QByteArray largeBlob = large.compressed(compressor);
    const QByteArray smallBlob = small.compressed(compressor);
    const QByteArray largeAgain = large.compressed(compressor);
    REQUIRE_FALSE(largeBlob.isEmpty());
    CHECK(largeAgain == largeBlob); // nothing of one batch carries into the next
    // Sized to what it holds, not to the buffer the larger batch left behind.
    CHECK(smallBlob.size() < largeBlob.size() / 10);

    QString error;
    const auto frames = MessageArchive::decompress(smallBlob, &error);
    REQUIRE(frames);
    REQUIRE(frames->size() == 1);
    CHECK(frames->first().seq == 2001);
    const auto largeFrames = MessageArchive::decompress(largeBlob, &error);
    REQUIRE(largeFrames);
    CHECK(largeFrames->size() == 2000);
    CHECK(largeFrames->last().seq == 2000);
}

TEST_CASE("Measurements kept inline read back as they were written")
{
    const QList<Measurement> written = {
        {QStringLiteral("pm25"), 35.5, QStringLiteral("GQ")},
        {QStringLiteral("odd \"name\" \\ \x01 ü 😀"), -0.1, {}},
        {QStringLiteral("tiny"), 1e-300, {}},
        {QStringLiteral("third"), 1.0 / 3.0, QStringLiteral("KMH")},
    };
    const QByteArray json = MeasurementsJson::encode(written);
    const QList<Measurement> read = MeasurementsJson::decode(json);
    REQUIRE(read.size() == written.size());
    for (const Measurement &m : written) {
        INFO(m.quantity.toStdString());
        const auto it = std::find_if(read.cbegin(), read.cend(),
                                     [&](const Measurement &r) { return r.quantity == m.quantity; });
        REQUIRE(it != read.cend());
        CHECK(it->value == m.value); // exact: the shortest form that reads back the same double
        CHECK(it->unit == m.unit);
    }
    CHECK(MeasurementsJson::decode("not json").isEmpty());
    CHECK(MeasurementsJson::encode({}) == "{}");
}

TEST_CASE("Whole readings are written as std::to_chars writes the double")
{
    // The integer shortcut must not change a byte: "100000" would be longer than "1e+05".
    const double values[] = {0.0,  -0.0, 1.0,       -7.0,      15.0,   20.0,    100000.0,
                             123456789.0, -99999.0,  1e15 - 1, 1e15, 1e15 + 1, 4e15, 5e-1,
                             9007199254740993.0, 1e300};
    for (const double value : values) {
        INFO(value);
        char expected[64];
        const char *end = std::to_chars(expected, expected + sizeof expected, value).ptr;
        const QByteArray json =
            MeasurementsJson::encode({{QStringLiteral("q"), value, QString()}});
        CHECK(json == "{\"q\":[" + QByteArray(expected, end - expected) + ",null]}");
    }
}

TEST_CASE("A batch that cannot be committed is reported and the store goes on")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("busy.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    QStringList failures;
    QObject::connect(&store, &EventStore::failed, &store,
                     [&](const QString &message) { failures.append(message); });

    {
        // Another writer holds the database longer than the store's busy timeout.
        SqlProbe other(path, false);
        REQUIRE(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        store.append(makeMessage(
            kFeed, 1,
            {makeObservation(QStringLiteral("e"), utc(2026, 11, 23), threeMeasurements(0))}));
        store.flush();
        REQUIRE(other.exec(QStringLiteral("ROLLBACK")));
    }
    CHECK(store.droppedMessages() == 1);
    CHECK(store.storedEvents() == 0);
    QCoreApplication::processEvents();
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].contains(QStringLiteral("busy.db")));
    CHECK(failures[0].contains(QStringLiteral("1 messages lost")));

    store.append(makeMessage(
        kFeed, 2,
        {makeObservation(QStringLiteral("e"), utc(2026, 11, 23, 0, 1), threeMeasurements(1))}));
    store.flush();
    CHECK(store.storedEvents() == 1);
    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("measurements")) == 3);
    CHECK(probe.value(QStringLiteral("SELECT sum(sample_count) FROM rollups_hour")).toInt() == 3);
}
