#include "VehicleLayer.h"

#include "LiveMapData.h"
#include "MapSymbols.h"

#include <QPainter>

namespace tlr {

VehicleLayer::VehicleLayer(LiveMapData *data, QObject *parent)
    : MapLayer(QStringLiteral("ambulances"), Stage::Points, 20, parent)
    , m_data(data)
{
    connect(data, &LiveMapData::changed, this, [this] { emit repaintNeeded({}); });
}

void VehicleLayer::render(QPainter &painter, const Viewport &viewport)
{
    if (!m_data)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    for (const auto &v : m_data->vehicles())
        MapSymbols::drawAmbulance(painter, viewport.toPane(v.at));
}

void VehicleLayer::addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const
{
    if (!m_data)
        return;
    for (const auto &v : m_data->vehicles())
        boxes.push_back(MapSymbols::ambulanceBox(viewport.toCanvas(v.at)));
}

std::optional<MapFeatureHit> VehicleLayer::hitTest(QPointF panePoint,
                                                   const Viewport &viewport) const
{
    if (!m_data)
        return std::nullopt;
    for (const auto &v : m_data->vehicles()) {
        if (QLineF(viewport.toPane(v.at), panePoint).length() <= 16)
            return MapFeatureHit{v.id, name(), v.tooltip, std::nullopt};
    }
    return std::nullopt;
}

} // namespace tlr
