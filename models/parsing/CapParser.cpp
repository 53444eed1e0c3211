#include "CapParser.h"

#include "ParseHelpers.h"
#include "domain/EnumTable.h"

#include <QLoggingCategory>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

Q_LOGGING_CATEGORY(lcCap, "tlr.parsing.cap")

namespace tlr {
namespace {

using Kind = ParseProblem::Kind;
using Info = AlertInfo;

constexpr EnumEntry<Alert::Status> kStatuses[] = {
    {u"Actual", Alert::Status::Actual},     {u"Draft", Alert::Status::Draft},
    {u"Exercise", Alert::Status::Exercise}, {u"System", Alert::Status::System},
    {u"Test", Alert::Status::Test},
};
constexpr EnumEntry<Alert::MsgType> kMsgTypes[] = {
    {u"Ack", Alert::MsgType::Ack},       {u"Alert", Alert::MsgType::Alert},
    {u"Cancel", Alert::MsgType::Cancel}, {u"Error", Alert::MsgType::Error},
    {u"Update", Alert::MsgType::Update},
};
constexpr EnumEntry<Alert::Scope> kScopes[] = {
    {u"Private", Alert::Scope::Private},
    {u"Public", Alert::Scope::Public},
    {u"Restricted", Alert::Scope::Restricted},
};
constexpr EnumEntry<Info::Category> kCategories[] = {
    {u"CBRNE", Info::Category::CBRNE},       {u"Env", Info::Category::Env},
    {u"Fire", Info::Category::Fire},         {u"Geo", Info::Category::Geo},
    {u"Health", Info::Category::Health},     {u"Infra", Info::Category::Infra},
    {u"Met", Info::Category::Met},           {u"Other", Info::Category::Other},
    {u"Rescue", Info::Category::Rescue},     {u"Safety", Info::Category::Safety},
    {u"Security", Info::Category::Security}, {u"Transport", Info::Category::Transport},
};
constexpr EnumEntry<Info::ResponseType> kResponseTypes[] = {
    {u"AllClear", Info::ResponseType::AllClear}, {u"Assess", Info::ResponseType::Assess},
    {u"Avoid", Info::ResponseType::Avoid},       {u"Evacuate", Info::ResponseType::Evacuate},
    {u"Execute", Info::ResponseType::Execute},   {u"Monitor", Info::ResponseType::Monitor},
    {u"None", Info::ResponseType::None},         {u"Prepare", Info::ResponseType::Prepare},
    {u"Shelter", Info::ResponseType::Shelter},
};
constexpr EnumEntry<Info::Urgency> kUrgencies[] = {
    {u"Expected", Info::Urgency::Expected},   {u"Future", Info::Urgency::Future},
    {u"Immediate", Info::Urgency::Immediate}, {u"Past", Info::Urgency::Past},
    {u"Unknown", Info::Urgency::Unknown},
};
// "Very Likely" was a CAP 1.0/1.1 value, deprecated in 1.2 in favour of Likely.
constexpr EnumEntry<Info::Certainty> kCertainties[] = {
    {u"Likely", Info::Certainty::Likely},     {u"Observed", Info::Certainty::Observed},
    {u"Possible", Info::Certainty::Possible}, {u"Unknown", Info::Certainty::Unknown},
    {u"Unlikely", Info::Certainty::Unlikely}, {u"Very Likely", Info::Certainty::Likely},
};
static_assert(isSortedTable(kStatuses));
static_assert(isSortedTable(kMsgTypes));
static_assert(isSortedTable(kScopes));
static_assert(isSortedTable(kCategories));
static_assert(isSortedTable(kResponseTypes));
static_assert(isSortedTable(kUrgencies));
static_assert(isSortedTable(kCertainties));

constexpr QLatin1String kCap12("urn:oasis:names:tc:emergency:cap:1.2");
constexpr QLatin1String kCap11("urn:oasis:names:tc:emergency:cap:1.1");

QStringList splitOnWhitespace(const QString &text)
{
    return text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Thrown only inside this file, caught in CapParser::parse: a fatal problem ends the walk.
struct Fatal
{
    ParseProblem problem;
};

class CapReader
{
public:
    CapReader(const QByteArray &document, const ParseContext &context, ParseResult &result)
        : m_xml(document)
        , m_context(context)
        , m_result(result)
    {
    }

    Alert readDocument();

private:
    [[noreturn]] void fatal(Kind kind, const QString &path, const QString &message)
    {
        throw Fatal{{ParseProblem::Level::Error, kind, path, message}};
    }
    void warn(Kind kind, const QString &path, const QString &message)
    {
        m_result.warning(kind, path, message);
    }

    // Advances to the next child start element of the current element; false at its end.
    bool nextChild();
    void checkXmlError();
    QString text(const QString &path);
    void skip(const QString &path); // an unknown or foreign element, logged
    void skipChildren();
    bool isCap() const { return m_xml.namespaceUri() == m_namespace; }

    template <typename Enum, std::size_t N>
    Enum enumValue(const EnumEntry<Enum> (&table)[N], const QString &value, const QString &path)
    {
        if (const auto parsed = enumFromKey(table, value, Qt::CaseInsensitive))
            return *parsed;
        warn(Kind::Unsupported, path,
             QStringLiteral("unknown value \"%1\", left Unknown").arg(value.left(60)));
        return Enum::Unknown;
    }
    QDateTime time(const QString &value, const QString &path, bool mandatory);
    std::optional<double> number(const QString &value, const QString &path);

    std::optional<Info> readInfo(const QString &path);
    AlertArea readArea(const QString &path);
    AlertResource readResource(const QString &path);
    NamedValue readNamedValue(const QString &path);
    void readPolygon(const QString &value, const QString &path, AlertArea &area);
    void readCircle(const QString &value, const QString &path, AlertArea &area);

    QXmlStreamReader m_xml;
    const ParseContext &m_context;
    ParseResult &m_result;
    QString m_namespace;
    int m_depth = 0;
};

void CapReader::checkXmlError()
{
    if (m_xml.hasError()) {
        fatal(Kind::Malformed, {},
              QStringLiteral("not well-formed XML: %1 at line %2, column %3")
                  .arg(m_xml.errorString())
                  .arg(m_xml.lineNumber())
                  .arg(m_xml.columnNumber()));
    }
}

bool CapReader::nextChild()
{
    while (!m_xml.atEnd()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (++m_depth > m_context.limits.maxNestingDepth) {
                fatal(Kind::TooDeep, {},
                      QStringLiteral("elements nested deeper than %1")
                          .arg(m_context.limits.maxNestingDepth));
            }
            return true;
        }
        if (token == QXmlStreamReader::EndElement) {
            --m_depth;
            return false;
        }
        if (token == QXmlStreamReader::DTD)
            fatal(Kind::Unsupported, {}, QStringLiteral("a DTD is not allowed in CAP"));
    }
    checkXmlError();
    fatal(Kind::Malformed, {}, QStringLiteral("the document ends inside an element"));
}

QString CapReader::text(const QString &path)
{
    const QString value = m_xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
    --m_depth;
    if (m_xml.hasError()) {
        if (m_xml.error() == QXmlStreamReader::UnexpectedElementError)
            fatal(Kind::Malformed, path, QStringLiteral("expected text, found an element"));
        checkXmlError();
    }
    return value.trimmed();
}

void CapReader::skip(const QString &path)
{
    qCDebug(lcCap) << "skipping element" << m_xml.qualifiedName() << "at" << path;
    skipChildren();
}

void CapReader::skipChildren()
{
    while (nextChild())
        skipChildren();
}

QDateTime CapReader::time(const QString &value, const QString &path, bool mandatory)
{
    const QDateTime parsed = parsing::parseIsoDateTime(value);
    if (!parsed.isValid()) {
        const QString message =
            QStringLiteral("\"%1\" is not an ISO 8601 date and time").arg(value.left(60));
        if (mandatory)
            fatal(Kind::WrongType, path, message);
        warn(Kind::WrongType, path, message + QStringLiteral(", ignored"));
    }
    return parsed;
}

std::optional<double> CapReader::number(const QString &value, const QString &path)
{
    bool ok = false;
    const double parsed = value.toDouble(&ok);
    if (ok && std::isfinite(parsed))
        return parsed;
    warn(Kind::WrongType, path,
         QStringLiteral("\"%1\" is not a number, ignored").arg(value.left(60)));
    return std::nullopt;
}

Alert CapReader::readDocument()
{
    // The root element decides whether this is CAP at all.
    while (!m_xml.atEnd()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement)
            break;
        if (token == QXmlStreamReader::DTD)
            fatal(Kind::Unsupported, {}, QStringLiteral("a DTD is not allowed in CAP"));
    }
    checkXmlError();
    if (!m_xml.isStartElement())
        fatal(Kind::Malformed, {}, QStringLiteral("no root element"));
    m_depth = 1;
    m_namespace = m_xml.namespaceUri().toString();
    if (m_xml.name() != QLatin1String("alert") ||
        (m_namespace != kCap12 && m_namespace != kCap11)) {
        fatal(Kind::Unsupported, {},
              QStringLiteral("root element {%1}%2 is not a CAP 1.1 or 1.2 alert")
                  .arg(m_namespace.left(80), m_xml.name().toString().left(40)));
    }

