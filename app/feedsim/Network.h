#pragma once

#include "GeoPoint.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tlr::feedsim {

struct Kecamatan
{
    QString name;
    GeoPoint center;
    double west = 0, south = 0, east = 0, north = 0;
    double elevationM = 0;
    double floodProne = 0;  // 0..1: how readily it floods when rain or the Cisadane rises
    bool riverside = false; // on the Cisadane: floods when the river passes its flood level
};

struct RoadSegment
{
    QString id;
    QString name;   // "Jl. Daan Mogot (ruas 3)"
    QString street; // "Jl. Daan Mogot"
    QString kecamatan;
    QList<GeoPoint> path;
    double freeFlowKmh = 50;
    int lanes = 2;
    double capacityVehPerHour = 2000;
    NgsiForm form = NgsiForm::Normalized;

    GeoPoint midpoint() const { return path.at(path.size() / 2); }
};

struct CctvPoint
{
    QString id, name, kecamatan, roadId;
    GeoPoint location;
    NgsiForm form = NgsiForm::Normalized;
};

struct Hospital
{
    QString id, name, kecamatan;
    GeoPoint location;
    int icuBeds = 0, erBeds = 0, wardBeds = 0;
    NgsiForm form = NgsiForm::Normalized;
};

struct PressureZone
{
    QString id, name;
    QStringList kecamatan;
    GeoPoint location;
    double nominalBar = 2.5;
    double nominalFlowLps = 300;
    NgsiForm form = NgsiForm::Normalized;
};

struct PumpStation
{
    QString id, name, zone;
    GeoPoint location;
    double capacityLps = 300;
    NgsiForm form = NgsiForm::Normalized;
};

struct Reservoir
{
    QString id, name, kecamatan;
    GeoPoint location;
    double capacityM3 = 5000;
    double maxHeightM = 5;
    NgsiForm form = NgsiForm::Normalized;
};

struct AirQualityStation
{
    QString id, name, kecamatan;
    GeoPoint location;
    double pollutionFactor = 1; // industry and airport stations read higher
    NgsiForm form = NgsiForm::Normalized;
};

struct RainGauge
{
    QString id, name, kecamatan;
    GeoPoint location;
    NgsiForm form = NgsiForm::Normalized;
};

struct GateLevel
{
    QString name; // normal, waspada, siaga, awas
    double fromCm = 0;
};

// The Cisadane gauge at the Pintu Air 10 weir, with the alert levels of its water height.
struct SluiceGate
{
    QString id, name, river, kecamatan;
    GeoPoint location;
    QList<GateLevel> levels; // ascending fromCm
    NgsiForm form = NgsiForm::Normalized;

    int levelIndexAt(double cm) const
    {
        int index = 0;
        for (int i = 0; i < levels.size(); ++i) {
            if (cm >= levels.at(i).fromCm)
                index = i;
        }
        return index;
    }
    QString levelAt(double cm) const
    {
        return levels.isEmpty() ? QString() : levels.at(levelIndexAt(cm)).name;
    }
    double thresholdCm(const QString &level) const
    {
        for (const auto &l : levels) {
            if (l.name == level)
                return l.fromCm;
        }
        return 1e9;
    }
};

// The static city the simulation runs on, read from resources/scenarios/*-network.json.
struct Network
{
    GeoPoint cityCenter;
    int utcOffsetHours = 7;
    QList<Kecamatan> kecamatan;
    QList<RoadSegment> roads;
    QList<CctvPoint> cctv;
    QList<Hospital> hospitals;
    int ambulanceCount = 15;
    QList<PressureZone> zones;
    QList<PumpStation> pumps;
    QList<Reservoir> reservoirs;
    QList<AirQualityStation> airQualityStations;
    QList<RainGauge> rainGauges;
    SluiceGate sluiceGate;

    int kecamatanIndex(const QString &name) const;

    struct Load;
    static Load fromJson(const QByteArray &bytes);
};

struct Network::Load
{
    Network network;
    QStringList problems; // any problem makes the file unusable
};

} // namespace tlr::feedsim
