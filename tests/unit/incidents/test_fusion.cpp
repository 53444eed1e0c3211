#include "IncidentTestSupport.h"

#include "incidents/IncidentFusion.h"
#include "incidents/KecamatanLocator.h"
#include "map/BaseMapReader.h"

#include <QRandomGenerator>

using namespace tlr;
using namespace tlr::test;
using Outcome = IncidentFusion::Decision::Outcome;

TEST_CASE("Signals within the radius of an incident's anchor join it and those beyond it do not")
{
    IncidentFusion fusion(testConfig());
    const auto opened = fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    REQUIRE(opened.outcome == Outcome::Opened);
    CHECK(opened.incident == 1);

    const auto near =
        fusion.add(emergencyCall(QStringLiteral("112-2"), at(8, 5), moved(periuk(), 990, 0)));
    CHECK(near.outcome == Outcome::Joined);
    CHECK(near.incident == 1);

    // 1,010 m from the anchor, though only 20 m from the member at 990 m: the anchor decides,
    // so incidents never creep along a river.
    const auto far =
        fusion.add(emergencyCall(QStringLiteral("112-3"), at(8, 6), moved(periuk(), 1010, 0)));
    CHECK(far.outcome == Outcome::Opened);
    CHECK(far.incident == 2);
}

TEST_CASE("A signal joins only within the window around an incident's signals")
{
    IncidentFusion fusion(testConfig());
    REQUIRE(fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk())).outcome ==
            Outcome::Opened);
    // 60 minutes after the latest signal: still in.
    CHECK(fusion.add(emergencyCall(QStringLiteral("112-2"), at(9, 0), moved(periuk(), 100)))
              .outcome == Outcome::Joined);
    // The window now runs from the 09:00 member: 09:59 is in, 11:01 is not.
    CHECK(fusion.add(emergencyCall(QStringLiteral("112-3"), at(9, 59), moved(periuk(), 200)))
              .incident == 1);
    const auto late =
        fusion.add(emergencyCall(QStringLiteral("112-4"), at(11, 0), moved(periuk(), 200)));
    CHECK(late.outcome == Outcome::Opened);
    CHECK(late.incident == 2);
    // A late arrival time-stamped before the first signal, within the window, still joins.
    CHECK(fusion.add(emergencyCall(QStringLiteral("112-5"), at(7, 5), moved(periuk(), 50)))
              .incident == 1);
    // The span now starts at 07:05: 06:04 is more than an hour before it.
    CHECK(fusion.add(emergencyCall(QStringLiteral("112-6"), at(6, 4), moved(periuk(), 50, 180)))
              .outcome == Outcome::Opened);
}

TEST_CASE("Two close signals in different kecamatan stay apart")
{
    IncidentFusion fusion(testConfig());
    const auto a = fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    const auto b = fusion.add(emergencyCall(QStringLiteral("112-2"), at(8, 1), moved(periuk(), 30),
                                            QStringLiteral("Jatiuwung")));
    CHECK(a.outcome == Outcome::Opened);
    CHECK(b.outcome == Outcome::Opened);
    CHECK(a.incident != b.incident);
    // Kecamatan are compared as names, whatever their case and spacing.
    CHECK(fusion
              .add(emergencyCall(QStringLiteral("112-3"), at(8, 2), moved(periuk(), 40),
                                 QStringLiteral(" jatiuwung")))
              .incident == b.incident);
}

