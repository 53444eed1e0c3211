#include "MapViewGroup.h"

#include "BuiltinTileSource.h"
#include "MbtilesTileSource.h"
#include "XyzTileSource.h"
#include "map/BaseMapReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcMapView, "tlr.map.view")

namespace tlr {

MapViewGroup::MapViewGroup(QObject *parent)
    : QObject(parent)
{
    auto read = BaseMapReader::readBuiltin();
    if (!read.ok())
        qCWarning(lcMapView) << "the built-in base map does not read:" << read.problems.size();
    m_baseMap = std::make_shared<const BaseMap>(std::move(read.map));
    m_live.setBaseMap(m_baseMap);
    setBaseMap(TileSourceSpec{TileSourceSpec::Kind::Builtin, {}});
}

MapViewGroup::~MapViewGroup() = default;

MapViewGroup *MapViewGroup::shared(const QString &id)
{
    static QHash<QString, QPointer<MapViewGroup>> groups;
    QPointer<MapViewGroup> &group = groups[id];
    if (!group)
        group = new MapViewGroup(QCoreApplication::instance());
    return group;
}

QString MapViewGroup::tileCacheDirectory()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return QDir(base.isEmpty() ? QDir::tempPath() : base).filePath(QStringLiteral("tiles"));
}

void MapViewGroup::setView(const QGeoCoordinate &center, double zoom)
{
    if (!center.isValid())
        return;
    zoom = std::clamp(zoom, Viewport::kMinZoom, Viewport::kMaxZoom);
    // Keep the view near the city: a wall must never be panned into the ocean for good.
    const QGeoCoordinate c(std::clamp(center.latitude(), -7.5, -5.0),
                           std::clamp(center.longitude(), 105.5, 107.8));
    if (c == m_center && zoom == m_zoom)
        return;
    m_center = c;
    m_zoom = zoom;
    emit viewChanged();
}

int MapViewGroup::addPane()
{
    const int id = m_nextPane++;
    m_panes[id] = Pane{};
    return id;
}

void MapViewGroup::removePane(int pane)
{
    m_panes.erase(pane);
    sizeTileCache();
    emit panesChanged();
}

void MapViewGroup::updatePane(int pane, std::optional<QPoint> wallCell, QPoint offsetInPage,
                              QSize size)
{
    auto it = m_panes.find(pane);
    if (it == m_panes.end())
        return;
    const Pane updated{wallCell, offsetInPage, size};
    if (it->second.wallCell == updated.wallCell && it->second.offset == updated.offset &&
        it->second.size == updated.size)
        return;
    it->second = updated;
    sizeTileCache();
    emit panesChanged();
}

void MapViewGroup::sizeTileCache()
{
    // Room for what the panes show twice over: the view on screen and the one before it (the
    // map goes back home after following an alert). Each alert the map follows would otherwise
    // add a screenful of tiles until a fixed budget ran out, and a wall never stops.
    constexpr qint64 kViews = 2;
    constexpr qint64 kMinimumBytes = 16ll * 1024 * 1024;
    // A tile is drawn down to 0.84 of its size before the next zoom level takes over
    // (TileLayer::tileZoomFor), and a pane cuts into the tiles on each side.
    constexpr double kSmallestTile = TileMath::kTileSize * 0.84;
    const qint64 tileBytes = qint64(TileMath::kTileSize) * TileMath::kTileSize * 4;
    qint64 tiles = 0;
    for (const auto &[id, pane] : m_panes) {
        tiles += qint64(std::ceil(pane.size.width() / kSmallestTile) + 1)
                 * qint64(std::ceil(pane.size.height() / kSmallestTile) + 1);
    }
    m_cache.setMaxBytes(std::max(kMinimumBytes, kViews * tiles * tileBytes));
}

