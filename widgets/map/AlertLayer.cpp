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
    connect(data, &LiveMapData::changed, this, [this] {
        updatePulse();
        emit repaintNeeded({});
    });
    // Eight frames a second: enough for a ring to breathe, little enough for a 100k-point map.
    m_pulse.setInterval(125);
    connect(&m_pulse, &QTimer::timeout, this, &MapLayer::animationFrame);
    m_clock.start();
    updatePulse();
}

void AlertLayer::updatePulse()
{
    const bool waiting = m_data && m_data->hasWaitingAlerts();
    if (waiting && !m_pulse.isActive())
        m_pulse.start();
    else if (!waiting)
        m_pulse.stop();
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

    const QRectF pane(QPointF(0, 0), QSizeF(viewport.paneSize()));
    for (const auto &alert : m_data->engineAlerts()) {
        const QPointF at = viewport.toPane(alert.at);
        if (pane.adjusted(-60, -60, 60, 60).contains(at))
            MapSymbols::drawAlertMarker(painter, at, alert.severity);
    }
}

void AlertLayer::renderAnimation(QPainter &painter, const Viewport &viewport)
{
    if (!m_data)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    const double phase = (m_clock.elapsed() % 1400) / 1400.0;
    const QRectF pane(QPointF(0, 0), QSizeF(viewport.paneSize()));
    for (const auto &alert : m_data->engineAlerts()) {
        const QPointF at = viewport.toPane(alert.at);
        if (!alert.waiting || !pane.adjusted(-60, -60, 60, 60).contains(at))
            continue;
        QColor ring = MapStyle::severityColor(alert.severity);
        ring.setAlphaF(0.9 * (1.0 - phase));
        painter.setPen(QPen(ring, 5));
        painter.setBrush(Qt::NoBrush);
        const double r = 22 + 26 * phase;
        painter.drawEllipse(at, r, r);
        MapSymbols::drawAlertMarker(painter, at, alert.severity); // the marker stays on top
    }
}

void AlertLayer::addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const
{
    if (!m_data)
        return;
    for (const auto &alert : m_data->alerts())
        boxes.push_back(MapSymbols::alertMarkerBox(viewport.toCanvas(alert.marker)));
    for (const auto &alert : m_data->engineAlerts())
        boxes.push_back(MapSymbols::alertMarkerBox(viewport.toCanvas(alert.at)));
}

std::optional<MapFeatureHit> AlertLayer::hitTest(QPointF panePoint, const Viewport &viewport) const
{
    if (!m_data)
        return std::nullopt;
    for (const auto &alert : m_data->alerts()) {
        if (QLineF(viewport.toPane(alert.marker), panePoint).length() <= 20)
            return MapFeatureHit{alert.id, name(), alert.tooltip, std::nullopt};
    }
    for (const auto &alert : m_data->engineAlerts()) {
        if (QLineF(viewport.toPane(alert.at), panePoint).length() <= 20)
            return MapFeatureHit{alert.id, name(), alert.tooltip, std::nullopt};
    }
    return std::nullopt;
}

} // namespace tlr
