#pragma once

#include "LabelPlacer.h"
#include "MapLayer.h"
#include "map/BaseMap.h"

#include <QFuture>

#include <memory>

namespace tlr {

// The base map's names — kecamatan, the river, landmarks, roads — written over the tiles,
// never colliding with each other nor covering a live symbol (sensor, cluster, report, alert,
// ambulance), placed over the whole canvas so spanning panes agree.
class BaseMapLabelLayer : public MapLayer
{
    Q_OBJECT
public:
    // Starts drawing the map's names on a worker thread (LabelSprites) so that the first frame
    // only blits them.
    explicit BaseMapLabelLayer(std::shared_ptr<const BaseMap> map, QObject *parent = nullptr);
    ~BaseMapLabelLayer() override;

    void render(QPainter &painter, const Viewport &viewport) override;
    // Where the labels go on the view's canvas, around the symbol boxes last handed over.
    std::vector<LabelPlacer::Placed> placedLabels(const Viewport &viewport) const;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;
    void setSymbolBoxes(std::vector<QRectF> boxes) override { m_symbolBoxes = std::move(boxes); }

private:
    std::shared_ptr<const BaseMap> m_map;
    std::vector<QRectF> m_symbolBoxes; // the live symbols under the labels, kept clear
    QFuture<void> m_labelsDrawn;
};

} // namespace tlr
