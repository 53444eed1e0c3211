#include "ParseHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <array>
#include <cmath>
#include <cstring>
#include <optional>

namespace tlr::parsing {

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads `count` ASCII digits at `pos`; -1 when any is not a digit.
int digits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form feeds send thousands of times a second, "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)",
// read without building the intermediate objects QDateTime::fromString needs. Anything else
// (no seconds, a space separator, week dates…) returns nullopt and goes to Qt's parser.
std::optional<QDateTime> parseCommonIsoForm(QStringView text)
{
    if (text.size() < 19 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T'
        || text[13] != u':' || text[16] != u':') {
        return std::nullopt;
    }
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return std::nullopt;
    }
    qsizetype pos = 19;
    int millis = 0;
    if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
        ++pos;
        int scale = 100;
        const qsizetype first = pos;
        while (pos < text.size() && text[pos].isDigit()) {
            millis += (text[pos].unicode() - u'0') * scale; // digits past the millisecond drop
            scale /= 10;
            ++pos;
        }
        if (pos == first)
            return std::nullopt;
    }
    int offsetSeconds = 0;
    if (pos == text.size())
        offsetSeconds = 0; // no offset: UTC, as parseIsoDateTime promises
    else if (text[pos] == u'Z' && pos + 1 == text.size())
        offsetSeconds = 0;
    else if (text[pos] == u'+' || text[pos] == u'-') {
        const int sign = text[pos] == u'-' ? -1 : 1;
        const int offsetHours = digits(text, pos + 1, 2);
        const qsizetype minutesAt = pos + 3 < text.size() && text[pos + 3] == u':' ? pos + 4 : pos + 3;
        const int offsetMinutes = digits(text, minutesAt, 2);
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59
            || minutesAt + 2 != text.size()) {
            return std::nullopt;
        }
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
        return std::nullopt;
    }
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60
                           + second - offsetSeconds;
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + millis, Qt::UTC);
}

} // namespace

QDateTime parseIsoDateTime(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (const auto common = parseCommonIsoForm(trimmed))
        return *common;
    if (trimmed.size() < 10)
        return {};
    QDateTime time = QDateTime::fromString(trimmed.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toUTC();
}

int jsonNestingDepth(const QByteArray &json, int limit)
{
    // Runs on every wire message before it is parsed, so it skips string contents with memchr
    // and everything else with a table instead of looking at each byte in a switch.
    static constexpr auto kStructural = [] {
        std::array<bool, 256> table{};
        for (const unsigned char c : {'"', '{', '[', '}', ']'})
            table[c] = true;
        return table;
    }();
    int depth = 0;
    int deepest = 0;
    const char *p = json.constData();
    const char *const end = p + json.size();
    while (p < end) {
        const char c = *p++;
        if (!kStructural[static_cast<unsigned char>(c)])
            continue;
        if (c == '"') {
            // To the closing quote: one preceded by an even number of backslashes.
            for (;;) {
                const auto *quote = static_cast<const char *>(std::memchr(p, '"', end - p));
                if (!quote)
                    return deepest; // unterminated: the JSON parser will say so
                const char *backslash = quote;
                while (backslash > p && backslash[-1] == '\\')
                    --backslash;
                p = quote + 1;
                if ((quote - backslash) % 2 == 0)
                    break;
            }
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
        } else {
            --depth;
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

// Eight bytes at a time, no early exit: a byte over 0x7f sets its word's top bits; a backslash
// (0x5c) is a zero byte of the word XOR 0x5c5c…, which (x - 0x0101…) & ~x & 0x8080… finds
// exactly. The byte loop before it took a ninth of the parsing thread's instructions.
bool isPlainAsciiWithoutEscapes(const QByteArray &bytes)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighBits = 0x8080808080808080ULL;
    constexpr quint64 kBackslashes = 0x5c5c5c5c5c5c5c5cULL;
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    quint64 high = 0;
    quint64 backslash = 0;
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        high |= word;
        const quint64 x = word ^ kBackslashes;
        backslash |= (x - kOnes) & ~x;
    }
    bool tailBackslash = false;
    for (; p < end; ++p) {
        high |= static_cast<unsigned char>(*p);
        tailBackslash |= *p == '\\';
    }
    return (high & kHighBits) == 0 && (backslash & kHighBits) == 0 && !tailBackslash;
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

std::variant<QJsonObject, QString> readTopLevelObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return QStringLiteral("is not valid JSON: %1 at offset %2")
            .arg(error.errorString())
            .arg(error.offset);
    }
    if (!document.isObject())
        return QStringLiteral("expected a JSON object at the top level");
    return document.object();
}

bool refuseTooDeep(const QJsonValue &document, const ParseContext &context, ParseResult &result)
{
    const ParserLimits &limits = context.limits;
    if (context.nestingChecked || !jsonDepthExceeds(document, limits.maxNestingDepth))
        return false;
    result.error(ParseProblem::Kind::TooDeep, {},
                 QStringLiteral("JSON nested deeper than %1").arg(limits.maxNestingDepth));
    return true;
}

} // namespace tlr::parsing
