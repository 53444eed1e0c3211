#pragma once

#include "map/BaseMap.h"
#include "map/TileMath.h"

#include <QImage>

namespace tlr {

// Draws one 256 px tile of the built-in base map. A pure function of immutable data: runs on
// tile workers. Names are not drawn into tiles (they would be cut at tile edges); the label
// layer writes them over the whole view.
namespace BaseMapPainter {

QImage renderTile(const BaseMap &map, const TileId &tile);

} // namespace BaseMapPainter
} // namespace tlr
