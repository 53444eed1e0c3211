#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class LiveMapData;

// Kecamatan tinted by open citizen reports per 10,000 residents, in five classes of a
// colour-blind-safe sequential ramp (viridis); the figure is in the tooltip.
class ChoroplethLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit ChoroplethLayer(LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;

    static QColor colourFor(double perTenThousand);

private:
    QPointer<LiveMapData> m_data;
};

} // namespace tlr
