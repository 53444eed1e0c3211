#include "GeoJsonParser.h"

#include "GeoJsonGeometry.h"
#include "ParseHelpers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace tlr {
namespace {

using Kind = ParseProblem::Kind;

// "features[3]" + "geometry" -> "features[3].geometry"; a lone feature's paths start bare.
QString member(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + QLatin1Char('.') + name;
}

struct Skip
{
    Kind kind;
    QString path;
    QString message;
};

QString stringProperty(const QJsonObject &properties, QLatin1String key, const QString &path,
                       ParseResult &result)
{
    const QJsonValue value = properties.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isString())
        return value.toString();
    if (value.isDouble() && key == QLatin1String("id"))
        return QString::number(value.toDouble(), 'g', 17);
    result.warning(Kind::WrongType, member(path, QStringLiteral("properties.") + key),
                   QStringLiteral("expected a string, ignored"));
    return {};
}

std::optional<Skip> readFeature(const QJsonValue &value, const QString &path,
                                const ParseContext &context, ParseResult &result,
                                Observation &observation)
{
    if (!value.isObject())
        return Skip{Kind::WrongType, path, QStringLiteral("a feature must be an object")};
    const QJsonObject feature = value.toObject();
    if (feature.value(QLatin1String("type")).toString() != QLatin1String("Feature")) {
        return Skip{Kind::WrongType, member(path, QStringLiteral("type")),
                    QStringLiteral("expected \"Feature\"")};
    }
    const QJsonValue propertiesValue = feature.value(QLatin1String("properties"));
    if (!propertiesValue.isObject() && !propertiesValue.isNull() &&
        !propertiesValue.isUndefined()) {
        return Skip{Kind::WrongType, member(path, QStringLiteral("properties")),
                    QStringLiteral("must be an object or null")};
    }
    const QJsonObject properties = propertiesValue.toObject();

    observation.source = context.feedId;
    observation.kind = context.kind;
    const QJsonValue id = feature.value(QLatin1String("id"));
    if (id.isString())
        observation.entityId = id.toString();
    else if (id.isDouble())
        observation.entityId = QString::number(id.toDouble(), 'g', 17);
    if (observation.entityId.isEmpty())
        observation.entityId = stringProperty(properties, QLatin1String("id"), path, result);
    observation.entityType = stringProperty(properties, QLatin1String("type"), path, result);
    if (observation.entityType.isEmpty())
        observation.entityType = QStringLiteral("Feature");
    observation.name = stringProperty(properties, QLatin1String("name"), path, result);
    observation.kecamatan = stringProperty(properties, QLatin1String("kecamatan"), path, result);
    observation.status = stringProperty(properties, QLatin1String("status"), path, result);

    const QJsonValue geometryValue = feature.value(QLatin1String("geometry"));
    const QString geometryPath = member(path, QStringLiteral("geometry"));
    if (geometryValue.isObject()) {
        QString error, errorPath;
        const GeoJsonGeometry geometry = GeoJsonGeometry::read(
            geometryValue.toObject(), context.limits.maxPolygonVertices, &error, &errorPath);
        if (!geometry.isValid()) {
            const bool tooMany = error.startsWith(QLatin1String("more than"));
            return Skip{tooMany ? Kind::TooLarge : Kind::OutOfRange,
                        geometryPath + QLatin1Char('.') + errorPath, error};
        }
        observation.location = geometry.representativePoint();
        if (geometry.type() == GeoJsonGeometry::Type::LineString)
            observation.path = geometry.line();
    } else if (!geometryValue.isNull()) {
        // RFC 7946 allows a null geometry (an unlocated feature); anything else is broken.
        return Skip{Kind::WrongType, geometryPath, QStringLiteral("must be an object or null")};
    }

    for (const auto key : {QLatin1String("observedAt"), QLatin1String("dateObserved")}) {
        const QJsonValue time = properties.value(key);
        if (time.isUndefined() || time.isNull())
            continue;
        observation.observedAt = parsing::parseIsoDateTime(time.toString());
        if (!time.isString() || !observation.observedAt.isValid()) {
            return Skip{Kind::WrongType, member(path, QStringLiteral("properties.") + key),
                        QStringLiteral("not an ISO 8601 date and time")};
        }
        if (context.isTooFarInFuture(observation.observedAt)) {
            return Skip{Kind::OutOfRange, member(path, QStringLiteral("properties.") + key),
                        QStringLiteral("%1 is in the future")
                            .arg(observation.observedAt.toString(Qt::ISODate))};
        }
        break;
    }

    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (!it.value().isDouble() || it.key() == QLatin1String("id"))
            continue;
        const double number = it.value().toDouble();
        if (!std::isfinite(number)) {
            result.warning(Kind::OutOfRange,
                           member(path, QStringLiteral("properties.") + it.key()),
                           QStringLiteral("not a finite number, skipped"));
            continue;
        }
        observation.measurements.append({it.key(), number, {}});
    }
    return std::nullopt;
}

} // namespace

ParseResult GeoJsonParser::parse(const QByteArray &document) const
{
    ParseResult result;
    if (const auto json = parsing::readJson(document, m_context.limits, result))
        return parse(*json);
    return result;
}

ParseResult GeoJsonParser::parse(const QJsonValue &document) const
{
    ParseResult result;
    if (parsing::refuseTooDeep(document, m_context, result))
        return result;
    const auto &limits = m_context.limits;
    const QString type = document[QLatin1String("type")].toString();
    if (type == QLatin1String("Feature")) {
        Observation observation;
        if (auto skip = readFeature(document, QString(), m_context, result, observation)) {
            result.error(skip->kind, skip->path, skip->message);
        } else {
            result.events.append(observation);
        }
        return result;
    }
    if (type != QLatin1String("FeatureCollection")) {
        result.error(Kind::Unsupported, QStringLiteral("type"),
                     QStringLiteral("expected a FeatureCollection or a Feature"));
        return result;
    }
    const QJsonValue featuresValue = document[QLatin1String("features")];
    if (!featuresValue.isArray()) {
        result.error(featuresValue.isUndefined() ? Kind::MissingField : Kind::WrongType,
                     QStringLiteral("features"), QStringLiteral("must be an array"));
        return result;
    }
    const QJsonArray features = featuresValue.toArray();
    if (features.size() > limits.maxFeatures) {
        result.error(Kind::TooLarge, QStringLiteral("features"),
                     QStringLiteral("%1 features exceed the limit of %2")
                         .arg(features.size())
                         .arg(limits.maxFeatures));
        return result;
    }
    for (qsizetype i = 0; i < features.size(); ++i) {
        Observation observation;
        const QString path = QStringLiteral("features[%1]").arg(i);
        if (auto skip = readFeature(features.at(i), path, m_context, result, observation))
            result.warning(skip->kind, skip->path, skip->message + QStringLiteral("; skipped"));
        else
            result.events.append(observation);
    }
    if (!features.isEmpty() && result.events.isEmpty()) {
        result.error(Kind::Malformed, QStringLiteral("features"),
                     QStringLiteral("none of the %1 features is usable").arg(features.size()));
    }
    return result;
}

} // namespace tlr
