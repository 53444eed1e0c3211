#include "FeedChannel.h"
#include "FeedsimTestSupport.h"
#include "Ispu.h"
#include "Simulation.h"

#include "parsing/EnvelopeParser.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <map>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

QByteArray serialize(const SimMessage &m)
{
    return FeedChannel::envelope(m.feed, 0, m.simTimeMs, m.format, m.payload);
}

std::vector<QByteArray> run(const ScenarioBundle &bundle, quint64 seed, qint64 minutes,
                            qint64 sliceMs)
{
    Simulation sim(bundle, {seed, mondayMorningMs(), 1.0});
    std::vector<QByteArray> out;
    const qint64 end = mondayMorningMs() + minutes * 60000;
    for (qint64 t = mondayMorningMs(); t < end;) {
        t = std::min(end, t + sliceMs);
        for (const auto &m : sim.advanceTo(t))
            out.push_back(serialize(m));
    }
    return out;
}

} // namespace

TEST_CASE("The built-in scenarios load with the whole city network")
{
    const ScenarioBundle normal = loadBundle(QStringLiteral("normal"));
    const ScenarioBundle storm = loadBundle(QStringLiteral("storm"));
    CHECK(normal.scenario.name == QStringLiteral("normal"));
    CHECK(storm.scenario.name == QStringLiteral("storm"));
    const Network &n = normal.network;
    CHECK(n.kecamatan.size() == 13);
    CHECK(n.roads.size() >= 60);
    CHECK(n.hospitals.size() >= 10);
    CHECK(n.zones.size() == 8);
    CHECK(n.airQualityStations.size() == 6);
    CHECK(n.ambulanceCount == 15);
    CHECK(n.sluiceGate.levels.size() == 4);
    QSet<QString> streets;
    for (const auto &r : n.roads) {
        streets.insert(r.street);
        for (const auto &p : r.path) {
            // Inside (or at the edge of) Kota Tangerang.
            CHECK(p.lon > 106.54);
            CHECK(p.lon < 106.76);
            CHECK(p.lat > -6.26);
            CHECK(p.lat < -6.09);
        }
    }
    for (const char *street :
         {"Jl. Daan Mogot", "Jl. MH Thamrin", "Jl. Jend. Sudirman", "Jl. Gatot Subroto",
          "Jl. Raya Serang", "Jalan Tol Jakarta-Tangerang", "Jl. Benteng Betawi",
          "Jl. Imam Bonjol", "Jl. Perintis Kemerdekaan", "Jl. KH Hasyim Ashari",
          "Jl. Ciledug Raya"}) {
        INFO(street);
        CHECK(streets.contains(QString::fromUtf8(street)));
    }
}

TEST_CASE("A broken scenario file is refused with every problem named")
{
    const auto load = Scenario::fromJson(R"({"intervalsSeconds":{"traffic":-1},
        "rain":[{"startMinutes":50,"peakMinutes":10,"endMinutes":60,"peakMmh":5}]})");
    CHECK(load.problems.size() >= 3); // no name, negative interval, peak before start
    CHECK(load.problems.join(u'\n').contains(QStringLiteral("intervalsSeconds/traffic")));
    const auto missing = ScenarioBundle::load(QStringLiteral("no-such-scenario"));
    CHECK_FALSE(missing.bundle);
    CHECK_FALSE(missing.problems.isEmpty());
}

TEST_CASE("A scenario file of one's own uses the built-in network unless it has its own")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("drizzle.json")));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"name":"drizzle","rain":[{"startMinutes":0,"peakMinutes":10,"endMinutes":20,
                   "peakMmh":3}],"rates":{"reportsPerHour":10}})");
    file.close();
    const auto load = ScenarioBundle::load(file.fileName());
    INFO(load.problems.join(u'\n').toStdString());
    REQUIRE(load.bundle);
    CHECK(load.bundle->scenario.name == QStringLiteral("drizzle"));
    CHECK(load.bundle->scenario.rates.reportsPerHour == 10);
    CHECK(load.bundle->network.roads.size() >= 60);
    CHECK(ScenarioBundle::builtInNames() == QStringList{"normal", "storm"});
}

TEST_CASE("The same seed gives the same messages, however time is sliced")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    const auto once = run(bundle, 7, 10, 10 * 60000);
    const auto sliced = run(bundle, 7, 10, 1700);
    REQUIRE(once.size() > 500);
    REQUIRE(once.size() == sliced.size());
    for (std::size_t i = 0; i < once.size(); ++i) {
        INFO(i);
        REQUIRE(once[i] == sliced[i]);
    }
    const auto otherSeed = run(bundle, 8, 10, 10 * 60000);
    CHECK(otherSeed != once);
}

