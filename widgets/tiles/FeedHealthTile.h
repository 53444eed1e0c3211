#pragma once

#include "Tile.h"

namespace tlr {

class FeedHealthModel;
class WallClock;

// Every feed's state, rate, data age, gaps and rejects, one row each, readable at 3 m.
class FeedHealthTile : public Tile
{
    Q_OBJECT
public:
    FeedHealthTile(const TileSpec &spec, const FeedHealthModel *model, const WallClock *clock,
                   QWidget *parent = nullptr);

protected:
    void retranslate() override;

private:
    class Table;
    Table *m_table = nullptr;
};

} // namespace tlr
