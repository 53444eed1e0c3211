#include "BaseMapReader.h"

#include "domain/EnumTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcBaseMap, "tlr.map.basemap")

namespace tlr {

namespace {

using Kind = BaseMapFeature::Kind;
using Landmark = BaseMapFeature::Landmark;

constexpr EnumEntry<Kind> kKinds[] = {
    {u"airport", Kind::Airport},   {u"city", Kind::City},     {u"kecamatan", Kind::Kecamatan},
    {u"landmark", Kind::Landmark}, {u"river", Kind::River},   {u"road", Kind::Road},
    {u"runway", Kind::Runway},     {u"toll", Kind::TollRoad},
};
static_assert(isSortedTable(kKinds));

constexpr EnumEntry<Landmark> kLandmarks[] = {
    {u"airport", Landmark::Airport},
    {u"cityhall", Landmark::CityHall},
    {u"hospital", Landmark::Hospital},
    {u"sluice", Landmark::Sluice},
};
static_assert(isSortedTable(kLandmarks));

constexpr int kMaxFeatures = 10000;

std::optional<QPointF> position(const QJsonValue &value)
{
    const QJsonArray a = value.toArray();
    if (a.size() < 2 || !a[0].isDouble() || !a[1].isDouble())
        return std::nullopt;
    const double lon = a[0].toDouble();
    const double lat = a[1].toDouble();
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > 90)
        return std::nullopt;
    return QPointF(lon, lat);
}

std::optional<QList<QPointF>> positions(const QJsonValue &value)
{
    QList<QPointF> out;
    for (const auto &v : value.toArray()) {
        const auto p = position(v);
        if (!p)
            return std::nullopt;
        out.append(*p);
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

} // namespace

BaseMapReader::Result BaseMapReader::read(const QByteArray &geojson)
{
    Result result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(geojson, &error);
    if (error.error != QJsonParseError::NoError) {
        result.problems.append(
            {ParseProblem::Level::Error, ParseProblem::Kind::Malformed, {}, error.errorString()});
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("type")).toString() != u"FeatureCollection") {
        result.problems.append({ParseProblem::Level::Error, ParseProblem::Kind::WrongType,
                                QStringLiteral("type"),
                                QStringLiteral("expected a FeatureCollection")});
        return result;
    }
    result.map.attribution = root.value(QLatin1String("attribution")).toString();
    const QJsonArray features = root.value(QLatin1String("features")).toArray();
    if (features.size() > kMaxFeatures) {
        result.problems.append({ParseProblem::Level::Error, ParseProblem::Kind::TooLarge,
                                QStringLiteral("features"),
                                QStringLiteral("more than %1 features").arg(kMaxFeatures)});
        return result;
    }
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QString path = QStringLiteral("features[%1]").arg(i);
        const QJsonObject f = features[i].toObject();
        const QJsonObject props = f.value(QLatin1String("properties")).toObject();
        const QJsonObject geometry = f.value(QLatin1String("geometry")).toObject();
        auto skip = [&](ParseProblem::Kind kind, const QString &where, const QString &message) {
            result.problems.append({ParseProblem::Level::Warning, kind, path + where, message});
        };
        BaseMapFeature feature;
        feature.name = props.value(QLatin1String("name")).toString();
        const QString kindKey = props.value(QLatin1String("kind")).toString();
        const auto kind = enumFromKey(kKinds, kindKey);
        if (!kind) {
            skip(ParseProblem::Kind::Unsupported, QStringLiteral(".properties.kind"),
                 QStringLiteral("unknown kind \"%1\"").arg(kindKey));
            continue;
        }
        feature.kind = *kind;
        if (feature.kind == Kind::Landmark) {
            feature.landmark =
                enumFromKey(kLandmarks, props.value(QLatin1String("landmark")).toString())
                    .value_or(Landmark::Unknown);
        }
        feature.population = std::max(0, props.value(QLatin1String("population")).toInt());

        const QString type = geometry.value(QLatin1String("type")).toString();
        const QJsonValue coordinates = geometry.value(QLatin1String("coordinates"));
        bool ok = true;
        if (type == u"Point") {
            const auto p = position(coordinates);
            ok = p.has_value();
            if (ok)
                feature.parts.append(QList<QPointF>{*p});
        } else if (type == u"LineString") {
            const auto line = positions(coordinates);
            ok = line && line->size() >= 2;
            if (ok)
                feature.parts.append(*line);
        } else if (type == u"Polygon" || type == u"MultiLineString") {
            for (const auto &ringValue : coordinates.toArray()) {
                const auto ring = positions(ringValue);
                ok = ok && ring && ring->size() >= 2;
                if (ok)
                    feature.parts.append(*ring);
            }
            ok = ok && !feature.parts.isEmpty();
        } else {
            skip(ParseProblem::Kind::Unsupported, QStringLiteral(".geometry.type"),
                 QStringLiteral("unsupported geometry \"%1\"").arg(type));
            continue;
        }
        if (!ok) {
            skip(ParseProblem::Kind::OutOfRange, QStringLiteral(".geometry.coordinates"),
                 QStringLiteral("missing or invalid coordinates (\"%1\")").arg(feature.name));
            continue;
        }
        double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
        for (const auto &part : std::as_const(feature.parts)) {
            for (const QPointF &p : part) {
                minX = std::min(minX, p.x());
                maxX = std::max(maxX, p.x());
                minY = std::min(minY, p.y());
                maxY = std::max(maxY, p.y());
            }
        }
        feature.bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
        const auto labelAt = position(props.value(QLatin1String("labelAt")));
        feature.labelAt = labelAt ? *labelAt : feature.bounds.center();
        result.map.bounds =
            result.map.bounds.isNull() ? feature.bounds : result.map.bounds.united(feature.bounds);
        result.map.features.push_back(std::move(feature));
    }
    for (const auto &p : std::as_const(result.problems))
        qCWarning(lcBaseMap).noquote() << p.toString();
    return result;
}

BaseMapReader::Result BaseMapReader::readBuiltin()
{
    QFile file(QStringLiteral(":/basemap/tangerang.geojson"));
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.problems.append({ParseProblem::Level::Error, ParseProblem::Kind::MissingField,
                                file.fileName(), file.errorString()});
        return result;
    }
    return read(file.readAll());
}

} // namespace tlr
