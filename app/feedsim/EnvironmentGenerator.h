#pragma once

#include "CapWarning.h"
#include "Generator.h"

namespace tlr::feedsim {

// DLH and the river/weather sources the wall shows beside it: air quality (AirQualityObserved
// with ISPU), the Cisadane at Pintu Air 10 (WaterObserved), rain gauges (WeatherObserved),
// flood reports (GeoJSON) and BMKG weather warnings (CAP 1.2) (feed dlh-environment).
class EnvironmentGenerator : public Generator
{
public:
    EnvironmentGenerator(const GeneratorContext &context, quint64 seed);
    void start(qint64 startMs) override;

private:
    struct FloodReport
    {
        QString id;
        int kecamatan = 0;
        GeoPoint location;
        double depthCm = 0;
        QString status;
    };

    void updateAirQuality(int index, qint64 now);
    void updateRiver(qint64 now);
    void updateRainGauge(int index, qint64 now);
    void floodReport(qint64 now);
    double floodReportRate();
    void reviewWarning(qint64 now);
    void publishWarning(qint64 now, CapWarning::MsgType type);

    QList<FloodReport> m_reports;
    int m_reportCount = 0;
    // The warning in force, if any.
    bool m_warningActive = false;
    int m_warningCount = 0;
    int m_warningRiverIndex = 0;
    QStringList m_warningHistory; // CAP references of the messages issued for this warning
    qint64 m_warningExpiresMs = 0;
};

} // namespace tlr::feedsim
