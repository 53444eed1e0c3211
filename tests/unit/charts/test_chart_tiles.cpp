#include "charts/ChartTile.h"
#include "charts/KpiTile.h"
#include "charts/SeriesCatalog.h"
#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "situation/SituationModel.h"
#include "tiles/TileFactory.h"

#include <catch2/catch.hpp>

#include <QJsonObject>

using namespace tlr;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
const QString kGauge = QStringLiteral("urn:ngsi-ld:WaterObserved:tangerang-pintu-air-10");

// The models a wall has, with the time fixed.
struct Wall
{
    WallClock clock;
    SituationModel situation{&clock};
    FeedHealthModel feedHealth;

    Wall()
    {
        clock.setFixedTime(kNow);
        FeedConfig environment;
        environment.id = QStringLiteral("dlh-environment");
        environment.agency = Agency::Dlh;
        FeedConfig emergency;
        emergency.id = QStringLiteral("emergency-112");
        emergency.agency = Agency::CallCentre112;
        feedHealth.setFeeds({environment, emergency});
    }

    TileContext context() const
    {
        TileContext c;
        c.clock = &clock;
        c.situation = &situation;
        c.feedHealth = &feedHealth;
        return c;
    }

    void setFeed(const QString &id, FeedStatus::State state, const QDateTime &lastData)
    {
        for (FeedStatus status : feedHealth.statuses()) {
            if (status.id == id) {
                status.state = state;
                status.lastDataAt = lastData;
                feedHealth.updateStatus(status);
            }
        }
    }

    void gaugeReads(double cm, const QDateTime &at)
    {
        Observation o;
        o.source = QStringLiteral("dlh-environment");
        o.entityId = kGauge;
        o.entityType = QStringLiteral("WaterObserved");
        o.observedAt = at;
        o.measurements = {{QStringLiteral("height"), cm, QStringLiteral("CMT")}};
        situation.apply({o});
    }
};

TileSpec chartSpec(const char *series, const char *window = "24h")
{
    TileSpec spec;
    spec.type = QStringLiteral("chart");
    spec.params = QJsonObject{{QStringLiteral("series"), QString::fromLatin1(series)},
                              {QStringLiteral("window"), QString::fromLatin1(window)}};
    return spec;
}

std::unique_ptr<ChartTile> makeChart(const Wall &wall, const char *series)
{
    const SeriesSpec *spec = SeriesCatalog::builtIn().find(QString::fromLatin1(series));
    REQUIRE(spec);
    auto tile = std::make_unique<ChartTile>(chartSpec(series), *spec, ChartWindow::OneDay,
                                            wall.context());
    tile->resize(960, 480);
    tile->show();
    tile->refreshNow();
    return tile;
}

} // namespace

TEST_CASE("A chart with no data says so and draws no line")
{
    Wall wall;
    auto tile = makeChart(wall, "river-level");
    CHECK(tile->dataState() == ChartTile::DataState::NoData);
    CHECK_FALSE(tile->statusText().isEmpty());
    CHECK(tile->drawnPoints(0).isEmpty());

    // A feed that is down is named.
    wall.setFeed(QStringLiteral("dlh-environment"), FeedStatus::State::Down, {});
    tile->refreshNow();
    CHECK(tile->dataState() == ChartTile::DataState::NoData);
    CHECK(tile->statusText().contains(QStringLiteral("dlh-environment")));
}

TEST_CASE("Live readings are drawn as they arrive, with nothing to say")
{
    Wall wall;
    wall.setFeed(QStringLiteral("dlh-environment"), FeedStatus::State::Up, kNow);
    auto tile = makeChart(wall, "river-level");
    wall.gaugeReads(250, kNow.addSecs(-20));
    tile->refreshNow();
    wall.gaugeReads(255, kNow.addSecs(-10));
    tile->refreshNow();
    CHECK(tile->dataState() == ChartTile::DataState::Live);
    CHECK(tile->statusText().isEmpty());
    const QList<QPointF> points = tile->drawnPoints(0);
    REQUIRE(points.size() == 2);
    CHECK(points.back() == QPointF(double(kNow.addSecs(-10).toMSecsSinceEpoch()), 255.0));
}

TEST_CASE("A chart whose data stopped says stale, and its line ends at the last reading")
{
    Wall wall;
    wall.setFeed(QStringLiteral("dlh-environment"), FeedStatus::State::Up, kNow);
    auto tile = makeChart(wall, "river-level");
    const QDateTime last = kNow.addSecs(-5);
    wall.gaugeReads(310, last);
    tile->refreshNow();
    REQUIRE(tile->dataState() == ChartTile::DataState::Live);

    // Ten minutes without a reading (the series allows 60 s).
    wall.clock.setFixedTime(kNow.addSecs(600));
    tile->refreshNow();
    CHECK(tile->dataState() == ChartTile::DataState::Stale);
    CHECK(tile->statusText().contains(QStringLiteral("09:59"))); // 02:59:55 UTC in WIB
    const QList<QPointF> points = tile->drawnPoints(0);
    REQUIRE(points.size() == 1); // no point invented up to now
    CHECK(points.back().x() == double(last.toMSecsSinceEpoch()));
}

