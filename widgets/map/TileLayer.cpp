#include "TileLayer.h"

#include "MapStyle.h"
#include "TileCache.h"
#include "TileSource.h"

#include <QPainter>

namespace tlr {

TileLayer::TileLayer(TileSource *source, TileCache *cache, QObject *parent)
    : MapLayer(QStringLiteral("basemap"), Stage::Base, 0, parent)
    , m_cache(cache)
{
    setSource(source);
}

void TileLayer::setSource(TileSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source)
        connect(m_source, &TileSource::tileReady, this, &TileLayer::tileArrived);
    emit repaintNeeded({});
}

int TileLayer::tileZoomFor(double zoom) const
{
    const int lo = m_source ? m_source->minZoom() : 0;
    const int hi = m_source ? m_source->maxZoom() : 19;
    return std::clamp(int(std::floor(zoom + 0.25)), lo, std::max(lo, hi));
}

void TileLayer::tileArrived(const TileId &tile, const QImage &image)
{
    m_cache->insert(m_source->id(), tile, image);
    emit repaintNeeded({});
}

namespace {

// Draws only the part of a (possibly hugely overzoomed) tile that the pane shows.
void drawPart(QPainter &painter, const QRectF &target, const QImage &image, const QRectF &source,
              QSize pane)
{
    const QRectF visible = target.intersected(QRectF(QPointF(0, 0), QSizeF(pane)));
    if (visible.isEmpty())
        return;
    const double sx = source.width() / target.width();
    const double sy = source.height() / target.height();
    const QRectF part(source.left() + (visible.left() - target.left()) * sx,
                      source.top() + (visible.top() - target.top()) * sy, visible.width() * sx,
                      visible.height() * sy);
    painter.drawImage(visible, image, part);
}

} // namespace

void TileLayer::render(QPainter &painter, const Viewport &viewport)
{
    painter.fillRect(QRect(QPoint(0, 0), viewport.paneSize()), MapStyle::outside());
    if (!m_source)
        return;
    const int sourceId = m_source->id();
    const int tz = tileZoomFor(viewport.zoom());
    const double scale = std::exp2(viewport.zoom() - tz);
    const double tileSize = TileMath::kTileSize * scale;
    const QRectF world = viewport.paneWorldRect();
    const int n = 1 << tz;
    const int x0 = std::max(0, int(std::floor(world.left() / tileSize)));
    const int y0 = std::max(0, int(std::floor(world.top() / tileSize)));
    const int x1 = std::min(n - 1, int(std::floor(world.right() / tileSize)));
    const int y1 = std::min(n - 1, int(std::floor(world.bottom() / tileSize)));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale != 1.0);

    // Tiles nearest the centre are asked for first.
    const QPointF centre = world.center() / tileSize;
    std::vector<TileId> wanted;
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const TileId tile{tz, x, y};
            const QPointF topLeft = viewport.worldToPane(QPointF(x * tileSize, y * tileSize));
            // Whole-pixel edges: neighbouring tiles meet without hairlines.
            const QRectF target(
                QPointF(std::round(topLeft.x()), std::round(topLeft.y())),
                QPointF(std::round(topLeft.x() + tileSize), std::round(topLeft.y() + tileSize)));
            const QImage image = m_cache->find(sourceId, tile);
            if (!image.isNull()) {
                drawPart(painter, target, image, QRectF(image.rect()), viewport.paneSize());
                continue;
            }
            wanted.push_back(tile);
            // Meanwhile, a cached ancestor scaled up.
            for (int up = 1; up <= 4 && tz - up >= 0; ++up) {
                const TileId parent{tz - up, x >> up, y >> up};
                const QImage p = m_cache->find(sourceId, parent);
                if (p.isNull())
                    continue;
                const int part = TileMath::kTileSize >> up;
                const QRectF sourceRect((x - (parent.x << up)) * part,
                                        (y - (parent.y << up)) * part, part, part);
                drawPart(painter, target, p, sourceRect, viewport.paneSize());
                break;
            }
        }
    }
    std::sort(wanted.begin(), wanted.end(), [&](const TileId &a, const TileId &b) {
        const double da = std::hypot(a.x + 0.5 - centre.x(), a.y + 0.5 - centre.y());
        const double db = std::hypot(b.x + 0.5 - centre.x(), b.y + 0.5 - centre.y());
        return da < db;
    });
    for (const TileId &tile : wanted)
        m_source->request(tile);
}

} // namespace tlr