TEST_CASE("Without a kecamatan the base map's polygons place a signal across a real boundary")
{
    const auto map = BaseMapReader::readBuiltin();
    REQUIRE(map.ok());
    const KecamatanLocator locator(map.map);
    const auto *periukArea = map.map.find(BaseMapFeature::Kind::Kecamatan, u"Periuk");
    const auto *jatiuwungArea = map.map.find(BaseMapFeature::Kind::Kecamatan, u"Jatiuwung");
    REQUIRE(periukArea);
    REQUIRE(jatiuwungArea);
    const QGeoCoordinate from(periukArea->labelAt.y(), periukArea->labelAt.x());
    const QGeoCoordinate to(jatiuwungArea->labelAt.y(), jatiuwungArea->labelAt.x());
    REQUIRE(locator.locate(from) == QStringLiteral("Periuk"));
    REQUIRE(locator.locate(to) == QStringLiteral("Jatiuwung"));
    CHECK(locator.locate(QGeoCoordinate(-7.0, 110.0)).isEmpty());

    // Walk from one label towards the other until the kecamatan changes; step back and forth
    // 40 m across the boundary.
    const double azimuth = from.azimuthTo(to);
    double metres = 0;
    while (locator.locate(from.atDistanceAndAzimuth(metres + 10, azimuth)) ==
           QStringLiteral("Periuk"))
        metres += 10;
    const QGeoCoordinate inPeriuk = from.atDistanceAndAzimuth(metres - 20, azimuth);
    const QGeoCoordinate across = from.atDistanceAndAzimuth(metres + 30, azimuth);
    REQUIRE(inPeriuk.distanceTo(across) < 60);
    REQUIRE(locator.locate(across) != QStringLiteral("Periuk"));

    IncidentFusion fusion(testConfig(), locator);
    const auto a = fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), inPeriuk, {}));
    const auto b = fusion.add(emergencyCall(QStringLiteral("112-2"), at(8, 1), across, {}));
    REQUIRE(a.outcome == Outcome::Opened);
    REQUIRE(b.outcome == Outcome::Opened);
    CHECK(a.members.first().kecamatan == QStringLiteral("Periuk"));
    CHECK(b.members.first().kecamatan == locator.locate(across));

    // Outside the city and without a kecamatan: refused with the reason.
    const auto lost = fusion.add(
        emergencyCall(QStringLiteral("112-3"), at(8, 2), QGeoCoordinate(-7.0, 110.0), {}));
    CHECK(lost.outcome == Outcome::Refused);
    CHECK(lost.reason.contains(QStringLiteral("no kecamatan")));
}

TEST_CASE("Signals without a place or time are refused with the reason")
{
    IncidentFusion fusion(testConfig());
    IncidentSignal noPlace = emergencyCall(QStringLiteral("112-1"), at(8, 0), {});
    const auto a = fusion.add(noPlace);
    CHECK(a.outcome == Outcome::Refused);
    CHECK(a.reason == QStringLiteral("report:112-1 has no location"));
    const auto b = fusion.add(emergencyCall(QStringLiteral("112-2"), {}, periuk()));
    CHECK(b.reason == QStringLiteral("report:112-2 has no time"));
    IncidentSignal unknown = emergencyCall(QStringLiteral("x"), at(8, 0), periuk());
    unknown.kind = IncidentSignal::Kind::Unknown;
    CHECK(fusion.add(unknown).outcome == Outcome::Refused);
    CHECK(fusion.joinableCount() == 0);
}

TEST_CASE("Different hazards never share an incident and unlisted categories fit any")
{
    IncidentFusion fusion(testConfig());
    const auto flood = fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    const auto crash =
        fusion.add(emergencyCall(QStringLiteral("112-2"), at(8, 1), moved(periuk(), 50),
                                 QStringLiteral("Periuk"), QStringLiteral("kecelakaan")));
    CHECK(flood.hazard == QStringLiteral("flood"));
    CHECK(crash.outcome == Outcome::Opened);
    CHECK(crash.hazard == QStringLiteral("traffic"));
    // "pelayanan_publik" is under no hazard: it joins the nearest, the flood at 20 m.
    const auto other =
        fusion.add(emergencyCall(QStringLiteral("112-3"), at(8, 2), moved(periuk(), 20),
                                 QStringLiteral("Periuk"), QStringLiteral("pelayanan_publik")));
    CHECK(other.outcome == Outcome::Joined);
    CHECK(other.incident == flood.incident);
}

