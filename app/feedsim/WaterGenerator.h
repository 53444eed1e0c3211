#pragma once

#include "Generator.h"

namespace tlr::feedsim {

// Perumda Tirta Benteng's SCADA: pressure zones and pump stations (WaterNetworkObserved),
// reservoirs (WaterObserved) and pipe bursts (Alert) that drop a zone's pressure
// (feed tirta-water).
class WaterGenerator : public Generator
{
public:
    WaterGenerator(const GeneratorContext &context, quint64 seed);
    void start(qint64 startMs) override;

private:
    struct Pump
    {
        QString status = QStringLiteral("running");
        qint64 untilMs = 0;
    };

    void updateZone(int index, qint64 now);
    void updatePump(int index, qint64 now);
    void updateReservoir(int index, qint64 now);
    void burst(qint64 now);
    QJsonObject burstAlert(const QString &localId, const PressureZone &zone, const GeoPoint &where,
                           const QString &severity, const QString &text, qint64 issuedMs,
                           qint64 validToMs) const;

    QList<Pump> m_pumps;
    QList<double> m_reservoirFill; // 0..1
    QList<qint64> m_reservoirMs;
    int m_bursts = 0;
};

} // namespace tlr::feedsim
