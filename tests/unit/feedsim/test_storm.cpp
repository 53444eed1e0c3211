#include "FeedsimTestSupport.h"
#include "Simulation.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSet>
#include <QXmlStreamReader>

#include <map>

using namespace tlr;
using namespace tlr::feedsim;
using namespace tlr::feedsim::test;

namespace {

struct Observed
{
    QStringList riverLevels; // each change of the Pintu Air 10 alert level, in order
    double maxRiverCm = 0;
    std::map<QString, int> floodReportsByKecamatan;
    std::map<QString, int> floodCallsByKecamatan;
    QStringList capTypes;
    QList<QXmlStreamReader::Error> capErrors;
    int capInfoBlocks = 0;
    QSet<QString> capLanguages;
    int closures = 0;
    double periukSpeedEarly = 0, periukSpeedPeak = 0;
    int periukEarly = 0, periukPeak = 0;
};

Observed runScenario(const QString &name, double hours)
{
    const ScenarioBundle bundle = loadBundle(name);
    // A quarter of the routine load keeps the test quick; the storm's own events are per hour
    // of simulated time and scale the same way.
    Simulation sim(bundle, {11, mondayMorningMs(), 0.25});
    Observed o;
    const qint64 end = mondayMorningMs() + qint64(hours * 3600000);
    const QSet<QString> periuk = [&] {
        QSet<QString> ids;
        for (const auto &r : bundle.network.roads) {
            if (r.kecamatan == QLatin1String("Periuk") ||
                r.kecamatan == QLatin1String("Neglasari") ||
                r.kecamatan == QLatin1String("Batuceper"))
                ids.insert(QStringLiteral("urn:ngsi-ld:TrafficFlowObserved:tangerang-") + r.id);
        }
        return ids;
    }();
    for (qint64 t = mondayMorningMs(); t < end;) {
        t = std::min(end, t + 10 * 60000);
        for (const auto &m : sim.advanceTo(t)) {
            const double minutes = double(m.simTimeMs - mondayMorningMs()) / 60000.0;
            if (m.format == PayloadFormat::NgsiLd) {
                const QJsonObject e = m.payload.toObject();
                const QString type = e.value(QLatin1String("type")).toString();
                const QString id = e.value(QLatin1String("id")).toString();
                if (type == QLatin1String("WaterObserved") &&
                    id.contains(QLatin1String("pintu-air-10"))) {
                    const QString level = attribute(e, QStringLiteral("alertLevel")).toString();
                    if (o.riverLevels.isEmpty() || o.riverLevels.last() != level)
                        o.riverLevels.append(level);
                    o.maxRiverCm =
                        std::max(o.maxRiverCm, attribute(e, QStringLiteral("height")).toDouble());
                } else if (type == QLatin1String("Alert") &&
                           attribute(e, QStringLiteral("subCategory")).toString() ==
                               QLatin1String("roadClosed")) {
                    ++o.closures;
                } else if (type == QLatin1String("TrafficFlowObserved") && periuk.contains(id)) {
                    const double speed =
                        attribute(e, QStringLiteral("averageVehicleSpeed")).toDouble();
                    if (minutes < 15) {
                        o.periukSpeedEarly += speed;
                        ++o.periukEarly;
                    } else if (minutes > 180 && minutes < 220) {
                        o.periukSpeedPeak += speed;
                        ++o.periukPeak;
                    }
                }
            } else if (m.format == PayloadFormat::GeoJson) {
                const QJsonObject fc = m.payload.toObject();
                REQUIRE(fc.value(QLatin1String("type")).toString() ==
                        QStringLiteral("FeatureCollection"));
                const QJsonArray features = fc.value(QLatin1String("features")).toArray();
                REQUIRE_FALSE(features.isEmpty());
                for (const auto &f : features) {
                    const QJsonObject p =
                        f.toObject().value(QLatin1String("properties")).toObject();
                    CHECK(p.value(QLatin1String("type")).toString() ==
                          QStringLiteral("FloodReport"));
                    CHECK(p.value(QLatin1String("depth_cm")).isDouble());
                    CHECK(QSet<QString>{"reported", "verified", "receding", "resolved"}.contains(
                        p.value(QLatin1String("status")).toString()));
                    CHECK(f.toObject()
                              .value(QLatin1String("geometry"))
                              .toObject()
                              .value(QLatin1String("type"))
                              .toString() == QStringLiteral("Point"));
                    if (p.value(QLatin1String("status")).toString() == QLatin1String("reported"))
                        ++o.floodReportsByKecamatan[p.value(QLatin1String("kecamatan"))
                                                        .toString()];
                }
            } else if (m.format == PayloadFormat::TlrReport) {
                const QJsonObject r = m.payload.toObject();
                if (r.value(QLatin1String("category")).toString() == QLatin1String("banjir"))
                    ++o.floodCallsByKecamatan[r.value(QLatin1String("kecamatan")).toString()];
            } else if (m.format == PayloadFormat::Cap) {
                QXmlStreamReader xml(m.payload.toString());
                while (!xml.atEnd()) {
                    if (xml.readNext() != QXmlStreamReader::StartElement)
                        continue;
                    if (xml.name() == QLatin1String("alert"))
                        CHECK(xml.namespaceUri() ==
                              QStringLiteral("urn:oasis:names:tc:emergency:cap:1.2"));
                    else if (xml.name() == QLatin1String("msgType"))
                        o.capTypes.append(xml.readElementText());
                    else if (xml.name() == QLatin1String("info"))
                        ++o.capInfoBlocks;
                    else if (xml.name() == QLatin1String("language"))
                        o.capLanguages.insert(xml.readElementText());
                    else if (xml.name() == QLatin1String("polygon"))
                        CHECK(xml.readElementText().split(u' ').size() == 5);
                }
                o.capErrors.append(xml.error());
            }
        }
    }
    return o;
}

int total(const std::map<QString, int> &counts, const QSet<QString> &only = {})
{
    int n = 0;
    for (const auto &[k, v] : counts) {
        if (only.isEmpty() || only.contains(k))
            n += v;
    }
    return n;
}

} // namespace

