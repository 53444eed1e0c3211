#include "PointClusterLayer.h"

#include "LiveMapData.h"
#include "MapStyle.h"
#include "MapSymbols.h"

#include <QPainter>

namespace tlr {

namespace {

constexpr double kMargin = 40; // pixels beyond the pane still drawn (symbols reach in)

} // namespace

PointClusterLayer::PointClusterLayer(Content content, LiveMapData *data, QObject *parent)
    : MapLayer(content == Content::Sensors ? QStringLiteral("sensors")
                                           : QStringLiteral("incidents"),
               Stage::Points, content == Content::Sensors ? 0 : 10, parent)
    , m_content(content)
    , m_data(data)
{
    connect(data, &LiveMapData::changed, this, [this] { emit repaintNeeded({}); });
}

void PointClusterLayer::render(QPainter &painter, const Viewport &viewport)
{
    if (!m_data)
        return;
    const bool sensors = m_content == Content::Sensors;
    const auto &points = sensors ? m_data->sensors() : m_data->reports();
    const ClusterIndex &index = sensors ? m_data->sensorClusters() : m_data->reportClusters();
    if (points.empty() || index.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    const int level = index.levelFor(viewport.zoom());
    const auto &nodes = index.nodes(level);
    const double size = TileMath::worldSize(viewport.zoom());
    const QColor clusterColour = sensors ? MapStyle::accent() : QColor(0xe6, 0x9f, 0x00);
    for (const int i : index.query(level, viewport.paneNormalizedRect(kMargin))) {
        const auto &node = nodes[std::size_t(i)];
        const QPointF at = viewport.worldToPane(node.position * size);
        if (node.isCluster()) {
            MapSymbols::blitCluster(painter, at, node.count, clusterColour);
            continue;
        }
        const auto &p = points[std::size_t(node.point)];
        if (sensors)
            MapSymbols::blitSensor(painter, at, p.kind, p.state);
        else
            MapSymbols::blitReport(painter, at, p.emergency);
    }
}

void PointClusterLayer::addSymbolBoxes(const Viewport &viewport, std::vector<QRectF> &boxes) const
{
    if (!m_data)
        return;
    const bool sensors = m_content == Content::Sensors;
    const ClusterIndex &index = sensors ? m_data->sensorClusters() : m_data->reportClusters();
    if (index.isEmpty())
        return;
    const int level = index.levelFor(viewport.zoom());
    const auto &nodes = index.nodes(level);
    const double size = TileMath::worldSize(viewport.zoom());
    for (const int i : index.query(level, viewport.canvasNormalizedRect(kMargin))) {
        const auto &node = nodes[std::size_t(i)];
        const QPointF at = node.position * size - viewport.canvasOrigin();
        boxes.push_back(node.isCluster() ? MapSymbols::clusterBox(at, node.count)
                                         : MapSymbols::pointBox(at));
    }
}

std::optional<MapFeatureHit> PointClusterLayer::hitTest(QPointF panePoint,
                                                        const Viewport &viewport) const
{
    if (!m_data)
        return std::nullopt;
    const bool sensors = m_content == Content::Sensors;
    const auto &points = sensors ? m_data->sensors() : m_data->reports();
    const ClusterIndex &index = sensors ? m_data->sensorClusters() : m_data->reportClusters();
    if (index.isEmpty())
        return std::nullopt;
    const int level = index.levelFor(viewport.zoom());
    const auto &nodes = index.nodes(level);
    const double size = TileMath::worldSize(viewport.zoom());
    const QRectF near = QRectF(viewport.paneToWorld(panePoint) - QPointF(40, 40), QSizeF(80, 80));
    const QRectF box(near.topLeft() / size, near.size() / size);
    std::optional<MapFeatureHit> best;
    double bestDistance = 1e9;
    for (const int i : index.query(level, box)) {
        const auto &node = nodes[std::size_t(i)];
        const QPointF at = viewport.worldToPane(node.position * size);
        const double d = QLineF(at, panePoint).length();
        const double reach = node.isCluster() ? MapSymbols::clusterRadius(node.count)
                                              : MapSymbols::kPointRadius + 4;
        if (d > reach || d >= bestDistance)
            continue;
        bestDistance = d;
        if (node.isCluster()) {
            const QRectF extent = index.extent(level, i);
            const QGeoCoordinate nw = TileMath::unproject(extent.topLeft());
            const QGeoCoordinate se = TileMath::unproject(extent.bottomRight());
            best = MapFeatureHit{{},
                                 name(),
                                 tr("%n item(s): click to zoom in", nullptr, node.count),
                                 QRectF(QPointF(nw.longitude(), nw.latitude()),
                                        QPointF(se.longitude(), se.latitude()))};
        } else {
            const auto &p = points[std::size_t(node.point)];
            best = MapFeatureHit{p.id, name(),
                                 sensors ? p.tooltip : m_data->reportTooltip(std::size_t(node.point)),
                                 std::nullopt};
        }
    }
    return best;
}

} // namespace tlr
