#pragma once

#include "wall/WallProfile.h"

#include <QWidget>

class QVBoxLayout;

namespace tlr {

class HeaderBar;
class ReplayBanner;
class Tile;
class TileFactory;
struct TileContext;

// One screen of the profile: the header, the grid of tiles, the feed-health strip. A page lives
// as long as the profile; windows show pages and are re-made when monitors come and go.
class WallPage : public QWidget
{
    Q_OBJECT
public:
    WallPage(const ScreenSpec &spec, int index, int screenCount, const TileFactory &factory,
             const TileContext &context, QWidget *parent = nullptr);

    int index() const { return m_index; }
    const ScreenSpec &spec() const { return m_spec; }
    QList<Tile *> tiles() const { return m_tiles; }
    HeaderBar *header() const { return m_header; }
    ReplayBanner *replayBanner() const { return m_replayBanner; } // null when live

    // A briefing screen's body comes from the application, which builds the QML briefing
    // (qml/BriefingView); until then a notice holds its place. The page takes ownership; on a
    // grid screen this does nothing.
    void setBody(QWidget *body);
    QWidget *body() const { return m_body; }
    // True once every tile has painted since the page was first shown (see showEvent).
    bool tilesRevealed() const { return m_tilesToReveal == 0 && m_shownOnce; }

protected:
    // The first time the page shows, its tiles paint one per turn of the event loop instead of
    // all in the window's first frame: a 1920 x 1080 page of maps and charts painted at once
    // kept the event loop away some 110 ms of CPU, and a wall shows seven of them as it starts.
    // The layout is whole from the start; a tile not yet painted shows the page's background.
    void showEvent(QShowEvent *event) override;

private:
    ScreenSpec m_spec;
    int m_index;
    HeaderBar *m_header = nullptr;
    ReplayBanner *m_replayBanner = nullptr;
    QList<Tile *> m_tiles;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_body = nullptr; // a briefing screen's body; none on a grid of tiles
    int m_tilesToReveal = 0; // waiting for their turn (RefreshTurns)
    bool m_shownOnce = false;
};

} // namespace tlr