QRect MapViewGroup::paneRect(int pane) const
{
    const auto it = m_panes.find(pane);
    if (it == m_panes.end())
        return {};
    const Pane &p = it->second;
    if (!p.wallCell)
        return QRect(QPoint(0, 0), p.size);
    // Panes side by side in one wall row are contiguous: the canvas goes on at the next pane's
    // first column exactly where the previous one ended, whatever the bezels and tile margins.
    // Vertically a pane keeps its place in its page, so rows line up when titles differ.
    int x = 0;
    for (const auto &[id, other] : m_panes) {
        if (id != pane && other.wallCell && other.wallCell->y() == p.wallCell->y() &&
            other.wallCell->x() < p.wallCell->x())
            x += other.size.width();
    }
    // Rows are contiguous too: the map goes on in the row below exactly where the row above
    // ended, whatever page header lies between them. Within a row a pane keeps its place in its
    // page, so that panes side by side line up when one has a title bar and the other not.
    int minRow = p.wallCell->y();
    for (const auto &[id, other] : m_panes) {
        if (other.wallCell)
            minRow = std::min(minRow, other.wallCell->y());
    }
    int rowTop = 0;
    for (int row = minRow;; ++row) {
        int minOffset = std::numeric_limits<int>::max();
        for (const auto &[id, other] : m_panes) {
            if (other.wallCell && other.wallCell->y() == row)
                minOffset = std::min(minOffset, other.offset.y());
        }
        const int shift = row == minRow ? 0 : -minOffset; // the top row keeps its page offsets
        if (row == p.wallCell->y())
            return QRect(QPoint(x, rowTop + shift + p.offset.y()), p.size);
        int rowBottom = rowTop;
        for (const auto &[id, other] : m_panes) {
            if (other.wallCell && other.wallCell->y() == row)
                rowBottom =
                    std::max(rowBottom, rowTop + shift + other.offset.y() + other.size.height());
        }
        rowTop = rowBottom;
    }
}

QRect MapViewGroup::canvasBounds() const
{
    QRect bounds;
    for (const auto &[id, pane] : m_panes)
        bounds = bounds.united(paneRect(id));
    return bounds;
}

Viewport MapViewGroup::viewport(int pane) const
{
    const QRect bounds = canvasBounds();
    const QRect rect = paneRect(pane).translated(-bounds.topLeft());
    Viewport v(m_center, m_zoom, bounds.size(), rect);
    QList<int> seams;
    QList<int> rowSeams;
    for (const auto &[id, other] : m_panes) {
        const QRect r = paneRect(id).translated(-bounds.topLeft());
        if (r.left() > 0 && !seams.contains(r.left()))
            seams.append(r.left());
        if (other.wallCell && r.top() > 0 && !rowSeams.contains(r.top()) &&
            std::any_of(m_panes.begin(), m_panes.end(), [&](const auto &above) {
                return above.second.wallCell && above.second.wallCell->y() < other.wallCell->y();
            }))
            rowSeams.append(r.top());
    }
    v.setSeams(seams);
    v.setRowSeams(rowSeams);
    return v;
}

void MapViewGroup::setEnabledLayers(const QStringList &names)
{
    if (m_enabledLayers == names)
        return;
    m_enabledLayers = names;
    emit enabledLayersChanged();
}

void MapViewGroup::setBaseMap(const TileSourceSpec &spec)
{
    m_baseMapError.clear();
    TileSource *source = nullptr;
    switch (spec.kind) {
    case TileSourceSpec::Kind::Mbtiles: {
        auto opened = MbtilesTileSource::open(spec.location, this);
        if (auto *error = std::get_if<MbtilesTileSource::Error>(&opened))
            m_baseMapError = error->message;
        else
            source = std::get<MbtilesTileSource *>(opened);
        break;
    }
    case TileSourceSpec::Kind::Xyz:
        source = new XyzTileSource(spec.location, tileCacheDirectory(), this);
        break;
    case TileSourceSpec::Kind::Builtin:
    case TileSourceSpec::Kind::Unknown:
        break;
    }
    if (!source) {
        if (!m_baseMapError.isEmpty())
            qCWarning(lcMapView).noquote() << m_baseMapError << "- using the built-in map";
        source = new BuiltinTileSource(m_baseMap, this);
        m_spec = TileSourceSpec{TileSourceSpec::Kind::Builtin, {}};
    } else {
        m_spec = spec;
    }
    if (m_source)
        m_source->deleteLater();
    m_source = source;
    emit tileSourceChanged();
}

} // namespace tlr
