#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class LiveMapData;

// Alerts in force: their CAP areas (polygons and circles) tinted by severity, and a marker
// whose shape and colour both give the severity. Exercise and test alerts are hatched.
class AlertLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit AlertLayer(LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;

private:
    QPointer<LiveMapData> m_data;
};

} // namespace tlr
