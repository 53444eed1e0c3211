#pragma once

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QString>
#include <QStringList>

#include <optional>

namespace tlr {

// What an MBTiles file says about itself in its `metadata` table (MBTiles 1.3). Values the
// file leaves out stay empty; values it spells wrongly are left out and named in `problems`.
struct MbtilesMetadata
{
    enum class Format { Unknown, Png, Jpeg, Webp, Pbf };

    QString name;
    QString description;
    QString attribution;
    Format format = Format::Unknown;
    QString formatName; // as written, for messages
    std::optional<QGeoRectangle> bounds;
    std::optional<QGeoCoordinate> center;
    std::optional<int> centerZoom;
    std::optional<int> minZoom;
    std::optional<int> maxZoom;
    QStringList problems;

    // Takes one row of the `metadata` table; keys it does not know are ignored.
    void read(QStringView key, const QString &value);
    // A zoom level 0-30 as the metadata and the tiles table write it; nothing when it is not one.
    static std::optional<int> zoomFrom(QStringView text);

    bool isRaster() const
    {
        return format == Format::Png || format == Format::Jpeg || format == Format::Webp;
    }
};

} // namespace tlr
