#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class LiveMapData;

// Road segments (Observation::path) coloured by their average speed: free, slow, jammed — and
// drawn thicker the slower they are, so the jam shows without colour too.
class TrafficLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit TrafficLayer(LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;

    static QColor colourFor(double speedKmh);

private:
    QPointer<LiveMapData> m_data;
};

} // namespace tlr
