#include "WallPage.h"

#include "FeedHealthStrip.h"
#include "HeaderBar.h"
#include "alerts/EscalationBanner.h"
#include "replay/ReplayBanner.h"
#include "theme/Theme.h"
#include "tiles/Tile.h"
#include "tiles/TileContext.h"
#include "tiles/TileFactory.h"

#include <QGridLayout>
#include <QVBoxLayout>

namespace tlr {

WallPage::WallPage(const ScreenSpec &spec, int index, int screenCount, const TileFactory &factory,
                   const TileContext &context, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
    , m_index(index)
{
    setObjectName(QStringLiteral("wallPage%1").arg(index));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::background());
    setPalette(p);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (context.replay) {
        m_replayBanner = new ReplayBanner(context.replay, this);
        layout->addWidget(m_replayBanner);
    }
    m_header = new HeaderBar(spec.names, spec.name, index, screenCount, context.clock, this);
    layout->addWidget(m_header);
    if (context.alerts)
        layout->addWidget(new EscalationBanner(context.alerts, context.clock, this));

    auto *grid = new QGridLayout;
    grid->setContentsMargins(Theme::kTileSpacing, Theme::kTileSpacing, Theme::kTileSpacing,
                             Theme::kTileSpacing);
    grid->setSpacing(Theme::kTileSpacing);
    for (int r = 0; r < spec.rows; ++r)
        grid->setRowStretch(r, 1);
    for (int c = 0; c < spec.columns; ++c)
        grid->setColumnStretch(c, 1);
    for (const TileSpec &tileSpec : spec.tiles) {
        // The profile was checked with TileFactory::check() before any page was built.
        auto made = factory.create(tileSpec, this);
        Tile *tile = std::get_if<Tile *>(&made) ? std::get<Tile *>(made) : nullptr;
        if (!tile)
            continue;
        grid->addWidget(tile, tileSpec.row, tileSpec.column, tileSpec.rowSpan, tileSpec.columnSpan);
        m_tiles.append(tile);
    }
    layout->addLayout(grid, 1);
    layout->addWidget(new FeedHealthStrip(context.feedHealth,
                                          context.liveClock ? context.liveClock : context.clock,
                                          this));
}

} // namespace tlr
