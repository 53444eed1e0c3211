// Replay's promise: the state at a time T is the same whether the wall was live at T, or was
// rebuilt from the store at T, or was played forward from the store to T from an earlier time.
// The storm scenario's own messages (resources/scenarios/storm.json), parsed by the real parsers,
// go into a real store and, with a clock that follows the simulated time, into the models the
// live wall runs; then ReplaySession rebuilds and plays the same hours back.

#include "StormHistory.h"

#include "alerts/AlertEngine.h"
#include "alerts/AlertRulesReader.h"
#include "alerts/AlertState.h"
#include "domain/WallClock.h"
#include "incidents/AlertSignals.h"
#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentBoard.h"
#include "replay/ReplayModels.h"
#include "replay/ReplaySession.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"
#include "store/HistoryReader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>

#include <tuple>

using namespace tlr;
using namespace tlr::feedsim::test;

namespace {

AlertRules shippedRules()
{
    auto rules = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
    REQUIRE(std::holds_alternative<AlertRules>(rules));
    return std::get<AlertRules>(std::move(rules));
}

FusionConfig shippedFusion()
{
    const auto config = FusionConfigReader::readBuiltin();
    REQUIRE(config.config);
    return *config.config;
}

// What the wall shows, as text: one line per sensor reading, alert in force, report, engine
// alert and incident. The engine's times to the second: the live engine stamps a message's
// arrival, replay the event's own time, here the same second (the simulator sends at once).
struct Picture
{
    QStringList observations, capAlerts, reports, alerts, incidents;
};

Picture pictureOf(const SituationModel &situation, const AlertEngine &engine,
                  const IncidentBoard &board)
{
    Picture p;
    for (const Observation &o : situation.observations()) {
        QStringList values;
        for (const Measurement &m : o.measurements)
            values << QStringLiteral("%1=%2").arg(m.quantity).arg(m.value, 0, 'g', 10);
        p.observations << QStringLiteral("%1 %2 %3 %4")
                              .arg(o.entityId, o.observedAt.toString(Qt::ISODateWithMs),
                                   o.status, values.join(u','));
    }
    for (const Alert &a : situation.activeAlerts())
        p.capAlerts << QStringLiteral("%1 %2 %3")
                           .arg(a.sender, a.identifier, a.sent.toString(Qt::ISODateWithMs));
    for (const Report &r : situation.recentReports())
        p.reports << QStringLiteral("%1 %2 %3")
                         .arg(r.id, r.receivedAt.toString(Qt::ISODateWithMs), r.kecamatan);
    for (const AlertRecord &a : engine.alerts()) {
        p.alerts << QStringLiteral("%1|%2|%3 %4 %5 raised %6 updated %7 x%8 esc %9 active %10")
                        .arg(a.source, a.resource, a.event, alertStateKey(a.state),
                             severityKey(a.severity), a.raisedAt.toString(Qt::ISODate),
                             a.updatedAt.toString(Qt::ISODate))
                        .arg(a.duplicateCount)
                        .arg(a.escalationLevel)
                        .arg(a.conditionActive);
    }
    for (const Incident &i : board.incidents()) {
        QStringList members;
        for (const IncidentSignal &s : i.members)
            members << s.id;
        p.incidents << QStringLiteral("%1 %2 %3 state %4 %5..%6 [%7]")
                           .arg(i.displayId(), i.kecamatan, i.hazard)
                           .arg(int(i.state))
                           .arg(i.firstSignalAt.toString(Qt::ISODate),
                                i.lastSignalAt.toString(Qt::ISODate), members.join(u' '));
    }
    for (QStringList *list : {&p.observations, &p.capAlerts, &p.reports, &p.alerts})
        list->sort();
    return p;
}

Picture pictureOf(const ReplayModels &models)
{
    return pictureOf(models.situation(), models.alerts(), models.incidents());
}

// The storm at a fifth of its rate: every kind of event and rule, in seconds rather than minutes.
constexpr double kRate = 0.2;

// The lines one list has and the other has not, at most a few of each, for the failure message.
std::string difference(const QStringList &expected, const QStringList &actual)
{
    QStringList text;
    const QSet<QString> expectedSet(expected.cbegin(), expected.cend());
    const QSet<QString> actualSet(actual.cbegin(), actual.cend());
    for (const auto &[from, to, sign] : {std::tuple{&expected, &actualSet, "- "},
                                         std::tuple{&actual, &expectedSet, "+ "}}) {
        int shown = 0;
        for (const QString &line : *from) {
            if (!to->contains(line) && shown++ < 6)
                text << QLatin1String(sign) + line;
        }
    }
    return text.join(u'\n').toStdString();
}

void requireSame(const Picture &expected, const Picture &actual)
{
    const std::pair<const char *, const QStringList Picture::*> parts[] = {
        {"sensor readings", &Picture::observations}, {"CAP alerts in force", &Picture::capAlerts},
        {"reports of the day", &Picture::reports},   {"engine alerts", &Picture::alerts},
        {"incidents", &Picture::incidents}};
    for (const auto &[name, part] : parts) {
        INFO(name << ": " << (expected.*part).size() << " expected, " << (actual.*part).size()
                  << " got\n" << difference(expected.*part, actual.*part));
        CHECK((expected.*part == actual.*part));
    }
}

// The live wall's models, wired as WallApplication wires them, on a clock that follows the
// simulated time instead of the system's.
struct LiveWall
{
    WallClock clock;
    SituationModel situation{&clock};
    AlertEngine engine{&clock, shippedRules(), nullptr};
    IncidentBoard board{shippedFusion(), &clock, nullptr};

