#include "MbtilesTileSource.h"

#include "map/MbtilesReader.h"

#include <QFileInfo>
#include <QImage>

#include <map>
#include <memory>

namespace tlr {

namespace {

// One reader per worker thread and file: QtSql connections may not cross threads.
MbtilesReader *readerFor(const QString &fileName)
{
    thread_local std::map<QString, std::unique_ptr<MbtilesReader>> readers;
    auto &reader = readers[fileName];
    if (!reader) {
        reader = std::make_unique<MbtilesReader>();
        reader->open(fileName);
    }
    return reader.get();
}

} // namespace

std::variant<MbtilesTileSource *, MbtilesTileSource::Error>
MbtilesTileSource::open(const QString &fileName, QObject *parent)
{
    MbtilesReader reader;
    if (!reader.open(fileName))
        return Error{reader.errorString()};
    const MbtilesMetadata metadata = reader.metadata();
    if (metadata.format == MbtilesMetadata::Format::Pbf) {
        return Error{QStringLiteral("%1: vector tiles (pbf) are not supported; use a raster "
                                    "(png/jpg) MBTiles file")
                         .arg(fileName)};
    }
    return new MbtilesTileSource(fileName, metadata, parent);
}

MbtilesTileSource::MbtilesTileSource(const QString &fileName, const MbtilesMetadata &metadata,
                                     QObject *parent)
    : TileSource(parent)
    , m_fileName(fileName)
    , m_metadata(metadata)
{
}

QString MbtilesTileSource::attribution() const
{
    if (!m_metadata.attribution.isEmpty())
        return m_metadata.attribution;
    return m_metadata.name.isEmpty() ? QFileInfo(m_fileName).fileName() : m_metadata.name;
}

void MbtilesTileSource::start(const TileId &tile)
{
    runJob(tile, [fileName = m_fileName, tile]() -> JobResult {
        MbtilesReader *reader = readerFor(fileName);
        const auto found = reader->tile(tile);
        switch (found.status) {
        case MbtilesReader::Tile::Status::Found: {
            QImage image = QImage::fromData(found.data);
            if (image.isNull()) {
                return {QImage(), QStringLiteral("%1: tile %2/%3/%4 is not a readable image")
                                      .arg(fileName)
                                      .arg(tile.z)
                                      .arg(tile.x)
                                      .arg(tile.y)};
            }
            return {image.convertToFormat(QImage::Format_ARGB32_Premultiplied), {}};
        }
        case MbtilesReader::Tile::Status::Failed:
            return {QImage(), found.error};
        case MbtilesReader::Tile::Status::Missing:
        case MbtilesReader::Tile::Status::Unknown:
            break;
        }
        return {};
    });
}

} // namespace tlr
