#include "StoreTestSupport.h"

#include <QRandomGenerator>

#include <map>
#include <set>
#include <tuple>

using namespace tlr;
using namespace tlr::test;

namespace {

struct Expected
{
    qint64 count = 0;
    double min = 0.0;
    double max = 0.0;
    double sum = 0.0;

    void add(double value)
    {
        min = count == 0 ? value : std::min(min, value);
        max = count == 0 ? value : std::max(max, value);
        sum += value;
        ++count;
    }
};

using Key = std::tuple<QString, QString, qint64>; // entity, quantity, bucket start (ms)

qint64 floorTo(qint64 ms, qint64 size)
{
    return ms - ((ms % size) + size) % size;
}

} // namespace

TEST_CASE("Rollups per minute and hour agree with the raw rows for random data")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rollups.db"));
    EventStore store;
    auto options = optionsFor(path);
    options.maxBatch = 300; // many transactions, buckets spanning them
    REQUIRE(store.open(options).isEmpty());

    const QStringList entities = {QStringLiteral("urn:ngsi-ld:AQ:a"),
                                  QStringLiteral("urn:ngsi-ld:AQ:b"),
                                  QStringLiteral("urn:ngsi-ld:TrafficFlowObserved:c")};
    const QStringList quantities = {QStringLiteral("pm25"), QStringLiteral("speed")};
    const QDateTime start = utc(2026, 11, 22, 22, 30); // spans midnight and several hours
    QRandomGenerator random(4242);
    std::map<Key, Expected> minutes;
    std::map<Key, Expected> hours;
    std::set<std::pair<QString, qint64>> seen;
    qint64 seq = 0;
    int appended = 0;
    for (int i = 0; i < 4000; ++i) {
        const QString entity = entities[random.bounded(entities.size())];
        // Out of order on purpose: feeds deliver late readings.
        const QDateTime at = start.addMSecs(random.bounded(4 * 3600 * 1000));
        QList<Measurement> measurements;
        for (const QString &quantity : quantities) {
            if (random.bounded(4) == 0)
                continue; // not every reading carries every quantity
            measurements.append({quantity, -50.0 + random.bounded(300.0), {}});
        }
        // Same entity and millisecond twice is a duplicate the store drops: skip it here too.
        if (!seen.insert({entity, at.toMSecsSinceEpoch()}).second)
            continue;
        for (const auto &m : measurements) {
            const qint64 ms = at.toMSecsSinceEpoch();
            minutes[{entity, m.quantity, floorTo(ms, 60000)}].add(m.value);
            hours[{entity, m.quantity, floorTo(ms, 3600000)}].add(m.value);
        }
        store.append(makeMessage(QStringLiteral("mixed"), seq++,
                                 {makeObservation(entity, at, measurements)}));
        ++appended;
    }
    store.flush();
    CHECK(store.storedEvents() == appended);

    SqlProbe probe(path);
    // The rollup tables against a GROUP BY over the raw rows, row for row.
    for (const auto &[table, size] : {std::pair{QStringLiteral("rollups_minute"), 60000},
                                      std::pair{QStringLiteral("rollups_hour"), 3600000}}) {
        INFO(table.toStdString());
        const QString raw =
            QStringLiteral("SELECT e.entity_id AS e, m.quantity AS q, "
                           "o.observed_at - ((o.observed_at % %1) + %1) % %1 AS b, count(*) AS n, "
                           "min(m.value) AS lo, max(m.value) AS hi, sum(m.value) AS s "
                           "FROM measurements m JOIN observations o ON o.id = m.observation_id "
                           "JOIN entities e ON e.id = o.entity GROUP BY 1, 2, 3")
                .arg(size);
        CHECK(probe.value(QStringLiteral("SELECT count(*) FROM (%1)").arg(raw)).toLongLong() ==
              probe.count(table));
        CHECK(probe
                  .value(QStringLiteral(
                             "SELECT count(*) FROM (%1) r JOIN %2 t ON t.entity_id = r.e AND "
                             "t.quantity = r.q AND t.bucket_start = r.b WHERE "
                             "t.sample_count <> r.n OR t.min_value <> r.lo OR "
                             "t.max_value <> r.hi OR abs(t.sum_value - r.s) > 1e-6")
                             .arg(raw, table))
                  .toLongLong() == 0);
    }

    // The query API against sums the test kept itself.
    for (const auto &[expected, resolution] :
         {std::pair{&minutes, Resolution::Minute}, std::pair{&hours, Resolution::Hour}}) {
        for (const QString &entity : entities) {
            for (const QString &quantity : quantities) {
                const auto points = result(store.rollups(entity, quantity, resolution,
                                                         start.addDays(-1), start.addDays(1)));
                std::vector<std::pair<qint64, Expected>> want;
                for (const auto &[key, value] : *expected) {
                    if (std::get<0>(key) == entity && std::get<1>(key) == quantity)
                        want.emplace_back(std::get<2>(key), value);
                }
                REQUIRE(points.size() == static_cast<qsizetype>(want.size()));
                for (std::size_t i = 0; i < want.size(); ++i) {
                    const auto &point = points[static_cast<qsizetype>(i)];
                    CHECK(point.bucketStart.toMSecsSinceEpoch() == want[i].first);
                    CHECK(point.count == want[i].second.count);
                    CHECK(point.min == want[i].second.min);
                    CHECK(point.max == want[i].second.max);
                    CHECK(point.mean() ==
                          Approx(want[i].second.sum / static_cast<double>(want[i].second.count)));
                }
            }
        }
    }
    CHECK(minutes.size() > 500);
    CHECK(hours.size() >= 20);
}

