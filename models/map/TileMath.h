#pragma once

#include <QGeoCoordinate>
#include <QPointF>
#include <QRectF>
#include <QtGlobal>

#include <cmath>
#include <functional>

namespace tlr {

// One tile of the Web-Mercator XYZ pyramid, numbered as OpenStreetMap numbers them: x east from
// the antimeridian, y south from the top edge (85.0511° N).
struct TileId
{
    int z = 0;
    int x = 0;
    int y = 0;

    bool isValid() const
    {
        const int n = 1 << z;
        return z >= 0 && z <= 30 && x >= 0 && x < n && y >= 0 && y < n;
    }
    friend bool operator==(const TileId &a, const TileId &b) = default;
};

inline size_t qHash(const TileId &t, size_t seed = 0) noexcept
{
    return ::qHash((quint64(t.z) << 58) ^ (quint64(t.x) << 29) ^ quint64(t.y), seed);
}

// The slippy-map formulas (https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames) with 256
// px tiles. "World pixels" at zoom z run from 0 to 256·2^z across the whole Mercator square;
// fractional zooms are allowed, which is what smooth wheel zoom needs.
namespace TileMath {

constexpr int kTileSize = 256;
constexpr double kMaxLatitude = 85.05112878;         // where the Mercator square ends
constexpr double kEarthCircumference = 40075016.686; // metres at the equator (WGS84 a·2π)

inline double worldSize(double zoom)
{
    return kTileSize * std::exp2(zoom);
}

// Normalized Mercator: x and y in [0, 1], y growing southwards.
inline QPointF project(double latitude, double longitude)
{
    // 0.5 − atanh(sin φ)/2π, written as supercluster writes it, so that clusters computed here
    // and there from the same points agree to the last bit.
    const double sine = std::sin(std::clamp(latitude, -kMaxLatitude, kMaxLatitude) * M_PI / 180.0);
    const double x = longitude / 360.0 + 0.5;
    const double y = 0.5 - 0.25 * std::log((1 + sine) / (1 - sine)) / M_PI;
    return {x, std::clamp(y, 0.0, 1.0)};
}

inline QGeoCoordinate unproject(QPointF normalized)
{
    const double lon = (normalized.x() - 0.5) * 360.0;
    const double n = M_PI - 2.0 * M_PI * normalized.y();
    const double lat = 180.0 / M_PI * std::atan(std::sinh(n));
    return QGeoCoordinate(lat, lon);
}

inline QPointF worldPixel(const QGeoCoordinate &coordinate, double zoom)
{
    return project(coordinate.latitude(), coordinate.longitude()) * worldSize(zoom);
}

inline QGeoCoordinate fromWorldPixel(QPointF pixel, double zoom)
{
    return unproject(pixel / worldSize(zoom));
}

inline TileId tileAt(const QGeoCoordinate &coordinate, int zoom)
{
    const int n = 1 << zoom;
    const QPointF p = project(coordinate.latitude(), coordinate.longitude()) * n;
    return {zoom, std::clamp(int(std::floor(p.x())), 0, n - 1),
            std::clamp(int(std::floor(p.y())), 0, n - 1)};
}

// The north-west corner of a tile.
inline QGeoCoordinate tileOrigin(const TileId &tile)
{
    return unproject(QPointF(tile.x, tile.y) / double(1 << tile.z));
}

// MBTiles (and TMS) count rows from the south: row = 2^z − 1 − y. The flip is its own inverse.
inline int tmsRow(int zoom, int row)
{
    return (1 << zoom) - 1 - row;
}

// Ground metres one screen pixel covers at a latitude, for the scale bar.
inline double metresPerPixel(double latitude, double zoom)
{
    return kEarthCircumference * std::cos(latitude * M_PI / 180.0) / worldSize(zoom);
}

} // namespace TileMath
} // namespace tlr
