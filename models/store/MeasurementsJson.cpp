#include "MeasurementsJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
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
        // The shortest form that reads back as the same double; std::to_chars is several times
        // faster than QByteArray::number here.
        to = std::to_chars(to, to + kNumber, m.value).ptr;
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
