#include "MapLayer.h"

namespace tlr {

MapLayer::MapLayer(const QString &name, Stage stage, int zOrder, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_stage(stage)
    , m_zOrder(zOrder)
{
}

void MapLayer::setVisible(bool visible)
{
    if (m_visible == visible)
        return;
    m_visible = visible;
    emit repaintNeeded({});
}

} // namespace tlr
