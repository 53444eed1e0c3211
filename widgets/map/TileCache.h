#pragma once

#include "map/TileMath.h"

#include <QCache>
#include <QImage>

namespace tlr {

// Decoded tiles in memory, least recently used first out, bounded in bytes (an image's
// sizeInBytes is its cost). Tiles of several sources share one budget, keyed by source number.
// GUI thread only.
class TileCache
{
public:
    explicit TileCache(qint64 maxBytes = 256ll * 1024 * 1024) { m_cache.setMaxCost(maxBytes); }

    void insert(int source, const TileId &tile, const QImage &image);
    // Null when not cached. A hit makes the tile the most recently used.
    QImage find(int source, const TileId &tile) const;
    bool contains(int source, const TileId &tile) const
    {
        return m_cache.contains(key(source, tile));
    }

    qint64 maxBytes() const { return m_cache.maxCost(); }
    void setMaxBytes(qint64 maxBytes) { m_cache.setMaxCost(maxBytes); } // drops the oldest over it
    qint64 bytes() const { return m_cache.totalCost(); }
    qsizetype count() const { return m_cache.count(); }
    void clear() { m_cache.clear(); }

private:
    static quint64 key(int source, const TileId &t)
    {
        // z ≤ 20 fits 5 bits, x and y 20 bits each at zoom 19.
        return (quint64(source) << 50) | (quint64(t.z) << 40) | (quint64(t.x) << 20) |
               quint64(t.y);
    }
    mutable QCache<quint64, QImage> m_cache;
};

} // namespace tlr
