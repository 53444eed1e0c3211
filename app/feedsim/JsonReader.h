#pragma once

#include "GeoPoint.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace tlr::feedsim {

// Reads the simulator's own data files and collects every problem with its path, so that a
// broken scenario file is reported in full at start instead of one error at a time.
class JsonReader
{
public:
    QString string(const QJsonObject &object, const QString &key, const QString &path,
                   bool required = true);
    double number(const QJsonObject &object, const QString &key, const QString &path, double min,
                  double max, double fallback = 0);
    GeoPoint point(const QJsonValue &value, const QString &path);
    QList<GeoPoint> line(const QJsonValue &value, const QString &path);
    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path,
                     bool required = true);
    QStringList strings(const QJsonObject &object, const QString &key, const QString &path);
    NgsiForm form(const QJsonObject &object, const QString &path);

    void problem(const QString &path, const QString &message);
    const QStringList &problems() const { return m_problems; }

private:
    QStringList m_problems;
};

} // namespace tlr::feedsim
