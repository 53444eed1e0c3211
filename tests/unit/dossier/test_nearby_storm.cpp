// An incident's nearby sensors and resources on the storm scenario as the wall receives it: the
// simulator's own messages, parsed by the real parsers, into the situation model, the store
// (whose rollups the charts read) and the incident fusion, without sockets.

#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include "domain/WallClock.h"
#include "dossier/IncidentBrief.h"
#include "dossier/NearbyResourceModel.h"
#include "dossier/NearbySensors.h"
#include "dossier/NearbySeriesJob.h"
#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentBoard.h"
#include "incidents/KecamatanLocator.h"
#include "map/BaseMapReader.h"
#include "parsing/PayloadParser.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

constexpr double kHours = 2.5; // the storm's river is past Siaga and the low north is flooded

struct StormWall
{
    QTemporaryDir dir;
    WallClock clock;
    SituationModel situation{&clock};
    EventStore store;
    std::unique_ptr<IncidentBoard> board;
    QDateTime end;
    qint64 stored = 0;
};

std::unique_ptr<StormWall> runStorm()
{
    auto wall = std::make_unique<StormWall>();
    REQUIRE(wall->dir.isValid());
    StoreOptions options;
    options.path = wall->dir.filePath(QStringLiteral("storm.sqlite"));
    options.retentionDays = 0;
    options.retentionIntervalMinutes = 0;
    REQUIRE(wall->store.open(options).isEmpty());
    const auto config = FusionConfigReader::readBuiltin();
    REQUIRE(config.config);
    const auto map = BaseMapReader::readBuiltin();
    REQUIRE(map.ok());
    wall->board = std::make_unique<IncidentBoard>(*config.config, KecamatanLocator(map.map),
                                                  nullptr, nullptr);

    Simulation sim(loadBundle(QStringLiteral("storm")), {11, mondayMorningMs(), 0.25});
    const qint64 endMs = mondayMorningMs() + qint64(kHours * 3600000);
    QHash<QString, qint64> seqs;
    for (qint64 t = mondayMorningMs(); t < endMs;) {
        t = std::min(endMs, t + 5 * 60000);
        wall->clock.setFixedTime(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()));
        for (const SimMessage &m : sim.advanceTo(t)) {
            if (m.format != PayloadFormat::NgsiLd && m.format != PayloadFormat::TlrReport &&
                m.format != PayloadFormat::GeoJson)
                continue; // CAP warnings tell nothing about sensors or places
            ParseContext context;
            context.feedId = feedIdKey(m.feed);
            context.now = QDateTime::fromMSecsSinceEpoch(m.simTimeMs, QTimeZone::utc());
            Envelope envelope;
            envelope.feed = context.feedId;
            envelope.seq = ++seqs[context.feedId];
            envelope.format = m.format;
            envelope.payload = m.payload;
            const ParseResult parsed = PayloadParser(context).parse(envelope);
            REQUIRE_FALSE(parsed.isRejected());
            wall->situation.apply(parsed.events);
            wall->board->addEvents(parsed.events);
            if (m.format == PayloadFormat::NgsiLd) {
                StoredMessage message;
                message.feed = envelope.feed;
                message.seq = envelope.seq;
                message.receivedAt = context.now;
                message.format = m.format;
                message.bytes = QJsonDocument(m.payload.toObject()).toJson(QJsonDocument::Compact);
                message.events = parsed.events;
                wall->store.append(std::move(message));
                ++wall->stored;
            }
        }
    }
    wall->store.flush();
    wall->end = QDateTime::fromMSecsSinceEpoch(endMs, QTimeZone::utc());
    return wall;
}

const Incident *largestFlood(const IncidentBoard &board)
{
    const Incident *best = nullptr;
    for (const Incident &i : board.incidents()) {
        if (i.hazard == QLatin1String("flood") &&
            (!best || i.members.size() > best->members.size()))
            best = &i;
    }
    return best;
}

// A made-up incident of the given hazard at a sensor's place, to ask what is near it.
Incident incidentAt(const QString &hazard, const Observation &at, const QDateTime &first)
{
    Incident incident;
    incident.id = 9000;
    incident.hazard = hazard;
    incident.anchor = at.location;
    incident.kecamatan = at.kecamatan;
    incident.firstSignalAt = first;
    return incident;
}

// The latest observation of the first entity a catalog series charts.
const Observation *firstOf(const SituationModel &situation, QStringView seriesKey)
{
    const SeriesSpec *series = SeriesCatalog::builtIn().find(seriesKey);
    if (!series || series->lines.isEmpty() || series->lines.at(0).entities.isEmpty())
        return nullptr;
    const auto found = situation.observations().constFind(series->lines.at(0).entities.at(0));
    return found == situation.observations().cend() ? nullptr : &*found;
}

