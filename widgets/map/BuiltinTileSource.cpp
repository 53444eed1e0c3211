#include "BuiltinTileSource.h"

#include "BaseMapPainter.h"

namespace tlr {

BuiltinTileSource::BuiltinTileSource(std::shared_ptr<const BaseMap> map, QObject *parent)
    : TileSource(parent)
    , m_map(std::move(map))
{
}

QString BuiltinTileSource::attribution() const
{
    return m_map && !m_map->attribution.isEmpty()
               ? m_map->attribution
               : QStringLiteral("Tangerang Live Room schematic base map");
}

void BuiltinTileSource::start(const TileId &tile)
{
    runJob(tile, [map = m_map, tile]() -> JobResult {
        if (!map)
            return {};
        return {BaseMapPainter::renderTile(*map, tile), {}};
    });
}

} // namespace tlr
