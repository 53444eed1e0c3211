#include "EmergencyGenerator.h"

#include "NgsiEntity.h"

#include <QDateTime>

namespace tlr::feedsim {

EmergencyGenerator::EmergencyGenerator(const GeneratorContext &context, quint64 seed)
    : Generator(context, FeedId::Emergency112, seed)
{
}

void EmergencyGenerator::start(qint64 startMs)
{
    poisson(
        startMs,
        [this](qint64 now) {
            // People report when they are up and about.
            return scenario().rates.reportsPerHour * (0.3 + 0.7 * world().trafficDemand(now));
        },
        [this](qint64 now) { routineReport(now); });
    poisson(
        startMs, [this](qint64) { return floodCallRate(); },
        [this](qint64 now) { floodCall(now); });
}

double EmergencyGenerator::floodCallRate()
{
    double rate = 0;
    for (int k : world().floodedKecamatan())
        rate += scenario().flood.callsPerHourPerKecamatan *
                std::clamp(world().floodDepthCm(k) / 50.0, 0.2, 3.0);
    return rate;
}

void EmergencyGenerator::routineReport(qint64 now)
{
    const auto &catalog = world().bundle().reports;
    QList<double> weights;
    for (const auto &c : catalog.categories) {
        double w = c.weight;
        // Rain brings accidents and complaints about standing water with it.
        if (c.category == QLatin1String("kecelakaan") || c.category == QLatin1String("banjir"))
            w *= 1.0 + world().cityRainMmh() / 15.0;
        weights.append(w);
    }
    const int category = rng().weightedIndex(weights);
    const int kecamatan = rng().index(int(network().kecamatan.size()));
    publishReport(now, category, kecamatan, false);
}

void EmergencyGenerator::floodCall(qint64 now)
{
    const QList<int> flooded = world().floodedKecamatan();
    if (flooded.isEmpty())
        return;
    QList<double> weights;
    for (int k : flooded)
        weights.append(world().floodDepthCm(k));
    const int kecamatan = flooded.at(rng().weightedIndex(weights));
    publishReport(now, world().bundle().reports.categoryIndex(QStringLiteral("banjir")), kecamatan,
                  true);
}

void EmergencyGenerator::publishReport(qint64 now, int categoryIndex, int kecamatanIndex,
                                       bool preferCall)
{
    const ReportCatalog &catalog = world().bundle().reports;
    const ReportCatalog::Category &category = catalog.categories.at(categoryIndex);
    const Kecamatan &kec = network().kecamatan.at(kecamatanIndex);

    QList<double> channelWeights;
    for (const auto &c : catalog.channels) {
        const bool call = c.channel == QLatin1String("112");
        channelWeights.append(c.weight * (call && (category.emergency || preferCall) ? 4.0 : 1.0));
    }
    const QString channel = catalog.channels.at(rng().weightedIndex(channelWeights)).channel;
    const bool viaCall = channel == QLatin1String("112");
    QStringList kinds = category.kinds;
    if (!viaCall && kinds.size() > 1)
        kinds.removeAll(QStringLiteral("emergency"));
    const QString kind =
        viaCall && category.emergency ? QStringLiteral("emergency") : rng().pick(kinds);
    const bool emergency = category.emergency && kind == QLatin1String("emergency");

    // The street comes from a road in the district where there is one.
    QList<int> roads;
    for (int i = 0; i < network().roads.size(); ++i) {
        if (network().roads.at(i).kecamatan == kec.name)
            roads.append(i);
    }
    GeoPoint where = world().randomPointIn(kecamatanIndex, rng());
    QString street = QStringLiteral("jalan utama");
    if (!roads.isEmpty()) {
        const RoadSegment &road = network().roads.at(rng().pick(roads));
        street = road.street;
        if (category.category != QLatin1String("banjir") || rng().chance(0.5)) {
            const GeoPoint onRoad =
                road.path.first().towards(road.path.last(), rng().uniform(0, 1));
            where = {onRoad.lon + rng().uniform(-0.0004, 0.0004),
                     onRoad.lat + rng().uniform(-0.0004, 0.0004)};
        }
    }
    QString description = rng().pick(category.descriptions);
    description.replace(QLatin1String("{street}"), street)
        .replace(QLatin1String("{kecamatan}"), kec.name);

    const QString year =
        QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(QStringLiteral("yyyy"));
    const QString id =
        viaCall ? QStringLiteral("112-%1-%2").arg(year).arg(++m_calls, 6, 10, QLatin1Char('0'))
                : QStringLiteral("LAKSA-%1-%2").arg(year).arg(++m_laksa, 6, 10, QLatin1Char('0'));
    const QString phone = QStringLiteral("+62 %1-%2-%3")
                              .arg(rng().pick(catalog.phonePrefixes))
                              .arg(1000 + rng().index(9000))
                              .arg(1000 + rng().index(9000));
    const QString name = rng().pick(catalog.firstNames) + u' ' + rng().pick(catalog.lastNames);

    const QJsonObject report{
        {QStringLiteral("id"), id},
        {QStringLiteral("received"),
         QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("category"), category.category},
        {QStringLiteral("emergency"), emergency},
        {QStringLiteral("kecamatan"), kec.name},
        {QStringLiteral("location"), NgsiEntity::point(where)},
        {QStringLiteral("description"), description},
        {QStringLiteral("agency"), category.agency},
        {QStringLiteral("reporter"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("phone"), phone}}}};
    publish(PayloadFormat::TlrReport, now, report);

    static const QStringList ambulanceCategories = {
        QStringLiteral("kecelakaan"), QStringLiteral("kesehatan"), QStringLiteral("kebakaran")};
    if (emergency && (ambulanceCategories.contains(category.category) || rng().chance(0.15)))
        world().reportIncident({id, where, kec.name}, now);
}

} // namespace tlr::feedsim