// A storm flood's dossier charts the river at Pintu Air 10 and the nearest rain, with history
// from the store.
void checkFloodCharts(const StormWall *wall)
{
    const Incident *flood = largestFlood(*wall->board);
    REQUIRE(flood);
    INFO(flood->displayId().toStdString() << " in " << flood->kecamatan.toStdString() << ", "
                                          << flood->members.size() << " signals");

    const QList<NearbySensors::Chart> charts =
        NearbySensors::select(*flood, wall->situation.observations(), SeriesCatalog::builtIn());
    REQUIRE(charts.size() == 2);
    const NearbySensors::Chart &river = charts.at(0);
    CHECK(river.series.key == QLatin1String("river-level"));
    REQUIRE(river.series.lines.size() == 1);
    CHECK(river.series.lines.at(0).entities ==
          QStringList{QStringLiteral("urn:ngsi-ld:WaterObserved:tangerang-pintu-air-10")});
    CHECK(river.series.lines.at(0).label.startsWith(QLatin1String("Pintu Air 10")));

    const NearbySensors::Chart &rain = charts.at(1);
    CHECK(rain.series.key == QLatin1String("rain"));
    REQUIRE_FALSE(rain.series.lines.isEmpty());
    CHECK(rain.series.lines.size() <= 2);
    // Nearest first, each within the rule's radius of the incident's area.
    for (int l = 0; l < rain.distancesMetres.size(); ++l) {
        CHECK(rain.distancesMetres.at(l) <= 6000);
        if (l > 0)
            CHECK(rain.distancesMetres.at(l - 1) <= rain.distancesMetres.at(l));
        const Observation gauge =
            wall->situation.observations().value(rain.series.lines.at(l).entities.at(0));
        CHECK(NearbySensors::distanceToArea(*flood, gauge.location) ==
              Approx(rain.distancesMetres.at(l)));
    }

    // The history: minute rollups over [first signal − margin, now], read on the store's thread.
    const QDateTime from = flood->firstSignalAt.addSecs(-60 * NearbySensors::kMarginMinutes);
    NearbySeriesJob job(&wall->store, charts, from, wall->end);
    QSignalSpy finished(&job, &NearbySeriesJob::finished);
    job.start();
    REQUIRE(finished.wait(10000));
    CHECK_FALSE(job.error());
    REQUIRE(job.charts().size() == 2);
    const auto &riverPoints = job.charts().at(0).points.at(0);
    REQUIRE(riverPoints.size() > 10);
    double highest = 0;
    for (const TimePoint &p : riverPoints) {
        CHECK(p.msecs >= from.toMSecsSinceEpoch());
        CHECK(p.msecs < wall->end.toMSecsSinceEpoch());
        highest = std::max(highest, p.value);
    }
    // The live reading of the river agrees with the last minute the store rolled up.
    const double live =
        *wall->situation.observations()
             .value(QStringLiteral("urn:ngsi-ld:WaterObserved:tangerang-pintu-air-10"))
             .value(u"height");
    CHECK(std::abs(riverPoints.back().value - live) < 25);
    CHECK(highest >= 300); // the storm takes the Cisadane past Waspada before floods fuse
    double rainiest = 0;
    for (const auto &line : job.charts().at(1).points) {
        for (const TimePoint &p : line)
            rainiest = std::max(rainiest, p.value);
    }
    CHECK(rainiest > 5); // it rained where it flooded

    // The brief's words for the charts say the same figures.
    const IncidentBrief::ChartSummary summary = IncidentBrief::summaryOf(
        job.charts().at(0), from.toMSecsSinceEpoch(), wall->end.toMSecsSinceEpoch());
    REQUIRE(summary.lines.size() == 1);
    CHECK(summary.lines.at(0).contains(QString::number(highest, 'f', 0)));
}

// Nearby charts follow the incident's kind: air quality near a fire, road speeds near an
// accident.
void checkKinds(const StormWall *wall)
{
    const SeriesCatalog &catalog = SeriesCatalog::builtIn();
    const Observation *station = firstOf(wall->situation, u"ispu");
    const Observation *road = firstOf(wall->situation, u"traffic-speed");
    REQUIRE(station);
    REQUIRE(road);

    const auto fire =
        NearbySensors::select(incidentAt(QStringLiteral("fire"), *station, wall->end),
                              wall->situation.observations(), catalog);
    REQUIRE(fire.size() == 1);
    CHECK(fire.at(0).series.key == QLatin1String("ispu"));
    CHECK(fire.at(0).series.lines.at(0).entities.at(0) == station->entityId);
    CHECK(fire.at(0).distancesMetres.at(0) == Approx(0).margin(1));

    const auto accident =
        NearbySensors::select(incidentAt(QStringLiteral("traffic"), *road, wall->end),
                              wall->situation.observations(), catalog);
    REQUIRE(accident.size() == 1);
    const SeriesSpec &speeds = accident.at(0).series;
    CHECK(speeds.key == QLatin1String("traffic-speed"));
    CHECK(speeds.lines.size() >= 2);
    CHECK(speeds.lines.size() <= 4);
    CHECK(speeds.lines.at(0).entities.at(0) == road->entityId);
    // Each segment keeps its corridor's free-flow reference, so its line is in % like the wall's.
    for (const SeriesLine &line : speeds.lines)
        CHECK(line.reference.has_value());

    // A hazard without rules has no charts; an incident far from every sensor neither.
    CHECK(NearbySensors::select(incidentAt(QStringLiteral("security"), *road, wall->end),
                                wall->situation.observations(), catalog)
              .isEmpty());
    Observation faraway = *road;
    faraway.location = QGeoCoordinate(-7.8, 110.4); // Yogyakarta
    CHECK(NearbySensors::select(incidentAt(QStringLiteral("traffic"), faraway, wall->end),
                                wall->situation.observations(), catalog)
              .isEmpty());
}

