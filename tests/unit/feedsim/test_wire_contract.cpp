#include "FeedChannel.h"
#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include "parsing/EnvelopeParser.h"
#include "parsing/PayloadParser.h"

#include <catch2/catch.hpp>

#include <map>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

FeedKind kindOf(FeedId feed)
{
    switch (feed) {
    case FeedId::DishubTraffic:
        return FeedKind::Traffic;
    case FeedId::DinkesHealth:
        return FeedKind::Health;
    case FeedId::TirtaWater:
        return FeedKind::Water;
    case FeedId::DlhEnvironment:
        return FeedKind::Environment;
    case FeedId::Emergency112:
        return FeedKind::Emergency;
    case FeedId::Unknown:
        break;
    }
    return FeedKind::Unknown;
}

} // namespace

// The simulator and the wall's parsers are two ends of docs/wire.md: every message the storm
// produces, in every format, must go through the models' parsers without an error.
TEST_CASE("Everything the simulator sends is accepted by the wall's parsers")
{
    const ScenarioBundle bundle = loadBundle(QStringLiteral("storm"));
    Simulation sim(bundle, {17, mondayMorningMs(), 0.25});
    std::map<PayloadFormat, int> accepted;
    std::map<QString, int> warnings;
    const qint64 end = mondayMorningMs() + 6 * 3600000LL;
    for (qint64 t = mondayMorningMs(); t < end;) {
        t += 10 * 60000;
        for (const auto &m : sim.advanceTo(t)) {
            const QByteArray frame =
                FeedChannel::envelope(m.feed, 1, m.simTimeMs, m.format, m.payload);
            const auto envelope = EnvelopeParser().parse(frame);
            REQUIRE(envelope.envelope);
            ParseContext context;
            context.feedId = feedIdKey(m.feed);
            context.kind = kindOf(m.feed);
            context.now = QDateTime::fromMSecsSinceEpoch(m.simTimeMs, Qt::UTC);
            const ParseResult result = PayloadParser(context).parse(*envelope.envelope);
            INFO(frame.left(600).toStdString());
            INFO(result.firstError().toStdString());
            REQUIRE_FALSE(result.isRejected());
            CHECK_FALSE(result.events.isEmpty());
            for (const auto &p : result.problems)
                ++warnings[p.toString().left(80)];
            ++accepted[m.format];
        }
    }
    for (const auto &[text, count] : warnings)
        WARN(count << " x " << text.toStdString());
    CHECK(accepted[PayloadFormat::NgsiLd] > 1000);
    CHECK(accepted[PayloadFormat::Cap] >= 3);
    CHECK(accepted[PayloadFormat::GeoJson] > 10);
    CHECK(accepted[PayloadFormat::TlrReport] > 100);
}
