#pragma once

#include <QJsonArray>
#include <QList>

#include <cmath>

namespace tlr::feedsim {

// WGS84 longitude/latitude, the order GeoJSON and NGSI-LD use.
struct GeoPoint
{
    double lon = 0;
    double lat = 0;

    QJsonArray toJson() const { return {round6(lon), round6(lat)}; }

    // Metres on the local tangent plane: plenty for a city 20 km across.
    double distanceTo(const GeoPoint &other) const
    {
        constexpr double metresPerDegree = 111320.0;
        const double dx = (other.lon - lon) * metresPerDegree * std::cos(lat * 0.0174533);
        const double dy = (other.lat - lat) * metresPerDegree;
        return std::sqrt(dx * dx + dy * dy);
    }

    GeoPoint towards(const GeoPoint &other, double fraction) const
    {
        return {lon + (other.lon - lon) * fraction, lat + (other.lat - lat) * fraction};
    }

    static double round6(double v) { return std::round(v * 1e6) / 1e6; }
};

inline QJsonArray lineToJson(const QList<GeoPoint> &points)
{
    QJsonArray coordinates;
    for (const auto &p : points)
        coordinates.append(p.toJson());
    return coordinates;
}

// How an NGSI-LD entity is rendered: normalized (attributes as {"type":"Property","value":…})
// or keyValues (attributes as plain values). The wire carries both.
enum class NgsiForm { Unknown, Normalized, KeyValues };

} // namespace tlr::feedsim
