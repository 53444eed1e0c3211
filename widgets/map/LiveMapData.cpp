#include "LiveMapData.h"

#include "alerts/AlertStatusMark.h"
#include "domain/StatusNames.h"
#include "itemmodels/AlertTableModel.h"
#include "map/TileMath.h"
#include "situation/SituationModel.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

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

// One thread for every map's report layers, kept for the whole run. glibc gives each thread an
// arena of its own and keeps what was freed in it: layers built on whichever pool thread was
// free left a day's layer in every one of them (two arenas of 60 MB in the whole-day soak).
QThreadPool &reportLayerThread()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(1);
        pool.setExpiryTimeout(-1);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
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
    m_reportCoalesce.setSingleShot(true);
    m_reportCoalesce.setInterval(kReportRefreshMs);
    connect(&m_reportCoalesce, &QTimer::timeout, this, &LiveMapData::refreshReports);
    connect(&m_reportBuild, &QFutureWatcher<ReportLayer>::finished, this, &LiveMapData::takeReports);
}

LiveMapData::~LiveMapData()
{
    // The build reads nothing of ours, but its result comes here. Only a running one is waited
    // for: a finished future asked to wait reaches into its pool, and a map group may outlive
    // the application object.
    if (m_reportBuild.isRunning())
        m_reportBuild.waitForFinished();
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
        connect(situation, &SituationModel::reportsChanged, this, [this] {
            if (!m_reportCoalesce.isActive())
                m_reportCoalesce.start();
        });
    }
    refresh();
    refreshReports();
}

void LiveMapData::refreshReports()
{
    if (!m_situation)
        return;
    if (m_reportBuild.isRunning()) {
        m_reportsChangedMeanwhile = true; // once this build is in
        return;
    }
    // Copies share their texts: what the worker gets costs a few milliseconds for a day's
    // reports, and the situation may change under it meanwhile.
    const std::deque<Report> &recent = m_situation->recentReports();
    std::vector<Report> reports(recent.cbegin(), recent.cend());
    m_reportBuild.setFuture(QtConcurrent::run(&reportLayerThread(), &LiveMapData::buildReports,
                                              std::move(reports), m_baseMap));
}

LiveMapData::ReportLayer LiveMapData::buildReports(std::vector<Report> reports,
                                                   std::shared_ptr<const BaseMap> baseMap)
{
    ReportLayer layer;
    QHash<QString, int> open;
    for (Report &r : reports) {
        if (!r.kecamatan.isEmpty())
            ++open[r.kecamatan];
        if (!r.location.isValid())
            continue;
        layer.points.push_back(
            {r.id, QString(), r.location, FeedKind::Unknown, Point::State::Normal, r.emergency});
        layer.located.push_back(std::move(r));
    }
    layer.clusters = buildIndex(layer.points);
    if (baseMap) {
        for (const auto &f : baseMap->features) {
            if (f.kind == BaseMapFeature::Kind::Kecamatan && f.population > 0)
                layer.rates.insert(f.name, open.value(f.name) * 10000.0 / f.population);
        }
    }
    return layer;
}

QString LiveMapData::reportTooltip(std::size_t point) const
{
    if (point >= m_reportSources.size())
        return {};
    const Report &r = m_reportSources[point];
    return QStringLiteral("%1 — %2\n%3").arg(r.category, r.kecamatan, r.description.left(120));
}

void LiveMapData::takeReports()
{
    if (m_reportBuild.isCanceled() || m_reportBuild.future().resultCount() == 0)
        return;
    ReportLayer layer = m_reportBuild.future().takeResult();
    m_reports = std::move(layer.points);
    m_reportSources = std::move(layer.located);
    m_reportClusters = std::move(layer.clusters);
    m_reportRates = std::move(layer.rates);
    emit changed();
    if (m_reportsChangedMeanwhile) {
        m_reportsChangedMeanwhile = false;
        if (!m_reportCoalesce.isActive())
            m_reportCoalesce.start();
    }
}

ClusterIndex LiveMapData::buildIndex(const std::vector<Point> &points)
{
    std::vector<QPointF> projected;
    projected.reserve(points.size());
    for (const auto &p : points)
        projected.push_back(TileMath::project(p.at.latitude(), p.at.longitude()));
    // 80 of 512: clusters 40 screen pixels apart, so badges of 24 px type never touch.
    ClusterIndex::Options options;
    options.radius = 80;
    ClusterIndex index(options);
    index.build(projected);
    return index;
}

void LiveMapData::setSensors(std::vector<Point> sensors)
{
    m_sensors = std::move(sensors);
    m_sensorClusters = buildIndex(m_sensors);
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
    m_sensorClusters = buildIndex(m_sensors);

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
