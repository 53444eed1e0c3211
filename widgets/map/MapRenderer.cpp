#include "MapRenderer.h"

#include <QPainter>

#include <algorithm>

namespace tlr {

void MapRenderer::addLayer(MapLayer *layer)
{
    layer->setParent(this);
    m_layers.append(layer);
    std::stable_sort(m_layers.begin(), m_layers.end(), [](MapLayer *a, MapLayer *b) {
        return std::pair(a->stage(), a->zOrder()) < std::pair(b->stage(), b->zOrder());
    });
    connect(layer, &MapLayer::repaintNeeded, this, &MapRenderer::repaintNeeded);
    connect(layer, &MapLayer::animationFrame, this, &MapRenderer::animationFrame);
}

MapLayer *MapRenderer::layer(const QString &name) const
{
    for (MapLayer *l : m_layers) {
        if (l->name() == name)
            return l;
    }
    return nullptr;
}

std::vector<QRectF> MapRenderer::symbolBoxes(const Viewport &viewport) const
{
    std::vector<QRectF> boxes;
    for (MapLayer *l : m_layers) {
        if (l->isVisible() && l->stage() < MapLayer::Stage::Labels)
            l->addSymbolBoxes(viewport, boxes);
    }
    return boxes;
}

void MapRenderer::render(QPainter &painter, const Viewport &viewport)
{
    renderScene(painter, viewport);
    renderAnimation(painter, viewport);
}

void MapRenderer::renderAnimation(QPainter &painter, const Viewport &viewport)
{
    for (MapLayer *l : std::as_const(m_layers)) {
        if (!l->isVisible())
            continue;
        painter.save();
        l->renderAnimation(painter, viewport);
        painter.restore();
    }
}

void MapRenderer::renderScene(QPainter &painter, const Viewport &viewport)
{
    std::optional<std::vector<QRectF>> boxes; // gathered when the first labels layer needs them
    for (MapLayer *l : std::as_const(m_layers)) {
        if (!l->isVisible())
            continue;
        if (l->stage() == MapLayer::Stage::Labels) {
            if (!boxes)
                boxes = symbolBoxes(viewport);
            l->setSymbolBoxes(*boxes);
        }
        painter.save();
        l->render(painter, viewport);
        painter.restore();
    }
}

std::optional<MapFeatureHit> MapRenderer::hitTest(QPointF panePoint,
                                                  const Viewport &viewport) const
{
    for (auto it = m_layers.crbegin(); it != m_layers.crend(); ++it) {
        if (!(*it)->isVisible())
            continue;
        if (auto hit = (*it)->hitTest(panePoint, viewport))
            return hit;
    }
    return std::nullopt;
}

} // namespace tlr
