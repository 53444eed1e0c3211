#include "FastPathCheck.h"
#include "ParsingTestSupport.h"

#include "FeedChannel.h"
#include "ScenarioBundle.h"
#include "Simulation.h"

#include <QDir>
#include <QJsonDocument>
#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

ParseContext fixedContext()
{
    ParseContext context;
    context.feedId = QStringLiteral("dishub-traffic");
    context.kind = FeedKind::Traffic;
    context.now = QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());
    return context;
}

QByteArray envelopeAround(const QByteArray &payload, const char *format = "ngsi-ld")
{
    return QByteArrayLiteral(R"({"feed":"dishub-traffic","seq":7,"sent":"2026-11-23T04:06:01Z","format":")")
           + format + QByteArrayLiteral(R"(","payload":)") + payload.trimmed() + '}';
}

QList<QByteArray> filesIn(const QString &directory)
{
    QList<QByteArray> contents;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        contents.append(file.readAll());
    }
    REQUIRE_FALSE(contents.isEmpty());
    return contents;
}

// Compares every frame; returns how many the fast path took.
int checkAll(const QList<QByteArray> &frames, const ParseContext &context = fixedContext())
{
    FastFrameParser fast(context);
    int taken = 0;
    for (const QByteArray &frame : frames) {
        const std::optional<QString> difference = fastPathDifference(fast, context, frame);
        INFO(frame.left(400).toStdString());
        if (difference) {
            CHECK(difference->toStdString() == "");
            ++taken;
        }
    }
    return taken;
}

const QByteArray kTrafficKeyValues = envelopeAround(R"({"id":"urn:ngsi-ld:TrafficFlowObserved:seg-1",
    "type":"TrafficFlowObserved","dateObserved":"2026-11-23T04:06:00Z","name":"Jl. Daan Mogot",
    "address":{"addressLocality":"Batuceper"},"location":{"type":"LineString",
    "coordinates":[[106.6512,-6.1651],[106.6555,-6.1660]]},"averageVehicleSpeed":21,
    "intensity":800,"occupancy":0.35})");

} // namespace

TEST_CASE("The fast path agrees with the QJsonDocument parsers on the fuzz seed frames")
{
    const QList<QByteArray> frames = filesIn(QStringLiteral(TLR_FUZZ_CORPUS_DIR "/envelope"));
    const int taken = checkAll(frames);
    // The heartbeat and the storm's NGSI-LD entities at least.
    CHECK(taken >= 3);
}

TEST_CASE("The fast path agrees on the NGSI-LD examples in an envelope")
{
    QList<QByteArray> frames;
    for (const QByteArray &payload : filesIn(QStringLiteral(TLR_TEST_DATA_DIR "/ngsi")))
        frames.append(envelopeAround(payload));
    for (const QByteArray &payload : filesIn(QStringLiteral(TLR_FUZZ_CORPUS_DIR "/ngsi_ld")))
        frames.append(envelopeAround(payload));
    const int taken = checkAll(frames);
    // Normalized and keyValues observations; alerts and notifications go the slow way.
    CHECK(taken >= 4);
}

TEST_CASE("The fast path agrees on every message the simulator's storm sends")
{
    const auto load = feedsim::ScenarioBundle::load(QStringLiteral("storm"));
    REQUIRE(load.bundle);
    const qint64 start = QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    feedsim::Simulation sim(*load.bundle, {17, start, 0.25});
    int ngsi = 0;
    int taken = 0;
    qint64 seq = 0;
    for (qint64 t = start; t < start + 3 * 3600000LL;) {
        t += 10 * 60000;
        for (const auto &m : sim.advanceTo(t)) {
            const QByteArray frame = feedsim::FeedChannel::envelope(m.feed, ++seq, m.simTimeMs,
                                                                    m.format, m.payload);
            ParseContext context = fixedContext();
            context.feedId = feedsim::feedIdKey(m.feed);
            context.now = QDateTime::fromMSecsSinceEpoch(m.simTimeMs, Qt::UTC);
            ngsi += m.format == PayloadFormat::NgsiLd;
            taken += checkAll({frame}, context);
        }
    }
    INFO(taken << " of " << ngsi << " NGSI-LD messages took the fast path");
    CHECK(ngsi > 500);
    // Alerts, notifications and readings the slow path warns about are the rest (35 of 27,576
    // when this was written).
    CHECK(taken > ngsi * 9 / 10);
}

