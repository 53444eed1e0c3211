#include "charts/SeriesCatalog.h"
#include "charts/SeriesValues.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tlr;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/charts/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

bool hasProblemAt(const SeriesCatalog::Result &result, const QString &path)
{
    for (const ParseProblem &p : result.problems) {
        if (p.path == path && p.level == ParseProblem::Level::Error)
            return true;
    }
    return false;
}

QDateTime utc(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 23), QTime(hour, minute), Qt::UTC);
}

} // namespace

TEST_CASE("A valid catalog is read with its lines, units and bands")
{
    const auto result = SeriesCatalog::parse(fixture("catalog-valid.json"));
    REQUIRE(result.catalog);
    CHECK_FALSE(result.hasError());
    CHECK(result.catalog->keys().size() == 3);

    const SeriesSpec *river = result.catalog->find(u"river-level");
    REQUIRE(river);
    CHECK(river->source == SeriesSource::Observations);
    CHECK(river->quantity == QStringLiteral("height"));
    CHECK(river->unit == QStringLiteral("cm"));
    CHECK(river->feed == QStringLiteral("dlh-environment"));
    CHECK(river->staleAfterSeconds == 60);
    REQUIRE(river->lines.size() == 1);
    CHECK(river->lines[0].entities
          == QStringList{QStringLiteral("urn:ngsi-ld:WaterObserved:tangerang-pintu-air-10")});
    REQUIRE(river->bands.size() == 4);
    CHECK(river->bandFor(120)->label == QStringLiteral("Normal"));
    CHECK(river->bandFor(300)->label == QStringLiteral("Waspada")); // from is inclusive
    CHECK(river->bandFor(450)->tone == BandTone::Poor);
    CHECK(river->bandFor(9000)->label == QStringLiteral("Awas")); // open upper end
    CHECK(river->bandFor(-5) == nullptr);

    const SeriesSpec *beds = result.catalog->find(u"bed-occupancy");
    REQUIRE(beds);
    CHECK(beds->lineQuantity(beds->lines[0]) == QStringLiteral("icuBedsOccupied"));
    CHECK(beds->lineDenominator(beds->lines[0]) == QStringLiteral("icuBedsTotal"));

    const SeriesSpec *reports = result.catalog->find(u"reports-per-hour");
    REQUIRE(reports);
    CHECK(reports->source == SeriesSource::Reports);
    CHECK(reports->lines[0].reports.channel == Report::Channel::Call112);
    CHECK(reports->lines[1].reports.excludeChannel == Report::Channel::Call112);
    CHECK(reports->lines[1].reports.emergency == false);
}

TEST_CASE("Invalid series are left out with the field that is wrong - the rest is kept")
{
    const auto result = SeriesCatalog::parse(fixture("catalog-invalid.json"));
    REQUIRE(result.catalog);
    CHECK(result.hasError());
    CHECK(result.catalog->keys() == QStringList{QStringLiteral("good")});
    CHECK(hasProblemAt(result, QStringLiteral("series.overlapping-bands.bands[1].from")));
    CHECK(hasProblemAt(result, QStringLiteral("series.no-lines.lines")));
    CHECK(hasProblemAt(result, QStringLiteral("series.bad-tone.bands[0].tone")));
    CHECK(hasProblemAt(result, QStringLiteral("series.no-quantity.lines[0].quantity")));
    CHECK(hasProblemAt(result, QStringLiteral("series.no-unit.unit")));
    CHECK(hasProblemAt(result, QStringLiteral("series.nan-limit.minimum")));
    CHECK(hasProblemAt(result, QStringLiteral("series.bad-channel.lines[0].reports.channel")));
    CHECK(hasProblemAt(result, QStringLiteral("series.not-an-object")));
}

TEST_CASE("A document that is not a catalog yields none")
{
    CHECK_FALSE(SeriesCatalog::parse("{\"version\":1,").catalog);
    CHECK_FALSE(SeriesCatalog::parse("[]").catalog);
    CHECK_FALSE(SeriesCatalog::parse(R"({"version":2,"series":{}})").catalog);
    CHECK_FALSE(SeriesCatalog::parse(R"({"version":1,"series":[]})").catalog);
    CHECK_FALSE(SeriesCatalog::parse(QByteArray(5 * 1024 * 1024, ' ')).catalog);
}

TEST_CASE("The shipped catalog has every chart key of the TLR wall profile")
{
    const auto result = SeriesCatalog::readFile(SeriesCatalog::defaultPath());
    REQUIRE(result.catalog);
    CHECK(result.problems.isEmpty());
    for (const char *key : {"river-level", "ispu", "water-pressure", "traffic-speed",
                            "bed-occupancy", "reports-per-hour"}) {
        INFO(key);
        CHECK(result.catalog->find(QString::fromLatin1(key)));
    }
}

