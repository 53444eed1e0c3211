#pragma once

#include <QPointF>
#include <QString>

namespace tlr {

class MapRenderer;
class MapViewGroup;
class Viewport;

// What a click or a tap on the map does, the same in both front ends: on a cluster it zooms the
// group so that the cluster's members spread out (and returns nothing); on a feature it returns
// the feature's entity id; elsewhere nothing.
QString pickOnMap(const MapRenderer &renderer, MapViewGroup &group, const Viewport &viewport,
                  QPointF panePoint);

} // namespace tlr
