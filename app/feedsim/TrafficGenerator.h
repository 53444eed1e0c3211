#pragma once

#include "Generator.h"

#include <QHash>
#include <QSet>

namespace tlr::feedsim {

// Dishub's ATCS: TrafficFlowObserved per road segment, CCTV cameras as Device, accidents and
// flood closures as Alert (NGSI-LD, feed dishub-traffic).
class TrafficGenerator : public Generator
{
public:
    TrafficGenerator(const GeneratorContext &context, quint64 seed);
    void start(qint64 startMs) override;

private:
    struct Camera
    {
        QString state = QStringLiteral("ok");
        qint64 untilMs = 0;
    };

    void updateSegment(int index, qint64 now);
    void updateCamera(int index, qint64 now);
    void cameraFault(qint64 now);
    void accident(qint64 now);
    void checkClosure(int index, qint64 now, double floodCm);
    QJsonObject alert(const QString &localId, const QString &subCategory, const QString &severity,
                      const GeoPoint &where, const QString &description, qint64 issuedMs,
                      qint64 validToMs, const QString &kecamatan, NgsiForm form) const;

    QList<Camera> m_cameras;
    QSet<int> m_closed; // segments with a flood closure alert out
    int m_accidents = 0;
};

} // namespace tlr::feedsim
