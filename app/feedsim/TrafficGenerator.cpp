#include "TrafficGenerator.h"

#include "NgsiEntity.h"

#include <cmath>

namespace tlr::feedsim {
namespace {

double round1(double v)
{
    return std::round(v * 10) / 10;
}
double round2(double v)
{
    return std::round(v * 100) / 100;
}

} // namespace

TrafficGenerator::TrafficGenerator(const GeneratorContext &context, quint64 seed)
    : Generator(context, FeedId::DishubTraffic, seed)
{
    m_cameras.resize(network().cctv.size());
}

void TrafficGenerator::start(qint64 startMs)
{
    const auto &iv = scenario().intervals;
    every(startMs, iv.traffic, int(network().roads.size()),
          [this](int i, qint64 now) { updateSegment(i, now); });
    every(startMs + 500, iv.cctv, int(network().cctv.size()),
          [this](int i, qint64 now) { updateCamera(i, now); });
    poisson(
        startMs,
        [this](qint64 now) {
            return scenario().rates.accidentsPerHour * (0.3 + world().trafficDemand(now)) *
                   (1.0 + world().cityRainAt(now) / 25.0);
        },
        [this](qint64 now) { accident(now); });
    poisson(
        startMs,
        [this](qint64 now) {
            // Storms take cameras down: power cuts, water in the cabinets.
            return scenario().rates.cctvFaultsPerDay / 24.0 *
                   (1.0 + world().cityRainAt(now) / 10.0);
        },
        [this](qint64 now) { cameraFault(now); });
}

void TrafficGenerator::updateSegment(int index, qint64 now)
{
    const RoadSegment &road = network().roads.at(index);
    const int k = network().kecamatanIndex(road.kecamatan);
    const double demand = world().trafficDemand(now);
    const double ratio = std::max(0.02, demand * 0.95 * rng().uniform(0.9, 1.1));
    // BPR-style: speed falls steeply as volume approaches capacity.
    const double congestion = 1.0 / (1.0 + 0.9 * std::pow(ratio, 4));
    const double rain = k >= 0 ? world().rainMmh(k) : 0;
    const double rainFactor = 1.0 - std::min(0.35, rain / 120.0);
    const double flood = k >= 0 ? world().floodDepthCm(k) : 0;
    const double floodFactor = flood < 5 ? 1.0 : std::max(0.05, 1.0 - flood / 40.0);
    const double factor = congestion * rainFactor * floodFactor * world().roadBlockFactor(road.id);
    const double speed = std::max(2.0, road.freeFlowKmh * factor * rng().uniform(0.95, 1.05));
    // A jammed road moves fewer vehicles, not more.
    const double intensity = road.capacityVehPerHour * ratio * std::min(1.0, factor / 0.35);
    const double occupancy = std::clamp(0.05 + 0.35 * ratio + 0.55 * (1.0 - factor), 0.0, 0.98);

    NgsiEntity e(QStringLiteral("TrafficFlowObserved"), QStringLiteral("tangerang-") + road.id);
    e.property(QStringLiteral("name"), road.name)
        .property(QStringLiteral("address"),
                  NgsiEntity::postalAddress(road.street, road.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::lineString(road.path))
        .dateTime(QStringLiteral("dateObserved"), now)
        .dateTime(QStringLiteral("dateObservedFrom"),
                  now - qint64(scenario().intervals.traffic * 1000))
        .dateTime(QStringLiteral("dateObservedTo"), now)
        .property(QStringLiteral("averageVehicleSpeed"), round1(speed), QStringLiteral("KMH"))
        .property(QStringLiteral("intensity"), qRound(intensity))
        .property(QStringLiteral("occupancy"), round2(occupancy))
        .property(QStringLiteral("congested"), factor < 0.4)
        .property(QStringLiteral("laneDirection"), QStringLiteral("forward"))
        .property(QStringLiteral("dataProvider"), QStringLiteral("Dishub Kota Tangerang (ATCS)"))
        .relationship(
            QStringLiteral("refRoadSegment"),
            NgsiEntity::urn(QStringLiteral("RoadSegment"), QStringLiteral("tangerang-") + road.id))
        .observedAt(now);
    publishEntity(now, e.toJson(road.form));
    checkClosure(index, now, flood);
}

void TrafficGenerator::checkClosure(int index, qint64 now, double floodCm)
{
    const RoadSegment &road = network().roads.at(index);
    const QString localId = QStringLiteral("dishub-closure-") + road.id;
    if (floodCm >= 30 && !m_closed.contains(index)) {
        m_closed.insert(index);
        const QString text =
            QStringLiteral("%1 tergenang banjir sekitar %2 cm di Kec. %3, tidak "
                           "dapat dilalui kendaraan kecil. Gunakan jalur alternatif.")
                .arg(road.name)
                .arg(qRound(floodCm))
                .arg(road.kecamatan);
        publishEntity(now, alert(localId, QStringLiteral("roadClosed"), QStringLiteral("high"),
                                 road.midpoint(), text, now, now + 6 * 3600000LL, road.kecamatan,
                                 road.form));
    } else if (floodCm < 15 && m_closed.contains(index)) {
        m_closed.remove(index);
        const QString text =
            QStringLiteral("%1 di Kec. %2 sudah dapat dilalui kembali, genangan surut.")
                .arg(road.name, road.kecamatan);
        publishEntity(now,
                      alert(localId, QStringLiteral("roadClosed"), QStringLiteral("informational"),
                            road.midpoint(), text, now, now, road.kecamatan, road.form));
    }
}

void TrafficGenerator::updateCamera(int index, qint64 now)
{
    const CctvPoint &c = network().cctv.at(index);
    Camera &camera = m_cameras[index];
    if (camera.state != QLatin1String("ok") && now >= camera.untilMs)
        camera.state = QStringLiteral("ok");
    NgsiEntity e(QStringLiteral("Device"), QStringLiteral("tangerang-") + c.id);
    e.property(QStringLiteral("name"), c.name)
        .property(QStringLiteral("description"), QStringLiteral("Kamera CCTV ATCS Dishub"))
        .property(QStringLiteral("category"), QJsonArray{QStringLiteral("sensor")})
        .property(QStringLiteral("controlledProperty"), QJsonArray{QStringLiteral("trafficFlow")})
        .property(QStringLiteral("deviceCategory"), QStringLiteral("cctv"))
        .property(QStringLiteral("deviceState"), camera.state)
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), c.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(c.location))
        .dateTime(QStringLiteral("dateLastValueReported"), now);
    if (!c.roadId.isEmpty()) {
        e.relationship(QStringLiteral("refRoadSegment"),
                       NgsiEntity::urn(QStringLiteral("RoadSegment"),
                                       QStringLiteral("tangerang-") + c.roadId));
    }
    publishEntity(now, e.toJson(c.form));
}

