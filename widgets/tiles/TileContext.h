#pragma once

#include <QDateTime>
#include <QString>

namespace tlr {

class AlertArchive;
class AlertEngine;
class AlertTableModel;
class EventStore;
class IncidentBoard;
class ReplaySession;
class FeedHealthModel;
class Session;
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
    // The alert engine is the one thing a tile may act on: a supervisor acknowledges through
    // it, and it decides (role, state) and audits. Null in a wall without alerts (tests).
    AlertEngine *alerts = nullptr;
    AlertTableModel *alertTable = nullptr; // one table for every alert panel
    // Where people's actions on alerts are kept: a panel tells a supervisor an action is done
    // only once it is committed. Null without a database (no --db): nothing is kept.
    const AlertArchive *alertArchive = nullptr;
    const Session *session = nullptr;      // who is logged in at this console
    const IncidentBoard *incidents = nullptr; // fused incidents; null: cards count alerts instead
    // While the wall replays: the replay (for the banner on every page; tiles only ask whether
    // there is one: then the history is their data, not what the feeds deliver now) and the
    // live clock, which the feeds' health keeps (the feeds stay live in replay).
    ReplaySession *replay = nullptr;
    const WallClock *liveClock = nullptr;
    // Where the models' history begins (a replay's warm-up start); trends count from here.
    // Invalid: from when the tile is made (a live wall's models start with the wall).
    QDateTime historyStart;
    QString profileDirectory; // relative file names in tile parameters start here
    QString basemap; // --basemap (builtin | mbtiles:FILE | xyz:URL); overrides map tiles' own
};

} // namespace tlr
