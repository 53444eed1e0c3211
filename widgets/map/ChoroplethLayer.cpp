#include "ChoroplethLayer.h"

#include "LiveMapData.h"

#include <QPainter>

namespace tlr {

namespace {

QPolygonF ringOf(const BaseMapFeature &f, const Viewport &v)
{
    QPolygonF poly;
    if (!f.parts.isEmpty()) {
        for (const QPointF &p : f.parts.front())
            poly << v.toPane(QGeoCoordinate(p.y(), p.x()));
    }
    return poly;
}

} // namespace

ChoroplethLayer::ChoroplethLayer(LiveMapData *data, QObject *parent)
    : MapLayer(QStringLiteral("kecamatan"), Stage::Areas, 0, parent)
    , m_data(data)
{
    connect(data, &LiveMapData::changed, this, [this] { emit repaintNeeded({}); });
}

QColor ChoroplethLayer::colourFor(double perTenThousand)
{
    static const QColor ramp[] = {QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b),
                                  QColor(0x21, 0x91, 0x8c), QColor(0x5e, 0xc9, 0x62),
                                  QColor(0xfd, 0xe7, 0x25)};
    const int cls = perTenThousand < 0.5 ? 0
                    : perTenThousand < 1 ? 1
                    : perTenThousand < 2 ? 2
                    : perTenThousand < 4 ? 3
                                         : 4;
    return ramp[cls];
}

void ChoroplethLayer::render(QPainter &painter, const Viewport &viewport)
{
    if (!m_data || !m_data->baseMap())
        return;
    // No antialiasing: the tiles already draw the borders, and at street zoom the polygons
    // are tens of thousands of pixels wide; clipped to the pane they fill in a blink.
    painter.setPen(Qt::NoPen);
    const QPolygonF pane(QRectF(QPointF(-4, -4), QSizeF(viewport.paneSize()) + QSizeF(8, 8)));
    for (const auto &f : m_data->baseMap()->features) {
        if (f.kind != BaseMapFeature::Kind::Kecamatan)
            continue;
        QColor c = colourFor(m_data->reportRates().value(f.name));
        c.setAlpha(90);
        painter.setBrush(c);
        const QPolygonF ring = ringOf(f, viewport);
        if (!ring.boundingRect().intersects(pane.boundingRect()))
            continue;
        painter.drawPolygon(ring.intersected(pane));
    }
}

std::optional<MapFeatureHit> ChoroplethLayer::hitTest(QPointF panePoint,
                                                      const Viewport &viewport) const
{
    if (!m_data || !m_data->baseMap())
        return std::nullopt;
    for (const auto &f : m_data->baseMap()->features) {
        if (f.kind != BaseMapFeature::Kind::Kecamatan)
            continue;
        if (ringOf(f, viewport).containsPoint(panePoint, Qt::OddEvenFill)) {
            const double rate = m_data->reportRates().value(f.name);
            return MapFeatureHit{
                f.name, name(),
                tr("%1: %2 open reports per 10,000 residents").arg(f.name).arg(rate, 0, 'f', 1),
                std::nullopt};
        }
    }
    return std::nullopt;
}

} // namespace tlr