// Nearby resources of a storm flood: hospitals with free beds, available ambulances, pump
// stations, each kind nearest first.
void checkResources(const StormWall *wall)
{
    const Incident *flood = largestFlood(*wall->board);
    REQUIRE(flood);
    NearbyResourceModel model(&wall->situation);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setIncident(*flood);
    const auto &resources = model.resources();
    REQUIRE_FALSE(resources.empty());

    using Kind = NearbyResourceModel::ResourceKind;
    QHash<Kind, int> perKind;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const auto &r = resources[i];
        ++perKind[r.kind];
        if (i > 0 && resources[i - 1].kind == r.kind)
            CHECK(resources[i - 1].metres <= r.metres);
        if (i > 0)
            CHECK(resources[i - 1].kind <= r.kind);
        const Observation o = wall->situation.observations().value(r.entityId);
        REQUIRE_FALSE(o.entityId.isEmpty());
        CHECK(NearbySensors::distanceToArea(*flood, o.location) == Approx(r.metres));
        switch (r.kind) {
        case Kind::Hospital: {
            CHECK(r.metres <= NearbyResourceModel::kHospitalRadiusMetres);
            CHECK(r.icuFree == int(*o.value(u"icuBedsTotal") - *o.value(u"icuBedsOccupied")));
            CHECK(r.erFree == int(*o.value(u"erBedsTotal") - *o.value(u"erBedsOccupied")));
            CHECK(r.icuFree + r.erFree > 0);
            break;
        }
        case Kind::Ambulance:
            CHECK(o.status == QLatin1String("parked"));
            CHECK(r.etaMinutes >= 1);
            break;
        case Kind::PumpStation:
            CHECK(r.entityId.contains(QLatin1String("pompa-")));
            CHECK(r.metres <= NearbyResourceModel::kPumpRadiusMetres);
            break;
        case Kind::Unknown:
            FAIL("a resource of no kind");
        }
    }
    CHECK(perKind.value(Kind::Hospital) >= 1);
    // At the storm's peak every ambulance may be out: exactly the parked ones in range are listed.
    int parked = 0;
    for (const Observation &o : wall->situation.observations()) {
        parked += o.entityType == QLatin1String("Vehicle") &&
                  o.status == QLatin1String("parked") &&
                  NearbySensors::distanceToArea(*flood, o.location) <=
                      NearbyResourceModel::kAmbulanceRadiusMetres;
    }
    CHECK(perKind.value(Kind::Ambulance) == std::min(parked, NearbyResourceModel::kMaxPerKind));
    // One comes back to its post 2 km away: it is listed, with the time to drive there.
    QHash<QString, Observation> observations = wall->situation.observations();
    Observation *back = nullptr;
    for (Observation &o : observations) {
        if (o.entityType == QLatin1String("Vehicle") && o.status != QLatin1String("parked"))
            back = &o;
    }
    REQUIRE(back);
    back->status = QStringLiteral("parked");
    back->location = flood->anchor.atDistanceAndAzimuth(2000, 90);
    const auto withOne = NearbyResourceModel::collect(*flood, observations);
    const auto found = std::find_if(withOne.cbegin(), withOne.cend(), [&](const auto &r) {
        return r.entityId == back->entityId;
    });
    REQUIRE(found != withOne.cend());
    CHECK(found->kind == Kind::Ambulance);
    CHECK(found->metres <= 2000.5);
    // By road (1.4 times the straight line) at 25 km/h, in whole minutes rounded up: 2 km
    // from the anchor, or less from a signal nearer to it, is 7 minutes at most.
    CHECK(found->etaMinutes == int(std::ceil(found->metres * 1.4 / (25 / 3.6) / 60)));
    CHECK(found->etaMinutes <= 7);
    for (int count : perKind)
        CHECK(count <= NearbyResourceModel::kMaxPerKind);
    CHECK(model.data(model.index(0, NearbyResourceModel::DetailColumn)).toString().size() > 3);
}

} // namespace

// One storm run (a few seconds) serves every check.
TEST_CASE("A storm incident's nearby sensors and resources from the real pipeline")
{
    const auto wall = runStorm();
    INFO(wall->stored << " NGSI messages stored");
    checkFloodCharts(wall.get());
    checkKinds(wall.get());
    checkResources(wall.get());
}
