#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace tlr::feedsim {

// How a simulated day unfolds, read from resources/scenarios/<name>.json. Times of events are
// minutes after the simulated start, so that a scenario plays the same from any --start.
struct Scenario
{
    // Seconds of simulated time between two updates of one entity (at --rate 1).
    struct Intervals
    {
        double traffic = 30, cctv = 60, hospital = 60, ambulance = 5, zone = 5, pump = 10,
               reservoir = 30, airQuality = 20, rainGauge = 10, river = 10;
    };
    // Poisson rates of events (at --rate 1).
    struct Rates
    {
        double accidentsPerHour = 3;
        double pipeBurstsPerDay = 2;
        double reportsPerHour = 1800;
        double cctvFaultsPerDay = 6;
    };
    // A rain cell: intensity rises linearly to the peak, holds, then falls to zero.
    struct RainEvent
    {
        double startMinutes = 0, peakMinutes = 0, holdMinutes = 0, endMinutes = 0;
        double peakMmh = 0;
        QHash<QString, double> kecamatanWeights; // default 1
    };
    // The Cisadane at Pintu Air 10 follows the rain over the catchment with a lag.
    struct River
    {
        double baseCm = 180;
        double cmPerMmh = 8;
        double lagMinutes = 60;
    };
    struct Flood
    {
        double rainThresholdMmh = 20;                 // city rain above this floods low ground
        QString riverLevel = QStringLiteral("siaga"); // at or above this the river floods too
        double riseCmPerHour = 30;                    // at full drive, for floodProne = 1
        double recedeCmPerHour = 8;
        double floodedAtCm = 10;                // a kecamatan counts as flooded from this depth
        double reportsPerHourPerKecamatan = 20; // GeoJSON flood reports at 50 cm
        double callsPerHourPerKecamatan = 40;   // extra 112 "banjir" calls at 50 cm
    };
    // The BMKG-style early warning: issued when the rain expected forecastMinutes ahead reaches
    // issueAtMmh, updated as the river climbs, cancelled when rain and river have eased.
    struct CapPolicy
    {
        bool enabled = true;
        double issueAtMmh = 15;
        double forecastMinutes = 30;
        double cancelBelowMmh = 2;
    };

    QString name;
    QString description;
    QString networkFile = QStringLiteral("tangerang-network.json");
    QString reportsFile = QStringLiteral("tangerang-reports.json");
    Intervals intervals;
    Rates rates;
    QList<RainEvent> rain;
    River river;
    Flood flood;
    CapPolicy cap;

    struct Load;
    static Load fromJson(const QByteArray &bytes);
};

struct Scenario::Load
{
    Scenario scenario;
    QStringList problems;
};

} // namespace tlr::feedsim