    Alert alert;
    alert.source = m_context.feedId;
    bool hasStatus = false, hasMsgType = false, hasScope = false;
    int infoIndex = 0;
    int droppedInfos = 0;
    while (nextChild()) {
        const auto name = m_xml.name();
        const QString path = QStringLiteral("alert/") + name.toString();
        if (!isCap()) {
            skip(path); // ds:Signature and other foreign elements
        } else if (name == QLatin1String("info")) {
            const QString infoPath = QStringLiteral("alert/info[%1]").arg(infoIndex++);
            if (auto info = readInfo(infoPath))
                alert.infos.append(std::move(*info));
            else
                ++droppedInfos;
        } else if (name == QLatin1String("identifier")) {
            alert.identifier = text(path);
        } else if (name == QLatin1String("sender")) {
            alert.sender = text(path);
        } else if (name == QLatin1String("sent")) {
            alert.sent = time(text(path), path, true);
        } else if (name == QLatin1String("status")) {
            alert.status = enumValue(kStatuses, text(path), path);
            hasStatus = true;
        } else if (name == QLatin1String("msgType")) {
            alert.msgType = enumValue(kMsgTypes, text(path), path);
            hasMsgType = true;
        } else if (name == QLatin1String("scope")) {
            alert.scope = enumValue(kScopes, text(path), path);
            hasScope = true;
        } else if (name == QLatin1String("restriction")) {
            alert.restriction = text(path);
        } else if (name == QLatin1String("addresses")) {
            alert.addresses = text(path);
        } else if (name == QLatin1String("code")) {
            alert.codes.append(text(path));
        } else if (name == QLatin1String("note")) {
            alert.note = text(path);
        } else if (name == QLatin1String("references")) {
            alert.references = splitOnWhitespace(text(path));
        } else if (name == QLatin1String("incidents")) {
            alert.incidents = splitOnWhitespace(text(path));
        } else {
            skip(path); // <source> and anything newer than the model
        }
    }
    // Whatever follows the root (comments, whitespace) must still be well-formed.
    while (!m_xml.atEnd())
        m_xml.readNext();
    if (m_xml.hasError() && m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        checkXmlError();

    const struct
    {
        bool present;
        const char *name;
    } mandatory[] = {
        {!alert.identifier.isEmpty(), "identifier"},
        {!alert.sender.isEmpty(), "sender"},
        {alert.sent.isValid(), "sent"},
        {hasStatus, "status"},
        {hasMsgType, "msgType"},
        {hasScope, "scope"},
    };
    for (const auto &field : mandatory) {
        if (!field.present) {
            fatal(Kind::MissingField, QStringLiteral("alert/") + QLatin1String(field.name),
                  QStringLiteral("mandatory CAP element missing or empty"));
        }
    }
    if (m_context.isTooFarInFuture(alert.sent)) {
        fatal(Kind::OutOfRange, QStringLiteral("alert/sent"),
              QStringLiteral("%1 is in the future").arg(alert.sent.toString(Qt::ISODate)));
    }
    if (droppedInfos > 0 && alert.infos.isEmpty())
        fatal(Kind::MissingField, QStringLiteral("alert/info"), QStringLiteral("no usable info"));
    return alert;
}

std::optional<Info> CapReader::readInfo(const QString &path)
{
    Info info;
    bool hasUrgency = false, hasSeverity = false, hasCertainty = false;
    int areaIndex = 0, resourceIndex = 0;
    while (nextChild()) {
        const auto name = m_xml.name();
        const QString childPath = path + QLatin1Char('/') + name.toString();
        if (!isCap()) {
            skip(childPath);
        } else if (name == QLatin1String("language")) {
            info.language = text(childPath);
        } else if (name == QLatin1String("category")) {
            info.categories.append(enumValue(kCategories, text(childPath), childPath));
        } else if (name == QLatin1String("event")) {
            info.event = text(childPath);
        } else if (name == QLatin1String("responseType")) {
            info.responseTypes.append(enumValue(kResponseTypes, text(childPath), childPath));
        } else if (name == QLatin1String("urgency")) {
            info.urgency = enumValue(kUrgencies, text(childPath), childPath);
            hasUrgency = true;
        } else if (name == QLatin1String("severity")) {
            const QString value = text(childPath);
            if (const auto severity = severityFromKey(value)) {
                info.severity = *severity;
            } else {
                warn(Kind::Unsupported, childPath,
                     QStringLiteral("unknown value \"%1\", left Unknown").arg(value.left(60)));
            }
            hasSeverity = true;
        } else if (name == QLatin1String("certainty")) {
            info.certainty = enumValue(kCertainties, text(childPath), childPath);
            hasCertainty = true;
        } else if (name == QLatin1String("audience")) {
            info.audience = text(childPath);
        } else if (name == QLatin1String("eventCode")) {
            info.eventCodes.append(readNamedValue(childPath));
        } else if (name == QLatin1String("effective")) {
            info.effective = time(text(childPath), childPath, false);
        } else if (name == QLatin1String("onset")) {
            info.onset = time(text(childPath), childPath, false);
        } else if (name == QLatin1String("expires")) {
            info.expires = time(text(childPath), childPath, false);
        } else if (name == QLatin1String("senderName")) {
            info.senderName = text(childPath);
        } else if (name == QLatin1String("headline")) {
            info.headline = text(childPath);
        } else if (name == QLatin1String("description")) {
            info.description = text(childPath);
        } else if (name == QLatin1String("instruction")) {
            info.instruction = text(childPath);
        } else if (name == QLatin1String("web")) {
            info.web = text(childPath);
        } else if (name == QLatin1String("contact")) {
            info.contact = text(childPath);
        } else if (name == QLatin1String("parameter")) {
            info.parameters.append(readNamedValue(childPath));
        } else if (name == QLatin1String("resource")) {
            info.resources.append(
                readResource(path + QStringLiteral("/resource[%1]").arg(resourceIndex++)));
        } else if (name == QLatin1String("area")) {
            info.areas.append(readArea(path + QStringLiteral("/area[%1]").arg(areaIndex++)));
        } else {
            skip(childPath);
        }
    }
    const struct
    {
        bool present;
        const char *name;
    } mandatory[] = {
        {!info.categories.isEmpty(), "category"},
        {!info.event.isEmpty(), "event"},
        {hasUrgency, "urgency"},
        {hasSeverity, "severity"},
        {hasCertainty, "certainty"},
    };
    for (const auto &field : mandatory) {
        if (!field.present) {
            warn(Kind::MissingField, path + QLatin1Char('/') + QLatin1String(field.name),
                 QStringLiteral("mandatory CAP element missing: this info is dropped"));
            return std::nullopt;
        }
    }
    return info;
}

NamedValue CapReader::readNamedValue(const QString &path)
{
    NamedValue pair;
    while (nextChild()) {
        const auto name = m_xml.name();
        if (isCap() && name == QLatin1String("valueName"))
            pair.name = text(path + QStringLiteral("/valueName"));
        else if (isCap() && name == QLatin1String("value"))
            pair.value = text(path + QStringLiteral("/value"));
        else
            skip(path + QLatin1Char('/') + name.toString());
    }
    return pair;
}

AlertResource CapReader::readResource(const QString &path)
{
    AlertResource resource;
    while (nextChild()) {
        const auto name = m_xml.name();
        const QString childPath = path + QLatin1Char('/') + name.toString();
        if (!isCap()) {
            skip(childPath);
        } else if (name == QLatin1String("resourceDesc")) {
            resource.description = text(childPath);
        } else if (name == QLatin1String("mimeType")) {
            resource.mimeType = text(childPath);
        } else if (name == QLatin1String("size")) {
            bool ok = false;
            const QString value = text(childPath);
            resource.size = value.toLongLong(&ok);
            if (!ok || resource.size < 0) {
                resource.size = -1;
                warn(Kind::WrongType, childPath,
                     QStringLiteral("\"%1\" is not a size in bytes, ignored").arg(value.left(40)));
            }
        } else if (name == QLatin1String("uri")) {
            resource.uri = text(childPath);
        } else {
            skip(childPath); // derefUri (inline content) and digest are not shown on the wall
        }
    }
    return resource;
}

AlertArea CapReader::readArea(const QString &path)
{
    AlertArea area;
    int polygonIndex = 0, circleIndex = 0;
    while (nextChild()) {
        const auto name = m_xml.name();
        const QString childPath = path + QLatin1Char('/') + name.toString();
        if (!isCap()) {
            skip(childPath);
        } else if (name == QLatin1String("areaDesc")) {
            area.description = text(childPath);
        } else if (name == QLatin1String("polygon")) {
            const QString polygonPath = path + QStringLiteral("/polygon[%1]").arg(polygonIndex++);
            readPolygon(text(polygonPath), polygonPath, area);
        } else if (name == QLatin1String("circle")) {
            const QString circlePath = path + QStringLiteral("/circle[%1]").arg(circleIndex++);
            readCircle(text(circlePath), circlePath, area);
        } else if (name == QLatin1String("geocode")) {
            area.geocodes.append(readNamedValue(childPath));
        } else if (name == QLatin1String("altitude")) {
            area.altitude = number(text(childPath), childPath);
        } else if (name == QLatin1String("ceiling")) {
            area.ceiling = number(text(childPath), childPath);
        } else {
            skip(childPath);
        }
    }
    return area;
}

// One decimal number, all of [begin, end). QString::toDouble goes through the locale machinery
// and cost ~2 us a call, most of the time spent on a 2,600-point polygon; from_chars does not.
std::optional<double> decimal(const char *begin, const char *end)
{
    if (begin != end && *begin == '+')
        ++begin; // from_chars takes no plus sign; CAP writers sometimes do
    double value = 0;
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || stop != end || begin == end)
        return std::nullopt;
    return value;
}

// CAP writes points as "latitude,longitude" (WGS 84), pairs separated by whitespace.
std::optional<QGeoCoordinate> capPoint(const char *begin, const char *end)
{
    const char *comma = std::find(begin, end, ',');
    if (comma == end)
        return std::nullopt;
    const auto lat = decimal(begin, comma);
    const auto lon = decimal(comma + 1, end);
    if (!lat || !lon || !parsing::isValidLatitude(*lat) || !parsing::isValidLongitude(*lon))
        return std::nullopt;
    return QGeoCoordinate(*lat, *lon);
}

// Whitespace-separated tokens of Latin-1 text (anything else cannot be a number anyway).
QList<std::pair<const char *, const char *>> tokens(const QByteArray &text)
{
    QList<std::pair<const char *, const char *>> result;
    const char *p = text.constData();
    const char *end = p + text.size();
    while (p != end) {
        while (p != end && std::isspace(static_cast<unsigned char>(*p)))
            ++p;
        const char *start = p;
        while (p != end && !std::isspace(static_cast<unsigned char>(*p)))
            ++p;
        if (start != p)
            result.append(std::make_pair(start, p));
    }
    return result;
}

void CapReader::readPolygon(const QString &value, const QString &path, AlertArea &area)
{
    if (value.isEmpty()) {
        // Real NWS CAP 1.1 feeds write <polygon></polygon> when an alert has only geocodes.
        warn(Kind::MissingField, path, QStringLiteral("empty polygon, skipped"));
        return;
    }
    // Pairs are separated by any whitespace, newlines included.
    const QByteArray latin1 = value.toLatin1();
    const auto points = tokens(latin1);
    if (points.size() > m_context.limits.maxPolygonVertices) {
        warn(Kind::TooLarge, path,
             QStringLiteral("%1 vertices exceed the limit of %2, polygon skipped")
                 .arg(points.size())
                 .arg(m_context.limits.maxPolygonVertices));
        return;
    }
    QList<QGeoCoordinate> ring;
    ring.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const auto [begin, end] = points.at(i);
        const auto point = capPoint(begin, end);
        if (!point) {
            const QByteArray pair(begin, std::min<qsizetype>(end - begin, 60));
            warn(Kind::OutOfRange, path,
                 QStringLiteral(
                     "point %1 \"%2\" is not a valid latitude,longitude; polygon skipped")
                     .arg(i)
                     .arg(QString::fromLatin1(pair)));
            return;
        }
        ring.append(*point);
    }
    if (ring.size() < 4) {
        warn(
            Kind::OutOfRange, path,
            QStringLiteral("a polygon needs at least 4 points, got %1; skipped").arg(ring.size()));
        return;
    }
    if (ring.first() != ring.last()) {
        warn(Kind::OutOfRange, path,
             QStringLiteral("the polygon is not closed (first and last points differ); skipped"));
        return;
    }
    ring.removeLast(); // QGeoPolygon is implicitly closed
    area.polygons.append(QGeoPolygon(ring));
}