TEST_CASE("The storm raises the Cisadane through its levels, floods the low north and west")
{
    const Observed o = runScenario(QStringLiteral("storm"), 9);
    INFO("river levels: " << o.riverLevels.join(QStringLiteral(" > ")).toStdString());
    // Up through every level, then down again.
    REQUIRE(o.riverLevels.size() >= 4);
    CHECK(o.riverLevels.mid(0, 4) == QStringList{"normal", "waspada", "siaga", "awas"});
    CHECK(o.riverLevels.last() != QStringLiteral("awas"));
    CHECK(o.maxRiverCm >= 500);

    const QSet<QString> lowLying = {"Periuk", "Neglasari", "Benda", "Batuceper", "Tangerang"};
    const int reports = total(o.floodReportsByKecamatan);
    CHECK(reports >= 20);
    CHECK(total(o.floodReportsByKecamatan, lowLying) >= 0.6 * reports);
    // The rest come from other flood-prone or riverside districts, not from the higher south.
    const Network network = loadBundle(QStringLiteral("storm")).network;
    for (const auto &[kecamatan, count] : o.floodReportsByKecamatan) {
        INFO(kecamatan.toStdString() << ": " << count);
        const Kecamatan &k = network.kecamatan.at(network.kecamatanIndex(kecamatan));
        CHECK((k.floodProne >= 0.5 || k.riverside));
    }
    CHECK(o.floodReportsByKecamatan.count(QStringLiteral("Larangan")) == 0);
    CHECK(o.floodReportsByKecamatan.count(QStringLiteral("Cibodas")) == 0);
    for (const QString &k :
         {QStringLiteral("Periuk"), QStringLiteral("Neglasari"), QStringLiteral("Benda")})
        CHECK(o.floodReportsByKecamatan.count(k) == 1);
    CHECK(total(o.floodCallsByKecamatan, lowLying) >= 20);

    // BMKG warns, updates as the river rises, and calls it off.
    REQUIRE_FALSE(o.capTypes.isEmpty());
    CHECK(o.capTypes.first() == QStringLiteral("Alert"));
    CHECK(o.capTypes.count(QStringLiteral("Update")) >= 1);
    CHECK(o.capTypes.last() == QStringLiteral("Cancel"));
    for (auto error : o.capErrors)
        CHECK(error == QXmlStreamReader::NoError);
    CHECK(o.capInfoBlocks == 2 * o.capTypes.size());
    CHECK(o.capLanguages == QSet<QString>{"id-ID", "en-US"});

    // Traffic on the flooded corridors collapses.
    CHECK(o.closures > 0);
    REQUIRE(o.periukEarly > 0);
    REQUIRE(o.periukPeak > 0);
    CHECK(o.periukSpeedPeak / o.periukPeak < 0.5 * (o.periukSpeedEarly / o.periukEarly));
}

TEST_CASE("A normal day keeps the river normal, with no floods and no warning")
{
    const Observed o = runScenario(QStringLiteral("normal"), 8);
    CHECK(o.riverLevels == QStringList{"normal"});
    CHECK(total(o.floodReportsByKecamatan) == 0);
    CHECK(o.capTypes.isEmpty());
    CHECK(o.closures == 0);
}
