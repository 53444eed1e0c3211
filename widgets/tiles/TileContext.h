#pragma once

#include <QString>

namespace tlr {

class FeedHealthModel;
class SituationModel;
class WallClock;

// What tiles may read. Tiles get models, never the feed manager or the store: the data flows
// one way, into models and out to views.
struct TileContext
{
    const FeedHealthModel *feedHealth = nullptr;
    const WallClock *clock = nullptr;
    const SituationModel *situation = nullptr;
    QString profileDirectory; // relative file names in tile parameters start here
    QString basemap; // --basemap (builtin | mbtiles:FILE | xyz:URL); overrides map tiles' own
};

} // namespace tlr
