#pragma once

#include "TileContext.h"
#include "wall/WallProfile.h"

#include <QString>

#include <optional>

#include <variant>

class QWidget;

namespace tlr {

class Tile;

// Makes the tile a profile asks for. A tile whose parameters cannot work (an image that does
// not load, a notice without text) is an error naming the field, so a bad profile stops the
// wall at start instead of leaving an empty square on it.
class TileFactory
{
public:
    struct Error
    {
        QString field; // relative to the tile: "params.source"
        QString message;
    };
    using Result = std::variant<Tile *, Error>;

    explicit TileFactory(TileContext context) : m_context(context) {}

    Result create(const TileSpec &spec, QWidget *parent) const;

    // Checks without building widgets (used when a profile is validated up front).
    std::optional<Error> check(const TileSpec &spec) const;

private:
    TileContext m_context;
};

} // namespace tlr
