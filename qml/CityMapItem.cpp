#include "CityMapItem.h"

#include "map/MapLayerSet.h"
#include "map/MapPick.h"
#include "map/MapRenderer.h"
#include "map/MapStyle.h"
#include "map/MapViewGroup.h"
#include "map/TileSource.h"

#include <QPainter>

namespace tlr {

CityMapItem::CityMapItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setOpaquePainting(true);
    setAntialiasing(true);
}

CityMapItem::~CityMapItem()
{
    if (m_group)
        m_group->removePane(m_pane);
}

QObject *CityMapItem::groupObject() const
{
    return m_group;
}

void CityMapItem::setGroupObject(QObject *object)
{
    auto *group = qobject_cast<MapViewGroup *>(object);
    if (group == m_group)
        return;
    if (m_group) {
        m_group->removePane(m_pane);
        disconnect(m_group, nullptr, this, nullptr);
    }
    delete m_renderer;
    m_renderer = nullptr;
    m_group = group;
    if (m_group) {
        m_pane = m_group->addPane();
        m_homeCenter = m_group->center();
        m_homeZoom = m_group->zoom();
        m_renderer = new MapRenderer(this);
        addCityMapLayers(m_renderer, m_group);
        connect(m_renderer, &MapRenderer::repaintNeeded, this, [this] { update(); });
        connect(m_group, &MapViewGroup::viewChanged, this, [this] {
            update();
            emit viewChanged();
        });
        connect(m_group, &MapViewGroup::panesChanged, this, [this] { update(); });
        updatePane();
    }
    emit groupChanged();
    emit viewChanged();
    update();
}

double CityMapItem::zoom() const
{
    return m_group ? m_group->zoom() : 0.0;
}

QString CityMapItem::attribution() const
{
    return m_group && m_group->tileSource() ? m_group->tileSource()->attribution() : QString();
}

void CityMapItem::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    updatePane();
}

void CityMapItem::updatePane()
{
    if (m_group)
        m_group->updatePane(m_pane, std::nullopt, QPoint(0, 0), size().toSize());
}

void CityMapItem::paint(QPainter *painter)
{
    const Viewport v = m_group ? m_group->viewport(m_pane) : Viewport();
    if (!m_renderer || !v.isValid()) {
        painter->fillRect(boundingRect(), MapStyle::outside());
        return;
    }
    m_renderer->render(*painter, v);
}

void CityMapItem::panBy(double dx, double dy)
{
    const Viewport v = m_group ? m_group->viewport(m_pane) : Viewport();
    if (v.isValid())
        m_group->setView(v.pannedBy(QPointF(dx, dy)).center(), v.zoom());
}

void CityMapItem::zoomAround(double x, double y, double steps)
{
    const Viewport v = m_group ? m_group->viewport(m_pane) : Viewport();
    if (!v.isValid())
        return;
    const Viewport z = v.zoomedAround(QPointF(x, y), v.zoom() + steps);
    m_group->setView(z.center(), z.zoom());
}

void CityMapItem::goHome()
{
    if (m_group)
        m_group->setView(m_homeCenter, m_homeZoom);
}

void CityMapItem::tap(double x, double y)
{
    if (!m_renderer || !m_group)
        return;
    const QString entityId = pickOnMap(*m_renderer, *m_group, m_group->viewport(m_pane), QPointF(x, y));
    if (!entityId.isEmpty())
        emit featureSelected(entityId);
}

} // namespace tlr
