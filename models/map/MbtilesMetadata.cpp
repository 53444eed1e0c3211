#include "MbtilesMetadata.h"

#include "domain/EnumTable.h"

#include <cmath>

namespace tlr {

namespace {

constexpr EnumEntry<MbtilesMetadata::Format> kFormats[] = {
    {u"jpeg", MbtilesMetadata::Format::Jpeg}, {u"jpg", MbtilesMetadata::Format::Jpeg},
    {u"pbf", MbtilesMetadata::Format::Pbf},   {u"png", MbtilesMetadata::Format::Png},
    {u"webp", MbtilesMetadata::Format::Webp},
};
static_assert(isSortedTable(kFormats));

std::optional<double> toNumber(QStringView text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<int> toZoom(QStringView text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 0 || value > 30)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<int> MbtilesMetadata::zoomFrom(QStringView text)
{
    return toZoom(text);
}

void MbtilesMetadata::read(QStringView key, const QString &value)
{
    key = key.trimmed();
    if (key == u"name") {
        name = value;
    } else if (key == u"description") {
        description = value;
    } else if (key == u"attribution") {
        attribution = value;
    } else if (key == u"format") {
        formatName = value.trimmed();
        const auto known = enumFromKey(kFormats, formatName, Qt::CaseInsensitive);
        if (known)
            format = *known;
        else
            problems << QStringLiteral("metadata.format: unknown \"%1\"").arg(value);
    } else if (key == u"bounds") {
        // left,bottom,right,top in degrees
        const auto parts = QStringView(value).split(u',');
        std::optional<double> v[4];
        bool ok = parts.size() == 4;
        for (int i = 0; ok && i < 4; ++i) {
            v[i] = toNumber(parts[i]);
            ok = v[i].has_value();
        }
        ok = ok && *v[0] >= -180 && *v[2] <= 180 && *v[0] < *v[2] && *v[1] >= -90 &&
             *v[3] <= 90 && *v[1] < *v[3];
        if (ok) {
            bounds = QGeoRectangle(QGeoCoordinate(*v[3], *v[0]), QGeoCoordinate(*v[1], *v[2]));
        } else {
            problems << QStringLiteral(
                            "metadata.bounds: expected left,bottom,right,top, got \"%1\"")
                            .arg(value);
        }
    } else if (key == u"center") {
        // longitude,latitude,zoom
        const auto parts = QStringView(value).split(u',');
        const auto lon = parts.size() >= 2 ? toNumber(parts[0]) : std::nullopt;
        const auto lat = parts.size() >= 2 ? toNumber(parts[1]) : std::nullopt;
        if (lon && lat && std::abs(*lon) <= 180 && std::abs(*lat) <= 90) {
            center = QGeoCoordinate(*lat, *lon);
            if (parts.size() >= 3)
                centerZoom = toZoom(parts[2]);
        } else {
            problems << QStringLiteral("metadata.center: expected lon,lat,zoom, got \"%1\"")
                            .arg(value);
        }
    } else if (key == u"minzoom" || key == u"maxzoom") {
        const auto zoom = toZoom(value);
        if (!zoom) {
            problems << QStringLiteral("metadata.%1: expected 0-30, got \"%2\"")
                            .arg(key.toString(), value);
        } else if (key == u"minzoom") {
            minZoom = zoom;
        } else {
            maxZoom = zoom;
        }
    }
}

} // namespace tlr
