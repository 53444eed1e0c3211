#pragma once

#include "GeoPoint.h"
#include "ScenarioBundle.h"

#include <QHash>
#include <QList>

#include <deque>
#include <optional>

namespace tlr::feedsim {

class Rng;

// The state the five agency systems share: rain, the river, floods, the day's rhythm, and the
// incidents that send ambulances out. Physical state is integrated in fixed one-minute steps
// of simulated time, so it does not depend on how often anybody asks.
class World
{
public:
    struct Incident
    {
        QString id;
        GeoPoint location;
        QString kecamatan;
    };

    World(const ScenarioBundle &bundle, qint64 startMs, quint64 seed);

    void advanceTo(qint64 ms);

    const ScenarioBundle &bundle() const { return m_bundle; }
    const Network &network() const { return m_bundle.network; }
    const Scenario &scenario() const { return m_bundle.scenario; }
    qint64 startMs() const { return m_startMs; }

    // Rain from the scenario's cells at any moment (mm/h), without gauge noise.
    double rainAt(qint64 ms, int kecamatan) const;
    double cityRainAt(qint64 ms) const;
    double rainMmh(int kecamatan) const { return rainAt(m_nowMs, kecamatan); }
    double cityRainMmh() const { return cityRainAt(m_nowMs); }

    double riverLevelCm() const;
    QString riverLevelName() const;
    int riverLevelIndex() const;

    double floodDepthCm(int kecamatan) const { return m_floodCm.value(kecamatan); }
    bool isFlooded(int kecamatan) const;
    QList<int> floodedKecamatan() const;

    // 0..1 shares of the day's peak: commuter traffic, water use.
    double trafficDemand(qint64 ms) const;
    double waterDemand(qint64 ms) const;
    double localHour(qint64 ms) const;

    // Traffic accidents slow a segment until they are cleared.
    void setRoadBlock(const QString &roadId, double speedFactor);
    void clearRoadBlock(const QString &roadId);
    double roadBlockFactor(const QString &roadId) const { return m_roadBlocks.value(roadId, 1.0); }

    // Pipe bursts drop a zone's pressure until repaired.
    void setZoneBurst(const QString &zoneId, bool burst);
    bool isZoneBurst(const QString &zoneId) const { return m_burstZones.contains(zoneId); }

    // Emergencies that want an ambulance, first come first served.
    void reportIncident(const Incident &incident, qint64 ms);
    std::optional<Incident> takeIncident();
    // Recent emergencies, decaying with a two-hour time constant: fills the ER.
    double emergencyLoad(qint64 ms) const;

    int kecamatanAt(const GeoPoint &point) const;
    GeoPoint randomPointIn(int kecamatan, Rng &rng) const;

private:
    void step(qint64 toMs);

    ScenarioBundle m_bundle;
    qint64 m_startMs;
    qint64 m_nowMs;
    qint64 m_integratedMs;
    double m_laggedRain = 0;
    QList<double> m_rainFactor; // per kecamatan, a fixed local variation
    QList<double> m_floodCm;
    QHash<QString, double> m_roadBlocks;
    QHash<QString, bool> m_burstZones;
    std::deque<Incident> m_incidents;
    double m_load = 0;
    qint64 m_loadMs = 0;
};

} // namespace tlr::feedsim
