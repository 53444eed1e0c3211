#pragma once

#include "MapLayer.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace tlr {

class LiveMapData;

// Alerts in force: their CAP areas (polygons and circles) tinted by severity, and a marker
// whose shape and colour both give the severity. Exercise and test alerts are hatched. The
// alert engine's alerts that have a place get the same markers, with a ring that pulses until
// a supervisor acknowledges them.
class AlertLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit AlertLayer(LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    // The rings of the alerts waiting for a supervisor, eight frames a second.
    void renderAnimation(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;
    void addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const override;

private:
    void updatePulse();

    QPointer<LiveMapData> m_data;
    QTimer m_pulse;
    QElapsedTimer m_clock;
};

} // namespace tlr