TEST_CASE("Observations only join: they wait for an incident and are taken in when one opens")
{
    IncidentFusion fusion(testConfig());
    const auto wait1 = fusion.add(floodReport(QStringLiteral("fr-1"), at(8, 0), periuk()));
    CHECK(wait1.outcome == Outcome::Waiting);
    const auto wait2 =
        fusion.add(floodReport(QStringLiteral("fr-2"), at(8, 2), moved(periuk(), 300)));
    CHECK(wait2.outcome == Outcome::Waiting);
    // Too far for the incident to come: keeps waiting.
    fusion.add(floodReport(QStringLiteral("fr-far"), at(8, 3), moved(periuk(), 3000)));
    CHECK(fusion.waitingCount() == 3);
    CHECK(fusion.joinableCount() == 0);

    const auto call =
        fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 10), moved(periuk(), 100)));
    REQUIRE(call.outcome == Outcome::Opened);
    REQUIRE(call.members.size() == 3);
    CHECK(call.members.at(0).id == QStringLiteral("112-1"));
    CHECK(call.members.at(1).id == QStringLiteral("fr-1"));
    CHECK(call.members.at(2).id == QStringLiteral("fr-2"));
    CHECK(fusion.waitingCount() == 1);

    // The same flood report sent again is an update of the member, not a second member.
    const auto again = fusion.add(floodReport(QStringLiteral("fr-1"), at(8, 30), periuk()));
    CHECK(again.outcome == Outcome::Updated);
    CHECK(again.incident == call.incident);
}

TEST_CASE("A complaint alone waits and a quorum of complaints close together opens an incident")
{
    IncidentFusion fusion(testConfig());
    CHECK(fusion.add(complaint(QStringLiteral("L-1"), at(8, 0), periuk())).outcome ==
          Outcome::Waiting);
    // Another hazard nearby does not count towards the quorum.
    CHECK(fusion
              .add(complaint(QStringLiteral("L-x"), at(8, 1), moved(periuk(), 30),
                             QStringLiteral("Periuk"), QStringLiteral("kemacetan")))
              .outcome == Outcome::Waiting);
    CHECK(fusion.add(complaint(QStringLiteral("L-2"), at(8, 5), moved(periuk(), 400))).outcome ==
          Outcome::Waiting);
    const auto third =
        fusion.add(complaint(QStringLiteral("L-3"), at(8, 9), moved(periuk(), 200)));
    REQUIRE(third.outcome == Outcome::Opened);
    QStringList ids;
    for (const auto &m : third.members)
        ids.append(m.id);
    CHECK(ids == QStringList{"L-3", "L-1", "L-2"});
    // Once open, a complaint joins like any other signal.
    CHECK(fusion.add(complaint(QStringLiteral("L-4"), at(8, 20), moved(periuk(), 100))).outcome ==
          Outcome::Joined);

    FusionConfig never = testConfig();
    never.complaintQuorum = 0;
    IncidentFusion strict(never);
    for (int i = 0; i < 10; ++i)
        CHECK(strict.add(complaint(QStringLiteral("L-%1").arg(i), at(8, i), periuk())).outcome ==
              Outcome::Waiting);
}

TEST_CASE("Alerts open incidents from the configured severity and milder ones only join")
{
    IncidentFusion fusion(testConfig());
    CHECK(fusion.add(alert(QStringLiteral("a-1"), at(8, 0), periuk(), Severity::Minor)).outcome ==
          Outcome::Waiting);
    const auto severe =
        fusion.add(alert(QStringLiteral("a-2"), at(8, 1), moved(periuk(), 100), Severity::Severe));
    REQUIRE(severe.outcome == Outcome::Opened);
    CHECK(severe.members.size() == 2); // the minor alert waited for it
    // An alert raised again with a higher severity updates its member.
    const auto raised =
        fusion.add(alert(QStringLiteral("a-1"), at(8, 10), periuk(), Severity::Extreme));
    CHECK(raised.outcome == Outcome::Updated);
    CHECK(raised.members.first().severity == Severity::Extreme);
}

