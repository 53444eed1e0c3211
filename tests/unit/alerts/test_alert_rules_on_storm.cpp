// The shipped rules against frames of the simulator's storm (tests/data/alerts/README.md),
// parsed from bytes by the wall's own parsers, with the clock following the frames.
#include "AlertTestSupport.h"

#include "alerts/AlertRulesReader.h"
#include "parsing/EnvelopeParser.h"
#include "parsing/PayloadParser.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>

using namespace tlr;
using namespace tlr::test;

namespace {

AlertRules shippedRules()
{
    auto result = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
    REQUIRE(std::holds_alternative<AlertRules>(result));
    return std::get<AlertRules>(result);
}

struct Replay
{
    // The clock starts before the fixtures' first frame and follows them.
    Replay() : engine(&clock, shippedRules(), &audit)
    {
        clock.setFixedTime(QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
    }

    // Feeds each frame at its sent time; returns how many frames gave events.
    int play(const char *fixture)
    {
        QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/alerts/") + QLatin1String(fixture));
        REQUIRE(file.open(QIODevice::ReadOnly));
        int used = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const auto frame = EnvelopeParser().parse(line);
            REQUIRE(frame.envelope);
            ParseContext context;
            context.feedId = frame.envelope->feed;
            context.now = frame.envelope->sent;
            const ParseResult parsed = PayloadParser(context).parse(*frame.envelope);
            if (frame.envelope->sent > clock.now())
                clock.setFixedTime(frame.envelope->sent);
            QList<DomainEvent> events = parsed.events;
            if (!events.isEmpty()) {
                engine.apply(events);
                ++used;
            }
        }
        return used;
    }

    const AlertRecord *find(const char *source, const QString &resource, const char *event) const
    {
        return engine.find(QLatin1String(source), resource, QLatin1String(event));
    }

    WallClock clock;
    ListRecorder audit;
    AlertEngine engine;
};

const QString kPintuAir10 = QStringLiteral("urn:ngsi-ld:WaterObserved:tangerang-pintu-air-10");

} // namespace

TEST_CASE("The Cisadane rising through waspada, siaga and awas: one river alert growing in severity")
{
    Replay replay;
    QSignalSpy raised(&replay.engine, &AlertEngine::alertRaised);
    REQUIRE(replay.play("storm-river-pintu-air-10.jsonl") == 60);
    const AlertRecord *level = replay.find("dlh-environment", kPintuAir10, "river-level");
    REQUIRE(level);
    CHECK(level->severity == Severity::Extreme);
    CHECK(level->agency == Agency::Dlh);
    CHECK(level->kecamatan == QLatin1String("Neglasari"));
    CHECK(level->title.startsWith(QLatin1String("Tinggi muka air Pintu Air 10")));
    CHECK(level->state == AlertState::Unacknowledged);
    const QStringList history = replay.audit.actionsOn(level->subject());
    CHECK(history.count(QStringLiteral("alert.severity-changed")) == 2); // moderate → severe → extreme
    CHECK(history.contains(QStringLiteral("alert.escalated")));

    const AlertRecord *rising = replay.find("dlh-environment", kPintuAir10, "river-rising");
    REQUIRE(rising);
    CHECK(rising->severity == Severity::Severe);
    // Two alerts, two tones, however many readings.
    CHECK(raised.size() == 2);
    CHECK(level->duplicateCount > 10);
}

TEST_CASE("An alert keeps the time of its newest evidence, not the time the wall raised it")
{
    // The readings a day and more behind the wall's clock, as in a replay or a feed catching up.
    Replay replay;
    const QDateTime wallNow(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC);
    replay.clock.setFixedTime(wallNow);
    QSignalSpy raised(&replay.engine, &AlertEngine::alertRaised);
    replay.play("storm-river-pintu-air-10.jsonl");
    REQUIRE_FALSE(raised.isEmpty());
    const auto first = raised.first().first().value<AlertRecord>();
    CHECK(first.raisedAt == wallNow);
    CHECK(first.evidenceAt.date() == QDate(2026, 11, 23));
    const AlertRecord *level = replay.find("dlh-environment", kPintuAir10, "river-level");
    REQUIRE(level);
    CHECK(level->raisedAt == wallNow);
    // Each graver reading moved it on; none is from the wall's day.
    CHECK(level->evidenceAt > first.evidenceAt);
    CHECK(level->evidenceAt.date() == QDate(2026, 11, 23));
}

