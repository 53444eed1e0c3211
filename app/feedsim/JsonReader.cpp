#include "JsonReader.h"

namespace tlr::feedsim {

void JsonReader::problem(const QString &path, const QString &message)
{
    m_problems.append(path + QLatin1String(": ") + message);
}

QString JsonReader::string(const QJsonObject &object, const QString &key, const QString &path,
                           bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isString() && !value.toString().isEmpty())
        return value.toString();
    if (required || !value.isUndefined())
        problem(path + u'/' + key, QStringLiteral("must be a non-empty string"));
    return {};
}

double JsonReader::number(const QJsonObject &object, const QString &key, const QString &path,
                          double min, double max, double fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    const double n = value.toDouble(std::nan(""));
    if (!value.isDouble() || !(n >= min && n <= max)) {
        problem(path + u'/' + key,
                QStringLiteral("must be a number in [%1, %2]").arg(min).arg(max));
        return fallback;
    }
    return n;
}

GeoPoint JsonReader::point(const QJsonValue &value, const QString &path)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble()) {
        problem(path, QStringLiteral("must be [longitude, latitude]"));
        return {};
    }
    const GeoPoint p{a.at(0).toDouble(), a.at(1).toDouble()};
    if (!(p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90))
        problem(path, QStringLiteral("coordinates out of range"));
    return p;
}

QList<GeoPoint> JsonReader::line(const QJsonValue &value, const QString &path)
{
    QList<GeoPoint> points;
    const QJsonArray a = value.toArray();
    for (int i = 0; i < a.size(); ++i)
        points.append(point(a.at(i), path + QStringLiteral("[%1]").arg(i)));
    if (points.size() < 2)
        problem(path, QStringLiteral("a line needs at least two points"));
    return points;
}

QJsonArray JsonReader::array(const QJsonObject &object, const QString &key, const QString &path,
                             bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isArray())
        return value.toArray();
    if (required || !value.isUndefined())
        problem(path + u'/' + key, QStringLiteral("must be an array"));
    return {};
}

QStringList JsonReader::strings(const QJsonObject &object, const QString &key, const QString &path)
{
    QStringList list;
    const QJsonArray a = array(object, key, path);
    for (int i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            problem(path + u'/' + key + QStringLiteral("[%1]").arg(i),
                    QStringLiteral("not a string"));
        else
            list.append(a.at(i).toString());
    }
    return list;
}

NgsiForm JsonReader::form(const QJsonObject &object, const QString &path)
{
    const QString form =
        object.value(QLatin1String("form")).toString(QStringLiteral("normalized"));
    if (form == QLatin1String("normalized"))
        return NgsiForm::Normalized;
    if (form == QLatin1String("keyValues"))
        return NgsiForm::KeyValues;
    problem(path + QStringLiteral("/form"),
            QStringLiteral("must be \"normalized\" or \"keyValues\""));
    return NgsiForm::Normalized;
}

} // namespace tlr::feedsim
