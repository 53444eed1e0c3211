#include "SpatialGrid.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tlr {
namespace {

// Conservative metres per degree, so that the box searched always holds the circle: a degree
// of latitude is at least 110,574 m; a degree of longitude is 111,320 m times cos(latitude).
constexpr double kMinMetresPerLatitudeDegree = 110574.0;
constexpr double kMetresPerLongitudeDegreeAtEquator = 111320.0;

} // namespace

SpatialGrid::SpatialGrid(double cellMetres)
    : m_cellDegrees(std::max(cellMetres, 1.0) / kMinMetresPerLatitudeDegree)
{
}

int SpatialGrid::row(double latitude) const
{
    return int(std::floor(latitude / m_cellDegrees));
}

int SpatialGrid::column(double longitude) const
{
    return int(std::floor(longitude / m_cellDegrees));
}

quint64 SpatialGrid::key(int row, int column)
{
    return (quint64(quint32(row)) << 32) | quint32(column);
}

void SpatialGrid::insert(qint64 id, const QGeoCoordinate &at)
{
    m_cells[key(row(at.latitude()), column(at.longitude()))].push_back(id);
    ++m_size;
}

void SpatialGrid::remove(qint64 id, const QGeoCoordinate &at)
{
    const auto cell = m_cells.find(key(row(at.latitude()), column(at.longitude())));
    if (cell == m_cells.end())
        return;
    auto &ids = cell.value();
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
        return;
    ids.erase(it);
    --m_size;
    if (ids.empty())
        m_cells.erase(cell);
}

std::vector<qint64> SpatialGrid::near(const QGeoCoordinate &at, double radiusMetres) const
{
    const double latitudeSpan = radiusMetres / kMinMetresPerLatitudeDegree;
    const double cosine =
        std::max(std::cos(std::min(std::abs(at.latitude()) + latitudeSpan, 89.0) *
                          std::numbers::pi / 180.0),
                 0.01);
    const double longitudeSpan = radiusMetres / (kMetresPerLongitudeDegreeAtEquator * cosine);
    std::vector<qint64> ids;
    const int lastRow = row(at.latitude() + latitudeSpan);
    const int lastColumn = column(at.longitude() + longitudeSpan);
    for (int r = row(at.latitude() - latitudeSpan); r <= lastRow; ++r) {
        for (int c = column(at.longitude() - longitudeSpan); c <= lastColumn; ++c) {
            const auto cell = m_cells.constFind(key(r, c));
            if (cell != m_cells.cend())
                ids.insert(ids.end(), cell->begin(), cell->end());
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace tlr
