#include "FusionConfigReader.h"

#include "IncidentLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace tlr {
namespace {

const QSet<QString> kKnownFields = {
    QStringLiteral("radiusMetres"),     QStringLiteral("windowMinutes"),
    QStringLiteral("alertsOpenFrom"),   QStringLiteral("complaintQuorum"),
    QStringLiteral("observationTypes"), QStringLiteral("hazards"),
    QStringLiteral("comment"),
};

} // namespace

FusionConfigReader::Result FusionConfigReader::read(const QByteArray &json)
{
    Result result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        result.problems.append(QStringLiteral("not JSON: %1 at offset %2")
                                   .arg(error.errorString())
                                   .arg(error.offset));
        return result;
    }
    if (!document.isObject()) {
        result.problems.append(QStringLiteral("the top level must be an object"));
        return result;
    }
    const QJsonObject root = document.object();
    QStringList &problems = result.problems;
    FusionConfig config;

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kKnownFields.contains(it.key()))
            problems.append(QStringLiteral("%1: unknown field").arg(it.key()));
    }

    const auto number = [&](const QString &field, double min, double max, double fallback) {
        const QJsonValue value = root.value(field);
        if (value.isUndefined())
            return fallback;
        if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
            problems.append(
                QStringLiteral("%1: must be a number from %2 to %3").arg(field).arg(min).arg(max));
            return fallback;
        }
        return value.toDouble();
    };
    config.radiusMetres = number(QStringLiteral("radiusMetres"), 10, 20000, config.radiusMetres);
    config.windowMinutes =
        int(number(QStringLiteral("windowMinutes"), 1, 7 * 24 * 60, config.windowMinutes));
    if (root.value(QLatin1String("windowMinutes")).toDouble() !=
        std::floor(root.value(QLatin1String("windowMinutes")).toDouble()))
        problems.append(QStringLiteral("windowMinutes: must be a whole number"));
    config.complaintQuorum =
        int(number(QStringLiteral("complaintQuorum"), 0, 1000, config.complaintQuorum));
    if (root.value(QLatin1String("complaintQuorum")).toDouble() !=
        std::floor(root.value(QLatin1String("complaintQuorum")).toDouble()))
        problems.append(QStringLiteral("complaintQuorum: must be a whole number"));

    if (const QJsonValue value = root.value(QLatin1String("alertsOpenFrom"));
        !value.isUndefined()) {
        const auto severity = severityFromKey(value.toString());
        if (!value.isString() || !severity || *severity == Severity::Unknown)
            problems.append(QStringLiteral("alertsOpenFrom: must be one of minor, moderate, "
                                           "severe, extreme"));
        else
            config.alertsOpenFrom = *severity;
    }

    if (const QJsonValue value = root.value(QLatin1String("observationTypes"));
        !value.isUndefined()) {
        config.observationTypes.clear();
        if (!value.isArray())
            problems.append(QStringLiteral("observationTypes: must be an array of strings"));
        const QJsonArray types = value.toArray();
        for (qsizetype i = 0; i < types.size(); ++i) {
            if (!types.at(i).isString() || types.at(i).toString().isEmpty())
                problems.append(
                    QStringLiteral("observationTypes[%1]: must be a non-empty string").arg(i));
            else
                config.observationTypes.append(types.at(i).toString());
        }
    }

    if (const QJsonValue value = root.value(QLatin1String("hazards")); !value.isUndefined()) {
        if (!value.isObject())
            problems.append(QStringLiteral("hazards: must be an object of hazard: [categories]"));
        const QJsonObject hazards = value.toObject();
        for (auto it = hazards.begin(); it != hazards.end(); ++it) {
            const QString path = QStringLiteral("hazards.") + it.key();
            if (!it.value().isArray()) {
                problems.append(path + QStringLiteral(": must be an array of categories"));
                continue;
            }
            const QJsonArray categories = it.value().toArray();
            for (qsizetype i = 0; i < categories.size(); ++i) {
                const QString category = categories.at(i).toString();
                const QString where = QStringLiteral("%1[%2]").arg(path).arg(i);
                if (!categories.at(i).isString() || category.isEmpty()) {
                    problems.append(where + QStringLiteral(": must be a non-empty string"));
                } else if (config.hazardOfCategory.contains(category)) {
                    problems.append(where +
                                    QStringLiteral(": \"%1\" is already in hazard \"%2\"")
                                        .arg(category, config.hazardOfCategory.value(category)));
                } else {
                    config.hazardOfCategory.insert(category, it.key());
                }
            }
        }
    }

    if (problems.isEmpty())
        result.config = config;
    return result;
}

FusionConfigReader::Result FusionConfigReader::readBuiltin()
{
    QFile file(QStringLiteral(":/incidents/fusion.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcIncidents) << "cannot read the built-in fusion configuration";
        return {std::nullopt,
                {QStringLiteral(":/incidents/fusion.json: %1").arg(file.errorString())}};
    }
    Result result = read(file.readAll());
    for (QString &problem : result.problems)
        problem.prepend(QStringLiteral(":/incidents/fusion.json: "));
    return result;
}

} // namespace tlr
