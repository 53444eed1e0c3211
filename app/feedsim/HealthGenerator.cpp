#include "HealthGenerator.h"

#include "NgsiEntity.h"

#include <cmath>
#include <numbers>

namespace tlr::feedsim {
namespace {

QString statusKey(HealthGenerator::Status status)
{
    switch (status) {
    case HealthGenerator::Status::Parked:
        return QStringLiteral("parked");
    case HealthGenerator::Status::OnRoute:
        return QStringLiteral("onRoute");
    case HealthGenerator::Status::AtScene:
        return QStringLiteral("atScene");
    case HealthGenerator::Status::ToHospital:
        return QStringLiteral("toHospital");
    case HealthGenerator::Status::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

double bearing(const GeoPoint &from, const GeoPoint &to)
{
    const double dx = (to.lon - from.lon) * std::cos(from.lat * std::numbers::pi / 180);
    const double dy = to.lat - from.lat;
    const double degrees = std::atan2(dx, dy) * 180 / std::numbers::pi;
    return std::fmod(degrees + 360, 360);
}

} // namespace

HealthGenerator::HealthGenerator(const GeneratorContext &context, quint64 seed)
    : Generator(context, FeedId::DinkesHealth, seed)
    , m_roads(network().roads)
{
    const auto &hospitals = network().hospitals;
    for (int i = 0; i < network().ambulanceCount; ++i) {
        Ambulance a;
        a.id = QStringLiteral("ambulans-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        a.plate = QStringLiteral("B %1 TNG").arg(9100 + i * 7);
        a.hospital = i % int(hospitals.size());
        a.position = hospitals.at(a.hospital).location;
        m_ambulances.append(a);
    }
    for (qsizetype i = 0; i < hospitals.size(); ++i)
        m_beds.append(
            Beds{rng().uniform(0.6, 0.85), rng().uniform(0.4, 0.7), rng().uniform(0.65, 0.85)});
}

void HealthGenerator::start(qint64 startMs)
{
    const auto &iv = scenario().intervals;
    every(startMs + 200, iv.hospital, int(network().hospitals.size()),
          [this](int i, qint64 now) { updateHospital(i, now); });
    for (auto &a : m_ambulances)
        a.lastMs = startMs;
    every(startMs + 300, iv.ambulance, int(m_ambulances.size()),
          [this](int i, qint64 now) { updateAmbulance(i, now); });
}

void HealthGenerator::updateHospital(int index, qint64 now)
{
    const Hospital &h = network().hospitals.at(index);
    Beds &b = m_beds[index];
    // Slow random walks; a busy night of emergencies fills the ER, and the wards behind it.
    const double load =
        world().emergencyLoad(now) / std::max<qsizetype>(1, network().hospitals.size());
    b.icu = std::clamp(b.icu + rng().normal(0, 0.01), 0.45, 0.98);
    b.ward = std::clamp(b.ward + rng().normal(0, 0.008) + 0.0005 * load, 0.5, 0.97);
    const double erTarget = std::min(1.0, 0.45 + 0.04 * load);
    b.er = std::clamp(b.er + 0.1 * (erTarget - b.er) + rng().normal(0, 0.02), 0.1, 1.0);
    const auto occupied = [](int total, double share) {
        return std::clamp(int(std::lround(total * share)), 0, total);
    };
    NgsiEntity e(QStringLiteral("BedOccupancyObserved"), QStringLiteral("tangerang-") + h.id);
    e.property(QStringLiteral("name"), h.name)
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), h.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(h.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("icuBedsTotal"), h.icuBeds)
        .property(QStringLiteral("icuBedsOccupied"), occupied(h.icuBeds, b.icu))
        .property(QStringLiteral("erBedsTotal"), h.erBeds)
        .property(QStringLiteral("erBedsOccupied"), occupied(h.erBeds, b.er))
        .property(QStringLiteral("wardBedsTotal"), h.wardBeds)
        .property(QStringLiteral("wardBedsOccupied"), occupied(h.wardBeds, b.ward))
        .property(QStringLiteral("dataProvider"), QStringLiteral("Dinkes Kota Tangerang (SIRS)"))
        .observedAt(now);
    publishEntity(now, e.toJson(h.form));
}

void HealthGenerator::updateAmbulance(int index, qint64 now)
{
    Ambulance &a = m_ambulances[index];
    const double seconds = double(now - a.lastMs) / 1000.0;
    a.lastMs = now;
    switch (a.status) {
    case Status::Parked:
        a.speedKmh = 0;
        if (auto incident = world().takeIncident()) {
            a.status = Status::OnRoute;
            a.incidentId = incident->id;
            a.route = routeTo(a.position, incident->location);
        }
        break;
    case Status::OnRoute:
    case Status::ToHospital: {
        const int k = world().kecamatanAt(a.position);
        const double flood = world().floodDepthCm(k);
        const double slow =
            std::max(0.2, 1.0 - flood / 60.0) * (0.6 + 0.4 * (1 - world().trafficDemand(now)));
        a.speedKmh = std::max(5.0, 55.0 * slow * rng().uniform(0.85, 1.15));
        move(a, a.speedKmh / 3.6 * seconds);
        if (a.route.isEmpty()) {
            a.speedKmh = 0;
            if (a.status == Status::OnRoute) {
                a.status = Status::AtScene;
                a.untilMs = now + qint64(rng().uniform(8, 20) * 60000);
            } else {
                a.status = Status::Parked;
                a.incidentId.clear();
            }
        }
        break;
    }
    case Status::AtScene:
        a.speedKmh = 0;
        if (now >= a.untilMs) {
            a.status = Status::ToHospital;
            a.hospital = nearestHospital(a.position);
            a.route = routeTo(a.position, network().hospitals.at(a.hospital).location);
        }
        break;
    case Status::Unknown:
        break;
    }

    NgsiEntity e(QStringLiteral("Vehicle"), QStringLiteral("tangerang-") + a.id);
    e.property(QStringLiteral("name"), QStringLiteral("Ambulans Gawat Darurat %1").arg(index + 1))
        .property(QStringLiteral("vehicleType"), QStringLiteral("ambulance"))
        .property(QStringLiteral("category"), QJsonArray{QStringLiteral("municipalServices")})
        .property(QStringLiteral("vehiclePlateIdentifier"), a.plate)
        .geo(QStringLiteral("location"), NgsiEntity::point(a.position))
        .property(QStringLiteral("speed"), std::round(a.speedKmh * 10) / 10, QStringLiteral("KMH"))
        .property(QStringLiteral("heading"), std::round(a.heading))
        .property(QStringLiteral("serviceStatus"), statusKey(a.status))
        .property(QStringLiteral("serviceProvided"), QJsonArray{QStringLiteral("ambulance")})
        .dateTime(QStringLiteral("dateObserved"), now)
        .relationship(
            QStringLiteral("refHospital"),
            NgsiEntity::urn(QStringLiteral("BedOccupancyObserved"),
                            QStringLiteral("tangerang-") + network().hospitals.at(a.hospital).id));
    if (!a.incidentId.isEmpty())
        e.property(QStringLiteral("incidentId"), a.incidentId);
    publishEntity(now, e.toJson(index % 2 ? NgsiForm::KeyValues : NgsiForm::Normalized));
}

void HealthGenerator::move(Ambulance &a, double metres)
{
    while (!a.route.isEmpty() && metres > 0) {
        const GeoPoint next = a.route.first();
        const double d = a.position.distanceTo(next);
        if (d > 0.5)
            a.heading = bearing(a.position, next);
        if (d <= metres) {
            a.position = next;
            a.route.removeFirst();
            metres -= d;
        } else {
            a.position = a.position.towards(next, metres / d);
            metres = 0;
        }
    }
}

QList<GeoPoint> HealthGenerator::routeTo(const GeoPoint &from, const GeoPoint &to) const
{
    QList<GeoPoint> route = m_roads.route(from, to);
    // Already standing on the first way point: start with the next one.
    while (!route.isEmpty() && from.distanceTo(route.first()) < 1)
        route.removeFirst();
    return route;
}

int HealthGenerator::nearestHospital(const GeoPoint &p) const
{
    int best = 0;
    for (int i = 1; i < network().hospitals.size(); ++i) {
        if (p.distanceTo(network().hospitals.at(i).location) <
            p.distanceTo(network().hospitals.at(best).location)) {
            best = i;
        }
    }
    return best;
}

} // namespace tlr::feedsim
