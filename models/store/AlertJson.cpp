#include "AlertJson.h"

#include "domain/EnumTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace tlr {
namespace {

using Info = AlertInfo;

constexpr EnumEntry<Info::Category> kCategories[] = {
    {u"CBRNE", Info::Category::CBRNE},       {u"Env", Info::Category::Env},
    {u"Fire", Info::Category::Fire},         {u"Geo", Info::Category::Geo},
    {u"Health", Info::Category::Health},     {u"Infra", Info::Category::Infra},
    {u"Met", Info::Category::Met},           {u"Other", Info::Category::Other},
    {u"Rescue", Info::Category::Rescue},     {u"Safety", Info::Category::Safety},
    {u"Security", Info::Category::Security}, {u"Transport", Info::Category::Transport},
};
static_assert(isSortedTable(kCategories));

constexpr EnumEntry<Info::Urgency> kUrgencies[] = {
    {u"Expected", Info::Urgency::Expected},
    {u"Future", Info::Urgency::Future},
    {u"Immediate", Info::Urgency::Immediate},
    {u"Past", Info::Urgency::Past},
};
static_assert(isSortedTable(kUrgencies));

constexpr EnumEntry<Info::Certainty> kCertainties[] = {
    {u"Likely", Info::Certainty::Likely},
    {u"Observed", Info::Certainty::Observed},
    {u"Possible", Info::Certainty::Possible},
    {u"Unlikely", Info::Certainty::Unlikely},
};
static_assert(isSortedTable(kCertainties));

constexpr EnumEntry<Info::ResponseType> kResponses[] = {
    {u"AllClear", Info::ResponseType::AllClear}, {u"Assess", Info::ResponseType::Assess},
    {u"Avoid", Info::ResponseType::Avoid},       {u"Evacuate", Info::ResponseType::Evacuate},
    {u"Execute", Info::ResponseType::Execute},   {u"Monitor", Info::ResponseType::Monitor},
    {u"None", Info::ResponseType::None},         {u"Prepare", Info::ResponseType::Prepare},
    {u"Shelter", Info::ResponseType::Shelter},
};
static_assert(isSortedTable(kResponses));

constexpr EnumEntry<Alert::Status> kStatuses[] = {
    {u"Actual", Alert::Status::Actual},     {u"Draft", Alert::Status::Draft},
    {u"Exercise", Alert::Status::Exercise}, {u"System", Alert::Status::System},
    {u"Test", Alert::Status::Test},
};
static_assert(isSortedTable(kStatuses));

constexpr EnumEntry<Alert::MsgType> kMsgTypes[] = {
    {u"Ack", Alert::MsgType::Ack},       {u"Alert", Alert::MsgType::Alert},
    {u"Cancel", Alert::MsgType::Cancel}, {u"Error", Alert::MsgType::Error},
    {u"Update", Alert::MsgType::Update},
};
static_assert(isSortedTable(kMsgTypes));

constexpr EnumEntry<Alert::Scope> kScopes[] = {
    {u"Private", Alert::Scope::Private},
    {u"Public", Alert::Scope::Public},
    {u"Restricted", Alert::Scope::Restricted},
};
static_assert(isSortedTable(kScopes));

template <typename Enum, std::size_t N>
Enum readEnum(const EnumEntry<Enum> (&table)[N], const QJsonValue &value)
{
    return enumFromKey(table, value.toString()).value_or(Enum::Unknown);
}

// Optional members are written only when set, which keeps documents small.
void putString(QJsonObject &object, QLatin1String key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putTime(QJsonObject &object, QLatin1String key, const QDateTime &value)
{
    if (value.isValid())
        object.insert(key, value.toUTC().toString(Qt::ISODateWithMs));
}

QDateTime readTime(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QJsonArray writeStrings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList readStrings(const QJsonValue &value)
{
    QStringList list;
    for (const auto &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonArray writeNamed(const QList<NamedValue> &values)
{
    QJsonArray array;
    for (const auto &v : values)
        array.append(QJsonArray{v.name, v.value});
    return array;
}

QList<NamedValue> readNamed(const QJsonValue &value)
{
    QList<NamedValue> values;
    for (const auto &item : value.toArray()) {
        const QJsonArray pair = item.toArray();
        values.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return values;
}

QJsonArray writeCoordinate(const QGeoCoordinate &c)
{
    return QJsonArray{c.latitude(), c.longitude()};
}

QGeoCoordinate readCoordinate(const QJsonValue &value)
{
    const QJsonArray pair = value.toArray();
    return QGeoCoordinate(pair.at(0).toDouble(qQNaN()), pair.at(1).toDouble(qQNaN()));
}

QJsonObject writeArea(const AlertArea &area)
{
    QJsonObject object;
    putString(object, QLatin1String("areaDesc"), area.description);
    QJsonArray polygons;
    for (const auto &polygon : area.polygons) {
        QJsonArray points;
        for (const auto &c : polygon.perimeter())
            points.append(writeCoordinate(c));
        polygons.append(points);
    }
    if (!polygons.isEmpty())
        object.insert(QLatin1String("polygons"), polygons);
    QJsonArray circles;
    for (const auto &circle : area.circles) {
        circles.append(QJsonObject{{QLatin1String("center"), writeCoordinate(circle.center())},
                                   {QLatin1String("radius"), circle.radius()}});
    }
    if (!circles.isEmpty())
        object.insert(QLatin1String("circles"), circles);
    if (!area.geocodes.isEmpty())
        object.insert(QLatin1String("geocodes"), writeNamed(area.geocodes));
    if (area.altitude)
        object.insert(QLatin1String("altitude"), *area.altitude);
    if (area.ceiling)
        object.insert(QLatin1String("ceiling"), *area.ceiling);
    return object;
}

AlertArea readArea(const QJsonObject &object)
{
    AlertArea area;
    area.description = object.value(QLatin1String("areaDesc")).toString();
    for (const auto &polygon : object.value(QLatin1String("polygons")).toArray()) {
        QList<QGeoCoordinate> points;
        for (const auto &point : polygon.toArray())
            points.append(readCoordinate(point));
        area.polygons.append(QGeoPolygon(points));
    }
    for (const auto &item : object.value(QLatin1String("circles")).toArray()) {
        const QJsonObject circle = item.toObject();
        area.circles.append(QGeoCircle(readCoordinate(circle.value(QLatin1String("center"))),
                                       circle.value(QLatin1String("radius")).toDouble()));
    }
    area.geocodes = readNamed(object.value(QLatin1String("geocodes")));
    if (object.contains(QLatin1String("altitude")))
        area.altitude = object.value(QLatin1String("altitude")).toDouble();
    if (object.contains(QLatin1String("ceiling")))
        area.ceiling = object.value(QLatin1String("ceiling")).toDouble();
    return area;
}

QJsonObject writeInfo(const AlertInfo &info)
{
    QJsonObject object;
    putString(object, QLatin1String("language"), info.language);
    QJsonArray categories;
    for (const auto category : info.categories)
        categories.append(enumKey(kCategories, category));
    object.insert(QLatin1String("category"), categories);
    putString(object, QLatin1String("event"), info.event);
    QJsonArray responses;
    for (const auto response : info.responseTypes)
        responses.append(enumKey(kResponses, response));
    object.insert(QLatin1String("responseType"), responses);
    object.insert(QLatin1String("urgency"), enumKey(kUrgencies, info.urgency));
    object.insert(QLatin1String("severity"), severityKey(info.severity));
    object.insert(QLatin1String("certainty"), enumKey(kCertainties, info.certainty));
    putString(object, QLatin1String("audience"), info.audience);
    if (!info.eventCodes.isEmpty())
        object.insert(QLatin1String("eventCode"), writeNamed(info.eventCodes));
    putTime(object, QLatin1String("effective"), info.effective);
    putTime(object, QLatin1String("onset"), info.onset);
    putTime(object, QLatin1String("expires"), info.expires);
    putString(object, QLatin1String("senderName"), info.senderName);
    putString(object, QLatin1String("headline"), info.headline);
    putString(object, QLatin1String("description"), info.description);
    putString(object, QLatin1String("instruction"), info.instruction);
    putString(object, QLatin1String("web"), info.web);
    putString(object, QLatin1String("contact"), info.contact);
    if (!info.parameters.isEmpty())
        object.insert(QLatin1String("parameter"), writeNamed(info.parameters));
    QJsonArray resources;
    for (const auto &r : info.resources) {
        QJsonObject resource;
        putString(resource, QLatin1String("resourceDesc"), r.description);
        putString(resource, QLatin1String("mimeType"), r.mimeType);
        if (r.size >= 0)
            resource.insert(QLatin1String("size"), r.size);
        putString(resource, QLatin1String("uri"), r.uri);
        resources.append(resource);
    }
    if (!resources.isEmpty())
        object.insert(QLatin1String("resource"), resources);
    QJsonArray areas;
    for (const auto &area : info.areas)
        areas.append(writeArea(area));
    if (!areas.isEmpty())
        object.insert(QLatin1String("area"), areas);
    return object;
}

AlertInfo readInfo(const QJsonObject &object)
{
    AlertInfo info;
    info.language = object.value(QLatin1String("language")).toString();
    for (const auto &c : object.value(QLatin1String("category")).toArray())
        info.categories.append(readEnum(kCategories, c));
    info.event = object.value(QLatin1String("event")).toString();
    for (const auto &r : object.value(QLatin1String("responseType")).toArray())
        info.responseTypes.append(readEnum(kResponses, r));
    info.urgency = readEnum(kUrgencies, object.value(QLatin1String("urgency")));
    info.severity = severityFromKey(object.value(QLatin1String("severity")).toString())
                        .value_or(Severity::Unknown);
    info.certainty = readEnum(kCertainties, object.value(QLatin1String("certainty")));
    info.audience = object.value(QLatin1String("audience")).toString();
    info.eventCodes = readNamed(object.value(QLatin1String("eventCode")));
    info.effective = readTime(object.value(QLatin1String("effective")));
    info.onset = readTime(object.value(QLatin1String("onset")));
    info.expires = readTime(object.value(QLatin1String("expires")));
    info.senderName = object.value(QLatin1String("senderName")).toString();
    info.headline = object.value(QLatin1String("headline")).toString();
    info.description = object.value(QLatin1String("description")).toString();
    info.instruction = object.value(QLatin1String("instruction")).toString();
    info.web = object.value(QLatin1String("web")).toString();
    info.contact = object.value(QLatin1String("contact")).toString();
    info.parameters = readNamed(object.value(QLatin1String("parameter")));
    for (const auto &item : object.value(QLatin1String("resource")).toArray()) {
        const QJsonObject r = item.toObject();
        info.resources.append({r.value(QLatin1String("resourceDesc")).toString(),
                               r.value(QLatin1String("mimeType")).toString(),
                               static_cast<qint64>(r.value(QLatin1String("size")).toDouble(-1)),
                               r.value(QLatin1String("uri")).toString()});
    }
    for (const auto &area : object.value(QLatin1String("area")).toArray())
        info.areas.append(readArea(area.toObject()));
    return info;
}

} // namespace

QString AlertJson::statusKey(Alert::Status status)
{
    return enumKey(kStatuses, status);
}
std::optional<Alert::Status> AlertJson::statusFromKey(QStringView key)
{
    return enumFromKey(kStatuses, key);
}
QString AlertJson::msgTypeKey(Alert::MsgType msgType)
{
    return enumKey(kMsgTypes, msgType);
}

QByteArray AlertJson::toJson(const Alert &alert)
{
    QJsonObject object;
    putString(object, QLatin1String("source"), alert.source);
    object.insert(QLatin1String("identifier"), alert.identifier);
    object.insert(QLatin1String("sender"), alert.sender);
    putTime(object, QLatin1String("sent"), alert.sent);
    object.insert(QLatin1String("status"), enumKey(kStatuses, alert.status));
    object.insert(QLatin1String("msgType"), enumKey(kMsgTypes, alert.msgType));
    object.insert(QLatin1String("scope"), enumKey(kScopes, alert.scope));
    putString(object, QLatin1String("restriction"), alert.restriction);
    putString(object, QLatin1String("addresses"), alert.addresses);
    if (!alert.codes.isEmpty())
        object.insert(QLatin1String("code"), writeStrings(alert.codes));
    putString(object, QLatin1String("note"), alert.note);
    if (!alert.references.isEmpty())
        object.insert(QLatin1String("references"), writeStrings(alert.references));
    if (!alert.incidents.isEmpty())
        object.insert(QLatin1String("incidents"), writeStrings(alert.incidents));
    QJsonArray infos;
    for (const auto &info : alert.infos)
        infos.append(writeInfo(info));
    object.insert(QLatin1String("info"), infos);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Alert> AlertJson::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    Alert alert;
    alert.source = object.value(QLatin1String("source")).toString();
    alert.identifier = object.value(QLatin1String("identifier")).toString();
    alert.sender = object.value(QLatin1String("sender")).toString();
    alert.sent = readTime(object.value(QLatin1String("sent")));
    alert.status = readEnum(kStatuses, object.value(QLatin1String("status")));
    alert.msgType = readEnum(kMsgTypes, object.value(QLatin1String("msgType")));
    alert.scope = readEnum(kScopes, object.value(QLatin1String("scope")));
    alert.restriction = object.value(QLatin1String("restriction")).toString();
    alert.addresses = object.value(QLatin1String("addresses")).toString();
    alert.codes = readStrings(object.value(QLatin1String("code")));
    alert.note = object.value(QLatin1String("note")).toString();
    alert.references = readStrings(object.value(QLatin1String("references")));
    alert.incidents = readStrings(object.value(QLatin1String("incidents")));
    for (const auto &info : object.value(QLatin1String("info")).toArray())
        alert.infos.append(readInfo(info.toObject()));
    return alert;
}

} // namespace tlr
