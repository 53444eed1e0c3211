#include "WallPage.h"

#include "FeedHealthStrip.h"
#include "HeaderBar.h"
#include "alerts/EscalationBanner.h"
#include "replay/ReplayBanner.h"
#include "theme/Theme.h"
#include "tiles/RefreshTurns.h"
#include "tiles/Tile.h"
#include "tiles/TileContext.h"
#include "tiles/TileFactory.h"

#include <QGridLayout>
#include <QLabel>
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
    m_layout = layout;
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

    if (spec.kind == ScreenSpec::Kind::Briefing) {
        auto *notice = new QLabel(tr("The briefing is shown by tlr-wall."), this);
        notice->setAlignment(Qt::AlignCenter);
        notice->setFont(Theme::font(Theme::kTitlePixels));
        m_body = notice;
        layout->addWidget(m_body, 1);
        layout->addWidget(new FeedHealthStrip(context.feedHealth, context.clock, this));
        return;
    }

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

void WallPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // In the turns the charts redraw in, so that the pages of every screen, shown together,
    // still paint one tile per turn.
    for (Tile *tile : std::as_const(m_tiles)) {
        tile->setUpdatesEnabled(false);
        ++m_tilesToReveal;
        RefreshTurns::instance().request(
            tile,
            [this, tile] {
                tile->setUpdatesEnabled(true); // and schedules its paint
                --m_tilesToReveal;
            },
            "reveal");
    }
}

void WallPage::setBody(QWidget *body)
{
    if (!body || !m_body || body == m_body)
        return;
    const int at = m_layout->indexOf(m_body);
    body->setParent(this);
    m_layout->insertWidget(at, body, 1);
    delete m_body;
    m_body = body;
}

} // namespace tlr
