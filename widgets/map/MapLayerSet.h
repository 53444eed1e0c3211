#pragma once

namespace tlr {

class MapRenderer;
class MapViewGroup;

// The city map's layers, in one place for both front ends (the wall's MapWidget and the
// briefing's CityMapItem): base tiles and labels, then the live layers of the group's data,
// shown as the group's enabled layers say, the tiles following the group's base map source.
void addCityMapLayers(MapRenderer *renderer, MapViewGroup *group);

} // namespace tlr
