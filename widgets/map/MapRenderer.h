#pragma once

#include "MapLayer.h"

#include <QList>
#include <QObject>

namespace tlr {

// Walks the layers stage by stage (then by z-order) to draw one pane, and asks them, topmost
// first, what lies under a point. Before the labels it gathers the boxes of the symbols drawn
// so far, so that labels are placed around them. Owns its layers (its QObject children).
class MapRenderer : public QObject
{
    Q_OBJECT
public:
    explicit MapRenderer(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    void addLayer(MapLayer *layer);
    QList<MapLayer *> layers() const { return m_layers; }
    MapLayer *layer(const QString &name) const;

    // The whole picture: the scene, then the animation over it.
    void render(QPainter &painter, const Viewport &viewport);
    // Every layer's render(): what changes only with the data or the view.
    void renderScene(QPainter &painter, const Viewport &viewport);
    void renderAnimation(QPainter &painter, const Viewport &viewport);
    std::optional<MapFeatureHit> hitTest(QPointF panePoint, const Viewport &viewport) const;
    // What the visible layers under the labels cover on the canvas (MapLayer::addSymbolBoxes).
    std::vector<QRectF> symbolBoxes(const Viewport &viewport) const;

signals:
    void repaintNeeded(const QRect &area);
    void animationFrame();

private:
    QList<MapLayer *> m_layers; // sorted by stage, then z-order
};

} // namespace tlr
