#pragma once

#include "GeoPoint.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tlr::feedsim {

// Builds one NGSI-LD entity in either representation (ETSI GS CIM 009): normalized, where each
// attribute is {"type":"Property"|"GeoProperty"|"Relationship", …}, or keyValues, where it is
// the bare value. The wall must read both, so the simulator publishes both.
class NgsiEntity
{
public:
    NgsiEntity(const QString &type, const QString &localId);

    NgsiEntity &property(const QString &name, const QJsonValue &value,
                         const QString &unitCode = {});
    NgsiEntity &dateTime(const QString &name, qint64 ms);
    NgsiEntity &geo(const QString &name, const QJsonObject &geometry);
    NgsiEntity &relationship(const QString &name, const QString &object);
    NgsiEntity &observedAt(qint64 ms); // normalized form: observedAt on every Property

    QString id() const { return m_id; }
    QJsonObject toJson(NgsiForm form) const;

    static QString urn(const QString &type, const QString &localId);
    static QJsonObject point(const GeoPoint &p);
    static QJsonObject lineString(const QList<GeoPoint> &points);
    static QString isoTime(qint64 ms); // UTC, seconds, "Z"
    static QJsonObject postalAddress(const QString &street, const QString &kecamatan);

private:
    enum class Kind { Property, DateTime, Geo, Relationship };
    struct Attribute
    {
        QString name;
        Kind kind;
        QJsonValue value;
        QString unitCode;
    };

    QString m_id;
    QString m_type;
    QList<Attribute> m_attributes;
    qint64 m_observedAtMs = -1;
};

} // namespace tlr::feedsim
