#pragma once

#include <QString>

namespace tlr {

class EventStore;
class FeedHealthModel;
class SituationModel;
class WallClock;

// What tiles may read. Tiles get models, never the feed manager; the store only for reading
// history. The data flows one way, into models and out to views.
struct TileContext
{
    const FeedHealthModel *feedHealth = nullptr;
    const WallClock *clock = nullptr;
    const SituationModel *situation = nullptr;
    // History for charts (rollups, read asynchronously). Null when the wall runs without a
    // database (no --db): charts then start from live data.
    const EventStore *store = nullptr;
    QString profileDirectory; // relative file names in tile parameters start here
    QString basemap; // --basemap (builtin | mbtiles:FILE | xyz:URL); overrides map tiles' own
};

} // namespace tlr
