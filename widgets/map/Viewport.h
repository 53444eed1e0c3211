#pragma once

#include "map/TileMath.h"

#include <QGeoCoordinate>
#include <QList>
#include <QRect>
#include <QRectF>
#include <QSize>

namespace tlr {

// What one pane of a map shows, as a value: the view's centre and zoom, the size of the whole
// canvas the view covers, and which part of that canvas this pane is. A map alone is a canvas
// with one pane the size of the canvas; a map across two monitors is one canvas with two panes
// side by side, each drawing its part, so the picture is continuous across the seam.
//
// Coordinates: "world" pixels at the current zoom (TileMath), "canvas" pixels from the
// canvas's top-left, "pane" pixels from the pane's top-left (what a painter of the pane uses).
class Viewport
{
public:
    static constexpr double kMinZoom = 10.0;
    static constexpr double kMaxZoom = 19.0;

    Viewport() = default;
    Viewport(const QGeoCoordinate &center, double zoom, QSize canvasSize, QRect pane = {});

    QGeoCoordinate center() const { return m_center; }
    double zoom() const { return m_zoom; }
    QSize canvasSize() const { return m_canvasSize; }
    QRect pane() const { return m_pane; } // in canvas pixels
    QSize paneSize() const { return m_pane.size(); }
    bool isValid() const { return m_center.isValid() && !m_canvasSize.isEmpty(); }

    // The world pixel at the canvas's top-left corner.
    QPointF canvasOrigin() const { return m_canvasOrigin; }
    QPointF worldToPane(QPointF world) const { return world - m_canvasOrigin - m_pane.topLeft(); }
    QPointF paneToWorld(QPointF pane) const { return pane + m_canvasOrigin + m_pane.topLeft(); }
    QPointF toPane(const QGeoCoordinate &c) const
    {
        return worldToPane(TileMath::worldPixel(c, m_zoom));
    }
    QPointF toCanvas(const QGeoCoordinate &c) const
    {
        return TileMath::worldPixel(c, m_zoom) - m_canvasOrigin;
    }
    QGeoCoordinate fromPane(QPointF pane) const
    {
        return TileMath::fromWorldPixel(paneToWorld(pane), m_zoom);
    }
    // The part of the world this pane shows, in world pixels, grown by a margin.
    QRectF paneWorldRect(double margin = 0) const;
    // The same in normalized Mercator ([0, 1]), for the cluster index.
    QRectF paneNormalizedRect(double margin = 0) const;
    // The whole canvas (every pane of the view), in normalized Mercator, grown by a margin.
    QRectF canvasNormalizedRect(double margin = 0) const;
    double metresPerPixel() const { return TileMath::metresPerPixel(m_center.latitude(), m_zoom); }

    // Canvas x positions where one pane ends and the next begins (monitor bezels): labels keep
    // off them so that no name is cut in two by a seam.
    const QList<int> &seams() const { return m_seams; }
    void setSeams(const QList<int> &seams) { m_seams = seams; }
    // Canvas y positions where a row of panes ends and the row below begins.
    const QList<int> &rowSeams() const { return m_rowSeams; }
    void setRowSeams(const QList<int> &rowSeams) { m_rowSeams = rowSeams; }

    Viewport withCenter(const QGeoCoordinate &center) const;
    Viewport withZoom(double zoom) const;
    // Zooms keeping the geographic point under `panePoint` where it is (wheel zoom).
    Viewport zoomedAround(QPointF panePoint, double zoom) const;
    // Moves the content by a pane-pixel delta (a drag of the mouse).
    Viewport pannedBy(QPointF delta) const;

    friend bool operator==(const Viewport &a, const Viewport &b)
    {
        return a.m_center == b.m_center && a.m_zoom == b.m_zoom &&
               a.m_canvasSize == b.m_canvasSize && a.m_pane == b.m_pane &&
               a.m_seams == b.m_seams && a.m_rowSeams == b.m_rowSeams;
    }

private:
    void update();

    QGeoCoordinate m_center;
    double m_zoom = 13;
    QSize m_canvasSize;
    QRect m_pane;
    QPointF m_canvasOrigin;
    QList<int> m_seams;
    QList<int> m_rowSeams;
};

} // namespace tlr
