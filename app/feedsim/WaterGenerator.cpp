#include "WaterGenerator.h"

#include "NgsiEntity.h"

#include <cmath>

namespace tlr::feedsim {
namespace {

double round2(double v)
{
    return std::round(v * 100) / 100;
}
double round1(double v)
{
    return std::round(v * 10) / 10;
}

} // namespace

WaterGenerator::WaterGenerator(const GeneratorContext &context, quint64 seed)
    : Generator(context, FeedId::TirtaWater, seed)
{
    m_pumps.resize(network().pumps.size());
    for (qsizetype i = 0; i < network().reservoirs.size(); ++i) {
        m_reservoirFill.append(rng().uniform(0.55, 0.85));
        m_reservoirMs.append(0);
    }
}

void WaterGenerator::start(qint64 startMs)
{
    const auto &iv = scenario().intervals;
    for (auto &ms : m_reservoirMs)
        ms = startMs;
    every(startMs + 100, iv.zone, int(network().zones.size()),
          [this](int i, qint64 now) { updateZone(i, now); });
    every(startMs + 700, iv.pump, int(network().pumps.size()),
          [this](int i, qint64 now) { updatePump(i, now); });
    every(startMs + 900, iv.reservoir, int(network().reservoirs.size()),
          [this](int i, qint64 now) { updateReservoir(i, now); });
    poisson(
        startMs, [this](qint64) { return scenario().rates.pipeBurstsPerDay / 24.0; },
        [this](qint64 now) { burst(now); });
}

void WaterGenerator::updateZone(int index, qint64 now)
{
    const PressureZone &z = network().zones.at(index);
    const double demand = world().waterDemand(now);
    const bool burst = world().isZoneBurst(z.id);
    const double pressure =
        z.nominalBar * (1.12 - 0.3 * demand) * (burst ? 0.35 : 1.0) * rng().uniform(0.98, 1.02);
    const double flow =
        z.nominalFlowLps * demand * (burst ? 1.35 : 1.0) * rng().uniform(0.97, 1.03);
    bool anyRunning = false;
    bool anyPump = false;
    for (qsizetype p = 0; p < network().pumps.size(); ++p) {
        if (network().pumps.at(p).zone != z.id)
            continue;
        anyPump = true;
        anyRunning = anyRunning || m_pumps.at(p).status == QLatin1String("running");
    }
    NgsiEntity e(QStringLiteral("WaterNetworkObserved"), QStringLiteral("tangerang-") + z.id);
    e.property(QStringLiteral("name"), z.name)
        .property(QStringLiteral("networkElement"), QStringLiteral("pressureZone"))
        .property(QStringLiteral("areaServed"), z.kecamatan.join(QStringLiteral(", ")))
        .geo(QStringLiteral("location"), NgsiEntity::point(z.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("pressure"), round2(pressure), QStringLiteral("BAR"))
        .property(QStringLiteral("flow"), round1(flow), QStringLiteral("G51"))
        .property(QStringLiteral("pumpStatus"),
                  !anyPump || anyRunning ? QStringLiteral("running") : QStringLiteral("stopped"))
        .property(QStringLiteral("dataProvider"), QStringLiteral("Perumda Tirta Benteng (SCADA)"))
        .observedAt(now);
    publishEntity(now, e.toJson(z.form));
}

void WaterGenerator::updatePump(int index, qint64 now)
{
    const PumpStation &s = network().pumps.at(index);
    Pump &pump = m_pumps[index];
    const double demand = world().waterDemand(now);
    if (pump.status == QLatin1String("fault") || pump.status == QLatin1String("maintenance")) {
        if (now >= pump.untilMs)
            pump.status = QStringLiteral("running");
    } else if (rng().chance(0.0004 * scenario().intervals.pump / rate())) {
        pump.status = rng().chance(0.5) ? QStringLiteral("fault") : QStringLiteral("maintenance");
        pump.untilMs = now + qint64(rng().uniform(30, 180) * 60000);
    } else {
        // Half the stations rest through the night when demand is low.
        pump.status =
            demand < 0.55 && index % 2 ? QStringLiteral("standby") : QStringLiteral("running");
    }
    const bool running = pump.status == QLatin1String("running");
    NgsiEntity e(QStringLiteral("WaterNetworkObserved"), QStringLiteral("tangerang-") + s.id);
    e.property(QStringLiteral("name"), s.name)
        .property(QStringLiteral("networkElement"), QStringLiteral("pumpStation"))
        .geo(QStringLiteral("location"), NgsiEntity::point(s.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("pumpStatus"), pump.status)
        .property(QStringLiteral("pressure"),
                  running ? round2(3.2 * rng().uniform(0.97, 1.03)) : 0.0, QStringLiteral("BAR"))
        .property(QStringLiteral("flow"),
                  running ? round1(s.capacityLps * std::min(1.0, demand + 0.1) *
                                   rng().uniform(0.95, 1.05))
                          : 0.0,
                  QStringLiteral("G51"))
        .relationship(QStringLiteral("refZone"),
                      NgsiEntity::urn(QStringLiteral("WaterNetworkObserved"),
                                      QStringLiteral("tangerang-") + s.zone))
        .observedAt(now);
    publishEntity(now, e.toJson(s.form));
}

void WaterGenerator::updateReservoir(int index, qint64 now)
{
    const Reservoir &r = network().reservoirs.at(index);
    const double hours = double(now - m_reservoirMs.at(index)) / 3600000.0;
    m_reservoirMs[index] = now;
    // Filled at night, drawn down through the morning and evening peaks.
    const double net = (0.7 - world().waterDemand(now)) * 0.22;
    m_reservoirFill[index] = std::clamp(m_reservoirFill.at(index) + net * hours, 0.12, 0.97);
    const double fill = m_reservoirFill.at(index);
    NgsiEntity e(QStringLiteral("WaterObserved"), QStringLiteral("tangerang-") + r.id);
    e.property(QStringLiteral("name"), r.name)
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), r.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(r.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("height"), round2(fill * r.maxHeightM), QStringLiteral("MTR"))
        .property(QStringLiteral("capacity"), r.capacityM3, QStringLiteral("MTQ"))
        .property(QStringLiteral("volume"), std::round(fill * r.capacityM3), QStringLiteral("MTQ"))
        .property(QStringLiteral("fillingLevel"), round2(fill))
        .observedAt(now);
    publishEntity(now, e.toJson(r.form));
}

void WaterGenerator::burst(qint64 now)
{
    QList<int> intact;
    for (int i = 0; i < network().zones.size(); ++i) {
        if (!world().isZoneBurst(network().zones.at(i).id))
            intact.append(i);
    }
    if (intact.isEmpty())
        return;
    const PressureZone zone = network().zones.at(rng().pick(intact));
    const GeoPoint where{zone.location.lon + rng().uniform(-0.008, 0.008),
                         zone.location.lat + rng().uniform(-0.006, 0.006)};
    const QString severity = rng().chance(0.4) ? QStringLiteral("high") : QStringLiteral("medium");
    const qint64 repairedMs = now + qint64(rng().uniform(60, 180) * 60000);
    const QString localId = QStringLiteral("tirta-pipeburst-%1").arg(++m_bursts);
    world().setZoneBurst(zone.id, true);
    const QString text = QStringLiteral("Pipa distribusi pecah di %1 (%2), tekanan air turun. "
                                        "Petugas Tirta Benteng menuju lokasi.")
                             .arg(zone.name, zone.kecamatan.join(QStringLiteral(", ")));
    publishEntity(now, burstAlert(localId, zone, where, severity, text, now, repairedMs));
    at(repairedMs, [this, zone, where, severity, localId](qint64 repaired) {
        world().setZoneBurst(zone.id, false);
        const QString done =
            QStringLiteral("Perbaikan pipa di %1 selesai, tekanan air kembali normal.")
                .arg(zone.name);
        publishEntity(repaired,
                      burstAlert(localId, zone, where, severity, done, repaired, repaired));
    });
}

QJsonObject WaterGenerator::burstAlert(const QString &localId, const PressureZone &zone,
                                       const GeoPoint &where, const QString &severity,
                                       const QString &text, qint64 issuedMs,
                                       qint64 validToMs) const
{
    NgsiEntity e(QStringLiteral("Alert"), localId);
    e.property(QStringLiteral("category"), QStringLiteral("infrastructure"))
        .property(QStringLiteral("subCategory"), QStringLiteral("pipeBurst"))
        .property(QStringLiteral("severity"), severity)
        .property(QStringLiteral("description"), text)
        .property(QStringLiteral("alertSource"), QStringLiteral("Perumda Tirta Benteng"))
        .property(QStringLiteral("areaServed"), zone.kecamatan.join(QStringLiteral(", ")))
        .geo(QStringLiteral("location"), NgsiEntity::point(where))
        .dateTime(QStringLiteral("dateIssued"), issuedMs)
        .dateTime(QStringLiteral("validFrom"), issuedMs)
        .dateTime(QStringLiteral("validTo"), validToMs)
        .relationship(QStringLiteral("refZone"),
                      NgsiEntity::urn(QStringLiteral("WaterNetworkObserved"),
                                      QStringLiteral("tangerang-") + zone.id));
    return e.toJson(NgsiForm::Normalized);
}

} // namespace tlr::feedsim
