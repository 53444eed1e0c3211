#include "AlertTestSupport.h"

#include "charts/KpiTile.h"
#include "feeds/FeedConfig.h"
#include "feeds/FeedStatus.h"
#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/FeedHealthModel.h"
#include "situation/SituationModel.h"
#include "itemmodels/AlertTableModel.h"
#include "tiles/TileContext.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

struct KpiFixture : EngineFixture
{
    KpiFixture() { table = std::make_unique<AlertTableModel>(engine.get(), &clock); }

    std::unique_ptr<KpiTile> card(KpiKind kind)
    {
        TileContext context;
        context.clock = &clock;
        context.alerts = engine.get();
        context.alertTable = table.get();
        TileSpec spec;
        spec.type = QStringLiteral("kpi");
        auto tile = std::make_unique<KpiTile>(spec, kind, context);
        tile->refreshNow();
        return tile;
    }

    std::unique_ptr<AlertTableModel> table;
};

} // namespace

TEST_CASE("the unacknowledged-alerts card counts live alerts nobody has taken")
{
    KpiFixture f;
    f.raise("river-a", Severity::Extreme);
    f.raise("river-b", Severity::Moderate);
    const quint64 taken = f.raise("river-c", Severity::Severe);
    REQUIRE(f.engine->acknowledge(taken, supervisor(), QString()));
    const auto card = f.card(KpiKind::UnacknowledgedAlerts);
    CHECK(card->figureText() == QStringLiteral("2"));
    CHECK(card->detailText().startsWith(QStringLiteral("1 critical")));
    CHECK(card->trendText().contains(QStringLiteral("3"))); // raised this hour, against yesterday
    REQUIRE_FALSE(card->sparklineValues().empty());
    CHECK(card->sparklineValues().back() == 3);
}

TEST_CASE("the median time to acknowledge comes from real acknowledgements")
{
    KpiFixture f;
    const quint64 first = f.raise("river-a", Severity::Severe);
    const quint64 second = f.raise("river-b", Severity::Severe);
    f.advanceSeconds(60);
    REQUIRE(f.engine->acknowledge(first, supervisor(), QString()));
    f.advanceSeconds(120);
    REQUIRE(f.engine->acknowledge(second, supervisor(), QString()));
    const auto overall = f.card(KpiKind::ResponseTimeByAgency);
    CHECK(overall->figureText() == AlertTableModel::formatAge(120)); // median of 60 s and 180 s
    CHECK(overall->detailText().contains(agencyShortName(Agency::Dlh)));

    // Nothing from 112 was acknowledged: the card says so and shows no number.
    const auto calls = f.card(KpiKind::MedianAck112);
    CHECK(calls->figureText().isEmpty());
    CHECK_FALSE(calls->trendText().isEmpty());
}

TEST_CASE("the open-incidents card counts the board's open incidents by the agency that holds them")
{
    KpiFixture f;
    FusionConfig config = FusionConfigReader::readBuiltin().config.value();
    IncidentBoard board(config, &f.clock, &f.audit);
    IncidentSignal call;
    call.kind = IncidentSignal::Kind::Report;
    call.id = QStringLiteral("112-1");
    call.time = f.clock.now();
    call.location = QGeoCoordinate(-6.1694, 106.6255);
    call.kecamatan = QStringLiteral("Neglasari");
    call.agency = Agency::CallCentre112;
    call.severity = Severity::Severe;
    call.category = QStringLiteral("banjir");
    call.emergency = true;
    board.addSignal(call);
    REQUIRE(board.incidents().size() == 1);

    TileContext context;
    context.clock = &f.clock;
    context.incidents = &board;
    FeedHealthModel feeds;
    FeedConfig emergency;
    emergency.id = QStringLiteral("emergency-112");
    feeds.setFeeds({emergency});
    FeedStatus status;
    status.id = QStringLiteral("emergency-112");
    status.state = FeedStatus::State::Up;
    status.lastDataAt = f.clock.now();
    feeds.updateStatus(status);
    context.feedHealth = &feeds;
    SituationModel situation(&f.clock);
    context.situation = &situation;
    TileSpec spec;
    spec.type = QStringLiteral("kpi");
    KpiTile card(spec, KpiKind::OpenIncidentsByAgency, context);
    card.refreshNow();
    CHECK(card.figureText() == QStringLiteral("1"));
    CHECK(card.detailText().contains(agencyShortName(Agency::CallCentre112)));
}

TEST_CASE("the time-to-acknowledge cards show acknowledgements per hour beside the median")
{
    KpiFixture f;
    const quint64 id = f.raise("river-a", Severity::Severe);
    f.advanceSeconds(90);
    REQUIRE(f.engine->acknowledge(id, supervisor(), QString()));
    const auto card = f.card(KpiKind::ResponseTimeByAgency);
    CHECK(card->figureText() == AlertTableModel::formatAge(90));
    REQUIRE_FALSE(card->sparklineValues().empty());
    CHECK(card->sparklineValues().back() == 1);
}
