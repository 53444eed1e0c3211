#include "EnvironmentGenerator.h"

#include "Ispu.h"
#include "NgsiEntity.h"

#include <QDateTime>

#include <cmath>

namespace tlr::feedsim {
namespace {

double round1(double v)
{
    return std::round(v * 10) / 10;
}
double round2(double v)
{
    return std::round(v * 100) / 100;
}
constexpr qsizetype kMaxOpenReports = 400;

} // namespace

EnvironmentGenerator::EnvironmentGenerator(const GeneratorContext &context, quint64 seed)
    : Generator(context, FeedId::DlhEnvironment, seed)
{
}

void EnvironmentGenerator::start(qint64 startMs)
{
    const auto &iv = scenario().intervals;
    every(startMs + 150, iv.airQuality, int(network().airQualityStations.size()),
          [this](int i, qint64 now) { updateAirQuality(i, now); });
    every(startMs + 250, iv.river, 1, [this](int, qint64 now) { updateRiver(now); });
    every(startMs + 350, iv.rainGauge, int(network().rainGauges.size()),
          [this](int i, qint64 now) { updateRainGauge(i, now); });
    poisson(
        startMs, [this](qint64) { return floodReportRate(); },
        [this](qint64 now) { floodReport(now); });
    if (scenario().cap.enabled) {
        // Forecasters look at the radar every few minutes, however busy the wall is.
        at(startMs + 1000, [this](qint64 now) { reviewWarning(now); });
    }
}

void EnvironmentGenerator::updateAirQuality(int index, qint64 now)
{
    const AirQualityStation &s = network().airQualityStations.at(index);
    const int k = network().kecamatanIndex(s.kecamatan);
    const double traffic = 0.55 + 0.6 * world().trafficDemand(now);
    const double washout = 1.0 / (1.0 + (k >= 0 ? world().rainMmh(k) : 0) / 8.0);
    const double hour = world().localHour(now);
    const double sun = std::max(0.0, std::sin((hour - 6) / 12 * 3.14159));
    const double f = s.pollutionFactor;
    const auto noisy = [this](double v) {
        return std::max(0.0, v * std::exp(rng().normal(0, 0.12)));
    };
    Concentrations c;
    c.pm25 = noisy(26 * f * traffic * washout);
    c.pm10 = noisy(44 * f * traffic * washout);
    c.o3 = noisy(35 + 85 * sun);
    c.co = noisy(900 * f * traffic);
    c.no2 = noisy(30 * f * traffic);
    c.so2 = noisy(14 * f * (s.pollutionFactor > 1.3 ? 2.0 : 1.0));
    const Ispu ispu = Ispu::compute(c);
    NgsiEntity e(QStringLiteral("AirQualityObserved"), QStringLiteral("tangerang-") + s.id);
    e.property(QStringLiteral("name"), s.name)
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), s.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(s.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("pm25"), round1(c.pm25), QStringLiteral("GQ"))
        .property(QStringLiteral("pm10"), round1(c.pm10), QStringLiteral("GQ"))
        .property(QStringLiteral("o3"), round1(c.o3), QStringLiteral("GQ"))
        .property(QStringLiteral("co"), std::round(c.co), QStringLiteral("GQ"))
        .property(QStringLiteral("no2"), round1(c.no2), QStringLiteral("GQ"))
        .property(QStringLiteral("so2"), round1(c.so2), QStringLiteral("GQ"))
        .property(QStringLiteral("airQualityIndex"), ispu.index)
        .property(QStringLiteral("airQualityLevel"), ispu.category)
        .property(QStringLiteral("dominantPollutant"), ispu.dominant)
        .property(QStringLiteral("typeOfLocation"), QStringLiteral("outdoor"))
        .property(QStringLiteral("dataProvider"), QStringLiteral("DLH Kota Tangerang"))
        .observedAt(now);
    publishEntity(now, e.toJson(s.form));
}

void EnvironmentGenerator::updateRiver(qint64 now)
{
    const SluiceGate &g = network().sluiceGate;
    const double level = world().riverLevelCm() + rng().normal(0, 1.5);
    const double flow = std::max(20.0, 60.0 + 2.2 * (level - scenario().river.baseCm));
    QJsonObject thresholds;
    for (const auto &l : g.levels)
        thresholds.insert(l.name, l.fromCm);
    NgsiEntity e(QStringLiteral("WaterObserved"), QStringLiteral("tangerang-") + g.id);
    e.property(QStringLiteral("name"), g.name)
        .property(QStringLiteral("description"),
                  QStringLiteral("Tinggi muka air sungai %1 di %2").arg(g.river, g.name))
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), g.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(g.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("height"), round1(level), QStringLiteral("CMT"))
        .property(QStringLiteral("flow"), round1(flow), QStringLiteral("MQS"))
        .property(QStringLiteral("alertLevel"), g.levelAt(level))
        .property(QStringLiteral("alertThresholds"), thresholds)
        .property(QStringLiteral("dataProvider"), QStringLiteral("BBWS Cisadane-Ciliwung / DLH"))
        .observedAt(now);
    publishEntity(now, e.toJson(g.form));
}