TEST_CASE("A gap in the data breaks the line: no line is drawn across hours without data")
{
    Wall wall;
    auto tile = makeChart(wall, "river-level");
    tile->addPoint(0, {kNow.addSecs(-5 * 3600).toMSecsSinceEpoch(), 150});
    tile->addPoint(0, {kNow.addSecs(-5 * 3600 + 10).toMSecsSinceEpoch(), 151});
    tile->addPoint(0, {kNow.addSecs(-20).toMSecsSinceEpoch(), 180});
    tile->addPoint(0, {kNow.addSecs(-10).toMSecsSinceEpoch(), 181});
    tile->refreshNow();
    CHECK(tile->drawnPoints(0).size() == 4);
    CHECK(tile->drawnStretches(0) == 2);
    // The gap closes when the data does.
    for (int s = 5 * 3600 - 20; s > 20; s -= 30)
        tile->addPoint(0, {kNow.addSecs(-s).toMSecsSinceEpoch(), 160});
    tile->refreshNow();
    CHECK(tile->drawnStretches(0) == 1);
}

TEST_CASE("A chart whose feed health says stale or down is stale even with recent points")
{
    Wall wall;
    auto tile = makeChart(wall, "river-level");
    wall.gaugeReads(200, kNow.addSecs(-5));
    tile->refreshNow();
    wall.setFeed(QStringLiteral("dlh-environment"), FeedStatus::State::Stale, kNow.addSecs(-5));
    CHECK(tile->dataState() == ChartTile::DataState::Stale);
    wall.setFeed(QStringLiteral("dlh-environment"), FeedStatus::State::Up, kNow);
    CHECK(tile->dataState() == ChartTile::DataState::Live);
}

TEST_CASE("Reports per hour: no zeros before the feed has spoken, counts once it has")
{
    Wall wall;
    auto tile = makeChart(wall, "reports-per-hour");
    CHECK(tile->dataState() == ChartTile::DataState::NoData);
    CHECK(tile->drawnPoints(0).isEmpty());

    Report call;
    call.id = QStringLiteral("112-2026-000001");
    call.channel = Report::Channel::Call112;
    call.kind = Report::Kind::Emergency;
    call.emergency = true;
    call.receivedAt = kNow.addSecs(-90 * 60);
    Report complaint = call;
    complaint.id = QStringLiteral("LAKSA-2026-000001");
    complaint.channel = Report::Channel::App;
    complaint.kind = Report::Kind::Grievance;
    complaint.emergency = false;
    complaint.receivedAt = kNow.addSecs(-30);
    wall.situation.apply({call, complaint});
    wall.setFeed(QStringLiteral("emergency-112"), FeedStatus::State::Up, kNow);
    tile->refreshNow();
    CHECK(tile->dataState() == ChartTile::DataState::Live);
    const QList<QPointF> calls = tile->drawnPoints(0);
    // From the hour of the first report known to the current one (03:00, just begun).
    REQUIRE(calls.size() == 3);
    CHECK(calls[0] == QPointF(double(kNow.addSecs(-7200).toMSecsSinceEpoch()), 1.0));
    CHECK(calls[1].y() == 0.0);
    CHECK(calls[2].y() == 0.0);
    const QList<QPointF> complaints = tile->drawnPoints(1);
    REQUIRE(complaints.size() == 3);
    CHECK(complaints[1].y() == 1.0);
}

TEST_CASE("KPI cards: alert-engine KPIs show no figure - complaints are counted")
{
    Wall wall;
    TileSpec spec;
    spec.type = QStringLiteral("kpi");
    KpiTile waiting(spec, KpiKind::MedianAck112, wall.context());
    waiting.refreshNow();
    CHECK(waiting.figureText().isEmpty());
    CHECK_FALSE(waiting.trendText().isEmpty());

    KpiTile complaints(spec, KpiKind::ComplaintsSla, wall.context());
    complaints.refreshNow();
    CHECK(complaints.figureText().isEmpty()); // the feed has not spoken: no zero

    Report r;
    r.id = QStringLiteral("LAKSA-2026-000002");
    r.channel = Report::Channel::WhatsApp;
    r.kind = Report::Kind::Complaint;
    r.receivedAt = kNow.addSecs(30);
    Report r2 = r;
    r2.id = QStringLiteral("LAKSA-2026-000003");
    wall.situation.apply({r, r2});
    wall.clock.setFixedTime(kNow.addSecs(60));
    wall.setFeed(QStringLiteral("emergency-112"), FeedStatus::State::Up, kNow.addSecs(30));
    complaints.refreshNow();
    CHECK(complaints.figureText() == QStringLiteral("2"));
    CHECK(complaints.sparklineValues() == std::vector<int>{2});
}

TEST_CASE("The tile factory refuses unknown series, windows and KPIs, naming the field")
{
    Wall wall;
    const TileFactory factory(wall.context());
    auto error = factory.check(chartSpec("rainbow-count"));
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("params.series"));
    error = factory.check(chartSpec("ispu", "2w"));
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("params.window"));
    TileSpec kpi;
    kpi.type = QStringLiteral("kpi");
    kpi.params = QJsonObject{{QStringLiteral("kpi"), QStringLiteral("happiness")}};
    error = factory.check(kpi);
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("params.kpi"));
    CHECK_FALSE(factory.check(chartSpec("ispu", "7d")));
}
