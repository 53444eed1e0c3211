#pragma once

#include <QGeoCoordinate>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

namespace tlr {

struct BaseMap;

// Which kecamatan a point lies in, from the base map's kecamatan polygons. For signals that
// come with a position but no kecamatan (an alert of a sensor, a rule's outcome).
class KecamatanLocator
{
public:
    KecamatanLocator() = default; // knows no kecamatan: every look-up is empty
    explicit KecamatanLocator(const BaseMap &map);

    // Empty when the point lies in no kecamatan (outside the city) or the locator is empty.
    QString locate(const QGeoCoordinate &point) const;
    bool isEmpty() const { return m_areas.empty(); }

private:
    struct Area
    {
        QString name;
        QRectF bounds;
        std::vector<QList<QPointF>> rings; // outer rings and holes: inside an odd number is in
    };
    // Even-odd ray casting; QPolygonF would pull QtGui into the models.
    static bool ringContains(const QList<QPointF> &ring, const QPointF &p);

    std::vector<Area> m_areas;
};

} // namespace tlr
