#include "PayloadParser.h"

#include "CapParser.h"
#include "GeoJsonParser.h"
#include "NgsiLdParser.h"
#include "ReportParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace tlr {
namespace {

using Kind = ParseProblem::Kind;

PayloadFormat detectJson(const QJsonValue &value)
{
    if (value.isArray()) {
        // An array of entities; an empty array says nothing about what the feed sends.
        const QJsonArray array = value.toArray();
        const QJsonObject first = array.isEmpty() ? QJsonObject() : array.first().toObject();
        return first.contains(QLatin1String("id")) && first.contains(QLatin1String("type"))
                   ? PayloadFormat::NgsiLd
                   : PayloadFormat::Unknown;
    }
    const QJsonObject object = value.toObject();
    const QString type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("FeatureCollection") || type == QLatin1String("Feature"))
        return PayloadFormat::GeoJson;
    if (type == QLatin1String("Notification"))
        return PayloadFormat::NgsiLd;
    if (object.contains(QLatin1String("received")) && object.contains(QLatin1String("channel")))
        return PayloadFormat::TlrReport;
    if (object.contains(QLatin1String("id")) && !type.isEmpty())
        return PayloadFormat::NgsiLd;
    return PayloadFormat::Unknown;
}

} // namespace

PayloadFormat PayloadParser::detect(const QByteArray &document)
{
    const QByteArray head = document.left(64).trimmed();
    if (head.startsWith('<') || head.startsWith("\xEF\xBB\xBF<")) {
        QXmlStreamReader xml(document);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                return xml.name() == QLatin1String("alert") ? PayloadFormat::Cap
                                                            : PayloadFormat::Unknown;
            }
        }
        return PayloadFormat::Unknown;
    }
    if (!head.startsWith('{') && !head.startsWith('['))
        return PayloadFormat::Unknown;
    const QJsonDocument json = QJsonDocument::fromJson(document);
    if (json.isNull())
        return PayloadFormat::Unknown;
    return detectJson(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()));
}

ParseResult PayloadParser::parse(const Envelope &envelope) const
{
    ParseContext context = m_context;
    if (!envelope.feed.isEmpty())
        context.feedId = envelope.feed;
    context.nestingChecked = envelope.payloadNestingChecked;
    switch (envelope.format) {
    case PayloadFormat::Heartbeat:
        return {};
    case PayloadFormat::Cap:
        if (!envelope.payload.isString()) {
            ParseResult result;
            result.error(Kind::WrongType, QStringLiteral("payload"),
                         QStringLiteral("a CAP payload must be the XML text as a string"));
            return result;
        }
        return CapParser(context).parse(envelope.payload.toString().toUtf8());
    case PayloadFormat::NgsiLd:
        return NgsiLdParser(context).parse(envelope.payload);
    case PayloadFormat::GeoJson:
        return GeoJsonParser(context).parse(envelope.payload);
    case PayloadFormat::TlrReport:
        return ReportParser(context).parse(envelope.payload);
    case PayloadFormat::Unknown:
        break;
    }
    ParseResult result;
    result.error(Kind::Unsupported, QStringLiteral("format"), QStringLiteral("unknown format"));
    return result;
}

ParseResult PayloadParser::parse(PayloadFormat format, const QByteArray &document) const
{
    switch (format) {
    case PayloadFormat::Heartbeat:
        return {};
    case PayloadFormat::Cap:
        return CapParser(m_context).parse(document);
    case PayloadFormat::NgsiLd:
        return NgsiLdParser(m_context).parse(document);
    case PayloadFormat::GeoJson:
        return GeoJsonParser(m_context).parse(document);
    case PayloadFormat::TlrReport:
        return ReportParser(m_context).parse(document);
    case PayloadFormat::Unknown:
        break;
    }
    ParseResult result;
    result.error(Kind::Unsupported, QStringLiteral("format"),
                 QStringLiteral("the payload's format is not recognized"));
    return result;
}

} // namespace tlr
