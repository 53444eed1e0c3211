#include "AlertLayer.h"

#include "LiveMapData.h"
#include "MapStyle.h"
#include "MapSymbols.h"

#include <QPainter>
#include <QPainterPath>

namespace tlr {

AlertLayer::AlertLayer(LiveMapData *data, QObject *parent)
    : MapLayer(QStringLiteral("alerts"), Stage::Areas, 10, parent)
    , m_data(data)
{
    connect(data, &LiveMapData::changed, this, [this] { emit repaintNeeded({}); });
}

void AlertLayer::render(QPainter &painter, const Viewport &viewport)
{
    if (!m_data)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    const double mpp = viewport.metresPerPixel();
    for (const auto &alert : m_data->alerts()) {
        QColor fill = MapStyle::severityColor(alert.severity);
        fill.setAlpha(70);
        QPainterPath shape;
        for (const auto &ring : alert.polygons) {
            QPolygonF poly;
            for (const auto &c : ring)
                poly << viewport.toPane(c);
            shape.addPolygon(poly);
            shape.closeSubpath();
        }
        for (const auto &circle : alert.circles) {
            const double r = std::max(circle.radius(), 1.0) / mpp;
            shape.addEllipse(viewport.toPane(circle.center()), r, r);
        }
        painter.setPen(QPen(MapStyle::severityColor(alert.severity), 3,
                            alert.live ? Qt::SolidLine : Qt::DashLine));
        painter.setBrush(alert.live ? QBrush(fill) : QBrush(fill, Qt::BDiagPattern));
        painter.drawPath(shape);
    }
    // Markers over every area.
    for (const auto &alert : m_data->alerts())
        MapSymbols::drawAlertMarker(painter, viewport.toPane(alert.marker), alert.severity);
}

std::optional<MapFeatureHit> AlertLayer::hitTest(QPointF panePoint, const Viewport &viewport) const
{
    if (!m_data)
        return std::nullopt;
    for (const auto &alert : m_data->alerts()) {
        if (QLineF(viewport.toPane(alert.marker), panePoint).length() <= 20)
            return MapFeatureHit{alert.id, name(), alert.tooltip, std::nullopt};
    }
    return std::nullopt;
}

} // namespace tlr