TEST_CASE("A pipe burst: pressure drop and low pressure from the readings, and Tirta Benteng's own alert")
{
    Replay replay;
    replay.play("storm-pipe-burst-zone.jsonl");
    const QString zone = QStringLiteral("urn:ngsi-ld:WaterNetworkObserved:tangerang-zona-benda");
    const AlertRecord *drop = replay.find("tirta-water", zone, "pressure-drop");
    REQUIRE(drop);
    CHECK(drop->severity == Severity::Severe);
    CHECK(drop->agency == Agency::TirtaBenteng);
    const AlertRecord *low = replay.find("tirta-water", zone, "pressure-low");
    REQUIRE(low);
    CHECK(low->severity == Severity::Severe);
    const QList<AlertRecord> all = replay.engine.alerts();
    const auto feedAlert = std::find_if(all.cbegin(), all.cend(), [](const AlertRecord &a) {
        return a.origin == QLatin1String("feed") && a.event == QLatin1String("pipeBurst");
    });
    REQUIRE(feedAlert != all.cend());
    CHECK(feedAlert->state == AlertState::Unacknowledged);
}

TEST_CASE("Jl. Daan Mogot under water: the corridor's mean speed collapses")
{
    Replay replay;
    replay.play("storm-daan-mogot.jsonl");
    const AlertRecord *jam = replay.find("dishub-traffic", QStringLiteral("Jl. Daan Mogot"), "corridor-speed");
    REQUIRE(jam);
    CHECK(jam->severity == Severity::Severe);
    CHECK(jam->agency == Agency::Dishub);
    CHECK(jam->title.startsWith(QLatin1String("Jl. Daan Mogot macet")));
    CHECK(replay.engine.size() == 1); // one corridor alert, not one per segment
}

TEST_CASE("Neglasari's flood reports surge, and the surge clears as the window slides past")
{
    Replay replay;
    replay.play("storm-neglasari-flood-reports.jsonl");
    const AlertRecord *surge = replay.find("wall", QStringLiteral("Neglasari"), "flood-report-surge");
    REQUIRE(surge);
    CHECK(surge->severity == Severity::Severe); // 76 in 30 minutes
    CHECK(surge->kecamatan == QLatin1String("Neglasari"));
    CHECK(surge->agency == Agency::CallCentre112);
    const quint64 id = surge->id;
    replay.clock.setFixedTime(replay.clock.now().addSecs(31 * 60));
    CHECK(replay.engine.alert(id)->state == AlertState::ReturnedUnacknowledged);
}

TEST_CASE("BMKG's warning and its updates are one alert, cleared when it expires")
{
    Replay replay;
    QSignalSpy raised(&replay.engine, &AlertEngine::alertRaised);
    replay.play("storm-bmkg-warning-chain.jsonl");
    CHECK(raised.size() == 1);
    REQUIRE(replay.engine.size() == 1);
    const AlertRecord alert = replay.engine.alerts().first();
    CHECK(alert.severity == Severity::Extreme);
    CHECK(alert.state == AlertState::Unacknowledged);
    CHECK(alert.source == QLatin1String("dlh-environment"));
    CHECK(replay.audit.actionsOn(alert.subject()).count(QStringLiteral("alert.severity-changed")) == 2);
    replay.clock.setFixedTime(QDateTime(QDate(2026, 11, 23), QTime(6, 15, 2), Qt::UTC));
    CHECK(replay.engine.alert(alert.id)->state == AlertState::ReturnedUnacknowledged);
}