TEST_CASE("A retired incident takes no more signals and expiry forgets old incidents and waiters")
{
    IncidentFusion fusion(testConfig());
    const auto first = fusion.add(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    fusion.retire(first.incident);
    const auto next = fusion.add(emergencyCall(QStringLiteral("112-2"), at(8, 1), periuk()));
    CHECK(next.outcome == Outcome::Opened);
    CHECK(next.incident != first.incident);
    fusion.add(floodReport(QStringLiteral("fr-1"), at(8, 2), moved(periuk(), 5000)));
    CHECK(fusion.joinableCount() == 1);
    CHECK(fusion.waitingCount() == 1);
    fusion.expire(at(10, 1)); // the window is an hour; a window late is still tolerated
    CHECK(fusion.joinableCount() == 1);
    fusion.expire(at(10, 3));
    CHECK(fusion.joinableCount() == 0);
    CHECK(fusion.waitingCount() == 0);
}

namespace {

// A city's worth of signals: 13 kecamatan as vertical strips, emergencies, complaints and
// flood reports at random places and times, of three hazards.
QList<IncidentSignal> randomSignals(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    QList<IncidentSignal> list;
    const QStringList categories = {"banjir", "kecelakaan", "kebakaran"};
    for (int i = 0; i < count; ++i) {
        const double lon = 106.58 + rng.bounded(0.13);
        const double lat = -6.26 + rng.bounded(0.12);
        const QString kecamatan = QStringLiteral("K%1").arg(int((lon - 106.58) / 0.01));
        const QDateTime time = at(0, 0).addSecs(qint64(i) * 3 + rng.bounded(600));
        const QString category = categories.at(int(rng.bounded(3)));
        const int kind = int(rng.bounded(10));
        const QGeoCoordinate where(lat, lon);
        const QString id = QString::number(i);
        if (kind < 3)
            list.append(emergencyCall(id, time, where, kecamatan, category));
        else if (kind < 8)
            list.append(complaint(id, time, where, kecamatan, category));
        else
            list.append(floodReport(id, time, where, kecamatan));
    }
    return list;
}

QString fingerprint(IncidentFusion &fusion, const QList<IncidentSignal> &signalList)
{
    QString text;
    for (const IncidentSignal &s : signalList) {
        const auto d = fusion.add(s);
        text += QStringLiteral("%1>%2:%3 ").arg(s.id).arg(int(d.outcome)).arg(d.incident);
    }
    return text;
}

} // namespace

TEST_CASE("The same signals in the same order give the same incidents")
{
    const QList<IncidentSignal> signalList = randomSignals(7, 5000);
    IncidentFusion first(testConfig());
    IncidentFusion second(testConfig());
    const QString a = fingerprint(first, signalList);
    CHECK(a == fingerprint(second, signalList));
    CHECK(first.nextId() > 10);
    // A different order may fuse differently, but never loses a signal.
    QList<IncidentSignal> reversed(signalList.crbegin(), signalList.crend());
    IncidentFusion third(testConfig());
    CHECK(fingerprint(third, reversed).count(QLatin1Char('>')) == signalList.size());
}

TEST_CASE("The grid finds exactly what a scan of every incident finds")
{
    // The reference: every joinable incident's anchor checked by distance, no index.
    struct Anchor
    {
        qint64 id;
        QGeoCoordinate at;
        QString kecamatan;
    };
    const QList<IncidentSignal> signalList = randomSignals(11, 3000);
    FusionConfig config = testConfig();
    config.hazardOfCategory.clear();
    config.windowMinutes = 7 * 24 * 60; // time never separates: only space is compared
    IncidentFusion fusion(config);
    QList<Anchor> anchors;
    for (const IncidentSignal &s : signalList) {
        const auto d = fusion.add(s);
        qint64 expected = 0;
        double best = 0;
        for (const Anchor &a : anchors) {
            const double distance = a.at.distanceTo(s.location);
            if (a.kecamatan == s.kecamatan && distance <= config.radiusMetres &&
                (expected == 0 || distance < best)) {
                expected = a.id;
                best = distance;
            }
        }
        if (expected != 0) {
            INFO("signal " << s.id.toStdString());
            REQUIRE(d.incident == expected);
        } else if (d.outcome == Outcome::Opened) {
            CHECK(d.outcome != Outcome::Joined);
            anchors.append({d.incident, s.location, s.kecamatan});
        }
    }
    CHECK(anchors.size() > 50);
}
