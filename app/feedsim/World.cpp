#include "World.h"

#include "Rng.h"

#include <algorithm>
#include <cmath>

namespace tlr::feedsim {
namespace {

constexpr qint64 kStepMs = 60 * 1000;
constexpr qsizetype kMaxPendingIncidents = 200;

double rainOfEvent(const Scenario::RainEvent &e, double minutes)
{
    if (minutes < e.startMinutes || minutes > e.endMinutes)
        return 0;
    if (minutes < e.peakMinutes)
        return e.peakMmh * (minutes - e.startMinutes) /
               std::max(1.0, e.peakMinutes - e.startMinutes);
    const double fallStart = e.peakMinutes + e.holdMinutes;
    if (minutes <= fallStart)
        return e.peakMmh;
    return e.peakMmh * (e.endMinutes - minutes) / std::max(1.0, e.endMinutes - fallStart);
}

// Piecewise-linear profile over the local hour of the day.
double profile(const std::initializer_list<std::pair<double, double>> &points, double hour)
{
    auto previous = *points.begin();
    for (const auto &p : points) {
        if (hour <= p.first) {
            if (p.first <= previous.first)
                return p.second;
            const double t = (hour - previous.first) / (p.first - previous.first);
            return previous.second + t * (p.second - previous.second);
        }
        previous = p;
    }
    return previous.second;
}

} // namespace

World::World(const ScenarioBundle &bundle, qint64 startMs, quint64 seed)
    : m_bundle(bundle)
    , m_startMs(startMs)
    , m_nowMs(startMs)
    , m_integratedMs(startMs)
    , m_loadMs(startMs)
{
    Rng rng(seed);
    for (qsizetype i = 0; i < network().kecamatan.size(); ++i) {
        m_rainFactor.append(rng.uniform(0.9, 1.1));
        m_floodCm.append(0);
    }
}

void World::advanceTo(qint64 ms)
{
    while (m_integratedMs + kStepMs <= ms)
        step(m_integratedMs + kStepMs);
    m_nowMs = std::max(m_nowMs, ms);
}

void World::step(qint64 toMs)
{
    const double hours = double(toMs - m_integratedMs) / 3600000.0;
    const Scenario &s = scenario();
    const double rain = cityRainAt(toMs);
    const double lagHours = s.river.lagMinutes / 60.0;
    m_laggedRain += (rain - m_laggedRain) * std::min(1.0, hours / lagHours);

    const double floodLevel = network().sluiceGate.thresholdCm(s.flood.riverLevel);
    const double river = riverLevelCm();
    for (qsizetype k = 0; k < m_floodCm.size(); ++k) {
        const Kecamatan &kecamatan = network().kecamatan.at(k);
        const double prone = kecamatan.floodProne;
        const double rainDrive =
            std::clamp((rainAt(toMs, int(k)) - s.flood.rainThresholdMmh) / 40.0, 0.0, 1.0);
        const double riverDrive = kecamatan.riverside && river >= floodLevel
                                      ? std::clamp(0.5 + (river - floodLevel) / 200.0, 0.0, 1.0)
                                      : 0.0;
        const double drive = prone * (rainDrive + riverDrive);
        double depth =
            m_floodCm.at(k) + (s.flood.riseCmPerHour * drive - s.flood.recedeCmPerHour) * hours;
        m_floodCm[k] = std::clamp(depth, 0.0, 150.0);
    }
    m_integratedMs = toMs;
}

double World::rainAt(qint64 ms, int kecamatan) const
{
    const double minutes = double(ms - m_startMs) / 60000.0;
    const QString &name = network().kecamatan.at(kecamatan).name;
    double total = 0;
    for (const auto &e : scenario().rain)
        total += rainOfEvent(e, minutes) * e.kecamatanWeights.value(name, 1.0);
    return total * m_rainFactor.value(kecamatan, 1.0);
}

double World::cityRainAt(qint64 ms) const
{
    if (m_rainFactor.isEmpty())
        return 0;
    double sum = 0;
    for (int k = 0; k < m_rainFactor.size(); ++k)
        sum += rainAt(ms, k);
    return sum / double(m_rainFactor.size());
}

double World::riverLevelCm() const
{
    return scenario().river.baseCm + scenario().river.cmPerMmh * m_laggedRain;
}

int World::riverLevelIndex() const
{
    return network().sluiceGate.levelIndexAt(riverLevelCm());
}

QString World::riverLevelName() const
{
    return network().sluiceGate.levelAt(riverLevelCm());
}

bool World::isFlooded(int kecamatan) const
{
    return m_floodCm.value(kecamatan) >= scenario().flood.floodedAtCm;
}

QList<int> World::floodedKecamatan() const
{
    QList<int> flooded;
    for (int k = 0; k < m_floodCm.size(); ++k) {
        if (isFlooded(k))
            flooded.append(k);
    }
    return flooded;
}

double World::localHour(qint64 ms) const
{
    const qint64 local = ms + qint64(network().utcOffsetHours) * 3600000;
    const qint64 dayMs = 24 * 3600000LL;
    return double(((local % dayMs) + dayMs) % dayMs) / 3600000.0;
}

double World::trafficDemand(qint64 ms) const
{
    // Commuter rush 06-09 and 16-19 WIB, quiet nights.
    return profile({{0, 0.2},
                    {4, 0.12},
                    {5.5, 0.45},
                    {6.5, 0.9},
                    {7.5, 1.0},
                    {9, 0.75},
                    {12, 0.65},
                    {15, 0.7},
                    {16.5, 0.95},
                    {17.5, 1.0},
                    {19, 0.8},
                    {21, 0.5},
                    {24, 0.2}},
                   localHour(ms));
}

double World::waterDemand(qint64 ms) const
{
    return profile({{0, 0.45},
                    {4, 0.5},
                    {5.5, 1.0},
                    {7, 1.05},
                    {9, 0.8},
                    {12, 0.75},
                    {16, 0.8},
                    {18, 1.0},
                    {20, 0.9},
                    {23, 0.55},
                    {24, 0.45}},
                   localHour(ms));
}

void World::setRoadBlock(const QString &roadId, double speedFactor)
{
    m_roadBlocks.insert(roadId, speedFactor);
}

void World::clearRoadBlock(const QString &roadId)
{
    m_roadBlocks.remove(roadId);
}

void World::setZoneBurst(const QString &zoneId, bool burst)
{
    if (burst)
        m_burstZones.insert(zoneId, true);
    else
        m_burstZones.remove(zoneId);
}

void World::reportIncident(const Incident &incident, qint64 ms)
{
    m_load = emergencyLoad(ms) + 1.0;
    m_loadMs = ms;
    m_incidents.push_back(incident);
    // Nobody waits for an ambulance for ever; the oldest calls are served by someone else.
    while (qsizetype(m_incidents.size()) > kMaxPendingIncidents)
        m_incidents.pop_front();
}

std::optional<World::Incident> World::takeIncident()
{
    if (m_incidents.empty())
        return std::nullopt;
    Incident incident = m_incidents.front();
    m_incidents.pop_front();
    return incident;
}

double World::emergencyLoad(qint64 ms) const
{
    return m_load * std::exp(-double(std::max<qint64>(0, ms - m_loadMs)) / (2 * 3600000.0));
}

int World::kecamatanAt(const GeoPoint &point) const
{
    int best = 0;
    double bestScore = 1e300;
    for (int k = 0; k < network().kecamatan.size(); ++k) {
        const Kecamatan &kec = network().kecamatan.at(k);
        const bool inside = point.lon >= kec.west && point.lon <= kec.east &&
                            point.lat >= kec.south && point.lat <= kec.north;
        const double score = point.distanceTo(kec.center) - (inside ? 1e6 : 0);
        if (score < bestScore) {
            bestScore = score;
            best = k;
        }
    }
    return best;
}

GeoPoint World::randomPointIn(int kecamatan, Rng &rng) const
{
    const Kecamatan &k = network().kecamatan.at(kecamatan);
    // Around the centre rather than anywhere in the box: boxes overhang their neighbours.
    return {k.center.lon + rng.uniform(-0.35, 0.35) * (k.east - k.west),
            k.center.lat + rng.uniform(-0.35, 0.35) * (k.north - k.south)};
}

} // namespace tlr::feedsim