void CapReader::readCircle(const QString &value, const QString &path, AlertArea &area)
{
    const QByteArray latin1 = value.toLatin1();
    const auto parts = tokens(latin1);
    const auto centre =
        parts.size() == 2 ? capPoint(parts[0].first, parts[0].second) : std::nullopt;
    const auto radiusKm =
        parts.size() == 2 ? decimal(parts[1].first, parts[1].second) : std::nullopt;
    if (!centre || !radiusKm || !std::isfinite(*radiusKm) || *radiusKm < 0) {
        warn(Kind::OutOfRange, path,
             QStringLiteral("\"%1\" is not \"latitude,longitude radius_km\"; circle skipped")
                 .arg(value.left(80)));
        return;
    }
    area.circles.append(QGeoCircle(*centre, *radiusKm * 1000.0));
}

} // namespace

ParseResult CapParser::parse(const QByteArray &document) const
{
    ParseResult result;
    if (document.size() > m_context.limits.maxMessageBytes) {
        result.error(Kind::TooLarge, {},
                     QStringLiteral("document of %1 bytes exceeds the limit of %2 bytes")
                         .arg(document.size())
                         .arg(m_context.limits.maxMessageBytes));
        return result;
    }
    try {
        CapReader reader(document, m_context, result);
        result.events.append(reader.readDocument());
    } catch (const Fatal &fatal) {
        result.events.clear();
        result.problems.append(fatal.problem);
        qCDebug(lcCap) << "rejected:" << fatal.problem.toString();
    }
    return result;
}

} // namespace tlr
