#include "FastFrameParser.h"

#include "GeoJsonGeometry.h"
#include "InternedLocations.h"
#include "InternedStrings.h"
#include "NgsiLdParser.h"
#include "ParseHelpers.h"

#include <QVarLengthArray>

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>

namespace tlr {
namespace {

// simdjson's DOM parser rather than On-Demand: it validates every byte of the document, as
// QJsonDocument does, where On-Demand would skip the values we do not read unchecked and take
// a frame QJsonDocument refuses.
using simdjson::dom::element;
using Field = std::pair<std::string_view, element>;
using Fields = QVarLengthArray<Field, 16>;

// Every helper below answers false the moment the fast path cannot be sure it would read the
// message exactly as the QJsonDocument parsers do; the caller then falls back to them.

// QJsonDocument refuses a number that underflows to zero ("1e-400"), simdjson reads it as 0:
// a negative exponent anywhere (or what looks like one inside a string) takes the slow path.
bool hasNegativeExponent(const QByteArray &bytes)
{
    const char *const begin = bytes.constData();
    const char *const end = begin + bytes.size();
    for (const char *p = begin + 2; p < end;) {
        const auto *minus = static_cast<const char *>(std::memchr(p, '-', size_t(end - p)));
        if (!minus)
            return false;
        if ((minus[-1] == 'e' || minus[-1] == 'E') && minus[-2] >= '0' && minus[-2] <= '9')
            return true;
        p = minus + 1;
    }
    return false;
}

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

// Byte order, as std::string_view's operator< has it, compared in line: keys are short and
// mostly differ in their first bytes, where a call to memcmp for each comparison was a tenth of
// the parsing thread's instructions.
int compareKeys(std::string_view a, std::string_view b)
{
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// An object's members in QJsonObject's order, by key (byte order: only ASCII gets here). A
// repeated key is a doubt: which of the two QJsonDocument keeps is not ours to guess.
bool sortedFields(element value, Fields &out)
{
    simdjson::dom::object object;
    if (value.get_object().get(object))
        return false;
    out.resize(0);
    for (const auto field : object)
        out.append({field.key, field.value});
    std::sort(out.begin(), out.end(),
              [](const Field &a, const Field &b) { return compareKeys(a.first, b.first) < 0; });
    return std::adjacent_find(out.begin(), out.end(), [](const Field &a, const Field &b) {
               return compareKeys(a.first, b.first) == 0;
           }) == out.end();
}

const element *find(const Fields &fields, std::string_view key)
{
    const auto it = std::lower_bound(fields.begin(), fields.end(), key,
                                     [](const Field &f, std::string_view k) {
                                         return compareKeys(f.first, k) < 0;
                                     });
    return it != fields.end() && compareKeys(it->first, key) == 0 ? &it->second : nullptr;
}

bool isNumber(element value)
{
    return value.is_int64() || value.is_uint64() || value.is_double();
}

// QJsonDocument reads "-0" as the integer 0 and "-0.0" as the double -0.0; anything that is
// not a plain finite number is left to it.
bool number(element value, double &out)
{
    if (value.get_double().get(out))
        return false;
    return std::isfinite(out) && !(out == 0.0 && std::signbit(out));
}

std::string_view stringOr(const element *value, std::string_view fallback = {})
{
    std::string_view text;
    if (!value || value->get_string().get(text))
        return fallback; // QJsonValue::toString() of a non-string is empty
    return text;
}

// GeoJsonGeometry's reader for one position: [longitude, latitude, anything more].
bool position(element value, int &vertices, int maxVertices, double &lon, double &lat)
{
    simdjson::dom::array array;
    if (value.get_array().get(array) || array.size() < 2)
        return false;
    const element longitude = array.at(0).value_unsafe();
    const element latitude = array.at(1).value_unsafe();
    return isNumber(longitude) && isNumber(latitude) && number(longitude, lon) &&
           number(latitude, lat) && parsing::isValidLongitude(lon) &&
           parsing::isValidLatitude(lat) && ++vertices <= maxVertices;
}

// GeoJsonGeometry::read() for the shapes sensors have, a Point or a LineString; a polygon and
// anything wrong is the slow path's.
std::optional<InternedLocations::Location> pointOrLine(element value, int maxVertices,
                                                       InternedLocations &locations)
{
    Fields fields;
    if (!sortedFields(value, fields))
        return std::nullopt;
    const std::string_view type = stringOr(find(fields, "type"));
    const element *coordinates = find(fields, "coordinates");
    if (!coordinates)
        return std::nullopt;
    int vertices = 0;
    QVarLengthArray<double, 32> lonLat;
    double lon = 0;
    double lat = 0;
    if (type == "Point") {
        if (!position(*coordinates, vertices, maxVertices, lon, lat))
            return std::nullopt;
        lonLat.append(lon);
        lonLat.append(lat);
        return locations.location(GeoJsonGeometry::Type::Point, lonLat);
    }
    simdjson::dom::array positions;
    if (type != "LineString" || coordinates->get_array().get(positions) || positions.size() < 2)
        return std::nullopt;
    lonLat.reserve(qsizetype(2 * positions.size()));
    for (const element item : positions) {
        if (!position(item, vertices, maxVertices, lon, lat))
            return std::nullopt;
        lonLat.append(lon);
        lonLat.append(lat);
    }
    return locations.location(GeoJsonGeometry::Type::LineString, lonLat);
}

// NgsiLdParser's Attribute and unwrap(): one attribute with the NGSI wrapping taken off. An
// absent value is QJsonValue's "undefined".
struct Attribute
{
    std::optional<element> value;
    std::string_view unitCode;
    std::string_view observedAt;
};

bool unwrap(element wrapped, Attribute &out)
{
    out = {wrapped, {}, {}};
    if (wrapped.is_array()) {
        // Multi-attribute instances pick a default instance: not the common case, left alone.
        const simdjson::dom::array array(wrapped);
        return array.size() == 0 || !array.at(0).is_object();
    }
    Fields fields;
    if (wrapped.is_object()) {
        if (!sortedFields(wrapped, fields))
            return false;
        const element *type = find(fields, "type");
        const bool typed = type && type->is_string();
        const bool isRelationship = typed && stringOr(type) == "Relationship";
        if (typed && (find(fields, "value") || isRelationship)) {
            const element *value = find(fields, isRelationship ? "object" : "value");
            out.value = value ? std::optional<element>(*value) : std::nullopt;
            out.unitCode = stringOr(find(fields, "unitCode"));
            if (out.unitCode.empty()) {
                if (const element *metadata = find(fields, "metadata"); metadata && metadata->is_object()) {
                    Fields metadataFields;
                    if (!sortedFields(*metadata, metadataFields))
                        return false;
                    const element *unit = find(metadataFields, "unitCode");
                    if (unit && unit->is_object()) {
                        Fields unitFields;
                        if (!sortedFields(*unit, unitFields))
                            return false;
                        out.unitCode = stringOr(find(unitFields, "value"));
                    }
                }
            }
            out.observedAt = stringOr(find(fields, "observedAt"));
        }
    }
    // JSON-LD typed literal: {"@type":"DateTime","@value":"…"}
    if (out.value && out.value->is_object()) {
        if (!sortedFields(*out.value, fields))
            return false;
        if (const element *literal = find(fields, "@value"))
            out.value = *literal;
    }
    return true;
}

// NgsiLdParser's EntityReader for one entity that is an Observation, without a warning.
class EntityReader
{
public:
    EntityReader(const ParseContext &context, const Fields &entity, InternedStrings &strings,
                 InternedLocations &locations)
        : m_context(context)
        , m_entity(entity)
        , m_strings(strings)
        , m_locations(locations)
    {
    }

    bool read(Observation &observation);

private:
    bool rawText(std::string_view name, std::optional<std::string_view> &out) const;
    bool text(std::string_view name, QString &out) const;
    bool time(std::string_view name, bool takeIntervalEnd, QDateTime &out) const;
    bool kecamatan(QString &out) const;
    bool location(Observation &observation) const;

    const ParseContext &m_context;
    const Fields &m_entity;
    InternedStrings &m_strings;
    InternedLocations &m_locations;
};

// nullopt when the attribute is absent or null.
bool EntityReader::rawText(std::string_view name, std::optional<std::string_view> &out) const
{
    out.reset();
    const element *raw = find(m_entity, name);
    if (!raw || raw->is_null())
        return true;
    Attribute attribute;
    if (!unwrap(*raw, attribute) || !attribute.value || !attribute.value->is_string())
        return false; // "expected a string"
    out = stringOr(&*attribute.value);
    return true;
}

bool EntityReader::text(std::string_view name, QString &out) const
{
    std::optional<std::string_view> value;
    if (!rawText(name, value))
        return false;
    out = value ? m_strings.latin1(*value) : QString();
    return true;
}

bool EntityReader::time(std::string_view name, bool takeIntervalEnd, QDateTime &out) const
{
    out = {};
    std::optional<std::string_view> value;
    if (!rawText(name, value))
        return false;
    if (!value || value->empty())
        return true;
    std::string_view time = *value;
    const size_t slash = time.find('/');
    if (takeIntervalEnd && slash != std::string_view::npos)
        time = time.substr(slash + 1);
    out = parsing::parseIsoDateTime(latin1(time));
    return out.isValid(); // "not an ISO 8601 date and time"
}

bool EntityReader::kecamatan(QString &out) const
{
    out.clear();
    if (find(m_entity, "kecamatan"))
        return text("kecamatan", out);
    const element *raw = find(m_entity, "address");
    if (!raw)
        return true;
    Attribute address;
    if (!unwrap(*raw, address))
        return false;
    if (!address.value || address.value->is_null())
        return true;
    Fields fields;
    if (!sortedFields(*address.value, fields))
        return false; // not an object: "expected an object"
    out = m_strings.latin1(stringOr(find(fields, "addressLocality")));
    return true;
}

bool EntityReader::location(Observation &observation) const
{
    const element *raw = find(m_entity, "location");
    if (!raw || raw->is_null())
        return true;
    Attribute attribute;
    // A "latitude, longitude" string (NGSI v2) and anything not an object: the slow path.
    if (!unwrap(*raw, attribute) || !attribute.value || !attribute.value->is_object())
        return false;
    const std::optional<InternedLocations::Location> geometry =
        pointOrLine(*attribute.value, m_context.limits.maxPolygonVertices, m_locations);
    if (!geometry)
        return false;
    observation.location = geometry->point;
    if (geometry->type == GeoJsonGeometry::Type::LineString)
        observation.path = geometry->line;
    return true;
}

bool EntityReader::read(Observation &observation)
{
    const std::string_view id = stringOr(find(m_entity, "id"));
    const std::string_view type = stringOr(find(m_entity, "type"));
    if (id.empty() || type.empty())
        return false; // rejected: the slow path says why
    observation.source = m_context.feedId;
    observation.entityId = m_strings.latin1(id);
    // Without an @context the broker may hand out expanded types: keep the term after the IRI.
    const size_t cut = type.find_last_of("#/");
    observation.entityType =
        m_strings.latin1(cut != std::string_view::npos && cut + 1 < type.size() ? type.substr(cut + 1)
                                                                                : type);
    if (observation.entityType == QLatin1String("Alert"))
        return false;
    observation.kind = NgsiLdParser::kindOfEntityType(observation.entityType, m_context.kind);
    if (observation.entityType == QLatin1String("Vehicle")) {
        QString vehicleType;
        if (!text("vehicleType", vehicleType))
            return false;
        if (vehicleType.compare(QLatin1String("ambulance"), Qt::CaseInsensitive) == 0)
            observation.kind = FeedKind::Health;
    }
    if (!text("name", observation.name) || !kecamatan(observation.kecamatan) ||
        !location(observation))
        return false;

    for (const QLatin1String attribute : NgsiLdParser::statusAttributes()) {
        if (find(m_entity, std::string_view(attribute.data(), size_t(attribute.size())))) {
            if (!text(std::string_view(attribute.data(), size_t(attribute.size())),
                      observation.status))
                return false;
            if (!observation.status.isEmpty())
                break;
        }
    }

    QDateTime latestPropertyTime;
    observation.measurements.reserve(m_entity.size());
    for (const auto &[key, value] : m_entity) {
        const QString name = m_strings.latin1(key);
        if (NgsiLdParser::isStructuralAttribute(name))
            continue;
        Attribute attribute;
        if (!unwrap(value, attribute))
            return false;
        if (!attribute.observedAt.empty()) {
            const QDateTime at = parsing::parseIsoDateTime(latin1(attribute.observedAt));
            if (!at.isValid())
                return false;
            if (!latestPropertyTime.isValid() || at > latestPropertyTime)
                latestPropertyTime = at;
        }
        if (attribute.value && isNumber(*attribute.value)) {
            double number = 0;
            if (!tlr::number(*attribute.value, number))
                return false;
            observation.measurements.append({name, number, m_strings.latin1(attribute.unitCode)});
        } else if (NgsiLdParser::isNumericAttribute(name) &&
                   !(attribute.value && attribute.value->is_null())) {
            return false; // "expected a number"
        }
    }

    if (!time("dateObserved", true, observation.observedAt))
        return false;
    if (!observation.observedAt.isValid())
        observation.observedAt = latestPropertyTime;
    for (const std::string_view fallback : {"dateLastValueReported", "dateModified"}) {
        if (observation.observedAt.isValid())
            break;
        if (!time(fallback, false, observation.observedAt))
            return false;
    }
    // Neither a time nor a notification to take one from: NgsiLdParser keeps it without a
    // time and the store quarantines it, with their reasons.
    if (!observation.observedAt.isValid())
        return false;
    return !m_context.isTooFarInFuture(observation.observedAt);
}

} // namespace

FastFrameParser::FastFrameParser(ParseContext context)
    : m_context(std::move(context))
    , m_parser(std::make_unique<simdjson::dom::parser>(size_t(m_context.limits.maxMessageBytes)))
    , m_strings(std::make_unique<InternedStrings>())
    , m_locations(std::make_unique<InternedLocations>())
{
    // EnvelopeParser's depth: the payload's limit, plus the envelope around it. A deeper
    // document fails here and the slow path rejects it with its reason.
    m_ready = !m_parser->allocate(4096, size_t(m_context.limits.maxNestingDepth + 1));
}

FastFrameParser::~FastFrameParser() = default;

std::optional<FastFrameParser::Frame> FastFrameParser::parse(const QByteArray &message)
{
    if (!m_ready || message.isEmpty() || message.size() > m_context.limits.maxMessageBytes ||
        message.front() != '{' || !parsing::isPlainAsciiWithoutEscapes(message) ||
        hasNegativeExponent(message))
        return std::nullopt;
    element root;
    if (m_parser->parse(message.constData(), size_t(message.size())).get(root))
        return std::nullopt;
    Fields envelopeFields;
    if (!sortedFields(root, envelopeFields))
        return std::nullopt;

    Frame frame;
    Envelope &envelope = frame.envelope;
    envelope.feed = m_strings->latin1(stringOr(find(envelopeFields, "feed")));
    if (envelope.feed.isEmpty())
        return std::nullopt;
    const element *seq = find(envelopeFields, "seq");
    int64_t seqNumber = -1;
    // Beyond 2^53 a JSON number loses its order (EnvelopeParser says so); a fraction is left
    // to it as well.
    if (!seq || !seq->is_int64() || seq->get_int64().get(seqNumber) || seqNumber < 0 ||
        seqNumber > 9007199254740992LL)
        return std::nullopt;
    envelope.seq = seqNumber;
    const element *sent = find(envelopeFields, "sent");
    if (!sent || !sent->is_string())
        return std::nullopt;
    envelope.sent = parsing::parseIsoDateTime(latin1(stringOr(sent)));
    if (!envelope.sent.isValid())
        return std::nullopt;
    const std::string_view formatKey = stringOr(find(envelopeFields, "format"));
    const auto format = payloadFormatFromKey(latin1(formatKey));
    if (!format)
        return std::nullopt;
    envelope.format = *format;
    envelope.payloadNestingChecked = true;
    if (envelope.format == PayloadFormat::Heartbeat)
        return frame;
    if (envelope.format != PayloadFormat::NgsiLd)
        return std::nullopt;

    // One entity, not an array of them or a notification.
    const element *payload = find(envelopeFields, "payload");
    Fields entity;
    if (!payload || !sortedFields(*payload, entity))
        return std::nullopt;
    if (stringOr(find(entity, "type")) == "Notification")
        return std::nullopt;
    ParseContext context = m_context;
    context.feedId = envelope.feed;
    Observation observation;
    if (!EntityReader(context, entity, *m_strings, *m_locations).read(observation))
        return std::nullopt;
    frame.result.events.append(std::move(observation));
    return frame;
}

} // namespace tlr
