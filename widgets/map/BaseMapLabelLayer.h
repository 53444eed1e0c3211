#pragma once

#include "MapLayer.h"
#include "map/BaseMap.h"

#include <memory>

namespace tlr {

// The base map's names — kecamatan, the river, landmarks, roads — written over the tiles,
// never colliding, placed over the whole canvas so spanning panes agree.
class BaseMapLabelLayer : public MapLayer
{
    Q_OBJECT
public:
    explicit BaseMapLabelLayer(std::shared_ptr<const BaseMap> map, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;

private:
    std::shared_ptr<const BaseMap> m_map;
};

} // namespace tlr
