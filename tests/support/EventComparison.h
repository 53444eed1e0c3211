#pragma once

#include "domain/DomainEvent.h"

#include <QString>

#include <cmath>
#include <cstring>

namespace tlr::test {

// Field-by-field comparison of two parsers' events, exact to the bit (a coordinate a rounding
// apart is a difference). Empty when they are the same, else the first difference, worded.
// Header-only: the differential test and the differential fuzz target both use it.

inline bool sameDouble(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

inline bool sameCoordinate(const QGeoCoordinate &a, const QGeoCoordinate &b)
{
    return sameDouble(a.latitude(), b.latitude()) && sameDouble(a.longitude(), b.longitude()) &&
           sameDouble(a.altitude(), b.altitude());
}

inline QString observationDifference(const Observation &a, const Observation &b)
{
    const auto differs = [](const char *field, const QString &x, const QString &y) {
        return QStringLiteral("%1: \"%2\" != \"%3\"").arg(QLatin1String(field), x, y);
    };
    if (a.source != b.source)
        return differs("source", a.source, b.source);
    if (a.entityId != b.entityId)
        return differs("entityId", a.entityId, b.entityId);
    if (a.entityType != b.entityType)
        return differs("entityType", a.entityType, b.entityType);
    if (a.kind != b.kind)
        return differs("kind", feedKindKey(a.kind), feedKindKey(b.kind));
    if (a.name != b.name)
        return differs("name", a.name, b.name);
    if (a.kecamatan != b.kecamatan)
        return differs("kecamatan", a.kecamatan, b.kecamatan);
    if (a.observedAt != b.observedAt || a.observedAt.timeSpec() != b.observedAt.timeSpec())
        return differs("observedAt", a.observedAt.toString(Qt::ISODateWithMs),
                       b.observedAt.toString(Qt::ISODateWithMs));
    if (!sameCoordinate(a.location, b.location))
        return differs("location", a.location.toString(), b.location.toString());
    if (a.path.size() != b.path.size())
        return differs("path", QString::number(a.path.size()), QString::number(b.path.size()));
    for (qsizetype i = 0; i < a.path.size(); ++i) {
        if (!sameCoordinate(a.path.at(i), b.path.at(i)))
            return differs("path", a.path.at(i).toString(), b.path.at(i).toString());
    }
    if (a.measurements.size() != b.measurements.size())
        return differs("measurements", QString::number(a.measurements.size()),
                       QString::number(b.measurements.size()));
    for (qsizetype i = 0; i < a.measurements.size(); ++i) {
        const Measurement &x = a.measurements.at(i);
        const Measurement &y = b.measurements.at(i);
        if (x.quantity != y.quantity || !sameDouble(x.value, y.value) || x.unit != y.unit) {
            return differs("measurement", x.quantity + u' ' + QString::number(x.value, 'g', 17) + u' ' + x.unit,
                           y.quantity + u' ' + QString::number(y.value, 'g', 17) + u' ' + y.unit);
        }
    }
    if (a.status != b.status)
        return differs("status", a.status, b.status);
    return {};
}

inline QString eventsDifference(const QList<DomainEvent> &a, const QList<DomainEvent> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 events != %2 events").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto *x = std::get_if<Observation>(&a.at(i));
        const auto *y = std::get_if<Observation>(&b.at(i));
        if (!x || !y) {
            if (a.at(i).index() != b.at(i).index())
                return QStringLiteral("event %1: of different kinds").arg(i);
            continue; // the fast path makes observations only
        }
        if (const QString difference = observationDifference(*x, *y); !difference.isEmpty())
            return QStringLiteral("event %1: %2").arg(i).arg(difference);
    }
    return {};
}

} // namespace tlr::test
