#include "MapPoint.h"

#include "map/TileMath.h"

namespace tlr {

ClusterIndex clusterIndexOf(const std::vector<MapPoint> &points)
{
    std::vector<QPointF> projected;
    projected.reserve(points.size());
    for (const auto &p : points)
        projected.push_back(TileMath::project(p.at.latitude(), p.at.longitude()));
    // 80 of 512: clusters 40 screen pixels apart, so badges of 24 px type never touch.
    ClusterIndex::Options options;
    options.radius = 80;
    ClusterIndex index(options);
    index.build(projected);
    return index;
}

} // namespace tlr
