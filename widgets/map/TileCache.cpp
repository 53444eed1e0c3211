#include "TileCache.h"

namespace tlr {

void TileCache::insert(int source, const TileId &tile, const QImage &image)
{
    if (image.isNull())
        return;
    m_cache.insert(key(source, tile), new QImage(image), std::max<qint64>(1, image.sizeInBytes()));
}

QImage TileCache::find(int source, const TileId &tile) const
{
    const QImage *image = m_cache.object(key(source, tile));
    return image ? *image : QImage();
}

} // namespace tlr
