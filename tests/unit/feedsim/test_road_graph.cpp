#include "FeedsimTestSupport.h"
#include "RoadGraph.h"
#include "Simulation.h"

#include <catch2/catch.hpp>

#include <QSet>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

TEST_CASE("Ambulances route along the road network, all of it reachable")
{
    const Network network = loadBundle(QStringLiteral("normal")).network;
    const RoadGraph graph(network.roads);
    CHECK(graph.nodeCount() > 100);
    CHECK(graph.componentCount() == 1);

    const GeoPoint periuk =
        network.kecamatan.at(network.kecamatanIndex(QStringLiteral("Periuk"))).center;
    const GeoPoint larangan =
        network.kecamatan.at(network.kecamatanIndex(QStringLiteral("Larangan"))).center;
    const QList<GeoPoint> route = graph.route(periuk, larangan);
    REQUIRE(route.size() > 5);
    CHECK(route.last().distanceTo(larangan) < 1);
    double length = periuk.distanceTo(route.first());
    for (qsizetype i = 1; i < route.size(); ++i)
        length += route.at(i - 1).distanceTo(route.at(i));
    const double straight = periuk.distanceTo(larangan);
    CHECK(length >= straight);
    CHECK(length < 1.6 * straight);
}

TEST_CASE("Ambulances answer incidents: out, on scene, to hospital, parked again")
{
    Simulation sim(loadBundle(QStringLiteral("normal")), {2, mondayMorningMs(), 1.0});
    QHash<QString, QStringList> statuses; // per ambulance, each change
    for (const auto &m : sim.advanceTo(mondayMorningMs() + 3 * 3600000LL)) {
        const QJsonObject e = m.payload.toObject();
        if (e.value(QLatin1String("type")).toString() != QLatin1String("Vehicle"))
            continue;
        const QString status = attribute(e, QStringLiteral("serviceStatus")).toString();
        QStringList &seen = statuses[e.value(QLatin1String("id")).toString()];
        if (seen.isEmpty() || seen.last() != status)
            seen.append(status);
    }
    CHECK(statuses.size() == 15);
    int fullCycles = 0;
    for (const auto &seen : std::as_const(statuses)) {
        const QString text = seen.join(u' ');
        fullCycles += text.count(QStringLiteral("parked onRoute atScene toHospital parked"));
    }
    CHECK(fullCycles >= 5);
}
