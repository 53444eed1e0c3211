#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class LiveMapData;

// Dense point layers — sensors by kind and state, citizen reports — clustered per zoom with
// count badges. A click on a cluster zooms to its extent; on a point, selects its entity.
class PointClusterLayer : public MapLayer
{
    Q_OBJECT
public:
    enum class Content { Unknown, Sensors, Reports };

    PointClusterLayer(Content content, LiveMapData *data, QObject *parent = nullptr);

    void render(QPainter &painter, const Viewport &viewport) override;
    std::optional<MapFeatureHit> hitTest(QPointF panePoint,
                                         const Viewport &viewport) const override;
    void addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const override;

private:
    Content m_content;
    QPointer<LiveMapData> m_data;
};

} // namespace tlr
