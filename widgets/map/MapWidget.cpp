#include "MapWidget.h"

#include "MapLayerSet.h"
#include "MapPick.h"
#include "MapRenderer.h"
#include "MapStyle.h"
#include "MapViewGroup.h"
#include "TileSource.h"
#include "stats/FrameTimes.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QTouchEvent>
#include <QWheelEvent>

#include <algorithm>

namespace tlr {

namespace {

constexpr double kGlideDecay = 0.92; // per 16 ms step
constexpr double kClickSlop = 6;     // pixels a press may move and still be a click

// A "nice" scale bar length: 1, 2 or 5 × 10^n metres that fits in `maxMetres`.
double niceLength(double maxMetres)
{
    const double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= maxMetres)
            return m * p;
    }
    return p;
}

// The same picture: the layers draw from the view's centre, zoom, canvas, pane and seams.
bool sameView(const Viewport &a, const Viewport &b)
{
    return a.center() == b.center() && a.zoom() == b.zoom() && a.canvasSize() == b.canvasSize() &&
           a.pane() == b.pane() && a.seams() == b.seams() && a.rowSeams() == b.rowSeams();
}

} // namespace

MapWidget::MapWidget(MapViewGroup *group, QWidget *parent)
    : QWidget(parent)
    , m_group(group)
    , m_renderer(new MapRenderer(this))
    , m_homeCenter(group->center())
    , m_homeZoom(group->zoom())
{
    setObjectName(QStringLiteral("map"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(64, 64);
    setAttribute(Qt::WA_AcceptTouchEvents);
    m_pane = m_group->addPane();

    addCityMapLayers(m_renderer, m_group);
    connect(m_group, &MapViewGroup::viewChanged, this, &MapWidget::invalidateScene);
    connect(m_group, &MapViewGroup::panesChanged, this, &MapWidget::invalidateScene);
    // A layer's area is not worth tracking apart: any data change draws the scene again.
    connect(m_renderer, &MapRenderer::repaintNeeded, this, &MapWidget::invalidateScene);
    connect(m_renderer, &MapRenderer::animationFrame, this, qOverload<>(&QWidget::update));
    m_glide.setInterval(16);
    connect(&m_glide, &QTimer::timeout, this, &MapWidget::glide);
}

MapWidget::~MapWidget()
{
    if (m_group)
        m_group->removePane(m_pane);
}

Viewport MapWidget::viewport() const
{
    return m_group ? m_group->viewport(m_pane) : Viewport();
}

void MapWidget::setWallCell(std::optional<QPoint> cell)
{
    m_wallCell = cell;
    updatePane();
}

void MapWidget::setHome(const QGeoCoordinate &center, double zoom)
{
    m_homeCenter = center;
    m_homeZoom = zoom;
}

void MapWidget::goHome()
{
    m_glide.stop();
    m_group->setView(m_homeCenter, m_homeZoom);
}

void MapWidget::updatePane()
{
    if (!m_group)
        return;
    const QPoint offset = window() ? mapTo(window(), QPoint(0, 0)) : QPoint(0, 0);
    m_group->updatePane(m_pane, m_wallCell, offset, size());
}

void MapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_sceneView.reset();
    updatePane();
}

void MapWidget::moveEvent(QMoveEvent *event)
{
    QWidget::moveEvent(event);
    updatePane();
}

void MapWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updatePane();
}

void MapWidget::invalidateScene()
{
    m_sceneView.reset();
    update();
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QElapsedTimer clock;
    clock.start();
    updatePane(); // a page re-laid out without moving this widget still moves the pane
    QPainter painter(this);
    const Viewport v = viewport();
    if (!v.isValid()) {
        painter.fillRect(rect(), MapStyle::outside());
        return;
    }
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    if (!m_sceneView || !sameView(*m_sceneView, v) || m_scene.size() != pixels) {
        if (m_scene.size() != pixels)
            m_scene = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_scene.setDevicePixelRatio(ratio);
        m_scene.fill(MapStyle::outside()); // under a hidden base layer too
        QPainter scene(&m_scene);
        m_renderer->renderScene(scene, v);
        m_sceneView = v;
    }
    painter.drawImage(QPointF(0, 0), m_scene);
    m_renderer->renderAnimation(painter, v);
    drawOverlays(painter, v);
    if (m_frameTimes)
        m_frameTimes->record(double(clock.nsecsElapsed()) / 1e6);
}

