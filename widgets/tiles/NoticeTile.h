#pragma once

#include "Tile.h"

namespace tlr {

// A text notice from the profile (params.text), large and word-wrapped.
class NoticeTile : public Tile
{
    Q_OBJECT
public:
    explicit NoticeTile(const TileSpec &spec, QWidget *parent = nullptr);
};

} // namespace tlr