void TrafficGenerator::cameraFault(qint64 now)
{
    if (m_cameras.isEmpty())
        return;
    Camera &camera = m_cameras[rng().index(int(m_cameras.size()))];
    if (camera.state != QLatin1String("ok"))
        return;
    const bool maintenance = rng().chance(0.3);
    camera.state = maintenance ? QStringLiteral("maintenance") : QStringLiteral("offline");
    camera.untilMs =
        now + qint64(rng().uniform(maintenance ? 60 : 20, maintenance ? 240 : 150) * 60000);
}

void TrafficGenerator::accident(qint64 now)
{
    const auto &roads = network().roads;
    QList<double> weights;
    for (const auto &r : roads)
        weights.append(r.capacityVehPerHour * (world().roadBlockFactor(r.id) < 1 ? 0.0 : 1.0));
    const int index = rng().weightedIndex(weights);
    const RoadSegment &road = roads.at(index);
    struct Level
    {
        const char *severity;
        double speedFactor;
        int vehicles;
    };
    constexpr Level levels[] = {
        {"low", 0.7, 2}, {"medium", 0.5, 2}, {"high", 0.3, 3}, {"critical", 0.15, 4}};
    const Level &level = levels[rng().weightedIndex({50, 30, 15, 5})];
    const GeoPoint where = road.path.at(0).towards(road.path.last(), rng().uniform(0.1, 0.9));
    const qint64 clearedMs = now + qint64(rng().uniform(20, 90) * 60000);
    const QString localId = QStringLiteral("dishub-accident-%1").arg(++m_accidents);
    const QString severity = QString::fromLatin1(level.severity);
    const QString text = QStringLiteral("Kecelakaan lalu lintas di %1, Kec. %2: %3 kendaraan "
                                        "terlibat, arus tersendat.")
                             .arg(road.name, road.kecamatan)
                             .arg(level.vehicles);
    world().setRoadBlock(road.id, level.speedFactor);
    publishEntity(now, alert(localId, QStringLiteral("carAccident"), severity, where, text, now,
                             clearedMs, road.kecamatan, road.form));
    if (level.speedFactor <= 0.5)
        world().reportIncident({localId, where, road.kecamatan}, now);
    at(clearedMs, [this, localId, road, where, severity](qint64 cleared) {
        world().clearRoadBlock(road.id);
        const QString done =
            QStringLiteral("Kecelakaan di %1 sudah ditangani, lajur dibuka kembali.")
                .arg(road.name);
        publishEntity(cleared, alert(localId, QStringLiteral("carAccident"), severity, where, done,
                                     cleared, cleared, road.kecamatan, road.form));
    });
}

QJsonObject TrafficGenerator::alert(const QString &localId, const QString &subCategory,
                                    const QString &severity, const GeoPoint &where,
                                    const QString &description, qint64 issuedMs, qint64 validToMs,
                                    const QString &kecamatan, NgsiForm form) const
{
    NgsiEntity e(QStringLiteral("Alert"), localId);
    e.property(QStringLiteral("category"), QStringLiteral("traffic"))
        .property(QStringLiteral("subCategory"), subCategory)
        .property(QStringLiteral("severity"), severity)
        .property(QStringLiteral("description"), description)
        .property(QStringLiteral("alertSource"), QStringLiteral("Dishub Kota Tangerang"))
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(where))
        .dateTime(QStringLiteral("dateIssued"), issuedMs)
        .dateTime(QStringLiteral("validFrom"), issuedMs)
        .dateTime(QStringLiteral("validTo"), validToMs);
    return e.toJson(form);
}

} // namespace tlr::feedsim
