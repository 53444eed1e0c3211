#include "EnvelopeParser.h"

#include "ParseHelpers.h"
#include "domain/EnumTable.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tlr {
namespace {

constexpr EnumEntry<PayloadFormat> kFormats[] = {
    {u"cap", PayloadFormat::Cap},
    {u"geojson", PayloadFormat::GeoJson},
    {u"heartbeat", PayloadFormat::Heartbeat},
    {u"ngsi-ld", PayloadFormat::NgsiLd},
    {u"tlr.report", PayloadFormat::TlrReport},
};
static_assert(isSortedTable(kFormats));

EnvelopeParser::Result failure(ParseProblem::Kind kind, const QString &path, const QString &message)
{
    return {std::nullopt, {ParseProblem::Level::Error, kind, path, message}};
}

} // namespace

QString payloadFormatKey(PayloadFormat format) { return enumKey(kFormats, format); }
std::optional<PayloadFormat> payloadFormatFromKey(QStringView key)
{
    return enumFromKey(kFormats, key);
}

EnvelopeParser::Result EnvelopeParser::parse(const QByteArray &message) const
{
    using Kind = ParseProblem::Kind;
    if (message.size() > m_limits.maxMessageBytes) {
        return failure(Kind::TooLarge, {},
                       QStringLiteral("message of %1 bytes exceeds the limit of %2 bytes")
                           .arg(message.size())
                           .arg(m_limits.maxMessageBytes));
    }
    // The payload sits one level inside the envelope.
    const int payloadLimit = m_limits.maxNestingDepth + 1;
    if (parsing::jsonNestingDepth(message, payloadLimit) > payloadLimit) {
        return failure(Kind::TooDeep, QStringLiteral("payload"),
                       QStringLiteral("JSON nested deeper than %1").arg(m_limits.maxNestingDepth));
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(message, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        return failure(Kind::Malformed, {},
                       QStringLiteral("not JSON: %1 at offset %2")
                           .arg(jsonError.errorString())
                           .arg(jsonError.offset));
    }
    if (!document.isObject())
        return failure(Kind::WrongType, {}, QStringLiteral("envelope is not a JSON object"));
    const QJsonObject object = document.object();

    Envelope envelope;
    const QJsonValue feed = object.value(QLatin1String("feed"));
    if (!feed.isString() || feed.toString().isEmpty())
        return failure(Kind::MissingField, QStringLiteral("feed"), QStringLiteral("missing or not a string"));
    envelope.feed = feed.toString();

    const QJsonValue seq = object.value(QLatin1String("seq"));
    const double seqNumber = seq.toDouble(-1);
    // JSON numbers are doubles: beyond 2^53 a sequence number would silently lose its order.
    if (!seq.isDouble() || seqNumber < 0 || seqNumber > 9007199254740992.0
        || seqNumber != static_cast<double>(static_cast<qint64>(seqNumber))) {
        return failure(Kind::WrongType, QStringLiteral("seq"),
                       QStringLiteral("must be a non-negative integer"));
    }
    envelope.seq = static_cast<qint64>(seqNumber);

    const QJsonValue sent = object.value(QLatin1String("sent"));
    envelope.sent = parsing::parseIsoDateTime(sent.toString());
    if (!sent.isString() || !envelope.sent.isValid()) {
        return failure(Kind::WrongType, QStringLiteral("sent"),
                       QStringLiteral("must be an ISO-8601 date and time"));
    }

    const QJsonValue format = object.value(QLatin1String("format"));
    const auto parsedFormat = payloadFormatFromKey(format.toString());
    if (!parsedFormat) {
        return failure(Kind::Unsupported, QStringLiteral("format"),
                       QStringLiteral("unknown format \"%1\"").arg(format.toString()));
    }
    envelope.format = *parsedFormat;

    envelope.payload = object.value(QLatin1String("payload"));
    if (envelope.format != PayloadFormat::Heartbeat && envelope.payload.isUndefined())
        return failure(Kind::MissingField, QStringLiteral("payload"), QStringLiteral("missing"));
    if (envelope.format == PayloadFormat::Cap && !envelope.payload.isString()) {
        return failure(Kind::WrongType, QStringLiteral("payload"),
                       QStringLiteral("a CAP payload must be the XML text as a string"));
    }
    envelope.payloadNestingChecked = true;
    return {std::move(envelope), {}};
}

} // namespace tlr
