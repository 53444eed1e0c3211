#include "TrafficLayer.h"

#include "LiveMapData.h"
#include "MapStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace tlr {

TrafficLayer::TrafficLayer(LiveMapData *data, QObject *parent)
    : MapLayer(QStringLiteral("traffic"), Stage::Lines, 0, parent)
    , m_data(data)
{
    connect(data, &LiveMapData::changed, this, [this] { emit repaintNeeded({}); });
}

QColor TrafficLayer::colourFor(double speedKmh)
{
    if (speedKmh < 0)
        return MapStyle::textMuted();
    if (speedKmh < 15)
        return MapStyle::bad();
    if (speedKmh < 30)
        return MapStyle::warning();
    return MapStyle::good();
}

void TrafficLayer::render(QPainter &painter, const Viewport &viewport)
{
    if (!m_data)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF pane =
        QRectF(QPointF(0, 0), QSizeF(viewport.paneSize())).adjusted(-50, -50, 50, 50);
    for (const auto &line : m_data->traffic()) {
        QPolygonF poly;
        for (const auto &c : line.path)
            poly << viewport.toPane(c);
        if (!poly.boundingRect().intersects(pane))
            continue;
        const double width = line.speedKmh >= 0 && line.speedKmh < 15   ? 9
                             : line.speedKmh >= 0 && line.speedKmh < 30 ? 7
                                                                        : 5;
        painter.setPen(
            QPen(MapStyle::outside(), width + 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(poly);
        painter.setPen(
            QPen(colourFor(line.speedKmh), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(poly);
    }
}

std::optional<MapFeatureHit> TrafficLayer::hitTest(QPointF panePoint,
                                                   const Viewport &viewport) const
{
    if (!m_data)
        return std::nullopt;
    for (const auto &line : m_data->traffic()) {
        for (qsizetype i = 1; i < line.path.size(); ++i) {
            const QPointF a = viewport.toPane(line.path[i - 1]);
            const QPointF b = viewport.toPane(line.path[i]);
            const QPointF ab = b - a;
            const double len2 = QPointF::dotProduct(ab, ab);
            const double t =
                len2 > 0 ? std::clamp(QPointF::dotProduct(panePoint - a, ab) / len2, 0.0, 1.0)
                         : 0.0;
            if (QLineF(a + ab * t, panePoint).length() <= 8)
                return MapFeatureHit{line.id, name(), line.tooltip, std::nullopt};
        }
    }
    return std::nullopt;
}

} // namespace tlr