TEST_CASE(
    "A rollup query covers the buckets that start from its from time up to before its to time")
{
    QTemporaryDir dir;
    EventStore store;
    REQUIRE(store.open(optionsFor(dir.filePath(QStringLiteral("r.db")))).isEmpty());
    const QString e = QStringLiteral("urn:ngsi-ld:AQ:a");
    for (int minute = 0; minute < 5; ++minute) {
        store.append(makeMessage(QStringLiteral("f"), minute,
                                 {makeObservation(e, utc(2026, 11, 23, 5, minute, 30),
                                                  {{QStringLiteral("pm25"), 1.0 * minute, {}}})}));
    }
    const auto points = result(store.rollups(e, QStringLiteral("pm25"), Resolution::Minute,
                                             utc(2026, 11, 23, 5, 1), utc(2026, 11, 23, 5, 4)));
    REQUIRE(points.size() == 3);
    CHECK(points.front().bucketStart == utc(2026, 11, 23, 5, 1));
    CHECK(points.back().bucketStart == utc(2026, 11, 23, 5, 3));
    CHECK(result(store.rollups(e, QStringLiteral("no2"), Resolution::Minute, utc(2026, 11, 23),
                               utc(2026, 11, 24)))
              .isEmpty());
    auto unknown = store.rollups(e, QStringLiteral("pm25"), Resolution::Unknown, utc(2026, 11, 23),
                                 utc(2026, 11, 24));
    unknown.waitForFinished();
    CHECK_FALSE(unknown.result().ok());
}

