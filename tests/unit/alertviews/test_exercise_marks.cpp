#include "AlertTestSupport.h"
#include "PaintedText.h"

#include "alerts/AlertPanelTile.h"
#include "charts/KpiTile.h"
#include "i18n/LanguageSwitcher.h"
#include "itemmodels/AlertTableModel.h"
#include "map/LiveMapData.h"
#include "parsing/CapParser.h"
#include "situation/SituationModel.h"
#include "tiles/TileContext.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

Alert capFixture(const char *name)
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/cap/") + QString::fromLatin1(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    ParseContext context;
    context.feedId = QStringLiteral("bpbd-cap");
    const ParseResult result = CapParser(context).parse(file.readAll());
    REQUIRE_FALSE(result.isRejected());
    REQUIRE(result.events.size() == 1);
    return std::get<Alert>(result.events.first());
}

// A drill and a siren test beside an actual warning, through the parser, the engine, the
// panel, a KPI card and the map's data, as the wall wires them.
struct DrillFixture : EngineFixture
{
    DrillFixture()
    {
        table = std::make_unique<AlertTableModel>(engine.get(), &clock);
        TileContext context;
        context.clock = &clock;
        context.alerts = engine.get();
        context.alertTable = table.get();
        TileSpec spec;
        spec.type = QStringLiteral("alerts");
        spec.params = QJsonObject{{QStringLiteral("filter"), QStringLiteral("open")}};
        panel = std::make_unique<AlertPanelTile>(spec, context);
        panel->resize(1880, 700);
        panel->show();
        TileSpec kpi;
        kpi.type = QStringLiteral("kpi");
        card = std::make_unique<KpiTile>(kpi, KpiKind::UnacknowledgedAlerts, context);
        map.setAlertTable(table.get());
        map.setSituation(&situation);
    }

    void sendAll()
    {
        const QList<DomainEvent> events = {
            capFixture("cap12-bpbd-latihan-banjir-exercise.xml"),
            capFixture("cap12-bpbd-uji-sirene-test.xml"),
            capFixture("cap12-bmkg-banjir-tangerang-id-en-signed.xml")};
        engine->apply(events);
        situation.apply(events);
        for (int i = 0; i < 40 && (map.engineAlerts().size() < 3 || map.alerts().size() < 3); ++i)
            QTest::qWait(50);
        card->refreshNow();
    }

    QString paintedPanel() { return paintedText(panel.get()).join(u'\n'); }

    std::unique_ptr<AlertTableModel> table;
    std::unique_ptr<AlertPanelTile> panel;
    std::unique_ptr<KpiTile> card;
    SituationModel situation{&clock};
    LiveMapData map{nullptr};
};

QStringList tooltips(const LiveMapData &map)
{
    QStringList all;
    for (const auto &alert : map.engineAlerts())
        all.append(alert.tooltip);
    for (const auto &area : map.alerts())
        all.append(area.tooltip);
    return all;
}

} // namespace

TEST_CASE("CAP Exercise and Test messages show marked in the panel and on the map")
{
    DrillFixture f;
    f.sendAll();
    REQUIRE(f.engine->size() == 3);
    const QString panel = f.paintedPanel();
    INFO(panel.toStdString());
    CHECK(panel.contains(QStringLiteral("[EXERCISE] Latihan evakuasi banjir")));
    CHECK(panel.contains(QStringLiteral("[TEST] Uji sirene peringatan")));
    CHECK(panel.contains(QStringLiteral("Peringatan dini banjir di Periuk")));
    CHECK_FALSE(panel.contains(QStringLiteral("] Peringatan dini banjir di Periuk")));

    REQUIRE(f.map.engineAlerts().size() == 3);
    REQUIRE(f.map.alerts().size() == 3);
    const QStringList marked = tooltips(f.map).filter(QRegularExpression(QStringLiteral("^\\[")));
    INFO(tooltips(f.map).join(QStringLiteral(" | ")).toStdString());
    CHECK(marked.size() == 4); // the drill and the test, each as an engine alert and an area
    CHECK(marked.filter(QStringLiteral("[EXERCISE] Latihan evakuasi banjir Periuk")).size() == 2);
    CHECK(marked.filter(QStringLiteral("[TEST] Uji sirene")).size() == 2);

    SECTION("in the wall's language")
    {
        LanguageSwitcher language;
        REQUIRE(language.setLanguage(QStringLiteral("id")));
        const QString indonesian = f.paintedPanel();
        CHECK(indonesian.contains(QStringLiteral("[LATIHAN] Latihan evakuasi banjir")));
        CHECK(indonesian.contains(QStringLiteral("[UJI] Uji sirene peringatan")));
        REQUIRE(language.setLanguage(QStringLiteral("en")));
    }
}

TEST_CASE("CAP Exercise and Test messages count in no live figure and never sound or escalate")
{
    DrillFixture f;
    QList<AlertRecord> raised, escalated; // what sounds a tone, and what escalates
    QObject::connect(f.engine.get(), &AlertEngine::alertRaised,
                     [&](const AlertRecord &alert) { raised.append(alert); });
    QObject::connect(f.engine.get(), &AlertEngine::alertEscalated,
                     [&](const AlertRecord &alert, int) { escalated.append(alert); });
    f.sendAll();
    REQUIRE(raised.size() == 1);
    CHECK(raised.first().live);
    // The drill is Extreme: live, it would be critical, pulse, sound and head the banner.
    CHECK(f.engine->liveUnacknowledgedCount() == 1);
    CHECK(f.engine->liveUnacknowledgedCriticalCount() == 0);
    INFO("card: " << f.card->figureText().toStdString() << " / "
                  << f.card->detailText().toStdString());
    CHECK(f.card->figureText() == QStringLiteral("1"));
    CHECK_FALSE(f.card->detailText().startsWith(QStringLiteral("1 critical")));
    for (const AlertRecord &alert : f.engine->alerts()) {
        INFO(alert.title.toStdString());
        CHECK(alert.live == (alert.status == Alert::Status::Actual));
        CHECK_FALSE(alert.isUnacknowledgedCritical());
    }
    f.advanceMinutes(60);
    f.engine->checkTimers();
    REQUIRE_FALSE(escalated.isEmpty()); // the actual warning escalated; nothing else did
    for (const AlertRecord &alert : std::as_const(escalated))
        CHECK(alert.live);
}
