#include "Network.h"

#include "JsonReader.h"

#include <QJsonDocument>

namespace tlr::feedsim {

int Network::kecamatanIndex(const QString &name) const
{
    for (int i = 0; i < kecamatan.size(); ++i) {
        if (kecamatan.at(i).name == name)
            return i;
    }
    return -1;
}

namespace {

QString at(const QString &path, int i)
{
    return path + QStringLiteral("[%1]").arg(i);
}

template <typename Fn>
void forEachObject(JsonReader &r, const QJsonObject &root, const QString &key, Fn &&fn)
{
    const QJsonArray list = r.array(root, key, QString());
    for (int i = 0; i < list.size(); ++i) {
        const QString path = at(key, i);
        if (!list.at(i).isObject())
            r.problem(path, QStringLiteral("must be an object"));
        else
            fn(list.at(i).toObject(), path);
    }
}

} // namespace

Network::Load Network::fromJson(const QByteArray &bytes)
{
    Load load;
    JsonReader r;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        load.problems.append(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
        return load;
    }
    const QJsonObject root = document.object();
    Network &n = load.network;
    const QJsonObject city = root.value(QLatin1String("city")).toObject();
    n.cityCenter = r.point(city.value(QLatin1String("center")), QStringLiteral("city/center"));
    n.utcOffsetHours = static_cast<int>(
        r.number(city, QStringLiteral("utcOffsetHours"), QStringLiteral("city"), -12, 14, 7));
    const auto text = [&r](const QJsonObject &o, const char *key, const QString &path) {
        return r.string(o, QString::fromLatin1(key), path);
    };
    const auto num = [&r](const QJsonObject &o, const char *key, const QString &path, double min,
                          double max, double fallback = 0) {
        return r.number(o, QString::fromLatin1(key), path, min, max, fallback);
    };
    const auto pointOf = [&r](const QJsonObject &o, const char *key, const QString &path) {
        return r.point(o.value(QLatin1String(key)), path + u'/' + QLatin1String(key));
    };

    forEachObject(r, root, QStringLiteral("kecamatan"),
                  [&](const QJsonObject &o, const QString &p) {
                      Kecamatan k;
                      k.name = text(o, "name", p);
                      k.center = pointOf(o, "center", p);
                      const QJsonArray box = o.value(QLatin1String("bbox")).toArray();
                      if (box.size() != 4) {
                          r.problem(p + QStringLiteral("/bbox"),
                                    QStringLiteral("must be [west, south, east, north]"));
                      } else {
                          k.west = box.at(0).toDouble();
                          k.south = box.at(1).toDouble();
                          k.east = box.at(2).toDouble();
                          k.north = box.at(3).toDouble();
                      }
                      k.elevationM = num(o, "elevationM", p, -10, 500);
                      k.floodProne = num(o, "floodProne", p, 0, 1);
                      k.riverside = o.value(QLatin1String("riverside")).toBool(false);
                      n.kecamatan.append(k);
                  });
    const auto checkKecamatan = [&](const QString &name, const QString &path) {
        if (!name.isEmpty() && n.kecamatanIndex(name) < 0)
            r.problem(path, QStringLiteral("unknown kecamatan \"%1\"").arg(name));
    };
    forEachObject(r, root, QStringLiteral("roads"), [&](const QJsonObject &o, const QString &p) {
        RoadSegment s;
        s.id = text(o, "id", p);
        s.name = text(o, "name", p);
        s.street = text(o, "street", p);
        s.kecamatan = text(o, "kecamatan", p);
        checkKecamatan(s.kecamatan, p + QStringLiteral("/kecamatan"));
        s.path = r.line(o.value(QLatin1String("coordinates")), p + QStringLiteral("/coordinates"));
        s.freeFlowKmh = num(o, "freeFlowKmh", p, 5, 130, 50);
        s.lanes = static_cast<int>(num(o, "lanes", p, 1, 12, 2));
        s.capacityVehPerHour = num(o, "capacityVehPerHour", p, 100, 20000, 2000);
        s.form = r.form(o, p);
        n.roads.append(s);
    });
    forEachObject(r, root, QStringLiteral("cctv"), [&](const QJsonObject &o, const QString &p) {
        CctvPoint c;
        c.id = text(o, "id", p);
        c.name = text(o, "name", p);
        c.kecamatan = text(o, "kecamatan", p);
        checkKecamatan(c.kecamatan, p + QStringLiteral("/kecamatan"));
        c.roadId = r.string(o, QStringLiteral("roadId"), p, false);
        c.location = pointOf(o, "location", p);
        c.form = r.form(o, p);
        n.cctv.append(c);
    });
    forEachObject(r, root, QStringLiteral("hospitals"),
                  [&](const QJsonObject &o, const QString &p) {
                      Hospital h;
                      h.id = text(o, "id", p);
                      h.name = text(o, "name", p);
                      h.kecamatan = text(o, "kecamatan", p);
                      checkKecamatan(h.kecamatan, p + QStringLiteral("/kecamatan"));
                      h.location = pointOf(o, "location", p);
                      h.icuBeds = static_cast<int>(num(o, "icuBeds", p, 1, 1000, 10));
                      h.erBeds = static_cast<int>(num(o, "erBeds", p, 1, 1000, 10));
                      h.wardBeds = static_cast<int>(num(o, "wardBeds", p, 1, 10000, 100));
                      h.form = r.form(o, p);
                      n.hospitals.append(h);
                  });
    n.ambulanceCount = static_cast<int>(num(root.value(QLatin1String("ambulances")).toObject(),
                                            "count", QStringLiteral("ambulances"), 0, 500, 15));
    forEachObject(r, root, QStringLiteral("pressureZones"),
                  [&](const QJsonObject &o, const QString &p) {
                      PressureZone z;
                      z.id = text(o, "id", p);
                      z.name = text(o, "name", p);
                      z.kecamatan = r.strings(o, QStringLiteral("kecamatan"), p);
                      for (const auto &k : std::as_const(z.kecamatan))
                          checkKecamatan(k, p + QStringLiteral("/kecamatan"));
                      z.location = pointOf(o, "location", p);
                      z.nominalBar = num(o, "nominalBar", p, 0.1, 10, 2.5);
                      z.nominalFlowLps = num(o, "nominalFlowLps", p, 1, 10000, 300);
                      z.form = r.form(o, p);
                      n.zones.append(z);
                  });
    forEachObject(r, root, QStringLiteral("pumpStations"),
                  [&](const QJsonObject &o, const QString &p) {
                      PumpStation s;
                      s.id = text(o, "id", p);
                      s.name = text(o, "name", p);
                      s.zone = text(o, "zone", p);
                      s.location = pointOf(o, "location", p);
                      s.capacityLps = num(o, "capacityLps", p, 1, 10000, 300);
                      s.form = r.form(o, p);
                      n.pumps.append(s);
                  });
    forEachObject(r, root, QStringLiteral("reservoirs"),
                  [&](const QJsonObject &o, const QString &p) {
                      Reservoir v;
                      v.id = text(o, "id", p);
                      v.name = text(o, "name", p);
                      v.kecamatan = text(o, "kecamatan", p);
                      checkKecamatan(v.kecamatan, p + QStringLiteral("/kecamatan"));
                      v.location = pointOf(o, "location", p);
                      v.capacityM3 = num(o, "capacityM3", p, 1, 1e7, 5000);
                      v.maxHeightM = num(o, "maxHeightM", p, 0.5, 100, 5);
                      v.form = r.form(o, p);
                      n.reservoirs.append(v);
                  });
    forEachObject(r, root, QStringLiteral("airQualityStations"),
                  [&](const QJsonObject &o, const QString &p) {
                      AirQualityStation a;
                      a.id = text(o, "id", p);
                      a.name = text(o, "name", p);
                      a.kecamatan = text(o, "kecamatan", p);
                      checkKecamatan(a.kecamatan, p + QStringLiteral("/kecamatan"));
                      a.location = pointOf(o, "location", p);
                      a.pollutionFactor = num(o, "pollutionFactor", p, 0.1, 10, 1);
                      a.form = r.form(o, p);
                      n.airQualityStations.append(a);
                  });
    forEachObject(r, root, QStringLiteral("rainGauges"),
                  [&](const QJsonObject &o, const QString &p) {
                      RainGauge g;
                      g.id = text(o, "id", p);
                      g.name = text(o, "name", p);
                      g.kecamatan = text(o, "kecamatan", p);
                      checkKecamatan(g.kecamatan, p + QStringLiteral("/kecamatan"));
                      g.location = pointOf(o, "location", p);
                      g.form = r.form(o, p);
                      n.rainGauges.append(g);
                  });
    const QJsonObject gate = root.value(QLatin1String("sluiceGate")).toObject();
    const QString gp = QStringLiteral("sluiceGate");
    SluiceGate &g = n.sluiceGate;
    g.id = text(gate, "id", gp);
    g.name = text(gate, "name", gp);
    g.river = text(gate, "river", gp);
    g.kecamatan = text(gate, "kecamatan", gp);
    g.location = pointOf(gate, "location", gp);
    g.form = r.form(gate, gp);
    const QJsonArray levels = r.array(gate, QStringLiteral("levels"), gp);
    for (int i = 0; i < levels.size(); ++i) {
        const QJsonObject l = levels.at(i).toObject();
        const QString lp = at(gp + QStringLiteral("/levels"), i);
        g.levels.append({text(l, "name", lp), num(l, "fromCm", lp, 0, 5000)});
        if (i > 0 && g.levels.at(i).fromCm <= g.levels.at(i - 1).fromCm)
            r.problem(lp, QStringLiteral("levels must ascend"));
    }
    if (n.kecamatan.isEmpty() || n.roads.isEmpty() || n.hospitals.isEmpty() || n.zones.isEmpty() ||
        n.airQualityStations.isEmpty() || n.rainGauges.isEmpty() || g.levels.isEmpty()) {
        r.problem(QStringLiteral("/"),
                  QStringLiteral("the network needs kecamatan, roads, hospitals, "
                                 "zones, air-quality stations, rain gauges "
                                 "and gate levels"));
    }
    load.problems = r.problems();
    return load;
}

} // namespace tlr::feedsim
