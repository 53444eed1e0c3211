#pragma once

#include "Viewport.h"

#include <QObject>
#include <QRect>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace tlr {

// What a click or a hover found on the map.
struct MapFeatureHit
{
    QString entityId; // the model's id (entity id, alert key, report id, kecamatan name)
    QString layer;
    QString tooltip;
    std::optional<QRectF> zoomTo; // a cluster: the lon/lat extent to zoom to (x = lon, y = lat)
};

// One layer of the map: a stage, a z-order inside the stage, render(), and repaintNeeded when
// its data changes. The renderer walks the stages in order. Layers are drawn on the GUI thread
// from data they already hold; anything slow (tiles) is prepared on workers beforehand.
class MapLayer : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Unknown, Base, Areas, Lines, Points, Labels, Overlay };

    MapLayer(const QString &name, Stage stage, int zOrder, QObject *parent = nullptr);

    QString name() const { return m_name; }
    Stage stage() const { return m_stage; }
    int zOrder() const { return m_zOrder; }
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible);

    virtual void render(QPainter &painter, const Viewport &viewport) = 0;
    // What moves while the data stands still (a pulse), drawn over render()'s picture on every
    // frame: a map widget keeps that picture and, on animationFrame(), redraws only this.
    virtual void renderAnimation(QPainter &painter, const Viewport &viewport)
    {
        Q_UNUSED(painter)
        Q_UNUSED(viewport)
    }
    virtual std::optional<MapFeatureHit> hitTest(QPointF panePoint, const Viewport &viewport) const
    {
        Q_UNUSED(panePoint)
        Q_UNUSED(viewport)
        return std::nullopt;
    }

    // The boxes, in canvas pixels, that this layer's symbols cover anywhere on the view's canvas
    // (not only this pane, so that the panes of a spanning map place labels alike). Labels keep
    // clear of them: a name never hides a sensor, an incident or an alert.
    virtual void addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const
    {
        Q_UNUSED(viewport)
        Q_UNUSED(boxes)
    }
    // For a layer of the Labels stage: the symbol boxes of the layers drawn under it, handed
    // over by the renderer before each render.
    virtual void setSymbolBoxes(std::vector<QRectF> boxes) { Q_UNUSED(boxes) }

signals:
    void repaintNeeded(const QRect &area); // empty: the whole map
    void animationFrame();                 // only renderAnimation() changed

private:
    QString m_name;
    Stage m_stage;
    int m_zOrder;
    bool m_visible = true;
};

} // namespace tlr
