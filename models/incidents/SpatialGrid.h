#pragma once

#include <QGeoCoordinate>
#include <QHash>

#include <vector>

namespace tlr {

// Points by id in cells of a fixed size in degrees, so that "what lies within r metres of
// here" looks at a handful of cells, not at every point. near() returns a superset of the
// answer, sorted by id; callers check the exact distance (QGeoCoordinate::distanceTo).
class SpatialGrid
{
public:
    explicit SpatialGrid(double cellMetres);

    void insert(qint64 id, const QGeoCoordinate &at);
    void remove(qint64 id, const QGeoCoordinate &at); // at: where it was inserted
    std::vector<qint64> near(const QGeoCoordinate &at, double radiusMetres) const;
    qsizetype size() const { return m_size; }

private:
    int row(double latitude) const;
    int column(double longitude) const;
    static quint64 key(int row, int column);

    double m_cellDegrees;
    QHash<quint64, std::vector<qint64>> m_cells;
    qsizetype m_size = 0;
};

} // namespace tlr
