#pragma once

#include "domain/Agency.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tlr::sqlvalues {

// How the store's own tables (incidents, alerts) write values the database has no type for,
// the same on SQLite and PostgreSQL: times as UTC milliseconds, invalid values as typed NULLs.

inline QString describe(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

inline bool exec(QSqlQuery &query, QString &error)
{
    if (query.exec())
        return true;
    error = describe(query);
    return false;
}

inline QVariant ms(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

inline QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QVariant coordinate(const QGeoCoordinate &c, bool latitude)
{
    if (!c.isValid())
        return QVariant(QMetaType(QMetaType::Double));
    return latitude ? c.latitude() : c.longitude();
}

inline QGeoCoordinate coordinateFrom(const QVariant &lat, const QVariant &lon)
{
    if (lat.isNull() || lon.isNull())
        return {};
    return QGeoCoordinate(lat.toDouble(), lon.toDouble());
}

inline QVariant agency(Agency a)
{
    return a == Agency::Unknown ? QVariant(QMetaType(QMetaType::QString)) : QVariant(agencyKey(a));
}

inline Agency agencyFrom(const QVariant &value)
{
    return value.isNull() ? Agency::Unknown
                          : agencyFromKey(value.toString()).value_or(Agency::Unknown);
}

// Text that is absent rather than empty (who acknowledged, before anybody did).
inline QVariant optionalText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

} // namespace tlr::sqlvalues
