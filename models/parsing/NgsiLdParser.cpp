#include "NgsiLdParser.h"

#include "GeoJsonGeometry.h"
#include "ParseHelpers.h"
#include "domain/EnumTable.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcNgsi, "tlr.parsing.ngsi")

namespace tlr {
namespace {

using Kind = ParseProblem::Kind;

constexpr EnumEntry<FeedKind> kKindsByEntityType[] = {
    {u"AirQualityObserved", FeedKind::Environment}, {u"BedOccupancyObserved", FeedKind::Health},
    {u"TrafficFlowObserved", FeedKind::Traffic},    {u"WaterNetworkObserved", FeedKind::Water},
    {u"WaterObserved", FeedKind::Environment},      {u"WaterQualityObserved", FeedKind::Water},
    {u"WeatherObserved", FeedKind::Environment},
};
static_assert(isSortedTable(kKindsByEntityType));

// Smart Data Models Alert vocabulary onto CAP's.
constexpr EnumEntry<AlertInfo::Category> kAlertCategories[] = {
    {u"agriculture", AlertInfo::Category::Other},   {u"environment", AlertInfo::Category::Env},
    {u"fire", AlertInfo::Category::Fire},           {u"health", AlertInfo::Category::Health},
    {u"naturalDisaster", AlertInfo::Category::Geo}, {u"security", AlertInfo::Category::Security},
    {u"traffic", AlertInfo::Category::Transport},   {u"weather", AlertInfo::Category::Met},
};
constexpr EnumEntry<Severity> kAlertSeverities[] = {
    {u"critical", Severity::Extreme},    {u"high", Severity::Severe},
    {u"informational", Severity::Minor}, {u"low", Severity::Minor},
    {u"medium", Severity::Moderate},
};
static_assert(isSortedTable(kAlertCategories));
static_assert(isSortedTable(kAlertSeverities));

// Attributes the wall reads as numbers: any other type there is the publisher's mistake and is
// reported, where an unknown attribute of an unexpected type is simply not a measurement.
constexpr EnumEntry<bool> kNumericAttributes[] = {
    {u"airQualityIndex", true},
    {u"averageVehicleSpeed", true},
    {u"co", true},
    {u"erBedsOccupied", true},
    {u"erBedsTotal", true},
    {u"flow", true},
    {u"height", true},
    {u"icuBedsOccupied", true},
    {u"icuBedsTotal", true},
    {u"intensity", true},
    {u"no2", true},
    {u"o3", true},
    {u"occupancy", true},
    {u"pm10", true},
    {u"pm25", true},
    {u"precipitation", true},
    {u"pressure", true},
    {u"so2", true},
    {u"speed", true},
    {u"temperature", true},
    {u"wardBedsOccupied", true},
    {u"wardBedsTotal", true},
};
static_assert(isSortedTable(kNumericAttributes));

// Attributes that carry a state in words, in order of preference.
constexpr QLatin1String kStatusAttributes[] = {
    QLatin1String("status"),     QLatin1String("deviceState"),     QLatin1String("serviceStatus"),
    QLatin1String("pumpStatus"), QLatin1String("airQualityLevel"),
};

// Attributes read on their own, never measurements even when a publisher makes them numbers.
bool isStructural(QStringView name)
{
    return name == QLatin1String("id") || name == QLatin1String("type") ||
           name == QLatin1String("@context") || name == QLatin1String("location") ||
           name == QLatin1String("address") || name == QLatin1String("name") ||
           name == QLatin1String("kecamatan");
}

// One attribute with the NGSI wrapping taken off.
struct Attribute
{
    QJsonValue value;
    QString unitCode;
    QString observedAt;
};

// NGSI-LD multi-attributes are arrays of instances told apart by datasetId: the wall shows the
// default instance (the one without a datasetId), else the first.
QJsonValue defaultInstance(const QJsonValue &raw)
{
    const QJsonArray instances = raw.toArray();
    if (instances.isEmpty() || !instances.first().isObject())
        return raw;
    const QString type = instances.first()[QLatin1String("type")].toString();
    if (type != QLatin1String("Property") && type != QLatin1String("GeoProperty") &&
        type != QLatin1String("Relationship")) {
        return raw;
    }
    for (const QJsonValue &instance : instances) {
        if (!instance.toObject().contains(QLatin1String("datasetId")))
            return instance;
    }
    return instances.first();
}

Attribute unwrap(const QJsonValue &wrapped)
{
    const QJsonValue raw = wrapped.isArray() ? defaultInstance(wrapped) : wrapped;
    Attribute attribute{raw, {}, {}};
    if (raw.isObject()) {
        const QJsonObject object = raw.toObject();
        const QJsonValue type = object.value(QLatin1String("type"));
        const bool hasValue = object.contains(QLatin1String("value"));
        const bool isRelationship = type.toString() == QLatin1String("Relationship");
        // keyValues GeoJSON ({"type":"Point","coordinates":..}) and PostalAddress objects have a
        // "type" too, but never a "value": that tells the two forms apart.
        if (type.isString() && (hasValue || isRelationship)) {
            attribute.value =
                object.value(isRelationship ? QLatin1String("object") : QLatin1String("value"));
            attribute.unitCode = object.value(QLatin1String("unitCode")).toString();
            if (attribute.unitCode.isEmpty()) {
                attribute.unitCode = object.value(QLatin1String("metadata"))
                                         .toObject()
                                         .value(QLatin1String("unitCode"))
                                         .toObject()
                                         .value(QLatin1String("value"))
                                         .toString();
            }
            attribute.observedAt = object.value(QLatin1String("observedAt")).toString();
        }
    }
    // JSON-LD typed literal: {"@type":"DateTime","@value":"…"}
    if (attribute.value.isObject()) {
        const QJsonObject object = attribute.value.toObject();
        if (object.contains(QLatin1String("@value")))
            attribute.value = object.value(QLatin1String("@value"));
    }
    return attribute;
}

QString joinPath(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

// Why an entity could not be used; the caller decides whether that is an Error or a Warning.
struct Rejection
{
    Kind kind;
    QString path;
    QString message;
};

class EntityReader
{
public:
    EntityReader(const ParseContext &context, ParseResult &result, const QString &prefix,
                 const QDateTime &notifiedAt)
        : m_context(context)
        , m_result(result)
        , m_prefix(prefix)
        , m_notifiedAt(notifiedAt)
    {
    }

    // Returns the event, or sets `rejection`.
    std::optional<DomainEvent> read(const QJsonValue &entity, Rejection *rejection);

private:
    QString path(const QString &name) const { return joinPath(m_prefix, name); }
    void warn(Kind kind, const QString &name, const QString &message)
    {
        m_result.warning(kind, path(name), message);
    }
    std::optional<Rejection> reject(Kind kind, const QString &name, const QString &message)
    {
        return Rejection{kind, path(name), message};
    }

    QString text(const QString &name);
    QDateTime time(const QString &name, bool takeIntervalEnd);
    std::optional<Rejection> readLocation(GeoJsonGeometry *geometry);
    QString kecamatan();

    std::optional<Rejection> readObservation(Observation &observation);
    std::optional<Rejection> readAlert(Alert &alert);

    const ParseContext &m_context;
    ParseResult &m_result;
    QString m_prefix;
    QDateTime m_notifiedAt;
    QJsonObject m_entity;
    QString m_id;
    QString m_type;
};

QString EntityReader::text(const QString &name)
{
    const QJsonValue raw = m_entity.value(name);
    if (raw.isUndefined() || raw.isNull())
        return {};
    const QJsonValue value = unwrap(raw).value;
    if (!value.isString()) {
        warn(Kind::WrongType, name, QStringLiteral("expected a string, ignored"));
        return {};
    }
    return value.toString();
}

QDateTime EntityReader::time(const QString &name, bool takeIntervalEnd)
{
    QString value = text(name);
    if (value.isEmpty())
        return {};
    // dateObserved may be an ISO 8601 interval "start/end": the reading describes its end.
    const qsizetype slash = value.indexOf(QLatin1Char('/'));
    if (takeIntervalEnd && slash >= 0)
        value = value.mid(slash + 1);
    const QDateTime parsed = parsing::parseIsoDateTime(value);
    if (!parsed.isValid()) {
        warn(Kind::WrongType, name,
             QStringLiteral("\"%1\" is not an ISO 8601 date and time, ignored")
                 .arg(value.left(60)));
    }
    return parsed;
}

std::optional<Rejection> EntityReader::readLocation(GeoJsonGeometry *geometry)
{
    const QJsonValue raw = m_entity.value(QLatin1String("location"));
    if (raw.isUndefined() || raw.isNull())
        return std::nullopt;
    const QJsonValue value = unwrap(raw).value;
    if (value.isString()) {
        // NGSI v2 "geo:point": "latitude, longitude"
        const QStringList parts = value.toString().split(QLatin1Char(','));
        bool latOk = false, lonOk = false;
        const double lat = parts.value(0).trimmed().toDouble(&latOk);
        const double lon = parts.value(1).trimmed().toDouble(&lonOk);
        if (parts.size() != 2 || !latOk || !lonOk || !parsing::isValidLatitude(lat) ||
            !parsing::isValidLongitude(lon)) {
            return reject(Kind::OutOfRange, QStringLiteral("location"),
                          QStringLiteral("\"%1\" is not a valid \"latitude, longitude\"")
                              .arg(value.toString().left(60)));
        }
        QJsonObject point{{QLatin1String("type"), QLatin1String("Point")},
                          {QLatin1String("coordinates"), QJsonArray{lon, lat}}};
        *geometry = GeoJsonGeometry::read(point, 1, nullptr);
        return std::nullopt;
    }
    if (!value.isObject()) {
        return reject(Kind::WrongType, QStringLiteral("location"),
                      QStringLiteral("expected a GeoJSON geometry"));
    }
    QString error, errorPath;
    *geometry = GeoJsonGeometry::read(value.toObject(), m_context.limits.maxPolygonVertices,
                                      &error, &errorPath);
    if (!geometry->isValid()) {
        const bool tooMany = error.startsWith(QLatin1String("more than"));
        const bool badType = errorPath == QLatin1String("type");
        return reject(tooMany   ? Kind::TooLarge
                      : badType ? Kind::Unsupported
                                : Kind::OutOfRange,
                      QStringLiteral("location.") + errorPath, error);
    }
    return std::nullopt;
}

QString EntityReader::kecamatan()
{
    if (m_entity.contains(QLatin1String("kecamatan")))
        return text(QStringLiteral("kecamatan"));
    const QJsonValue address = unwrap(m_entity.value(QLatin1String("address"))).value;
    if (address.isUndefined() || address.isNull())
        return {};
    if (!address.isObject()) {
        warn(Kind::WrongType, QStringLiteral("address"), QStringLiteral("expected an object"));
        return {};
    }
    return address.toObject().value(QLatin1String("addressLocality")).toString();
}

std::optional<DomainEvent> EntityReader::read(const QJsonValue &entity, Rejection *rejection)
{
    if (!entity.isObject()) {
        *rejection = {Kind::WrongType, m_prefix, QStringLiteral("an entity must be an object")};
        return std::nullopt;
    }
    m_entity = entity.toObject();
    const QJsonValue id = m_entity.value(QLatin1String("id"));
    const QJsonValue type = m_entity.value(QLatin1String("type"));
    std::optional<Rejection> problem;
    if (id.isUndefined() || id.toString().isEmpty()) {
        problem = reject(id.isUndefined() ? Kind::MissingField : Kind::WrongType,
                         QStringLiteral("id"), QStringLiteral("an entity needs a string id"));
    } else if (type.isUndefined() || type.toString().isEmpty()) {
        problem = reject(type.isUndefined() ? Kind::MissingField : Kind::WrongType,
                         QStringLiteral("type"), QStringLiteral("an entity needs a string type"));
    }
    if (problem) {
        *rejection = *problem;
        return std::nullopt;
    }
    m_id = id.toString();
    // Without an @context the broker may hand out expanded types: keep the term after the IRI.
    m_type = type.toString();
    const qsizetype cut =
        std::max(m_type.lastIndexOf(QLatin1Char('#')), m_type.lastIndexOf(QLatin1Char('/')));
    if (cut >= 0 && cut + 1 < m_type.size())
        m_type = m_type.mid(cut + 1);

    if (m_type == QLatin1String("Alert")) {
        Alert alert;
        problem = readAlert(alert);
        if (!problem)
            return alert;
    } else {
        Observation observation;
        problem = readObservation(observation);
        if (!problem)
            return observation;
    }
    *rejection = *problem;
    return std::nullopt;
}

std::optional<Rejection> EntityReader::readObservation(Observation &observation)
{
    observation.source = m_context.feedId;
    observation.entityId = m_id;
    observation.entityType = m_type;
    observation.kind = enumFromKey(kKindsByEntityType, m_type).value_or(m_context.kind);
    if (m_type == QLatin1String("Vehicle") &&
        text(QStringLiteral("vehicleType"))
                .compare(QLatin1String("ambulance"), Qt::CaseInsensitive) == 0) {
        observation.kind = FeedKind::Health;
    }
    observation.name = text(QStringLiteral("name"));
    observation.kecamatan = kecamatan();

    GeoJsonGeometry geometry;
    if (auto problem = readLocation(&geometry))
        return problem;
    if (geometry.isValid()) {
        observation.location = geometry.representativePoint();
        if (geometry.type() == GeoJsonGeometry::Type::LineString)
            observation.path = geometry.line();
    }

    for (const auto &attribute : kStatusAttributes) {
        if (m_entity.contains(attribute)) {
            observation.status = text(attribute);
            if (!observation.status.isEmpty())
                break;
        }
    }

    // Measurements, and the latest per-property observedAt as a fallback time.
    QDateTime latestPropertyTime;
    QString latestPropertyName;
    for (auto it = m_entity.constBegin(); it != m_entity.constEnd(); ++it) {
        const QString name = it.key();
        if (isStructural(name))
            continue;
        const Attribute attribute = unwrap(it.value());
        if (!attribute.observedAt.isEmpty()) {
            const QDateTime at = parsing::parseIsoDateTime(attribute.observedAt);
            if (!at.isValid()) {
                warn(Kind::WrongType, name + QStringLiteral(".observedAt"),
                     QStringLiteral("not an ISO 8601 date and time, ignored"));
            } else if (!latestPropertyTime.isValid() || at > latestPropertyTime) {
                latestPropertyTime = at;
                latestPropertyName = name + QStringLiteral(".observedAt");
            }
        }
        const bool known = enumFromKey(kNumericAttributes, name).has_value();
        if (attribute.value.isDouble()) {
            const double value = attribute.value.toDouble();
            if (!std::isfinite(value)) {
                warn(Kind::OutOfRange, name, QStringLiteral("not a finite number, skipped"));
                continue;
            }
            observation.measurements.append({name, value, attribute.unitCode});
        } else if (known && !attribute.value.isNull()) {
            warn(Kind::WrongType, name, QStringLiteral("expected a number, skipped"));
        }
    }

    QString timeName = QStringLiteral("dateObserved");
    observation.observedAt = time(timeName, true);
    if (!observation.observedAt.isValid() && latestPropertyTime.isValid()) {
        observation.observedAt = latestPropertyTime;
        timeName = latestPropertyName;
    }
    // A Device (Smart Data Models) reports when its state was last valid, not an observation.
    for (const char *fallback : {"dateLastValueReported", "dateModified"}) {
        if (observation.observedAt.isValid())
            break;
        timeName = QString::fromLatin1(fallback);
        observation.observedAt = time(timeName, false);
    }
    if (!observation.observedAt.isValid()) {
        // In a notification the broker vouches for the state as of notifiedAt.
        observation.observedAt = m_notifiedAt;
        timeName = QStringLiteral("notifiedAt");
    }
    if (m_context.isTooFarInFuture(observation.observedAt)) {
        return reject(Kind::OutOfRange, timeName,
                      QStringLiteral("%1 is in the future; entity rejected")
                          .arg(observation.observedAt.toString(Qt::ISODate)));
    }
    return std::nullopt;
}

std::optional<Rejection> EntityReader::readAlert(Alert &alert)
{
    alert.source = m_context.feedId;
    alert.identifier = m_id;
    alert.sender = text(QStringLiteral("alertSource"));
    alert.status = Alert::Status::Actual;
    alert.msgType = Alert::MsgType::Alert;
    alert.scope = Alert::Scope::Public;

    AlertInfo info;
    const QString category = text(QStringLiteral("category"));
    if (category.isEmpty()) {
        return reject(Kind::MissingField, QStringLiteral("category"),
                      QStringLiteral("an Alert needs a category"));
    }
    if (const auto mapped = enumFromKey(kAlertCategories, category, Qt::CaseInsensitive)) {
        info.categories.append(*mapped);
    } else {
        info.categories.append(AlertInfo::Category::Unknown);
        warn(Kind::Unsupported, QStringLiteral("category"),
             QStringLiteral("unknown category \"%1\", left Unknown").arg(category.left(60)));
    }
    const QString subCategory = text(QStringLiteral("subCategory"));
    info.event = subCategory.isEmpty() ? category : subCategory;

    const QString severity = text(QStringLiteral("severity"));
    if (!severity.isEmpty()) {
        if (const auto mapped = enumFromKey(kAlertSeverities, severity, Qt::CaseInsensitive)) {
            info.severity = *mapped;
        } else {
            warn(Kind::Unsupported, QStringLiteral("severity"),
                 QStringLiteral("unknown severity \"%1\", left Unknown").arg(severity.left(60)));
        }
    }
    info.headline = text(QStringLiteral("name"));
    info.description = text(QStringLiteral("description"));
    info.effective = time(QStringLiteral("validFrom"), false);
    info.expires = time(QStringLiteral("validTo"), false);

    QString timeName = QStringLiteral("dateIssued");
    alert.sent = time(timeName, false);
    for (const auto &fallback : {QStringLiteral("validFrom"), QStringLiteral("dateModified")}) {
        if (!alert.sent.isValid()) {
            timeName = fallback;
            alert.sent = time(fallback, false);
        }
    }
    if (!alert.sent.isValid() && m_notifiedAt.isValid()) {
        alert.sent = m_notifiedAt;
        timeName = QStringLiteral("notifiedAt");
    }
    if (!alert.sent.isValid()) {
        return reject(Kind::MissingField, QStringLiteral("dateIssued"),
                      QStringLiteral("an Alert needs the time it was issued"));
    }
    if (m_context.isTooFarInFuture(alert.sent)) {
        return reject(Kind::OutOfRange, timeName,
                      QStringLiteral("%1 is in the future; entity rejected")
                          .arg(alert.sent.toString(Qt::ISODate)));
    }

    GeoJsonGeometry geometry;
    if (auto problem = readLocation(&geometry))
        return problem;
    AlertArea area;
    area.description = kecamatan();
    if (geometry.type() == GeoJsonGeometry::Type::Point) {
        area.circles.append(QGeoCircle(geometry.line().first(), 0.0));
    } else if (geometry.type() == GeoJsonGeometry::Type::LineString) {
        area.circles.append(QGeoCircle(geometry.representativePoint(), 0.0));
    } else {
        for (const auto &ring : geometry.polygons())
            area.polygons.append(QGeoPolygon(ring));
    }
    if (geometry.isValid() || !area.description.isEmpty())
        info.areas.append(area);
    alert.infos.append(info);
    return std::nullopt;
}

} // namespace

FeedKind NgsiLdParser::kindOfEntityType(QStringView type, FeedKind fallback)
{
    return enumFromKey(kKindsByEntityType, type).value_or(fallback);
}

bool NgsiLdParser::isNumericAttribute(QStringView name)
{
    return enumFromKey(kNumericAttributes, name).has_value();
}

bool NgsiLdParser::isStructuralAttribute(QStringView name)
{
    return isStructural(name);
}

std::span<const QLatin1String> NgsiLdParser::statusAttributes()
{
    return kStatusAttributes;
}

ParseResult NgsiLdParser::parse(const QByteArray &document) const
{
    ParseResult result;
    if (const auto json = parsing::readJson(document, m_context.limits, result))
        return parse(*json);
    return result;
}

ParseResult NgsiLdParser::parse(const QJsonValue &document) const
{
    ParseResult result;
    if (parsing::refuseTooDeep(document, m_context, result))
        return result;
    const auto &limits = m_context.limits;

    QJsonArray entities;
    QString prefix;
    QDateTime notifiedAt;
    bool single = false;
    if (document.isArray()) {
        entities = document.toArray();
    } else if (document.isObject() &&
               document[QLatin1String("type")].toString() == QLatin1String("Notification")) {
        const QJsonObject notification = document.toObject();
        const QJsonValue data = notification.value(QLatin1String("data"));
        if (!data.isArray()) {
            result.error(data.isUndefined() ? Kind::MissingField : Kind::WrongType,
                         QStringLiteral("data"),
                         QStringLiteral("a notification's data must be an array of entities"));
            return result;
        }
        entities = data.toArray();
        prefix = QStringLiteral("data");
        notifiedAt =
            parsing::parseIsoDateTime(notification.value(QLatin1String("notifiedAt")).toString());
        if (m_context.isTooFarInFuture(notifiedAt)) {
            result.warning(Kind::OutOfRange, QStringLiteral("notifiedAt"),
                           QStringLiteral("in the future; not used as a fallback time"));
            notifiedAt = {};
        }
    } else if (document.isObject()) {
        entities = QJsonArray{document};
        single = true;
    } else {
        result.error(Kind::WrongType, {},
                     QStringLiteral("expected an entity, an array of entities or a notification"));
        return result;
    }
    if (entities.size() > limits.maxFeatures) {
        result.error(Kind::TooLarge, prefix,
                     QStringLiteral("%1 entities exceed the limit of %2")
                         .arg(entities.size())
                         .arg(limits.maxFeatures));
        return result;
    }

    int rejected = 0;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const QString entityPrefix = single ? QString() : prefix + QStringLiteral("[%1]").arg(i);
        EntityReader reader(m_context, result, entityPrefix, notifiedAt);
        Rejection rejection;
        if (auto event = reader.read(entities.at(i), &rejection)) {
            result.events.append(std::move(*event));
            continue;
        }
        ++rejected;
        qCDebug(lcNgsi) << "entity rejected:" << rejection.path << rejection.message;
        if (single)
            result.error(rejection.kind, rejection.path, rejection.message);
        else
            result.warning(rejection.kind, rejection.path, rejection.message);
    }
    if (!single && rejected > 0 && result.events.isEmpty()) {
        result.error(Kind::Malformed, prefix,
                     QStringLiteral("none of the %1 entities is usable").arg(rejected));
    }
    return result;
}

} // namespace tlr
