#include "ParseHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cmath>

namespace tlr::parsing {

QDateTime parseIsoDateTime(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.size() < 10)
        return {};
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toUTC();
}

int jsonNestingDepth(const QByteArray &json, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

namespace {

bool exceeds(const QJsonValue &value, int remaining)
{
    if (!value.isObject() && !value.isArray())
        return false;
    if (remaining <= 0)
        return true;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &child : array) {
            if (exceeds(child, remaining - 1))
                return true;
        }
        return false;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (exceeds(it.value(), remaining - 1))
            return true;
    }
    return false;
}

} // namespace

bool jsonDepthExceeds(const QJsonValue &value, int limit)
{
    return exceeds(value, limit);
}

bool isValidLatitude(double latitude)
{
    return std::isfinite(latitude) && latitude >= -90.0 && latitude <= 90.0;
}

bool isValidLongitude(double longitude)
{
    return std::isfinite(longitude) && longitude >= -180.0 && longitude <= 180.0;
}

std::optional<QJsonValue> readJson(const QByteArray &document, const ParserLimits &limits,
                                   ParseResult &result)
{
    using Kind = ParseProblem::Kind;
    if (document.size() > limits.maxMessageBytes) {
        result.error(Kind::TooLarge, {},
                     QStringLiteral("document of %1 bytes exceeds the limit of %2 bytes")
                         .arg(document.size())
                         .arg(limits.maxMessageBytes));
        return std::nullopt;
    }
    if (jsonNestingDepth(document, limits.maxNestingDepth) > limits.maxNestingDepth) {
        result.error(Kind::TooDeep, {}, QStringLiteral("JSON nested deeper than %1").arg(limits.maxNestingDepth));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError) {
        result.error(Kind::Malformed, {},
                     QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        return std::nullopt;
    }
    return json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
}

bool refuseTooDeep(const QJsonValue &document, const ParserLimits &limits, ParseResult &result)
{
    if (!jsonDepthExceeds(document, limits.maxNestingDepth))
        return false;
    result.error(ParseProblem::Kind::TooDeep, {},
                 QStringLiteral("JSON nested deeper than %1").arg(limits.maxNestingDepth));
    return true;
}

} // namespace tlr::parsing
