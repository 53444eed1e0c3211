#pragma once

#include "Tile.h"

class QLabel;

namespace tlr {

// Stands where a tile type is not built yet, and says so plainly: a wall must never pretend.
class PendingTile : public Tile
{
    Q_OBJECT
public:
    explicit PendingTile(const TileSpec &spec, QWidget *parent = nullptr);

protected:
    void retranslate() override;

private:
    QLabel *m_message = nullptr;
};

} // namespace tlr
