#include "MapPick.h"

#include "MapRenderer.h"
#include "MapViewGroup.h"
#include "map/TileMath.h"

#include <algorithm>
#include <cmath>

namespace tlr {

QString pickOnMap(const MapRenderer &renderer, MapViewGroup &group, const Viewport &v,
                  QPointF panePoint)
{
    const auto hit = renderer.hitTest(panePoint, v);
    if (!hit)
        return {};
    if (hit->zoomTo) {
        const QRectF e = *hit->zoomTo;
        const QPointF a = TileMath::worldPixel(QGeoCoordinate(e.top(), e.left()), v.zoom());
        const QPointF b = TileMath::worldPixel(QGeoCoordinate(e.bottom(), e.right()), v.zoom());
        const double span = std::max({std::abs(b.x() - a.x()), std::abs(b.y() - a.y()), 1.0});
        const double fit = std::min(v.paneSize().width(), v.paneSize().height()) * 0.6;
        const double zoom = std::min(v.zoom() + std::log2(fit / span), Viewport::kMaxZoom);
        group.setView(QGeoCoordinate((e.top() + e.bottom()) / 2, (e.left() + e.right()) / 2),
                      std::max(zoom, v.zoom() + 1));
        return {};
    }
    return hit->entityId;
}

} // namespace tlr