TEST_CASE("A CAP cancel clears the alert it references - an exercise is kept but not live")
{
    WallClock clock;
    clock.setFixedTime(kStart);
    AlertEngine engine(&clock, AlertRules{}, nullptr);
    Alert warning;
    warning.source = QStringLiteral("bmkg");
    warning.sender = QStringLiteral("bmkg@example.invalid");
    warning.identifier = QStringLiteral("W-1");
    warning.sent = kStart;
    warning.status = Alert::Status::Actual;
    warning.msgType = Alert::MsgType::Alert;
    AlertInfo info;
    info.event = QStringLiteral("Hujan lebat");
    info.severity = Severity::Severe;
    warning.infos = {info};
    Alert drill = warning;
    drill.identifier = QStringLiteral("X-1");
    drill.status = Alert::Status::Exercise;
    engine.apply({warning, drill});
    REQUIRE(engine.size() == 2);
    CHECK(engine.liveUnacknowledgedCount() == 1);

    Alert cancel = warning;
    cancel.identifier = QStringLiteral("W-2");
    cancel.msgType = Alert::MsgType::Cancel;
    cancel.references = {QStringLiteral("bmkg@example.invalid,W-1,2026-11-23T09:00:00+07:00")};
    engine.apply({cancel});
    const AlertRecord *cancelled = engine.find(QStringLiteral("bmkg"), QStringLiteral("W-1"),
                                               QStringLiteral("Hujan lebat"));
    REQUIRE(cancelled);
    CHECK(cancelled->state == AlertState::ReturnedUnacknowledged);
    CHECK(engine.size() == 2);
}

TEST_CASE("A feed without data for the silent time raises its alert - data again clears it")
{
    WallClock clock;
    clock.setFixedTime(kStart);
    ListRecorder audit;
    AlertEngine engine(&clock, shippedRules(), &audit);
    FeedStatus status;
    status.id = QStringLiteral("tirta-water");
    status.agency = Agency::TirtaBenteng;
    status.state = FeedStatus::State::Up;
    status.lastDataAt = kStart;
    engine.updateFeedStatuses({status});
    clock.setFixedTime(kStart.addSecs(119));
    CHECK(engine.size() == 0);
    clock.setFixedTime(kStart.addSecs(120));
    const AlertRecord *silent = engine.find(QStringLiteral("wall"), QStringLiteral("tirta-water"),
                                            QStringLiteral("feed-silent"));
    REQUIRE(silent);
    CHECK(silent->agency == Agency::TirtaBenteng);
    CHECK(silent->severity == Severity::Severe);
    const quint64 id = silent->id;
    status.lastDataAt = kStart.addSecs(125);
    engine.updateFeedStatuses({status});
    clock.setFixedTime(kStart.addSecs(126));
    CHECK(engine.alert(id)->state == AlertState::ReturnedUnacknowledged);
}

TEST_CASE("Bands are left only past the hysteresis")
{
    AlertRule rule;
    rule.kind = AlertRule::Kind::Threshold;
    rule.direction = AlertRule::Direction::Above;
    rule.hysteresis = 10;
    rule.bands = {{300, Severity::Moderate}, {400, Severity::Severe}};
    CHECK(RuleEvaluator::level(rule, 299, -1) == -1);
    CHECK(RuleEvaluator::level(rule, 300, -1) == 0);
    CHECK(RuleEvaluator::level(rule, 405, 0) == 1);
    CHECK(RuleEvaluator::level(rule, 395, 1) == 1);
    CHECK(RuleEvaluator::level(rule, 389, 1) == 0);
    CHECK(RuleEvaluator::level(rule, 291, 0) == 0);
    CHECK(RuleEvaluator::level(rule, 289, 0) == -1);
    CHECK(RuleEvaluator::level(rule, 100, 1) == -1);

    rule.direction = AlertRule::Direction::Below;
    rule.bands = {{12, Severity::Moderate}, {6, Severity::Severe}};
    rule.hysteresis = 3;
    CHECK(RuleEvaluator::level(rule, 12, -1) == 0);
    CHECK(RuleEvaluator::level(rule, 5, 0) == 1);
    CHECK(RuleEvaluator::level(rule, 8.5, 1) == 1);
    CHECK(RuleEvaluator::level(rule, 9.5, 1) == 0);
    CHECK(RuleEvaluator::level(rule, 16, 0) == -1);
}

TEST_CASE("A reading in another unit than the rule's is skipped and counted")
{
    AlertRules rules = shippedRules();
    RuleEvaluator evaluator(rules.rules);
    Observation river;
    river.source = QStringLiteral("dlh-environment");
    river.entityId = kPintuAir10;
    river.entityType = QStringLiteral("WaterObserved");
    river.observedAt = kStart;
    river.measurements = {{QStringLiteral("height"), 5.2, QStringLiteral("MTR")}};
    QList<AlertCondition> out;
    evaluator.observe(river, out);
    CHECK(out.isEmpty());
    CHECK(evaluator.skippedReadings() == 2); // river-level and river-rising
}