void MapWidget::drawOverlays(QPainter &painter, const Viewport &v)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = MapStyle::font(MapStyle::kLabelPixels);
    const QFontMetrics fm(font);
    painter.setFont(font);
    // On a map across monitors each overlay is drawn once, on the pane at its corner.
    const QList<int> &rows = v.rowSeams();
    const bool topRow =
        rows.isEmpty() || v.pane().top() < *std::min_element(rows.begin(), rows.end());
    const bool bottomRow =
        rows.isEmpty() || v.pane().top() >= *std::max_element(rows.begin(), rows.end());
    const bool leftColumn = v.pane().left() == 0;
    const bool rightColumn = v.pane().right() == v.canvasSize().width() - 1;
    const int pad = 12;

    auto chip = [&](const QRect &r) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x0b, 0x10, 0x17, 200));
        painter.drawRoundedRect(r, 6, 6);
    };

    QRect scaleBox; // where the scale bar went, so that the attribution keeps clear of it
    if (leftColumn && bottomRow) {
        // Scale bar, bottom left; on a small map it takes at most a quarter of the width.
        const double mpp = v.metresPerPixel();
        const double metres = niceLength(mpp * std::clamp(width() / 4, 60, 220));
        const int px = int(std::round(metres / mpp));
        const QString text = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000)
                                            : QStringLiteral("%1 m").arg(metres);
        const QRect box(pad, height() - pad - fm.height() - 24,
                        std::max(px, fm.horizontalAdvance(text)) + 24, fm.height() + 24);
        scaleBox = box;
        chip(box);
        painter.setPen(QPen(MapStyle::text(), 3));
        const int y = box.bottom() - 10;
        painter.drawLine(box.left() + 12, y, box.left() + 12 + px, y);
        painter.drawLine(box.left() + 12, y - 8, box.left() + 12, y);
        painter.drawLine(box.left() + 12 + px, y - 8, box.left() + 12 + px, y);
        painter.drawText(QRect(box.left() + 12, box.top() + 4, box.width() - 24, fm.height()),
                         Qt::AlignLeft, text);
    }
    if (leftColumn && topRow) {
        // The coordinate under the cursor (or of the centre), top left.
        const QGeoCoordinate c = m_cursor ? v.fromPane(*m_cursor) : v.center();
        const QString readout = QStringLiteral("%1°, %2°  z%3")
                                    .arg(c.latitude(), 0, 'f', 4)
                                    .arg(c.longitude(), 0, 'f', 4)
                                    .arg(v.zoom(), 0, 'f', 1);
        const QRect r(pad, pad, fm.horizontalAdvance(readout) + 20, fm.height() + 10);
        chip(r);
        painter.setPen(MapStyle::textMuted());
        painter.drawText(r, Qt::AlignCenter, readout);
    }
    if (rightColumn && bottomRow && m_group && m_group->tileSource()) {
        const QString text = m_group->tileSource()->attribution();
        const int full = fm.horizontalAdvance(text) + 40;
        // Beside the scale bar when it fits there, elided down to a readable minimum, else above.
        const int beside = scaleBox.isNull() ? width() - 2 * pad
                                             : width() - 2 * pad - scaleBox.width() - pad;
        const int minimum = std::min(full, fm.horizontalAdvance(QStringLiteral("©")) * 16);
        int w = std::min(full, beside);
        int bottom = height() - pad;
        if (w < minimum) {
            w = std::min(full, width() - 2 * pad);
            bottom = scaleBox.top() - pad / 2;
        }
        const QRect r(width() - pad - w, bottom - fm.height() - 10, w, fm.height() + 10);
        chip(r);
        painter.setPen(MapStyle::textMuted());
        painter.drawText(r, Qt::AlignCenter, fm.elidedText(text, Qt::ElideMiddle, w - 20));
    }
    if (leftColumn && topRow && m_group && !m_group->baseMapError().isEmpty()) {
        const QString text = tr("Base map unavailable (%1). Showing the built-in map.")
                                 .arg(m_group->baseMapError());
        const int w = width() - 2 * pad;
        const QRect r(pad, pad + fm.height() + 20, w, fm.height() + 12);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd5, 0x5e, 0x00, 220));
        painter.drawRoundedRect(r, 6, 6);
        painter.setPen(MapStyle::text());
        painter.drawText(r, Qt::AlignCenter, fm.elidedText(text, Qt::ElideMiddle, w - 20));
    }
}

void MapWidget::panBy(QPointF delta)
{
    const Viewport v = viewport();
    if (v.isValid())
        m_group->setView(v.pannedBy(delta).center(), v.zoom());
}

void MapWidget::zoomAround(QPointF panePoint, double zoom)
{
    const Viewport v = viewport();
    if (!v.isValid())
        return;
    const Viewport z = v.zoomedAround(panePoint, zoom);
    m_group->setView(z.center(), z.zoom());
}

