#include "Viewport.h"

#include <algorithm>

namespace tlr {

Viewport::Viewport(const QGeoCoordinate &center, double zoom, QSize canvasSize, QRect pane)
    : m_center(center)
    , m_zoom(std::clamp(zoom, kMinZoom, kMaxZoom))
    , m_canvasSize(canvasSize)
    , m_pane(pane.isEmpty() ? QRect(QPoint(0, 0), canvasSize) : pane)
{
    update();
}

void Viewport::update()
{
    // Whole world pixels at the origin: every pane of a canvas then samples tiles at the same
    // sub-pixel phase, so neighbouring panes agree pixel for pixel at the seam.
    const QPointF c = TileMath::worldPixel(m_center, m_zoom);
    m_canvasOrigin = QPointF(std::round(c.x() - m_canvasSize.width() / 2.0),
                             std::round(c.y() - m_canvasSize.height() / 2.0));
}

QRectF Viewport::paneWorldRect(double margin) const
{
    return QRectF(paneToWorld(QPointF(0, 0)), QSizeF(m_pane.size()))
        .adjusted(-margin, -margin, margin, margin);
}

QRectF Viewport::paneNormalizedRect(double margin) const
{
    const QRectF r = paneWorldRect(margin);
    const double size = TileMath::worldSize(m_zoom);
    return QRectF(r.topLeft() / size, r.size() / size);
}

QRectF Viewport::canvasNormalizedRect(double margin) const
{
    const QRectF r =
        QRectF(m_canvasOrigin, QSizeF(m_canvasSize)).adjusted(-margin, -margin, margin, margin);
    const double size = TileMath::worldSize(m_zoom);
    return QRectF(r.topLeft() / size, r.size() / size);
}

Viewport Viewport::withCenter(const QGeoCoordinate &center) const
{
    Viewport v(center, m_zoom, m_canvasSize, m_pane);
    v.m_seams = m_seams;
    v.m_rowSeams = m_rowSeams;
    return v;
}

Viewport Viewport::withZoom(double zoom) const
{
    Viewport v(m_center, zoom, m_canvasSize, m_pane);
    v.m_seams = m_seams;
    v.m_rowSeams = m_rowSeams;
    return v;
}

Viewport Viewport::zoomedAround(QPointF panePoint, double zoom) const
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const QGeoCoordinate anchor = fromPane(panePoint);
    // Where the anchor must be on the canvas, and so where the centre goes at the new zoom.
    const QPointF canvasPoint = panePoint + m_pane.topLeft();
    const QPointF anchorWorld = TileMath::worldPixel(anchor, zoom);
    const QPointF centreWorld = anchorWorld - canvasPoint +
                                QPointF(m_canvasSize.width() / 2.0, m_canvasSize.height() / 2.0);
    Viewport v(TileMath::fromWorldPixel(centreWorld, zoom), zoom, m_canvasSize, m_pane);
    v.m_seams = m_seams;
    v.m_rowSeams = m_rowSeams;
    return v;
}

Viewport Viewport::pannedBy(QPointF delta) const
{
    const QPointF c = TileMath::worldPixel(m_center, m_zoom) - delta;
    return withCenter(TileMath::fromWorldPixel(c, m_zoom));
}

} // namespace tlr
