#include "MeasurementsJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>

namespace tlr::MeasurementsJson {
namespace {

void appendString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    qsizetype i = 0;
    while (i < text.size()) {
        // A run that needs no escaping, copied in one go: quantity names and units are such runs,
        // and a QByteArray::append per character was a tenth of the store thread's work.
        qsizetype plain = i;
        while (plain < text.size()) {
            const char16_t c = text[plain].unicode();
            if (c < 0x20 || c >= 0x80 || c == u'"' || c == u'\\')
                break;
            ++plain;
        }
        if (plain > i) {
            const qsizetype at = out.size();
            out.resize(at + (plain - i));
            char *to = out.data() + at;
            for (qsizetype k = i; k < plain; ++k)
                *to++ = char(text[k].unicode());
            i = plain;
            continue;
        }
        const char16_t c = text[i].unicode();
        if (c >= 0x80) { // a whole run, so that surrogate pairs stay together
            qsizetype end = i;
            while (end < text.size() && text[end].unicode() >= 0x80)
                ++end;
            out.append(text.mid(i, end - i).toUtf8());
            i = end;
            continue;
        }
        if (c == u'"' || c == u'\\') {
            out.append('\\');
            out.append(char(c));
        } else if (c < 0x20) {
            out.append("\\u00");
            out.append(kHex[c >> 4]);
            out.append(kHex[c & 0xf]);
        } else {
            out.append(char(c));
        }
        ++i;
    }
    out.append('"');
}

} // namespace

QByteArray encode(const QList<Measurement> &measurements)
{
    QByteArray out;
    out.reserve(24 + 40 * measurements.size());
    out.append('{');
    for (const Measurement &m : measurements) {
        if (out.size() > 1)
            out.append(',');
        appendString(out, m.quantity);
        out.append(":[");
        // The shortest form that reads back as the same double; std::to_chars is several times
        // faster than QByteArray::number here, and the store writes one per reading.
        char number[32];
        const auto written = std::to_chars(number, number + sizeof number, m.value);
        out.append(number, written.ptr - number);
        out.append(',');
        if (m.unit.isEmpty())
            out.append("null");
        else
            appendString(out, m.unit);
        out.append(']');
    }
    out.append('}');
    return out;
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