void MapWidget::glide()
{
    if (std::hypot(m_velocity.x(), m_velocity.y()) < 0.02) {
        m_glide.stop();
        return;
    }
    panBy(m_velocity * 16.0);
    m_velocity *= kGlideDecay;
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_glide.stop();
    m_pressAt = event->position();
    m_lastDragAt = event->position();
    m_dragged = false;
    m_velocity = {};
    m_dragClock.start();
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    m_cursor = event->position();
    if (m_pressAt && (event->buttons() & Qt::LeftButton)) {
        const QPointF delta = event->position() - m_lastDragAt;
        if (!m_dragged && QLineF(*m_pressAt, event->position()).length() < kClickSlop)
            return;
        m_dragged = true;
        const double ms = std::max<qint64>(1, m_dragClock.restart());
        m_velocity = m_velocity * 0.3 + (delta / ms) * 0.7;
        m_lastDragAt = event->position();
        setCursor(Qt::ClosedHandCursor);
        panBy(delta);
        return;
    }
    const Viewport v = viewport();
    const auto hit = m_renderer->hitTest(event->position(), v);
    if (hit && !hit->tooltip.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), hit->tooltip, this);
    else
        QToolTip::hideText();
    update(QRect(0, 0, width(), 80)); // the readout
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressAt)
        return QWidget::mouseReleaseEvent(event);
    unsetCursor();
    m_pressAt.reset();
    if (!m_dragged) {
        click(event->position());
        return;
    }
    // A drag that ended still moving glides on.
    if (m_dragClock.elapsed() < 60 && std::hypot(m_velocity.x(), m_velocity.y()) > 0.3)
        m_glide.start();
}

void MapWidget::click(QPointF panePoint)
{
    const QString entityId = pickOnMap(*m_renderer, *m_group, viewport(), panePoint);
    if (!entityId.isEmpty())
        emit featureSelected(entityId);
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    m_glide.stop();
    zoomAround(event->position(), viewport().zoom() + notches * 0.5);
    event->accept();
}

void MapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 120;
    switch (event->key()) {
    case Qt::Key_Left:
        panBy({step, 0});
        break;
    case Qt::Key_Right:
        panBy({-step, 0});
        break;
    case Qt::Key_Up:
        panBy({0, step});
        break;
    case Qt::Key_Down:
        panBy({0, -step});
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(rect().center(), viewport().zoom() + 1);
        break;
    case Qt::Key_Minus:
        zoomAround(rect().center(), viewport().zoom() - 1);
        break;
    case Qt::Key_Home:
        goHome();
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void MapWidget::leaveEvent(QEvent *event)
{
    m_cursor.reset();
    update(QRect(0, 0, width(), 80));
    QWidget::leaveEvent(event);
}

void MapWidget::placeAt(const QGeoCoordinate &place, QPointF panePoint, double zoom)
{
    const Viewport v = viewport();
    if (!v.isValid() || !place.isValid())
        return;
    const Viewport zoomed = v.withZoom(zoom);
    const Viewport placed = zoomed.pannedBy(panePoint - zoomed.toPane(place));
    m_group->setView(placed.center(), placed.zoom());
}

bool MapWidget::touch(QTouchEvent *event)
{
    // Touch events are taken whole (not left to become mouse events), so that a second finger
    // coming down turns the drag of the first into a pinch.
    m_glide.stop();
    if (event->type() == QEvent::TouchCancel) {
        m_pinch.reset();
        m_tapAt.reset();
        return true;
    }
    QList<QPointF> down;
    for (const QEventPoint &point : event->points()) {
        if (point.state() != QEventPoint::Released)
            down.append(point.position());
    }
    if (down.size() >= 2) {
        m_tapAt.reset();
        const QPointF between = (down[0] + down[1]) / 2;
        const double spread = QLineF(down[0], down[1]).length();
        if (!m_pinch) {
            m_pinch =
                Pinch{viewport().fromPane(between), viewport().zoom(), std::max(spread, 1.0)};
            return true;
        }
        placeAt(m_pinch->place, between,
                m_pinch->startZoom + std::log2(std::max(spread, 1.0) / m_pinch->startSpread));
        return true;
    }
    const bool wasPinching = m_pinch.has_value();
    m_pinch.reset();
    if (down.size() == 1) {
        const QPointF at = down.front();
        if (event->type() == QEvent::TouchBegin)
            m_tapAt = at;
        if (event->type() == QEvent::TouchBegin || wasPinching) {
            m_lastTouchAt = at; // the finger left after a pinch pans on from where it is
            return true;
        }
        if (m_tapAt && QLineF(*m_tapAt, at).length() < kClickSlop)
            return true;
        m_tapAt.reset();
        panBy(at - m_lastTouchAt);
        m_lastTouchAt = at;
        return true;
    }
    if (event->type() == QEvent::TouchEnd && m_tapAt)
        click(*m_tapAt);
    m_tapAt.reset();
    return true;
}

bool MapWidget::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        event->accept();
        return touch(static_cast<QTouchEvent *>(event));
    case QEvent::NativeGesture: {
        // A touchpad's pinch: value() is the change of scale since the last event.
        auto *native = static_cast<QNativeGestureEvent *>(event);
        if (native->gestureType() != Qt::ZoomNativeGesture)
            break;
        m_glide.stop();
        zoomAround(native->position(),
                   viewport().zoom() + std::log2(std::max(1.0 + native->value(), 1e-3)));
        return true;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

} // namespace tlr
