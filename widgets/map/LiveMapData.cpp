#include "LiveMapData.h"

#include "alerts/AlertStatusMark.h"
#include "domain/StatusNames.h"
#include "itemmodels/AlertTableModel.h"
#include "situation/SituationModel.h"

#include <algorithm>

namespace tlr {

namespace {

LiveMapData::Point::State stateOf(const Observation &o)
{
    const QString s = o.status.toLower();
    if (s.contains(QLatin1String("offline")) || s.contains(QLatin1String("fault")) ||
        s.contains(QLatin1String("error")) || s.contains(QLatin1String("down")) ||
        s.contains(QLatin1String("rusak")))
        return LiveMapData::Point::State::Fault;
    if (s.contains(QLatin1String("warn")) || s.contains(QLatin1String("siaga")) ||
        s.contains(QLatin1String("awas")))
        return LiveMapData::Point::State::Warning;
    return LiveMapData::Point::State::Normal;
}

QString describe(const Observation &o)
{
    QString text = o.name.isEmpty() ? o.entityId : o.name;
    for (const auto &m : o.measurements.mid(0, 3))
        text += QStringLiteral("\n%1: %2 %3").arg(m.quantity).arg(m.value, 0, 'g', 4).arg(m.unit);
    if (!o.status.isEmpty())
        text += QStringLiteral("\n") + deviceStatusName(o.status);
    return text;
}

} // namespace

LiveMapData::LiveMapData(std::shared_ptr<const BaseMap> baseMap, QObject *parent)
    : QObject(parent)
    , m_baseMap(std::move(baseMap))
{
    // Bursts of feed batches become one refresh: a wall redraws at most 4 times a second
    // for data, however fast it arrives.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveMapData::refresh);
    m_alertCoalesce.setSingleShot(true);
    m_alertCoalesce.setInterval(250);
    connect(&m_alertCoalesce, &QTimer::timeout, this, &LiveMapData::refreshEngineAlerts);
}

void LiveMapData::setBaseMap(std::shared_ptr<const BaseMap> baseMap)
{
    m_baseMap = std::move(baseMap);
    refreshReportRates();
}

void LiveMapData::setAlertTable(const AlertTableModel *alerts)
{
    if (m_alertTable == alerts)
        return;
    if (m_alertTable)
        disconnect(m_alertTable, nullptr, this, nullptr);
    m_alertTable = alerts;
    if (alerts) {
        auto later = [this] {
            if (!m_alertCoalesce.isActive())
                m_alertCoalesce.start();
        };
        connect(alerts, &QAbstractItemModel::dataChanged, this, later);
        connect(alerts, &QAbstractItemModel::rowsInserted, this, later);
        connect(alerts, &QAbstractItemModel::rowsRemoved, this, later);
        connect(alerts, &QAbstractItemModel::modelReset, this, later);
    }
    refreshEngineAlerts();
}

void LiveMapData::refreshEngineAlerts()
{
    m_engineAlerts.clear();
    m_waitingAlerts = 0;
    if (m_alertTable) {
        for (int row = 0; row < m_alertTable->rowCount(); ++row) {
            const AlertRecord &alert = m_alertTable->record(row);
            if (!alert.location.isValid() || alert.state == AlertState::Closed)
                continue;
            const bool waiting = alert.state == AlertState::Unacknowledged
                                 || alert.state == AlertState::ReturnedUnacknowledged;
            m_waitingAlerts += waiting;
            QString tooltip =
                alert.live ? alert.title : markedAlertTitle(alert.status, alert.title);
            if (!alert.kecamatan.isEmpty())
                tooltip += QStringLiteral("\n") + alert.kecamatan;
            m_engineAlerts.push_back({alert.subject(), tooltip, alert.location, alert.severity,
                                      waiting, alert.live});
        }
    }
    emit changed();
}

void LiveMapData::setSituation(const SituationModel *situation)
{
    if (m_situation == situation)
        return;
    if (m_situation)
        disconnect(m_situation, nullptr, this, nullptr);
    m_situation = situation;
    if (situation) {
        auto later = [this] {
            if (!m_coalesce.isActive())
                m_coalesce.start();
        };
        connect(situation, &SituationModel::observationsChanged, this, later);
        connect(situation, &SituationModel::alertsChanged, this, later);
    }
    if (m_reportBuilder)
        disconnect(m_reportBuilder.get(), nullptr, this, nullptr);
    m_reportBuilder = ReportLayerBuilder::of(situation);
    if (m_reportBuilder)
        connect(m_reportBuilder.get(), &ReportLayerBuilder::layerChanged, this, &LiveMapData::takeReports);
    refresh();
    takeReports();
}

void LiveMapData::takeReports()
{
    std::shared_ptr<const ReportLayer> layer = m_reportBuilder ? m_reportBuilder->layer() : nullptr;
    if (layer == m_reportLayer)
        return;
    m_reportLayer = std::move(layer);
    refreshReportRates();
    emit changed();
}

void LiveMapData::refreshReportRates()
{
    m_reportRates.clear();
    if (!m_reportLayer || !m_baseMap)
        return;
    for (const auto &f : m_baseMap->features) {
        if (f.kind == BaseMapFeature::Kind::Kecamatan && f.population > 0)
            m_reportRates.insert(f.name, m_reportLayer->openByKecamatan.value(f.name) * 10000.0
                                             / f.population);
    }
}

const std::vector<LiveMapData::Point> &LiveMapData::reports() const
{
    static const std::vector<Point> kNone;
    return m_reportLayer ? m_reportLayer->points : kNone;
}

QString LiveMapData::reportTooltip(std::size_t point) const
{
    return m_reportLayer ? m_reportLayer->tooltip(point) : QString();
}

const ClusterIndex &LiveMapData::reportClusters() const
{
    static const ClusterIndex kNone;
    return m_reportLayer ? m_reportLayer->clusters : kNone;
}

void LiveMapData::setSensors(std::vector<Point> sensors)
{
    m_sensors = std::move(sensors);
    m_sensorClusters = clusterIndexOf(m_sensors);
    emit changed();
}

void LiveMapData::setVehicles(std::vector<Point> vehicles)
{
    m_vehicles = std::move(vehicles);
    emit changed();
}

void LiveMapData::setEngineAlerts(std::vector<EngineAlert> alerts)
{
    m_engineAlerts = std::move(alerts);
    m_waitingAlerts = int(std::count_if(m_engineAlerts.begin(), m_engineAlerts.end(),
                                        [](const EngineAlert &a) { return a.waiting; }));
    emit changed();
}

void LiveMapData::refresh()
{
    if (!m_situation)
        return;
    m_sensors.clear();
    m_vehicles.clear();
    m_traffic.clear();
    for (const Observation &o : m_situation->observations()) {
        if (!o.path.isEmpty()) {
            Line line{o.entityId, describe(o), o.path, -1};
            if (const auto speed = o.value(u"averageVehicleSpeed"))
                line.speedKmh = *speed;
            m_traffic.push_back(std::move(line));
            continue;
        }
        if (!o.location.isValid())
            continue;
        Point p{o.entityId, describe(o), o.location, o.kind, stateOf(o), false};
        if (o.entityType == u"Vehicle")
            m_vehicles.push_back(std::move(p));
        else
            m_sensors.push_back(std::move(p));
    }
    // Stable order: clusters must not jump between refreshes with the same data.
    const auto byId = [](const Point &a, const Point &b) {
        return a.id < b.id;
    };
    std::sort(m_sensors.begin(), m_sensors.end(), byId);
    std::sort(m_vehicles.begin(), m_vehicles.end(), byId);
    m_sensorClusters = clusterIndexOf(m_sensors);

    m_alerts.clear();
    for (const Alert &a : m_situation->activeAlerts()) {
        AlertArea area;
        area.id = a.identifier;
        area.severity = a.highestSeverity();
        area.live = a.isLive();
        QString headline;
        for (const auto &info : a.infos) {
            if (headline.isEmpty())
                headline = info.headline.isEmpty() ? info.event : info.headline;
            for (const auto &region : info.areas) {
                for (const QGeoPolygon &polygon : region.polygons) {
                    const QList<QGeoCoordinate> ring = polygon.perimeter();
                    if (ring.size() >= 3)
                        area.polygons.append(ring);
                }
                for (const QGeoCircle &circle : region.circles) {
                    if (circle.isValid())
                        area.circles.append(circle);
                }
            }
        }
        area.tooltip = headline.isEmpty() ? a.identifier : headline;
        if (!area.live)
            area.tooltip = markedAlertTitle(a.status, area.tooltip);
        // The marker sits at the middle of the first shape.
        if (!area.polygons.isEmpty()) {
            double lat = 0, lon = 0;
            for (const auto &c : area.polygons.front()) {
                lat += c.latitude();
                lon += c.longitude();
            }
            area.marker = QGeoCoordinate(lat / area.polygons.front().size(),
                                         lon / area.polygons.front().size());
        } else if (!area.circles.isEmpty()) {
            area.marker = area.circles.front().center();
        }
        if (area.marker.isValid())
            m_alerts.push_back(std::move(area));
    }
    emit changed();
}

} // namespace tlr
