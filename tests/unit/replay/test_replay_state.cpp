// Replay's promise: the state at a time T is the same whether the wall was live at T, or was
// rebuilt from the store at T, or was played forward from the store to T from an earlier time.
// The storm scenario's own messages (resources/scenarios/storm.json), parsed by the real parsers,
// go into a real store and, with a clock that follows the simulated time, into the models the
// live wall runs; then ReplaySession rebuilds and plays the same hours back.

#include "StormHistory.h"

#include "alerts/AlertEngine.h"
#include "audit/AuditLog.h"
#include "feeds/FeedsFileReader.h"
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
#include <QEventLoop>
#include <QTimer>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>

#include <ctime>
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

// The room's feeds and their agencies, as the demo feeds file names them.
QHash<QString, Agency> feedAgencies()
{
    const auto read = FeedsFileReader::readFile(FeedsFileReader::demoFeedsPath(),
                                                {{QStringLiteral("DEMO_PORT"), {}}});
    REQUIRE(std::holds_alternative<FeedsFile>(read));
    QHash<QString, Agency> agencies;
    for (const FeedConfig &feed : std::get<FeedsFile>(read).feeds)
        agencies.insert(feed.id, feed.agency);
    return agencies;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The longest gap between turns of this thread's event loop while it is watched: how long the
// windows would have stopped painting.
class StallMonitor
{
public:
    StallMonitor()
    {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longestMs = std::max(m_longestMs, m_sinceTurn.restart());
        });
        m_sinceTurn.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longestMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTurn;
    qint64 m_longestMs = 0;
};

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
    for (const SharedReport &r : situation.recentReports())
        p.reports << QStringLiteral("%1 %2 %3")
                         .arg(r->id, r->receivedAt.toString(Qt::ISODateWithMs), r->kecamatan);
    for (const AlertRecord &a : engine.alerts()) {
        p.alerts << QStringLiteral("%1|%2|%3 %4 %5 raised %6 updated %7 x%8 esc %9 active %10")
                        .arg(a.source, a.resource, a.event, alertStateKey(a.state),
                             severityKey(a.severity), a.raisedAt.toString(Qt::ISODate),
                             a.updatedAt.toString(Qt::ISODate))
                        .arg(a.duplicateCount)
                        .arg(a.escalationLevel)
                        .arg(a.conditionActive)
                    + QStringLiteral(" agency %1 ack %2 %3 \"%4\" shelf %5 until %6 \"%7\"")
                          .arg(agencyKey(a.agency), a.acknowledgedBy,
                               a.acknowledgedAt.toString(Qt::ISODate), a.acknowledgeNote,
                               a.shelvedBy, a.shelvedUntil.toString(Qt::ISODate),
                               a.shelveReason);
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
// TLR_REPLAY_RATE=1 runs it at its full rate, to measure a busier rebuild.
double stormRate()
{
    bool ok = false;
    const double rate = qEnvironmentVariable("TLR_REPLAY_RATE").toDouble(&ok);
    return ok && rate > 0.0 ? rate : 0.2;
}

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
    AlertEngine engine;
    IncidentBoard board{shippedFusion(), &clock, nullptr};

    explicit LiveWall(AuditRecorder *audit)
        : engine(&clock, shippedRules(), audit)
    {
        // As the live wall learns them from the feeds' statuses.
        engine.setFeedAgencies(feedAgencies());
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
        startMs, t.toMSecsSinceEpoch() + 10 * 60000, stormRate(),
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

    // A supervisor takes alerts as the storm goes on, recorded in the audit log as the wall
    // records them: an acknowledgement before T0, one after, a shelf after; the feeds' own
    // (CAP) alerts first, which outlast a warm-up.
    AuditLog audit(&store);
    LiveWall live(&audit);
    const Actor supervisor{QStringLiteral("sari"), Role::Supervisor};
    const auto pickUnacknowledged = [&]() -> std::optional<quint64> {
        std::optional<AlertRecord> pick;
        for (const AlertRecord &a : live.engine.alerts()) {
            if (a.state != AlertState::Unacknowledged || !a.live)
                continue;
            const auto rank = [](const AlertRecord &r) {
                return std::pair(r.origin != QLatin1String("feed"), r.id);
            };
            if (!pick || rank(a) < rank(*pick))
                pick = a;
        }
        return pick ? std::optional(pick->id) : std::nullopt;
    };
    struct Act
    {
        QDateTime at;
        bool shelve;
        bool done = false;
    };
    std::vector<Act> acts{{start.addSecs(50 * 60), false},
                          {start.addSecs(70 * 60), false},
                          {start.addSecs(85 * 60), true}};
    live.clock.setFixedTime(start);
    Picture livePicture;
    QList<AlertRecord> liveAlertsAtT;
    bool livePictureTaken = false;
    for (const auto &[sentAt, message] : messages) {
        if (!livePictureTaken && sentAt > t) {
            live.clock.setFixedTime(t);
            livePicture = pictureOf(live.situation, live.engine, live.board);
            liveAlertsAtT = live.engine.alerts();
            livePictureTaken = true;
        }
        store.append(message);
        live.receive(sentAt, message.events);
        for (Act &act : acts) {
            if (act.done || sentAt < act.at)
                continue;
            const auto id = pickUnacknowledged();
            REQUIRE(id);
            const auto result =
                act.shelve ? live.engine.shelve(*id, supervisor, QStringLiteral("pump crew"),
                                                live.clock.now().addSecs(3 * 3600))
                           : live.engine.acknowledge(*id, supervisor, QStringLiteral("seen"));
            INFO(result.reason.toStdString());
            REQUIRE(result);
            act.done = true;
        }
    }
    REQUIRE(livePictureTaken);
    audit.flush();
    store.flush();
    REQUIRE(store.quarantined() == 0);
    INFO(received << " messages, " << store.storedEvents() << " events stored");
    REQUIRE(livePicture.observations.size() > 100);
    REQUIRE(livePicture.reports.size() > 10);
    REQUIRE(livePicture.alerts.size() > 5);
    REQUIRE(livePicture.incidents.size() > 3);
    const auto actsShown = [](const Picture &p, const QString &what) {
        return std::count_if(p.alerts.cbegin(), p.alerts.cend(),
                             [&](const QString &line) { return line.contains(what); });
    };
    REQUIRE(actsShown(livePicture, QStringLiteral(" shelf sari ")) == 1);
    REQUIRE(actsShown(livePicture, QStringLiteral(" ack sari ")) >= 1);

    // Rebuilt at T straight from the store (the 24 h warm-up starts before the storm), on the
    // rebuild's own thread: this thread's event loop keeps turning meanwhile.
    // Measured by thread CPU time against this thread's cost of waiting alone (the monitor's
    // timer, the wait loop), not by wall time: the machine is shared.
    // The event loop sleeps between events here (waitFor's loop would spin).
    QElapsedTimer timer;
    double idleCpuPerMs = 0.0;
    {
        StallMonitor stalls;
        QEventLoop idle;
        timer.start();
        const double cpu = threadCpuMs();
        QTimer::singleShot(500, &idle, &QEventLoop::quit);
        idle.exec();
        idleCpuPerMs = (threadCpuMs() - cpu) / double(timer.elapsed());
    }
    ReplaySession rebuilt(&store, shippedRules(), shippedFusion());
    rebuilt.setFeedAgencies(feedAgencies());
    timer.restart();
    double guiCpu = threadCpuMs();
    qint64 longestStallMs = 0;
    {
        StallMonitor stalls;
        QEventLoop rebuilding;
        QObject::connect(&rebuilt, &ReplaySession::stateChanged, &rebuilding,
                         [&](ReplaySession::State state) {
                             if (state != ReplaySession::State::Loading)
                                 rebuilding.quit();
                         });
        QTimer::singleShot(120000, &rebuilding, &QEventLoop::quit);
        rebuilt.seek(t);
        rebuilding.exec();
        REQUIRE(rebuilt.state() == ReplaySession::State::Paused);
        longestStallMs = stalls.longestMs();
    }
    guiCpu = threadCpuMs() - guiCpu;
    const qint64 rebuildMs = timer.elapsed();
    const double guiRebuildCpu = guiCpu - idleCpuPerMs * double(rebuildMs);
    REQUIRE(rebuilt.time() == t);
    const Picture rebuiltPicture = pictureOf(*rebuilt.models());
    CHECK(rebuilt.models()->alertActionsApplied() == 3);
    CHECK(rebuilt.models()->alertActionsRefused() == 0);
    WARN("rebuilt " << rebuilt.lastRebuildEvents() << " readings and events in " << rebuildMs
                    << " ms: rebuilding thread CPU " << rebuilt.lastRebuildCpuMs()
                    << " ms; this (GUI) thread's CPU meanwhile " << guiCpu << " ms, "
                    << guiRebuildCpu << " ms above waiting alone; its longest stall "
                    << longestStallMs << " ms");
    // The work is the rebuilding thread's: this one goes on turning and takes the models.
    CHECK(longestStallMs < std::max<qint64>(rebuildMs / 2, 250));

    // Played forward: started at T0, then steps of 250 ms at 600x, 150 s each, to T.
    ReplaySession played(&store, shippedRules(), shippedFusion());
    played.setFeedAgencies(feedAgencies());
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

    // A warm-up that starts after the acts: those still holding then are taken as they stood
    // (from the audit log), on the alerts replay raises again at the warm-up's start.
    ReplaySession late(&store, shippedRules(), shippedFusion());
    late.seek(t, t.addSecs(-20 * 60));
    waitFor([&] { return late.state() == ReplaySession::State::Paused; });
    int standing = 0;
    for (const AlertRecord &a : std::as_const(liveAlertsAtT)) {
        if (a.shelvedBy.isEmpty() && (a.state != AlertState::Acknowledged))
            continue;
        const AlertRecord *again = late.models()->alerts().find(a.source, a.resource, a.event);
        if (!again)
            continue;
        INFO(a.source.toStdString() << "|" << a.resource.toStdString() << "|"
                                    << a.event.toStdString());
        ++standing;
        CHECK(again->state == a.state);
        CHECK(again->acknowledgedBy == a.acknowledgedBy);
        CHECK(again->shelvedBy == a.shelvedBy);
        CHECK(again->shelvedUntil == a.shelvedUntil);
    }
    CHECK(standing >= 1);

    // Cancelled: a seek given up at once (Esc) costs at most a slice of the rebuild.
    auto cancelled = std::make_unique<ReplaySession>(&store, shippedRules(), shippedFusion());
    cancelled->seek(t);
    QCoreApplication::processEvents();
    timer.restart();
    cancelled.reset();
    WARN("a rebuild cancelled and its session destroyed in " << timer.elapsed() << " ms");
}

TEST_CASE("replay: a CAP alert sent a day and more before T and in force at T is replayed")
{
    QTemporaryDir dir;
    EventStore store;
    EventStore::Options options;
    options.path = dir.filePath(QStringLiteral("cap.sqlite"));
    options.retentionIntervalMinutes = 0;
    REQUIRE(store.open(options).isEmpty());
    const QDateTime t = QDateTime(QDate(2026, 11, 20), QTime(3, 0), Qt::UTC);
    const auto capAlert = [](const QString &id, const QDateTime &sent, const QDateTime &expires) {
        Alert a;
        a.source = QStringLiteral("tirta-water");
        a.identifier = id;
        a.sender = QStringLiteral("bmkg@example.id");
        a.sent = sent;
        a.status = Alert::Status::Actual;
        a.msgType = Alert::MsgType::Alert;
        a.scope = Alert::Scope::Public;
        AlertInfo info;
        info.event = QStringLiteral("Flood watch");
        info.severity = Severity::Severe;
        info.urgency = AlertInfo::Urgency::Expected;
        info.certainty = AlertInfo::Certainty::Likely;
        info.headline = QStringLiteral("Flood watch ") + id;
        info.expires = expires;
        a.infos = {info};
        return a;
    };
    qint64 seq = 0;
    // One in force at T, sent 30 h before; one that was over before the warm-up began.
    const Alert lasting = capAlert(QStringLiteral("CAP-LONG"), t.addSecs(-30 * 3600),
                                   t.addSecs(2 * 3600));
    const Alert over = capAlert(QStringLiteral("CAP-OVER"), t.addSecs(-40 * 3600),
                                t.addSecs(-26 * 3600));
    for (const Alert &a : {lasting, over}) {
        StoredMessage message;
        message.feed = a.source;
        message.seq = ++seq;
        message.receivedAt = a.sent;
        message.format = PayloadFormat::Cap;
        message.bytes = "<alert/>";
        message.events = {a};
        store.append(message);
    }
    store.flush();

    ReplaySession replay(&store, shippedRules(), shippedFusion());
    replay.setFeedAgencies(feedAgencies());
    replay.seek(t);
    waitFor([&] { return replay.state() == ReplaySession::State::Paused; });
    REQUIRE(replay.models());
    QStringList inForce;
    for (const Alert &a : replay.models()->situation().activeAlerts())
        inForce << a.identifier;
    CHECK(inForce == QStringList{QStringLiteral("CAP-LONG")});
    const QList<AlertRecord> alerts = replay.models()->alerts().alerts();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts.first().resource == QLatin1String("CAP-LONG"));
    CHECK(alerts.first().state == AlertState::Unacknowledged);
    CHECK(alerts.first().agency == Agency::TirtaBenteng);
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