TEST_CASE("A line's live value is the mean, or the ratio of sums, of its entities")
{
    const auto result = SeriesCatalog::parse(fixture("catalog-valid.json"));
    REQUIRE(result.catalog);
    const SeriesSpec *beds = result.catalog->find(u"bed-occupancy");
    REQUIRE(beds);
    QHash<QString, Observation> observations;
    auto hospital = [&](const QString &id, double occupied, double total, const QDateTime &at) {
        Observation o;
        o.entityId = id;
        o.observedAt = at;
        o.measurements = {{QStringLiteral("icuBedsOccupied"), occupied, {}},
                          {QStringLiteral("icuBedsTotal"), total, {}}};
        observations.insert(id, o);
    };
    CHECK_FALSE(SeriesValues::live(*beds, beds->lines[0], observations));
    hospital(QStringLiteral("urn:ngsi-ld:BedOccupancyObserved:tangerang-a"), 15, 20, utc(3));
    hospital(QStringLiteral("urn:ngsi-ld:BedOccupancyObserved:tangerang-b"), 5, 20, utc(3, 5));
    const auto value = SeriesValues::live(*beds, beds->lines[0], observations);
    REQUIRE(value);
    CHECK(value->value == Approx(50.0)); // 20 of 40 beds, not the mean of 75 % and 25 %...
    CHECK(value->msecs == utc(3, 5).toMSecsSinceEpoch()); // ...at the newest reading

    // The same from rollups, bucket by bucket; a bucket without the denominator is no point.
    SeriesValues::RollupTable rollups;
    auto bucket = [](const QDateTime &start, double value) {
        return RollupPoint{start, 2, value, value, 2 * value};
    };
    const QString a = QStringLiteral("urn:ngsi-ld:BedOccupancyObserved:tangerang-a");
    const QString b = QStringLiteral("urn:ngsi-ld:BedOccupancyObserved:tangerang-b");
    rollups[a][QStringLiteral("icuBedsOccupied")] = {bucket(utc(1), 10), bucket(utc(2), 20)};
    rollups[a][QStringLiteral("icuBedsTotal")] = {bucket(utc(1), 20), bucket(utc(2), 20)};
    rollups[b][QStringLiteral("icuBedsOccupied")] = {bucket(utc(1), 10), bucket(utc(3), 5)};
    rollups[b][QStringLiteral("icuBedsTotal")] = {bucket(utc(1), 20)};
    const auto history = SeriesValues::fromRollups(*beds, beds->lines[0], rollups);
    REQUIRE(history.size() == 2);
    CHECK(history[0] == TimePoint{utc(1).toMSecsSinceEpoch(), 50.0});
    CHECK(history[1] == TimePoint{utc(2).toMSecsSinceEpoch(), 100.0});
}

TEST_CASE("Reports are counted per hour, empty hours as zero")
{
    const auto result = SeriesCatalog::parse(fixture("catalog-valid.json"));
    REQUIRE(result.catalog);
    const SeriesSpec *spec = result.catalog->find(u"reports-per-hour");
    REQUIRE(spec);
    std::deque<SharedReport> reports;
    auto report = [&](Report::Channel channel, bool emergency, const QDateTime &at) {
        Report r;
        r.channel = channel;
        r.emergency = emergency;
        r.receivedAt = at;
        reports.push_back(std::make_shared<const Report>(r));
    };
    report(Report::Channel::Call112, true, utc(1, 10));
    report(Report::Channel::Call112, true, utc(1, 59));
    report(Report::Channel::App, false, utc(1, 30));
    report(Report::Channel::Call112, true, utc(3, 0));
    report(Report::Channel::WhatsApp, false, utc(3, 20));
    report(Report::Channel::Call112, true, utc(5, 0)); // after `to`

    const auto calls = SeriesValues::reportsPerHour(spec->lines[0], reports, utc(1, 15),
                                                    utc(3, 30));
    REQUIRE(calls.size() == 3);
    CHECK(calls[0] == TimePoint{utc(1).toMSecsSinceEpoch(), 2.0});
    CHECK(calls[1] == TimePoint{utc(2).toMSecsSinceEpoch(), 0.0});
    CHECK(calls[2] == TimePoint{utc(3).toMSecsSinceEpoch(), 1.0});
    const auto complaints = SeriesValues::reportsPerHour(spec->lines[1], reports, utc(1, 15),
                                                         utc(3, 30));
    CHECK(complaints[0].value == 1.0);
    CHECK(complaints[2].value == 1.0);
}
