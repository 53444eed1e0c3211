#pragma once

#include "tiles/TileContext.h"

namespace tlr {

class IncidentBoard;
class PersonalDataAccess;
class WallController;

// What an incident dossier reads and acts through. The board is the one thing it changes
// (forward, resolve, close), as the person logged in at the console; the board decides and
// audits. Personal data comes only through PersonalDataAccess, which checks and audits.
struct DossierContext
{
    IncidentBoard *board = nullptr;
    const PersonalDataAccess *personalData = nullptr; // null: no store, nothing to reveal
    TileContext tiles; // clock, session, situation and alerts for the header and the map
    const WallController *wall = nullptr; // the wall's screens to send to; null: no wall
};

} // namespace tlr
