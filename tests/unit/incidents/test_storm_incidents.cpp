// The storm scenario (resources/scenarios/storm.json) as the wall receives it: the simulator's
// own messages, parsed by the real parsers, fused by the real fusion with the shipped
// configuration. Prints how many incidents form and how many signals they hold.

#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentBoard.h"
#include "incidents/KecamatanLocator.h"
#include "map/BaseMapReader.h"
#include "parsing/PayloadParser.h"

#include <QElapsedTimer>

#include <map>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

struct StormRun
{
    std::vector<Incident> incidents;
    IncidentBoard::Counters counters;
    qint64 waitingAtEnd = 0;
    qint64 fusionNs = 0;
    QStringList fingerprint;
};

StormRun run(const QString &scenario, double hours, double rate)
{
    const ScenarioBundle bundle = loadBundle(scenario);
    Simulation sim(bundle, {11, mondayMorningMs(), rate});
    const auto config = FusionConfigReader::readBuiltin();
    REQUIRE(config.config);
    const auto map = BaseMapReader::readBuiltin();
    REQUIRE(map.ok());
    IncidentBoard board(*config.config, KecamatanLocator(map.map), nullptr, nullptr);

    StormRun result;
    QElapsedTimer timer;
    const qint64 end = mondayMorningMs() + qint64(hours * 3600000);
    for (qint64 t = mondayMorningMs(); t < end;) {
        t = std::min(end, t + 5 * 60000);
        for (const SimMessage &m : sim.advanceTo(t)) {
            // Only the formats that carry signals; parsing the rest would only cost time.
            if (m.format != PayloadFormat::TlrReport && m.format != PayloadFormat::GeoJson)
                continue;
            ParseContext context;
            context.feedId = feedIdKey(m.feed);
            context.now = QDateTime::fromMSecsSinceEpoch(m.simTimeMs, Qt::UTC);
            Envelope envelope;
            envelope.feed = context.feedId;
            envelope.format = m.format;
            envelope.payload = m.payload;
            const ParseResult parsed = PayloadParser(context).parse(envelope);
            REQUIRE_FALSE(parsed.isRejected());
            timer.start();
            board.addEvents(parsed.events);
            result.fusionNs += timer.nsecsElapsed();
        }
    }
    result.incidents = board.incidents();
    result.counters = board.counters();
    result.waitingAtEnd = board.fusion().waitingCount();
    for (const Incident &i : result.incidents)
        result.fingerprint.append(
            QStringLiteral("%1:%2:%3").arg(i.id).arg(i.kecamatan).arg(i.members.size()));
    return result;
}

struct Tally
{
    int incidents = 0;
    qint64 members = 0;
    int multi = 0; // incidents of more than one signal
    qsizetype largest = 0;
};

void print(const QString &name, double hours, double rate, const StormRun &r)
{
    std::map<QString, Tally> byHazard;
    std::map<QString, Tally> floodByKecamatan;
    for (const Incident &i : r.incidents) {
        for (Tally *t :
             {&byHazard[i.hazard.isEmpty() ? QStringLiteral("-") : i.hazard],
              i.hazard == QLatin1String("flood") ? &floodByKecamatan[i.kecamatan] : nullptr}) {
            if (!t)
                continue;
            ++t->incidents;
            t->members += i.members.size();
            t->multi += i.members.size() > 1 ? 1 : 0;
            t->largest = std::max(t->largest, i.members.size());
        }
    }
    const auto &c = r.counters;
    QString text =
        QStringLiteral("%1, %2 h at rate %3: %4 signals, %5 incidents holding %6 "
                       "signals (%7 updates), %8 waited, %9 still waiting, %10 "
                       "refused; fusion %11 us per signal\n")
            .arg(name)
            .arg(hours)
            .arg(rate)
            .arg(c.received)
            .arg(c.opened)
            .arg(c.joined)
            .arg(c.updated)
            .arg(c.waited)
            .arg(r.waitingAtEnd)
            .arg(c.refused)
            .arg(double(r.fusionNs) / 1000.0 / double(std::max<qint64>(1, c.received)), 0, 'f', 1);
    for (const auto &[hazard, t] : byHazard)
        text += QStringLiteral("  %1: %2 incidents, %3 signals, %4 with 2+, largest %5\n")
                    .arg(hazard, -12)
                    .arg(t.incidents)
                    .arg(t.members)
                    .arg(t.multi)
                    .arg(t.largest);
    text += QStringLiteral("  flood incidents by kecamatan:");
    for (const auto &[kecamatan, t] : floodByKecamatan)
        text += QStringLiteral(" %1 %2/%3").arg(kecamatan).arg(t.incidents).arg(t.members);
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

int floodSignals(const StormRun &r)
{
    int n = 0;
    for (const Incident &i : r.incidents) {
        if (i.hazard == QLatin1String("flood"))
            n += int(i.members.size());
    }
    return n;
}

} // namespace

TEST_CASE("The storm's flood calls and reports fuse into incidents in the flooded kecamatan")
{
    const double hours = 9, rate = 0.25;
    const StormRun storm = run(QStringLiteral("storm"), hours, rate);
    print(QStringLiteral("storm"), hours, rate, storm);
    REQUIRE_FALSE(storm.incidents.empty());
    CHECK(storm.counters.refused == 0); // every simulated report has a place and a kecamatan

    const auto config = *FusionConfigReader::readBuiltin().config;
    const QSet<QString> lowLying = {"Periuk", "Neglasari", "Benda", "Batuceper", "Tangerang"};
    int floodIncidents = 0, lowLyingFloodSignals = 0, largestFlood = 0;
    for (const Incident &i : storm.incidents) {
        // Every member within the radius of the anchor, of the same kecamatan and hazard.
        for (const IncidentSignal &m : i.members) {
            CHECK(m.kecamatan == i.kecamatan);
            CHECK(i.anchor.distanceTo(m.location) <= config.radiusMetres);
            const QString hazard = config.hazard(m.category);
            CHECK((hazard.isEmpty() || hazard == i.hazard));
        }
        if (i.hazard != QLatin1String("flood"))
            continue;
        ++floodIncidents;
        largestFlood = std::max(largestFlood, int(i.members.size()));
        if (lowLying.contains(i.kecamatan))
            lowLyingFloodSignals += int(i.members.size());
    }
    CHECK(floodIncidents > 0);
    // The flood concentrates in the low north and west, and calls pile up on the same places.
    CHECK(lowLyingFloodSignals >= 0.6 * floodSignals(storm));
    CHECK(largestFlood >= 5);

    // Same scenario, seed and order: the same incidents.
    const StormRun again = run(QStringLiteral("storm"), hours, rate);
    CHECK(again.fingerprint == storm.fingerprint);

    // A normal day has routine emergencies but far fewer flood signals in incidents.
    const StormRun normal = run(QStringLiteral("normal"), hours, rate);
    print(QStringLiteral("normal"), hours, rate, normal);
    CHECK(floodSignals(normal) * 3 < floodSignals(storm));
}

// On demand (hidden from ctest): the whole storm at the simulator's own rate, as the demo wall
// receives it. test_incidents_storm "[.figures]"
TEST_CASE("Storm figures at the demo's full rate", "[.figures]")
{
    const StormRun storm = run(QStringLiteral("storm"), 9, 1.0);
    print(QStringLiteral("storm"), 9, 1.0, storm);
    CHECK_FALSE(storm.incidents.empty());
}
