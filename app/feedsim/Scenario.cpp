#include "Scenario.h"

#include "JsonReader.h"

#include <QJsonDocument>

namespace tlr::feedsim {

Scenario::Load Scenario::fromJson(const QByteArray &bytes)
{
    Load load;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        load.problems.append(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
        return load;
    }
    JsonReader r;
    const QJsonObject root = document.object();
    Scenario &s = load.scenario;
    s.name = r.string(root, QStringLiteral("name"), {});
    s.description = r.string(root, QStringLiteral("description"), {}, false);
    if (root.contains(QLatin1String("network")))
        s.networkFile = r.string(root, QStringLiteral("network"), {});
    if (root.contains(QLatin1String("reports")))
        s.reportsFile = r.string(root, QStringLiteral("reports"), {});

    const auto field = [&r](const QJsonObject &o, const char *key, const QString &path, double min,
                            double max, double &target) {
        target = r.number(o, QString::fromLatin1(key), path, min, max, target);
    };
    const QString ip = QStringLiteral("intervalsSeconds");
    const QJsonObject i = root.value(ip).toObject();
    Intervals &iv = s.intervals;
    for (auto [key, target] : {std::pair{"traffic", &iv.traffic},
                               {"cctv", &iv.cctv},
                               {"hospital", &iv.hospital},
                               {"ambulance", &iv.ambulance},
                               {"zone", &iv.zone},
                               {"pump", &iv.pump},
                               {"reservoir", &iv.reservoir},
                               {"airQuality", &iv.airQuality},
                               {"rainGauge", &iv.rainGauge},
                               {"river", &iv.river}}) {
        field(i, key, ip, 0.5, 86400, *target);
    }
    const QString rp = QStringLiteral("rates");
    const QJsonObject rates = root.value(rp).toObject();
    field(rates, "accidentsPerHour", rp, 0, 1e4, s.rates.accidentsPerHour);
    field(rates, "pipeBurstsPerDay", rp, 0, 1e4, s.rates.pipeBurstsPerDay);
    field(rates, "reportsPerHour", rp, 0, 1e6, s.rates.reportsPerHour);
    field(rates, "cctvFaultsPerDay", rp, 0, 1e4, s.rates.cctvFaultsPerDay);

    const QJsonArray rain = r.array(root, QStringLiteral("rain"), {}, false);
    for (int k = 0; k < rain.size(); ++k) {
        const QJsonObject o = rain.at(k).toObject();
        const QString p = QStringLiteral("rain[%1]").arg(k);
        RainEvent e;
        field(o, "startMinutes", p, 0, 1e6, e.startMinutes);
        field(o, "peakMinutes", p, 0, 1e6, e.peakMinutes);
        field(o, "holdMinutes", p, 0, 1e6, e.holdMinutes);
        field(o, "endMinutes", p, 0, 1e6, e.endMinutes);
        field(o, "peakMmh", p, 0, 500, e.peakMmh);
        if (!(e.startMinutes <= e.peakMinutes && e.peakMinutes + e.holdMinutes <= e.endMinutes))
            r.problem(p, QStringLiteral("needs start <= peak and peak + hold <= end"));
        const QJsonObject weights = o.value(QLatin1String("kecamatanWeights")).toObject();
        for (auto it = weights.begin(); it != weights.end(); ++it)
            e.kecamatanWeights.insert(it.key(), it.value().toDouble(1));
        s.rain.append(e);
    }
    const QString vp = QStringLiteral("river");
    const QJsonObject river = root.value(vp).toObject();
    field(river, "baseCm", vp, 0, 5000, s.river.baseCm);
    field(river, "cmPerMmh", vp, 0, 1000, s.river.cmPerMmh);
    field(river, "lagMinutes", vp, 1, 10000, s.river.lagMinutes);

    const QString fp = QStringLiteral("flood");
    const QJsonObject flood = root.value(fp).toObject();
    field(flood, "rainThresholdMmh", fp, 0, 500, s.flood.rainThresholdMmh);
    if (flood.contains(QLatin1String("riverLevel")))
        s.flood.riverLevel = r.string(flood, QStringLiteral("riverLevel"), fp);
    field(flood, "riseCmPerHour", fp, 0, 1000, s.flood.riseCmPerHour);
    field(flood, "recedeCmPerHour", fp, 0, 1000, s.flood.recedeCmPerHour);
    field(flood, "floodedAtCm", fp, 0, 1000, s.flood.floodedAtCm);
    field(flood, "reportsPerHourPerKecamatan", fp, 0, 1e5, s.flood.reportsPerHourPerKecamatan);
    field(flood, "callsPerHourPerKecamatan", fp, 0, 1e5, s.flood.callsPerHourPerKecamatan);

    const QString cp = QStringLiteral("cap");
    const QJsonObject cap = root.value(cp).toObject();
    s.cap.enabled = cap.value(QLatin1String("enabled")).toBool(true);
    field(cap, "issueAtMmh", cp, 0, 500, s.cap.issueAtMmh);
    field(cap, "forecastMinutes", cp, 0, 1440, s.cap.forecastMinutes);
    field(cap, "cancelBelowMmh", cp, 0, 500, s.cap.cancelBelowMmh);
    load.problems = r.problems();
    return load;
}

} // namespace tlr::feedsim