TEST_CASE("The fast path takes the benchmark's keyValues traffic reading, field for field")
{
    FastFrameParser fast(fixedContext());
    const auto frame = fast.parse(kTrafficKeyValues);
    REQUIRE(frame);
    CHECK(frame->envelope.seq == 7);
    REQUIRE(frame->result.events.size() == 1);
    const auto &observation = std::get<Observation>(frame->result.events.first());
    CHECK(observation.entityType == QStringLiteral("TrafficFlowObserved"));
    CHECK(observation.kecamatan == QStringLiteral("Batuceper"));
    CHECK(observation.path.size() == 2);
    REQUIRE(observation.measurements.size() == 3);
    CHECK(observation.measurements.at(0).quantity == QStringLiteral("averageVehicleSpeed"));
    CHECK(checkAll({kTrafficKeyValues}) == 1);
}

TEST_CASE("The fast path leaves every doubtful frame to the slow path")
{
    const auto declines = [](const QByteArray &frame) {
        FastFrameParser fast(fixedContext());
        INFO(frame.toStdString());
        CHECK_FALSE(fast.parse(frame));
    };
    QByteArray entity = kTrafficKeyValues;
    SECTION("a key twice") { declines(entity.replace("\"intensity\":800", "\"intensity\":800,\"intensity\":9")); }
    SECTION("an escape") { declines(entity.replace("Jl. Daan Mogot", "Jl. Daan \\u004dogot")); }
    SECTION("a byte over 0x7f") { declines(entity.replace("Jl. Daan Mogot", "Jl. D\xc3\xa4\x61n Mogot")); }
    SECTION("a number that underflows, which QJsonDocument refuses") {
        declines(entity.replace("\"occupancy\":0.35", "\"occupancy\":1e-400"));
    }
    SECTION("negative zero as a double") { declines(entity.replace("\"intensity\":800", "\"intensity\":-0.0")); }
    SECTION("a number where text is expected: a warning") {
        declines(entity.replace("\"name\":\"Jl. Daan Mogot\"", "\"name\":5"));
    }
    SECTION("a word where a number is expected: a warning") {
        declines(entity.replace("\"intensity\":800", "\"intensity\":\"800\""));
    }
    SECTION("an unreadable time: a warning") {
        declines(entity.replace("2026-11-23T04:06:00Z", "yesterday"));
    }
    SECTION("a time in the future: rejected") {
        declines(entity.replace("2026-11-23T04:06:00Z", "2027-01-01T00:00:00Z"));
    }
    SECTION("a bad position: rejected") { declines(entity.replace("106.6512", "206.6512")); }
    SECTION("a seq that is not an integer") { declines(entity.replace("\"seq\":7", "\"seq\":7.5")); }
    SECTION("an unknown format") { declines(entity.replace("ngsi-ld", "ngsi-xx")); }
    SECTION("a CAP payload") { declines(envelopeAround(R"("<alert/>")", "cap")); }
    SECTION("an array of entities") {
        declines(envelopeAround('[' + kTrafficKeyValues.mid(kTrafficKeyValues.indexOf("payload") + 9).chopped(1) + ']'));
    }
    SECTION("not JSON") { declines(entity.chopped(1)); }
    SECTION("garbage after the envelope") { declines(entity + 'x'); }
    SECTION("a payload nested beyond the limit") {
        // The envelope's limit is the payload's plus one: 64 + 1 levels pass, one more does not.
        const ParserLimits limits;
        const auto nested = [](int depth) {
            return envelopeAround(R"({"id":"a","type":"TrafficFlowObserved","dateObserved":)"
                                  R"("2026-11-23T04:06:00Z","deep":)" + QByteArray(depth, '[')
                                  + QByteArray(depth, ']') + '}');
        };
        // The envelope and the entity are two levels; the rest is the array.
        const QByteArray atLimit = nested(limits.maxNestingDepth + 1 - 2);
        const QByteArray overLimit = nested(limits.maxNestingDepth + 1 - 1);
        REQUIRE(EnvelopeParser(limits).parse(atLimit).envelope);
        REQUIRE_FALSE(EnvelopeParser(limits).parse(overLimit).envelope);
        CHECK(checkAll({atLimit}) == 1);
        declines(overLimit);
    }
}

TEST_CASE("The fast path reads a heartbeat with any payload the slow path accepts")
{
    const QByteArray heartbeat =
        R"({"feed":"dishub-traffic","seq":3,"sent":"2026-11-23T04:06:01Z","format":"heartbeat"})";
    CHECK(checkAll({heartbeat}) == 1);
    FastFrameParser fast(fixedContext());
    const auto frame = fast.parse(heartbeat);
    REQUIRE(frame);
    CHECK(frame->envelope.format == PayloadFormat::Heartbeat);
    CHECK(frame->result.events.isEmpty());
}
