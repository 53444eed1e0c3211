#pragma once

#include "MapLayer.h"

#include <QPointer>

namespace tlr {

class TileCache;
class TileSource;

// Draws the base map's tiles for a viewport: the nearest integer zoom the source has, scaled
// to the fractional zoom; tiles not made yet are asked for and, meanwhile, stood in for by a
// cached parent tile scaled up, so panning never shows holes.
class TileLayer : public MapLayer
{
    Q_OBJECT
public:
    TileLayer(TileSource *source, TileCache *cache, QObject *parent = nullptr);

    void setSource(TileSource *source);
    TileSource *source() const { return m_source; }
    void render(QPainter &painter, const Viewport &viewport) override;

    // The tile zoom drawn at a view zoom.
    int tileZoomFor(double zoom) const;

private:
    void tileArrived(const TileId &tile, const QImage &image);

    QPointer<TileSource> m_source;
    TileCache *m_cache;
};

} // namespace tlr