    LiveWall()
    {
        QObject::connect(&engine, &AlertEngine::alertsUpdated, &board,
                         [this](const AlertChanges &changes) {
                             for (const auto *ids : {&changes.inserted, &changes.changed}) {
                                 for (quint64 id : *ids) {
                                     const AlertRecord *alert = engine.alert(id);
                                     if (const auto signal = alert ? AlertSignals::fromAlert(*alert)
                                                                   : std::nullopt)
                                         board.addSignal(*signal);
                                 }
                             }
                         });
        QObject::connect(&clock, &WallClock::ticked, &board, &IncidentBoard::expire);
    }

    void receive(const QDateTime &at, const QList<DomainEvent> &events)
    {
        if (at > clock.now())
            clock.setFixedTime(at);
        situation.apply(events);
        engine.apply(events);
        engine.applyQueuedConditions();
        board.addEvents(events);
    }
};

template <typename Predicate> void waitFor(Predicate done)
{
    QDeadlineTimer deadline(20000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE(done());
}

} // namespace

TEST_CASE("replay: the state at T played forward equals the state rebuilt at T and the live one")
{
    const qint64 startMs = mondayMorningMs();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    const QDateTime t0 = start.addSecs(3600);        // where the replay starts
    QDateTime t = start.addSecs(2 * 3600);           // where it is compared
    REQUIRE(t < QDateTime::currentDateTimeUtc()); // history, not the future

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EventStore store;
    EventStore::Options options;
    options.path = dir.filePath(QStringLiteral("storm.sqlite"));
    options.retentionIntervalMinutes = 0;
    REQUIRE(store.open(options).isEmpty());

    // Two hours of storm, received as they were sent: into the store and into the live models.
    // The live picture is taken at T, before anything later arrives.
    std::vector<std::pair<QDateTime, StoredMessage>> messages;
    const qint64 received = replaytest::playStorm(
        startMs, t.toMSecsSinceEpoch() + 10 * 60000, kRate,
        [&](const QDateTime &sentAt, const StoredMessage &message) {
            messages.emplace_back(sentAt, message);
        });
    // The live wall takes a reading when it arrives, replay at the time it was observed: a
    // reading observed before T but still on the wire at T is on the replayed wall at T and not
    // yet on the live one. T is moved on to the next second with nothing on the wire.
    const auto onTheWireAt = [&](const QDateTime &time) {
        return std::any_of(messages.cbegin(), messages.cend(), [&](const auto &sent) {
            return sent.first > time
                   && std::any_of(sent.second.events.cbegin(), sent.second.events.cend(),
                                  [&](const DomainEvent &e) { return eventTime(e) <= time; });
        });
    };
    while (onTheWireAt(t))
        t = t.addSecs(1);
    INFO("compared at " << t.toString(Qt::ISODate).toStdString());

    LiveWall live;
    live.clock.setFixedTime(start);
    Picture livePicture;
    bool livePictureTaken = false;
    for (const auto &[sentAt, message] : messages) {
        if (!livePictureTaken && sentAt > t) {
            live.clock.setFixedTime(t);
            livePicture = pictureOf(live.situation, live.engine, live.board);
            livePictureTaken = true;
        }
        store.append(message);
        live.receive(sentAt, message.events);
    }
    REQUIRE(livePictureTaken);
    store.flush();
    REQUIRE(store.quarantined() == 0);
    INFO(received << " messages, " << store.storedEvents() << " events stored");
    REQUIRE(livePicture.observations.size() > 100);
    REQUIRE(livePicture.reports.size() > 10);
    REQUIRE(livePicture.alerts.size() > 5);
    REQUIRE(livePicture.incidents.size() > 3);

    // Rebuilt at T straight from the store (the 24 h warm-up starts before the storm).
    ReplaySession rebuilt(&store, shippedRules(), shippedFusion());
    QElapsedTimer timer;
    timer.start();
    rebuilt.seek(t);
    waitFor([&] { return rebuilt.state() == ReplaySession::State::Paused; });
    const qint64 rebuildMs = timer.elapsed();
    REQUIRE(rebuilt.time() == t);
    const Picture rebuiltPicture = pictureOf(*rebuilt.models());

    // Played forward: started at T0, then steps of 250 ms at 600x, 150 s each, to T.
    ReplaySession played(&store, shippedRules(), shippedFusion());
    played.seek(t0);
    waitFor([&] { return played.state() == ReplaySession::State::Paused; });
    REQUIRE(played.time() == t0);
    played.setSpeed(600);
    timer.restart();
    int steps = 0;
    while (played.time() < t) {
        const QDateTime before = played.time();
        const qint64 left = before.msecsTo(t);
        if (left < 600 * ReplaySession::kStepMs)
            played.setSpeed(1); // the last stretch in one step of its own length
        played.stepFor(std::min<qint64>(ReplaySession::kStepMs, left));
        waitFor([&] { return played.time() > before; });
        ++steps;
    }
    CHECK(steps > 20);
    const qint64 playMs = timer.elapsed();
    REQUIRE(played.time() == t);
    const Picture playedPicture = pictureOf(*played.models());
    WARN("replay of " << received << " storm messages: rebuilt at T in " << rebuildMs
                      << " ms; 1 h played forward at 600x in " << playMs << " ms");

    // Not sections: each would build the storm's store again.
    INFO("played forward against rebuilt");
    requireSame(rebuiltPicture, playedPicture);
    INFO("rebuilt against what the live wall showed at T");
    requireSame(livePicture, rebuiltPicture);
}

TEST_CASE("replay: the store hands back the events after from and up to to by time")
{
    QTemporaryDir dir;
    EventStore store;
    EventStore::Options options;
    options.path = dir.filePath(QStringLiteral("reports.sqlite"));
    options.retentionIntervalMinutes = 0;
    REQUIRE(store.open(options).isEmpty());
    const QDateTime at = QDateTime(QDate(2026, 11, 20), QTime(3, 0), Qt::UTC);
    Report report;
    report.source = QStringLiteral("laksa");
    report.id = QStringLiteral("LAKSA-1");
    report.receivedAt = at;
    report.category = QStringLiteral("banjir");
    report.kecamatan = QStringLiteral("Cibodas");
    StoredMessage message;
    message.feed = QStringLiteral("laksa");
    message.seq = 1;
    message.receivedAt = at;
    message.format = PayloadFormat::TlrReport;
    message.bytes = "{}";
    message.events = {report};
    message.personalDetails = {{report.id, QStringLiteral("Siti Rahayu"), QStringLiteral("+62811000111")}};
    store.append(message);
    store.flush();

    auto future = store.history(at.addSecs(-1), at);
    future.waitForFinished();
    const auto reply = future.result();
    REQUIRE(reply.ok());
    REQUIRE(reply.value.size() == 1);
    const Report &back = std::get<Report>(reply.value.first());
    CHECK(back.id == report.id);
    CHECK(back.category == QLatin1String("banjir"));

    // (from, to]: the lower end is open, so that steps of a replay never take an event twice.
    auto none = store.history(at, at.addSecs(60));
    none.waitForFinished();
    CHECK(none.result().value.isEmpty());
}