TEST_CASE("Every message is a valid envelope whose payload has the documented shape")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("normal"));
    Simulation sim(bundle, {3, mondayMorningMs(), 1.0});
    std::map<FeedId, std::unique_ptr<FeedChannel>> channels;
    for (FeedId f : kAllFeeds)
        channels[f] = std::make_unique<FeedChannel>(f, FeedChannel::Options{}, 1);
    std::map<QString, qint64> lastSeq;
    std::map<QString, int> types;
    int normalized = 0;
    int keyValues = 0;
    const QRegularExpression reportId(QStringLiteral("^(112|LAKSA)-2026-\\d{6}$"));
    const QRegularExpression phone(QStringLiteral("^\\+62 8\\d{2}-\\d{4}-\\d{4}$"));
    const QSet<QString> channelKeys = {"112",      "app",     "whatsapp", "instagram",
                                       "facebook", "twitter", "email"};
    const QSet<QString> agencies = {"dishub", "dinkes", "tirtabenteng", "dlh", "112"};
    const QSet<QString> ispuLevels = {"baik", "sedang", "tidak sehat", "sangat tidak sehat",
                                      "berbahaya"};
    const EnvelopeParser parser;
    // 40 minutes of the morning rush, heartbeats in between.
    for (int minute = 1; minute <= 40; ++minute) {
        const qint64 t = mondayMorningMs() + minute * 60000;
        for (const auto &m : sim.advanceTo(t)) {
            QList<Frame> frames = channels[m.feed]->publish(m, 0);
            frames += channels[m.feed]->heartbeat(m.simTimeMs, 0);
            for (const auto &frame : frames) {
                const auto result = parser.parse(frame.bytes);
                INFO(frame.bytes.left(300).toStdString());
                REQUIRE(result.envelope);
                const Envelope &e = *result.envelope;
                CHECK(e.feed == feedIdKey(m.feed));
                CHECK(e.seq > lastSeq[e.feed]);
                lastSeq[e.feed] = e.seq;
                CHECK(e.sent.toMSecsSinceEpoch() == m.simTimeMs);
                if (e.format == PayloadFormat::Heartbeat)
                    continue;
                switch (e.format) {
                case PayloadFormat::NgsiLd: {
                    const QJsonObject entity = e.payload.toObject();
                    const QString type = entity.value(QLatin1String("type")).toString();
                    ++types[type];
                    CHECK(entity.value(QLatin1String("id"))
                              .toString()
                              .startsWith(QStringLiteral("urn:ngsi-ld:") + type + u':'));
                    (isNormalized(entity) ? normalized : keyValues) += 1;
                    const QJsonObject location =
                        attribute(entity, QStringLiteral("location")).toObject();
                    const QString geometry = location.value(QLatin1String("type")).toString();
                    CHECK((geometry == QLatin1String("Point") ||
                           geometry == QLatin1String("LineString")));
                    if (type == QLatin1String("TrafficFlowObserved")) {
                        CHECK(geometry == QStringLiteral("LineString"));
                        const double speed =
                            attribute(entity, QStringLiteral("averageVehicleSpeed")).toDouble(-1);
                        CHECK(speed >= 2);
                        CHECK(speed <= 130);
                        const double occupancy =
                            attribute(entity, QStringLiteral("occupancy")).toDouble(-1);
                        CHECK(occupancy >= 0);
                        CHECK(occupancy <= 1);
                        CHECK(attribute(entity, QStringLiteral("intensity")).isDouble());
                        const QJsonObject address =
                            attribute(entity, QStringLiteral("address")).toObject();
                        CHECK(bundle.network.kecamatanIndex(
                                  address.value(QLatin1String("addressLocality")).toString()) >=
                              0);
                    } else if (type == QLatin1String("AirQualityObserved")) {
                        const int index =
                            attribute(entity, QStringLiteral("airQualityIndex")).toInt(-1);
                        CHECK(index >= 0);
                        CHECK(attribute(entity, QStringLiteral("airQualityLevel")).toString() ==
                              Ispu::categoryOf(index));
                        for (const char *p : {"pm25", "pm10", "o3", "co", "no2", "so2"})
                            CHECK(attribute(entity, QString::fromLatin1(p)).isDouble());
                    } else if (type == QLatin1String("Vehicle")) {
                        CHECK(attribute(entity, QStringLiteral("vehicleType")).toString() ==
                              QStringLiteral("ambulance"));
                        const QString status =
                            attribute(entity, QStringLiteral("serviceStatus")).toString();
                        CHECK(QSet<QString>{"parked", "onRoute", "atScene", "toHospital"}.contains(
                            status));
                    } else if (type == QLatin1String("BedOccupancyObserved")) {
                        for (const char *kind : {"icu", "er", "ward"}) {
                            const int total =
                                attribute(entity,
                                          QStringLiteral("%1BedsTotal").arg(QLatin1String(kind)))
                                    .toInt(-1);
                            const int occupied =
                                attribute(
                                    entity,
                                    QStringLiteral("%1BedsOccupied").arg(QLatin1String(kind)))
                                    .toInt(-1);
                            CHECK(total > 0);
                            CHECK(occupied >= 0);
                            CHECK(occupied <= total);
                        }
                    }
                    break;
                }
                case PayloadFormat::TlrReport: {
                    const QJsonObject r = e.payload.toObject();
                    CHECK(reportId.match(r.value(QLatin1String("id")).toString()).hasMatch());
                    CHECK(QDateTime::fromString(r.value(QLatin1String("received")).toString(),
                                                Qt::ISODateWithMs)
                              .isValid());
                    CHECK(channelKeys.contains(r.value(QLatin1String("channel")).toString()));
                    CHECK(r.value(QLatin1String("emergency")).isBool());
                    CHECK(bundle.network.kecamatanIndex(
                              r.value(QLatin1String("kecamatan")).toString()) >= 0);
                    CHECK(agencies.contains(r.value(QLatin1String("agency")).toString()));
                    CHECK(!r.value(QLatin1String("description")).toString().contains(u'{'));
                    const QJsonArray c = r.value(QLatin1String("location"))
                                             .toObject()
                                             .value(QLatin1String("coordinates"))
                                             .toArray();
                    REQUIRE(c.size() == 2);
                    CHECK(c.at(0).toDouble() > 106.5);
                    CHECK(c.at(1).toDouble() < -6.0);
                    const QJsonObject reporter = r.value(QLatin1String("reporter")).toObject();
                    CHECK(reporter.value(QLatin1String("name")).toString().contains(u' '));
                    CHECK(
                        phone.match(reporter.value(QLatin1String("phone")).toString()).hasMatch());
                    ++types[QStringLiteral("tlr.report")];
                    break;
                }
                default:
                    FAIL("the normal morning publishes NGSI-LD and reports only");
                }
            }
        }
    }
    for (const char *type : {"TrafficFlowObserved", "Device", "BedOccupancyObserved", "Vehicle",
                             "WaterNetworkObserved", "WaterObserved", "AirQualityObserved",
                             "WeatherObserved", "tlr.report"}) {
        INFO(type);
        CHECK(types[QString::fromLatin1(type)] > 0);
    }
    CHECK(normalized > 100);
    CHECK(keyValues > 100);
    // Several messages a second per feed at --rate 1, --speed 1.
    for (FeedId f : kAllFeeds) {
        INFO(feedIdKey(f).toStdString());
        CHECK(double(channels[f]->stats().sent) / (40 * 60) > 1.0);
    }
}

TEST_CASE("ISPU follows the Indonesian breakpoints and categories")
{
    CHECK(Ispu::subIndex(QStringLiteral("pm25"), 15.5) == 50);
    CHECK(Ispu::subIndex(QStringLiteral("pm25"), 55.4) == 100);
    CHECK(Ispu::subIndex(QStringLiteral("pm10"), 350) == 200);
    CHECK(Ispu::subIndex(QStringLiteral("pm25"), 1000) == 500);
    Concentrations c;
    c.pm25 = 80;
    c.pm10 = 60;
    const Ispu ispu = Ispu::compute(c);
    CHECK(ispu.dominant == QStringLiteral("pm25"));
    CHECK(ispu.index > 100);
    CHECK(ispu.index < 200);
    CHECK(ispu.category == QStringLiteral("tidak sehat"));
    CHECK(Ispu::categoryOf(50) == QStringLiteral("baik"));
    CHECK(Ispu::categoryOf(51) == QStringLiteral("sedang"));
    CHECK(Ispu::categoryOf(201) == QStringLiteral("sangat tidak sehat"));
    CHECK(Ispu::categoryOf(301) == QStringLiteral("berbahaya"));
}
