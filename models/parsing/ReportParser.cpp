#include "ReportParser.h"

#include "GeoJsonGeometry.h"
#include "ParseHelpers.h"

#include <QJsonObject>

namespace tlr {
namespace {

using Kind = ParseProblem::Kind;

} // namespace

ParseResult ReportParser::parse(const QByteArray &document) const
{
    ParseResult result;
    if (const auto json = parsing::readJson(document, m_context.limits, result))
        return parse(*json);
    return result;
}

ParseResult ReportParser::parse(const QJsonValue &document) const
{
    ParseResult result;
    if (parsing::refuseTooDeep(document, m_context, result))
        return result;
    if (!document.isObject()) {
        result.error(Kind::WrongType, {}, QStringLiteral("a report must be a JSON object"));
        return result;
    }
    const QJsonObject object = document.toObject();

    // Required strings: missing is MissingField, present but not a non-empty string WrongType.
    const auto required = [&](QLatin1String key) -> QString {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
        result.error(value.isUndefined() ? Kind::MissingField : Kind::WrongType, key,
                     QStringLiteral("required, must be a non-empty string"));
        return {};
    };
    const auto optionalText = [&](QLatin1String key) -> QString {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            result.warning(Kind::WrongType, key, QStringLiteral("expected a string, ignored"));
            return {};
        }
        return value.toString().trimmed();
    };

    Report report;
    report.source = m_context.feedId;
    report.id = required(QLatin1String("id"));
    const QString received = required(QLatin1String("received"));
    const QString channel = required(QLatin1String("channel"));
    report.category = required(QLatin1String("category"));
    if (result.hasError())
        return result;

    report.receivedAt = parsing::parseIsoDateTime(received);
    if (!report.receivedAt.isValid()) {
        result.error(
            Kind::WrongType, QStringLiteral("received"),
            QStringLiteral("\"%1\" is not an ISO 8601 date and time").arg(received.left(60)));
        return result;
    }
    if (m_context.isTooFarInFuture(report.receivedAt)) {
        result.error(
            Kind::OutOfRange, QStringLiteral("received"),
            QStringLiteral("%1 is in the future").arg(report.receivedAt.toString(Qt::ISODate)));
        return result;
    }

    if (const auto parsed = channelFromKey(channel)) {
        report.channel = *parsed;
    } else {
        result.warning(
            Kind::Unsupported, QStringLiteral("channel"),
            QStringLiteral("unknown channel \"%1\", left Unknown").arg(channel.left(40)));
    }
    const QString kind = optionalText(QLatin1String("kind"));
    if (!kind.isEmpty()) {
        if (const auto parsed = reportKindFromKey(kind)) {
            report.kind = *parsed;
        } else {
            result.warning(Kind::Unsupported, QStringLiteral("kind"),
                           QStringLiteral("unknown kind \"%1\", left Unknown").arg(kind.left(40)));
        }
    }
    const QString agency = optionalText(QLatin1String("agency"));
    if (!agency.isEmpty()) {
        if (const auto parsed = agencyFromKey(agency.toLower())) {
            report.agency = *parsed;
        } else {
            result.warning(
                Kind::Unsupported, QStringLiteral("agency"),
                QStringLiteral("unknown agency \"%1\", left Unknown").arg(agency.left(40)));
        }
    }
    const QJsonValue emergency = object.value(QLatin1String("emergency"));
    if (emergency.isBool())
        report.emergency = emergency.toBool();
    else if (!emergency.isUndefined() && !emergency.isNull())
        result.warning(Kind::WrongType, QStringLiteral("emergency"),
                       QStringLiteral("expected true or false, taken as false"));
    report.kecamatan = optionalText(QLatin1String("kecamatan"));
    report.description = optionalText(QLatin1String("description"));

    const QJsonValue location = object.value(QLatin1String("location"));
    if (location.isObject()) {
        QString error, errorPath;
        const GeoJsonGeometry geometry = GeoJsonGeometry::read(
            location.toObject(), m_context.limits.maxPolygonVertices, &error, &errorPath);
        if (geometry.isValid()) {
            report.location = geometry.representativePoint();
        } else {
            result.warning(Kind::OutOfRange, QStringLiteral("location.") + errorPath,
                           error + QStringLiteral("; location ignored"));
        }
    } else if (!location.isUndefined() && !location.isNull()) {
        result.warning(Kind::WrongType, QStringLiteral("location"),
                       QStringLiteral("expected a GeoJSON Point, ignored"));
    }

    const QJsonValue reporter = object.value(QLatin1String("reporter"));
    if (reporter.isObject()) {
        const QJsonObject person = reporter.toObject();
        // Messages name the field only: personal data must not leak into the problem log.
        const auto personal = [&](QLatin1String key) -> QString {
            const QJsonValue value = person.value(key);
            if (value.isString())
                return value.toString().trimmed();
            if (!value.isUndefined() && !value.isNull()) {
                result.warning(Kind::WrongType, QStringLiteral("reporter.") + key,
                               QStringLiteral("expected a string, ignored"));
            }
            return {};
        };
        PersonalDetails details{report.id, personal(QLatin1String("name")),
                                personal(QLatin1String("phone"))};
        if (!details.isEmpty())
            result.personalDetails.append(std::move(details));
    } else if (!reporter.isUndefined() && !reporter.isNull()) {
        result.warning(Kind::WrongType, QStringLiteral("reporter"),
                       QStringLiteral("expected an object, ignored"));
    }

    result.events.append(std::move(report));
    return result;
}

} // namespace tlr