TEST_CASE("Retention deletes old rows and keeps hour rollups longer")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("retention.db"));
    EventStore store;
    auto options = optionsFor(path);
    options.retentionDays = 30;
    options.hourRollupRetentionDays = 400;
    REQUIRE(store.open(options).isEmpty());

    const QDateTime now = utc(2026, 11, 23, 4);
    const QString e = QStringLiteral("urn:ngsi-ld:AQ:a");
    const QString pm25 = QStringLiteral("pm25");
    const auto observationAt = [&](qint64 seq, const QDateTime &at) {
        return makeMessage(QStringLiteral("f"), seq, {makeObservation(e, at, {{pm25, 7.0, {}}})},
                           at);
    };
    // Written as they would arrive, days apart: each in a batch (and raw archive) of its own.
    const auto appendNow = [&](StoredMessage message) {
        store.append(std::move(message));
        store.flush();
    };
    appendNow(observationAt(1, now.addDays(-500)));
    appendNow(observationAt(2, now.addDays(-40)));
    appendNow(observationAt(3, now.addDays(-1)));
    appendNow(makeMessage(QStringLiteral("laksa"), 1,
                          {makeReport(QStringLiteral("old"), now.addDays(-31))}, now.addDays(-31)));
    appendNow(makeMessage(QStringLiteral("laksa"), 2,
                          {makeReport(QStringLiteral("new"), now.addDays(-2))}, now.addDays(-2)));
    StoredMessage rejected = makeMessage(QStringLiteral("laksa"), 3, {}, now.addDays(-35));
    rejected.rejectReason = QStringLiteral("bad");
    store.append(rejected);

    const RetentionResult removed = result(store.applyRetention(now));
    CHECK(removed.observations == 2);
    CHECK(removed.messages == 3);
    CHECK(removed.reports == 1);
    CHECK(removed.quarantine == 1);
    CHECK(removed.minuteRollups == 2);
    CHECK(removed.hourRollups == 1); // only the one older than 400 days

    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("observations")) == 1);
    CHECK(probe.count(QStringLiteral("measurements")) == 1); // cascaded
    CHECK(probe.count(QStringLiteral("messages")) == 2);
    CHECK(probe.count(QStringLiteral("message_archive")) == 2);
    CHECK(probe.value(QStringLiteral("SELECT id FROM reports")).toString() ==
          QLatin1String("new"));
    CHECK(probe.count(QStringLiteral("quarantine")) == 0);
    CHECK(probe.count(QStringLiteral("rollups_minute")) == 1);
    CHECK(probe.count(QStringLiteral("rollups_hour")) == 2);
    const auto kept = result(store.rollups(e, pm25, Resolution::Hour, now.addDays(-41), now));
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].bucketStart == now.addDays(-40));

    // A second pass finds nothing more to do.
    CHECK(result(store.applyRetention(now)).total() == 0);
}

TEST_CASE("A station renamed within a batch keeps the readings summed before the new name")
{
    QTemporaryDir dir;
    EventStore store;
    REQUIRE(store.open(optionsFor(dir.filePath(QStringLiteral("renamed.db")))).isEmpty());
    const QString e = QStringLiteral("urn:ngsi-ld:AQ:a");
    const QString pm25 = QStringLiteral("pm25");
    // One batch (one flush): two readings in one minute, the second under a new name, then a
    // third in the next minute, then a late one back in the first minute.
    const std::pair<int, double> readings[] = {{10, 1.0}, {20, 2.0}, {70, 4.0}, {30, 8.0}};
    qint64 seq = 0;
    for (const auto &[second, value] : readings) {
        Observation o = makeObservation(e, utc(2026, 11, 23, 5, 0).addSecs(second),
                                        {{pm25, value, {}}});
        if (seq > 0)
            o.name = QStringLiteral("Stasiun Cikokol (baru)");
        store.append(makeMessage(QStringLiteral("f"), seq++, {o}));
    }
    store.flush();
    const auto minutes = result(store.rollups(e, pm25, Resolution::Minute, utc(2026, 11, 23),
                                              utc(2026, 11, 24)));
    REQUIRE(minutes.size() == 2);
    CHECK(minutes[0].count == 3);
    CHECK(minutes[0].min == 1.0);
    CHECK(minutes[0].max == 8.0);
    CHECK(minutes[0].mean() == Approx(11.0 / 3));
    CHECK(minutes[1].count == 1);
    const auto hours = result(store.rollups(e, pm25, Resolution::Hour, utc(2026, 11, 23),
                                            utc(2026, 11, 24)));
    REQUIRE(hours.size() == 1);
    CHECK(hours[0].count == 4);
    CHECK(hours[0].mean() == Approx(15.0 / 4));
}
