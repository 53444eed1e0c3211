#include "MeasurementsJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstring>

namespace tlr::MeasurementsJson {
namespace {

// The most a text can take: six bytes per UTF-16 unit ("\u001f"; UTF-8 takes at most three).
qsizetype bound(QStringView text)
{
    return 2 + 6 * text.size();
}

// Written straight into a buffer sized by bound(): a QByteArray::append per piece was most of
// the encoding's cost, and the store writes one per observation.
char *writeString(char *to, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    *to++ = '"';
    const char16_t *from = text.utf16();
    const char16_t *const end = from + text.size();
    while (from < end) {
        const char16_t c = *from;
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            *to++ = char(c);
            ++from;
        } else if (c >= 0x80) { // a whole run, so that surrogate pairs stay together
            const char16_t *runEnd = from;
            while (runEnd < end && *runEnd >= 0x80)
                ++runEnd;
            const QByteArray utf8 = QStringView(from, runEnd).toUtf8();
            std::memcpy(to, utf8.constData(), size_t(utf8.size()));
            to += utf8.size();
            from = runEnd;
        } else if (c == u'"' || c == u'\\') {
            *to++ = '\\';
            *to++ = char(c);
            ++from;
        } else {
            std::memcpy(to, "\\u00", 4);
            to += 4;
            *to++ = kHex[c >> 4];
            *to++ = kHex[c & 0xf];
            ++from;
        }
    }
    *to++ = '"';
    return to;
}

// The shortest form that reads back as the same double; std::to_chars is several times faster
// than QByteArray::number here. Counts and speeds are mostly whole numbers: below 10^15 and not
// ending in 0 (where "1e+05" would be shorter than "100000"), a whole number's shortest form is
// its digits, which the integer conversion writes at a fraction of the double's cost.
char *writeNumber(char *to, char *end, double value)
{
    constexpr double kExact = 1e15;
    if (value > -kExact && value < kExact && value == std::trunc(value) &&
        !(value == 0 && std::signbit(value))) {
        const auto whole = static_cast<qint64>(value);
        if (whole % 10 != 0 || whole == 0)
            return std::to_chars(to, end, whole).ptr;
    }
    return std::to_chars(to, end, value).ptr;
}

} // namespace

QByteArray encode(const QList<Measurement> &measurements)
{
    QByteArray out;
    encode(measurements, out);
    return out;
}

void encode(const QList<Measurement> &measurements, QByteArray &out)
{
    constexpr qsizetype kNumber = 32; // the shortest round trip of a double takes at most 24
    qsizetype size = 2;
    for (const Measurement &m : measurements)
        size += bound(m.quantity) + bound(m.unit) + kNumber + 8;
    out.resize(size); // keeps the buffer's capacity
    char *const begin = out.data();
    char *to = begin;
    *to++ = '{';
    for (const Measurement &m : measurements) {
        if (to - begin > 1)
            *to++ = ',';
        to = writeString(to, m.quantity);
        *to++ = ':';
        *to++ = '[';
        to = writeNumber(to, to + kNumber, m.value);
        *to++ = ',';
        if (m.unit.isEmpty()) {
            std::memcpy(to, "null", 4);
            to += 4;
        } else {
            to = writeString(to, m.unit);
        }
        *to++ = ']';
    }
    *to++ = '}';
    out.truncate(to - begin);
}

QList<Measurement> decode(const QByteArray &json)
{
    QList<Measurement> result;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonArray pair = it.value().toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble())
            continue;
        result.append({it.key(), pair.at(0).toDouble(), pair.at(1).toString()});
    }
    return result;
}

} // namespace tlr::MeasurementsJson
