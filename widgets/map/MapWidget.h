#pragma once

#include "MapViewGroup.h"
#include "Viewport.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QTouchEvent;

namespace tlr {

class MapRenderer;

class FrameTimes;

// The map as a widget: one pane of a MapViewGroup, drawn by the map core. Drag pans (with
// kinetic glide), the wheel zooms around the cursor, the keyboard pans (arrows), zooms (+/−)
// and goes home (Home). On a touch screen one finger pans and a tap clicks; two fingers pinch:
// the zoom follows their spread and the place between them stays between them. A touchpad's
// pinch (a native zoom gesture) zooms around the pointer. Zoom 10–19. It draws the scale bar,
// the attribution and the coordinate under the cursor; a click emits featureSelected, a hover
// shows a tooltip.
class MapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit MapWidget(MapViewGroup *group, QWidget *parent = nullptr);
    ~MapWidget() override;

    MapViewGroup *group() const { return m_group; }
    MapRenderer *renderer() const { return m_renderer; }
    Viewport viewport() const;

    // The monitor's place in the wall, for maps that span monitors.
    void setWallCell(std::optional<QPoint> cell);
    void setHome(const QGeoCoordinate &center, double zoom);
    void goHome();
    void setFrameTimes(FrameTimes *frameTimes) { m_frameTimes = frameTimes; }

signals:
    void featureSelected(const QString &entityId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void moveEvent(QMoveEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void updatePane();
    void panBy(QPointF delta);
    void zoomAround(QPointF panePoint, double zoom);
    // Sets the zoom and puts `place` under `panePoint`: a pinch's two fingers carry the place
    // they first held between them wherever they go.
    void placeAt(const QGeoCoordinate &place, QPointF panePoint, double zoom);
    bool touch(QTouchEvent *event);
    void glide();
    void drawOverlays(QPainter &painter, const Viewport &viewport);
    void invalidateScene();

    // The layers' picture of the last view, kept while neither the data nor the view change:
    // the alert rings' pulse, eight frames a second, then costs a blit instead of the whole map
    // (tens of milliseconds at 1920 x 1080 in a storm, on two maps at once).
    QImage m_scene;
    std::optional<Viewport> m_sceneView;
    void click(QPointF panePoint);

    QPointer<MapViewGroup> m_group;
    MapRenderer *m_renderer = nullptr;
    int m_pane = -1;
    std::optional<QPoint> m_wallCell;
    QGeoCoordinate m_homeCenter;
    double m_homeZoom = 13;

    // Dragging and the kinetic glide after it.
    std::optional<QPointF> m_pressAt;
    QPointF m_lastDragAt;
    bool m_dragged = false;
    QPointF m_velocity; // pixels per millisecond
    QElapsedTimer m_dragClock;
    QTimer m_glide;

    // Touch: the finger that pans (and may yet be a tap), or the pinch of two fingers.
    struct Pinch
    {
        QGeoCoordinate place; // what lay between the fingers when they came down
        double startZoom = 0;
        double startSpread = 1; // pixels between the fingers then
    };
    std::optional<Pinch> m_pinch;
    std::optional<QPointF> m_tapAt;
    QPointF m_lastTouchAt;

    std::optional<QPointF> m_cursor; // for the coordinate readout
    FrameTimes *m_frameTimes = nullptr;
};

} // namespace tlr
