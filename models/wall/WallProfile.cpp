#include "WallProfile.h"

namespace tlr {

int WallProfile::indexOfTile(const QString &tileId, int *screenIndex) const
{
    for (int s = 0; s < screens.size(); ++s) {
        const auto &tiles = screens.at(s).tiles;
        for (int t = 0; t < tiles.size(); ++t) {
            if (tiles.at(t).id == tileId) {
                if (screenIndex)
                    *screenIndex = s;
                return t;
            }
        }
    }
    return -1;
}

} // namespace tlr
