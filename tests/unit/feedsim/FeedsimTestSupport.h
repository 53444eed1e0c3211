#pragma once

#include "ScenarioBundle.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QJsonObject>

namespace tlr::feedsim::test {

// Monday 23 Nov 2026, 00:00 UTC = 07:00 WIB: the morning rush.
inline qint64 mondayMorningMs()
{
    return QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

inline ScenarioBundle loadBundle(const QString &name)
{
    const auto load = ScenarioBundle::load(name);
    INFO(load.problems.join(u'\n').toStdString());
    REQUIRE(load.bundle);
    return *load.bundle;
}

// An NGSI-LD attribute's value in either representation.
inline QJsonValue attribute(const QJsonObject &entity, const QString &name)
{
    const QJsonValue raw = entity.value(name);
    if (!raw.isObject())
        return raw;
    const QJsonObject o = raw.toObject();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("Property") || type == QLatin1String("GeoProperty")) {
        const QJsonValue v = o.value(QLatin1String("value"));
        // DateTime properties carry {"@type":"DateTime","@value":…}.
        if (v.isObject() && v.toObject().contains(QLatin1String("@value")))
            return v.toObject().value(QLatin1String("@value"));
        return v;
    }
    if (type == QLatin1String("Relationship"))
        return o.value(QLatin1String("object"));
    return raw; // keyValues: the value itself is an object (address, location)
}

inline bool isNormalized(const QJsonObject &entity)
{
    const QJsonValue location = entity.value(QLatin1String("location"));
    return location.isObject() && location.toObject().value(QLatin1String("type")).toString() ==
                                      QLatin1String("GeoProperty");
}

} // namespace tlr::feedsim::test
