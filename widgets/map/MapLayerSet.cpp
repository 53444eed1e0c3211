#include "MapLayerSet.h"

#include "AlertLayer.h"
#include "BaseMapLabelLayer.h"
#include "ChoroplethLayer.h"
#include "MapRenderer.h"
#include "MapViewGroup.h"
#include "PointClusterLayer.h"
#include "TileLayer.h"
#include "TrafficLayer.h"
#include "VehicleLayer.h"

namespace tlr {

void addCityMapLayers(MapRenderer *renderer, MapViewGroup *group)
{
    auto *tiles = new TileLayer(group->tileSource(), group->tileCache());
    renderer->addLayer(tiles);
    renderer->addLayer(new BaseMapLabelLayer(group->baseMap()));
    LiveMapData *live = group->liveData();
    renderer->addLayer(new ChoroplethLayer(live));
    renderer->addLayer(new AlertLayer(live));
    renderer->addLayer(new TrafficLayer(live));
    renderer->addLayer(new PointClusterLayer(PointClusterLayer::Content::Sensors, live));
    renderer->addLayer(new PointClusterLayer(PointClusterLayer::Content::Reports, live));
    renderer->addLayer(new VehicleLayer(live));
    const auto applyEnabled = [renderer, group] {
        for (MapLayer *layer : renderer->layers()) {
            if (layer->stage() != MapLayer::Stage::Base && layer->name() != u"labels")
                layer->setVisible(group->isLayerEnabled(layer->name()));
        }
    };
    applyEnabled();
    QObject::connect(group, &MapViewGroup::enabledLayersChanged, renderer, applyEnabled);
    QObject::connect(group, &MapViewGroup::tileSourceChanged, tiles,
                     [group, tiles] { tiles->setSource(group->tileSource()); });
}

} // namespace tlr
