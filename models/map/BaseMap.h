#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

namespace tlr {

// One feature of the built-in base map. Coordinates are (longitude, latitude) in x, y.
struct BaseMapFeature
{
    enum class Kind { Unknown, City, Kecamatan, River, Road, TollRoad, Airport, Runway, Landmark };
    enum class Landmark { Unknown, CityHall, Airport, Hospital, Sluice };

    Kind kind = Kind::Unknown;
    Landmark landmark = Landmark::Unknown;
    QString name;
    int population = 0;          // kecamatan only; 0 when unknown
    QList<QList<QPointF>> parts; // polygon rings or line parts; one point for a landmark
    QPointF labelAt;             // where the name goes; the centre of the bounds if not given
    QRectF bounds;               // lon/lat bounding box
};

// The offline base map the project ships (resources/basemap/tangerang.geojson): immutable once
// read, shared between the GUI thread and the tile renderers.
struct BaseMap
{
    QString attribution;
    std::vector<BaseMapFeature> features;
    QRectF bounds; // of every feature, lon/lat

    const BaseMapFeature *find(BaseMapFeature::Kind kind, QStringView name) const
    {
        for (const auto &f : features) {
            if (f.kind == kind && f.name == name)
                return &f;
        }
        return nullptr;
    }
};

} // namespace tlr
