#include "KecamatanLocator.h"

#include "map/BaseMap.h"

namespace tlr {

KecamatanLocator::KecamatanLocator(const BaseMap &map)
{
    for (const BaseMapFeature &feature : map.features) {
        if (feature.kind != BaseMapFeature::Kind::Kecamatan)
            continue;
        Area area{feature.name, feature.bounds, {}};
        for (const QList<QPointF> &part : feature.parts)
            area.rings.push_back(part);
        m_areas.push_back(std::move(area));
    }
}

bool KecamatanLocator::ringContains(const QList<QPointF> &ring, const QPointF &p)
{
    bool inside = false;
    const qsizetype n = ring.size();
    for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
        const QPointF &a = ring.at(i);
        const QPointF &b = ring.at(j);
        if ((a.y() > p.y()) != (b.y() > p.y()) &&
            p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
    }
    return inside;
}

QString KecamatanLocator::locate(const QGeoCoordinate &point) const
{
    if (!point.isValid())
        return {};
    const QPointF p(point.longitude(), point.latitude());
    for (const Area &area : m_areas) {
        // QRectF::contains excludes the far edges; a point on the boundary is rare enough
        // that the rings decide it.
        if (!area.bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(p))
            continue;
        int inside = 0;
        for (const QList<QPointF> &ring : area.rings) {
            if (ringContains(ring, p))
                ++inside;
        }
        if (inside % 2 == 1)
            return area.name;
    }
    return {};
}

} // namespace tlr
