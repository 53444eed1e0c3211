#pragma once

#include "TileSource.h"
#include "map/MbtilesMetadata.h"

#include <variant>

namespace tlr {

// Raster tiles (PNG, JPEG, WebP where Qt has the plugin) from an MBTiles file. The file is
// checked when the source is made; workers read it through one MbtilesReader per thread.
class MbtilesTileSource : public TileSource
{
    Q_OBJECT
public:
    struct Error
    {
        QString message; // names the file
    };
    static std::variant<MbtilesTileSource *, Error> open(const QString &fileName,
                                                         QObject *parent = nullptr);

    QString attribution() const override;
    int minZoom() const override { return m_metadata.minZoom.value_or(0); }
    int maxZoom() const override { return m_metadata.maxZoom.value_or(19); }
    const MbtilesMetadata &metadata() const { return m_metadata; }
    QString fileName() const { return m_fileName; }

protected:
    void start(const TileId &tile) override;

private:
    MbtilesTileSource(const QString &fileName, const MbtilesMetadata &metadata, QObject *parent);

    QString m_fileName;
    MbtilesMetadata m_metadata;
};

} // namespace tlr
