#include "AlertTestSupport.h"

#include "charts/KpiTile.h"
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
    CHECK(card->trendText().contains(QStringLiteral("1")));
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