void EnvironmentGenerator::updateRainGauge(int index, qint64 now)
{
    const RainGauge &g = network().rainGauges.at(index);
    const int k = network().kecamatanIndex(g.kecamatan);
    const double rain = k >= 0 ? world().rainMmh(k) : 0;
    const double measured = rain > 0.05 ? std::max(0.0, rain * rng().uniform(0.85, 1.15)) : 0.0;
    const double hour = world().localHour(now);
    const double temperature = 27.5 + 4.0 * std::sin((hour - 9) / 24 * 2 * 3.14159) -
                               std::min(4.0, rain / 8) + rng().normal(0, 0.2);
    NgsiEntity e(QStringLiteral("WeatherObserved"), QStringLiteral("tangerang-") + g.id);
    e.property(QStringLiteral("name"), g.name)
        .property(QStringLiteral("address"), NgsiEntity::postalAddress(QString(), g.kecamatan))
        .geo(QStringLiteral("location"), NgsiEntity::point(g.location))
        .dateTime(QStringLiteral("dateObserved"), now)
        .property(QStringLiteral("precipitation"), round1(measured))
        .property(QStringLiteral("temperature"), round1(temperature), QStringLiteral("CEL"))
        .property(QStringLiteral("relativeHumidity"),
                  round2(std::clamp(0.72 + rain / 100 + rng().normal(0, 0.02), 0.4, 1.0)))
        .property(QStringLiteral("dataProvider"), QStringLiteral("DLH Kota Tangerang (ARG)"))
        .observedAt(now);
    publishEntity(now, e.toJson(g.form));
}

double EnvironmentGenerator::floodReportRate()
{
    const auto &flood = scenario().flood;
    double rate = 0;
    for (int k : world().floodedKecamatan())
        rate += flood.reportsPerHourPerKecamatan *
                std::clamp(world().floodDepthCm(k) / 50.0, 0.2, 3.0);
    // Reports in districts that have dried out get closed, a few at a time.
    for (const auto &r : std::as_const(m_reports)) {
        if (!world().isFlooded(r.kecamatan)) {
            rate += 30;
            break;
        }
    }
    return rate;
}

void EnvironmentGenerator::floodReport(qint64 now)
{
    QList<FloodReport> batch;
    QList<int> drained;
    for (int i = 0; i < m_reports.size(); ++i) {
        if (!world().isFlooded(m_reports.at(i).kecamatan))
            drained.append(i);
    }
    const QList<int> flooded = world().floodedKecamatan();
    if (!drained.isEmpty() && (flooded.isEmpty() || rng().chance(0.5))) {
        for (int n = 0; n < 3 && n < drained.size(); ++n) {
            FloodReport r = m_reports.at(drained.at(n));
            r.status = QStringLiteral("resolved");
            r.depthCm = 0;
            batch.append(r);
        }
        for (int n = std::min<int>(3, int(drained.size())) - 1; n >= 0; --n)
            m_reports.removeAt(drained.at(n));
    } else if (!flooded.isEmpty()) {
        QList<double> weights;
        for (int k : flooded)
            weights.append(world().floodDepthCm(k));
        const int k = flooded.at(rng().weightedIndex(weights));
        const double depth = world().floodDepthCm(k);
        QList<int> open;
        for (int i = 0; i < m_reports.size(); ++i) {
            if (m_reports.at(i).kecamatan == k)
                open.append(i);
        }
        if (!open.isEmpty() && rng().chance(0.3)) {
            FloodReport &r = m_reports[rng().pick(open)];
            const double measured = std::round(depth * rng().uniform(0.6, 1.3));
            r.status =
                measured >= r.depthCm ? QStringLiteral("verified") : QStringLiteral("receding");
            r.depthCm = measured;
            batch.append(r);
        } else {
            const int count = rng().chance(0.25) ? 2 + rng().index(2) : 1;
            for (int n = 0; n < count; ++n) {
                FloodReport r;
                r.id = QStringLiteral("FR-%1-%2")
                           .arg(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                                    .toString(QStringLiteral("yyyyMMdd")))
                           .arg(++m_reportCount, 5, 10, QLatin1Char('0'));
                r.kecamatan = k;
                r.location = world().randomPointIn(k, rng());
                r.depthCm = std::max(5.0, std::round(depth * rng().uniform(0.5, 1.4)));
                r.status = QStringLiteral("reported");
                batch.append(r);
                m_reports.append(r);
            }
            while (m_reports.size() > kMaxOpenReports)
                m_reports.removeFirst();
        }
    }
    if (batch.isEmpty())
        return;
    QJsonArray features;
    for (const auto &r : std::as_const(batch)) {
        const QJsonObject properties{
            {QStringLiteral("id"), r.id},
            {QStringLiteral("type"), QStringLiteral("FloodReport")},
            {QStringLiteral("kecamatan"), network().kecamatan.at(r.kecamatan).name},
            {QStringLiteral("depth_cm"), int(r.depthCm)},
            {QStringLiteral("observedAt"), NgsiEntity::isoTime(now)},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("source"), QStringLiteral("BPBD/DLH Kota Tangerang")}};
        features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                    {QStringLiteral("id"), r.id},
                                    {QStringLiteral("geometry"), NgsiEntity::point(r.location)},
                                    {QStringLiteral("properties"), properties}});
    }
    publish(PayloadFormat::GeoJson, now,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                        {QStringLiteral("features"), features}});
}

