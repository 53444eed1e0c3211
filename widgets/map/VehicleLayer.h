#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class LiveMapData;

// Ambulances (Vehicle entities) where they last reported; they move as readings arrive.
class VehicleLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit VehicleLayer(LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;
    void addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const override;

private:
    QPointer<LiveMapData> m_data;
};

} // namespace tlr
