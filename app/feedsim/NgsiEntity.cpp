#include "NgsiEntity.h"

#include <QJsonArray>
#include <QStringList>

namespace tlr::feedsim {

NgsiEntity::NgsiEntity(const QString &type, const QString &localId)
    : m_id(urn(type, localId))
    , m_type(type)
{
}

QString NgsiEntity::urn(const QString &type, const QString &localId)
{
    return QStringLiteral("urn:ngsi-ld:%1:%2").arg(type, localId);
}

QString NgsiEntity::isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject NgsiEntity::postalAddress(const QString &street, const QString &kecamatan)
{
    QJsonObject a{{QStringLiteral("type"), QStringLiteral("PostalAddress")},
                  {QStringLiteral("addressLocality"), kecamatan},
                  {QStringLiteral("addressRegion"), QStringLiteral("Banten")},
                  {QStringLiteral("addressCountry"), QStringLiteral("ID")}};
    if (!street.isEmpty())
        a.insert(QStringLiteral("streetAddress"), street);
    return a;
}

QJsonObject NgsiEntity::point(const GeoPoint &p)
{
    return {{QStringLiteral("type"), QStringLiteral("Point")},
            {QStringLiteral("coordinates"), p.toJson()}};
}

QJsonObject NgsiEntity::lineString(const QList<GeoPoint> &points)
{
    return {{QStringLiteral("type"), QStringLiteral("LineString")},
            {QStringLiteral("coordinates"), lineToJson(points)}};
}

NgsiEntity &NgsiEntity::property(const QString &name, const QJsonValue &value,
                                 const QString &unitCode)
{
    m_attributes.append({name, Kind::Property, value, unitCode});
    return *this;
}

NgsiEntity &NgsiEntity::dateTime(const QString &name, qint64 ms)
{
    m_attributes.append({name, Kind::DateTime, isoTime(ms), {}});
    return *this;
}

NgsiEntity &NgsiEntity::geo(const QString &name, const QJsonObject &geometry)
{
    m_attributes.append({name, Kind::Geo, geometry, {}});
    return *this;
}

NgsiEntity &NgsiEntity::relationship(const QString &name, const QString &object)
{
    m_attributes.append({name, Kind::Relationship, object, {}});
    return *this;
}

NgsiEntity &NgsiEntity::observedAt(qint64 ms)
{
    m_observedAtMs = ms;
    return *this;
}

QJsonObject NgsiEntity::toJson(NgsiForm form) const
{
    static const QStringList kDescriptive = {QStringLiteral("name"), QStringLiteral("description"),
                                             QStringLiteral("dataProvider"),
                                             QStringLiteral("alertSource")};
    const QString typeKey = QStringLiteral("type");
    const QString valueKey = QStringLiteral("value");
    QJsonObject entity{{QStringLiteral("id"), m_id}, {typeKey, m_type}};
    for (const auto &a : m_attributes) {
        if (form == NgsiForm::KeyValues) {
            entity.insert(a.name, a.value);
            continue;
        }
        QJsonObject attribute;
        switch (a.kind) {
        case Kind::Property:
            attribute = {{typeKey, QStringLiteral("Property")}, {valueKey, a.value}};
            if (!a.unitCode.isEmpty())
                attribute.insert(QStringLiteral("unitCode"), a.unitCode);
            // Measurements carry the time they were taken; names and addresses do not.
            if (m_observedAtMs >= 0 && !a.value.isObject() && !a.value.isArray() &&
                !kDescriptive.contains(a.name)) {
                attribute.insert(QStringLiteral("observedAt"), isoTime(m_observedAtMs));
            }
            break;
        case Kind::DateTime:
            attribute = {
                {typeKey, QStringLiteral("Property")},
                {valueKey, QJsonObject{{QStringLiteral("@type"), QStringLiteral("DateTime")},
                                       {QStringLiteral("@value"), a.value}}}};
            break;
        case Kind::Geo:
            attribute = {{typeKey, QStringLiteral("GeoProperty")}, {valueKey, a.value}};
            break;
        case Kind::Relationship:
            attribute = {{typeKey, QStringLiteral("Relationship")},
                         {QStringLiteral("object"), a.value}};
            break;
        }
        entity.insert(a.name, attribute);
    }
    entity.insert(
        QStringLiteral("@context"),
        QJsonArray{QStringLiteral("https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld"),
                   QStringLiteral("https://raw.githubusercontent.com/smart-data-models/"
                                  "data-models/master/context.jsonld")});
    return entity;
}

} // namespace tlr::feedsim