void EnvironmentGenerator::reviewWarning(qint64 now)
{
    const auto &cap = scenario().cap;
    const double current = world().cityRainMmh();
    const double forecast = world().cityRainAt(now + qint64(cap.forecastMinutes * 60000));
    const int river = world().riverLevelIndex();
    const int siaga = network().sluiceGate.levelIndexAt(
        network().sluiceGate.thresholdCm(scenario().flood.riverLevel));
    if (!m_warningActive) {
        if (std::max(current, forecast) >= cap.issueAtMmh) {
            m_warningActive = true;
            m_warningRiverIndex = river;
            publishWarning(now, CapWarning::MsgType::Alert);
        }
    } else if (river > m_warningRiverIndex) {
        m_warningRiverIndex = river;
        publishWarning(now, CapWarning::MsgType::Update);
    } else if (current < cap.cancelBelowMmh && forecast < cap.cancelBelowMmh && river < siaga) {
        publishWarning(now, CapWarning::MsgType::Cancel);
        m_warningActive = false;
        m_warningHistory.clear();
    } else if (now >= m_warningExpiresMs - 30 * 60000) {
        publishWarning(now, CapWarning::MsgType::Update);
    }
    at(now + 5 * 60000, [this](qint64 next) { reviewWarning(next); });
}

void EnvironmentGenerator::publishWarning(qint64 now, CapWarning::MsgType type)
{
    const auto &cap = scenario().cap;
    const double current = world().cityRainMmh();
    const qint64 ahead = now + qint64(cap.forecastMinutes * 60000);
    CapWarning w;
    w.utcOffsetHours = network().utcOffsetHours;
    w.identifier = QStringLiteral("BMKG-PDC-TNG-%1-%2")
                       .arg(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                                .toString(QStringLiteral("yyyyMMddHHmm")))
                       .arg(++m_warningCount);
    w.sentMs = now;
    w.msgType = type;
    w.references = m_warningHistory;
    const int river = world().riverLevelIndex();
    const int levels = int(network().sluiceGate.levels.size());
    w.severity = river >= levels - 1 && levels > 2   ? QStringLiteral("Extreme")
                 : river >= levels - 2 && levels > 2 ? QStringLiteral("Severe")
                                                     : QStringLiteral("Moderate");
    const bool raining = current >= cap.issueAtMmh;
    w.urgency = raining ? QStringLiteral("Immediate") : QStringLiteral("Expected");
    w.certainty = raining ? QStringLiteral("Observed") : QStringLiteral("Likely");
    w.onsetMs = raining ? now : ahead;
    w.expiresMs = type == CapWarning::MsgType::Cancel ? now : now + 3 * 3600000LL;
    m_warningExpiresMs = w.expiresMs;
    w.rainMmh = std::max(current, world().cityRainAt(ahead));
    w.riverLevel = world().riverLevelName();

    double west = 180, south = 90, east = -180, north = -90;
    for (int k = 0; k < network().kecamatan.size(); ++k) {
        const bool affected =
            world().isFlooded(k) ||
            std::max(world().rainMmh(k), world().rainAt(ahead, k)) >= 0.5 * cap.issueAtMmh;
        if (!affected)
            continue;
        const Kecamatan &kec = network().kecamatan.at(k);
        w.kecamatan.append(kec.name);
        west = std::min(west, kec.west);
        south = std::min(south, kec.south);
        east = std::max(east, kec.east);
        north = std::max(north, kec.north);
    }
    if (w.kecamatan.isEmpty()) {
        for (const auto &kec : network().kecamatan) {
            w.kecamatan.append(kec.name);
            west = std::min(west, kec.west);
            south = std::min(south, kec.south);
            east = std::max(east, kec.east);
            north = std::max(north, kec.north);
        }
    }
    w.polygon = {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
    publish(PayloadFormat::Cap, now, w.toXml());
    m_warningHistory.append(
        QStringLiteral("%1,%2,%3")
            .arg(CapWarning::sender(), w.identifier, CapWarning::capTime(now, w.utcOffsetHours)));
}

} // namespace tlr::feedsim
