#pragma once

#include "TileSource.h"
#include "map/BaseMap.h"

#include <memory>

namespace tlr {

// The offline base map the project ships, rendered to tiles on workers.
class BuiltinTileSource : public TileSource
{
    Q_OBJECT
public:
    explicit BuiltinTileSource(std::shared_ptr<const BaseMap> map, QObject *parent = nullptr);

    QString attribution() const override;
    const std::shared_ptr<const BaseMap> &map() const { return m_map; }

protected:
    void start(const TileId &tile) override;

private:
    std::shared_ptr<const BaseMap> m_map;
};

} // namespace tlr
